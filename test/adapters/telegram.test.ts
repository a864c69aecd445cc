// End to end: the real grammY bot, over real HTTP, against the fake Bot API on 127.0.0.1.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { Writable } from 'node:stream';
import { startTelegram, type TelegramAdapter } from '../../adapters/telegram/run.ts';
import type { TelegramConfig } from '../../src/config.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { openState, type State } from '../../src/state/index.ts';
import { overlayOf } from '../../src/state/status-log.ts';
import { BOT_USER, startFakeTelegram, type Call, type FakeTelegram } from '../../testkit/fakes/telegram-api.ts';
import { KNOWLEDGE_DIR, shippedKnowledge } from '../helpers.ts';
import { telegramDeps } from '../../testkit/deps.ts';
import { handled } from '../../testkit/handled.ts';

const ADMIN = 42;
const GROUP = { id: -100123, type: 'supergroup' };

let fake: FakeTelegram;
let store: KnowledgeStore;
let bot: TelegramAdapter;
let logLines: string[];

function logger() {
  logLines = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  return pino({ level: 'info' }, sink);
}

async function start(extra: Partial<TelegramConfig> = {}, state?: State): Promise<TelegramAdapter> {
  return startTelegram(
    telegramDeps({
      config: { token: fake.token, apiRoot: fake.url, adminIds: new Set([ADMIN]), ...extra },
      store,
      ...(state ? { state } : {}),
      log: logger(),
      pageSize: 8,
    }),
    { pollTimeoutSeconds: 1, retryMs: 50 },
  );
}

/** The messages the bot sent to a chat, in order. */
const sentTo = (chatId: number) => fake.of('sendMessage').filter((c) => c.payload.chat_id === chatId);
const replyTo = (messageId: number) => (c: Call) =>
  c.method === 'sendMessage' && (c.payload.reply_parameters as { message_id?: number } | undefined)?.message_id === messageId;

beforeAll(async () => {
  store = createKnowledgeStore(KNOWLEDGE_DIR, await shippedKnowledge());
});

