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
   * Topic words the knowledge knows one by one but never side by side, left uncovered: together
   * they are a compound we do not cover ("đô thị" in "đường sắt đô thị", "nhà máy điện").
   */
  orphans: number;
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
  let orphans = 0;
  const bigramKnown = (i: number, j: number) => knows(`${query.units[i]?.syllable}_${query.units[j]?.syllable}`);
  query.units.forEach((u, i) => {
    if (u.stop || u.generic) return;
    const kinds = kindAt[i];
    let credit = 0;
    if (kinds) {
      if (kinds.has('concept') || kinds.has('concept-bigram')) credit = 1;
      else {
        credit = kinds.has('bigram') || !(isTopic(i - 1) || isTopic(i + 1)) ? 1 : 0.5;
        if (u.marked !== undefined && !kinds.has('marked')) credit *= 0.5;
      }
    }
    const unknown = u.concepts.length === 0 && !knows(u.syllable);
    const weight = u.place ? 0.5 : unknown ? 2 : 1;
    total += weight;
    covered += weight * credit;
    const neighbours = [i - 1, i + 1].filter(isTopic);
    // The compound test is for Vietnamese words: English word pairs are rarely in the knowledge.
    const vietnamese = (j: number) => VIETNAMESE_SYLLABLE.test(query.units[j]?.syllable ?? '');
    if (credit === 0 && !unknown && u.concepts.length === 0 && vietnamese(i) && neighbours.length > 0 && neighbours.every((j) => vietnamese(j) && !bigramKnown(Math.min(i, j), Math.max(i, j)))) orphans++;
    if (!u.place) {
      topics++;
      if (credit > 0) topicsCovered++;
      if (kinds && (kinds.has('bigram') || kinds.has('concept') || kinds.has('concept-bigram'))) phrase = true;
    }
  });
  return { topics, topicsCovered, phrase, orphans, ratio: total === 0 ? 0 : covered / total };
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
  if (c.orphans > 0) return false;
  return c.ratio >= min;
}
