// The answering engine: one per Knowledge value, immutable, so a reload swaps engines atomically.
// The route from a message to its answer, in one place:
//   1. read the message: the questions in it (understand/message.ts);
//   2. for each question, in order:
//      a. spell-check it (understand/spelling.ts);
//      b. resolve it against the conversation: follow-ups become standalone questions
//         (understand/follow-up.ts), which are framed: what is asked, of what (understand/frame.ts);
//      c. answer it with the module for that kind of question (answers/*.ts);
//      d. remember the turn in the conversation;
//   3. one answer, or one per question of a multi-part message.
// `ask()` never throws on user input; every message gets an Answer.
import type { Knowledge } from '../knowledge/types.ts';
import { createAnalyzer } from '../search/analyzer.ts';
import { createSearchIndex } from '../search/index.ts';
import { isStopword, STOPWORDS_FOLDED } from '../search/stopwords.ts';
import { createVocabulary } from '../search/typos.ts';
import { cleanInput, markedSyllables, syllables } from '../text/normalize.ts';
import { answerMoney } from './answers/absent.ts';
import { answerDeadline } from './answers/deadlines.ts';
import { answerAgreement } from './answers/agreement.ts';
import { answerAreas, answerClause, answerCount, answerHelp } from './answers/catalogue.ts';
import { answer, notFound } from './answers/compose.ts';
import { answerDuties } from './answers/duties.ts';
import { answerFigure } from './answers/figures.ts';
import { answerList } from './answers/list.ts';
import { answerGivenName, answerHolder, answerPerson, answerSaid } from './answers/person.ts';
import { answerResponsible, generalRoles } from './answers/responsible.ts';
import { answerResults } from './answers/results.ts';
import { answerStatus } from './answers/status.ts';
import { answerTopic, topicAnswer } from './answers/topic.ts';
import type { AskContext, ClauseRef, EngineContext } from './context.ts';
import { Conversation, type Turn, type TurnRef } from './conversation.ts';
import { t } from './i18n.ts';
import { buildItemIndex } from './party-rows.ts';
import { detectLang } from './lang.ts';
import { buildPeopleIndex, prepareMatching } from './entity-index.ts';
import { partyName } from './views.ts';
import type { Answer, AskAs, AskOptions, RoleView, StatusOverlay } from './types.ts';
import { CUE_MARKED, CUE_WORDS } from './understand/cues.ts';
import { type Frame, frame, hasContent } from './understand/frame.ts';
import { type Resolution, resolve } from './understand/follow-up.ts';
import { todayIn } from './due.ts';
import { questionsIn } from './understand/message.ts';
import { spellChecked } from './understand/spelling.ts';

export interface Engine {
  readonly knowledge: Knowledge;
  /** The indexes answers are built from (for tests and tools that look inside). */
  readonly context: EngineContext;
  /** Answers a message; with a conversation, follow-ups lean on it and the turn is remembered in it. */
  ask(message: string, options?: AskOptions, conversation?: Conversation): Answer;
}

export interface EngineOptions {
  /** The clock used for "as of" and "period ended" notes. Default: the system clock. */
  now?: () => Date;
  /** Where the users are (DIGEST_TIMEZONE): deadlines fall due by its calendar. Default: Asia/Ho_Chi_Minh. */
  timezone?: string;
  /** Statuses updated in chat since the files were written. Default: none, every status is the file's. */
  overlay?: StatusOverlay;
  /** Told about internal errors (the adapter logs them); the user gets an apology either way. */
  onError?: (error: unknown, question: string) => void;
}

