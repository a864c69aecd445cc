// Admin commands in Telegram: each name of the shared command table (src/admin/commands.ts), in
// Vietnamese and English, is a bot command. Here a Telegram user becomes a Caller and the reply
// becomes HTML; who may run what, the audit and the usage texts live in src/admin.
import type { Composer, Context } from 'grammy';
import type { AdminReply } from '../../src/admin/admin.ts';
import { ADMIN_COMMANDS, type AdminCommands, type Caller } from '../../src/admin/commands.ts';
import { escapeHtml, splitMessages } from './render.ts';

/** An admin reply as Telegram HTML: a bold title and one code line per detail. */
export function adminHtml(r: AdminReply): string {
  // The first message's worth, split at a line boundary: a plain cut can end inside a tag or an
  // entity, and Telegram then rejects the whole message.
  // A title of invisible characters alone would make an empty message, which Telegram refuses.
  const title = r.title.replace(/[\p{Cf}\p{Z}\s]/gu, '') === '' ? (r.ok ? '✅' : '❌') : r.title;
  return splitMessages([`<b>${escapeHtml(title)}</b>`, ...r.lines.map((l) => `• <code>${escapeHtml(l)}</code>`)])[0] ?? '';
}

/** The Telegram user behind an update, by numeric id: a username or a group role grants nothing. */
export function callerOf(ctx: Context): Caller {
  const from = ctx.from;
  return {
    platform: 'telegram',
    userId: String(from?.id ?? 'unknown'),
    userName: [from?.first_name, from?.last_name].filter(Boolean).join(' ') || (from?.username ?? String(from?.id ?? '')),
    chatId: String(ctx.chat?.id ?? from?.id ?? ''),
    prefix: '/',
  };
}

export function registerAdminCommands(bot: Composer<Context>, admin: AdminCommands): void {
  const names = ADMIN_COMMANDS.flatMap((c) => [c.names.vi, c.names.en]);
  bot.command(names, async (ctx) => {
    const used = ctx.msg.text?.slice(1).split(/[\s@]/)[0] ?? '';
    const reply = await admin.run(callerOf(ctx), used, ctx.match);
    await ctx.reply(adminHtml(reply), {
      parse_mode: 'HTML',
      reply_parameters: { message_id: ctx.msg.message_id, allow_sending_without_reply: true },
    });
  });
}
