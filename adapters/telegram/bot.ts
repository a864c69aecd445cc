// The Telegram adapter: turns updates into questions for the core and renders its Answers.
// No search or answering logic lives here.
import { limit } from '@grammyjs/ratelimiter';
import { Bot, type Context } from 'grammy';
import type { Logger } from 'pino';
import type { AdminCommands } from '../../src/admin/commands.ts';
import type { AskAs, Lang } from '../../src/answer/types.ts';
import type { TelegramConfig } from '../../src/config.ts';
import type { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { registerAdminCommands } from './admin.ts';
import { BARE_OK, QUESTION_COMMANDS } from './commands.ts';
import { registerInline } from './inline.ts';
import { registerUpload } from './upload.ts';
import { PagingStore, pagingKeyboard, parsePagingData, type PagedQuestion } from './paging.ts';
import { renderTelegram } from './render.ts';

export interface TelegramDeps {
  config: TelegramConfig;
  store: KnowledgeStore;
  /** The admin commands, with their audit trail. */
  admin: AdminCommands;
  /** The knowledge folder, for uploads from admins; without it uploads are off. */
  knowledgeDir?: string;
  log: Logger;
  pageSize: number;
  /** Requests per user per time frame before "slow down". Default 6 per 10 s; false turns it off (benchmarks). */
  rateLimit?: { timeFrame: number; limit: number } | false;
}

/** The user's language for texts that are not answers (usage, refusals): English only if their client says so. */
export function userLang(ctx: Context): 'vi' | 'en' {
  return ctx.from?.language_code?.startsWith('en') ? 'en' : 'vi';
}

const RATE_LIMIT = { timeFrame: 10_000, limit: 6 };

export function createTelegramBot(deps: TelegramDeps): Bot {
  const { config, store, log, pageSize } = deps;
  const bot = new Bot(config.token, config.apiRoot ? { client: { apiRoot: config.apiRoot } } : {});
  const paging = new PagingStore();

  if (deps.rateLimit !== false)
    bot.use(
      limit({
        ...(deps.rateLimit ?? RATE_LIMIT),
        keyGenerator: (ctx) => ctx.from?.id.toString(),
        onLimitExceeded: async (ctx) => {
          if (ctx.callbackQuery)
            await ctx.answerCallbackQuery({
              text: userLang(ctx) === 'en' ? 'Slow down a little, please.' : 'Bạn thao tác nhanh quá, xin chờ một chút.',
            });
          else if (ctx.chat)
            await ctx.reply(
              userLang(ctx) === 'en'
                ? 'You are asking faster than I can answer. Please wait a few seconds.'
                : 'Bạn hỏi nhanh quá. Xin chờ vài giây rồi hỏi tiếp.',
            );
        },
      }),
    );

  /** Asks the core and sends the answer, split and with paging buttons, as a reply in groups. */
  async function respond(ctx: Context, question: string, as?: AskAs, lang?: Lang): Promise<void> {
    if (ctx.chat) await ctx.replyWithChatAction('typing').catch(() => undefined);
    const asked: PagedQuestion = { question, ...(as ? { as } : {}), ...(lang ? { lang } : {}) };
    const answer = store.engine().ask(question, { pageSize, ...asked });
    const messages = renderTelegram(answer);
    const keyboard = answer.page ? pagingKeyboard(answer, paging.put(asked)) : undefined;
    const inGroup = ctx.chat?.type !== 'private';
    for (const [i, text] of messages.entries()) {
      const last = i === messages.length - 1;
      await ctx.reply(text, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(inGroup && i === 0 && ctx.msg
          ? { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } }
          : {}),
        ...(last && keyboard ? { reply_markup: keyboard } : {}),
      });
    }
  }

  bot.command(['start', 'help'], (ctx) => respond(ctx, 'help'));

  for (const c of QUESTION_COMMANDS) {
    bot.command(c.names, async (ctx) => {
      const arg = ctx.match.trim();
      const used = ctx.msg.text?.slice(1).split(/[\s@]/)[0] ?? '';
      // The English alias answers in English, whatever language the argument is in.
      const english = used === c.names[1];
      if (arg === '' && !BARE_OK.has(used)) {
        await ctx.reply(english ? c.usage.en : c.usage.vi);
        return;
      }
      await respond(ctx, arg, c.as, english ? 'en' : 'vi');
    });
  }

  registerAdminCommands(bot, deps.admin);
  if (deps.knowledgeDir)
    registerUpload(bot, {
      knowledgeDir: deps.knowledgeDir,
      store,
      admin: deps.admin,
      token: config.token,
      ...(config.apiRoot ? { apiRoot: config.apiRoot } : {}),
    });
  registerInline(bot, store);

  bot.callbackQuery(/^pg:/, async (ctx) => {
    const parsed = parsePagingData(ctx.callbackQuery.data);
    const asked = parsed ? paging.get(parsed.key) : undefined;
    if (!parsed || !asked) {
      await ctx.answerCallbackQuery({
        text: userLang(ctx) === 'en' ? 'This list has expired; please ask again.' : 'Danh sách này đã hết hạn, xin hỏi lại.',
      });
      return;
    }
    const answer = store.engine().ask(asked.question, { pageSize, page: parsed.page, ...asked });
    const [text] = renderTelegram(answer);
    const keyboard = pagingKeyboard(answer, parsed.key);
    await ctx
      .editMessageText(text ?? '', {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(keyboard ? { reply_markup: keyboard } : {}),
      })
      // Pressing the current page's button changes nothing, and Telegram says so; that is fine.
      .catch((err: unknown) => {
        if (!String(err).includes('message is not modified')) throw err;
      });
    await ctx.answerCallbackQuery();
  });

  bot.on('message:text', async (ctx) => {
    const text = ctx.msg.text;
    if (ctx.chat.type === 'private') {
      if (text.startsWith('/')) {
        await ctx.reply(
          userLang(ctx) === 'en'
            ? 'I do not know that command. Send /help to see what I can do.'
            : 'Tôi không biết lệnh này. Gõ /help để xem hướng dẫn.',
        );
        return;
      }
      await respond(ctx, text);
      return;
    }
    // Groups: only mentions of the bot and replies to its messages; other chatter is not ours.
    const me = ctx.me.username;
    const mention = (ctx.msg.entities ?? []).find(
      (e) => e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${me.toLowerCase()}`,
    );
    const replyToMe = ctx.msg.reply_to_message?.from?.id === ctx.me.id;
    if (!mention && !replyToMe) return;
    const question = mention ? `${text.slice(0, mention.offset)} ${text.slice(mention.offset + mention.length)}`.trim() : text;
    await respond(ctx, question);
  });

  bot.catch((err) => {
    log.error({ err: err.error, update: err.ctx.update.update_id }, 'telegram: handler failed');
    // The user sees a short apology, never a stack trace.
    if (err.ctx.chat) void err.ctx.reply('Xin lỗi, đã có lỗi khi trả lời. / Sorry, something went wrong.').catch(() => undefined);
  });

  return bot;
}
