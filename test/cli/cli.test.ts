// The CLI as users run it: a real process, real stdin/stdout, exit codes.
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit, knowledgeCopy, ROOT } from '../helpers.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), ...args], {
      cwd: ROOT,
      // No .env from the developer's machine leaks in: dotenv never overrides what is set here.
      env: {
        PATH: process.env.PATH ?? '',
        KNOWLEDGE_DIR: join(ROOT, 'knowledge'),
        DATA_DIR: join(tmpdir(), `mou-cli-${process.pid}`),
        LOG_LEVEL: 'info',
        ...options.env,
      },
    });
    let stdout = '';
    let stderr = '';
    // Decode as streams: a UTF-8 character can straddle two chunks.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (stdout += d));
    child.stderr.on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

describe('ask', () => {
  it('prints one plain-text answer', async () => {
    const r = await cli(['ask', 'ai phu trach duong sat kep luu xa']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Kép - Lưu Xá');
    expect(r.stdout).toContain('dòng 28');
  });

  it('--json prints one object with found, text, intent and typed items', async () => {
    const r = await cli(['ask', '--json', 'Ai phụ trách cầu Hòa Sơn?']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const a = JSON.parse(lines[0] as string);
    expect(a).toMatchObject({ found: true, intent: 'responsibility' });
    expect(typeof a.text).toBe('string');
    expect(a.items).toEqual(
      expect.arrayContaining([
        { type: 'commitment', id: 'C19', agreement: 'bg-tn-2023' },
        expect.objectContaining({ type: 'body', id: 'so-nganh-hai-tinh' }),
      ]),
    );
  });

  it('--batch answers one JSON line per input line, in order, and nothing else on stdout', async () => {
    const questions = ['C18', 'What is the capital of France?', '', 'chu tich hdnd thai nguyen'];
    const r = await cli(['ask', '--json', '--batch'], { input: `${questions.join('\n')}\n` });
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.found)).toEqual([true, false, false, true]);
    expect(lines[0].items[0]).toMatchObject({ id: 'C18' });
    expect(lines[3].items[0]).toMatchObject({ id: 'pham-hoang-son' });
  });

  it('without a question, prints usage and exits 2', async () => {
    const r = await cli(['ask']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage/);
  });
});

