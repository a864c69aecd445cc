// Shared test helpers: the shipped knowledge, loaded once, and temp copies to break on purpose.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createEngine, type Engine, type EngineOptions } from '../src/answer/engine.ts';
import { loadKnowledge } from '../src/knowledge/load.ts';
import type { Knowledge } from '../src/knowledge/types.ts';

export const ROOT = resolve(import.meta.dirname, '..');
export const KNOWLEDGE_DIR = join(ROOT, 'knowledge');
export const AGREEMENT_DIR = join(KNOWLEDGE_DIR, 'bg-tn-2023');

let shipped: Promise<Knowledge> | undefined;

export function shippedKnowledge(): Promise<Knowledge> {
  shipped ??= loadKnowledge(KNOWLEDGE_DIR).then((o) => {
    if (!o.ok) throw new Error(`shipped knowledge is invalid: ${JSON.stringify(o.errors.slice(0, 3))}`);
    return o.knowledge;
  });
  return shipped;
}

/** An engine on the shipped knowledge, with the clock fixed (default: today, so the 2023–2025 period has ended). */
export async function shippedEngine(options: EngineOptions = {}): Promise<Engine> {
  return createEngine(await shippedKnowledge(), { now: () => new Date('2026-11-27T00:00:00Z'), ...options });
}

/** A writable copy of the shipped knowledge folder, for tests that break or extend it. */
export async function knowledgeCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'mou-knowledge-'));
  await cp(KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

/** A writable copy of the shipped knowledge, loaded: for a live store whose files a test then changes. */
export async function loadedCopy(): Promise<{ dir: string; knowledge: Knowledge }> {
  const dir = await knowledgeCopy();
  const outcome = await loadKnowledge(dir);
  if (!outcome.ok) throw new Error(`knowledge copy is invalid: ${JSON.stringify(outcome.errors.slice(0, 3))}`);
  return { dir, knowledge: outcome.knowledge };
}

/** Rewrites one file of a knowledge copy with a string replacement; fails loudly if the text is not there. */
export async function edit(dir: string, file: string, from: string | RegExp, to: string): Promise<void> {
  const path = join(dir, file);
  const text = await readFile(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit: ${String(from)} not found in ${file}`);
  await writeFile(path, next);
}
