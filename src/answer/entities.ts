// What a text names in the knowledge: people, titles, bodies and areas, and how much of one phrase
// another covers. Names are matched syllable by syllable, not through the full-text index, because
// "Nguyễn Văn A" must never become "Nguyễn Thanh Hải" just because they share a surname: a name matches only on its given name plus at least one
// more syllable, or on the given name alone when nothing else in the question looks like a name.
import type { Analysis, Unit } from '../search/analyzer.ts';
import type { Bilingual, Body } from '../knowledge/schema.ts';
import type { Agreement } from '../knowledge/types.ts';
import { NAME_SYLLABLES } from '../text/names.ts';
import { markedSyllables, sameMarked, type Syllable } from '../text/normalize.ts';
import { placeless, type Group, type Grouping, type PeopleIndex, type Prepared, type WordTest } from './entity-index.ts';

export interface PersonMatch {
  agreement: Agreement;
  personId: string;
  /** 'full': every syllable; 'strong': given name plus another; 'given': given name alone. */
  strength: 'full' | 'strong' | 'given';
  /** Query syllable positions the name used. */
  positions: number[];
}

/**
 * Whether a question syllable spells a name syllable. Typed with diacritics, it must be spelt the
 * same ("đường" is not "Dương"). Typos were corrected before (src/search/typos.ts).
 */
function nameSyllableMatches(q: Syllable, n: Syllable): boolean {
  return q.folded === n.folded && (q.marked === undefined || n.marked === undefined || sameMarked(q.marked, n.marked));
}

/**
 * People named in the question, strongest matches first. A full name with one syllable's marks
 * mistyped ("Trịnh Việt Hưng" for Hùng) is still that person: every other syllable agrees.
 */
export function findPeople(index: PeopleIndex, query: string): PersonMatch[] {
  const strict = findPeopleBy(index, query, nameSyllableMatches);
  if (strict.some((m) => m.strength !== 'given')) return strict;
  const loose = findPeopleBy(index, query, (q, n) => q.folded === n.folded).filter((m) => m.strength === 'full' && m.positions.length >= 3);
  return loose.length > 0 ? loose : strict;
}

function findPeopleBy(index: PeopleIndex, query: string, matches: (q: Syllable, n: Syllable) => boolean): PersonMatch[] {
  const q = markedSyllables(query);
  // Only people whose given name some question syllable spells need the full walk below.
  const candidates = new Set<number>();
  for (const s of q) for (const i of index.byGiven.get(s.folded) ?? []) candidates.add(i);
  const out: { at: number; match: PersonMatch }[] = [];
  for (const i of candidates) {
    const { name, bearers } = index.people[i] as (typeof index.people)[number];
    const given = name[name.length - 1] as Syllable;
    let best: Pick<PersonMatch, 'strength' | 'positions'> | undefined;
    for (let end = 0; end < q.length; end++) {
      if (!matches(q[end] as Syllable, given)) continue;
      // Walk backwards while the question's syllables continue the name.
      let k = name.length - 1;
      let start = end;
      while (start > 0 && k > 0 && matches(q[start - 1] as Syllable, name[k - 1] as Syllable)) {
        start--;
        k--;
      }
      const used = end - start + 1;
      const before = q[start - 1]?.folded;
      // A name syllable right before ("Trần Văn Thái") or a middle name right after ("Dương Văn Hùng")
      // means the question names someone else, who shares one syllable with this person.
      const after = q[end + 1]?.folded;
      const otherName =
        (before !== undefined && NAME_SYLLABLES.has(before)) || (used < name.length && (after === 'van' || after === 'thi'));
      let strength: PersonMatch['strength'] | undefined;
      if (used === name.length) strength = 'full';
      else if (!otherName) strength = used >= 2 ? 'strong' : 'given';
      if (!strength) continue;
      const candidate = { strength, positions: Array.from({ length: used }, (_, j) => start + j) };
      if (!best || rank(candidate) > rank(best)) best = candidate;
    }
    if (best) for (const b of bearers) out.push({ at: b.order, match: { agreement: b.agreement, personId: b.personId, ...best } });
  }
  // In knowledge order within a rank, so that equal ranks keep the order they always had.
  return out.sort((x, y) => rank(y.match) - rank(x.match) || x.at - y.at).map((x) => x.match);
}

function rank(m: Pick<PersonMatch, 'strength' | 'positions'>): number {
  return (m.strength === 'full' ? 100 : m.strength === 'strong' ? 50 : 0) + m.positions.length;
}

/**
 * What coverage needs to know about an analysis, computed once per analysis: analyses come from
 * the analyser's memo (titles, names, area words), so the same object is met on every question.
 */
