// One fixture per class of knowledge error. Each fixture is the shipped knowledge copied to a temp
// folder with one thing broken, so every other file stays valid and the error is the only one.
import { readFileSync } from 'node:fs';
import { mkdir, rm, writeFile, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { formatKnowledgeError, type KnowledgeError } from '../../src/knowledge/types.ts';
import { createEngine } from '../../src/answer/engine.ts';
import { AGREEMENT_DIR, edit, knowledgeCopy } from '../helpers.ts';

async function errorsAfter(breakIt: (dir: string) => Promise<void>): Promise<KnowledgeError[]> {
  const dir = await knowledgeCopy();
  await breakIt(dir);
  const outcome = await loadKnowledge(dir);
  await rm(dir, { recursive: true, force: true });
  if (outcome.ok) throw new Error('expected the load to fail');
  // Never half-loaded: a failed load carries errors and no knowledge at all.
  expect('knowledge' in outcome).toBe(false);
  return [...outcome.errors];
}

const C = 'bg-tn-2023/commitments.yaml';
const A = 'bg-tn-2023/agreement.yaml';

/** The 1-based line of the shipped file where `text` first occurs (edits keep the line count). */
function lineOf(file: string, text: string): number {
  const content = readFileSync(join(AGREEMENT_DIR, '..', file), 'utf8');
  const at = content.indexOf(text);
  if (at < 0) throw new Error(`${text} not in ${file}`);
  return content.slice(0, at).split('\n').length;
}

describe('knowledge validation reports each class of error with file, path and reason', () => {
  it('loads the shipped knowledge cleanly', async () => {
    const dir = await knowledgeCopy();
    const outcome = await loadKnowledge(dir);
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(Object.isFrozen(outcome.knowledge.agreements[0]?.commitments)).toBe(true);
  });

  it('malformed YAML', async () => {
    const errors = await errorsAfter((d) => edit(d, C, '  - id: C3\n', '  - id: C3\n   bad: [unclosed\n'));
    expect(errors[0]?.file).toContain(C);
    expect(errors[0]?.message).toMatch(/malformed YAML/);
    // Where the parser tripped: the broken line, just after C3's.
    expect(errors[0]).toMatchObject({ path: '', line: lineOf(C, '  - id: C3\n') + 1, column: expect.any(Number) });
  });

  it('schema violation, with the path inside the file', async () => {
    const errors = await errorsAfter((d) => edit(d, C, /status: pending/, 'status: finished'));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.file).toContain(C);
    expect(errors[0]?.path).toBe('commitments[0].status');
    // The line and column of the bad value itself, so an admin finds it without counting entries.
    expect(errors[0]).toMatchObject({ line: lineOf(C, 'status: pending'), column: 13 });
    expect(formatKnowledgeError(errors[0] as KnowledgeError)).toMatch(
      new RegExp(`commitments\\.yaml: line ${lineOf(C, 'status: pending')}, column 13: commitments\\[0\\]\\.status: `),
    );
  });

  it('a stated role without its quote', async () => {
    const errors = await errorsAfter((d) =>
      edit(d, C, /(party: bo-gtvt\n\s+basis: stated\n)\s+source:\n\s+line: \d+\n\s+quote: "[^"]*"\n/, '$1'),
    );
    const missing = errors.find((e) => /responsible\[\d+\]\.source$/.test(e.path) && /stated role needs/.test(e.message));
    expect(missing).toBeDefined();
    // The entry that lacks its quote is pointed at: the role, starting at its `- role:` line.
    expect(missing?.line).toBe(lineOf(C, 'party: bo-gtvt') - 1);
  });

  it('a status other than pending without the quote that supports it', async () => {
    const errors = await errorsAfter((d) =>
      edit(d, C, /(- id: C21\n[\s\S]*?status: in_progress\n)\s+status_source:\n\s+line: 30\n\s+quote: "[^"]*"\n/, '$1'),
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toMatch(/^commitments\[\d+\]\.status_source$/);
    expect(errors[0]?.message).toBe('status "in_progress" needs a status_source quoting what supports it');
  });

  it('a pending commitment set to done with no source for it', async () => {
    const errors = await errorsAfter((d) => edit(d, C, /(- id: C18\n[\s\S]*?)status: pending/, '$1status: done'));
    expect(errors).toEqual([expect.objectContaining({ message: 'status "done" needs a status_source quoting what supports it' })]);
  });

  it('a status note with no status source to explain', async () => {
    const errors = await errorsAfter((d) =>
      edit(
        d,
        'bg-tn-2023/results.yaml',
        /(- id: R6\n[\s\S]*?)status: in_progress\n\s+status_source:\n\s+line: 11\n\s+quote: "[^"]*"\n/,
        '$1status: in_progress\n',
      ),
    );
    expect(errors.map((e) => e.message).sort()).toEqual([
      'a status_note explains a status_source, so it needs one',
      'status "in_progress" needs a status_source quoting what supports it',
    ]);
    expect(errors.every((e) => /^results\[5\]\.status_(source|note)$/.test(e.path))).toBe(true);
  });

  it('a general assignment without its scope', async () => {
    const errors = await errorsAfter((d) => edit(d, A, /(party: so-nganh-hai-tinh\n\s+basis: stated\n)\s+scope: implementation\n/, '$1'));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('general_responsibility[0].scope');
  });

  it('a speech request attributed to someone not reported speaking on that line', async () => {
    // Line 16 is Nguyễn Thanh Hải's speech; Dương Văn Thái is mentioned on lines 6 and 18 only.
    const errors = await errorsAfter((d) => edit(d, A, /speaker: nguyen-thanh-hai\n(\s+line: 16\n)/, 'speaker: duong-van-thai\n$1'));
    expect(errors).toEqual([
      expect.objectContaining({
        path: 'general_responsibility[3].requested_by.speaker',
        message: 'Dương Văn Thái has no mention on line 16 in people.yaml, so the request cannot be theirs',
      }),
    ]);
  });

  it('a passage said to continue a speech begun on a line where its speaker is not reported speaking', async () => {
    // F3 (line 13) continues Dương Văn Thái's opening remarks of line 6; he is not on line 2 as a speaker.
    const errors = await errorsAfter((d) =>
      edit(d, 'bg-tn-2023/results.yaml', /( {2}- id: F3\n(?:.*\n){3}\s+speaker_inferred_from: )6/, '$12'),
    );
    expect(errors).toEqual([
      expect.objectContaining({
        path: 'facts[2].speaker_inferred_from',
        message: 'Dương Văn Thái has no mention on line 2, before line 13, to continue',
      }),
    ]);
  });

  it('a speech request whose words are not on its line', async () => {
    const errors = await errorsAfter((d) =>
      edit(d, A, 'quote: "đồng chí đề nghị các cấp, ngành', 'quote: "đồng chí yêu cầu các cấp, ngành'),
    );
    expect(
      errors.some((e) => e.path === 'general_responsibility[3].requested_by.quote' && /quote not found on line 16/.test(e.message)),
    ).toBe(true);
  });

  it.each([
    ['a work', '[bridge, bridges, cây cầu, cầu Hoà Sơn]', '"cầu Hoà Sơn" names a work or water ("cầu Hòa Sơn")'],
    ['a water', '[bridge, bridges, cây cầu, sông cầu]', '"sông cầu" names a work or water ("sông Cầu")'],
    ['a person', '[bridge, bridges, cây cầu, bí thư Dương Văn Thái]', '"bí thư Dương Văn Thái" names a person ("Dương Văn Thái")'],
    ['a place', '[bridge, bridges, cây cầu, Phổ Yên]', '"Phổ Yên" names a place ("Phổ Yên")'],
  ])('a synonym group holding %s', async (_, group, named) => {
    const errors = await errorsAfter((d) => edit(d, 'glossary.yaml', '[bridge, bridges, cây cầu]', group));
    expect(errors).toEqual([
      expect.objectContaining({ path: 'synonyms[1][3]', message: `${named}; synonym groups are for generic words only` }),
    ]);
    expect(errors[0]?.file).toMatch(/glossary\.yaml$/);
  });

  it('a generic phrase that only shares letters with a name is not a name ("đường thủy" is not "Dương Thủy")', async () => {
    const dir = await knowledgeCopy();
    await edit(dir, 'glossary.yaml', '[bridge, bridges, cây cầu]', '[bridge, bridges, cây cầu, đường thủy]');
    const outcome = await loadKnowledge(dir);
    await rm(dir, { recursive: true, force: true });
    expect(outcome.ok).toBe(true);
  });

  it('an entry marked as part of an unfinished list, on a line with no "…"', async () => {
    const errors = await errorsAfter((d) => edit(d, C, /(- id: C1\n[\s\S]*?status: pending\n)/, '$1    incomplete_list: true\n'));
    expect(errors).toEqual([
      expect.objectContaining({ path: 'commitments[0].incomplete_list', message: 'line 20 has no “…”, so it leaves no list open' }),
    ]);
  });

  it("an alias of the agreement's name that is not on its line", async () => {
    const errors = await errorsAfter((d) => edit(d, A, 'quote: "Chương trình hợp tác"', 'quote: "Chương trình hành động"'));
    expect(errors).toEqual([expect.objectContaining({ path: 'aliases[1].quote' })]);
    expect(errors[0]?.message).toMatch(/quote not found on line 16/);
  });

  it('duplicate ids', async () => {
    const errors = await errorsAfter((d) => edit(d, C, '  - id: C3\n', '  - id: C2\n'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'commitments[2].id' });
    expect(errors[0]?.message).toMatch(/duplicate id "C2"/);
  });

  it('references to unknown ids', async () => {
    const errors = await errorsAfter((d) => edit(d, C, 'party: bo-gtvt', 'party: so-gtvt-bg'));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toMatch(/^commitments\[\d+\]\.responsible\[\d+\]\.party$/);
    expect(errors[0]?.message).toBe('unknown person or body id "so-gtvt-bg"');
    // Found after validation, by the cross-file checks, and still given the value's position.
    expect(errors[0]).toMatchObject({ line: lineOf(C, 'party: bo-gtvt'), column: 16 });
  });

  it('an unknown area', async () => {
    const errors = await errorsAfter((d) => edit(d, C, 'area: governance', 'area: space'));
    expect(errors[0]?.message).toBe('unknown area id "space"');
  });

  it('quotes that are not in the source', async () => {
    const errors = await errorsAfter((d) => edit(d, 'bg-tn-2023/people.yaml', 'Lê Ánh Dương - Phó Bí thư', 'Lê Ánh Dương - Bí thư'));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.file).toContain('people.yaml');
    expect(errors[0]?.path).toMatch(/\.quote$/);
    expect(errors[0]?.message).toMatch(/quote not found on line 3/);
  });

  it('a citation of the comment-box lines after the article', async () => {
    const errors = await errorsAfter((d) => edit(d, C, /line: 20\n/, 'line: 38\n'));
    expect(errors.some((e) => /past the article's last content line/.test(e.message))).toBe(true);
  });

  it('a missing file', async () => {
    const errors = await errorsAfter((d) => rm(join(d, 'bg-tn-2023/results.yaml')));
    expect(errors).toEqual([expect.objectContaining({ message: 'file is missing' })]);
    expect(errors[0]?.file).toContain('results.yaml');
  });

  it('a missing knowledge folder', async () => {
    const outcome = await loadKnowledge('/nonexistent/knowledge');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors[0]?.message).toBe('knowledge folder does not exist');
  });

  it('reports every error at once, across files', async () => {
    const errors = await errorsAfter(async (d) => {
      await edit(d, C, 'party: bo-gtvt', 'party: nobody');
      await edit(d, 'bg-tn-2023/people.yaml', 'province: bac-giang', 'province: ha-noi');
    });
    expect(new Set(errors.map((e) => e.file.split('/').pop()))).toEqual(new Set(['commitments.yaml', 'people.yaml']));
  });
});