/** Builds every index for one Knowledge value, once. */
function buildContext(knowledge: Knowledge, options: EngineOptions): EngineContext {
  const now = options.now ?? (() => new Date());
  const analyzer = createAnalyzer(knowledge.glossary);
  const index = createSearchIndex(knowledge, analyzer);
  const clauses = new Map<string, ClauseRef[]>();
  // Ids are unique within an agreement (the loader checks it); the same id in two agreements is two clauses.
  for (const a of knowledge.agreements) {
    const entries = [
      ...a.commitments.map((c) => ({ id: c.id, type: 'commitment' as const })),
      ...a.results.map((r) => ({ id: r.id, type: 'result' as const })),
      ...a.facts.map((f) => ({ id: f.id, type: 'fact' as const })),
    ];
    for (const { id, type } of entries) clauses.set(id, [...(clauses.get(id) ?? []), { agreement: a.id, id, type }]);
  }
  // Every syllable the knowledge uses: plain terms, and the parts of phrases (place names are
  // indexed only as phrases, so "giang" of "Bắc Giang" is in "bac_giang" alone).
  // The glossary's words are the domain's own ("cam kết", "hợp tác"), even where no clause uses them.
  const glossaryWords = [
    ...knowledge.glossary.generic,
    ...knowledge.glossary.synonyms.flat(),
    ...knowledge.glossary.abbreviations.flatMap((a) => [a.short, a.long]),
    ...knowledge.glossary.areas.flatMap((a) => [a.vi, ...a.words]),
  ].flatMap((p) => syllables(p));
  const words = new Set<string>([...CUE_WORDS, ...STOPWORDS_FOLDED, ...glossaryWords]);
  for (const term of index.terms) if (!term.startsWith('#') && !term.startsWith('=')) for (const w of term.split('_')) words.add(w);
  // Candidates rank by how many entries use them; a place syllable ("giang") is indexed only inside
  // its phrase, and ranks last.
  const vocabulary = createVocabulary(words, (w) => index.documentFrequency(w));
  // Spellings with diacritics that the knowledge uses: its indexed words, and the names of places,
  // people and bodies (indexed as phrases, so not as marked words of their own).
  const spelt = new Set<string>(CUE_MARKED);
  const spellings = [
    ...knowledge.glossary.places,
    ...knowledge.glossary.works,
    ...knowledge.glossary.abbreviations.flatMap((a) => [a.short, a.long]),
    ...knowledge.agreements.flatMap((a) => [
      ...a.people.map((p) => p.name),
      ...a.bodies.map((b) => b.name),
      ...a.meta.provinces.map((p) => p.name),
    ]),
  ];
  for (const n of new Set(spellings)) for (const s of markedSyllables(n)) if (s.marked) spelt.add(s.marked);
  // Proper names only (people, places, named works): the typo rule may correct a known word toward one of these.
  const names = [
    ...knowledge.glossary.places,
    ...knowledge.glossary.works,
    ...knowledge.agreements.flatMap((a) => [...a.people.map((p) => p.name), ...a.meta.provinces.map((p) => p.name)]),
  ];
  for (const term of index.terms) if (term.startsWith('=')) spelt.add(term.slice(1));
  const toneless = new Set([...spelt].map((m) => m.replace(/\d$/, '')));
  // Only the capitalised syllables: "số" of "Nghị quyết số 11" or "cầu" of "cầu Hòa Sơn" are words, not names.
  const nameWords = new Map<string, Set<string>>();
  const namePairs = new Set<string>();
  for (const n of new Set(names)) {
    const syls = markedSyllables(n);
    syls.forEach((s, i) => {
      const next = syls[i + 1];
      if (next) namePairs.add(`${s.folded}_${next.folded}`);
    });
    for (const s of syls) {
      if (!/^\p{Lu}/u.test(s.text)) continue;
      const forms = nameWords.get(s.folded) ?? new Set<string>();
      forms.add(s.marked ?? s.folded);
      nameWords.set(s.folded, forms);
    }
  }
  const ctx: EngineContext = {
    knowledge,
    analyzer,
    index,
    matching: prepareMatching(knowledge, analyzer),
    people: buildPeopleIndex(knowledge),
    items: buildItemIndex(knowledge),
    clauses,
    agreements: new Map(knowledge.agreements.map((a) => [a.id, a])),
    vocabulary,
    nameWords,
    namePairs,
    knowsMarked: (m) => index.knows(`=${m}`) || spelt.has(m) || isStopword(m.replace(/\d$/, ''), m),
    knowsToneless: (m) => toneless.has(m.replace(/\d$/, '')),
    statusOf: options.overlay ?? ((_a, _i, status) => ({ status })),
    now,
    today: () => todayIn(options.timezone ?? 'Asia/Ho_Chi_Minh', now()),
  };
  analyzer.ready();
  return ctx;
}

