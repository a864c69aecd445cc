// Recognising people, titles and bodies in a question. Names are matched syllable by syllable,
// not through the fuzzy full-text index, because "Nguyễn Văn A" must never become "Nguyễn Thanh
// Hải" just because they share a surname: a name matches only on its given name plus at least one
// more syllable, or on the given name alone when nothing else in the question looks like a name.
import type { Analysis, Analyzer, Unit } from '../search/analyzer.ts';
import type { Bilingual } from '../knowledge/schema.ts';
import type { Agreement, Knowledge } from '../knowledge/types.ts';
import { markedSyllables, sameMarked, type Syllable } from '../text/normalize.ts';

/** Syllables that start or fill Vietnamese personal names; one of these next to a given name means another person. */
const NAME_SYLLABLES = new Set(
  `nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly lam trinh dinh mai cao ta luu
  van thi duc huu cong minh quang thanh thu huong anh viet ngoc kim xuan tuan manh`.split(/\s+/),
);

/** One insertion, deletion, substitution or swap of neighbours ("thnah" for "thanh"). */
function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 3 || Math.max(a.length, b.length) < 4) return false;
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) {
    if (long.length > short.length) {
      if (long.slice(0, i) + long.slice(i + 1) === short) return true;
    } else {
      const rest = long.slice(i + 1) === short.slice(i + 1);
      if (long.slice(0, i) === short.slice(0, i) && rest) return true;
      if (long.slice(0, i) === short.slice(0, i) && long[i] === short[i + 1] && long[i + 1] === short[i] && long.slice(i + 2) === short.slice(i + 2)) return true;
    }
  }
  return false;
}

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
 * same ("đường" is not "Dương"). Typed without, it may be one edit away, but only when the question
 * syllable is not itself a word the knowledge uses: "phuong" (địa phương) is a word, not a typo of "Hương".
 */
function nameSyllableMatches(q: Syllable, n: Syllable, knows: (term: string) => boolean): boolean {
  if (q.folded === n.folded) return q.marked === undefined || n.marked === undefined || sameMarked(q.marked, n.marked);
  return !knows(q.folded) && editDistanceAtMostOne(q.folded, n.folded);
}

/** People named in the question, strongest matches first. */
export function findPeople(knowledge: Knowledge, query: string, knows: (term: string) => boolean): PersonMatch[] {
  const q = markedSyllables(query);
  const out: PersonMatch[] = [];
  for (const a of knowledge.agreements) {
    for (const p of a.people) {
      const name = markedSyllables(p.name);
      const given = name[name.length - 1];
      if (!given) continue;
      let best: PersonMatch | undefined;
      for (let end = 0; end < q.length; end++) {
        if (!nameSyllableMatches(q[end] as Syllable, given, knows)) continue;
        // Walk backwards while the question's syllables continue the name.
        let k = name.length - 1;
        let start = end;
        while (start > 0 && k > 0 && nameSyllableMatches(q[start - 1] as Syllable, name[k - 1] as Syllable, knows)) {
          start--;
          k--;
        }
        const used = end - start + 1;
        const before = q[start - 1]?.folded;
        const otherName = before !== undefined && NAME_SYLLABLES.has(before);
        let strength: PersonMatch['strength'] | undefined;
        if (used === name.length) strength = 'full';
        else if (!otherName) strength = used >= 2 ? 'strong' : 'given';
        if (!strength) continue;
        const candidate: PersonMatch = { agreement: a, personId: p.id, strength, positions: Array.from({ length: used }, (_, i) => start + i) };
        if (!best || rank(candidate) > rank(best)) best = candidate;
      }
      if (best) out.push(best);
    }
  }
  return out.sort((x, y) => rank(y) - rank(x));
}

function rank(m: PersonMatch): number {
  return (m.strength === 'full' ? 100 : m.strength === 'strong' ? 50 : 0) + m.positions.length;
}

/** The content units of a phrase (no stop words, no generic words such as "tỉnh"). */
function contentUnits(a: Analysis): Unit[] {
  return a.units.filter((u) => !u.stop && !u.generic);
}

