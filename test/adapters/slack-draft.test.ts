// Drafting in chat and a reviewed folder going live, in a Slack DM (issue 15, part 3), end to end
// through the real Bolt app's HTTP receiver and the fake Slack: file_share messages as the Events
// API sends them (https://docs.slack.dev/reference/events/message/file_share), the file fetched
// from url_private with the bot token, the draft's zip uploaded as files.uploadV2 does it
// (files.getUploadURLExternal, the bytes to upload_url, files.completeUploadExternal), and the
// Apply button as a block_actions request. The .docx is rendered in the test; nothing binary is committed.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../adapters/slack/run.ts';
import { UPLOAD_ACTION } from '../../adapters/slack/files.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { openState, type State } from '../../src/state/index.ts';
import { slackDeps } from '../../testkit/deps.ts';
import { FAKE_BOT_TOKEN, type FakeSlack, type SlackCall, type SlackFile, startFakeSlack } from '../../testkit/fakes/slack-api.ts';
import { SIGNING_SECRET, type SlackClient, slackClient } from '../../testkit/slack-client.ts';
import { hoLamVanKhe } from '../../testkit/formal/ho-lam-van-khe.ts';
import { toDocx } from '../../testkit/formal/render.ts';
import { loadedCopy } from '../helpers.ts';

const ADMIN = 'U0ADMIN001';
const OFFICIAL = 'U0OFFICIAL';
const QUESTION = 'Ai phụ trách tuyến đường ĐT.412?';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let fake: FakeSlack;
let app: SlackAdapter;
let slack: SlackClient;
let dir: string;
let store: KnowledgeStore;
let state: State;
let docx: Buffer;
let seq = 0;

beforeEach(async () => {
  fake = await startFakeSlack();
  const copy = await loadedCopy();
  dir = copy.dir;
  store = createKnowledgeStore(dir, copy.knowledge);
  state = openState(':memory:');
  docx ??= await toDocx(hoLamVanKhe);
  app = await startSlack(
    slackDeps({
      config: { botToken: FAKE_BOT_TOKEN, signingSecret: SIGNING_SECRET, port: 0, apiUrl: fake.apiUrl, adminIds: new Set([ADMIN]) },
      store,
      state,
      knowledgeDir: dir,
      log: pino({ level: 'silent' }),
      pageSize: 8,
    }),
  );
  slack = slackClient(app.port ?? 0);
});
afterEach(async () => {
  await app.stop();
  await fake.close();
  state.close();
  await rm(dir, { recursive: true, force: true });
});

const tsNow = () => `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, '0')}`;
const dmOf = (user: string) => `D0${user.slice(2)}`;
const postsTo = (channel: string) => fake.of('chat.postMessage').filter((c) => c.payload.channel === channel);
const shown = (c: SlackCall | undefined) => `${String(c?.payload.text ?? '')}\n${JSON.stringify(c?.payload.blocks ?? [])}`;

/** The next message the app posts in a channel, once it has posted `seen` there. */
async function nextPost(channel: string, seen: number): Promise<SlackCall> {
  await fake.waitFor(() => postsTo(channel).length > seen, `message ${seen + 1} in ${channel}`);
  return postsTo(channel)[seen] as SlackCall;
}

/** A message in the user's DM with the app, as the Events API delivers it; with files, a file_share. */
async function dm(user: string, text: string, files?: SlackFile[]): Promise<void> {
  const ts = tsNow();
  const res = await slack.event(
    {
      type: 'message',
      ...(files ? { subtype: 'file_share', files, upload: true, display_as_bot: false } : {}),
      text,
      user,
      ts,
      channel: dmOf(user),
      event_ts: ts,
      channel_type: 'im',
    },
    `Ev0DRAFT${++seq}`,
  );
  expect(res.status).toBe(200);
}

/** Asks a question in the admin's DM; the answer as shown. */
async function ask(question: string): Promise<string> {
  const seen = postsTo(dmOf(ADMIN)).length;
  await dm(ADMIN, question);
  return shown(await nextPost(dmOf(ADMIN), seen));
}

