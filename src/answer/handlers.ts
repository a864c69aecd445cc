// One function per intent. Each builds an Answer from knowledge entries only; wording comes from
// i18n.ts and views.ts. When a handler finds nothing it says so, rather than offering a near thing.
import type { Status } from '../knowledge/schema.ts';
import type { Agreement, Knowledge } from '../knowledge/types.ts';
import type { Hit, ItemType } from '../search/index.ts';
import { syllables } from '../text/normalize.ts';
import type { Context } from './engine.ts';
import { EXAMPLES, STATUS_LABEL, t } from './i18n.ts';
import type { AgreementFocus } from './intents.ts';
import {
  findAreas,
  findBodies,
  findPeople,
  findTitles,
  leftoverForTitles,
  nameSyllables,
  unitsCovered,
  type PersonMatch,
} from './match.ts';
import { itemIndex, type Row } from './item-index.ts';
import { build, listed, pageOf, paged, statusNotes, tallyNotes, type Listed, type StatusRef, type Tally } from './lists.ts';
import { agreementOf, asksForAll, bodyNames, bodyOf, defined, hasTopic, item, leftover, relevantHits } from './lookup.ts';
import type { Answer, AnswerItem, Intent, Lang, RoleView } from './types.ts';
import { agreementItem, bodyItem, factItem, partyName, personItem, pick, roleView, signedWhen } from './views.ts';

type Base = Pick<Answer, 'question' | 'lang'>;

function answer(base: Base, intent: Intent, found: boolean, headline: string, items: AnswerItem[], extra: Partial<Answer> = {}): Answer {
  return { intent, found, headline, items, generalRoles: [], notes: [], suggestions: [], detail: 'full', ...base, ...extra };
}

function suggestionsFor(lang: Lang): string[] {
  return EXAMPLES[lang].slice(0, 3);
}

const SCOPE_NAMED = 5;

export function notFound(ctx: Context, base: Base, intent: Intent, what?: string): Answer {
  const lang = base.lang;
  const headline = what
    ? t(lang, `Không tìm thấy thông tin về “${what}” trong các văn bản đã có.`, `I found nothing about “${what}” in the agreements I know.`)
    : t(lang, 'Không tìm thấy thông tin phù hợp trong các văn bản đã có.', 'I found nothing that answers this in the agreements I know.');
  // Up to SCOPE_NAMED agreements are named; beyond that, a few and how many more (not a thousand titles).
  const all = ctx.knowledge.agreements;
  const shown = all.length <= SCOPE_NAMED ? all : all.slice(0, 3);
  const scope = shown.map((a) =>
    lang === 'en' ? (a.meta.short_title?.en ?? a.meta.title.vi) : (a.meta.short_title?.vi ?? a.meta.title.vi),
  );
  if (shown.length < all.length)
    scope.push(t(lang, `và ${all.length - shown.length} văn bản khác`, `and ${all.length - shown.length} more agreements`));
  return answer(base, intent, false, headline, [], {
    notes: [t(lang, `Tôi chỉ trả lời dựa trên: ${scope.join('; ')}.`, `I only answer from: ${scope.join('; ')}.`)],
    suggestions: suggestionsFor(lang),
  });
}

export function answerHelp(ctx: Context, question: string, lang: Lang, why: 'asked' | 'empty' | 'no-words'): Answer {
  const base = { question, lang };
  const headline =
    why === 'asked'
      ? t(
          lang,
          'Tôi trả lời câu hỏi về các biên bản ghi nhớ hợp tác giữa các tỉnh: ai phụ trách việc gì, cam kết nào còn chờ, ai là ai, và điều khoản nằm ở đâu.',
          'I answer questions about inter-provincial cooperation agreements: who is responsible for what, which commitments are pending, who is who, and where a clause says it.',
        )
      : why === 'empty'
        ? t(lang, 'Bạn chưa nhập câu hỏi. Hãy thử một trong các câu sau.', 'You did not ask anything yet. Try one of these.')
        : t(
            lang,
            'Tôi không đọc được câu hỏi này. Hãy hỏi bằng chữ, ví dụ như sau.',
            'I could not read a question in that. Ask in words, for example:',
          );
  if (why !== 'asked') return answer(base, 'help', false, headline, [], { suggestions: EXAMPLES[lang] });
  // The agreements we answer from: a long list with many agreements, so paged, and built per page.
  const { items, page } = paged(ctx, ctx.knowledge.agreements);
  return answer(
    base,
    'help',
    true,
    headline,
    items.map((a) => agreementItem(a, lang)),
    { suggestions: EXAMPLES[lang], ...(page ? { page } : {}) },
  );
}

