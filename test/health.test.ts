// GET /healthz as systemd, Docker or Kubernetes would call it, over real HTTP: on HEALTH_PORT of the
// real `mou-bot start` process (503 while the knowledge is still loading, 200 with its version and
// the uptime after), and on the servers the bot already runs in Telegram webhook and Slack HTTP modes.
import { execFileSync, spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { startApp } from '../src/main.ts';
import { startFakeSlack, type FakeSlack } from '../testkit/fakes/slack-api.ts';
import { startFakeTelegram, type FakeTelegram } from '../testkit/fakes/telegram-api.ts';
import { SIGNING_SECRET } from '../testkit/slack-client.ts';
import { captureLog } from './hardening/harness.ts';
import { KNOWLEDGE_DIR, knowledgeCopy, ROOT, shippedKnowledge } from './helpers.ts';

let telegram: FakeTelegram;
let slack: FakeSlack;
const dirs: string[] = [];
beforeAll(async () => {
  telegram = await startFakeTelegram();
  slack = await startFakeSlack();
});
afterAll(async () => {
  await telegram.close();
  await slack.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** Ports that were free a moment ago, all different. */
async function freePorts(n: number): Promise<number[]> {
  const servers: Server[] = [];
  for (let i = 0; i < n; i++) {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, resolve));
    servers.push(server);
  }
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  for (const s of servers) await new Promise((resolve) => s.close(resolve));
  return ports;
}

async function probe(
  port: number,
  init: RequestInit = {},
  path = '/healthz',
): Promise<{ status: number; body: Record<string, unknown> | string }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, init);
  const text = await res.text();
  return { status: res.status, body: res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : text };
}

describe('GET /healthz', () => {
  it('answers 503 while the knowledge loads, then 200 with its version on HEALTH_PORT, the webhook port and the Slack port', async () => {
    // The glossary is a named pipe: loading the knowledge waits on it until the test writes the file's text into it.
    const dir = await knowledgeCopy();
    dirs.push(dir);
    const glossary = join(dir, 'glossary.yaml');
    const glossaryText = await readFile(glossary, 'utf8');
    await rm(glossary);
    execFileSync('mkfifo', [glossary]);
    const [healthPort, webhookPort, slackPort] = (await freePorts(3)) as [number, number, number];
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), 'start'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        KNOWLEDGE_DIR: dir,
        KNOWLEDGE_WATCH: 'false',
        DATA_DIR: join(tmpdir(), `mou-health-${process.pid}`),
        LOG_LEVEL: 'info',
        HEALTH_PORT: String(healthPort),
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.url,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg',
        TELEGRAM_WEBHOOK_SECRET: 'a-webhook-secret-0123456789',
        TELEGRAM_WEBHOOK_PORT: String(webhookPort),
        SLACK_BOT_TOKEN: 'xoxb-health-test',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        SLACK_PORT: String(slackPort),
      },
    });
    dirs.push(join(tmpdir(), `mou-health-${process.pid}`));
    let stderr = '';
    child.stderr.setEncoding('utf8');
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    /** Resolves when the process has logged a line matching `pattern`; rejects if it exits first. */
    const logged = (pattern: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(stderr)) return;
          child.stderr.off('data', check);
          resolve();
        };
        child.stderr.on('data', check);
        void exited.then(() => reject(new Error(`exited before logging ${pattern}:\n${stderr}`)));
        check();
      });
    child.stderr.on('data', (d: string) => (stderr += d));

    await logged(/answering GET \/healthz/);
    const loading = await probe(healthPort);
    expect(loading.status).toBe(503);
    expect(loading.body).toMatchObject({ status: 'starting', uptimeSeconds: expect.any(Number) });

    await writeFile(glossary, glossaryText);
    await logged(/slack: started/);
    const version = (await shippedKnowledge()).version;
    for (const port of [healthPort, webhookPort, slackPort]) {
      const ok = await probe(port);
      expect(ok.status, `port ${port}`).toBe(200);
      expect(ok.body).toMatchObject({ status: 'ok', knowledgeVersion: version, uptimeSeconds: expect.any(Number) });
      expect(new Date((ok.body as { knowledgeLoadedAt: string }).knowledgeLoadedAt).getTime()).not.toBeNaN();
      // A probe may use HEAD: the same status, no body.
      expect((await fetch(`http://127.0.0.1:${port}/healthz`, { method: 'HEAD' })).status).toBe(200);
    }
    // The probe's server answers nothing else; the webhook server still takes only the webhook.
    expect((await probe(healthPort, {}, '/')).status).toBe(404);
    expect((await probe(healthPort, { method: 'POST' })).status).toBe(405);
    expect((await probe(webhookPort, {}, '/tg')).status).toBe(404);

    child.kill('SIGTERM');
    // It ends by itself: the probe's server is closed with the rest.
    expect(await exited).toBe(0);
  });

  it('exits 2 without calling any platform when HEALTH_PORT is taken', async () => {
    const [port] = (await freePorts(1)) as [number];
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(port, resolve));
    try {
      const before = telegram.calls.length;
      const config = loadConfig({
        KNOWLEDGE_DIR,
        DATA_DIR: join(tmpdir(), `mou-health-taken-${process.pid}`),
        KNOWLEDGE_WATCH: 'false',
        HEALTH_PORT: String(port),
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.url,
      });
      const logs = captureLog('info');
      expect(await startApp(config, logs.log)).toBe(2);
      const fatal = logs.records().find((r) => r.level === 60);
      expect(fatal?.msg).toMatch(new RegExp(`cannot serve /healthz on HEALTH_PORT ${port}: .*EADDRINUSE.*; nothing started`));
      expect(telegram.calls.length).toBe(before);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('refuses a HEALTH_PORT that the webhook or Slack HTTP server already holds, naming both variables', () => {
    const telegramWebhook = {
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg',
      TELEGRAM_WEBHOOK_SECRET: 'a-webhook-secret-0123456789',
    };
    const slackHttp = { SLACK_BOT_TOKEN: 'xoxb-health-test', SLACK_SIGNING_SECRET: SIGNING_SECRET };
    expect(() => loadConfig({ ...telegramWebhook, HEALTH_PORT: '8443' })).toThrow(/HEALTH_PORT: 8443 is also TELEGRAM_WEBHOOK_PORT/);
    expect(() => loadConfig({ ...slackHttp, HEALTH_PORT: '3000' })).toThrow(/HEALTH_PORT: 3000 is also SLACK_PORT/);
    expect(() => loadConfig({ HEALTH_PORT: 'eighty' })).toThrow(ConfigError);
    // Long polling and Socket Mode open no port of their own.
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: telegram.token, HEALTH_PORT: '8443' }).healthPort).toBe(8443);
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-x', SLACK_APP_TOKEN: 'xapp-x', HEALTH_PORT: '3000' }).healthPort).toBe(3000);
  });
});
