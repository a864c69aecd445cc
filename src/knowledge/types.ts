import type { AgreementFile, Body, Commitment, Fact, Glossary, Person, Result } from './schema.ts';

/** One agreement folder, validated. Ids inside are unique within the agreement only. */
export interface Agreement {
  readonly id: string;
  readonly dir: string;
  readonly meta: AgreementFile;
  readonly people: readonly Person[];
  readonly bodies: readonly Body[];
  readonly commitments: readonly Commitment[];
  readonly results: readonly Result[];
  readonly facts: readonly Fact[];
  /** The source text, one entry per line; line N is sourceLines[N - 1]. */
  readonly sourceLines: readonly string[];
}

/** Everything the bot knows, frozen. A reload builds a new one; nothing mutates this. */
export interface Knowledge {
  readonly dir: string;
  readonly agreements: readonly Agreement[];
  readonly glossary: Glossary;
  /** Content hash of every file read, so two loads of the same files compare equal. */
  readonly version: string;
  readonly loadedAt: Date;
}

/** One problem in the knowledge files: which file, where inside it, and why. */
export interface KnowledgeError {
  readonly file: string;
  /** Where in the file, 1-based, when known: the entry at `path`, or where the YAML broke. */
  readonly line?: number;
  readonly column?: number;
  /** The entry, as `commitments[3].responsible[0].party`; empty for an error about the whole file. */
  readonly path: string;
  readonly message: string;
}

export type LoadOutcome =
  | { readonly ok: true; readonly knowledge: Knowledge }
  | { readonly ok: false; readonly errors: readonly KnowledgeError[] };

/** `file: line 12, column 5: commitments[3].status: reason`, leaving out what is not known. */
export function formatKnowledgeError(e: KnowledgeError): string {
  const at = e.line !== undefined ? `line ${e.line}, column ${e.column ?? 1}: ` : '';
  return `${e.file}: ${at}${e.path ? `${e.path}: ` : ''}${e.message}`;
}

/** `commitments[3].responsible[0].party`, the way an admin reads a YAML path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}
