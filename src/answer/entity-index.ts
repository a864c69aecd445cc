// What name, title, body and area matching needs from the knowledge, built once per Knowledge value
// (createEngine builds it eagerly, so the first question does not pay for it).
//
// The costly part of matching is scoring a question against every title, body name and area word.
// Two things bound it as the knowledge grows:
//  - identical phrases are scored once: every agreement has a "Chủ tịch UBND tỉnh", so titles and
//    body names are grouped by their text, and a question scores each group, not each person or body;
//    where places do not count, phrases that differ only in their places share a group too;
//  - only groups that share a content word (by syllable) or a glossary concept with the question are
//    scored: a group with nothing in common cannot fit (see `acceptable` in entities.ts), so the
//    candidate index (syllable/concept → groups) finds everything that can.
import type { Bilingual, Body } from '../knowledge/schema.ts';
import type { Agreement, Knowledge } from '../knowledge/types.ts';
import type { Analysis, Analyzer, Unit } from '../search/analyzer.ts';
import { markedSyllables, syllables, type Syllable } from '../text/normalize.ts';

/** Whether the question's word at position i is a word of some title (or some name). */
export type WordTest = (query: Analysis, i: number) => boolean;

/** Phrases with the same text (or wording, see mergedWithoutPlaces), and where they occur (indices into `titles` or `bodies`, ascending). */
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
}

export interface BodyAt {
  agreement: Agreement;
  bodyId: string;
  body: Body;
}

/** Groups, and the candidate index: content syllable ("s…") or concept ("c…") → groups that have it. */
export interface Grouping {
  groups: Group[];
  index: Map<string, number[]>;
}

export interface Prepared {
  titles: TitleAt[];
  /** Title groups by wording without place names: titles are always matched that way (see findTitles). */
  titleGroups: Grouping;
  isTitleWord: WordTest;
  bodies: BodyAt[];
  bodyGroups: Grouping;
  /** Body groups by wording without place names, for questions that name no place. */
  placelessBodyGroups: Grouping;
  isNameWord: WordTest;
  /** Bodies named in the plural ("các sở, ngành chức năng của hai tỉnh"), with their folded words. */
  collectives: { at: BodyAt; words: ReadonlySet<string> }[];
  areas: { id: string; analyses: Analysis[] }[];
}

const contentUnits = (a: Analysis): Unit[] => a.units.filter((u) => !u.stop && !u.generic);

// The same phrase without its place names, built once per phrase.
const withoutPlaces = new WeakMap<Analysis, Analysis>();
export function placeless(a: Analysis): Analysis {
  let p = withoutPlaces.get(a);
  if (!p) {
    p = { units: a.units.filter((u) => !u.place), terms: a.terms };
    withoutPlaces.set(a, p);
  }
  return p;
}

function addKeys(index: Map<string, number[]>, analyses: readonly Analysis[], g: number): void {
  const keys = new Set<string>();
  for (const a of analyses) {
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

/**
 * Merges groups whose phrases read alike once place names are left out ("Ban Thường vụ Tỉnh ủy
 * Bắc Giang", "… Thái Nguyên"): matched without places they fit a question alike, so a body or
 * title held in each of a thousand agreements is scored once, not once per pair of provinces.
 * A merged group keeps the first group's analyses (any would do) and every occurrence, ascending.
 * Its candidate keys come from the placeless phrases: a group whose only shared word is a place
 * covers nothing of the question without it, so it cannot fit (see `acceptable` in entities.ts).
 */
function mergedWithoutPlaces(grouping: Grouping): Grouping {
  const byKey = new Map<string, number>();
  const groups: Group[] = [];
  const index = new Map<string, number[]>();
  // What a fit without places depends on, per unit: spelling, stop or generic word, concepts.
  const unitKey = (u: Unit) => `${u.syllable}/${u.marked ?? ''}/${u.stop ? 's' : ''}${u.generic ? 'g' : ''}/${u.concepts.join(',')}`;
  for (const group of grouping.groups) {
    const analyses = group.analyses.map(placeless);
    const key = analyses.map((a) => a.units.map(unitKey).join(' ')).join('\n');
    let g = byKey.get(key);
    if (g === undefined) {
      g = groups.length;
      byKey.set(key, g);
      groups.push({ analyses: group.analyses, at: [] });
      addKeys(index, analyses, g);
    }
    (groups[g] as Group).at.push(...group.at);
  }
  for (const group of groups) group.at.sort((x, y) => x - y);
  return { groups, index };
}

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
    return (
      single ||
      (prev !== undefined && pairs.has(`${prev.syllable} ${u.syllable}`)) ||
      (next !== undefined && pairs.has(`${u.syllable} ${next.syllable}`))
    );
  };
}