/** A command's kind of question wins over the wording ("/ai Bắc Giang" asks who, whatever it says). */
function forced(f: Frame, as: AskAs | undefined): Frame {
  switch (as) {
    case undefined:
      return f;
    case 'who':
      return { ...f, ask: f.links.people.length > 0 ? 'person' : 'holder' };
    case 'responsibility':
      return { ...f, ask: 'responsible' };
    case 'pending':
      return { ...f, ask: 'list', statuses: f.statuses ?? ['pending', 'ongoing'] };
    case 'clause':
    case 'search':
      return f.ask === 'help' ? f : { ...f, ask: f.links.ids.length > 0 && !f.hasTopic ? 'clause' : 'topic' };
    default: {
      const never: never = as;
      return never;
    }
  }
}

/**
 * The general roles of the collective a body of this kind belongs to: "Sở …" → "các sở, ngành chức
 * năng của hai tỉnh" (a name in the plural, "các …", that holds the body's head word).
 */
function groupOf(ctx: AskContext, body: string): { names: string[]; roles: RoleView[] } {
  const head = markedSyllables(body)[0]?.folded;
  const groups = head ? ctx.matching.collectives.filter((c) => c.words.has(head)).map((c) => c.at) : [];
  const given = groups.filter((g) => (ctx.items.party(g.agreement, g.bodyId)?.general.length ?? 0) > 0);
  // The roles of the first agreement that gives one: with many agreements, the same in each.
  const first = given[0]?.agreement;
  return {
    names: [...new Set(given.map((g) => partyName(g.body, ctx.lang)))],
    roles: given.filter((g) => g.agreement === first).flatMap((g) => generalRoles(ctx, [g.agreement.id], g.bodyId)),
  };
}

/** The answer for one framed question: the module for its kind. */
function byAsk(ctx: AskContext, f: Frame, question: string, among?: readonly TurnRef[]): Answer {
  // A body the source never names ("Sở Xây dựng") has no duties, role or clause here to report;
  // nor does it lead anything ("Sở TN&MT có chủ trì việc … không?" is not about the co-chairs).
  const leads = f.ask === 'agreement' && f.focus === 'chairs';
  if (f.links.unknownBody && (leads || !['help', 'agreement', 'person', 'said', 'clause'].includes(f.ask))) {
    const body = f.links.unknownBody;
    // "Sở Giao thông vận tải": not named, but "các sở, ngành chức năng của hai tỉnh" are given a role.
    const group = groupOf(ctx, body);
    if (group.roles.length > 0) {
      const names = group.names.join(', ');
      return {
        ...notFound(
          ctx,
          question,
          'duties',
          t(
            ctx.lang,
            `Văn bản không nêu riêng “${body}”; chỉ giao chung cho ${names}.`,
            `The source does not name “${body}” itself; it gives a role only to ${names} as a whole.`,
          ),
        ),
        assignments: group.roles,
      };
    }
    return notFound(
      ctx,
      question,
      'duties',
      t(
        ctx.lang,
        `Văn bản không nêu “${body}”, nên không có nhiệm vụ hay vai trò nào của cơ quan này.`,
        `The source never names “${body}”, so it gives it no task or role.`,
      ),
    );
  }
  switch (f.ask) {
    case 'help':
      return answerHelp(ctx, question, 'asked');
    case 'clause':
      return answerClause(ctx, question, f.links.ids);
    case 'agreement':
      return answerAgreement(ctx, f, question);
    case 'person':
      return f.links.people.length > 0 ? answerPerson(ctx, f, question) : answerGivenName(ctx, f, question);
    case 'holder':
      return answerHolder(ctx, f, question, among);
    case 'said':
      return answerSaid(ctx, f, question);
    case 'responsible':
      return answerResponsible(ctx, f, question);
    case 'duties':
      return answerDuties(ctx, f, question);
    case 'status':
      return answerStatus(ctx, f, question);
    case 'list':
      return answerList(ctx, f, question);
    case 'results':
      return answerResults(ctx, f, question);
    case 'figure':
      return answerFigure(ctx, f, question);
    case 'when':
      return answerFigure(ctx, f, question, true);
    case 'count':
      return answerCount(ctx, question);
    case 'areas':
      return answerAreas(ctx, question);
    case 'money':
      return answerMoney(ctx, f, question);
    case 'deadline':
      return answerDeadline(ctx, f, question);
    case 'topic':
      return answerTopic(ctx, f, question);
    default: {
      const never: never = f.ask;
      throw new Error(`unhandled question kind ${String(never)}`);
    }
  }
}

