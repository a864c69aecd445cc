// Admin actions, platform-neutral: reload, status updates, history and the audit trail. Each
// adapter checks the user id against its admin list, calls these, and renders the plain lines.
// Every action, and every refusal, is written to the audit trail.
import { Cron } from 'croner';
import { formatDate } from '../answer/i18n.ts';
import { statusSnapshot } from '../digest/digest.ts';
import { parseSchedule } from '../digest/schedule.ts';
import { createSubscriptions } from '../digest/subscriptions.ts';
import type { Status } from '../knowledge/schema.ts';
import { reloadLines, type ReloadOutcome } from '../knowledge/reload-report.ts';
import type { KnowledgeStore } from '../runtime/knowledge-store.ts';
import type { State } from '../state/index.ts';
import { effectiveStatus, parseStatus } from '../state/status-log.ts';

export interface Who {
  platform: 'telegram' | 'slack';
  userId: string;
  userName: string;
}

export interface AdminReply {
  ok: boolean;
  title: string;
  lines: string[];
}

export interface Admin {
  refuse(who: Who, action: string): AdminReply;
  /** Writes one entry to the audit trail (for actions the adapters carry out, such as uploads). */
  record(who: Who, action: string, detail: string, outcome: 'ok' | 'refused' | 'failed'): void;
  reload(who: Who): Promise<{ reply: AdminReply; outcome: ReloadOutcome }>;
  update(who: Who, args: string): AdminReply;
  history(args: string): AdminReply;
  audit(): AdminReply;
  /** Subscribes a chat to digests ("weekly mon 08:00", "daily 08:00"), or stops them ("off"). */
  digest(who: Who, chatId: string, args: string): AdminReply;
}

/** Digests run in this time zone unless DIGEST_TIMEZONE says otherwise. */
export const DEFAULT_TIMEZONE = 'Asia/Ho_Chi_Minh';

const USAGE =
  'Cú pháp / usage: <mã> <trạng thái> <ghi chú> — ví dụ C12 done đã khởi công 5/2024. Trạng thái: pending (chờ), ongoing (tiếp tục), in_progress (đang), done (xong), dropped (hủy).';

