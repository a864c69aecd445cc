// Drafting in chat and a reviewed folder going live (issue 15, part 3), on the core: an invented
// formal agreement as .docx is drafted into _drafts/ with nothing live changed; its zip, sent back,
// is checked, shown as a change report and put live only on confirmation, the old folder backed up.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Admin, createAdmin, type Who } from '../../src/admin/admin.ts';
import { draftUpload, prepareFolderUpload } from '../../src/admin/draft-upload.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { openState, type State } from '../../src/state/index.ts';
import { hoLamVanKhe } from '../../testkit/formal/ho-lam-van-khe.ts';
import { toDocx } from '../../testkit/formal/render.ts';
import { loadedCopy } from '../helpers.ts';

const ADMIN: Who = { platform: 'telegram', userId: '42', userName: 'Quản trị' };
let dir: string;
let state: State;
let store: KnowledgeStore;
let admin: Admin;

beforeEach(async () => {
  const copy = await loadedCopy();
  dir = copy.dir;
  state = openState(':memory:');
  store = createKnowledgeStore(dir, copy.knowledge);
  admin = createAdmin(store, state);
});
afterEach(async () => {
  state.close();
  await rm(dir, { recursive: true, force: true });
});

const audit = () => state.audit.recent(20).map((e) => `${e.action} ${e.outcome}: ${e.detail}`);

async function drafted(): Promise<{ id: string; zip: Uint8Array }> {
  const r = await draftUpload(dir, admin, ADMIN, 'Biên bản HL-VK.docx', new Uint8Array(await toDocx(hoLamVanKhe)));
  const file = r.files[0];
  if (!file) throw new Error(r.reply.title);
  return { id: file.name.replace(/\.zip$/, ''), zip: file.bytes };
}

