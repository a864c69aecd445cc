// What a conversation has established so far, so that follow-ups can lean on it: "còn Thái Nguyên
// thì sao?", "cái thứ hai", "chi tiết hơn", "ông ấy", "tiếp". One conversation per Telegram chat
// or forum topic, Slack thread or DM, console session, or `{"conversation": id}` of `ask --batch`.
// Memory only: a restart forgets, as a person would after a break. Conversations are bounded in
// number and expire after half an hour without a message.
import type { Ask } from './understand/frame.ts';
import type { Lang, Page } from './types.ts';

/** What a turn was about, by reference: ids survive a knowledge reload, views would not. */
export interface TurnRef {
  type: 'commitment' | 'result' | 'fact' | 'person' | 'body' | 'agreement';
  agreement: string;
  id: string;
}

export interface Turn {
  /** The question as answered, standalone (follow-ups resolved): asking it again gives the same answer. */
  text: string;
  ask: Ask;
  /** The words that asked (question words, verbs of responsibility), to ask the same of something else. */
  askWords: string;
  /** The words that named the topic. */
  topic: string;
  lang: Lang;
  /** The answer's items in the order shown, page by page. */
  items: TurnRef[];
  /** The main subject: the person, body or item the answer was about, and how to name it. */
  subject?: { ref: TurnRef; name: string };
  /** The title the question asked about, when it asked who holds one. */
  title?: string;
  page?: Page;
}

/** Most turns a conversation remembers; follow-ups look back at most this far. */
const MAX_TURNS = 4;

export class Conversation {
  readonly turns: Turn[] = [];
  lastActive = 0;

  get last(): Turn | undefined {
    return this.turns.at(-1);
  }

  remember(turn: Turn): void {
    this.turns.push(turn);
    if (this.turns.length > MAX_TURNS) this.turns.shift();
  }
}

export interface ConversationOptions {
  /** Most conversations kept; the least recently active is forgotten first. Default 10,000. */
  max?: number;
  /** Idle time after which a conversation is forgotten, in ms. Default 30 minutes. */
  idleMs?: number;
  now?: () => number;
}

/** Conversations by key, least recently active first (a Map keeps insertion order; touching re-inserts). */
export class Conversations {
  private readonly byKey = new Map<string, Conversation>();
  private readonly max: number;
  private readonly idleMs: number;
  private readonly now: () => number;

  constructor(options: ConversationOptions = {}) {
    this.max = options.max ?? 10_000;
    this.idleMs = options.idleMs ?? 30 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** The conversation for this key, fresh if there was none or it had expired. */
  get(key: string): Conversation {
    const now = this.now();
    let c = this.byKey.get(key);
    if (c && now - c.lastActive > this.idleMs) c = undefined;
    this.byKey.delete(key);
    c ??= new Conversation();
    c.lastActive = now;
    this.byKey.set(key, c);
    this.evict(now);
    return c;
  }

  get size(): number {
    return this.byKey.size;
  }

  private evict(now: number): void {
    for (const [key, c] of this.byKey) {
      if (this.byKey.size <= this.max && now - c.lastActive <= this.idleMs) break;
      this.byKey.delete(key);
    }
  }
}
