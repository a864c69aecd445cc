// Long polling's journal decides what is confirmed to Telegram and what a restart handles again:
// an update is confirmed as soon as it is stored, handled once even when Telegram sends it again,
// and after a crash the stored ones come back; the calls logged for an update let a re-run skip
// the messages that already went out.
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Transformer } from 'grammy';
import type { Update } from 'grammy/types';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Handling, journalAgent } from '../../adapters/telegram/journal-agent.ts';
import { journalCalls } from '../../adapters/telegram/polling.ts';
import { openState, type State } from '../../src/state/index.ts';
import { createUpdateJournal, type UpdateJournal } from '../../src/state/update-journal.ts';

const HOUR = 60 * 60 * 1000;
let dir: string;
let state: State;
let clock: number;
let journal: UpdateJournal;

const updates = (...ids: number[]) => ids.map((update_id) => ({ update_id, message: { text: `q${update_id}` } }));
const ids = (list: readonly { update_id: number }[]) => list.map((u) => u.update_id);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mou-journal-'));
  state = openState(dir);
  clock = Date.parse('2026-05-01T00:00:00Z');
  journal = createUpdateJournal(state.db, 'telegram', () => clock);
});
afterEach(async () => {
  state.close();
  await rm(dir, { recursive: true, force: true });
});

/** The journal as a restarted process sees it: the same file, opened again. */
function reopen(): UpdateJournal {
  state.close();
  state = openState(dir);
  return createUpdateJournal(state.db, 'telegram', () => clock);
}

describe('the update journal', () => {
  it('confirms a batch as soon as it is stored: the offset moves past it while it is still being handled', () => {
    expect(journal.offset()).toBe(0);
    expect(ids(journal.admit(updates(10, 11, 12)))).toEqual([10, 11, 12]);
    expect(journal.offset()).toBe(13);
    expect(ids(journal.held())).toEqual([10, 11, 12]);
  });

  it('admits an update once: sent again while held, or after it was handled, it is not handled again', () => {
    journal.admit(updates(10, 11));
    journal.done(11);
    expect(ids(journal.admit(updates(10, 11, 12)))).toEqual([12]);
    expect(ids(journal.held())).toEqual([10, 12]);
  });

  it('keeps what was fetched and not handled across a restart, in order, with the offset', () => {
    journal.admit(updates(21, 20, 22));
    journal.done(21);
    const after = reopen();
    expect(after.held()).toEqual(updates(20, 22));
    expect(after.offset()).toBe(23);
  });

  it('forgets an offset and the handled ids after a day, when Telegram has dropped its updates too', () => {
    journal.admit(updates(30));
    journal.done(30);
    clock += 25 * HOUR;
    expect(journal.offset(), 'a day-old offset could hide the next updates').toBe(0);
    // Telegram numbers updates afresh after a quiet week: an old id may come again, and it is new.
    expect(ids(journal.admit(updates(30)))).toEqual([30]);
  });

  it('logs each call of an update: on its way, then sent with its result; a failed one is forgotten', () => {
    journal.admit(updates(40));
    journal.sending(40, 0, 'sendMessage');
    expect(journal.call(40, 0)).toEqual({ state: 'on its way' });
    journal.sent(40, 0, 'sendMessage', { message_id: 7 });
    journal.sending(40, 1, 'sendMessage');
    journal.unsent(40, 1);
    const after = reopen();
    expect(after.call(40, 0)).toEqual({ state: 'sent', result: { message_id: 7 } });
    expect(after.call(40, 1)).toBeUndefined();
    after.done(40);
    expect(after.call(40, 0)).toBeUndefined();
    expect(after.held()).toEqual([]);
  });
});

