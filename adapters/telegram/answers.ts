// Sending an answer, and editing it when the user edits their question. A question's answer is
// remembered for a few minutes (bounded, in memory), so that an edit of the question within that
// time edits the answer in place instead of adding a second one.
import type { Context } from 'grammy';
import type { Ask, TelegramQuestion } from './ask.ts';
import { type PagingStore, pagingKeyboard } from './paging.ts';
import { renderTelegram } from './render.ts';

/** An edited question gets its answer edited if it was asked at most this long ago. */
export const EDIT_WINDOW_MS = 5 * 60 * 1000;

interface Answered {
  question: TelegramQuestion;
  /** The answer's messages, in order; a long answer takes several. */
  messageIds: number[];
  /** When the question was sent, in ms (Telegram's date). */
  askedAt: number;
}

/** The answers of recent questions, by chat and question message id; the oldest go first when full. */
class RecentAnswers {
  private readonly entries = new Map<string, Answered>();
  constructor(private readonly capacity = 5000) {}
  set(chatId: number, messageId: number, answered: Answered): void {
    const key = `${chatId}:${messageId}`;
    this.entries.delete(key);
    this.entries.set(key, answered);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
  get(chatId: number, messageId: number): Answered | undefined {
    return this.entries.get(`${chatId}:${messageId}`);
  }
}

const LINKS_OFF = { parse_mode: 'HTML', link_preview_options: { is_disabled: true } } as const;

/** "message is not modified" only says the edit changed nothing: that is fine. */
const unlessUnchanged = (err: unknown) => {
  if (!String(err).includes('message is not modified')) throw err;
};

export interface Answering {
  /** Asks the core and sends the answer, split and with paging buttons; in groups, as a reply to the question. */
  send(ctx: Context, question: TelegramQuestion): Promise<void>;
  /** Edits the answer to an edited question asked within EDIT_WINDOW_MS; false when there is none to edit. */
  edit(ctx: Context, question: TelegramQuestion): Promise<boolean>;
}

export function createAnswering(ask: Ask, paging: PagingStore, now: () => number = Date.now): Answering {
  const recent = new RecentAnswers();

  function render(question: TelegramQuestion) {
    const answer = ask(question);
    const messages = renderTelegram(answer);
    const keyboard = answer.page ? pagingKeyboard(answer, paging.put(question)) : undefined;
    return { messages, keyboard };
  }

  return {
    async send(ctx, question) {
      const msg = ctx.msg;
      if (ctx.chat) await ctx.replyWithChatAction('typing').catch(() => undefined);
      const { messages, keyboard } = render(question);
      const inGroup = ctx.chat?.type !== 'private';
      const sent: number[] = [];
      for (const [i, text] of messages.entries()) {
        const last = i === messages.length - 1;
        const reply = await ctx.reply(text, {
          ...LINKS_OFF,
          ...(inGroup && i === 0 && msg ? { reply_parameters: { message_id: msg.message_id, allow_sending_without_reply: true } } : {}),
          ...(last && keyboard ? { reply_markup: keyboard } : {}),
        });
        // A reply re-sent after a crash has no message id to remember (see polling.ts): it cannot be edited later.
        if (typeof reply?.message_id === 'number') sent.push(reply.message_id);
      }
      if (msg && ctx.chat) recent.set(ctx.chat.id, msg.message_id, { question, messageIds: sent, askedAt: msg.date * 1000 });
    },

    async edit(ctx, question) {
      const msg = ctx.editedMessage;
      const chat = ctx.chat;
      const before = msg && chat ? recent.get(chat.id, msg.message_id) : undefined;
      if (!msg || !chat || !before || now() - before.askedAt > EDIT_WINDOW_MS) return false;
      const { messages, keyboard } = render(question);
      const kept: number[] = [];
      // Edit the messages the answer has, add any it now needs, delete those it no longer needs.
      for (let i = 0; i < Math.max(messages.length, before.messageIds.length); i++) {
        const text = messages[i];
        const id = before.messageIds[i];
        const markup = i === messages.length - 1 && keyboard ? { reply_markup: keyboard } : {};
        if (text !== undefined && id !== undefined) {
          await ctx.api.editMessageText(chat.id, id, text, { ...LINKS_OFF, ...markup }).catch(unlessUnchanged);
          kept.push(id);
        } else if (text !== undefined) {
          const reply = await ctx.reply(text, { ...LINKS_OFF, ...markup });
          if (typeof reply?.message_id === 'number') kept.push(reply.message_id);
        } else if (id !== undefined) await ctx.api.deleteMessage(chat.id, id).catch(() => undefined);
      }
      recent.set(chat.id, msg.message_id, { question, messageIds: kept, askedAt: before.askedAt });
      return true;
    },
  };
}
