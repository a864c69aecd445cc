// People: who someone is, who holds a title, what someone said. Names are matched syllable by
// syllable (entities.ts), never through the full-text index, so "Nguyễn Văn A" never becomes "Nguyễn
// Thanh Hải". A title with words the source never gives its holder ("Chủ tịch Ủy ban MTTQ") is
// nobody we know, even though part of it fits another title.
import type { Agreement } from '../../knowledge/types.ts';
import type { AskContext } from '../context.ts';
import { t } from '../i18n.ts';
import {
  findTitles,
  isQuantity,
  leftoverForTitles,
  type PersonMatch,
  sharedWithAny,
  type TitleMatch,
  titleWordsIn,
  unitsCovered,
} from '../entities.ts';
import { coverage } from '../../search/relevance.ts';
import { markedSyllables } from '../../text/normalize.ts';
import type { Answer, AnswerItem, Intent, PersonItem } from '../types.ts';
import type { TurnRef } from '../conversation.ts';
import type { Frame } from '../understand/frame.ts';
import { isDefined, factItem, personItem, pick } from '../views.ts';
import { answer, notFound, pageOfItems } from './compose.ts';
import { namesTopic } from './retrieve.ts';

/** "Dương Văn Thái (Bắc Giang): Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, …". */
export function whoSentence(ctx: AskContext, p: PersonItem): string {
  const where = p.province ? ` (${p.province})` : '';
  // English titles keep the Vietnamese original beside them, to be found in the source.
  const titles = p.titles.map((x) => (x.text === x.original ? x.text : `${x.text} (${x.original})`)).join(', ');
  return `${p.name}${where}${titles ? `: ${titles}` : ''} — ${p.eventRole} (${t(ctx.lang, 'dòng', 'line')} ${p.citation.line}).`;
}

function people(ctx: AskContext, matches: readonly { agreement: Agreement; personId: string }[]): PersonItem[] {
  return matches.map((m) => personItem(m.agreement, m.personId, ctx.lang)).filter(isDefined);
}

/** Who a named person is; with `duties`, that the source assigns persons nothing by name. */
export function answerPerson(ctx: AskContext, f: Frame, question: string, intent: Intent = 'person'): Answer {
  const strongest = f.links.people.filter((m) => m.strength === (f.links.people[0] as PersonMatch).strength);
  const items: AnswerItem[] = people(ctx, strongest);
  if (items.length !== 1) {
    return answer(
      ctx,
      question,
      intent,
      true,
      t(
        ctx.lang,
        `Có ${items.length} người khớp với tên này — bạn muốn hỏi ai?`,
        `${items.length} people match that name — which one do you mean?`,
      ),
      items,
    );
  }
  const p = items[0] as PersonItem;
  const notes: string[] = [];
  if (intent === 'duties')
    notes.push(
      t(
        ctx.lang,
        'Văn bản không giao cam kết nào cho riêng cá nhân này; trách nhiệm được giao cho các cơ quan, tổ chức.',
        'The source assigns no commitment to this person by name; responsibility is assigned to bodies.',
      ),
    );
  return answer(ctx, question, intent, true, whoSentence(ctx, p), items, { notes });
}

/** Several people share a given name ("ông Dương là ai"): list them and ask which. */
export function answerGivenName(ctx: AskContext, f: Frame, question: string): Answer {
  const items = people(ctx, f.links.givenOnly);
  if (items.length === 0) {
    const name = f.topic.trim();
    return notFound(
      ctx,
      question,
      'person',
      t(ctx.lang, `Văn bản không nêu ai tên “${name}”.`, `The source names no one called “${name}”.`),
    );
  }
  if (items.length === 1) return answer(ctx, question, 'person', true, whoSentence(ctx, items[0] as PersonItem), items);
  return answer(
    ctx,
    question,
    'person',
    true,
    t(
      ctx.lang,
      `Có ${items.length} người khớp với tên này — bạn muốn hỏi ai?`,
      `${items.length} people match that name — which one do you mean?`,
    ),
    items,
  );
}

