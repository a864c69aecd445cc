// The one term analyser, used both when indexing and when querying: that symmetry is what lets
// "duong sat kep luu xa" find "đường sắt Kép - Lưu Xá" and "quốc lộ 17" find "QL17".
//
// A text becomes:
//  - units: one per folded syllable, flagged as stop word, place name or generic word, with the
//    glossary concepts that cover it. Units are what relevance is judged on (see relevance.ts).
//  - terms: what MiniSearch indexes and looks up: content syllables, adjacent-syllable bigrams
//    ("bac_giang", so "Bắc Giang" beats "Bắc" + "Giang"), glossary concepts ("#12" for every
//    phrase of synonym group 12, whatever the language), and concept bigrams ("#3_17" for QL 17).
import type { Glossary } from '../knowledge/schema.ts';
import { syllables } from '../text/normalize.ts';
import { STOPWORDS } from './stopwords.ts';

export type TermKind = 'syllable' | 'bigram' | 'concept' | 'concept-bigram';

export interface Term {
  term: string;
  kind: TermKind;
  /** Syllable positions the term stands for. */
  positions: number[];
}

export interface Unit {
  syllable: string;
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
  syllables: string[];
  concept?: string;
  tag?: 'place' | 'generic';
}

export interface Analyzer {
  analyze(text: string): Analysis;
  /**
   * Index terms only: what MiniSearch's `tokenize` returns for a field. Syllables of place names
   * are indexed only as phrases ("thai_nguyen"), never alone: otherwise "Nguyễn Văn A" would match
   * any clause that mentions Thái Nguyên and "vận tải".
   */
  tokenize(text: string): string[];
  /** The concept token of a phrase, if the glossary knows it ("quốc lộ" → "#3"). */
  conceptOf(phrase: string): string | undefined;
}

/** Builds the analyser from the glossary. Pure: the same glossary always gives the same terms. */
export function createAnalyzer(glossary: Glossary): Analyzer {
  const phrases: Phrase[] = [];
  const groups: string[][] = [
    ...glossary.abbreviations.map((a) => [a.short, a.long, ...(a.en ? [a.en] : [])]),
    ...glossary.synonyms,
  ];
  groups.forEach((group, i) => {
    for (const p of group) phrases.push({ syllables: syllables(p), concept: `#${i}` });
  });
  for (const p of glossary.places) phrases.push({ syllables: syllables(p), tag: 'place' });
  for (const p of glossary.generic) phrases.push({ syllables: syllables(p), tag: 'generic' });

  // First syllable → phrases starting with it, so a scan costs one map lookup per position.
  const byFirst = new Map<string, Phrase[]>();
  for (const p of phrases) {
    const first = p.syllables[0];
    if (first === undefined) continue;
    const list = byFirst.get(first) ?? [];
    list.push(p);
    byFirst.set(first, list);
  }

  // Titles and body names are analysed on every question; their analyses never change.
  const memo = new Map<string, Analysis>();
  function analyze(text: string): Analysis {
    const hit = memo.get(text);
    if (hit) return hit;
    const result = analyzeUncached(text);
    if (memo.size < 50_000) memo.set(text, result);
    return result;
  }

  function analyzeUncached(text: string): Analysis {
    const syls = syllables(text);
    const units: Unit[] = syls.map((s) => ({ syllable: s, stop: STOPWORDS.has(s), place: false, generic: false, concepts: [] }));
    const terms = new Map<string, Term>();
    const add = (term: string, kind: TermKind, positions: number[]): void => {
      const t = terms.get(term);
      if (t) t.positions.push(...positions);
      else terms.set(term, { term, kind, positions: [...positions] });
    };

    for (let i = 0; i < syls.length; i++) {
      const here = syls[i] as string;
      if (!STOPWORDS.has(here)) add(here, 'syllable', [i]);
      const next = syls[i + 1];
      if (next !== undefined && !(STOPWORDS.has(here) && STOPWORDS.has(next))) add(`${here}_${next}`, 'bigram', [i, i + 1]);

      for (const p of byFirst.get(here) ?? []) {
        const n = p.syllables.length;
        if (!p.syllables.every((s, k) => syls[i + k] === s)) continue;
        const span = Array.from({ length: n }, (_, k) => i + k);
        for (const pos of span) {
          const u = units[pos] as Unit;
          if (p.tag === 'place') u.place = true;
          if (p.tag === 'generic') u.generic = true;
          if (p.concept && !u.concepts.includes(p.concept)) u.concepts.push(p.concept);
        }
        if (p.concept) {
          add(p.concept, 'concept', span);
          const after = syls[i + n];
          if (after !== undefined && !STOPWORDS.has(after)) add(`${p.concept}_${after}`, 'concept-bigram', [...span, i + n]);
        }
      }
    }
    return { units, terms: [...terms.values()] };
  }

  const conceptByPhrase = new Map<string, string>();
  for (const p of phrases) if (p.concept) conceptByPhrase.set(p.syllables.join(' '), p.concept);

  return {
    analyze,
    tokenize: (text) => {
      const { units, terms } = analyze(text);
      return terms.filter((t) => t.kind !== 'syllable' || !units[t.positions[0] as number]?.place).map((t) => t.term);
    },
    conceptOf: (phrase) => conceptByPhrase.get(syllables(phrase).join(' ')),
  };
}
