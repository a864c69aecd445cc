// Conversations and the buttons under an answer, end to end: the real grammY bot against the fake
// Bot API, with updates shaped as the Bot API documents them (https://core.telegram.org/bots/api#update,
// #callbackquery, forum topics). Each chat, and each forum topic, is a conversation of its own; an
// answer comes short, and its buttons show the same answer another way.
import pino from 'pino';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ButtonStore } from '../../adapters/telegram/buttons.ts';
import { startTelegram, type TelegramAdapter } from '../../adapters/telegram/run.ts';
import { LABELS } from '../../src/answer/i18n.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { telegramDeps } from '../../testkit/deps.ts';
import { BOT_USER, type Call, type FakeTelegram, startFakeTelegram } from '../../testkit/fakes/telegram-api.ts';
import { handled } from '../../testkit/handled.ts';
import { KNOWLEDGE_DIR, shippedKnowledge } from '../helpers.ts';

let fake: FakeTelegram;
let bot: TelegramAdapter;
let store: KnowledgeStore;
let nextMessage = 50_000;
let nextCallback = 0;

beforeAll(async () => {
  store = createKnowledgeStore(KNOWLEDGE_DIR, await shippedKnowledge());
});
beforeEach(async () => {
  fake = await startFakeTelegram();
  bot = await startTelegram(
    telegramDeps({
      config: { token: fake.token, apiRoot: fake.url, adminIds: new Set() },
      store,
      log: pino({ level: 'silent' }),
      pageSize: 8,
    }),
    { pollTimeoutSeconds: 1, retryMs: 50 },
  );
});
afterEach(async () => {
  await bot.stop();
  await fake.close();
});

const now = () => Math.floor(Date.now() / 1000);
const user = (id: number, language_code = 'vi') => ({ id, is_bot: false, first_name: 'Cán bộ', language_code });
const privateChat = (id: number) => ({ id, first_name: 'Cán bộ', type: 'private' });
const FORUM = { id: -1005556667770, title: 'Hợp tác BG – TN', type: 'supergroup', is_forum: true };
const mention = `@${BOT_USER.username} `;

type Button = { text: string; callback_data: string };
/** The buttons of a sent or edited message, row by row. */
const rows = (c: Call | undefined) => (c?.payload.reply_markup as { inline_keyboard: Button[][] } | undefined)?.inline_keyboard ?? [];
const buttons = (c: Call | undefined) => rows(c).flat();
const button = (c: Call | undefined, text: string) => {
  const found = buttons(c).find((b) => b.text === text);
  if (!found) throw new Error(`no button “${text}” among ${JSON.stringify(buttons(c).map((b) => b.text))}`);
  return found;
};
const text = (c: Call | undefined) => String(c?.payload.text ?? '');
const sentTo = (chatId: number) => fake.of('sendMessage').filter((c) => c.payload.chat_id === chatId);

/** A question in a private chat; resolves with the bot's answer: its messages (a long one takes several). */
async function askAll(chatId: number, question: string, language = 'vi'): Promise<Call[]> {
  const before = sentTo(chatId).length;
  const message = { message_id: ++nextMessage, from: user(chatId, language), chat: privateChat(chatId), date: now(), text: question };
  await handled(fake, bot, fake.push({ message }));
  const sent = sentTo(chatId).slice(before);
  expect(sent.length, `an answer to “${question}”`).toBeGreaterThan(0);
  return sent;
}
/** The answer's last message: the one with the buttons. */
const ask = async (chatId: number, question: string, language = 'vi') => (await askAll(chatId, question, language)).at(-1) as Call;
/** The answer's text, all its messages. */
const askText = async (chatId: number, question: string) => (await askAll(chatId, question)).map(text).join('\n');

/** A question that mentions the bot in a forum topic; resolves with the answer. */
async function askInTopic(topic: number, from: number, question: string): Promise<Call> {
  const message = {
    message_id: ++nextMessage,
    message_thread_id: topic,
    is_topic_message: true,
    from: user(from),
    chat: FORUM,
    date: now(),
    text: `${mention}${question}`,
    entities: [{ type: 'mention', offset: 0, length: mention.length - 1 }],
  };
  await handled(fake, bot, fake.push({ message }));
  const reply = sentTo(FORUM.id).find(
    (c) => (c.payload.reply_parameters as { message_id?: number } | undefined)?.message_id === message.message_id,
  );
  expect(reply?.payload.message_thread_id).toBe(topic);
  return reply as Call;
}