describe('a second agreement is just another folder', () => {
  it('loads beside the first, with its own ids (both may have C1)', async () => {
    const dir = await knowledgeCopy();
    const second = join(dir, 'demo-2024');
    await mkdir(second);
    await cp(join(dir, 'bg-tn-2023'), second, { recursive: true });
    await edit(dir, 'demo-2024/agreement.yaml', /^id: bg-tn-2023$/m, 'id: demo-2024');
    const outcome = await loadKnowledge(dir);
    await rm(dir, { recursive: true, force: true });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.knowledge.agreements.map((a) => a.id)).toEqual(['bg-tn-2023', 'demo-2024']);
    const answer = createEngine(outcome.knowledge).ask('C18');
    expect(answer.items.map((i) => `${i.agreement}/${i.id}`)).toEqual(['bg-tn-2023/C18', 'demo-2024/C18']);
  });

  it('rejects two folders that claim the same agreement id', async () => {
    const dir = await knowledgeCopy();
    await cp(join(dir, 'bg-tn-2023'), join(dir, 'copy'), { recursive: true });
    const outcome = await loadKnowledge(dir);
    await rm(dir, { recursive: true, force: true });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.some((e) => /duplicate agreement id "bg-tn-2023"/.test(e.message))).toBe(true);
  });

  it('skips folders starting with "_" (drafts)', async () => {
    const dir = await knowledgeCopy();
    await mkdir(join(dir, '_draft'));
    await writeFile(join(dir, '_draft', 'agreement.yaml'), 'not: [valid');
    const outcome = await loadKnowledge(dir);
    await rm(dir, { recursive: true, force: true });
    expect(outcome.ok).toBe(true);
  });
});
