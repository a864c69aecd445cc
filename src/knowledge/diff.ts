// What a reload changes: entries added, removed and changed, per agreement and kind, and every
// status that moved. Admins read this after each reload; "nothing changed" is a result too.
import type { Knowledge } from './types.ts';

export type EntryKind = 'commitment' | 'result' | 'fact' | 'person' | 'body';

export interface ChangeReport {
  agreementsAdded: string[];
  agreementsRemoved: string[];
  /** `agreement/id` keys, by kind. */
  added: Record<EntryKind, string[]>;
  removed: Record<EntryKind, string[]>;
  changed: Record<EntryKind, string[]>;
  statusChanges: { key: string; from: string; to: string }[];
}

const KINDS: EntryKind[] = ['commitment', 'result', 'fact', 'person', 'body'];

function entries(k: Knowledge, kind: EntryKind): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const a of k.agreements) {
    const list =
      kind === 'commitment'
        ? a.commitments
        : kind === 'result'
          ? a.results
          : kind === 'fact'
            ? a.facts
            : kind === 'person'
              ? a.people
              : a.bodies;
    for (const e of list) out.set(`${a.id}/${e.id}`, e);
  }
  return out;
}

const empty = (): Record<EntryKind, string[]> => ({ commitment: [], result: [], fact: [], person: [], body: [] });

export function diffKnowledge(before: Knowledge, after: Knowledge): ChangeReport {
  const report: ChangeReport = {
    agreementsAdded: [],
    agreementsRemoved: [],
    added: empty(),
    removed: empty(),
    changed: empty(),
    statusChanges: [],
  };
  const ids = (k: Knowledge) => new Set(k.agreements.map((a) => a.id));
  const [b, a] = [ids(before), ids(after)];
  report.agreementsAdded = [...a].filter((id) => !b.has(id));
  report.agreementsRemoved = [...b].filter((id) => !a.has(id));
  for (const kind of KINDS) {
    const [old, now] = [entries(before, kind), entries(after, kind)];
    for (const [key, value] of now) {
      const prev = old.get(key);
      if (prev === undefined) report.added[kind].push(key);
      else if (JSON.stringify(prev) !== JSON.stringify(value)) {
        report.changed[kind].push(key);
        const from = (prev as { status?: string }).status;
        const to = (value as { status?: string }).status;
        if (from !== undefined && to !== undefined && from !== to) report.statusChanges.push({ key, from, to });
      }
    }
    for (const key of old.keys()) if (!now.has(key)) report.removed[kind].push(key);
  }
  return report;
}

export function isEmpty(r: ChangeReport): boolean {
  return (
    r.agreementsAdded.length + r.agreementsRemoved.length === 0 &&
    KINDS.every((k) => r.added[k].length + r.removed[k].length + r.changed[k].length === 0)
  );
}

const LABEL: Record<EntryKind, string> = { commitment: 'cam kết', result: 'kết quả', fact: 'dữ kiện', person: 'người', body: 'cơ quan' };

/** The report as lines an admin reads (Vietnamese, ids as they appear in the files). */
export function changeLines(r: ChangeReport): string[] {
  if (isEmpty(r)) return ['Không có thay đổi nội dung.'];
  const lines: string[] = [];
  if (r.agreementsAdded.length) lines.push(`Văn bản mới: ${r.agreementsAdded.join(', ')}`);
  if (r.agreementsRemoved.length) lines.push(`Văn bản bị bỏ: ${r.agreementsRemoved.join(', ')}`);
  for (const kind of KINDS) {
    const parts = [
      r.added[kind].length ? `thêm ${r.added[kind].join(', ')}` : '',
      r.removed[kind].length ? `bỏ ${r.removed[kind].join(', ')}` : '',
      r.changed[kind].length ? `sửa ${r.changed[kind].join(', ')}` : '',
    ].filter(Boolean);
    if (parts.length) lines.push(`${LABEL[kind]}: ${parts.join('; ')}`);
  }
  for (const s of r.statusChanges) lines.push(`${s.key}: ${s.from} → ${s.to}`);
  return lines;
}
