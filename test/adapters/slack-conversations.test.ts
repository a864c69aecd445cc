// Conversations and the buttons under an answer, end to end: the real Bolt app over signed HTTP
// requests against the fake Slack, with payloads shaped as Slack documents them (Events API
// `app_mention` and `message.im`, slash commands, `block_actions`). Each thread, each DM outside
// threads and each user's /mou answers are a conversation of their own; an answer comes short,
// and its buttons show the same answer another way, where the answer is.
import pino from 'pino';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../adapters/slack/run.ts';
import { LABELS } from '../../src/answer/i18n.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { slackDeps } from '../../testkit/deps.ts';
import { BOT, type FakeSlack, type SlackCall, startFakeSlack } from '../../testkit/fakes/slack-api.ts';
import { SIGNING_SECRET, type SlackClient, slackClient } from '../../testkit/slack-client.ts';
import { KNOWLEDGE_DIR, shippedKnowledge } from '../helpers.ts';

let fake: FakeSlack;
let app: SlackAdapter;
let client: SlackClient;
let store: KnowledgeStore;
let seq = 0;

beforeAll(async () => {
  store = createKnowledgeStore(KNOWLEDGE_DIR, await shippedKnowledge());
});
beforeEach(async () => {
  fake = await startFakeSlack();
  app = await startSlack(
    slackDeps({
      config: { botToken: 'xoxb-test', signingSecret: SIGNING_SECRET, port: 0, apiUrl: fake.apiUrl, adminIds: new Set() },
      store,
      log: pino({ level: 'silent' }),
      pageSize: 8,
    }),
  );
  client = slackClient(app.port ?? 0);
});
afterEach(async () => {
  await app.stop();
  await fake.close();
});

type Button = { action_id: string; value: string; text: { text: string } };
const buttons = (c: SlackCall | undefined): Button[] =>
  ((c?.payload.blocks as { type: string; elements?: Button[] }[]) ?? [])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);
const button = (c: SlackCall | undefined, actionId: string) => {
  const found = buttons(c).find((b) => b.action_id === actionId);
  if (!found) throw new Error(`no button ${actionId} among ${JSON.stringify(buttons(c).map((b) => b.action_id))}`);
  return found;
};
const blocksText = (c: SlackCall | undefined) => JSON.stringify(c?.payload.blocks ?? []);
const posted = (pred: (c: SlackCall) => boolean) => fake.of('chat.postMessage').filter(pred);

/** A mention of the app in a channel, in a thread when `threadTs` is given; resolves with the answer (in the thread). */
async function mention(channel: string, ts: string, question: string, threadTs?: string): Promise<SlackCall> {
  const before = posted((c) => c.payload.channel === channel).length;
  await client.event(
    {
      type: 'app_mention',
      user: 'U1',
      text: `<@${BOT.user_id}> ${question}`,
      ts,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      channel,
      event_ts: ts,
    },
    `Ev${++seq}`,
  );
  return fake.waitFor(
    (c) =>
      c.method === 'chat.postMessage' && c.payload.channel === channel && posted((x) => x.payload.channel === channel).indexOf(c) >= before,
    `the answer to “${question}”`,
  );
}

/** A direct message to the app; resolves with the answer. */
async function dm(channel: string, question: string): Promise<SlackCall> {
  const before = posted((c) => c.payload.channel === channel).length;
  const ts = `${1700000000 + ++seq}.000100`;
  await client.event({ type: 'message', channel_type: 'im', channel, user: 'U1', text: question, ts, event_ts: ts }, `Ev${++seq}`);
  return fake.waitFor(
    (c) =>
      c.method === 'chat.postMessage' && c.payload.channel === channel && posted((x) => x.payload.channel === channel).indexOf(c) >= before,
    `the answer to “${question}”`,
  );
}

/** `/mou <text>` in channel C1 as `user`; resolves with what the app posted to the command's response_url. */
async function mou(text: string, user: string): Promise<SlackCall> {
  const id = `cmd${++seq}`;
  await client.command(text, user, 'C1', fake.responseUrl(id));
  return fake.waitFor((c) => c.method === `response_url:${id}`, `the answer to /mou ${text}`);
}

/**
 * Presses a button of the message `on` (an answer posted with chat.postMessage, or one sent to a
 * response_url: ephemeral), as `user`; resolves with the response_url id the press carried.
 */