type ClauseRef = { agreement: string; id: string; type: ItemType };

// Id → where it exists, in agreement order: built once per Knowledge, not scanned per question.
const clauseIds = new WeakMap<Knowledge, Map<string, ClauseRef[]>>();

function clauseIndex(k: Knowledge): Map<string, ClauseRef[]> {
  let index = clauseIds.get(k);
  if (index) return index;
  index = new Map();
  for (const a of k.agreements) {
    // A commitment wins over a result or fact of the same id, as it always has.
    const here = new Map<string, ItemType>();
    for (const f of a.facts) here.set(f.id, 'fact');
    for (const r of a.results) here.set(r.id, 'result');
    for (const c of a.commitments) here.set(c.id, 'commitment');
    for (const [id, type] of here) index.set(id, [...(index.get(id) ?? []), { agreement: a.id, id, type }]);
  }
  clauseIds.set(k, index);
  return index;
}

/** Ids like "C18", "c 18" or "R2" that exist in some agreement. */
export function findClauseIds(k: Knowledge, question: string): ClauseRef[] {
  const out: ClauseRef[] = [];
  for (const m of question.matchAll(/(?<![\p{L}\p{N}])([CRF])\s?-?(\d{1,4})(?![\p{L}\p{N}])/giu)) {
    const id = `${(m[1] as string).toUpperCase()}${m[2] as string}`;
    for (const ref of clauseIndex(k).get(id) ?? []) out.push({ ...ref });
  }
  return out;
}

function generalRoles(ctx: Context, agreements: Iterable<string>, lang: Lang, party?: string): RoleView[] {
  const out: RoleView[] = [];
  for (const id of new Set(agreements)) {
    const a = agreementOf(ctx.knowledge, id);
    for (const r of a.meta.general_responsibility) if (!party || r.party === party) out.push(roleView(a, r, 'general', lang));
  }
  return out;
}

export function answerClause(ctx: Context, question: string, lang: Lang, ids: ClauseRef[]): Answer {
  // "C17" names a clause of every agreement that has one: a long list, paged like the others.
  const { items: shown, page } = paged(ctx, ids);
  const items = shown.map((x) => item(ctx, x, lang)).filter(defined);
  const headline = items.map((i) => `${i.id}: ${i.title}`).join(' · ');
  const commitments = items.filter((i) => i.type === 'commitment');
  return answer({ question, lang }, 'clause', true, headline, items, {
    generalRoles: generalRoles(
      ctx,
      commitments.map((c) => c.agreement),
      lang,
    ),
    notes: statusNotes(
      ctx,
      page ? ids.map((x) => ({ ...x, status: clauseStatus(ctx, x) })) : items,
      lang,
      page ? new Set(items.map((i) => i.agreement)) : undefined,
    ),
    ...(page ? { page } : {}),
  });
}

function clauseStatus(ctx: Context, x: ClauseRef): StatusRef['status'] {
  if (x.type !== 'commitment' && x.type !== 'result') return undefined;
  const a = agreementOf(ctx.knowledge, x.agreement);
  const row = itemIndex(ctx.knowledge).row(a, x.id);
  return row ? ctx.overlay(a.id, row.id, row.status) : undefined;
}

