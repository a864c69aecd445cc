// Search ranking and relevance on the shipped knowledge. Each case names what would break it.
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer, type Analyzer } from '../../src/search/analyzer.ts';
import { createSearchIndex, type SearchIndex, type ItemType } from '../../src/search/index.ts';
import { coverage, isRelevant } from '../../src/search/relevance.ts';
import { shippedKnowledge } from '../helpers.ts';

let analyzer: Analyzer;
let index: SearchIndex;

beforeAll(async () => {
  const k = await shippedKnowledge();
  analyzer = createAnalyzer(k.glossary);
  index = createSearchIndex(k, analyzer);
});

/** Ids of the relevant hits, best first. */
function ids(q: string, types?: ItemType[]): string[] {
  const a = analyzer.analyze(q);
  return index
    .search(a, types ? { types } : {})
    .filter((h) => isRelevant(coverage(a, h.matched, index.knows)))
    .map((h) => h.id);
}

describe('the analyser', () => {
  it('gives the same terms at indexing and at query time', () => {
    const indexed = new Set(analyzer.tokenize('Khôi phục tuyến đường sắt Kép - Lưu Xá'));
    for (const t of analyzer.analyze('khoi phuc tuyen duong sat kep luu xa').terms)
      if (t.kind !== 'marked') expect(indexed.has(t.term), t.term).toBe(true);
  });
  it('expands abbreviations both ways: QL17 = quốc lộ 17 = ql 17', () => {
    const concept = (q: string) =>
      analyzer
        .analyze(q)
        .terms.filter((t) => t.kind === 'concept-bigram')
        .map((t) => t.term);
    expect(concept('QL17')).toEqual(concept('quốc lộ 17'));
    expect(concept('ql 17')).toEqual(concept('QL17'));
    expect(concept('QL17').length).toBeGreaterThan(0);
  });
  it('maps English topic words onto the Vietnamese vocabulary', () => {
    const concepts = (q: string) => new Set(analyzer.analyze(q).units.flatMap((u) => u.concepts));
    const railway = concepts('railway');
    expect([...concepts('đường sắt')].some((c) => railway.has(c))).toBe(true);
  });
  it('flags stop words by spelling when diacritics are typed ("thì" is, "thị" is not)', () => {
    const [thi1, thi2] = analyzer.analyze('thì thị').units;
    expect(thi1?.stop).toBe(true);
    expect(thi2?.stop).toBe(false);
  });
});

describe('ranking', () => {
  it('finds the Kép – Lưu Xá railway typed without diacritics', () => {
    expect(ids('duong sat kep luu xa')[0]).toBe('C18');
  });
  it('treats Hoà and Hòa alike', () => {
    expect(ids('cầu Hoà Sơn')[0]).toBe(ids('cầu Hòa Sơn')[0]);
    expect(ids('cầu Hoà Sơn')).toContain('C19');
  });
  it('treats NFD input like NFC', () => {
    expect(ids('ngầm Tam Kha'.normalize('NFD'))).toEqual(ids('ngầm Tam Kha'));
  });
  it('keeps ĐT294 and ĐT294B apart', () => {
    expect(ids('ĐT294')[0]).toBe('C22');
    expect(ids('dt294b')[0]).toBe('C23');
  });
  it('ranks the phrase "Bắc Giang" as a phrase: the BG People\'s Committee before the TN one', () => {
    const r = ids('UBND tỉnh Bắc Giang', ['body']);
    expect(r[0]).toBe('ubnd-bg');
    expect(r.indexOf('ubnd-bg')).toBeLessThan(r.indexOf('ubnd-tn') === -1 ? Infinity : r.indexOf('ubnd-tn'));
  });
  it('finds an English question through the glossary', () => {
    expect(ids('sand mining on the river')).toContain('C29');
  });
});

describe('relevance', () => {
  it('does not answer a place with an uncovered topic ("bệnh viện ở Võ Nhai")', () => {
    expect(ids('bệnh viện ở Võ Nhai')).toEqual([]);
  });
  it('does not turn "Nguyễn Văn A" into Nguyễn Thanh Hải', () => {
    expect(ids('Nguyễn Văn A')).toEqual([]);
  });
  it('does not match a compound it does not know ("đường sắt đô thị")', () => {
    expect(ids('nhà máy điện hạt nhân')).toEqual([]);
  });
  it('does not match scattered syllables of chit-chat', () => {
    expect(ids('ban co nguoi yeu chua')).toEqual([]);
  });
  it('does not match unrelated questions', () => {
    expect(ids('What is the capital of France?')).toEqual([]);
    expect(ids('giá vàng hôm nay')).toEqual([]);
  });
});
