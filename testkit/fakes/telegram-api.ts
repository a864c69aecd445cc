// A fake Telegram Bot API on 127.0.0.1, for driving the real grammY bot end to end. It serves the
// methods the bot uses, honours getUpdates offsets and long polling, records every call, and can
// be told to fail a method (429, 500, a dropped connection) to test retries.
import { EventEmitter } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { seededRandom } from '../seeded-random.ts';
import { subscribeToCalls, waitForCall } from './calls.ts';
import { boundaryOf, parseMultipart } from './multipart.ts';

export interface Call {
  method: string;
  payload: Record<string, unknown>;
  /** Set when the fake failed this call on purpose (failNext or chaos): it had no effect. */
  failed?: 'drop' | 'drop-mid-poll' | number;
  /** What the fake answered, for the messages it created (sendMessage, sendDocument). */
  result?: Record<string, unknown>;
}

/** A file the bot uploaded (sendDocument sent as multipart/form-data): its name and bytes. */
export interface UploadedFile {
  file_name: string;
  bytes: Buffer;
}

/**
 * How a call fails: an HTTP error answer, a connection dropped at once, or (getUpdates only) a
 * long poll whose connection is dropped once updates are waiting, without answering them.
 */
export type Failure = { status: number; body: unknown } | 'drop' | 'drop-mid-poll';

/** Random faults with a fixed seed: each call of `methods` fails with these probabilities. */
export interface Chaos {
  seed: number;
  methods: readonly string[];
  /** Probability of a 429 with `retry_after` (seconds, default 1). */
  rate429: number;
  /** Probability of a 500. */
  rate500: number;
  retryAfter?: number;
}

export const BOT_USER = {
  id: 999_000,
  is_bot: true,
  first_name: 'MoU bot',
  username: 'mou_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
};

export interface FakeTelegram {
  /** The apiRoot to give grammY. */
  url: string;
  token: string;
  calls: Call[];
  /** Queues an update; returns its update_id. */
  push(update: Record<string, unknown>): number;
  /** A text message update, in a private chat unless `chat` says otherwise. */
  text(
    text: string,
    options?: {
      fromId?: number;
      chat?: { id: number; type: string };
      replyTo?: Record<string, unknown>;
      languageCode?: string;
      entities?: unknown[];
    },
  ): { updateId: number; messageId: number };
  /** Resolves when getUpdates is called with an offset past this update, i.e. the bot has handled it. */
  confirmed(updateId: number): Promise<void>;
  /** Resolves with the first call (already made or future) that matches. */
  waitFor(predicate: (c: Call) => boolean, what?: string): Promise<Call>;
  /** The next call of `method` fails this way. */
  failNext(method: string, failure: Failure): void;
  /**
   * From now on, calls of `method` (sendMessage) take effect but get no answer until release(): the
   * bot cannot tell whether they went through, as when it dies while they are on their way.
   */
  holdAnswers(method: 'sendMessage'): void;
  /** Answers the held calls, and holds no more. */
  release(): void;
  /** From now on, fails calls at random (fixed seed); `chaos(undefined)` stops. Returns the running count of injected faults. */
  chaos(options: Chaos | undefined): { injected429: number; injected500: number };
  /** Calls of one method. */
  of(method: string): Call[];
  /** Calls of one method that took effect (not failed on purpose). */
  delivered(method: string): Call[];
  /** Calls `listener` with every call from now on; returns the unsubscribe function. */
  subscribe(listener: (c: Call) => void): () => void;
  /**
   * Makes a document downloadable through getFile and /file/bot<token>/<path> (the path ends as
   * `fileName` does; default .yaml). Downloads are recorded as calls of the method 'download'.
   */
  addFile(fileId: string, content: string | Uint8Array, fileName?: string): void;
  close(): Promise<void>;
}

