// GET /healthz, the probe that systemd, Docker or Kubernetes call: 200 with the knowledge version
// and the uptime once the knowledge has loaded, 503 before (a large knowledge folder takes a while
// to load and index). A failed reload keeps the old knowledge live, so it stays 200. Served on
// HEALTH_PORT, and on the server the bot already runs in Telegram webhook and Slack HTTP modes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Knowledge } from './knowledge/types.ts';

export const HEALTH_PATH = '/healthz';

export interface Health {
  /** Answers a request for /healthz and returns true; returns false, sending nothing, for any other path. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** The knowledge has loaded: from now on, 200 with the version of what `current` returns. */
  ready(current: () => Knowledge): void;
}

export function createHealth(): Health {
  let knowledge: (() => Knowledge) | undefined;
  return {
    ready(current) {
      knowledge = current;
    },
    handle(req, res) {
      if (new URL(req.url ?? '/', 'http://localhost').pathname !== HEALTH_PATH) return false;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return true;
      }
      const uptimeSeconds = Math.round(process.uptime());
      const k = knowledge?.();
      const body = k
        ? { status: 'ok', knowledgeVersion: k.version, knowledgeLoadedAt: k.loadedAt.toISOString(), uptimeSeconds }
        : { status: 'starting', message: 'the knowledge has not loaded yet', uptimeSeconds };
      const json = JSON.stringify(body);
      res.writeHead(k ? 200 : 503, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(json),
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : json);
      return true;
    },
  };
}

/** A server on `port` (all interfaces) that answers /healthz and 404 to anything else. Rejects if the port is taken. */
export async function serveHealth(port: number, health: Health): Promise<Server> {
  const server = createServer((req, res) => {
    if (!health.handle(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/** Stops the server, ending kept-alive probe connections too, so the process can exit. */
export function closeHealth(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
