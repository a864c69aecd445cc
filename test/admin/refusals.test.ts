// Every admin command, on both platforms, from a non-admin: refused, audited, and nothing changes.
// Being a Telegram group admin or a Slack workspace admin grants nothing: only the configured ids.
import { createHmac } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../adapters/slack/run.ts';
import { startTelegram, type TelegramAdapter } from '../../adapters/telegram/run.ts';
import { createAdmin } from '../../src/admin/admin.ts';
import { createAdminCommands, type AdminCommands } from '../../src/admin/commands.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { openState, type State } from '../../src/state/index.ts';
import { overlayOf } from '../../src/state/status-log.ts';
import { startFakeSlack, type FakeSlack } from '../../testkit/fakes/slack-api.ts';
import { startFakeTelegram, type FakeTelegram } from '../../testkit/fakes/telegram-api.ts';
import { KNOWLEDGE_DIR, knowledgeCopy, shippedKnowledge } from '../helpers.ts';
import { slackDeps, telegramDeps } from '../../testkit/deps.ts';
import { handled } from '../../testkit/handled.ts';

const SECRET = '0123456789abcdef0123456789abcdef';
let state: State;
let store: KnowledgeStore;
let admin: AdminCommands;
let tg: FakeTelegram;
let slackFake: FakeSlack;
let bot: TelegramAdapter;
let slack: SlackAdapter;

beforeAll(async () => {
  state = openState(':memory:');
  store = createKnowledgeStore(KNOWLEDGE_DIR, await shippedKnowledge(), { overlay: overlayOf(state.statusLog) });
  tg = await startFakeTelegram();
  slackFake = await startFakeSlack();
  const log = pino({ level: 'silent' });
  // One set of admin commands for both platforms, as src/main.ts wires it.
  admin = createAdminCommands(createAdmin(store, state), { telegram: new Set(['42']), slack: new Set(['UADMIN']) }, log);
  bot = await startTelegram(
    telegramDeps({
      config: { token: tg.token, apiRoot: tg.url, adminIds: new Set([42]) },
      store,
      admin,
      knowledgeDir: await knowledgeCopy(),
      log,
      pageSize: 8,
    }),
    { pollTimeoutSeconds: 1 },
  );
  slack = await startSlack(
    slackDeps({
      config: { botToken: 'xoxb-t', signingSecret: SECRET, port: 0, apiUrl: slackFake.apiUrl, adminIds: new Set(['UADMIN']) },
      store,
      admin,
      log,
      pageSize: 8,
    }),
  );
});
afterAll(async () => {
  await bot.stop();
  await slack.stop();
  await tg.close();
  await slackFake.close();
  state.close();
});

const GROUP = { id: -100500, type: 'supergroup' };
let nextUser = 7000;

describe('Telegram admin commands from a non-admin', () => {
  it.each(['/reload', '/capnhat C18 done xong', '/audit', '/digest weekly mon 08:00'])(
    '%s is refused in private chat and in a group (even from a group admin)',
    async (command) => {
      const before = {
        engine: store.engine(),
        audit: state.audit.recent(100).length,
        updates: state.statusLog.history('bg-tn-2023', 'C18').length,
      };
      const user = nextUser++;
      const inPrivate = tg.text(command, { fromId: user });
      await handled(tg, bot, inPrivate.updateId);
      const inGroup = tg.text(command, { fromId: user, chat: GROUP });
      await handled(tg, bot, inGroup.updateId);
      const replies = tg
        .of('sendMessage')
        .filter(
          (c) =>
            (c.payload.reply_parameters as { message_id?: number } | undefined)?.message_id === inPrivate.messageId ||
            (c.payload.reply_parameters as { message_id?: number } | undefined)?.message_id === inGroup.messageId,
        );
      expect(replies).toHaveLength(2);
      for (const r of replies) expect(r.payload.text).toMatch(/chỉ quản trị viên/);
      expect(store.engine()).toBe(before.engine);
      expect(state.statusLog.history('bg-tn-2023', 'C18')).toHaveLength(before.updates);
      const audit = state.audit.recent(100);
      expect(audit.length - before.audit).toBe(2);
      expect(audit.slice(0, 2).every((e) => e.outcome === 'refused' && e.userId === String(user))).toBe(true);
    },
  );

  it('refuses an uploaded knowledge file', async () => {
    const user = nextUser++;
    tg.addFile('doc1', 'x: 1');
    const id = tg.push({
      message: {
        message_id: 1,
        date: 0,
        chat: { id: user, type: 'private' },
        from: { id: user, is_bot: false, first_name: 'X' },
        document: { file_id: 'doc1', file_unique_id: 'u1', file_name: 'commitments.yaml', file_size: 4 },
      },
    });
    await handled(tg, bot, id);
    expect(tg.of('sendMessage').filter((c) => c.payload.chat_id === user)[0]?.payload.text).toMatch(/chỉ quản trị viên/);
    expect(state.audit.recent(1)[0]).toMatchObject({ action: 'upload', outcome: 'refused' });
  });
});

async function slackPost(body: string, contentType: string): Promise<Response> {
  const ts = Math.floor(Date.now() / 1000);
  const sig = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return fetch(`http://127.0.0.1:${slack.port}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sig },
    body,
  });
}

describe('Slack admin commands from a non-admin', () => {
  it.each(['reload', 'update C18 done xong', 'audit', 'digest weekly mon 08:00'])(
    '/mou %s is refused ephemerally (a workspace admin is no admin here)',
    async (text) => {
      const before = state.audit.recent(100).length;
      const id = `ref${nextUser++}`;
      await slackPost(
        new URLSearchParams({
          command: '/mou',
          text,
          user_id: 'UWORKSPACEADMIN',
          channel_id: 'C1',
          team_id: 'T1',
          response_url: slackFake.responseUrl(id),
          trigger_id: 't',
          is_enterprise_install: 'false',
        }).toString(),
        'application/x-www-form-urlencoded',
      );
      const r = await slackFake.waitFor((c) => c.method === `response_url:${id}`);
      expect(r.payload.response_type).toBe('ephemeral');
      expect(String(r.payload.text)).toMatch(/chỉ quản trị viên/);
      expect(state.audit.recent(100).length - before).toBe(1);
      expect(state.audit.recent(1)[0]).toMatchObject({ platform: 'slack', userId: 'UWORKSPACEADMIN', outcome: 'refused' });
    },
  );

  it('refuses the App Home reload button', async () => {
    const before = store.engine();
    await slackPost(
      new URLSearchParams({
        payload: JSON.stringify({
          type: 'block_actions',
          user: { id: 'UOTHER' },
          team: { id: 'T1' },
          api_app_id: 'A1',
          token: 'x',
          trigger_id: 't',
          container: { type: 'view' },
          actions: [{ type: 'button', action_id: 'mou_reload', block_id: 'b', action_ts: '1' }],
        }),
      }).toString(),
      'application/x-www-form-urlencoded',
    );
    const dm = await slackFake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.channel === 'UOTHER');
    expect(String(dm.payload.text)).toMatch(/chỉ quản trị viên/);
    expect(store.engine()).toBe(before);
  });
});
