// Files from admins. A knowledge .yaml file in a private chat (caption: its path inside the
// knowledge folder, when the name alone is ambiguous) is checked, reported, and applied only when
// the same admin presses "Apply". An agreement document (.docx, .pdf, .txt, .md) is drafted into
// _drafts/ and the draft comes back as a zip; a .zip of an agreement folder is checked, reported and
// put live on "Apply" (../agreement-files.ts). In a private chat a file sent without a word is for
// this flow (a document with a caption asks the caption); in a group, a document or zip addressed
// to the bot (a reply to it, or a caption that mentions it and says nothing else).
import { basename } from 'node:path';
import { type Composer, type Context, type Filter, InlineKeyboard, InputFile } from 'grammy';
import type { AdminCommands } from '../../src/admin/commands.ts';
import { MAX_UPLOAD_BYTES, prepareUpload, uploadTarget } from '../../src/admin/upload.ts';
import type { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { kindOf, PendingUploads, readCapped, receiveAgreementFile } from '../agreement-files.ts';
import { bothLanguages, NOTICES } from '../../src/answer/notices.ts';
import { adminHtml, callerOf } from './admin.ts';
import { withoutMentions } from './question.ts';

export interface UploadDeps {
  knowledgeDir: string;
  store: KnowledgeStore;
  admin: AdminCommands;
  token: string;
  apiRoot?: string;
}

export function registerUpload(bot: Composer<Context>, deps: UploadDeps): void {
  const pending = new PendingUploads();
  const confirmKeyboard = (key: string) =>
    new InlineKeyboard()
      .text(bothLanguages(NOTICES.applyUpload), `up:${key}:yes`)
      .text(bothLanguages(NOTICES.cancelUpload), `up:${key}:no`);

  /** The uploaded file's bytes, through getFile and the Bot API's file URL; undefined past `max`. */
  async function download(ctx: Context, max: number): Promise<Uint8Array | undefined> {
    const file = await ctx.getFile();
    const res = await fetch(`${deps.apiRoot ?? 'https://api.telegram.org'}/file/bot${deps.token}/${file.file_path ?? ''}`);
    if (!res.ok) throw new Error(`telegram: downloading the uploaded file failed (${res.status})`);
    return readCapped(res, max);
  }

  bot.on('message:document', async (ctx, next) => {
    const doc = ctx.msg.document;
    const name = doc.file_name ?? '';
    const yaml = /\.ya?ml$/i.test(name);
    const priv = ctx.chat.type === 'private';
    if (yaml) return priv ? uploadYaml(ctx) : next();
    const kind = await kindOf(name);
    // A zip is never a question; a document with words is one (its caption), as is anything in a group but these two.
    const words = withoutMentions(ctx.msg, ctx.me) !== '';
    if (kind !== 'zip' && words) return next();
    if (!priv && kind === 'other') return next();
    const replyTo = { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } };
    const received = await receiveAgreementFile(deps, callerOf(ctx), { name, size: doc.file_size }, (max) => download(ctx, max), {
      notAccepted: NOTICES.fileNotAcceptedOrYaml,
    });
    switch (received.kind) {
      case 'reply':
        await ctx.reply(adminHtml(received.reply), { parse_mode: 'HTML', ...replyTo });
        return;
      case 'draft':
        await ctx.reply(adminHtml(received.reply), { parse_mode: 'HTML', ...replyTo });
        for (const f of received.files) await ctx.replyWithDocument(new InputFile(f.bytes, f.name), replyTo);
        return;
      case 'confirm': {
        const key = pending.put(String(ctx.from.id), received.apply);
        await ctx.reply(adminHtml(received.reply), { parse_mode: 'HTML', reply_markup: confirmKeyboard(key), ...replyTo });
        return;
      }
      default: {
        const never: never = received;
        return never;
      }
    }
  });

  /** One knowledge file (commitments.yaml, …): checked with the rest, reported, applied on "Apply". */
  async function uploadYaml(ctx: Filter<Context, 'message:document'>) {
    const who = callerOf(ctx);
    const refused = deps.admin.refusal(who, 'upload');
    if (refused) {
      await ctx.reply(adminHtml(refused), { parse_mode: 'HTML' });
      return;
    }
    const actions = deps.admin.admin;
    const doc = ctx.msg.document;
    if ((doc.file_size ?? 0) > MAX_UPLOAD_BYTES) {
      actions.record(who, 'upload', `${doc.file_name ?? '?'}: ${doc.file_size} bytes`, 'refused');
      await ctx.reply(bothLanguages(NOTICES.fileTooLarge));
      return;
    }
    const agreementDirs = deps.store.engine().knowledge.agreements.map((a) => basename(a.dir));
    const target = uploadTarget(deps.knowledgeDir, agreementDirs, doc.file_name ?? '', ctx.msg.caption);
    if (typeof target !== 'string') {
      actions.record(who, 'upload', `${doc.file_name ?? '?'} → ${ctx.msg.caption ?? ''}`, 'refused');
      await ctx.reply(target.error);
      return;
    }
    const bytes = await download(ctx, MAX_UPLOAD_BYTES);
    if (!bytes) {
      actions.record(who, 'upload', `${doc.file_name ?? '?'}: over ${MAX_UPLOAD_BYTES} bytes`, 'refused');
      await ctx.reply(bothLanguages(NOTICES.fileTooLarge));
      return;
    }
    const prepared = await prepareUpload(deps.knowledgeDir, deps.store, actions, who, target, new TextDecoder().decode(bytes));
    if (!prepared.ok) {
      await ctx.reply(adminHtml(prepared.reply), { parse_mode: 'HTML' });
      return;
    }
    const key = pending.put(String(ctx.from.id), prepared.apply);
    await ctx.reply(adminHtml(prepared.reply), { parse_mode: 'HTML', reply_markup: confirmKeyboard(key) });
  }

  bot.callbackQuery(/^up:([0-9a-z]+):(yes|no)$/, async (ctx) => {
    const [, key = '', choice] = ctx.match;
    // Only the admin who uploaded may apply it.
    const plan = pending.take(key, String(ctx.from.id));
    if (!plan) {
      await ctx.answerCallbackQuery({ text: bothLanguages(NOTICES.nothingToApply) });
      return;
    }
    if (choice === 'no') {
      deps.admin.admin.record(callerOf(ctx), 'upload', 'cancelled', 'ok');
      await ctx.editMessageText(bothLanguages(NOTICES.uploadCancelled));
    } else {
      const reply = await plan.apply();
      await ctx.editMessageText(adminHtml(reply), { parse_mode: 'HTML' });
    }
    await ctx.answerCallbackQuery();
  });
}
