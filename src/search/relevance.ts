// Decides whether a hit really answers the question, or merely shares a word with it.
// A BM25 score alone cannot say that: "bệnh viện ở Võ Nhai" scores on "Võ Nhai" against the
// road clauses. So we ask which of the question's own words the hit covers, and require the
// topic words (not place names, not generic words like "hợp tác") to be covered.
import type { Analysis } from './analyzer.ts';

export interface Coverage {
  /** Topic units in the question, and how many the hit covers. */
  topics: number;
  topicsCovered: number;
  places: number;
  placesCovered: number;
  /** Covered weight over total weight; places count half, generic words and stop words not at all. */
  ratio: number;
  /** The question has two topic words side by side ("đường sắt"), so a phrase match is expected. */
  adjacentTopics: boolean;
  /** A phrase-level term (bigram or glossary concept) covering a topic word matched. */
  phraseMatched: boolean;
}

/** Which syllable positions of the question a set of matched terms stands for. */
export function coveredPositions(query: Analysis, matched: ReadonlySet<string>): Set<number> {
  const covered = new Set<number>();
  for (const t of query.terms) if (matched.has(t.term)) for (const p of t.positions) covered.add(p);
  return covered;
}

export function coverage(query: Analysis, matched: ReadonlySet<string>): Coverage {
  const covered = coveredPositions(query, matched);
  const isTopic = (i: number) => {
    const u = query.units[i];
    return u !== undefined && !u.stop && !u.generic && !u.place;
  };
  const adjacentTopics = query.units.some((_, i) => isTopic(i) && isTopic(i + 1));
  const phraseMatched = query.terms.some((t) => t.kind !== 'syllable' && matched.has(t.term) && t.positions.some(isTopic));
  let topics = 0;
  let topicsCovered = 0;
  let places = 0;
  let placesCovered = 0;
  query.units.forEach((u, i) => {
    if (u.stop || u.generic) return;
    if (u.place) {
      places++;
      if (covered.has(i)) placesCovered++;
    } else {
      topics++;
      if (covered.has(i)) topicsCovered++;
    }
  });
  const total = topics + places * 0.5;
  const ratio = total === 0 ? 0 : (topicsCovered + placesCovered * 0.5) / total;
  return { topics, topicsCovered, places, placesCovered, ratio, adjacentTopics, phraseMatched };
}

/** The minimum coverage for a hit to count as an answer. Tuned on the evaluation set (see README). */
export const MIN_COVERAGE = 0.5;
export const SCATTERED_COVERAGE = 0.75;

/** True when the hit covers enough of the question, and at least one topic word if there is any. */
export function isRelevant(c: Coverage): boolean {
  if (c.topics + c.places === 0) return false;
  if (c.topics > 0 && c.topicsCovered === 0) return false;
  // Scattered single syllables are weak evidence in Vietnamese, where one syllable has many
  // meanings ("đường" road, "Dương" a name): without a phrase match, ask for more of the question.
  if (c.adjacentTopics && !c.phraseMatched) return c.ratio >= SCATTERED_COVERAGE;
  return c.ratio >= MIN_COVERAGE;
}