/** The answer for a resolved question or follow-up. */
function route(ctx: AskContext, r: Resolution, question: string, as: AskAs | undefined): { answer: Answer; frame?: Frame } {
  switch (r.kind) {
    case 'question': {
      const f = forced(r.frame, as);
      const within = r.among ? new Set(r.among.map((x) => `${x.agreement}/${x.type}/${x.id}`)) : undefined;
      return { answer: byAsk(within ? { ...ctx, within } : ctx, f, question, r.among), frame: f };
    }
    case 'next': {
      const next = { ...ctx, page: (r.turn.page?.index ?? 1) + 1, pageSize: r.turn.page?.size ?? ctx.pageSize };
      const f = frame(next, r.turn.text);
      const a = byAsk(next, f, question);
      return { answer: { ...a, resolved: r.turn.text }, frame: f };
    }
    case 'view': {
      // The same question, the same page, shown another way.
      const again = { ...ctx, page: r.turn.page?.index ?? 1, pageSize: r.turn.page?.size ?? ctx.pageSize };
      const f = frame(again, r.turn.text);
      const a = byAsk(again, f, question);
      return { answer: { ...a, resolved: r.turn.text, view: r.view }, frame: f };
    }
    case 'no-more':
      return {
        answer: notFound(
          ctx,
          question,
          'unknown',
          t(
            ctx.lang,
            'Không còn gì để xem tiếp: câu trả lời trước không có trang sau.',
            'There is nothing more: the last answer has no next page.',
          ),
        ),
      };
    case 'detail': {
      const a = topicAnswer(ctx, question, r.refs);
      return { answer: { ...a, intent: 'clause', detail: 'full', resolved: r.refs.map((x) => x.id).join(' ') } };
    }
    default: {
      const never: never = r;
      return never;
    }
  }
}

/** What the next question may lean on: the turn as answered. */
function turnOf(f: Frame | undefined, a: Answer, resolved: string): Turn {
  const items: TurnRef[] = a.items.map((i) => ({ type: i.type, agreement: i.agreement, id: i.id }));
  const first = a.items[0];
  const person = first?.type === 'person' && a.items.filter((i) => i.type === 'person').length === 1 ? first : undefined;
  // A question about one named person (what they said, what they must do) is about that person.
  const named = f?.links.people.length === 1 ? f.links.people[0] : undefined;
  const namedPerson = named ? named.agreement.people.find((p) => p.id === named.personId) : undefined;
  const subject =
    a.intent === 'agreement' && first
      ? { ref: { type: 'agreement' as const, agreement: first.agreement, id: first.agreement }, name: t(a.lang, 'biên bản', 'the MoU') }
      : namedPerson && named
        ? { ref: { type: 'person' as const, agreement: named.agreement.id, id: named.personId }, name: namedPerson.name }
        : person
          ? { ref: { type: 'person' as const, agreement: person.agreement, id: person.id }, name: person.name }
          : first && f?.topic.trim()
            ? { ref: { type: first.type, agreement: first.agreement, id: first.id }, name: f.topic.trim() }
            : first
              ? { ref: { type: first.type, agreement: first.agreement, id: first.id }, name: first.title }
              : undefined;
  // The words that asked, each once and in order, however many cues cover them ("nói gì về" is
  // both `said` and `about`): what a follow-up on another subject asks again.
  const asking = new Set<number>();
  for (const c of f?.cues ?? [])
    if (!['other', 'pronoun', 'detail', 'next', 'quote', 'among', 'specific', 'agreement'].includes(c.feature))
      for (let i = c.from; i < c.to; i++) asking.add(i);
  const askWords = f
    ? [...asking]
        .sort((x, y) => x - y)
        .map((i) => f.words[i]?.text ?? '')
        .join(' ')
    : '';
  const title = a.intent === 'role' ? a.headline.split(':')[0] : undefined;
  return {
    text: resolved,
    ask: f?.ask ?? 'topic',
    askWords,
    topic: f?.topic ?? '',
    lang: a.lang,
    items,
    ...(subject ? { subject } : {}),
    ...(title ? { title } : {}),
    ...(a.page ? { page: a.page } : {}),
  };
}

