// Secrets never reach a log line, at any level: the real bots run a whole conversation at trace
// level (faults included, whose errors carry request URLs with the bot token in them) with the
// logger `mou-bot start` uses, and every captured line is scanned for every secret. Config errors
// are checked the same way. (test/config-and-logs.test.ts checks the logger on its own.)
import { afterAll, describe, expect, it } from 'vitest';
import { startSlack } from '../../adapters/slack/run.ts';
import { startTelegram } from '../../adapters/telegram/run.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { createKnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { startFakeSlack } from '../../testkit/fakes/slack-api.ts';
import { startFakeTelegram } from '../../testkit/fakes/telegram-api.ts';
import { KNOWLEDGE_DIR, shippedKnowledge } from '../helpers.ts';
import { slackClient } from '../../testkit/slack-client.ts';
import { captureLog, type CapturedLog } from './harness.ts';
import { slackDeps, telegramDeps } from '../../testkit/deps.ts';
import { handled } from '../../testkit/handled.ts';

const TELEGRAM_TOKEN = '7012345678:AAH-sEcReT_telegram-token_9f8e7d6c5b4a';
const WEBHOOK_SECRET = 'whsec_Telegram-Webhook-0123456789';
const SLACK_BOT_TOKEN = 'xoxb-1111111111-2222222222-sEcReTbOtToKeN0123456789';
const SLACK_APP_TOKEN = 'xapp-1-A0123456789-3333333333-sEcReTaPpToKeN0123456789abcdef';
const SIGNING_SECRET = '8f14e45fceea167a5a36dedd4bea2543';
const SECRETS = [TELEGRAM_TOKEN, WEBHOOK_SECRET, SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SIGNING_SECRET];
/** Distinctive pieces too: a token cut in half by a line wrap or an encoder must not get through either. */
const PIECES = [...SECRETS, 'sEcReT_telegram-token', 'sEcReTbOtToKeN', 'sEcReTaPpToKeN', '8f14e45fceea167a'];

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
});

function expectNoSecrets(logs: CapturedLog): void {
  const text = logs.text();
  for (const piece of PIECES)
    expect(text.includes(piece), `a log line holds "${piece}":\n${logs.lines.find((l) => l.includes(piece))}`).toBe(false);
  expect(text).not.toMatch(/Bearer x|bot\d+:[\w-]{20,}/);
}

const levels = (logs: CapturedLog) => new Set(logs.records().map((r) => r.level));

