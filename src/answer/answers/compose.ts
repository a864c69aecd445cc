// Building Answers: the common shape, not-found answers with the nearest passage, the "as of" and
// "period ended" notes, paging of long lists, and naming parties the way a reader expects.
import type { Status } from '../../knowledge/schema.ts';
import type { Agreement } from '../../knowledge/types.ts';
import type { Hit } from '../../search/index.ts';
import { type AskContext, agreementOf } from '../context.ts';
import { EXAMPLES, formatDate, t } from '../i18n.ts';
import type { Answer, AnswerItem, Intent, Page, PartyRef, RoleView } from '../types.ts';
import { itemView } from '../views.ts';

export function answer(
  ctx: AskContext,
  question: string,
  intent: Intent,
  found: boolean,
  headline: string,
  items: AnswerItem[],
  extra: Partial<Answer> = {},
): Answer {
  const made: Answer = {
    intent,
    found,
    lang: ctx.lang,
    question,
    headline,
    items,
    generalRoles: [],
    notes: [],
    suggestions: [],
    detail: 'full',
    ...extra,
  };
  // Entries from a list the source ends with "…": said once, with the lines, so nobody takes the
  // list shown for everything the source covers. When the answer is that list, its first line says so.
  const lines = [...new Set(items.filter((i) => i.incompleteList).map((i) => i.citation.line))];
  if (lines.length > 0) {
    const incomplete = t(
      ctx.lang,
      `Văn bản liệt kê chưa đầy đủ: dòng ${lines.join(', ')} kết thúc bằng “…”.`,
      `The source's list is incomplete: line${lines.length > 1 ? 's' : ''} ${lines.join(', ')} end${lines.length > 1 ? '' : 's'} with “…”.`,
    );
    if (items.length > 1 && items.every((i) => i.incompleteList)) made.headline = `${headline} ${incomplete}`;
    else made.notes = [...made.notes, incomplete];
  }
  return made;
}

/** Most agreements named in "I only answer from…": beyond that, a few and how many more. */
const SCOPE_NAMED = 5;

function scopeNote(ctx: AskContext): string {
  const all = ctx.knowledge.agreements;
  const shown = all.length <= SCOPE_NAMED ? all : all.slice(0, 3);
  const scope = shown.map((a) =>
    ctx.lang === 'en' ? (a.meta.short_title?.en ?? a.meta.title.vi) : (a.meta.short_title?.vi ?? a.meta.title.vi),
  );
  if (shown.length < all.length)
    scope.push(t(ctx.lang, `và ${all.length - shown.length} văn bản khác`, `and ${all.length - shown.length} more agreements`));
  return t(ctx.lang, `Tôi chỉ trả lời dựa trên: ${scope.join('; ')}.`, `I only answer from: ${scope.join('; ')}.`);
}

/**
 * Nothing answers the question. The headline says so plainly (and what was missing, when we know);
 * the nearest thing the source says comes after it, marked as such, never as the answer.
 */
export function notFound(
  ctx: AskContext,
  question: string,
  intent: Intent,
  headline?: string,
  nearest?: readonly (Hit | AnswerItem)[],
): Answer {
  const near = (nearest ?? []).map((n) => ('citation' in n ? n : itemView(ctx, n))).filter((x): x is AnswerItem => x !== undefined);
  return answer(
    ctx,
    question,
    intent,
    false,
    headline ?? t(ctx.lang, 'Văn bản không có thông tin trả lời câu hỏi này.', 'The source has nothing that answers this.'),
    [],
    { notes: [scopeNote(ctx)], suggestions: EXAMPLES[ctx.lang].slice(0, 2), ...(near.length > 0 ? { nearest: near } : {}) },
  );
}

/** Per agreement: how many listed statuses come from chat updates, and whether a listed commitment is still open. */
export interface Tally {
  updated: number;
  open: boolean;
}

/** Statuses that say the work is not reported done. */
export const OPEN: ReadonlySet<Status> = new Set<Status>(['pending', 'ongoing']);

/**
 * "As of" and "period ended" caveats for an answer that reports statuses. `onPage`: the agreements
 * of the page shown, when a list is paged (a list over a thousand agreements gets the notes of the
 * few it shows).
 */
