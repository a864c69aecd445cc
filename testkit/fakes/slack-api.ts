// A fake Slack on 127.0.0.1: the Web API methods the app calls, response_url endpoints, and a
// Socket Mode WebSocket server. It records every call and can be told to rate-limit a method.
// Files as Slack serves them (https://docs.slack.dev/messaging/working-with-files): a shared
// file's url_private answers only with the bot token in an Authorization header (without it, a
// redirect to a sign-in page, as Slack does); an app uploads through files.getUploadURLExternal,
// a POST of the bytes to its upload_url, and files.completeUploadExternal.
import { EventEmitter } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { seededRandom } from '../seeded-random.ts';
import { subscribeToCalls, waitForCall } from './calls.ts';
import { boundaryOf, parseMultipart } from './multipart.ts';

export interface SlackCall {
  method: string;
  payload: Record<string, unknown>;
  /** Set when the fake failed this call on purpose (rateLimitNext, failNext or chaos): it had no effect. */
  failed?: 'drop' | number;
  /** What the fake answered, for the messages it created (chat.postMessage). */
  result?: Record<string, unknown>;
}

/** How a Web API call fails: an HTTP answer (status, body, headers) or a dropped connection. */
export type SlackFailure = { status: number; body: unknown; headers?: Record<string, string> } | 'drop';

/** Random faults with a fixed seed: each call of `methods` fails with these probabilities. */
export interface SlackChaos {
  seed: number;
  methods: readonly string[];
  /** Probability of a 429 `ratelimited` with Retry-After (seconds, default 1). */
  rate429: number;
  /** Probability of a 500. */
  rate500: number;
  retryAfter?: number;
}

// Ids shaped like Slack's: a mention left in a question ("<@U07A999BOT>") looks like words to the search.
export const BOT = { user_id: 'U07A999BOT', bot_id: 'B07A999BOT', team_id: 'T1' };

/** The bot token the fake's file URLs ask for, unless startFakeSlack is given another. */
export const FAKE_BOT_TOKEN = 'xoxb-test-token';

/** A file object as Slack puts it in a file_share message's `files` (the fields this app may read). */
export interface SlackFile {
  id: string;
  created: number;
  timestamp: number;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  pretty_type: string;
  user: string;
  editable: boolean;
  size: number;
  mode: 'hosted';
  is_external: boolean;
  external_type: string;
  is_public: boolean;
  public_url_shared: boolean;
  display_as_bot: boolean;
  username: string;
  url_private: string;
  url_private_download: string;
  permalink: string;
}

/** A file the app uploaded and shared (files.completeUploadExternal), with its bytes. */
export interface SharedUpload {
  id: string;
  filename: string;
  title?: string;
  bytes: Buffer;
  channel_id?: string;
  thread_ts?: string;
  initial_comment?: string;
}

export interface FakeSlack {
  /** Web API base URL (ends in /api/). */
  apiUrl: string;
  /** A response_url that records what the app posts to it. */
  responseUrl(id: string): string;
  calls: SlackCall[];
  of(method: string): SlackCall[];
  /** Calls `listener` with every call from now on; returns the unsubscribe function. */
  subscribe(listener: (c: SlackCall) => void): () => void;
  waitFor(predicate: (c: SlackCall) => boolean, what?: string): Promise<SlackCall>;
  /** The next call of `method` answers 429 `ratelimited` with this Retry-After (seconds). */
  rateLimitNext(method: string, retryAfter: number): void;
  /** The next call of `method` fails this way. */
  failNext(method: string, failure: SlackFailure): void;
  /** From now on, fails Web API calls at random (fixed seed); `chaos(undefined)` stops. Returns the running count of injected faults. */
  chaos(options: SlackChaos | undefined): { injected429: number; injected500: number };
  /** Calls of one method that took effect (not failed on purpose). */
  delivered(method: string): SlackCall[];
  /** Socket Mode: resolves once the app has connected and been sent `hello`. */
  socketConnected(): Promise<void>;
  /** Socket Mode: resolves once the app has made its `n`th connection (1 = the first). */
  connection(n: number): Promise<void>;
  /** Socket Mode: how many connections the app has made so far. */
  readonly connections: number;
  /** Socket Mode: sends Slack's `disconnect` message (the app should reconnect). */
  sendDisconnect(reason?: string): void;
  /** Socket Mode: drops the socket without a word. */
  dropSocket(): void;
  /** Socket Mode: sends an envelope and resolves with the app's ack. */
  sendEnvelope(type: string, payload: unknown, extra?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /**
   * A file a user shared: served at its url_private (and url_private_download) to requests with the
   * bot token. Each request is recorded as a call of 'files:download' ({ path, authorized }).
   */
  addFile(file: { name: string; bytes: Uint8Array | string; user: string; mimetype?: string; filetype?: string }): SlackFile;
  /** The files the app uploaded and shared, in order. */
  uploads(): SharedUpload[];
  close(): Promise<void>;
}

/** Slack's Web API client posts form fields, with objects (blocks, view) as JSON strings. */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? (JSON.parse(v) as unknown) : v;
  }
  return out;
}

