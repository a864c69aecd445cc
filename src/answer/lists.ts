// Long lists in answers: paging, items listed before they are built, and the status notes.
// A list may hold every commitment of a thousand agreements; only the page shown is built into
// views, and the notes are worked out in one pass.
import type { Status } from '../knowledge/schema.ts';
import type { Agreement } from '../knowledge/types.ts';
import type { Context } from './engine.ts';
import { formatDate, t } from './i18n.ts';
import { agreementOf } from './lookup.ts';
import type { AnswerItem, Lang, Page } from './types.ts';
import { bodyItem, commitmentItem, resultItem } from './views.ts';

/** What the status notes need of an item: built or not (see `Listed`). */
export interface StatusRef {
  type: AnswerItem['type'];
  agreement: string;
  status?: { status: Status; update?: unknown };
}

/**
 * "As of" and "period ended" caveats for any answer that reports statuses. `onPage`: the agreements
 * of the page shown, when the list is paged (a list over a thousand agreements gets the notes of
 * the few it shows, counted over all of their listed items).
 */
export function statusNotes(ctx: Context, items: readonly StatusRef[], lang: Lang, onPage?: ReadonlySet<string>): string[] {
  // One pass over the items (a list may hold every commitment of every agreement), agreements in first-seen order.
  const byAgreement = new Map<string, Tally>();
  let lastId: string | undefined;
  let lastSeen: Tally | undefined;
  for (const i of items) {
    if (i.type !== 'commitment' && i.type !== 'result') continue;
    // Lists run agreement by agreement: the previous item's agreement is usually this one's.
    let seen = lastId === i.agreement ? lastSeen : byAgreement.get(i.agreement);
    if (!seen) byAgreement.set(i.agreement, (seen = { updated: 0, pending: false }));
    lastId = i.agreement;
    lastSeen = seen;
    if (i.status?.update !== undefined) seen.updated++;
    if (i.type === 'commitment' && i.status?.status === 'pending') seen.pending = true;
  }
  return tallyNotes(ctx, byAgreement, lang, onPage);
}

/** Per agreement: how many listed statuses come from chat updates, and whether a listed commitment is pending. */
export interface Tally {
  updated: number;
  pending: boolean;
}

export function tallyNotes(ctx: Context, byAgreement: ReadonlyMap<string, Tally>, lang: Lang, onPage?: ReadonlySet<string>): string[] {
  const notes: string[] = [];
  const year = ctx.now().getFullYear();
  for (const [id, { updated, pending }] of byAgreement) {
    if (onPage && !onPage.has(id)) continue;
    const a = agreementOf(ctx.knowledge, id);
    notes.push(asOfNote(a, lang, updated));
    if (year > a.meta.period.to && pending) notes.push(periodNote(a, lang));
  }
  return notes;
}

// The same two notes for every agreement of a long list: their texts are made once per agreement.
const noteTexts = new WeakMap<Agreement, Map<string, string>>();

function noteText(a: Agreement, key: string, make: () => string): string {
  let texts = noteTexts.get(a);
  if (!texts) noteTexts.set(a, (texts = new Map()));
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = make()));
  return text;
}

function asOfNote(a: Agreement, lang: Lang, updated: number): string {
  return noteText(a, `as-of ${lang} ${updated}`, () =>
    updated > 0
      ? t(
          lang,
          `Trạng thái theo nguồn ngày ${formatDate(a.meta.signed.date, lang)}, trừ ${updated} mục đã được cập nhật sau đó (ghi ngày và người cập nhật).`,
          `Statuses are as of the source, ${formatDate(a.meta.signed.date, lang)}, except ${updated} updated since (with date and author).`,
        )
      : t(
          lang,
          `Trạng thái theo nguồn ngày ${formatDate(a.meta.signed.date, lang)}; chưa có cập nhật nào sau đó.`,
          `Statuses are as of the source, ${formatDate(a.meta.signed.date, lang)}; there has been no later update.`,
        ),
  );
}

function periodNote(a: Agreement, lang: Lang): string {
  return noteText(a, `period ${lang}`, () =>
    t(
      lang,
      `Giai đoạn ${a.meta.period.from}-${a.meta.period.to} đã kết thúc, nhưng nguồn không cho biết các cam kết “chưa thực hiện” đã được thực hiện hay chưa.`,
      `The ${a.meta.period.from}–${a.meta.period.to} period has ended, but the source does not say whether the commitments still marked “pending” were carried out.`,
    ),
  );
}

/** Which items of a list of `total` the asked page shows: [from, to), and the page, if there is more than one. */
export function pageOf(ctx: Context, total: number): { from: number; to: number; page?: Page } {
  if (total <= ctx.pageSize) return { from: 0, to: total };
  const pages = Math.ceil(total / ctx.pageSize);
  const index = Math.min(ctx.page, pages);
  return { from: (index - 1) * ctx.pageSize, to: Math.min(total, index * ctx.pageSize), page: { index, size: ctx.pageSize, total, pages } };
}

export function paged<T>(ctx: Context, items: readonly T[]): { items: T[]; page?: Page } {
  const { from, to, page } = pageOf(ctx, items.length);
  return page ? { items: items.slice(from, to), page } : { items: [...items] };
}

/**
 * An item of a long list, not built yet. A list may hold every commitment of 1,000 agreements;
 * only the page shown is built into views (see `build`), the rest stays a reference.
 */
export interface Listed extends StatusRef {
  type: 'commitment' | 'result' | 'body';
  a: Agreement;
  id: string;
}

export function listed(a: Agreement, type: Listed['type'], id: string, status?: StatusRef['status']): Listed {
  return status ? { type, agreement: a.id, a, id, status } : { type, agreement: a.id, a, id };
}

export function build(ctx: Context, x: Listed, lang: Lang): AnswerItem | undefined {
  if (x.type === 'commitment') return commitmentItem(x.a, x.id, ctx.knowledge.glossary, lang, ctx.overlay);
  if (x.type === 'result') return resultItem(x.a, x.id, ctx.knowledge.glossary, lang, ctx.overlay);
  return bodyItem(x.a, x.id, lang);
}
