// Inline mode: typing "@bot QL17" in any chat offers the matching commitments and people as
// articles, so an official can share a clause into another conversation.
import type { Bot } from 'grammy';
import type { InlineQueryResultArticle } from 'grammy/types';
import type { AnswerItem } from '../../src/answer/types.ts';
import type { KnowledgeStore } from '../../src/knowledge/store.ts';
import { itemLines } from './render.ts';

/** Telegram allows 50 results; a handful is what fits on a phone. */
const MAX_RESULTS = 10;

function description(item: AnswerItem): string {
  switch (item.type) {
    case 'commitment':
    case 'result':
      return `${item.status.label} — ${item.text}`.slice(0, 200);
    case 'person':
      return item.titles.map((t) => t.text).join(', ').slice(0, 200);
    case 'fact':
      return item.text.slice(0, 200);
    case 'body':
      return (item.otherName ?? '').slice(0, 200);
    case 'agreement':
      return item.facts.map((f) => f.value).join(' · ').slice(0, 200);
    default: {
      const never: never = item;
      return never;
    }
  }
}

export function registerInline(bot: Bot, store: KnowledgeStore): void {
  bot.on('inline_query', async (ctx) => {
    const query = ctx.inlineQuery.query.trim();
    if (query === '') {
      await ctx.answerInlineQuery([], { cache_time: 60 });
      return;
    }
    const answer = store.engine().ask(query, { pageSize: MAX_RESULTS });
    const results: InlineQueryResultArticle[] = (answer.found ? answer.items : []).slice(0, MAX_RESULTS).map((item) => ({
      type: 'article',
      // Ids are at most 64 bytes; agreement and item ids are short by schema.
      id: `${item.agreement}/${item.type}/${item.id}`.slice(0, 64),
      title: item.type === 'person' ? item.name : `${item.id} · ${item.title}`,
      description: description(item),
      input_message_content: { message_text: itemLines(item, answer.lang, 'full').join('\n').slice(0, 4096), parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
    }));
    await ctx.answerInlineQuery(results, { cache_time: 60 });
  });
}
