// The digest: pending commitments grouped by area, and what changed since the last digest.
import type { Engine } from '../answer/engine.ts';
import type { StatusOverlay } from '../answer/types.ts';

/** Effective status of every commitment and result, by `agreement/id`. */
export function statusSnapshot(engine: Engine, overlay: StatusOverlay): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of engine.knowledge.agreements) {
    for (const x of [...a.commitments, ...a.results]) out[`${a.id}/${x.id}`] = overlay(a.id, x.id, x.status).status;
  }
  return out;
}

/** The digest as plain lines: a title, changes since `previous`, then pending items by area. */
export function digestLines(
  engine: Engine,
  now: Record<string, string>,
  previous: Record<string, string>,
  date: string,
): { title: string; lines: string[] } {
  const k = engine.knowledge;
  const areaName = new Map(k.glossary.areas.map((a) => [a.id, a.vi]));
  const changes = Object.entries(now)
    .filter(([key, status]) => previous[key] !== undefined && previous[key] !== status)
    .map(([key, status]) => `${key}: ${previous[key]} → ${status}`);
  const byArea = new Map<string, string[]>();
  for (const a of k.agreements) {
    for (const c of a.commitments) {
      if (now[`${a.id}/${c.id}`] !== 'pending') continue;
      byArea.set(c.area, [...(byArea.get(c.area) ?? []), `${c.id} ${c.title.vi}`]);
    }
  }
  const pending = [...byArea.values()].reduce((n, l) => n + l.length, 0);
  const lines = [
    changes.length > 0 ? `Thay đổi từ bản tin trước: ${changes.join('; ')}` : 'Không có thay đổi trạng thái từ bản tin trước.',
    ...[...byArea]
      .sort((x, y) => y[1].length - x[1].length)
      .map(([area, items]) => `${areaName.get(area) ?? area} (${items.length}): ${items.join('; ')}`),
  ];
  return { title: `Bản tin cam kết ${date}: ${pending} cam kết còn chờ`, lines };
}
