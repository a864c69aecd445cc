// Real Slack traffic, end to end through the HTTP receiver and the fake Slack, with requests shaped
// as the Events API documents them (https://docs.slack.dev/reference/events): DM threads, messages
// with files, thread broadcasts, edits, other apps' bots, events and buttons the app has no
// listener for, and a failing listener.
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../adapters/slack/run.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { slackDeps } from '../../testkit/deps.ts';
import { BOT, type FakeSlack, type SlackCall, startFakeSlack } from '../../testkit/fakes/slack-api.ts';
import { SIGNING_SECRET, type SlackClient, slackClient } from '../../testkit/slack-client.ts';
import { KNOWLEDGE_DIR, shippedKnowledge } from '../helpers.ts';

let fake: FakeSlack;
let app: SlackAdapter;
let slack: SlackClient;
let store: KnowledgeStore;
let seq = 0;

beforeEach(async () => {
  store ??= createKnowledgeStore(KNOWLEDGE_DIR, await shippedKnowledge());
  fake = await startFakeSlack();
  app = await startSlack(
    slackDeps({
      config: { botToken: 'xoxb-traffic', signingSecret: SIGNING_SECRET, port: 0, apiUrl: fake.apiUrl, adminIds: new Set() },
      store,
      log: pino({ level: 'silent' }),
      pageSize: 8,
    }),
  );
  slack = slackClient(app.port ?? 0);
});
afterEach(async () => {
  await app.stop();
  await fake.close();
});

/** A ts a few seconds old, as Slack writes them ("1700000000.000100"). */
const tsNow = () => `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, '0')}`;
const event = (e: Record<string, unknown>) => slack.event(e, `Ev0TRAFFIC${++seq}`);
const postsTo = (channel: string) => fake.of('chat.postMessage').filter((c) => c.payload.channel === channel && c.failed === undefined);
const blocksText = (c: SlackCall | undefined) => JSON.stringify(c?.payload.blocks ?? []);

