// `npm run bench`: the evaluation table (ours vs baseline) and the scale benchmark at 1×, 100× and
// 1,000× the shipped knowledge, printed and written to BENCHMARKS.md, then the start-up benchmark
// (bench/startup.ts). Only the part of BENCHMARKS.md between the markers is rewritten; the notes
// after it (before/after history) stay.
//
//   npm run bench [-- --sizes=1,100,1000] [--seed=N] [--no-write] [--keep] [--no-startup]
import { execFile, spawn } from 'node:child_process';
import { cpus } from 'node:os';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createEngine } from '../src/answer/engine.ts';
import { compare, comparisonMarkdown } from '../src/eval/compare.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import type { EngineName, Measurement } from './measure.ts';
import { generatedMarkdown, ratios, targets, textTable, type Machine, type SizeResult } from './report.ts';
import { writeSynthetic } from '../testkit/synthetic.ts';

const ROOT = resolve(import.meta.dirname, '..');
const KNOWLEDGE = join(ROOT, 'knowledge');
const SEED_AGREEMENT = 'bg-tn-2023';
const BENCHMARKS = join(ROOT, 'BENCHMARKS.md');
const START = '<!-- bench:start — written by `npm run bench`; edit outside these markers -->';
const END = '<!-- bench:end -->';

const run = promisify(execFile);
const log = (s: string) => process.stderr.write(`${s}\n`);

function option(name: string, fallback: string): string {
  const arg = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3) : fallback;
}
const flag = (name: string) => process.argv.slice(2).includes(`--${name}`);

async function child(dir: string, engine: EngineName): Promise<Measurement> {
  // --expose-gc: the heap is measured after a full collection, not with garbage still in it.
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT, 'bench/measure.ts'), dir, engine], {
    cwd: ROOT,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as Measurement;
}

async function machine(): Promise<Machine> {
  let cpu = cpus()[0]?.model ?? 'unknown CPU';
  try {
    cpu = /^model name\s*:\s*(.*)$/m.exec(await readFile('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // Not Linux: os.cpus() already named it.
  }
  return { date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), cpus: cpus().length, cpu, node: process.version };
}

async function evalTables(): Promise<string[]> {
  const outcome = await loadKnowledge(KNOWLEDGE);
  if (!outcome.ok) throw new Error('the shipped knowledge is invalid; run `npm run check`');
  const engine = createEngine(outcome.knowledge);
  return ['questions.jsonl', 'holdout.jsonl'].map((f) => comparisonMarkdown(compare(engine, join('test/eval', f))));
}

async function writeBenchmarks(generated: string): Promise<void> {
  let rest = '\n## Before and after\n\n(Record optimisations here, measured with `npm run bench`.)\n';
  let head = '# Benchmarks\n\n';
  try {
    const old = await readFile(BENCHMARKS, 'utf8');
    const start = old.indexOf(START);
    const end = old.indexOf(END);
    if (start >= 0 && end > start) {
      head = old.slice(0, start);
      rest = old.slice(end + END.length);
    } else rest = `\n${old}`;
  } catch {
    // First run: the file is created.
  }
  await writeFile(BENCHMARKS, `${head}${START}\n${generated}\n${END}${rest}`);
}

async function main(): Promise<void> {
  const sizes = option('sizes', '1,100,1000')
    .split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const seed = Number(option('seed', '20230329'));
  const tmp = await mkdtemp(join(tmpdir(), 'mou-bench-'));
  const results: SizeResult[] = [];
  try {
    for (const size of sizes) {
      let dir = KNOWLEDGE;
      if (size > 1) {
        dir = join(tmp, `x${size}`);
        const t = performance.now();
        await writeSynthetic(KNOWLEDGE, SEED_AGREEMENT, dir, size, seed);
        log(`${size}×: wrote ${size} agreement folders in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      }
      const ours = await child(dir, 'ours');
      log(
        `${size}×: ours     p50 ${ours.p50.toFixed(3)} ms, p99 ${ours.p99.toFixed(3)} ms, load+index ${((ours.loadMs + ours.indexMs + ours.firstAskMs) / 1000).toFixed(2)} s`,
      );
      const baseline = await child(dir, 'baseline');
      log(`${size}×: baseline p50 ${baseline.p50.toFixed(3)} ms, p99 ${baseline.p99.toFixed(3)} ms`);
      results.push({ size, ours, baseline });
      if (dir !== KNOWLEDGE && !flag('keep')) await rm(dir, { recursive: true, force: true });
    }
  } finally {
    if (!flag('keep')) await rm(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }

  const m = await machine();
  process.stdout.write(`${m.date} · ${m.cpus} CPU(s) · ${m.cpu} · Node ${m.node}\n\n${textTable(results)}\n\n${ratios(results)}\n`);
  for (const t of targets(results)) process.stdout.write(`${t.met ? 'met   ' : 'MISSED'} ${t.text}\n`);
  if (!flag('no-write')) {
    await writeBenchmarks(generatedMarkdown(m, await evalTables(), results, seed));
    process.stdout.write(`\nwrote ${BENCHMARKS}\n`);
  }
  if (!flag('no-startup')) await startupBench();
}

/** bench/startup.ts in its own process, its table printed (and written) as it writes it. */
function startupBench(): Promise<void> {
  const args = ['--import', 'tsx', join(ROOT, 'bench/startup.ts'), ...(flag('no-write') ? ['--no-write'] : [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  return new Promise((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`bench/startup.ts exited with ${code}`)))),
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
