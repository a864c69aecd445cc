// A fake Telegram Bot API on 127.0.0.1, for driving the real grammY bot end to end. It serves the
// methods the bot uses, honours getUpdates offsets and long polling, records every call, and can
// be told to fail a method (429, 500, a dropped connection) to test retries.
import { EventEmitter } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Call {
  method: string;
  payload: Record<string, unknown>;
}

type Failure = { status: number; body: unknown } | 'drop';

export const BOT_USER = { id: 999_000, is_bot: true, first_name: 'MoU bot', username: 'mou_test_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true };

export interface FakeTelegram {
  /** The apiRoot to give grammY. */
  url: string;
  token: string;
  calls: Call[];
  /** Queues an update; returns its update_id. */
  push(update: Record<string, unknown>): number;
  /** A text message update, in a private chat unless `chat` says otherwise. */
  text(text: string, options?: { fromId?: number; chat?: { id: number; type: string }; replyTo?: Record<string, unknown>; languageCode?: string; entities?: unknown[] }): { updateId: number; messageId: number };
  /** Resolves when getUpdates is called with an offset past this update, i.e. the bot has handled it. */
  confirmed(updateId: number): Promise<void>;
  /** Resolves with the first call (already made or future) that matches. */
  waitFor(predicate: (c: Call) => boolean, what?: string): Promise<Call>;
  /** The next call of `method` fails this way. */
  failNext(method: string, failure: Failure): void;
  /** Calls of one method. */
  of(method: string): Call[];
  /** Calls `listener` with every call from now on; returns the unsubscribe function. */
  subscribe(listener: (c: Call) => void): () => void;
  close(): Promise<void>;
}

export async function startFakeTelegram(token = '123456:TEST-token-for-the-fake-api-server'): Promise<FakeTelegram> {
  const events = new EventEmitter();
  events.setMaxListeners(1000);
  const calls: Call[] = [];
  const queue: Record<string, unknown>[] = [];
  const failures = new Map<string, Failure[]>();
  let confirmedBelow = 0;
  let nextUpdate = 1;
  let nextMessage = 1000;

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };
  const ok = (res: ServerResponse, result: unknown) => reply(res, 200, { ok: true, result });

  async function getUpdates(res: ServerResponse, p: Record<string, unknown>) {
    const offset = typeof p.offset === 'number' ? p.offset : 0;
    if (offset > confirmedBelow) {
      confirmedBelow = offset;
      events.emit('confirmed');
    }
    const pending = () => queue.filter((u) => (u.update_id as number) >= confirmedBelow).slice(0, typeof p.limit === 'number' ? p.limit : 100);
    const deadline = Date.now() + Math.min(Number(p.timeout ?? 0), 5) * 1000;
    let closed = false;
    res.on('close', () => (closed = true));
    while (pending().length === 0 && Date.now() < deadline && !closed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        events.once('update', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (!closed) ok(res, pending());
  }

  function message(p: Record<string, unknown>) {
    return { message_id: nextMessage++, date: Math.floor(Date.now() / 1000), chat: { id: p.chat_id, type: Number(p.chat_id) < 0 ? 'supergroup' : 'private' }, from: BOT_USER, text: p.text };
  }

  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      if (!m || m[1] !== token) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      const method = m[2] as string;
      const payload = body ? (JSON.parse(body) as Record<string, unknown>) : {};
      const call = { method, payload };
      calls.push(call);
      events.emit('call', call);
      const failure = failures.get(method)?.shift();
      if (failure === 'drop') return req.socket.destroy();
      if (failure) return reply(res, failure.status, failure.body);
      switch (method) {
        case 'getMe':
          return ok(res, BOT_USER);
        case 'getUpdates':
          return void getUpdates(res, payload);
        case 'sendMessage':
          return ok(res, message(payload));
        case 'editMessageText':
          return ok(res, { ...message(payload), message_id: payload.message_id });
        case 'answerCallbackQuery':
        case 'answerInlineQuery':
        case 'setMyCommands':
        case 'sendChatAction':
        case 'setWebhook':
        case 'deleteWebhook':
          return ok(res, true);
        default:
          return reply(res, 404, { ok: false, error_code: 404, description: `Not Found: method ${method}` });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeTelegram = {
    url: `http://127.0.0.1:${port}`,
    token,
    calls,
    push(update) {
      const id = nextUpdate++;
      queue.push({ ...update, update_id: id });
      events.emit('update');
      return id;
    },
    text(text, options = {}) {
      const messageId = nextMessage++;
      const from = { id: options.fromId ?? 1001, is_bot: false, first_name: 'Official', language_code: options.languageCode ?? 'vi' };
      const chat = options.chat ?? { id: from.id, type: 'private' };
      // Like Telegram, mark a leading /command with a bot_command entity.
      const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
      const entities = options.entities ?? (command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : undefined);
      const updateId = fake.push({
        message: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat, from, text, ...(entities ? { entities } : {}), ...(options.replyTo ? { reply_to_message: options.replyTo } : {}) },
      });
      return { updateId, messageId };
    },
    confirmed(updateId) {
      return new Promise((resolve) => {
        const check = () => {
          if (confirmedBelow > updateId) {
            events.off('confirmed', check);
            resolve();
          }
        };
        events.on('confirmed', check);
        check();
      });
    },
    waitFor(predicate, what = 'a matching call') {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          events.off('call', check);
          reject(new Error(`fake Telegram: timed out waiting for ${what}; calls: ${calls.map((c) => c.method).join(', ')}`));
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
    },
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    of: (method) => calls.filter((c) => c.method === method),
    subscribe(listener) {
      events.on('call', listener);
      return () => events.off('call', listener);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
