// The shape every platform edge has, as the composition root sees it (after Hubot's Adapter and
// Bolt's Receiver): a name, start and stop, and the one thing the rest of the bot asks of it —
// delivering a scheduled digest. src/main.ts starts and stops a list of these.
import type { Platform } from '../src/admin/commands.ts';
import type { DigestMessage } from '../src/digest/scheduler.ts';

export interface Adapter {
  readonly name: Platform;
  /**
   * Connects and starts taking updates. A platform that cannot be reached is retried with backoff
   * (and a log line each time) until it answers or stop() is called; one that refuses us (a bad
   * token, a port in use) rejects.
   */
  start(): Promise<void>;
  /** Stops taking updates, lets those in flight finish, then resolves. Safe before, during and after start(). */
  stop(): Promise<void>;
  /** Sends a scheduled digest to a chat or channel. */
  deliverDigest(chatId: string, message: DigestMessage): Promise<void>;
}