interface Info {
  /** Glossary concepts of every unit, stop words included. */
  concepts: Set<string>;
  /** Non-stop units by syllable: the marked forms they were typed in (undefined: without diacritics). */
  spellings: Map<string, (string | undefined)[]>;
  /** Content units: neither stop words nor generic words ("tỉnh"). */
  content: Unit[];
  /** Distinct content syllables: "Ủy viên … Tỉnh ủy" names "ủy" twice; a word counts once. */
  distinct: number;
}

const infos = new WeakMap<Analysis, Info>();

function info(a: Analysis): Info {
  let i = infos.get(a);
  if (i) return i;
  const spellings = new Map<string, (string | undefined)[]>();
  for (const u of a.units) if (!u.stop) spellings.set(u.syllable, [...(spellings.get(u.syllable) ?? []), u.marked]);
  const content = a.units.filter((u) => !u.stop && !u.generic);
  i = { concepts: new Set(a.units.flatMap((u) => u.concepts)), spellings, content, distinct: new Set(content.map((u) => u.syllable)).size };
  infos.set(a, i);
  return i;
}

/** Whether the unit is in the other text: spelt alike (diacritics, where both have them, agree) or sharing a glossary concept. */
function coveredBy(u: Unit, other: Info): boolean {
  const forms = other.spellings.get(u.syllable);
  if (forms && (u.marked === undefined || forms.some((m) => m === undefined || sameMarked(u.marked as string, m)))) return true;
  for (const c of u.concepts) if (other.concepts.has(c)) return true;
  return false;
}

/**
 * Whether each run of title words in the question is within one of these titles: someone who holds
 * two offices is named by both together ("Phó Bí thư Tỉnh ủy kiêm Chủ tịch UBND tỉnh"), but
 * "Phó Chủ tịch UBND" is one office, not "Phó Bí thư" and "Chủ tịch UBND". A run that shares no
 * word with these titles names something else ("trong số đại biểu").
 */
export function titleWordsIn(prep: Prepared, query: Analysis, titles: readonly Analysis[]): boolean {
  const held = titles.map(info);
  const runs: Unit[][] = [[]];
  query.units.forEach((u, i) => {
    // Generic words and places are part of any title ("tỉnh Bắc Giang"); any other word ends a run.
    if (u.generic || u.place) return;
    if (!u.stop && prep.isTitleWord(query, i)) runs[runs.length - 1]?.push(u);
    else if ((runs[runs.length - 1]?.length ?? 0) > 0) runs.push([]);
  });
  const inSome = (u: Unit) => held.some((t) => coveredBy(u, t));
  return runs.every((run) => !run.some(inSome) || held.some((t) => run.every((u) => coveredBy(u, t))));
}

/** How many of the phrase's content units the question covers, by syllable or by shared glossary concept. */
export function unitsCovered(query: Analysis, phrase: Analysis): { covered: number; total: number } {
  const q = info(query);
  const p = info(phrase);
  let covered = 0;
  for (const u of p.content) if (coveredBy(u, q)) covered++;
  return { covered, total: p.content.length };
}

/**
 * Whether a word shares anything with any of the phrases, either way round: it is covered by one
 * (as `unitsCovered(phrase, word)` sees it) or covers one of its content words (as
 * `unitsCovered(word, phrase)` does). The same answer as asking phrase by phrase, in one look-up,
 * for when the phrases are the names of a body found in a thousand agreements.
 */
export function sharedWithAny(phrases: readonly Analysis[]): (u: Unit) => boolean {
  const all: Info = { concepts: new Set(), spellings: new Map(), content: [], distinct: 0 };
  const content: Info = { concepts: new Set(), spellings: new Map(), content: [], distinct: 0 };
  for (const p of phrases) {
    const i = info(p);
    for (const c of i.concepts) all.concepts.add(c);
    // Appended in place (fresh arrays, never a phrase's own): copying the list each time made a
    // body named in a thousand agreements cost a million copies.
    for (const [syllable, forms] of i.spellings) {
      const list = all.spellings.get(syllable);
      if (list) list.push(...forms);
      else all.spellings.set(syllable, [...forms]);
    }
    for (const v of i.content) {
      for (const c of v.concepts) content.concepts.add(c);
      const list = content.spellings.get(v.syllable);
      if (list) list.push(v.marked);
      else content.spellings.set(v.syllable, [v.marked]);
    }
  }
  const conceptOfContent = (u: Unit) => u.concepts.some((c) => content.concepts.has(c));
  // A phrase covers the word only if it is a content word; the word covers a phrase's content word
  // by spelling only if it is not a stop word, by concept either way.
  return (u) => (!u.stop && !u.generic && coveredBy(u, all)) || (u.stop ? conceptOfContent(u) : coveredBy(u, content));
}

