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
import { VIETNAMESE_SYLLABLE } from '../text/normalize.ts';
import type { Analysis, TermKind, Unit } from './analyzer.ts';

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

/** The minimum coverage for a hit to count as an answer. Tuned on the evaluation set (see README). */
export const MIN_COVERAGE = 0.6;

// Kinds of term that matched a unit, as bits.
const SYLLABLE_BIT = 1;
const MARKED_BIT = 2;
const BIGRAM_BIT = 4;
const CONCEPT_BIT = 8;
const BIT: Record<TermKind, number> = {
  syllable: SYLLABLE_BIT,
  marked: MARKED_BIT,
  bigram: BIGRAM_BIT,
  concept: CONCEPT_BIT,
  'concept-bigram': CONCEPT_BIT,
};

/** What coverage needs of the question alone, whatever the hit: worked out once per question. */
interface QueryFacts {
  knows: (term: string) => boolean;
  /** A neighbour is a topic word, or a typed function word beside a typed word ("nhà ở"): a lone syllable match earns half. */
  crowded: boolean[];
  /** A word the knowledge never uses (in this spelling). */
  unknown: boolean[];
  /** A known Vietnamese word whose topic neighbours it never stands beside: unmatched, it is new to the knowledge. */
  orphanIfUnmatched: boolean[];
  /**
   * An unknown word right after a verb marker ("được xác định", "đã mở", "sẽ hoàn thành"), or
   * continuing such a run: what the question says happens to the topic, not the topic. It counts
   * for nothing either way.
   */
  predicate: boolean[];
  /**
   * A typed word joined to the next topic word by a typed function word the knowledge never puts
   * after it ("nhà ở xã hội": "nhà ở" is housing): matched alone, it is another word.
   */
  stopCompound: boolean[];
}

/** Markers of a verb phrase: the word after one is what happens, not a topic. */
const VERB_MARKERS = new Set([
  'duoc',
  'da',
  'se',
  'dang',
  'can',
  'phai',
  'de',
  'bi',
  'will',
  'would',
  'can',
  'should',
  'be',
  'been',
  'being',
]);

/** Question words (folded): never part of a compound with the word before ("điểm gì tương đồng"). */
const QUESTION_WORDS = new Set(['gi', 'nao', 'ai', 'sao', 'dau', 'may', 'nhieu']);

const facts = new WeakMap<Analysis, QueryFacts>();

function queryFacts(query: Analysis, knows: (term: string) => boolean): QueryFacts {
  const hit = facts.get(query);
  if (hit && hit.knows === knows) return hit;
  const units = query.units;
  const isTopic = (i: number) => {
    const u = units[i];
    return u !== undefined && !u.stop && !u.generic && !u.place;
  };
  // Units typed with diacritics whose neighbour is a (typed) function word: "nhà ở" is one word.
  const markedPair = (i: number, j: number) => units[i]?.marked !== undefined && units[j]?.marked !== undefined && units[j]?.stop === true;
  // The compound test is for Vietnamese words: English word pairs are rarely in the knowledge.
  const vietnamese = (j: number) => VIETNAMESE_SYLLABLE.test(units[j]?.syllable ?? '');
  const bigramKnown = (i: number, j: number) => knows(`${units[i]?.syllable}_${units[j]?.syllable}`);
  const f: QueryFacts = { knows, crowded: [], unknown: [], orphanIfUnmatched: [], predicate: [], stopCompound: [] };
  units.forEach((u, i) => {
    f.crowded.push(isTopic(i - 1) || isTopic(i + 1) || markedPair(i, i - 1) || markedPair(i, i + 1));
    // Typed with diacritics, a word is known only in that spelling ("đoạn" is not "Đoàn").
    const unknown = isUnknown(u, knows);
    f.unknown.push(unknown);
    const before = units[i - 1];
    f.predicate.push(unknown && before !== undefined && (VERB_MARKERS.has(before.syllable) || f.predicate[i - 1] === true));
    f.stopCompound.push(
      markedPair(i, i + 1) &&
        !QUESTION_WORDS.has(units[i + 1]?.syllable ?? '') &&
        isTopic(i + 2) &&
        vietnamese(i) &&
        !bigramKnown(i, i + 1),
    );
    const neighbours = [i - 1, i + 1].filter((j) => isTopic(j) && vietnamese(j));
    f.orphanIfUnmatched.push(
      !unknown &&
        u.concepts.length === 0 &&
        vietnamese(i) &&
        neighbours.length > 0 &&
        neighbours.every((j) => !bigramKnown(Math.min(i, j), Math.max(i, j))),
    );
  });
  facts.set(query, f);
  return f;
}

