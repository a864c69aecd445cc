import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, StateError } from '../../src/state/db.ts';
import { openState } from '../../src/state/index.ts';
import { effectiveStatus, parseStatus, type StatusUpdate } from '../../src/state/status-log.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mou-state-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const update = {
  agreement: 'bg-tn-2023',
  item: 'C12',
  status: 'done' as const,
  note: 'đã khởi công 5/2024',
  baseStatus: 'pending' as const,
  knowledgeVersion: 'v1',
  platform: 'telegram',
  userId: '42',
  userName: 'Admin',
};

describe('state database', () => {
  it('creates its schema on first start and keeps updates across a restart', () => {
    const first = openState(dir, () => new Date('2024-05-12T03:00:00Z'));
    first.statusLog.add(update);
    first.statusLog.add({ ...update, status: 'in_progress', note: 'đang làm' });
    first.audit.record({ platform: 'telegram', userId: '42', action: 'update C12', detail: 'done', outcome: 'ok' });
    first.close();
    const again = openState(dir);
    expect(again.statusLog.history('bg-tn-2023', 'C12').map((u) => u.status)).toEqual(['done', 'in_progress']);
    expect(again.statusLog.latest().get('bg-tn-2023/C12')).toMatchObject({
      status: 'in_progress',
      at: '2024-05-12T03:00:00.000Z',
      userName: 'Admin',
    });
    expect(again.audit.recent()).toEqual([expect.objectContaining({ action: 'update C12', outcome: 'ok' })]);
    expect(again.db.pragma('user_version', { simple: true })).toBe(3);
    again.close();
  });

  it('refuses a corrupt file with a clear error', async () => {
    await writeFile(join(dir, 'mou-bot.sqlite'), 'this is not a database '.repeat(100));
    expect(() => openDb(dir)).toThrow(StateError);
    expect(() => openDb(dir)).toThrow(/mou-bot.sqlite.*not a database/);
  });

  it('refuses a database locked by another process with a clear error', () => {
    openDb(dir).close();
    const other = new Database(join(dir, 'mou-bot.sqlite'));
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    try {
      expect(() => openDb(dir)).toThrow(StateError);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});

describe('effective status', () => {
  const u = { ...update, at: '2024-05-12T03:00:00.000Z' } as StatusUpdate;
  it('is the latest update while the file still says what it said then', () => {
    expect(effectiveStatus('pending', u)).toEqual({ status: 'done', update: u });
  });
  it("is the file once an admin has edited the file's status since", () => {
    expect(effectiveStatus('in_progress', u)).toEqual({ status: 'in_progress' });
  });
  it('is the file when there is no update', () => {
    expect(effectiveStatus('pending', undefined)).toEqual({ status: 'pending' });
  });
});

describe('parseStatus', () => {
  it.each([
    ['done', 'done'],
    ['xong', 'done'],
    ['hoàn thành', 'done'],
    ['đang thực hiện', 'in_progress'],
    ['in_progress', 'in_progress'],
    ['chờ', 'pending'],
    ['hủy', 'dropped'],
    ['maybe', undefined],
  ])('%s → %s', (word, status) => {
    expect(parseStatus(word)).toBe(status);
  });
});
