// Small facts about written Vietnamese that the drafter leans on: folding for comparison, ids from
// names, capitalisation, personal names (a surname from the common list, then given names) and
// sentence boundaries. General rules of the language, not of any one document.
import { fold } from '../text/normalize.ts';

export { fold };

/** An id from any text: folded, dashes between words ("Sở GTVT tỉnh Hồ Lam" → "so-gtvt-tinh-ho-lam"). */
export function slug(text: string, max = 48): string {
  const s = fold(text)
    .replace(/&/g, ' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (s.length > max ? s.slice(0, max).replace(/-[^-]*$/, '') : s) || 'x';
}

export function isUpper(word: string): boolean {
  return /\p{Lu}/u.test(word) && word === word.toUpperCase();
}

/** A line written in capitals (a heading, a signature line), ignoring digits and punctuation. */
export function isCapsLine(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

/** "CHỦ TỊCH" → "Chủ tịch"; "ỦY BAN NHÂN DÂN TỈNH HỒ LAM" → "Ủy ban nhân dân tỉnh Hồ Lam" (place names keep their capitals). */
export function sentenceCase(caps: string, properNames: readonly string[] = []): string {
  let s = caps.toLowerCase();
  s = s.charAt(0).toUpperCase() + s.slice(1);
  for (const name of properNames) {
    const at = s.toLowerCase().indexOf(name.toLowerCase());
    if (at >= 0) s = s.slice(0, at) + name + s.slice(at + name.length);
  }
  return s;
}

/** Common Vietnamese surnames: a capitalised run starting with one of these is read as a person's name. */
const SURNAMES = new Set(
  (
    'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lâm Trịnh Đinh Mai Đào Cao Lương Hà Tạ Chu ' +
    'Triệu Đoàn Vương Phùng Tô Kiều Lưu Thái Quách Nông Lò Hứa La Giang Tăng Thân Khổng Mạc Tôn Hầu Âu Đàm Đồng Lục Ông ' +
    'Trương Văn Diệp Lại Lã Thạch Mạch Nghiêm Ninh Quan Tống Từ Viên Doãn Bạch Châu Cù Đậu Hoàng Khúc Lầu Mẫn Phó Quang ' +
    'Sầm Thào Vi Ma Mông Hoa Kim Lạc Bế Hầu Chẩu Lành'
  ).split(' '),
);

/** Words that look like names but are titles, places or body heads when capitalised. */
const NOT_GIVEN = new Set(
  (
    'Tỉnh Huyện Xã Sở Bộ Ban Ủy Đảng Nhà Nước Ương Hội Đoàn Ty Tập Chủ Tịch Phó Bí Thư ' +
    'Giám Đốc Trưởng Thứ Ông Bà Đồng Chí Điều Khoản Điểm Chương Mục Phần Căn Cứ Hôm Nay Bên Tổng Cục Viện Trường Sông Núi Cầu ' +
    'Quân Khu Lực Lượng Công An Biên Phòng Tỉnh ủy Thường Vụ Quy Định Nghị Quyết Luật'
  )
    .split(' ')
    .map((w) => w.toLowerCase()),
);

/**
 * Personal names in a text: a known surname followed by one to three capitalised syllables that are
 * not title words. Place names (`places`, folded) are masked first, so "Bắc Giang Dương Văn Thái"
 * gives "Dương Văn Thái", not "Giang Dương…". Returns each name with its offset.
 */
export function personNames(text: string, places: ReadonlySet<string> = new Set()): { name: string; at: number }[] {
  const out: { name: string; at: number }[] = [];
  const re = /\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*){1,5}/gu;
  for (const m of text.matchAll(re)) {
    const words = m[0].split(/\s+/);
    const offset = m.index ?? 0;
    const masked = words.map(() => false);
    for (let i = 0; i < words.length; i++)
      for (let n = 3; n >= 1; n--)
        if (i + n <= words.length && places.has(fold(words.slice(i, i + n).join(' ')))) for (let k = i; k < i + n; k++) masked[k] = true;
    // The run may start with a title word ("Đồng chí Dương Văn Thái"): find the surname inside it.
    for (let i = 0; i < words.length - 1; i++) {
      const w = words[i] as string;
      if (masked[i] || !SURNAMES.has(w) || isUpper(w)) continue;
      const given: string[] = [];
      for (let j = i + 1; j < Math.min(words.length, i + 4); j++) {
        const g = words[j] as string;
        if (masked[j] || NOT_GIVEN.has(g.toLowerCase()) || isUpper(g)) break;
        given.push(g);
      }
      if (given.length === 0) continue;
      const name = [w, ...given].join(' ');
      let from = 0;
      for (let k = 0; k < i; k++) from += (words[k] as string).length + 1;
      out.push({ name, at: offset + from });
      i += given.length;
    }
  }
  return out;
}

/**
 * Sentences of a paragraph with their offsets. A sentence ends at ".", "!" or "?" followed by a
 * space and a capital; "11-NQ/TW", "6,5km" and "TP." abbreviations do not end one.
 */
export function sentences(text: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  const re = /[.!?…]+["”)]?(?=\s+["“(]?\p{Lu})/gu;
  let start = 0;
  for (const m of text.matchAll(re)) {
    const end = (m.index ?? 0) + m[0].length;
    const piece = text.slice(start, end);
    // "TP. Hồ Chí Minh", "Tr. 3": a short abbreviation before the dot is not a sentence end.
    if (/(^|\s)(TP|Tp|TX|Q|P|Tr|ThS|TS|PGS|GS|St|Ths)\.$/u.test(piece.trimEnd())) continue;
    pushTrimmed(out, text, start, end);
    start = end;
  }
  pushTrimmed(out, text, start, text.length);
  return out;
}

function pushTrimmed(out: { text: string; at: number }[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const t = raw.trim();
  if (t) out.push({ text: t, at: start + lead });
}

/** Shortens a text to at most `max` words, at a word boundary, without trailing punctuation. */
export function clip(text: string, max: number): string {
  const w = text.split(/\s+/);
  const cut = w.length > max ? w.slice(0, max).join(' ') : text;
  return cut.replace(/[\s,;:.]+$/u, '');
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
