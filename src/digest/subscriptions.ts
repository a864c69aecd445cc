import type { Db } from '../state/db.ts';

export interface Subscription {
  platform: string;
  chatId: string;
  schedule: string;
  cron: string;
  createdBy: string;
  createdAt: string;
  lastSentAt: string | null;
  lastSnapshot: string;
}

export interface Subscriptions {
  set(s: Omit<Subscription, 'lastSentAt' | 'lastSnapshot'>, snapshot: Record<string, string>): void;
  remove(platform: string, chatId: string): boolean;
  all(): Subscription[];
  markSent(platform: string, chatId: string, at: string, snapshot: Record<string, string>): void;
}

const COLUMNS =
  'platform, chat_id AS chatId, schedule, cron, created_by AS createdBy, created_at AS createdAt, last_sent_at AS lastSentAt, last_snapshot AS lastSnapshot';

export function createSubscriptions(db: Db): Subscriptions {
  const upsert =
    db.prepare(`INSERT INTO digest_subscriptions (platform, chat_id, schedule, cron, created_by, created_at, last_sent_at, last_snapshot) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)
    ON CONFLICT (platform, chat_id) DO UPDATE SET schedule = excluded.schedule, cron = excluded.cron, created_by = excluded.created_by, created_at = excluded.created_at`);
  const del = db.prepare('DELETE FROM digest_subscriptions WHERE platform = ? AND chat_id = ?');
  const all = db.prepare(`SELECT ${COLUMNS} FROM digest_subscriptions ORDER BY platform, chat_id`);
  const sent = db.prepare('UPDATE digest_subscriptions SET last_sent_at = ?, last_snapshot = ? WHERE platform = ? AND chat_id = ?');
  return {
    set: (s, snapshot) => void upsert.run(s.platform, s.chatId, s.schedule, s.cron, s.createdBy, s.createdAt, JSON.stringify(snapshot)),
    remove: (platform, chatId) => del.run(platform, chatId).changes > 0,
    all: () => all.all() as Subscription[],
    markSent: (platform, chatId, at, snapshot) => void sent.run(at, JSON.stringify(snapshot), platform, chatId),
  };
}
