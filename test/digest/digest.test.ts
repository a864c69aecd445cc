// Digests with an injected clock: schedules, delivery, changes since the last digest, and the
// digest missed while the bot was down — sent once after restart, never repeatedly.
import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdmin, type Admin, type Who } from '../../src/admin/admin.ts';
import { parseSchedule } from '../../src/digest/schedule.ts';
import { createDigestScheduler, type DigestMessage, type DigestScheduler } from '../../src/digest/scheduler.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { openState, type State } from '../../src/state/index.ts';
import { overlayOf } from '../../src/state/status-log.ts';
import type { Subscription } from '../../src/digest/subscriptions.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { edit, KNOWLEDGE_DIR, knowledgeCopy, shippedKnowledge } from '../helpers.ts';

const ADMIN: Who = { platform: 'telegram', userId: '42', userName: 'Admin' };
let clock = new Date('2026-11-27T00:00:00Z'); // a Friday
let state: State;
let store: KnowledgeStore;
let admin: Admin;
let sent: { platform: string; chatId: string; message: DigestMessage }[];
let failNext = false;

function scheduler(): DigestScheduler {
  return createDigestScheduler({
    db: state.db,
    store,
    timezone: 'Asia/Ho_Chi_Minh',
    now: () => clock,
    deliver: async (platform, chatId, message) => {
      if (failNext) {
        failNext = false;
        throw new Error('platform down');
      }
      sent.push({ platform, chatId, message });
    },
  });
}

beforeEach(async () => {
  clock = new Date('2026-11-27T00:00:00Z');
  state = openState(':memory:', () => clock);
  store = createKnowledgeStore(KNOWLEDGE_DIR, await shippedKnowledge(), { overlay: overlayOf(state.statusLog) });
  admin = createAdmin(store, state, { now: () => clock });
  sent = [];
});
afterEach(() => state.close());

describe('parseSchedule', () => {
  it.each([
    ['weekly mon 08:00', '0 8 * * 1'],
    ['weekly monday 8:30', '30 8 * * 1'],
    ['hàng tuần thứ 2 08:00', '0 8 * * 1'],
    ['hàng ngày 07:00', '0 7 * * *'],
    ['hangtuan t2 07:15', '15 7 * * 1'],
    ['daily 18:00', '0 18 * * *'],
    ['weekly xyz 08:00', undefined],
    ['daily 25:00', undefined],
  ])('%s → %s', (text, cron) => {
    expect(parseSchedule(text)?.cron).toBe(cron);
  });
});

