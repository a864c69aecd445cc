// The digest: commitments not yet carried out or continuing, grouped by area, and what changed
// since the last digest.
import type { Engine } from '../answer/engine.ts';
import { isOverdue } from '../answer/due.ts';
import { formatDate } from '../answer/i18n.ts';
import type { Status } from '../knowledge/schema.ts';
import { openCommitments, openHeadline } from './open-commitments.ts';

/**
 * Effective status of every commitment and result, by `agreement/id`: the engine's own (file
 * status, or the latest update made in chat), the one answers, the digest and App Home all use.
 */
export function statusSnapshot(engine: Engine): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of engine.knowledge.agreements) {
    for (const x of [...a.commitments, ...a.results]) out[`${a.id}/${x.id}`] = engine.context.statusOf(a.id, x.id, x.status).status;
  }
  return out;
}

/**
 * Commitments whose deadline passed between the last digest's day and today, not reported done:
 * "C1 · Giải phóng mặt bằng … (hạn 30/6/2025)".
 */
export function newlyOverdue(engine: Engine, now: Record<string, string>, since: { from: string; today: string }): string[] {
  const out: string[] = [];
  for (const a of engine.knowledge.agreements)
    for (const c of a.commitments) {
      const status = (now[`${a.id}/${c.id}`] ?? c.status) as Status;
      if (c.due?.by && c.due.by >= since.from && isOverdue(c.due, status, since.today))
        out.push(`${c.id} · ${c.title.vi} (hạn ${formatDate(c.due.by, 'vi')})`);
    }
  return out;
}

/**
 * The digest as plain lines: a title, changes since `previous`, what became overdue since the last
 * one (`since`: the last digest's day and today, where the users are), then pending and continuing
 * items by area.
 */
export function digestLines(
  engine: Engine,
  now: Record<string, string>,
  previous: Record<string, string>,
  date: string,
  since?: { from: string; today: string },
): { title: string; lines: string[] } {
  const k = engine.knowledge;
  const areaName = new Map(k.glossary.areas.map((a) => [a.id, a.vi]));
  const changes = Object.entries(now)
    .filter(([key, status]) => previous[key] !== undefined && previous[key] !== status)
    .map(([key, status]) => `${key}: ${previous[key]} → ${status}`);
  const open = openCommitments(k, (a, id, fileStatus) => now[`${a}/${id}`] ?? fileStatus);
  const late = since ? newlyOverdue(engine, now, since) : [];
  const lines = [
    changes.length > 0 ? `Thay đổi từ bản tin trước: ${changes.join('; ')}` : 'Không có thay đổi trạng thái từ bản tin trước.',
    ...(late.length > 0 ? [`Quá hạn từ bản tin trước (${late.length}): ${late.join('; ')}`] : []),
    ...[...open.byArea]
      .sort((x, y) => y[1].length - x[1].length)
      .map(([area, items]) => `${areaName.get(area) ?? area} (${items.length}): ${items.join('; ')}`),
  ];
  return { title: `Bản tin cam kết ${date}: ${openHeadline(open)}`, lines };
}
