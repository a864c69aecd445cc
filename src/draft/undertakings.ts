// The undertakings: in a formal text, every point (khoản, điểm, bullet) of the content articles,
// with the assignments and deadlines that the "Tổ chức thực hiện" article gives them by reference;
// in a report, every sentence or ";"-piece after the signing is announced ("Theo đó, …").
import type { Responsibility } from '../knowledge/schema.ts';
import { bodyMentions } from './bodies.ts';
import type { DocContext } from './context.ts';
import { type DueFound, findDue } from './due.ts';
import { bothSidesSubject, type Named, type StatedRole, statedRoles } from './roles.ts';
import { type Article, leaves, references, type Unit } from './structure.ts';
import { fold, sentences } from './vn.ts';

/** One undertaking before it is written: where it is, and what was read from it. */
export interface Undertaking {
  line: number;
  /** Offsets of its text in the line. */
  from: number;
  to: number;
  /** The sentence it belongs to starts here (a list item takes its verb and status from the lead-in). */
  leadIn?: { from: number; to: number };
  roles: (Responsibility & { review?: string })[];
  due?: { found: DueFound; line: number; quoteFrom: number; quoteTo: number };
  /** Set when the deadline came from an assignment in another article. */
  unit?: Unit;
}

/** Body mentions of a line, with the ids they were registered under. */
export function namedOn(ctx: DocContext, line: number): Named[] {
  const text = ctx.lines[line - 1] as string;
  return bodyMentions(text, ctx.bodyContext, (at) => ctx.provinceAt(line, at)).map((m) => ({
    start: m.start,
    end: m.end,
    ids: m.refs.map((r) => ctx.registry.body(r, m.surface, { line, quote: m.surface })),
  }));
}

const quoteOf = (text: string, from: number, to: number) =>
  text
    .slice(from, to)
    .trim()
    .replace(/[,;:]$/u, '')
    .trim();

export function stated(ctx: DocContext, line: number, r: StatedRole): Responsibility {
  const text = ctx.lines[line - 1] as string;
  return { role: r.role, party: r.party, basis: 'stated', source: { line, quote: quoteOf(text, r.from, r.to) } };
}

/** The province bodies ("tỉnh Hồ Lam"), for "hai tỉnh" as a subject. */
export function provinceBodies(ctx: DocContext): string[] {
  return ctx.provinces.map((p) => ctx.registry.bodyByKey(fold(`tinh ${p}`))?.id).filter((x): x is string => Boolean(x));
}

function rolesIn(ctx: DocContext, line: number, from: number, to: number, named: Named[], subjectIds: string[]): Responsibility[] {
  const text = ctx.lines[line - 1] as string;
  const found = statedRoles(text, from, to, named, false);
  const hasLead = found.some((r) => r.role === 'lead');
  const roles = hasLead ? statedRoles(text, from, to, named, true) : found;
  const out = roles.map((r) => stated(ctx, line, r));
  const both = bothSidesSubject(text, from, to);
  if (both && !out.some((r) => r.role === 'implement' || r.role === 'lead'))
    for (const id of subjectIds)
      out.push({ role: 'implement', party: id, basis: 'stated', source: { line, quote: quoteOf(text, both.from, both.to) } });
  return out;
}

function dueIn(ctx: DocContext, line: number, from: number, to: number, signed: string | undefined): Undertaking['due'] {
  const text = ctx.lines[line - 1] as string;
  const found = findDue(text.slice(from, to), signed);
  if (!found) return undefined;
  const at = from + found.at;
  // Quote the deadline with the words before it in its clause, so the citation reads on its own.
  const clauseStart = Math.max(from, text.lastIndexOf(',', at) + 1, text.lastIndexOf(';', at) + 1);
  return { found, line, quoteFrom: clauseStart, quoteTo: at + found.text.length };
}

export interface UndertakingsFound {
  items: Undertaking[];
  /** Roles that apply to the whole agreement. */
  general: Responsibility[];
}

export function findUndertakings(ctx: DocContext, signed: string | undefined): UndertakingsFound {
  return ctx.layout.formal ? formal(ctx, signed) : report(ctx, signed);
}

