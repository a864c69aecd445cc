// Reload: atomic swaps, change reports, broken files that never take the bot down, and the
// file watcher that triggers it.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { changeLines, diffKnowledge } from '../../src/knowledge/diff.ts';
import { createKnowledgeStore, type KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import type { Knowledge } from '../../src/knowledge/types.ts';
import { watchKnowledge } from '../../src/knowledge/watch.ts';
import { edit, loadedCopy } from '../helpers.ts';

const C = 'bg-tn-2023/commitments.yaml';
let dir: string;
let store: KnowledgeStore;
let initial: Knowledge;

beforeEach(async () => {
  ({ dir, knowledge: initial } = await loadedCopy());
  store = createKnowledgeStore(dir, initial);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// A status other than pending must cite what supports it, so the edit brings its quote along.
const C18_DONE = 'done\n    status_source:\n      line: 28\n      quote: "khôi phục tuyến đường sắt Kép - Lưu Xá"\n';

describe('change report', () => {
  it('lists added, removed and changed entries and every status change', async () => {
    // C18 becomes done; C36 is removed; a person's title changes.
    await edit(dir, C, /(- id: C18\n(?:.*\n)*? {4}status: )pending\n/, `$1${C18_DONE}`);
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
  it('answers every question from one whole version, and the newest valid one, while 50 reloads alternate valid and broken', async () => {
    const good = await readFile(join(dir, C), 'utf8');
    const changed = good.replace(/(- id: C18\n(?:.*\n)*? {4}status: )pending\n/, `$1${C18_DONE}`);
    const broken = good.replace('party: bo-gtvt', 'party: nobody');
    const original = store.engine().knowledge.version;
    // Questions answered per knowledge version; C18's status tells which version answered.
    const answeredBy = new Map<string, number>();
    let mixed = 0;
    let asking = true;
    let onAsked: (() => void) | undefined;
    const nextQuestion = () => new Promise<void>((resolve) => (onAsked = resolve));
    // The question loop yields between questions, so reloads interleave with it.
    const loop = (async () => {
      while (asking) {
        const engine = store.engine();
        const c18 = engine.ask('C18').items.find((i) => i.id === 'C18');
        const status = c18 && 'status' in c18 ? c18.status.status : undefined;
        const version = engine.knowledge.version;
        if (status !== (version === original ? 'pending' : 'done')) mixed++;
        answeredBy.set(version, (answeredBy.get(version) ?? 0) + 1);
        onAsked?.();
        await new Promise((r) => setImmediate(r));
      }
    })();
    const outcomes: boolean[] = [];
    const loaded = new Set([original]);
    for (let i = 0; i < 50; i++) {
      await writeFile(join(dir, C), i % 2 === 0 ? broken : i % 4 === 1 ? changed : good);
      const r = await store.reload();
      outcomes.push(r.ok);
      if (r.ok) {
        loaded.add(r.version);
        expect(store.engine().knowledge.version, `reload ${i} swapped in what it loaded`).toBe(r.version);
      } else expect(r.errors.length).toBeGreaterThan(0);
      // At least one question is answered after each reload, from whatever is live then.
      await nextQuestion();
    }
    asking = false;
    await loop;
    expect(mixed).toBe(0);
    expect(outcomes.filter((ok) => !ok)).toHaveLength(25);
    // Both whole versions answered questions, the original and the one with C18 done, and nothing else.
    expect(loaded.size).toBe(2);
    expect([...answeredBy.keys()].sort()).toEqual([...loaded].sort());
  });
});

describe('the file watcher', () => {
  /** A stand-in for fs.watch that the test fires by hand, with the clock under its control too. */
  function manualWatcher() {
    let listener: () => void = () => undefined;
    let closed = false;
    return {
      watchDir: (_dir: string, l: () => void) => {
        listener = l;
        return { close: () => void (closed = true) };
      },
      fire: () => listener(),
      closed: () => closed,
    };
  }

  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires once per burst of events, after the burst has been quiet for the debounce time', () => {
    vi.useFakeTimers();
    const events = manualWatcher();
    let fired = 0;
    const watcher = watchKnowledge(dir, () => fired++, { debounceMs: 400, watchDir: events.watchDir });
    // An editor's save: several events, 50 ms apart.
    for (let i = 0; i < 5; i++) {
      events.fire();
      vi.advanceTimersByTime(50);
    }
    vi.advanceTimersByTime(349);
    expect(fired, 'not before the burst has been quiet for 400 ms').toBe(0);
    vi.advanceTimersByTime(1);
    expect(fired).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(fired, 'and only once for that burst').toBe(1);
    // The next burst fires again, once.
    events.fire();
    events.fire();
    vi.advanceTimersByTime(400);
    expect(fired).toBe(2);
    // Closing drops a pending reload and the watch itself.
    events.fire();
    watcher.close();
    vi.advanceTimersByTime(60_000);
    expect(fired).toBe(2);
    expect(events.closed()).toBe(true);
  });

  it('reloads after a burst of saves on disk (the real fs.watch)', async () => {
    let resolveFired: () => void = () => undefined;
    const fired = new Promise<void>((r) => (resolveFired = r));
    const watcher = watchKnowledge(dir, () => resolveFired(), { debounceMs: 100 });
    for (let i = 0; i < 5; i++) await writeFile(join(dir, C), `${await readFile(join(dir, C), 'utf8')}\n`);
    await fired;
    watcher.close();
  });
});