/** Who holds a title, in the province asked about; `among`: only these people (a follow-up's "trong đó"). */
export function answerHolder(ctx: AskContext, f: Frame, question: string, among?: readonly TurnRef[]): Answer {
  const query = ctx.analyzer.analyze(f.text);
  // "Chủ tịch nước", "Chủ tịch Ủy ban MTTQ": words beyond any title mean someone the source does not name.
  const beyond = leftoverForTitles(ctx.matching, ctx.analyzer.analyze(f.topic), ctx.index.knows);
  let titles = beyond.length > 0 ? [] : findTitles(ctx.matching, query, { all: f.features.has('list') });
  if (among) {
    const allowed = new Set(among.filter((r) => r.type === 'person').map((r) => `${r.agreement}/${r.id}`));
    const within = titles.filter((m) => allowed.has(`${m.agreement.id}/${m.personId}`));
    if (within.length > 0) titles = within;
  }
  // A title word the holder's titles lack names another office ("Phó Chủ tịch UBND" is not the
  // Chủ tịch): the nearest holders are shown as such, never as the answer.
  // Decided once per set of titles: with many agreements, the same holder's titles recur in each.
  const byTitles = new Map<string, boolean>();
  const holds = (m: TitleMatch) => {
    if (m.contained) return true;
    const titles = (m.agreement.people.find((p) => p.id === m.personId)?.titles ?? []).map((x) => x.vi);
    const key = titles.join('\n');
    let yes = byTitles.get(key);
    if (yes === undefined)
      byTitles.set(
        key,
        (yes = titleWordsIn(
          ctx.matching,
          query,
          titles.map((x) => ctx.analyzer.analyze(x)),
        )),
      );
    return yes;
  };
  const nearest = titles.filter((m) => !holds(m));
  titles = titles.filter(holds);
  if (titles.length === 0) {
    return notFound(
      ctx,
      question,
      'role',
      t(
        ctx.lang,
        `Văn bản không nêu ai giữ chức danh “${f.topic.trim() || f.text}”.`,
        `The source does not say who holds “${f.topic.trim() || f.text}”.`,
      ),
      people(ctx, nearest.slice(0, 3)),
    );
  }
  // With many agreements a title has a holder in each: the page shown only.
  const { items: shown, page } = pageOfItems(ctx, titles);
  const items = people(ctx, shown);
  const title = pick(titles[0]?.title, ctx.lang);
  // Asked what they do ("giữ vai trò gì"), each holder's part at the conference.
  const part = (p: PersonItem) => (f.features.has('duties') ? ` — ${p.eventRole}` : '');
  const names = items.map((p) => `${p.name}${p.province ? ` (${p.province})` : ''}${part(p)}`).join(', ');
  const count = page ? t(ctx.lang, ` (${titles.length} người)`, ` (${titles.length} people)`) : '';
  const headline = `${title}${count}: ${names} (${t(ctx.lang, 'dòng', 'line')} ${items[0]?.citation.line}).`;
  const notes =
    titles.length > 1 && !f.features.has('list') && f.links.provinces.length === 0 && !query.units.some((_, i) => isQuantity(query, i))
      ? [
          t(
            ctx.lang,
            'Có nhiều người giữ chức danh này; hãy nêu tên tỉnh để thu hẹp.',
            'Several people hold this title; name the province to narrow it down.',
          ),
        ]
      : [];
  return answer(ctx, question, 'role', true, headline, items, { notes, ...(page ? { page } : {}) });
}

/** Verbs that say only that someone spoke. */
const PLAIN_SPEECH = new Set(['phat bieu', 'noi', 'cho biet', 'said', 'say', 'says', 'speech', 'spoke']);

