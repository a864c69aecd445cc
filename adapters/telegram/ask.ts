// The one place where a Telegram question becomes a call to the core. Messages, edited messages,
// buttons and inline queries all come through here. A question is asked in its conversation (a
// chat, or a forum topic of one: question.ts, conversationOf), so that follow-ups ("còn Thái Nguyên
// thì sao?", "ông ấy…", "tiếp", "chi tiết") lean on what was asked there before.
import type { Conversations } from '../../src/answer/conversation.ts';
import type { OtherView } from '../../src/answer/i18n.ts';
import type { Answer, AskAs, Lang } from '../../src/answer/types.ts';
import type { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';

export interface TelegramQuestion {
  text: string;
  as?: AskAs;
  lang?: Lang;
  page?: number;
  /** Where it was asked (question.ts, conversationOf): the key of its conversation. */
  conversation: string;
  /** The view a button asked for; unset, the view the answer asks for, or short. */
  view?: OtherView;
}

export interface Asking {
  /** Asks in the question's conversation: a follow-up leans on it, and the turn is remembered there. */
  ask(q: TelegramQuestion): Answer;
  /** Asks outside any conversation, remembering nothing (inline queries: see inline.ts). */
  alone(text: string, pageSize: number): Answer;
}

export function createAsking(store: KnowledgeStore, pageSize: number, conversations: Conversations): Asking {
  return {
    ask: (q) =>
      store.engine().ask(
        q.text,
        {
          pageSize,
          ...(q.as ? { as: q.as } : {}),
          ...(q.lang ? { lang: q.lang } : {}),
          ...(q.page ? { page: q.page } : {}),
        },
        conversations.get(q.conversation),
      ),
    alone: (text, size) => store.engine().ask(text, { pageSize: size }),
  };
}
