// A BM25 inverted index that scores as MiniSearch 7 does with exact terms (OR of the query terms;
// per-field BM25+ with k 1.2, b 0.7, d 0.5; field and term boosts; the sum times the number of
// query terms matched), down to the order of every floating-point addition, so rankings and ties
// are MiniSearch's. Typos are not this index's business: the one typo rule corrects questions
// before they are searched (typos.ts).
//
// Why not MiniSearch itself: it builds a Map entry and a result object per matching document and
// then sorts them all. At 1,000 agreements a common term matches tens of thousands of documents and
// a question took tens of milliseconds. Here postings are typed arrays, scores accumulate in
// preallocated arrays, only the best `limit` documents are kept, and only they get result objects.

const K = 1.2;
const B = 0.7;
const D = 0.5;

/** One query term, and how it is boosted. Terms match exactly: typos are corrected upstream (typos.ts). */
export interface TermSpec {
  term: string;
  boost: number;
}

function grow(a: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(Math.max(needed, a.length * 2));
  b.set(a);
  return b;
}

export interface Scored {
  doc: number;
  score: number;
  /** The query terms that matched the document. */
  matched: Set<string>;
}

export interface InvertedIndex {
  has(term: string): boolean;
  /** How many documents hold the term. */
  documentFrequency(term: string): number;
  /** Every indexed term, in order of first occurrence. */
  readonly terms: readonly string[];
  search(terms: readonly TermSpec[], accept: (doc: number) => boolean, limit: number): Scored[];
}

/**
 * `text(doc, field)` gives a field's text, `tokenize` its terms in order; documents and fields are
 * in index order. `fieldBoosts` are in field order; `boostOf` gives a term's boost by its kind.
 */
