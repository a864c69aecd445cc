// Deciding what a question asks, from all the evidence at once: the features its question words
// signal (cues.ts) and what it names in the knowledge (links.ts). Each kind of question gets a score
// from both; the best score wins. A weak cue therefore never beats a strong match: "đang" in "đang
// làm việc" is no status question, and "giai đoạn" beside the name of a railway asks how far the
// railway is, not which period the agreement covers.
//
// The frame also keeps the words that name the topic: the question less its question words and the
// parties it asks about. Answers search the knowledge with those.
import type { Role, Status } from '../../knowledge/schema.ts';
import type { Analysis, Analyzer, Unit } from '../../search/analyzer.ts';
import { SURNAMES } from '../../text/names.ts';
import { fold, markedSyllables, type Syllable, VIETNAMESE_SYLLABLE } from '../../text/normalize.ts';
import type { AskContext } from '../context.ts';
import type { CueMatch, Feature } from './cues.ts';
import { CUE_UNMARKED_VI, findCues } from './cues.ts';
import { findPeople, findTitles, sharedWithAny } from '../entities.ts';
import { type Links, link } from './links.ts';

export type Ask =
  /** How to use the bot. */
  | 'help'
  /** One clause by id, with nothing else asked. */
  | 'clause'
  /** The agreement itself: who signed, when, where, who chaired, who attended, who wrote the report. */
  | 'agreement'
  /** Who a named person is. */
  | 'person'
  /** Who holds a title. */
  | 'holder'
  /** What a person said (the speeches). */
  | 'said'
  /** Who is responsible for a topic. */
  | 'responsible'
  /** What a party must do. */
  | 'duties'
  /** How far a topic is: its status. */
  | 'status'
  /** A list of commitments by status, area, party or role. */
  | 'list'
  /** What was achieved before the agreement. */
  | 'results'
  /** A number the source gives ("hơn 40 doanh nghiệp"). */
  | 'figure'
  /** How many commitments there are. */
  | 'count'
  /** Which areas the agreements cover, with their commitments. */
  | 'areas'
  /** A date the source gives for a topic. */
  | 'when'
  /** What the source says on a topic. */
  | 'topic'
  /** Money: no agreement here states an amount. */
  | 'money'
  /** A deadline or completion date: answered only from a commitment's `due`. */
  | 'deadline';

export type AgreementFocus = 'signers' | 'chairs' | 'author' | 'attendees' | 'when' | 'where' | 'period' | 'overview';

export interface Frame {
  ask: Ask;
  /** The question as read (spell-checked). */
  text: string;
  words: Syllable[];
  cues: CueMatch[];
  features: ReadonlySet<Feature>;
  links: Links;
  focus?: AgreementFocus;
  /** Statuses a list or a status question is about. */
  statuses?: Status[];
  /** The role the question asks about ("ai đầu tư" → invest), to put first. */
  role?: Role;
  /** The words that name the topic, as typed (question words and asked-about parties left out). */
  topic: string;
  /** What the question sets aside ("ngoài hai bí thư"): people with these titles are left out. */
  except?: string;
  /** Whether the topic has a content word (not only stop, generic or place words). */
  hasTopic: boolean;
  /** Each candidate's score, for tests and for telling close calls. */
  scores: Partial<Record<Ask, number>>;
}

const STATUS_OF: [Feature, Status[]][] = [
  ['pending', ['pending', 'ongoing']],
  ['ongoing', ['ongoing']],
  ['inProgress', ['in_progress']],
  ['done', ['done']],
];

/** Features whose words say how a question asks, never what it is about: left out of the topic. */
const FORM: ReadonlySet<Feature> = new Set<Feature>([
  'who',
  'whoIs',
  'whichParty',
  'duties',
  'status',
  'list',
  'count',
  'when',
  'where',
  'about',
  'help',
  'specific',
  'other',
  'detail',
  'quote',
  'next',
  'pronoun',
  'among',
  'total',
  'counterpart',
  'period',
  'agreement',
  'name',
  'line',
  'areas',
  'askedOf',
  'dated',
]);

