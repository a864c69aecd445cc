// The admin command table, written once: both names on both platforms, usage in the language of
// the name used, refusals audited and logged under the real user id, history open to anyone.
import { Writable } from 'node:stream';
import pino from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAdmin } from '../../src/admin/admin.ts';
import { ADMIN_COMMANDS, createAdminCommands, type AdminCommands, type Caller } from '../../src/admin/commands.ts';
import { createKnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { openState, type State } from '../../src/state/index.ts';
import { overlayOf } from '../../src/state/status-log.ts';
import { KNOWLEDGE_DIR, shippedKnowledge } from '../helpers.ts';

let state: State;
let commands: AdminCommands;
let logLines: Record<string, unknown>[];

const telegramAdmin: Caller = { platform: 'telegram', userId: '42', userName: 'Quản trị', chatId: '42', prefix: '/' };
const slackAdmin: Caller = { platform: 'slack', userId: 'UADMIN', userName: 'admin', chatId: 'C1', prefix: '/mou ' };
const stranger = (platform: Caller['platform'], userId: string): Caller => ({
  platform,
  userId,
  userName: '42',
  chatId: '42',
  prefix: '/',
});

beforeEach(async () => {
  state = openState(':memory:');
  const store = createKnowledgeStore(KNOWLEDGE_DIR, await shippedKnowledge(), { overlay: overlayOf(state.statusLog) });
  logLines = [];
  const log = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _e, done) {
        logLines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    }),
  );
  commands = createAdminCommands(createAdmin(store, state), { telegram: new Set(['42']), slack: new Set(['UADMIN']) }, log);
});

describe('admin commands', () => {
  it('have distinct names, and every name is known in any case', () => {
    const names = ADMIN_COMMANDS.flatMap((c) => [c.names.vi, c.names.en]);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(commands.has(n.toUpperCase())).toBe(true);
    expect(commands.has('pending')).toBe(false);
  });

  it.each([
    ['telegram', 'capnhat', telegramAdmin],
    ['slack', 'update', slackAdmin],
    ['telegram', 'update', telegramAdmin],
    ['slack', 'capnhat', slackAdmin],
  ] as const)('run a status update by either name on either platform (%s, %s)', async (_platform, name, caller) => {
    const reply = await commands.run(caller, name, 'C18 done đã khôi phục tuyến');
    expect(reply).toMatchObject({ ok: true, title: expect.stringContaining('C18') });
    expect(state.audit.recent(1)[0]).toMatchObject({ platform: caller.platform, userId: caller.userId, action: 'update', outcome: 'ok' });
  });

  it('answer a missing argument with the usage, in the language of the name used and with the platform prefix', async () => {
    expect((await commands.run(telegramAdmin, 'lichsu', '')).title).toBe('Cú pháp: /lichsu <mã> — ví dụ: /lichsu C12');
    expect((await commands.run(slackAdmin, 'history', ' ')).title).toBe('Usage: /mou history <id> — for example: /mou history C12');
    expect((await commands.run(slackAdmin, 'capnhat', '')).title).toMatch(/^Cú pháp: \/mou capnhat <mã> <trạng thái> <ghi chú>/);
    expect(state.statusLog.itemsWithUpdates()).toEqual([]);
  });

  it('refuse a non-admin, audit and log it under the real id, and change nothing', async () => {
    for (const name of ['naplai', 'reload', 'capnhat', 'update', 'nhatky', 'audit', 'bantin', 'digest']) {
      const reply = await commands.run(stranger('telegram', '7'), name, 'C18 done xong');
      expect(reply.ok).toBe(false);
      expect(reply.title).toMatch(/chỉ quản trị viên/);
    }
    // The Slack id of the Telegram admin is no admin on Slack.
    expect((await commands.run(stranger('slack', '42'), 'reload', '')).ok).toBe(false);
    expect(state.audit.recent(100).map((e) => [e.userId, e.action, e.outcome])).toEqual([
      ['42', 'reload', 'refused'],
      ...['digest', 'digest', 'audit', 'audit', 'update', 'update', 'reload', 'reload'].map((a) => ['7', a, 'refused']),
    ]);
    expect(logLines.filter((l) => l.audit === 'refused').map((l) => l.command)).toEqual([
      'naplai',
      'reload',
      'capnhat',
      'update',
      'nhatky',
      'audit',
      'bantin',
      'digest',
      'reload',
    ]);
    expect(state.statusLog.itemsWithUpdates()).toEqual([]);
  });

  it('let anyone read a status history, and refuse an upload to a non-admin', async () => {
    await commands.run(telegramAdmin, 'capnhat', 'C17 done cầu đã thông xe');
    expect((await commands.run(stranger('slack', 'U9'), 'lichsu', 'C17')).lines.join('\n')).toContain('cầu đã thông xe');
    expect(commands.refusal(stranger('telegram', '8'), 'upload')?.title).toMatch(/chỉ quản trị viên/);
    expect(commands.refusal(telegramAdmin, 'upload')).toBeUndefined();
    expect(state.audit.recent(1)[0]).toMatchObject({ userId: '8', action: 'upload', outcome: 'refused' });
  });
});
