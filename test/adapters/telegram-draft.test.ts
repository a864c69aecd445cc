// Drafting in chat and a reviewed folder going live, in Telegram (issue 15, part 3), end to end
// through the real grammY bot and the fake Bot API: documents as the Bot API sends them
// (https://core.telegram.org/bots/api#document), getFile and the file URL for the download, and
// sendDocument (multipart/form-data) for the zip that comes back. The .docx is rendered in the test
// from an invented agreement; nothing binary is committed.
import { rm } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTelegram, type TelegramAdapter } from '../../adapters/telegram/run.ts';
import { MAX_DOCUMENT_BYTES } from '../../src/admin/draft-upload.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { openState, type State } from '../../src/state/index.ts';
import { telegramDeps } from '../../testkit/deps.ts';
import { BOT_USER, type Call, type FakeTelegram, startFakeTelegram, type UploadedFile } from '../../testkit/fakes/telegram-api.ts';
import { handled } from '../../testkit/handled.ts';
import { hoLamVanKhe } from '../../testkit/formal/ho-lam-van-khe.ts';
import { toDocx } from '../../testkit/formal/render.ts';
import { loadedCopy } from '../helpers.ts';

const ADMIN = 42;
const OFFICIAL = 7;
const GROUP = { id: -1001234567890, title: 'Sở, ngành hai tỉnh', type: 'supergroup' };
const QUESTION = 'Ai phụ trách tuyến đường ĐT.412?';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let fake: FakeTelegram;
let dir: string;
let store: KnowledgeStore;
let state: State;
let bot: TelegramAdapter;
let docx: Buffer;
let nextMessage = 7000;

beforeEach(async () => {
  fake = await startFakeTelegram();
  const copy = await loadedCopy();
  dir = copy.dir;
  store = createKnowledgeStore(dir, copy.knowledge);
  state = openState(':memory:');
  docx ??= await toDocx(hoLamVanKhe);
  bot = await startTelegram(
    telegramDeps({
      config: { token: fake.token, apiRoot: fake.url, adminIds: new Set([ADMIN]) },
      store,
      state,
      knowledgeDir: dir,
      log: pino({ level: 'silent' }),
      pageSize: 8,
      rateLimit: false,
    }),
    { pollTimeoutSeconds: 1 },
  );
});
afterEach(async () => {
  await bot.stop();
  await fake.close();
  state.close();
  await rm(dir, { recursive: true, force: true });
});

/** A document message as the Bot API sends it; in a private chat with its sender unless `chat` says otherwise. */
function sendDocument(
  from: number,
  document: { file_id: string; file_name: string; file_size: number; mime_type?: string },
  options: { chat?: Record<string, unknown>; caption?: string; captionEntities?: unknown[] } = {},
): number {
  return fake.push({
    message: {
      message_id: ++nextMessage,
      date: Math.floor(Date.now() / 1000),
      chat: options.chat ?? { id: from, first_name: 'Quản trị', type: 'private' },
      from: { id: from, is_bot: false, first_name: 'Quản trị', language_code: 'vi' },
      document: { file_unique_id: `u-${document.file_id}`, ...document },
      ...(options.caption ? { caption: options.caption } : {}),
      ...(options.captionEntities ? { caption_entities: options.captionEntities } : {}),
    },
  });
}

// Parameters sent as multipart/form-data arrive as strings, as Telegram reads them.
const to = (chatId: number) => (c: Call) => String(c.payload.chat_id) === String(chatId);
const texts = (chatId: number) =>
  fake
    .of('sendMessage')
    .filter(to(chatId))
    .map((c) => String(c.payload.text));
const documentsTo = (chatId: number) => fake.of('sendDocument').filter(to(chatId));

/** Asks a question in the admin's chat and returns the answer's text. */
async function ask(question: string): Promise<string> {
  const before = texts(ADMIN).length;
  const { updateId } = fake.text(question, { fromId: ADMIN });
  await handled(fake, bot, updateId);
  return texts(ADMIN).slice(before).join('\n');
}

/** Presses the first button under a message, as the admin. */
async function press(message: Call | undefined): Promise<void> {
  const data = (message?.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] } | undefined)?.inline_keyboard[0]?.[0]
    ?.callback_data;
  expect(data).toBeDefined();
  const cb = fake.push({
    callback_query: {
      id: `cb-${++nextMessage}`,
      from: { id: ADMIN, is_bot: false, first_name: 'Quản trị' },
      chat_instance: 'ci',
      data,
      message: { message_id: message?.result?.message_id, date: 0, chat: { id: ADMIN, type: 'private' }, text: 'report' },
    },
  });
  await handled(fake, bot, cb);
}

