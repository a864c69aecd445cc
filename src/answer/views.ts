// Knowledge entries → localised Answer items. The only place that knows both shapes.
import type { Bilingual, Body, Citation, Due, GeneralAssignment, Responsibility, Status } from '../knowledge/schema.ts';
import type { Agreement } from '../knowledge/types.ts';
import type { AskContext } from './context.ts';
import { isOverdue } from './due.ts';
import { BASIS_LABEL, formatDate, ROLE_LABEL, STATUS_LABEL, t } from './i18n.ts';
import type {
  AgreementItem,
  AnswerItem,
  BodyItem,
  CitationView,
  CommitmentItem,
  DueView,
  FactItem,
  Lang,
  PartyRef,
  PersonItem,
  ResultItem,
  RoleView,
  StatusView,
} from './types.ts';

/** What building a view needs: the answer's language, the knowledge and the effective status of items. */
export type ViewContext = Pick<AskContext, 'lang' | 'knowledge' | 'agreements' | 'statusOf' | 'today'>;

/** The Vietnamese title beside an English one. */
function original(b: Bilingual, lang: Lang): { original?: string } {
  return lang === 'en' && b.en && b.en !== b.vi ? { original: b.vi } : {};
}

export function pick(b: Bilingual | undefined, lang: Lang): string {
  if (!b) return '';
  return lang === 'en' && b.en ? b.en : b.vi;
}

export function cite(a: Agreement, c: Citation, lang: Lang): CitationView {
  return {
    agreement: a.id,
    agreementTitle: pick(a.meta.short_title ?? a.meta.title, lang),
    file: a.meta.source_document.file,
    line: c.line,
    quote: c.quote,
  };
}

export function partyRef(a: Agreement, id: string, lang: Lang): PartyRef {
  const person = a.people.find((p) => p.id === id);
  if (person) return { kind: 'person', id, name: person.name };
  const body = a.bodies.find((b) => b.id === id);
  if (body) return { kind: 'body', id, name: partyName(body, lang) };
  return { kind: 'body', id, name: id };
}

/** English answers keep the Vietnamese name beside the translation, so officials can match it to the text. */
export function partyName(body: Pick<Body, 'name' | 'en'>, lang: Lang): string {
  return lang === 'en' ? `${body.en} (${body.name})` : body.name;
}

export function roleView(a: Agreement, r: Responsibility, scope: RoleView['scope'], lang: Lang): RoleView {
  return {
    agreement: a.id,
    role: r.role,
    roleLabel: ROLE_LABEL[r.role][lang],
    party: partyRef(a, r.party, lang),
    basis: r.basis,
    scope,
    ...(r.source ? { citation: cite(a, r.source, lang) } : {}),
    ...(r.note ? { note: pick(r.note, lang) } : {}),
  };
}

/** A general assignment: a role with when it applies and, for a speech's request, who made it. */
export function generalRoleView(a: Agreement, r: GeneralAssignment, lang: Lang): RoleView {
  const view = roleView(a, r, 'general', lang);
  const parts: string[] = [];
  if (r.requested_by) {
    const speaker = a.people.find((p) => p.id === r.requested_by?.speaker)?.name ?? r.requested_by.speaker;
    // The request's own line, when the role is stated on another one.
    const at = r.requested_by.line !== r.source?.line ? `, ${t(lang, 'dòng', 'line')} ${r.requested_by.line}` : '';
    parts.push(t(lang, `theo đề nghị của ${speaker} trong phát biểu${at}`, `as ${speaker} asked in a speech${at}`));
  }
  if (r.scope === 'problems') parts.push(t(lang, 'khi gặp khó khăn, vướng mắc', 'when difficulties or obstacles arise'));
  return { ...view, applies: r.scope, ...(parts.length > 0 ? { context: parts.join('; ') } : {}) };
}