describe('digest scheduling', () => {
  it('sends at the scheduled time (Asia/Ho_Chi_Minh), once', async () => {
    expect(admin.digest(ADMIN, '100', 'weekly mon 08:00').title).toMatch(/Bản tin weekly mon 08:00/);
    const s = scheduler();
    expect(await s.runDue()).toBe(0);
    clock = new Date('2026-11-30T00:59:00Z'); // Monday 07:59 in Hà Nội
    expect(await s.runDue()).toBe(0);
    clock = new Date('2026-11-30T01:00:00Z'); // Monday 08:00
    expect(await s.runDue()).toBe(1);
    expect(sent[0]).toMatchObject({ platform: 'telegram', chatId: '100' });
    // New work and continuing work (line 30's "Tiếp tục…", lines 35–36), told apart.
    expect(sent[0]?.message.title).toMatch(/34 cam kết chưa thực hiện hoặc đang tiếp tục: 26 mới, 8 tiếp tục/);
    expect(sent[0]?.message.lines.join('\n')).toMatch(/Giao thông vận tải \(10\)/);
    expect(sent[0]?.message.lines.join('\n')).toContain(
      'C20 · Tiếp tục phối hợp đầu tư Đường Vành đai 5 vùng Thủ đô Hà Nội (đang tiếp tục)',
    );
    clock = new Date('2026-11-30T01:01:00Z');
    expect(await s.runDue()).toBe(0);
  });

  it('reports the status changes since the last digest', async () => {
    admin.digest(ADMIN, '100', 'weekly mon 08:00');
    const s = scheduler();
    clock = new Date('2026-11-30T01:00:00Z');
    await s.runDue();
    expect(sent[0]?.message.lines[0]).toMatch(/Không có thay đổi/);
    admin.update(ADMIN, 'C18 done đã khôi phục');
    clock = new Date('2026-12-07T01:00:00Z');
    await s.runDue();
    expect(sent[1]?.message.lines[0]).toContain('bg-tn-2023/C18: pending → done');
    expect(sent[1]?.message.title).toMatch(/33 cam kết chưa thực hiện hoặc đang tiếp tục: 25 mới, 8 tiếp tục/);
  });

  it('sends a digest missed while the bot was down once after restart, never repeatedly', async () => {
    admin.digest(ADMIN, '100', 'weekly mon 08:00');
    clock = new Date('2026-11-30T01:00:00Z');
    await scheduler().runDue();
    // Down from here until Wednesday 16 December: two Mondays missed.
    clock = new Date('2026-12-16T05:00:00Z');
    const restarted = scheduler();
    expect(await restarted.runDue()).toBe(1);
    expect(await restarted.runDue()).toBe(1 - 1);
    clock = new Date('2026-12-16T06:00:00Z');
    expect(await restarted.runDue()).toBe(0);
    expect(restarted.nextDue(restarted.subscriptions.all()[0] as Subscription)?.toISOString()).toBe('2026-12-21T01:00:00.000Z');
    expect(sent).toHaveLength(2);
  });

  it('retries a failed delivery at the next check', async () => {
    admin.digest(ADMIN, '200', 'daily 08:00');
    clock = new Date('2026-11-28T01:00:00Z');
    failNext = true;
    const s = scheduler();
    expect(await s.runDue()).toBe(0);
    expect(await s.runDue()).toBe(1);
  });

  it('stops with "off", and audits both', async () => {
    admin.digest(ADMIN, '100', 'daily 08:00');
    expect(admin.digest(ADMIN, '100', 'off').title).toMatch(/Đã tắt/);
    clock = new Date('2026-11-28T01:00:00Z');
    expect(await scheduler().runDue()).toBe(0);
    expect(state.audit.recent().map((e) => e.detail)).toEqual(['100: off', '100: daily 08:00']);
  });
});

describe('deadlines in the digest', () => {
  // C26 given a deadline of 2026-12-01, between two weekly digests (Mondays 30/11 and 7/12).
  async function storeWithDeadline(): Promise<KnowledgeStore> {
    const dir = await knowledgeCopy();
    await edit(
      dir,
      'bg-tn-2023/commitments.yaml',
      '  - id: C26\n',
      '  - id: C26\n    due:\n      text: Phối hợp khai thác\n      by: 2026-12-01\n      source:\n        line: 31\n        quote: "Phối hợp khai thác hiệu quả tuyến vận tải đường thủy"\n',
    );
    const loaded = await loadKnowledge(dir);
    await rm(dir, { recursive: true, force: true });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors.slice(0, 2)));
    return createKnowledgeStore(dir, loaded.knowledge, { overlay: overlayOf(state.statusLog), timezone: 'Asia/Ho_Chi_Minh' });
  }

  it('names what fell overdue since the last digest, once, and not what was done in time', async () => {
    store = await storeWithDeadline();
    admin = createAdmin(store, state, { now: () => clock });
    admin.digest(ADMIN, '100', 'weekly mon 08:00');
    const s = scheduler();
    clock = new Date('2026-11-30T01:00:00Z');
    await s.runDue();
    expect(sent[0]?.message.lines.join('\n')).not.toContain('Quá hạn');
    clock = new Date('2026-12-07T01:00:00Z');
    await s.runDue();
    expect(sent[1]?.message.lines).toContain(
      'Quá hạn từ bản tin trước (1): C26 · Khai thác hiệu quả tuyến vận tải đường thủy trên sông Cầu (hạn 1/12/2026)',
    );
    clock = new Date('2026-12-14T01:00:00Z');
    await s.runDue();
    expect(sent[2]?.message.lines.join('\n')).not.toContain('Quá hạn');
  });

  it('leaves out a commitment reported done before its date passed', async () => {
    store = await storeWithDeadline();
    admin = createAdmin(store, state, { now: () => clock });
    admin.digest(ADMIN, '100', 'weekly mon 08:00');
    const s = scheduler();
    clock = new Date('2026-11-30T01:00:00Z');
    await s.runDue();
    admin.update(ADMIN, 'C26 done đã khai thác');
    clock = new Date('2026-12-07T01:00:00Z');
    await s.runDue();
    expect(sent[1]?.message.lines.join('\n')).not.toContain('Quá hạn');
  });
});
