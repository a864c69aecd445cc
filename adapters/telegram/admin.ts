// Admin commands. Admins are numeric user ids from ADMIN_TELEGRAM_IDS: being a group admin, or
// having a given username, grants nothing. Every attempt, allowed or refused, goes to the audit
// trail (and the log).
import type { Bot, Context } from 'grammy';
import type { Logger } from 'pino';
import type { Admin, AdminReply, Who } from '../../src/admin/admin.ts';
import { escapeHtml, splitMessages } from './render.ts';

export interface AdminDeps {
  adminIds: ReadonlySet<number>;
  admin: Admin;
  log: Logger;
}

/** An admin reply as Telegram HTML: a bold title and one code line per detail. */
export function adminHtml(r: AdminReply): string {
  // The first message's worth, split at a line boundary: a plain cut can end inside a tag or an
  // entity, and Telegram then rejects the whole message.
  return splitMessages([`<b>${escapeHtml(r.title)}</b>`, ...r.lines.map((l) => `• <code>${escapeHtml(l)}</code>`)])[0] ?? '';
}

export function isAdmin(ctx: Context, adminIds: ReadonlySet<number>): boolean {
  return ctx.from !== undefined && adminIds.has(ctx.from.id);
}

export function whoOf(ctx: Context): Who {
  const from = ctx.from;
  return {
    platform: 'telegram',
    userId: String(from?.id ?? 'unknown'),
    userName: [from?.first_name, from?.last_name].filter(Boolean).join(' ') || (from?.username ?? String(from?.id ?? '')),
  };
}

/** Registers an admin-only command; a non-admin gets a polite refusal and nothing changes. */
function adminCommand(bot: Bot, deps: AdminDeps, name: string, run: (ctx: Context & { match: string }) => Promise<AdminReply>): void {
  bot.command(name, async (ctx) => {
    const reply = { reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true } };
    if (!isAdmin(ctx, deps.adminIds)) {
      deps.log.warn(
        { audit: 'refused', command: name, userId: ctx.from?.id, chatId: ctx.chat.id, chatType: ctx.chat.type },
        'telegram: admin command refused',
      );
      await ctx.reply(adminHtml(deps.admin.refuse(whoOf(ctx), name)), { parse_mode: 'HTML', ...reply });
      return;
    }
    const result = await run(ctx as Context & { match: string });
    deps.log.info({ audit: name, ok: result.ok, userId: ctx.from?.id }, `telegram: ${name}`);
    await ctx.reply(adminHtml(result), { parse_mode: 'HTML', ...reply });
  });
}

export function registerAdmin(bot: Bot, deps: AdminDeps): void {
  adminCommand(bot, deps, 'reload', async (ctx) => (await deps.admin.reload(whoOf(ctx))).reply);
  adminCommand(bot, deps, 'capnhat', async (ctx) => deps.admin.update(whoOf(ctx), ctx.match));
  adminCommand(bot, deps, 'audit', async () => deps.admin.audit());
  adminCommand(bot, deps, 'digest', async (ctx) => deps.admin.digest(whoOf(ctx), String(ctx.chat?.id), ctx.match));
  // The history of a status is not secret: anyone may read it.
  bot.command('lichsu', async (ctx) => {
    const arg = ctx.match.trim();
    await ctx.reply(arg ? adminHtml(deps.admin.history(arg)) : 'Ví dụ: /lichsu C12', { parse_mode: 'HTML' });
  });
}
