// Starting testkit/telegram-bot-process.ts as a child process against a fake Bot API, killing it
// (SIGKILL: no chance to finish or confirm anything) and stopping it gracefully.
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { FakeTelegram } from './fakes/telegram-api.ts';

const ROOT = resolve(import.meta.dirname, '..');

export interface BotProcess {
  /** Resolves once the bot polls the fake. */
  polling: Promise<void>;
  /** SIGKILL, and resolves when the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (finish what is in flight), and resolves with the exit code. */
  stop(): Promise<number | null>;
  stderr(): string;
}

export function startBotProcess(fake: FakeTelegram, dataDir: string, knowledgeDir = join(ROOT, 'knowledge')): BotProcess {
  const polls = fake.of('getUpdates').length;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'testkit/telegram-bot-process.ts')], {
    cwd: ROOT,
    env: { ...process.env, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url, DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledgeDir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return {
    polling: fake
      .waitFor((c) => c.method === 'getUpdates' && fake.of('getUpdates').length > polls, 'the bot process polling')
      .then(() => undefined),
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
    stderr: () => stderr,
  };
}
