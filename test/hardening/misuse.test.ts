// Misuse: admin rights come only from the immutable user id in the configured list. Spoofed names,
// a chat whose id is an admin's, an anonymous group admin, a forwarded admin message, a Slack user
// name or a workspace-admin flag: every admin command is refused and every refusal is audited with a
// log line ("audit":"refused") naming the real user id. (test/admin/refusals.test.ts checks the
// audit trail in the database and that nothing changes, for plain non-admins.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../adapters/slack/run.ts';
import { startTelegram, type TelegramAdapter } from '../../adapters/telegram/run.ts';
import { ADMIN_COMMANDS } from '../../src/admin/commands.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { BOT_USER, startFakeTelegram, type FakeTelegram } from '../../testkit/fakes/telegram-api.ts';
import { startFakeSlack, type FakeSlack } from '../../testkit/fakes/slack-api.ts';
import { KNOWLEDGE_DIR, shippedKnowledge } from '../helpers.ts';
import { SIGNING_SECRET, slackClient, type SlackClient } from '../../testkit/slack-client.ts';
import { captureLog, type CapturedLog } from './harness.ts';
import { slackDeps, telegramDeps } from '../../testkit/deps.ts';
import { handled } from '../../testkit/handled.ts';

const TG_ADMIN = 42;
const SLACK_ADMIN = 'UADMIN1';
const GROUP = { id: -100777, type: 'supergroup', title: 'Sở, ngành hai tỉnh' };
/** Telegram's sender for anonymous group admins. */
const GROUP_ANONYMOUS_BOT = { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' };

let store: KnowledgeStore;
let tg: FakeTelegram;
let slackFake: FakeSlack;
let bot: TelegramAdapter;
let app: SlackAdapter;
let tgLogs: CapturedLog;
let slackLogs: CapturedLog;
let slack: SlackClient;

beforeAll(async () => {
  store = createKnowledgeStore(KNOWLEDGE_DIR, await shippedKnowledge());
  tg = await startFakeTelegram();
  slackFake = await startFakeSlack();
  tgLogs = captureLog('info');
  slackLogs = captureLog('info');
  bot = await startTelegram(
    telegramDeps({
      config: { token: tg.token, apiRoot: tg.url, adminIds: new Set([TG_ADMIN]) },
      store,
      log: tgLogs.log,
      pageSize: 8,
      rateLimit: false,
    }),
    { pollTimeoutSeconds: 1 },
  );
  app = await startSlack(
    slackDeps({
      config: {
        botToken: 'xoxb-misuse-test',
        signingSecret: SIGNING_SECRET,
        port: 0,
        apiUrl: slackFake.apiUrl,
        adminIds: new Set([SLACK_ADMIN]),
      },
      store,
      log: slackLogs.log,
      pageSize: 8,
    }),
  );
  slack = slackClient(app.port ?? 0);
});
afterAll(async () => {
  await bot.stop();
  await app.stop();
  await tg.close();
  await slackFake.close();
});

/** The refusal log lines for one user and command. */
const refusals = (logs: CapturedLog, userId: string | number, command: string) =>
  logs.records().filter((r) => r.audit === 'refused' && String(r.userId) === String(userId) && String(r.command).startsWith(command));

let messageId = 50_000;
let nextUser = 9000;

/** Telegram senders and chats that must not pass for an admin. */
const telegramSpoofs: [string, () => { from: Record<string, unknown>; chat: Record<string, unknown>; extra?: Record<string, unknown> }][] =
  [
    ['an anonymous group admin', () => ({ from: GROUP_ANONYMOUS_BOT, chat: GROUP, extra: { sender_chat: GROUP } })],
    [
      "a private chat whose id is an admin's, from someone else",
      () => ({ from: { id: nextUser++, is_bot: false, first_name: 'Official' }, chat: { id: TG_ADMIN, type: 'private' } }),
    ],
    [
      'a user named like the admin (username, name "42")',
      () => ({ from: { id: nextUser++, is_bot: false, first_name: String(TG_ADMIN), username: 'admin', last_name: 'Admin' }, chat: GROUP }),
    ],
    [
      'a forwarded message from the admin',
      () => {
        const id = nextUser++;
        return {
          from: { id, is_bot: false, first_name: 'Staff' },
          chat: { id, type: 'private' },
          extra: { forward_origin: { type: 'user', date: 0, sender_user: { id: TG_ADMIN, is_bot: false, first_name: 'Admin' } } },
        };
      },
    ],
    [
      'a reply to the bot in a group',
      () => ({
        from: { id: nextUser++, is_bot: false, first_name: 'Staff' },
        chat: GROUP,
        extra: { reply_to_message: { message_id: 1, date: 0, chat: GROUP, from: BOT_USER, text: 'earlier' } },
      }),
    ],
  ];

/** Every admin-only command, by both its names, with a valid argument: "capnhat C12 done …", "update C12 done …". */
const ADMIN_ONLY = ADMIN_COMMANDS.filter((c) => c.access === 'admins').flatMap((c) =>
  [c.names.vi, c.names.en].map((name) => ({ name, args: c.example ? ` ${c.example}` : '' })),
);

describe('Telegram: only the configured numeric ids are admins', () => {
  const cases = ADMIN_ONLY.flatMap((c) =>
    telegramSpoofs.flatMap(([who, sender]) => [false, true].map((addressed) => [c.name, who, addressed, sender, c.args] as const)),
  );

  it.each(cases)('/%s from %s (addressed with @bot: %s) is refused and audited', async (command, _, addressed, sender, args) => {
    const before = store.engine();
    const { from, chat, extra } = sender();
    const audited = refusals(tgLogs, from.id as number, command).length;
    const text = `/${command}${addressed ? `@${BOT_USER.username}` : ''}${args}`;
    const id = ++messageId;
    const updateId = tg.push({
      message: {
        message_id: id,
        date: Math.floor(Date.now() / 1000),
        chat,
        from,
        text,
        entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]?.length ?? 0 }],
        ...extra,
      },
    });
    await handled(tg, bot, updateId);
    const reply = tg.of('sendMessage').find((c) => (c.payload.reply_parameters as { message_id?: number } | undefined)?.message_id === id);
    expect(reply?.payload.text).toMatch(/chỉ quản trị viên/);
    expect(store.engine()).toBe(before);
    // Audited under the real sender, never the chat or a name.
    expect(refusals(tgLogs, from.id as number, command)).toHaveLength(audited + 1);
  });
});