function statusView(ctx: ViewContext, a: Agreement, id: string, fileValue: StatusView['status'], source: Citation | undefined): StatusView {
  const lang = ctx.lang;
  const { status, update } = ctx.statusOf(a.id, id, fileValue);
  if (update) {
    const date = formatDate(update.at.slice(0, 10), lang);
    return {
      status,
      label: STATUS_LABEL[status][lang],
      asOf: update.at,
      asOfLabel: t(lang, `cập nhật ${date} bởi ${update.userName}`, `updated ${date} by ${update.userName}`),
      update: { by: update.userName, note: update.note },
    };
  }
  const asOf = a.meta.signed.date;
  return {
    status,
    label: STATUS_LABEL[status][lang],
    asOf,
    asOfLabel: t(lang, `theo nguồn ngày ${formatDate(asOf, lang)}`, `as of the source, ${formatDate(asOf, lang)}`),
    ...(source ? { citation: cite(a, source, lang) } : {}),
  };
}

function areaLabel(ctx: ViewContext, id: string): string {
  const area = ctx.knowledge.glossary.areas.find((x) => x.id === id);
  return area ? (ctx.lang === 'en' ? area.en : area.vi) : id;
}

export function commitmentItem(ctx: ViewContext, a: Agreement, id: string): CommitmentItem | undefined {
  const c = a.commitments.find((x) => x.id === id);
  if (!c) return undefined;
  const status = statusView(ctx, a, c.id, c.status, c.status_source);
  return {
    type: 'commitment',
    agreement: a.id,
    id: c.id,
    title: pick(c.title, ctx.lang),
    ...original(c.title, ctx.lang),
    area: c.area,
    areaLabel: areaLabel(ctx, c.area),
    text: c.text,
    status,
    roles: c.responsible.map((r) => roleView(a, r, 'clause', ctx.lang)),
    citation: cite(a, c.source, ctx.lang),
    ...(c.due ? { due: dueView(ctx, a, c.due, status.status) } : {}),
    ...(c.incomplete_list ? { incompleteList: true as const } : {}),
  };
}

const RECURRING = {
  yearly: { vi: 'hằng năm', en: 'yearly' },
  quarterly: { vi: 'hằng quý', en: 'quarterly' },
  monthly: { vi: 'hằng tháng', en: 'monthly' },
} as const;

function dueView(ctx: ViewContext, a: Agreement, due: Due, status: Status): DueView {
  const lang = ctx.lang;
  const when = due.by ? formatDate(due.by, lang) : '';
  const every = due.recurring ? RECURRING[due.recurring][lang] : '';
  const label = t(lang, `hạn: ${[when, every].filter(Boolean).join(', ')}`, `due: ${[when, every].filter(Boolean).join(', ')}`);
  return {
    label,
    text: due.text,
    ...(due.by ? { by: due.by } : {}),
    ...(due.recurring ? { recurring: due.recurring } : {}),
    overdue: isOverdue(due, status, ctx.today()),
    citation: cite(a, due.source, lang),
  };
}

export function resultItem(ctx: ViewContext, a: Agreement, id: string): ResultItem | undefined {
  const r = a.results.find((x) => x.id === id);
  if (!r) return undefined;
  return {
    type: 'result',
    agreement: a.id,
    id: r.id,
    title: pick(r.title, ctx.lang),
    ...original(r.title, ctx.lang),
    areaLabel: areaLabel(ctx, r.area),
    text: r.text,
    status: statusView(ctx, a, r.id, r.status, r.status_source),
    parties: r.parties.map((p) => partyRef(a, p, ctx.lang)),
    citation: cite(a, r.source, ctx.lang),
    ...(r.incomplete_list ? { incompleteList: true as const } : {}),
  };
}

export function factItem(a: Agreement, id: string, lang: Lang): FactItem | undefined {
  const f = a.facts.find((x) => x.id === id);
  if (!f) return undefined;
  return {
    type: 'fact',
    agreement: a.id,
    id: f.id,
    title: pick(f.title, lang),
    ...original(f.title, lang),
    text: f.text,
    citation: cite(a, f.source, lang),
  };
}

export function personItem(a: Agreement, id: string, lang: Lang): PersonItem | undefined {
  const p = a.people.find((x) => x.id === id);
  if (!p) return undefined;
  const province = a.meta.provinces.find((x) => x.id === p.province);
  return {
    type: 'person',
    agreement: a.id,
    id: p.id,
    title: p.name,
    name: p.name,
    ...(province ? { province: province.name } : {}),
    titles: p.titles.map((x) => ({ text: lang === 'en' ? x.en : x.vi, original: x.vi })),
    eventRole: pick(p.event_role, lang),
    mentions: p.mentions.map((m) => ({ about: pick(m.about, lang), citation: cite(a, m, lang) })),
    citation: cite(a, p.source, lang),
  };
}

