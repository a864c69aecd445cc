// Recognising people, titles and bodies in a question. Names are matched syllable by syllable,
// not through the fuzzy full-text index, because "Nguyễn Văn A" must never become "Nguyễn Thanh
// Hải" just because they share a surname: a name matches only on its given name plus at least one
// more syllable, or on the given name alone when nothing else in the question looks like a name.
import type { Analysis, Analyzer, Unit } from '../search/analyzer.ts';
import type { Agreement, Knowledge } from '../knowledge/types.ts';
import { markedSyllables, sameMarked, type Syllable } from '../text/normalize.ts';

/** Syllables that start or fill Vietnamese personal names; one of these next to a given name means another person. */
const NAME_SYLLABLES = new Set(
  `nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly lam trinh dinh mai cao ta luu
  van thi duc huu cong minh quang thanh thu huong anh viet ngoc kim xuan tuan manh`.split(/\s+/),
);

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 3 || Math.max(a.length, b.length) < 4) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
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

export interface TitleMatch {
  agreement: Agreement;
  personId: string;
  title: string;
  /** Content units in the title: longer titles are more specific ("Phó Chủ tịch Thường trực HĐND" beats "Chủ tịch HĐND"). */
  size: number;
}

/**
 * Titles fully named in the question ("chủ tịch UBND tỉnh"), kept only for the province the
 * question names, if it names one.
 */
export function findTitles(knowledge: Knowledge, analyzer: Analyzer, query: Analysis): TitleMatch[] {
  const out: TitleMatch[] = [];
  for (const a of knowledge.agreements) {
    // Places the question names must be the person's province: "Chủ tịch UBND tỉnh Lạng Sơn" is nobody here.
    const places = query.units.filter((u) => u.place);
    const provinceCovers = new Map(a.meta.provinces.map((p) => [p.id, unitsCovered({ units: places, terms: [] }, analyzer.analyze(p.name)).covered]));
    for (const p of a.people) {
      if (places.length > 0 && (!p.province || provinceCovers.get(p.province) !== places.length)) continue;
      for (const title of p.titles) {
        // English titles count too, so "Who chairs the Thai Nguyen People's Committee?" finds the chair.
        for (const text of [title.vi, title.en]) {
          const { covered, total } = unitsCovered(query, analyzer.analyze(text));
          if (total > 0 && covered === total) out.push({ agreement: a, personId: p.id, title: title.vi, size: total });
        }
      }
    }
  }
  // A question that names "Phó Chủ tịch" matches both "Phó Chủ tịch" and "Chủ tịch" titles; keep the most specific.
  const best = Math.max(0, ...out.map((m) => m.size));
  const seen = new Set<string>();
  return out.filter((m) => m.size === best && !seen.has(m.personId) && seen.add(m.personId));
}

function startsAlike(query: Analysis, phrase: Analysis): boolean {
  const first = contentUnits(phrase)[0];
  return first !== undefined && unitsCovered(query, { units: [first], terms: [] }).covered === 1;
}

export interface BodyMatch {
  agreement: Agreement;
  bodyId: string;
  size: number;
  /** A whole name of the body is in the question (not just a short mention that fits it). */
  exact: boolean;
}

/**
 * Bodies named in the question: every content unit of one of the body's names is in the question,
 * or (for short mentions like "UBND") every content unit left in the question is in the body's name.
 */
export function findBodies(knowledge: Knowledge, analyzer: Analyzer, query: Analysis): BodyMatch[] {
  const out: BodyMatch[] = [];
  const queryUnits = contentUnits(query).length;
  for (const a of knowledge.agreements) {
    for (const b of a.bodies) {
      let size = 0;
      for (const name of [b.name, b.en, ...b.aliases]) {
        const phrase = analyzer.analyze(name);
        const { covered, total } = unitsCovered(query, phrase);
        if (total > 0 && covered === total) size = Math.max(size, total);
        // A short mention ("UBND", "công an") names a body when it starts the way the name starts.
        else if (queryUnits > 0 && unitsCovered(phrase, query).covered === queryUnits && startsAlike(query, phrase)) size = Math.max(size, queryUnits - 0.5);
      }
      if (size > 0) out.push({ agreement: a, bodyId: b.id, size, exact: Number.isInteger(size) });
    }
  }
  const best = Math.max(0, ...out.map((m) => m.size));
  return out.filter((m) => m.size === best);
}
