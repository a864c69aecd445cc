// What the two fake platform servers share: how a test waits for a call.
import type { EventEmitter } from 'node:events';

/**
 * Resolves with the first recorded call that matches, checking again on every 'call' event, or
 * rejects after 15 s naming what it waited for and the calls it saw.
 */
export function waitForCall<C extends { method: string }>(
  platform: string,
  events: EventEmitter,
  calls: readonly C[],
  predicate: (c: C) => boolean,
  what: string,
): Promise<C> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      events.off('call', check);
      reject(new Error(`fake ${platform}: timed out waiting for ${what}; calls: ${calls.map((c) => c.method).join(', ')}`));
    }, 15_000);
    const check = () => {
      const found = calls.find(predicate);
      if (found) {
        clearTimeout(timer);
        events.off('call', check);
        resolve(found);
      }
    };
    events.on('call', check);
    check();
  });
}

/** Calls `listener` on every recorded call until the returned function is called. */
export function subscribeToCalls<C>(events: EventEmitter, listener: (c: C) => void): () => void {
  events.on('call', listener);
  return () => events.off('call', listener);
}
