// The one place where a Telegram question becomes a call to the core. Messages, edited messages,
// paging buttons and inline queries all come through here.
import type { Answer, AskAs, Lang } from '../../src/answer/types.ts';
import type { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';

export interface TelegramQuestion {
  text: string;
  as?: AskAs;
  lang?: Lang;
  page?: number;
  /** Where it was asked (question.ts, conversationOf): the key for conversation context. */
  conversation: string;
}

export type Ask = (q: TelegramQuestion, pageSize?: number) => Answer;

export function createAsk(store: KnowledgeStore, defaultPageSize: number): Ask {
  return (q, pageSize = defaultPageSize) =>
    store.engine().ask(q.text, {
      pageSize,
      ...(q.as ? { as: q.as } : {}),
      ...(q.lang ? { lang: q.lang } : {}),
      ...(q.page ? { page: q.page } : {}),
    });
}