export function answerAgreement(ctx: Context, question: string, lang: Lang, focus: AgreementFocus, subject: string): Answer {
  const base = { question, lang };
  // "What did Nguyễn Thanh Hải say about the signing?" is about the person, not the signing.
  if (focus === 'overview' && findPeople(ctx.knowledge, question, ctx.index.knows).some((m) => m.strength === 'full'))
    return answerWho(ctx, question, lang, question);
  const query = ctx.analyzer.analyze(subject);
  // Narrow attendees by the province and titles the question names ("phía tỉnh Bắc Giang", "Ủy viên dự khuyết").
  const titled =
    focus === 'attendees'
      ? new Set(findTitles(ctx.knowledge, ctx.analyzer, query, { all: true }).map((x) => x.personId))
      : new Set<string>();
  const places = { units: query.units.filter((u) => u.place), terms: [] };
  const provinceNamed = new Map<string, boolean>();
  const inProvince = (a: Agreement, province: string | undefined) => {
    const p = a.meta.provinces.find((x) => x.id === province);
    if (places.units.length === 0) return true;
    if (p === undefined) return false;
    let named = provinceNamed.get(p.name);
    if (named === undefined)
      provinceNamed.set(p.name, (named = unitsCovered(places, ctx.analyzer.analyze(p.name)).covered === places.units.length));
    return named;
  };
  /** The people or bodies the question is about, in one agreement. */
  const named = (a: Agreement): { kind: 'person' | 'body'; ids: readonly string[] } => {
    const m = a.meta;
    switch (focus) {
      case 'signers':
        return { kind: 'body', ids: m.parties };
      case 'chairs':
        return { kind: 'person', ids: m.co_chairs };
      case 'author':
        return { kind: 'person', ids: m.source_document.author ? [m.source_document.author] : [] };
      case 'attendees':
        return {
          kind: 'person',
          ids: a.people
            .filter((p) => p.titles.length > 0 && inProvince(a, p.province) && (titled.size === 0 || titled.has(p.id)))
            .map((p) => p.id),
        };
      case 'overview':
        return { kind: 'person', ids: [] };
      default: {
        const never: never = focus;
        return never;
      }
    }
  };
  const view = (a: Agreement, kind: 'person' | 'body', id: string) => (kind === 'person' ? personItem(a, id, lang) : bodyItem(a, id, lang));
  const line = (a: Agreement): string => {
    const m = a.meta;
    const { kind, ids } = named(a);
    const list = ids.map((id) => view(a, kind, id)).filter(defined);
    const names = list.map((i) => i.title).join(t(lang, ' và ', ' and '));
    switch (focus) {
      case 'signers':
        return t(lang, `Các bên ký kết: ${names}.`, `Signed by: ${names}.`);
      case 'chairs':
        return t(lang, `Đồng chủ trì hội nghị: ${names}.`, `The conference was co-chaired by ${names}.`);
      case 'author':
        return list.length
          ? t(lang, `Tác giả bài viết: ${names}.`, `The report was written by ${names}.`)
          : t(lang, 'Nguồn không ghi tác giả.', 'The source names no author.');
      case 'attendees':
        return t(
          lang,
          `Dự hội nghị (${list.length} người được nêu tên): ${list.map((i) => i.title).join(', ')}.`,
          `Named as attending (${list.length}): ${list.map((i) => i.title).join(', ')}.`,
        );
      default: {
        const when = signedWhen(a, lang);
        return t(
          lang,
          `${m.kind.vi} được ký ${when} tại ${m.signed.place.vi}, giai đoạn ${m.period.text.vi}.`,
          `The ${m.kind.en ?? m.kind.vi} was signed on ${when} in ${pick(m.signed.place, lang)}, for ${pick(m.period.text, lang)}.`,
        );
      }
    }
  };
  // Every agreement answers this; with many agreements the list is paged like any other, and
  // only the page shown is built: its items, and a headline about its agreements.
  const refs: { a: Agreement; kind: 'person' | 'body' | 'agreement'; id: string }[] = [];
  for (const a of ctx.knowledge.agreements) {
    const { kind, ids } = named(a);
    for (const id of ids) refs.push({ a, kind, id });
    refs.push({ a, kind: 'agreement', id: a.id });
  }
  const { items: shown, page } = paged(ctx, refs);
  const items = shown.map((r) => (r.kind === 'agreement' ? agreementItem(r.a, lang) : view(r.a, r.kind, r.id))).filter(defined);
  const headline = [...new Set(shown.map((r) => r.a))].map(line).join(' ');
  return answer(base, 'agreement', true, headline, items, page ? { page } : {});
}

