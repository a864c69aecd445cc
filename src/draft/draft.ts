// Source lines → the five knowledge files of a draft agreement folder. Every quote is cut from the
// line it cites, so it is verbatim by construction; every doubt is written on its entry as
// `review: <why>` and collected for the summary.
import type { AgreementFile, Bilingual, Body, Commitment, Fact, Glossary, Person, Responsibility, Result } from '../knowledge/schema.ts';
import { areaOf, statusOf } from './classify.ts';
import { type DocContext, makeContext } from './context.ts';
import { DraftInputError } from './extract/extract.ts';
import { findEffective, findPeriod, findSigned, findTitle } from './meta.ts';
import { findPeople } from './people.ts';
import { bodyMentions } from './bodies.ts';
import { findUndertakings, namedOn, provinceBodies, signingLine, type Undertaking } from './undertakings.ts';
import { capitalise, clip, fold, isCapsLine, personNames, sentences, slug } from './vn.ts';

export interface Doubt {
  file: string;
  entry: string;
  why: string;
}

export interface DraftFiles {
  agreement: AgreementFile & { review?: string };
  people: { people: Person[] };
  bodies: { bodies: Body[] };
  commitments: { commitments: Commitment[] };
  results: { results: Result[]; facts: Fact[] };
}

export interface Draft {
  id: string;
  lines: string[];
  files: DraftFiles;
  doubts: Doubt[];
}

const QUOTE_WORDS = 18;

/** A verbatim prefix of `text[from, to)` of at most `words` words, without trailing punctuation. */
function quoteAt(line: string, from: number, to: number, words = QUOTE_WORDS): string {
  const piece = line.slice(from, to).trim();
  const q = clip(piece, words);
  return q.length >= 3 ? q : piece;
}

function registerAll(ctx: DocContext): void {
  // The provinces themselves: "hai tỉnh" as a subject means them.
  for (const p of ctx.provinces) {
    for (const [i, text] of ctx.lines.entries()) {
      const at = text.toLowerCase().indexOf(`tỉnh ${p}`.toLowerCase());
      if (at < 0) continue;
      const written = text.slice(at, at + `tỉnh ${p}`.length);
      ctx.registry.body({ key: fold(`tinh ${p}`), name: `tỉnh ${p}`, kind: 'state', provinces: [p], stem: 'tỉnh' }, written, {
        line: i + 1,
        quote: written,
      });
      break;
    }
  }
  for (let line = 1; line <= ctx.contentEnd; line++) {
    const text = ctx.lines[line - 1] as string;
    if (/^Nơi nhận/u.test(text)) break;
    if (isCapsLine(text)) {
      // Headers and signatures are in capitals: read them in sentence case, cite the line as written.
      const plain = ctx.recase(text.replace(/^(?:TM\.|T\/M|KT\.|ĐẠI DIỆN|THAY MẶT)\s*/u, ''));
      for (const m of bodyMentions(plain, ctx.bodyContext, () => ctx.provinceIn(plain)))
        for (const r of m.refs) ctx.registry.body(r, m.surface, { line, quote: text });
      continue;
    }
    namedOn(ctx, line);
  }
}

/** The bodies that sign: the signature block's "TM." lines, or the subjects of the signing sentence. */
function findParties(ctx: DocContext, signers: { body?: string }[], signing: number | undefined): { ids: string[]; review?: string } {
  const fromSignatures = [...new Set(signers.map((s) => s.body).filter((x): x is string => Boolean(x)))];
  if (fromSignatures.length >= 2) return { ids: fromSignatures };
  const bena = ctx.lines
    .map((text, i) => ({ text, line: i + 1 }))
    .filter((l) => /^Bên [A-ZĐ]\s*(?:\([^)]*\))?\s*:/u.test(l.text))
    .flatMap((l) =>
      namedOn(ctx, l.line)
        .slice(0, 1)
        .flatMap((n) => n.ids),
    );
  if (bena.length >= 2) return { ids: [...new Set(bena)] };
  if (signing) {
    const text = ctx.lines[signing - 1] as string;
    const cut = text.search(/(?:đã\s+)?(?:thống nhất\s+)?ký kết/u);
    const ids = namedOn(ctx, signing)
      .filter((n) => n.end <= cut)
      .flatMap((n) => n.ids);
    if (ids.length >= 2) return { ids: [...new Set(ids)] };
  }
  const provinces = provinceBodies(ctx);
  if (provinces.length >= 2) return { ids: provinces, review: 'the signing parties were not found; the provinces are listed instead' };
  const any = [...ctx.registry.bodies.values()].slice(0, 2).map((b) => b.id);
  if (any.length < 2) throw new DraftInputError('no signing parties found: an agreement names at least two bodies');
  return { ids: any, review: 'the signing parties were not found; the first bodies named are listed instead' };
}

