// A BM25 inverted index that scores exactly as MiniSearch 7 does with the options index.ts used
// to pass it (OR of the query terms; per-field BM25+ with k 1.2, b 0.7, d 0.5; field and term
// boosts; prefix and fuzzy matches weighted down; the sum times the number of query terms matched),
// down to the order of every floating-point addition, so rankings and ties are unchanged.
//
// Why not MiniSearch itself: it builds a Map entry and a result object per matching document and
// then sorts them all. At 1,000 agreements a common term matches tens of thousands of documents and
// a question took tens of milliseconds. Here postings are typed arrays, scores accumulate in
// preallocated arrays, only the best `limit` documents are kept, and only they get result objects.
// MiniSearch's radix tree (SearchableMap) still does the fuzzy and prefix look-ups, filled in the
// same order, so it yields the same terms in the same order.
import SearchableMap from 'minisearch/SearchableMap';

const K = 1.2;
const B = 0.7;
const D = 0.5;

/** One query term: how it is boosted, and whether it may match by prefix or with typos (edit distance). */
export interface TermSpec {
  term: string;
  boost: number;
  fuzzy: number | false;
  prefix: boolean;
}

/** Per field: the documents holding the term (ascending) and how often. */
type Postings = ({ docs: Int32Array; tfs: Int32Array } | undefined)[];

export interface Scored {
  doc: number;
  score: number;
  /** The query terms that matched the document (directly, or through a prefix or fuzzy match). */
  matched: Set<string>;
}

export interface InvertedIndex {
  has(term: string): boolean;
  search(terms: readonly TermSpec[], accept: (doc: number) => boolean, limit: number): Scored[];
}

/**
 * `tokens(doc, field)` gives a field's terms in text order, documents and fields in index order.
 * `fieldBoosts` are in field order; `weights` are the prefix and fuzzy weights.
 */
