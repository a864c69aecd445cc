// The live knowledge: one engine at a time, swapped whole on reload. A reload loads, validates and
// indexes off to the side; only a complete engine replaces the old one, so a question never sees
// half of a reload, and a broken file never takes the bot down. It lives here, above both the
// knowledge and the answer layers, because it builds an engine for each knowledge version.
import { createEngine, type Engine, type EngineOptions } from '../answer/engine.ts';
import { diffKnowledge } from '../knowledge/diff.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { countsOf, type ReloadOutcome } from '../knowledge/reload-report.ts';
import type { Knowledge } from '../knowledge/types.ts';

export interface KnowledgeStore {
  /** The engine to ask now. Call it per question: a reload may have replaced it. */
  engine(): Engine;
  /** Reloads the folder; on failure the current knowledge stays live and the errors come back. */
  reload(): Promise<ReloadOutcome>;
}

export function createKnowledgeStore(dir: string, initial: Knowledge, options: EngineOptions = {}): KnowledgeStore {
  let current = createEngine(initial, options);
  // Reloads run one at a time; a second request while one runs waits for it and then runs again.
  let queue: Promise<unknown> = Promise.resolve();

  async function reloadOnce(): Promise<ReloadOutcome> {
    const started = performance.now();
    const outcome = await loadKnowledge(dir);
    const previousVersion = current.knowledge.version;
    if (!outcome.ok) return { ok: false, errors: outcome.errors, version: previousVersion, ms: Math.round(performance.now() - started) };
    const next = createEngine(outcome.knowledge, options);
    const changes = diffKnowledge(current.knowledge, outcome.knowledge);
    current = next;
    return {
      ok: true,
      version: outcome.knowledge.version,
      previousVersion,
      changed: outcome.knowledge.version !== previousVersion,
      changes,
      counts: countsOf(outcome.knowledge),
      ms: Math.round(performance.now() - started),
    };
  }

  return {
    engine: () => current,
    reload() {
      const run = queue.then(reloadOnce, reloadOnce);
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