async function press(on: SlackCall, b: Button, user: string, where: { channel: string; threadTs?: string; ephemeral?: boolean }) {
  const id = `act${++seq}`;
  const messageTs = String(on.result?.ts ?? `${1700000000 + seq}.000200`);
  await client.blockAction(
    { action_id: b.action_id, value: b.value, text: b.text },
    { id: user, username: 'official', name: 'official' },
    fake.responseUrl(id),
    {
      container: {
        type: 'message',
        message_ts: messageTs,
        channel_id: where.channel,
        is_ephemeral: where.ephemeral === true,
        ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
      },
      channel: { id: where.channel, name: 'hop-tac' },
      ...(where.ephemeral
        ? {}
        : {
            message: {
              type: 'message',
              user: BOT.user_id,
              ts: messageTs,
              text: String(on.payload.text),
              ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
            },
          }),
    },
  );
  return id;
}

describe('a conversation per thread, per DM, and per user of /mou', () => {
  it('"còn Thái Nguyên thì sao?" within a thread asks the same of the other province; in another thread it does not', async () => {
    const first = await mention('C1', '500.1', 'Chủ tịch UBND tỉnh Bắc Giang là ai?');
    expect(first.payload.thread_ts).toBe('500.1');
    expect(blocksText(first)).toContain('Lê Ánh Dương');
    const same = await mention('C1', '500.2', 'còn Thái Nguyên thì sao?', '500.1');
    expect(same.payload.thread_ts).toBe('500.1');
    expect(blocksText(same)).toContain('Trịnh Việt Hùng');
    expect(blocksText(same)).not.toContain('Lê Ánh Dương');
    const other = await mention('C1', '600.1', 'còn Thái Nguyên thì sao?');
    expect(other.payload.thread_ts).toBe('600.1');
    expect(blocksText(other)).not.toContain('Trịnh Việt Hùng');
  });

  it('a DM is a conversation; another DM is another', async () => {
    await dm('D1', 'Chủ tịch UBND tỉnh Bắc Giang là ai?');
    expect(blocksText(await dm('D1', 'còn Thái Nguyên thì sao?'))).toContain('Trịnh Việt Hùng');
    expect(blocksText(await dm('D2', 'còn Thái Nguyên thì sao?'))).not.toContain('Trịnh Việt Hùng');
    // "chi tiết" shows the last answer in full.
    expect(blocksText(await dm('D1', 'chi tiết'))).toContain('📄');
  });

  it("one user's /mou answers, seen by that user alone, are not another user's conversation", async () => {
    expect(blocksText(await mou('Chủ tịch UBND tỉnh Bắc Giang là ai?', 'U1'))).toContain('Lê Ánh Dương');
    expect(blocksText(await mou('còn Thái Nguyên thì sao?', 'U2'))).not.toContain('Trịnh Việt Hùng');
    expect(blocksText(await mou('còn Thái Nguyên thì sao?', 'U1'))).toContain('Trịnh Việt Hùng');
  });
});

