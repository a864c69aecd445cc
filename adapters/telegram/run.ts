// Starting and stopping the Telegram bot: long polling by default, a webhook when
// TELEGRAM_WEBHOOK_URL is set. An unreachable Bot API at start is retried with backoff, not a crash.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createServer, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { autoRetry } from '@grammyjs/auto-retry';
import { type Bot, webhookCallback } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import type { DigestMessage } from '../../src/digest/scheduler.ts';
import { createUpdateJournal } from '../../src/state/update-journal.ts';
import type { Adapter } from '../adapter.ts';
import type { Health } from '../../src/health.ts';
import { createTelegramBot, type TelegramDeps } from './bot.ts';
import { commandMenus } from './commands.ts';
import { type Handling, journalAgent } from './journal-agent.ts';
import { journalCalls, type Polling, startPolling } from './polling.ts';
import { escapeHtml, splitMessages } from './render.ts';

export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'inline_query'] as const;

/** Calls auto-retry leaves alone: getUpdates retries on its own (polling.ts), and a late typing indicator is useless. */
const NOT_RETRIED = new Set(['getUpdates', 'sendChatAction']);

export interface TelegramAdapter extends Adapter {
  /** The port the webhook server listens on (webhook mode, once started). */
  readonly port: number | undefined;
  /** Resolves once no fetched update is waiting or being handled (long polling; at once with a webhook). */
  idle(): Promise<void>;
}

export interface StartOptions {
  /** First wait before retrying an unreachable API, in ms; doubles up to a minute. Default 1000. */
  retryMs?: number;
  /** Long-poll timeout in seconds. Default 30. */
  pollTimeoutSeconds?: number;
  /** How long a stop waits for the updates in flight, in ms (the rest are handled after a restart). Default 30,000. */
  stopTimeoutMs?: number;
  /** Also answers GET /healthz on the webhook server (webhook mode only). */
  health?: Health;
}

async function initWithRetry(bot: Bot, log: Logger, signal: AbortSignal, firstWaitMs: number): Promise<boolean> {
  for (let wait = firstWaitMs; !signal.aborted; wait = Math.min(wait * 2, 60_000)) {
    try {
      // getMe by hand rather than bot.init(): grammY's own start-up retries are silent, and an
      // operator must see why the bot is not up yet.
      bot.botInfo = await bot.api.getMe();
      return true;
    } catch (err) {
      log.error({ err, retryInMs: wait }, `telegram: cannot reach the Bot API (getMe failed); retrying in ${Math.round(wait / 1000)} s`);
      await sleep(wait, undefined, { signal }).catch(() => undefined);
    }
  }
  return false;
}

async function registerCommands(bot: Bot, log: Logger): Promise<void> {
  const menus = commandMenus();
  try {
    await bot.api.setMyCommands(menus.en);
    await bot.api.setMyCommands(menus.vi, { language_code: 'vi' });
  } catch (err) {
    log.warn({ err }, 'telegram: could not register the command menu; commands still work');
  }
}

export function createTelegramAdapter(deps: TelegramDeps, options: StartOptions = {}): TelegramAdapter {
  const { log, config } = deps;
  // Long polling's journal (polling.ts): the updates fetched and not yet handled, and the calls made for each.
  const journal = createUpdateJournal<Update>(deps.state.db, 'telegram');
  const handling = new AsyncLocalStorage<Handling>();
  const bot = createTelegramBot(deps, journalAgent(config.apiRoot ?? 'https://api.telegram.org', journal, handling));
  // Aborted by stop(): gives up retrying an unreachable API at start.
  const stopping = new AbortController();
  let polling: Polling | undefined;
  let server: Server | undefined;
  let port: number | undefined;
  let starting: Promise<void> | undefined;

  async function connect(): Promise<void> {
    if (!(await initWithRetry(bot, log, stopping.signal, options.retryMs ?? 1000))) return;
    // From here on, flood waits (429, honouring retry_after) and 5xx answers are retried, not
    // surfaced. Installed after start-up so that an unreachable API at start is our own, logged
    // retry. getUpdates has its own, shorter retry (polling.ts): while it waits, no question comes in.
    const retry = autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, rethrowInternalServerErrors: false });
    bot.api.config.use((prev, method, payload, signal) =>
      NOT_RETRIED.has(method) ? prev(method, payload, signal) : retry(prev, method, payload, signal),
    );
    // Around the retries: one logged call however many attempts it takes.
    bot.api.config.use(journalCalls(journal, handling, log));
    await registerCommands(bot, log);
    if (stopping.signal.aborted) return;
    if (config.webhook) {
      server = await listenForWebhook(bot, config.webhook, options.health);
      const address = server.address();
      port = address && typeof address === 'object' ? address.port : undefined;
      await bot.api.setWebhook(config.webhook.url, { secret_token: config.webhook.secret, allowed_updates: [...ALLOWED_UPDATES] });
      log.info({ url: config.webhook.url, port }, 'telegram: webhook set');
      return;
    }
    await bot.api.deleteWebhook();
    if (stopping.signal.aborted) return;
    polling = startPolling(bot, journal, handling, log, {
      allowedUpdates: ALLOWED_UPDATES,
      ...(options.pollTimeoutSeconds !== undefined ? { timeoutSeconds: options.pollTimeoutSeconds } : {}),
      ...(options.stopTimeoutMs !== undefined ? { stopTimeoutMs: options.stopTimeoutMs } : {}),
    });
    log.info({ username: bot.botInfo.username }, 'telegram: long polling');
  }

  return {
    name: 'telegram',
    get port() {
      return port;
    },
    start() {
      starting ??= connect();
      return starting;
    },
    idle: async () => {
      await polling?.idle();
    },
    async stop() {
      stopping.abort();
      // A start under way notices the abort at its next step; what it started is stopped below.
      await starting?.catch(() => undefined);
      if (polling) await polling.stop();
      if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
    },
    async deliverDigest(chatId: string, message: DigestMessage) {
      for (const part of splitMessages([`<b>${escapeHtml(message.title)}</b>`, ...message.lines.map((l) => `• ${escapeHtml(l)}`)])) {
        await bot.api.sendMessage(chatId, part, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
      }
    },
  };
}

/** The webhook server: grammY answers 401 to a request without the right X-Telegram-Bot-Api-Secret-Token header. */
async function listenForWebhook(bot: Bot, webhook: { url: string; port: number; secret: string }, health?: Health): Promise<Server> {
  const path = new URL(webhook.url).pathname;
  const handle = webhookCallback(bot, 'http', { secretToken: webhook.secret });
  const server = createServer((req, res) => {
    if (health?.handle(req, res)) return;
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== path) {
      res.writeHead(404).end();
      return;
    }
    void handle(req, res);
  });
  // A port already in use is a start-up failure to report (exit 2), not an uncaught 'error' event.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(webhook.port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/** Creates the adapter and starts it: for tests and benchmarks, which want a running bot in one call. */
export async function startTelegram(deps: TelegramDeps, options: StartOptions = {}): Promise<TelegramAdapter> {
  const adapter = createTelegramAdapter(deps, options);
  await adapter.start();
  return adapter;
}
