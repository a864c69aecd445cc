// The analyser has two paths: analyze() (units and terms, for questions and relevance) and the
// leaner tokenize() that indexing runs over every document. They must give the same index terms,
// or a question would look for terms the index spells differently.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEvalSet } from '../../src/eval/evaluate.ts';
import { createAnalyzer, type Analysis } from '../../src/search/analyzer.ts';
import { documents } from '../../src/search/index.ts';
import { ROOT, shippedKnowledge } from '../helpers.ts';

/** The definition tokenize() keeps: every term, in order, less the syllables of place names. */
function expected(a: Analysis): string[] {
  return a.terms
    .filter((t) => (t.kind !== 'syllable' && t.kind !== 'marked') || !a.units[t.positions[0] as number]?.place)
    .map((t) => t.term);
}

describe('tokenize', () => {
  it('gives the terms analyze() gives, in the same order, for every field of every document and every question', async () => {
    const k = await shippedKnowledge();
    const analyzer = createAnalyzer(k.glossary);
    const texts = new Set<string>();
    for (const d of documents(k)) for (const text of [d.name, d.keywords, d.text, d.context]) texts.add(text);
    for (const f of ['questions.jsonl', 'holdout.jsonl']) for (const q of readEvalSet(join(ROOT, 'test/eval', f))) texts.add(q.q);
    // Place names at the edges, repeated, and inside concepts; stop words side by side.
    texts.add('Thái Nguyên Thái Nguyên thai nguyen Bắc Giang và của QL17 quốc lộ 17 ĐT294B và và');
    let terms = 0;
    for (const text of texts) {
      const got = analyzer.tokenize(text);
      expect(got, text).toEqual(expected(analyzer.analyze(text)));
      terms += got.length;
    }
    expect(texts.size).toBeGreaterThan(500);
    expect(terms).toBeGreaterThan(10_000);
  });
});