describe.concurrent('no secret in any log line, at trace level, over a whole conversation', () => {
  it.each(['trace', 'debug'])('Telegram, long polling, with faults (%s)', async (level) => {
    const store = createKnowledgeStore(KNOWLEDGE_DIR, await shippedKnowledge());
    const fake = await startFakeTelegram(TELEGRAM_TOKEN);
    cleanup.push(() => fake.close());
    const logs = captureLog(level, SECRETS);
    fake.failNext('getMe', 'drop');
    const bot = await startTelegram(
      telegramDeps({ config: { token: TELEGRAM_TOKEN, apiRoot: fake.url, adminIds: new Set([42]) }, store, log: logs.log, pageSize: 8 }),
      { pollTimeoutSeconds: 1, retryMs: 20 },
    );
    cleanup.push(() => bot.stop());
    fake.failNext('sendMessage', {
      status: 429,
      body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } },
    });
    const steps = [
      fake.text('C18', { fromId: 301 }),
      fake.text('@mou_test_bot ai phụ trách cầu Hòa Sơn?', {
        fromId: 302,
        chat: { id: -100301, type: 'supergroup' },
        entities: [{ type: 'mention', offset: 0, length: 13 }],
      }),
      fake.text('/cancho', { fromId: 303 }),
      fake.text('/reload', { fromId: 304 }),
      fake.text('/reload', { fromId: 42 }),
    ];
    for (const s of steps) await handled(fake, bot, s.updateId);
    const keyboard =
      (
        fake
          .of('sendMessage')
          .filter((c) => c.payload.chat_id === 303)
          .at(-1)?.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] } | undefined
      )?.inline_keyboard[0] ?? [];
    const next = keyboard.find((b) => b.text === '▶')?.callback_data ?? 'pg:x:2';
    await handled(
      fake,
      bot,
      fake.push({
        callback_query: {
          id: 'cb-s',
          from: { id: 303, is_bot: false, first_name: 'O' },
          chat_instance: 'x',
          data: next,
          message: { message_id: 1, date: 0, chat: { id: 303, type: 'private' }, text: 'old' },
        },
      }),
    );
    await handled(
      fake,
      bot,
      fake.push({ inline_query: { id: 'iq-s', from: { id: 305, is_bot: false, first_name: 'O' }, query: 'QL17', offset: '' } }),
    );
    await bot.stop();
    expect(logs.text()).toMatch(/cannot reach the Bot API/);
    expect(logs.text()).toMatch(/"audit":"refused"/);
    expectNoSecrets(logs);
  });

  it('Telegram, webhook mode', async () => {
    const store = createKnowledgeStore(KNOWLEDGE_DIR, await shippedKnowledge());
    const fake = await startFakeTelegram(TELEGRAM_TOKEN);
    cleanup.push(() => fake.close());
    const logs = captureLog('trace', SECRETS);
    const bot = await startTelegram(
      telegramDeps({
        config: {
          token: TELEGRAM_TOKEN,
          apiRoot: fake.url,
          adminIds: new Set(),
          webhook: { url: 'https://bot.example.org/hook', port: 0, secret: WEBHOOK_SECRET },
        },
        store,
        log: logs.log,
        pageSize: 8,
      }),
    );
    cleanup.push(() => bot.stop());
    const post = (secret: string, id: number) =>
      fetch(`http://127.0.0.1:${bot.port}/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body: JSON.stringify({
          update_id: id,
          message: {
            message_id: id,
            date: 0,
            chat: { id: 401, type: 'private' },
            from: { id: 401, is_bot: false, first_name: 'O' },
            text: 'C18',
          },
        }),
      });
    expect((await post(WEBHOOK_SECRET, 1)).status).toBe(200);
    expect((await post(`${WEBHOOK_SECRET}x`, 2)).status).toBe(401);
    await fake.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === 401);
    expectNoSecrets(logs);
  });

  it('Slack, HTTP mode, with faults', async () => {
    const store = createKnowledgeStore(KNOWLEDGE_DIR, await shippedKnowledge());
    const fake = await startFakeSlack();
    cleanup.push(() => fake.close());
    const logs = captureLog('trace', SECRETS);
    fake.failNext('auth.test', 'drop');
    const app = await startSlack(
      slackDeps({
        config: { botToken: SLACK_BOT_TOKEN, signingSecret: SIGNING_SECRET, port: 0, apiUrl: fake.apiUrl, adminIds: new Set(['UADMIN']) },
        store,
        log: logs.log,
        pageSize: 8,
      }),
      { retryMs: 20 },
    );
    cleanup.push(() => app.stop());
    const slack = slackClient(app.port ?? 0, SIGNING_SECRET);
    fake.rateLimitNext('chat.postMessage', 1);
    await slack.event({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', ts: '1.1', text: 'C18' }, 'EvS1');
    await slack.event({ type: 'app_mention', channel: 'C1', user: 'U1', ts: '1.2', text: '<@U07A999BOT> cầu Hòa Sơn' }, 'EvS2');
    await slack.command('pending', 'U1', 'C1', fake.responseUrl('s1'));
    await slack.command('reload', 'U2', 'C1', fake.responseUrl('s2'));
    await slack.command('reload', 'UADMIN', 'C1', fake.responseUrl('s3'));
    await slack.event({ type: 'app_home_opened', user: 'UADMIN', channel: 'D2', tab: 'home' }, 'EvS3');
    // A forged request: bad signature.
    expect(
      (
        await slackClient(app.port ?? 0, 'ffffffffffffffffffffffffffffffff').event(
          { type: 'message', channel_type: 'im', channel: 'D3', user: 'U1', ts: '1.3', text: 'x' },
          'EvS4',
        )
      ).status,
    ).toBe(401);
    for (const id of ['s1', 's2', 's3']) await fake.waitFor((c) => c.method === `response_url:${id}`);
    const pending = fake.of('response_url:s1')[0];
    const next = ((pending?.payload.blocks ?? []) as { type: string; elements?: { action_id: string; value: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === 'mou_page_next');
    await slack.blockAction({ action_id: 'mou_page_next', value: next?.value ?? '' }, { id: 'U1' }, fake.responseUrl('s4'), {
      container: { type: 'message', is_ephemeral: true },
    });
    await fake.waitFor((c) => c.method === 'response_url:s4');
    await fake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.channel === 'D1' && c.failed === undefined);
    await fake.waitFor((c) => c.method === 'views.publish');
    expect(levels(logs).has(20), 'debug lines were logged (Bolt and the Web API client)').toBe(true);
    expect(logs.text()).toMatch(/cannot reach the Slack Web API/);
    expectNoSecrets(logs);
  });

  it('Slack, Socket Mode', async () => {
    const store = createKnowledgeStore(KNOWLEDGE_DIR, await shippedKnowledge());
    const fake = await startFakeSlack();
    cleanup.push(() => fake.close());
    const logs = captureLog('trace', SECRETS);
    const app = await startSlack(
      slackDeps({
        config: { botToken: SLACK_BOT_TOKEN, appToken: SLACK_APP_TOKEN, port: 0, apiUrl: fake.apiUrl, adminIds: new Set() },
        store,
        log: logs.log,
        pageSize: 8,
      }),
    );
    cleanup.push(() => app.stop());
    await fake.socketConnected();
    await fake.sendEnvelope('events_api', {
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'EvSock',
      event: { type: 'message', channel_type: 'im', channel: 'D5', user: 'U1', ts: '5.1', text: 'C18' },
    });
    await fake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.channel === 'D5');
    await fake.sendEnvelope('slash_commands', {
      command: '/mou',
      text: 'reload',
      user_id: 'U9',
      channel_id: 'C1',
      team_id: 'T1',
      response_url: fake.responseUrl('sock1'),
      trigger_id: 't',
    });
    await fake.waitFor((c) => c.method === 'response_url:sock1');
    expect(levels(logs).has(20)).toBe(true);
    expectNoSecrets(logs);
  });
});

describe('no secret in a configuration error', () => {
  it.each([
    ['TELEGRAM_BOT_TOKEN', 'not-a-token-but-a-secret-value'],
    ['TELEGRAM_WEBHOOK_SECRET', 'bad secret with spaces and §'],
    ['SLACK_BOT_TOKEN', 'xoxp-a-user-token-secret-value'],
    ['SLACK_APP_TOKEN', 'xoxb-wrong-kind-secret-value'],
    ['SLACK_SIGNING_SECRET', 'not-hex-signing-secret-value'],
  ])('%s: named, its value never echoed', (name, value) => {
    const env = {
      [name]: value,
      ...(name.startsWith('SLACK') && name !== 'SLACK_BOT_TOKEN' ? { SLACK_BOT_TOKEN: SLACK_BOT_TOKEN } : {}),
      ...(name === 'TELEGRAM_WEBHOOK_SECRET'
        ? { TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN, TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/hook' }
        : {}),
    };
    let error: unknown;
    try {
      loadConfig(env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = `${(error as Error).message}\n${(error as Error).stack ?? ''}\n${JSON.stringify(error)}`;
    expect(message).toContain(name);
    for (const secret of [value, ...SECRETS]) expect(message).not.toContain(secret);
  });

  it('a missing signing secret in HTTP mode names the variable, not the bot token', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN })).toThrow(/SLACK_SIGNING_SECRET/);
    try {
      loadConfig({ SLACK_BOT_TOKEN });
    } catch (err) {
      expect(String((err as Error).message)).not.toContain(SLACK_BOT_TOKEN);
    }
  });
});
