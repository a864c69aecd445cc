// Start-up failures, as an operator meets them: `startApp` with a configuration read from the
// environment, platforms configured against the fakes, and (once, for the exit itself) the real CLI
// process. Each gives a clear error and exit code 2, and nothing is left half-started: no platform
// was called, or what had started is stopped again and the process ends by itself.
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startApp } from '../../src/main.ts';
import { startFakeSlack, type FakeSlack } from '../../testkit/fakes/slack-api.ts';
import { startFakeTelegram, type FakeTelegram } from '../../testkit/fakes/telegram-api.ts';
import { edit, knowledgeCopy, ROOT } from '../helpers.ts';
import { SIGNING_SECRET } from '../../testkit/slack-client.ts';
import { captureLog } from './harness.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `mou-bot start` in its own process; killed (and the test failed) if it does not end by itself. */
function start(env: Record<string, string>, timeoutMs = 20_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    // Each run its own database folder (DATA_DIR), so concurrent runs never share a SQLite file.
    const dataDir = join(tmpdir(), `mou-startup-data-${process.pid}-${++runs}`);
    dirs.push(dataDir);
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), 'start'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', DATA_DIR: dataDir, ...env },
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mou-bot start did not exit within ${timeoutMs} ms (half-started?)\n${stderr}`));
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end('');
  });
}

/** `startApp` in this process, as `mou-bot start` runs it; its logs are the run's stderr. */
async function startInProcess(env: Record<string, string>): Promise<Run> {
  const dataDir = join(tmpdir(), `mou-startup-data-${process.pid}-${++runs}`);
  dirs.push(dataDir);
  const config = loadConfig({ LOG_LEVEL: 'info', DATA_DIR: dataDir, KNOWLEDGE_WATCH: 'false', ...env });
  const logs = captureLog(config.logLevel);
  const code = await startApp(config, logs.log);
  return { code, stdout: '', stderr: logs.text() };
}

const fatal = (r: Run) => r.stderr.split('\n').filter((l) => l.includes('"level":60'));

let telegram: FakeTelegram;
let slack: FakeSlack;
const dirs: string[] = [];
let runs = 0;
let freePort: number;
beforeAll(async () => {
  telegram = await startFakeTelegram();
  slack = await startFakeSlack();
  const { port, server } = await busyPort();
  freePort = port;
  await new Promise((resolve) => server.close(resolve));
});
afterAll(async () => {
  await telegram.close();
  await slack.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** Both platforms configured against the fakes: Slack in HTTP mode on `slackPort` (default: one that was free). */
const platforms = (slackPort = freePort) => ({
  TELEGRAM_BOT_TOKEN: telegram.token,
  TELEGRAM_API_ROOT: telegram.url,
  SLACK_BOT_TOKEN: 'xoxb-startup-test',
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: slack.apiUrl,
  SLACK_PORT: String(slackPort),
});

async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'mou-startup-'));
  dirs.push(d);
  return d;
}

async function busyPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

describe('start with bad knowledge: exit 2, a clear error, no platform called', () => {
  it.concurrent.each([
    ['a missing KNOWLEDGE_DIR', async () => join(await tempDir(), 'nowhere'), /knowledge folder does not exist/],
    [
      'a KNOWLEDGE_DIR that is a file',
      async () => {
        const f = join(await tempDir(), 'knowledge.txt');
        await writeFile(f, 'not a folder');
        return f;
      },
      /cannot read knowledge folder \(ENOTDIR\)/,
    ],
    [
      'an unreadable knowledge file',
      async () => {
        const dir = await knowledgeCopy();
        dirs.push(dir);
        await rm(join(dir, 'glossary.yaml'));
        await mkdir(join(dir, 'glossary.yaml'));
        return dir;
      },
      /glossary\.yaml: cannot read file \(EISDIR\)/,
    ],
    [
      'malformed YAML',
      async () => {
        const dir = await knowledgeCopy();
        dirs.push(dir);
        await edit(dir, 'bg-tn-2023/people.yaml', /people:\n/, 'people:\n  - [unclosed\n');
        return dir;
      },
      /people\.yaml: line \d+, column \d+: malformed YAML/,
    ],
    [
      'a reference to nothing',
      async () => {
        const dir = await knowledgeCopy();
        dirs.push(dir);
        await edit(dir, 'bg-tn-2023/commitments.yaml', 'party: bo-gtvt', 'party: so-gtvt-bg');
        return dir;
      },
      /unknown person or body id \\?"so-gtvt-bg/,
    ],
  ])('%s', async (_, makeDir, reason) => {
    const before = { telegram: telegram.calls.length, slack: slack.calls.length };
    const r = await startInProcess({ ...platforms(), KNOWLEDGE_DIR: await makeDir() });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    const [line, ...more] = fatal(r);
    expect(more, r.stderr).toEqual([]);
    expect(line, r.stderr).toBeDefined();
    expect(line).toMatch(/nothing started/);
    expect(line).toMatch(reason);
    // Concurrent cases share the fakes, but none of them may have reached a platform.
    expect({ telegram: telegram.calls.length, slack: slack.calls.length }).toEqual(before);
  });

  it.runIf(process.getuid?.() !== 0)('an unreadable KNOWLEDGE_DIR (permissions)', async () => {
    const dir = await knowledgeCopy();
    dirs.push(dir);
    await chmod(dir, 0o000);
    try {
      const r = await startInProcess({ KNOWLEDGE_DIR: dir });
      expect(r.code).toBe(2);
      expect(fatal(r)[0]).toMatch(/cannot read knowledge folder \(EACCES\)/);
    } finally {
      await chmod(dir, 0o755);
    }
  });
});

describe('start with an unusable database: exit 2, a clear error, no platform called', () => {
  it('a corrupt SQLite file', async () => {
    const dataDir = await tempDir();
    await writeFile(join(dataDir, 'mou-bot.sqlite'), 'this is not a database, only some text that is long enough'.repeat(200));
    const before = { telegram: telegram.calls.length, slack: slack.calls.length };
    const r = await startInProcess({ ...platforms(), KNOWLEDGE_DIR: join(ROOT, 'knowledge'), DATA_DIR: dataDir });
    expect(r.code, r.stderr).toBe(2);
    expect(fatal(r).join('\n')).toMatch(/mou-bot\.sqlite.*nothing started/);
    expect({ telegram: telegram.calls.length, slack: slack.calls.length }).toEqual(before);
  });
});

describe('start when a platform cannot start: exit 2, what had started is stopped', () => {
  it('the Slack port is taken after Telegram started (the real process, which must end by itself)', async () => {
    const { port, server } = await busyPort();
    try {
      const r = await start({ ...platforms(port), KNOWLEDGE_DIR: join(ROOT, 'knowledge') });
      expect(r.code, r.stderr).toBe(2);
      expect(fatal(r).join('\n')).toMatch(/EADDRINUSE/);
      expect(r.stderr).toMatch(/stopped what had started/);
    } finally {
      server.close();
    }
  });

  it('the Telegram webhook port is taken', async () => {
    const { port, server } = await busyPort();
    try {
      const r = await startInProcess({
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.url,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg',
        TELEGRAM_WEBHOOK_SECRET: 'a-webhook-secret-0123456789',
        TELEGRAM_WEBHOOK_PORT: String(port),
        KNOWLEDGE_DIR: join(ROOT, 'knowledge'),
      });
      expect(r.code, r.stderr).toBe(2);
      expect(fatal(r).join('\n')).toMatch(/EADDRINUSE/);
    } finally {
      server.close();
    }
  });

  it('Slack refuses the bot token', async () => {
    slack.failNext('auth.test', { status: 200, body: { ok: false, error: 'invalid_auth' } });
    const r = await startInProcess({ ...platforms(), KNOWLEDGE_DIR: join(ROOT, 'knowledge') });
    expect(r.code, r.stderr).toBe(2);
    expect(fatal(r).join('\n')).toMatch(/bot token was refused \(invalid_auth\)/);
    expect(r.stderr).not.toContain('xoxb-startup-test');
  });
});
