// Issue 15, part 3: drafting in chat, and a reviewed folder going live. Platform-neutral: adapters
// download the file, check the caller is an admin (AdminCommands.refusal), and send back the reply
// and the files.
//  - An agreement document (.docx, .pdf, .txt, .md) is drafted as `mou-bot draft` drafts it, into
//    <KNOWLEDGE_DIR>/_drafts/<id>/, which the loader skips: nothing live changes. The reply is the
//    draft's summary, and the folder comes back as one zip to review and edit.
//  - A zip of an agreement folder (the reviewed draft, or an edited agreement) goes live through the
//    upload flow: checked with the rest of the knowledge in a copy, the change report shown, and only
//    a confirmation puts it in place, the previous folder kept under _backups/.
import { randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { draftFile } from '../draft/run.ts';
import { formatSummary } from '../draft/summary.ts';
import { DraftInputError } from '../draft/extract/extract.ts';
import { changeLines, diffKnowledge } from '../knowledge/diff.ts';
import { loadKnowledge, parseYaml } from '../knowledge/load.ts';
import { AGREEMENT_FILES, Id } from '../knowledge/schema.ts';
import { formatKnowledgeError } from '../knowledge/types.ts';
import type { KnowledgeStore } from '../runtime/knowledge-store.ts';
import type { Admin, AdminReply, Who } from './admin.ts';
import type { Prepared } from './upload.ts';

/** Documents the drafter reads. */
export const DRAFTABLE = new Set(['.docx', '.pdf', '.txt', '.md']);

/** A document larger than this is refused before download (a long MoU as a scanned PDF is a few MB). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** A zip larger than this, or that unpacks to more, is refused. */
export const MAX_ZIP_BYTES = 5 * 1024 * 1024;

export const isDraftable = (fileName: string) => DRAFTABLE.has(extname(fileName).toLowerCase());
export const isFolderZip = (fileName: string) => extname(fileName).toLowerCase() === '.zip';

export interface DraftReply {
  reply: AdminReply;
  /** The draft folder as one zip, to send back; none when drafting failed. */
  files: { name: string; bytes: Uint8Array }[];
}

/** Drafts an uploaded document into _drafts/<id>/ and zips the folder. Nothing live changes. */
export async function draftUpload(knowledgeDir: string, admin: Admin, who: Who, fileName: string, bytes: Uint8Array): Promise<DraftReply> {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) return failed(admin, who, fileName, 'Tệp quá lớn (tối đa 20 MB). / The file is over 20 MB.');
  const scratch = await mkdtemp(join(tmpdir(), 'mou-draft-'));
  try {
    // The drafter reads a file by its extension; the name is the admin's, made safe.
    const file = join(scratch, basename(fileName).replace(/[^\p{L}\p{N}._-]+/gu, '_'));
    await writeFile(file, bytes);
    const r = await draftFile(file, { knowledgeDir });
    const zip = await zipFolder(r.out, r.draft.id);
    admin.record(who, 'draft', `${fileName} → _drafts/${r.draft.id} (${r.errors.length} errors)`, r.errors.length === 0 ? 'ok' : 'failed');
    return {
      reply: {
        ok: r.errors.length === 0,
        title: `Bản nháp / Draft: _drafts/${r.draft.id}/ — chưa áp dụng, dữ liệu đang dùng không đổi. / Not live; nothing changed.`,
        lines: [
          // The summary `mou-bot draft` prints, with the admin's file name and the draft's place
          // in the knowledge folder rather than the server's temporary paths, and the chat's next
          // step rather than the command line's.
          ...formatSummary({
            draft: r.draft,
            source: fileName,
            format: r.format,
            out: `_drafts/${r.draft.id}`,
            seconds: r.seconds,
            errors: r.errors,
          })
            .split('\n')
            .filter((l) => l.trim() !== '' && !/^\s*Next:|grep -n/.test(l)),
          `Sửa các tệp trong ${r.draft.id}.zip rồi gửi lại tệp zip để đưa vào sử dụng. / Edit the files in ${r.draft.id}.zip, then send the zip back to put it live.`,
        ],
      },
      files: [{ name: `${r.draft.id}.zip`, bytes: zip }],
    };
  } catch (err) {
    if (err instanceof DraftInputError) return failed(admin, who, fileName, `Không đọc được tài liệu / Cannot draft: ${err.message}`);
    throw err;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function failed(admin: Admin, who: Who, fileName: string, title: string): DraftReply {
  admin.record(who, 'draft', `${fileName}: ${title}`, 'failed');
  return { reply: { ok: false, title, lines: [] }, files: [] };
}

/** The folder's files under `<id>/` in one zip. */
async function zipFolder(dir: string, id: string): Promise<Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  for (const name of await readdir(dir)) entries[`${id}/${name}`] = new Uint8Array(await readFile(join(dir, name)));
  return zipSync(entries);
}

/**
 * A zip of one agreement folder, checked with the rest of the knowledge in a copy. The files may
 * sit at the zip's root or in one folder; the agreement's id (agreement.yaml) names the folder.
 * Only the agreement files and the source file it names are taken.
 */
export async function prepareFolderUpload(
  knowledgeDir: string,
  store: KnowledgeStore,
  admin: Admin,
  who: Who,
  zip: Uint8Array,
): Promise<Prepared> {
  const refuse = (title: string, lines: string[] = []): Prepared => {
    admin.record(who, 'upload', `zip: ${title}`, 'failed');
    return { ok: false, reply: { ok: false, title, lines } };
  };
  if (zip.byteLength > MAX_ZIP_BYTES) return refuse('Tệp zip quá lớn (tối đa 5 MB). / The zip is over 5 MB.');
  const files = unpack(zip);
  if (typeof files === 'string') return refuse(files);
  const agreementYaml = files.get(AGREEMENT_FILES.agreement);
  if (!agreementYaml) return refuse(`Thiếu ${AGREEMENT_FILES.agreement} trong tệp zip. / The zip has no ${AGREEMENT_FILES.agreement}.`);
  const meta = parseYaml(new TextDecoder().decode(agreementYaml));
  const id = meta.ok ? (meta.data as { id?: unknown }).id : undefined;
  if (typeof id !== 'string' || !Id.safeParse(id).success)
    return refuse(`${AGREEMENT_FILES.agreement}: thiếu \`id\` hợp lệ. / needs a valid \`id\`.`);
  const sourceFile = (meta.ok && (meta.data as { source_document?: { file?: unknown } }).source_document?.file) || 'source.txt';
  const wanted = new Set<string>([...Object.values(AGREEMENT_FILES), String(sourceFile)]);
  const unknown = [...files.keys()].filter((n) => !wanted.has(n));
  if (unknown.length > 0)
    return refuse(`Tệp không được nhận / Files not accepted: ${unknown.join(', ')}. Chỉ nhận / Only: ${[...wanted].join(', ')}.`);
  if (!files.has(String(sourceFile)))
    return refuse(`Thiếu tệp nguồn ${String(sourceFile)} trong tệp zip. / The zip has no ${String(sourceFile)}.`);

  // Checked in a copy of the knowledge folder: the live one is not touched yet.
  const scratch = await mkdtemp(join(tmpdir(), 'mou-upload-'));
  try {
    // Drafts and backups are not knowledge: they are left out of the copy.
    await cp(knowledgeDir, scratch, {
      recursive: true,
      filter: (src) => !/[\\/]_(drafts|backups)([\\/]|$)/.test(src.slice(knowledgeDir.length)),
    });
    await rm(join(scratch, id), { recursive: true, force: true });
    await writeFolder(join(scratch, id), files);
    const outcome = await loadKnowledge(scratch);
    if (!outcome.ok)
      return refuse(
        `❌ ${id}/: ${outcome.errors.length} lỗi; chưa thay đổi gì. / not applied.`,
        outcome.errors.slice(0, 10).map((e) => formatKnowledgeError({ ...e, file: e.file.replace(scratch, knowledgeDir) })),
      );
    const changes = changeLines(diffKnowledge(store.engine().knowledge, outcome.knowledge));
    return {
      ok: true,
      target: `${id}/`,
      reply: { ok: true, title: `${id}/: hợp lệ. Thay đổi sẽ áp dụng / valid; it would change:`, lines: changes },
      async apply() {
        const live = join(knowledgeDir, id);
        const existed = await stat(live).then(
          () => true,
          () => false,
        );
        // Written beside the live folder, then swapped in by renames: a reload never sees half a folder.
        const temp = join(knowledgeDir, `.${id}.${randomBytes(4).toString('hex')}.tmp`);
        await writeFolder(temp, files);
        const backup = join('_backups', `${id}.${new Date().toISOString().replace(/[:.]/g, '-')}`);
        if (existed) {
          await mkdir(join(knowledgeDir, '_backups'), { recursive: true });
          await rename(live, join(knowledgeDir, backup));
        }
        await rename(temp, live);
        const { reply } = await admin.reload(who);
        if (!reply.ok) {
          // The knowledge changed since the check (another upload, say): put the old folder back.
          await rm(live, { recursive: true, force: true });
          if (existed) await rename(join(knowledgeDir, backup), live);
          await admin.reload(who);
          admin.record(who, 'upload', `${id}/ (zip): failed at reload, previous folder restored`, 'failed');
          return {
            ...reply,
            lines: ['Đã khôi phục bản cũ; không có gì thay đổi. / The previous folder is back; nothing changed.', ...reply.lines],
          };
        }
        admin.record(who, 'upload', `${id}/ (zip)${existed ? ` (backup ${backup})` : ''}`, 'ok');
        return { ...reply, lines: [...(existed ? [`Bản cũ / previous version: ${backup}`] : []), ...reply.lines] };
      },
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The zip's files by name (in one folder at most), or why it is refused. */
function unpack(zip: Uint8Array): Map<string, Uint8Array> | string {
  let total = 0;
  let lying = false;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip, {
      // Sizes are checked before anything is inflated: a small zip cannot unpack to gigabytes.
      filter: (f) => {
        total += f.originalSize;
        // Deflate never makes data bigger by more than a few bytes per block: an entry whose
        // compressed size passes what it says it unpacks to lies, and inflating it could run for
        // minutes on the event loop (a "zip bomb" declaring a small size).
        if (f.size > f.originalSize + Math.ceil(f.originalSize / 1000) + 1024) lying = true;
        return total <= MAX_ZIP_BYTES && !lying;
      },
    });
  } catch {
    return 'Không đọc được tệp zip. / The zip cannot be read.';
  }
  if (lying) return 'Không đọc được tệp zip. / The zip cannot be read.';
  if (total > MAX_ZIP_BYTES) return 'Tệp zip giải nén quá lớn (tối đa 5 MB). / The zip unpacks to over 5 MB.';
  const names = Object.keys(entries).filter((n) => !n.endsWith('/') && !/(^|\/)(__MACOSX|\.DS_Store)/.test(n));
  const folders = new Set(names.map((n) => (n.includes('/') ? n.slice(0, n.indexOf('/')) : '')));
  if (folders.size > 1 || names.some((n) => n.split('/').length > 2 || n.split('/').includes('..')))
    return 'Tệp zip phải chứa một thư mục văn bản (hoặc các tệp ở gốc). / The zip must hold one agreement folder (or its files at the root).';
  return new Map(names.map((n) => [basename(n), entries[n] as Uint8Array]));
}

async function writeFolder(dir: string, files: Map<string, Uint8Array>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, bytes] of files) await writeFile(join(dir, name), bytes);
}
