// The Slack adapter: turns Slack events into questions for the core and renders its Answers as
// Block Kit. No search or answering logic lives here. Questions come from mentions (answered in
// their thread), direct messages (in their thread, if they have one), /mou and the buttons under
// an answer (pages, other views, share); all of them reach the core through answerFor(), in their
// conversation: a thread, a DM outside threads, or one user's /mou answers in a channel.
// Follow-ups ("còn Thái Nguyên thì sao?", "chi tiết", "tiếp") lean on what was asked there in
// the last half hour, and nowhere else. An admin's agreement document or folder zip in a DM is not
// a question: it is drafted, or checked and put live on confirmation (files.ts).
import type { App, CustomRoute } from '@slack/bolt';
import type { Logger } from 'pino';
import type { AdminCommands, Caller } from '../../src/admin/commands.ts';
import { Conversations } from '../../src/answer/conversation.ts';
import type { OtherView } from '../../src/answer/i18n.ts';
import type { AskAs, Lang } from '../../src/answer/types.ts';
import type { SlackConfig } from '../../src/config.ts';
import type { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { cleanInput } from '../../src/text/normalize.ts';
import { AcknowledgingApp } from './acknowledging-app.ts';
import { adminMrkdwn } from './admin-text.ts';
import { boltLogger } from './bolt-logger.ts';
import { tellUserSomethingFailed } from './failure-notice.ts';
import { type FileShare, registerAgreementFiles } from './files.ts';
import { homeView, RELOAD_ACTION } from './home.ts';
import { RecentAnswers, SeenEvents } from './recent.ts';
import { ACTION, renderSlack, type SlackMessage } from './render.ts';
import { askedAgain, OTHER_VIEWS } from '../views.ts';

export interface SlackDeps {
  config: SlackConfig;
  store: KnowledgeStore;
  /** The admin commands, with their audit trail. */
  admin: AdminCommands;
  log: Logger;
  pageSize: number;
  /** The knowledge folder, for admins' agreement documents and folder zips in a DM; without it files are questions' attachments only. */
  knowledgeDir?: string;
}

/** What a button carries: enough to ask its answer again (the question standalone), and how to show it. */
interface Asked {
  q: string;
  as?: AskAs;
  lang?: Lang;
  page?: number;
  /** The view to show; unset, the view the answer asks for, or short. */
  v?: OtherView;
}

// A label never holds "<", so a run of "<@U|<@U|…" without ">" is scanned once, not once per "<@"
// (with [^>]* that was quadratic: 40,000 characters held the event loop for most of a second).
const mentionPattern = /<@[A-Z0-9]+(\|[^<>]*)?>/g;

/** Direct messages that are questions: plain ones, and those that carry a file or go to the channel from a thread. */
const QUESTION_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

/** A DM event as far as this app reads it (Bolt's union of message subtypes, narrowed by hand). */
interface DirectMessage extends FileShare {
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

/**
 * The conversation of one user's /mou answers in a channel: they are ephemeral, seen by that user
 * alone, so another user's /mou follow-up must not lean on them.
 */
const privateConversationOf = (channel: string, user: string) => `slack:${channel}:user:${user}`;

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

  // One conversation per thread, DM or user's /mou answers, bounded and forgotten after 30 minutes idle.
  const conversations = new Conversations();

  /**
   * The one place where a Slack question becomes a call to the core, asked in its conversation
   * (`conversation`, from conversationOf: a follow-up leans on it, and the turn is remembered there).
   * Its buttons carry the answer's question made standalone ("còn Thái Nguyên thì sao?" → "Chủ tịch
   * UBND tỉnh Thái Nguyên là ai?"), its language and page, and the view to show.
   */
  function answerFor(asked: Asked, conversation: string, actions: { share?: boolean } = {}): SlackMessage {
    // Cleaned and capped (MAX_QUESTION_CHARS) here, not only in the core: the question travels on in
    // button values, which Slack limits to 2,000 characters.
    const answer = store.engine().ask(
      cleanInput(asked.q),
      {
        pageSize,
        ...(asked.as ? { as: asked.as } : {}),
        ...(asked.lang ? { lang: asked.lang } : {}),
        ...(asked.page ? { page: asked.page } : {}),
      },
      conversations.get(conversation),
    );
    const again = askedAgain(answer);
    const base = { q: cleanInput(again.text), ...(asked.as ? { as: asked.as } : {}), ...(again.lang ? { lang: again.lang } : {}) };
    const page = answer.page?.index ?? 1;
    return renderSlack(
      answer,
      {
        page: (p) => JSON.stringify({ ...base, page: p, ...(asked.v ? { v: asked.v } : {}) }),
        views: (v) => JSON.stringify({ ...base, page, v }),
        ...(actions.share ? { share: JSON.stringify({ ...base, page, ...(asked.v ? { v: asked.v } : {}) }) } : {}),
      },
      asked.v,
    );
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
  const agreementFiles = deps.knowledgeDir
    ? registerAgreementFiles(app, { knowledgeDir: deps.knowledgeDir, store, admin, botToken: config.botToken }, callerOf)
    : undefined;
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
    if (!QUESTION_SUBTYPES.has(dm.subtype) || dm.bot_id) return;
    const words = (dm.text ?? '').replace(mentionPattern, ' ').trim();
    // An admin's document or zip is drafted or uploaded; a file shared with a question is the question's.
    if (dm.subtype === 'file_share' && agreementFiles && (await agreementFiles.receive(dm, words, client))) return;
    if (!words) return;
    const answer = answerFor({ q: words }, conversationOf(dm.channel, dm.thread_ts));
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
    const where = privateConversationOf(command.channel_id, command.user_id);
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
      if (typeof v.q !== 'string') return undefined;
      // A view we do not know (another version's button) is shown short.
      return v.v === undefined || OTHER_VIEWS.includes(v.v) ? v : { ...v, v: undefined };
    } catch {
      return undefined;
    }
  };
  /** Where a button was pressed: its message's channel and thread, whether only the user sees it, and its conversation. */
  const pressedIn = (body: unknown) => {
    const b = body as {
      user?: { id?: string };
      channel?: { id?: string };
      container?: { channel_id?: string; thread_ts?: string; is_ephemeral?: boolean };
      message?: { thread_ts?: string };
    };
    const channel = b.channel?.id ?? b.container?.channel_id ?? 'unknown';
    const thread = b.container?.thread_ts ?? b.message?.thread_ts;
    const ephemeral = b.container?.is_ephemeral === true;
    const conversation = ephemeral ? privateConversationOf(channel, b.user?.id ?? 'unknown') : conversationOf(channel, thread);
    return { channel, thread, ephemeral, conversation };
  };

  for (const id of [ACTION.prev, ACTION.next]) {
    app.action(id, async ({ ack, action, respond, body }) => {
      await ack();
      const asked = readAsked('value' in action ? action.value : undefined);
      if (!asked) return;
      const where = pressedIn(body);
      await respond({ replace_original: true, ...answerFor(asked, where.conversation, { share: where.ephemeral }) });
    });
  }

  // "Chi tiết", "Trích dẫn", "Phân công chung": the same answer in that view, said where the answer
  // is: in its thread, or to the user alone under an answer only they can see.
  for (const view of OTHER_VIEWS) {
    app.action(ACTION.view[view], async ({ ack, action, respond, body, client }) => {
      await ack();
      const asked = readAsked('value' in action ? action.value : undefined);
      if (!asked) return;
      const where = pressedIn(body);
      const message = answerFor({ ...asked, v: view }, where.conversation, { share: where.ephemeral });
      if (where.ephemeral) await respond({ response_type: 'ephemeral', replace_original: false, ...message });
      else if (where.thread)
        await client.chat.postMessage({ channel: where.channel, thread_ts: where.thread, ...message, unfurl_links: false });
      // An answer outside a thread (a DM, an answer shared to a channel): below it, where it is.
      else await respond({ response_type: 'in_channel', replace_original: false, ...message });
    });
  }

  app.action(ACTION.share, async ({ ack, action, respond, body }) => {
    await ack();
    const asked = readAsked('value' in action ? action.value : undefined);
    if (!asked) return;
    await respond({ response_type: 'in_channel', replace_original: false, ...answerFor(asked, pressedIn(body).conversation) });
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
