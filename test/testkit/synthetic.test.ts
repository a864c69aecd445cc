// The benchmark's synthetic knowledge must be knowledge an admin could have written: it goes
// through the same loader and validation (every quote still on its line), and varies what it says.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { substitutions, writeSynthetic } from '../../testkit/synthetic.ts';
import { createEngine } from '../../src/answer/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { KNOWLEDGE_DIR } from '../helpers.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('synthetic agreements (testkit/synthetic.ts)', () => {
  it('validate, with distinct ids, people, places and figures', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mou-synthetic-'));
    dirs.push(dir);
    await writeSynthetic(KNOWLEDGE_DIR, 'bg-tn-2023', dir, 4, 7);
    const outcome = await loadKnowledge(dir);
    expect(outcome.ok ? [] : outcome.errors.slice(0, 5)).toEqual([]);
    if (!outcome.ok) return;
    const k = outcome.knowledge;
    expect(k.agreements).toHaveLength(4);
    expect(new Set(k.agreements.map((a) => a.id)).size).toBe(4);
    const [shipped, copy] = k.agreements.map((a) => a);
    expect(copy?.people.map((p) => p.name)).not.toEqual(shipped?.people.map((p) => p.name));
    expect(copy?.meta.provinces.map((p) => p.name)).not.toEqual(shipped?.meta.provinces.map((p) => p.name));
    expect(copy?.sourceLines.join('\n')).not.toMatch(/QL17|Lưu Xá|Dương Văn Thái/);
    // Searchable like the real one: a synthetic person is found by name.
    const person = copy?.people[0]?.name ?? '';
    expect(
      createEngine(k)
        .ask(`${person} là ai?`)
        .items.map((i) => i.agreement),
    ).toContain(copy?.id);
  });

  it('is the same for the same seed, and copy i does not depend on how many are made', () => {
    const text = 'Bí thư Tỉnh ủy Bắc Giang Dương Văn Thái, QL17, sông Cầu';
    expect(substitutions(7, 3).apply(text)).toBe(substitutions(7, 3).apply(text));
    expect(substitutions(7, 3).apply(text)).not.toBe(substitutions(8, 3).apply(text));
    expect(substitutions(7, 3).apply(text)).not.toBe(text);
  });
});
