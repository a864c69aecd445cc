// `npm run bench:draft`: the drafter's figures (issue 15) and its time per document, printed and
// written to BENCHMARKS.md between its own markers. The seed article is scored against the
// curated knowledge/bg-tn-2023; each invented formal agreement, rendered to .txt, .docx and .pdf,
// against the answers written down with it. Time is the median of three runs of the whole command
// path (extract, draft, write, check), after one warm-up.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type DraftResult, draftFile } from '../src/draft/run.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { FIXTURES, UNSEEN } from '../testkit/formal/index.ts';
import { renderAll } from '../testkit/formal/render.ts';
import { type FormalScore, fmt, type Ratio, scoreFormal, scoreSeed } from '../testkit/draft-score.ts';

const ROOT = resolve(import.meta.dirname, '..');
const KNOWLEDGE = join(ROOT, 'knowledge');
const SEED = join(ROOT, 'knowledge', 'bg-tn-2023', 'source.txt');
const BENCHMARKS = join(ROOT, 'BENCHMARKS.md');
const START = '<!-- bench:draft:start — written by `npm run bench:draft`; edit outside these markers -->';
const END = '<!-- bench:draft:end -->';

async function timed(file: string, out: string): Promise<{ result: DraftResult; ms: number }> {
  await draftFile(file, { knowledgeDir: KNOWLEDGE, out });
  const times: number[] = [];
  let result: DraftResult | undefined;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    result = await draftFile(file, { knowledgeDir: KNOWLEDGE, out });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { result: result as DraftResult, ms: times[1] as number };
}

const sum = (rs: Ratio[]): Ratio => rs.reduce((a, r) => ({ hit: a.hit + r.hit, of: a.of + r.of }), { hit: 0, of: 0 });

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mou-bench-draft-'));
  const lines: string[] = [];
  const out = (s = '') => {
    lines.push(s);
    process.stdout.write(`${s}\n`);
  };
  try {
    const curated = await loadKnowledge(KNOWLEDGE);
    if (!curated.ok) throw new Error('the shipped knowledge is invalid; run `npm run check`');
    const agreement = curated.knowledge.agreements.find((a) => a.id === 'bg-tn-2023');
    if (!agreement) throw new Error('knowledge/bg-tn-2023 is missing');
    out(
      `Measured ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}.`,
    );
    out();
    out('#### Seed article against the curated `knowledge/bg-tn-2023/`');
    out();
    const seed = await timed(SEED, join(dir, 'seed'));
    const s = scoreSeed(seed.result.draft, agreement);
    out('| measure | recall | precision | target |');
    out('| --- | --- | --- | --- |');
    out(`| commitments (quote overlap) | ${fmt(s.commitments.recall)} | ${fmt(s.commitments.precision)} | recall ≥ 90% |`);
    out(`| commitments, one drafted entry per curated one | ${fmt(s.commitments.oneToOne)} | | |`);
    out(`| people | ${fmt(s.people.recall)} | ${fmt(s.people.precision)} | recall ≥ 95% |`);
    out(`| bodies | ${fmt(s.bodies.recall)} | ${fmt(s.bodies.precision)} | recall ≥ 85% |`);
    out(`| quotes verbatim on their line | ${fmt(s.verbatim)} | | 100% |`);
    out();
    out(
      `Draft time: ${seed.ms.toFixed(0)} ms. Missed people: ${s.people.missed.join(', ') || 'none'}; missed bodies: ${s.bodies.missed.join(', ') || 'none'}.`,
    );
    out();
    out('#### Invented formal agreements (`testkit/formal/`)');
    out();
    out(
      '| document | format | points | precision | assignments (role right) | deadlines | questions as worded | questions by command | verbatim | draft ms |',
    );
    out('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    const all: FormalScore[] = [];
    const misses: string[] = [];
    for (const doc of [...FIXTURES, UNSEEN]) {
      const paths = await renderAll(doc, dir);
      for (const format of ['txt', 'docx', 'pdf'] as const) {
        const { result, ms } = await timed(paths[format], join(dir, `${doc.id}-${format}`));
        if (result.errors.length > 0) throw new Error(`${doc.id}.${format}: the draft does not pass the check`);
        const f = await scoreFormal(result.draft, doc.gold, KNOWLEDGE);
        all.push(f);
        for (const m of f.misses) misses.push(`${doc.id}${doc === UNSEEN ? ' (held out)' : ''}.${format}: ${m}`);
        const name = doc === UNSEEN ? `${doc.id} (held out)` : doc.id;
        out(
          `| ${name} | ${format} | ${fmt(f.points)} | ${fmt(f.precision)} | ${fmt(f.assignments)} | ${fmt(f.deadlines)} | ${fmt(f.questions)} | ${fmt(f.commands)} | ${fmt(f.verbatim)} | ${ms.toFixed(0)} |`,
        );
      }
    }
    const total = (
      k: keyof Pick<FormalScore, 'points' | 'precision' | 'assignments' | 'deadlines' | 'questions' | 'commands' | 'verbatim'>,
    ) => fmt(sum(all.map((f) => f[k])));
    out(
      `| **all** | | ${total('points')} | ${total('precision')} | ${total('assignments')} | ${total('deadlines')} | ${total('questions')} | ${total('commands')} | ${total('verbatim')} | |`,
    );
    out();
    out('Targets: points ≥ 95%, assignments ≥ 90%, deadlines ≥ 90%, questions ≥ 80%.');
    out();
    if (misses.length) {
      out('Misses:');
      out();
      for (const m of misses) out(`- ${m}`);
    }
    const old = await readFile(BENCHMARKS, 'utf8');
    const a = old.indexOf(START);
    const b = old.indexOf(END);
    const block = `${START}\n${lines.join('\n')}\n${END}`;
    const next =
      a >= 0 && b > a
        ? `${old.slice(0, a)}${block}${old.slice(b + END.length)}`
        : `${old.trimEnd()}\n\n## Drafting (\`npm run bench:draft\`)\n\n${block}\n`;
    await writeFile(BENCHMARKS, next);
    process.stdout.write(`\nwrote ${BENCHMARKS}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