describe('the answer first, its details on request', () => {
  it('is short by default, with buttons for the details, the quotes and the general assignment', async () => {
    const answer = await mention('C1', '700.1', 'Ai phụ trách cầu Hòa Sơn?');
    const blocks = blocksText(answer);
    expect(blocks).toMatch(/C19 · Đẩy nhanh tiến độ xây dựng tuyến đường và cầu Hòa Sơn[^"]*_\(dòng 29\)_/);
    expect(blocks).toMatch(/R3 · Cùng đầu tư mở mới tuyến QL37[^"]*_\(dòng 9\)_/);
    expect(blocks).not.toContain('📄');
    expect(blocks).not.toContain(LABELS.vi.general);
    expect(String(answer.payload.text)).not.toContain('Gõ “chi tiết”');
    expect(buttons(answer).map((b) => [b.action_id, b.text.text])).toEqual([
      ['mou_view_full', LABELS.vi.view.full],
      ['mou_view_quotes', LABELS.vi.view.quotes],
      ['mou_view_general', LABELS.vi.view.general],
    ]);
  });

  it('a view button in a thread replies in that thread with the same answer in that view', async () => {
    await mention('C1', '800.1', 'Chủ tịch UBND tỉnh Bắc Giang là ai?');
    const answer = await mention('C1', '800.2', 'còn Thái Nguyên thì sao?', '800.1');
    // The thread moves on before the button is pressed: the button still shows its own answer.
    await mention('C1', '800.3', 'C18', '800.1');
    const before = posted(() => true).length;
    await press(answer, button(answer, 'mou_view_quotes'), 'U1', { channel: 'C1', threadTs: '800.1' });
    const quotes = await fake.waitFor((c) => c.method === 'chat.postMessage' && posted(() => true).indexOf(c) >= before, 'the quotes');
    expect(quotes.payload).toMatchObject({ channel: 'C1', thread_ts: '800.1' });
    expect(blocksText(quotes)).toContain('Trịnh Việt Hùng');
    expect(blocksText(quotes)).toContain('📄');
    expect(blocksText(quotes)).not.toContain('Kép - Lưu Xá');

    const general = await mention('C1', '900.1', 'Ai phụ trách cầu Hòa Sơn?');
    const mark = posted(() => true).length;
    await press(general, button(general, 'mou_view_general'), 'U1', { channel: 'C1', threadTs: '900.1' });
    const shown = await fake.waitFor(
      (c) => c.method === 'chat.postMessage' && posted(() => true).indexOf(c) >= mark,
      'the general assignment',
    );
    expect(shown.payload.thread_ts).toBe('900.1');
    expect(blocksText(shown)).toContain(LABELS.vi.general);
    expect(blocksText(shown)).toContain('Các đồng chí Ủy viên Ban Thường vụ hai tỉnh');
  });

  it('the buttons of an ephemeral /mou answer answer ephemerally, to the same user', async () => {
    const answer = await mou('Ai phụ trách cầu Hòa Sơn?', 'U5');
    expect(answer.payload.response_type).toBe('ephemeral');
    const id = await press(answer, button(answer, 'mou_view_quotes'), 'U5', { channel: 'C1', ephemeral: true });
    const quotes = await fake.waitFor((c) => c.method === `response_url:${id}`, 'the quotes');
    expect(quotes.payload).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(blocksText(quotes)).toContain('dòng 29_: “đẩy nhanh tiến độ đầu tư');
    // Still only the user's: with a share button, and nothing posted to the channel.
    expect(buttons(quotes).map((b) => b.action_id)).toContain('mou_share');
    expect(fake.of('chat.postMessage')).toHaveLength(0);
  });

  it('a view button under a DM answer outside a thread shows the view below it, in the DM', async () => {
    const answer = await dm('D7', 'Ai phụ trách cầu Hòa Sơn?');
    const id = await press(answer, button(answer, 'mou_view_full'), 'U1', { channel: 'D7' });
    const full = await fake.waitFor((c) => c.method === `response_url:${id}`, 'the full answer');
    expect(full.payload).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(blocksText(full)).toContain('📄');
    expect(blocksText(full)).toContain(LABELS.vi.general);
    expect(buttons(full)).toEqual([]);
  });

  it('shows no view button when there is nothing more to show', async () => {
    const miss = await dm('D8', 'giá vàng hôm nay');
    expect(blocksText(miss)).toContain('giá vàng');
    expect(buttons(miss)).toEqual([]);
  });

  it('keeps paging working beside the view buttons', async () => {
    const first = await mou('pending', 'U6');
    expect(buttons(first).map((b) => b.action_id)).toEqual(['mou_page_next', 'mou_view_full', 'mou_view_quotes', 'mou_share']);
    const id = await press(first, button(first, 'mou_page_next'), 'U6', { channel: 'C1', ephemeral: true });
    const second = await fake.waitFor((c) => c.method === `response_url:${id}`, 'page 2');
    expect(second.payload.replace_original).toBe(true);
    expect(blocksText(second)).toContain('Trang 2/5');
    const full = await press(second, button(second, 'mou_view_full'), 'U6', { channel: 'C1', ephemeral: true });
    const page2 = await fake.waitFor((c) => c.method === `response_url:${full}`, 'page 2 in full');
    expect(blocksText(page2)).toContain('Trang 2/5');
    expect(blocksText(page2)).toContain('C9 ·');
    expect(blocksText(page2)).toContain('📄');
  });
});
