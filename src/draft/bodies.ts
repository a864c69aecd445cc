// Bodies named in the text. Vietnamese body names follow a few patterns: a head ("Sở", "Bộ",
// "Ủy ban nhân dân", "Công an", "Tổng Công ty") with a capitalised sector name ("Giao thông vận tải",
// "Văn hóa, Thể thao và Du lịch") and a place ("tỉnh Hồ Lam"); or a head that takes the place at
// once ("UBND tỉnh", "Tỉnh ủy Bắc Giang"); or a plural ("Sở Tài nguyên và Môi trường hai tỉnh"),
// which names one body in each province. Groups ("các sở, ngành chức năng của hai tỉnh", "lực
// lượng công an hai tỉnh") stay one entry. Abbreviations are linked to long forms by the glossary
// and by initials ("VH,TT&DL" = "Văn hóa, Thể thao và Du lịch").
import type { Glossary } from '../knowledge/schema.ts';
import { SECTORS } from './english.ts';
import { fold } from './vn.ts';

export type BodyKind = 'party' | 'state' | 'people' | 'national' | 'military' | 'police' | 'company' | 'group';

/** One body a mention names; a plural mention names several. */
export interface BodyRef {
  key: string;
  name: string;
  kind: BodyKind;
  provinces: string[];
  /** The words of the head and sector, without the place: "Sở Giao thông vận tải". */
  stem: string;
  /** The name with abbreviations written out ("Sở Văn hóa, Thể thao và Du lịch tỉnh Vân Khê"), when that differs. */
  long?: string;
}

export interface BodyMention {
  start: number;
  end: number;
  /** The words as written. */
  surface: string;
  refs: BodyRef[];
}

type Takes = 'sector' | 'place' | 'fixed';

interface Head {
  re: RegExp;
  long: string;
  kind: BodyKind;
  takes: Takes;
}

const h = (re: RegExp, long: string, kind: BodyKind, takes: Takes): Head => ({ re, long, kind, takes });

/** A head at the start of `s`, ending at a word boundary. */
function headMatch(hd: Head, s: string): string | undefined {
  const m = hd.re.exec(s);
  return m && !/^[\p{L}\p{N}]/u.test(s.slice(m[0].length)) ? m[0] : undefined;
}