/** Areas named in the subject ("môi trường", "transport", "GT"), by the glossary's area words. */
function areasIn(ctx: Context, subject: string): string[] {
  return findAreas(ctx.knowledge, ctx.analyzer, ctx.analyzer.analyze(subject));
}

export function answerStatusList(
  ctx: Context,
  question: string,
  lang: Lang,
  statuses: Status[] | 'all',
  subject: string,
  includeResults: boolean,
): Answer {
  const base = { question, lang };
  const areas = areasIn(ctx, subject);
  const query = ctx.analyzer.analyze(subject);
  // Only a body named in full filters a list: "transport" alone is an area, not "transport operators".
  const bodies = findBodies(ctx.knowledge, ctx.analyzer, query).filter((b) => b.exact);
  // Words that are neither the area nor the body narrow the list by search ("cam kết về sông Cầu",
  // "Thai Nguyen FC football results").
  const areaWords = ctx.knowledge.glossary.areas.filter((a) => areas.includes(a.id)).flatMap((a) => [a.vi, a.en, ...a.words]);
  const narrowBySearch = leftover(ctx, subject, [...areaWords, ...bodyNames(bodies)]).length > 0;
  const narrowing = narrowBySearch ? relevantHits(ctx, subject, ['commitment', 'result']) : undefined;
  const allowed = narrowing ? new Set(narrowing.map((h) => `${h.agreement}/${h.id}`)) : undefined;
  if (allowed && allowed.size === 0 && !(areas.length > 0 || bodies.length > 0)) {
    const search = answerSearch(ctx, question, lang, subject);
    if (search.found) return search;
  }
  const wanted = statuses === 'all' ? undefined : new Set<Status>(statuses);
  const areaSet = areas.length > 0 ? new Set(areas) : undefined;
  const bodyIdsOf = new Map<Agreement, Set<string>>();
  for (const b of bodies) bodyIdsOf.set(b.agreement, (bodyIdsOf.get(b.agreement) ?? new Set()).add(b.bodyId));
  const none = new Set<string>();
  const withResults = includeResults || (statuses !== 'all' && statuses.includes('in_progress'));

  // The search hits that narrow the list, by agreement: an agreement with none is skipped whole.
  let allowedIds: Map<string, Set<string>> | undefined;
  if (narrowing) {
    allowedIds = new Map();
    for (const h of narrowing) allowedIds.set(h.agreement, (allowedIds.get(h.agreement) ?? new Set()).add(h.id));
  }
  // This scans every commitment of every agreement: the cheap tests come first, and the effective
  // status (a look-up in the chat updates) is asked only of rows that pass them. Matches stay
  // rows; only the page shown becomes views, and the status notes are tallied on the way.
  const matches: Row[] = [];
  const tally = new Map<string, Tally>();
  for (const { a, commitments, results } of itemIndex(ctx.knowledge).agreements) {
    if (allowedIds && !allowedIds.has(a.id)) continue;
    const bodyIds = bodyIdsOf.get(a) ?? none;
    let seen: Tally | undefined;
    for (const rows of withResults ? [commitments, results] : [commitments]) {
      for (const row of rows) {
        if (areaSet && !areaSet.has(row.area)) continue;
        if (bodies.length > 0 && !row.parties.some((p) => bodyIds.has(p))) continue;
        if (allowedIds && !allowedIds.get(a.id)?.has(row.id)) continue;
        const status = ctx.overlay(a.id, row.id, row.status);
        if (wanted && !wanted.has(status.status)) continue;
        matches.push(row);
        if (!seen) tally.set(a.id, (seen = { updated: 0, pending: false }));
        if (status.update !== undefined) seen.updated++;
        if (row.type === 'commitment' && status.status === 'pending') seen.pending = true;
      }
    }
  }
  const statusText = statuses === 'all' ? t(lang, 'cam kết', 'commitments') : statuses.map((s) => STATUS_LABEL[s][lang]).join(', ');
  const areaText = areas
    .map((id) => ctx.knowledge.glossary.areas.find((x) => x.id === id))
    .map((x) => (x ? (lang === 'en' ? x.en : x.vi) : ''))
    .join(', ');
  if (matches.length === 0) {
    const a = notFound(ctx, base, 'status_list', subject || undefined);
    a.headline = t(
      lang,
      `Không có mục nào (${statusText}${areaText ? `, ${areaText}` : ''}) khớp với câu hỏi.`,
      `No item (${statusText}${areaText ? `, ${areaText}` : ''}) matches the question.`,
    );
    return a;
  }
  const headline = t(
    lang,
    `${matches.length} mục — ${statusText}${areaText ? ` — lĩnh vực ${areaText}` : ''}:`,
    `${matches.length} item${matches.length === 1 ? '' : 's'} — ${statusText}${areaText ? ` — ${areaText}` : ''}:`,
  );
  const { from, to, page } = pageOf(ctx, matches.length);
  const shown: AnswerItem[] = [];
  for (let k = from; k < to; k++) {
    const row = matches[k] as Row;
    const view = build(ctx, listed(row.a, row.type, row.id), lang);
    if (view) shown.push(view);
  }
  return answer(base, 'status_list', true, headline, [], {
    ...(page ? { items: shown, page } : { items: shown }),
    notes: tallyNotes(ctx, tally, lang, page ? new Set(shown.map((v) => v.agreement)) : undefined),
    detail: 'brief',
  });
}

