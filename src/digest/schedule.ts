// Digest schedules as admins type them: "daily 08:00", "weekly mon 08:00" (Vietnamese day
// names too: "hang tuan thu2 08:00"). Turned into a cron pattern for croner.
import { fold } from '../text/normalize.ts';

const DAYS: Record<string, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  cn: 0,
  t2: 1,
  t3: 2,
  t4: 3,
  t5: 4,
  t6: 5,
  t7: 6,
  thu2: 1,
  thu3: 2,
  thu4: 3,
  thu5: 4,
  thu6: 5,
  thu7: 6,
  chunhat: 0,
};

export interface Schedule {
  /** What the admin typed, normalised: "weekly mon 08:00". */
  text: string;
  cron: string;
}

export function parseSchedule(input: string): Schedule | undefined {
  // "hàng tuần thứ 2" → "hangtuan thu2", so Vietnamese reads like the one-word English forms.
  const words = fold(input)
    .replace(/\s+/g, ' ')
    .replace(/\bhang (tuan|ngay)\b/g, 'hang$1')
    .replace(/\bthu (\d)\b/g, 'thu$1')
    .replace(/\bchu nhat\b/g, 'chunhat')
    .trim()
    .split(' ');
  const [kind, ...rest] = words;
  const time = /^(\d{1,2}):(\d{2})$/.exec(rest.at(-1) ?? '');
  if (!time) return undefined;
  const [h, m] = [Number(time[1]), Number(time[2])];
  if (h > 23 || m > 59) return undefined;
  const hhmm = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  if ((kind === 'daily' || kind === 'hangngay') && rest.length === 1) return { text: `daily ${hhmm}`, cron: `${m} ${h} * * *` };
  if ((kind === 'weekly' || kind === 'hangtuan') && rest.length === 2) {
    // "mon", "monday", "t2", "thu2" (thứ 2), "cn" (chủ nhật).
    const token = (rest[0] ?? '').replace(/[^a-z0-9]/g, '');
    const day = DAYS[token] ?? DAYS[token.slice(0, 3)];
    if (day === undefined) return undefined;
    return { text: `weekly ${Object.keys(DAYS)[day]} ${hhmm}`, cron: `${m} ${h} * * ${day}` };
  }
  return undefined;
}