describe('Telegram bot (long polling)', () => {
  beforeEach(async () => {
    fake = await startFakeTelegram();
    bot = await start();
  });
  afterEach(async () => {
    await bot.stop();
    await fake.close();
  });

  it('registers its commands in Vietnamese and English at start', async () => {
    const menus = fake.of('setMyCommands');
    expect(menus.find((c) => c.payload.language_code === 'vi')?.payload.commands).toEqual(
      expect.arrayContaining([expect.objectContaining({ command: 'phutrach' })]),
    );
    expect(menus.find((c) => c.payload.language_code === undefined)?.payload.commands).toEqual(
      expect.arrayContaining([expect.objectContaining({ command: 'responsible' })]),
    );
  });

  it('answers a private question, with the typing action first, in HTML with its source', async () => {
    const { updateId } = fake.text('ai phu trach duong sat kep luu xa', { fromId: 1001 });
    await handled(fake, bot, updateId);
    const [typing] = fake.of('sendChatAction');
    expect(typing?.payload).toMatchObject({ chat_id: 1001, action: 'typing' });
    const [msg] = sentTo(1001);
    expect(msg?.payload.parse_mode).toBe('HTML');
    expect(msg?.payload.text).toContain('Kép - Lưu Xá');
    expect(msg?.payload.text).toContain('dòng 28');
    expect(fake.calls.indexOf(typing as Call)).toBeLessThan(fake.calls.indexOf(msg as Call));
  });

  it('in a group, answers a mention in reply to it and ignores other chatter', async () => {
    const chatter = fake.text('mọi người ăn trưa chưa?', { chat: GROUP });
    await handled(fake, bot, chatter.updateId);
    const text = '@mou_test_bot ai phụ trách cầu Hòa Sơn?';
    const mention = fake.text(text, { chat: GROUP, entities: [{ type: 'mention', offset: 0, length: 13 }] });
    const answer = await fake.waitFor(replyTo(mention.messageId), 'the reply to the mention');
    expect(answer.payload.text).toContain('Hòa Sơn');
    await handled(fake, bot, mention.updateId);
    expect(fake.calls.some(replyTo(chatter.messageId))).toBe(false);
    expect(sentTo(GROUP.id)).toHaveLength(1);
  });

  it('in a group, answers a reply to its own message', async () => {
    const m = fake.text('C17', { chat: GROUP, replyTo: { message_id: 5, date: 0, chat: GROUP, from: BOT_USER, text: 'earlier answer' } });
    const answer = await fake.waitFor(replyTo(m.messageId));
    expect(answer.payload.text).toContain('Tam Kha');
  });

  it.each([
    ['/ai Dương Văn Thái', 'Bí thư Tỉnh ủy'],
    ['/who Le Anh Duong', "Chair of the Provincial People's Committee"],
    ['/phutrach đường sắt Kép - Lưu Xá', 'Tổng Công ty Đường sắt Việt Nam'],
    ['/responsible crime prevention', 'công an'],
    ['/cancho', 'chưa thực hiện'],
    ['/pending transport', 'Transport'],
    ['/camket C17', 'Tam Kha'],
    ['/clause Kép Lưu Xá railway', 'C18'],
    ['/timkiem sông Cầu', 'sông Cầu'],
    ['/search QL17', 'QL17'],
    ['/start', '/'],
    ['/help', 'Ai phụ trách'],
  ])('%s answers', async (command, expected) => {
    const { updateId } = fake.text(command, { fromId: 2002 });
    await handled(fake, bot, updateId);
    expect(
      sentTo(2002)
        .map((c) => c.payload.text)
        .join('\n'),
    ).toContain(expected);
  });

  it.each([
    ['/ai', 'Ví dụ: /ai'],
    ['/who', 'For example: /who'],
    ['/phutrach', 'Ví dụ: /phutrach'],
    ['/camket', 'Ví dụ: /camket'],
    ['/timkiem', 'Ví dụ: /timkiem'],
  ])('%s without an argument explains its use', async (command, expected) => {
    const { updateId } = fake.text(command, { fromId: 2003 });
    await handled(fake, bot, updateId);
    expect(sentTo(2003)[0]?.payload.text).toContain(expected);
  });

  it('answers /cmd@botname in a group and says so for an unknown command in private', async () => {
    const g = fake.text('/ai@mou_test_bot Phạm Hoàng Sơn', { chat: GROUP, entities: [{ type: 'bot_command', offset: 0, length: 16 }] });
    expect((await fake.waitFor(replyTo(g.messageId))).payload.text).toContain('Phạm Hoàng Sơn');
    const u = fake.text('/xyz', { fromId: 2004, entities: [{ type: 'bot_command', offset: 0, length: 4 }] });
    await handled(fake, bot, u.updateId);
    expect(sentTo(2004)[0]?.payload.text).toContain('/help');
  });

  it('pages a long list with buttons that edit the message in place', async () => {
    const { updateId } = fake.text('/cancho', { fromId: 3003, entities: [{ type: 'bot_command', offset: 0, length: 7 }] });
    await handled(fake, bot, updateId);
    const first = sentTo(3003).at(-1);
    const keyboard =
      (first?.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard[0] ??
      [];
    const next = keyboard.find((b) => b.text === '▶');
    expect(next).toBeDefined();
    const cb = fake.push({
      callback_query: {
        id: 'cb1',
        from: { id: 3003, is_bot: false, first_name: 'O' },
        chat_instance: 'x',
        data: next?.callback_data,
        message: { message_id: 777, date: 0, chat: { id: 3003, type: 'private' }, text: 'old' },
      },
    });
    await handled(fake, bot, cb);
    const edit = fake.of('editMessageText').at(-1);
    expect(edit?.payload).toMatchObject({ chat_id: 3003, message_id: 777, parse_mode: 'HTML' });
    expect(edit?.payload.text).toContain('Trang 2/5');
    expect(fake.of('answerCallbackQuery').map((c) => c.payload.callback_query_id)).toContain('cb1');
  });

  it('answers an expired paging button without failing', async () => {
    const cb = fake.push({
      callback_query: {
        id: 'cb2',
        from: { id: 3004, is_bot: false, first_name: 'O' },
        chat_instance: 'x',
        data: 'pg:zzzz:2',
        message: { message_id: 1, date: 0, chat: { id: 3004, type: 'private' }, text: 'old' },
      },
    });
    await handled(fake, bot, cb);
    expect(fake.of('answerCallbackQuery').find((c) => c.payload.callback_query_id === 'cb2')?.payload.text).toMatch(/hết hạn/);
  });

  it('offers commitments as inline results', async () => {
    const id = fake.push({ inline_query: { id: 'iq1', from: { id: 4004, is_bot: false, first_name: 'O' }, query: 'QL17', offset: '' } });
    await handled(fake, bot, id);
    const results = fake.of('answerInlineQuery')[0]?.payload.results as {
      id: string;
      title: string;
      input_message_content: { message_text: string; parse_mode: string };
    }[];
    expect(results.map((r) => r.title).join(' ')).toContain('C16');
    expect(results[0]?.input_message_content.parse_mode).toBe('HTML');
  });

  it('retries a 429 after retry_after and still answers', async () => {
    fake.failNext('sendMessage', {
      status: 429,
      body: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } },
    });
    const { updateId } = fake.text('C18', { fromId: 5005 });
    await handled(fake, bot, updateId);
    expect(sentTo(5005)).toHaveLength(2);
    expect(sentTo(5005)[1]?.payload.text).toContain('Kép - Lưu Xá');
  });

  it('asks a user who sends too much, too fast, to slow down', async () => {
    const ids = Array.from({ length: 8 }, () => fake.text('C18', { fromId: 6100 }).updateId);
    await handled(fake, bot, ids.at(-1) as number);
    const texts = sentTo(6100).map((c) => String(c.payload.text));
    expect(texts.filter((t) => t.includes('Kép - Lưu Xá'))).toHaveLength(6);
    expect(texts.filter((t) => /hỏi nhanh quá/.test(t)).length).toBeGreaterThanOrEqual(1);
  });

  it('reloads for an admin, and politely refuses anyone else without changing anything', async () => {
    const before = store.engine();
    const refused = fake.text('/reload', { fromId: 6006, entities: [{ type: 'bot_command', offset: 0, length: 7 }] });
    await handled(fake, bot, refused.updateId);
    expect(sentTo(6006)[0]?.payload.text).toMatch(/chỉ quản trị viên/);
    expect(store.engine()).toBe(before);
    expect(logLines.join('')).toMatch(/"audit":"refused"/);

    const ok = fake.text('/reload', { fromId: ADMIN, entities: [{ type: 'bot_command', offset: 0, length: 7 }] });
    await handled(fake, bot, ok.updateId);
    expect(sentTo(ADMIN)[0]?.payload.text).toMatch(/Đã nạp lại/);
    expect(store.engine()).not.toBe(before);
  });
});

