// Starting and stopping the Telegram bot: long polling by default, a webhook when
// TELEGRAM_WEBHOOK_URL is set. An unreachable Bot API at start is retried with backoff, not a crash.
import { createServer, type Server } from 'node:http';
import { autoRetry } from '@grammyjs/auto-retry';
import { webhookCallback, type Bot } from 'grammy';
import type { Logger } from 'pino';
import { createTelegramBot, type TelegramDeps } from './bot.ts';
import type { DigestMessage } from '../../src/digest/scheduler.ts';
import type { Health } from '../../src/health.ts';
import { commandMenus } from './commands.ts';
import { escapeHtml, splitMessages } from './render.ts';
import { startPolling, type Polling } from './polling.ts';

export const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query'] as const;

export interface TelegramRuntime {
  bot: Bot;
  /** The port the webhook server listens on (webhook mode only). */
  port?: number;
  /** Stops taking updates, lets those in flight finish, then resolves. */
  stop(): Promise<void>;
  /** Sends a scheduled digest to a chat. */
  deliverDigest(chatId: string, message: DigestMessage): Promise<void>;
}

export interface StartOptions {
  /** Aborting it gives up retrying an unreachable API. */
  signal?: AbortSignal;
  /** First wait before retrying an unreachable API, in ms; doubles up to a minute. Default 1000. */
  retryMs?: number;
  /** Long-poll timeout in seconds. Default 30. */
  pollTimeoutSeconds?: number;
  /** How long a stop waits for updates in flight and for the final confirmation, in ms. Default 30,000. */
  stopTimeoutMs?: number;
  /** Also answers GET /healthz on the webhook server (webhook mode only). */
  health?: Health;
}

async function initWithRetry(bot: Bot, log: Logger, stopped: () => boolean, firstWaitMs: number): Promise<boolean> {
  for (let wait = firstWaitMs; !stopped(); wait = Math.min(wait * 2, 60_000)) {
    try {
      // getMe by hand rather than bot.init(): grammY's own start-up retries are silent, and an
      // operator must see why the bot is not up yet.
      bot.botInfo = await bot.api.getMe();
      return true;
    } catch (err) {
      log.error({ err, retryInMs: wait }, `telegram: cannot reach the Bot API (getMe failed); retrying in ${Math.round(wait / 1000)} s`);
      await new Promise((r) => setTimeout(r, wait));
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

export async function startTelegram(deps: TelegramDeps, options: StartOptions = {}): Promise<TelegramRuntime> {
  const { log, config } = deps;
  const bot = createTelegramBot(deps);
  let stopped = false;
  options.signal?.addEventListener('abort', () => (stopped = true));
  let polling: Polling | undefined;
  let server: Server | undefined;

  const ready = await initWithRetry(bot, log, () => stopped, options.retryMs ?? 1000);
  const deliverDigest = async (chatId: string, message: DigestMessage) => {
    for (const part of splitMessages([`<b>${escapeHtml(message.title)}</b>`, ...message.lines.map((l) => `• ${escapeHtml(l)}`)])) {
      await bot.api.sendMessage(chatId, part, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    }
  };
  if (!ready) return { bot, stop: async () => undefined, deliverDigest };
  // From here on, flood waits (429, honouring retry_after) and 5xx answers are retried, not
  // surfaced. Installed after start-up so that an unreachable API at start is our own, logged retry.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, rethrowInternalServerErrors: false }));
  await registerCommands(bot, log);

  if (config.webhook) {
    const { url, port, secret } = config.webhook;
    const path = new URL(url).pathname;
    // grammY answers 401 to a request without the right X-Telegram-Bot-Api-Secret-Token header.
    const handle = webhookCallback(bot, 'http', { secretToken: secret });
    server = createServer((req, res) => {
      if (options.health?.handle(req, res)) return;
      if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== path) {
        res.writeHead(404).end();
        return;
      }
      void handle(req, res);
    });
    // A port already in use is a start-up failure to report (exit 2), not an uncaught 'error' event.
    await new Promise<void>((resolve, reject) => {
      server?.once('error', reject);
      server?.listen(port, () => {
        server?.off('error', reject);
        resolve();
      });
    });
    await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
    log.info({ url, port }, 'telegram: webhook set');
  } else {
    await bot.api.deleteWebhook();
    polling = startPolling(bot, log, {
      allowedUpdates: ALLOWED_UPDATES,
      ...(options.pollTimeoutSeconds !== undefined ? { timeoutSeconds: options.pollTimeoutSeconds } : {}),
      ...(options.stopTimeoutMs !== undefined ? { stopTimeoutMs: options.stopTimeoutMs } : {}),
    });
    log.info({ username: bot.botInfo.username }, 'telegram: long polling');
  }

  const address = server?.address();
  return {
    bot,
    ...(address && typeof address === 'object' ? { port: address.port } : {}),
    deliverDigest,
    async stop() {
      stopped = true;
      if (polling) await polling.stop();
      if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
    },
  };
}
