// Admin commands. Admins are numeric user ids from ADMIN_TELEGRAM_IDS: being a group admin, or
// having a given username, grants nothing. Every attempt is logged for audit.
import type { Bot, Context } from 'grammy';
import type { Logger } from 'pino';
import { formatKnowledgeError } from '../../src/knowledge/types.ts';
import { reloadLines } from '../../src/knowledge/reload-report.ts';
import type { KnowledgeStore, ReloadOutcome } from '../../src/knowledge/store.ts';
import { escape } from './render.ts';

export interface AdminDeps {
  adminIds: ReadonlySet<number>;
  store: KnowledgeStore;
  log: Logger;
}

/** The reload report an admin reads in the chat (HTML). */
export function reloadReport(r: ReloadOutcome): string {
  const { title, lines } = reloadLines(r);
  return [`<b>${escape(title)}</b>`, ...lines.map((l) => `• <code>${escape(l)}</code>`)].join('\n');
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
