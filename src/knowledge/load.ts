// Folder → Knowledge, or the complete list of what is wrong. Nothing is returned half-loaded:
// either every file parses, validates and cross-checks, or the caller gets errors and no data.
import type { Dirent } from 'node:fs';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  AGREEMENT_FILES,
  AgreementFile,
  BodiesFile,
  CommitmentsFile,
  GLOSSARY_FILE,
  GlossaryFile,
  PeopleFile,
  ResultsFile,
} from './schema.ts';
import { formatPath, type Agreement, type Knowledge, type KnowledgeError, type LoadOutcome } from './types.ts';
import { crossCheck } from './cross-check.ts';
import { checkGlossary } from './glossary-check.ts';
import { locator, type Position } from './positions.ts';

/** Every file read, by path; hashed in path order at the end, since reads finish in any order. */
type Contents = Map<string, string>;

class ErrorList {
  readonly items: KnowledgeError[] = [];
  private readonly locators = new Map<string, ReturnType<typeof locator>>();
  constructor(
    private readonly root: string,
    private readonly texts: Contents,
  ) {}
  /** `file` relative to the root; the entry at `path` in it is given its line and column unless `at` already says where. */
  add(file: string, path: string, message: string, at?: Position): void {
    const full = join(this.root, file);
    const rel = relative(process.cwd(), full);
    const where = at ?? (path ? this.locate(file, path) : undefined);
    this.items.push({ file: rel && !rel.startsWith('..') ? rel : full, ...(where ?? {}), path, message });
  }
  private locate(file: string, path: string): Position | undefined {
    const text = this.texts.get(file);
    if (text === undefined || !file.endsWith('.yaml')) return undefined;
    let find = this.locators.get(file);
    if (!find) this.locators.set(file, (find = locator(text)));
    return find(path);
  }
}

async function readText(root: string, file: string, errors: ErrorList, hash: Contents): Promise<string | undefined> {
  try {
    const text = await readFile(join(root, file), 'utf8');
    hash.set(file, text);
    return text;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    errors.add(file, '', code === 'ENOENT' ? 'file is missing' : `cannot read file (${code ?? String(err)})`);
    return undefined;
  }
}

/**
 * Two parsers, on purpose. js-yaml (YAML 1.2 core schema, duplicate keys refused) is about ten
 * times faster, which is most of the load time of a large knowledge folder. The yaml package
 * explains a broken file better ("line 12, column 3: ..."), so anything js-yaml refuses is parsed
 * again by it, for the message. Both read every shipped file to the same value (a test checks).
 */
export function parseYaml(text: string): { ok: true; data: unknown } | { ok: false; at?: Position; message: string } {
  try {
    return { ok: true, data: loadYaml(text, { schema: CORE_SCHEMA }) };
  } catch {
    // Fall through: the yaml package gives the message, or the value if it accepts the text.
  }
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length === 0) return { ok: true, data: doc.toJS() };
  // One broken line makes the parser trip over everything after it; the first error is the one to fix.
  const [e] = doc.errors;
  const at = e?.linePos?.[0];
  const more = doc.errors.length > 1 ? ` (${doc.errors.length - 1} more parse errors follow from it)` : '';
  return {
    ok: false,
    ...(at ? { at: { line: at.line, column: at.col } } : {}),
    message: `malformed YAML: ${(e?.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}${more}`,
  };
}

async function readYaml<S extends z.ZodType>(
  root: string,
  file: string,
  schema: S,
  errors: ErrorList,
  hash: Contents,
): Promise<z.infer<S> | undefined> {
  const text = await readText(root, file, errors, hash);
  if (text === undefined) return undefined;
  const value = parseYaml(text);
  if (!value.ok) {
    errors.add(file, '', value.message, value.at);
    return undefined;
  }
  const parsed = schema.safeParse(value.data ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.add(file, formatPath(issue.path), issue.message);
    return undefined;
  }
  return parsed.data;
}

async function loadAgreement(root: string, folder: string, errors: ErrorList, hash: Contents): Promise<Agreement | undefined> {
  const f = (name: string) => join(folder, name);
  const [meta, people, bodies, commitments, results] = await Promise.all([
    readYaml(root, f(AGREEMENT_FILES.agreement), AgreementFile, errors, hash),
    readYaml(root, f(AGREEMENT_FILES.people), PeopleFile, errors, hash),
    readYaml(root, f(AGREEMENT_FILES.bodies), BodiesFile, errors, hash),
    readYaml(root, f(AGREEMENT_FILES.commitments), CommitmentsFile, errors, hash),
    readYaml(root, f(AGREEMENT_FILES.results), ResultsFile, errors, hash),
  ]);
  if (!meta || !people || !bodies || !commitments || !results) return undefined;
  const source = await readText(root, f(meta.source_document.file), errors, hash);
  if (source === undefined) return undefined;
  return {
    id: meta.id,
    dir: join(root, folder),
    meta,
    people: people.people,
    bodies: bodies.bodies,
    commitments: commitments.commitments,
    results: results.results,
    facts: results.facts,
    sourceLines: source.normalize('NFC').split(/\r?\n/),
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Loads every agreement folder under `root` (a folder holding agreement.yaml) and the shared glossary.
 * Folders whose names start with "." or "_" are skipped, so admins can park drafts there.
 */
export async function loadKnowledge(root: string, now: () => Date = () => new Date()): Promise<LoadOutcome> {
  const hash: Contents = new Map();
  const errors = new ErrorList(root, hash);
  let entries: Dirent[];
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      ok: false,
      errors: [
        {
          file: root,
          path: '',
          message: code === 'ENOENT' ? 'knowledge folder does not exist' : `cannot read knowledge folder (${code ?? String(err)})`,
        },
      ],
    };
  }
  const folders = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && !e.name.startsWith('_'))
    .map((e) => e.name)
    .sort();
  if (folders.length === 0) errors.add('', '', 'no agreement folder found (each agreement is a folder holding agreement.yaml)');

  const glossary = await readYaml(root, GLOSSARY_FILE, GlossaryFile, errors, hash);
  const agreements: Agreement[] = [];
  for (const folder of folders) {
    const a = await loadAgreement(root, folder, errors, hash);
    if (a) agreements.push(a);
  }
  if (glossary) {
    for (const e of checkGlossary(glossary, agreements, GLOSSARY_FILE)) errors.add(e.file, e.path, e.message);
    const seen = new Map<string, string>();
    for (const a of agreements) {
      const other = seen.get(a.id);
      if (other)
        errors.add(join(relative(root, a.dir), AGREEMENT_FILES.agreement), 'id', `duplicate agreement id "${a.id}" (also in ${other})`);
      seen.set(a.id, a.dir);
      for (const e of crossCheck(a, glossary)) errors.add(join(relative(root, a.dir), e.file), e.path, e.message);
    }
  }
  if (errors.items.length > 0 || !glossary) return { ok: false, errors: errors.items };
  const digest = createHash('sha256');
  for (const [file, text] of [...hash].sort(([a], [b]) => (a < b ? -1 : 1))) digest.update(file).update('\0').update(text).update('\0');
  const knowledge: Knowledge = { dir: root, agreements, glossary, version: digest.digest('hex').slice(0, 12), loadedAt: now() };
  return { ok: true, knowledge: deepFreeze(knowledge) };
}