/** Words of the topic: what is left once the spans in `drop` and the stop words are set aside. */
function topicOf(words: readonly Syllable[], drop: readonly { from: number; to: number }[]): string {
  const out: string[] = [];
  words.forEach((w, i) => {
    if (!drop.some((d) => i >= d.from && i < d.to)) out.push(w.text);
  });
  return out.join(' ');
}

/** Whether the analysed topic has a word that could name a subject. */
export function hasContent(query: Analysis): boolean {
  return query.units.some((u) => !u.stop && !u.generic && !u.place);
}

/** Whether the words outside the cues read as a personal name: a surname and one or two more syllables. */
function looksLikeName(words: readonly Syllable[], cues: readonly CueMatch[]): boolean {
  const asking = cues.filter((c) => c.feature === 'who' || c.feature === 'whoIs');
  const rest = words.filter((_, i) => !asking.some((c) => i >= c.from && i < c.to));
  return rest.length >= 2 && rest.length <= 4 && SURNAMES.has((rest[0] as Syllable).folded);
}

/** Positions of the question's title words ("Chủ tịch", "HĐND") and places. */
function titleSpans(ctx: AskContext, query: Analysis): { from: number; to: number }[] {
  return query.units
    .map((u, i) => (u.place || ctx.matching.isTitleWord(query, i) ? { from: i, to: i + 1 } : undefined))
    .filter((x): x is { from: number; to: number } => x !== undefined);
}

/** Positions of the question a person match, or a body or title fit, stands on. */
function personSpans(links: Links): { from: number; to: number }[] {
  return links.people.map((p) => ({ from: Math.min(...p.positions), to: Math.max(...p.positions) + 1 }));
}

/** Features each kind of question is asked with: their words say what is asked, not about what. */
const ASKED_WITH: Partial<Record<Ask, Feature[]>> = {
  status: ['pending', 'ongoing', 'inProgress', 'done', 'finish'],
  list: ['pending', 'ongoing', 'inProgress', 'done', 'addressee', 'results'],
  results: ['results', 'done'],
  responsible: ['responsible', 'doing', 'addressee', 'invest', 'sign'],
  said: ['said', 'addressee'],
  duties: ['responsible', 'doing'],
  agreement: ['sign', 'chair', 'attend', 'author', 'organise'],
  money: ['money'],
  deadline: ['deadline', 'overdue', 'finish'],
  figure: ['total'],
  when: ['finish'],
};

/**
 * A leading clause that frames the question rather than asks it: what is set aside ("Ngoài hai bí
 * thư, …", "Besides the chairs, …"), when ("Trước khi ký, …", "Sau khi ký, …", "Tính đến lúc ký, …"), among whom
 * ("Trong số đại biểu, …") or on whose word ("Theo bài viết, …", "According to the article, …").
 * None of it is the topic. Returns the text without it, and what was set aside.
 */
const LEADING =
  /^\s*(ngoài|ngoai|trừ|tru|besides|apart from|other than|except|trước khi|truoc khi|sau khi|tính đến|tinh den|as of|before|after|trong số|trong so|among|theo lời|theo loi|theo ý kiến|theo y kien|theo|according to|per)\s+([^,;?]+)[,;]\s*/iu;
const EXCEPT = /^(ngoài|ngoai|trừ|tru|besides|apart from|other than|except)$/iu;
const BEFORE = /^(trước khi|truoc khi|before)$/iu;
const ON_WORD = /^(theo lời|theo loi|theo ý kiến|theo y kien|theo|according to|per)$/iu;
// "nước ngoài" (foreign), "bên ngoài" (outside), "ra ngoài" are words of their own, not "besides".
const EXCEPT_INSIDE = /(?<!\b(?:nước|nuoc|bên|ben|ra)\s)\b(besides|apart from|other than|except|ngoài|ngoai)\s+(.+?)\s*(?=[,;?]|$)/iu;

const EXCEPT_THEN = /^\s*(ngoài|ngoai|trừ|tru)\s+(.+?)\s+(?:thì|thi|còn|con)\s+/iu;

