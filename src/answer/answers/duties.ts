// "What must X do?": every entry where the party has a role, and its share of the general
// assignment. The party is a body the question names, a person, or the provinces themselves ("hai
// tỉnh"). Words beyond the party narrow the list ("Về quốc phòng, hai tỉnh phải làm gì?"); a task
// the party does not have is said to be missing, not replaced by one it has.
import type { Agreement } from '../../knowledge/types.ts';
import { markedSyllables } from '../../text/normalize.ts';
import type { AskContext } from '../context.ts';
import { t } from '../i18n.ts';
import type { Row } from '../party-rows.ts';
import { type BodyMatch, findAreas, sharedWithAny, unitsCovered } from '../entities.ts';
import type { Answer, AnswerItem } from '../types.ts';
import type { Frame } from '../understand/frame.ts';
import { isDefined, itemView, partyName, pick } from '../views.ts';
import { answer, notFound, pageOfItems, statusNotes } from './compose.ts';
import { answerHolder, answerPerson } from './person.ts';
import { forSituation, generalRoles } from './responsible.ts';
import { onlyAreaNames, retrieve } from './retrieve.ts';

/** Most bodies named in one sentence: a body found in every agreement would otherwise fill the headline. */
const NAMED_BODIES = 3;

type Party = { agreement: Agreement; bodyId: string };
/** A commitment or result row, or a fact that names the party. */
type Listed = Pick<Row, 'a' | 'id' | 'area'> & { type: Row['type'] | 'fact' };

/** "A, B, C và 997 cơ quan khác": each name once. */
export function bodyList(ctx: AskContext, bodies: readonly Party[]): string {
  const names = new Set<string>();
  for (const m of bodies) {
    const b = m.agreement.bodies.find((x) => x.id === m.bodyId);
    names.add(b ? partyName(b, ctx.lang) : m.bodyId);
  }
  const shown = [...names].slice(0, NAMED_BODIES).join(', ');
  const more = names.size - NAMED_BODIES;
  return more > 0 ? t(ctx.lang, `${shown} và ${more} cơ quan khác`, `${shown} and ${more} other bodies`) : shown;
}

/** The parties the question asks about: named bodies, or the provinces it names as a whole. */
function partiesOf(ctx: AskContext, f: Frame): Party[] {
  if (f.links.bodies.length > 0) return f.links.bodies.map((b: BodyMatch) => ({ agreement: b.agreement, bodyId: b.bodyId }));
  // "hai tỉnh", "tỉnh Bắc Giang": the province bodies of each agreement.
  const out: Party[] = [];
  for (const a of ctx.knowledge.agreements) {
    for (const p of a.meta.provinces) {
      if (f.links.provinces.length > 0 && !f.links.provinces.includes(p.id)) continue;
      const body = a.bodies.find((b) => b.name === `tỉnh ${p.name}`);
      if (body) out.push({ agreement: a, bodyId: body.id });
    }
  }
  return out;
}

/** The topic words that the party's own names do not account for. */
function beyondParty(ctx: AskContext, f: Frame, parties: readonly Party[]): string {
  const names = new Set<string>();
  for (const p of parties) {
    const b = p.agreement.bodies.find((x) => x.id === p.bodyId);
    if (b) for (const n of [b.name, b.en, ...b.aliases]) names.add(n);
  }
  const shared = sharedWithAny([...names].map((n) => ctx.analyzer.analyze(n)));
  const topic = ctx.analyzer.analyze(f.topic);
  const words = markedSyllables(f.topic);
  return topic.units
    .map((u, i) => ({ u, text: words[i]?.text ?? u.syllable }))
    .filter(({ u }) => !u.stop && !u.generic && !u.place && !shared(u))
    .map((x) => x.text)
    .join(' ');
}

function titlesNameTheParty(ctx: AskContext, f: Frame): boolean {
  // A title named in full: "Tỉnh ủy" alone names the body, not its Secretary.
  const asked = new Set(ctx.analyzer.analyze(f.text).units.map((u) => u.syllable));
  const titles = f.links.titles.filter(
    (m) =>
      m.contained &&
      ctx.analyzer
        .analyze(m.title.vi)
        .units.filter((u) => !u.stop && !u.place)
        .every((u) => asked.has(u.syllable)),
  );
  if (titles.length === 0) return false;
  const titleWords = titles.map((m) => new Set(ctx.analyzer.analyze(m.title.vi).units.map((u) => u.syllable)));
  return f.links.bodies.every((m) => {
    // The body's own words, less its province ("Tỉnh ủy Bắc Giang" → "ủy").
    const body = ctx.analyzer
      .analyze(m.agreement.bodies.find((b) => b.id === m.bodyId)?.name ?? '')
      .units.filter((u) => !u.stop && !u.generic && !u.place);
    return body.length > 0 && titleWords.some((title) => body.every((u) => title.has(u.syllable)));
  });
}

/** " (bên ký Biên bản ghi nhớ, dòng 1)": a signing party's first part in it. */
function signatoryOf(ctx: AskContext, parties: readonly Party[]): string {
  const first = parties[0];
  if (!first || !parties.every((p) => p.agreement.meta.parties.includes(p.bodyId))) return '';
  const kind = pick(first.agreement.meta.kind, ctx.lang);
  const line = first.agreement.meta.signed?.source.line;
  const where = line ? `, ${t(ctx.lang, 'dòng', 'line')} ${line}` : '';
  return t(ctx.lang, ` (bên ký ${kind}${where})`, ` (signatory of the ${kind}${where})`);
}