describe('an agreement document sent to the bot', () => {
  it('comes back drafted, as a summary and a zip; the zip sent back goes live on confirmation', async () => {
    const before = await ask(QUESTION);

    fake.addFile('BQACAgIAAxkBAAIBdocx', docx, 'Biên bản HL-VK.docx');
    await handled(
      fake,
      bot,
      sendDocument(ADMIN, { file_id: 'BQACAgIAAxkBAAIBdocx', file_name: 'Biên bản HL-VK.docx', file_size: docx.length, mime_type: DOCX }),
    );
    const summary = texts(ADMIN).at(-1) ?? '';
    expect(summary).toContain('Bản nháp / Draft: _drafts/');
    expect(summary).toMatch(/Commitments: \d+/);
    expect(summary).toContain('Check: ok');
    const sent = documentsTo(ADMIN);
    expect(sent).toHaveLength(1);
    const zip = sent[0]?.payload.document as UploadedFile;
    expect(zip.file_name).toMatch(/^[a-z0-9-]+\.zip$/);
    const id = zip.file_name.replace(/\.zip$/, '');
    expect(Object.keys(unzipSync(new Uint8Array(zip.bytes)))).toContain(`${id}/commitments.yaml`);

    // Nothing live changed: the files load as one agreement, and the bot answers as it did.
    const live = await loadKnowledge(dir);
    expect(live.ok && live.knowledge.agreements.map((a) => a.id)).toEqual(['bg-tn-2023']);
    expect(await ask(QUESTION)).toBe(before);

    // The reviewed zip, sent back: a change report with Apply / Cancel; nothing live yet.
    fake.addFile('BQACAgIAAxkBAAIBzip', zip.bytes, zip.file_name);
    await handled(
      fake,
      bot,
      sendDocument(ADMIN, {
        file_id: 'BQACAgIAAxkBAAIBzip',
        file_name: zip.file_name,
        file_size: zip.bytes.length,
        mime_type: 'application/zip',
      }),
    );
    const report = fake.of('sendMessage').filter(to(ADMIN)).at(-1);
    expect(String(report?.payload.text)).toContain(`${id}/: hợp lệ`);
    expect(String(report?.payload.text)).toContain(`Văn bản mới: ${id}`);
    expect(JSON.stringify(report?.payload.reply_markup)).toContain('Áp dụng / Apply');
    expect(store.engine().knowledge.agreements.map((a) => a.id)).toEqual(['bg-tn-2023']);

    await press(report);
    expect(String(fake.of('editMessageText').at(-1)?.payload.text)).toMatch(/Đã nạp lại/);
    expect(
      store
        .engine()
        .knowledge.agreements.map((a) => a.id)
        .sort(),
    ).toEqual(['bg-tn-2023', id].sort());
    const after = await ask(QUESTION);
    expect(after).not.toBe(before);
    expect(after).toContain('Sở Giao thông vận tải tỉnh Hồ Lam');
    expect(state.audit.recent(20).map((e) => `${e.action} ${e.outcome}`)).toEqual(
      expect.arrayContaining(['draft ok', 'upload ok', 'reload ok']),
    );
  });

  it('is drafted in a group when the caption mentions the bot and says nothing else', async () => {
    fake.addFile('BQACAgIAAxkBAAIBgrp', docx, 'hl-vk.docx');
    const mention = `@${BOT_USER.username}`;
    await handled(
      fake,
      bot,
      sendDocument(
        ADMIN,
        { file_id: 'BQACAgIAAxkBAAIBgrp', file_name: 'hl-vk.docx', file_size: docx.length, mime_type: DOCX },
        {
          chat: GROUP,
          caption: mention,
          captionEntities: [{ type: 'mention', offset: 0, length: mention.length }],
        },
      ),
    );
    expect(texts(GROUP.id).at(-1)).toContain('_drafts/hl-vk/');
    expect((documentsTo(GROUP.id)[0]?.payload.document as UploadedFile | undefined)?.file_name).toBe('hl-vk.zip');
  });

  it('asks the caption of a document sent with words, as before', async () => {
    fake.addFile('BQACAgIAAxkBAAIBcap', docx, 'hl-vk.docx');
    await handled(
      fake,
      bot,
      sendDocument(ADMIN, { file_id: 'BQACAgIAAxkBAAIBcap', file_name: 'hl-vk.docx', file_size: docx.length }, { caption: 'C18' }),
    );
    expect(texts(ADMIN).at(-1)).toContain('Kép - Lưu Xá');
    expect(fake.of('getFile')).toHaveLength(0);
  });
});

describe('refusals, before any download', () => {
  it('refuses a non-admin, and audits it', async () => {
    fake.addFile('BQACAgIAAxkBAAIBoff', docx, 'hl-vk.docx');
    await handled(fake, bot, sendDocument(OFFICIAL, { file_id: 'BQACAgIAAxkBAAIBoff', file_name: 'hl-vk.docx', file_size: docx.length }));
    expect(texts(OFFICIAL).at(-1)).toMatch(/chỉ quản trị viên/);
    expect(documentsTo(OFFICIAL)).toHaveLength(0);
    expect(state.audit.recent(5)[0]).toMatchObject({ userId: String(OFFICIAL), action: 'draft', outcome: 'refused' });
    expect(fake.of('getFile')).toHaveLength(0);
    expect(fake.of('download')).toHaveLength(0);
  });

  it.each([
    ['a file type it does not take', 'setup.exe', 4096, /Chỉ nhận các tệp: tài liệu văn bản \.docx, \.pdf, \.txt, \.md/],
    ['a document over the limit', 'scan.pdf', MAX_DOCUMENT_BYTES + 1, /Tài liệu quá lớn \(tối đa 20 MB\)/],
    ['a zip over the limit', 'folder.zip', 6 * 1024 * 1024, /Tệp zip quá lớn \(tối đa 5 MB\)/],
  ])('refuses %s, clearly', async (_what, name, size, why) => {
    fake.addFile('BQACAgIAAxkBAAIBbad', 'MZ', name);
    await handled(fake, bot, sendDocument(ADMIN, { file_id: 'BQACAgIAAxkBAAIBbad', file_name: name, file_size: size }));
    expect(texts(ADMIN).at(-1)).toMatch(why);
    expect(fake.of('getFile')).toHaveLength(0);
    expect(fake.of('download')).toHaveLength(0);
    expect(state.audit.recent(5)[0]).toMatchObject({ userId: String(ADMIN), outcome: 'refused' });
  });
});
