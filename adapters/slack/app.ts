// The Slack adapter: turns Slack events into questions for the core and renders its Answers as
// Block Kit. No search or answering logic lives here.
import { App, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from 'pino';
import type { AdminCommands, Caller } from '../../src/admin/commands.ts';
import type { AskAs, Lang } from '../../src/answer/types.ts';
import type { SlackConfig } from '../../src/config.ts';
import type { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { cleanInput } from '../../src/text/normalize.ts';
import { homeView, RELOAD_ACTION } from './home.ts';
import { adminMrkdwn } from './admin-text.ts';
import { ACTION, renderSlack, type SlackMessage } from './render.ts';

export interface SlackDeps {
  config: SlackConfig;
  store: KnowledgeStore;
  /** The admin commands, with their audit trail. */
  admin: AdminCommands;
  log: Logger;
  pageSize: number;
}

/** What a paging or share button carries: enough to ask again. */
interface Asked {
  q: string;
  as?: AskAs;
  lang?: Lang;
  page?: number;
}

/** Bolt logs through pino, so its lines are JSON on stderr and go through the same redaction. */
export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  return {
    debug: (...m: unknown[]) => log.debug({ bolt: true }, m.map(String).join(' ')),
    info: (...m: unknown[]) => log.info({ bolt: true }, m.map(String).join(' ')),
    warn: (...m: unknown[]) => log.warn({ bolt: true }, m.map(String).join(' ')),
    error: (...m: unknown[]) => log.error({ bolt: true }, m.map(String).join(' ')),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** Remembers recent event ids, so an event Slack retries is answered once. */
class SeenEvents {
  private readonly ids = new Set<string>();
  constructor(private readonly capacity = 10_000) {}
  /** True the first time an id is seen. */
  first(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value as string);
    return true;
  }
}

// A label never holds "<", so a run of "<@U|<@U|…" without ">" is scanned once, not once per "<@"
// (with [^>]* that was quadratic: 40,000 characters held the event loop for most of a second).
const mentionPattern = /<@[A-Z0-9]+(\|[^<>]*)?>/g;

/** Who the bot is, from auth.test: given, Bolt does not call auth.test itself. */
export interface SlackIdentity {
  botId: string;
  botUserId: string;
}

export function createSlackApp(deps: SlackDeps, identity?: SlackIdentity): App {
  const { config, store, log, pageSize } = deps;
  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  const app = new App({
    token: config.botToken,
    ...(identity ? { botId: identity.botId, botUserId: identity.botUserId } : {}),
    logger: boltLogger(log),
    clientOptions,
    // Socket Mode's own client reads its options from here.
    installerOptions: { clientOptions },
    ...(config.appToken
      ? { socketMode: true, appToken: config.appToken }
      : { signingSecret: config.signingSecret ?? '', port: config.port }),
  });

  const { admin } = deps;
  /** A Slack user, by immutable user id (a display name or a workspace role grants nothing). */
  const callerOf = (userId: string, chatId: string, userName?: string): Caller => ({
    platform: 'slack',
    userId,
    userName: userName || userId,
    chatId,
    prefix: '/mou ',
  });

  function answerFor(asked: Asked, actions: { share?: boolean } = {}): SlackMessage {
    // Cleaned and capped (MAX_QUESTION_CHARS) here, not only in the core: the question travels on in
    // button values, which Slack limits to 2,000 characters.
    const q = cleanInput(asked.q);
    const answer = store.engine().ask(q, {
      pageSize,
      ...(asked.as ? { as: asked.as } : {}),
      ...(asked.lang ? { lang: asked.lang } : {}),
      ...(asked.page ? { page: asked.page } : {}),
    });
    const base = { q, ...(asked.as ? { as: asked.as } : {}), ...(asked.lang ? { lang: asked.lang } : {}) };
    return renderSlack(answer, {
      page: (page) => JSON.stringify({ ...base, page }),
      ...(actions.share ? { share: JSON.stringify({ ...base, page: asked.page ?? 1 }) } : {}),
    });
  }

  // Slack retries an event it thinks was not acknowledged; answer each event_id once.
  const seen = new SeenEvents();
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !seen.first(eventId)) {
      log.debug({ eventId }, 'slack: duplicate event ignored');
      return;
    }
    await next();
  });

  app.event('app_mention', async ({ event, client }) => {
    // Bolt's ignoreSelf drops our own messages; other bots are not ours to answer either.
    if ('bot_id' in event && event.bot_id) return;
    const channel = event.channel;
    const ts = event.ts;
    await client.reactions
      .add({ channel, timestamp: ts, name: 'eyes' })
      .catch((err: unknown) => log.warn({ err }, 'slack: could not add the 👀 reaction'));
    try {
      const message = answerFor({ q: (event.text ?? '').replace(mentionPattern, ' ').trim() });
      // Reply in the thread of the mention, and keep the thread: a follow-up there stays there.
      await client.chat.postMessage({ channel, thread_ts: event.thread_ts ?? ts, ...message, unfurl_links: false });
    } finally {
      await client.reactions.remove({ channel, timestamp: ts, name: 'eyes' }).catch(() => undefined);
    }
  });

  app.message(async ({ message, say }) => {
    // Direct messages only; edits, deletions and bot messages have a subtype and are not questions.
    if (message.channel_type !== 'im' || message.subtype !== undefined || !('text' in message) || !message.text) return;
    const msg = answerFor({ q: message.text });
    await say({ ...msg, unfurl_links: false });
  });

  app.command('/mou', async ({ command, ack, respond }) => {
    // Acknowledge within Slack's 3 seconds, then answer through response_url.
    await ack();
    const text = command.text.trim();
    const [sub = '', ...rest] = text.split(/\s+/);
    const arg = rest.join(' ');
    if (admin.has(sub)) {
      const reply = await admin.run(callerOf(command.user_id, command.channel_id, command.user_name), sub, arg);
      await respond({ response_type: 'ephemeral', text: adminMrkdwn(reply) });
      return;
    }
    switch (sub.toLowerCase()) {
      case 'help':
      case '':
        await respond({ response_type: 'ephemeral', ...answerFor({ q: 'help' }) });
        return;
      case 'pending':
        await respond({ response_type: 'ephemeral', ...answerFor({ q: arg, as: 'pending' }, { share: true }) });
        return;
      default:
        await respond({ response_type: 'ephemeral', ...answerFor({ q: text }, { share: true }) });
    }
  });

  const readAsked = (value: string | undefined): Asked | undefined => {
    try {
      const v = JSON.parse(value ?? '') as Asked;
      return typeof v.q === 'string' ? v : undefined;
    } catch {
      return undefined;
    }
  };

  for (const id of [ACTION.prev, ACTION.next]) {
    app.action(id, async ({ ack, action, respond, body }) => {
      await ack();
      const asked = readAsked('value' in action ? action.value : undefined);
      if (!asked) return;
      const ephemeral = (body as { container?: { is_ephemeral?: boolean } }).container?.is_ephemeral === true;
      await respond({ replace_original: true, ...answerFor(asked, { share: ephemeral }) });
    });
  }

  app.action(ACTION.share, async ({ ack, action, respond }) => {
    await ack();
    const asked = readAsked('value' in action ? action.value : undefined);
    if (!asked) return;
    await respond({ response_type: 'in_channel', replace_original: false, ...answerFor(asked) });
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const caller = callerOf(event.user, event.channel);
    await client.views.publish({ user_id: event.user, view: homeView(store.engine(), admin.isAdmin(caller)) });
  });

  app.action(RELOAD_ACTION, async ({ ack, body, client }) => {
    await ack();
    const user = body.user.id;
    // The reply goes to the user's DM with the app; the button is the reload command.
    const reply = await admin.run(callerOf(user, user, body.user.name), 'reload', '');
    await client.chat.postMessage({ channel: user, text: adminMrkdwn(reply) });
    if (reply.ok) await client.views.publish({ user_id: user, view: homeView(store.engine(), true) });
  });

  app.error(async (error) => {
    // One place for errors: logged, and the app keeps running.
    log.error({ err: error }, 'slack: handler failed');
  });

  return app;
}
