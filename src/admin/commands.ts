// Admin commands, written once for every platform: their names in Vietnamese and English (both
// platforms accept both), their arguments, who may run them, and the audit. An adapter maps its
// user to a Caller, calls run(), and renders the platform-neutral reply; it holds no admin logic.
import type { Logger } from 'pino';
import type { Admin, AdminReply, Who } from './admin.ts';

export type Platform = Who['platform'];

/** Who runs a command, and where: the chat a digest goes to, and how commands are typed there. */
export interface Caller extends Who {
  /** The chat or channel the command came from. */
  chatId: string;
  /** What comes before a command name on the caller's platform ("/" in Telegram, "/mou " in Slack), for usage texts. */
  prefix: string;
}

type Lang = 'vi' | 'en';

export interface AdminCommand {
  /** The action's name in the audit trail and the log. */
  id: 'reload' | 'update' | 'history' | 'audit' | 'digest';
  names: Record<Lang, string>;
  /** The arguments, for usage texts; undefined when the command takes none. */
  args?: Record<Lang, string>;
  example?: string;
  /** Admins only, or anyone (the status history is not secret). */
  access: 'admins' | 'anyone';
  description: Record<Lang, string>;
  run(admin: Admin, caller: Caller, args: string): Promise<AdminReply> | AdminReply;
}

export const ADMIN_COMMANDS: readonly AdminCommand[] = [
  {
    id: 'reload',
    names: { vi: 'naplai', en: 'reload' },
    access: 'admins',
    description: { vi: 'Nạp lại dữ liệu (quản trị viên)', en: 'Reload the knowledge (admins)' },
    run: async (admin, caller) => (await admin.reload(caller)).reply,
  },
  {
    id: 'update',
    names: { vi: 'capnhat', en: 'update' },
    args: { vi: '<mã> <trạng thái> <ghi chú>', en: '<id> <status> <note>' },
    example: 'C12 done đã khởi công 5/2024',
    access: 'admins',
    description: { vi: 'Cập nhật trạng thái một cam kết (quản trị viên)', en: 'Update the status of a commitment (admins)' },
    run: (admin, caller, args) => admin.update(caller, args),
  },
  {
    id: 'history',
    names: { vi: 'lichsu', en: 'history' },
    args: { vi: '<mã>', en: '<id>' },
    example: 'C12',
    access: 'anyone',
    description: { vi: 'Lịch sử trạng thái của một cam kết', en: 'Status history of a commitment' },
    run: (admin, _caller, args) => admin.history(args),
  },
  {
    id: 'audit',
    names: { vi: 'nhatky', en: 'audit' },
    access: 'admins',
    description: { vi: 'Nhật ký quản trị (quản trị viên)', en: 'Admin audit trail (admins)' },
    run: (admin) => admin.audit(),
  },
  {
    id: 'digest',
    names: { vi: 'bantin', en: 'digest' },
    args: { vi: 'weekly mon 08:00 | daily 18:00 | off', en: 'weekly mon 08:00 | daily 18:00 | off' },
    example: 'weekly mon 08:00',
    access: 'admins',
    description: { vi: 'Bản tin định kỳ cho cuộc trò chuyện này (quản trị viên)', en: 'Scheduled digest for this chat (admins)' },
    run: (admin, caller, args) => admin.digest(caller, caller.chatId, args),
  },
];

/** Admin actions that are not typed commands: a knowledge file or folder sent to the bot, a document to draft. */
export type AdminAction = AdminCommand['id'] | 'upload' | 'draft';

export interface AdminCommands {
  /** The actions behind the commands (uploads call them directly). */
  readonly admin: Admin;
  /** Whether `name` (either language, any case) is an admin command. */
  has(name: string): boolean;
  /**
   * Runs a command by either of its names. A caller without the right gets a refusal, which is
   * audited and logged with the real user id; a missing argument gets the usage, in the language of
   * the name used. Throws for a name that is not a command (check has() first).
   */
  run(caller: Caller, name: string, args: string): Promise<AdminReply>;
  /** Undefined when the caller may do this; else the refusal, already audited and logged. */
  refusal(caller: Caller, action: AdminAction, name?: string): AdminReply | undefined;
  isAdmin(who: Who): boolean;
}

/** Admin user ids per platform, as strings: Telegram's numeric ids, Slack's U… ids. */
export type AdminIds = Record<Platform, ReadonlySet<string>>;

function usage(command: AdminCommand, caller: Caller, lang: Lang): AdminReply {
  const name = `${caller.prefix}${command.names[lang]}`;
  const title =
    lang === 'en'
      ? `Usage: ${name} ${command.args?.en ?? ''} — for example: ${name} ${command.example ?? ''}`
      : `Cú pháp: ${name} ${command.args?.vi ?? ''} — ví dụ: ${name} ${command.example ?? ''}`;
  return { ok: false, title, lines: [] };
}

export function createAdminCommands(admin: Admin, adminIds: AdminIds, log: Logger): AdminCommands {
  const byName = new Map<string, { command: AdminCommand; lang: Lang }>();
  for (const command of ADMIN_COMMANDS) {
    byName.set(command.names.vi, { command, lang: 'vi' });
    byName.set(command.names.en, { command, lang: 'en' });
  }
  const isAdmin = (who: Who) => adminIds[who.platform].has(who.userId);

  function refusal(caller: Caller, action: AdminAction, name: string = action): AdminReply | undefined {
    const open = ADMIN_COMMANDS.find((c) => c.id === action)?.access === 'anyone';
    if (open || isAdmin(caller)) return undefined;
    log.warn(
      { audit: 'refused', command: name, platform: caller.platform, userId: caller.userId, chatId: caller.chatId },
      `${caller.platform}: admin command refused`,
    );
    return admin.refuse(caller, action);
  }

  return {
    admin,
    isAdmin,
    refusal,
    has: (name) => byName.has(name.toLowerCase()),
    async run(caller, name, args) {
      const found = byName.get(name.toLowerCase());
      if (!found) throw new Error(`not an admin command: ${name}`);
      const { command, lang } = found;
      const refused = refusal(caller, command.id, name.toLowerCase());
      if (refused) return refused;
      if (command.args && args.trim() === '') return usage(command, caller, lang);
      const reply = await command.run(admin, caller, args.trim());
      log.info({ audit: command.id, ok: reply.ok, platform: caller.platform, userId: caller.userId }, `${caller.platform}: ${command.id}`);
      return reply;
    },
  };
}