describe('direct messages', () => {
  it('answers a reply in a DM thread in that thread', async () => {
    const root = tsNow();
    const reply = tsNow();
    await event({
      type: 'message',
      channel: 'D0TRAFFIC1',
      user: 'U0OFFICIAL',
      text: 'C17',
      ts: reply,
      thread_ts: root,
      parent_user_id: 'U0OFFICIAL',
      event_ts: reply,
      channel_type: 'im',
      client_msg_id: 'a5a11822-d14e-4621-992b-32d561648aa0',
    });
    const answer = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.channel === 'D0TRAFFIC1');
    expect(answer.payload.thread_ts).toBe(root);
    expect(blocksText(answer)).toContain('Tam Kha');
  });

  it('answers the text of a message that shares a file', async () => {
    const ts = tsNow();
    await event({
      type: 'message',
      subtype: 'file_share',
      text: 'C18',
      files: [
        {
          id: 'F04EEHX1EES',
          created: 1670631527,
          name: 'anh-chup-man-hinh.png',
          title: 'anh-chup-man-hinh.png',
          mimetype: 'image/png',
          filetype: 'png',
          user: 'U0OFFICIAL',
          size: 48_211,
          mode: 'hosted',
          url_private: 'https://files.slack.com/files-pri/T1-F04EEHX1EES/anh-chup-man-hinh.png',
        },
      ],
      upload: true,
      user: 'U0OFFICIAL',
      display_as_bot: false,
      ts,
      channel: 'D0TRAFFIC2',
      event_ts: ts,
      channel_type: 'im',
    });
    const answer = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.channel === 'D0TRAFFIC2');
    expect(blocksText(answer)).toContain('Kép - Lưu Xá');
  });

  it('answers a thread reply also sent to the conversation, in its thread', async () => {
    const root = tsNow();
    const ts = tsNow();
    await event({
      type: 'message',
      subtype: 'thread_broadcast',
      text: 'C16',
      user: 'U0OFFICIAL',
      ts,
      thread_ts: root,
      root: { type: 'message', text: 'trước đó', user: 'U0OFFICIAL', ts: root },
      channel: 'D0TRAFFIC3',
      event_ts: ts,
      channel_type: 'im',
    });
    const answer = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.channel === 'D0TRAFFIC3');
    expect(answer.payload.thread_ts).toBe(root);
  });

  it('strips its own mention in a DM', async () => {
    await event({
      type: 'message',
      channel: 'D0TRAFFIC4',
      user: 'U0OFFICIAL',
      text: `<@${BOT.user_id}> ai phụ trách cầu Hòa Sơn`,
      ts: tsNow(),
      channel_type: 'im',
    });
    const answer = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.channel === 'D0TRAFFIC4');
    expect(blocksText(answer)).toContain('Hòa Sơn');
    expect(String(answer.payload.text)).not.toMatch(/Không tìm thấy/);
  });

  it("ignores another app's bot, with or without a subtype", async () => {
    await event({
      type: 'message',
      channel: 'D0TRAFFIC5',
      bot_id: 'B0OTHERAPP',
      user: 'U0OTHERBOT',
      text: 'C18',
      ts: tsNow(),
      channel_type: 'im',
    });
    await event({
      type: 'message',
      subtype: 'bot_message',
      channel: 'D0TRAFFIC5',
      bot_id: 'B0OTHERAPP',
      text: 'C18',
      ts: tsNow(),
      channel_type: 'im',
    });
    // A question after them, in the same DM, is answered; by then an answer to either would have gone out first.
    await event({ type: 'message', channel: 'D0TRAFFIC5', user: 'U0OFFICIAL', text: 'C19', ts: tsNow(), channel_type: 'im' });
    await fake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.channel === 'D0TRAFFIC5' && blocksText(c).includes('C19'));
    expect(postsTo('D0TRAFFIC5').map((c) => blocksText(c).includes('C18'))).toEqual([false]);
  });

  it('edits its answer when the question is edited (message_changed)', async () => {
    const ts = tsNow();
    await event({ type: 'message', channel: 'D0TRAFFIC6', user: 'U0OFFICIAL', text: 'C18', ts, channel_type: 'im' });
    const answer = await fake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.channel === 'D0TRAFFIC6');
    await event({
      type: 'message',
      subtype: 'message_changed',
      hidden: true,
      channel: 'D0TRAFFIC6',
      channel_type: 'im',
      ts: tsNow(),
      event_ts: tsNow(),
      message: { type: 'message', user: 'U0OFFICIAL', text: 'C17', ts, edited: { user: 'U0OFFICIAL', ts: tsNow() } },
      previous_message: { type: 'message', user: 'U0OFFICIAL', text: 'C18', ts },
    });
    const update = await fake.waitFor((c) => c.method === 'chat.update');
    expect(update.payload).toMatchObject({ channel: 'D0TRAFFIC6', ts: answer.result?.ts });
    expect(blocksText(update)).toContain('Tam Kha');
    expect(postsTo('D0TRAFFIC6')).toHaveLength(1);
  });
});

describe('what the app has no listener for', () => {
  it('acknowledges app_rate_limited with 200 at once', async () => {
    const res = await slack.post(
      JSON.stringify({
        token: 'Jhj5dZrVaK7ZwHHjRyZWjbDl',
        type: 'app_rate_limited',
        team_id: 'T1',
        minute_rate_limited: 1518467820,
        api_app_id: 'A1',
      }),
      'application/json',
    );
    expect(res.status).toBe(200);
  });

  it('acknowledges a button with an unknown action_id with 200 at once', async () => {
    const res = await slack.blockAction({ action_id: 'mou_detail_C18', value: '{}' }, { id: 'U0OFFICIAL' }, fake.responseUrl('unknown1'), {
      container: { type: 'message', message_ts: '1.1', channel_id: 'C1', is_ephemeral: false },
      channel: { id: 'C1', name: 'hop-tac' },
    });
    expect(res.status).toBe(200);
  });
});

describe('a listener that fails', () => {
  it('tells the user briefly, in the thread, that something went wrong', async () => {
    // A reply Slack refuses for good (not a rate limit, not a 5xx): the listener throws.
    fake.failNext('chat.postMessage', { status: 200, body: { ok: false, error: 'msg_too_long' } });
    const ts = tsNow();
    await event({ type: 'app_mention', user: 'U0OFFICIAL', channel: 'C0TRAFFIC', ts, text: `<@${BOT.user_id}> C18`, event_ts: ts });
    const notice = await fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.payload.channel === 'C0TRAFFIC' && c.failed === undefined,
      'the failure notice',
    );
    expect(notice.payload.thread_ts).toBe(ts);
    expect(String(notice.payload.text)).toMatch(/đã có lỗi/);
    expect(notice.payload.blocks).toBeUndefined();
  });
});
