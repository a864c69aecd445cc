// `npm run bench:startup` (also run by `npm run bench`): how long the real commands take to start,
// the compiled start (node dist/…, through bin/mou-bot.js) beside the tsx start it replaced, in
// the same run and in turn (A B C … A B C …), so a machine that slows down mid-run slows all alike.
//
// - Telegram: from spawning the command to the bot's first long poll (getUpdates) on the fake Bot
//   API, with the shipped knowledge (1×). The process is then stopped with SIGTERM.
// - A one-shot answer: `ask --json` from spawning the command to its exit.
//
//   npm run bench:startup [-- --runs=7] [--no-write]
import { spawn } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startFakeTelegram, type FakeTelegram } from '../testkit/fakes/telegram-api.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BENCHMARKS = join(ROOT, 'BENCHMARKS.md');
const START = '<!-- bench:startup:start — written by `npm run bench:startup`; edit outside these markers -->';
const END = '<!-- bench:startup:end -->';
const QUESTION = 'Ai phụ trách cầu Hòa Sơn?';

const option = (name: string, fallback: string) =>
  process.argv
    .slice(2)
    .find((a) => a.startsWith(`--${name}=`))
    ?.slice(name.length + 3) ?? fallback;
const RUNS = Math.max(1, Number(option('runs', '7')));
const log = (s: string) => process.stderr.write(`${s}\n`);

interface Command {
  label: string;
  /** What it is: which start, before or after. */
  note: string;
  argv: string[];
  env?: Record<string, string>;
  /** Runs before each timed run (not timed), e.g. touching a source to make the build stale. */
  before?: () => Promise<void>;
}

const TSX = join(ROOT, 'node_modules/.bin/tsx');
const touchSource = async () => {
  const now = new Date();
  await utimes(join(ROOT, 'src/config.ts'), now, now);
};

const startCommands: Command[] = [
  { label: '`npm start`', note: 'compiled (node dist/…)', argv: ['npm', 'start'] },
  { label: '`npx tsx src/cli.ts start`', note: 'tsx, as `npm start` ran before', argv: ['npx', 'tsx', 'src/cli.ts', 'start'] },
  { label: '`node bin/mou-bot.js start`', note: 'compiled, without npm', argv: ['node', 'bin/mou-bot.js', 'start'] },
  { label: '`tsx src/cli.ts start`', note: 'tsx, without npm', argv: [TSX, 'src/cli.ts', 'start'] },
  {
    label: '`npx tsx src/cli.ts start`, cold',
    note: 'tsx without its compile cache (TSX_DISABLE_CACHE=1), as after an install or once /tmp is cleared',
    argv: ['npx', 'tsx', 'src/cli.ts', 'start'],
    env: { TSX_DISABLE_CACHE: '1' },
  },
  {
    label: '`npm start` after an edit',
    note: 'compiled, rebuilt first (a source is newer than dist/)',
    argv: ['npm', 'start'],
    before: touchSource,
  },
];

const askCommands: Command[] = [
  { label: '`npx mou-bot ask --json …`', note: 'compiled', argv: ['npx', 'mou-bot', 'ask', '--json', QUESTION] },
  { label: '`npm run -s ask -- --json …`', note: 'compiled', argv: ['npm', 'run', '-s', 'ask', '--', '--json', QUESTION] },
  {
    label: '`npx tsx src/cli.ts ask --json …`',
    note: 'tsx, as `npm run ask` ran before',
    argv: ['npx', 'tsx', 'src/cli.ts', 'ask', '--json', QUESTION],
  },
  {
    label: '`node bin/mou-bot.js ask --json …`',
    note: 'compiled, without npm',
    argv: ['node', 'bin/mou-bot.js', 'ask', '--json', QUESTION],
  },
  { label: '`tsx src/cli.ts ask --json …`', note: 'tsx, without npm', argv: [TSX, 'src/cli.ts', 'ask', '--json', QUESTION] },
];

/** The environment of every run: only the fake platform, whatever the developer's .env holds (set values win over .env). */
function environment(dataDir: string, fake?: FakeTelegram): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, KNOWLEDGE_DIR: join(ROOT, 'knowledge'), DATA_DIR: dataDir };
  for (const name of Object.keys(env)) if (/^(TELEGRAM|SLACK|HEALTH)_/.test(name)) delete env[name];
  for (const name of ['TELEGRAM_BOT_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'HEALTH_PORT']) env[name] = '';
  if (fake) Object.assign(env, { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url });
  return env;
}

/** Spawns in a process group of its own, so that npm, its shell and the bot stop together. */
function launch(argv: string[], env: NodeJS.ProcessEnv) {
  const [file, ...args] = argv as [string, ...string[]];
  const child = spawn(file, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done(code));
  });
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** Seconds from spawning `npm start` (or the like) to its first getUpdates. */
async function timeToPolling(fake: FakeTelegram, command: Command, dataDir: string): Promise<number> {
  await command.before?.();
  let polled!: () => void;
  const polling = new Promise<void>((done) => (polled = done));
  const unsubscribe = fake.subscribe((c) => {
    if (c.method === 'getUpdates') polled();
  });
  const started = performance.now();
  const run = launch(command.argv, { ...environment(dataDir, fake), ...command.env });
  try {
    const first = await Promise.race([polling.then(() => 'polling' as const), run.exited.then(() => 'exited' as const)]);
    const seconds = (performance.now() - started) / 1000;
    if (first === 'exited') throw new Error(`${command.label} exited before polling:\n${run.output().stderr}`);
    return seconds;
  } finally {
    unsubscribe();
    if (run.child.pid) process.kill(-run.child.pid, 'SIGTERM');
    await run.exited;
  }
}

