// What the Slack app remembers for a while, bounded and in memory: the events it has handled (Slack
// retries an event whose acknowledgement it did not see), and the answers to recent direct
// messages (an edited question edits its answer).

/** Remembers recent event ids, so an event Slack retries is answered once. */
export class SeenEvents {
  private readonly ids = new Set<string>();
  constructor(private readonly capacity = 10_000) {}
  /** True the first time an id is seen. */
  first(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value as string);
    return true;
  }
}

/** An edited question gets its answer edited if it was asked at most this long ago. */
export const EDIT_WINDOW_MS = 5 * 60 * 1000;

export interface Answered {
  /** The answer's message. */
  answerTs: string;
  /** Where the answer is: the thread it went to, if any. */
  threadTs?: string;
  /** When the question was sent, in ms (from its ts). */
  askedAt: number;
}

/** The answers of recent questions, by channel and question ts; the oldest go first when full. */
export class RecentAnswers {
  private readonly entries = new Map<string, Answered>();
  constructor(private readonly capacity = 5000) {}
  set(channel: string, questionTs: string, answered: Answered): void {
    const key = `${channel}:${questionTs}`;
    this.entries.delete(key);
    this.entries.set(key, answered);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
  /** The answer to a question asked within EDIT_WINDOW_MS of `now`. */
  recent(channel: string, questionTs: string, now: number): Answered | undefined {
    const found = this.entries.get(`${channel}:${questionTs}`);
    return found && now - found.askedAt <= EDIT_WINDOW_MS ? found : undefined;
  }
}
