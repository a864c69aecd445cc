// Starting and stopping the Slack app: Socket Mode with an app token, HTTP mode otherwise.
import type { Server } from 'node:http';
import { createSlackApp, type SlackDeps } from './app.ts';

export interface SlackRuntime {
  /** The port the HTTP receiver listens on (HTTP mode only). */
  port?: number;
  stop(): Promise<void>;
}

export async function startSlack(deps: SlackDeps): Promise<SlackRuntime> {
  const app = createSlackApp(deps);
  const started = (deps.config.appToken ? await app.start() : await app.start(deps.config.port)) as Server | undefined;
  const address = started && typeof started.address === 'function' ? started.address() : undefined;
  deps.log.info({ mode: deps.config.appToken ? 'socket' : 'http', ...(address && typeof address === 'object' ? { port: address.port } : {}) }, 'slack: started');
  return {
    ...(address && typeof address === 'object' ? { port: address.port } : {}),
    stop: async () => {
      await app.stop();
    },
  };
}
