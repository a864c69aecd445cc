// Long polling with @grammyjs/runner and a journal in the database (src/state/update-journal.ts).
// Updates are stored as they are fetched and confirmed to Telegram by the very next getUpdates, so
// one slow answer never holds back the others. Nothing is lost across a crash: at start, the
// updates still stored are handled first. Nothing is sent twice either: while an update is
// handled, every message sent for it is logged (journalCalls here, and journal-agent.ts), and
// handling it again skips what already went out.
import type { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createConcurrentSink, createRunner, createSource, type RunnerHandle, type UpdateSupplier } from '@grammyjs/runner';
import { type Bot, GrammyError, type Transformer } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import type { UpdateJournal } from '../../src/state/update-journal.ts';
import type { Handling } from './journal-agent.ts';

/** Calls that change nothing the user sees, or only for a moment: not logged, simply made again. */
const UNLOGGED = new Set(['getMe', 'getFile', 'getChat', 'getChatMember', 'getUpdates', 'sendChatAction']);

/**
 * An API transformer (install it outermost, around auto-retry) that numbers the calls made while an
 * update is handled and logs the result of each. When an update is handled again after a crash, a
 * call the log has as sent is not made again: its logged result is returned. One that was on its
 * way (see journal-agent.ts) is taken as sent too: Telegram had the whole request.
 */
export function journalCalls(journal: UpdateJournal<Update>, handling: AsyncLocalStorage<Handling>, log: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const handled = handling.getStore();
    if (!handled || UNLOGGED.has(method)) return prev(method, payload, signal);
    const seq = handled.calls++;
    const logged = journal.call(handled.updateId, seq);
    if (logged?.state === 'sent') return { ok: true, result: logged.result as never };
    if (logged?.state === 'on its way') {
      log.warn({ update: handled.updateId, method }, 'telegram: a call was on its way when the bot stopped; taken as sent');
      return { ok: true, result: true as never };
    }
    handled.current = { seq, method };
    try {
      const res = await prev(method, payload, signal);
      if (res.ok) journal.sent(handled.updateId, seq, method, res.result);
      else journal.unsent(handled.updateId, seq);
      return res;
    } catch (err) {
      journal.unsent(handled.updateId, seq);
      throw err;
    } finally {
      handled.current = undefined;
    }
  };
}

export interface PollingOptions {
  allowedUpdates: readonly string[];
  /**
   * Updates handled at once. Default 100: each getUpdates then takes most of what is waiting, so
   * the poller calls less often; and when Telegram asks it to wait (429), the updates it already
   * holds keep being answered. (In the load test, at 50 the median under faults came out up to four
   * times the one without; at 200 the slowest answers without faults took seconds.)
   */
  concurrency?: number;
  /** getUpdates long-poll timeout in seconds. Default 30. */
  timeoutSeconds?: number;
  /**
   * How long a stop waits for the updates in flight, in ms. Default 30,000. Updates still in
   * flight then stay in the journal and are handled after a restart.
   */
  stopTimeoutMs?: number;
}

export interface Polling {
  stop(): Promise<void>;
  /** Resolves once no fetched update is waiting or being handled. */
  idle(): Promise<void>;
}

/** Counts updates from fetched to handled, and wakes whoever waits for none. */
class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];
  add(n: number): void {
    this.count += n;
  }
  finish(): void {
    this.count--;
    if (this.count > 0) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
  get size(): number {
    return this.count;
  }
  /** Resolves when none are left, or after `ms`; true if none are left. */
  none(ms = Infinity): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = ms === Infinity ? undefined : setTimeout(() => resolve(false), ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

/** How long to wait after a failed getUpdates: what a 429 asks, else from 250 ms, doubling up to 30 s. */
function retryDelayMs(err: unknown, attempt: number): number {
  if (err instanceof GrammyError && err.parameters.retry_after) return err.parameters.retry_after * 1000;
  return Math.min(250 * 2 ** attempt, 30_000);
}

export function startPolling(
  bot: Bot,
  journal: UpdateJournal<Update>,
  handling: AsyncLocalStorage<Handling>,
  log: Logger,
  options: PollingOptions,
): Polling {
  const inFlight = new InFlight();
  // Updates stored by an earlier run that did not finish them go first.
  let replay = journal.held();
  if (replay.length > 0) log.info({ count: replay.length }, 'telegram: handling the updates held since the last run');
  inFlight.add(replay.length);

  const supplier: UpdateSupplier<Update> = {
    async supply(batchSize, signal) {
      if (replay.length > 0) {
        const held = replay;
        replay = [];
        return held;
      }
      for (let attempt = 0; ; attempt++) {
        try {
          const updates = await bot.api.getUpdates(
            {
              offset: journal.offset(),
              limit: Math.max(1, Math.min(batchSize, 100)),
              timeout: options.timeoutSeconds ?? 30,
              allowed_updates: options.allowedUpdates as never,
            },
            signal,
          );
          // Stored before the next getUpdates confirms them to Telegram.
          const fresh = journal.admit(updates);
          inFlight.add(fresh.length);
          return fresh;
        } catch (err) {
          if (signal.aborted) throw err;
          const wait = retryDelayMs(err, attempt);
          log.warn({ err, retryInMs: wait }, 'telegram: getUpdates failed; retrying');
          await sleep(wait, undefined, { signal: signal as unknown as AbortSignal });
        }
      }
    },
  };
  const sink = createConcurrentSink<Update>(
    {
      consume: async (update) => {
        try {
          await handling.run({ updateId: update.update_id, calls: 0 }, () => bot.handleUpdate(update));
        } finally {
          // Handled, or failed for good (bot.catch has apologised): either way, not to be handled again.
          journal.done(update.update_id);
          inFlight.finish();
        }
      },
    },
    async (err) => {
      log.error({ err }, 'telegram: update failed');
    },
    { concurrency: options.concurrency ?? 100 },
  );
  const runner: RunnerHandle = createRunner(createSource(supplier), sink);
  runner.start();

  return {
    idle: async () => void (await inFlight.none()),
    async stop() {
      const limit = options.stopTimeoutMs ?? 30_000;
      await runner.stop();
      if (!(await inFlight.none(limit)))
        log.warn({ inFlight: inFlight.size }, 'telegram: updates still in flight at stop; they will be handled after a restart');
      // Tell Telegram what we hold (the next start would too): it then has nothing to send again.
      // Bounded, for a Bot API that does not answer.
      await bot.api
        .getUpdates(
          { offset: journal.offset(), limit: 1, timeout: 0 },
          AbortSignal.timeout(limit) as Parameters<typeof bot.api.getUpdates>[1],
        )
        .catch((err: unknown) =>
          log.warn(
            { err },
            'telegram: could not confirm the updates fetched last; Telegram will send them again, and they will be skipped',
          ),
        );
    },
  };
}