describe('check', () => {
  it('accepts the shipped knowledge', async () => {
    const r = await cli(['check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok: 1 agreement\(s\), 36 commitments/);
  });

  it('lists every error with file, line and column, path and reason, and exits 1', async () => {
    const dir = await knowledgeCopy();
    await edit(dir, 'bg-tn-2023/commitments.yaml', 'party: bo-gtvt', 'party: so-gtvt-bg');
    await edit(dir, 'bg-tn-2023/people.yaml', 'Lê Ánh Dương - Phó Bí thư', 'Lê Ánh Dương - Bí thư');
    const r = await cli(['check'], { env: { KNOWLEDGE_DIR: dir } });
    const [commitments, people] = await Promise.all(
      ['commitments.yaml', 'people.yaml'].map((f) => readFile(join(dir, 'bg-tn-2023', f), 'utf8').then((t) => t.split('\n'))),
    );
    await rm(dir, { recursive: true, force: true });
    expect(r.code).toBe(1);
    const party =
      /commitments\.yaml: line (\d+), column (\d+): commitments\[\d+\]\.responsible\[\d+\]\.party: unknown person or body id "so-gtvt-bg"/.exec(
        r.stdout,
      );
    const quote = /people\.yaml: line (\d+), column (\d+): people\[\d+\]\.source\.quote: quote not found on line 3/.exec(r.stdout);
    // The line and column are where the bad value is written, for an editor's "go to line".
    const at = (lines: string[] | undefined, m: RegExpExecArray | null) => lines?.[Number(m?.[1]) - 1]?.slice(Number(m?.[2]) - 1);
    expect(at(commitments, party)).toBe('so-gtvt-bg');
    expect(at(people, quote)).toMatch(/^"Lê Ánh Dương - Bí thư/);
  });
});

describe('start and configuration', () => {
  it('refuses a bad variable with one clear line, naming it, and exits 2', async () => {
    const r = await cli(['check'], { env: { LOG_LEVEL: 'loud' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/LOG_LEVEL/);
  });

  it('never echoes a malformed token', async () => {
    const r = await cli(['check'], { env: { TELEGRAM_BOT_TOKEN: 'secret-token-value' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/TELEGRAM_BOT_TOKEN/);
    expect(r.stderr).not.toContain('secret-token-value');
  });

  it('exits 2 without starting on invalid knowledge, logging to stderr only', async () => {
    const r = await cli(['start'], { env: { KNOWLEDGE_DIR: '/nonexistent' } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/knowledge folder does not exist/);
  });

  it('opens the console chat on the shipped knowledge when no platform token is set, with no log line around it', async () => {
    // LOG_LEVEL unset, as a newcomer runs it: the console chat logs at warn, and a good start has nothing to warn of.
    const r = await cli(['start'], { input: 'Chủ tịch UBND tỉnh Bắc Giang là ai?\n/quit\n', env: { LOG_LEVEL: '' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Lê Ánh Dương');
    expect(r.stdout).not.toContain('"level"');
    expect(r.stderr).toBe('');
  });

  it('says in sentences, not JSON, why the console chat could not start, and exits 2', async () => {
    const dir = await knowledgeCopy();
    await edit(dir, 'bg-tn-2023/commitments.yaml', 'party: bo-gtvt', 'party: so-gtvt-bg');
    const r = await cli(['start'], { input: 'C18\n', env: { LOG_LEVEL: '', KNOWLEDGE_DIR: dir } });
    await rm(dir, { recursive: true, force: true });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`mou-bot: knowledge in ${dir} is invalid (1 error), so nothing started; \`npm run check\` lists them all`);
    expect(lines[1]).toMatch(
      /^ {2}\S+commitments\.yaml: line \d+, column \d+: commitments\[\d+\]\.responsible\[0\]\.party: unknown person or body id "so-gtvt-bg"$/,
    );
    expect(lines).toHaveLength(2);
  });

  it("writes the console chat's log lines as sentences at the level LOG_LEVEL asks for", async () => {
    const r = await cli(['start'], { input: '', env: { LOG_LEVEL: 'info' } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^mou-bot: knowledge loaded$/m);
    expect(r.stderr).not.toContain('{');
  });

  it('rejects an unknown command', async () => {
    const r = await cli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command/);
  });
});

describe('ask --batch over the evaluation set', () => {
  it('gives exactly the answers ask() gives, one line per question', async () => {
    const { readEvalSet } = await import('../../src/eval/evaluate.ts');
    const { shippedEngine } = await import('../helpers.ts');
    const { renderText } = await import('../../src/answer/render-text.ts');
    const questions = readEvalSet(join(ROOT, 'test/eval/questions.jsonl'));
    const r = await cli(['ask', '--json', '--batch'], { input: `${questions.map((q) => q.q).join('\n')}\n` });
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(questions.length);
    const engine = await shippedEngine({ now: () => new Date() });
    lines.forEach((line, i) => {
      const a = engine.ask(questions[i]?.q ?? '');
      expect({ found: line.found, text: line.text }).toEqual({ found: a.found, text: renderText(a) });
    });
  });
});

describe('start with Telegram configured', () => {
  it('runs the bot against the Bot API and exits 0 on SIGTERM after finishing', async () => {
    const { startFakeTelegram } = await import('../../testkit/fakes/telegram-api.ts');
    const fake = await startFakeTelegram();
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), 'start'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        KNOWLEDGE_DIR: join(ROOT, 'knowledge'),
        DATA_DIR: join(tmpdir(), `mou-cli-tg-${process.pid}`),
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.url,
        KNOWLEDGE_WATCH: 'false',
        LOG_LEVEL: 'info',
      },
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    fake.text('C18', { fromId: 321 });
    const reply = await fake.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === 321, 'the answer');
    expect(reply.payload.text).toContain('Kép - Lưu Xá');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('stopping');
    // The token never reaches the log.
    expect(stderr).not.toContain(fake.token);
    await fake.close();
  });
});
