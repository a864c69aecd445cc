// The one term analyser, used both when indexing and when querying: that symmetry is what lets
// "duong sat kep luu xa" find "đường sắt Kép - Lưu Xá" and "quốc lộ 17" find "QL17".
//
// A text becomes:
//  - units: one per syllable, flagged as stop word, place name or generic word, with the glossary
//    concepts that cover it. Relevance is judged on units (see relevance.ts).
//  - terms: what MiniSearch indexes and looks up:
//      syllable        folded ("duong"), so text typed without diacritics matches;
//      marked          "=đương1", only for syllables written with diacritics, so that a question
//                      typed with them ranks "đường" above "Dương" and can tell the two apart;
//      bigram          adjacent syllables ("bac_giang"), so "Bắc Giang" beats "Bắc" + "Giang";
//      concept         "#12" for every phrase of glossary group 12, whatever the language;
//      concept-bigram  a concept and the syllable after it ("#3_17" for both "QL17" and "quốc lộ 17").
import type { Glossary } from '../knowledge/schema.ts';
import { markedSyllables, sameMarked, type Syllable, VIETNAMESE_SYLLABLE } from '../text/normalize.ts';
import { isStopword, QUESTION_PHRASES } from './stopwords.ts';

export type TermKind = 'syllable' | 'marked' | 'bigram' | 'concept' | 'concept-bigram';

export interface Term {
  term: string;
  kind: TermKind;
  /** Syllable positions the term stands for. */
  positions: number[];
}

export interface Unit {
  syllable: string;
  /** Marked form when written with diacritics. */
  marked?: string;
  stop: boolean;
  place: boolean;
  generic: boolean;
  concepts: string[];
}

export interface Analysis {
  units: Unit[];
  terms: Term[];
}

interface Phrase {
  syllables: Syllable[];
  concept?: string;
  tag?: 'place' | 'generic';
  /** An abbreviation that is also a Vietnamese syllable ("TU" and "tư"): it counts only typed in capitals. */
  capitals?: boolean;
}

export interface Analyzer {
  analyze(text: string): Analysis;
  /**
   * Index terms only: what MiniSearch's `tokenize` returns for a field. Syllables of place names
   * are indexed only as phrases ("thai_nguyen"), never alone: otherwise "Nguyễn Văn A" would match
   * any clause that mentions Thái Nguyên.
   */
  tokenize(text: string): string[];
  /** The engine is built: what is analysed from now on comes from questions, and is not kept for good. */
  ready(): void;
}

/**
 * How many question texts the analyser remembers: one question analyses a few dozen texts (its
 * parts, topics, the titles and names it is compared with), and the next one often the same.
 */
const RECENT_ANALYSES = 512;

/** A glossary syllable matches a text syllable when they fold alike and, if both carry diacritics, are spelt alike. */
function same(a: Syllable, b: Syllable): boolean {
  return a.folded === b.folded && (a.marked === undefined || b.marked === undefined || sameMarked(a.marked, b.marked));
}

/** Whether the glossary phrase is spelt out in the text starting at syllable i. */
function phraseAt(p: Phrase, syls: readonly Syllable[], i: number): boolean {
  const len = p.syllables.length;
  if (i + len > syls.length) return false;
  for (let k = 0; k < len; k++) if (!same(p.syllables[k] as Syllable, syls[i + k] as Syllable)) return false;
  if (p.capitals && (syls[i] as Syllable).text !== (p.syllables[0] as Syllable).text) return false;
  return true;
}

