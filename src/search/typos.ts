// The one typo rule. Officials type fast on phones: "thái ngyên", "tam kah", "samsumg",
// "responsble". A question word the knowledge never uses is replaced, before anything else reads
// the question, by a word it does use that is one edit away: one letter swapped with its neighbour
// ("kah" → "kha"), or one letter added, dropped or changed ("ngyen" → "nguyen").
// A correction must make a phrase the knowledge uses with a neighbour ("tam kha", "hoang son" — not
// "hoang song"), unless the word is long enough that a near miss is unlikely to be a word of its
// own: 5 letters for a swap ("brigde"), 6 for another edit ("samsun", "responsble"). Short
// unknown words are left alone: "bong da" is football, not "dong da". Among candidates, the most
// common in the knowledge wins. Words are compared folded
// (no diacritics), so a wrong tone mark is not a typo here: it is handled by matching on the folded
// form wherever the marked one is unknown.
// Names, places and works are words of the knowledge like any other, so they are corrected too;
// question words ("responsible", "phụ trách") come from the cue lexicon.
import SearchableMap from 'minisearch/SearchableMap';

export interface Vocabulary {
  /** Whether the folded word is known as it is. */
  has(word: string): boolean;
  /** Known words one edit away (a swap of neighbours, or one letter added, dropped or changed). */
  near(word: string): string[];
  /**
   * The known word one edit away, or undefined when the word is known or nothing is near. `fits`
   * tells whether a candidate makes a known phrase with the word's neighbours.
   */
  correct(word: string, fits?: (candidate: string) => boolean): string | undefined;
}

/** Shortest word that may be corrected at all; and, when no neighbour confirms the correction, by a swap or by another edit. */
const MIN_SWAP = 3;
const MIN_LONE_SWAP = 5;
const MIN_LONE_EDIT = 6;

/** `words` are folded syllables; `frequency` ranks candidates (how many documents use the word). */
export function createVocabulary(words: Iterable<string>, frequency: (word: string) => number): Vocabulary {
  const tree = new SearchableMap<true>();
  for (const w of words) if (/^[a-z0-9]+$/.test(w)) tree.set(w, true);
  // Questions repeat words; a bounded memo keeps corrections cheap without growing with traffic.
  const memo = new Map<string, string | undefined>();

  function best(candidates: Iterable<string>, fits: (c: string) => boolean): string | undefined {
    let winner: string | undefined;
    let top = -1;
    for (const c of candidates) {
      // Fitting the neighbours counts above any frequency.
      const f = (fits(c) ? 1e9 : 0) + frequency(c);
      if (f > top || (f === top && winner !== undefined && c < winner)) {
        winner = c;
        top = f;
      }
    }
    return winner;
  }

  function correctUncached(word: string, fits: (c: string) => boolean): string | undefined {
    if (tree.has(word) || !/^[a-z]+$/.test(word) || word.length < MIN_SWAP) return undefined;
    const swaps: string[] = [];
    for (let i = 0; i + 1 < word.length; i++) {
      const swapped = `${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`;
      if (swapped !== word && tree.has(swapped)) swaps.push(swapped);
    }
    const edits = [...tree.fuzzyGet(word, 1).keys()].filter((c) => c !== word && c.length >= MIN_SWAP);
    // A correction that fits the neighbours is taken; one that does not only when the word is long
    // enough that a near miss is unlikely to be another word ("bong" is not "dong", "world" not "word").
    const fitting = [...swaps, ...edits].filter(fits);
    if (fitting.length > 0) return best(fitting, fits);
    if (swaps.length > 0 && word.length >= MIN_LONE_SWAP) return best(swaps, fits);
    if (word.length >= MIN_LONE_EDIT) return best(edits, fits);
    return undefined;
  }

  const nearMemo = new Map<string, string[]>();
  function near(word: string): string[] {
    const known = nearMemo.get(word);
    if (known) return known;
    const found = nearUncached(word);
    if (nearMemo.size > 10_000) nearMemo.clear();
    nearMemo.set(word, found);
    return found;
  }

  function nearUncached(word: string): string[] {
    if (word.length < 2) return [];
    const out = new Set<string>();
    for (let i = 0; i + 1 < word.length; i++) {
      const swapped = `${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`;
      if (swapped !== word && tree.has(swapped)) out.add(swapped);
    }
    for (const c of tree.fuzzyGet(word, 1).keys()) if (c !== word) out.add(c);
    return [...out];
  }

  return {
    has: (word) => tree.has(word),
    near,
    correct(word, fits) {
      // With neighbours to fit, the answer depends on them: only the context-free answer is kept.
      if (fits) return correctUncached(word, fits);
      if (memo.has(word)) return memo.get(word);
      const fixed = correctUncached(word, () => false);
      if (memo.size > 10_000) memo.clear();
      memo.set(word, fixed);
      return fixed;
    },
  };
}
