// Decides whether a hit really answers the question, or merely shares a word with it.
// A BM25 score alone cannot say that: "bệnh viện ở Võ Nhai" scores on "Võ Nhai" against the road
// clauses. So we ask how much of the question's own wording the hit covers:
//  - each syllable of the question is a unit; stop words and generic words ("hợp tác") do not count,
//    place names count half (a place alone is not a topic);
//  - a word the knowledge never uses ("sân bay") counts double: it is most likely the point of the
//    question, and we do not cover it;
//  - a unit matched only as a lone syllable, while its neighbour is a topic word too, earns half:
//    Vietnamese words are mostly two syllables, and "tham quan" is not "tham mưu";
//  - a unit typed with diacritics that matched only after folding ("Dương" for "đường") earns half.
import type { Analysis, TermKind } from './analyzer.ts';

export interface Coverage {
  topics: number;
  topicsCovered: number;
  /**
   * The longest run of adjacent question words the hit leaves uncovered that are new to the
   * knowledge: words it never uses, or words it uses but never side by side ("đô thị" in
   * "đường sắt đô thị", "nhà máy điện", "sân bay"). Two or more are a compound we do not cover.
   */
  novelRun: number;
  /** Some topic unit is covered by a phrase-level term (bigram or glossary concept), not just a lone syllable. */
  phrase: boolean;
  /** Covered weight over total weight. */
  ratio: number;
}

/** The shape of a folded Vietnamese syllable: initial consonant, vowels, final consonant. "exchange" is not one. */
const VIETNAMESE_SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;

/** The minimum coverage for a hit to count as an answer. Tuned on the evaluation set (see README). */
export const MIN_COVERAGE = 0.6;

export function coverage(query: Analysis, matched: ReadonlySet<string>, knows: (term: string) => boolean): Coverage {
  const n = query.units.length;
  const kindAt = new Array<Set<TermKind>>(n);
  for (const t of query.terms) {
    if (!matched.has(t.term)) continue;
    for (const p of t.positions) (kindAt[p] ??= new Set()).add(t.kind);
  }
  const isTopic = (i: number) => {
    const u = query.units[i];
    return u !== undefined && !u.stop && !u.generic && !u.place;
  };
  let total = 0;
  let covered = 0;
  let topics = 0;
  let topicsCovered = 0;
  let phrase = false;
  const bigramKnown = (i: number, j: number) => knows(`${query.units[i]?.syllable}_${query.units[j]?.syllable}`);
  // Units typed with diacritics whose neighbour is a (typed) function word: "nhà ở" is one word.
  const markedPair = (i: number, j: number) => query.units[i]?.marked !== undefined && query.units[j]?.marked !== undefined && query.units[j]?.stop === true;
  const orphan = new Array<boolean>(query.units.length).fill(false);
  const novel = new Array<boolean>(query.units.length).fill(false);
  const credits = query.units.map((u, i) => {
    const kinds = kindAt[i];
    if (u.stop || u.generic || !kinds) return 0;
    if (kinds.has('concept') || kinds.has('concept-bigram')) return 1;
    let credit = kinds.has('bigram') || !(isTopic(i - 1) || isTopic(i + 1) || markedPair(i, i - 1) || markedPair(i, i + 1)) ? 1 : 0.5;
    if (u.marked !== undefined && !kinds.has('marked')) credit *= 0.5;
    return credit;
  });
  query.units.forEach((u, i) => {
    if (u.stop || u.generic) return;
    const credit = credits[i] ?? 0;
    // Typed with diacritics, a word is known only in that spelling ("đoạn" is not "Đoàn").
    const unknown = u.concepts.length === 0 && (!knows(u.syllable) || (u.marked !== undefined && !knows(`=${u.marked}`)));
    // The compound test is for Vietnamese words: English word pairs are rarely in the knowledge.
    const vietnamese = (j: number) => VIETNAMESE_SYLLABLE.test(query.units[j]?.syllable ?? '');
    const neighbours = [i - 1, i + 1].filter((j) => isTopic(j) && vietnamese(j));
    if (credit === 0 && !unknown && u.concepts.length === 0 && vietnamese(i) && neighbours.length > 0 && neighbours.every((j) => !bigramKnown(Math.min(i, j), Math.max(i, j)))) orphan[i] = true;
    // An unknown word, or an orphan, that did not match is most likely the point of the question.
    novel[i] = !u.place && (unknown || orphan[i] === true) && credit === 0;
    const weight = u.place ? 0.5 : novel[i] ? 2 : 1;
    total += weight;
    covered += weight * credit;
    if (!u.place) {
      topics++;
      if (credit > 0) topicsCovered++;
      if (kindAt[i] && (kindAt[i]?.has('bigram') || kindAt[i]?.has('concept') || kindAt[i]?.has('concept-bigram'))) phrase = true;
    }
  });
  let run = 0;
  let novelRun = 0;
  for (const n of novel) {
    run = n ? run + 1 : 0;
    novelRun = Math.max(novelRun, run);
  }
  return { topics, topicsCovered, phrase, novelRun, ratio: total === 0 ? 0 : covered / total };
}

/** Coverage of several hits together: a question about two aspects may be answered by two clauses. */
export function unionMatched(hits: readonly { matched: ReadonlySet<string> }[]): Set<string> {
  const all = new Set<string>();
  for (const h of hits) for (const t of h.matched) all.add(t);
  return all;
}

/** True when the hit covers enough of the question, and at least one topic word if there is any. */
export function isRelevant(c: Coverage, min = MIN_COVERAGE): boolean {
  if (c.ratio === 0) return false;
  if (c.topics > 0 && c.topicsCovered === 0) return false;
  // Two or more topic words matched only as scattered single syllables is a coincidence, not an
  // answer ("bạn có người yêu chưa" shares "Ban" and "yêu cầu" with a clause).
  if (c.topics >= 2 && !c.phrase) return false;
  // A new compound is the point of the question, and we do not cover it; a single new word
  // ("đoạn" in "đoạn đường") only weighs double in the ratio.
  if (c.novelRun >= 2) return false;
  return c.ratio >= min;
}
