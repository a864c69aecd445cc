// Where an entry is in its YAML file. Validation works on parsed values, which have no positions,
// so an error says `commitments[17].responsible[0].party`; this finds that entry's line and column
// by parsing the file again with the yaml package, which keeps every node's place. It runs only
// for files with errors, so loading valid knowledge costs nothing more.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export interface Position {
  line: number;
  column: number;
}

/** `commitments[3].responsible[0].party` → ['commitments', 3, 'responsible', 0, 'party'] (keys are plain names). */
export function pathSegments(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] as string)));
}

/** The child of a mapping or sequence at `key`: for a mapping, the value, or the key when there is no value. */
function child(node: unknown, key: string | number): Node | undefined {
  if (isSeq(node) && typeof key === 'number') return node.items[key] as Node | undefined;
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
  if (!pair) return undefined;
  const value = pair.value as Node | null;
  return value?.range ? value : (pair.key as Node);
}

/** Finds entries of one file's text; the text is parsed once, on the first lookup. */
export function locator(text: string): (path: string) => Position | undefined {
  let parsed: { doc: ReturnType<typeof parseDocument>; lines: LineCounter } | undefined;
  return (path) => {
    if (!parsed) {
      const lines = new LineCounter();
      parsed = { doc: parseDocument(text, { lineCounter: lines }), lines };
    }
    // The deepest node on the path that exists: an entry that lacks a required key is pointed at.
    let node: Node | undefined = parsed.doc.contents ?? undefined;
    for (const key of pathSegments(path)) {
      const next = child(node, key);
      if (!next) break;
      node = next;
    }
    if (!node?.range) return undefined;
    const { line, col } = parsed.lines.linePos(node.range[0]);
    return { line, column: col };
  };
}
