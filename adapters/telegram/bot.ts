// The Telegram adapter: turns updates into questions for the core and renders its Answers.
// No search or answering logic lives here. The route of an update, in order:
//   1. inline queries: the newest of each user is answered (inline.ts); never rate-limited;
//   2. one chat at a time (sequentialize): updates of one chat in order, chats concurrently;
//   3. only what is addressed to the bot goes on (question.ts), and only that counts against the
//      user's rate limit: group chatter is neither answered nor counted;
//   4. admin commands, knowledge uploads, buttons, then questions (new and edited messages).
// Each chat, and each forum topic of a group, is a conversation (src/answer/conversation.ts): a
// follow-up leans on what was asked there in the last half hour, and nowhere else.
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import type { Agent } from 'node:http';
import { Bot, type Context } from 'grammy';
import type { Logger } from 'pino';
import type { AdminCommands } from '../../src/admin/commands.ts';
import { Conversations } from '../../src/answer/conversation.ts';
import type { TelegramConfig } from '../../src/config.ts';
import type { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import type { State } from '../../src/state/index.ts';
import { NOTICES, bothLanguages } from '../../src/answer/notices.ts';
import { registerAdminCommands } from './admin.ts';
import { createAnswering } from './answers.ts';
import { createAsking } from './ask.ts';
import { ButtonStore } from './buttons.ts';
import { LatestInlineQueries, registerInline } from './inline.ts';
import { conversationOf, isAddressed, readQuestion, userLang } from './question.ts';
import { registerUpload } from './upload.ts';

export interface TelegramDeps {
  config: TelegramConfig;
  store: KnowledgeStore;
  /** The admin commands, with their audit trail. */
  admin: AdminCommands;
  /** The database: long polling keeps its journal there. */
  state: State;
  /** The knowledge folder, for uploads from admins; without it uploads are off. */
  knowledgeDir?: string;
  log: Logger;
  pageSize: number;
  /** Requests per user per time frame before "slow down". Default 6 per 10 s; false turns it off (benchmarks). */
  rateLimit?: { timeFrame: number; limit: number } | false;
}

const RATE_LIMIT = { timeFrame: 10_000, limit: 6 };

/** Updates of one chat (or, without a chat, of one user) are handled in the order they came. */
const orderKey = (ctx: Context) => (ctx.chat ? String(ctx.chat.id) : ctx.from ? `user:${ctx.from.id}` : undefined);

/** The bot; `agent` is the HTTP agent of its Bot API client (run.ts gives journal-agent.ts's). */
export function createTelegramBot(deps: TelegramDeps, agent?: Agent): Bot {
  const { config, store, log, pageSize } = deps;
  const bot = new Bot(config.token, {
    client: { ...(config.apiRoot ? { apiRoot: config.apiRoot } : {}), ...(agent ? { baseFetchConfig: { agent } } : {}) },
  });
  // One conversation per chat or forum topic, bounded and forgotten after 30 minutes idle.
  const asking = createAsking(store, pageSize, new Conversations());
  const answering = createAnswering(asking, new ButtonStore());
  const inline = new LatestInlineQueries();

  bot.use(inline.note);
  bot.use(sequentialize(orderKey));
  registerInline(bot, asking, inline);

  const addressed = bot.filter(isAddressed);
  if (deps.rateLimit !== false)
    addressed.use(
      limit({
        ...(deps.rateLimit ?? RATE_LIMIT),
        keyGenerator: (ctx) => ctx.from?.id.toString(),
        onLimitExceeded: async (ctx) => {
          if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: NOTICES.slowDownButton[userLang(ctx)] });
          else if (ctx.chat) await ctx.reply(NOTICES.slowDown[userLang(ctx)]);
        },
      }),
    );

  registerAdminCommands(addressed, deps.admin);
  if (deps.knowledgeDir)
    registerUpload(addressed, {
      knowledgeDir: deps.knowledgeDir,
      store,
      admin: deps.admin,
      token: config.token,
      ...(config.apiRoot ? { apiRoot: config.apiRoot } : {}),
    });

  // The buttons under an answer (answers.ts, buttons.ts): ◀ ▶ pages, and the answer in another view.
  addressed.callbackQuery(/^pg:/, (ctx) => answering.turnPage(ctx, ctx.callbackQuery.data));
  addressed.callbackQuery(/^vw:/, (ctx) => answering.showView(ctx, ctx.callbackQuery.data));
  // A button we no longer know (an old keyboard, another version's data): say so, or it spins until the client gives up.
  addressed.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: NOTICES.expiredButton[userLang(ctx)] }));

  // Questions: new and edited messages, as text or as the caption of a photo or document.
  addressed.on(['message', 'edited_message'], async (ctx) => {
    const reading = readQuestion(ctx.msg, ctx.me, (name) => deps.admin.has(name));
    const edited = ctx.editedMessage !== undefined;
    switch (reading.kind) {
      case 'question': {
        const { kind: _, text, ...how } = reading;
        const question = { text, ...how, conversation: conversationOf(ctx) };
        // An edit changes the answer it already has (if recent); it never starts a second one.
        if (edited) await answering.edit(ctx, question);
        else await answering.send(ctx, question);
        return;
      }
      case 'usage':
        if (!edited) await ctx.reply(reading.text);
        return;
      case 'unknown command':
        if (!edited && ctx.chat.type === 'private') await ctx.reply(NOTICES.unknownCommand[userLang(ctx)]);
        return;
      case 'nothing':
        return;
      default: {
        const never: never = reading;
        return never;
      }
    }
  });

  bot.catch((err) => {
    log.error({ err: err.error, update: err.ctx.update.update_id }, 'telegram: handler failed');
    // The user sees a short apology, never a stack trace.
    if (err.ctx.chat) void err.ctx.reply(bothLanguages(NOTICES.failed)).catch(() => undefined);
  });
  return bot;
}
