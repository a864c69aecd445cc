// Finding the entries that answer a topic. A BM25 score alone cannot tell an answer from an entry
// that merely shares a word with the question, so every hit is judged by how much of the topic's
// own wording it covers (src/search/relevance.ts). What covers enough is an answer; the best of the
// rest is kept as the nearest thing the source says, for a not-found answer to show as such.
import type { Hit, ItemType } from '../../search/index.ts';
import type { Analysis } from '../../search/analyzer.ts';
import { coverage, isRelevant, isUnknown, unionMatched } from '../../search/relevance.ts';
import { sharedWithAny } from '../entities.ts';
import type { AskContext } from '../context.ts';

export interface Retrieved {
  /** Entries that answer the topic, best first. */
  hits: Hit[];
  /** When none does: the entry that comes nearest, if it covers a fair part of the topic. */
  nearest?: Hit;
}

/** How much of the topic the nearest entry must cover to be worth showing. */
const NEAREST_MIN = 0.3;

/**
 * `among` keeps only those entries (keys "agreement/type/id"), judged against each other: a
 * party's own tasks, which a louder entry elsewhere must not crowd out.
 */
export function retrieve(
  ctx: AskContext,
  topic: string,
  types?: readonly ItemType[],
  minCoverage?: number,
  among?: ReadonlySet<string>,
): Retrieved {
  const query = ctx.analyzer.analyze(topic);
  const all = ctx.index.search(query, { ...(types ? { types } : {}), ...(among ? { among } : {}), limit: 30 });
  const scored = all.map((h) => ({ h, c: coverage(query, h.matched, ctx.index.knows) }));
  // A follow-up that points back ("NQ đó") means one of the entries it points to, if any fits at all.
  if (ctx.within) {
    // Judged like any hit: "cái nào liên quan đến sân bay?" is no answer for being one of them.
    const pointed = scored.filter((x) => ctx.within?.has(`${x.h.agreement}/${x.h.type}/${x.h.id}`) && isRelevant(x.c, minCoverage));
    if (pointed.length > 0) return { hits: pointed.sort((x, y) => y.c.ratio - x.c.ratio || y.h.score - x.h.score).map((x) => x.h) };
  }
  // Coverage first, BM25 second: a hit that answers more of the question beats a louder partial one.
  const relevant = scored
    .filter((x) => isRelevant(x.c, minCoverage))
    .sort((x, y) => Math.round(y.c.ratio * 10) - Math.round(x.c.ratio * 10) || y.h.score - x.h.score);
  if (relevant.length > 0) {
    const top = relevant[0] as (typeof relevant)[number];
    return {
      hits: relevant
        .filter((x) => x.c.ratio >= top.c.ratio - 0.25 && x.h.score >= top.h.score * 0.3)
        .slice(0, 6)
        .map((x) => x.h),
    };
  }
  // Two or three hits that each cover part of the topic may answer it together ("crime prevention
  // in the border areas" is two clauses of one line).
  const partial = scored
    .filter((x) => x.c.ratio >= 0.3 && x.c.phrase)
    .slice(0, 3)
    .map((x) => x.h);
  for (let n = 2; n <= partial.length; n++) {
    const set = partial.slice(0, n);
    if (isRelevant(coverage(query, unionMatched(set), ctx.index.knows), minCoverage)) return { hits: set };
  }
  const near = scored
    .filter((x) => x.c.ratio >= NEAREST_MIN && x.c.topicsCovered > 0)
    .sort((x, y) => y.c.ratio - x.c.ratio || y.h.score - x.h.score)[0];
  return near ? { hits: [], nearest: near.h } : { hits: [] };
}

/**
 * Whether the words name a topic the knowledge has: a phrase of two content words it uses somewhere
 * ("vị trí chiến lược"), or a word it does not have in this spelling ("cảng"). Such words that match
 * none of the entries asked about mean those entries are not about it.
 */
export function namesTopic(ctx: AskContext, query: Analysis): boolean {
  const content = (i: number) => {
    const u = query.units[i];
    return u !== undefined && !u.stop && !u.generic && !u.place;
  };
  return (
    query.terms.some((term) => term.kind === 'bigram' && term.positions.every(content) && ctx.index.knows(term.term)) ||
    query.units.some((u, i) => content(i) && isUnknown(u, ctx.index.knows))
  );
}

/**
 * Whether the topic is the named areas themselves ("giao thông", "GT", "transport"), not something
 * within one ("đường sắt" is an area word of transport, and a narrower topic).
 */
export function onlyAreaNames(ctx: AskContext, topic: string, areas: ReadonlySet<string>): boolean {
  const words = ctx.knowledge.glossary.areas.filter((a) => areas.has(a.id)).flatMap((a) => [a.vi, a.en]);
  const shared = sharedWithAny(words.map((w) => ctx.analyzer.analyze(w)));
  return ctx.analyzer
    .analyze(topic)
    .units.filter((u) => !u.stop && !u.generic && !u.place)
    .every((u) => shared(u));
}