/** What a person said: the passages the source attributes to them, narrowed by the topic words if any. */
export function answerSaid(ctx: AskContext, f: Frame, question: string): Answer {
  const byTitle = f.links.titles.find((x) => x.contained);
  const person = f.links.people[0] ?? (byTitle ? { agreement: byTitle.agreement, personId: byTitle.personId } : undefined);
  if (!person) return notFound(ctx, question, 'statement');
  const a = person.agreement;
  // In the order they were said.
  const theirs = a.facts.filter((x) => x.speaker === person.personId).sort((x, y) => x.source.line - y.source.line);
  if (theirs.length === 0) {
    // Named, but not as a speaker: who they are, and that the source records no remarks of theirs.
    const who = personItem(a, person.personId, ctx.lang);
    return notFound(
      ctx,
      question,
      'statement',
      t(ctx.lang, `Văn bản không ghi lại phát biểu nào của ${who?.name ?? ''}.`, `The source records no remarks by ${who?.name ?? ''}.`),
      who ? [who] : [],
    );
  }
  // Narrowed to the passages that best cover the topic words, less the words that only describe
  // the speaker ("Bí thư", "Tỉnh ủy"): "Dương Văn Thái nói hai tỉnh có điểm gì chung?".
  let chosen = theirs;
  const speaker = a.people.find((p) => p.id === person.personId);
  const describes = sharedWithAny([speaker?.name ?? '', ...(speaker?.titles.map((x) => x.vi) ?? [])].map((n) => ctx.analyzer.analyze(n)));
  const words = markedSyllables(f.topic);
  const topic = ctx.analyzer
    .analyze(f.topic)
    .units.map((u, i) => (u.stop || describes(u) ? '' : (words[i]?.text ?? u.syllable)))
    .join(' ');
  const query = ctx.analyzer.analyze(topic);
  const ratio = new Map<string, number>();
  if (query.units.some((u) => !u.stop && !u.generic)) {
    const ids = new Set(theirs.map((x) => x.id));
    for (const h of ctx.index.search(query, { types: ['fact'], agreement: a.id, limit: 50 })) {
      const c = coverage(query, h.matched, ctx.index.knows);
      if (ids.has(h.id) && c.topicsCovered > 0) ratio.set(h.id, c.ratio);
    }
    // The sentence a passage stands in also tells which speech it is ("Phát biểu khai mạc, …"), at
    // half the weight of the passage's own words: the line is shared by its neighbours.
    const lines = ctx.agreements.get(a.id)?.sourceLines ?? [];
    for (const x of theirs) {
      const line = lines[x.source.line - 1];
      if (!line) continue;
      const { covered, total } = unitsCovered(ctx.analyzer.analyze(line), query);
      const own = ratio.get(x.id) ?? 0;
      if (total > 0 && covered / total > own) ratio.set(x.id, (own + covered / total) / 2);
    }
  }
  // "Dương Văn Thái nói gì về sân bay?": none of their passages covers a topic the question names
  // (words the knowledge lacks, or a phrase it has elsewhere); the source does not say.
  if (ratio.size === 0 && namesTopic(ctx, query)) {
    const speakerName = speaker?.name ?? '';
    return notFound(
      ctx,
      question,
      'statement',
      t(
        ctx.lang,
        `Văn bản không ghi ${speakerName} nói gì về “${topic.trim()}”.`,
        `The source records nothing ${speakerName} said about “${topic.trim()}”.`,
      ),
      theirs
        .slice(0, 2)
        .map((x) => factItem(a, x.id, ctx.lang))
        .filter(isDefined),
    );
  }
  // The verb of speech asked about ("hy vọng", "đề nghị", "nhấn mạnh") tells the passage apart
  // from the speaker's others more than any topic word; "phát biểu", "nói", "said" do not.
  for (const c of f.cues.filter((x) => x.feature === 'said' || x.feature === 'addressee')) {
    const said = f.words.slice(c.from, c.to);
    if (PLAIN_SPEECH.has(said.map((w) => w.folded).join(' '))) continue;
    const verb = ctx.analyzer.analyze(said.map((w) => w.text).join(' '));
    for (const x of theirs) {
      const { covered, total } = unitsCovered(ctx.analyzer.analyze(`${x.title.vi} ${x.text}`), verb);
      if (total > 0 && covered === total) ratio.set(x.id, (ratio.get(x.id) ?? 0) + 0.2);
    }
  }
  if (ratio.size > 0) {
    const top = Math.max(...ratio.values());
    const keep = new Set([...ratio].filter(([, r]) => r >= top - 0.15).map(([id]) => id));
    // Best first: the headline quotes the first.
    chosen = theirs.filter((x) => keep.has(x.id)).sort((x, y) => (ratio.get(y.id) ?? 0) - (ratio.get(x.id) ?? 0));
  }
  const p = personItem(a, person.personId, ctx.lang);
  // The passages, then who said them.
  const items: AnswerItem[] = [...chosen.map((x) => factItem(a, x.id, ctx.lang)).filter(isDefined), ...(p ? [p] : [])];
  const facts = items.filter((i) => i.type === 'fact');
  const lines = [...new Set(facts.map((i) => i.citation.line))].join(', ');
  const first = facts[0];
  // The first passage only continues a speech begun earlier: theirs by inference, said so.
  const from = first ? a.facts.find((x) => x.id === first.id)?.speaker_inferred_from : undefined;
  const inferred = from
    ? t(ctx.lang, `; suy luận: tiếp nối phát biểu từ dòng ${from}`, `; inferred: continues the speech begun on line ${from}`)
    : '';
  const headline = `${p?.name ?? ''} (${t(ctx.lang, 'dòng', 'line')} ${lines}${inferred}): ${first && first.type === 'fact' ? first.text : ''}`;
  return answer(ctx, question, 'statement', true, headline, items, { detail: facts.length > 2 ? 'brief' : 'full' });
}
