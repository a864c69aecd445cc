// "What must X do?": every entry where the party has a role, and its share of the general
// assignment. The party is a body the question names, a person, or the provinces themselves ("hai
// tỉnh"). Words beyond the party narrow the list ("Về quốc phòng, hai tỉnh phải làm gì?"); a task
// the party does not have is said to be missing, not replaced by one it has.
import type { Body, GeneralAssignment } from '../../knowledge/schema.ts';
import type { Agreement } from '../../knowledge/types.ts';
import { markedSyllables } from '../../text/normalize.ts';
import type { AskContext } from '../context.ts';
import { t } from '../i18n.ts';
import type { Row } from '../party-rows.ts';
import { type BodyMatch, findAreas, sharedWithAny, unitsCovered } from '../entities.ts';
import type { Answer, AnswerItem } from '../types.ts';
import type { Frame } from '../understand/frame.ts';
import { generalRoleView, isDefined, itemView, partyName, pick } from '../views.ts';
import { answer, notFound, pageOfItems, statusNotes } from './compose.ts';
import { answerHolder, answerPerson } from './person.ts';
import { forSituation } from './responsible.ts';
import { onlyAreaNames, retrieve } from './retrieve.ts';

/** Most bodies named in one sentence: a body found in every agreement would otherwise fill the headline. */
const NAMED_BODIES = 3;

type Party = { agreement: Agreement; bodyId: string; body: Body };
/** A party's part in an agreement's general assignment. */
type Share = { a: Agreement; r: GeneralAssignment };
/** A commitment or result row, or a fact that names the party. */
type Listed = Pick<Row, 'a' | 'id' | 'area'> & { type: Row['type'] | 'fact' };

/** "A, B, C và 997 cơ quan khác": each name once. */
function bodyList(ctx: AskContext, names: ReadonlySet<string>): string {
  const shown = [...names].slice(0, NAMED_BODIES).join(', ');
  const more = names.size - NAMED_BODIES;
  return more > 0 ? t(ctx.lang, `${shown} và ${more} cơ quan khác`, `${shown} and ${more} other bodies`) : shown;
}

/** The parties the question asks about: named bodies, or the provinces it names as a whole. */
function partiesOf(ctx: AskContext, f: Frame): Party[] {
  if (f.links.bodies.length > 0) return f.links.bodies.map((b: BodyMatch) => ({ agreement: b.agreement, bodyId: b.bodyId, body: b.body }));
  // "hai tỉnh", "tỉnh Bắc Giang": the province bodies of each agreement.
  const out: Party[] = [];
  for (const a of ctx.knowledge.agreements) {
    for (const p of a.meta.provinces) {
      if (f.links.provinces.length > 0 && !f.links.provinces.includes(p.id)) continue;
      const body = a.bodies.find((b) => b.name === `tỉnh ${p.name}`);
      if (body) out.push({ agreement: a, bodyId: body.id, body });
    }
  }
  return out;
}

/** What the parties are given, and what they are called: one pass (a body found in every agreement is a party in each). */
function gather(ctx: AskContext, parties: readonly Party[], withFacts: boolean) {
  const rows: Listed[] = [];
  const shares: Share[] = [];
  /** Names to show, each once. */
  const names = new Set<string>();
  /** Every name and alias: the words that name the party. */
  const namings = new Set<string>();
  let allSigned = true;
  for (const p of parties) {
    names.add(partyName(p.body, ctx.lang));
    namings.add(p.body.name).add(p.body.en);
    for (const alias of p.body.aliases) namings.add(alias);
    const mine = ctx.items.party(p.agreement, p.bodyId);
    allSigned &&= mine?.signatory === true;
    if (!mine) continue;
    rows.push(...mine.commitments, ...mine.results);
    if (withFacts) rows.push(...mine.facts.map((id) => ({ a: p.agreement, type: 'fact' as const, id, area: '' })));
    for (const r of mine.general) shares.push({ a: p.agreement, r });
  }
  return { rows, shares, names, namings, allSigned };
}

/** The topic words that the party's own names do not account for. */
function beyondParty(ctx: AskContext, f: Frame, names: ReadonlySet<string>): string {
  const shared = sharedWithAny([...names].map((n) => ctx.analyzer.analyze(n)));
  const topic = ctx.analyzer.analyze(f.topic);
  const words = markedSyllables(f.topic);
  // The words that ask ("được giao", "nhiệm vụ gì") are no task. Topic positions are not question
  // positions: matched by text.
  const asking = new Set(
    f.cues
      .filter((c) => ['addressee', 'duties', 'askedOf', 'responsible'].includes(c.feature))
      .flatMap((c) => f.words.slice(c.from, c.to).map((w) => w.folded)),
  );
  return topic.units
    .map((u, i) => ({ u, text: words[i]?.text ?? u.syllable }))
    .filter(({ u }) => !u.stop && !u.generic && !u.place && !shared(u) && !asking.has(u.syllable))
    .map((x) => x.text)
    .join(' ');
}

