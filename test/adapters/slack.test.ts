// End to end: the real Bolt app, over real HTTP (signed requests) and a real WebSocket (Socket
// Mode), against the fake Slack on 127.0.0.1.
import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../adapters/slack/run.ts';
import type { SlackConfig } from '../../src/config.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { BOT, startFakeSlack, type FakeSlack, type SlackCall } from '../../testkit/fakes/slack-api.ts';
import { KNOWLEDGE_DIR, shippedKnowledge } from '../helpers.ts';
import { slackDeps } from '../../testkit/deps.ts';

const SECRET = '0123456789abcdef0123456789abcdef';
const ADMIN = 'UADMIN1';

let fake: FakeSlack;
let store: KnowledgeStore;
let app: SlackAdapter;
let logLines: string[];

function logger() {
  logLines = [];
  return pino(
    { level: 'info' },
    new Writable({
      write: (c: Buffer, _e, done) => {
        logLines.push(c.toString());
        done();
      },
    }),
  );
}

async function start(extra: Partial<SlackConfig> = {}): Promise<SlackAdapter> {
  return startSlack(
    slackDeps({
      config: { botToken: 'xoxb-test-token', signingSecret: SECRET, port: 0, apiUrl: fake.apiUrl, adminIds: new Set([ADMIN]), ...extra },
      store,
      log: logger(),
      pageSize: 8,
    }),
  );
}

/** POSTs a signed request to the app, as Slack does. */
async function post(
  body: string,
  contentType: string,
  options: { timestamp?: number; secret?: string; retry?: number } = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', options.secret ?? SECRET)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex')}`;
  return fetch(`http://127.0.0.1:${app.port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
      ...(options.retry ? { 'x-slack-retry-num': String(options.retry), 'x-slack-retry-reason': 'http_timeout' } : {}),
    },
    body,
  });
}

let eventSeq = 0;
const event = (e: Record<string, unknown>, eventId = `Ev${++eventSeq}`, retry?: number) =>
  post(
    JSON.stringify({ type: 'event_callback', token: 'x', team_id: 'T1', api_app_id: 'A1', event_id: eventId, event_time: 1, event: e }),
    'application/json',
    retry ? { retry } : {},
  );
const command = (text: string, user = 'U1', id = `r${++eventSeq}`) =>
  post(
    new URLSearchParams({
      command: '/mou',
      text,
      user_id: user,
      channel_id: 'C1',
      team_id: 'T1',
      response_url: fake.responseUrl(id),
      trigger_id: 't',
    }).toString(),
    'application/x-www-form-urlencoded',
  );
const blockAction = (action: { action_id: string; value: string }, user = 'U1', id = `r${++eventSeq}`, ephemeral = true) =>
  post(
    new URLSearchParams({
      payload: JSON.stringify({
        type: 'block_actions',
        user: { id: user },
        team: { id: 'T1' },
        api_app_id: 'A1',
        token: 'x',
        trigger_id: 't',
        response_url: fake.responseUrl(id),
        container: { type: 'message', is_ephemeral: ephemeral },
        channel: { id: 'C1' },
        actions: [{ type: 'button', block_id: 'b', action_ts: '1', ...action }],
      }),
    }).toString(),
    'application/x-www-form-urlencoded',
  );

const responseTo = (id: string) => (c: SlackCall) => c.method === `response_url:${id}`;
const blocksText = (c: SlackCall | undefined) => JSON.stringify(c?.payload.blocks ?? []);
type Button = { action_id: string; value: string; text: { text: string } };
const buttons = (c: SlackCall | undefined): Button[] =>
  ((c?.payload.blocks as { type: string; elements?: Button[] }[]) ?? [])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);

beforeAll(async () => {
  store = createKnowledgeStore(KNOWLEDGE_DIR, await shippedKnowledge());
});