export function answerDuties(ctx: AskContext, f: Frame, question: string): Answer {
  if (f.links.people.length > 0 && f.links.bodies.length === 0) return answerPerson(ctx, f, question, 'duties');
  // "Hai Bí thư Tỉnh ủy giữ vai trò gì?": people named by their title, whose body ("Tỉnh ủy") is
  // only part of it. Their part is what the source says they did.
  if (f.links.people.length === 0 && titlesNameTheParty(ctx, f)) return answerHolder(ctx, f, question);
  const parties = partiesOf(ctx, f);
  if (parties.length === 0)
    return notFound(ctx, question, 'duties', t(ctx.lang, 'Văn bản không nêu cơ quan này.', 'The source does not name this body.'));
  const names = bodyList(ctx, parties);
  const rows: Listed[] = [];
  // Asked what is asked of the party, the speeches' requests that name it count too.
  const withFacts = f.features.has('askedOf');
  let general = 0;
  for (const p of parties) {
    const mine = ctx.items.party(p.agreement, p.bodyId);
    if (!mine) continue;
    rows.push(...mine.commitments, ...mine.results);
    if (withFacts) rows.push(...mine.facts.map((id) => ({ a: p.agreement, type: 'fact' as const, id, area: '' })));
    general += mine.general;
  }
  // "Công an hai tỉnh có nhiệm vụ cấp hộ chiếu không?": a task beside the party must be one it has.
  const rest = beyondParty(ctx, f, parties);
  let listed = rows;
  // The party's share of the general assignment, narrowed like the rest by the topic words.
  let assignments = forSituation(
    ctx,
    f.text,
    parties.flatMap((p) => generalRoles(ctx, [p.agreement.id], p.bodyId)),
  );
  if (rest) {
    // Areas from the words beyond the party only: "công an" names the police, not a security topic.
    const areas = new Set(findAreas(ctx.matching, ctx.analyzer.analyze(rest)));
    // Judged among the party's own entries, not against the best match anywhere.
    const mineOnly = new Set(rows.map((r) => `${r.a.id}/${r.type}/${r.id}`));
    const { hits } = retrieve(ctx, rest, ['commitment', 'result', 'fact'], undefined, mineOnly);
    const hitKeys = new Set(hits.map((h) => `${h.agreement}/${h.id}`));
    // A whole area only when the words name nothing narrower ("về giao thông", not "về đường sắt").
    const wholeAreas = onlyAreaNames(ctx, rest, areas);
    listed = rows.filter((r) => hitKeys.has(`${r.a.id}/${r.id}`) || (wholeAreas && areas.has(r.area)));
    const restQuery = ctx.analyzer.analyze(rest);
    assignments = assignments.filter((r) => {
      if (!r.citation) return false;
      // The whole source line: a speech's request sets its scope there ("khi gặp khó khăn, vướng mắc").
      const line = ctx.agreements.get(r.agreement)?.sourceLines[r.citation.line - 1] ?? r.citation.quote;
      const { covered, total } = unitsCovered(ctx.analyzer.analyze(line), restQuery);
      return total > 0 && covered >= Math.min(2, total) && covered / total >= 0.6;
    });
    if (listed.length === 0 && assignments.length === 0) {
      const miss = notFound(
        ctx,
        question,
        'duties',
        t(ctx.lang, `Văn bản không giao việc này cho ${names}.`, `The source does not give ${names} this task.`),
      );
      miss.suggestions = [t(ctx.lang, `${names} có nhiệm vụ gì?`, `What is ${names} asked to do?`), ...miss.suggestions.slice(0, 1)];
      return miss;
    }
  }
  const { items: shown, page } = pageOfItems(ctx, listed);
  const items: AnswerItem[] = shown.map((r) => itemView(ctx, { type: r.type, agreement: r.a.id, id: r.id })).filter(isDefined);
  const onPage = new Set(items.map((i) => i.agreement));
  if (onPage.size > 0) assignments = assignments.filter((r) => onPage.has(r.agreement));
  const notes = statusNotes(ctx, items, page ? onPage : undefined);
  if (items.length === 0 && assignments.length === 0 && general === 0) {
    notes.unshift(
      t(
        ctx.lang,
        `Văn bản nêu tên ${names} nhưng không giao cho họ cam kết nào.`,
        `The source names ${names} but assigns it no commitment.`,
      ),
    );
  }
  const count = listed.length;
  const share =
    count > 0
      ? t(
          ctx.lang,
          `${count} nội dung theo văn bản${assignments.length > 0 ? ', và phần phân công chung' : ''}.`,
          `${count} item${count === 1 ? '' : 's'} in the source${assignments.length > 0 ? ', and a share of the general assignment' : ''}.`,
        )
      : assignments.length > 0
        ? t(ctx.lang, 'phần phân công chung theo văn bản.', 'its share of the general assignment.')
        : t(ctx.lang, 'văn bản không giao cam kết nào.', 'the source assigns no commitment.');
  const headline = `${names}${signatoryOf(ctx, parties)}: ${share}`;
  return answer(ctx, question, 'duties', true, headline, items, {
    assignments,
    detail: items.length > 3 ? 'brief' : 'full',
    notes,
    ...(page ? { page } : {}),
  });
}