export async function startFakeSlack(options: { botToken?: string } = {}): Promise<FakeSlack> {
  const botToken = options.botToken ?? FAKE_BOT_TOKEN;
  // Files users shared (by url path), files the app is uploading (by id), and those it shared.
  const served = new Map<string, Buffer>();
  const uploading = new Map<string, { filename: string; length: number; bytes?: Buffer }>();
  const shared: SharedUpload[] = [];
  let fileSeq = 0;
  const events = new EventEmitter();
  events.setMaxListeners(1000);
  const calls: SlackCall[] = [];
  const failures = new Map<string, SlackFailure[]>();
  let ts = 1000;
  let socket: WebSocket | undefined;
  let envelope = 0;
  let connections = 0;
  let chaos: { options: SlackChaos; random: () => number; counts: { injected429: number; injected500: number } } | undefined;

  const ratelimited = (retryAfter: number): SlackFailure => ({
    status: 429,
    body: { ok: false, error: 'ratelimited' },
    headers: { 'retry-after': String(retryAfter) },
  });

  /** The failure for this call, if any: a queued one first, then a random one. */
  function failureFor(method: string): SlackFailure | undefined {
    const queued = failures.get(method)?.shift();
    if (queued) return queued;
    if (!chaos?.options.methods.includes(method)) return undefined;
    const r = chaos.random();
    if (r < chaos.options.rate429) {
      chaos.counts.injected429++;
      return ratelimited(chaos.options.retryAfter ?? 1);
    }
    if (r < chaos.options.rate429 + chaos.options.rate500) {
      chaos.counts.injected500++;
      return { status: 500, body: { ok: false, error: 'internal_error' } };
    }
    return undefined;
  }

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };

  const record = (call: SlackCall) => {
    calls.push(call);
    events.emit('call', call);
  };

  /** GET of a shared file: its bytes with the bot token, else Slack's answer to a browser without a session. */
  function serveFile(url: string, authorization: string | undefined, res: ServerResponse): boolean {
    const path = url.split('?')[0] ?? '';
    const bytes = served.get(path);
    if (!bytes) return false;
    const authorized = authorization === `Bearer ${botToken}`;
    record({ method: 'files:download', payload: { path, authorized } });
    if (!authorized) res.writeHead(302, { location: `/signin?redir=${encodeURIComponent(path)}` }).end();
    else res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) }).end(bytes);
    return true;
  }

  /** The bytes posted to an upload_url: raw, or the file part of a multipart form (both are accepted). */
  function receiveUpload(id: string, body: Buffer, contentType: string | undefined, res: ServerResponse) {
    const waiting = uploading.get(id);
    const boundary = boundaryOf(contentType);
    const bytes = boundary ? parseMultipart(body, boundary).find((p) => p.filename !== undefined)?.data : body;
    record({ method: 'upload', payload: { file_id: id, length: bytes?.length ?? 0 } });
    if (!waiting || !bytes) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    waiting.bytes = bytes;
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    // Bytes, decoded once whole: a UTF-8 character can straddle two chunks, and a file is not text.
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const url = req.url ?? '/';
      const body = Buffer.concat(chunks);
      if (req.method === 'GET' && serveFile(url, req.headers.authorization, res)) return;
      if (req.method === 'GET' && url.startsWith('/signin'))
        return void res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end('<!DOCTYPE html><html><body>Sign in to Slack</body></html>');
      const upload = /^\/upload\/v1\/(\w+)$/.exec(url);
      if (upload && req.method === 'POST') return receiveUpload(upload[1] as string, body, req.headers['content-type'], res);
      const payload = parseBody(body.toString('utf8'), req.headers['content-type']);
      const respond = /^\/respond\/([\w-]+)$/.exec(url);
      if (respond) {
        record({ method: `response_url:${respond[1]}`, payload });
        return json(res, 200, { ok: true });
      }
      const m = /^\/api\/([\w.]+)$/.exec(url);
      if (!m) return json(res, 404, { ok: false, error: 'unknown_method' });
      const method = m[1] as string;
      const failure = failureFor(method);
      const call: SlackCall = { method, payload, ...(failure ? { failed: failure === 'drop' ? 'drop' : failure.status } : {}) };
      record(call);
      if (failure === 'drop') return req.socket.destroy();
      if (failure) return json(res, failure.status, failure.body, failure.headers);
      switch (method) {
        case 'auth.test':
          return json(res, 200, { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'moubot', ...BOT });
        case 'chat.postMessage':
          call.result = { ok: true, channel: payload.channel, ts: `${ts++}.000100`, message: { text: payload.text } };
          return json(res, 200, call.result);
        case 'apps.connections.open': {
          const { port } = server.address() as AddressInfo;
          return json(res, 200, { ok: true, url: `ws://127.0.0.1:${port}/socket` });
        }
        case 'files.getUploadURLExternal': {
          const length = Number(payload.length);
          if (typeof payload.filename !== 'string' || !payload.filename || !Number.isInteger(length) || length <= 0)
            return json(res, 200, { ok: false, error: 'invalid_arguments' });
          const id = `F0UPLOAD${String(++fileSeq).padStart(3, '0')}`;
          uploading.set(id, { filename: payload.filename, length });
          const { port } = server.address() as AddressInfo;
          return json(res, 200, { ok: true, upload_url: `http://127.0.0.1:${port}/upload/v1/${id}`, file_id: id });
        }
        case 'files.completeUploadExternal': {
          const files = payload.files as { id?: string; title?: string }[] | undefined;
          const done = (Array.isArray(files) ? files : []).map((f) => ({ f, up: uploading.get(f.id ?? '') }));
          // Only files whose bytes arrived, whole, can be completed.
          if (done.length === 0 || done.some(({ up }) => !up?.bytes || up.bytes.length !== up.length))
            return json(res, 200, { ok: false, error: 'invalid_arguments' });
          for (const { f, up } of done) {
            shared.push({
              id: f.id as string,
              filename: up?.filename as string,
              ...(f.title ? { title: f.title } : {}),
              bytes: up?.bytes as Buffer,
              ...(typeof payload.channel_id === 'string' ? { channel_id: payload.channel_id } : {}),
              ...(typeof payload.thread_ts === 'string' ? { thread_ts: payload.thread_ts } : {}),
              ...(typeof payload.initial_comment === 'string' ? { initial_comment: payload.initial_comment } : {}),
            });
            uploading.delete(f.id as string);
          }
          return json(res, 200, {
            ok: true,
            files: done.map(({ f, up }) => ({ id: f.id, name: up?.filename, title: f.title ?? up?.filename })),
          });
        }
        default:
          return json(res, 200, { ok: true });
      }
    });
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, sock, head) => {
    if (!req.url?.startsWith('/socket')) return sock.destroy();
    wss.handleUpgrade(req, sock, head, (ws) => {
      socket = ws;
      connections++;
      ws.on('message', (data: Buffer) => events.emit('ack', JSON.parse(data.toString()) as Record<string, unknown>));
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A1' } }));
      events.emit('connected');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeSlack = {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseUrl: (id) => `http://127.0.0.1:${port}/respond/${id}`,
    calls,
    of: (method) => calls.filter((c) => c.method === method),
    subscribe: (listener) => subscribeToCalls(events, listener),
    waitFor: (predicate, what = 'a matching call') => waitForCall('Slack', events, calls, predicate, what),
    rateLimitNext(method, retryAfter) {
      fake.failNext(method, ratelimited(retryAfter));
    },
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    chaos(options) {
      const counts = chaos?.counts ?? { injected429: 0, injected500: 0 };
      chaos = options ? { options, random: seededRandom(options.seed), counts } : undefined;
      return counts;
    },
    delivered: (method) => calls.filter((c) => c.method === method && c.failed === undefined),
    socketConnected: () => (socket ? Promise.resolve() : new Promise((resolve) => events.once('connected', () => resolve()))),
    get connections() {
      return connections;
    },
    connection(n) {
      return new Promise((resolve) => {
        const check = () => {
          if (connections >= n) {
            events.off('connected', check);
            resolve();
          }
        };
        events.on('connected', check);
        check();
      });
    },
    sendDisconnect(reason = 'refresh_requested') {
      socket?.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake' } }));
    },
    dropSocket() {
      socket?.terminate();
    },
    sendEnvelope(type, payload, extra = {}) {
      const id = `env-${++envelope}`;
      return new Promise((resolve) => {
        const onAck = (ack: Record<string, unknown>) => {
          if (ack.envelope_id !== id) return;
          events.off('ack', onAck);
          resolve(ack);
        };
        events.on('ack', onAck);
        socket?.send(
          JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: false, retry_attempt: 0, retry_reason: '', ...extra }),
        );
      });
    },
    addFile(file) {
      const id = `F0SHARED${String(++fileSeq).padStart(3, '0')}`;
      const bytes = Buffer.from(file.bytes);
      const base = `/files-pri/${BOT.team_id}-${id}`;
      const name = encodeURIComponent(file.name);
      served.set(`${base}/${name}`, bytes);
      served.set(`${base}/download/${name}`, bytes);
      const now = Math.floor(Date.now() / 1000);
      const filetype = file.filetype ?? (file.name.split('.').pop() ?? 'binary').toLowerCase();
      return {
        id,
        created: now,
        timestamp: now,
        name: file.name,
        title: file.name,
        mimetype: file.mimetype ?? 'application/octet-stream',
        filetype,
        pretty_type: filetype.toUpperCase(),
        user: file.user,
        editable: false,
        size: bytes.length,
        mode: 'hosted',
        is_external: false,
        external_type: '',
        is_public: false,
        public_url_shared: false,
        display_as_bot: false,
        username: '',
        url_private: `http://127.0.0.1:${port}${base}/${name}`,
        url_private_download: `http://127.0.0.1:${port}${base}/download/${name}`,
        permalink: `https://fake.slack.com/files/${file.user}/${id}/${name}`,
      };
    },
    uploads: () => [...shared],
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
