// Faults on the platforms' side, against the fake servers: the bot resumes, and every question is
// answered exactly once. Then the load test, small: many users at once while the fakes fail at
// random (`npm run loadtest` runs the full size, bench/loadtest.ts). Flood waits and 5xx are waited
// out as the platforms ask (auto-retry's 3 s backoff, Slack's Retry-After, Socket Mode's 5 s
// reconnect delay), so all of these run concurrently and their waits overlap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FULL, slackLoad, telegramLoad, type LoadOptions } from '../../testkit/load.ts';
import { startSlack, type SlackAdapter } from '../../adapters/slack/run.ts';
import { startTelegram, type TelegramAdapter } from '../../adapters/telegram/run.ts';
import type { SlackConfig } from '../../src/config.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { startFakeSlack, type FakeSlack } from '../../testkit/fakes/slack-api.ts';
import { startFakeTelegram, type FakeTelegram, type Failure } from '../../testkit/fakes/telegram-api.ts';
import { KNOWLEDGE_DIR, shippedKnowledge } from '../helpers.ts';
import { SIGNING_SECRET, slackClient } from '../../testkit/slack-client.ts';
import { captureLog, type CapturedLog } from './harness.ts';
import { slackDeps, telegramDeps } from '../../testkit/deps.ts';
import { handled } from '../../testkit/handled.ts';

let store: KnowledgeStore;
const cleanup: (() => Promise<void>)[] = [];
beforeAll(async () => {
  store = createKnowledgeStore(KNOWLEDGE_DIR, await shippedKnowledge());
});
afterAll(async () => {
  // Last started, first stopped; each bot stops before its fake closes.
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
});

async function telegram(): Promise<{ fake: FakeTelegram; bot: TelegramAdapter; logs: CapturedLog }> {
  const fake = await startFakeTelegram();
  const logs = captureLog('info');
  const bot = await startTelegram(
    telegramDeps({ config: { token: fake.token, apiRoot: fake.url, adminIds: new Set() }, store, log: logs.log, pageSize: 8 }),
    { pollTimeoutSeconds: 2, retryMs: 50 },
  );
  cleanup.push(
    () => fake.close(),
    () => bot.stop(),
  );
  return { fake, bot, logs };
}

/** Messages that reached a chat (failed attempts excluded). */
const deliveredTo = (fake: FakeTelegram, chatId: number) => fake.delivered('sendMessage').filter((c) => c.payload.chat_id === chatId);

const SMALL: LoadOptions = { ...FULL, users: 10, perUser: 4, rate429: 0.05, rate500: 0.03, redeliver: 0.15, timeoutMs: 25_000 };

const serverError: Failure = { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } };
const floodWait: Failure = {
  status: 429,
  body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } },
};

