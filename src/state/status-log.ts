// Status updates made from chat, with their history. The knowledge files give the base status;
// the database holds every update since.
//
// The effective-status rule: an update wins while the file still says what it said when the
// update was made (`base_status`). When an admin later edits the file's status, the file wins:
// the edit is the newer word, and the earlier updates stay in the history.
import type { StatusOverlay } from '../answer/types.ts';
import type { Status } from '../knowledge/schema.ts';
import { fold } from '../text/normalize.ts';
import type { Db } from './db.ts';

export interface StatusUpdate {
  agreement: string;
  item: string;
  status: Status;
  note: string;
  baseStatus: Status;
  knowledgeVersion: string;
  platform: string;
  userId: string;
  userName: string;
  at: string;
}

export interface StatusLog {
  add(update: Omit<StatusUpdate, 'at'>): StatusUpdate;
  /** Every update of one item, oldest first. */
  history(agreement: string, item: string): StatusUpdate[];
  /** The latest update of every item that has one, by `agreement/item`. */
  latest(): Map<string, StatusUpdate>;
  /** Items with updates, as `agreement/item`. */
  itemsWithUpdates(): string[];
}

const COLUMNS =
  'agreement, item, status, note, base_status AS baseStatus, knowledge_version AS knowledgeVersion, platform, user_id AS userId, user_name AS userName, at';

export function createStatusLog(db: Db, now: () => Date = () => new Date()): StatusLog {
  const insert = db.prepare(
    'INSERT INTO status_updates (agreement, item, status, note, base_status, knowledge_version, platform, user_id, user_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const history = db.prepare(`SELECT ${COLUMNS} FROM status_updates WHERE agreement = ? AND item = ? ORDER BY id`);
  const latest = db.prepare(
    `SELECT ${COLUMNS} FROM status_updates s WHERE id = (SELECT MAX(id) FROM status_updates t WHERE t.agreement = s.agreement AND t.item = s.item)`,
  );
  // Answers read the latest updates on every question; keep them in memory, refreshed on each add.
  let cache = new Map((latest.all() as StatusUpdate[]).map((u) => [`${u.agreement}/${u.item}`, u]));
  return {
    add(u) {
      const row: StatusUpdate = { ...u, note: u.note.slice(0, 500), at: now().toISOString() };
      insert.run(
        row.agreement,
        row.item,
        row.status,
        row.note,
        row.baseStatus,
        row.knowledgeVersion,
        row.platform,
        row.userId,
        row.userName,
        row.at,
      );
      cache = new Map(cache).set(`${row.agreement}/${row.item}`, row);
      return row;
    },
    history: (agreement, item) => history.all(agreement, item) as StatusUpdate[],
    latest: () => cache,
    itemsWithUpdates: () => (latest.all() as StatusUpdate[]).map((u) => `${u.agreement}/${u.item}`),
  };
}

/** The engine's view of the log: effective statuses, read from the in-memory latest updates. */
export function overlayOf(log: StatusLog): StatusOverlay {
  return (agreement, item, fileStatus) => {
    const latest = log.latest();
    // Lists read every commitment's status: with no update made, there is no key to build.
    return latest.size === 0 ? { status: fileStatus } : effectiveStatus(fileStatus, latest.get(`${agreement}/${item}`));
  };
}

/** The status to show: the latest update while the file still says what it said then, else the file's. */
export function effectiveStatus(fileStatus: Status, latest: StatusUpdate | undefined): { status: Status; update?: StatusUpdate } {
  if (latest && latest.baseStatus === fileStatus) return { status: latest.status, update: latest };
  return { status: fileStatus };
}

const WORDS: [Status, string[]][] = [
  ['pending', ['pending', 'cho', 'dang cho', 'chua', 'chua thuc hien', 'chua lam']],
  ['ongoing', ['ongoing', 'continuing', 'tiep tuc', 'dang tiep tuc', 'duy tri']],
  ['in_progress', ['in_progress', 'in progress', 'progress', 'dang', 'dang thuc hien', 'dang lam', 'dang trien khai']],
  ['done', ['done', 'xong', 'da xong', 'hoan thanh', 'da hoan thanh', 'completed']],
  ['dropped', ['dropped', 'huy', 'da huy', 'huy bo', 'bo', 'cancelled', 'canceled']],
];

/** Reads a status the way admins type it, in English or Vietnamese, with or without diacritics. */
export function parseStatus(text: string): Status | undefined {
  const f = fold(text).replace(/[_-]/g, ' ').trim();
  return WORDS.find(([, words]) => words.some((w) => w.replace(/_/g, ' ') === f))?.[0];
}