/**
 * How well a title or name fits the question. `hit`: its words the question has; `miss`: its words
 * the question lacks; `extra`: title-like words of the question it lacks ("Phó" asked, "Chủ tịch"
 * offered). Missing words cost little (people shorten titles), extra ones a lot (they name
 * someone else).
 */
interface Fit {
  hit: number;
  miss: number;
  extra: number;
  score: number;
}

const FIT_MIN_SHARE = 0.5;

/** `titleWords`: the question's title-like (or name-like) units, any of which the phrase may lack. */
function fitOf(query: Analysis, phrase: Analysis, titleWords: readonly Unit[]): Fit {
  const p = info(phrase);
  const hit = unitsCovered(query, phrase).covered;
  const miss = p.distinct - hit;
  let extra = 0;
  for (const u of titleWords) if (!coveredBy(u, p)) extra++;
  return { hit, miss, extra, score: hit - 2 * extra - 0.5 * miss };
}

function acceptable(f: Fit, total: number): boolean {
  return total > 0 && f.hit >= Math.min(2, total) && f.hit / total >= FIT_MIN_SHARE;
}

function bestFit(query: Analysis, analyses: readonly Analysis[], titleWords: readonly Unit[], ignorePlaces: boolean): Fit | undefined {
  let best: Fit | undefined;
  for (const a of analyses) {
    const phrase = ignorePlaces ? placeless(a) : a;
    const f = fitOf(query, phrase, titleWords);
    if (acceptable(f, info(phrase).distinct) && (!best || f.score > best.score)) best = f;
  }
  return best;
}

/**
 * Scores the question against every group that shares a word or concept with it (the others cannot
 * fit), and returns the groups that fit. Callers look at occurrences only where they must: a title
 * held in every agreement is one group with thousands of them.
 */
function fitting(query: Analysis, grouping: Grouping, isWord: WordTest, ignorePlaces: boolean): { group: Group; fit: Fit }[] {
  const q = info(query);
  const candidates = new Set<number>();
  for (const s of q.spellings.keys()) for (const g of grouping.index.get(`s${s}`) ?? []) candidates.add(g);
  for (const c of q.concepts) for (const g of grouping.index.get(`c${c}`) ?? []) candidates.add(g);
  const titleWords = query.units.filter((u, i) => !u.stop && !u.generic && isWord(query, i) && !(ignorePlaces && u.place));
  const out: { group: Group; fit: Fit }[] = [];
  for (const g of candidates) {
    const group = grouping.groups[g] as Group;
    const f = bestFit(query, group.analyses, titleWords, ignorePlaces);
    if (f) out.push({ group, fit: f });
  }
  return out;
}

export interface TitleMatch {
  agreement: Agreement;
  personId: string;
  title: Bilingual;
  score: number;
  /** The question names no title word this title lacks. */
  contained: boolean;
}

/**
 * People whose title the question names ("chủ tịch UBND tỉnh"), in the province the question
 * names, if it names one (`anyPlace` skips that check). With `all`, every title that contains the
 * question's title words ("các Phó Bí thư" → Phó Bí thư and Phó Bí thư Thường trực); otherwise the
 * best fit.
 */
