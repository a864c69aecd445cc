// A synonym group makes the search treat its phrases as one. A proper name in a group would make a
// question about that one bridge, lake or person match every other bridge, lake or person, so the
// loader refuses it. Proper names are the glossary's places and works and the people of every agreement.
import { markedSyllables, sameMarked, type Syllable } from '../text/normalize.ts';
import type { Glossary } from './schema.ts';
import type { Agreement, KnowledgeError } from './types.ts';

/** Same word, diacritics included where both are written with them: "đường" is not "Dương". */
const sameWord = (a: Syllable, b: Syllable) =>
  a.folded === b.folded && (a.marked === undefined || b.marked === undefined || sameMarked(a.marked, b.marked));

/** True when `name`'s words appear, in order and next to each other, in `phrase`'s words. */
function containsRun(phrase: Syllable[], name: Syllable[]): boolean {
  if (name.length === 0 || name.length > phrase.length) return false;
  for (let i = 0; i + name.length <= phrase.length; i++) if (name.every((w, j) => sameWord(phrase[i + j] as Syllable, w))) return true;
  return false;
}

export function checkGlossary(glossary: Glossary, agreements: readonly Agreement[], file: string): KnowledgeError[] {
  // Works and people are found anywhere in a phrase ("xây dựng cầu Hòa Sơn"). A place only when it is
  // the whole phrase: place names are part of many body names ("tổng công ty đường sắt việt nam").
  const contained = [
    ...glossary.works.map((w) => ({ kind: 'a work or water', name: w, words: markedSyllables(w) })),
    ...agreements.flatMap((a) => a.people.map((p) => ({ kind: 'a person', name: p.name, words: markedSyllables(p.name) }))),
  ];
  const places = glossary.places.map((p) => ({ kind: 'a place', name: p, words: markedSyllables(p) }));
  const errors: KnowledgeError[] = [];
  for (const [i, group] of glossary.synonyms.entries()) {
    for (const [j, phrase] of group.entries()) {
      const w = markedSyllables(phrase);
      const hit =
        places.find((p) => p.words.length === w.length && containsRun(w, p.words)) ?? contained.find((n) => containsRun(w, n.words));
      if (hit)
        errors.push({
          file,
          path: `synonyms[${i}][${j}]`,
          message: `"${phrase}" names ${hit.kind} ("${hit.name}"); synonym groups are for generic words only`,
        });
    }
  }
  return errors;
}
