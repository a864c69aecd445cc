// `mou-bot draft <file> [--id <agreement-id>] [--out <folder>]`: one route from a document to a draft
// folder: extract, draft, write, check, summarise. Exit 0 with the summary; 1 when the draft does
// not pass the check; 2 for bad usage or a file that cannot be read or holds no agreement.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Config } from '../config.ts';
import { parseYaml } from '../knowledge/load.ts';
import { GLOSSARY_FILE, GlossaryFile } from '../knowledge/schema.ts';
import { type Draft, draftFromLines } from './draft.ts';
import { DraftInputError, extractParagraphs, type Format } from './extract/extract.ts';
import { formatSummary } from './summary.ts';
import { checkDraft, writeDraft } from './write.ts';
import { Id } from '../knowledge/schema.ts';

export const DRAFT_USAGE =
  '  mou-bot draft <file> [--id <agreement-id>] [--out <folder>]   draft a knowledge folder from a .txt, .md, .docx or .pdf';

export interface DraftResult {
  draft: Draft;
  format: Format;
  out: string;
  errors: Awaited<ReturnType<typeof checkDraft>>;
  summary: string;
  seconds: number;
}

async function glossaryOf(knowledgeDir: string) {
  const path = join(knowledgeDir, GLOSSARY_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new DraftInputError(`${path}: cannot read the glossary (areas come from it); is KNOWLEDGE_DIR right?`);
  }
  const parsed = parseYaml(text);
  const g = parsed.ok ? GlossaryFile.safeParse(parsed.data) : undefined;
  if (!g?.success) throw new DraftInputError(`${path}: the glossary is invalid; run \`npm run check\``);
  return g.data;
}

/** Drafts one file into `out` (default `<knowledgeDir>/_drafts/<id>`). Throws DraftInputError for what the admin must fix. */
export async function draftFile(file: string, options: { knowledgeDir: string; id?: string; out?: string }): Promise<DraftResult> {
  const started = performance.now();
  if (options.id !== undefined && !Id.safeParse(options.id).success)
    throw new DraftInputError(`--id "${options.id}": use letters, digits and dashes (for example hl-vk-2024)`);
  const glossary = await glossaryOf(options.knowledgeDir);
  const { format, paragraphs } = await extractParagraphs(file);
  const draft = draftFromLines(paragraphs, { fileName: basename(file), glossary, ...(options.id ? { id: options.id } : {}) });
  const out = options.out ?? join(options.knowledgeDir, '_drafts', draft.id);
  await writeDraft(draft, out, basename(file));
  const errors = await checkDraft(draft, options.knowledgeDir, basename(file));
  const seconds = (performance.now() - started) / 1000;
  return { draft, format, out, errors, seconds, summary: formatSummary({ draft, source: file, format, out, seconds, errors }) };
}

/** The CLI command: parses its arguments, prints the summary or the reason it could not draft. */
export async function runDraft(args: readonly string[], config: Config): Promise<number> {
  const files: string[] = [];
  const opts: { id?: string; out?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--id' || a === '--out') {
      const v = args[++i];
      if (!v || v.startsWith('--')) {
        process.stderr.write(`${a} needs a value\nusage:\n${DRAFT_USAGE}\n`);
        return 2;
      }
      opts[a === '--id' ? 'id' : 'out'] = v;
    } else if (a.startsWith('--')) {
      process.stderr.write(`unknown option ${a}\nusage:\n${DRAFT_USAGE}\n`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 1) {
    process.stderr.write(`usage:\n${DRAFT_USAGE}\n`);
    return 2;
  }
  try {
    const r = await draftFile(files[0] as string, { knowledgeDir: config.knowledgeDir, ...opts });
    process.stdout.write(`${r.summary}\n`);
    return r.errors.length === 0 ? 0 : 1;
  } catch (err) {
    if (err instanceof DraftInputError) {
      process.stderr.write(`cannot draft: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