/** Builds the analyser from the glossary. Pure: the same glossary always gives the same terms. */
export function createAnalyzer(glossary: Glossary): Analyzer {
  const phrases: Phrase[] = [];
  const groups: string[][] = [...glossary.abbreviations.map((a) => [a.short, a.long, ...(a.en ? [a.en] : [])]), ...glossary.synonyms];
  const shorts = new Set(glossary.abbreviations.map((a) => a.short));
  groups.forEach((group, i) => {
    for (const p of group) {
      const syllables = markedSyllables(p);
      const capitals = shorts.has(p) && syllables.length === 1 && VIETNAMESE_SYLLABLE.test((syllables[0] as Syllable).folded);
      phrases.push({ syllables, concept: `#${i}`, ...(capitals ? { capitals } : {}) });
    }
  });
  for (const p of glossary.places) phrases.push({ syllables: markedSyllables(p), tag: 'place' });
  for (const p of [...glossary.generic, ...QUESTION_PHRASES]) phrases.push({ syllables: markedSyllables(p), tag: 'generic' });

  // A glossary group that holds a generic phrase is generic as a whole: "BBGN" is as general as
  // "biên bản ghi nhớ"; one that holds a place is a place: "TN" is Thái Nguyên.
  const folded = (p: string) =>
    markedSyllables(p)
      .map((x) => x.folded)
      .join(' ');
  const conceptsHolding = (phrases: readonly string[]) => {
    const texts = new Set(phrases.map(folded));
    return new Set(groups.flatMap((group, i) => (group.some((p) => texts.has(folded(p))) ? [`#${i}`] : [])));
  };
  const genericConcepts = conceptsHolding([...glossary.generic, ...QUESTION_PHRASES]);
  const placeConcepts = conceptsHolding(glossary.places);

  // First syllable → phrases starting with it, so a scan costs one map lookup per position.
  const byFirst = new Map<string, Phrase[]>();
  for (const p of phrases) {
    const first = p.syllables[0];
    if (first === undefined) continue;
    const list = byFirst.get(first.folded) ?? [];
    list.push(p);
    byFirst.set(first.folded, list);
  }

  // Runs over every field of every document when indexing (millions of syllables at 1,000
  // agreements), so it is written as plain loops: no closure or temporary array per position.
  function analyzeUncached(text: string): Analysis {
    const syls = markedSyllables(text);
    const n = syls.length;
    const units: Unit[] = new Array<Unit>(n);
    for (let i = 0; i < n; i++) {
      const s = syls[i] as Syllable;
      units[i] =
        s.marked !== undefined
          ? { syllable: s.folded, marked: s.marked, stop: isStopword(s.folded, s.marked), place: false, generic: false, concepts: [] }
          : { syllable: s.folded, stop: isStopword(s.folded, s.marked), place: false, generic: false, concepts: [] };
    }
    const terms = new Map<string, Term>();
    // The first add of a term fixes its kind; later adds extend its positions.
    function add(term: string, kind: TermKind, positions: number[]): void {
      const t = terms.get(term);
      if (t) t.positions.push(...positions);
      else terms.set(term, { term, kind, positions });
    }

    for (let i = 0; i < n; i++) {
      const here = units[i] as Unit;
      if (!here.stop) {
        add(here.syllable, 'syllable', [i]);
        if (here.marked !== undefined) add(`=${here.marked}`, 'marked', [i]);
      }
      const next = units[i + 1];
      if (next !== undefined && !(here.stop && next.stop)) add(`${here.syllable}_${next.syllable}`, 'bigram', [i, i + 1]);

      const candidates = byFirst.get(here.syllable);
      if (candidates === undefined) continue;
      for (const p of candidates) {
        if (!phraseAt(p, syls, i)) continue;
        const len = p.syllables.length;
        for (let pos = i; pos < i + len; pos++) {
          const u = units[pos] as Unit;
          if (p.tag === 'place') u.place = true;
          if (p.tag === 'generic') u.generic = true;
          if (p.concept && !u.concepts.includes(p.concept)) u.concepts.push(p.concept);
          if (p.concept && genericConcepts.has(p.concept)) u.generic = true;
          if (p.concept && placeConcepts.has(p.concept)) u.place = true;
        }
        if (p.concept) {
          const span: number[] = [];
          for (let pos = i; pos < i + len; pos++) span.push(pos);
          const after = units[i + len];
          add(p.concept, 'concept', span);
          if (after !== undefined && !after.stop) add(`${p.concept}_${after.syllable}`, 'concept-bigram', [...span, i + len]);
        }
      }
    }
    return { units, terms: [...terms.values()] };
  }

  /**
   * What `analyze(text).terms` gives, less the syllables of place names (see Analyzer.tokenize), in
   * the same order, without building units, term objects or position lists: this runs over every
   * field of every document (five million terms at 1,000 agreements), and only the strings are kept.
   * A test checks it against the analysis on every text of the shipped knowledge.
   */
  function tokenizeUncached(text: string): string[] {
    const syls = markedSyllables(text);
    const n = syls.length;
    const stop: boolean[] = new Array<boolean>(n);
    for (let i = 0; i < n; i++) stop[i] = isStopword((syls[i] as Syllable).folded, (syls[i] as Syllable).marked);
    // Glossary phrases first: a syllable inside a place name is left out wherever it first occurs.
    const place: boolean[] = new Array<boolean>(n).fill(false);
    const concepts: { at: number; concept: string; after: number }[] = [];
    for (let i = 0; i < n; i++) {
      const candidates = byFirst.get((syls[i] as Syllable).folded);
      if (candidates === undefined) continue;
      for (const p of candidates) {
        if (!phraseAt(p, syls, i)) continue;
        const len = p.syllables.length;
        if (p.tag === 'place' || (p.concept && placeConcepts.has(p.concept))) for (let pos = i; pos < i + len; pos++) place[pos] = true;
        if (p.concept) concepts.push({ at: i, concept: p.concept, after: i + len });
      }
    }
    const seen = new Set<string>();
    const out: string[] = [];
    // `keep` is false for a place syllable's first occurrence: the term is then dropped for good,
    // as analyze() would give it the position where it first occurred.
    const emit = (term: string, keep: boolean) => {
      if (seen.has(term)) return;
      seen.add(term);
      if (keep) out.push(term);
    };
    let c = 0;
    for (let i = 0; i < n; i++) {
      const here = syls[i] as Syllable;
      if (!stop[i]) {
        emit(here.folded, !place[i]);
        if (here.marked !== undefined) emit(`=${here.marked}`, !place[i]);
      }
      const next = syls[i + 1];
      if (next !== undefined && !(stop[i] && stop[i + 1])) emit(`${here.folded}_${next.folded}`, true);
      for (; c < concepts.length && (concepts[c] as { at: number }).at === i; c++) {
        const { concept, after } = concepts[c] as { concept: string; after: number };
        emit(concept, true);
        if (after < n && !stop[after]) emit(`${concept}_${(syls[after] as Syllable).folded}`, true);
      }
    }
    return out;
  }

  // Two memos. Knowledge phrases (titles, body names, area words, provinces) are analysed while
  // the engine is built and met again on every question: they are kept for good. A question's own
  // texts (its subject, asked of several handlers) are kept only for a while: a memo that grew with
  // every new question would keep the young-generation collector copying it, and its pauses
  // would land on answers.
  const fixed = new Map<string, Analysis>();
  const recent = new Map<string, Analysis>();
  let building = true;
  function analyze(text: string): Analysis {
    const hit = fixed.get(text) ?? recent.get(text);
    if (hit) return hit;
    const result = analyzeUncached(text);
    if (building) fixed.set(text, result);
    else {
      // The oldest goes first (a Map keeps insertion order): clearing all at once would make the
      // question that fills it analyse everything again.
      if (recent.size >= RECENT_ANALYSES) recent.delete(recent.keys().next().value as string);
      recent.set(text, result);
    }
    return result;
  }

  return {
    analyze,
    ready: () => {
      building = false;
    },
    // Documents are analysed once, when indexing: their analyses stay out of the memo, which is
    // for what questions meet again and again (titles, names, area words, the question's subject).
    tokenize: tokenizeUncached,
  };
}