/** Longest first: "Ban Thường vụ Tỉnh ủy" before "Tỉnh ủy", "Bộ Chỉ huy Quân sự" before "Bộ". */
const HEADS: Head[] = [
  h(
    /^(?:Ban Chấp hành Trung ương Đảng|BCH Trung ương Đảng|Ban Chấp hành Trung ương|BCH TW)/u,
    'Ban Chấp hành Trung ương Đảng',
    'national',
    'fixed',
  ),
  h(/^(?:Ban cán sự Đảng (?:UBND|Ủy ban nhân dân))/u, 'Ban cán sự Đảng Ủy ban nhân dân', 'party', 'place'),
  h(
    /^(?:Ban Thường vụ (?:Tỉnh ủy|Thành ủy)|BTV (?:Tỉnh ủy|Thành ủy)|Thường trực (?:Tỉnh ủy|Thành ủy))/u,
    'Ban Thường vụ Tỉnh ủy',
    'party',
    'place',
  ),
  h(/^(?:Ban Chấp hành Đảng bộ)/u, 'Ban Chấp hành Đảng bộ', 'party', 'place'),
  h(/^(?:Văn phòng (?:UBND|Ủy ban nhân dân))/u, 'Văn phòng Ủy ban nhân dân', 'state', 'place'),
  h(/^(?:Văn phòng (?:HĐND|Hội đồng nhân dân))/u, 'Văn phòng Hội đồng nhân dân', 'state', 'place'),
  h(/^(?:Văn phòng (?:Tỉnh ủy|Thành ủy))/u, 'Văn phòng Tỉnh ủy', 'party', 'place'),
  h(
    /^(?:Văn phòng Đoàn (?:ĐBQH|đại biểu Quốc hội)(?: và (?:HĐND|Hội đồng nhân dân))?)/u,
    'Văn phòng Đoàn đại biểu Quốc hội',
    'state',
    'place',
  ),
  h(
    /^(?:Ủy ban Mặt trận Tổ quốc Việt Nam|Ủy ban Mặt trận Tổ quốc|Ủy ban MTTQ Việt Nam|Ủy ban MTTQ|UBMTTQ)/u,
    'Ủy ban Mặt trận Tổ quốc',
    'people',
    'place',
  ),
  h(/^(?:Ủy ban nhân dân|UBND)/u, 'Ủy ban nhân dân', 'state', 'place'),
  h(/^(?:Hội đồng nhân dân|HĐND)/u, 'Hội đồng nhân dân', 'state', 'place'),
  h(/^(?:Đoàn đại biểu Quốc hội|Đoàn ĐBQH)/u, 'Đoàn đại biểu Quốc hội', 'state', 'place'),
  h(/^(?:Tỉnh ủy|Thành ủy)/u, 'Tỉnh ủy', 'party', 'place'),
  h(/^(?:Bộ Chỉ huy Quân sự|Bộ CHQS)/u, 'Bộ Chỉ huy Quân sự', 'military', 'place'),
  h(/^(?:Bộ Chỉ huy Bộ đội Biên phòng|Bộ đội Biên phòng|BĐBP)/u, 'Bộ đội Biên phòng', 'military', 'place'),
  h(/^(?:Công an)/u, 'Công an', 'police', 'place'),
  h(/^(?:Quân khu \d+)/u, '', 'military', 'fixed'),
  h(/^(?:Bộ Chính trị)/u, '', 'national', 'fixed'),
  h(/^(?:Ban Bí thư)/u, '', 'national', 'fixed'),
  h(/^(?:Thủ tướng Chính phủ)/u, '', 'national', 'fixed'),
  h(/^(?:Chính phủ)/u, '', 'national', 'fixed'),
  h(/^(?:Quốc hội)/u, '', 'national', 'fixed'),
  h(/^(?:Trung ương Đảng)/u, 'Ban Chấp hành Trung ương Đảng', 'national', 'fixed'),
  h(/^(?:Trung ương)/u, '', 'national', 'fixed'),
  h(/^(?:Tổng Công ty|Tổng công ty)/u, 'Tổng Công ty', 'company', 'sector'),
  h(/^(?:Tập đoàn)/u, 'Tập đoàn', 'company', 'sector'),
  h(/^(?:Công ty(?: TNHH| cổ phần| CP)?)/u, 'Công ty', 'company', 'sector'),
  h(/^(?:Ngân hàng)/u, 'Ngân hàng', 'company', 'sector'),
  h(/^(?:Kho bạc Nhà nước)/u, 'Kho bạc Nhà nước', 'state', 'place'),
  h(/^(?:Ban Quản lý(?: dự án)?)/u, 'Ban Quản lý', 'state', 'sector'),
  h(/^(?:Tổng cục|Chi cục|Cục)/u, '', 'national', 'sector'),
  h(/^(?:Bộ)/u, 'Bộ', 'national', 'sector'),
  h(/^(?:Sở)/u, 'Sở', 'state', 'sector'),
  h(/^(?:Ban)/u, 'Ban', 'party', 'sector'),
  h(/^(?:Thanh tra)/u, 'Thanh tra', 'state', 'place'),
  h(/^(?:Viện|Trường|Bệnh viện|Trung tâm|Đài|Báo|Quỹ)/u, '', 'state', 'sector'),
  h(/^(?:Hiệp hội|Hội|Liên đoàn|Liên minh)/u, '', 'people', 'sector'),
  h(/^(?:Tỉnh đoàn|Đoàn Thanh niên)/u, 'Tỉnh đoàn', 'people', 'place'),
];

