// Reload on file changes. An editor's save (write a temp file, rename it over the old one) fires
// several events; the debounce turns a burst into one reload.
import { watch, type FSWatcher } from 'node:fs';

export interface KnowledgeWatcher {
  close(): void;
}

export interface WatchOptions {
  /** Quiet time after the last event before `onChange` runs, in ms. Default 400. */
  debounceMs?: number;
  /** The event source. Default: node's recursive fs.watch on `dir`; tests pass their own to drive time by hand. */
  watchDir?: (dir: string, listener: () => void) => Pick<FSWatcher, 'close'>;
}

const watchRecursively = (dir: string, listener: () => void) => watch(dir, { recursive: true }, listener);

/** Calls `onChange` once per burst of changes under `dir`, `debounceMs` after the last one. */
export function watchKnowledge(dir: string, onChange: () => void, options: WatchOptions = {}): KnowledgeWatcher {
  const debounceMs = options.debounceMs ?? 400;
  let timer: NodeJS.Timeout | undefined;
  const watcher = (options.watchDir ?? watchRecursively)(dir, () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
