// Look-ups the intent handlers share: knowledge entries by id, relevant search hits, and the
// words of a question that a name or area does not account for.
import type { Body } from '../knowledge/schema.ts';
import type { Agreement, Knowledge } from '../knowledge/types.ts';
import type { Hit, ItemType } from '../search/index.ts';
import { coverage, isRelevant, unionMatched } from '../search/relevance.ts';
import { syllables } from '../text/normalize.ts';
import type { Context } from './engine.ts';
import { sharedWithAny } from './match.ts';
import type { AnswerItem, Lang } from './types.ts';
import { bodyItem, commitmentItem, factItem, personItem, resultItem } from './views.ts';

export const defined = <T>(x: T | undefined): x is T => x !== undefined;

// Id → agreement, per Knowledge: answers look agreements up by id for every item they show.
const byId = new WeakMap<Knowledge, Map<string, Agreement>>();

export function agreementOf(k: Knowledge, id: string): Agreement {
  let map = byId.get(k);
  if (!map) byId.set(k, (map = new Map(k.agreements.map((a) => [a.id, a]))));
  const a = map.get(id);
  if (!a) throw new Error(`no agreement ${id}`);
  return a;
}

export function item(ctx: Context, h: Pick<Hit, 'type' | 'agreement' | 'id'>, lang: Lang): AnswerItem | undefined {
  const a = agreementOf(ctx.knowledge, h.agreement);
  switch (h.type) {
    case 'commitment':
      return commitmentItem(a, h.id, ctx.knowledge.glossary, lang, ctx.overlay);
    case 'result':
      return resultItem(a, h.id, ctx.knowledge.glossary, lang, ctx.overlay);
    case 'fact':
      return factItem(a, h.id, lang);
    case 'person':
      return personItem(a, h.id, lang);
    case 'body':
      return bodyItem(a, h.id, lang);
    default: {
      const never: never = h.type;
      return never;
    }
  }
}

/**
 * Hits that really answer the subject: relevant by coverage, and not far behind the best one.
 * When no single hit covers enough, up to three hits that each cover part of the question may
 * answer it together ("crime prevention in the border areas" is two clauses of line 36).
 */
export function relevantHits(ctx: Context, subject: string, types?: readonly ItemType[], minCoverage?: number): Hit[] {
  const query = ctx.analyzer.analyze(subject);
  const all = ctx.index.search(query, { ...(types ? { types } : {}), limit: 30 });
  const scored = all.map((h) => ({ h, c: coverage(query, h.matched, ctx.index.knows) }));
  // Coverage first, BM25 second: a hit that answers more of the question beats a louder partial one.
  const relevant = scored
    .filter((x) => isRelevant(x.c, minCoverage))
    .sort((x, y) => Math.round(y.c.ratio * 10) - Math.round(x.c.ratio * 10) || y.h.score - x.h.score);
  if (relevant.length > 0) {
    const top = relevant[0] as (typeof relevant)[number];
    return relevant
      .filter((x) => x.c.ratio >= top.c.ratio - 0.25 && x.h.score >= top.h.score * 0.3)
      .slice(0, 6)
      .map((x) => x.h);
  }
  const partial = scored
    .filter((x) => x.c.ratio >= 0.3 && x.c.phrase)
    .slice(0, 3)
    .map((x) => x.h);
  for (let n = 2; n <= partial.length; n++) {
    const set = partial.slice(0, n);
    if (isRelevant(coverage(query, unionMatched(set), ctx.index.knows), minCoverage)) return set;
  }
  return [];
}

/** Words of the subject that none of these phrases covers (places, stop and generic words aside). */
export function leftover(ctx: Context, subject: string, phrases: readonly string[]): string[] {
  // The same body is named in many agreements: each distinct phrase is analysed once, and all of
  // them are asked at once.
  const shared = sharedWithAny([...new Set(phrases)].map((p) => ctx.analyzer.analyze(p)));
  return ctx.analyzer
    .analyze(subject)
    .units.filter((u) => !u.stop && !u.generic && !u.place && !shared(u))
    .map((u) => u.syllable);
}

// Id → body, per agreement: a body found in every agreement has its names looked up in each.
const bodiesById = new WeakMap<Agreement, Map<string, Body>>();

/** The distinct names (Vietnamese, English, aliases) of these bodies. */
export function bodyNames(bodies: readonly { agreement: Agreement; bodyId: string }[]): string[] {
  const names = new Set<string>();
  for (const { agreement, bodyId } of bodies) {
    const b = bodyOf(agreement, bodyId);
    if (!b) continue;
    names.add(b.name);
    names.add(b.en);
    for (const alias of b.aliases) names.add(alias);
  }
  return [...names];
}

export function bodyOf(agreement: Agreement, bodyId: string): Body | undefined {
  let map = bodiesById.get(agreement);
  if (!map) bodiesById.set(agreement, (map = new Map(agreement.bodies.map((b) => [b.id, b]))));
  return map.get(bodyId);
}

/** "Các Phó Bí thư…", "những ai…", "who are…": the question wants everyone who fits. */
export function asksForAll(question: string): boolean {
  return /(^| )((cac|nhung) (?!gi( |$))|nhung ai|who are|which are|all )/.test(` ${syllables(question).join(' ')} `);
}

/** Whether the subject has any word that is neither a stop word nor generic ("hợp tác", "cam kết"). */
export function hasTopic(ctx: Context, subject: string): boolean {
  return ctx.analyzer.analyze(subject).units.some((u) => !u.stop && !u.generic);
}