/** Presses a button of the bot's message `on` (as sent), as the user; resolves with the callback query's id. */
async function press(on: Call, data: string, from: number, extra: Record<string, unknown> = {}): Promise<string> {
  const id = `cb-${++nextCallback}`;
  const chat = on.result?.chat as { id: number };
  const message = {
    message_id: on.result?.message_id,
    from: BOT_USER,
    chat: { ...chat, ...(chat.id < 0 ? FORUM : {}) },
    date: now(),
    text: 'answer',
    ...extra,
  };
  await handled(fake, bot, fake.push({ callback_query: { id, from: user(from), message, chat_instance: '-5716271874213', data } }));
  return id;
}
const answered = (callbackId: string) => fake.of('answerCallbackQuery').find((c) => c.payload.callback_query_id === callbackId);
const repliesTo = (c: Call) =>
  fake
    .of('sendMessage')
    .filter((s) => (s.payload.reply_parameters as { message_id?: number } | undefined)?.message_id === c.result?.message_id);

describe('a conversation per chat and per forum topic', () => {
  it('"còn Thái Nguyên thì sao?" asks the same of the other province in the same chat, and nowhere else', async () => {
    expect(await askText(6001, 'Chủ tịch UBND tỉnh Bắc Giang là ai?')).toContain('Lê Ánh Dương');
    const followUp = await askText(6001, 'còn Thái Nguyên thì sao?');
    expect(followUp).toContain('Trịnh Việt Hùng');
    expect(followUp).not.toContain('Lê Ánh Dương');
    // Another chat never saw the first question.
    expect(await askText(6002, 'còn Thái Nguyên thì sao?')).not.toContain('Trịnh Việt Hùng');
  });

  it('each forum topic is its own conversation', async () => {
    expect(text(await askInTopic(11, 6101, 'Chủ tịch UBND tỉnh Bắc Giang là ai?'))).toContain('Lê Ánh Dương');
    expect(text(await askInTopic(12, 6102, 'còn Thái Nguyên thì sao?'))).not.toContain('Trịnh Việt Hùng');
    expect(text(await askInTopic(11, 6103, 'còn Thái Nguyên thì sao?'))).toContain('Trịnh Việt Hùng');
  });

  it('"ông ấy", "tiếp" and "chi tiết" typed in a chat lean on its answers', async () => {
    await ask(6003, 'Bí thư Tỉnh ủy Bắc Giang là ai?');
    expect(await askText(6003, 'Ông ấy còn giữ chức vụ gì?')).toMatch(/Dương Văn Thái[\s\S]*(Trung ương|Quốc hội)/);
    await ask(6004, 'cam ket nao con dang cho');
    expect(await askText(6004, 'tiếp')).toContain('Trang 2/5');
    const full = await askText(6004, 'chi tiết');
    expect(full).toContain('Trang 2/5');
    expect(full).toContain('📄');
  });
});