describe('Slack: only the configured user ids are admins', () => {
  // The same commands, by both names, after "/mou".
  const SLACK_ADMIN_COMMANDS = ADMIN_ONLY.map((c) => `${c.name}${c.args}`);

  const spoofs: [string, string, Record<string, string>][] = [
    ["a user whose name is the admin's id, in a channel", 'UNAMED1', { user_name: SLACK_ADMIN, channel_id: 'C1' }],
    ['the admin id in lower case, in a DM', SLACK_ADMIN.toLowerCase(), { channel_id: 'D1' }],
    [
      'a workspace admin of an Enterprise Grid install',
      'UWSADMIN',
      { channel_id: 'C2', is_enterprise_install: 'true', enterprise_id: 'E1', user_name: 'workspace-owner' },
    ],
  ];
  let n = 0;

  it.each(
    SLACK_ADMIN_COMMANDS.flatMap((c) =>
      spoofs.flatMap(([who, user, extra]) => [c, c.toUpperCase()].map((text) => [text, who, user, extra] as const)),
    ),
  )('/mou %s from %s is refused ephemerally and audited', async (text, _, user, extra) => {
    const before = store.engine();
    const id = `mis${++n}`;
    await slack.command(text, user, extra.channel_id ?? 'C1', slackFake.responseUrl(id), extra);
    const r = await slackFake.waitFor((c) => c.method === `response_url:${id}`);
    expect(r.payload.response_type).toBe('ephemeral');
    expect(String(r.payload.text)).toMatch(/chỉ quản trị viên/);
    expect(store.engine()).toBe(before);
    expect(refusals(slackLogs, user, text.split(' ')[0]?.toLowerCase() ?? '')).toHaveLength(1);
    slackLogs.lines.length = 0;
  });

  it('the App Home reload button, pressed by a workspace owner named like the admin, is refused and audited', async () => {
    const before = store.engine();
    await slack.blockAction(
      { action_id: 'mou_reload' },
      { id: 'UOWNER1', username: SLACK_ADMIN, name: SLACK_ADMIN, is_admin: true, is_owner: true },
      slackFake.responseUrl('home1'),
      { container: { type: 'view', view_id: 'V1' }, view: { id: 'V1', type: 'home' } },
    );
    const dm = await slackFake.waitFor((c) => c.method === 'chat.postMessage' && c.payload.channel === 'UOWNER1');
    expect(String(dm.payload.text)).toMatch(/chỉ quản trị viên/);
    expect(store.engine()).toBe(before);
    expect(refusals(slackLogs, 'UOWNER1', 'reload')).toHaveLength(1);
  });

  it('the App Home shows the reload button to configured admins only', async () => {
    for (const user of [SLACK_ADMIN.toLowerCase(), 'UOWNER1', SLACK_ADMIN])
      await slack.event({ type: 'app_home_opened', user, channel: 'D9', tab: 'home' }, `EvHome-${user}`);
    const views = await Promise.all(
      [SLACK_ADMIN.toLowerCase(), 'UOWNER1', SLACK_ADMIN].map((user) =>
        slackFake.waitFor((c) => c.method === 'views.publish' && c.payload.user_id === user),
      ),
    );
    expect(views.map((v) => JSON.stringify(v.payload.view).includes('mou_reload'))).toEqual([false, false, true]);
  });
});
