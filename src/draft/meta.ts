// agreement.yaml: the title, the kind of text, when and where it was signed, its period and date of
// effect, as the text gives them. Formal texts put the place and date in the header ("Hồ Lam, ngày
// 18 tháng 3 năm 2024") and the period in the title; reports open with "Chiều 29/3, tại …".
import type { Bilingual, Citation } from '../knowledge/schema.ts';
import type { DocContext } from './context.ts';
import { placeEnglish } from './english.ts';
import { clip, isCapsLine, sentenceCase } from './vn.ts';

const KINDS: [RegExp, Bilingual][] = [
  [/biên bản ghi nhớ/iu, { vi: 'Biên bản ghi nhớ hợp tác', en: 'Memorandum of understanding (MoU)' }],
  [/thỏa thuận hợp tác|thoả thuận hợp tác|thỏa thuận/iu, { vi: 'Thỏa thuận hợp tác', en: 'Cooperation agreement' }],
  [/chương trình phối hợp|chương trình hợp tác/iu, { vi: 'Chương trình phối hợp', en: 'Coordination programme' }],
  [/quy chế phối hợp/iu, { vi: 'Quy chế phối hợp', en: 'Coordination regulation' }],
  [/kế hoạch/iu, { vi: 'Kế hoạch phối hợp', en: 'Joint plan' }],
];

const cite = (_ctx: DocContext, line: number, quote: string): Citation => ({ line, quote });

/** The title: the capitalised document type and the subject line under it, or the name the report gives the agreement. */
export function findTitle(ctx: DocContext, signingLine: number | undefined): { title: string; kind: Bilingual; line: number } {
  const { lines } = ctx;
  for (const [i, text] of lines.entries()) {
    if (i + 1 > ctx.contentEnd) break;
    const kind = KINDS.find(([re]) => re.test(text));
    if (kind && isCapsLine(text) && text.split(/\s+/).length <= 8) {
      const sub = lines[i + 1] ?? '';
      const subject = /^(?:Về|V\/v|về)\s/u.test(sub) || (!isCapsLine(sub) && sub.length < 200 && !/^Căn cứ/u.test(sub)) ? sub : '';
      const title = `${sentenceCase(text, ctx.allProvinces)}${subject ? ` ${subject.charAt(0).toLowerCase()}${subject.slice(1)}` : ''}`;
      return { title, kind: kind[1], line: i + 1 };
    }
  }
  if (signingLine) {
    const text = lines[signingLine - 1] as string;
    const m = /ký kết\s+((?:Biên bản ghi nhớ|Thỏa thuận|Chương trình|Quy chế|Kế hoạch)[^.;]*)/u.exec(text);
    if (m?.[1])
      return { title: m[1].trim(), kind: (KINDS.find(([re]) => re.test(m[1] as string)) as [RegExp, Bilingual])[1], line: signingLine };
  }
  const first = lines[0] ?? '';
  return { title: clip(first, 20), kind: KINDS[0]?.[1] as Bilingual, line: 1 };
}

const TIME: Record<string, string> = { sáng: 'morning', trưa: 'noon', chiều: 'afternoon', tối: 'evening' };