/** Groups: plural, lower-case phrases that the text assigns work to or names as present. */
const GROUPS: { re: RegExp; kind: BodyKind }[] = [
  { re: /^các sở, ngành(?: chức năng)?(?: (?:của )?(?:hai|ba|các) (?:tỉnh|địa phương))?/u, kind: 'state' },
  { re: /^các cấp, ngành(?: (?:của )?(?:hai|ba|các) (?:tỉnh|địa phương))?/u, kind: 'group' },
  { re: /^cấp ủy, chính quyền(?: địa phương)?/u, kind: 'group' },
  { re: /^lãnh đạo chủ chốt(?: (?:của )?(?:hai|ba) tỉnh)?/u, kind: 'group' },
  { re: /^(?:Các đồng chí |các đồng chí )?Ủy viên Ban Thường vụ (?:hai|ba) tỉnh/u, kind: 'group' },
  {
    re: /^[Ll]ực lượng (?:vũ trang|công an|quân đội|dân quân tự vệ|biên phòng)(?: (?:của )?(?:hai|ba) (?:tỉnh|bên|địa phương))?/u,
    kind: 'group',
  },
  {
    re: /^(?:các )?(?:đơn vị|doanh nghiệp|hợp tác xã|cơ sở) (?:vận tải|vệ tinh|du lịch|sản xuất|kinh doanh|lữ hành)(?: (?:của|trên địa bàn) (?:hai tỉnh|(?:Tập đoàn|Tổng Công ty|Công ty) \p{Lu}\p{L}*))?/u,
    kind: 'group',
  },
  { re: /^cư dân(?: vùng \p{Ll}+(?: \p{Ll}+)?)?/u, kind: 'group' },
  { re: /^các đại biểu/u, kind: 'group' },
  { re: /^Đảng bộ, chính quyền và Nhân dân(?: (?:hai|ba) tỉnh)?/u, kind: 'group' },
  { re: /^(?:các )?Đoàn (?!đại biểu|ĐBQH|Thanh niên)\p{Lu}[\p{L}]+/u, kind: 'group' },
  { re: /^Đảng(?=,)/u, kind: 'party' },
];

/** Lower-case words that end a name: verbs, prepositions, places. Inner words of sector names are not among them. */
const STOP = new Set(
  (
    'chủ phối có là làm thực triển tham với trong về để cho theo tại của được đã đang sẽ tiếp tăng đẩy xây tổ chỉ lãnh nghiên hướng bố quan ' +
    'khẩn sớm kịp cùng đồng nhằm trên từ đến khi các những này đó hai ba mỗi tỉnh thành huyện xã thị hoàn báo kiểm xử đôn giao bảo ' +
    'thống ký phụ gồm do năm ngày tháng quý trước sau hằng hàng nhất rà tập thu hỗ mở duy nâng cải ban đề kiến tổng phát cũng đều ' +
    'là thuộc trực vì nên thì mà nếu như ra vào lên xuống đi sang qua nhiều ít một'
  ).split(' '),
);