function withoutLeading(ctx: AskContext, text: string): { read: string; except?: string; speaker?: boolean; earlier?: boolean } {
  const m = LEADING.exec(text);
  if (m) {
    const read = text.slice(m[0].length);
    if (EXCEPT.test(m[1] as string)) return { read, except: m[2] as string };
    // "Theo đồng chí Dương Văn Thái, …", "Per the Thái Nguyên secretary, …": on a person's word,
    // the question is what that person said, so the person stays in it.
    if (ON_WORD.test(m[1] as string) && namesSpeaker(ctx, m[2] as string)) return { read: text, speaker: true };
    // "Trước khi ký biên bản, …", "Before the signing, …": what was done earlier is a result.
    if (BEFORE.test(m[1] as string) && findCues(markedSyllables(m[2] as string)).some((c) => c.feature === 'sign'))
      return { read, earlier: true };
    return { read };
  }
  // "Ngoài lãnh đạo chủ chốt thì ai cùng dự?": without a comma, "thì" or "còn" ends what is set aside.
  const unpunctuated = EXCEPT_THEN.exec(text);
  if (unpunctuated) return { read: text.slice(unpunctuated[0].length), except: unpunctuated[2] as string };
  // "Which leaders attended besides the party secretary?": set aside at the end.
  const inside = EXCEPT_INSIDE.exec(text);
  if (inside && inside.index > 0) return { read: text.slice(0, inside.index), except: inside[2] as string };
  return { read: text };
}

