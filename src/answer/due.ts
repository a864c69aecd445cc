// Deadlines: a commitment's `due`, read against today's date where the users are (DIGEST_TIMEZONE).
// Overdue means: a date the source gives has passed, and the commitment is not reported done,
// counting updates made in chat. A recurring deadline ("hằng tháng", "trước ngày 15/12 hằng năm") is
// never overdue: its `by` is only the first time it falls due, and the work goes on.
import type { Due, Status } from '../knowledge/schema.ts';

// A formatter costs about a millisecond to make: one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Today's date (YYYY-MM-DD) in the time zone. */
export function todayIn(timeZone: string, now: Date): string {
  let f = formatters.get(timeZone);
  // en-CA formats as YYYY-MM-DD.
  if (!f) formatters.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(now);
}

export function isOverdue(due: Pick<Due, 'by' | 'recurring'> | undefined, status: Status, today: string): boolean {
  return due?.by !== undefined && due.recurring === undefined && due.by < today && status !== 'done';
}

export type Span = 'month' | 'quarter' | 'year';

/** The first and last day (inclusive) of the month, quarter or year that holds `today`. */
export function spanOf(span: Span, today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const first = span === 'year' ? 1 : span === 'quarter' ? Math.floor((m - 1) / 3) * 3 + 1 : m;
  const last = span === 'year' ? 12 : span === 'quarter' ? first + 2 : m;
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = new Date(Date.UTC(y, last, 0)).getUTCDate();
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(lastDay)}` };
}

export const within = (date: string, span: { from: string; to: string }) => date >= span.from && date <= span.to;
