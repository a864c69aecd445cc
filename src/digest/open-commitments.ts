// The commitments still to follow up, by area: new work not reported started (`pending`) and work the
// source words as continuing (`ongoing`), told apart. Shared by the digest and Slack's App Home, so
// both count the same way.
import type { Knowledge } from '../knowledge/types.ts';

export interface OpenCommitments {
  /** Area id → one line per commitment, continuing ones marked. */
  byArea: Map<string, string[]>;
  fresh: number;
  continuing: number;
}

/** `statusOf` gives each commitment's effective status (file status, or the latest chat update). */
export function openCommitments(k: Knowledge, statusOf: (agreement: string, id: string, fileStatus: string) => string): OpenCommitments {
  const byArea = new Map<string, string[]>();
  let fresh = 0;
  let continuing = 0;
  for (const a of k.agreements) {
    for (const c of a.commitments) {
      const status = statusOf(a.id, c.id, c.status);
      if (status !== 'pending' && status !== 'ongoing') continue;
      if (status === 'pending') fresh++;
      else continuing++;
      const line = status === 'ongoing' ? `${c.id} · ${c.title.vi} (đang tiếp tục)` : `${c.id} · ${c.title.vi}`;
      const lines = byArea.get(c.area);
      if (lines) lines.push(line);
      else byArea.set(c.area, [line]);
    }
  }
  return { byArea, fresh, continuing };
}

/** "34 cam kết chưa thực hiện hoặc đang tiếp tục: 26 mới, 8 tiếp tục". */
export function openHeadline(o: OpenCommitments): string {
  return `${o.fresh + o.continuing} cam kết chưa thực hiện hoặc đang tiếp tục: ${o.fresh} mới, ${o.continuing} tiếp tục`;
}
