// A fake Slack on 127.0.0.1: the Web API methods the app calls, response_url endpoints, and a
// Socket Mode WebSocket server. It records every call and can be told to rate-limit a method.
import { EventEmitter } from 'node:events';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface SlackCall {
  method: string;
  payload: Record<string, unknown>;
}

export const BOT = { user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' };

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
  /** Socket Mode: resolves once the app has connected and been sent `hello`. */
  socketConnected(): Promise<void>;
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
  const rateLimits = new Map<string, number[]>();
  let ts = 1000;
  let socket: WebSocket | undefined;
  let envelope = 0;

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
  };

  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
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
      const call = { method, payload };
      calls.push(call);
      events.emit('call', call);
      const limited = rateLimits.get(method)?.shift();
      if (limited !== undefined) return json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(limited) });
      switch (method) {
        case 'auth.test':
          return json(res, 200, { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'moubot', ...BOT });
        case 'chat.postMessage':
          return json(res, 200, { ok: true, channel: payload.channel, ts: `${ts++}.000100`, message: { text: payload.text } });
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
    subscribe(listener) {
      events.on('call', listener);
      return () => events.off('call', listener);
    },
    waitFor(predicate, what = 'a matching call') {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          events.off('call', check);
          reject(new Error(`fake Slack: timed out waiting for ${what}; calls: ${calls.map((c) => c.method).join(', ')}`));
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
    rateLimitNext(method, retryAfter) {
      rateLimits.set(method, [...(rateLimits.get(method) ?? []), retryAfter]);
    },
    socketConnected: () => (socket ? Promise.resolve() : new Promise((resolve) => events.once('connected', () => resolve()))),
    sendEnvelope(type, payload, extra = {}) {
      const id = `env-${++envelope}`;
      return new Promise((resolve) => {
        const onAck = (ack: Record<string, unknown>) => {
          if (ack.envelope_id !== id) return;
          events.off('ack', onAck);
          resolve(ack);
        };
        events.on('ack', onAck);
        socket?.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: false, retry_attempt: 0, retry_reason: '', ...extra }));
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
