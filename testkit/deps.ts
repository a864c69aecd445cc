// What the composition root gives an adapter, built for tests and benchmarks: the admin commands
// wired as src/main.ts wires them (admin ids from the platform's config), on an in-memory database
// unless the test passes its own.
import type { SlackDeps } from '../adapters/slack/app.ts';
import type { TelegramDeps } from '../adapters/telegram/bot.ts';
import { createAdmin } from '../src/admin/admin.ts';
import { createAdminCommands, type AdminCommands } from '../src/admin/commands.ts';
import type { KnowledgeStore } from '../src/runtime/knowledge-store.ts';
import { openState, type State } from '../src/state/index.ts';

type Given<D> = Omit<D, 'admin' | 'state'> & { admin?: AdminCommands; state?: State };

function adminFor(
  store: KnowledgeStore,
  state: State | undefined,
  ids: { telegram?: Iterable<number>; slack?: Iterable<string> },
  deps: { log: TelegramDeps['log'] },
): AdminCommands {
  return createAdminCommands(
    createAdmin(store, state ?? openState(':memory:')),
    { telegram: new Set([...(ids.telegram ?? [])].map(String)), slack: new Set(ids.slack ?? []) },
    deps.log,
  );
}

export function telegramDeps(given: Given<TelegramDeps>): TelegramDeps {
  const state = given.state ?? openState(':memory:');
  return { ...given, state, admin: given.admin ?? adminFor(given.store, state, { telegram: given.config.adminIds }, given) };
}

export function slackDeps(given: Given<SlackDeps>): SlackDeps {
  const { state, ...deps } = given;
  return { ...deps, admin: given.admin ?? adminFor(given.store, state, { slack: given.config.adminIds }, given) };
}