export function buildInvertedIndex(docCount: number, fieldBoosts: readonly number[], tokens: (doc: number, field: number) => string[], weights: { fuzzy: number; prefix: number }): InvertedIndex {
  const fields = fieldBoosts.length;
  const lists = new Map<string, { docs: number[]; tfs: number[] }[]>();
  // Terms enter the radix tree when first seen, as in MiniSearch, so fuzzy results come in its order.
  const order: string[] = [];
  const fieldLength = Array.from({ length: fields }, () => new Int32Array(docCount));
  const avgLength = new Array<number>(fields).fill(0);
  const counts = new Map<string, number>();
  for (let doc = 0; doc < docCount; doc++) {
    for (let f = 0; f < fields; f++) {
      counts.clear();
      for (const t of tokens(doc, f)) counts.set(t, (counts.get(t) ?? 0) + 1);
      // The field's length is its number of distinct terms; the average is kept as a running mean.
      (fieldLength[f] as Int32Array)[doc] = counts.size;
      avgLength[f] = ((avgLength[f] as number) * doc + counts.size) / (doc + 1);
      for (const [t, tf] of counts) {
        let perField = lists.get(t);
        if (!perField) {
          perField = [];
          lists.set(t, perField);
          order.push(t);
        }
        const p = (perField[f] ??= { docs: [], tfs: [] });
        p.docs.push(doc);
        p.tfs.push(tf);
      }
    }
  }
  const postings = new Map<string, Postings>();
  const tree = new SearchableMap<Postings>();
  for (const t of order) {
    const perField = lists.get(t) ?? [];
    const p: Postings = Array.from({ length: fields }, (_, f) => {
      const l = perField[f];
      return l ? { docs: Int32Array.from(l.docs), tfs: Int32Array.from(l.tfs) } : undefined;
    });
    postings.set(t, p);
    tree.set(t, p);
  }
  lists.clear();

  // Scratch space shared by every search: searches are synchronous, so they never overlap.
  const termScore = new Float64Array(docCount);
  const inTerm = new Uint8Array(docCount);
  const total = new Float64Array(docCount);
  const quality = new Int32Array(docCount);
  const seen = new Uint8Array(docCount);
  const isTop = new Uint8Array(docCount);

  /** Adds one (source or derived) term's BM25 scores to `termScore`, noting first touches in `touched`. */
  function accumulate(p: Postings, termWeight: number, termBoost: number, touched: number[]): void {
    for (let f = 0; f < fields; f++) {
      const list = p[f];
      if (!list) continue;
      const matching = list.docs.length;
      const avg = avgLength[f] as number;
      const lengths = fieldLength[f] as Int32Array;
      const idf = Math.log(1 + (docCount - matching + 0.5) / (matching + 0.5));
      const weight = termWeight * termBoost * (fieldBoosts[f] as number) * 1;
      const { docs, tfs } = list;
      for (let j = 0; j < matching; j++) {
        const doc = docs[j] as number;
        const tf = tfs[j] as number;
        const raw = idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * (lengths[doc] as number)) / avg)));
        const score = weight * raw;
        if (inTerm[doc]) termScore[doc] = (termScore[doc] as number) + score;
        else {
          inTerm[doc] = 1;
          termScore[doc] = score;
          touched.push(doc);
        }
      }
    }
  }

  function search(terms: readonly TermSpec[], accept: (doc: number) => boolean, limit: number): Scored[] {
    const docs: number[] = [];
    const perTerm: number[][] = [];
    for (const spec of terms) {
      const touched: number[] = [];
      const exact = postings.get(spec.term);
      if (exact) accumulate(exact, 1, spec.boost, touched);
      const prefixed = spec.prefix ? tree.atPrefix(spec.term) : undefined;
      const fuzzy = spec.fuzzy ? tree.fuzzyGet(spec.term, spec.fuzzy) : undefined;
      if (prefixed) {
        for (const [t, p] of prefixed) {
          const distance = t.length - spec.term.length;
          if (!distance) continue;
          // A prefix match is scored as one, even when it is also a fuzzy match.
          fuzzy?.delete(t);
          accumulate(p, (weights.prefix * t.length) / (t.length + 0.3 * distance), spec.boost, touched);
        }
      }
      if (fuzzy) {
        for (const [t, [p, distance]] of fuzzy) {
          if (!distance) continue;
          accumulate(p, (weights.fuzzy * t.length) / (t.length + distance), spec.boost, touched);
        }
      }
      // OR: the term's sum joins the document's total in query-term order.
      for (const doc of touched) {
        if (seen[doc]) {
          total[doc] = (total[doc] as number) + (termScore[doc] as number);
          quality[doc] = (quality[doc] as number) + 1;
        } else {
          seen[doc] = 1;
          total[doc] = termScore[doc] as number;
          quality[doc] = 1;
          docs.push(doc);
        }
        inTerm[doc] = 0;
        termScore[doc] = 0;
      }
      perTerm.push(touched);
    }

    // The best `limit`, by score, ties in order of first match (MiniSearch's stable sort).
    const top: { doc: number; score: number }[] = [];
    for (const doc of docs) {
      const score = (total[doc] as number) * (quality[doc] as number);
      if (top.length === limit && score <= (top[limit - 1] as { score: number }).score) continue;
      if (!accept(doc)) continue;
      let at = top.length;
      while (at > 0 && (top[at - 1] as { score: number }).score < score) at--;
      top.splice(at, 0, { doc, score });
      if (top.length > limit) top.pop();
    }
    for (const doc of docs) {
      seen[doc] = 0;
      total[doc] = 0;
      quality[doc] = 0;
    }

    const matched = new Map<number, Set<string>>();
    for (const t of top) {
      isTop[t.doc] = 1;
      matched.set(t.doc, new Set());
    }
    perTerm.forEach((touched, i) => {
      const term = (terms[i] as TermSpec).term;
      for (const doc of touched) if (isTop[doc]) matched.get(doc)?.add(term);
    });
    for (const t of top) isTop[t.doc] = 0;
    return top.map((t) => ({ doc: t.doc, score: t.score, matched: matched.get(t.doc) ?? new Set() }));
  }

  return { has: (term) => postings.has(term), search };
}