function formal(ctx: DocContext, signed: string | undefined): UndertakingsFound {
  const items: Undertaking[] = [];
  const byUnit = new Map<Unit, Undertaking>();
  const subjects = provinceBodies(ctx);
  const content = ctx.layout.articles.filter((a) => a.role === 'content');
  for (const article of content) {
    // "Điều 2. Trách nhiệm của Ủy ban nhân dân tỉnh Kim Sa": the heading names who carries out its points.
    const owner = /^(?:Trách nhiệm|Nhiệm vụ|Cam kết)(?: và quyền hạn)? của\s/iu.test(article.title)
      ? namedOn(ctx, article.line)[0]
      : undefined;
    for (const leaf of leaves(article)) {
      if (/:\s*$/u.test(leaf.text)) continue;
      const text = ctx.lines[leaf.line - 1] as string;
      const from = text.indexOf(leaf.body);
      const u: Undertaking = { line: leaf.line, from, to: text.length, roles: [], unit: leaf };
      u.roles = rolesIn(ctx, leaf.line, from, text.length, namedOn(ctx, leaf.line), subjects);
      if (owner && !u.roles.some((r) => r.role === 'implement' || r.role === 'lead'))
        for (const party of owner.ids)
          u.roles.push({ role: 'implement', party, basis: 'stated', source: { line: article.line, quote: article.text.trim() } });
      u.due = dueIn(ctx, leaf.line, from, text.length, signed);
      items.push(u);
      byUnit.set(leaf, u);
    }
  }
  const general: Responsibility[] = [];
  for (const article of ctx.layout.articles.filter((a: Article) => a.role === 'implementation')) {
    for (const leaf of leaves(article)) {
      const line = leaf.line;
      const text = ctx.lines[line - 1] as string;
      const targets = references(text, ctx.layout).flatMap((t) => (t.children.length ? leaves(t) : [t]));
      const named = namedOn(ctx, line);
      const from = text.indexOf(leaf.body);
      // One assignment may run over several ";" pieces: "Giao A chủ trì …; B phối hợp."
      const found = statedRoles(text, from, text.length, named, false);
      const hasLead = found.some((r) => r.role === 'lead');
      const roles = (hasLead ? statedRoles(text, from, text.length, named, true) : found).map((r) => stated(ctx, line, r));
      const due = dueIn(ctx, line, from, text.length, signed);
      const points = targets.map((t) => byUnit.get(t)).filter((x): x is Undertaking => Boolean(x));
      if (points.length > 0) {
        for (const p of points) {
          p.roles.push(...roles);
          if (due && !p.due) p.due = due;
        }
        continue;
      }
      // No reference: the assignment is for the whole agreement; a deadline makes it an undertaking too.
      general.push(...roles);
      if (due) {
        const u: Undertaking = { line, from, to: text.length, roles: [...roles], due, unit: leaf };
        items.push(u);
      }
    }
  }
  return { items, general };
}

/** The line that announces the signing, in a report ("đã thống nhất ký kết Biên bản ghi nhớ …"). */
export function signingLine(ctx: DocContext): number | undefined {
  let found: number | undefined;
  for (let line = 1; line <= ctx.contentEnd; line++) {
    if (/(?:đã|thống nhất)\s+(?:thống nhất\s+)?ký kết|(?:đã|chính thức)\s+ký/iu.test(ctx.lines[line - 1] as string)) found = line;
  }
  return found;
}

function report(ctx: DocContext, signed: string | undefined): UndertakingsFound {
  const items: Undertaking[] = [];
  const general: Responsibility[] = [];
  const start = (signingLine(ctx) ?? 0) + 1;
  const subjects = provinceBodies(ctx);
  for (let line = 1; line <= ctx.contentEnd; line++) {
    const text = ctx.lines[line - 1] as string;
    const named = namedOn(ctx, line);
    // Before the signing: only assignments for the agreement as a whole ("các nội dung ký kết").
    if (line < start) {
      for (const s of sentences(text)) {
        if (!/(?:Biên bản ghi nhớ|nội dung (?:đã )?ký kết|Chương trình hợp tác)/u.test(s.text) || /^Tại hội nghị/u.test(s.text)) continue;
        general.push(...statedRoles(text, s.at, s.at + s.text.length, named, false).map((r) => stated(ctx, line, r)));
      }
      continue;
    }
    if (line === ctx.contentEnd && !/[.;]/u.test(text)) continue;
    for (const s of sentences(text)) {
      const pieces = splitPieces(text, s.at, s.at + s.text.length);
      const sentenceRoles = rolesIn(ctx, line, s.at, s.at + s.text.length, named, subjects).filter(
        (r) => r.source && bothSidesSubject(text, s.at, s.at + s.text.length) !== undefined,
      );
      for (const [k, p] of pieces.entries()) {
        const u: Undertaking = { line, from: p.from, to: p.to, roles: [] };
        if (k > 0 && p.listItem) u.leadIn = { from: (pieces[0] as Piece).from, to: (pieces[0] as Piece).to };
        u.roles = rolesIn(ctx, line, p.from, p.to, named, subjects);
        if (!u.roles.some((r) => r.role === 'implement' || r.role === 'lead'))
          u.roles.push(...sentenceRoles.filter((r) => r.role === 'implement'));
        u.due = dueIn(ctx, line, p.from, p.to, signed);
        items.push(u);
      }
    }
  }
  return { items, general };
}

interface Piece {
  from: number;
  to: number;
  /** An item of a list announced with "như:". */
  listItem: boolean;
}

/** ";"-separated pieces of a sentence, outside parentheses; a piece of one or two words stays with the one before. */
function splitPieces(text: string, from: number, to: number): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let start = from;
  const list = /như:\s/u.test(text.slice(from, to));
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ';' && depth === 0) {
      out.push({ from: start, to: i, listItem: list && out.length > 0 });
      start = i + 1;
    }
  }
  out.push({ from: start, to, listItem: list && out.length > 0 });
  const trimmed = out
    .map((p) => {
      const raw = text.slice(p.from, p.to);
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim().replace(/[.;…/]+$/u, '');
      return { ...p, from: p.from + lead, to: p.from + lead + body.length };
    })
    .filter((p) => p.to > p.from);
  const merged: Piece[] = [];
  for (const p of trimmed) {
    const piece = text.slice(p.from, p.to);
    const w = piece.split(/\s+/).length;
    const last = merged.at(-1);
    // A short lower-case piece or one that opens with a preposition continues the one before ("…; phòng chống dịch bệnh").
    if (
      last &&
      (w <= 2 || (w <= 4 && /^\p{Ll}/u.test(piece) && !p.listItem) || /^(?:trong|về|với|của|cho|tại|trên|đối với)\s/u.test(piece))
    )
      last.to = p.to;
    else merged.push(p);
  }
  return merged;
}