describe('Telegram status updates and audit', () => {
  beforeEach(async () => {
    fake = await startFakeTelegram();
    // Wired as in src/main.ts: the answers read the same status log the admin writes.
    const state = openState(':memory:');
    store = createKnowledgeStore(KNOWLEDGE_DIR, await shippedKnowledge(), { overlay: overlayOf(state.statusLog) });
    bot = await start({}, state);
  });
  afterEach(async () => {
    await bot.stop();
    await fake.close();
    store = createKnowledgeStore(KNOWLEDGE_DIR, await shippedKnowledge());
  });

  it('lets an admin update a status, shows it in answers and history, and refuses others', async () => {
    const refused = fake.text('/capnhat C18 done xong', { fromId: 9001 });
    await handled(fake, bot, refused.updateId);
    expect(sentTo(9001)[0]?.payload.text).toMatch(/chỉ quản trị viên/);
    const ok = fake.text('/capnhat C18 done đã khôi phục tuyến', { fromId: ADMIN });
    await handled(fake, bot, ok.updateId);
    expect(sentTo(ADMIN)[0]?.payload.text).toContain('C18: pending → done');
    const q = fake.text('C18', { fromId: 9002 });
    await handled(fake, bot, q.updateId);
    expect(sentTo(9002)[0]?.payload.text).toMatch(/cập nhật .* bởi Official/);
    const h = fake.text('/lichsu C18', { fromId: 9003 });
    await handled(fake, bot, h.updateId);
    expect(sentTo(9003)[0]?.payload.text).toContain('đã khôi phục tuyến');
    // The English names work too, and a bare command explains itself in the language of its name.
    const en = fake.text('/history C18', { fromId: 9004 });
    const bare = fake.text('/history', { fromId: 9005 });
    await handled(fake, bot, bare.updateId);
    expect(en.updateId).toBeLessThan(bare.updateId);
    expect(sentTo(9004)[0]?.payload.text).toContain('đã khôi phục tuyến');
    expect(sentTo(9005)[0]?.payload.text).toContain('Usage: /history &lt;id&gt;');
    const a = fake.text('/audit', { fromId: ADMIN });
    await handled(fake, bot, a.updateId);
    const audit = String(sentTo(ADMIN)[1]?.payload.text);
    expect(audit).toContain('update · refused');
    expect(audit).toContain('update · ok');
  });
});

