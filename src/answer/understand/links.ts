// What the question names in the knowledge: clause ids, people, titles, bodies, provinces and
// areas. Topics (works, places, subjects of clauses) are found later by search, on the words the
// question has left once its cues and the parties it names are set aside (see frame.ts).
import type { Analysis, Unit } from '../../search/analyzer.ts';
import { markedSyllables, type Syllable, syllableSpans } from '../../text/normalize.ts';
import type { AskContext, ClauseRef, EngineContext } from '../context.ts';
import {
  type BodyMatch,
  findAreas,
  findBodies,
  findPeople,
  findTitles,
  isQuantity,
  type PersonMatch,
  type TitleMatch,
  unitsCovered,
} from '../entities.ts';

export interface Links {
  ids: ClauseRef[];
  /** People named by at least two syllables of their name (or the whole of it). */
  people: PersonMatch[];
  /** People named by their given name alone ("ông Dương"). */
  givenOnly: PersonMatch[];
  /** Titles the question names, best fit first; `contained` when it names no title word they lack. */
  titles: TitleMatch[];
  /** Bodies named in full or by a part that fits one. */
  bodies: BodyMatch[];
  /** Provinces of some agreement that the question names (by name or abbreviation), as their ids. */
  provinces: string[];
  /** The question names a place that is not one of these provinces (a district, another province). */
  otherPlace: boolean;
  areas: string[];
  /** A body the question names by a head word and a name ("Sở Xây dựng") that the source never names. */
  unknownBody?: string;
}

/**
 * Head words of Vietnamese (and English) body names: a department, ministry, hospital, company…
 * Unmarked "so" is "Sở" only before a department's field, since it is also "số" (number).
 */
const BODY_HEADS = new Set([
  'sở',
  'bộ',
  'cục',
  'viện',
  'trường',
  'hospital',
  'university',
  'department',
  'ministry',
  'agency',
  'institute',
  'directorate',
]);
const BODY_HEADS_2 = new Set([
  'chi cục',
  'bệnh viện',
  'đại học',
  'công ty',
  'tổng công ty',
  'tập đoàn',
  'ngân hàng',
  'trung tâm',
  'ban quản lý',
]);
const FIELDS = new Set(
  `xay dung y te giao duc giao thong tai chinh ke hoach noi vu cong thuong tu phap nong nghiep tai nguyen van hoa lao dong khoa hoc thong tin ngoai vu du lich`.split(
    ' ',
  ),
);

/** "Sở Xây dựng Bắc Giang": a head word and the name words after it, when no body of the source has all of them. */
function unknownBodyIn(ctx: EngineContext, text: string, query: Analysis): string | undefined {
  const words = markedSyllables(text);
  // Where each word stands, to see the punctuation between them: only once a head is found.
  let spans: ReturnType<typeof syllableSpans> | undefined;
  const units = query.units;
  for (let i = 0; i < words.length; i++) {
    const one = (words[i] as Syllable).text.toLowerCase();
    const two = `${one} ${words[i + 1]?.text.toLowerCase() ?? ''}`;
    const headLength = BODY_HEADS_2.has(two) ? 2 : BODY_HEADS.has(one) || (one === 'so' && FIELDS.has(words[i + 1]?.folded ?? '')) ? 1 : 0;
    if (headLength === 0) continue;
    // A body's name is capitalised ("Sở Xây dựng"), or a department's field when typed in haste ("so xay dung").
    const first = words[i + headLength];
    if (!first || !(/^\p{Lu}/u.test(first.text) || FIELDS.has(first.folded))) continue;
    // Part of a word, not a head: "môi trường", "cán bộ", "cơ sở" are words the knowledge uses.
    const before = units[i - 1];
    if (before && ctx.index.knows(`${before.syllable}_${units[i]?.syllable}`)) continue;
    // The name: the words right after the head (no comma between: "Bộ, ngành" is a list), up to a
    // function word or a place.
    const name: number[] = [];
    for (let j = i + headLength; j < words.length && name.length < 5; j++) {
      const u = units[j];
      spans ??= syllableSpans(text);
      const gap = text.normalize('NFC').slice((spans[j - 1] as { end: number }).end, (spans[j] as { start: number }).start);
      if (!u || u.place || /[,;:.()]/.test(gap) || (u.stop && name.length > 0)) break;
      if (!u.stop) name.push(j);
    }
    if (name.length === 0) continue;
    // Known when some body's name has the head and every name word, by spelling or concept ("Bộ Giao
    // thông" is Bộ GTVT; "Sở Giao thông vận tải Bắc Giang" is not: its head is another).
    const head = words.slice(i, i + headLength).map((w) => w.folded);
    const known = bodyNamesWith(ctx, head[0] as string).some((body) => {
      if (!head.every((h) => body.some((x) => x.syllable === h))) return false;
      return name.every((j) => {
        const u = units[j] as (typeof units)[number];
        return body.some((x) => x.syllable === u.syllable || x.concepts.some((c) => u.concepts.includes(c)));
      });
    });
    if (!known)
      return words
        .slice(i, (name.at(-1) as number) + 1)
        .map((w) => w.text)
        .join(' ');
  }
  return undefined;
}

