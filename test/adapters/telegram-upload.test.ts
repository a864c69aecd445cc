// Knowledge upload through the fake Bot API: getFile, download, change report, confirmation,
// atomic write with backup, and the refusals.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTelegram, type TelegramAdapter } from '../../adapters/telegram/run.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { openState, type State } from '../../src/state/index.ts';
import { startFakeTelegram, type FakeTelegram } from '../../testkit/fakes/telegram-api.ts';
import { knowledgeCopy } from '../helpers.ts';
import { telegramDeps } from '../../testkit/deps.ts';
import { handled } from '../../testkit/handled.ts';

const ADMIN = 42;
let fake: FakeTelegram;
let dir: string;
let store: KnowledgeStore;
let state: State;
let bot: TelegramAdapter;

beforeEach(async () => {
  fake = await startFakeTelegram();
  dir = await knowledgeCopy();
  const o = await loadKnowledge(dir);
  if (!o.ok) throw new Error('invalid');
  store = createKnowledgeStore(dir, o.knowledge);
  state = openState(':memory:');
  bot = await startTelegram(
    telegramDeps({
      config: { token: fake.token, apiRoot: fake.url, adminIds: new Set([ADMIN]) },
      store,
      state,
      knowledgeDir: dir,
      log: pino({ level: 'silent' }),
      pageSize: 8,
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

function sendDocument(fromId: number, fileId: string, fileName: string, size: number, caption?: string): number {
  return fake.push({
    message: {
      message_id: 5000 + fromId,
      date: 0,
      chat: { id: fromId, type: 'private' },
      from: { id: fromId, is_bot: false, first_name: 'Quản trị' },
      document: { file_id: fileId, file_unique_id: `u${fileId}`, file_name: fileName, file_size: size },
      ...(caption ? { caption } : {}),
    },
  });
}
const sentTo = (chatId: number) => fake.of('sendMessage').filter((c) => c.payload.chat_id === chatId);

describe('knowledge upload', () => {
  it('validates, reports the change, and applies it only on confirmation, with a backup', async () => {
    const original = await readFile(join(dir, 'bg-tn-2023/commitments.yaml'), 'utf8');
    // A status other than pending cites what supports it, so the edit brings its quote along.
    const changed = original.replace(
      /(- id: C18\n(?:.*\n)*? {4}status: )pending\n/,
      '$1done\n    status_source:\n      line: 28\n      quote: "khôi phục tuyến đường sắt Kép - Lưu Xá"\n',
    );
    fake.addFile('f1', changed);
    const id = sendDocument(ADMIN, 'f1', 'commitments.yaml', Buffer.byteLength(changed));
    await handled(fake, bot, id);
    expect(fake.of('getFile')[0]?.payload.file_id).toBe('f1');
    expect(fake.of('download')).toHaveLength(1);
    const report = sentTo(ADMIN)[0];
    expect(report?.payload.text).toContain('bg-tn-2023/C18: pending → done');
    // Not applied yet.
    expect(await readFile(join(dir, 'bg-tn-2023/commitments.yaml'), 'utf8')).toBe(original);
    const apply = (report?.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] } | undefined)?.inline_keyboard[0]?.[0]
      ?.callback_data;
    const cb = fake.push({
      callback_query: {
        id: 'cbu',
        from: { id: ADMIN, is_bot: false, first_name: 'Q' },
        chat_instance: 'x',
        data: apply,
        message: { message_id: 9, date: 0, chat: { id: ADMIN, type: 'private' }, text: 'report' },
      },
    });
    await handled(fake, bot, cb);
    expect(fake.of('editMessageText').at(-1)?.payload.text).toMatch(/Đã nạp lại/);
    expect(await readFile(join(dir, 'bg-tn-2023/commitments.yaml'), 'utf8')).toBe(changed);
    const backups = (await readdir(join(dir, 'bg-tn-2023'))).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    expect(await readFile(join(dir, 'bg-tn-2023', backups[0] as string), 'utf8')).toBe(original);
    expect(store.engine().ask('C18').items[0]).toMatchObject({ status: { status: 'done' } });
    expect(state.audit.recent().map((e) => e.action)).toEqual(expect.arrayContaining(['upload', 'reload']));
  });

  it('reports an invalid file and changes nothing', async () => {
    const original = await readFile(join(dir, 'bg-tn-2023/commitments.yaml'), 'utf8');
    fake.addFile('f2', original.replace('party: bo-gtvt', 'party: nobody'));
    await handled(fake, bot, sendDocument(ADMIN, 'f2', 'commitments.yaml', 100));
    expect(sentTo(ADMIN)[0]?.payload.text).toMatch(/unknown person or body id &quot;nobody&quot;|unknown person or body id "nobody"/);
    expect(sentTo(ADMIN)[0]?.payload.reply_markup).toBeUndefined();
  });

  it.each([
    ['a non-admin', 7, 'commitments.yaml', 100, undefined, /chỉ quản trị viên/],
    ['a file over 1 MB', ADMIN, 'commitments.yaml', 2 * 1024 * 1024, undefined, /quá lớn/],
    ['a path that leaves the knowledge folder', ADMIN, 'commitments.yaml', 100, '../../etc/commitments.yaml', /nằm trong thư mục dữ liệu/],
    ['an unknown file name', ADMIN, 'evil.sh', 100, undefined, /Chỉ nhận các tệp/],
  ])('refuses %s', async (_, from, name, size, caption, expected) => {
    fake.addFile('f3', 'x: 1');
    await handled(fake, bot, sendDocument(from, 'f3', name, size, caption));
    expect(sentTo(from)[0]?.payload.text).toMatch(expected);
    expect(fake.of('download')).toHaveLength(0);
  });
});
