// Delivers digests on schedule. A croner job checks once a minute which subscriptions are due:
// one is due when its next scheduled time after the last digest (or its creation) has passed.
// That one rule also covers downtime: a digest missed while the bot was down is due at start,
// is sent once, and the next is computed from then — never repeatedly.
import { Cron } from 'croner';
import type { KnowledgeStore } from '../runtime/knowledge-store.ts';
import type { Db } from '../state/db.ts';
import { todayIn } from '../answer/due.ts';
import { digestLines, statusSnapshot } from './digest.ts';
import { createSubscriptions, type Subscription, type Subscriptions } from './subscriptions.ts';

export interface DigestMessage {
  title: string;
  lines: string[];
}

/** Sends a digest to a chat on a platform; the adapters provide it. */
export type Deliver = (platform: string, chatId: string, message: DigestMessage) => Promise<void>;

export interface DigestScheduler {
  subscriptions: Subscriptions;
  /** Sends every digest due at `now`; returns how many were sent. */
  runDue(now?: Date): Promise<number>;
  /** When the subscription's next digest is due. */
  nextDue(s: Subscription): Date | undefined;
  start(): void;
  stop(): void;
}

export function createDigestScheduler(options: {
  db: Db;
  /** The live knowledge: its engine gives the effective status of each commitment. */
  store: KnowledgeStore;
  deliver: Deliver;
  timezone: string;
  now?: () => Date;
  onError?: (err: unknown, s: Subscription) => void;
}): DigestScheduler {
  const subscriptions = createSubscriptions(options.db);
  const clock = options.now ?? (() => new Date());
  let job: Cron | undefined;
  let running: Promise<number> | undefined;

  const nextDue = (s: Subscription) =>
    new Cron(s.cron, { timezone: options.timezone, paused: true }).nextRun(new Date(s.lastSentAt ?? s.createdAt)) ?? undefined;

  async function runDueOnce(now: Date): Promise<number> {
    let sent = 0;
    for (const s of subscriptions.all()) {
      const due = nextDue(s);
      if (!due || due > now) continue;
      const engine = options.store.engine();
      const current = statusSnapshot(engine);
      const date = now.toLocaleDateString('vi-VN', { timeZone: options.timezone });
      try {
        await options.deliver(
          s.platform,
          s.chatId,
          digestLines(engine, current, JSON.parse(s.lastSnapshot) as Record<string, string>, date, {
            from: todayIn(options.timezone, new Date(s.lastSentAt ?? s.createdAt)),
            today: todayIn(options.timezone, now),
          }),
        );
        subscriptions.markSent(s.platform, s.chatId, now.toISOString(), current);
        sent++;
      } catch (err) {
        // Not marked sent: the next check tries again.
        options.onError?.(err, s);
      }
    }
    return sent;
  }

  return {
    subscriptions,
    nextDue,
    // One check at a time: a slow delivery must not let the next minute's check send twice.
    runDue(now = clock()) {
      running = (running ?? Promise.resolve(0)).then(() => runDueOnce(now));
      return running;
    },
    start() {
      job = new Cron('* * * * *', { timezone: options.timezone }, () => void this.runDue());
      void this.runDue();
    },
    stop() {
      job?.stop();
    },
  };
}