export function createAdmin(store: KnowledgeStore, state: State, options: { timezone?: string; now?: () => Date } = {}): Admin {
  const timezone = options.timezone ?? DEFAULT_TIMEZONE;
  const now = options.now ?? (() => new Date());
  const subscriptions = createSubscriptions(state.db);
  /** "C12" or "bg-tn-2023/C12" → the commitment or result it names, or why not. */
  function resolve(idText: string): { agreement: string; item: string; fileStatus: Status } | string {
    const [agreementId, itemId] = idText.includes('/') ? idText.split('/', 2) : [undefined, idText];
    const id = (itemId ?? '').toUpperCase();
    const found = store
      .engine()
      .knowledge.agreements.filter((a) => !agreementId || a.id === agreementId)
      .flatMap((a) =>
        [...a.commitments, ...a.results]
          .filter((x) => x.id.toUpperCase() === id)
          .map((x) => ({ agreement: a.id, item: x.id, fileStatus: x.status as Status })),
      );
    if (found.length === 1 && found[0]) return found[0];
    if (found.length > 1)
      return `“${idText}” có trong nhiều văn bản; hãy ghi rõ, ví dụ ${found.map((f) => `${f.agreement}/${f.item}`).join(' hoặc ')}.`;
    return `Không có cam kết hay kết quả nào mã “${idText}”. / No commitment or result has the id “${idText}”.`;
  }

  const record = (who: Who, action: string, detail: string, outcome: 'ok' | 'refused' | 'failed') =>
    state.audit.record({ platform: who.platform, userId: who.userId, action, detail, outcome });

  return {
    record,
    refuse(who, action) {
      record(who, action, '', 'refused');
      return { ok: false, title: 'Xin lỗi, chỉ quản trị viên mới dùng được lệnh này. / Sorry, only admins can do this.', lines: [] };
    },

    async reload(who) {
      const outcome = await store.reload();
      record(
        who,
        'reload',
        outcome.ok ? `${outcome.previousVersion} → ${outcome.version}` : `${outcome.errors.length} errors`,
        outcome.ok ? 'ok' : 'failed',
      );
      const updated = new Set(state.statusLog.itemsWithUpdates());
      const { title, lines } = reloadLines(outcome);
      // Nothing is silently dropped: a removed id that has status updates is called out; its history stays.
      const orphaned = outcome.ok
        ? [...outcome.changes.removed.commitment, ...outcome.changes.removed.result].filter((k) => updated.has(k))
        : [];
      const warnings = orphaned.map(
        (k) =>
          `⚠️ ${k} đã bị bỏ khỏi tệp nhưng có cập nhật trạng thái; lịch sử vẫn được giữ. / removed from the files but has status updates; its history is kept.`,
      );
      return { reply: { ok: outcome.ok, title, lines: [...warnings, ...lines] }, outcome };
    },

    update(who, args) {
      const [idText = '', statusText = '', ...rest] = args.trim().split(/\s+/);
      // Two-word statuses ("đang thực hiện", "hoàn thành") are common; try the longest first.
      let status: Status | undefined;
      let noteWords = rest;
      for (let n = Math.min(3, rest.length); n >= 0 && !status; n--) {
        status = parseStatus([statusText, ...rest.slice(0, n)].join(' '));
        if (status) noteWords = rest.slice(n);
      }
      if (!idText || !status) return { ok: false, title: USAGE, lines: [] };
      const target = resolve(idText);
      if (typeof target === 'string') {
        record(who, 'update', `${idText} ${statusText}`, 'failed');
        return { ok: false, title: target, lines: [] };
      }
      const note = noteWords.join(' ');
      if (!note) return { ok: false, title: `Hãy thêm ghi chú cho cập nhật. / Please add a note. ${USAGE}`, lines: [] };
      const before = effectiveStatus(target.fileStatus, state.statusLog.latest().get(`${target.agreement}/${target.item}`)).status;
      const u = state.statusLog.add({
        agreement: target.agreement,
        item: target.item,
        status,
        note,
        baseStatus: target.fileStatus,
        knowledgeVersion: store.engine().knowledge.version,
        platform: who.platform,
        userId: who.userId,
        userName: who.userName,
      });
      record(who, 'update', `${target.agreement}/${target.item}: ${before} → ${status} (${note})`, 'ok');
      return {
        ok: true,
        title: `✅ ${target.item}: ${before} → ${status}`,
        lines: [`${note} — ${u.userName}, ${formatDate(u.at.slice(0, 10), 'vi')}`],
      };
    },

    history(args) {
      const target = resolve(args.trim());
      if (typeof target === 'string') return { ok: false, title: target, lines: [] };
      const list = state.statusLog.history(target.agreement, target.item);
      const fromFile = `Tệp dữ liệu / files: ${target.fileStatus}`;
      if (list.length === 0) return { ok: true, title: `${target.item}: chưa có cập nhật nào. / no updates yet.`, lines: [fromFile] };
      return {
        ok: true,
        title: `Lịch sử ${target.item} (${list.length}):`,
        lines: [
          fromFile,
          ...list.map((u) => `${u.at.slice(0, 16).replace('T', ' ')} · ${u.status} · ${u.userName} (${u.platform}) · ${u.note}`),
        ],
      };
    },

    digest(who, chatId, args) {
      const text = args.trim();
      if (/^(off|tat|tắt|stop|huy|hủy)$/i.test(text)) {
        const removed = subscriptions.remove(who.platform, chatId);
        record(who, 'digest', `${chatId}: off`, 'ok');
        return {
          ok: true,
          title: removed
            ? 'Đã tắt bản tin cho cuộc trò chuyện này. / Digests stopped here.'
            : 'Cuộc trò chuyện này chưa đăng ký bản tin. / No digest was set up here.',
          lines: [],
        };
      }
      const schedule = parseSchedule(text);
      if (!schedule) return { ok: false, title: 'Cú pháp / usage: weekly mon 08:00 · daily 08:00 · off', lines: [] };
      const at = now().toISOString();
      subscriptions.set(
        { platform: who.platform, chatId, schedule: schedule.text, cron: schedule.cron, createdBy: who.userId, createdAt: at },
        statusSnapshot(store.engine()),
      );
      record(who, 'digest', `${chatId}: ${schedule.text}`, 'ok');
      const next = new Cron(schedule.cron, { timezone, paused: true }).nextRun(new Date(at));
      return {
        ok: true,
        title: `✅ Bản tin ${schedule.text} (${timezone}). / Digest set.`,
        lines: next ? [`Bản tin tới / next: ${next.toLocaleString('vi-VN', { timeZone: timezone })}`] : [],
      };
    },

    audit() {
      const entries = state.audit.recent(20);
      return {
        ok: true,
        title: `Nhật ký quản trị — ${entries.length} mục gần nhất / latest admin actions:`,
        lines: entries.map(
          (e) =>
            `${e.at.slice(0, 16).replace('T', ' ')} · ${e.platform} · ${e.userId} · ${e.action} · ${e.outcome}${e.detail ? ` · ${e.detail}` : ''}`,
        ),
      };
    },
  };
}
