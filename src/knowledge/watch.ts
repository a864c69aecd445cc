// Reload on file changes. An editor's save (write a temp file, rename it over the old one) fires
// several events; the debounce turns a burst into one reload.
import { watch, type FSWatcher } from 'node:fs';

export interface KnowledgeWatcher {
  close(): void;
}

/** Calls `onChange` once per burst of changes under `dir`, `debounceMs` after the last one. */
export function watchKnowledge(dir: string, onChange: () => void, debounceMs = 400): KnowledgeWatcher {
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dir, { recursive: true }, () => {
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
