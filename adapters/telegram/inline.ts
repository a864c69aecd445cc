// Inline mode: typing "@bot QL17" in any chat offers the matching commitments and people as
// articles, so an official can share a clause into another conversation.
import type { Composer, Context, Middleware } from 'grammy';
import type { InlineQueryResultArticle } from 'grammy/types';
import type { AnswerItem } from '../../src/answer/types.ts';
import type { Asking } from './ask.ts';
import { itemLines, splitMessages } from './render.ts';

/** Telegram allows 50 results; a handful is what fits on a phone. */
const MAX_RESULTS = 10;

/** The first `n` UTF-16 units, never ending inside a surrogate pair (Telegram rejects invalid UTF-8). */
function truncateUtf16(text: string, n: number): string {
  return text.slice(0, n).replace(/[\uD800-\uDBFF]$/, '');
}

function description(item: AnswerItem): string {
  switch (item.type) {
    case 'commitment':
    case 'result':
      return truncateUtf16(`${item.status.label} — ${item.text}`, 200);
    case 'person':
      return truncateUtf16(item.titles.map((t) => t.text).join(', '), 200);
    case 'fact':
      return truncateUtf16(item.text, 200);
    case 'body':
      return truncateUtf16(item.otherName ?? '', 200);
    case 'agreement':
      return truncateUtf16(item.facts.map((f) => f.value).join(' · '), 200);
    default: {
      const never: never = item;
      return never;
    }
  }
}

/**
 * The newest inline query of each user. A client sends a query at every keystroke; one that a newer
 * query has superseded by the time its turn comes is not answered, so the user's final query is
 * never held up behind the ones they typed on the way.
 */
export class LatestInlineQueries {
  private readonly latest = new Map<number, string>();
  /** Middleware: notes each query as it arrives, before it waits its turn. */
  readonly note: Middleware = (ctx, next) => {
    if (ctx.inlineQuery) this.latest.set(ctx.inlineQuery.from.id, ctx.inlineQuery.id);
    return next();
  };
  isLatest(userId: number, queryId: string): boolean {
    return this.latest.get(userId) === queryId;
  }
  forget(userId: number, queryId: string): void {
    if (this.isLatest(userId, queryId)) this.latest.delete(userId);
  }
}

export function registerInline(bot: Composer<Context>, asking: Asking, latest: LatestInlineQueries): void {
  bot.on('inline_query', async (ctx) => {
    const { id, from } = ctx.inlineQuery;
    if (!latest.isLatest(from.id, id)) return;
    latest.forget(from.id, id);
    const query = ctx.inlineQuery.query.trim();
    if (query === '') {
      await ctx.answerInlineQuery([], { cache_time: 60 });
      return;
    }
    // Asked with no conversation, and remembered in none. A client sends a query at every keystroke,
    // so most queries are half typed ("Chủ tịch UBND tỉnh B"): remembered, they would become the
    // turn a later "còn Thái Nguyên thì sao?" leans on. And what is offered here is shared into
    // another chat, whose readers never saw a conversation it could continue: the results must follow
    // from the query alone. (The user's key, telegram:user:<id>, would hold nothing but such queries.)
    const answer = asking.alone(query, MAX_RESULTS);
    const results: InlineQueryResultArticle[] = (answer.found ? answer.items : []).slice(0, MAX_RESULTS).map((item) => ({
      type: 'article',
      // Ids are at most 64 bytes; agreement and item ids are short by schema.
      id: `${item.agreement}/${item.type}/${item.id}`.slice(0, 64),
      title: item.type === 'person' ? item.name : `${item.id} · ${item.title}`,
      description: description(item),
      // One message: the item's first part, split like any answer (a plain slice could cut through a tag).
      input_message_content: {
        message_text: splitMessages(itemLines(item, answer.lang, 'full'))[0] ?? '',
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
      },
    }));
    await ctx.answerInlineQuery(results, { cache_time: 60 });
  });
}