export function answerResponsibility(ctx: Context, question: string, lang: Lang, subject: string): Answer {
  const base = { question, lang };
  if (!hasTopic(ctx, subject)) {
    // "Ai chịu trách nhiệm triển khai biên bản?": the general assignment of lines 16/18.
    // One agreement's assignment is a few lines; a thousand agreements' is paged like any long list.
    const { from, to, page } = pageOf(ctx, ctx.knowledge.agreements.length);
    const roles = generalRoles(
      ctx,
      ctx.knowledge.agreements.slice(from, to).map((a) => a.id),
      lang,
    );
    return answer(
      base,
      'responsibility',
      true,
      t(lang, 'Phân công chung cho việc triển khai biên bản ghi nhớ:', 'The general assignment for implementing the MoU:'),
      [],
      { generalRoles: roles, ...(page ? { page: { ...page, of: 'agreements' as const } } : {}) },
    );
  }
  const hits = relevantHits(ctx, subject, ['commitment', 'result', 'fact']);
  if (hits.length === 0) {
    // The subject may be an actor rather than a topic: "who is responsible in Bộ GTVT".
    const bodies = findBodies(ctx.knowledge, ctx.analyzer, ctx.analyzer.analyze(subject));
    if (bodies.length > 0) return answerDuties(ctx, question, lang, subject);
    return notFound(ctx, base, 'responsibility', subject);
  }
  const items = hits.map((h) => item(ctx, h, lang)).filter(defined);
  const anyInferred = items.some((i) => i.type === 'commitment' && i.roles.some((r) => r.basis === 'inferred'));
  const notes = statusNotes(ctx, items, lang);
  if (anyInferred)
    notes.unshift(
      t(
        lang,
        'Vai trò “suy luận” không được văn bản nêu rõ; vai trò “nêu rõ” có trích dẫn nguyên văn.',
        'Roles marked “inferred” are not stated in the source; “stated” roles quote it verbatim.',
      ),
    );
  // The general assignment (who advises, leads, directs) applies to every clause, so it is always part of the answer.
  return answer(base, 'responsibility', true, t(lang, 'Trách nhiệm theo văn bản:', 'Responsibility according to the source:'), items, {
    generalRoles: generalRoles(
      ctx,
      items.map((i) => i.agreement),
      lang,
    ),
    notes,
  });
}

