// The admin's route, as a real process: draft a .docx into <KNOWLEDGE_DIR>/_drafts/, see that the bot
// ignores it there, rename the folder, and the bot answers from it with no hand edits, beside the
// agreement it already knew.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine.ts';
import { renderText } from '../../src/answer/render-text.ts';
import type { CommitmentItem } from '../../src/answer/types.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { hoLamVanKhe } from '../../testkit/formal/ho-lam-van-khe.ts';
import { toDocx } from '../../testkit/formal/render.ts';
import { knowledgeCopy, ROOT } from '../helpers.ts';

function cli(args: string[], knowledgeDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: join(tmpdir(), `mou-draft-${process.pid}`) },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (stdout += d));
    child.stderr.on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

let knowledge: string;
let docx: string;
beforeAll(async () => {
  knowledge = await knowledgeCopy();
  docx = join(await mkdtemp(join(tmpdir(), 'mou-doc-')), 'bien-ban-hl-vk.docx');
  await writeFile(docx, await toDocx(hoLamVanKhe));
});
afterAll(() => rm(knowledge, { recursive: true, force: true }));

describe('mou-bot draft, then promote by renaming', () => {
  it('drafts into _drafts/<id>, prints a one-screen summary, and the live knowledge is unchanged', async () => {
    const r = await cli(['draft', docx, '--id', 'hl-vk-2024'], knowledge);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(24);
    expect(r.stdout).toContain(`→ ${join(knowledge, '_drafts', 'hl-vk-2024')}`);
    expect(r.stdout).toMatch(/Commitments: \d+ .*deadlines: \d+/);
    expect(r.stdout).toContain('Check: ok');
    const source = await readFile(join(knowledge, '_drafts', 'hl-vk-2024', 'source.txt'), 'utf8');
    expect(source).toContain('Giao Sở Giao thông vận tải tỉnh Hồ Lam chủ trì');
    const before = await loadKnowledge(knowledge);
    expect(before.ok && before.knowledge.agreements.map((a) => a.id)).toEqual(['bg-tn-2023']);
  });

  it('after the rename, check passes and the engine answers from the draft and from the old agreement', async () => {
    await rename(join(knowledge, '_drafts', 'hl-vk-2024'), join(knowledge, 'hl-vk-2024'));
    const check = await cli(['check'], knowledge);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^ok: 2 agreement\(s\)/);

    const loaded = await loadKnowledge(knowledge);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors.slice(0, 3)));
    const engine = createEngine(loaded.knowledge, { now: () => new Date('2025-01-15T00:00:00Z') });

    const lead = engine.ask('Ai phụ trách tuyến đường ĐT.412?');
    expect(lead.intent).toBe('responsibility');
    const c = lead.items.find((i): i is CommitmentItem => i.type === 'commitment' && i.agreement === 'hl-vk-2024');
    expect(c?.text).toContain('ĐT.412');
    expect(c?.roles).toContainEqual(
      expect.objectContaining({
        role: 'lead',
        basis: 'stated',
        party: expect.objectContaining({ name: 'Sở Giao thông vận tải tỉnh Hồ Lam' }),
      }),
    );
    // The coordinating department is shown with its own label, quoted from Điều 3.
    expect(renderText(lead)).toMatch(/Sở Giao thông vận tải tỉnh Vân Khê — phối hợp \[nêu rõ trong văn bản\]/);

    const chair = engine.ask('Chủ tịch UBND tỉnh Vân Khê là ai?');
    expect(chair.items.some((i) => i.type === 'person' && i.name === 'Hà Thị Ngọc Lan')).toBe(true);

    const signers = engine.ask('Ai ký biên bản ghi nhớ?');
    const names = signers.items.filter((i) => i.type === 'body').map((i) => i.title);
    expect(names).toEqual(expect.arrayContaining(['Ủy ban nhân dân tỉnh Hồ Lam', 'Ủy ban nhân dân tỉnh Vân Khê']));

    // The shipped agreement answers as before.
    const old = engine.ask('ai phu trach duong sat kep luu xa');
    expect(old.items.some((i) => i.type === 'commitment' && i.id === 'C18' && i.agreement === 'bg-tn-2023')).toBe(true);

    // The deadline is there for the engine to compare with a date, without reading text again.
    const road = loaded.knowledge.agreements.find((a) => a.id === 'hl-vk-2024')?.commitments.find((x) => x.text.includes('ĐT.412'));
    expect(road?.due).toMatchObject({ by: '2025-12-31', text: 'hoàn thành trước ngày 31/12/2025' });
  });

  it('exits 2 with a clear message for a file it cannot read, and prints usage without one', async () => {
    const missing = await cli(['draft', join(knowledge, 'nope.docx')], knowledge);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^cannot draft: .*nope\.docx: no such file/);
    const usage = await cli(['draft'], knowledge);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/mou-bot draft <file>/);
  });
});