// Matched kinds per unit, reused by every call: coverage runs for every hit of every search.
let kinds = new Uint8Array(64);

export function coverage(query: Analysis, matched: ReadonlySet<string>, knows: (term: string) => boolean): Coverage {
  const units = query.units;
  const n = units.length;
  const f = queryFacts(query, knows);
  if (kinds.length < n) kinds = new Uint8Array(n * 2);
  kinds.fill(0, 0, n);
  for (const t of query.terms) {
    if (!matched.has(t.term)) continue;
    for (const p of t.positions) kinds[p] = (kinds[p] as number) | BIT[t.kind];
  }
  let total = 0;
  let covered = 0;
  let topics = 0;
  let topicsCovered = 0;
  let phrase = false;
  let run = 0;
  let novelRun = 0;
  for (let i = 0; i < n; i++) {
    const u = units[i] as Unit;
    const k = kinds[i] as number;
    if (u.stop || u.generic || f.predicate[i] === true) {
      run = 0;
      continue;
    }
    let credit = 0;
    if (k !== 0) {
      if (k & CONCEPT_BIT) credit = 1;
      else {
        credit = k & BIGRAM_BIT || !f.crowded[i] ? 1 : f.stopCompound[i] ? 0 : 0.5;
        if (u.marked !== undefined && !(k & MARKED_BIT)) credit *= 0.5;
      }
    }
    // An unknown word, or an orphan, that did not match is most likely the point of the question.
    const novel = !u.place && (f.unknown[i] === true || f.orphanIfUnmatched[i] === true || f.stopCompound[i] === true) && credit === 0;
    const weight = u.place ? 0.5 : novel ? 2 : 1;
    total += weight;
    covered += weight * credit;
    if (!u.place) {
      topics++;
      if (credit > 0) topicsCovered++;
      if (k & (BIGRAM_BIT | CONCEPT_BIT)) phrase = true;
    }
    // An English word is a whole word, as a Vietnamese compound of two syllables is ("hotels", "khách sạn").
    run = novel ? run + (VIETNAMESE_SYLLABLE.test(u.syllable) ? 1 : 2) : 0;
    novelRun = Math.max(novelRun, run);
  }
  return { topics, topicsCovered, phrase, novelRun, ratio: total === 0 ? 0 : covered / total };
}

/** A word the knowledge never uses; typed with diacritics, known only in that spelling ("sân" is not "sản"). */
export function isUnknown(u: Unit, knows: (term: string) => boolean): boolean {
  return u.concepts.length === 0 && (!knows(u.syllable) || (u.marked !== undefined && !knows(`=${u.marked}`)));
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
  // Places alone are no topic: they would match every clause of their province (a question that
  // names only places is answered from the few entries that name them all; see topic.ts).
  if (c.topics === 0 || c.topicsCovered === 0) return false;
  // Two or more topic words matched only as scattered single syllables is a coincidence, not an
  // answer ("bạn có người yêu chưa" shares "Ban" and "yêu cầu" with a clause).
  if (c.topics >= 2 && !c.phrase) return false;
  // A new compound is the point of the question, and we do not cover it; a single new word
  // ("đoạn" in "đoạn đường") only weighs double in the ratio.
  if (c.novelRun >= 2) return false;
  return c.ratio >= min;
}
