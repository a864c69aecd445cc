// Checks that need more than one file: unique ids, references that resolve, and quotes that
// really are on the line they cite. Schema checks (zod) have already passed when this runs.
import { AGREEMENT_FILES, type Glossary } from './schema.ts';
import { formatPath, type Agreement, type KnowledgeError } from './types.ts';

type Walkable = unknown;

/** Every `{line, quote}` object in a value, with its path. */
function* citations(
  value: Walkable,
  path: (string | number)[] = [],
): Generator<{ path: (string | number)[]; line: number; quote: string }> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* citations(value[i], [...path, i]);
  } else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.line === 'number' && typeof o.quote === 'string') yield { path, line: o.line, quote: o.quote };
    for (const [k, v] of Object.entries(o)) if (v && typeof v === 'object') yield* citations(v, [...path, k]);
  }
}

export function crossCheck(a: Agreement, glossary: Glossary): KnowledgeError[] {
  const errors: KnowledgeError[] = [];
  const err = (file: string, path: (string | number)[], message: string) => errors.push({ file, path: formatPath(path), message });
  const F = AGREEMENT_FILES;

  // Parties may be people or bodies, so the two share one id space; items likewise share one.
  const parties = new Map<string, string>();
  const checkUnique = (map: Map<string, string>, id: string, file: string, path: (string | number)[]) => {
    const prev = map.get(id);
    if (prev) err(file, path, `duplicate id "${id}" (already used in ${prev})`);
    else map.set(id, file);
  };
  for (const [i, p] of a.people.entries()) checkUnique(parties, p.id, F.people, ['people', i, 'id']);
  for (const [i, b] of a.bodies.entries()) checkUnique(parties, b.id, F.bodies, ['bodies', i, 'id']);
  const items = new Map<string, string>();
  for (const [i, c] of a.commitments.entries()) checkUnique(items, c.id, F.commitments, ['commitments', i, 'id']);
  for (const [i, r] of a.results.entries()) checkUnique(items, r.id, F.results, ['results', i, 'id']);
  for (const [i, f] of a.facts.entries()) checkUnique(items, f.id, F.results, ['facts', i, 'id']);

  const partyIds = new Set(parties.keys());
  const people = new Set(a.people.map((p) => p.id));
  const bodies = new Set(a.bodies.map((b) => b.id));
  const provinces = new Set(a.meta.provinces.map((p) => p.id));
  const areas = new Set(glossary.areas.map((x) => x.id));
  const ref = (set: Set<string>, what: string, id: string, file: string, path: (string | number)[]) => {
    if (!set.has(id)) err(file, path, `unknown ${what} id "${id}"`);
  };

  for (const [i, id] of a.meta.parties.entries()) ref(bodies, 'body', id, F.agreement, ['parties', i]);
  for (const [i, id] of a.meta.co_chairs.entries()) ref(people, 'person', id, F.agreement, ['co_chairs', i]);
  if (a.meta.source_document.author) ref(people, 'person', a.meta.source_document.author, F.agreement, ['source_document', 'author']);
  for (const [i, r] of a.meta.general_responsibility.entries()) {
    ref(partyIds, 'person or body', r.party, F.agreement, ['general_responsibility', i, 'party']);
    const asked = r.requested_by;
    if (!asked) continue;
    const path = ['general_responsibility', i, 'requested_by', 'speaker'];
    const speaker = a.people.find((p) => p.id === asked.speaker);
    // A request is attributed to whoever the article reports speaking on that line, never guessed.
    if (!speaker) err(F.agreement, path, `unknown person id "${asked.speaker}"`);
    else if (!speaker.mentions.some((m) => m.line === asked.line))
      err(F.agreement, path, `${speaker.name} has no mention on line ${asked.line} in ${F.people}, so the request cannot be theirs`);
  }
  for (const [i, p] of a.people.entries()) {
    if (p.province) ref(provinces, 'province', p.province, F.people, ['people', i, 'province']);
    for (const [j, t] of p.titles.entries()) if (t.body) ref(bodies, 'body', t.body, F.people, ['people', i, 'titles', j, 'body']);
  }
  for (const [i, b] of a.bodies.entries()) {
    for (const [j, p] of b.provinces.entries()) ref(provinces, 'province', p, F.bodies, ['bodies', i, 'provinces', j]);
  }
  for (const [i, c] of a.commitments.entries()) {
    ref(areas, 'area', c.area, F.commitments, ['commitments', i, 'area']);
    for (const [j, r] of c.responsible.entries())
      ref(partyIds, 'person or body', r.party, F.commitments, ['commitments', i, 'responsible', j, 'party']);
  }
  for (const [i, r] of a.results.entries()) {
    ref(areas, 'area', r.area, F.results, ['results', i, 'area']);
    for (const [j, p] of r.parties.entries()) ref(partyIds, 'person or body', p, F.results, ['results', i, 'parties', j]);
  }
  for (const [i, f] of a.facts.entries()) {
    for (const [j, p] of f.parties.entries()) ref(partyIds, 'person or body', p, F.results, ['facts', i, 'parties', j]);
    if (f.speaker) ref(people, 'person', f.speaker, F.results, ['facts', i, 'speaker']);
    if (f.speaker_inferred_from !== undefined) {
      // The speech it continues must be theirs: a mention of the speaker on that line, before this one.
      const path = ['facts', i, 'speaker_inferred_from'];
      const speaker = a.people.find((p) => p.id === f.speaker);
      if (!speaker) err(F.results, path, 'an inferred speaker needs `speaker`');
      else if (f.speaker_inferred_from >= f.source.line || !speaker.mentions.some((m) => m.line === f.speaker_inferred_from))
        err(
          F.results,
          path,
          `${speaker.name} has no mention on line ${f.speaker_inferred_from}, before line ${f.source.line}, to continue`,
        );
    }
  }

  const files: [string, string, unknown][] = [
    [F.agreement, '', a.meta],
    [F.people, 'people', a.people],
    [F.bodies, 'bodies', a.bodies],
    [F.commitments, 'commitments', a.commitments],
    [F.results, 'results', a.results],
    [F.results, 'facts', a.facts],
  ];
  // An entry marked as part of an unfinished list must sit on a line that leaves a list open.
  const listed: [string, string, readonly { incomplete_list: boolean; source: { line: number } }[]][] = [
    [F.commitments, 'commitments', a.commitments],
    [F.results, 'results', a.results],
  ];
  for (const [file, root, list] of listed) {
    for (const [i, e] of list.entries()) {
      const line = a.sourceLines[e.source.line - 1] ?? '';
      if (e.incomplete_list && !line.includes('…') && !line.includes('...'))
        err(file, [root, i, 'incomplete_list'], `line ${e.source.line} has no “…”, so it leaves no list open`);
    }
  }

  const lastLine = a.meta.source_document.content_lines;
  for (const [file, root, value] of files) {
    for (const c of citations(value, root ? [root] : [])) {
      const path = [...c.path, 'quote'];
      if (c.line > lastLine) err(file, [...c.path, 'line'], `line ${c.line} is past the article's last content line (${lastLine})`);
      else if (!(a.sourceLines[c.line - 1] ?? '').includes(c.quote.normalize('NFC')))
        err(file, path, `quote not found on line ${c.line} of ${a.meta.source_document.file}: "${c.quote.slice(0, 60)}"`);
    }
  }
  return errors;
}