export function frame(ctx: AskContext, text: string): Frame {
  const { read, except, speaker, earlier } = withoutLeading(ctx, text);
  const words = markedSyllables(read);
  const query = ctx.analyzer.analyze(read);
  const cues = [...findCues(words), ...acrossPlaces(words, query)]
    .filter((c) => !inKnownPhrase(ctx, words, c) && !joiningWord(words, c))
    .map((c) => datedBy(words, c));
  const f = new Set(cues.map((c) => c.feature));
  if (speaker) f.add('said');
  if (earlier) f.add('results');
  const questionSpans = cues.filter((c) => FORM.has(c.feature) || STATUS_OF.some(([s]) => s === c.feature));
  const linked = link(ctx, read, query, ctx.analyzer.analyze(topicOf(words, questionSpans)));
  // A body whose name is all area words ("Đảng" in "xây dựng Đảng") names the area, not the body.
  const areaNames = ctx.knowledge.glossary.areas.filter((a) => linked.areas.includes(a.id)).flatMap((a) => [a.vi, ...a.words]);
  // Decided once per name: with many agreements the same body is linked once in each.
  const isArea = new Map<string, boolean>();
  const areaBody = (name: string) => {
    let yes = isArea.get(name);
    if (yes === undefined) isArea.set(name, (yes = bodyIsArea(ctx, name, areaNames)));
    return yes;
  };
  const links: Links = {
    ...linked,
    bodies: areaNames.length === 0 ? linked.bodies : linked.bodies.filter((b) => !b.exact || !areaBody(b.body.name)),
  };
  const has = (x: Feature) => f.has(x);
  const span = (...xs: Feature[]) => cues.filter((c) => xs.includes(c.feature));

  // "… thì gửi lên đâu?": where a request goes is who receives it.
  const asksWho = has('who') || has('whichParty') || (has('where') && has('addressee'));
  const statusWords = STATUS_OF.filter(([feature]) => has(feature)).flatMap(([, s]) => s);
  const responsibilityVerb = has('responsible') || (asksWho && (has('doing') || has('addressee') || has('invest')));
  const namesParty = links.bodies.length > 0 || links.people.length > 0;
  // Words that name the agreement or its conference without a cue ("lễ ký", "buổi ký kết").
  const agreementWords = has('sign') || has('attend');
  const agreementEvent =
    has('sign') ||
    has('chair') ||
    has('attend') ||
    has('author') ||
    // "Hội nghị diễn ra ở đâu?" is this conference; "where will the next one take place?" is not.
    (has('organise') && has('agreement') && !has('future')) ||
    (has('name') && has('agreement'));
  // "When and where? the MoU": the agreement's own time and place, when nothing else is asked about.
  const agreementTime = has('agreement') && (has('when') || has('where')) && !has('future');

  // A first topic, to weigh the candidates: question words out, and the parties a question about
  // responsibility or speech asks of.
  const formSpans: { from: number; to: number }[] = cues.filter((c) => FORM.has(c.feature));
  const partySpans = links.people.length > 0 ? personSpans(links) : [];
  const first = topicOf(words, [
    ...formSpans,
    ...statusSpans(cues),
    ...(responsibilityVerb ? span('responsible', 'doing', 'addressee', 'invest', 'agreement') : []),
    ...partySpans,
  ]);
  const hasTopic = hasContent(ctx.analyzer.analyze(first));
  // The topic beyond area words and status words: "cam kết về môi trường nào còn chờ" has none.
  const areaWords = ctx.knowledge.glossary.areas.filter((a) => links.areas.includes(a.id)).flatMap((a) => [a.vi, a.en, ...a.words]);
  const beyondAreas =
    hasContent(ctx.analyzer.analyze(topicOf(words, [...formSpans, ...statusSpans(cues), ...span('agreement')]))) &&
    !coveredBy(ctx, topicOf(words, [...formSpans, ...statusSpans(cues), ...span('agreement')]), areaWords);
  const onlyNames =
    !hasTopic || (namesParty && !hasContent(ctx.analyzer.analyze(topicOf(words, [...formSpans, ...partySpans, ...statusSpans(cues)]))));

  const s: Partial<Record<Ask, number>> = {};
  const score = (ask: Ask, value: number) => {
    if (value > (s[ask] ?? 0)) s[ask] = value;
  };

  if (has('help') && words.length <= 10 && !hasTopic) score('help', 10);
  if (links.ids.length > 0) score('clause', 4);

  // Money and deadlines: no agreement here states an amount, and only `due` states a deadline.
  if (has('money') && !asksWho) score('money', has('count') || has('where') ? 9 : 7);
  if (has('deadline') || has('overdue') || (has('when') && has('finish') && !has('sign'))) score('deadline', 8);

  // A title and nothing else ("chu tich hdnd thai nguyen"), or a title asked about ("… là ai?"),
  // in any province: who holds it (nobody, in a province the source does not cover).
  const titled = links.titles.some((t) => t.contained);
  const onlyTitle = !hasContent(ctx.analyzer.analyze(topicOf(words, [...formSpans, ...titleSpans(ctx, query)])));
  const titledElsewhere =
    onlyTitle && (asksWho || has('whoIs')) && findTitles(ctx.matching, query, { anyPlace: true }).some((t) => t.contained);
  // "Who is Trinh Van Long?": a personal name the source does not have is still a question about a person.
  const unknownName = links.people.length === 0 && has('whoIs') && looksLikeName(words, cues);

  // The agreement: its signing, chairs, attendees and author; when and where it was signed.
  // "Who chairs the People's Committee?" asks for a title, not the conference's chairs.
  // "Ai chủ trì tuyến đường ĐT.412?" asks who leads that work, not who chaired the conference.
  const chairOfTitle = has('chair') && (titled || (hasTopic && !agreementWords)) && !has('agreement');
  // "Khi nào hai tỉnh sẽ tổ chức sơ kết?": a time to come is not the signing's.
  const later = has('when') && has('future');
  if (
    (agreementEvent || (agreementTime && !hasTopic)) &&
    !chairOfTitle &&
    !later &&
    (has('author') || has('attend') || has('agreement') || asksWho || has('when') || has('where') || !hasTopic)
  )
    score('agreement', 7);
  if (has('period') && (has('agreement') || !hasTopic)) score('agreement', 7);
  if (has('period') && hasTopic && !has('agreement')) score('status', 6);
  if ((has('when') || has('where')) && has('agreement') && !hasTopic && !has('finish')) score('agreement', 7);
  if (has('agreement') && !hasTopic && f.size <= 2) score('agreement', 3);

  // People: who someone is, who holds a title, what someone said.
  if (links.people.length > 0) {
    score('person', has('whoIs') || onlyNames ? 7 : 4);
    if (has('said') || (has('addressee') && !asksWho)) score('said', 8);
  }
  // "Bí thư Bắc Giang nêu những gì?": a speaker named by a title held by one person.
  const speakerByTitle = links.people.length === 0 && links.titles.filter((t) => t.contained).length === 1;
  if (speakerByTitle && (has('said') || (has('addressee') && !asksWho))) score('said', 8);
  if (links.givenOnly.length > 0 && (has('whoIs') || onlyNames)) score('person', 6);
  // A title is the question when little else is: "Chủ tịch UBND tỉnh BG là ai?". Beside a topic
  // ("Đề xuất … thì gửi lên ai?") a title word is a weaker sign.
  if (titled && onlyTitle) score('holder', links.people.length > 0 ? 5 : 7);
  else if (titled && (asksWho || has('whoIs') || !hasTopic)) score('holder', 5);
  if (unknownName) score('person', 7);
  if (titledElsewhere && links.people.length === 0) score('holder', 7);
  if (links.titles.length > 0 && (asksWho || has('whoIs'))) score('holder', 5);
  if (has('said') && links.people.length === 0 && has('pronoun')) score('said', 4);

  // Responsibility and duties. A verb of responsibility outweighs the signing ("ai có trách nhiệm
  // … triển khai các nội dung đã ký?" asks who is responsible, not who signed).
  // "X chịu trách nhiệm gì?" names the party and asks for its duties; "Ai chịu trách nhiệm X?" the reverse.
  const asksDuties = has('duties') && namesParty && !asksWho;
  if (responsibilityVerb) score('responsible', hasTopic || links.ids.length > 0 ? (has('responsible') && !asksDuties ? 8 : 6) : 4);
  if (has('duties') && namesParty) score('duties', asksDuties ? 8 : 6);
  // "Trung ương được đề nghị gì?": what is asked of a body is its duties, speeches' requests included.
  if (has('askedOf') && links.bodies.length > 0 && !asksWho) score('duties', 9);
  if (has('duties') && !namesParty && links.provinces.length > 0 && !hasTopic) score('duties', 5);

  // Status of one topic, lists by status, results.
  if (has('status') && (hasTopic || links.ids.length > 0)) score('status', 6);
  // "Is that done yet?", "việc đó xong chưa?": the status of what the word points at, not a list.
  if (statusWords.length > 0 && has('pronoun') && !has('list')) score('status', 8);
  // "cam kết giao thông nào chưa xong", "DS cam kết GT chưa xong": nothing beyond an area is a list.
  if (statusWords.length > 0 && (has('list') || !beyondAreas)) score('list', has('count') ? 8 : beyondAreas ? 6 : 7);
  if (statusWords.length > 0 && !has('list') && beyondAreas) score('status', 5);
  if (has('list') && has('addressee') && !asksWho) score('list', 6);
  // "Trước đây hai tỉnh đã làm gì về du lịch chưa?": a time before the MoU asks for results, even
  // with a status word at the end.
  const before = earlier || span('results').some((c) => BEFORE_NOW.test(f0(words, c)));
  if (has('results')) score('results', before ? 7 : 5);

  // Numbers and dates.
  if (has('count') && has('total') && !hasTopic) score('count', 7);
  // "Có bao nhiêu cam kết?", "How many transport commitments are there?": the commitments counted,
  // all of them, or a list (its headline counts) when an area or a status narrows them.
  if (has('count') && has('commitment') && !beyondAreas) score(links.areas.length > 0 || statusWords.length > 0 ? 'list' : 'count', 8);
  if (has('areas') && !has('results') && statusWords.length === 0 && links.areas.length === 0) score('areas', 7);
  if (has('count')) score('figure', 7);
  if (has('when') && !has('sign')) score('when', 4);

  // Anything else that names a topic: what the source says on it.
  if (hasTopic || links.ids.length > 0 || links.areas.length > 0) score('topic', 2);
  if (has('about') || has('line')) score('topic', 3);

  const ask = best(s);
  // The topic, now that the ask is known: the words it was asked with go too.
  const topic = topicOf(words, [
    ...formSpans,
    ...span(...(ASKED_WITH[ask] ?? [])),
    ...(ask === 'said' || ask === 'person' || ask === 'duties' ? partySpans : []),
  ]);
  const statuses = statusWords.length > 0 ? [...new Set(statusWords)] : undefined;
  return {
    ask,
    text,
    words,
    cues,
    features: f,
    links,
    ...(ask === 'agreement' ? { focus: agreementFocus(f, links) } : {}),
    ...(statuses ? { statuses } : {}),
    ...roleAsked(f, cues, words),
    topic,
    ...(except ? { except } : {}),
    hasTopic: hasContent(ctx.analyzer.analyze(topic)),
    scores: s,
  };
}

