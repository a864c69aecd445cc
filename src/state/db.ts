// The embedded database (SQLite via better-sqlite3): status updates and the audit trail. Created
// on first start under DATA_DIR, with numbered migrations so later versions can add to it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Each entry runs once, in order; the index + 1 is the schema version it brings. Never edit one: add another. */
const MIGRATIONS = [
  `CREATE TABLE status_updates (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     agreement TEXT NOT NULL,
     item TEXT NOT NULL,
     status TEXT NOT NULL,
     note TEXT NOT NULL,
     -- the status in the knowledge files when the update was made: see effectiveStatus()
     base_status TEXT NOT NULL,
     knowledge_version TEXT NOT NULL,
     platform TEXT NOT NULL,
     user_id TEXT NOT NULL,
     user_name TEXT NOT NULL,
     at TEXT NOT NULL
   );
   CREATE INDEX status_updates_item ON status_updates (agreement, item, id);
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     platform TEXT NOT NULL,
     user_id TEXT NOT NULL,
     action TEXT NOT NULL,
     detail TEXT NOT NULL,
     outcome TEXT NOT NULL
   );`,
  `CREATE TABLE digest_subscriptions (
     platform TEXT NOT NULL,
     chat_id TEXT NOT NULL,
     schedule TEXT NOT NULL,
     cron TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     last_sent_at TEXT,
     -- statuses at the last digest, as JSON {"agreement/item": "status"}, to report changes since
     last_snapshot TEXT NOT NULL DEFAULT '{}',
     PRIMARY KEY (platform, chat_id)
   );`,
  // Long polling's journal (update-journal.ts): updates held from fetch to handled, the calls each
  // one made, the updates recently handled, and the offset to ask for next.
  `CREATE TABLE inbound_updates (
     source TEXT NOT NULL,
     update_id INTEGER NOT NULL,
     payload TEXT NOT NULL,
     PRIMARY KEY (source, update_id)
   );
   CREATE TABLE inbound_done (
     source TEXT NOT NULL,
     update_id INTEGER NOT NULL,
     at INTEGER NOT NULL,
     PRIMARY KEY (source, update_id)
   );
   CREATE TABLE inbound_offset (
     source TEXT PRIMARY KEY,
     next_update_id INTEGER NOT NULL,
     at INTEGER NOT NULL
   );
   CREATE TABLE outbound_calls (
     source TEXT NOT NULL,
     update_id INTEGER NOT NULL,
     seq INTEGER NOT NULL,
     method TEXT NOT NULL,
     -- NULL while the call is on its way; its result (JSON) once it went out
     result TEXT,
     PRIMARY KEY (source, update_id, seq)
   );`,
];

export class StateError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StateError';
  }
}

/** Opens (creating if needed) the database in `dataDir`, or ':memory:' for tests. Throws StateError with a clear reason. */
export function openDb(dataDir: string): Db {
  const file = dataDir === ':memory:' ? ':memory:' : join(dataDir, 'mou-bot.sqlite');
  let db: Db;
  try {
    if (file !== ':memory:') mkdirSync(dataDir, { recursive: true });
    db = new Database(file, { timeout: 2000 });
    db.pragma('journal_mode = WAL');
    // With WAL, NORMAL keeps every committed transaction across a process crash (kill -9); only a
    // power cut can lose the last few. Long polling commits several times per update, so the fsync
    // that FULL adds to each commit would cost more than the answer.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
  } catch (err) {
    throw new StateError(`cannot open the database ${file}: ${(err as Error).message}`, { cause: err });
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    for (let v = version; v < MIGRATIONS.length; v++) {
      db.transaction(() => {
        db.exec(MIGRATIONS[v] as string);
        db.pragma(`user_version = ${v + 1}`);
      })();
    }
  } catch (err) {
    db.close();
    throw new StateError(`the database ${file} is corrupt, locked or from a newer version: ${(err as Error).message}`, { cause: err });
  }
  return db;
}
