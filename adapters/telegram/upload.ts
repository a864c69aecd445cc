// Knowledge upload in a private chat: an admin sends a .yaml file (caption: its path inside the
// knowledge folder, when the name alone is ambiguous); the bot replies with the change report
// and applies it only when the same admin presses "Apply".
import { basename } from 'node:path';
import { type Composer, type Context, InlineKeyboard } from 'grammy';
import type { AdminReply } from '../../src/admin/admin.ts';
import type { AdminCommands } from '../../src/admin/commands.ts';
import { MAX_UPLOAD_BYTES, prepareUpload, uploadTarget } from '../../src/admin/upload.ts';
import type { KnowledgeStore } from '../../src/runtime/knowledge-store.ts';
import { bothLanguages, NOTICES } from '../notices.ts';
import { adminHtml, callerOf } from './admin.ts';

export interface UploadDeps {
  knowledgeDir: string;
  store: KnowledgeStore;
  admin: AdminCommands;
  token: string;
  apiRoot?: string;
}

export function registerUpload(bot: Composer<Context>, deps: UploadDeps): void {
  const pending = new Map<string, { userId: number; apply: () => Promise<AdminReply> }>();

  bot.on('message:document', async (ctx, next) => {
    // A YAML file, or a file sent without a word, is an upload; any other document's caption is a question.
    const uploading = /\.ya?ml$/i.test(ctx.msg.document.file_name ?? '') || !ctx.msg.caption?.trim();
    if (ctx.chat.type !== 'private' || !uploading) return next();
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
    const file = await ctx.getFile();
    const res = await fetch(`${deps.apiRoot ?? 'https://api.telegram.org'}/file/bot${deps.token}/${file.file_path ?? ''}`);
    if (!res.ok) throw new Error(`telegram: downloading the uploaded file failed (${res.status})`);
    const prepared = await prepareUpload(deps.knowledgeDir, deps.store, actions, who, target, await res.text());
    if (!prepared.ok) {
      await ctx.reply(adminHtml(prepared.reply), { parse_mode: 'HTML' });
      return;
    }
    const key = ctx.msg.message_id.toString(36);
    pending.set(key, { userId: ctx.from.id, apply: prepared.apply });
    const keyboard = new InlineKeyboard().text('✅ Áp dụng / Apply', `up:${key}:yes`).text('✖ Hủy / Cancel', `up:${key}:no`);
    await ctx.reply(adminHtml(prepared.reply), { parse_mode: 'HTML', reply_markup: keyboard });
  });

  bot.callbackQuery(/^up:([0-9a-z]+):(yes|no)$/, async (ctx) => {
    const [, key = '', choice] = ctx.match;
    const plan = pending.get(key);
    // Only the admin who uploaded may apply it.
    if (!plan || plan.userId !== ctx.from.id) {
      await ctx.answerCallbackQuery({ text: 'Không còn tệp nào chờ áp dụng. / Nothing is waiting to be applied.' });
      return;
    }
    pending.delete(key);
    if (choice === 'no') {
      deps.admin.admin.record(callerOf(ctx), 'upload', 'cancelled', 'ok');
      await ctx.editMessageText('Đã hủy; không có gì thay đổi. / Cancelled; nothing changed.');
    } else {
      const reply = await plan.apply();
      await ctx.editMessageText(adminHtml(reply), { parse_mode: 'HTML' });
    }
    await ctx.answerCallbackQuery();
  });
}