/** Whether a body's name is only words of the areas the question names. */
function bodyIsArea(ctx: AskContext, name: string, areaNames: readonly string[]): boolean {
  return (
    areaNames.length > 0 &&
    coveredBy(ctx, name, areaNames) &&
    areaNames.some((n) => ctx.analyzer.analyze(n).units.length > ctx.analyzer.analyze(name).units.length)
  );
}

/** Whether every content word of `text` is one of the phrases' words (by spelling or concept). */
// The area words of the few areas questions name, merged once per analyser (each knowledge version
// has its own): a question names one or two areas.
const sharings = new WeakMap<Analyzer, Map<string, (u: Unit) => boolean>>();

function coveredBy(ctx: AskContext, text: string, phrases: readonly string[]): boolean {
  if (phrases.length === 0) return false;
  const key = phrases.join('\n');
  let sharing = sharings.get(ctx.analyzer);
  if (!sharing) sharings.set(ctx.analyzer, (sharing = new Map()));
  let shared = sharing.get(key);
  if (!shared) {
    shared = sharedWithAny(phrases.map((p) => ctx.analyzer.analyze(p)));
    if (sharing.size > 200) sharing.clear();
    sharing.set(key, shared);
  }
  return ctx.analyzer
    .analyze(text)
    .units.filter((u) => !u.stop && !u.generic && !u.place)
    .every((u) => shared(u));
}