/** A conversation that also keeps, in order, every turn remembered in it. */
class Scratch extends Conversation {
  readonly made: Turn[] = [];
  override remember(turn: Turn): void {
    this.made.push(turn);
    super.remember(turn);
  }
}

export function createEngine(knowledge: Knowledge, options: EngineOptions = {}): Engine {
  const ctx = buildContext(knowledge, options);

  function answerQuestion(text: string, opts: AskOptions, conversation: Conversation | undefined): Answer {
    const lang = opts.lang ?? detectLang(text, conversation?.last?.lang);
    const actx: AskContext = {
      ...ctx,
      lang,
      page: Math.max(1, Math.floor(opts.page ?? 1)),
      pageSize: Math.max(1, Math.floor(opts.pageSize ?? 8)),
    };
    const checked = spellChecked(ctx, text);
    const r: Resolution = opts.as ? { kind: 'question', frame: frame(actx, checked) } : resolve(actx, checked, conversation);
    const { answer: a, frame: f } = route(actx, r, text, opts.as);
    const resolved = a.resolved ?? f?.text ?? checked;
    const out = resolved !== text ? { ...a, resolved } : a;
    conversation?.remember(turnOf(f, out, resolved));
    return out;
  }

  function answerMessage(raw: string, opts: AskOptions, conversation: Conversation | undefined): Answer {
    const asked = cleanInput(typeof raw === 'string' ? raw : '');
    // A bare /cancho lists everything pending: its question is the command itself.
    const parts = asked === '' && opts.as === 'pending' ? [''] : questionsIn(typeof raw === 'string' ? raw : '');
    // A bare /cancho lists everything pending; any other message with no words gets help.
    if (parts.length === 0 || (!parts.some((p) => /[\p{L}\p{N}]/u.test(p)) && opts.as !== 'pending')) {
      const lang = opts.lang ?? 'vi';
      return answerHelp({ ...ctx, lang, page: 1, pageSize: opts.pageSize ?? 8 }, asked, asked.length > 0 ? 'no-words' : 'empty');
    }
    if (parts.length === 1) return answerQuestion(parts[0] as string, opts, conversation);
    // A later question of the message may lean on an earlier one ("Cầu Hòa Sơn nối đâu? Tổng mức
    // đầu tư bao nhiêu?"), in a conversation or not.
    // The parts are answered in a scratch conversation that starts where this one is; only the
    // turns of the parts kept are remembered, so that "tiếp" pages the list that was shown.
    const scratch = new Scratch();
    scratch.turns.push(...(conversation?.turns ?? []));
    const all = parts.map((p) => answerQuestion(p, { ...opts, page: 1 }, scratch));
    const turns = scratch.made;
    // A part with nothing of its own to ask ("Bot cho em xin danh sách ạ?") goes, when another was answered.
    const kept = all.map((a, i) => !all.some((x) => x.found) || a.found || hasContent(ctx.analyzer.analyze(parts[i] as string)));
    const answers = all.filter((_, i) => kept[i]);
    if (conversation) for (const [i, turn] of turns.entries()) if (kept[i]) conversation.remember(turn);
    if (answers.length === 1) return answers[0] as Answer;
    const lead = answers[0] as Answer;
    return {
      ...answer(
        { ...ctx, lang: lead.lang, page: 1, pageSize: 8 },
        asked,
        lead.intent,
        answers.some((a) => a.found),
        '',
        [],
      ),
      parts: answers,
    };
  }

  function ask(raw: string, opts: AskOptions = {}, conversation?: Conversation): Answer {
    try {
      return answerMessage(raw, opts, conversation);
    } catch (err) {
      try {
        options.onError?.(err, raw);
      } catch {
        // A failing logger must not turn an apology into a crash.
      }
      const question = cleanInput(String(raw));
      const lang = detectLang(question);
      return answer(
        { ...ctx, lang, page: 1, pageSize: 8 },
        question,
        'unknown',
        false,
        t(
          lang,
          'Xin lỗi, đã có lỗi khi trả lời câu hỏi này. Bạn hãy thử hỏi cách khác.',
          'Sorry, something went wrong answering this. Please try asking another way.',
        ),
        [],
      );
    }
  }

  return { knowledge, context: ctx, ask };
}
