// Long polling with @grammyjs/runner, with one change to how updates are confirmed. The stock
// runner confirms a batch (by asking getUpdates for a higher offset) as soon as it has fetched it,
// so a crash loses whatever was still being answered. Here the offset only moves past an update
// once it has been handled: Telegram keeps re-sending the unfinished ones, and we skip those we
// already hold. A graceful stop waits for every update in flight, then confirms them.
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { createConcurrentSink, createRunner, createSource, type RunnerHandle, type UpdateSupplier } from '@grammyjs/runner';
import type { Logger } from 'pino';

/** Tracks which updates are fetched, in flight and done, and the offset that is safe to confirm. */
export class UpdateLedger {
  private readonly inFlight = new Set<number>();
  private highest = -1;
  private waiters: (() => void)[] = [];
  /** Counts finished updates, so a waiter can tell whether one finished since it last looked. */
  generation = 0;

  /** The lowest update id not yet handled: everything below it is done. */
  safeOffset(): number {
    let lowest = this.highest + 1;
    for (const id of this.inFlight) lowest = Math.min(lowest, id);
    return lowest;
  }

  /** Keeps the updates we do not hold yet, and marks them in flight. */
  admit(updates: readonly Update[]): Update[] {
    const fresh = updates.filter((u) => u.update_id > this.highest && !this.inFlight.has(u.update_id));
    for (const u of fresh) {
      this.inFlight.add(u.update_id);
      this.highest = Math.max(this.highest, u.update_id);
    }
    return fresh;
  }

  done(id: number): void {
    this.inFlight.delete(id);
    this.generation++;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  get busy(): number {
    return this.inFlight.size;
  }

  /** Resolves when some update finishes after generation `since` (now, by default), or after `ms`. */
  settle(ms: number, since = this.generation): Promise<void> {
    if (this.generation !== since) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Resolves when nothing is in flight, or after `ms` (default: no limit); true if drained. */
  async drained(ms = Infinity): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (this.inFlight.size > 0 && Date.now() < deadline) await this.settle(Math.min(1000, deadline - Date.now()));
    return this.inFlight.size === 0;
  }
}

export interface PollingOptions {
  allowedUpdates: readonly string[];
  /** Updates handled at once. Default 50. */
  concurrency?: number;
  /** getUpdates long-poll timeout in seconds. Default 30. */
  timeoutSeconds?: number;
  /**
   * How long a stop waits for the updates in flight, and then for the call that confirms them, in
   * ms. Default 30,000. Without a bound, a stop during a Bot API outage never ends: auto-retry
   * retries a failed connection forever. Updates left unconfirmed are sent again after a restart.
   */
  stopTimeoutMs?: number;
}

export interface Polling {
  stop(): Promise<void>;
  /** Settles when polling ends (stopped, or failed for good). */
  task(): Promise<void> | undefined;
}

export function startPolling(bot: Bot, log: Logger, options: PollingOptions): Polling {
  const ledger = new UpdateLedger();
  const supplier: UpdateSupplier<Update> = {
    async supply(batchSize, signal) {
      let retryIn = 500;
      for (;;) {
        // Taken before fetching: an update that finishes while we fetch must not be waited for.
        const seen = ledger.generation;
        try {
          const updates = await bot.api.getUpdates(
            {
              offset: ledger.safeOffset(),
              limit: Math.max(1, Math.min(batchSize, 100)),
              timeout: options.timeoutSeconds ?? 30,
              allowed_updates: options.allowedUpdates as never,
            },
            signal,
          );
          const fresh = ledger.admit(updates);
          // Only re-sent unfinished updates came back: wait for one to finish rather than spin.
          if (fresh.length === 0 && updates.length > 0) await ledger.settle(1000, seen);
          return fresh;
        } catch (err) {
          if (signal.aborted) throw err;
          log.warn({ err, retryInMs: retryIn }, 'telegram: getUpdates failed; retrying');
          await new Promise((r) => setTimeout(r, retryIn));
          retryIn = Math.min(retryIn * 2, 60_000);
        }
      }
    },
  };
  const source = createSource(supplier);
  const sink = createConcurrentSink<Update>(
    {
      consume: async (update) => {
        try {
          await bot.handleUpdate(update);
        } finally {
          ledger.done(update.update_id);
        }
      },
    },
    async (err) => {
      log.error({ err }, 'telegram: update failed');
    },
    { concurrency: options.concurrency ?? 50 },
  );
  const runner: RunnerHandle = createRunner(source, sink);
  runner.start();

  return {
    task: () => runner.task(),
    async stop() {
      const limit = options.stopTimeoutMs ?? 30_000;
      await runner.stop();
      if (!(await ledger.drained(limit)))
        log.warn({ inFlight: ledger.busy }, 'telegram: updates still in flight at stop; they will be sent again after restart');
      // Confirm what was handled, so a restart neither repeats nor loses an update.
      try {
        await bot.api.getUpdates(
          { offset: ledger.safeOffset(), limit: 1, timeout: 0 },
          AbortSignal.timeout(limit) as Parameters<typeof bot.api.getUpdates>[1],
        );
      } catch (err) {
        log.warn({ err }, 'telegram: could not confirm the last updates; they may be answered again after restart');
      }
    },
  };
}
