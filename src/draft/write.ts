// Writing a draft folder, and checking it with the loader the bot itself uses, against the
// knowledge's own glossary, before anyone is told it is ready.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadKnowledge } from '../knowledge/load.ts';
import { AGREEMENT_FILES, GLOSSARY_FILE } from '../knowledge/schema.ts';
import type { KnowledgeError } from '../knowledge/types.ts';
import type { Draft } from './draft.ts';

const HEADER = (file: string, from: string) =>
  `# ${file}, drafted by \`mou-bot draft\` from ${from}. Entries marked \`review:\` need a person's look;\n` +
  '# every quote is cut from the line of source.txt it cites. Promote the folder by renaming it.\n';

function yaml(value: unknown): string {
  // Plain scalars where safe, no folding: a quote stays on one line, as admins search for it.
  return stringify(value, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
}

export async function writeDraft(draft: Draft, dir: string, sourceName: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  const f = draft.files;
  const files: [string, unknown][] = [
    [AGREEMENT_FILES.agreement, f.agreement],
    [AGREEMENT_FILES.people, f.people],
    [AGREEMENT_FILES.bodies, f.bodies],
    [AGREEMENT_FILES.commitments, f.commitments],
    [AGREEMENT_FILES.results, f.results],
  ];
  await Promise.all([
    ...files.map(([name, value]) => writeFile(join(dir, name), HEADER(name, sourceName) + yaml(value))),
    writeFile(join(dir, 'source.txt'), `${draft.lines.join('\n')}\n`),
  ]);
}

/** Loads the draft beside the glossary in a scratch folder: the errors `npm run check` would print once it is promoted. */
export async function checkDraft(draft: Draft, knowledgeDir: string, sourceName: string): Promise<KnowledgeError[]> {
  const root = await mkdtemp(join(tmpdir(), 'mou-draft-check-'));
  try {
    await copyFile(join(knowledgeDir, GLOSSARY_FILE), join(root, GLOSSARY_FILE));
    await writeDraft(draft, join(root, draft.id), sourceName);
    const outcome = await loadKnowledge(root);
    return outcome.ok ? [] : outcome.errors.map((e) => ({ ...e, file: e.file.replace(`${root}/`, '') }));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
