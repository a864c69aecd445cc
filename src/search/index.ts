// The search index over every commitment, result, fact, person and body of every agreement: BM25
// scored as MiniSearch scores it, over the postings of inverted.ts.
// Built once per Knowledge value; a reload builds a new one beside it.
import type { Knowledge } from '../knowledge/types.ts';
import type { Analysis, Analyzer, TermKind } from './analyzer.ts';
import { buildInvertedIndex } from './inverted.ts';

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
 * hit in the clause text, and the context (a province, the lead-in a clause is a point of) only breaks ties.
 */
export const FIELD_BOOST = { name: 3, keywords: 2, text: 1, context: 0.5 } as const;

/** Phrase-level terms count more than single syllables: that is how "Bắc Giang" beats "Bắc" + "Giang". */
const TERM_BOOST: Record<TermKind, number> = { syllable: 1, marked: 0.5, bigram: 1.6, concept: 1.3, 'concept-bigram': 2 };

/** A term's kind, from its form (see analyzer.ts): "#3_17", "#3", "=đường2", "bac_giang", "duong". */
function termKind(term: string): TermKind {
  if (term.startsWith('#')) return term.includes('_') ? 'concept-bigram' : 'concept';
  if (term.startsWith('=')) return 'marked';
  return term.includes('_') ? 'bigram' : 'syllable';
}

export function documents(k: Knowledge): Doc[] {
  const docs: Doc[] = [];
  // An entry's area is not indexed with it: "thể thao" in the area "Văn hóa, thể thao, di sản cách
  // mạng" would make every clause of that area match a question about sport. Areas are linked from
  // the question instead (findAreas), and an entry's keywords carry the words of its own topic.
  for (const a of k.agreements) {
    const base = (type: ItemType, id: string) => ({ key: `${a.id}/${type}/${id}`, type, agreement: a.id, itemId: id });
    for (const c of a.commitments) {
      docs.push({
        ...base('commitment', c.id),
        name: `${c.title.vi} ${c.title.en ?? ''}`,
        keywords: `${c.id} ${c.keywords.join(' ')}`,
        text: `${c.text} ${c.source.quote}`,
        // The wording its status rests on is often the lead-in of a list it is one point of
        // ("Tiếp tục phối hợp đầu tư …, cải tạo, nâng cấp các tuyến đường kết nối hai tỉnh như: …").
        context: c.status_source?.quote ?? '',
      });
    }
    for (const r of a.results) {
      docs.push({
        ...base('result', r.id),
        name: `${r.title.vi} ${r.title.en ?? ''}`,
        keywords: `${r.id} ${r.keywords.join(' ')}`,
        text: `${r.text} ${r.source.quote}`,
        context: '',
      });
    }
    for (const f of a.facts) {
      docs.push({
        ...base('fact', f.id),
        name: `${f.title.vi} ${f.title.en ?? ''}`,
        keywords: `${f.id} ${f.keywords.join(' ')}`,
        text: `${f.text} ${f.source.quote}`,
        context: '',
      });
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
  /** `among`: only these entries ("agreement/type/id"), ranked against each other. */
  search(
    query: Analysis,
    options?: { types?: readonly ItemType[]; agreement?: string; limit?: number; among?: ReadonlySet<string> },
  ): Hit[];
  /** Whether any document has this term: a question word we have never seen is a topic we do not cover. */
  knows(term: string): boolean;
  /** How many documents hold the term. */
  documentFrequency(term: string): number;
  /** Every indexed term. */
  readonly terms: readonly string[];
  readonly size: number;
}

/**
 * The index and what a hit needs of its document. Built in its own function so that nothing the
 * search closures keep can reach the documents' texts (a closure here would hold them all).
 */
function build(knowledge: Knowledge, analyzer: Analyzer) {
  const docs = documents(knowledge);
  const fields = ['name', 'keywords', 'text', 'context'] as const;
  const index = buildInvertedIndex(
    docs.length,
    fields.map((f) => FIELD_BOOST[f]),
    (doc, field) => (docs[doc] as Doc)[fields[field] as (typeof fields)[number]],
    analyzer.tokenize,
    (term) => TERM_BOOST[termKind(term)],
  );
  return {
    index,
    size: docs.length,
    typeOf: docs.map((d) => d.type),
    agreementOf: docs.map((d) => d.agreement),
    idOf: docs.map((d) => d.itemId),
    // The keys `among` names entries by, made once: a search may test tens of thousands of documents.
    keyOf: docs.map((d) => `${d.agreement}/${d.type}/${d.itemId}`),
  };
}

export function createSearchIndex(knowledge: Knowledge, analyzer: Analyzer): SearchIndex {
  const { index, size, typeOf, agreementOf, idOf, keyOf } = build(knowledge, analyzer);

  return {
    size,
    knows: (term) => index.has(term),
    documentFrequency: (term) => index.documentFrequency(term),
    terms: index.terms,
    search(query, options = {}) {
      if (query.terms.length === 0) return [];
      const types = options.types ? new Set(options.types) : undefined;
      const { agreement } = options;
      // Every term matches exactly: typos were corrected before the question got here, by the one
      // typo rule (src/search/typos.ts). An unknown word left unknown stays unmatched, so that
      // coverage sees it ("bong da" is not a near miss of some clause).
      const specs = query.terms.map((t) => ({ term: t.term, boost: TERM_BOOST[t.kind] }));
      const { among } = options;
      const accept = (doc: number) =>
        (!types || types.has(typeOf[doc] as ItemType)) &&
        (!agreement || agreementOf[doc] === agreement) &&
        (!among || among.has(keyOf[doc] as string));
      return index.search(specs, accept, options.limit ?? 20).map((r) => ({
        type: typeOf[r.doc] as ItemType,
        agreement: agreementOf[r.doc] as string,
        id: idOf[r.doc] as string,
        score: r.score,
        matched: r.matched,
      }));
    },
  };
}
