// A fake Slack on 127.0.0.1: the Web API methods the app calls, response_url endpoints, and a
// Socket Mode WebSocket server. It records every call and can be told to rate-limit a method.
import { EventEmitter } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { seededRandom } from '../seeded-random.ts';
import { subscribeToCalls, waitForCall } from './calls.ts';

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

export async function startFakeSlack(): Promise<FakeSlack> {
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

  const server: Server = createServer((req, res) => {
    let raw = '';
    // Decode as a stream: a UTF-8 character can straddle two chunks.
    req.setEncoding('utf8');
    req.on('data', (d: string) => (raw += d));
    req.on('end', () => {
      const url = req.url ?? '/';
      const payload = parseBody(raw, req.headers['content-type']);
      const respond = /^\/respond\/([\w-]+)$/.exec(url);
      if (respond) {
        const call = { method: `response_url:${respond[1]}`, payload };
        calls.push(call);
        events.emit('call', call);
        return json(res, 200, { ok: true });
      }
      const m = /^\/api\/([\w.]+)$/.exec(url);
      if (!m) return json(res, 404, { ok: false, error: 'unknown_method' });
      const method = m[1] as string;
      const failure = failureFor(method);
      const call: SlackCall = { method, payload, ...(failure ? { failed: failure === 'drop' ? 'drop' : failure.status } : {}) };
      calls.push(call);
      events.emit('call', call);
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
