// Admin actions on the core: status updates with history, the effective status in answers, the
// audit trail, and reloads that remove an id with updates.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdmin, type Admin, type Who } from '../../src/admin/admin.ts';
import { renderText } from '../../src/answer/render-text.ts';
import type { CommitmentItem } from '../../src/answer/types.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { openState, type State } from '../../src/state/index.ts';
import { overlayOf } from '../../src/state/status-log.ts';
import { edit, knowledgeCopy } from '../helpers.ts';

const ADMIN: Who = { platform: 'telegram', userId: '42', userName: 'Nguyễn Quản Trị' };
let dir: string;
let dataDir: string;
let state: State;
let store: KnowledgeStore;
let admin: Admin;

async function open(): Promise<void> {
  state = openState(dataDir, () => new Date('2024-05-12T03:00:00Z'));
  const o = await loadKnowledge(dir);
  if (!o.ok) throw new Error('invalid');
  store = createKnowledgeStore(dir, o.knowledge, { overlay: overlayOf(state.statusLog), now: () => new Date('2026-11-27') });
  admin = createAdmin(store, state);
}

beforeEach(async () => {
  dir = await knowledgeCopy();
  dataDir = await mkdtemp(join(tmpdir(), 'mou-admin-'));
  await open();
});
afterEach(async () => {
  state.close();
  await rm(dir, { recursive: true, force: true });
  await rm(dataDir, { recursive: true, force: true });
});

const c18 = () =>
  store
    .engine()
    .ask('C18')
    .items.find((i): i is CommitmentItem => i.type === 'commitment');

describe('status updates', () => {
  it('changes the answer, with date and author, and keeps the history', () => {
    const r = admin.update(ADMIN, 'C18 done đã khôi phục tuyến 5/2024');
    expect(r).toMatchObject({ ok: true, title: '✅ C18: pending → done' });
    expect(c18()?.status).toMatchObject({
      status: 'done',
      asOfLabel: 'cập nhật 12/5/2024 bởi Nguyễn Quản Trị',
      update: { note: 'đã khôi phục tuyến 5/2024' },
    });
    expect(renderText(store.engine().ask('C18'))).toContain('Ghi chú cập nhật: đã khôi phục tuyến 5/2024');
    // The pending list no longer has it; the done list does.
    expect(
      store
        .engine()
        .ask('cam ket nao con dang cho', { pageSize: 50 })
        .items.map((i) => i.id),
    ).not.toContain('C18');
    expect(
      store
        .engine()
        .ask('những cam kết đã hoàn thành', { pageSize: 50 })
        .items.map((i) => i.id),
    ).toContain('C18');
    admin.update(ADMIN, 'C18 đang thực hiện đang khảo sát lại');
    expect(
      admin
        .history('C18')
        .lines.slice(1)
        .map((l) => l.split(' · ')[1]),
    ).toEqual(['done', 'in_progress']);
  });

  it('accepts Vietnamese status words and refuses bad input with usage', () => {
    expect(admin.update(ADMIN, 'C17 hoàn thành cầu đã thông xe').ok).toBe(true);
    expect(admin.update(ADMIN, 'C17 maybe ghi chú').title).toMatch(/Cú pháp/);
    expect(admin.update(ADMIN, 'C99 done x').title).toMatch(/Không có cam kết/);
    expect(admin.update(ADMIN, 'C17 done').title).toMatch(/ghi chú/);
  });

  it('survives a restart', async () => {
    admin.update(ADMIN, 'C18 done xong');
    state.close();
    await open();
    expect(c18()?.status.status).toBe('done');
  });

  it('yields to a later edit of the file (the file is the newer word)', async () => {
    admin.update(ADMIN, 'C18 done xong');
    // A status other than pending cites what supports it, so the edit brings its quote along.
    await edit(
      dir,
      'bg-tn-2023/commitments.yaml',
      /(- id: C18\n(?:.*\n)*? {4}status: )pending\n/,
      '$1in_progress\n    status_source:\n      line: 28\n      quote: "khôi phục tuyến đường sắt Kép - Lưu Xá"\n',
    );
    await store.reload();
    expect(c18()?.status).toMatchObject({ status: 'in_progress' });
    expect(c18()?.status.update).toBeUndefined();
    expect(admin.history('C18').lines).toHaveLength(2);
  });

  it('calls out a removed id that has updates, and keeps its history', async () => {
    admin.update(ADMIN, 'C36 done mô hình đã triển khai');
    const file = join(dir, 'bg-tn-2023/commitments.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/\n {2}- id: C36\n[\s\S]*$/, '\n'));
    const { reply } = await admin.reload(ADMIN);
    expect(reply.lines.join('\n')).toMatch(/bg-tn-2023\/C36 đã bị bỏ khỏi tệp nhưng có cập nhật trạng thái; lịch sử vẫn được giữ/);
    expect(state.statusLog.history('bg-tn-2023', 'C36')).toHaveLength(1);
  });
});

describe('audit trail', () => {
  it('records updates, reloads and refusals: who, when, platform, what, outcome', async () => {
    admin.update(ADMIN, 'C18 done xong');
    await admin.reload(ADMIN);
    admin.refuse({ platform: 'slack', userId: 'U2', userName: 'U2' }, 'reload');
    const entries = state.audit.recent();
    expect(entries.map((e) => [e.platform, e.userId, e.action, e.outcome])).toEqual([
      ['slack', 'U2', 'reload', 'refused'],
      ['telegram', '42', 'reload', 'ok'],
      ['telegram', '42', 'update', 'ok'],
    ]);
    expect(entries[2]?.detail).toBe('bg-tn-2023/C18: pending → done (xong)');
    expect(admin.audit().lines).toHaveLength(3);
  });
});
