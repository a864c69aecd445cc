// What every step of the drafter reads: the source lines, their layout, the provinces, the glossary,
// and the registry of people and bodies found so far.
import type { Glossary } from '../knowledge/schema.ts';
import { type BodyContext, collectSectors, findProvinces } from './bodies.ts';
import { Registry } from './registry.ts';
import { type Layout, parseLayout } from './structure.ts';
import { fold, personNames } from './vn.ts';

export interface DocContext {
  lines: string[];
  layout: Layout;
  glossary: Glossary;
  /** Every province the text names, most named first. */
  allProvinces: string[];
  /** The provinces the agreement is between: what "hai tỉnh" means. */
  provinces: string[];
  bodyContext: BodyContext;
  registry: Registry;
  /** Folded place names, masked when looking for personal names. */
  places: Set<string>;
  /** The last line of the text proper (a report's byline; web-page residue after it is not cited). */
  contentEnd: number;
  /** The province a bare "tỉnh" means at an offset of a line: the last one named before it on that line. */
  provinceAt(line: number, at: number): string | undefined;
  /** The first province named in a piece of text. */
  provinceIn(text: string): string | undefined;
}

export function makeContext(lines: string[], glossary: Glossary): DocContext {
  const layout = parseLayout(lines);
  const counts = findProvinces(lines, glossary.places);
  const allProvinces = [...counts].sort((a, b) => b[1] - a[1]).map(([p]) => p);
  // The parties' provinces come first in the header and the signature block; otherwise the most named.
  const named = (n: number) => allProvinces.slice(0, n);
  const explicit = /\b(?:ba|3) tỉnh\b/u.test(lines.join(' ')) ? 3 : 2;
  const provinces = named(Math.min(explicit, allProvinces.length));
  const places = new Set([...glossary.places, ...allProvinces].map(fold));
  const provinceIn = (text: string) => {
    let best: { p: string; at: number } | undefined;
    for (const p of allProvinces) {
      const at = text.indexOf(p);
      if (at >= 0 && (!best || at < best.at)) best = { p, at };
    }
    return best?.p;
  };
  const ctx: DocContext = {
    lines,
    layout,
    glossary,
    allProvinces,
    provinces,
    bodyContext: { provinces: allProvinces, agreementProvinces: provinces, glossary, sectors: collectSectors(lines) },
    registry: new Registry(allProvinces),
    places,
    contentEnd: contentEnd(lines, layout.formal, places),
    provinceAt(line, at) {
      const text = (lines[line - 1] ?? '').slice(0, at);
      let best: { p: string; at: number } | undefined;
      for (const p of allProvinces) {
        const i = text.lastIndexOf(p);
        if (i >= 0 && (!best || i > best.at)) best = { p, at: i };
      }
      return best?.p;
    },
    provinceIn,
  };
  return ctx;
}

/** A report ends with its byline (a line that is only a name); what follows is page residue. */
function contentEnd(lines: readonly string[], formal: boolean, places: Set<string>): number {
  if (formal) return lines.length;
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - 6); i--) {
    const text = (lines[i] as string).trim();
    const names = personNames(text, places);
    if (names.length === 1 && names[0]?.name === text) return i + 1;
  }
  return lines.length;
}
