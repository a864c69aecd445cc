import { createAuditLog, type AuditLog } from './audit.ts';
import { openDb, type Db } from './db.ts';
import { createStatusLog, type StatusLog } from './status-log.ts';

/** The bot's persistent state: one database, its logs. */
export interface State {
  db: Db;
  statusLog: StatusLog;
  audit: AuditLog;
  close(): void;
}

export function openState(dataDir: string, now?: () => Date): State {
  const db = openDb(dataDir);
  return { db, statusLog: createStatusLog(db, now), audit: createAuditLog(db, now), close: () => db.close() };
}
