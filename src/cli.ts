// Command line: `start` (the default chat), `ask`, `check`, `eval`, `draft`. bin/mou-bot.js runs
// its compiled form (package.json's scripts and the `mou-bot` command); the tests run it through tsx.
// Exit codes: 0 ok, 1 knowledge or evaluation failed, 2 bad usage, configuration or start-up.
import 'dotenv/config';
import { createInterface } from 'node:readline';
import { ConfigError, loadConfig, logLevelFor, usesConsoleChat, type Config } from './config.ts';
import { createEngine, type Engine } from './answer/engine.ts';
import { renderText, type View } from './answer/render-text.ts';
import { Conversations } from './answer/conversation.ts';
import { readBatchLine } from './batch.ts';
import type { Answer } from './answer/types.ts';
import { answerRefs } from './answer/refs.ts';
import { loadKnowledge } from './knowledge/load.ts';
import { formatKnowledgeError } from './knowledge/types.ts';
import { compare, formatComparison } from './eval/compare.ts';
import { evaluateFree, formatFree, isFreeSet, readFreeSet } from './eval/free.ts';
import { createLogger } from './logger.ts';
import { DRAFT_USAGE, runDraft } from './draft/run.ts';

const USAGE = `usage:
  mou-bot start                         chat in the console (or run the configured platforms)
  mou-bot ask [--json] [--full] "question"  print one answer (--full: with quotes, notes, general assignment)
  mou-bot ask --batch [--json]          one question per stdin line → one JSON line each; a line
                                        {"conversation": "<id>", "q": "…"} continues that conversation
  mou-bot check                         validate the knowledge files
  mou-bot eval [--show-fail] [file...]  score evaluation sets (default: the three in test/eval)
${DRAFT_USAGE}`;

/** The evaluation sets `eval` scores by default. */
const EVAL_SETS = ['test/eval/questions.jsonl', 'test/eval/holdout.jsonl', 'test/eval/free-public.jsonl'];

/** The machine-readable answer of `ask --json`: the Answer plus its plain-text rendering. */
export function answerJson(a: Answer, view: View = 'short'): string {
  return JSON.stringify({
    found: a.found,
    intent: a.intent,
    lang: a.lang,
    text: renderText(a, view),
    items: answerRefs(a),
    page: a.page ?? null,
    answer: a,
  });
}

async function engineOrExit(config: Config): Promise<Engine> {
  const outcome = await loadKnowledge(config.knowledgeDir);
  if (!outcome.ok) {
    process.stderr.write(
      `knowledge in ${config.knowledgeDir} is invalid (${outcome.errors.length} errors); run \`npm run check\` for the list:\n`,
    );
    for (const e of outcome.errors.slice(0, 10)) process.stderr.write(`  ${formatKnowledgeError(e)}\n`);
    process.exit(2);
  }
  return createEngine(outcome.knowledge);
}

async function main(argv: string[]): Promise<number> {
  const [command = 'start', ...rest] = argv;
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const args = rest.filter((a) => !a.startsWith('--'));
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }

  switch (command) {
    case 'check': {
      const outcome = await loadKnowledge(config.knowledgeDir);
      if (outcome.ok) {
        const k = outcome.knowledge;
        const n = (f: (a: (typeof k.agreements)[number]) => number) => k.agreements.reduce((s, a) => s + f(a), 0);
        process.stdout.write(
          `ok: ${k.agreements.length} agreement(s), ${n((a) => a.commitments.length)} commitments, ${n((a) => a.results.length)} results, ${n((a) => a.facts.length)} facts, ${n((a) => a.people.length)} people, ${n((a) => a.bodies.length)} bodies (version ${k.version})\n`,
        );
        return 0;
      }
      for (const e of outcome.errors) process.stdout.write(`${formatKnowledgeError(e)}\n`);
      process.stdout.write(`${outcome.errors.length} error(s)\n`);
      return 1;
    }
    case 'ask': {
      const engine = await engineOrExit(config);
      const view = flags.has('--full') ? 'full' : 'short';
      const print = (a: Answer) =>
        process.stdout.write(`${flags.has('--json') || flags.has('--batch') ? answerJson(a, view) : renderText(a, view)}\n`);
      if (flags.has('--batch')) {
        const conversations = new Conversations();
        const rl = createInterface({ input: process.stdin, terminal: false });
        for await (const line of rl) {
          const { q, conversation } = readBatchLine(line);
          print(engine.ask(q, { pageSize: config.pageSize }, conversation === undefined ? undefined : conversations.get(conversation)));
        }
        return 0;
      }
      if (args.length === 0) {
        process.stderr.write(`${USAGE}\n`);
        return 2;
      }
      print(engine.ask(args.join(' '), { pageSize: config.pageSize }));
      return 0;
    }
    case 'eval': {
      const engine = await engineOrExit(config);
      const files = args.length > 0 ? args : EVAL_SETS;
      const show = flags.has('--show-fail');
      // Free sets (questions and conversations written from the article alone) are scored as score.py
      // scores them; the older sets beside the MiniSearch baseline.
      const reports = files.map((f) =>
        isFreeSet(f) ? formatFree(f, evaluateFree(engine, readFreeSet(f)), show) : formatComparison(compare(engine, f), show),
      );
      process.stdout.write(`${reports.join('\n\n')}\n`);
      return 0;
    }
    case 'draft':
      // Options with values (--id x, --out y): the draft command reads its own arguments.
      return runDraft(rest, config);
    case 'start': {
      // Imported here, not above: the platform libraries take a while to load, and `ask` needs none.
      const { startApp } = await import('./main.ts');
      return startApp(
        config,
        createLogger(logLevelFor(config), {
          human: usesConsoleChat(config),
          secrets: [
            config.telegram?.token,
            config.telegram?.webhook?.secret,
            config.slack?.botToken,
            config.slack?.appToken,
            config.slack?.signingSecret,
          ].filter((x): x is string => Boolean(x)),
        }),
      );
    }
    default:
      process.stderr.write(`unknown command "${command}"\n${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`mou-bot failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
