// One measurement, in its own process so that heap and JIT state never leak from one size or
// engine into the next: `node --expose-gc --import tsx bench/measure.ts <knowledge dir> <ours|baseline>`.
// Prints one JSON object (a Measurement) on stdout.
import { join, resolve } from 'node:path';
import { createEngine } from '../src/answer/engine.ts';
import type { Answer } from '../src/answer/types.ts';
import { createBaseline } from '../src/eval/baseline.ts';
import { readEvalSet } from '../src/eval/evaluate.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';

export type EngineName = 'ours' | 'baseline';

export interface Measurement {
  engine: EngineName;
  agreements: number;
  commitments: number;
  people: number;
  bodies: number;
  documents: number;
  loadMs: number;
  indexMs: number;
  firstAskMs: number;
  /** JS heap in use after a full collection. */
  heapMB: number;
  /** Typed-array memory (the inverted index's postings), which the JS heap figure leaves out. */
  buffersMB: number;
  questions: number;
  samples: number;
  p50: number;
  p99: number;
  mean: number;
  perSecond: number;
}

const ROOT = resolve(import.meta.dirname, '..');

/** The fixed mix: every question of both evaluation sets, so every style is there in its usual share. */
export function questionMix(): string[] {
  return ['questions.jsonl', 'holdout.jsonl'].flatMap((f) => readEvalSet(join(ROOT, 'test/eval', f)).map((q) => q.q));
}

// The warm-up asks the mix in upper and lower case, the timed passes as written and in title
// case: the same code paths, but texts a memo would not have met (the analyser keeps only the last
// few question texts anyway: see RECENT_ANALYSES in src/search/analyzer.ts).
const upper = (q: string) => q.toUpperCase();
const lower = (q: string) => q.toLowerCase();
const titleCase = (q: string) => q.replace(/(^|\s)(\S)/gu, (_, s: string, c: string) => `${s}${c.toUpperCase()}`);

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

async function measure(dir: string, engine: EngineName): Promise<Measurement> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const mix = questionMix();
  const t0 = performance.now();
  const outcome = await loadKnowledge(dir);
  if (!outcome.ok)
    throw new Error(
      `invalid knowledge in ${dir}: ${outcome.errors
        .slice(0, 5)
        .map((e) => `${e.file}: ${e.path}: ${e.message}`)
        .join('; ')}`,
    );
  const k = outcome.knowledge;
  const t1 = performance.now();
  let ask: (q: string) => Answer;
  let documents: number;
  if (engine === 'ours') {
    const e = createEngine(k, { now: () => new Date('2026-11-27T00:00:00Z') });
    ask = (q) => e.ask(q);
    documents = k.agreements.reduce(
      (s, a) => s + a.commitments.length + a.results.length + a.facts.length + a.people.length + a.bodies.length,
      0,
    );
  } else {
    const b = createBaseline(k);
    ask = (q) => b.ask(q);
    documents = b.size;
  }
  const t2 = performance.now();
  // Anything built lazily on the first question is part of the cost of getting ready to answer.
  ask(mix[0] ?? '');
  const t3 = performance.now();
  gc();
  const memory = process.memoryUsage();
  const heapMB = memory.heapUsed / 2 ** 20;
  const buffersMB = memory.arrayBuffers / 2 ** 20;

  // Warm-up, so that the timed passes measure a running bot, not the JIT: V8 optimises a function
  // only after many calls, and a path one question in fifty takes needs several passes over the
  // mix. Ours has a path per intent: three passes. The baseline runs the same code for every
  // question: a hundred questions warm it (at 1,000× each of its answers takes a tenth of a second).
  const warmUp = engine === 'ours' ? [...mix.map(upper), ...mix.map(lower), ...mix.map(upper)] : mix.slice(0, 100).map(upper);
  for (const q of warmUp) ask(q);
  const times: number[] = [];
  for (const variant of [(q: string) => q, titleCase]) {
    for (const q of mix) {
      const text = variant(q);
      const s = performance.now();
      ask(text);
      times.push(performance.now() - s);
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  const total = times.reduce((s, x) => s + x, 0);
  const count = (f: (a: (typeof k.agreements)[number]) => number) => k.agreements.reduce((s, a) => s + f(a), 0);
  return {
    engine,
    agreements: k.agreements.length,
    commitments: count((a) => a.commitments.length),
    people: count((a) => a.people.length),
    bodies: count((a) => a.bodies.length),
    documents,
    loadMs: t1 - t0,
    indexMs: t2 - t1,
    firstAskMs: t3 - t2,
    heapMB,
    buffersMB,
    questions: mix.length,
    samples: times.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    mean: total / times.length,
    perSecond: times.length / (total / 1000),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const [dir, engine] = process.argv.slice(2);
  if (!dir || (engine !== 'ours' && engine !== 'baseline')) {
    process.stderr.write('usage: node --expose-gc --import tsx bench/measure.ts <knowledge dir> <ours|baseline>\n');
    process.exit(2);
  }
  measure(dir, engine).then(
    (m) => process.stdout.write(`${JSON.stringify(m)}\n`),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
