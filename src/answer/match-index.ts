// What name, title, body and area matching needs from the knowledge, built once per Knowledge value
// (createEngine builds it eagerly, so the first question does not pay for it).
//
// The costly part of matching is scoring a question against every title, body name and area word.
// Two things bound it as the knowledge grows:
//  - identical phrases are scored once: every agreement has a "Chủ tịch UBND tỉnh", so titles and
//    body names are grouped by their text, and a question scores each group, not each person or body;
//  - only groups that share a content word (by syllable) or a glossary concept with the question are
//    scored: a group with nothing in common cannot fit (see `acceptable` in match.ts), so the
//    candidate index (syllable/concept → groups) finds everything that can.
import type { Bilingual } from '../knowledge/schema.ts';
import type { Agreement, Knowledge } from '../knowledge/types.ts';
import type { Analysis, Analyzer, Unit } from '../search/analyzer.ts';
import { markedSyllables, syllables, type Syllable } from '../text/normalize.ts';

/** Whether the question's word at position i is a word of some title (or some name). */
export type WordTest = (query: Analysis, i: number) => boolean;

/** Phrases with the same text, and where they occur (indices into `titles` or `bodies`, ascending). */
export interface Group {
  analyses: Analysis[];
  at: number[];
}

export interface TitleAt {
  agreement: Agreement;
  personId: string;
  title: Bilingual;
  /** The analysis of the person's province name, if the person has a province. */
  province?: Analysis;
  group: number;
}

export interface BodyAt {
  agreement: Agreement;
  bodyId: string;
  group: number;
}

export interface Prepared {
  titles: TitleAt[];
  titleGroups: Group[];
  titleIndex: Map<string, number[]>;
  isTitleWord: WordTest;
  bodies: BodyAt[];
  bodyGroups: Group[];
  bodyIndex: Map<string, number[]>;
  isNameWord: WordTest;
  areas: { id: string; analyses: Analysis[] }[];
}

const contentUnits = (a: Analysis): Unit[] => a.units.filter((u) => !u.stop && !u.generic);

/**
 * A word set, concept-aware and phrase-aware: a question word belongs to the titles when a title
 * shares its glossary concept ("HĐND"), or has it next to the same neighbour ("chủ tịch"). A lone
 * shared syllable is not enough: "hội" of "hội nghị" is not "hội" of "Hội đồng".
 */
function wordSet(phrases: Analysis[]): WordTest {
  const syl = new Set<string>();
  const pairs = new Set<string>();
  const concepts = new Set<string>();
  for (const p of phrases) {
    const units = contentUnits(p);
    units.forEach((u, i) => {
      syl.add(u.syllable);
      const next = units[i + 1];
      if (next) pairs.add(`${u.syllable} ${next.syllable}`);
      for (const c of u.concepts) concepts.add(c);
    });
  }
  return (query, i) => {
    const u = query.units[i];
    if (!u) return false;
    if (u.concepts.some((c) => concepts.has(c))) return true;
    if (!syl.has(u.syllable)) return false;
    const prev = query.units[i - 1];
    const next = query.units[i + 1];
    const single = !(prev && !prev.stop && !prev.generic) && !(next && !next.stop && !next.generic);
    return single || (prev !== undefined && pairs.has(`${prev.syllable} ${u.syllable}`)) || (next !== undefined && pairs.has(`${u.syllable} ${next.syllable}`));
  };
}

/** Groups phrases by text; returns each occurrence's group and the syllable/concept → groups index. */
function grouped(texts: string[][], analyze: (t: string) => Analysis): { groups: Group[]; of: number[]; index: Map<string, number[]> } {
  const byKey = new Map<string, number>();
  const groups: Group[] = [];
  const index = new Map<string, number[]>();
  const of = texts.map((list, at) => {
    const key = list.join('\n');
    let g = byKey.get(key);
    if (g === undefined) {
      g = groups.length;
      byKey.set(key, g);
      groups.push({ analyses: list.map(analyze), at: [] });
      const keys = new Set<string>();
      for (const a of groups[g]?.analyses ?? []) {
        for (const u of contentUnits(a)) {
          keys.add(`s${u.syllable}`);
          for (const c of u.concepts) keys.add(`c${c}`);
        }
      }
      for (const k of keys) {
        const list = index.get(k);
        if (list) list.push(g);
        else index.set(k, [g]);
      }
    }
    groups[g]?.at.push(at);
    return g;
  });
  return { groups, of, index };
}