function inferredNote(partyNames: string): Bilingual {
  return {
    vi: `Điều khoản không nêu chủ thể thực hiện; văn bản do ${partyNames} ký kết nên ràng buộc các bên.`,
    en: `The clause names no one to carry it out; the text signed by ${partyNames} binds the parties.`,
  };
}

function dedupeRoles(roles: Responsibility[]): Responsibility[] {
  const seen = new Set<string>();
  return roles.filter((r) => {
    const k = `${r.role} ${r.party}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const ACTING: ReadonlySet<Responsibility['role']> = new Set(['lead', 'implement', 'direct', 'invest', 'advise', 'coordinate']);

function commitmentOf(
  ctx: DocContext,
  u: Undertaking,
  n: number,
  inferredParties: string[],
  partyNames: string,
  doubts: Doubt[],
): Commitment {
  const line = ctx.lines[u.line - 1] as string;
  const text = line.slice(u.from, u.to).trim();
  const id = `C${n}`;
  const reviews: string[] = [];
  const leadIn = u.leadIn ? line.slice(u.leadIn.from, u.leadIn.to) : '';
  const area = areaOf(`${text} ${leadIn}`, ctx.glossary) ?? areaOf(u.unit?.parent?.text ?? '', ctx.glossary);
  const fallbackArea = ctx.glossary.areas.find((a) => a.id === 'general')?.id ?? (ctx.glossary.areas[0]?.id as string);
  if (!area) reviews.push(`no area word of the glossary occurs; set to "${fallbackArea}"`);
  let status = statusOf(text);
  let statusLine = { from: u.from, text: line };
  if (status.status === 'pending' && u.leadIn) {
    const s = statusOf(leadIn);
    if (s.cue) {
      status = s;
      statusLine = { from: u.leadIn.from, text: line };
    }
  }
  const roles = dedupeRoles(u.roles);
  if (!roles.some((r) => ACTING.has(r.role)))
    for (const party of inferredParties) roles.push({ role: 'implement', party, basis: 'inferred', note: inferredNote(partyNames) });
  if (text.split(/\s+/).length > 70) reviews.push('a long point: it may hold several undertakings');
  const title = headline(text);
  const c: Commitment = {
    id,
    area: area ?? fallbackArea,
    title: { vi: title },
    text,
    status: status.status,
    ...(status.cue
      ? {
          status_source: {
            line: u.line,
            quote: statusLine.text.slice(statusLine.from + status.cue.at, statusLine.from + status.cue.at + status.cue.text.length),
          },
        }
      : {}),
    ...(u.due
      ? {
          due: {
            text: u.due.found.text,
            ...(u.due.found.by ? { by: u.due.found.by } : {}),
            ...(u.due.found.recurring ? { recurring: u.due.found.recurring } : {}),
            source: { line: u.due.line, quote: (ctx.lines[u.due.line - 1] as string).slice(u.due.quoteFrom, u.due.quoteTo).trim() },
          },
        }
      : {}),
    responsible: roles,
    keywords: [],
    // A point that ends in "…" is an open list: the source does not list everything.
    incomplete_list: /(…|\.\.\.)\s*$/.test(text),
    source: { line: u.line, quote: quoteAt(line, u.from, u.to) },
  };
  if (status.cue && c.status_source && !line.includes(c.status_source.quote)) delete c.status_source;
  if (reviews.length) {
    c.review = reviews.join('; ');
    doubts.push({ file: 'commitments.yaml', entry: id, why: c.review });
  }
  return c;
}

/** A headline: the words up to the first "(", "," or ";" when that says enough, else the first 14 words. */
function headline(text: string): string {
  const plain = text.replace(/^["“]/u, '');
  const head = plain.split(/\s*[(,;:]\s*/u)[0] ?? plain;
  const n = head.split(/\s+/).length;
  return capitalise(n >= 5 && n <= 16 ? clip(head, 16) : clip(plain, 14));
}

/** Before the signing, a report tells what was done ("đã") and what was said: results and facts. */
function resultsAndFacts(ctx: DocContext, until: number): { results: Result[]; facts: Fact[] } {
  const results: Result[] = [];
  const facts: Fact[] = [];
  const peopleByName = new Map([...ctx.registry.people.values()].map((p) => [fold(p.name), p.id]));
  for (let line = 1; line < until; line++) {
    const text = ctx.lines[line - 1] as string;
    if (ctx.layout.formal) break;
    for (const s of sentences(text)) {
      const names = personNames(s.text, ctx.places);
      if (names.length >= 2 && !/phát biểu|nhấn mạnh|cho biết/iu.test(s.text)) continue;
      const status = statusOf(s.text);
      const source = { line, quote: quoteAt(text, s.at, s.at + s.text.length) };
      const parties = [
        ...new Set(
          namedOn(ctx, line)
            .filter((n) => n.start >= s.at && n.end <= s.at + s.text.length)
            .flatMap((n) => n.ids),
        ),
      ];
      const title = { vi: capitalise(clip(s.text, 14)) };
      if ((status.status === 'done' || status.status === 'in_progress') && status.cue && !/phát biểu|nhấn mạnh/iu.test(s.text)) {
        results.push({
          id: `R${results.length + 1}`,
          area: areaOf(s.text, ctx.glossary) ?? 'general',
          title,
          text: s.text,
          status: status.status,
          status_source: { line, quote: text.slice(s.at + status.cue.at, s.at + status.cue.at + status.cue.text.length) },
          parties,
          keywords: [],
          incomplete_list: /(…|\.\.\.)\s*$/.test(s.text),
          source,
        });
        continue;
      }
      const speaker = names.map((n) => peopleByName.get(fold(n.name))).find(Boolean);
      const kind: Fact['kind'] =
        speaker && /phát biểu|nhấn mạnh|cho biết|đề nghị|hy vọng|khẳng định/iu.test(s.text)
          ? 'statement'
          : /^Tuy nhiên|còn (?:chưa|thiếu|hạn chế)/iu.test(s.text)
            ? 'assessment'
            : /\d+(?:[.,]\d+)?\s*(?:%|nghìn|triệu|tỷ|doanh nghiệp|lao động|km)/u.test(s.text)
              ? 'figure'
              : 'background';
      facts.push({ id: `F${facts.length + 1}`, kind, ...(speaker ? { speaker } : {}), title, text: s.text, parties, keywords: [], source });
    }
  }
  if (ctx.layout.formal) {
    // The purpose and principles of a formal text are background, not undertakings.
    for (const a of ctx.layout.articles.filter((x) => x.role === 'other')) {
      for (const u of a.children) {
        const text = ctx.lines[u.line - 1] as string;
        facts.push({
          id: `F${facts.length + 1}`,
          kind: 'background',
          title: { vi: capitalise(a.title) },
          text: text.trim(),
          parties: [],
          keywords: [],
          source: { line: u.line, quote: quoteAt(text, 0, text.length) },
        });
      }
    }
  }
  return { results, facts };
}

export interface DraftOptions {
  id?: string;
  /** Used for the agreement id when none is given, and in source_document. */
  fileName: string;
  glossary: Glossary;
}

export function draftFromLines(lines: string[], options: DraftOptions): Draft {
  const ctx = makeContext(lines, options.glossary);
  const doubts: Doubt[] = [];
  registerAll(ctx);
  const people = findPeople(ctx);
  const signing = signingLine(ctx);
  const years = [...lines.join(' ').matchAll(/(?<!\d)(19\d\d|20\d\d)(?!\d)/gu)].map((m) => Number(m[1]));
  const title = findTitle(ctx, signing);
  const agreementReviews: string[] = [];

  const signedFound = findSigned(ctx, years);
  const signed = signedFound ?? {
    date: `${years[0] ?? new Date().getUTCFullYear()}-01-01`,
    place: { vi: ctx.provinces[0] ?? 'không rõ' },
    source: { line: title.line, quote: quoteAt(lines[title.line - 1] as string, 0, (lines[title.line - 1] as string).length, 8) },
  };
  if (!signedFound) agreementReviews.push('no signing date and place found: `signed` is a placeholder (1 January of the first year named)');
  if (signedFound?.review) agreementReviews.push(signedFound.review);
  const signedYear = Number(signed.date.slice(0, 4));
  const periodFound = findPeriod(ctx, signedYear);
  const period = periodFound ?? { from: signedYear, to: signedYear, text: String(signedYear), source: signed.source };
  if (!periodFound) agreementReviews.push('no period found: `period` is the signing year');
  const effective = findEffective(ctx, signed.date);

  const parties = findParties(ctx, people.signers, signing);
  if (parties.review) agreementReviews.push(parties.review);
  const bodies = [...ctx.registry.bodies.values()];
  const nameOf = (id: string) => bodies.find((b) => b.id === id)?.name ?? id;
  const partyNames = parties.ids.map(nameOf).join(' và ');

  const found = findUndertakings(ctx, signed.date);
  // Who is bound when a clause names no one: the parties of a formal text; the provinces of a report.
  const inferredParties = ctx.layout.formal ? parties.ids : provinceBodies(ctx).length ? provinceBodies(ctx) : parties.ids;
  const commitments = found.items.map((u, i) => commitmentOf(ctx, u, i + 1, inferredParties, partyNames, doubts));
  if (commitments.length === 0)
    throw new DraftInputError('no undertaking found: the text has no points in content articles and no agreed items');

  let coChairs = people.coChairs?.ids ?? people.signers.map((s) => s.person);
  let coChairsSource = people.coChairs
    ? { line: people.coChairs.line, quote: people.coChairs.quote }
    : people.signers[0]
      ? { line: people.signers[0].line, quote: lines[people.signers[0].line - 1] as string }
      : undefined;
  const allPeople = [...ctx.registry.people.values()];
  if (coChairs.length === 0) {
    const first = allPeople[0];
    if (!first) throw new DraftInputError('no person named: an agreement names at least who signs it');
    coChairs = [first.id];
    coChairsSource = first.source;
    agreementReviews.push('no co-chairs or signers found: `co_chairs` is the first person named');
  }
  const provinces = (ctx.provinces.length ? ctx.provinces : ctx.allProvinces).map((p) => ({ id: ctx.registry.provinceId(p), name: p }));
  if (provinces.length === 0) throw new DraftInputError('no province named: the drafter expects an agreement between provinces');
  const id = options.id ?? slug(options.fileName.replace(/\.[^.]+$/u, ''));
  // A formal document's own articles assign its implementation: terms of the agreement, not speech requests.
  const general = dedupeRoles(found.general).map((r) => ({ ...r, scope: 'implementation' as const }));
  const short = `${title.kind.vi.replace(/ hợp tác$/u, '')} ${provinces.map((p) => p.name).join(' – ')} ${period.from}-${period.to}`;
  const agreement: DraftFiles['agreement'] = {
    id,
    title: { vi: title.title, en: `${title.kind.en}: ${provinces.map((p) => p.name).join(' – ')}, ${period.from}–${period.to}` },
    short_title: {
      vi: short,
      en: `${(title.kind.en ?? title.kind.vi).replace(/ \(MoU\)$/u, '')} ${provinces.map((p) => p.name).join(' – ')} ${period.from}–${period.to}`,
    },
    kind: title.kind,
    parties: parties.ids,
    provinces,
    signed: {
      date: signed.date,
      ...('time' in signed && signed.time ? { time_of_day: signed.time } : {}),
      place: signed.place,
      source: signed.source,
    },
    period: { from: period.from, to: period.to, text: { vi: period.text }, source: period.source },
    ...(effective ? { effective } : {}),
    co_chairs: coChairs,
    co_chairs_source: coChairsSource as { line: number; quote: string },
    source_document: {
      file: 'source.txt',
      title: { vi: `${title.kind.vi} (văn bản gốc: ${options.fileName})`, en: `${title.kind.en} (source file: ${options.fileName})` },
      ...(people.author ? { author: people.author } : {}),
      content_lines: ctx.contentEnd,
    },
    general_responsibility: general,
    aliases: [],
  };
  if (agreementReviews.length) {
    agreement.review = agreementReviews.join('; ');
    doubts.push({ file: 'agreement.yaml', entry: id, why: agreement.review });
  }
  const { results, facts } = resultsAndFacts(ctx, signing ?? 0);
  for (const b of bodies) if (b.review) doubts.push({ file: 'bodies.yaml', entry: b.id, why: b.review });
  for (const p of allPeople) if (p.review) doubts.push({ file: 'people.yaml', entry: p.id, why: p.review });
  return {
    id,
    lines,
    files: {
      agreement,
      people: { people: allPeople },
      bodies: { bodies },
      commitments: { commitments },
      results: { results, facts },
    },
    doubts,
  };
}
