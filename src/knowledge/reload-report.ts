// What a reload did, and the report an admin reads, as plain lines; each adapter escapes and
// formats them.
import { changeLines, type ChangeReport } from './diff.ts';
import { formatKnowledgeError, type Knowledge, type KnowledgeError } from './types.ts';

export interface KnowledgeCounts {
  agreements: number;
  commitments: number;
  results: number;
  people: number;
  bodies: number;
}

export type ReloadOutcome =
  | { ok: true; version: string; previousVersion: string; changed: boolean; changes: ChangeReport; counts: KnowledgeCounts; ms: number }
  | { ok: false; errors: readonly KnowledgeError[]; version: string; ms: number };

export function countsOf(k: Knowledge): KnowledgeCounts {
  const sum = (f: (a: Knowledge['agreements'][number]) => number) => k.agreements.reduce((n, a) => n + f(a), 0);
  return {
    agreements: k.agreements.length,
    commitments: sum((a) => a.commitments.length),
    results: sum((a) => a.results.length),
    people: sum((a) => a.people.length),
    bodies: sum((a) => a.bodies.length),
  };
}

/** Errors shown in a chat; the rest are counted (and all of them are in the log). */
export const ERRORS_SHOWN = 10;

export function reloadLines(r: ReloadOutcome): { title: string; lines: string[] } {
  if (!r.ok) {
    const more =
      r.errors.length > ERRORS_SHOWN
        ? [`… và ${r.errors.length - ERRORS_SHOWN} lỗi khác / and ${r.errors.length - ERRORS_SHOWN} more`]
        : [];
    return {
      title: `❌ Không nạp lại được: ${r.errors.length} lỗi. Dữ liệu cũ (phiên bản ${r.version}) vẫn đang được dùng. / Reload failed; the previous knowledge stays live.`,
      lines: [...r.errors.slice(0, ERRORS_SHOWN).map(formatKnowledgeError), ...more],
    };
  }
  const c = r.counts;
  const what = `${c.agreements} văn bản, ${c.commitments} cam kết, ${c.results} kết quả, ${c.people} người, ${c.bodies} cơ quan`;
  return {
    title: r.changed
      ? `✅ Đã nạp lại (${r.ms} ms): phiên bản ${r.previousVersion} → ${r.version}.`
      : `✅ Đã nạp lại (${r.ms} ms): không có thay đổi (phiên bản ${r.version}).`,
    lines: [...(r.changed ? changeLines(r.changes) : []), what],
  };
}