export function buildInvertedIndex(
  docCount: number,
  fieldBoosts: readonly number[],
  text: (doc: number, field: number) => string,
  tokenize: (text: string) => string[],
  boostOf: (term: string) => number,
): InvertedIndex {
  const fields = fieldBoosts.length;
  // Term ids are given in order of first occurrence (document, field, then text order): the order
  // MiniSearch adds terms to its index.
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  // Many fields repeat word for word (area names, shared clauses, descriptions): each distinct text
  // is tokenised and counted once. Its vector (distinct term ids in first-occurrence order, and
  // their counts) lives in two shared pools, not in typed arrays of its own: a hundred thousand
  // small ArrayBuffers cost the collector more than the data they hold.
  const vectorOf = new Map<string, number>();
  let vecIds = new Int32Array(1 << 16);
  let vecTfs = new Int32Array(1 << 16);
  let vecStart = new Int32Array(1 << 10);
  let vecCount = 0;
  let pooled = 0;
  const docVector = new Int32Array(docCount * fields);
  const fieldLength = Array.from({ length: fields }, () => new Int32Array(docCount));
  const avgLength = new Array<number>(fields).fill(0);
  // Counted in arrays indexed by term id: a Map here cost more than the tokenising.
  let seenIn = new Int32Array(1 << 16).fill(-1);
  for (let doc = 0; doc < docCount; doc++) {
    for (let f = 0; f < fields; f++) {
      const value = text(doc, f);
      let v = vectorOf.get(value);
      if (v === undefined) {
        v = vecCount++;
        if (vecCount >= vecStart.length) vecStart = grow(vecStart, vecCount + 1);
        const from = pooled;
        for (const t of tokenize(value)) {
          let id = termIds.get(t);
          if (id === undefined) {
            id = terms.length;
            termIds.set(t, id);
            terms.push(t);
            if (id >= seenIn.length) {
              const wider = new Int32Array(seenIn.length * 2).fill(-1);
              wider.set(seenIn);
              seenIn = wider;
            }
          }
          // seenIn[id]: where in the pool this text's entry for the term is, if it has one yet.
          const at = seenIn[id] as number;
          if (at >= from) vecTfs[at] = (vecTfs[at] as number) + 1;
          else {
            if (pooled === vecIds.length) {
              vecIds = grow(vecIds, pooled + 1);
              vecTfs = grow(vecTfs, pooled + 1);
            }
            seenIn[id] = pooled;
            vecIds[pooled] = id;
            vecTfs[pooled++] = 1;
          }
        }
        vecStart[v + 1] = pooled;
        vectorOf.set(value, v);
      }
      docVector[doc * fields + f] = v;
      // The field's length is its number of distinct terms; the average is kept as a running mean.
      const length = (vecStart[v + 1] as number) - (vecStart[v] as number);
      (fieldLength[f] as Int32Array)[doc] = length;
      avgLength[f] = ((avgLength[f] as number) * doc + length) / (doc + 1);
    }
  }
  vectorOf.clear();
  // Postings in one flat array, term by term and field by field, documents ascending:
  // list (term, field) is postDocs[start[term * fields + field] .. start[term * fields + field + 1]).
  const start = new Int32Array(terms.length * fields + 1);
  for (let i = 0; i < docVector.length; i++) {
    const f = i % fields;
    const v = docVector[i] as number;
    for (let j = vecStart[v] as number; j < (vecStart[v + 1] as number); j++) {
      const k = (vecIds[j] as number) * fields + f + 1;
      start[k] = (start[k] as number) + 1;
    }
  }
  for (let k = 1; k < start.length; k++) start[k] = (start[k] as number) + (start[k - 1] as number);
  const postDocs = new Int32Array(start[start.length - 1] as number);
  const postTfs = new Int32Array(postDocs.length);
  const cursor = start.slice(0, -1);
  for (let i = 0; i < docVector.length; i++) {
    const doc = Math.floor(i / fields);
    const f = i % fields;
    const v = docVector[i] as number;
    for (let j = vecStart[v] as number; j < (vecStart[v + 1] as number); j++) {
      const k = (vecIds[j] as number) * fields + f;
      const at = cursor[k] as number;
      postDocs[at] = doc;
      postTfs[at] = vecTfs[j] as number;
      cursor[k] = at + 1;
    }
  }
  // Term frequencies fit in 16 bits in any text a person writes; the wider array is the fallback.
  const tfs16 = postTfs.every((tf) => tf <= 0xffff) ? Uint16Array.from(postTfs) : postTfs;
  /** The same expression MiniSearch evaluates per match, so the same double, bit for bit. */
  const idfOf = (matching: number) => Math.log(1 + (docCount - matching + 0.5) / (matching + 0.5));
  const bm25 = (j: number, f: number, idf: number) => {
    const tf = tfs16[j] as number;
    return (
      idf *
      (D +
        (tf * (K + 1)) /
          (tf + K * (1 - B + (B * ((fieldLength[f] as Int32Array)[postDocs[j] as number] as number)) / (avgLength[f] as number))))
    );
  };

  // Most query terms match exactly (no prefix, no typo), with the boost their kind always has.
  // Such a term's score for a document is then fixed by the index: the sum over its fields, added
  // in field order exactly as accumulate() adds it. Summed here once per term, documents in
  // MiniSearch's first-touch order, so a search adds one number per document, not one per field.
  const boosts = Float64Array.from(terms, boostOf);
  const mergedStart = new Int32Array(terms.length + 1);
  let mergedDocs = new Int32Array(postDocs.length);
  let mergedScores = new Float64Array(postDocs.length);
  {
    const owner = new Int32Array(docCount).fill(-1);
    const slot = new Int32Array(docCount);
    let m = 0;
    for (let term = 0; term < terms.length; term++) {
      mergedStart[term] = m;
      for (let f = 0; f < fields; f++) {
        const weight = 1 * (boosts[term] as number) * (fieldBoosts[f] as number) * 1;
        const from = start[term * fields + f] as number;
        const to = start[term * fields + f + 1] as number;
        const idf = idfOf(to - from);
        for (let j = from; j < to; j++) {
          const doc = postDocs[j] as number;
          const score = weight * bm25(j, f, idf);
          if (owner[doc] === term) mergedScores[slot[doc] as number] = (mergedScores[slot[doc] as number] as number) + score;
          else {
            owner[doc] = term;
            slot[doc] = m;
            mergedDocs[m] = doc;
            mergedScores[m++] = score;
          }
        }
      }
    }
    mergedStart[terms.length] = m;
    mergedDocs = mergedDocs.slice(0, m);
    mergedScores = mergedScores.slice(0, m);
  }

  // Scratch space shared by every search: searches are synchronous, so they never overlap. Instead
  // of clearing per-document flags after each search, a document counts as touched (by the current
  // term, or by the current search) when its stamp equals the current stamp.
  const termScore = new Float64Array(docCount);
  const termStamp = new Int32Array(docCount);
  const total = new Float64Array(docCount);
  const quality = new Int32Array(docCount);
  const searchStamp = new Int32Array(docCount);
  let stamp = 0;
  // Which query terms matched which document, so the few documents returned can name their terms
  // without a second pass over every match: the first 64 terms as bits (one write per match), any
  // further ones in a linked list per document in a shared pool.
  const maskLo = new Int32Array(docCount);
  const maskHi = new Int32Array(docCount);
  const head = new Int32Array(docCount);
  let poolTerm = new Int32Array(1 << 16);
  let poolNext = new Int32Array(1 << 16);
  let poolUsed = 0;
  // The documents the current term touched, and all documents touched so far, in first-touch order.
  const termDocs = new Int32Array(docCount);
  let termCount = 0;
  const allDocs = new Int32Array(docCount);
  let allCount = 0;

  function nextStamp(): number {
    if (stamp === 0x7fffffff) {
      stamp = 0;
      termStamp.fill(0);
      searchStamp.fill(0);
    }
    return ++stamp;
  }

  /** Query terms past the 64th are noted in the pool: room for `matches` more, before a term's matches are joined. */
  function reservePool(term: number, matches: number): void {
    if (term < 64 || poolUsed + matches <= poolTerm.length) return;
    poolTerm = grow(poolTerm, poolUsed + matches);
    poolNext = grow(poolNext, poolUsed + matches);
  }

  /** Adds query term `term`'s score to the document's total for this search, and notes that the term matched it. */
  function join(doc: number, score: number, term: number, current: number): void {
    if (searchStamp[doc] === current) {
      total[doc] = (total[doc] as number) + score;
      quality[doc] = (quality[doc] as number) + 1;
    } else {
      searchStamp[doc] = current;
      total[doc] = score;
      quality[doc] = 1;
      maskLo[doc] = 0;
      maskHi[doc] = 0;
      head[doc] = -1;
      allDocs[allCount++] = doc;
    }
    if (term < 32) maskLo[doc] = (maskLo[doc] as number) | (1 << term);
    else if (term < 64) maskHi[doc] = (maskHi[doc] as number) | (1 << (term - 32));
    else {
      poolTerm[poolUsed] = term;
      poolNext[poolUsed] = head[doc] as number;
      head[doc] = poolUsed++;
    }
  }

  /** Adds one (source or derived) term's BM25 scores to `termScore`, noting first touches in `termDocs`. */
  function accumulate(term: number, termWeight: number, termBoost: number, current: number): void {
    for (let f = 0; f < fields; f++) {
      const from = start[term * fields + f] as number;
      const to = start[term * fields + f + 1] as number;
      if (to === from) continue;
      const weight = termWeight * termBoost * (fieldBoosts[f] as number) * 1;
      const idf = idfOf(to - from);
      for (let j = from; j < to; j++) {
        const doc = postDocs[j] as number;
        const score = weight * bm25(j, f, idf);
        if (termStamp[doc] === current) termScore[doc] = (termScore[doc] as number) + score;
        else {
          termStamp[doc] = current;
          termScore[doc] = score;
          termDocs[termCount++] = doc;
        }
      }
    }
  }

  function search(specs: readonly TermSpec[], accept: (doc: number) => boolean, limit: number): Scored[] {
    const current = nextStamp();
    allCount = 0;
    poolUsed = 0;
    for (let i = 0; i < specs.length; i++) {
      const spec = specs[i] as TermSpec;
      const exact = termIds.get(spec.term);
      if (exact === undefined) continue;
      if (boosts[exact] === spec.boost) {
        // The common case: the term's per-document sums are precomputed (see mergedScores).
        const from = mergedStart[exact] as number;
        const to = mergedStart[exact + 1] as number;
        reservePool(i, to - from);
        for (let j = from; j < to; j++) join(mergedDocs[j] as number, mergedScores[j] as number, i, current);
        continue;
      }
      // A term asked with another boost than its kind's: its fields are summed now.
      const inTerm = nextStamp();
      termCount = 0;
      accumulate(exact, 1, spec.boost, inTerm);
      reservePool(i, termCount);
      // OR: the term's sum joins the document's total in query-term order.
      for (let j = 0; j < termCount; j++) {
        const doc = termDocs[j] as number;
        join(doc, termScore[doc] as number, i, current);
      }
    }

    // The best `limit`, by score, ties in order of first match (MiniSearch's stable sort).
    const top: { doc: number; score: number }[] = [];
    for (let j = 0; j < allCount; j++) {
      const doc = allDocs[j] as number;
      const score = (total[doc] as number) * (quality[doc] as number);
      if (top.length === limit && score <= (top[limit - 1] as { score: number }).score) continue;
      if (!accept(doc)) continue;
      let at = top.length;
      while (at > 0 && (top[at - 1] as { score: number }).score < score) at--;
      top.splice(at, 0, { doc, score });
      if (top.length > limit) top.pop();
    }
    return top.map((t) => {
      const matched = new Set<string>();
      const lo = maskLo[t.doc] as number;
      const hi = maskHi[t.doc] as number;
      for (let k = 0; k < 32 && k < specs.length; k++) if (lo & (1 << k)) matched.add((specs[k] as TermSpec).term);
      for (let k = 32; k < 64 && k < specs.length; k++) if (hi & (1 << (k - 32))) matched.add((specs[k] as TermSpec).term);
      for (let at = head[t.doc] as number; at >= 0; at = poolNext[at] as number)
        matched.add((specs[poolTerm[at] as number] as TermSpec).term);
      return { doc: t.doc, score: t.score, matched };
    });
  }

  return {
    has: (term) => termIds.has(term),
    documentFrequency(term) {
      const id = termIds.get(term);
      return id === undefined ? 0 : (mergedStart[id + 1] as number) - (mergedStart[id] as number);
    },
    terms,
    search,
  };
}
