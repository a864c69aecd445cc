// npm run loadtest — 200 users × 20 questions through both fakes (testkit/load.ts), each platform
// without faults and then with them; then, with the faults, the Telegram bot in a process of its
// own, killed with SIGKILL halfway through and restarted. Prints a markdown table and writes it to /tmp/loadtest.md.
// Options: --users 200 --per-user 20 --seed 7 --rate429 0.02 --rate500 0.01 --redeliver 0.02;
// --faults-only skips the runs without faults; --no-crash skips the run that kills the Telegram bot.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { createKnowledgeStore } from '../src/runtime/knowledge-store.ts';
import { FULL, markdownTable, slackLoad, telegramCrashLoad, telegramLoad, type LoadOptions, type LoadResult } from '../testkit/load.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v >= 0 ? v : fallback;
}

async function main(): Promise<void> {
  const opts: LoadOptions = {
    ...FULL,
    users: arg('users', FULL.users),
    perUser: arg('per-user', FULL.perUser),
    seed: arg('seed', FULL.seed),
    rate429: arg('rate429', FULL.rate429),
    rate500: arg('rate500', FULL.rate500),
    redeliver: arg('redeliver', FULL.redeliver),
  };
  const calm: LoadOptions = { ...opts, rate429: 0, rate500: 0, redeliver: 0 };
  const outcome = await loadKnowledge('knowledge');
  if (!outcome.ok) throw new Error('shipped knowledge is invalid');
  const store = createKnowledgeStore('knowledge', outcome.knowledge);
  // Each platform without faults first: the baseline the faults are measured against.
  const results: LoadResult[] = [];
  for (const run of [telegramLoad, slackLoad]) {
    if (!process.argv.includes('--faults-only')) results.push(await run(store, calm));
    results.push(await run(store, opts));
  }
  // With the same faults, the Telegram bot in a process of its own, killed halfway and restarted.
  if (!process.argv.includes('--no-crash')) results.push(await telegramCrashLoad(store, opts));
  const table = markdownTable(results, opts);
  console.log(table);
  writeFileSync('/tmp/loadtest.md', `${table}\n`);
  console.log('\n(written to /tmp/loadtest.md)');
  if (results.some((r) => r.duplicates > 0 || r.losses > 0 || r.wrong > 0)) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
