// Knowledge upload: an admin sends one YAML file; it is checked against the rest of the
// knowledge off to the side, the change report is shown, and only a confirmation writes it —
// atomically (temp file, then rename), keeping the previous version as a backup.
import { randomBytes } from 'node:crypto';
import { copyFile, cp, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { changeLines, diffKnowledge } from '../knowledge/diff.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { AGREEMENT_FILES, GLOSSARY_FILE } from '../knowledge/schema.ts';
import type { KnowledgeStore } from '../runtime/knowledge-store.ts';
import { formatKnowledgeError } from '../knowledge/types.ts';
import type { Admin, AdminReply, Who } from './admin.ts';

/** Uploads larger than this are refused before download. */
export const MAX_UPLOAD_BYTES = 1024 * 1024;

const KNOWN_FILES = new Set<string>([...Object.values(AGREEMENT_FILES), GLOSSARY_FILE]);

export type Prepared = { ok: false; reply: AdminReply } | { ok: true; target: string; reply: AdminReply; apply(): Promise<AdminReply> };

/**
 * Where an uploaded file goes, relative to the knowledge folder: the caption if given
 * ("bg-tn-2023/commitments.yaml"), else the file name when only one place can hold it.
 * Anything that would leave the knowledge folder is refused.
 */
export function uploadTarget(
  knowledgeDir: string,
  agreementDirs: readonly string[],
  fileName: string,
  caption?: string,
): string | { error: string } {
  const wanted = (caption?.trim() || fileName).replace(/\\/g, '/');
  if (isAbsolute(wanted) || wanted.split('/').includes('..'))
    return { error: 'Đường dẫn phải nằm trong thư mục dữ liệu. / The path must stay inside the knowledge folder.' };
  const name = basename(wanted);
  if (!KNOWN_FILES.has(name)) return { error: `Chỉ nhận các tệp ${[...KNOWN_FILES].join(', ')}. / Only these files are accepted.` };
  let target = wanted;
  if (!wanted.includes('/') && name !== GLOSSARY_FILE) {
    if (agreementDirs.length !== 1)
      return {
        error: `Có nhiều văn bản; hãy ghi đường dẫn vào chú thích, ví dụ ${agreementDirs[0] ?? 'bg-tn-2023'}/${name}. / Several agreements: put the path in the caption.`,
      };
    target = `${agreementDirs[0]}/${name}`;
  }
  const full = resolve(knowledgeDir, normalize(target));
  const root = resolve(knowledgeDir);
  if (!full.startsWith(root + sep))
    return { error: 'Đường dẫn phải nằm trong thư mục dữ liệu. / The path must stay inside the knowledge folder.' };
  return relative(root, full).split(sep).join('/');
}

export async function prepareUpload(
  knowledgeDir: string,
  store: KnowledgeStore,
  admin: Admin,
  who: Who,
  target: string,
  content: string,
): Promise<Prepared> {
  if (Buffer.byteLength(content) > MAX_UPLOAD_BYTES)
    return { ok: false, reply: { ok: false, title: 'Tệp quá lớn (tối đa 1 MB). / The file is over 1 MB.', lines: [] } };
  // Check the file with the rest of the knowledge, in a copy: the live folder is not touched yet.
  const scratch = await mkdtemp(join(tmpdir(), 'mou-upload-'));
  try {
    await cp(knowledgeDir, scratch, { recursive: true });
    await writeFile(join(scratch, target), content);
    const outcome = await loadKnowledge(scratch);
    if (!outcome.ok) {
      admin.record(who, 'upload', `${target}: ${outcome.errors.length} errors`, 'failed');
      return {
        ok: false,
        reply: {
          ok: false,
          title: `❌ ${target}: ${outcome.errors.length} lỗi; chưa thay đổi gì. / not applied.`,
          lines: outcome.errors.slice(0, 10).map((e) => formatKnowledgeError({ ...e, file: e.file.replace(scratch, knowledgeDir) })),
        },
      };
    }
    const changes = changeLines(diffKnowledge(store.engine().knowledge, outcome.knowledge));
    return {
      ok: true,
      target,
      reply: { ok: true, title: `${target}: hợp lệ. Thay đổi sẽ áp dụng / valid; it would change:`, lines: changes },
      async apply() {
        const file = join(knowledgeDir, target);
        const existed = await stat(file).then(
          () => true,
          () => false,
        );
        const backup = `${file}.${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
        if (existed) await copyFile(file, backup);
        const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
        await writeFile(temp, content);
        await rename(temp, file);
        const { reply } = await admin.reload(who);
        if (!reply.ok) {
          // The knowledge changed since the check (another upload, say): put the previous file back.
          if (existed) await copyFile(backup, file);
          else await rm(file, { force: true });
          await admin.reload(who);
          admin.record(who, 'upload', `${target}: failed at reload, previous version restored`, 'failed');
          return {
            ...reply,
            lines: ['Đã khôi phục bản cũ; không có gì thay đổi. / The previous version is back; nothing changed.', ...reply.lines],
          };
        }
        admin.record(who, 'upload', `${target}${existed ? ` (backup ${basename(backup)})` : ''}`, 'ok');
        return { ...reply, lines: [...(existed ? [`Bản cũ / previous version: ${basename(backup)}`] : []), ...reply.lines] };
      },
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