export function bodyItem(a: Agreement, id: string, lang: Lang): BodyItem | undefined {
  const b = a.bodies.find((x) => x.id === id);
  if (!b) return undefined;
  const description = pick(b.description, lang);
  return {
    type: 'body',
    agreement: a.id,
    id: b.id,
    title: lang === 'en' ? b.en : b.name,
    name: lang === 'en' ? b.en : b.name,
    otherName: lang === 'en' ? b.name : b.en,
    ...(description ? { description } : {}),
    citation: cite(a, b.source, lang),
  };
}

export function agreementItem(a: Agreement, lang: Lang): AgreementItem {
  const m = a.meta;
  const names = (ids: readonly string[]) => ids.map((id) => partyRef(a, id, lang).name).join(t(lang, ' và ', ' and '));
  // English answers keep the source's own spelling of the date beside the English one, to match the text.
  const when = signedWhen(a, lang);
  return {
    type: 'agreement',
    agreement: a.id,
    id: a.id,
    title: pick(m.title, lang),
    citation: cite(a, m.signed.source, lang),
    facts: [
      { label: t(lang, 'Loại văn bản', 'Kind'), value: pick(m.kind, lang) },
      { label: t(lang, 'Các bên ký kết', 'Parties'), value: names(m.parties), citation: cite(a, m.signed.source, lang) },
      { label: t(lang, 'Ngày ký', 'Signed on'), value: when, citation: cite(a, m.signed.source, lang) },
      { label: t(lang, 'Địa điểm', 'Place'), value: pick(m.signed.place, lang), citation: cite(a, m.signed.source, lang) },
      { label: t(lang, 'Giai đoạn', 'Period'), value: pick(m.period.text, lang), citation: cite(a, m.period.source, lang) },
      { label: t(lang, 'Đồng chủ trì', 'Co-chairs'), value: names(m.co_chairs), citation: cite(a, m.co_chairs_source, lang) },
      {
        label: t(lang, 'Nguồn', 'Source'),
        value: `${pick(m.source_document.title, lang)}${m.source_document.author ? ` — ${partyRef(a, m.source_document.author, lang).name}` : ''}`,
      },
    ],
  };
}

/** "chiều 29/3/2023" / "the afternoon of 29 March 2023 (29/3/2023)". */
export function signedWhen(a: Agreement, lang: Lang): string {
  const s = a.meta.signed;
  // A year the signing line does not give is told as inferred, with the line it comes from.
  const year = s.year_inferred_from
    ? t(lang, ` (năm suy ra từ dòng ${s.year_inferred_from})`, ` (year inferred from line ${s.year_inferred_from})`)
    : '';
  if (lang === 'vi') return `${s.time_of_day ? `${s.time_of_day.vi} ` : ''}${formatDate(s.date, 'vi')}${year}`;
  return `${s.time_of_day?.en ? `the ${s.time_of_day.en} of ` : ''}${formatDate(s.date, 'en')} (${formatDate(s.date, 'vi')})${year}`;
}

export function basisLabel(basis: keyof typeof BASIS_LABEL, lang: Lang): string {
  return BASIS_LABEL[basis][lang];
}

/** Any item by reference, in the answer's language; undefined when the id is not in that agreement. */
export function itemView(ctx: ViewContext, ref: { type: AnswerItem['type']; agreement: string; id: string }): AnswerItem | undefined {
  const a = ctx.agreements.get(ref.agreement);
  if (!a) return undefined;
  switch (ref.type) {
    case 'commitment':
      return commitmentItem(ctx, a, ref.id);
    case 'result':
      return resultItem(ctx, a, ref.id);
    case 'fact':
      return factItem(a, ref.id, ctx.lang);
    case 'person':
      return personItem(a, ref.id, ctx.lang);
    case 'body':
      return bodyItem(a, ref.id, ctx.lang);
    case 'agreement':
      return agreementItem(a, ctx.lang);
    default: {
      const never: never = ref.type;
      return never;
    }
  }
}

export const isDefined = <T>(x: T | undefined): x is T => x !== undefined;