// Body names by their first word, once per knowledge version: a question's "Sở …" is compared
// with the names that could be it, not with every body of a thousand agreements.
const namesByHead = new WeakMap<EngineContext['knowledge'], Map<string, Unit[][]>>();

function bodyNamesWith(ctx: EngineContext, head: string): Unit[][] {
  let byHead = namesByHead.get(ctx.knowledge);
  if (!byHead) {
    byHead = new Map();
    for (const a of ctx.knowledge.agreements)
      for (const b of a.bodies)
        for (const n of [b.name, b.en, ...b.aliases]) {
          const units = ctx.analyzer.analyze(n).units;
          for (const s of new Set(units.map((u) => u.syllable))) {
            const list = byHead.get(s) ?? [];
            list.push(units);
            byHead.set(s, list);
          }
        }
    namesByHead.set(ctx.knowledge, byHead);
  }
  return byHead.get(head) ?? [];
}

/** Ids like "C18", "c 18" or "R2" that exist in some agreement. */
export function findClauseIds(ctx: EngineContext, question: string): ClauseRef[] {
  const out: ClauseRef[] = [];
  for (const m of question.matchAll(/(?<![\p{L}\p{N}])([CRF])\s?-?(\d{1,4})(?![\p{L}\p{N}])/giu)) {
    const id = `${(m[1] as string).toUpperCase()}${m[2] as string}`;
    for (const ref of ctx.clauses.get(id) ?? []) out.push({ ...ref });
  }
  return out;
}

/** Agreement provinces the analysed text names, and whether it names any other place. */
function provincesIn(ctx: EngineContext, query: Analysis): { ids: string[]; otherPlace: boolean } {
  const places = query.units.map((u, i) => (u.place ? i : -1)).filter((i) => i >= 0);
  // A province is named by place words ("Thái Nguyên", "TN"): none, no province.
  if (places.length === 0) return { ids: [], otherPlace: false };
  const ids = new Set<string>();
  const accounted = new Set<number>();
  for (const a of ctx.knowledge.agreements) {
    for (const p of a.meta.provinces) {
      if (ids.has(p.id)) continue;
      const name = ctx.analyzer.analyze(p.name);
      const { covered, total } = unitsCovered(query, name);
      if (total === 0 || covered < total) continue;
      ids.add(p.id);
      // The question's place units this province's name accounts for, by spelling or by concept ("TN").
      for (const i of places) {
        const u = query.units[i];
        if (u && name.units.some((n) => n.syllable === u.syllable || n.concepts.some((c) => u.concepts.includes(c)))) accounted.add(i);
      }
    }
    // A thousand agreements share a few dozen provinces: stop once every place is accounted for.
    if (accounted.size === places.length && ids.size > 0) break;
  }
  return { ids: [...ids], otherPlace: places.some((i) => !accounted.has(i)) };
}

/**
 * `query` is the analysed question; `content` the analysis of its words less the question words
 * ("còn đang chờ" typed without diacritics holds "dang", which is also "Đảng"): bodies and areas
 * are read from the content only.
 */
export function link(ctx: AskContext, text: string, query: Analysis, content: Analysis): Links {
  const named = findPeople(ctx.people, text);
  const provinces = provincesIn(ctx, query);
  const unknown = unknownBodyIn(ctx, text, query);
  return {
    ids: findClauseIds(ctx, text),
    people: named.filter((m) => m.strength !== 'given'),
    // A given name alone counts only where it is not a common word or part of a place ("hai tỉnh", "Thái Nguyên").
    // …or half of a word the knowledge uses ("hoàn thành" is no Thành).
    givenOnly: named.filter(
      (m) =>
        m.strength === 'given' &&
        m.positions.every((i) => {
          const u = query.units[i];
          const before = query.units[i - 1];
          const after = query.units[i + 1];
          const inWord =
            (before && ctx.index.knows(`${before.syllable}_${u?.syllable}`)) ||
            (after && ctx.index.knows(`${u?.syllable}_${after.syllable}`));
          // "hai chủ tịch UBND": a count before a title, not Hải.
          const count = isQuantity(query, i) && ctx.matching.isTitleWord(query, i + 1);
          return u !== undefined && !u.stop && !u.place && !u.generic && u.concepts.length === 0 && !inWord && !count;
        }),
    ),
    titles: findTitles(ctx.matching, query, { all: /(^| )(cac|nhung|all) /.test(` ${text.toLowerCase()} `) }),
    bodies: findBodies(ctx.matching, content),
    provinces: provinces.ids,
    otherPlace: provinces.otherPlace,
    areas: findAreas(ctx.matching, content),
    ...(unknown ? { unknownBody: unknown } : {}),
  };
}
