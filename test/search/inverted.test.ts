// src/search/inverted.ts replaced MiniSearch in the engine for speed, promising the same scores,
// ties and matched terms for exact terms. This holds it to that: MiniSearch, with exact matching
// (typos are corrected before search now), and the inverted index must agree on every evaluation
// question.
import MiniSearch from 'minisearch';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readEvalSet } from '../../src/eval/evaluate.ts';
import { createAnalyzer, type Analysis } from '../../src/search/analyzer.ts';
import { createSearchIndex, documents, FIELD_BOOST, type Doc, type ItemType, type SearchIndex } from '../../src/search/index.ts';
import { ROOT, shippedKnowledge } from '../helpers.ts';

const TERM_BOOST = { syllable: 1, marked: 0.5, bigram: 1.6, concept: 1.3, 'concept-bigram': 2 } as const;

let ours: SearchIndex;
let reference: (query: Analysis, types?: readonly ItemType[], limit?: number) => unknown[];
let analyze: (text: string) => Analysis;

beforeAll(async () => {
  const k = await shippedKnowledge();
  const analyzer = createAnalyzer(k.glossary);
  analyze = analyzer.analyze;
  ours = createSearchIndex(k, analyzer);
  const mini = new MiniSearch<Doc>({
    idField: 'key',
    fields: ['name', 'keywords', 'text', 'context'],
    storeFields: ['type', 'agreement', 'itemId'],
    tokenize: (text) => analyzer.tokenize(text),
    processTerm: (term) => term,
    searchOptions: {
      tokenize: (q) => q.split(' '),
      processTerm: (term) => term,
      boost: { ...FIELD_BOOST },
    },
  });
  mini.addAll(documents(k));
  reference = (query, types, limit = 20) => {
    const kind = new Map(query.terms.map((t) => [t.term, t.kind]));
    return mini
      .search(query.terms.map((t) => t.term).join(' '), {
        boostTerm: (term) => TERM_BOOST[kind.get(term) ?? 'syllable'],
        fuzzy: false,
        prefix: false,
        filter: (r) => !types || types.includes(r.type as ItemType),
      })
      .slice(0, limit)
      .map((r) => [r.type, r.agreement, r.itemId, r.score, [...r.queryTerms].sort()]);
  };
});

describe('inverted index', () => {
  it('ranks and scores exactly as MiniSearch did, on every evaluation question', () => {
    const questions = ['questions.jsonl', 'holdout.jsonl'].flatMap((f) => readEvalSet(join(ROOT, 'test/eval', f)).map((q) => q.q));
    // Unknown words ("responsble", "thnah") match nothing on either side; a pasted paragraph makes
    // a query of more than 64 terms.
    const typos = [
      'responsble railwy',
      'thnah',
      'samsng ve tinh',
      'duong sat kep',
      'chu tich hdnd thai nguyen',
      'Hợp tác chặt chẽ trong việc xúc tiến đầu tư, thu hút đầu tư nước ngoài, trọng tâm là thu hút đầu tư vào lĩnh vực công nghiệp chế biến, chế tạo công nghệ cao, sản xuất thông minh, công nghiệp xanh thân thiện với môi trường. duong sat kep luu xa thnah',
    ];
    let compared = 0;
    for (const q of [...questions, ...typos]) {
      const query = analyze(q);
      for (const [types, limit] of [
        [undefined, 30],
        [['commitment', 'result'], 6],
        [['person', 'body'], 1],
      ] as const) {
        const got = ours
          .search(query, { ...(types ? { types } : {}), limit })
          .map((h) => [h.type, h.agreement, h.id, h.score, [...h.matched].sort()]);
        expect(got, q).toEqual(reference(query, types, limit));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(Math.max(...typos.map((q) => analyze(q).terms.length))).toBeGreaterThan(64);
  });
});
