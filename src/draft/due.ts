// Deadlines as Vietnamese administrative texts write them: "trước ngày 30/6/2024", "chậm nhất ngày
// 15 tháng 12 năm 2024", "trong tháng 9/2024", "trong quý III/2024", "6 tháng đầu năm 2025",
// "trong năm 2024", "hằng năm", "trước ngày 15/12 hằng năm". A date counts only after a word that
// makes it a deadline (trước, chậm nhất, trong, đến, hoàn thành…): "Nghị quyết số 11 ngày 10/2/2022"
// is a citation, and "tầm nhìn đến năm 2045" a vision.

export interface DueFound {
  /** The wording as written. */
  text: string;
  /** Offset of `text` in the searched string. */
  at: number;
  by?: string;
  recurring?: 'yearly' | 'quarterly' | 'monthly';
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthEnd = (y: number, m: number) => iso(y, m, lastDay(y, m));
const valid = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m) && y >= 1900 && y <= 2200;
const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Words that make what follows a deadline; what follows is tried at the end of each (sticky patterns). */
const CUE =
  /(?:(?:hoàn thành|xong)\s+)?(?:trước|chậm nhất(?:\s+là)?|muộn nhất|không muộn hơn|đến(?:\s+hết)?|trong|hạn(?:\s+chót)?(?:\s+là)?|vào|kể từ)\s+/giu;
const RECUR = /(?:định kỳ\s+)?(?:hằng|hàng|mỗi)\s+(năm|quý|tháng)/giu;

type Read = Omit<DueFound, 'text' | 'at'> | undefined;

/** After a cue, most specific first. `before` is true when the cue says "trước" (the day before the named period). */
const AFTER_CUE: { re: RegExp; read: (m: RegExpExecArray, before: boolean, signed?: string) => Read }[] = [
  {
    // trước ngày 15/12 hằng năm · trước ngày 15 tháng 12 hằng năm
    re: /(?:ngày\s+)?(\d{1,2})(?:\s*[/.-]\s*|\s+tháng\s+)(\d{1,2})\s+(?:định kỳ\s+)?(?:hằng|hàng|mỗi)\s+năm/iuy,
    read: (m, _b, signed) => {
      const d = Number(m[1]);
      const mo = Number(m[2]);
      const y = firstYear(signed, mo, d);
      return valid(y, mo, d) ? { by: iso(y, mo, d), recurring: 'yearly' } : undefined;
    },
  },
  {
    // trước ngày 30/6/2024 · chậm nhất ngày 30 tháng 6 năm 2024
    re: /(?:ngày\s+)?(\d{1,2})(?:\s*[/.-]\s*|\s+tháng\s+)(\d{1,2})(?:\s*[/.-]\s*|\s+năm\s+)(\d{4})/iuy,
    read: (m, before) => {
      const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (!valid(y, mo, d)) return undefined;
      // "trước ngày 1/7" means by 30/6; any other day is read as the last day allowed.
      return { by: before && d === 1 ? monthEnd(mo === 1 ? y - 1 : y, mo === 1 ? 12 : mo - 1) : iso(y, mo, d) };
    },
  },
  {
    // trong quý III/2024 · quý 3 năm 2024 · trước quý IV/2024
    re: /quý\s+(IV|III|II|I|[1-4])\s*(?:[/-]\s*|\s+)(?:năm\s+)?(\d{4})/iuy,
    read: (m, before) => {
      const q = ROMAN[(m[1] ?? '').toUpperCase()] ?? 0;
      const y = Number(m[2]);
      if (!q) return undefined;
      const end = before ? (q - 1) * 3 : q * 3;
      return end === 0 ? { by: iso(y - 1, 12, 31) } : { by: monthEnd(y, end) };
    },
  },
  {
    // trong 6 tháng đầu năm 2025 · 6 tháng cuối năm 2025
    re: /(?:6|sáu) tháng (đầu|cuối) năm\s+(\d{4})/iuy,
    read: (m) => half(m),
  },
  {
    // trong tháng 9/2024 · trước tháng 9 năm 2024
    re: /tháng\s+(\d{1,2})\s*(?:[/-]\s*|\s+năm\s+)(\d{4})/iuy,
    read: (m, before) => {
      const mo = Number(m[1]);
      const y = Number(m[2]);
      if (mo < 1 || mo > 12) return undefined;
      if (before) return { by: mo === 1 ? iso(y - 1, 12, 31) : monthEnd(y, mo - 1) };
      return { by: monthEnd(y, mo) };
    },
  },
  {
    // trong năm 2024 · trước năm 2025 · đến năm 2025 (not "năm 2023-2025", a period)
    re: /năm\s+(\d{4})(?!\s*[-–]\s*\d)/iuy,
    read: (m, before) => {
      const y = Number(m[1]);
      return { by: before ? iso(y - 1, 12, 31) : iso(y, 12, 31) };
    },
  },
];