// One concurrent suite: the waits (3 s backoffs, 5 s reconnects) overlap instead of adding up.
describe.concurrent('platform faults', () => {
  describe(`load, small (${SMALL.users} users × ${SMALL.perUser} questions, random 429 and 500)`, () => {
    it.each([
      ['Telegram, through the fake Bot API', telegramLoad],
      ['Slack, through the HTTP receiver (with events redelivered)', slackLoad],
    ])('%s: every question answered exactly once', async (_, run) => {
      const r = await run(store, SMALL);
      expect(r.injected429 + r.injected500 + r.redelivered, 'faults were injected').toBeGreaterThan(0);
      expect({ answered: r.answered, duplicates: r.duplicates, losses: r.losses, wrong: r.wrong }).toEqual({
        answered: SMALL.users * SMALL.perUser,
        duplicates: 0,
        losses: 0,
        wrong: 0,
      });
    });
  });

  describe('Slack: a Socket Mode server that hangs up', () => {
    it.concurrent.each([
      ['sends disconnect', (f: FakeSlack) => f.sendDisconnect('refresh_requested')],
      ['drops the socket', (f: FakeSlack) => f.dropSocket()],
    ])('%s: the app reconnects and acks the next envelope', async (_, hangUp) => {
      const { fake } = await slack({ appToken: 'xapp-fault-test' });
      await fake.connection(1);
      const first = dm('D2', 'C18', '2.1');
      expect((await fake.sendEnvelope(first.type, first.payload)).envelope_id).toBeDefined();
      await fake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.channel === 'D2');
      hangUp(fake);
      await fake.connection(2);
      expect(fake.of('apps.connections.open')).toHaveLength(2);
      const next = dm('D3', 'C17', '3.1');
      const ack = await fake.sendEnvelope(next.type, next.payload);
      expect(ack.envelope_id).toBeDefined();
      const reply = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.channel === 'D3');
      expect(JSON.stringify(reply.payload.blocks)).toContain('Tam Kha');
      expect(fake.of('chat.postMessage').filter((c) => c.payload.channel === 'D2')).toHaveLength(1);
    });
  });

  describe('Telegram: a Bot API that fails', () => {
    it.concurrent.each([
      ['answers 429 with retry_after to getUpdates', 'getUpdates', floodWait],
      ['answers 500 to getUpdates', 'getUpdates', serverError],
      ['closes the connection mid-poll', 'getUpdates', 'drop-mid-poll' as const],
      ['answers 500 to sendMessage', 'sendMessage', serverError],
      ['drops the connection of a sendMessage', 'sendMessage', 'drop' as const],
    ])('%s: the bot resumes and answers every question exactly once', async (_, method, failure) => {
      const { fake, bot } = await telegram();
      // Let the bot settle into a long poll, so the fault hits a poll (or a reply) in progress.
      const polls = fake.of('getUpdates').length;
      await fake.waitFor((c) => c.method === 'getUpdates' && fake.of('getUpdates').length > polls, 'a long poll');
      fake.failNext(method, failure);
      const chats = [101, 102, 103];
      const sent = chats.map((chat, i) =>
        fake.text(['C18', 'ai phu trach cau hoa son', 'Who is Le Anh Duong?'][i] as string, { fromId: chat }),
      );
      await Promise.all(sent.map((m) => handled(fake, bot, m.updateId)));
      expect(
        fake.calls.some((c) => c.method === method && c.failed !== undefined),
        'the fault was injected',
      ).toBe(true);
      for (const chat of chats) expect(deliveredTo(fake, chat), `chat ${chat}`).toHaveLength(1);
      // And it keeps going: a later question is answered too, once.
      const later = fake.text('C17', { fromId: 104 });
      await handled(fake, bot, later.updateId);
      expect(deliveredTo(fake, 104)).toHaveLength(1);
      await bot.stop();
      for (const chat of [...chats, 104]) expect(deliveredTo(fake, chat), `chat ${chat} after stop`).toHaveLength(1);
    });
  });

  async function slack(
    extra: Partial<SlackConfig> = {},
    logLevel = 'info',
  ): Promise<{ fake: FakeSlack; app: SlackAdapter; logs: CapturedLog }> {
    const fake = await startFakeSlack();
    const logs = captureLog(logLevel);
    const app = await startSlack(
      slackDeps({
        config: { botToken: 'xoxb-fault-test', signingSecret: SIGNING_SECRET, port: 0, apiUrl: fake.apiUrl, adminIds: new Set(), ...extra },
        store,
        log: logs.log,
        pageSize: 8,
      }),
      { retryMs: 50 },
    );
    cleanup.push(
      () => fake.close(),
      () => app.stop(),
    );
    return { fake, app, logs };
  }

  const dm = (channel: string, text: string, ts: string) => ({
    type: 'events_api',
    payload: {
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: `Ev-${channel}-${ts}`,
      event: { type: 'message', channel_type: 'im', channel, user: 'U1', ts, text },
    },
  });

  describe('Slack: a Web API that fails', () => {
    it.concurrent('rate-limits (Retry-After) and then fails a reply in Socket Mode: the reply still arrives, once', async () => {
      const { fake } = await slack({ appToken: 'xapp-fault-test' });
      await fake.socketConnected();
      fake.rateLimitNext('chat.postMessage', 1);
      fake.failNext('chat.postMessage', { status: 500, body: { ok: false, error: 'internal_error' } });
      const { type, payload } = dm('D1', 'C18', '1.1');
      await fake.sendEnvelope(type, payload);
      const reply = await fake.waitFor(
        (c) => c.method === 'chat.postMessage' && c.payload.channel === 'D1' && c.failed === undefined,
        'the reply',
      );
      expect(JSON.stringify(reply.payload.blocks)).toContain('Kép - Lưu Xá');
      expect(fake.of('chat.postMessage').map((c) => c.failed)).toEqual([429, 500, undefined]);
    });

    it.concurrent('rate-limits the App Home publish: the view still arrives', async () => {
      const { fake, app } = await slack();
      fake.rateLimitNext('views.publish', 1);
      await slackClient(app.port ?? 0).event({ type: 'app_home_opened', user: 'U7', channel: 'D7', tab: 'home' }, 'EvHome1');
      await fake.waitFor((c) => c.method === 'views.publish' && c.failed === undefined, 'the published view');
      expect(fake.of('views.publish').map((c) => c.failed)).toEqual([429, undefined]);
    });
  });

  describe('Slack: unreachable at start', () => {
    it.concurrent.each([
      ['HTTP mode', {}],
      ['Socket Mode', { appToken: 'xapp-fault-test' }],
    ])('%s: retries with backoff and a clear log line, then answers', async (_, extra) => {
      const fake = await startFakeSlack();
      cleanup.push(() => fake.close());
      fake.failNext('auth.test', 'drop');
      fake.failNext('auth.test', { status: 503, body: { ok: false, error: 'service_unavailable' } });
      fake.failNext('auth.test', 'drop');
      const logs = captureLog('info');
      const app = await startSlack(
        slackDeps({
          config: {
            botToken: 'xoxb-fault-test',
            signingSecret: SIGNING_SECRET,
            port: 0,
            apiUrl: fake.apiUrl,
            adminIds: new Set(),
            ...extra,
          },
          store,
          log: logs.log,
          pageSize: 8,
        }),
        { retryMs: 50 },
      );
      cleanup.push(() => app.stop());
      expect(fake.of('auth.test').length).toBeGreaterThanOrEqual(4);
      const retries = logs.records().filter((r) => String(r.msg).includes('cannot reach the Slack Web API'));
      expect(retries.length, logs.text()).toBeGreaterThanOrEqual(3);
      expect(retries.map((r) => r.retryInMs)).toEqual([...retries.map((r) => r.retryInMs)].sort((a, b) => Number(a) - Number(b)));
      if ('appToken' in extra) {
        await fake.socketConnected();
        const { type, payload } = dm('D4', 'C18', '4.1');
        await fake.sendEnvelope(type, payload);
      } else {
        await slackClient(app.port ?? 0).event(
          { type: 'message', channel_type: 'im', channel: 'D4', user: 'U1', ts: '4.1', text: 'C18' },
          'EvStart1',
        );
      }
      await fake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.channel === 'D4', 'the reply');
      // Bolt asks auth.test nothing more: the identity from the start-up check is the one it uses.
      expect(fake.of('auth.test').filter((c) => c.failed === undefined)).toHaveLength(1);
    });
  });

  describe('Telegram: stopping while the Bot API is unreachable', () => {
    it.concurrent('stops in bounded time instead of retrying forever, and says what it left unconfirmed', async () => {
      const fake = await startFakeTelegram();
      const logs = captureLog('info');
      const bot = await startTelegram(
        telegramDeps({ config: { token: fake.token, apiRoot: fake.url, adminIds: new Set() }, store, log: logs.log, pageSize: 8 }),
        { pollTimeoutSeconds: 1, retryMs: 50, stopTimeoutMs: 300 },
      );
      const first = fake.text('C18', { fromId: 201 });
      await handled(fake, bot, first.updateId);
      // An update is being answered when the API goes away: its reply can never be sent.
      const stuck = fake.text('C17', { fromId: 202 });
      await fake.waitFor((c) => c.method === 'sendChatAction' && c.payload.chat_id === 202);
      await fake.close();
      const started = Date.now();
      await bot.stop();
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(logs.text()).toMatch(/could not confirm|still in flight/);
      expect(stuck.updateId).toBeGreaterThan(first.updateId);
    });
  });
});
