// What every step of the drafter reads: the source lines, their layout, the provinces, the glossary,
// and the registry of people and bodies found so far.
import type { Glossary } from '../knowledge/schema.ts';
import { type BodyContext, collectSectors, findProvinces } from './bodies.ts';
import { Registry } from './registry.ts';
import { type Layout, parseLayout } from './structure.ts';
import { fold, isCapsLine, personNames, sentenceCase } from './vn.ts';

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
  /** A line in capitals written as the text writes it elsewhere ("BAN THƯỜNG VỤ TỈNH ỦY X" → "Ban Thường vụ Tỉnh ủy X"). */
  recase(caps: string): string;
}

export function makeContext(lines: string[], glossary: Glossary): DocContext {
  const layout = parseLayout(lines);
  const counts = findProvinces(lines, glossary.places);
  const allProvinces = [...counts].sort((a, b) => b[1] - a[1]).map(([p]) => p);
  // The agreement's provinces are those its header, title, signing sentence and signatures name;
  // other provinces may be mentioned in passing ("qua ba tỉnh Bắc Ninh - Bắc Giang - Thái Nguyên").
  const provinces = partyProvinces(lines, layout, allProvinces);
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
    recase(caps) {
      // The same words in ordinary case elsewhere in the text give the right capitals; else sentence case.
      const lower = caps.toLowerCase();
      for (const l of lines) {
        if (isCapsLine(l)) continue;
        const at = l.toLowerCase().indexOf(lower);
        if (at >= 0 && l.length === l.toLowerCase().length) return l.slice(at, at + caps.length);
      }
      return sentenceCase(caps, allProvinces);
    },
  };
  return ctx;
}

function partyProvinces(lines: readonly string[], layout: Layout, all: readonly string[]): string[] {
  const key = layout.formal
    ? [...layout.preamble, ...layout.signature].map((n) => lines[n - 1] as string)
    : lines.filter((l, i) => i === 0 || /(?:đã|thống nhất)\s+(?:thống nhất\s+)?ký kết/u.test(l));
  const text = key.join('\n');
  const folded = fold(text);
  const named = all.filter((p) => text.includes(p) || folded.includes(fold(p)));
  if (named.length >= 2) return named.sort((a, b) => folded.indexOf(fold(a)) - folded.indexOf(fold(b)));
  return all.slice(0, Math.min(2, all.length));
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