export function answerDuties(ctx: Context, question: string, lang: Lang, subject: string): Answer {
  const base = { question, lang };
  const people = findPeople(ctx.knowledge, subject, ctx.index.knows).filter((m) => m.strength !== 'given');
  if (people.length > 0) return personAnswer(base, people, 'duties');
  const bodies = findBodies(ctx.knowledge, ctx.analyzer, ctx.analyzer.analyze(subject));
  if (bodies.length === 0) return answerSearch(ctx, question, lang, subject);
  // "Công an hai tỉnh có nhiệm vụ cấp hộ chiếu không?": a task named beside the body must be one it has.
  if (leftover(ctx, subject, bodyNames(bodies)).length > 0) {
    // Whether a hit is a commitment of one of these bodies, asked of the few hits, not of every commitment of every body.
    const bodyIds = new Map<string, string[]>();
    for (const b of bodies) bodyIds.set(b.agreement.id, [...(bodyIds.get(b.agreement.id) ?? []), b.bodyId]);
    const theirs = (h: Hit) =>
      (bodyIds.get(h.agreement) ?? []).some((id) =>
        itemIndex(ctx.knowledge)
          .party(agreementOf(ctx.knowledge, h.agreement), id)
          ?.commitments.some((c) => c.id === h.id),
      );
    const hits = relevantHits(ctx, subject, ['commitment']).filter(theirs);
    if (hits.length > 0)
      return answer(
        base,
        'duties',
        true,
        t(lang, 'Theo văn bản:', 'According to the source:'),
        hits.map((h) => item(ctx, h, lang)).filter(defined),
        { notes: statusNotes(ctx, [], lang) },
      );
    // Each name once: the same body is named in every agreement that has it.
    const names = bodyList(bodies, lang);
    const miss = notFound(ctx, base, 'duties');
    miss.headline = t(lang, `Văn bản không giao việc này cho ${names}.`, `The source does not give ${names} this task.`);
    miss.suggestions = [t(lang, `${names} có nhiệm vụ gì?`, `What is ${names} asked to do?`), ...miss.suggestions.slice(0, 2)];
    return miss;
  }
  return dutiesOf(ctx, base, bodies);
}

/** Most bodies named in one sentence: a body found in every agreement would otherwise fill the headline. */
const NAMED_BODIES = 3;

/** "A, B, C và 997 cơ quan khác": each name once, as partyRef() spells it. */
function bodyList(bodies: readonly { agreement: Agreement; bodyId: string }[], lang: Lang): string {
  const names = new Set<string>();
  for (const m of bodies) {
    const b = bodyOf(m.agreement, m.bodyId);
    names.add(b ? partyName(b, lang) : m.bodyId);
  }
  const shown = [...names].slice(0, NAMED_BODIES).join(', ');
  const more = names.size - NAMED_BODIES;
  return more > 0 ? t(lang, `${shown} và ${more} cơ quan khác`, `${shown} and ${more} other bodies`) : shown;
}

