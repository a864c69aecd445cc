// What a Telegram message says to the bot: whether it is addressed to it at all, and the question
// it asks. One reading for new messages, edited ones, texts and captions, in every chat type.
import type { Context } from 'grammy';
import type { Message, MessageEntity, UserFromGetMe } from 'grammy/types';
import type { AskAs, Lang } from '../../src/answer/types.ts';
import { BARE_OK, QUESTION_COMMANDS } from '../../src/answer/question-commands.ts';

/** What a message asks of the bot. */
export type Reading =
  | { kind: 'question'; text: string; as?: AskAs; lang?: Lang }
  /** A question command without its argument: the usage text to show. */
  | { kind: 'usage'; text: string }
  | { kind: 'unknown command' }
  /** Nothing for the bot: no text, another bot's command, an admin command (handled elsewhere). */
  | { kind: 'nothing' };

const bodyOf = (msg: Message) => ({ text: msg.text ?? msg.caption ?? '', entities: msg.entities ?? msg.caption_entities ?? [] });

const isMe = (e: MessageEntity, text: string, me: UserFromGetMe) =>
  (e.type === 'mention' && text.slice(e.offset, e.offset + e.length).toLowerCase() === `@${me.username.toLowerCase()}`) ||
  (e.type === 'text_mention' && e.user.id === me.id);

/** The command a text starts with, and whom it is for: "/ai@mou_bot x" → { name: "ai", target: "mou_bot" }. */
function leadingCommand(text: string): { name: string; target?: string; rest: string } | undefined {
  const m = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]+))?(?:\s+|$)/.exec(text);
  if (!m) return undefined;
  return { name: (m[1] as string).toLowerCase(), ...(m[2] ? { target: m[2] } : {}), rest: text.slice(m[0].length).trim() };
}

/**
 * Whether an update is for the bot: anything in a private chat, a button press, and in groups a
 * command for it, a mention of it, or a reply to one of its messages. Only these count against
 * a user's rate limit; group chatter is not ours to answer, nor to count.
 */
export function isAddressed(ctx: Context): boolean {
  if (ctx.callbackQuery) return true;
  const msg = ctx.message ?? ctx.editedMessage;
  if (!msg) return false;
  if (msg.chat.type === 'private') return true;
  if (msg.reply_to_message?.from?.id === ctx.me.id) return true;
  const { text, entities } = bodyOf(msg);
  const command = entities.some((e) => e.type === 'bot_command' && e.offset === 0) ? leadingCommand(text) : undefined;
  if (command && (!command.target || command.target.toLowerCase() === ctx.me.username.toLowerCase())) return true;
  return entities.some((e) => isMe(e, text, ctx.me));
}

/** A message's text or caption without the bot's mentions, trimmed ("@mou_bot" alone is ""). */
export function withoutMentions(msg: Message, me: UserFromGetMe): string {
  const { text, entities } = bodyOf(msg);
  // Cut the mentions out from the end, so that earlier offsets stay valid.
  let cleaned = text;
  for (const e of [...entities].filter((x) => isMe(x, text, me)).sort((a, b) => b.offset - a.offset))
    cleaned = `${cleaned.slice(0, e.offset)} ${cleaned.slice(e.offset + e.length)}`;
  return cleaned.trim();
}

/**
 * The question in a message addressed to the bot: its text or caption without the bot's mention
 * (in private chats too), a question command's argument, or help for /start and /help — typed with
 * or without a command entity (some clients and deep links send none).
 */
export function readQuestion(msg: Message, me: UserFromGetMe, otherCommand: (name: string) => boolean): Reading {
  const cleaned = withoutMentions(msg, me);
  if (cleaned === '') return { kind: 'nothing' };
  const command = leadingCommand(cleaned);
  if (!command) return { kind: 'question', text: cleaned };
  if (command.target && command.target.toLowerCase() !== me.username.toLowerCase()) return { kind: 'nothing' };
  if (command.name === 'start' || command.name === 'help') return { kind: 'question', text: 'help' };
  const asked = QUESTION_COMMANDS.find((c) => c.names.includes(command.name));
  if (!asked) return otherCommand(command.name) ? { kind: 'nothing' } : { kind: 'unknown command' };
  // The English alias answers in English, whatever language the argument is in.
  const lang: Lang = command.name === asked.names[1] ? 'en' : 'vi';
  if (command.rest === '' && !BARE_OK.has(command.name)) return { kind: 'usage', text: asked.usage[lang] };
  return { kind: 'question', text: command.rest, as: asked.as, lang };
}

/** The user's language for texts that are not answers (usage, refusals, notices): English only if their client says so. */
export function userLang(ctx: Context): 'vi' | 'en' {
  return ctx.from?.language_code?.startsWith('en') ? 'en' : 'vi';
}

/**
 * Where a question was asked, as a key for conversation context: the chat, and the forum topic
 * within it (each topic is its own conversation). An update without a message belongs to its user;
 * inline queries, though, are asked outside any conversation (inline.ts says why).
 */
export function conversationOf(ctx: Context): string {
  const msg = ctx.msg ?? ctx.callbackQuery?.message;
  if (msg)
    return msg.is_topic_message && msg.message_thread_id ? `telegram:${msg.chat.id}:${msg.message_thread_id}` : `telegram:${msg.chat.id}`;
  return `telegram:user:${ctx.from?.id ?? 'unknown'}`;
}
