// Starting and stopping the Slack app: Socket Mode with an app token, HTTP mode otherwise. A Web
// API that is unreachable at start is retried with backoff and a log line each time, not a crash.
import type { Server } from 'node:http';
import { webApi } from '@slack/bolt';
import type { DigestMessage } from '../../src/digest/scheduler.ts';
import { HEALTH_PATH, type Health } from '../../src/health.ts';
import { adminMrkdwn } from './admin-text.ts';
import { boltLogger, createSlackApp, type SlackDeps, type SlackIdentity } from './app.ts';

export interface SlackRuntime {
  /** The port the HTTP receiver listens on (HTTP mode only). */
  port?: number;
  stop(): Promise<void>;
  /** Posts a scheduled digest to a channel. */
  deliverDigest(channel: string, message: DigestMessage): Promise<void>;
}

export interface SlackStartOptions {
  /** Aborting it gives up retrying an unreachable API. */
  signal?: AbortSignal;
  /** First wait before retrying an unreachable API, in ms; doubles up to a minute. Default 1000. */
  retryMs?: number;
  /** Also answers GET /healthz on the HTTP receiver (HTTP mode only). */
  health?: Health;
}

/** Errors that mean "the token is wrong", not "Slack is unreachable": retrying cannot help. */
const FATAL_AUTH = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
]);

/**
 * auth.test by hand, before Bolt starts: Bolt would call it itself once, in the background, and
 * keep a failure for good (every later event fails), and the Web API client's own retries are
 * silent. An operator must see why the app is not up yet. Resolves undefined when aborted.
 */
async function identify(deps: SlackDeps, options: SlackStartOptions): Promise<SlackIdentity | undefined> {
  const { config, log } = deps;
  const client = new webApi.WebClient(config.botToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: 0 },
    logger: boltLogger(log),
  });
  for (let wait = options.retryMs ?? 1000; !options.signal?.aborted; wait = Math.min(wait * 2, 60_000)) {
    try {
      const r = await client.auth.test();
      return { botId: r.bot_id ?? '', botUserId: r.user_id ?? '' };
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error;
      if (code && FATAL_AUTH.has(code)) throw new Error(`slack: the bot token was refused (${code}); check SLACK_BOT_TOKEN`);
      log.error(
        { err, retryInMs: wait },
        `slack: cannot reach the Slack Web API (auth.test failed); retrying in ${Math.round(wait / 1000)} s`,
      );
      await new Promise((r) => setTimeout(r, wait));
    }
  }
  return undefined;
}

export async function startSlack(deps: SlackDeps, options: SlackStartOptions = {}): Promise<SlackRuntime> {
  const identity = await identify(deps, options);
  if (!identity) return { stop: async () => undefined, deliverDigest: async () => Promise.reject(new Error('slack: not started')) };
  const { health } = options;
  const app = createSlackApp(deps, identity, {
    ...(health
      ? { customRoutes: [{ path: HEALTH_PATH, method: ['GET', 'HEAD'], handler: (req, res) => void health.handle(req, res) }] }
      : {}),
  });
  const started = (deps.config.appToken ? await app.start() : await app.start(deps.config.port)) as Server | undefined;
  const address = started && typeof started.address === 'function' ? started.address() : undefined;
  deps.log.info(
    { mode: deps.config.appToken ? 'socket' : 'http', ...(address && typeof address === 'object' ? { port: address.port } : {}) },
    'slack: started',
  );
  return {
    ...(address && typeof address === 'object' ? { port: address.port } : {}),
    stop: async () => {
      await app.stop();
    },
    deliverDigest: async (channel, message) => {
      await app.client.chat.postMessage({ channel, text: adminMrkdwn({ ok: true, ...message }), unfurl_links: false });
    },
  };
}
