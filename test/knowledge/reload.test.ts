// Reload: atomic swaps, change reports, broken files that never take the bot down, and the
// file watcher that triggers it.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changeLines, diffKnowledge } from '../../src/knowledge/diff.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import type { Knowledge } from '../../src/knowledge/types.ts';
import { watchKnowledge } from '../../src/knowledge/watch.ts';
import { edit, knowledgeCopy } from '../helpers.ts';

const C = 'bg-tn-2023/commitments.yaml';
let dir: string;
let store: KnowledgeStore;
let initial: Knowledge;

beforeEach(async () => {
  dir = await knowledgeCopy();
  const o = await loadKnowledge(dir);
  if (!o.ok) throw new Error('copy is invalid');
  initial = o.knowledge;
  store = createKnowledgeStore(dir, initial);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('change report', () => {
  it('lists added, removed and changed entries and every status change', async () => {
    // C18 becomes done; C36 is removed; a person's title changes.
    await edit(dir, C, /(- id: C18\n(?:.*\n)*? {4}status: )pending/, '$1done');
    const text = await readFile(join(dir, C), 'utf8');
    await writeFile(join(dir, C), text.replace(/\n {2}- id: C36\n[\s\S]*$/, '\n'));
    await edit(
      dir,
      'bg-tn-2023/people.yaml',
      "en: Chair of the Provincial People's Council",
      "en: Chairperson of the Provincial People's Council",
    );
    const r = await store.reload();
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.changed).toBe(true);
    expect(r.changes.removed.commitment).toEqual(['bg-tn-2023/C36']);
    expect(r.changes.changed.commitment).toEqual(['bg-tn-2023/C18']);
    expect(r.changes.statusChanges).toEqual([{ key: 'bg-tn-2023/C18', from: 'pending', to: 'done' }]);
    expect(r.changes.changed.person.length).toBeGreaterThan(0);
    expect(changeLines(r.changes)).toEqual(
      expect.arrayContaining(['bg-tn-2023/C18: pending → done', 'cam kết: bỏ bg-tn-2023/C36; sửa bg-tn-2023/C18']),
    );
    // The new knowledge answers at once.
    expect(store.engine().ask('C18').items[0]).toMatchObject({ status: { status: 'done' } });
  });

  it('says so when a reload changes nothing', async () => {
    const r = await store.reload();
    expect(r).toMatchObject({ ok: true, changed: false });
    if (r.ok) expect(changeLines(diffKnowledge(initial, store.engine().knowledge))).toEqual(['Không có thay đổi nội dung.']);
  });
});

describe('a broken file', () => {
  it('keeps the old knowledge live and reports the errors', async () => {
    const before = store.engine();
    await edit(dir, C, 'party: bo-gtvt', 'party: nobody');
    const r = await store.reload();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.message).toMatch(/unknown person or body id "nobody"/);
    expect(store.engine()).toBe(before);
    expect(store.engine().ask('ai phu trach ngam tam kha').found).toBe(true);
  });
});

describe('reload under load', () => {
  it('answers every question from one whole version while 50 reloads alternate valid and broken', async () => {
    const good = await readFile(join(dir, C), 'utf8');
    const changed = good.replace(/(- id: C18\n(?:.*\n)*? {4}status: )pending/, '$1done');
    const broken = good.replace('party: bo-gtvt', 'party: nobody');
    const versions = new Set([store.engine().knowledge.version]);
    let answers = 0;
    let failures = 0;
    let asking = true;
    // The question loop yields between questions, so reloads interleave with it.
    const loop = (async () => {
      while (asking) {
        const engine = store.engine();
        const a = engine.ask('ai phu trach duong sat kep luu xa');
        answers++;
        if (!a.found || a.intent === 'unknown') failures++;
        if (!versions.has(engine.knowledge.version)) versions.add(engine.knowledge.version);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const reports: boolean[] = [];
    for (let i = 0; i < 50; i++) {
      await writeFile(join(dir, C), i % 2 === 0 ? broken : i % 4 === 1 ? changed : good);
      const r = await store.reload();
      reports.push(r.ok);
      if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
    }
    asking = false;
    await loop;
    expect(failures).toBe(0);
    expect(answers).toBeGreaterThan(50);
    expect(reports.filter((ok) => !ok)).toHaveLength(25);
    // Only whole versions were ever served: the original and the one with C18 done.
    expect(versions.size).toBeLessThanOrEqual(2);
  });
});

describe('the file watcher', () => {
  it('fires once, after a burst of saves', async () => {
    let fired = 0;
    let resolveFired: () => void = () => undefined;
    const firedOnce = new Promise<void>((r) => (resolveFired = r));
    const watcher = watchKnowledge(
      dir,
      () => {
        fired++;
        resolveFired();
      },
      100,
    );
    for (let i = 0; i < 5; i++) await writeFile(join(dir, C), `${await readFile(join(dir, C), 'utf8')}\n`);
    await firedOnce;
    watcher.close();
    expect(fired).toBe(1);
  });
});
