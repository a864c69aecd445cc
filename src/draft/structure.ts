// The layout of a Vietnamese administrative text (Nghị định 30/2020/NĐ-CP's model): a preamble
// (Quốc hiệu, số ký hiệu, title, căn cứ, the parties), then Chương / Điều (or sections "I.", "II.")
// holding khoản "1.", điểm "a)" and bullets "-", then the signature block and "Nơi nhận". This file
// turns source lines into that tree, and reads references such as "điểm a, b khoản 3 Điều 2".
import { fold } from './vn.ts';

export type UnitKind = 'article' | 'clause' | 'point' | 'bullet' | 'para';

export interface Unit {
  kind: UnitKind;
  /** "2" for Điều 2 or khoản 2, "a" for điểm a, "II" for section II; bullets and paragraphs have none. */
  num?: string;
  /** 1-based line in source.txt. */
  line: number;
  /** The whole line. */
  text: string;
  /** The line without its marker ("Điều 2.", "1.", "a)", "-"). */
  body: string;
  children: Unit[];
  parent?: Unit;
}

export type ArticleRole = 'content' | 'implementation' | 'effect' | 'other';

export interface Article extends Unit {
  kind: 'article';
  title: string;
  role: ArticleRole;
}

export interface Layout {
  /** Lines before the first article (header, title, căn cứ, parties). */
  preamble: number[];
  articles: Article[];
  /** Lines of the signature block, and of what follows it ("Nơi nhận"). */
  signature: number[];
  /** True when the text has articles or numbered sections: a formal document, not a report. */
  formal: boolean;
}

const ARTICLE = /^(?:Điều|ĐIỀU)\s+(\d+)\s*[.:]\s*(.*)$/u;
const SECTION = /^([IVXLC]+)\s*[.:-]\s*(\p{Lu}.*)$/u;
const CLAUSE = /^(\d+(?:\.\d+)*)\s*[.)]\s+(.*)$/u;
const POINT = /^([a-zđ])\s*\)\s*(.*)$/u;
const BULLET = /^[-–+•]\s*(.*)$/u;
const SIGNATURE = /^(?:TM\.|T\/M|KT\.|Q\.|TL\.|ĐẠI DIỆN|THAY MẶT|ĐD\.)/u;
const CHAPTER = /^(?:Chương|CHƯƠNG|Phần|PHẦN)\s+[IVXLC\d]+\b/u;

function roleOf(title: string): ArticleRole {
  const t = fold(title);
  if (/to chuc (thuc hien|trien khai)|phan cong (thuc hien|nhiem vu)|trach nhiem thuc hien|dieu khoan thi hanh/.test(t))
    return 'implementation';
  if (/hieu luc|thi hanh|sua doi|tranh chap|dieu khoan (chung|cuoi)/.test(t)) return 'effect';
  if (
    /muc (dich|tieu)|yeu cau|quan diem|nguyen tac|pham vi|doi tuong|giai thich|bao mat|kinh phi|thong tin cac ben|cac ben tham gia/.test(t)
  )
    return 'other';
  return 'content';
}

/** Builds the tree. `lines[i]` is line i + 1 of source.txt. */
export function parseLayout(lines: readonly string[]): Layout {
  const articleLines = lines.filter((l) => ARTICLE.test(l)).length;
  const sectionLines = lines.filter(
    (l) => SECTION.test(l) && l.replace(/^[IVXLC]+\s*[.:-]\s*/u, '') === l.replace(/^[IVXLC]+\s*[.:-]\s*/u, '').toUpperCase(),
  ).length;
  // Documents use Điều, or else capital-letter sections "I. MỤC ĐÍCH" with numbered points inside.
  const bySection = articleLines < 2 && sectionLines >= 2;
  const formal = articleLines >= 2 || bySection;
  const layout: Layout = { preamble: [], articles: [], signature: [], formal };
  if (!formal) {
    layout.preamble = lines.map((_, i) => i + 1);
    return layout;
  }
  let article: Article | undefined;
  let stack: Unit[] = [];
  let inSignature = false;
  for (const [i, text] of lines.entries()) {
    const line = i + 1;
    if (inSignature) {
      layout.signature.push(line);
      continue;
    }
    const a = bySection ? SECTION.exec(text) : ARTICLE.exec(text);
    const isHeading = a && (!bySection || (a[2] ?? '') === (a[2] ?? '').toUpperCase());
    if (a && isHeading) {
      const title = (a[2] ?? '').trim();
      article = { kind: 'article', num: a[1], line, text, body: title, title, role: roleOf(title), children: [] };
      layout.articles.push(article);
      stack = [article];
      continue;
    }
    if (!article) {
      layout.preamble.push(line);
      continue;
    }
    if (SIGNATURE.test(text)) {
      inSignature = true;
      layout.signature.push(line);
      continue;
    }
    if (CHAPTER.test(text)) continue;
    const unit = classify(text, line);
    if (unit.kind === 'para') {
      // An unmarked paragraph belongs to the unit that announced it ("…như sau:"), else to the article.
      const open = [...stack].reverse().find((u) => u.kind !== 'para');
      const parent = open && open !== article && /:\s*$/.test(open.text) ? open : article;
      unit.parent = parent;
      parent.children.push(unit);
      continue;
    }
    // Attach under the nearest open unit of a higher rank: article > clause (1. > 1.1.) > point > bullet.
    const rank = (u: Unit) =>
      ({ article: 0, clause: 1, point: 2, bullet: 3, para: 4 })[u.kind] + (u.kind === 'clause' ? (u.num ?? '').split('.').length / 10 : 0);
    while (stack.length > 1 && rank(stack.at(-1) as Unit) >= rank(unit)) stack.pop();
    const parent = stack.at(-1) as Unit;
    unit.parent = parent;
    parent.children.push(unit);
    stack.push(unit);
  }
  return layout;
}

