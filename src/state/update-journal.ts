// Long polling's journal, kept in the database so that it survives a crash. An update is stored
// the moment it is fetched, which lets the poller confirm it to the platform at once (the next
// getUpdates) and still lose none: at start, the updates still held are handled first. While an
// update is handled, each message the bot sends for it is logged, so that handling it again after
// a crash skips what already went out instead of sending it twice.
import type { Db } from './db.ts';

/** Telegram keeps an update at most 24 hours; after that, neither a stored offset nor a done id means anything. */
const REMEMBER_MS = 24 * 60 * 60 * 1000;

/** What the log knows of one outgoing call: on its way when the process died, or gone out with this result. */
export type LoggedCall = { state: 'on its way' } | { state: 'sent'; result: unknown };

export interface UpdateJournal<U extends { update_id: number } = { update_id: number }> {
  /** The offset for the next getUpdates: one past the last update fetched (0 when that is older than a day). */
  offset(): number;
  /**
   * Stores the updates of a fetched batch that are neither held nor recently handled, and moves the
   * offset past the batch, in one transaction. Returns the stored ones: those to handle.
   */
  admit(updates: readonly U[]): U[];
  /** The updates stored and not yet handled, oldest first: after a crash, the ones to handle again. */
  held(): U[];
  /** Forgets a handled update and its calls, and remembers its id for a day (Telegram may send it again). */
  done(updateId: number): void;
  /** The call `seq` (0, 1, …) made while handling `updateId`, if an earlier run logged it. */
  call(updateId: number, seq: number): LoggedCall | undefined;
  /** Logs a call as on its way, before it is sent. */
  sending(updateId: number, seq: number, method: string): void;
  /** The call went out; its result is kept for a re-run. */
  sent(updateId: number, seq: number, method: string, result: unknown): void;
  /** The call failed (it had no effect); a re-run sends it again. */
  unsent(updateId: number, seq: number): void;
}

export function createUpdateJournal<U extends { update_id: number }>(
  db: Db,
  source: string,
  now: () => number = Date.now,
): UpdateJournal<U> {
  const q = {
    offset: db.prepare('SELECT next_update_id AS next, at FROM inbound_offset WHERE source = ?'),
    setOffset: db.prepare(
      'INSERT INTO inbound_offset (source, next_update_id, at) VALUES (?, ?, ?) ON CONFLICT (source) DO UPDATE SET next_update_id = excluded.next_update_id, at = excluded.at',
    ),
    hold: db.prepare('INSERT OR IGNORE INTO inbound_updates (source, update_id, payload) VALUES (?, ?, ?)'),
    wasDone: db.prepare('SELECT 1 FROM inbound_done WHERE source = ? AND update_id = ? AND at >= ?'),
    held: db.prepare('SELECT payload FROM inbound_updates WHERE source = ? ORDER BY update_id'),
    release: db.prepare('DELETE FROM inbound_updates WHERE source = ? AND update_id = ?'),
    markDone: db.prepare('INSERT OR REPLACE INTO inbound_done (source, update_id, at) VALUES (?, ?, ?)'),
    forgetDone: db.prepare('DELETE FROM inbound_done WHERE source = ? AND at < ?'),
    call: db.prepare('SELECT result FROM outbound_calls WHERE source = ? AND update_id = ? AND seq = ?'),
    sending: db.prepare('INSERT OR REPLACE INTO outbound_calls (source, update_id, seq, method, result) VALUES (?, ?, ?, ?, NULL)'),
    sent: db.prepare('INSERT OR REPLACE INTO outbound_calls (source, update_id, seq, method, result) VALUES (?, ?, ?, ?, ?)'),
    unsent: db.prepare('DELETE FROM outbound_calls WHERE source = ? AND update_id = ? AND seq = ?'),
    dropCalls: db.prepare('DELETE FROM outbound_calls WHERE source = ? AND update_id = ?'),
  };
  let prunedAt = 0;

  const admit = db.transaction((updates: readonly U[]): U[] => {
    const since = now() - REMEMBER_MS;
    const fresh = updates.filter(
      (u) => !q.wasDone.get(source, u.update_id, since) && q.hold.run(source, u.update_id, JSON.stringify(u)).changes > 0,
    );
    const last = updates.at(-1);
    if (last) q.setOffset.run(source, last.update_id + 1, now());
    if (now() - prunedAt > 60 * 60 * 1000) {
      q.forgetDone.run(source, since);
      prunedAt = now();
    }
    return fresh;
  });

  const done = db.transaction((updateId: number) => {
    q.release.run(source, updateId);
    q.dropCalls.run(source, updateId);
    q.markDone.run(source, updateId, now());
  });

  return {
    offset() {
      const row = q.offset.get(source) as { next: number; at: number } | undefined;
      return row && now() - row.at < REMEMBER_MS ? row.next : 0;
    },
    admit,
    held: () => (q.held.all(source) as { payload: string }[]).map((r) => JSON.parse(r.payload) as U),
    done: (updateId) => done(updateId),
    call(updateId, seq) {
      const row = q.call.get(source, updateId, seq) as { result: string | null } | undefined;
      if (!row) return undefined;
      return row.result === null ? { state: 'on its way' } : { state: 'sent', result: JSON.parse(row.result) as unknown };
    },
    sending: (updateId, seq, method) => void q.sending.run(source, updateId, seq, method),
    sent: (updateId, seq, method, result) => void q.sent.run(source, updateId, seq, method, JSON.stringify(result ?? null)),
    unsent: (updateId, seq) => void q.unsent.run(source, updateId, seq),
  };
}