/** A multipart field: an object or array is sent as JSON (reply_parameters, reply_markup), anything else as it is. */
function jsonOrText(text: string): unknown {
  if (!/^[[{]/.test(text)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function startFakeTelegram(token = '123456:TEST-token-for-the-fake-api-server'): Promise<FakeTelegram> {
  const events = new EventEmitter();
  events.setMaxListeners(1000);
  const calls: Call[] = [];
  // Uploaded documents: file_id → where the fake serves it, and its bytes.
  const files = new Map<string, { path: string; content: Buffer }>();
  const queue: Record<string, unknown>[] = [];
  const failures = new Map<string, Failure[]>();
  let confirmedBelow = 0;
  let allowed: string[] = [];
  let holding: string | undefined;
  const held: (() => void)[] = [];
  let nextUpdate = 1;
  let nextMessage = 1000;
  let chaos: { options: Chaos; random: () => number; counts: { injected429: number; injected500: number } } | undefined;

  /** The failure for this call, if any: a queued one first, then a random one. */
  function failureFor(method: string): Failure | undefined {
    const queued = failures.get(method)?.shift();
    if (queued) return queued;
    if (!chaos?.options.methods.includes(method)) return undefined;
    const r = chaos.random();
    if (r < chaos.options.rate429) {
      chaos.counts.injected429++;
      const retryAfter = chaos.options.retryAfter ?? 1;
      return {
        status: 429,
        body: {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${retryAfter}`,
          parameters: { retry_after: retryAfter },
        },
      };
    }
    if (r < chaos.options.rate429 + chaos.options.rate500) {
      chaos.counts.injected500++;
      return { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } };
    }
    return undefined;
  }

  /** Holds a long poll until an update is waiting (or its timeout passes), then drops the connection unanswered. */
  async function dropMidPoll(req: { socket: { destroy(): void } }, p: Record<string, unknown>) {
    // The request reached the server, so its offset confirms what came before, as Telegram does.
    if (typeof p.offset === 'number' && p.offset > confirmedBelow) {
      confirmedBelow = p.offset;
      events.emit('confirmed');
    }
    const deadline = Date.now() + Math.min(Number(p.timeout ?? 0), 5) * 1000;
    const waiting = () => queue.some((u) => (u.update_id as number) >= confirmedBelow);
    while (!waiting() && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        events.once('update', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    req.socket.destroy();
  }

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
    // As Telegram does: the last allowed_updates given stays in force, and other kinds are not delivered.
    if (Array.isArray(p.allowed_updates)) allowed = p.allowed_updates as string[];
    const deliverable = (u: Record<string, unknown>) => allowed.length === 0 || Object.keys(u).some((k) => allowed.includes(k));
    const pending = () =>
      queue
        .filter((u) => (u.update_id as number) >= confirmedBelow && deliverable(u))
        .slice(0, typeof p.limit === 'number' ? p.limit : 100);
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
    return {
      message_id: nextMessage++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: p.chat_id, type: Number(p.chat_id) < 0 ? 'supergroup' : 'private' },
      from: BOT_USER,
      text: p.text,
    };
  }

  /**
   * A request's parameters: JSON, or multipart/form-data as the Bot API takes files. There a field
   * holds a string (objects as JSON), or "attach://<name>" for the file part of that name, or is
   * itself a file part; files become { file_name, bytes }.
   */
  function parameters(body: Buffer, contentType: string | undefined): Record<string, unknown> {
    const boundary = boundaryOf(contentType);
    if (!boundary) return body.length > 0 ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
    const parts = parseMultipart(body, boundary);
    const byName = new Map(parts.map((p) => [p.name, p]));
    const attached = new Set<string>();
    const out: Record<string, unknown> = {};
    for (const part of parts) {
      if (part.filename !== undefined) continue;
      const text = part.data.toString('utf8');
      const file = text.startsWith('attach://') ? byName.get(text.slice('attach://'.length)) : undefined;
      if (file?.filename !== undefined) {
        attached.add(file.name);
        out[part.name] = { file_name: file.filename, bytes: file.data } satisfies UploadedFile;
      } else out[part.name] = jsonOrText(text);
    }
    for (const part of parts)
      if (part.filename !== undefined && !attached.has(part.name)) out[part.name] = { file_name: part.filename, bytes: part.data };
    return out;
  }

  /** sendDocument: the message with its document, which the bot can then get back (getFile) as Telegram allows. */
  function documentMessage(p: Record<string, unknown>) {
    const sent = p.document;
    const fileId = `sent-${nextMessage}`;
    const document =
      typeof sent === 'string'
        ? { file_id: sent, file_unique_id: `u-${sent}` }
        : (() => {
            const f = sent as UploadedFile;
            files.set(fileId, { path: `documents/${fileId}${extname(f.file_name)}`, content: f.bytes });
            return { file_id: fileId, file_unique_id: `u-${fileId}`, file_name: f.file_name, file_size: f.bytes.length };
          })();
    const { text: _, ...rest } = message(p);
    return { ...rest, document, ...(typeof p.caption === 'string' ? { caption: p.caption } : {}) };
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    // Bytes, decoded once whole: a UTF-8 character can straddle two chunks, and a file is not text.
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(req.url ?? '');
      if (download && download[1] === token) {
        const found = [...files.values()].find((f) => f.path === decodeURIComponent(download[2] as string));
        calls.push({ method: 'download', payload: { path: download[2] } });
        return found
          ? void res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(found.content)
          : reply(res, 404, { ok: false });
      }
      const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      if (!m || m[1] !== token) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      const method = m[2] as string;
      const payload = parameters(body, req.headers['content-type']);
      const failure = failureFor(method);
      const call: Call = { method, payload, ...(failure ? { failed: typeof failure === 'string' ? failure : failure.status } : {}) };
      calls.push(call);
      events.emit('call', call);
      if (failure === 'drop') return req.socket.destroy();
      if (failure === 'drop-mid-poll') return void dropMidPoll(req, payload);
      if (failure) return reply(res, failure.status, failure.body);
      switch (method) {
        case 'getMe':
          return ok(res, BOT_USER);
        case 'getUpdates':
          return void getUpdates(res, payload);
        case 'getFile': {
          const f = files.get(String(payload.file_id));
          return f
            ? ok(res, {
                file_id: payload.file_id,
                file_unique_id: `u-${payload.file_id}`,
                file_size: f.content.length,
                file_path: f.path,
              })
            : reply(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' });
        }
        case 'sendMessage':
          call.result = message(payload);
          // Sent, as far as the chat is concerned; the answer to the bot may be held back.
          if (holding === method) return void held.push(() => ok(res, call.result));
          return ok(res, call.result);
        case 'sendDocument':
          if (!payload.chat_id || !payload.document)
            return reply(res, 400, { ok: false, error_code: 400, description: 'Bad Request: there is no document in the request' });
          call.result = documentMessage(payload);
          return ok(res, call.result);
        case 'editMessageText':
          return ok(res, { ...message(payload), message_id: payload.message_id });
        case 'answerCallbackQuery':
        case 'answerInlineQuery':
        case 'deleteMessage':
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
    addFile(fileId, content, fileName = `${fileId}.yaml`) {
      files.set(fileId, { path: `documents/${fileId}${extname(fileName)}`, content: Buffer.from(content) });
    },
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
        message: {
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat,
          from,
          text,
          ...(entities ? { entities } : {}),
          ...(options.replyTo ? { reply_to_message: options.replyTo } : {}),
        },
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
    waitFor: (predicate, what = 'a matching call') => waitForCall('Telegram', events, calls, predicate, what),
    holdAnswers(method) {
      holding = method;
    },
    release() {
      holding = undefined;
      for (const answer of held.splice(0)) answer();
    },
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    chaos(options) {
      const counts = chaos?.counts ?? { injected429: 0, injected500: 0 };
      chaos = options ? { options, random: seededRandom(options.seed), counts } : undefined;
      return counts;
    },
    of: (method) => calls.filter((c) => c.method === method),
    delivered: (method) => calls.filter((c) => c.method === method && c.failed === undefined),
    subscribe: (listener) => subscribeToCalls(events, listener),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