const TOKEN = /\p{Lu}[\p{Lu}\d]*(?:[&,][\p{Lu}\d]+)+|[\p{L}\p{N}]+(?:[./-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

interface Tok {
  t: string;
  start: number;
  end: number;
}

function tokens(text: string): Tok[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ t: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

const cap = (t: string | undefined) => t !== undefined && /^\p{Lu}/u.test(t);
const acronym = (t: string | undefined) => t !== undefined && /^\p{Lu}[\p{Lu}\d&,]+$/u.test(t) && t.length >= 2;

export interface BodyContext {
  /** Province names of the document (from "tỉnh X"), most mentioned first. */
  provinces: string[];
  /** The agreement's provinces: what "hai tỉnh" means. */
  agreementProvinces: string[];
  glossary: Glossary;
  /** Long forms of sector names seen in the text, for linking abbreviations by initials. */
  sectors: Map<string, string>;
}

/** "VH,TT&DL" and "Văn hóa, Thể thao và Du lịch" both give "vhttdl". */
export function initials(text: string): string {
  if (acronym(text.replace(/\s/g, ''))) return fold(text.replace(/[^\p{L}\d]/gu, ''));
  return text
    .split(/[\s,&-]+/u)
    .filter((w) => w && w !== 'và')
    .map((w) => fold(w.charAt(0)))
    .join('');
}

/** Place words after a name: "tỉnh Hồ Lam", "hai tỉnh", "của hai tỉnh", a bare "tỉnh" (the province in context). */
function readPlace(
  toks: Tok[],
  i: number,
  ctx: BodyContext,
  direct: boolean,
): { end: number; provinces: string[] | 'context' | undefined } {
  let j = i;
  if (toks[j]?.t === 'của') j++;
  const w = toks[j]?.t;
  const plural = /^(hai|ba|các)$/u.test(w ?? '') && /^(tỉnh|bên|địa)$/u.test(toks[j + 1]?.t ?? '');
  if (plural) return { end: j + (toks[j + 1]?.t === 'địa' ? 3 : 2), provinces: ctx.agreementProvinces };
  if (w === 'tỉnh' || w === 'thành' || w === 'TP') {
    const k = w === 'thành' && toks[j + 1]?.t === 'phố' ? j + 2 : j + 1;
    const p = provinceAt(toks, k, ctx);
    if (p) return { end: k + p.words, provinces: [p.name] };
    if (w === 'tỉnh') return { end: j + 1, provinces: 'context' };
    return { end: i, provinces: undefined };
  }
  if (direct) {
    const p = provinceAt(toks, j, ctx);
    if (p) return { end: j + p.words, provinces: [p.name] };
  }
  return { end: i, provinces: undefined };
}

function provinceAt(toks: Tok[], k: number, ctx: BodyContext): { name: string; words: number } | undefined {
  for (const name of [...ctx.provinces].sort((a, b) => b.length - a.length)) {
    const parts = name.split(' ');
    if (parts.every((p, n) => fold(toks[k + n]?.t ?? '') === fold(p))) return { name, words: parts.length };
  }
  return undefined;
}

/**
 * Reads a sector name after a head: capitalised words, the lower-case words inside them, "và", ","
 * and " - " between parts. Within a part, a capitalised word after lower-case ones ("Đường sắt Việt
 * Nam") closes it to further lower-case words, which are then the verb ("… khôi phục").
 */
function readSector(toks: Tok[], i: number): number {
  if (!(cap(toks[i]?.t) || acronym(toks[i]?.t)) || headAt(toks, i)) return i;
  let j = i + 1;
  let sawLower = false;
  let closed = false;
  while (j < toks.length && j - i < 10) {
    const t = toks[j]?.t as string;
    const next = toks[j + 1]?.t;
    if (acronym(t) || (cap(t) && !headAt(toks, j))) {
      if (sawLower) closed = true;
      j++;
    } else if (/^\p{Ll}/u.test(t) && t !== 'và' && !STOP.has(t) && !closed) {
      sawLower = true;
      j++;
    } else if ((t === 'và' || t === ',' || t === '-' || t === '–') && cap(next) && !headAt(toks, j + 1) && next !== 'Bên') {
      sawLower = false;
      closed = false;
      j += 2;
    } else break;
  }
  // Ministries and departments have a closed list of names: "Bộ Giao thông vận tải công bố…" ends at "tải".
  const words = toks.slice(i, j).map((t) => fold(t.t));
  for (const known of KNOWN_SECTORS) {
    if (known.length < words.length && known.every((w, n) => words[n] === w) && /^\p{Ll}/u.test(toks[i + known.length]?.t ?? ''))
      return i + known.length;
  }
  // The organ a unit belongs to: "Ban Tổ chức Tỉnh ủy", "Văn phòng UBND".
  const parent = /^(?:Tỉnh ủy|Thành ủy|UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân)(?![\p{L}])/u.exec(joinFrom(toks, j, 4));
  if (parent) j += parent[0].split(' ').length;
  return j;
}

const KNOWN_SECTORS = Object.keys(SECTORS).map((k) => k.replace(/,/g, ' ,').split(' '));

function headAt(toks: Tok[], i: number): Head | undefined {
  const tok = toks[i];
  if (!tok) return undefined;
  return HEADS.find((hd) => fold(headMatch(hd, joinFrom(toks, i, 6))?.split(' ')[0] ?? '') === fold(tok.t));
}

function joinFrom(toks: Tok[], i: number, n: number): string {
  return toks
    .slice(i, i + n)
    .map((t) => t.t)
    .join(' ');
}

/** Number of tokens a head match covers. */
function headLength(toks: Tok[], i: number, hd: Head): number {
  const m = headMatch(hd, joinFrom(toks, i, 8));
  return m ? m.split(' ').length : 1;
}

/** Every body named in a line. `contextProvince(at)` names the province a bare "UBND tỉnh" at that offset means. */
export function bodyMentions(
  text: string,
  ctx: BodyContext,
  contextProvince: (at: number) => string | undefined = () => undefined,
): BodyMention[] {
  const toks = tokens(text);
  const out: BodyMention[] = [];
  let i = 0;
  while (i < toks.length) {
    const from = toks[i] as Tok;
    const group = GROUPS.map((g) => ({ g, m: g.re.exec(text.slice(from.start)) })).find((x) => x.m);
    if (group?.m) {
      const surface = group.m[0];
      const provinces = /hai|ba|các (?:tỉnh|địa phương)/u.test(surface) ? ctx.agreementProvinces : [];
      out.push({
        start: from.start,
        end: from.start + surface.length,
        surface,
        refs: [{ key: groupKey(surface), name: surface, kind: group.g.kind, provinces, stem: surface }],
      });
      // "doanh nghiệp vệ tinh của Tập đoàn SamSung" also names the company: read on after "của".
      const inner = surface.lastIndexOf(' của ');
      const resume = from.start + (inner >= 0 ? inner + 5 : surface.length);
      while (i < toks.length && (toks[i] as Tok).start < resume) i++;
      continue;
    }
    const hd = cap(from.t) || acronym(from.t) ? headAt(toks, i) : undefined;
    if (!hd) {
      i++;
      continue;
    }
    const afterHead = i + headLength(toks, i, hd);
    let end = afterHead;
    if (hd.takes === 'sector') {
      end = readSector(toks, afterHead);
      if (end === afterHead) {
        i++;
        continue;
      }
    }
    const place =
      hd.takes === 'fixed' ? { end, provinces: undefined } : readPlace(toks, end, ctx, hd.takes === 'place' || hd.kind === 'company');
    const lastTok = toks[Math.max(place.end, end) - 1] as Tok;
    const surface = text.slice(from.start, lastTok.end);
    const stemSurface = text.slice(from.start, (toks[end - 1] as Tok).end);
    const here = contextProvince(from.start);
    let provinces = place.provinces === 'context' ? (here ? [here] : undefined) : place.provinces;
    if (hd.takes === 'place' && provinces === undefined) {
      // "lãnh đạo HĐND, UBND, … hai tỉnh": a bare head in a list takes the place that closes the list.
      const rest = text.slice(lastTok.end).split(/[;.]/u)[0] ?? '';
      if (/(hai|ba) (tỉnh|địa phương)/u.test(rest) && !/tỉnh \p{Lu}/u.test(rest.split(/(hai|ba) (tỉnh|địa phương)/u)[0] ?? ''))
        provinces = ctx.agreementProvinces;
      else if (here) provinces = [here];
      else {
        i = Math.max(place.end, end);
        continue;
      }
    }
    const stem = longStem(stemSurface, hd, ctx);
    const refs: BodyRef[] = (provinces && provinces.length > 0 ? provinces : [undefined]).map((p) => {
      const name = p ? `${stemSurface} tỉnh ${p}` : surface;
      // Written with its place ("UBND tỉnh Hồ Lam"): keep it as written; otherwise say which province.
      const explicit = Array.isArray(place.provinces) && place.provinces.length === 1 && !/(hai|ba|các) /u.test(surface);
      const display = explicit ? surface : p && TAKES_NAME.test(stemSurface) ? `${stemSurface} ${p}` : name;
      const long = `${stem}${p ? ` tỉnh ${p}` : ''}`;
      return {
        key: fold(long),
        name: display,
        kind: hd.kind,
        provinces: p ? [p] : [],
        stem: stemSurface,
        ...(/\p{Lu}{2,}/u.test(stemSurface) && fold(long) !== fold(display) ? { long } : {}),
      };
    });
    out.push({ start: from.start, end: lastTok.end, surface, refs });
    i = Math.max(place.end, end);
  }
  return out;
}

/** Heads written with the province name straight after them: "Tỉnh ủy Bắc Giang", not "Tỉnh ủy tỉnh Bắc Giang". */
const TAKES_NAME = /(?:Tỉnh ủy|Thành ủy)$/u;

/** One key for the ways a group is written: "các sở, ngành chức năng của hai tỉnh" = "các sở, ngành hai tỉnh". */
function groupKey(surface: string): string {
  return `group ${fold(surface)
    .replace(/^(cac dong chi|cac) /, '')
    .replace(/ (chuc nang|cua|tren dia ban)(?= )/g, '')
    .replace(/ (hai|ba|cac) (tinh|dia phuong|ben)$/, '')
    .replace(/ dia phuong$/, '')}`;
}

/** The long form of a name's head and sector: abbreviations expanded by the glossary and by initials. */
function longStem(stem: string, hd: Head, ctx: BodyContext): string {
  let s = stem;
  const m = headMatch(hd, stem);
  if (m && hd.long) s = hd.long + stem.slice(m.length);
  s = s
    .split(' ')
    .map((w) => {
      if (!acronym(w)) return w;
      const g = ctx.glossary.abbreviations.find((a) => fold(a.short) === fold(w));
      if (g) return g.long;
      return ctx.sectors.get(initials(w)) ?? w;
    })
    .join(' ');
  return s.replace(/\s+/g, ' ').trim();
}

/** Sector names written out in full after "Sở" or "Bộ", by their initials, so that abbreviations can be linked. */
export function collectSectors(lines: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of lines) {
    const toks = tokens(line);
    for (let i = 0; i < toks.length; i++) {
      if (toks[i]?.t !== 'Sở' && toks[i]?.t !== 'Bộ') continue;
      const end = readSector(toks, i + 1);
      if (end === i + 1) continue;
      const sector = line.slice((toks[i + 1] as Tok).start, (toks[end - 1] as Tok).end);
      if (sector.includes(' ') && !acronym(sector)) out.set(initials(sector), sector);
    }
  }
  return out;
}

/** Province names written as "tỉnh X" (or "TỈNH X" in a header), with how often each occurs. */
export function findProvinces(lines: readonly string[], knownPlaces: readonly string[]): Map<string, number> {
  const known = new Set(knownPlaces.map(fold));
  const counts = new Map<string, number>();
  for (const line of lines) {
    for (const m of line.matchAll(/(?:^|[^\p{L}])(?:tỉnh|TỈNH|Tỉnh)\s+((?:\p{Lu}[\p{L}]*)(?:\s+\p{Lu}[\p{L}]*){0,2})/gu)) {
      const words = (m[1] ?? '').split(/\s+/);
      const caps = words.every((w) => w === w.toUpperCase());
      const norm = words.map((w) => (caps ? w.charAt(0) + w.slice(1).toLowerCase() : w));
      let pick = norm.slice(0, 2);
      for (let n = Math.min(3, norm.length); n >= 1; n--) {
        if (known.has(fold(norm.slice(0, n).join(' ')))) {
          pick = norm.slice(0, n);
          break;
        }
      }
      if (pick.length === 2 && !known.has(fold(pick.join(' '))) && /^(Dương|Nguyễn|Trần|Lê|Phạm)$/u.test(pick[1] ?? ''))
        pick = pick.slice(0, 1);
      const name = pick.join(' ');
      if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return counts;
}