describe('Telegram bot restarts', () => {
  beforeEach(async () => {
    fake = await startFakeTelegram();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('neither loses nor repeats an update across a graceful restart', async () => {
    const chats = [7001, 7002, 7003];
    const first = chats.map((id) => fake.text('C18', { fromId: id }));
    // One database across the restart, as in production.
    const state = openState(':memory:');
    let runtime = await start({}, state);
    await Promise.all(first.map((m) => handled(fake, runtime, m.updateId)));
    await runtime.stop();
    const later = fake.text('C19', { fromId: 7004 });
    runtime = await start({}, state);
    await handled(fake, runtime, later.updateId);
    await runtime.stop();
    for (const id of [...chats, 7004]) expect(sentTo(id), `chat ${id}`).toHaveLength(1);
  });

  it('finishes an update in flight before stopping, and confirms it', async () => {
    const runtime = await start();
    const { updateId } = fake.text('cam ket nao con dang cho', { fromId: 7101 });
    await fake.waitFor((c) => c.method === 'sendChatAction' && c.payload.chat_id === 7101);
    await runtime.stop();
    expect(sentTo(7101)).toHaveLength(1);
    await fake.confirmed(updateId);
  });

  it('keeps retrying an unreachable API at start instead of crashing', async () => {
    fake.failNext('getMe', 'drop');
    fake.failNext('getMe', { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } });
    const runtime = await start();
    expect(fake.of('getMe').length).toBeGreaterThanOrEqual(3);
    expect(logLines.join(''), logLines.join('')).toMatch(/cannot reach the Bot API/);
    const { updateId } = fake.text('C18', { fromId: 7201 });
    await handled(fake, runtime, updateId);
    await runtime.stop();
    expect(sentTo(7201)).toHaveLength(1);
  });
});

describe('Telegram bot (webhook)', () => {
  let runtime: TelegramAdapter;
  beforeEach(async () => {
    fake = await startFakeTelegram();
    runtime = await start({ webhook: { url: 'https://bot.example.org/tg-hook', port: 0, secret: 'right-secret-0123456789' } });
  });
  afterEach(async () => {
    await runtime.stop();
    await fake.close();
  });

  const post = (secret: string, update: unknown) =>
    fetch(`http://127.0.0.1:${runtime.port}/tg-hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: JSON.stringify(update),
    });
  const update = (id: number, chatId: number) => ({
    update_id: id,
    message: {
      message_id: id,
      date: 0,
      chat: { id: chatId, type: 'private' },
      from: { id: chatId, is_bot: false, first_name: 'O' },
      text: 'C18',
    },
  });

  it('sets the webhook with its secret token', () => {
    expect(fake.of('setWebhook')[0]?.payload).toMatchObject({
      url: 'https://bot.example.org/tg-hook',
      secret_token: 'right-secret-0123456789',
    });
  });

  it('answers an update that carries the right secret', async () => {
    const res = await post('right-secret-0123456789', update(1, 8001));
    expect(res.status).toBe(200);
    await fake.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === 8001);
  });

  it('rejects a wrong secret with 401 and does not process the update', async () => {
    const res = await post('wrong-secret-0123456789', update(2, 8002));
    expect(res.status).toBe(401);
    const ok = await post('right-secret-0123456789', update(3, 8003));
    expect(ok.status).toBe(200);
    await fake.waitFor((c) => c.method === 'sendMessage' && c.payload.chat_id === 8003);
    expect(sentTo(8002)).toHaveLength(0);
  });
});

afterAll(async () => {
  await fake?.close().catch(() => undefined);
});
