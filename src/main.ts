// Composition root: config → knowledge → engine → adapters. With no platform token configured,
// the console chat is the embedded default.
import type { Logger } from 'pino';
import { runConsoleChat } from '../adapters/console/chat.ts';
import { createEngine } from './answer/engine.ts';
import type { Config } from './config.ts';
import { loadKnowledge } from './knowledge/load.ts';
import { formatKnowledgeError } from './knowledge/types.ts';

/** Starts the bot. Resolves with the process exit code when the chat ends. */
export async function startApp(config: Config, log: Logger): Promise<number> {
  const started = performance.now();
  const outcome = await loadKnowledge(config.knowledgeDir);
  if (!outcome.ok) {
    log.fatal({ errors: outcome.errors.slice(0, 10).map(formatKnowledgeError), count: outcome.errors.length }, `knowledge in ${config.knowledgeDir} is invalid; nothing started`);
    return 2;
  }
  const engine = createEngine(outcome.knowledge);
  log.info({ version: outcome.knowledge.version, agreements: outcome.knowledge.agreements.length, ms: Math.round(performance.now() - started) }, 'knowledge loaded');

  if (config.telegramToken || config.slackBotToken) {
    // The platform adapters arrive with their own releases; until then say so instead of pretending.
    log.warn('TELEGRAM_BOT_TOKEN / SLACK_BOT_TOKEN are set, but this version only has the console chat');
  }
  await runConsoleChat({ engine: () => engine, input: process.stdin, output: process.stdout, pageSize: config.pageSize, interactive: process.stdin.isTTY ?? false });
  return 0;
}