/** Groups phrases by text, with the syllable/concept → groups index. */
function grouped(texts: string[][], analyze: (t: string) => Analysis): Grouping {
  const byKey = new Map<string, number>();
  const groups: Group[] = [];
  const index = new Map<string, number[]>();
  texts.forEach((list, at) => {
    const key = list.join('\n');
    let g = byKey.get(key);
    if (g === undefined) {
      g = groups.length;
      byKey.set(key, g);
      groups.push({ analyses: list.map(analyze), at: [] });
      addKeys(index, groups[g]?.analyses ?? [], g);
    }
    groups[g]?.at.push(at);
  });
  return { groups, index };
}

/** Builds the title, body and area matching data; createEngine calls it once per Knowledge value. */
export function prepareMatching(knowledge: Knowledge, analyzer: Analyzer): Prepared {
  const titleRows: TitleAt[] = [];
  const titleTexts: string[][] = [];
  const bodyRows: BodyAt[] = [];
  const bodyTexts: string[][] = [];
  const collectives: Prepared['collectives'] = [];
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
      const at: BodyAt = { agreement: a, bodyId: b.id, body: b };
      bodyRows.push(at);
      bodyTexts.push([b.name, b.en, ...b.aliases]);
      const words = markedSyllables(b.name).map((w) => w.folded);
      if (words[0] === 'cac') collectives.push({ at, words: new Set(words) });
    }
  }
  const t = grouped(titleTexts, analyzer.analyze);
  const b = grouped(bodyTexts, analyzer.analyze);
  const p: Prepared = {
    titles: titleRows,
    titleGroups: mergedWithoutPlaces(t),
    isTitleWord: wordSet(t.groups.flatMap((g) => g.analyses)),
    bodies: bodyRows,
    bodyGroups: b,
    placelessBodyGroups: mergedWithoutPlaces(b),
    isNameWord: wordSet(b.groups.flatMap((g) => g.analyses)),
    collectives,
    areas: knowledge.glossary.areas.map((area) => ({ id: area.id, analyses: [area.vi, area.en, ...area.words].map(analyzer.analyze) })),
  };
  return p;
}

export interface PeopleIndex {
  /** People by name: one entry per distinct name, with everyone who bears it, in knowledge order. */
  people: { name: Syllable[]; bearers: { agreement: Agreement; personId: string; order: number }[] }[];
  /** Folded given name (last syllable) → indices into `people`, ascending. */
  byGiven: Map<string, number[]>;
  /** Every syllable of every name, folded: a question word among them names someone. */
  nameSyllables: Set<string>;
}

/** Builds the name index; createEngine calls it once per Knowledge value. */
export function buildPeopleIndex(knowledge: Knowledge): PeopleIndex {
  const index: PeopleIndex = { people: [], byGiven: new Map(), nameSyllables: new Set() };
  // A name is matched once however many agreements name its bearer.
  const byName = new Map<string, number>();
  let order = 0;
  for (const a of knowledge.agreements) {
    for (const p of a.people) {
      const bearer = { agreement: a, personId: p.id, order: order++ };
      const known = byName.get(p.name);
      if (known !== undefined) {
        index.people[known]?.bearers.push(bearer);
        continue;
      }
      const name = markedSyllables(p.name);
      for (const s of syllables(p.name)) index.nameSyllables.add(s);
      const given = name[name.length - 1];
      if (!given) continue;
      const list = index.byGiven.get(given.folded) ?? [];
      list.push(index.people.length);
      index.byGiven.set(given.folded, list);
      byName.set(p.name, index.people.length);
      index.people.push({ name, bearers: [bearer] });
    }
  }
  return index;
}