const HALF = /(?:6|sáu) tháng (đầu|cuối) năm\s+(\d{4})/giu;

function half(m: RegExpExecArray): Read {
  return { by: (m[1] ?? '').toLowerCase() === 'đầu' ? iso(Number(m[2]), 6, 30) : iso(Number(m[2]), 12, 31) };
}

/** hằng năm · hằng quý · hằng tháng: the first period after signing. */
function recurring(m: RegExpExecArray, signed: string | undefined): Read {
  const unit = (m[1] ?? '').toLowerCase();
  const [y, mo] = (signed ?? '').split('-').map(Number);
  const every = unit === 'năm' ? 'yearly' : unit === 'quý' ? 'quarterly' : 'monthly';
  if (!y || !mo) return { recurring: every };
  if (every === 'yearly') return { recurring: every, by: iso(y, 12, 31) };
  if (every === 'quarterly') return { recurring: every, by: monthEnd(y, Math.ceil(mo / 3) * 3) };
  return { recurring: every, by: monthEnd(y, mo) };
}

/** The first yearly occurrence on or after the signing date. */
function firstYear(signed: string | undefined, month: number, day: number): number {
  const [y, m, d] = (signed ?? '').split('-').map(Number);
  if (!y || !m || !d) return new Date().getUTCFullYear();
  return month > m || (month === m && day >= d) ? y : y + 1;
}

/** Words before a match that make it a citation or a vision, not a deadline. */
function notADeadline(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 300), at);
  if (/tầm nhìn\s*$/iu.test(before)) return true;
  // Inside the title of a cited document: "Nghị quyết số 11-NQ/TW … đến năm 2030".
  return (
    /(?:Nghị quyết|Quyết định|Chỉ thị|Kết luận|Nghị định|Thông tư|Luật|Chiến lược|Quy hoạch)\s+(?:số\s+)?[\d\w/-]*[^.;]*$/u.test(before) &&
    !/[,;]\s*(?:hoàn thành|xong|trước)/u.test(before)
  );
}

/** The deadline a text sets, if any: the most specific kind found, the first of that kind. */
export function findDue(text: string, signed?: string): DueFound | undefined {
  const cues = [...text.matchAll(CUE)].filter((c) => !notADeadline(text, c.index ?? 0));
  for (const p of AFTER_CUE) {
    for (const c of cues) {
      const at = c.index ?? 0;
      p.re.lastIndex = at + c[0].length;
      const m = p.re.exec(text);
      if (!m) continue;
      const read = p.read(m, /trước/iu.test(c[0]), signed);
      if (read) return { text: text.slice(at, p.re.lastIndex), at, ...read };
    }
  }
  for (const [re, read] of [
    [HALF, (m: RegExpExecArray) => half(m)],
    [RECUR, (m: RegExpExecArray) => recurring(m, signed)],
  ] as const) {
    for (const m of text.matchAll(re)) {
      const r = read(m);
      if (r && !notADeadline(text, m.index ?? 0)) return { text: m[0], at: m.index ?? 0, ...r };
    }
  }
  return undefined;
}
