// Scores "free" evaluation sets: questions and conversations written from the article alone, with
// no sight of the engine (test/eval/free-public.jsonl is the public one). The format and the rules
// are those of the shared score.py, so that both give the same figure:
//  - a case is a question {q, found, any, all, none, top, min_items, tag} or a conversation
//    {tag: "dialog", dialog: [turn, …]} whose turns have the same fields;
//  - strings match without case or diacritics; `top` must be in the first 400 characters;
//  - conversation turns share one Conversation, in order.
// It also measures what a phone shows: the length of found answers, and the longest first message.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Conversation } from '../answer/conversation.ts';
import type { Engine } from '../answer/engine.ts';
import { renderText } from '../answer/render-text.ts';
import { fold } from '../text/normalize.ts';

const Turn = z.object({
  q: z.string(),
  found: z.boolean().optional(),
  any: z.array(z.array(z.string())).optional(),
  all: z.array(z.string()).optional(),
  none: z.array(z.string()).optional(),
  top: z.array(z.string()).optional(),
  min_items: z.number().int().optional(),
});
type Turn = z.infer<typeof Turn>;

const Case = z.union([
  z.object({ tag: z.string().default('-'), dialog: z.array(Turn).min(1) }),
  Turn.extend({ tag: z.string().default('-') }),
]);
type Case = z.infer<typeof Case>;

export function readFreeSet(file: string): Case[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const parsed = Case.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

/** Whether a line of an evaluation file is a free case (no `id` and `cat`, as the older sets have). */
export function isFreeSet(file: string): boolean {
  const first = readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.trim() !== '');
  if (!first) return false;
  const o = JSON.parse(first) as Record<string, unknown>;
  return !('cat' in o && 'id' in o);
}

/** Characters of an answer a busy reader sees first: where `top` strings must be. */
const TOP = 400;

export interface FreeVerdict {
  tag: string;
  q: string;
  pass: boolean;
  reasons: string[];
  text: string;
  found: boolean;
}

export interface FreeReport {
  verdicts: FreeVerdict[];
  byTag: Map<string, { pass: number; total: number }>;
  /** Lengths of found answers, in characters, ascending. */
  lengths: number[];
  /** The longest answer of all, found or not: no first message may pass Telegram's 4,096. */
  longest: number;
}

const has = (text: string, s: string) => fold(text).includes(fold(s));

function judgeTurn(t: Turn, text: string, found: boolean, items: number): string[] {
  const why: string[] = [];
  if (t.found !== undefined && found !== t.found) why.push(`found=${found} want ${t.found}`);
  for (const s of t.all ?? []) if (!has(text, s)) why.push(`missing "${s}"`);
  for (const s of t.none ?? []) if (has(text, s)) why.push(`should not mention "${s}"`);
  for (const group of t.any ?? []) if (!group.some((s) => has(text, s))) why.push(`none of ${JSON.stringify(group)}`);
  if (t.top && !t.top.some((s) => has(text.slice(0, TOP), s))) why.push(`none of ${JSON.stringify(t.top)} in the first ${TOP} characters`);
  if (t.min_items !== undefined && items < t.min_items) why.push(`items ${items} < ${t.min_items}`);
  return why;
}

export function evaluateFree(engine: Engine, cases: readonly Case[]): FreeReport {
  const verdicts: FreeVerdict[] = [];
  const run = (tag: string, t: Turn, conversation?: Conversation) => {
    const answer = engine.ask(t.q, {}, conversation);
    const text = renderText(answer);
    const reasons = judgeTurn(t, text, answer.found, answer.page?.total ?? answer.items.length);
    verdicts.push({ tag, q: t.q, pass: reasons.length === 0, reasons, text, found: answer.found });
  };
  for (const c of cases) {
    if ('dialog' in c) {
      const conversation = new Conversation();
      for (const [i, t] of c.dialog.entries()) run(i === 0 ? 'dialog-first' : 'dialog-follow', t, conversation);
    } else run(c.tag, c);
  }
  const byTag = new Map<string, { pass: number; total: number }>();
  for (const v of verdicts) {
    const row = byTag.get(v.tag) ?? { pass: 0, total: 0 };
    row.total++;
    if (v.pass) row.pass++;
    byTag.set(v.tag, row);
  }
  return {
    verdicts,
    byTag,
    lengths: verdicts
      .filter((v) => v.found)
      .map((v) => v.text.length)
      .sort((a, b) => a - b),
    longest: Math.max(0, ...verdicts.map((v) => v.text.length)),
  };
}

export const passRate = (r: FreeReport) => r.verdicts.filter((v) => v.pass).length / Math.max(1, r.verdicts.length);

/** Median and 90th percentile as score.py takes them. */
export function lengthFigures(r: FreeReport): { median: number; p90: number; max: number; over1000: number } {
  const l = r.lengths;
  if (l.length === 0) return { median: 0, p90: 0, max: 0, over1000: 0 };
  const mid = Math.floor(l.length / 2);
  const median = l.length % 2 ? (l[mid] as number) : ((l[mid - 1] as number) + (l[mid] as number)) / 2;
  return {
    median,
    p90: l[Math.min(l.length - 1, Math.floor(0.9 * l.length))] as number,
    max: l[l.length - 1] as number,
    over1000: l.filter((x) => x > 1000).length,
  };
}

export function formatFree(file: string, r: FreeReport, showFail: boolean): string {
  const lines: string[] = [`${file}`];
  if (showFail)
    for (const v of r.verdicts.filter((x) => !x.pass))
      lines.push(`✗ [${v.tag}] ${v.q}: ${v.reasons.join('; ')}\n    → ${v.text.slice(0, 300).replace(/\n/g, ' ⏎ ')}`);
  const width = Math.max(...[...r.byTag.keys()].map((k) => k.length), 8);
  for (const [tag, { pass, total }] of [...r.byTag].sort(([a], [b]) => a.localeCompare(b)))
    lines.push(`  ${tag.padEnd(width)}  ${pass}/${total}`);
  const pass = r.verdicts.filter((v) => v.pass).length;
  const len = lengthFigures(r);
  lines.push(
    `answer length (found answers): median ${Math.round(len.median)}, p90 ${len.p90}, max ${len.max} characters; ${len.over1000}/${r.lengths.length} over 1,000; longest answer ${r.longest}`,
  );
  lines.push(`SCORE ${pass}/${r.verdicts.length} (${(100 * passRate(r)).toFixed(1)}%)`);
  return lines.join('\n');
}
