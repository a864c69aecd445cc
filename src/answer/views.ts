// Knowledge entries → localised Answer items. The only place that knows both shapes.
import type { Bilingual, Body, Citation, Responsibility } from '../knowledge/schema.ts';
import type { Agreement } from '../knowledge/types.ts';
import type { Glossary } from '../knowledge/schema.ts';
import { BASIS_LABEL, formatDate, ROLE_LABEL, STATUS_LABEL, t } from './i18n.ts';
import type {
  AgreementItem,
  BodyItem,
  CitationView,
  CommitmentItem,
  FactItem,
  Lang,
  PartyRef,
  PersonItem,
  ResultItem,
  RoleView,
  StatusOverlay,
  StatusView,
} from './types.ts';

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

/** No updates: every status is the file's. */
export const fileStatus: StatusOverlay = (_a, _i, status) => ({ status });

function statusView(
  a: Agreement,
  id: string,
  fileValue: StatusView['status'],
  source: Citation | undefined,
  lang: Lang,
  overlay: StatusOverlay,
): StatusView {
  const { status, update } = overlay(a.id, id, fileValue);
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

export function commitmentItem(
  a: Agreement,
  id: string,
  glossary: Glossary,
  lang: Lang,
  overlay: StatusOverlay = fileStatus,
): CommitmentItem | undefined {
  const c = a.commitments.find((x) => x.id === id);
  if (!c) return undefined;
  const area = glossary.areas.find((x) => x.id === c.area);
  return {
    type: 'commitment',
    agreement: a.id,
    id: c.id,
    title: pick(c.title, lang),
    area: c.area,
    areaLabel: area ? (lang === 'en' ? area.en : area.vi) : c.area,
    text: c.text,
    status: statusView(a, c.id, c.status, c.status_source, lang, overlay),
    roles: c.responsible.map((r) => roleView(a, r, 'clause', lang)),
    citation: cite(a, c.source, lang),
  };
}

export function resultItem(
  a: Agreement,
  id: string,
  glossary: Glossary,
  lang: Lang,
  overlay: StatusOverlay = fileStatus,
): ResultItem | undefined {
  const r = a.results.find((x) => x.id === id);
  if (!r) return undefined;
  const area = glossary.areas.find((x) => x.id === r.area);
  return {
    type: 'result',
    agreement: a.id,
    id: r.id,
    title: pick(r.title, lang),
    areaLabel: area ? (lang === 'en' ? area.en : area.vi) : r.area,
    text: r.text,
    status: statusView(a, r.id, r.status, r.status_source, lang, overlay),
    parties: r.parties.map((p) => partyRef(a, p, lang)),
    citation: cite(a, r.source, lang),
  };
}

export function factItem(a: Agreement, id: string, lang: Lang): FactItem | undefined {
  const f = a.facts.find((x) => x.id === id);
  if (!f) return undefined;
  return { type: 'fact', agreement: a.id, id: f.id, title: pick(f.title, lang), text: f.text, citation: cite(a, f.source, lang) };
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
  if (lang === 'vi') return `${s.time_of_day ? `${s.time_of_day.vi} ` : ''}${formatDate(s.date, 'vi')}`;
  return `${s.time_of_day?.en ? `the ${s.time_of_day.en} of ` : ''}${formatDate(s.date, 'en')} (${formatDate(s.date, 'vi')})`;
}

export function basisLabel(basis: keyof typeof BASIS_LABEL, lang: Lang): string {
  return BASIS_LABEL[basis][lang];
}
