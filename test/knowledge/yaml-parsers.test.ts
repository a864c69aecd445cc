// The loader parses with js-yaml for speed and falls back to the yaml package for its messages
// (src/knowledge/load.ts). The two must read every knowledge file to the same value.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseYaml } from '../../src/knowledge/load.ts';
import { KNOWLEDGE_DIR } from '../helpers.ts';

async function yamlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await yamlFiles(path)));
    else if (e.name.endsWith('.yaml') || e.name.endsWith('.yml')) out.push(path);
  }
  return out;
}

describe('YAML parsing', () => {
  it('reads every shipped knowledge file to the value the yaml package reads', async () => {
    const files = await yamlFiles(KNOWLEDGE_DIR);
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const ours = parseYaml(text);
      expect(ours.ok, file).toBe(true);
      if (ours.ok) expect(ours.data, file).toEqual(parseDocument(text).toJS());
    }
  });

  it('keeps YAML 1.2 core scalars: dates, yes/no and octal-looking ids stay as YAML 1.2 reads them', () => {
    const r = parseYaml('signed: 2023-03-29\nflag: yes\nid: 0123\nversion: 1.10\nnone: ~\n');
    expect(r).toEqual({ ok: true, data: { signed: '2023-03-29', flag: 'yes', id: 123, version: 1.1, none: null } });
    expect(r.ok && parseDocument('signed: 2023-03-29\nflag: yes\nid: 0123\nversion: 1.10\nnone: ~\n').toJS()).toEqual(r.ok && r.data);
  });

  it('refuses duplicate keys and explains broken files with a line and column', () => {
    expect(parseYaml('id: a\nid: b\n')).toMatchObject({ ok: false, message: expect.stringMatching(/malformed YAML/) });
    const broken = parseYaml('people:\n  - id: a\n    name: "unterminated\n');
    expect(broken).toMatchObject({ ok: false, at: { line: expect.any(Number), column: expect.any(Number) } });
  });

  it('reads an empty or comment-only file as empty, for the schema to report what is missing', () => {
    for (const text of ['', '# nothing yet\n']) {
      const r = parseYaml(text);
      expect(r.ok && (r.data ?? null)).toBe(null);
    }
  });
});
