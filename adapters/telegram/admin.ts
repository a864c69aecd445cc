// Admin commands. Admins are numeric user ids from ADMIN_TELEGRAM_IDS: being a group admin, or
// having a given username, grants nothing. Every attempt is logged for audit.
import type { Bot, Context } from 'grammy';
import type { Logger } from 'pino';
import { formatKnowledgeError } from '../../src/knowledge/types.ts';
import type { KnowledgeStore, ReloadOutcome } from '../../src/knowledge/store.ts';
import { escape } from './render.ts';

export interface AdminDeps {
  adminIds: ReadonlySet<number>;
  store: KnowledgeStore;
  log: Logger;
}

/** The reload report an admin reads in the chat (HTML). */
export function reloadReport(r: ReloadOutcome): string {
  if (!r.ok) {
    const shown = r.errors.slice(0, 10).map((e) => `• <code>${escape(formatKnowledgeError(e))}</code>`);
    const more = r.errors.length > 10 ? [`… và ${r.errors.length - 10} lỗi khác / and ${r.errors.length - 10} more`] : [];
    return [`❌ <b>Không nạp lại được: ${r.errors.length} lỗi.</b> Dữ liệu cũ (phiên bản <code>${escape(r.version)}</code>) vẫn đang được dùng.`, ...shown, ...more].join('\n');
  }
  const c = r.counts;
  const what = `${c.agreements} văn bản, ${c.commitments} cam kết, ${c.results} kết quả, ${c.people} người, ${c.bodies} cơ quan`;
  return r.changed
    ? `✅ <b>Đã nạp lại</b> (${r.ms} ms): phiên bản <code>${escape(r.previousVersion)}</code> → <code>${escape(r.version)}</code>.\n${what}.`
    : `✅ <b>Đã nạp lại</b> (${r.ms} ms): không có thay đổi (phiên bản <code>${escape(r.version)}</code>).\n${what}.`;
}

export function isAdmin(ctx: Context, adminIds: ReadonlySet<number>): boolean {
  return ctx.from !== undefined && adminIds.has(ctx.from.id);
}

export function registerAdmin(bot: Bot, deps: AdminDeps): void {
  bot.command('reload', async (ctx) => {
    const who = { userId: ctx.from?.id, chatId: ctx.chat.id, chatType: ctx.chat.type };
    if (!isAdmin(ctx, deps.adminIds)) {
      deps.log.warn({ audit: 'refused', command: 'reload', ...who }, 'telegram: admin command refused');
      await ctx.reply('Xin lỗi, chỉ quản trị viên mới được nạp lại dữ liệu. / Sorry, only admins can reload the knowledge.', { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } });
      return;
    }
    const outcome = await deps.store.reload();
    deps.log.info({ audit: 'reload', ok: outcome.ok, version: outcome.version, ...(outcome.ok ? {} : { errors: outcome.errors.slice(0, 10).map(formatKnowledgeError) }), ...who }, 'telegram: reload');
    await ctx.reply(reloadReport(outcome), { parse_mode: 'HTML' });
  });
}