describe('a document sent to the bot', () => {
  it('is drafted into _drafts/<id>/, summarised, and sent back as a zip; nothing live changes', async () => {
    const before = store.engine().knowledge.version;
    const r = await draftUpload(dir, admin, ADMIN, 'Biên bản HL-VK.docx', new Uint8Array(await toDocx(hoLamVanKhe)));
    expect(r.reply.ok).toBe(true);
    expect(r.reply.title).toContain('_drafts/');
    expect(r.reply.lines.join('\n')).toMatch(/Commitments: \d+/);
    const zip = r.files[0];
    expect(zip?.name).toMatch(/^[a-z0-9-]+\.zip$/);
    const id = zip?.name.replace(/\.zip$/, '') as string;
    const entries = Object.keys(unzipSync(zip?.bytes as Uint8Array)).sort();
    expect(entries).toEqual(
      [
        `${id}/agreement.yaml`,
        `${id}/bodies.yaml`,
        `${id}/commitments.yaml`,
        `${id}/people.yaml`,
        `${id}/results.yaml`,
        `${id}/source.txt`,
      ].sort(),
    );
    expect((await readdir(join(dir, '_drafts', id))).sort()).toContain('commitments.yaml');
    // The loader skips drafts: the live knowledge is what it was.
    const live = await loadKnowledge(dir);
    expect(live.ok && live.knowledge.agreements.map((a) => a.id)).toEqual(['bg-tn-2023']);
    expect(store.engine().knowledge.version).toBe(before);
    expect(audit()[0]).toMatch(/^draft ok: Biên bản HL-VK\.docx → _drafts\//);
  });

  it('says plainly why a file cannot be drafted', async () => {
    const r = await draftUpload(dir, admin, ADMIN, 'empty.txt', strToU8(''));
    expect(r.reply.ok).toBe(false);
    expect(r.reply.title).toMatch(/Cannot draft/);
    expect(r.files).toEqual([]);
    expect(audit()[0]).toMatch(/^draft failed/);
  });
});

describe('a zip of an agreement folder', () => {
  it('is checked and reported, goes live only when applied, and is answered from', async () => {
    const { id, zip } = await drafted();
    const prepared = await prepareFolderUpload(dir, store, admin, ADMIN, zip);
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    expect(prepared.reply.title).toContain(`${id}/: hợp lệ`);
    expect(prepared.reply.lines.join('\n')).toContain(id);
    // Not applied yet.
    expect(store.engine().knowledge.agreements.map((a) => a.id)).toEqual(['bg-tn-2023']);
    const done = await prepared.apply();
    expect(done.ok).toBe(true);
    expect(
      store
        .engine()
        .knowledge.agreements.map((a) => a.id)
        .sort(),
    ).toEqual(['bg-tn-2023', id].sort());
    const a = store.engine().ask('Ai phụ trách tuyến đường ĐT.412?');
    expect(a.items.some((i) => i.agreement === id)).toBe(true);
  });

  it('replaces an agreement folder, keeping the old one under _backups/, which the loader skips', async () => {
    const live = join(dir, 'bg-tn-2023');
    const files: Record<string, Uint8Array> = {};
    for (const name of await readdir(live)) files[name] = new Uint8Array(await readFile(join(live, name)));
    const text = new TextDecoder().decode(files['commitments.yaml']);
    files['commitments.yaml'] = strToU8(text.replace('Tiếp tục phối hợp đầu tư Đường Vành đai 5', 'Phối hợp đầu tư Đường Vành đai 5'));
    const prepared = await prepareFolderUpload(dir, store, admin, ADMIN, zipSync(files));
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    expect(prepared.reply.lines.join('\n')).toContain('C20');
    const done = await prepared.apply();
    expect(done.lines[0]).toMatch(/^Bản cũ \/ previous version: _backups\/bg-tn-2023\./);
    expect(await readdir(join(dir, '_backups'))).toHaveLength(1);
    const reloaded = await loadKnowledge(dir);
    expect(reloaded.ok && reloaded.knowledge.agreements.map((x) => x.id)).toEqual(['bg-tn-2023']);
    expect(store.engine().knowledge.agreements[0]?.commitments.find((c) => c.id === 'C20')?.title.vi).toContain('Phối hợp đầu tư');
  });

  it('refuses a folder with errors, listing them, and changes nothing', async () => {
    const { zip } = await drafted();
    const entries = unzipSync(zip);
    const name = Object.keys(entries).find((n) => n.endsWith('/commitments.yaml')) as string;
    entries[name] = strToU8('commitments:\n  - id: C1\n    area: nowhere\n');
    const prepared = await prepareFolderUpload(dir, store, admin, ADMIN, zipSync(entries));
    expect(prepared.ok).toBe(false);
    expect(prepared.reply.title).toMatch(/lỗi; chưa thay đổi gì/);
    expect(prepared.reply.lines.length).toBeGreaterThan(0);
    expect(store.engine().knowledge.agreements.map((a) => a.id)).toEqual(['bg-tn-2023']);
    expect(audit()[0]).toMatch(/^upload failed/);
  });

  it.each([
    ['a file it does not know', { 'x/agreement.yaml': strToU8('id: x-1\n'), 'x/notes.exe': strToU8('MZ') }, /not accepted: notes\.exe/],
    ['two folders', { 'a/agreement.yaml': strToU8('id: a\n'), 'b/people.yaml': strToU8('people: []\n') }, /one agreement folder/],
    ['a path that leaves its folder', { '../agreement.yaml': strToU8('id: a\n') }, /one agreement folder/],
    ['no agreement.yaml', { 'x/people.yaml': strToU8('people: []\n') }, /no agreement\.yaml/],
    ['an id that is not one', { 'agreement.yaml': strToU8('id: ../etc\n') }, /valid `id`/],
  ])('refuses %s', async (_what, files, why) => {
    const prepared = await prepareFolderUpload(dir, store, admin, ADMIN, zipSync(files));
    expect(prepared.ok).toBe(false);
    expect(prepared.reply.title).toMatch(why);
  });

  it('refuses a zip that would unpack to more than its limit, before inflating it', async () => {
    const big = zipSync({ 'agreement.yaml': new Uint8Array(6 * 1024 * 1024) }, { level: 9 });
    expect(big.byteLength).toBeLessThan(100_000);
    const prepared = await prepareFolderUpload(dir, store, admin, ADMIN, big);
    expect(prepared.ok).toBe(false);
    expect(prepared.reply.title).toMatch(/unpacks to over 5 MB/);
  });

  it('refuses an entry whose compressed size passes what it says it unpacks to, without inflating it', async () => {
    // A "zip bomb" that declares a small size: 6 MB of zeros compresses to a few KB; the headers then
    // claim 100 bytes.
    const zip = zipSync({ 'agreement.yaml': new Uint8Array(6 * 1024 * 1024) }, { level: 9 });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = 0; i + 4 <= zip.byteLength; i++) {
      const signature = view.getUint32(i, true);
      if (signature === 0x04034b50) view.setUint32(i + 22, 100, true);
      if (signature === 0x02014b50) view.setUint32(i + 24, 100, true);
    }
    const started = performance.now();
    const prepared = await prepareFolderUpload(dir, store, admin, ADMIN, zip);
    expect(prepared.reply.title).toMatch(/cannot be read/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a folder whose source file is missing, or named as a path out of the folder', async () => {
    const { zip } = await drafted();
    const entries = unzipSync(zip);
    const source = Object.keys(entries).find((n) => n.endsWith('/source.txt')) as string;
    const noSource = { ...entries };
    delete noSource[source];
    expect((await prepareFolderUpload(dir, store, admin, ADMIN, zipSync(noSource))).reply.title).toMatch(/has no source\.txt/);
    const name = Object.keys(entries).find((n) => n.endsWith('/agreement.yaml')) as string;
    const yaml = new TextDecoder().decode(entries[name]).replace(/file: source\.txt/, 'file: ../../../../etc/hostname');
    const outside = { ...entries, [name]: strToU8(yaml) };
    const prepared = await prepareFolderUpload(dir, store, admin, ADMIN, zipSync(outside));
    expect(prepared.ok).toBe(false);
  });

  it('puts the previous folder back when the reload after confirming fails', async () => {
    const live = join(dir, 'bg-tn-2023');
    const files: Record<string, Uint8Array> = {};
    for (const name of await readdir(live)) files[name] = new Uint8Array(await readFile(join(live, name)));
    const prepared = await prepareFolderUpload(dir, store, admin, ADMIN, zipSync(files));
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    // Between the check and the confirmation, the glossary breaks (another admin's upload, say).
    await writeFile(join(dir, 'glossary.yaml'), 'areas: [not: valid\n');
    const before = await readFile(join(live, 'commitments.yaml'), 'utf8');
    const done = await prepared.apply();
    expect(done.ok).toBe(false);
    expect(done.lines[0]).toMatch(/previous folder is back/);
    expect(await readFile(join(live, 'commitments.yaml'), 'utf8')).toBe(before);
    expect(store.engine().knowledge.agreements.map((a) => a.id)).toEqual(['bg-tn-2023']);
  });

  it('refuses what is not a zip', async () => {
    const prepared = await prepareFolderUpload(dir, store, admin, ADMIN, strToU8('not a zip at all'));
    expect(prepared.reply.title).toMatch(/cannot be read/);
  });
});