describe('journalCalls (the API transformer)', () => {
  const handling = new AsyncLocalStorage<Handling>();
  const log = pino({ level: 'silent' });
  /** A Bot API that records what reached it and answers with a new message each time. */
  function api(fail = new Set<number>()) {
    const reached: string[] = [];
    let next = 100;
    const prev = (async (method: string, payload: Record<string, unknown>) => {
      reached.push(`${method}:${String(payload.text ?? '')}`);
      if (fail.has(reached.length)) return { ok: false, error_code: 500, description: 'Internal Server Error' };
      return { ok: true, result: { message_id: next++ } };
    }) as unknown as Parameters<Transformer>[0];
    return { prev, reached };
  }
  /** Handles update `id`: a typing action, then two parts of an answer. */
  async function handle(transformer: Transformer, prev: Parameters<Transformer>[0], id: number) {
    return handling.run({ updateId: id, calls: 0 }, async () => {
      const call = (method: string, text?: string) => transformer(prev, method as never, { chat_id: 1, text } as never);
      await call('sendChatAction');
      const first = await call('sendMessage', 'part 1');
      const second = await call('sendMessage', 'part 2');
      return [first, second];
    });
  }

  it('sends everything the first time, and nothing again when the update is handled again', async () => {
    journal.admit(updates(50) as unknown as Update[]);
    const { prev, reached } = api();
    const transformer = journalCalls(journal as UpdateJournal<Update>, handling, log);
    const first = await handle(transformer, prev, 50);
    expect(reached).toEqual(['sendChatAction:', 'sendMessage:part 1', 'sendMessage:part 2']);
    // A crash before the update was marked handled: the re-run gets the logged results.
    const again = await handle(transformer, prev, 50);
    expect(reached.slice(3)).toEqual(['sendChatAction:']);
    expect(again).toEqual(first);
  });

  it('sends again a call that failed, and takes a call that was on its way at a crash as sent', async () => {
    journal.admit(updates(51, 52) as unknown as Update[]);
    const failing = api(new Set([2]));
    const transformer = journalCalls(journal as UpdateJournal<Update>, handling, log);
    await handle(transformer, failing.prev, 51);
    const { prev, reached } = api();
    await handle(transformer, prev, 51);
    expect(reached, 'part 1 failed the first time, so it goes out now; part 2 went out').toEqual(['sendChatAction:', 'sendMessage:part 1']);
    // Update 52 died while part 1 was on its way: part 1 is not sent again, part 2 is.
    journal.sending(52, 0, 'sendMessage');
    await handle(transformer, prev, 52);
    expect(reached.slice(2)).toEqual(['sendChatAction:', 'sendMessage:part 2']);
  });

  it('leaves calls made outside an update alone', async () => {
    const { prev, reached } = api();
    const transformer = journalCalls(journal as UpdateJournal<Update>, handling, log);
    await transformer(prev, 'sendMessage' as never, { chat_id: 1, text: 'digest' } as never);
    await transformer(prev, 'sendMessage' as never, { chat_id: 1, text: 'digest' } as never);
    expect(reached).toEqual(['sendMessage:digest', 'sendMessage:digest']);
  });
});

describe('journalAgent (the HTTP agent)', () => {
  it('marks a call on its way once Telegram has its request, and clears the mark when Telegram refuses it', async () => {
    const handling = new AsyncLocalStorage<Handling>();
    // A Bot API that holds each request until the test answers it.
    const held: ServerResponse[] = [];
    let arrived: () => void = () => undefined;
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        held.push(res);
        arrived();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const root = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const agent = journalAgent(root, journal as UpdateJournal<Update>, handling);
    const post = (seq: number) =>
      handling.run({ updateId: 60, calls: 0, current: { seq, method: 'sendMessage' } }, () => {
        const got = new Promise<number>((resolve, reject) => {
          const req = request(`${root}/bot1/sendMessage`, { method: 'POST', agent }, (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          });
          req.on('error', reject);
          req.end('{}');
        });
        return got;
      });
    try {
      const reached = new Promise<void>((r) => (arrived = r));
      const refused = post(0);
      expect(journal.call(60, 0), 'not before the request is written').toBeUndefined();
      await reached;
      expect(journal.call(60, 0)).toEqual({ state: 'on its way' });
      held.shift()?.writeHead(429).end('{"ok":false,"error_code":429,"parameters":{"retry_after":1}}');
      expect(await refused).toBe(429);
      expect(journal.call(60, 0), 'a refused request had no effect').toBeUndefined();
      // The next request reuses the kept-alive socket and is marked the same way.
      const again = new Promise<void>((r) => (arrived = r));
      const accepted = post(1);
      await again;
      expect(journal.call(60, 1)).toEqual({ state: 'on its way' });
      held.shift()?.writeHead(200).end('{"ok":true,"result":true}');
      expect(await accepted).toBe(200);
      // Accepted: the mark stays until journalCalls logs the result.
      expect(journal.call(60, 1)).toEqual({ state: 'on its way' });
    } finally {
      agent.destroy();
      server.closeAllConnections();
      server.close();
    }
  });
});
