// An agreement file an admin sends in chat (issue 15, part 3), the same on every platform: a
// document (.docx, .pdf, .txt, .md) is drafted into _drafts/ and comes back as a zip, nothing live
// changed; a .zip of an agreement folder is checked and waits, with its change report, for the
// admin to confirm it. The adapters say where the file came from, how to download it and how to
// show the outcome; who may do this, the limits and every sentence come from the core and notices.ts.
// The drafter (and mammoth, which takes a tenth of a second to load) is imported on the first file,
// not when the bot starts.
import { randomBytes } from 'node:crypto';
import type { AdminReply } from '../src/admin/admin.ts';
import type { AdminCommands, Caller } from '../src/admin/commands.ts';
import type { KnowledgeStore } from '../src/runtime/knowledge-store.ts';
import { bothLanguages, documentTooLarge, NOTICES, type NoticeLang, zipTooLarge } from '../src/answer/notices.ts';

export interface AgreementFileDeps {
  knowledgeDir: string;
  store: KnowledgeStore;
  admin: AdminCommands;
}

/** What a file is, by its name: an agreement document to draft, a zip of a folder, or neither. */
export type FileKind = 'document' | 'zip' | 'other';

const drafting = () => import('../src/admin/draft-upload.ts');

export async function kindOf(fileName: string): Promise<FileKind> {
  const { isDraftable, isFolderZip } = await drafting();
  return isDraftable(fileName) ? 'document' : isFolderZip(fileName) ? 'zip' : 'other';
}

export type Received =
  /** A refusal, or why the file could not be taken: nothing to send but the reply. */
  | { kind: 'reply'; reply: AdminReply }
  /** A drafted document: the summary, and the draft folder as a zip to send back. */
  | { kind: 'draft'; reply: AdminReply; files: { name: string; bytes: Uint8Array }[] }
  /** A valid folder: the change report, waiting for the admin to confirm it. */
  | { kind: 'confirm'; reply: AdminReply; apply(): Promise<AdminReply> };

export interface SentFile {
  name: string;
  /** The size the platform reports, checked before anything is downloaded. */
  size?: number | undefined;
}

const notice = (n: Record<NoticeLang, string>): AdminReply => ({ ok: false, title: bothLanguages(n), lines: [] });

/**
 * Takes a file an admin sent. `download(max)` fetches it, and answers undefined when it turns out
 * larger than `max` bytes (a platform may not report the size, or report it wrong). Non-admins are
 * refused and audited before anything else; the size is checked before the download.
 */
export async function receiveAgreementFile(
  deps: AgreementFileDeps,
  caller: Caller,
  file: SentFile,
  download: (maxBytes: number) => Promise<Uint8Array | undefined>,
  options: { notAccepted?: Record<NoticeLang, string> } = {},
): Promise<Received> {
  const core = await drafting();
  const kind = await kindOf(file.name);
  const refused = deps.admin.refusal(caller, kind === 'document' ? 'draft' : 'upload');
  if (refused) return { kind: 'reply', reply: refused };
  const actions = deps.admin.admin;
  const action = kind === 'document' ? 'draft' : 'upload';
  if (kind === 'other') {
    actions.record(caller, 'upload', `${file.name}: not accepted`, 'refused');
    return { kind: 'reply', reply: notice(options.notAccepted ?? NOTICES.fileNotAccepted) };
  }
  const max = kind === 'document' ? core.MAX_DOCUMENT_BYTES : core.MAX_ZIP_BYTES;
  const tooLarge = (size: string): Received => {
    actions.record(caller, action, `${file.name}: ${size}`, 'refused');
    return { kind: 'reply', reply: notice(kind === 'document' ? documentTooLarge(max) : zipTooLarge(max)) };
  };
  if ((file.size ?? 0) > max) return tooLarge(`${file.size} bytes`);
  const bytes = await download(max);
  if (!bytes) return tooLarge(`over ${max} bytes`);
  if (kind === 'document') {
    const drafted = await core.draftUpload(deps.knowledgeDir, actions, caller, file.name, bytes);
    return { kind: 'draft', ...drafted };
  }
  const prepared = await core.prepareFolderUpload(deps.knowledgeDir, deps.store, actions, caller, bytes);
  return prepared.ok ? { kind: 'confirm', reply: prepared.reply, apply: prepared.apply } : { kind: 'reply', reply: prepared.reply };
}

/** A response's body, or undefined as soon as it passes `max` bytes (the rest is not read). */
export async function readCapped(res: Response, max: number): Promise<Uint8Array | undefined> {
  if (Number(res.headers.get('content-length') ?? 0) > max) {
    await res.body?.cancel();
    return undefined;
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!res.body) return new Uint8Array();
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > max) {
      await res.body.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** An upload waiting for its admin's confirmation. */
interface Waiting {
  userId: string;
  apply(): Promise<AdminReply>;
}

/**
 * Uploads waiting for confirmation, under random keys (a button carries the key): bounded, in
 * memory, so after a restart a button finds nothing and says so. Only the admin who sent the
 * file may apply it.
 */
export class PendingUploads {
  private readonly waiting = new Map<string, Waiting>();

  constructor(private readonly capacity = 100) {}

  /** Keeps an upload; returns its key (12 characters of [0-9a-f]). */
  put(userId: string, apply: () => Promise<AdminReply>): string {
    const key = randomBytes(6).toString('hex');
    this.waiting.set(key, { userId, apply });
    while (this.waiting.size > this.capacity) {
      const oldest = this.waiting.keys().next().value;
      if (oldest === undefined) break;
      this.waiting.delete(oldest);
    }
    return key;
  }

  /** The upload under `key` if `userId` sent it, and forgets it; else undefined, and it stays. */
  take(key: string, userId: string): Waiting | undefined {
    const found = this.waiting.get(key);
    if (!found || found.userId !== userId) return undefined;
    this.waiting.delete(key);
    return found;
  }
}