/** How many of the phrase's content units the question covers, by syllable or by shared glossary concept. */
export function unitsCovered(query: Analysis, phrase: Analysis): { covered: number; total: number } {
  const concepts = new Set(query.units.flatMap((u) => u.concepts));
  const spelt = (u: Unit, v: Unit) => u.syllable === v.syllable && (u.marked === undefined || v.marked === undefined || sameMarked(u.marked, v.marked));
  const units = contentUnits(phrase);
  const covered = units.filter((u) => query.units.some((v) => !v.stop && spelt(u, v)) || u.concepts.some((c) => concepts.has(c))).length;
  return { covered, total: units.length };
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

function fit(query: Analysis, phrase: Analysis, isNameWord: WordTest): Fit {
  const units = uniqueUnits(contentUnits(phrase));
  const hit = unitsCovered(query, phrase).covered;
  const miss = units.length - hit;
  const extra = query.units.filter((u, i) => !u.stop && !u.generic && isNameWord(query, i) && unitsCovered(phrase, { units: [u], terms: [] }).covered === 0).length;
  return { hit, miss, extra, score: hit - 2 * extra - 0.5 * miss };
}

/** "Ủy viên … Tỉnh ủy" names "ủy" twice; a word counts once. */
function uniqueUnits(units: Unit[]): Unit[] {
  const seen = new Set<string>();
  return units.filter((u) => !seen.has(u.syllable) && seen.add(u.syllable));
}

function acceptable(f: Fit, total: number): boolean {
  return total > 0 && f.hit >= Math.min(2, total) && f.hit / total >= FIT_MIN_SHARE;
}

/** Whether the question's word at position i is a word of some title (or some name). */
type WordTest = (query: Analysis, i: number) => boolean;

/**
 * A word set, concept-aware and phrase-aware: a question word belongs to the titles when a title
 * shares its glossary concept ("HĐND"), or has it next to the same neighbour ("chủ tịch"). A lone
 * shared syllable is not enough: "hội" of "hội nghị" is not "hội" of "Hội đồng".
 */
function wordSet(phrases: Analysis[]): WordTest {
  const syl = new Set<string>();
  const pairs = new Set<string>();
  const concepts = new Set<string>();
  for (const p of phrases) {
    const units = contentUnits(p);
    units.forEach((u, i) => {
      syl.add(u.syllable);
      const next = units[i + 1];
      if (next) pairs.add(`${u.syllable} ${next.syllable}`);
      for (const c of u.concepts) concepts.add(c);
    });
  }
  return (query, i) => {
    const u = query.units[i];
    if (!u) return false;
    if (u.concepts.some((c) => concepts.has(c))) return true;
    if (!syl.has(u.syllable)) return false;
    const prev = query.units[i - 1];
    const next = query.units[i + 1];
    const single = !(prev && !prev.stop && !prev.generic) && !(next && !next.stop && !next.generic);
    return single || (prev !== undefined && pairs.has(`${prev.syllable} ${u.syllable}`)) || (next !== undefined && pairs.has(`${u.syllable} ${next.syllable}`));
  };
}

interface Prepared {
  titles: { agreement: Agreement; personId: string; province?: string; title: Bilingual; analyses: Analysis[] }[];
  isTitleWord: WordTest;
  bodies: { agreement: Agreement; bodyId: string; analyses: Analysis[] }[];
  isNameWord: WordTest;
  provinces: Map<Agreement, { id: string; analysis: Analysis }[]>;
}

// Titles and names are analysed once per Knowledge value, not once per question.
const prepared = new WeakMap<Knowledge, Prepared>();

function prepare(knowledge: Knowledge, analyzer: Analyzer): Prepared {
  const hit = prepared.get(knowledge);
  if (hit) return hit;
  const titles: Prepared['titles'] = [];
  const bodies: Prepared['bodies'] = [];
  const provinces: Prepared['provinces'] = new Map();
  for (const a of knowledge.agreements) {
    provinces.set(a, a.meta.provinces.map((p) => ({ id: p.id, analysis: analyzer.analyze(p.name) })));
    for (const p of a.people) {
      // English titles count too, so "Who chairs the Thai Nguyen People's Committee?" finds the chair.
      for (const t of p.titles) titles.push({ agreement: a, personId: p.id, ...(p.province ? { province: p.province } : {}), title: { vi: t.vi, en: t.en }, analyses: [t.vi, t.en].map(analyzer.analyze) });
    }
    for (const b of a.bodies) bodies.push({ agreement: a, bodyId: b.id, analyses: [b.name, b.en, ...b.aliases].map(analyzer.analyze) });
  }
  const p: Prepared = {
    titles,
    isTitleWord: wordSet(titles.flatMap((t) => t.analyses)),
    bodies,
    isNameWord: wordSet(bodies.flatMap((b) => b.analyses)),
    provinces,
  };
  prepared.set(knowledge, p);
  return p;
}

function bestFit(query: Analysis, analyses: Analysis[], isWord: WordTest, ignorePlaces: boolean): Fit | undefined {
  let best: Fit | undefined;
  for (const a of analyses) {
    const phrase = ignorePlaces ? { units: a.units.filter((u) => !u.place), terms: a.terms } : a;
    const f = fit(query, phrase, (q, i) => isWord(q, i) && !(ignorePlaces && q.units[i]?.place));
    if (acceptable(f, uniqueUnits(contentUnits(phrase)).length) && (!best || f.score > best.score)) best = f;
  }
  return best;
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
export function findTitles(knowledge: Knowledge, analyzer: Analyzer, query: Analysis, options: { all?: boolean; anyPlace?: boolean } = {}): TitleMatch[] {
  const { all = false, anyPlace = false } = options;
  const prep = prepare(knowledge, analyzer);
  // Places the question names must be the person's province: "Chủ tịch UBND tỉnh Lạng Sơn" is nobody here.
  const places = anyPlace ? [] : query.units.filter((u) => u.place);
  const out: TitleMatch[] = [];
  for (const t of prep.titles) {
    if (places.length > 0) {
      const province = prep.provinces.get(t.agreement)?.find((p) => p.id === t.province);
      if (!province || unitsCovered({ units: places, terms: [] }, province.analysis).covered !== places.length) continue;
    }
    const f = bestFit(query, t.analyses, prep.isTitleWord, true);
    if (f) out.push({ agreement: t.agreement, personId: t.personId, title: t.title, score: f.score, contained: f.extra === 0 });
  }
  const best = Math.max(-Infinity, ...out.map((m) => m.score));
  const chosen = all && out.some((m) => m.contained) ? out.filter((m) => m.contained) : out.filter((m) => m.score === best);
  const seen = new Set<string>();
  return chosen.sort((x, y) => y.score - x.score).filter((m) => !seen.has(m.personId) && seen.add(m.personId));
}

export interface BodyMatch {
  agreement: Agreement;
  bodyId: string;
  score: number;
  /** A whole name of the body is in the question (not just a part that fits it). */
  exact: boolean;
}

/** Bodies the question names, in full ("Bộ Giao thông vận tải") or in part ("UBND", "công an"); best fits only. */
export function findBodies(knowledge: Knowledge, analyzer: Analyzer, query: Analysis): BodyMatch[] {
  const prep = prepare(knowledge, analyzer);
  const out: BodyMatch[] = [];
  // "UBND", "Ban Thường vụ hai tỉnh": a question that names no province means the bodies of both.
  const namesPlace = query.units.some((u) => u.place);
  for (const b of prep.bodies) {
    const f = bestFit(query, b.analyses, prep.isNameWord, !namesPlace);
    if (f) out.push({ agreement: b.agreement, bodyId: b.bodyId, score: f.score, exact: f.miss === 0 });
  }
  const best = Math.max(-Infinity, ...out.map((m) => m.score));
  return out.filter((m) => m.score === best);
}

/**
 * Known words of the question that are neither title words nor places ("nước" in "chủ tịch nước").
 * Unknown words are left out: they are more often typos ("tỉh") than qualifiers.
 */
export function leftoverForTitles(knowledge: Knowledge, analyzer: Analyzer, query: Analysis, knows: (term: string) => boolean): Unit[] {
  const prep = prepare(knowledge, analyzer);
  return query.units.filter((u, i) => !u.stop && !u.generic && !u.place && knows(u.syllable) && !prep.isTitleWord(query, i));
}