describe('an agreement document shared in a DM', () => {
  it('comes back drafted, as a summary and an uploaded zip; the zip shared back goes live on Apply', async () => {
    const before = await ask(QUESTION);
    const channel = dmOf(ADMIN);

    let seen = postsTo(channel).length;
    await dm(ADMIN, '', [fake.addFile({ name: 'Biên bản HL-VK.docx', bytes: docx, user: ADMIN, mimetype: DOCX, filetype: 'docx' })]);
    const summary = await nextPost(channel, seen);
    expect(String(summary.payload.text)).toContain('Bản nháp / Draft: _drafts/');
    expect(String(summary.payload.text)).toMatch(/Commitments: \d+/);
    await fake.waitFor((c) => c.method === 'files.completeUploadExternal', 'the zip shared');
    // The file came from url_private with the bot token.
    expect(fake.of('files:download').map((c) => c.payload.authorized)).toEqual([true]);
    const [zip] = fake.uploads();
    expect(zip?.channel_id).toBe(channel);
    expect(zip?.filename).toMatch(/^[a-z0-9-]+\.zip$/);
    const id = (zip?.filename ?? '').replace(/\.zip$/, '');
    expect(Object.keys(unzipSync(new Uint8Array(zip?.bytes ?? [])))).toContain(`${id}/commitments.yaml`);

    // Nothing live changed.
    const live = await loadKnowledge(dir);
    expect(live.ok && live.knowledge.agreements.map((a) => a.id)).toEqual(['bg-tn-2023']);
    expect(await ask(QUESTION)).toBe(before);

    // The reviewed zip, shared back: the change report with Apply / Cancel.
    seen = postsTo(channel).length;
    await dm(ADMIN, '', [
      fake.addFile({ name: zip?.filename ?? '', bytes: zip?.bytes ?? '', user: ADMIN, mimetype: 'application/zip', filetype: 'zip' }),
    ]);
    const report = await nextPost(channel, seen);
    expect(shown(report)).toContain(`${id}/: hợp lệ`);
    const apply = (report.payload.blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === UPLOAD_ACTION.apply);
    expect(apply).toBeDefined();
    expect(store.engine().knowledge.agreements.map((a) => a.id)).toEqual(['bg-tn-2023']);

    await slack.blockAction({ action_id: UPLOAD_ACTION.apply, value: apply?.value ?? '' }, { id: ADMIN }, fake.responseUrl('apply'), {
      container: { type: 'message', channel_id: channel, message_ts: report.result?.ts, is_ephemeral: false },
      channel: { id: channel },
    });
    const done = await fake.waitFor((c) => c.method === 'response_url:apply', 'the outcome of Apply');
    expect(done.payload).toMatchObject({ replace_original: true });
    expect(String(done.payload.text)).toMatch(/Đã nạp lại/);
    expect(
      store
        .engine()
        .knowledge.agreements.map((a) => a.id)
        .sort(),
    ).toEqual(['bg-tn-2023', id].sort());
    const after = await ask(QUESTION);
    expect(after).not.toBe(before);
    expect(after).toContain('Sở Giao thông vận tải tỉnh Hồ Lam');
    expect(state.audit.recent(20).map((e) => `${e.action} ${e.outcome}`)).toEqual(
      expect.arrayContaining(['draft ok', 'upload ok', 'reload ok']),
    );
  });

  it('answers the question of a document shared with words, as before', async () => {
    const channel = dmOf(ADMIN);
    await dm(ADMIN, 'C18', [fake.addFile({ name: 'hl-vk.docx', bytes: docx, user: ADMIN, filetype: 'docx' })]);
    expect(shown(await nextPost(channel, 0))).toContain('Kép - Lưu Xá');
    expect(fake.of('files:download')).toHaveLength(0);
  });
});

describe('refusals', () => {
  it('refuses a non-admin before downloading, and audits it', async () => {
    await dm(OFFICIAL, '', [fake.addFile({ name: 'hl-vk.docx', bytes: docx, user: OFFICIAL, filetype: 'docx' })]);
    expect(String((await nextPost(dmOf(OFFICIAL), 0)).payload.text)).toMatch(/chỉ quản trị viên/);
    expect(fake.of('files:download')).toHaveLength(0);
    expect(fake.uploads()).toEqual([]);
    expect(state.audit.recent(5)[0]).toMatchObject({ platform: 'slack', userId: OFFICIAL, action: 'draft', outcome: 'refused' });
  });

  it('lets only the admin who shared the zip apply it', async () => {
    // The live agreement's own folder, zipped as an admin would after editing it.
    const files: Record<string, Uint8Array> = {};
    for (const name of await readdir(join(dir, 'bg-tn-2023')))
      files[`bg-tn-2023/${name}`] = new Uint8Array(await readFile(join(dir, 'bg-tn-2023', name)));
    await dm(ADMIN, '', [fake.addFile({ name: 'bg-tn-2023.zip', bytes: zipSync(files), user: ADMIN, filetype: 'zip' })]);
    const report = await nextPost(dmOf(ADMIN), 0);
    const value = JSON.stringify(report.payload.blocks).match(/"value":"([0-9a-f]+)"/)?.[1] ?? '';
    await slack.blockAction({ action_id: UPLOAD_ACTION.apply, value }, { id: OFFICIAL }, fake.responseUrl('other'));
    const refused = await fake.waitFor((c) => c.method === 'response_url:other', 'the answer to another user');
    expect(refused.payload).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(await readdir(dir)).not.toContain('_backups');
    // The admin still can.
    await slack.blockAction({ action_id: UPLOAD_ACTION.apply, value }, { id: ADMIN }, fake.responseUrl('admin'));
    expect(String((await fake.waitFor((c) => c.method === 'response_url:admin', 'the outcome')).payload.text)).toMatch(/Bản cũ/);
    expect(await readdir(join(dir, '_backups'))).toHaveLength(1);
  });

  it.each([
    ['a file type it does not take', 'setup.exe', 4096, /Chỉ nhận các tệp: tài liệu văn bản/],
    ['a document over the limit', 'scan.pdf', 21 * 1024 * 1024, /Tài liệu quá lớn \(tối đa 20 MB\)/],
  ])('tells an admin about %s, without a download', async (_what, name, size, why) => {
    const file = { ...fake.addFile({ name, bytes: 'MZ', user: ADMIN }), size };
    await dm(ADMIN, '', [file]);
    expect(String((await nextPost(dmOf(ADMIN), 0)).payload.text)).toMatch(why);
    expect(fake.of('files:download')).toHaveLength(0);
  });
});

describe('the fake file server', () => {
  it('serves url_private only with the bot token, as Slack does', async () => {
    const file = fake.addFile({ name: 'a.txt', bytes: 'nội dung', user: ADMIN });
    const without = await fetch(file.url_private);
    expect(without.headers.get('content-type')).toMatch(/^text\/html/);
    const withToken = await fetch(file.url_private, { headers: { Authorization: `Bearer ${FAKE_BOT_TOKEN}` } });
    expect(await withToken.text()).toBe('nội dung');
  });
});
