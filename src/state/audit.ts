// The audit trail: every reload, status update, upload and refused admin attempt — who, when,
// on which platform, what, and the outcome.
import type { Db } from './db.ts';

export interface AuditEntry {
  at: string;
  platform: string;
  userId: string;
  action: string;
  detail: string;
  outcome: 'ok' | 'refused' | 'failed';
}

export interface AuditLog {
  record(entry: Omit<AuditEntry, 'at'>): void;
  /** The most recent entries, newest first. */
  recent(limit?: number): AuditEntry[];
}

export function createAuditLog(db: Db, now: () => Date = () => new Date()): AuditLog {
  const insert = db.prepare('INSERT INTO audit (at, platform, user_id, action, detail, outcome) VALUES (?, ?, ?, ?, ?, ?)');
  const select = db.prepare('SELECT at, platform, user_id AS userId, action, detail, outcome FROM audit ORDER BY id DESC LIMIT ?');
  return {
    record: (e) => void insert.run(now().toISOString(), e.platform, e.userId, e.action, e.detail.slice(0, 2000), e.outcome),
    recent: (limit = 20) => select.all(limit) as AuditEntry[],
  };
}
