// The Slack adapter: turns Slack events into questions for the core and renders its Answers as
// Block Kit. No search or answering logic lives here. Questions come from mentions (answered in
// their thread), direct messages (in their thread, if they have one), /mou and the paging and
// share buttons; all of them reach the core through answerFor().
import type { App, CustomRoute } from '@slack/bolt';
import type { Logger } from 'pino';
import type { AdminCommands, Caller } from '../../src/admin/commands.ts';
import type { AskAs, Lang } from '../../src/answer/types.ts';
import type { SlackConfig } from '../../src/config.ts';
import type { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { cleanInput } from '../../src/text/normalize.ts';
import { AcknowledgingApp } from './acknowledging-app.ts';
import { adminMrkdwn } from './admin-text.ts';
import { boltLogger } from './bolt-logger.ts';
import { tellUserSomethingFailed } from './failure-notice.ts';
import { homeView, RELOAD_ACTION } from './home.ts';
import { RecentAnswers, SeenEvents } from './recent.ts';
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

// A label never holds "<", so a run of "<@U|<@U|…" without ">" is scanned once, not once per "<@"
// (with [^>]* that was quadratic: 40,000 characters held the event loop for most of a second).
const mentionPattern = /<@[A-Z0-9]+(\|[^<>]*)?>/g;

/** Direct messages that are questions: plain ones, and those that carry a file or go to the channel from a thread. */
const QUESTION_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/** A DM event as far as this app reads it (Bolt's union of message subtypes, narrowed by hand). */
interface DirectMessage {
  subtype?: string;
  channel: string;
  channel_type?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  /** message_changed: the message as it is now. */
  message?: { user?: string; bot_id?: string; text?: string; ts: string; thread_ts?: string };
}

/** Who the bot is, from auth.test: given, Bolt does not call auth.test itself. */
export interface SlackIdentity {
  botId: string;
  botUserId: string;
}

/** Where a question was asked, as a key for conversation context: the channel or DM, and the thread within it. */
const conversationOf = (channel: string, threadTs?: string) => (threadTs ? `slack:${channel}:${threadTs}` : `slack:${channel}`);

const tsToMs = (ts: string) => Number(ts) * 1000;

/** `http.customRoutes`: more routes for the HTTP receiver, beside /slack/events (HTTP mode only). */
export function createSlackApp(deps: SlackDeps, identity?: SlackIdentity, http: { customRoutes?: CustomRoute[] } = {}): App {
  const { config, store, log, pageSize, admin } = deps;
  const clientOptions = config.apiUrl ? { slackApiUrl: config.apiUrl } : {};
  const app = new AcknowledgingApp({
    token: config.botToken,
    ...(identity ? { botId: identity.botId, botUserId: identity.botUserId } : {}),
    logger: boltLogger(log),
    clientOptions,
    // Socket Mode's own client reads its options from here.
    installerOptions: { clientOptions },
    // app.error gets the request's body too, so that it can tell the user where they asked.
    extendedErrorHandler: true,
    ...(config.appToken
      ? { socketMode: true, appToken: config.appToken }
      : { signingSecret: config.signingSecret ?? '', port: config.port, ...http }),
  });

  /** A Slack user, by immutable user id (a display name or a workspace role grants nothing). */
  const callerOf = (userId: string, chatId: string, userName?: string): Caller => ({
    platform: 'slack',
    userId,
    userName: userName || userId,
    chatId,
    prefix: '/mou ',
  });

  /**
   * The one place where a Slack question becomes a call to the core. `conversation` says where it
   * was asked (conversationOf): the key for conversation context.
   */
  function answerFor(asked: Asked, _conversation: string, actions: { share?: boolean } = {}): SlackMessage {
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
      // Reply in the thread of the mention, and keep the thread: a follow-up there stays there.
      const thread = event.thread_ts ?? ts;
      const message = answerFor({ q: (event.text ?? '').replace(mentionPattern, ' ').trim() }, conversationOf(channel, thread));
      await client.chat.postMessage({ channel, thread_ts: thread, ...message, unfurl_links: false });
    } finally {
      await client.reactions.remove({ channel, timestamp: ts, name: 'eyes' }).catch(() => undefined);
    }
  });

  const recent = new RecentAnswers();
  app.message(async ({ message, client }) => {
    const dm = message as unknown as DirectMessage;
    if (dm.channel_type !== 'im') return;
    if (dm.subtype === 'message_changed') {
      const now = dm.message;
      // Our own answers change too (chat.update); only a person's edited question is ours to follow.
      if (!now?.text || now.bot_id || now.user === identity?.botUserId) return;
      const before = recent.recent(dm.channel, now.ts, Date.now());
      if (!before) return;
      const answer = answerFor({ q: now.text.replace(mentionPattern, ' ').trim() }, conversationOf(dm.channel, now.thread_ts));
      await client.chat.update({ channel: dm.channel, ts: before.answerTs, ...answer });
      return;
    }
    // Edits, deletions and the like are not questions; nor is anything another app's bot says.
    if (!QUESTION_SUBTYPES.has(dm.subtype) || dm.bot_id || !dm.text) return;
    const question = dm.text.replace(mentionPattern, ' ').trim();
    if (!question) return;
    const answer = answerFor({ q: question }, conversationOf(dm.channel, dm.thread_ts));
    // A question asked in a thread is answered in that thread.
    const posted = await client.chat.postMessage({
      channel: dm.channel,
      ...(dm.thread_ts ? { thread_ts: dm.thread_ts } : {}),
      ...answer,
      unfurl_links: false,
    });
    if (posted.ts) recent.set(dm.channel, dm.ts, { answerTs: posted.ts, askedAt: tsToMs(dm.ts) });
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
    const where = conversationOf(command.channel_id);
    switch (sub.toLowerCase()) {
      case 'help':
      case '':
        await respond({ response_type: 'ephemeral', ...answerFor({ q: 'help' }, where) });
        return;
      case 'pending':
        await respond({ response_type: 'ephemeral', ...answerFor({ q: arg, as: 'pending' }, where, { share: true }) });
        return;
      default:
        await respond({ response_type: 'ephemeral', ...answerFor({ q: text }, where, { share: true }) });
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
  /** Where a button was pressed: its message's channel and thread. */
  const pressedIn = (body: unknown) => {
    const b = body as { channel?: { id?: string }; container?: { channel_id?: string; thread_ts?: string } };
    return conversationOf(b.channel?.id ?? b.container?.channel_id ?? 'unknown', b.container?.thread_ts);
  };

  for (const id of [ACTION.prev, ACTION.next]) {
    app.action(id, async ({ ack, action, respond, body }) => {
      await ack();
      const asked = readAsked('value' in action ? action.value : undefined);
      if (!asked) return;
      const ephemeral = (body as { container?: { is_ephemeral?: boolean } }).container?.is_ephemeral === true;
      await respond({ replace_original: true, ...answerFor(asked, pressedIn(body), { share: ephemeral }) });
    });
  }

  app.action(ACTION.share, async ({ ack, action, respond, body }) => {
    await ack();
    const asked = readAsked('value' in action ? action.value : undefined);
    if (!asked) return;
    await respond({ response_type: 'in_channel', replace_original: false, ...answerFor(asked, pressedIn(body)) });
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

  app.error(async ({ error, body }: { error: Error; body: unknown }) => {
    // One place for errors: logged, the user told briefly where they asked, and the app keeps running.
    log.error({ err: error }, 'slack: handler failed');
    await tellUserSomethingFailed(body, app.client).catch((err: unknown) =>
      log.warn({ err }, 'slack: could not tell the user about the failure'),
    );
  });

  return app;
}