export function statusNotes(
  ctx: AskContext,
  items: readonly { type: string; agreement: string; status?: { status: Status; update?: unknown } }[],
  onPage?: ReadonlySet<string>,
): string[] {
  const byAgreement = new Map<string, Tally>();
  for (const i of items) {
    if (i.type !== 'commitment' && i.type !== 'result') continue;
    let seen = byAgreement.get(i.agreement);
    if (!seen) byAgreement.set(i.agreement, (seen = { updated: 0, open: false }));
    if (i.status?.update !== undefined) seen.updated++;
    if (i.type === 'commitment' && i.status && OPEN.has(i.status.status)) seen.open = true;
  }
  return tallyNotes(ctx, byAgreement, onPage);
}

export function tallyNotes(ctx: AskContext, byAgreement: ReadonlyMap<string, Tally>, onPage?: ReadonlySet<string>): string[] {
  const notes: string[] = [];
  const year = ctx.now().getFullYear();
  for (const [id, { updated, open }] of byAgreement) {
    if (onPage && !onPage.has(id)) continue;
    const a = agreementOf(ctx, id);
    notes.push(asOfNote(ctx, a, updated));
    if (year > a.meta.period.to && open) notes.push(periodNote(ctx, a));
  }
  return notes;
}

function asOfNote(ctx: AskContext, a: Agreement, updated: number): string {
  const date = formatDate(a.meta.signed.date, ctx.lang);
  return updated > 0
    ? t(
        ctx.lang,
        `Trạng thái theo nguồn ngày ${date}, trừ ${updated} mục đã được cập nhật sau đó.`,
        `Statuses are as of the source, ${date}, except ${updated} updated since.`,
      )
    : t(
        ctx.lang,
        `Trạng thái theo nguồn ngày ${date}; chưa có cập nhật nào sau đó.`,
        `Statuses are as of the source, ${date}; there has been no later update.`,
      );
}

function periodNote(ctx: AskContext, a: Agreement): string {
  const { from, to } = a.meta.period;
  return t(
    ctx.lang,
    `Giai đoạn ${from}-${to} đã kết thúc; nguồn không cho biết các cam kết chưa hoàn thành đã được thực hiện hay chưa.`,
    `The ${from}–${to} period has ended; the source does not say whether the commitments not reported done were carried out.`,
  );
}

/** Which items of a list of `total` the asked page shows: [from, to), and the page, if there is more than one. */
export function pageOf(ctx: AskContext, total: number): { from: number; to: number; page?: Page } {
  if (total <= ctx.pageSize) return { from: 0, to: total };
  const pages = Math.ceil(total / ctx.pageSize);
  const index = Math.min(ctx.page, pages);
  return { from: (index - 1) * ctx.pageSize, to: Math.min(total, index * ctx.pageSize), page: { index, size: ctx.pageSize, total, pages } };
}

export function pageOfItems<T>(ctx: AskContext, items: readonly T[]): { items: T[]; page?: Page } {
  const { from, to, page } = pageOf(ctx, items.length);
  return page ? { items: items.slice(from, to), page } : { items: [...items] };
}

/**
 * Parties named the way a reader expects: "hai tỉnh Bắc Giang và Thái Nguyên" rather than "tỉnh
 * Bắc Giang, tỉnh Thái Nguyên" when they are the provinces of one agreement, otherwise "A, B và C".
 */
export function partyList(ctx: AskContext, parties: readonly PartyRef[], agreement?: string): string {
  const names = [...new Set(parties.map((p) => p.name))];
  const a = agreement ? ctx.agreements.get(agreement) : undefined;
  if (a && names.length >= 2) {
    const provinces = a.meta.provinces.map((p) => p.name);
    const isProvince = (n: string) => provinces.some((p) => n === `tỉnh ${p}` || n.endsWith(`(tỉnh ${p})`));
    if (names.length === provinces.length && names.every(isProvince)) {
      const list = provinces.join(t(ctx.lang, ' và ', ' and '));
      return t(ctx.lang, `hai tỉnh ${list}`, `both provinces, ${list}`);
    }
  }
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')}${t(ctx.lang, ' và ', ' and ')}${names.at(-1)}`;
}

/** Roles in the order a reader wants them: the role asked about, then stated before inferred. */
export function orderRoles(roles: readonly RoleView[], asked?: RoleView['role']): RoleView[] {
  // Leading and directing are asked in the same words ("lãnh đạo, chỉ đạo", "lead").
  const family = (role: RoleView['role']) => (role === 'lead' ? 'direct' : role);
  const rank = (r: RoleView) => (asked && family(r.role) === family(asked) ? 0 : 2) + (r.basis === 'stated' ? 0 : 1);
  return [...roles].sort((x, y) => rank(x) - rank(y));
}
