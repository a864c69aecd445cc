// Sending an answer, editing it when the user edits their question, and the buttons under it. A
// question's answer is remembered for a few minutes (bounded, in memory), so that an edit of the
// question within that time edits the answer in place instead of adding a second one.
//
// An answer comes in its short form (render.ts) with buttons for more (buttons.ts): ◀ ▶ edit the
// message in place with another page; "Chi tiết", "Trích dẫn", "Phân công chung" reply to it with
// the same answer in that view. Both ask the answer's question again, standalone (a follow-up
// resolved), with its language and page, in the conversation where it was asked.
import type { Context } from 'grammy';
import type { AnswerView } from '../../src/answer/types.ts';
import { NOTICES } from '../../src/answer/notices.ts';
import { askedAgain } from '../views.ts';
import type { Asking, TelegramQuestion } from './ask.ts';
import { type ButtonStore, answerKeyboard, parsePagingData, parseViewData } from './buttons.ts';
import { userLang } from './question.ts';
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
  /** Asks the core and sends the answer, split and with its buttons; in groups, as a reply to the question. */
  send(ctx: Context, question: TelegramQuestion): Promise<void>;
  /** Edits the answer to an edited question asked within EDIT_WINDOW_MS; false when there is none to edit. */
  edit(ctx: Context, question: TelegramQuestion): Promise<boolean>;
  /** A ◀ ▶ button (data `pg:<key>:<page>`): that page of the same answer, in place. */
  turnPage(ctx: Context, data: string): Promise<void>;
  /** A view button (data `vw:<key>:<view>:<page>`): the same answer in that view, as a reply to it. */
  showView(ctx: Context, data: string): Promise<void>;
}

export function createAnswering(asking: Asking, buttons: ButtonStore, now: () => number = Date.now): Answering {
  const recent = new RecentAnswers();

  /** The answer as messages, and the buttons for its last message. */
  function render(question: TelegramQuestion) {
    const answer = asking.ask(question);
    // A button's view, or the one the answer asks for ("chi tiết" typed), or (undefined) short.
    const shown: AnswerView | undefined = question.view ?? answer.view;
    const messages = renderTelegram(answer, shown);
    const keyboard = answerKeyboard(answer, shown ?? 'short', () =>
      buttons.put({
        ...askedAgain(answer),
        ...(question.as ? { as: question.as } : {}),
        conversation: question.conversation,
        ...(shown && shown !== 'short' ? { view: shown } : {}),
      }),
    );
    return { messages, keyboard };
  }

  async function expired(ctx: Context): Promise<void> {
    await ctx.answerCallbackQuery({ text: NOTICES.expiredButton[userLang(ctx)] });
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

    async turnPage(ctx, data) {
      const parsed = parsePagingData(data);
      const asked = parsed ? buttons.get(parsed.key) : undefined;
      if (!parsed || !asked) return expired(ctx);
      const answer = asking.ask({ ...asked, page: parsed.page });
      const shown = asked.view ?? answer.view;
      const [text] = renderTelegram(answer, shown);
      const keyboard = answerKeyboard(answer, shown ?? 'short', () => parsed.key);
      await ctx
        .editMessageText(text ?? '', { ...LINKS_OFF, ...(keyboard ? { reply_markup: keyboard } : {}) })
        // Pressing the current page's button changes nothing, and Telegram says so; that is fine.
        .catch(unlessUnchanged);
      await ctx.answerCallbackQuery();
    },

    async showView(ctx, data) {
      const parsed = parseViewData(data);
      const asked = parsed ? buttons.get(parsed.key) : undefined;
      if (!parsed || !asked) return expired(ctx);
      // Stop the button's spinner first: the reply may take a few messages.
      await ctx.answerCallbackQuery();
      const { messages, keyboard } = render({ ...asked, view: parsed.view, page: parsed.page });
      const answerMessage = ctx.callbackQuery?.message?.message_id;
      for (const [i, text] of messages.entries()) {
        await ctx.reply(text, {
          ...LINKS_OFF,
          ...(i === 0 && answerMessage ? { reply_parameters: { message_id: answerMessage, allow_sending_without_reply: true } } : {}),
          ...(i === messages.length - 1 && keyboard ? { reply_markup: keyboard } : {}),
        });
      }
    },
  };
}
