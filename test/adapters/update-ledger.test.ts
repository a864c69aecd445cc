// The update ledger decides what long polling confirms to Telegram: never an update still being
// handled (a crash would lose it), and never one twice (Telegram re-sends the unconfirmed ones).
import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { UpdateLedger } from '../../adapters/telegram/polling.ts';

const updates = (...ids: number[]) => ids.map((update_id) => ({ update_id }) as Update);
const ids = (list: readonly Update[]) => list.map((u) => u.update_id);

describe('UpdateLedger', () => {
  it('confirms nothing before the first batch', () => {
    expect(new UpdateLedger().safeOffset()).toBe(0);
  });

  it('keeps the offset at the lowest update still in flight, whatever order they finish in', () => {
    const ledger = new UpdateLedger();
    expect(ids(ledger.admit(updates(10, 11, 12)))).toEqual([10, 11, 12]);
    expect(ledger.safeOffset()).toBe(10);
    ledger.done(12);
    ledger.done(11);
    expect(ledger.safeOffset(), '10 is still being answered').toBe(10);
    ledger.done(10);
    expect(ledger.safeOffset()).toBe(13);
    expect(ledger.busy).toBe(0);
  });

  it('admits an update once: re-sent ones, in flight or done, are not handled again', () => {
    const ledger = new UpdateLedger();
    ledger.admit(updates(10, 11));
    ledger.done(11);
    // Telegram re-sends from the offset (10): 10 is in flight, 11 done; 12 is new.
    expect(ids(ledger.admit(updates(10, 11, 12)))).toEqual([12]);
    expect(ledger.busy).toBe(2);
  });

  it('wakes a waiter when an update finishes, and tells a waiter that missed it', async () => {
    const ledger = new UpdateLedger();
    ledger.admit(updates(1, 2));
    const seen = ledger.generation;
    ledger.done(1);
    // The finish happened before the wait began; settle() must not sleep through it.
    await ledger.settle(60_000, seen);
    const drained = ledger.drained();
    ledger.done(2);
    expect(await drained).toBe(true);
    expect(await new UpdateLedger().drained(0)).toBe(true);
  });

  it('gives up draining after the time limit, and says so', async () => {
    const ledger = new UpdateLedger();
    ledger.admit(updates(1));
    expect(await ledger.drained(20)).toBe(false);
  });
});