/** What the source asks of these bodies: their clause roles, general roles and results. */
function dutiesOf(ctx: Context, base: Base, bodies: readonly { agreement: Agreement; bodyId: string }[]): Answer {
  const lang = base.lang;
  const items: Listed[] = [];
  let generalCount = 0;
  for (const m of bodies) {
    const a = m.agreement;
    const rows = itemIndex(ctx.knowledge).party(a, m.bodyId);
    if (!rows) continue;
    if (rows.body) items.push(listed(a, 'body', m.bodyId));
    generalCount += rows.general;
    for (const c of rows.commitments) items.push(listed(a, 'commitment', c.id, ctx.overlay(a.id, c.id, c.status)));
    for (const r of rows.results) items.push(listed(a, 'result', r.id, ctx.overlay(a.id, r.id, r.status)));
  }
  const { items: shown, page } = paged(ctx, items);
  // The same body may be named in every agreement: the headline and the general roles speak of
  // the agreements on the page shown (all of them, when there is one agreement).
  const onPage = new Set(shown.map((x) => x.agreement));
  const named = onPage.size > 0 ? bodies.filter((m) => onPage.has(m.agreement.id)) : bodies;
  const roles = named.flatMap((m) => generalRoles(ctx, [m.agreement.id], lang, m.bodyId));
  const names = bodyList(named, lang);
  const assigned = items.filter((i) => i.type !== 'body').length + generalCount;
  const notes = statusNotes(ctx, items, lang, page ? onPage : undefined);
  if (assigned === 0)
    notes.unshift(
      t(lang, `Văn bản nêu tên ${names} nhưng không giao cho họ cam kết nào.`, `The source names ${names} but assigns it no commitment.`),
    );
  const built = shown.map((x) => build(ctx, x, lang)).filter(defined);
  return answer(base, 'duties', true, t(lang, `Nhiệm vụ của ${names} theo văn bản:`, `What the source asks of ${names}:`), [], {
    ...(page ? { items: built, page } : { items: built }),
    detail: items.length > 3 ? 'brief' : 'full',
    generalRoles: roles,
    notes,
  });
}

function personAnswer(base: Base, matches: PersonMatch[], intent: Intent): Answer {
  const lang = base.lang;
  const items: AnswerItem[] = matches.map((m) => personItem(m.agreement, m.personId, lang)).filter(defined);
  // What the source reports them saying or doing (speeches, statements) belongs with who they are.
  if (matches.length === 1 && matches[0]) {
    const { agreement: a, personId } = matches[0];
    for (const f of a.facts) if (f.speaker === personId || f.parties.includes(personId)) items.push(factItem(a, f.id, lang) as AnswerItem);
  }
  const notes: string[] = [];
  const headline =
    matches.length === 1
      ? (items[0] as AnswerItem).title
      : t(
          lang,
          `Có ${matches.length} người khớp với tên này — bạn muốn hỏi ai?`,
          `${matches.length} people match that name — which one do you mean?`,
        );
  if (intent === 'duties') {
    notes.push(
      t(
        lang,
        'Văn bản không giao cam kết nào cho riêng cá nhân này; trách nhiệm được giao cho các cơ quan, tổ chức.',
        'The source assigns no commitment to this person by name; responsibility is assigned to bodies.',
      ),
    );
  }
  return answer(base, intent, true, headline, items, { notes });
}