/** "Hồ Lam, ngày 18 tháng 3 năm 2024", "Hôm nay, ngày …, tại …", "Chiều 29/3, tại thành phố Bắc Giang". */
export function findSigned(
  ctx: DocContext,
  years: number[],
): { date: string; time?: Bilingual; place: Bilingual; source: Citation; review?: string } | undefined {
  const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const ok = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  for (let line = 1; line <= Math.min(ctx.contentEnd, ctx.lines.length); line++) {
    const text = ctx.lines[line - 1] as string;
    // Header: "<place>, ngày 18 tháng 3 năm 2024"
    let m = /^([\p{Lu}][^,]{1,40}),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(text);
    if (m && ok(Number(m[4]), Number(m[3]), Number(m[2]))) {
      const place = m[1] as string;
      return {
        date: iso(Number(m[4]), Number(m[3]), Number(m[2])),
        place: { vi: place, ...(placeEnglish(place) ? { en: placeEnglish(place) } : {}) },
        source: cite(ctx, line, m[0]),
      };
    }
    // "Hôm nay, ngày 18 tháng 3 năm 2024, tại Trụ sở …"
    m = /ngày\s+(\d{1,2})\s*(?:tháng\s+|\/)(\d{1,2})\s*(?:năm\s+|\/)(\d{4}),?\s*tại\s+([^,.;]+)/u.exec(text);
    if (m && ok(Number(m[3]), Number(m[2]), Number(m[1]))) {
      const place = (m[4] as string).trim();
      return {
        date: iso(Number(m[3]), Number(m[2]), Number(m[1])),
        place: { vi: place, ...(placeEnglish(place) ? { en: placeEnglish(place) } : {}) },
        source: cite(ctx, line, m[0]),
      };
    }
    // A report: "Chiều 29/3, tại thành phố Bắc Giang" (the year comes from the period or the text).
    m = /^(?:(Sáng|Trưa|Chiều|Tối)\s+)?(?:ngày\s+)?(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?,\s*tại\s+([^,.;]+)/u.exec(text);
    if (m) {
      const year = m[4] ? Number(m[4]) : years[0];
      if (!year || !ok(year, Number(m[3]), Number(m[2]))) continue;
      const place = (m[5] as string).trim();
      const time = m[1] ? { vi: (m[1] as string).toLowerCase(), en: TIME[(m[1] as string).toLowerCase()] as string } : undefined;
      return {
        date: iso(year, Number(m[3]), Number(m[2])),
        ...(time ? { time } : {}),
        place: { vi: place, ...(placeEnglish(place) ? { en: placeEnglish(place) } : {}) },
        source: cite(ctx, line, m[0]),
        ...(m[4] ? {} : { review: `the text gives the signing day without its year; ${year} is the first year it names` }),
      };
    }
  }
  return undefined;
}

/** "giai đoạn 2024 - 2026", "từ năm 2024 đến năm 2026", "trong thời hạn 05 năm kể từ ngày ký". */
export function findPeriod(
  ctx: DocContext,
  signedYear: number | undefined,
): { from: number; to: number; text: string; source: Citation } | undefined {
  for (let line = 1; line <= ctx.contentEnd; line++) {
    const text = ctx.lines[line - 1] as string;
    let m = /giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})(?:\s+và những năm tiếp theo)?/u.exec(text);
    if (m) return { from: Number(m[1]), to: Number(m[2]), text: m[0], source: cite(ctx, line, m[0]) };
    m = /từ năm\s+(\d{4})\s+đến(?: hết)? năm\s+(\d{4})/u.exec(text);
    if (m) return { from: Number(m[1]), to: Number(m[2]), text: m[0], source: cite(ctx, line, m[0]) };
    m = /(?:thời hạn|trong)\s+(?:0?(\d{1,2}))\s+năm\s+kể từ ngày ký/u.exec(text);
    if (m && signedYear) return { from: signedYear, to: signedYear + Number(m[1]), text: m[0], source: cite(ctx, line, m[0]) };
  }
  return undefined;
}

/** "có hiệu lực kể từ ngày ký" or "có hiệu lực từ ngày 01/4/2024". */
export function findEffective(ctx: DocContext, signed: string | undefined): { date?: string; text: string; source: Citation } | undefined {
  for (let line = 1; line <= ctx.contentEnd; line++) {
    const text = ctx.lines[line - 1] as string;
    const m =
      /có hiệu lực(?: thi hành)?\s+(?:kể\s+)?từ\s+(ngày ký(?: kết)?|ngày\s+(\d{1,2})\s*(?:\/|tháng\s+)(\d{1,2})\s*(?:\/|năm\s+)(\d{4}))/u.exec(
        text,
      );
    if (!m) continue;
    const date = m[2] ? `${m[4]}-${String(m[3]).padStart(2, '0')}-${String(m[2]).padStart(2, '0')}` : signed;
    return { ...(date ? { date } : {}), text: m[0], source: cite(ctx, line, m[0]) };
  }
  return undefined;
}