const prepared = new WeakMap<Knowledge, Prepared>();

export function prepare(knowledge: Knowledge, analyzer: Analyzer): Prepared {
  const hit = prepared.get(knowledge);
  if (hit) return hit;
  const titleRows: Omit<TitleAt, 'group'>[] = [];
  const titleTexts: string[][] = [];
  const bodyRows: Omit<BodyAt, 'group'>[] = [];
  const bodyTexts: string[][] = [];
  for (const a of knowledge.agreements) {
    const provinces = new Map(a.meta.provinces.map((p) => [p.id, analyzer.analyze(p.name)]));
    for (const p of a.people) {
      const province = p.province ? provinces.get(p.province) : undefined;
      // English titles count too, so "Who chairs the Thai Nguyen People's Committee?" finds the chair.
      for (const t of p.titles) {
        titleRows.push({ agreement: a, personId: p.id, title: { vi: t.vi, en: t.en }, ...(province ? { province } : {}) });
        titleTexts.push([t.vi, t.en]);
      }
    }
    for (const b of a.bodies) {
      bodyRows.push({ agreement: a, bodyId: b.id });
      bodyTexts.push([b.name, b.en, ...b.aliases]);
    }
  }
  const t = grouped(titleTexts, analyzer.analyze);
  const b = grouped(bodyTexts, analyzer.analyze);
  const p: Prepared = {
    titles: titleRows.map((row, i) => ({ ...row, group: t.of[i] as number })),
    titleGroups: t.groups,
    titleIndex: t.index,
    isTitleWord: wordSet(t.groups.flatMap((g) => g.analyses)),
    bodies: bodyRows.map((row, i) => ({ ...row, group: b.of[i] as number })),
    bodyGroups: b.groups,
    bodyIndex: b.index,
    isNameWord: wordSet(b.groups.flatMap((g) => g.analyses)),
    areas: knowledge.glossary.areas.map((area) => ({ id: area.id, analyses: [area.vi, area.en, ...area.words].map(analyzer.analyze) })),
  };
  prepared.set(knowledge, p);
  return p;
}

export interface PeopleIndex {
  people: { agreement: Agreement; personId: string; name: Syllable[] }[];
  /** Folded given name (last syllable) → indices into `people`, ascending. */
  byGiven: Map<string, number[]>;
  /** The keys of `byGiven`, for scanning them all (a typo may be one edit away from any). */
  givenNames: string[];
  /** Every syllable of every name, folded: a question word among them names someone. */
  nameSyllables: Set<string>;
}

const peopleIndexes = new WeakMap<Knowledge, PeopleIndex>();

export function peopleIndex(knowledge: Knowledge): PeopleIndex {
  const hit = peopleIndexes.get(knowledge);
  if (hit) return hit;
  const index: PeopleIndex = { people: [], byGiven: new Map(), givenNames: [], nameSyllables: new Set() };
  for (const a of knowledge.agreements) {
    for (const p of a.people) {
      const name = markedSyllables(p.name);
      for (const s of syllables(p.name)) index.nameSyllables.add(s);
      const given = name[name.length - 1];
      if (!given) continue;
      const list = index.byGiven.get(given.folded) ?? [];
      list.push(index.people.length);
      index.byGiven.set(given.folded, list);
      index.people.push({ agreement: a, personId: p.id, name });
    }
  }
  index.givenNames = [...index.byGiven.keys()];
  peopleIndexes.set(knowledge, index);
  return index;
}