export function findTitles(prep: Prepared, query: Analysis, options: { all?: boolean; anyPlace?: boolean } = {}): TitleMatch[] {
  const { all = false, anyPlace = false } = options;
  // Places the question names must be the person's province: "Chủ tịch UBND tỉnh Lạng Sơn" is nobody here.
  const places = anyPlace ? [] : query.units.filter((u) => u.place);
  const inProvince = (t: (typeof prep.titles)[number]) => {
    if (places.length === 0) return true;
    if (!t.province) return false;
    let ok = provinceOk.get(t.province);
    // Every place the question names must be part of the province's name ("TN" is Thái Nguyên).
    if (ok === undefined)
      provinceOk.set(t.province, (ok = unitsCovered(t.province, { units: places, terms: [] }).covered === places.length));
    return ok;
  };
  const provinceOk = new Map<Analysis, boolean>();
  // The occurrences that count: in the province asked about, if any.
  const rows: { at: number; fit: Fit }[] = [];
  let best = -Infinity;
  let anyContained = false;
  for (const { group, fit } of fitting(query, prep.titleGroups, prep.isTitleWord, true)) {
    for (const at of group.at) {
      if (!inProvince(prep.titles[at] as (typeof prep.titles)[number])) continue;
      rows.push({ at, fit });
      if (fit.score > best) best = fit.score;
      if (fit.extra === 0) anyContained = true;
    }
  }
  const byContainment = all && anyContained;
  // Best score first (only containment mixes scores), then knowledge order.
  const chosen = rows
    .filter((r) => (byContainment ? r.fit.extra === 0 : r.fit.score === best))
    .sort((x, y) => y.fit.score - x.fit.score || x.at - y.at);
  const seen = new Set<string>();
  const out: TitleMatch[] = [];
  for (const { at, fit: f } of chosen) {
    const t = prep.titles[at] as (typeof prep.titles)[number];
    // Ids are unique within an agreement only.
    const key = `${t.agreement.id}/${t.personId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ agreement: t.agreement, personId: t.personId, title: t.title, score: f.score, contained: f.extra === 0 });
  }
  return out;
}

export interface BodyMatch {
  agreement: Agreement;
  bodyId: string;
  body: Body;
  score: number;
  /** A whole name of the body is in the question (not just a part that fits it). */
  exact: boolean;
}

/** Bodies the question names, in full ("Bộ Giao thông vận tải") or in part ("UBND", "công an"); best fits only. */
export function findBodies(prep: Prepared, query: Analysis): BodyMatch[] {
  // "UBND", "Ban Thường vụ hai tỉnh": a question that names no province means the bodies of both.
  const namesPlace = query.units.some((u) => u.place);
  const fits = fitting(query, namesPlace ? prep.bodyGroups : prep.placelessBodyGroups, prep.isNameWord, !namesPlace);
  let best = -Infinity;
  for (const { fit } of fits) best = Math.max(best, fit.score);
  const rows: { at: number; fit: Fit }[] = [];
  for (const { group, fit } of fits) if (fit.score === best) for (const at of group.at) rows.push({ at, fit });
  // In knowledge order.
  return rows
    .sort((x, y) => x.at - y.at)
    .map(({ at, fit }) => {
      const b = prep.bodies[at] as (typeof prep.bodies)[number];
      return { agreement: b.agreement, bodyId: b.bodyId, body: b.body, score: fit.score, exact: fit.miss === 0 };
    });
}

/** Areas named in the subject ("môi trường", "transport", "GT"): every content word of one of the area's words. */
export function findAreas(prep: Prepared, query: Analysis): string[] {
  // Only the area words whose first content unit the question has can be covered whole: the glossary
  // has some five hundred area words, and a question names one or two.
  const byFirst = areaIndex(prep);
  const q = info(query);
  const candidates = new Set<number>();
  for (const s of q.spellings.keys()) for (const i of byFirst.get(`s${s}`) ?? []) candidates.add(i);
  for (const c of q.concepts) for (const i of byFirst.get(`c${c}`) ?? []) candidates.add(i);
  return prep.areas
    .filter(
      (area, i) =>
        candidates.has(i) &&
        area.analyses.some((w) => {
          const { covered, total } = unitsCovered(query, w);
          return total > 0 && covered === total;
        }),
    )
    .map((area) => area.id);
}

const areaIndexes = new WeakMap<Prepared, Map<string, number[]>>();

/** First content unit of each area word (its syllable, its concepts) → the areas that have it. */
function areaIndex(prep: Prepared): Map<string, number[]> {
  let index = areaIndexes.get(prep);
  if (index) return index;
  index = new Map();
  const add = (key: string, i: number) => {
    const list = index?.get(key) ?? [];
    if (!list.includes(i)) list.push(i);
    index?.set(key, list);
  };
  prep.areas.forEach((area, i) => {
    for (const w of area.analyses) {
      const first = info(w).content[0];
      if (!first) continue;
      add(`s${first.syllable}`, i);
      for (const c of first.concepts) add(`c${c}`, i);
    }
  });
  areaIndexes.set(prep, index);
  return index;
}

/**
 * Known words of the question that are neither title words nor places ("nước" in "chủ tịch nước").
 * Unknown words are left out: they are more often typos ("tỉh") than qualifiers.
 */
export function leftoverForTitles(prep: Prepared, query: Analysis, knows: (term: string) => boolean): Unit[] {
  return query.units.filter(
    (u, i) => !u.stop && !u.generic && !u.place && !isQuantity(query, i) && knows(u.syllable) && !prep.isTitleWord(query, i),
  );
}

/** "hai Bí thư", "both chairs": a count before a title word asks for every holder. */
export function isQuantity(query: Analysis, i: number): boolean {
  const u = query.units[i];
  return u !== undefined && QUANTITIES.has(u.marked ?? u.syllable) && query.units[i + 1] !== undefined;
}
const QUANTITIES = new Set(['hai', 'ba', 'both', 'two', 'three']);
