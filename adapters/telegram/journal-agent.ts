// The HTTP agent of the bot's Bot API client, with one addition: it marks a logged call (see
// polling.ts, journalCalls) "on its way" at the last moment before its request is written to the
// socket, and clears the mark if Telegram refuses it (429, 5xx) or the connection fails.
//
// Why exactly then: after a crash, a call marked on its way is taken as sent and not made again.
// Marking before the request reaches its socket (it may wait for a connection) would lose the
// message if the process died meanwhile; marking once it is written (or at the response) would
// send it twice if the process died just after Telegram got it. The mark and the write happen in
// one synchronous step, so nothing can fall between them. What is left is a request Telegram had
// whole but would have refused, at the moment the process dies.
import type { AsyncLocalStorage } from 'node:async_hooks';
import { Agent as HttpAgent, type ClientRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { Socket } from 'node:net';
import type { Update } from 'grammy/types';
import type { UpdateJournal } from '../../src/state/update-journal.ts';

/** The update being handled, how many logged calls it has made so far, and the one being made now. */
export interface Handling {
  updateId: number;
  calls: number;
  current?: { seq: number; method: string };
}

type AnyAgent = HttpAgent & {
  // Not in Node's typings, but how every request reaches its agent (proxy agents override it too).
  addRequest(req: ClientRequest, options: unknown): void;
  createConnection(options: unknown, callback?: unknown): Socket;
};

export function journalAgent(apiRoot: string, journal: UpdateJournal<Update>, handling: AsyncLocalStorage<Handling>): HttpAgent {
  const secure = apiRoot.startsWith('https:');
  const agent = (secure ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true })) as AnyAgent;
  // Sockets that can take a write now: connected (and, over TLS, past the handshake).
  const ready = new WeakSet<Socket>();
  const readyEvent = secure ? 'secureConnect' : 'connect';

  const createConnection = agent.createConnection.bind(agent);
  agent.createConnection = (options, callback) => {
    const socket = createConnection(options, callback);
    socket.once(readyEvent, () => ready.add(socket));
    return socket;
  };

  const addRequest = agent.addRequest.bind(agent);
  agent.addRequest = (req, options) => {
    const handled = handling.getStore();
    const call = handled?.current;
    if (handled && call) {
      const mark = () => journal.sending(handled.updateId, call.seq, call.method);
      const clear = () => journal.unsent(handled.updateId, call.seq);
      // Node writes the request right after 'socket' on a ready socket, else on its connect event,
      // through a listener added after this one.
      req.once('socket', (socket: Socket) => (ready.has(socket) ? mark() : socket.once(readyEvent, mark)));
      req.once('response', (res: IncomingMessage) => {
        if ((res.statusCode ?? 0) >= 300) clear();
      });
      req.once('error', clear);
    }
    addRequest(req, options);
  };
  return agent;
}