/** Seconds from spawning `ask --json` to its exit; its output must be one JSON answer. */
async function timeToAnswer(command: Command, dataDir: string): Promise<number> {
  await command.before?.();
  const started = performance.now();
  const run = launch(command.argv, { ...environment(dataDir), ...command.env });
  const code = await run.exited;
  const seconds = (performance.now() - started) / 1000;
  const { stdout, stderr } = run.output();
  if (code !== 0 || (JSON.parse(stdout) as { found?: boolean }).found !== true) {
    throw new Error(`${command.label} failed (exit ${code}):\n${stderr}`);
  }
  return seconds;
}

interface Row {
  command: Command;
  seconds: number[];
  /** Per run, this command's time over the baseline's time in the same round. */
  ratios: number[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** One warm-up round (not counted: it also rebuilds dist/ if stale), then RUNS rounds, the commands in turn. */
async function measure(commands: Command[], baseline: number, once: (c: Command) => Promise<number>): Promise<Row[]> {
  for (const c of commands) await once(c);
  const rows: Row[] = commands.map((command) => ({ command, seconds: [], ratios: [] }));
  for (let r = 0; r < RUNS; r++) {
    const round = [];
    for (const c of commands) round.push(await once(c));
    for (const [i, row] of rows.entries()) {
      row.seconds.push(round[i] as number);
      row.ratios.push((round[i] as number) / (round[baseline] as number));
    }
    log(`round ${r + 1}/${RUNS}: ${round.map((s) => s.toFixed(2)).join(' · ')} s`);
  }
  return rows;
}

function table(title: string, baselineLabel: string, rows: Row[]): string {
  const s = (x: number) => x.toFixed(2);
  return [
    `| ${title} | what | median (s) | min–max (s) | ÷ ${baselineLabel} (median) |`,
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.command.label} | ${r.command.note} | **${s(median(r.seconds))}** | ${s(Math.min(...r.seconds))}–${s(Math.max(...r.seconds))} | ${s(median(r.ratios))} |`,
    ),
  ].join('\n');
}

async function writeBenchmarks(section: string): Promise<void> {
  const old = await readFile(BENCHMARKS, 'utf8');
  const start = old.indexOf(START);
  const end = old.indexOf(END);
  const next =
    start >= 0 && end > start
      ? `${old.slice(0, start)}${START}\n${section}\n${END}${old.slice(end + END.length)}`
      : `${old.trimEnd()}\n\n## Start-up (\`npm run bench:startup\`)\n\n${START}\n${section}\n${END}\n`;
  await writeFile(BENCHMARKS, next);
}

async function main(): Promise<void> {
  const fake = await startFakeTelegram();
  const tmp = await mkdtemp(join(tmpdir(), 'mou-bench-startup-'));
  let runs = 0;
  const dataDir = () => join(tmp, `data-${++runs}`);
  // These machines are shared: the load average says how busy this one was around the run.
  const loadBefore = loadavg()[0] ?? 0;
  try {
    log(`Telegram start to first long poll, ${RUNS} rounds: ${startCommands.map((c) => c.label).join(' · ')}`);
    const starts = await measure(startCommands, 1, (c) => timeToPolling(fake, c, dataDir()));
    log(`one-shot ask, ${RUNS} rounds: ${askCommands.map((c) => c.label).join(' · ')}`);
    const asks = await measure(askCommands, 2, (c) => timeToAnswer(c, dataDir()));
    const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const section = [
      `Generated by \`npm run bench:startup\` on ${date}: ${cpus().length} CPU(s), Node ${process.version}, load average ${loadBefore.toFixed(1)} before and ${(loadavg()[0] ?? 0).toFixed(1)} after; ${RUNS} rounds after a warm-up, the commands in turn; wall seconds from spawning the command.`,
      '',
      table('Telegram: to the first long poll', 'tsx via npx', starts),
      '',
      table('One-shot answer: to exit', 'tsx via npx', asks),
    ].join('\n');
    process.stdout.write(`${section}\n`);
    if (!process.argv.includes('--no-write')) {
      await writeBenchmarks(section);
      process.stdout.write(`\nwrote ${BENCHMARKS}\n`);
    }
  } finally {
    await fake.close();
    await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:startup failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
