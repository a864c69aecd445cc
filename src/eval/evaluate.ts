// Scores an engine against an evaluation set (JSON lines; see test/eval/questions.jsonl).
// Used by `npm run eval` and by the test that holds the pass-rate floor.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { renderText } from '../answer/render-text.ts';
import type { Answer } from '../answer/types.ts';
import { answerRefs } from '../answer/refs.ts';

export const EvalQuestion = z.object({
  id: z.string(),
  cat: z.string(),
  style: z.string(),
  q: z.string(),
  found: z.boolean(),
  all: z.array(z.string()).optional(),
  any: z.array(z.array(z.string())).optional(),
  ids: z.array(z.string()).optional(),
  min_items: z.number().int().optional(),
});
export type EvalQuestion = z.infer<typeof EvalQuestion>;

export function readEvalSet(file: string): EvalQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      const parsed = EvalQuestion.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
}

export interface Verdict {
  question: EvalQuestion;
  pass: boolean;
  reasons: string[];
  answer: Answer;
  text: string;
}

const norm = (s: string) => s.normalize('NFC').toLowerCase();

/** Judges one answer: found must agree, and the expected strings and ids must be there. */
export function judge(q: EvalQuestion, answer: Answer): Verdict {
  const text = renderText(answer);
  const hay = norm(text);
  const reasons: string[] = [];
  if (answer.found !== q.found) reasons.push(`found=${answer.found}, expected ${q.found}`);
  if (q.found) {
    for (const s of q.all ?? []) if (!hay.includes(norm(s))) reasons.push(`missing "${s}"`);
    for (const group of q.any ?? []) if (!group.some((s) => hay.includes(norm(s)))) reasons.push(`missing one of ${JSON.stringify(group)}`);
    const refs = answerRefs(answer);
    const ids = new Set(refs.map((r) => r.id));
    if (q.ids && !q.ids.some((id) => ids.has(id))) reasons.push(`no item among ${q.ids.join(',')} (got ${[...ids].join(',') || 'none'})`);
    const count = answer.page?.total ?? refs.length;
    if (q.min_items !== undefined && count < q.min_items) reasons.push(`${count} items, expected ≥ ${q.min_items}`);
  }
  return { question: q, pass: reasons.length === 0, reasons, answer, text };
}

export interface Tally {
  pass: number;
  total: number;
}

export interface EvalReport {
  verdicts: Verdict[];
  overall: Tally;
  byCat: Map<string, Tally>;
  byStyle: Map<string, Tally>;
}

export function evaluate(ask: (q: string) => Answer, questions: EvalQuestion[]): EvalReport {
  const verdicts = questions.map((q) => judge(q, ask(q.q)));
  const tally = (key: (v: Verdict) => string) => {
    const m = new Map<string, Tally>();
    for (const v of verdicts) {
      const t = m.get(key(v)) ?? { pass: 0, total: 0 };
      t.total++;
      if (v.pass) t.pass++;
      m.set(key(v), t);
    }
    return m;
  };
  return {
    verdicts,
    overall: { pass: verdicts.filter((v) => v.pass).length, total: verdicts.length },
    byCat: tally((v) => v.question.cat),
    byStyle: tally((v) => v.question.style),
  };
}

export const rate = (t: Tally) => (t.total === 0 ? 1 : t.pass / t.total);

export function formatReport(r: EvalReport, showFailures: boolean): string {
  const pct = (t: Tally) => `${(rate(t) * 100).toFixed(1).padStart(5)}%  ${String(t.pass).padStart(3)}/${t.total}`;
  const lines = [`overall        ${pct(r.overall)}`, '', 'by category'];
  for (const [k, t] of [...r.byCat].sort()) lines.push(`  ${k.padEnd(14)} ${pct(t)}`);
  lines.push('', 'by style');
  for (const [k, t] of [...r.byStyle].sort()) lines.push(`  ${k.padEnd(14)} ${pct(t)}`);
  if (showFailures) {
    for (const v of r.verdicts.filter((x) => !x.pass)) {
      lines.push(
        '',
        `✗ ${v.question.id} [${v.question.cat}/${v.question.style}] ${v.question.q}`,
        `  ${v.reasons.join('; ')}`,
        `  → intent=${v.answer.intent} items=${v.answer.items.map((i) => i.id).join(',')}`,
        `  ${v.text.split('\n').slice(0, 3).join(' | ')}`,
      );
    }
  }
  return lines.join('\n');
}