/** Spans of status words (so that "cam kết nào còn chờ" has no topic of its own). */
function statusSpans(cues: readonly CueMatch[]): CueMatch[] {
  return cues.filter((c) => STATUS_OF.some(([feature]) => feature === c.feature));
}

/** Order of preference when two kinds score the same: the more specific first. */
const PRIORITY: Ask[] = [
  'help',
  'money',
  'deadline',
  'said',
  'agreement',
  'holder',
  'person',
  'duties',
  'responsible',
  'status',
  'list',
  'count',
  'areas',
  'figure',
  'results',
  'when',
  'clause',
  'topic',
];

function best(s: Partial<Record<Ask, number>>): Ask {
  let winner: Ask = 'topic';
  let top = 0;
  for (const ask of PRIORITY) {
    const v = s[ask] ?? 0;
    if (v > top) {
      winner = ask;
      top = v;
    }
  }
  return winner;
}

function agreementFocus(f: ReadonlySet<Feature>, links: Links): AgreementFocus {
  if (f.has('period') && !f.has('sign')) return 'period';
  if (f.has('name')) return 'overview';
  // "được tổ chức vào thời gian nào": organised is the verb of a question about when or where.
  if (f.has('organise') && !f.has('when') && !f.has('where')) return 'signers';
  if (f.has('author')) return 'author';
  if (f.has('chair')) return 'chairs';
  if (f.has('attend')) return 'attendees';
  if (f.has('sign') && (f.has('who') || f.has('whichParty') || (!f.has('when') && !f.has('where')))) return 'signers';
  if (f.has('when')) return 'when';
  if (f.has('where')) return 'where';
  return links.bodies.length > 0 ? 'signers' : 'overview';
}

/** Verbs of responsibility → the role they ask about. */
const ROLE_WORDS: [RegExp, Role][] = [
  [/^(tham muu|advis|bao cao|report)/, 'advise'],
  [/^(phu trach|chu tri|lead)/, 'lead'],
  [/^(lanh dao|chi dao|direct|oversee)/, 'direct'],
  [/^(thuc hien|trien khai|lam|lo|implement|carry out|do|does)/, 'implement'],
];

/** The role a question asks about, so that answers put it first. */
function roleAsked(f: ReadonlySet<Feature>, cues: readonly CueMatch[], words: readonly Syllable[]): { role?: Role } {
  if (f.has('invest')) return { role: 'invest' };
  if (f.has('addressee')) return { role: 'addressee' };
  for (const c of cues) {
    if (c.feature !== 'doing') continue;
    const said = words
      .slice(c.from, c.to)
      .map((w) => w.folded)
      .join(' ');
    const hit = ROLE_WORDS.find(([re]) => re.test(said));
    if (!hit) continue;
    // "who should be advised", "tham mưu cho ai": advice goes to those who direct.
    const before = words[c.from - 1]?.folded ?? '';
    const after = words
      .slice(c.to, c.to + 2)
      .map((w) => w.folded)
      .join(' ');
    const received = /^(be|is|are|was|were|being|duoc)$/.test(before) || /^(ai|cho ai|to whom|whom)\b/.test(after);
    return { role: hit[1] === 'advise' && received ? 'direct' : hit[1] };
  }
  return {};
}