function classify(text: string, line: number): Unit {
  let m: RegExpExecArray | null;
  if ((m = CLAUSE.exec(text))) return { kind: 'clause', num: m[1], line, text, body: m[2] ?? '', children: [] };
  if ((m = POINT.exec(text))) return { kind: 'point', num: m[1], line, text, body: m[2] ?? '', children: [] };
  if ((m = BULLET.exec(text))) return { kind: 'bullet', line, text, body: m[1] ?? '', children: [] };
  return { kind: 'para', line, text, body: text, children: [] };
}

/** The leaves of a unit: the points that carry text of their own. */
export function leaves(u: Unit): Unit[] {
  if (u.children.length === 0) return u.kind === 'article' ? [] : [u];
  return u.children.flatMap(leaves);
}

/** "điểm a khoản 1 Điều 2", the way the text itself would cite a unit. */
export function cite(u: Unit, bySection = false): string {
  const parts: string[] = [];
  for (let x: Unit | undefined = u; x; x = x.parent) {
    if (x.kind === 'point') parts.push(`điểm ${x.num}`);
    else if (x.kind === 'clause') parts.push(`khoản ${x.num}`);
    else if (x.kind === 'article') parts.push(bySection ? `mục ${x.num}` : `Điều ${x.num}`);
  }
  return parts.join(' ');
}

// "điểm a, điểm b khoản 3 Điều 2", "các khoản 1, 2 Điều 2", "khoản 2, khoản 3 mục II".
const REF =
  /(?:(?:các\s+)?điểm\s+((?:điểm\s+)?[a-zđ](?:\s*(?:,|và|;)\s*(?:điểm\s+)?[a-zđ])*)\s+)?(?:(?:các\s+)?khoản\s+((?:khoản\s+)?\d+(?:\.\d+)?(?:\s*(?:,|và|;)\s*(?:khoản\s+)?\d+(?:\.\d+)?)*)\s+)?(?:Điều\s+(\d+)|(?:mục|phần|Mục|Phần)\s+([IVXLC]+)\b)/gu;

/** Units a sentence points back to: "các nội dung tại khoản 1 Điều 2", "điểm a, điểm b khoản 3 Điều 2", "mục II". */
export function references(text: string, layout: Layout): Unit[] {
  const out: Unit[] = [];
  for (const m of text.matchAll(REF)) {
    const articleNum = m[3] ?? m[4];
    const article = layout.articles.find((a) => a.num === articleNum);
    if (!article) continue;
    const nums = (s: string | undefined) =>
      // \b is ASCII-only: "đ" (the fifth point letter) needs letter lookarounds.
      s ? [...s.matchAll(/\d+(?:\.\d+)?|(?<!\p{L})[a-zđ](?!\p{L})/gu)].map((x) => x[0]) : [];
    const clauses = nums(m[2]);
    const points = nums(m[1]);
    let targets: Unit[] = clauses.length ? clauses.flatMap((n) => findClause(article, n)) : [article];
    if (points.length) targets = targets.flatMap((t) => t.children.filter((c) => c.kind === 'point' && points.includes(c.num ?? '')));
    out.push(...targets);
  }
  return out;
}

function findClause(u: Unit, num: string): Unit[] {
  const out: Unit[] = [];
  for (const c of u.children) {
    if (c.kind === 'clause' && c.num === num) out.push(c);
    else if (c.kind === 'clause') out.push(...findClause(c, num));
  }
  return out;
}