function titlesNameTheParty(ctx: AskContext, f: Frame): boolean {
  // A title named in full: "Tỉnh ủy" alone names the body, not its Secretary.
  const asked = new Set(ctx.analyzer.analyze(f.text).units.map((u) => u.syllable));
  const whole = new Map<string, boolean>();
  const namedWhole = (title: string) => {
    let yes = whole.get(title);
    if (yes === undefined) {
      yes = ctx.analyzer
        .analyze(title)
        .units.filter((u) => !u.stop && !u.place)
        .every((u) => asked.has(u.syllable));
      whole.set(title, yes);
    }
    return yes;
  };
  const titles = f.links.titles.filter((m) => m.contained && namedWhole(m.title.vi));
  if (titles.length === 0) return false;
  const titleWords = [...new Set(titles.map((m) => m.title.vi))].map(
    (title) => new Set(ctx.analyzer.analyze(title).units.map((u) => u.syllable)),
  );
  // Each name once: a body found in every agreement is linked once in each.
  return [...new Set(f.links.bodies.map((m) => m.body.name))].every((name) => {
    // The body's own words, less its province ("Tỉnh ủy Bắc Giang" → "ủy").
    const body = ctx.analyzer.analyze(name).units.filter((u) => !u.stop && !u.generic && !u.place);
    return body.length > 0 && titleWords.some((title) => body.every((u) => title.has(u.syllable)));
  });
}

/** " (bên ký Biên bản ghi nhớ, dòng 1)": a signing party's first part in it. */
function signatoryOf(ctx: AskContext, first: Party | undefined, allSigned: boolean): string {
  if (!first || !allSigned) return '';
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
  // Asked what is asked of the party, the speeches' requests that name it count too. The party's
  // share of the general assignment is narrowed like the rest by the topic words; its views are
  // built for the page shown only.
  const { rows, shares: given, names: shownNames, namings, allSigned } = gather(ctx, parties, f.features.has('askedOf'));
  let shares = given;
  const names = bodyList(ctx, shownNames);
  // "Công an hai tỉnh có nhiệm vụ cấp hộ chiếu không?": a task beside the party must be one it has.
  const rest = beyondParty(ctx, f, namings);
  let listed = rows;
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
    shares = shares.filter(({ a, r }) => {
      if (!r.source) return false;
      // The whole source line: a speech's request sets its scope there ("khi gặp khó khăn, vướng mắc").
      const line = a.sourceLines[r.source.line - 1] ?? r.source.quote;
      const { covered, total } = unitsCovered(ctx.analyzer.analyze(line), restQuery);
      return total > 0 && covered >= Math.min(2, total) && covered / total >= 0.6;
    });
    if (listed.length === 0 && shares.length === 0) {
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
  const { items: shown, page: itemPage } = pageOfItems(ctx, listed);
  const items: AnswerItem[] = shown.map((r) => itemView(ctx, { type: r.type, agreement: r.a.id, id: r.id })).filter(isDefined);
  const onPage = new Set(items.map((i) => i.agreement));
  // The shares of the agreements on the page; with no entries listed, the share is the answer,
  // paged by agreement.
  const byAgreement = items.length > 0 ? undefined : pageOfItems(ctx, [...new Set(shares.map((s) => s.a.id))]);
  const sharesOf = byAgreement ? new Set(byAgreement.items) : onPage;
  const page = itemPage ?? (byAgreement?.page ? { ...byAgreement.page, of: 'agreements' as const } : undefined);
  const assignments = forSituation(
    ctx,
    f.text,
    shares.filter((s) => sharesOf.has(s.a.id)).map((s) => generalRoleView(s.a, s.r, ctx.lang)),
  );
  const notes = statusNotes(ctx, items, page ? onPage : undefined);
  if (items.length === 0 && assignments.length === 0 && shares.length === 0) {
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
  const headline = `${names}${signatoryOf(ctx, parties[0], allSigned)}: ${share}`;
  return answer(ctx, question, 'duties', true, headline, items, {
    assignments,
    detail: items.length > 3 ? 'brief' : 'full',
    notes,
    ...(page ? { page } : {}),
  });
}
