// Paging buttons. Telegram gives callback data 64 bytes, too little for a question, so the
// question is kept here under a short key. The store is bounded and in memory: after a restart an
// old button answers "ask again" instead of guessing.
import { InlineKeyboard } from 'grammy';
import type { Answer } from '../../src/answer/types.ts';
import type { TelegramQuestion } from './ask.ts';

/** A question whose pages the buttons show. */
export type PagedQuestion = Omit<TelegramQuestion, 'page'>;

const PREFIX = 'pg';

export class PagingStore {
  private readonly entries = new Map<string, PagedQuestion>();
  private next = 1;

  constructor(private readonly capacity = 5000) {}

  /** Remembers a question and returns its key. */
  put(q: PagedQuestion): string {
    const key = (this.next++).toString(36);
    this.entries.set(key, q);
    // Maps iterate in insertion order, so the first key is the oldest.
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return key;
  }

  get(key: string): PagedQuestion | undefined {
    return this.entries.get(key);
  }
}

/** ◀ ▶ buttons for a paged answer, or none when it fits on one page. */
export function pagingKeyboard(answer: Answer, key: string): InlineKeyboard | undefined {
  const page = answer.page;
  if (!page || page.pages <= 1) return undefined;
  const kb = new InlineKeyboard();
  if (page.index > 1) kb.text('◀', `${PREFIX}:${key}:${page.index - 1}`);
  kb.text(`${page.index}/${page.pages}`, `${PREFIX}:${key}:${page.index}`);
  if (page.index < page.pages) kb.text('▶', `${PREFIX}:${key}:${page.index + 1}`);
  return kb;
}

/** Parses our callback data; undefined for anything else. */
export function parsePagingData(data: string): { key: string; page: number } | undefined {
  const m = /^pg:([0-9a-z]+):(\d{1,4})$/.exec(data);
  return m ? { key: m[1] as string, page: Number(m[2]) } : undefined;
}
