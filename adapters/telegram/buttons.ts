// The buttons under an answer: ◀ ▶ page through a long list (editing the message in place), and
// "Chi tiết" / "Trích dẫn" / "Phân công chung" show the same answer another way (a reply to it).
// Telegram gives callback data 64 bytes, too little for a question, so what asks the answer again
// is kept here under a short random key: bounded, expiring and in memory. After a restart, or once
// a key has expired, the button says "ask again" (NOTICES.expiredButton) instead of guessing; a key
// is random, not a counter, so a button from before a restart can never reach a newer question.
import { randomBytes } from 'node:crypto';
import { InlineKeyboard } from 'grammy';
import { LABELS, type OtherView } from '../../src/answer/i18n.ts';
import type { Answer, AnswerView } from '../../src/answer/types.ts';
import { moreViews, OTHER_VIEWS } from '../views.ts';
import type { TelegramQuestion } from './ask.ts';

/** What a button asks again: the answer's question made standalone, where it was asked, and the view it was shown in. */
export type AskedAgain = Omit<TelegramQuestion, 'page'>;

export interface ButtonStoreOptions {
  /** Most questions kept; the oldest go first. Default 5,000. */
  capacity?: number;
  /** How long a button works, in ms. Default a day. */
  ttlMs?: number;
  now?: () => number;
}

export class ButtonStore {
  private readonly entries = new Map<string, { asked: AskedAgain; at: number }>();
  private readonly capacity: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: ButtonStoreOptions = {}) {
    this.capacity = options.capacity ?? 5000;
    this.ttlMs = options.ttlMs ?? 24 * 60 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Remembers a question and returns its key (8 characters of [A-Za-z0-9_-]). */
  put(asked: AskedAgain): string {
    const key = randomBytes(6).toString('base64url');
    this.entries.set(key, { asked, at: this.now() });
    // Maps iterate in insertion order, so the first key is the oldest.
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return key;
  }

  /** The question under a key; undefined when it is unknown or has expired. */
  get(key: string): AskedAgain | undefined {
    const found = this.entries.get(key);
    if (found && this.now() - found.at > this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return found?.asked;
  }
}

/**
 * The buttons for an answer shown in `shown`: ◀ i/n ▶ when it has other pages, and a button for
 * each view that would add something (adapters/views.ts); none at all when there is nothing more.
 * `key` is called only when there are buttons, so an answer without any stores nothing.
 */
export function answerKeyboard(answer: Answer, shown: AnswerView, key: () => string): InlineKeyboard | undefined {
  const page = answer.page && answer.page.pages > 1 ? answer.page : undefined;
  const views = moreViews(answer, shown);
  if (!page && views.length === 0) return undefined;
  const k = key();
  const kb = new InlineKeyboard();
  if (page) {
    if (page.index > 1) kb.text('◀', `pg:${k}:${page.index - 1}`);
    kb.text(`${page.index}/${page.pages}`, `pg:${k}:${page.index}`);
    if (page.index < page.pages) kb.text('▶', `pg:${k}:${page.index + 1}`);
    if (views.length > 0) kb.row();
  }
  for (const v of views) kb.text(LABELS[answer.lang].view[v], `vw:${k}:${v}:${answer.page?.index ?? 1}`);
  return kb;
}

/** A paging button's data; undefined for anything else. */
export function parsePagingData(data: string): { key: string; page: number } | undefined {
  const m = /^pg:([\w-]{1,16}):(\d{1,4})$/.exec(data);
  return m ? { key: m[1] as string, page: Number(m[2]) } : undefined;
}

/** A view button's data; undefined for anything else. */
export function parseViewData(data: string): { key: string; view: OtherView; page: number } | undefined {
  const m = /^vw:([\w-]{1,16}):([a-z]+):(\d{1,4})$/.exec(data);
  const view = OTHER_VIEWS.find((v) => v === m?.[2]);
  return m && view ? { key: m[1] as string, view, page: Number(m[3]) } : undefined;
}
