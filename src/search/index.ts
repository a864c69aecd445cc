// The MiniSearch index over every commitment, result, fact, person and body of every agreement.
// Built once per Knowledge value; a reload builds a new one beside it.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Knowledge } from '../knowledge/types.ts';
import type { Analysis, Analyzer, TermKind } from './analyzer.ts';

export type ItemType = 'commitment' | 'result' | 'fact' | 'person' | 'body';

/** One searchable entry; the baseline (src/eval/baseline.ts) indexes these same documents. */
export interface Doc {
  key: string;
  type: ItemType;
  agreement: string;
  itemId: string;
  name: string;
  keywords: string;
  text: string;
  context: string;
}

export interface Hit {
  type: ItemType;
  agreement: string;
  id: string;
  score: number;
  /** Query terms (as produced by the analyser) that matched this document. */
  matched: ReadonlySet<string>;
}

/**
 * Field boosts, on purpose: a hit in a commitment's title or a person's name says more than a
 * hit in the clause text, and the area/province context only breaks ties.
 */
export const FIELD_BOOST = { name: 3, keywords: 2, text: 1, context: 0.5 } as const;

/** Phrase-level terms count more than single syllables: that is how "Bắc Giang" beats "Bắc" + "Giang". */
const TERM_BOOST: Record<TermKind, number> = { syllable: 1, marked: 0.5, bigram: 1.6, concept: 1.3, 'concept-bigram': 2 };

export function documents(k: Knowledge): Doc[] {
  const docs: Doc[] = [];
  const areaName = new Map(k.glossary.areas.map((a) => [a.id, `${a.vi} ${a.en}`]));
  for (const a of k.agreements) {
    const base = (type: ItemType, id: string) => ({ key: `${a.id}/${type}/${id}`, type, agreement: a.id, itemId: id });
    for (const c of a.commitments) {
      docs.push({ ...base('commitment', c.id), name: `${c.title.vi} ${c.title.en ?? ''}`, keywords: `${c.id} ${c.keywords.join(' ')}`, text: `${c.text} ${c.source.quote}`, context: areaName.get(c.area) ?? '' });
    }
    for (const r of a.results) {
      docs.push({ ...base('result', r.id), name: `${r.title.vi} ${r.title.en ?? ''}`, keywords: `${r.id} ${r.keywords.join(' ')}`, text: `${r.text} ${r.source.quote}`, context: areaName.get(r.area) ?? '' });
    }
    for (const f of a.facts) {
      docs.push({ ...base('fact', f.id), name: `${f.title.vi} ${f.title.en ?? ''}`, keywords: `${f.id} ${f.keywords.join(' ')}`, text: `${f.text} ${f.source.quote}`, context: '' });
    }
    const province = new Map(a.meta.provinces.map((p) => [p.id, `${p.name} ${p.en ?? ''}`]));
    for (const p of a.people) {
      docs.push({
        ...base('person', p.id),
        name: p.name,
        keywords: p.titles.map((t) => `${t.vi} ${t.en}`).join(' '),
        text: `${p.event_role.vi} ${p.event_role.en ?? ''} ${p.mentions.map((m) => `${m.about.vi} ${m.about.en ?? ''}`).join(' ')}`,
        context: p.province ? (province.get(p.province) ?? '') : '',
      });
    }
    for (const b of a.bodies) {
      docs.push({
        ...base('body', b.id),
        name: `${b.name} ${b.en} ${b.aliases.join(' ')}`,
        keywords: '',
        text: `${b.description?.vi ?? ''} ${b.description?.en ?? ''}`,
        context: b.provinces.map((id) => province.get(id) ?? '').join(' '),
      });
    }
  }
  return docs;
}

export interface SearchIndex {
  search(query: Analysis, options?: { types?: readonly ItemType[]; agreement?: string; limit?: number }): Hit[];
  /** Whether any document has this term: a question word we have never seen is a topic we do not cover. */
  knows(term: string): boolean;
  readonly size: number;
}

export function createSearchIndex(knowledge: Knowledge, analyzer: Analyzer): SearchIndex {
  const vocabulary = new Set<string>();
  const mini = new MiniSearch<Doc>({
    idField: 'key',
    fields: ['name', 'keywords', 'text', 'context'],
    storeFields: ['type', 'agreement', 'itemId'],
    tokenize: (text) => {
      const terms = analyzer.tokenize(text);
      for (const t of terms) vocabulary.add(t);
      return terms;
    },
    // The analyser already folded, filtered and expanded; MiniSearch must not touch terms again.
    processTerm: (term) => term,
    searchOptions: {
      tokenize: (query) => query.split(' '),
      processTerm: (term) => term,
      boost: { ...FIELD_BOOST },
      weights: { fuzzy: 0.3, prefix: 0.2 },
    },
  });
  const docs = documents(knowledge);
  mini.addAll(docs);

  return {
    size: docs.length,
    knows: (term) => vocabulary.has(term),
    search(query, options = {}) {
      if (query.terms.length === 0) return [];
      const kind = new Map(query.terms.map((t) => [t.term, t.kind]));
      const types = options.types ? new Set(options.types) : undefined;
      const results: SearchResult[] = mini.search(query.terms.map((t) => t.term).join(' '), {
        boostTerm: (term) => TERM_BOOST[kind.get(term) ?? 'syllable'],
        // Typos are forgiven only in words the knowledge does not know: a known word is spelt as
        // meant ("phuong" must not reach "huong"). Codes ("17", "294b") always match exactly, or
        // "ĐT294" would find "ĐT294B".
        fuzzy: (term) => (kind.get(term) === 'syllable' && /^[a-z]+$/.test(term) && !vocabulary.has(term) ? (term.length >= 6 ? 2 : term.length >= 4 ? 1 : false) : false),
        prefix: (term) => kind.get(term) === 'syllable' && term.length >= 5 && /^[a-z]+$/.test(term) && !vocabulary.has(term),
        filter: (r) => (!types || types.has(r.type as ItemType)) && (!options.agreement || r.agreement === options.agreement),
      });
      return results.slice(0, options.limit ?? 20).map((r) => ({
        type: r.type as ItemType,
        agreement: r.agreement as string,
        id: r.itemId as string,
        score: r.score,
        matched: new Set(r.queryTerms),
      }));
    },
  };
}