describe('Slack app (HTTP mode)', () => {
  beforeEach(async () => {
    fake = await startFakeSlack();
    app = await start();
  });
  afterEach(async () => {
    await app.stop();
    await fake.close();
  });

  it('answers a mention in its thread, with 👀 while working, and keeps the thread', async () => {
    expect(
      (await event({ type: 'app_mention', user: 'U1', channel: 'C1', ts: '111.1', text: `<@${BOT.user_id}> ai phu trach cau hoa son` }))
        .status,
    ).toBe(200);
    const reply = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.thread_ts === '111.1');
    expect(blocksText(reply)).toContain('Hòa Sơn');
    expect(fake.of('reactions.add')[0]?.payload).toMatchObject({ channel: 'C1', timestamp: '111.1', name: 'eyes' });
    await fake.waitFor((c) => c.method === 'reactions.remove');
    await event({
      type: 'app_mention',
      user: 'U1',
      channel: 'C1',
      ts: '112.2',
      thread_ts: '111.1',
      text: `<@${BOT.user_id}> còn QL17 thì sao?`,
    });
    await fake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.thread_ts === '111.1' && blocksText(c).includes('QL17'));
  });

  it('answers a direct message, with a header, sections and a context citation', async () => {
    await event({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', ts: '1.1', text: 'C18' });
    const reply = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.channel === 'D1');
    const blocks = reply.payload.blocks as { type: string }[];
    expect(blocks[0]?.type).toBe('header');
    expect(blocks.map((b) => b.type)).toEqual(expect.arrayContaining(['section', 'context']));
    expect(blocksText(reply)).toContain('line 28'.replace('line', 'dòng'));
    expect(String(reply.payload.text)).toContain('Kép - Lưu Xá');
  });

  it('ignores its own messages, other bots, edits and deletions', async () => {
    await event({ type: 'message', channel_type: 'im', channel: 'D2', user: BOT.user_id, bot_id: BOT.bot_id, ts: '1.2', text: 'C18' });
    await event({ type: 'message', channel_type: 'im', channel: 'D2', bot_id: 'BOTHER', subtype: 'bot_message', ts: '1.3', text: 'C18' });
    await event({ type: 'message', channel_type: 'im', channel: 'D2', subtype: 'message_changed', ts: '1.4', message: { text: 'C18' } });
    await event({ type: 'message', channel_type: 'im', channel: 'D2', subtype: 'message_deleted', ts: '1.5' });
    await event({ type: 'message', channel_type: 'im', channel: 'D2', user: 'U1', ts: '1.6', text: 'C19' });
    await fake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.channel === 'D2');
    expect(fake.of('chat.postMessage').filter((c) => c.payload.channel === 'D2')).toHaveLength(1);
    expect(blocksText(fake.of('chat.postMessage')[0])).toContain('C19');
  });

  it('answers a retried event once', async () => {
    await event({ type: 'message', channel_type: 'im', channel: 'D3', user: 'U1', ts: '2.1', text: 'C17' }, 'EvSame');
    await fake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.channel === 'D3');
    expect(
      (await event({ type: 'message', channel_type: 'im', channel: 'D3', user: 'U1', ts: '2.1', text: 'C17' }, 'EvSame', 1)).status,
    ).toBe(200);
    await event({ type: 'message', channel_type: 'im', channel: 'D3', user: 'U1', ts: '2.2', text: 'C16' });
    await fake.waitFor((c) => c.method === 'chat.postMessage' && blocksText(c).includes('C16'));
    expect(fake.of('chat.postMessage').filter((c) => c.payload.channel === 'D3')).toHaveLength(2);
  });

  it('acknowledges /mou at once and answers ephemerally through response_url, with a share button', async () => {
    const res = await command('ai phu trach duong sat kep luu xa', 'U1', 'cmd1');
    expect(res.status).toBe(200);
    const answer = await fake.waitFor(responseTo('cmd1'));
    expect(answer.payload.response_type).toBe('ephemeral');
    expect(blocksText(answer)).toContain('Kép - Lưu Xá');
    const share = buttons(answer).find((b) => b.action_id === 'mou_share');
    expect(share).toBeDefined();
    await blockAction({ action_id: 'mou_share', value: share?.value ?? '' }, 'U1', 'share1');
    const shared = await fake.waitFor(responseTo('share1'));
    expect(shared.payload.response_type).toBe('in_channel');
    expect(blocksText(shared)).toContain('Kép - Lưu Xá');
  });

  it('runs /mou help and /mou pending [area]', async () => {
    await command('help', 'U1', 'h1');
    expect(blocksText(await fake.waitFor(responseTo('h1')))).toContain('Ai phụ trách');
    await command('pending môi trường', 'U1', 'p1');
    const pending = await fake.waitFor(responseTo('p1'));
    expect(blocksText(pending)).toContain('chưa thực hiện');
    expect(blocksText(pending)).toContain('C28');
  });

  it('pages a long list with buttons, and acknowledges them', async () => {
    await command('pending', 'U1', 'pg1');
    const first = await fake.waitFor(responseTo('pg1'));
    const next = buttons(first).find((b) => b.action_id === 'mou_page_next');
    expect(next).toBeDefined();
    const res = await blockAction({ action_id: 'mou_page_next', value: next?.value ?? '' }, 'U1', 'pg2');
    expect(res.status).toBe(200);
    const second = await fake.waitFor(responseTo('pg2'));
    expect(second.payload.replace_original).toBe(true);
    expect(blocksText(second)).toContain('Trang 2/5');
  });

  it('publishes the App Home tab with pending commitments by area', async () => {
    await event({ type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home' });
    const publish = await fake.waitFor((c) => c.method === 'views.publish');
    expect(publish.payload.user_id).toBe('U1');
    const view = JSON.stringify(publish.payload.view);
    expect(view).toContain('34 cam kết chưa thực hiện hoặc đang tiếp tục: 26 mới, 8 tiếp tục');
    expect(view).toContain('C36 · Duy trì mô hình liên kết bảo đảm an ninh trật tự tại địa bàn giáp ranh (đang tiếp tục)');
    expect(view).toContain('Giao thông vận tải');
    expect(view).not.toContain('mou_reload');
  });

  it('reloads for an admin, and refuses anyone else ephemerally without changing anything', async () => {
    const before = store.engine();
    await command('reload', 'U2', 'rl1');
    expect(String((await fake.waitFor(responseTo('rl1'))).payload.text)).toMatch(/chỉ quản trị viên/);
    expect(store.engine()).toBe(before);
    expect(logLines.join('')).toMatch(/"audit":"refused"/);
    await command('reload', ADMIN, 'rl2');
    expect(String((await fake.waitFor(responseTo('rl2'))).payload.text)).toMatch(/Đã nạp lại/);
    expect(store.engine()).not.toBe(before);
  });

  it('lets an admin update a status and read the audit trail; refuses others', async () => {
    await command('update C17 done cầu đã thông xe', 'U2', 'up1');
    expect(String((await fake.waitFor(responseTo('up1'))).payload.text)).toMatch(/chỉ quản trị viên/);
    await command('update C17 done cầu đã thông xe', ADMIN, 'up2');
    expect(String((await fake.waitFor(responseTo('up2'))).payload.text)).toContain('C17: pending → done');
    await command('history C17', 'U3', 'hi1');
    expect(String((await fake.waitFor(responseTo('hi1'))).payload.text)).toContain('cầu đã thông xe');
    await command('lichsu C17', 'U3', 'hi2');
    expect(String((await fake.waitFor(responseTo('hi2'))).payload.text)).toContain('cầu đã thông xe');
    await command('audit', ADMIN, 'au1');
    const audit = String((await fake.waitFor(responseTo('au1'))).payload.text);
    expect(audit).toContain('update · refused');
    expect(audit).toContain('update · ok');
    store = createKnowledgeStore(KNOWLEDGE_DIR, await shippedKnowledge());
  });

  it('retries a rate-limited reply after Retry-After', async () => {
    fake.rateLimitNext('chat.postMessage', 1);
    await event({ type: 'message', channel_type: 'im', channel: 'D4', user: 'U1', ts: '3.1', text: 'C18' });
    await fake.waitFor(
      (c) =>
        c.method === 'chat.postMessage' &&
        c.payload.channel === 'D4' &&
        fake.of('chat.postMessage').filter((x) => x.payload.channel === 'D4').length === 2,
    );
  });

  it('rejects a bad signature with 401', async () => {
    const body = JSON.stringify({
      type: 'event_callback',
      event_id: 'EvBad',
      event: { type: 'message', channel_type: 'im', channel: 'D5', user: 'U1', ts: '4.1', text: 'C18' },
    });
    expect((await post(body, 'application/json', { secret: 'ffffffffffffffffffffffffffffffff' })).status).toBe(401);
  });

  it('rejects a request whose timestamp is more than 5 minutes old', async () => {
    const body = JSON.stringify({
      type: 'event_callback',
      event_id: 'EvOld',
      event: { type: 'message', channel_type: 'im', channel: 'D6', user: 'U1', ts: '4.2', text: 'C18' },
    });
    const res = await post(body, 'application/json', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    await event({ type: 'message', channel_type: 'im', channel: 'D7', user: 'U1', ts: '4.3', text: 'C18' });
    await fake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.channel === 'D7');
    expect(fake.of('chat.postMessage').filter((c) => c.payload.channel === 'D6')).toHaveLength(0);
  });
});

describe('Slack app (Socket Mode)', () => {
  beforeEach(async () => {
    fake = await startFakeSlack();
  });
  afterEach(async () => {
    await app.stop();
    await fake.close();
  });

  it('connects through apps.connections.open, acks an events_api envelope, and replies', async () => {
    app = await start({ appToken: 'xapp-1-test' });
    await fake.socketConnected();
    expect(fake.of('apps.connections.open')).toHaveLength(1);
    const ack = await fake.sendEnvelope('events_api', {
      type: 'event_callback',
      team_id: 'T1',
      api_app_id: 'A1',
      event_id: 'EvSock1',
      event: { type: 'app_mention', user: 'U1', channel: 'C9', ts: '9.1', text: `<@${BOT.user_id}> C18` },
    });
    expect(ack.envelope_id).toBeDefined();
    const reply = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.channel === 'C9');
    expect(reply.payload.thread_ts).toBe('9.1');
    expect(blocksText(reply)).toContain('Kép - Lưu Xá');
  });
});
