// Real Telegram traffic, end to end through the fake Bot API, with updates shaped as the Bot API
// documents them (https://core.telegram.org/bots/api#update): captions, forum topics, edits,
// stale buttons, /start without an entity, mentions in private chats, group chatter, and inline
// queries typed key by key.
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTelegram, type TelegramAdapter } from '../../adapters/telegram/run.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { telegramDeps } from '../../testkit/deps.ts';
import { BOT_USER, type Call, type FakeTelegram, startFakeTelegram } from '../../testkit/fakes/telegram-api.ts';
import { handled } from '../../testkit/handled.ts';
import { seededRandom } from '../../testkit/seeded-random.ts';
import { KNOWLEDGE_DIR, shippedKnowledge } from '../helpers.ts';

let fake: FakeTelegram;
let bot: TelegramAdapter;
let store: KnowledgeStore;
let nextMessage = 20_000;

beforeEach(async () => {
  store ??= createKnowledgeStore(KNOWLEDGE_DIR, await shippedKnowledge());
  fake = await startFakeTelegram();
  bot = await startTelegram(
    telegramDeps({
      config: { token: fake.token, apiRoot: fake.url, adminIds: new Set([42]) },
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
const user = (id: number) => ({ id, is_bot: false, first_name: 'Cán bộ', language_code: 'vi' });
const GROUP = { id: -1001234567890, title: 'Sở, ngành hai tỉnh', type: 'supergroup' };
const FORUM = { id: -1009876543210, title: 'Hợp tác BG – TN', type: 'supergroup', is_forum: true };
const mentionOfBot = (offset = 0) => ({ type: 'mention', offset, length: BOT_USER.username.length + 1 });
const sentTo = (chatId: number) => fake.of('sendMessage').filter((c) => c.payload.chat_id === chatId);
const texts = (calls: Call[]) => calls.map((c) => String(c.payload.text));

/** A photo as the Bot API sends it: several sizes of one image, and the caption beside them. */
function photoMessage(from: number, chat: Record<string, unknown>, caption: string, captionEntities?: unknown[]) {
  return {
    message_id: ++nextMessage,
    from: user(from),
    chat,
    date: now(),
    photo: [
      { file_id: 'AgACAgIAAxkBAAIBPmVk-small', file_unique_id: 'AQADw7wxG-small', file_size: 1523, width: 90, height: 67 },
      { file_id: 'AgACAgIAAxkBAAIBPmVk-large', file_unique_id: 'AQADw7wxG-large', file_size: 51294, width: 800, height: 600 },
    ],
    caption,
    ...(captionEntities ? { caption_entities: captionEntities } : {}),
  };
}

describe('questions in captions', () => {
  it('answers the caption of a photo in a private chat', async () => {
    const id = fake.push({ message: photoMessage(3001, { id: 3001, first_name: 'Cán bộ', type: 'private' }, 'C18') });
    await handled(fake, bot, id);
    expect(texts(sentTo(3001)).join('\n')).toContain('Kép - Lưu Xá');
  });

  it('in a group, answers a caption that mentions the bot, in reply to it, and ignores a caption that does not', async () => {
    const plain = photoMessage(3002, GROUP, 'ảnh hội nghị hôm qua');
    const asked = photoMessage(3002, GROUP, `@${BOT_USER.username} ai phụ trách cầu Hòa Sơn?`, [mentionOfBot()]);
    fake.push({ message: plain });
    const id = fake.push({ message: asked });
    await handled(fake, bot, id);
    const replies = sentTo(GROUP.id);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.payload.reply_parameters).toMatchObject({ message_id: asked.message_id });
    expect(String(replies[0]?.payload.text)).toContain('Hòa Sơn');
  });

  it('answers the caption of a document that is not a knowledge file', async () => {
    const id = fake.push({
      message: {
        message_id: ++nextMessage,
        from: user(3003),
        chat: { id: 3003, first_name: 'Cán bộ', type: 'private' },
        date: now(),
        document: {
          file_name: 'bien-ban-hop.pdf',
          mime_type: 'application/pdf',
          file_id: 'BQACAgIAAxkBAAIBQGVk-doc',
          file_unique_id: 'AgADmQ8AAkN4',
          file_size: 182_044,
        },
        caption: 'Cam kết nào về môi trường còn đang chờ?',
      },
    });
    await handled(fake, bot, id);
    expect(texts(sentTo(3003)).join('\n')).toContain('C28');
    expect(fake.of('getFile')).toHaveLength(0);
  });
});

describe('forum topics', () => {
  it('answers a mention inside a topic, in that topic', async () => {
    const topic = 77;
    const msg = {
      message_id: ++nextMessage,
      message_thread_id: topic,
      from: user(3101),
      chat: FORUM,
      date: now(),
      is_topic_message: true,
      // In a topic, a message that replies to nothing replies to the topic's creation.
      reply_to_message: {
        message_id: topic,
        message_thread_id: topic,
        from: user(3100),
        chat: FORUM,
        date: now() - 3600,
        forum_topic_created: { name: 'Giao thông', icon_color: 7322096 },
        is_topic_message: true,
      },
      text: `@${BOT_USER.username} C17`,
      entities: [mentionOfBot()],
    };
    const id = fake.push({ message: msg });
    await handled(fake, bot, id);
    const [reply] = sentTo(FORUM.id);
    expect(reply?.payload).toMatchObject({ message_thread_id: topic, reply_parameters: { message_id: msg.message_id } });
    expect(String(reply?.payload.text)).toContain('Tam Kha');
  });
});

describe('edited questions', () => {
  async function ask(chatId: number, text: string, date = now()) {
    const msg = { message_id: ++nextMessage, from: user(chatId), chat: { id: chatId, first_name: 'Cán bộ', type: 'private' }, date, text };
    await handled(fake, bot, fake.push({ message: msg }));
    return msg;
  }

  it('edits the answer when the question is edited within a few minutes', async () => {
    const question = await ask(3201, 'C18');
    const [answer] = sentTo(3201);
    const id = fake.push({ edited_message: { ...question, edit_date: now(), text: 'C17' } });
    await handled(fake, bot, id);
    const edit = fake.of('editMessageText').at(-1);
    expect(edit?.payload).toMatchObject({ chat_id: 3201, message_id: answer?.result?.message_id, parse_mode: 'HTML' });
    expect(String(edit?.payload.text)).toContain('Tam Kha');
    // The answer was edited in place: no second answer.
    expect(sentTo(3201)).toHaveLength(1);
  });

  it('leaves the answer alone when the question was asked long ago, and never answers an edit it did not answer before', async () => {
    const old = await ask(3202, 'C18', now() - 60 * 60);
    await handled(fake, bot, fake.push({ edited_message: { ...old, edit_date: now(), text: 'C17' } }));
    const stranger = {
      message_id: ++nextMessage,
      from: user(3203),
      chat: { id: 3203, type: 'private' },
      date: now(),
      edit_date: now(),
      text: 'C17',
    };
    await handled(fake, bot, fake.push({ edited_message: stranger }));
    expect(fake.of('editMessageText')).toHaveLength(0);
    expect(sentTo(3202)).toHaveLength(1);
    expect(sentTo(3203)).toHaveLength(0);
  });
});

describe('what is addressed to the bot', () => {
  it('answers /start sent without a bot_command entity with the greeting', async () => {
    const id = fake.push({
      message: { message_id: ++nextMessage, from: user(3301), chat: { id: 3301, type: 'private' }, date: now(), text: '/start' },
    });
    await handled(fake, bot, id);
    expect(texts(sentTo(3301)).join('\n')).toContain('Ai phụ trách');
  });

  it('strips its own mention in a private chat', async () => {
    const text = `@${BOT_USER.username} ai phụ trách cầu Hòa Sơn`;
    const id = fake.text(text, { fromId: 3302, entities: [mentionOfBot()] }).updateId;
    await handled(fake, bot, id);
    const answer = texts(sentTo(3302)).join('\n');
    expect(answer).toContain('Hòa Sơn');
    expect(answer).not.toMatch(/Không tìm thấy/);
  });

  it('answers a stale or unknown button instead of leaving it spinning', async () => {
    const id = fake.push({
      callback_query: {
        id: '4382bfdwdsb323b2d9',
        from: user(3303),
        message: { message_id: 11, from: BOT_USER, chat: { id: 3303, type: 'private' }, date: now() - 86_400, text: 'old answer' },
        chat_instance: '-8121394879457698201',
        data: 'detail:C18:v0',
      },
    });
    await handled(fake, bot, id);
    expect(fake.of('answerCallbackQuery').find((c) => c.payload.callback_query_id === '4382bfdwdsb323b2d9')?.payload.text).toBe(
      'Nút này đã hết hạn, hãy hỏi lại.',
    );
  });

  it('in a group, ignores ten chatter messages (no slow-down note) and answers the mention after them', async () => {
    const member = 3304;
    for (let i = 0; i < 10; i++) fake.text(`chuyện phiếm ${i}`, { fromId: member, chat: GROUP });
    const mention = fake.text(`@${BOT_USER.username} C18`, { fromId: member, chat: GROUP, entities: [mentionOfBot()] });
    await handled(fake, bot, mention.updateId);
    const posted = sentTo(GROUP.id);
    expect(posted).toHaveLength(1);
    expect(posted[0]?.payload.reply_parameters).toMatchObject({ message_id: mention.messageId });
    expect(String(posted[0]?.payload.text)).toContain('Kép - Lưu Xá');
  });
});

describe('inline mode', () => {
  it('answers the last query of a user typing key by key, 100–300 ms apart', async () => {
    const typed = 'cầu Hòa Sơn';
    const gap = seededRandom(13);
    const ids: string[] = [];
    for (let n = 1; n <= typed.length; n++) {
      const id = `iq-typing-${n}`;
      ids.push(id);
      fake.push({
        inline_query: { id, from: user(3401), query: typed.slice(0, n), offset: '', chat_type: 'sender' },
      });
      // The typist's pace between keystrokes, not a wait for the bot.
      if (n < typed.length) await new Promise((r) => setTimeout(r, 100 + gap() * 200));
    }
    const last = await fake.waitFor(
      (c) => c.method === 'answerInlineQuery' && c.payload.inline_query_id === ids.at(-1),
      'the answer to the whole query',
    );
    const results = last.payload.results as { title: string }[];
    expect(results.map((r) => r.title).join(' ')).toContain('Hòa Sơn');
    // Never two answers to one query.
    const answered = fake.of('answerInlineQuery').map((c) => c.payload.inline_query_id);
    expect(new Set(answered).size).toBe(answered.length);
  });
});
