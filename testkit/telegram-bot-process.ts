// The Telegram bot in a process of its own, wired as src/main.ts wires it (file database under
// DATA_DIR, admin commands, knowledge store), so that a test or the load test can kill it with
// SIGKILL and start it again. Unlike `mou-bot start`, the per-user rate limit is off: load-test
// users ask many questions in a row on purpose. Environment: TELEGRAM_BOT_TOKEN,
// TELEGRAM_API_ROOT, DATA_DIR, KNOWLEDGE_DIR. Stops gracefully on SIGTERM.
import pino from 'pino';
import { startTelegram } from '../adapters/telegram/run.ts';
import { createAdmin } from '../src/admin/admin.ts';
import { createAdminCommands } from '../src/admin/commands.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import { createKnowledgeStore } from '../src/runtime/knowledge-store.ts';
import { openState } from '../src/state/index.ts';
import { overlayOf } from '../src/state/status-log.ts';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const log = pino({ level: 'info' }, process.stderr);
const state = openState(env('DATA_DIR'));
const loaded = await loadKnowledge(env('KNOWLEDGE_DIR'));
if (!loaded.ok) throw new Error('the knowledge is invalid');
const store = createKnowledgeStore(env('KNOWLEDGE_DIR'), loaded.knowledge, { overlay: overlayOf(state.statusLog) });
const bot = await startTelegram(
  {
    config: { token: env('TELEGRAM_BOT_TOKEN'), apiRoot: env('TELEGRAM_API_ROOT'), adminIds: new Set() },
    store,
    admin: createAdminCommands(createAdmin(store, state), { telegram: new Set(), slack: new Set() }, log),
    state,
    log,
    pageSize: 8,
    rateLimit: false,
  },
  { pollTimeoutSeconds: 1 },
);
process.once('SIGTERM', () => {
  void bot.stop().then(() => {
    state.close();
    process.exit(0);
  });
});
