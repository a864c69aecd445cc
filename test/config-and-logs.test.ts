import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';

const TOKEN = '123456:AAbbCCddEEffGGhhIIjjKKllMMnn';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toEqual({
      knowledgeDir: './knowledge',
      watch: true,
      dataDir: './data',
      timezone: 'Asia/Ho_Chi_Minh',
      pageSize: 8,
    });
  });

  it('reads the Telegram settings, admins as numeric ids', () => {
    const c = loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, ADMIN_TELEGRAM_IDS: '42, 7', TELEGRAM_API_ROOT: 'http://127.0.0.1:9999/' });
    expect(c.telegram).toMatchObject({ token: TOKEN, apiRoot: 'http://127.0.0.1:9999' });
    expect([...(c.telegram?.adminIds ?? [])]).toEqual([42, 7]);
    expect(c.telegram?.webhook).toBeUndefined();
  });

  it('turns on the webhook with its URL, port and secret', () => {
    const c = loadConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/hook',
      TELEGRAM_WEBHOOK_SECRET: 'a-secret-of-16-chars',
      TELEGRAM_WEBHOOK_PORT: '8080',
    });
    expect(c.telegram?.webhook).toEqual({ url: 'https://bot.example.org/hook', port: 8080, secret: 'a-secret-of-16-chars' });
  });

  it('gives one message per bad variable, naming it, never echoing a value', () => {
    try {
      loadConfig({ LOG_LEVEL: 'loud', ADMIN_TELEGRAM_IDS: '@someadmin', TELEGRAM_BOT_TOKEN: 'not-a-token-but-secret' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const problems = (err as ConfigError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['ADMIN_TELEGRAM_IDS', 'LOG_LEVEL', 'TELEGRAM_BOT_TOKEN']);
      expect((err as Error).message).not.toContain('not-a-token-but-secret');
    }
  });

  it('requires a secret with a webhook', () => {
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/hook' })).toThrow(
      /TELEGRAM_WEBHOOK_SECRET/,
    );
  });
});

describe('createLogger', () => {
  it('never prints a secret, in messages, fields or errors, at any level', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _e, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createLogger('trace', { secrets: [TOKEN], destination });
    log.debug({ token: 'x-token-field', config: { telegram: { token: TOKEN } } }, `calling https://api.telegram.org/bot${TOKEN}/getMe`);
    log.error({ err: new Error(`request to /bot${TOKEN}/sendMessage failed`) }, 'failed');
    log.trace({ url: `https://api.telegram.org/bot${TOKEN}/getUpdates`, errors: [`a/${TOKEN}`, 'b'] }, 'poll');
    const all = lines.join('');
    expect(lines).toHaveLength(3);
    // Arrays stay arrays.
    expect(JSON.parse(lines[2] as string).errors).toEqual(['a/[redacted]', 'b']);
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain('x-token-field');
    expect(all).toContain('[redacted]');
  });
});
