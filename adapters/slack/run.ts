// Starting and stopping the Slack app: Socket Mode with an app token, HTTP mode otherwise. A Web
// API that is unreachable at start is retried with backoff and a log line each time, not a crash.
import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { type App, webApi } from '@slack/bolt';
import { HEALTH_PATH, type Health } from '../../src/health.ts';
import type { Adapter } from '../adapter.ts';
import { adminMrkdwn } from './admin-text.ts';
import { createSlackApp, type SlackDeps, type SlackIdentity } from './app.ts';
import { boltLogger } from './bolt-logger.ts';

export interface SlackAdapter extends Adapter {
  /** The port the HTTP receiver listens on (HTTP mode, once started). */
  readonly port: number | undefined;
}

export interface SlackStartOptions {
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
async function identify(deps: SlackDeps, options: SlackStartOptions, signal: AbortSignal): Promise<SlackIdentity | undefined> {
  const { config, log } = deps;
  const client = new webApi.WebClient(config.botToken, {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: 0 },
    logger: boltLogger(log),
  });
  for (let wait = options.retryMs ?? 1000; !signal.aborted; wait = Math.min(wait * 2, 60_000)) {
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
      await sleep(wait, undefined, { signal }).catch(() => undefined);
    }
  }
  return undefined;
}

export function createSlackAdapter(deps: SlackDeps, options: SlackStartOptions = {}): SlackAdapter {
  // Aborted by stop(): gives up retrying an unreachable API at start.
  const stopping = new AbortController();
  let app: App | undefined;
  let port: number | undefined;
  let starting: Promise<void> | undefined;

  async function connect(): Promise<void> {
    const identity = await identify(deps, options, stopping.signal);
    if (!identity) return;
    const { health } = options;
    const created = createSlackApp(deps, identity, {
      ...(health
        ? { customRoutes: [{ path: HEALTH_PATH, method: ['GET', 'HEAD'], handler: (req, res) => void health.handle(req, res) }] }
        : {}),
    });
    const started = (deps.config.appToken ? await created.start() : await created.start(deps.config.port)) as Server | undefined;
    app = created;
    const address = started && typeof started.address === 'function' ? started.address() : undefined;
    port = address && typeof address === 'object' ? address.port : undefined;
    deps.log.info({ mode: deps.config.appToken ? 'socket' : 'http', ...(port ? { port } : {}) }, 'slack: started');
  }

  return {
    name: 'slack',
    get port() {
      return port;
    },
    start() {
      starting ??= connect();
      return starting;
    },
    async stop() {
      stopping.abort();
      await starting?.catch(() => undefined);
      await app?.stop();
    },
    async deliverDigest(channel, message) {
      if (!app) throw new Error('slack: not started');
      await app.client.chat.postMessage({ channel, text: adminMrkdwn({ ok: true, ...message }), unfurl_links: false });
    },
  };
}

/** Creates the adapter and starts it: for tests and benchmarks, which want a running app in one call. */
export async function startSlack(deps: SlackDeps, options: SlackStartOptions = {}): Promise<SlackAdapter> {
  const adapter = createSlackAdapter(deps, options);
  await adapter.start();
  return adapter;
}