/** Whether a leading "theo …" names a person, by name or by a title someone holds. */
function namesSpeaker(ctx: AskContext, words: string): boolean {
  return findPeople(ctx.people, words).length > 0 || findTitles(ctx.matching, ctx.analyzer.analyze(words)).some((m) => m.contained);
}

/**
 * A one-word cue typed without diacritics that makes a phrase of the knowledge with a word beside
 * it is that phrase: "bo may" is "bộ máy", not "mấy"; "dau tu" is "đầu tư", not "đâu".
 */
function inKnownPhrase(ctx: AskContext, words: readonly Syllable[], c: CueMatch): boolean {
  const w = words[c.from] as Syllable;
  // Only a Vietnamese cue word typed without its diacritics ("may" for "mấy"); "the MoU" is English.
  if (c.to - c.from !== 1 || w.marked !== undefined || !CUE_UNMARKED_VI.has(w.folded)) return false;
  const phrase = (a: Syllable | undefined, b: Syllable | undefined) =>
    a !== undefined &&
    b !== undefined &&
    VIETNAMESE_SYLLABLE.test(a.folded) &&
    VIETNAMESE_SYLLABLE.test(b.folded) &&
    ctx.index.knows(`${a.folded}_${b.folded}`);
  return phrase(words[c.from - 1], w) || phrase(w, words[c.from + 1]);
}

/**
 * "… đạt được trước khi ký biên bản", "before the signing": the signing dates something else; it is
 * not asked about. The cue becomes `dated`, spanning the time words too.
 */
function datedBy(words: readonly Syllable[], c: CueMatch): CueMatch {
  if (c.feature !== 'sign') return c;
  for (const n of [2, 1]) {
    // Unstemmed: the folded form of "before" is "befor".
    const before = words
      .slice(Math.max(0, c.from - n), c.from)
      .map((w) => fold(w.text))
      .join(' ');
    if (/^(truoc khi|sau khi|ke tu|before|after|since|before the|after the|since the)$/.test(before))
      return { feature: 'dated', from: c.from - n, to: c.to };
  }
  return c;
}

/**
 * "Which Bac Giang department…", "sở nào của TN": a question phrase with a place inside it. Cues
 * of more than one word found once the places are set aside, that span a place, as found there.
 */
function acrossPlaces(words: readonly Syllable[], query: Analysis): CueMatch[] {
  const kept = words.map((_, i) => i).filter((i) => query.units[i]?.place !== true);
  if (kept.length === words.length) return [];
  return findCues(kept.map((i) => words[i] as Syllable))
    .map((c) => ({ feature: c.feature, from: kept[c.from] as number, to: (kept[c.to - 1] as number) + 1 }))
    .filter((c) => c.to - c.from > 1 && kept.indexOf(c.to - 1) - kept.indexOf(c.from) + 1 < c.to - c.from);
}

/** Words of a time before the agreement, or of what was done by then: "trước đây", "so far", "achieved". */
const BEFORE_NOW =
  /^(truoc day|truoc gio|truoc nay|tu truoc|nhung nam qua|thoi gian qua|da dat duoc|da lam duoc|so far|in the past|previously|achieved|accomplished)$/;

/** A cue's words, folded and joined. */
function f0(words: readonly Syllable[], c: CueMatch): string {
  return words
    .slice(c.from, c.to)
    .map((w) => fold(w.text))
    .join(' ');
}

/**
 * "còn", "and" alone ask "what about …" only where a follow-up starts ("Còn Thái Nguyên?", "And
 * the bridge?"); inside a sentence they join ("Bắc Giang and Thái Nguyên", "còn chờ").
 */
function joiningWord(words: readonly Syllable[], c: CueMatch): boolean {
  if (c.feature !== 'other' || c.to - c.from !== 1) return false;
  const w = (words[c.from] as Syllable).folded;
  return (w === 'con' || w === 'and') && c.from > 1;
}