describe('the answer first, its details on request', () => {
  it('is short by default: the entries with their line numbers, no quotes, and buttons for more', async () => {
    const answer = await ask(6201, 'Ai phụ trách cầu Hòa Sơn?');
    const html = text(answer);
    expect(html).toMatch(/C19 · Đẩy nhanh tiến độ xây dựng tuyến đường và cầu Hòa Sơn.*<i>\(dòng 29\)<\/i>/);
    expect(html).toMatch(/R3 · Cùng đầu tư mở mới tuyến QL37.*<i>\(dòng 9\)<\/i>/);
    expect(html).not.toContain('📄');
    expect(html).not.toContain('Nguồn:');
    expect(html).not.toContain('“Hai tỉnh tăng cường phối hợp');
    expect(html).not.toContain('Phân công chung');
    // The buttons replace the line that says what to type.
    expect(html).not.toContain('Gõ “chi tiết”');
    expect(buttons(answer).map((b) => b.text)).toEqual([LABELS.vi.view.full, LABELS.vi.view.quotes, LABELS.vi.view.general]);
    for (const b of buttons(answer)) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
  });

  it('"Trích dẫn" replies to the answer with its quotes; "Phân công chung" with its general assignment', async () => {
    const answer = await ask(6202, 'Ai phụ trách cầu Hòa Sơn?');
    const quotesPress = await press(answer, button(answer, 'Trích dẫn').callback_data, 6202);
    expect(answered(quotesPress)?.payload.text).toBeUndefined();
    const [quotes] = repliesTo(answer);
    expect(text(quotes)).toContain('📄');
    expect(text(quotes)).toContain('dòng 29</i>: “đẩy nhanh tiến độ đầu tư xây dựng tuyến đường và cầu Hòa Sơn');
    expect(text(quotes)).toContain('dòng 9</i>: “tuyến đường QL37 - cầu Hòa Sơn - TP Phổ Yên”');
    expect(text(quotes)).not.toContain('Phân công chung');
    // Under the quotes, the views not yet seen.
    expect(buttons(quotes).map((b) => b.text)).toEqual(['Chi tiết', 'Phân công chung']);

    await press(answer, button(answer, 'Phân công chung').callback_data, 6202);
    const general = repliesTo(answer)[1];
    expect(text(general)).toContain(LABELS.vi.general);
    expect(text(general)).toContain('Các đồng chí Ủy viên Ban Thường vụ hai tỉnh');
    expect(text(general)).toContain('dòng 18');
    expect(text(general)).not.toContain('R3 ·');
  });

  it('a button shows the answer it is under, even after the conversation has moved on', async () => {
    await ask(6203, 'Chủ tịch UBND tỉnh Bắc Giang là ai?');
    const followUp = await ask(6203, 'còn Thái Nguyên thì sao?');
    await ask(6203, 'C18');
    await press(followUp, button(followUp, 'Chi tiết').callback_data, 6203);
    const [full] = repliesTo(followUp);
    expect(text(full)).toContain('Trịnh Việt Hùng');
    expect(text(full)).toContain('📄');
    expect(text(full)).not.toContain('Lê Ánh Dương');
    expect(text(full)).not.toContain('Kép - Lưu Xá');
    // Everything is shown: no more buttons.
    expect(full?.payload.reply_markup).toBeUndefined();
  });

  it('has no buttons when there is nothing more to show', async () => {
    const miss = await ask(6204, 'giá vàng hôm nay');
    expect(text(miss)).toContain('giá vàng');
    expect(miss.payload.reply_markup).toBeUndefined();
  });

  it("labels the buttons in the answer's language", async () => {
    const answer = await ask(6205, 'who is responsible for the kep luu xa railway', 'en');
    expect(buttons(answer).map((b) => b.text)).toEqual(['Details', 'Quotes', 'General assignment']);
  });

  it('keeps paging and views together: ▶ edits in place with the views of that page, and a view shows that page', async () => {
    const first = await ask(6206, '/cancho');
    expect(rows(first).map((r) => r.map((b) => b.text))).toEqual([
      ['1/5', '▶'],
      ['Chi tiết', 'Trích dẫn'],
    ]);
    const next = await press(first, button(first, '▶').callback_data, 6206);
    expect(answered(next)).toBeDefined();
    const edit = fake.of('editMessageText').at(-1);
    expect(edit?.payload).toMatchObject({ chat_id: 6206, message_id: first.result?.message_id });
    expect(text(edit)).toContain('Trang 2/5');
    expect(rows(edit).map((r) => r.map((b) => b.text))).toEqual([
      ['◀', '2/5', '▶'],
      ['Chi tiết', 'Trích dẫn'],
    ]);
    const before = sentTo(6206).length;
    await press(first, button(edit, 'Chi tiết').callback_data, 6206);
    const reply = sentTo(6206).slice(before);
    // A reply to the answer, in as many messages as it takes.
    expect(reply[0]?.payload.reply_parameters).toMatchObject({ message_id: first.result?.message_id });
    const full = reply.map(text).join('\n');
    expect(full).toContain('Trang 2/5');
    expect(full).toContain('C9 ·');
    expect(full).not.toContain('C1 ·');
    expect(full).toContain('📄');
  });

  it('answers a stale or unknown button with the expired notice, and sends nothing', async () => {
    const answer = await ask(6207, 'C18');
    const before = fake.of('sendMessage').length;
    const stale = await press(answer, 'vw:AbCdEf12:quotes:1', 6207);
    expect(answered(stale)?.payload.text).toBe(NOTICE);
    const odd = await press(answer, 'vw:AbCdEf12:nonsense:1', 6207);
    expect(answered(odd)?.payload.text).toBe(NOTICE);
    expect(fake.of('sendMessage')).toHaveLength(before);
  });

  it('replies to a button in a forum topic in that topic', async () => {
    const answer = await askInTopic(21, 6301, 'Ai phụ trách cầu Hòa Sơn?');
    await press(answer, button(answer, 'Trích dẫn').callback_data, 6302, { message_thread_id: 21, is_topic_message: true });
    const [quotes] = repliesTo(answer);
    expect(quotes?.payload.message_thread_id).toBe(21);
    expect(text(quotes)).toContain('📄');
  });
});

const NOTICE = 'Nút này đã hết hạn, hãy hỏi lại.';

describe('the store behind the buttons', () => {
  const asked = (text: string) => ({ text, conversation: 'telegram:1' });

  it('forgets a question once its button has expired', () => {
    let now = 0;
    const store = new ButtonStore({ ttlMs: 1000, now: () => now });
    const key = store.put(asked('C18'));
    now = 1000;
    expect(store.get(key)).toEqual(asked('C18'));
    now = 1001;
    expect(store.get(key)).toBeUndefined();
  });

  it('keeps at most its capacity, forgetting the oldest, under keys that fit callback data', () => {
    const store = new ButtonStore({ capacity: 2 });
    const keys = ['C1', 'C2', 'C3'].map((q) => store.put(asked(q)));
    expect(new Set(keys).size).toBe(3);
    for (const k of keys) expect(k).toMatch(/^[\w-]{8}$/);
    expect(keys.map((k) => store.get(k)?.text)).toEqual([undefined, 'C2', 'C3']);
  });
});
