// Composition root: config → knowledge → store → adapters. Telegram and Slack start when their
// tokens are set, side by side; with no platform token configured, the console chat is the default.
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import type { Adapter } from '../adapters/adapter.ts';
import { createAdmin } from './admin/admin.ts';
import { createAdminCommands, type AdminCommands } from './admin/commands.ts';
import type { StatusOverlay } from './answer/types.ts';
import { type Config, usesConsoleChat } from './config.ts';
import { createDigestScheduler } from './digest/scheduler.ts';
import { closeHealth, createHealth, type Health, serveHealth } from './health.ts';
import { changeLines } from './knowledge/diff.ts';
import { loadKnowledge } from './knowledge/load.ts';
import { createKnowledgeStore, type KnowledgeStore } from './runtime/knowledge-store.ts';
import { formatKnowledgeError } from './knowledge/types.ts';
import { watchKnowledge } from './knowledge/watch.ts';
import { openState, type State } from './state/index.ts';
import { overlayOf } from './state/status-log.ts';

/** Loads the knowledge, or logs why not. Nothing starts on invalid knowledge. */
async function openStore(config: Config, log: Logger, overlay: StatusOverlay): Promise<KnowledgeStore | undefined> {
  const started = performance.now();
  const outcome = await loadKnowledge(config.knowledgeDir);
  if (!outcome.ok) {
    log.fatal(
      { errors: outcome.errors.slice(0, 10).map(formatKnowledgeError), count: outcome.errors.length },
      `knowledge in ${config.knowledgeDir} is invalid (${outcome.errors.length === 1 ? '1 error' : `${outcome.errors.length} errors`}), so nothing started; \`npm run check\` lists them all`,
    );
    return undefined;
  }
  log.info(
    { version: outcome.knowledge.version, agreements: outcome.knowledge.agreements.length, ms: Math.round(performance.now() - started) },
    'knowledge loaded',
  );
  return createKnowledgeStore(config.knowledgeDir, outcome.knowledge, {
    overlay,
    timezone: config.timezone,
    onError: (err, question) => log.error({ err, question }, 'answer failed'),
  });
}

/** Reloads and logs the outcome: the change report, or the errors (the old knowledge stays live). */
async function reloadAndLog(store: KnowledgeStore, log: Logger, trigger: string): Promise<void> {
  const r = await store.reload();
  if (r.ok)
    log.info(
      { trigger, version: r.version, previousVersion: r.previousVersion, changes: r.changed ? changeLines(r.changes) : [], ms: r.ms },
      r.changed ? 'knowledge reloaded' : 'knowledge reloaded: no change',
    );
  else
    log.error(
      { trigger, errors: r.errors.slice(0, 10).map(formatKnowledgeError), count: r.errors.length },
      'knowledge reload failed; the previous knowledge stays live',
    );
}

/** Starts the bot. Resolves with the process exit code when it stops. */
export async function startApp(config: Config, log: Logger): Promise<number> {
  // The probe answers from the start: 503 while the knowledge loads, 200 once it has.
  const health = createHealth();
  let probe: Server | undefined;
  if (config.healthPort !== undefined) {
    try {
      probe = await serveHealth(config.healthPort, health);
      log.info({ port: config.healthPort }, `health: answering GET /healthz on port ${config.healthPort}`);
    } catch (err) {
      log.fatal({ err }, `cannot serve /healthz on HEALTH_PORT ${config.healthPort}: ${(err as Error).message}; nothing started`);
      return 2;
    }
  }
  try {
    return await startServices(config, log, health);
  } finally {
    if (probe) await closeHealth(probe);
  }
}

async function startServices(config: Config, log: Logger, health: Health): Promise<number> {
  let state: State;
  try {
    state = openState(config.dataDir);
  } catch (err) {
    log.fatal({ err }, `${(err as Error).message}; nothing started`);
    return 2;
  }
  const store = await openStore(config, log, overlayOf(state.statusLog));
  if (!store) {
    state.close();
    return 2;
  }
  health.ready(() => store.engine().knowledge);
  const admin = createAdminCommands(
    createAdmin(store, state, { timezone: config.timezone }),
    { telegram: new Set([...(config.telegram?.adminIds ?? [])].map(String)), slack: config.slack?.adminIds ?? new Set() },
    log,
  );
  // Admins edit files and the bot picks them up: on save (unless KNOWLEDGE_WATCH=false) and on SIGHUP.
  const watcher = config.watch ? watchKnowledge(config.knowledgeDir, () => void reloadAndLog(store, log, 'watch')) : undefined;
  const onHup = () => void reloadAndLog(store, log, 'SIGHUP');
  process.on('SIGHUP', onHup);
  try {
    return await run(config, log, store, admin, state, health);
  } finally {
    watcher?.close();
    process.off('SIGHUP', onHup);
    state.close();
  }
}

async function run(
  config: Config,
  log: Logger,
  store: KnowledgeStore,
  admin: AdminCommands,
  state: State,
  health: Health,
): Promise<number> {
  // Each adapter is imported only when it runs: loading Bolt alone takes longer than a Telegram start.
  if (usesConsoleChat(config)) {
    const { runConsoleChat } = await import('../adapters/console/chat.ts');
    await runConsoleChat({
      engine: () => store.engine(),
      input: process.stdin,
      output: process.stdout,
      pageSize: config.pageSize,
      interactive: process.stdin.isTTY ?? false,
    });
    return 0;
  }

  // Both platforms run side by side when both are configured.
  const adapters: Adapter[] = [];
  if (config.telegram) {
    const { createTelegramAdapter } = await import('../adapters/telegram/run.ts');
    adapters.push(
      createTelegramAdapter(
        { config: config.telegram, store, admin, state, knowledgeDir: config.knowledgeDir, log, pageSize: config.pageSize },
        { health },
      ),
    );
  }
  if (config.slack) {
    const { createSlackAdapter } = await import('../adapters/slack/run.ts');
    adapters.push(
      createSlackAdapter(
        { config: config.slack, store, admin, log, pageSize: config.pageSize, knowledgeDir: config.knowledgeDir },
        { health },
      ),
    );
  }
  const stopped = new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'stopping: finishing the updates in flight');
      void Promise.all(adapters.map((a) => a.stop())).then(() => resolve());
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  // A platform that cannot start (its port taken, its token refused) stops the ones already
  // started, so nothing is left half-started, and the exit code is 2 as for any other start-up failure.
  try {
    for (const adapter of adapters) await adapter.start();
  } catch (err) {
    await Promise.all(adapters.map((a) => a.stop()));
    log.fatal({ err }, `could not start: ${err instanceof Error ? err.message : String(err)}; stopped what had started`);
    return 2;
  }
  const digests = createDigestScheduler({
    db: state.db,
    store,
    timezone: config.timezone,
    deliver: async (platform, chatId, message) => {
      const adapter = adapters.find((a) => a.name === platform);
      if (!adapter) throw new Error(`no ${platform} adapter is running`);
      await adapter.deliverDigest(chatId, message);
    },
    onError: (err, s) => log.error({ err, platform: s.platform, chatId: s.chatId }, 'digest: delivery failed; will retry'),
  });
  digests.start();
  await stopped;
  digests.stop();
  log.info('stopped');
  return 0;
}