/** Who is X / who holds title T. Searches people, titles and bodies only: a name is never answered with a clause. */
export function answerWho(ctx: Context, question: string, lang: Lang, subject: string, strict = true): Answer {
  const base = { question, lang };
  const people = findPeople(ctx.knowledge, subject, ctx.index.knows);
  const strong = people.filter((m) => m.strength !== 'given');
  if (strong.length > 0)
    return personAnswer(
      base,
      strong.filter((m) => m.strength === strong[0]?.strength),
      'person',
    );
  const content = syllables(subject).filter((s) => !['ong', 'ba', 'dong', 'chi', 'anh', 'chu'].includes(s));
  if (people.length > 0 && content.length === 1) return personAnswer(base, people, 'person');

  const query = ctx.analyzer.analyze(subject);
  // "X là ai?" with words beyond a title ("chủ tịch nước") asks about someone this agreement does not name.
  const titles =
    strict && leftoverForTitles(ctx.knowledge, ctx.analyzer, query, ctx.index.knows).length > 0
      ? []
      : findTitles(ctx.knowledge, ctx.analyzer, query, { all: asksForAll(question) });
  if (titles.length === 1 && titles[0]) {
    const one = personAnswer(
      base,
      [{ agreement: titles[0].agreement, personId: titles[0].personId, strength: 'full', positions: [] }],
      'role',
    );
    one.headline = `${pick(titles[0].title, lang)}: ${one.headline}`;
    return one;
  }
  if (titles.length > 1) {
    const items = titles.map((m) => personItem(m.agreement, m.personId, lang)).filter(defined);
    const names = items.map((i) => i.title).join(', ');
    return answer(base, 'role', true, `${pick(titles[0]?.title, lang)}: ${names}`, items, {
      ...(asksForAll(question)
        ? {}
        : {
            notes: [
              t(
                lang,
                'Có nhiều người giữ chức danh này; hãy nêu tên tỉnh để thu hẹp.',
                'Several people hold this title; name the province to narrow it down.',
              ),
            ],
          }),
    });
  }
  // People are found by name above; here a person may only match through what they did, never
  // through part of a name ("Dương Văn Hùng" must not find "Dương Văn Thái").
  const names = nameSyllables(ctx.knowledge);
  const namesSomeone = query.units.some((u) => !u.stop && names.has(u.syllable));
  const hits = relevantHits(ctx, subject, namesSomeone ? ['body'] : ['person', 'body'], 1);
  if (hits.length > 0) {
    const items = hits.map((h) => item(ctx, h, lang)).filter(defined);
    return answer(base, items[0]?.type === 'person' ? 'person' : 'duties', true, (items[0] as AnswerItem).title, items);
  }
  return notFound(ctx, base, 'person', subject);
}

/** No intent phrase: a name, a title, an id-less clause topic, or nothing we know. */
export function answerSearch(ctx: Context, question: string, lang: Lang, subject: string): Answer {
  const base = { question, lang };
  const strong = findPeople(ctx.knowledge, subject, ctx.index.knows).filter((m) => m.strength !== 'given');
  if (strong.length > 0) return answerWho(ctx, question, lang, subject);
  // A bare title ("chu tich hdnd thai nguyen") is a role question; a topic that merely shares a word with a title is not.
  const query = ctx.analyzer.analyze(subject);
  const confident = (m: { contained: boolean; score: number }) => m.contained && m.score >= 2;
  if (findTitles(ctx.knowledge, ctx.analyzer, query).some(confident)) return answerWho(ctx, question, lang, subject, false);
  // …and a title in a province the agreement does not cover ("Chủ tịch HĐND tỉnh Vĩnh Phúc") is nobody we know.
  if (findTitles(ctx.knowledge, ctx.analyzer, query, { anyPlace: true }).some(confident)) return notFound(ctx, base, 'role', subject);

  const hits = relevantHits(ctx, subject);
  if (hits.length === 0) return notFound(ctx, base, 'topic');
  // Clauses, results and facts answer a topic; a person or body only when nothing else does.
  const items = hits
    .filter((h) => h.type !== 'person' && h.type !== 'body')
    .map((h) => item(ctx, h, lang))
    .filter(defined);
  const top = hits[0] as Hit;
  if (items.length === 0 && top.type === 'person')
    return personAnswer(
      base,
      [{ agreement: agreementOf(ctx.knowledge, top.agreement), personId: top.id, strength: 'full', positions: [] }],
      'person',
    );
  if (items.length === 0) return dutiesOf(ctx, base, [{ agreement: agreementOf(ctx.knowledge, top.agreement), bodyId: top.id }]);
  return answer(base, 'topic', true, t(lang, 'Các nội dung liên quan trong văn bản:', 'What the source says on this:'), items, {
    generalRoles: generalRoles(
      ctx,
      items.filter((i) => i.type === 'commitment').map((i) => i.agreement),
      lang,
    ),
    notes: statusNotes(ctx, items, lang),
  });
}
