// Follow-ups, resolved against the conversation before anything is answered:
//  - "tiếp", "more": the next page of the last list (or a plain "there is no more");
//  - "chi tiết hơn", "more detail" (optionally "… phần lịch sử"): the last answer in full;
//  - "cái thứ hai", "the second one": that item of the last answer, in full;
//  - "còn Thái Nguyên thì sao?", "what about the railway?": the last question asked of something
//    else — a name of the same kind is swapped in, or the new topic takes the old one's place;
//  - a question that points back ("ông ấy", "it", "tuyến đó") or names nothing of its own
//    ("tỉnh nào lo?"): asked of the last subject.
// The result is a standalone question, so the rest of the engine never sees the conversation.
import { syllableSpans, syllables } from '../../text/normalize.ts';
import type { Agreement } from '../../knowledge/types.ts';
import type { AskContext } from '../context.ts';
import type { Conversation, Turn, TurnRef } from '../conversation.ts';
import type { Feature } from './cues.ts';
import type { AnswerView } from '../types.ts';
import { type Frame, frame } from './frame.ts';

export type Resolution =
  /** A question to answer: the message itself, or the follow-up made standalone. */
  | { kind: 'question'; frame: Frame; among?: TurnRef[] }
  /** The next page of the last answer. */
  | { kind: 'next'; turn: Turn }
  /** Nothing to page on. */
  | { kind: 'no-more' }
  /** These items of the last answer, in full. */
  | { kind: 'detail'; refs: TurnRef[]; turn: Turn }
  /** The last answer again, shown another way: in full, its quotes, its general assignment. */
  | { kind: 'view'; turn: Turn; view: Exclude<AnswerView, 'short'> };

/** Features that make a question of their own: with any of them, "còn …" is not a bare swap. */
const ASKING: ReadonlySet<Feature> = new Set<Feature>([
  'who',
  'whoIs',
  'responsible',
  'whichParty',
  'duties',
  'status',
  'results',
  'count',
  'money',
  'when',
  'where',
  'deadline',
  'said',
  'about',
  'sign',
  'chair',
  'attend',
  'author',
]);

/** Features that only steer a follow-up; a message made of these and filler asks nothing new. */
const STEERING: ReadonlySet<Feature> = new Set<Feature>(['other', 'detail', 'next', 'pronoun', 'quote', 'assignment', 'among', 'specific']);

const ORDINALS: Record<string, number> = {
  nhat: 1,
  mot: 1,
  hai: 2,
  ba: 3,
  tu: 4,
  bon: 4,
  nam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
  muoi: 10,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
};

/** "cái thứ hai", "mục 3", "số 2", "the second one", "item 2", "#2": the position asked for, 1-based. */
export function ordinalIn(text: string): number | undefined {
  const w = syllables(text);
  for (let i = 0; i < w.length; i++) {
    const here = w[i] as string;
    const next = w[i + 1];
    if (['thu', 'so', 'muc', 'cai', 'item', 'number', 'no'].includes(here) && next !== undefined) {
      const n = /^\d{1,2}$/.test(next) ? Number(next) : ORDINALS[next];
      // "thứ" alone is the ordinal marker; "số"/"mục"/"cái" need a number or an ordinal after them.
      if (n !== undefined && (here === 'thu' || /^\d/.test(next) || here === 'cai' || here === 'muc')) return n;
    }
    if (['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'].includes(here)) {
      const after = w[i + 1];
      if (after === undefined || ['one', 'item', 'commitment', 'clause', 'thing'].includes(after)) return ORDINALS[here];
    }
  }
  const hash = /#\s?(\d{1,2})\b/.exec(text);
  return hash ? Number(hash[1]) : undefined;
}

/** The text less its ordinal ("cái thứ hai cụ thể là gì" → "cụ thể là gì"). */
function withoutOrdinal(text: string): string {
  return text.replace(
    /\b(cái|cai|mục|muc|số|so|item|number|no\.?)?\s*(thứ|thu)?\s*(\d{1,2}|nhất|nhat|một|mot|hai|ba|tư|tu|bốn|bon|năm|nam|sáu|sau|bảy|bay|tám|tam|chín|chin|mười|muoi|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b(\s+one)?/giu,
    ' ',
  );
}

/** Whether the message, less its steering words and stop words, says anything at all. */
function saysNothing(f: Frame, ctx: AskContext): boolean {
  const steering = f.cues.filter((c) => STEERING.has(c.feature));
  const rest = f.words.filter((_, i) => !steering.some((c) => i >= c.from && i < c.to)).map((w) => w.text);
  return !ctx.analyzer.analyze(rest.join(' ')).units.some((u) => !u.stop);
}

const has = (f: Frame, x: Feature) => f.features.has(x);

/** Whether the frame asks something of its own (a question word or verb beyond the steering ones). */
function asksItself(f: Frame): boolean {
  return [...f.features].some((x) => ASKING.has(x)) || f.ask === 'list' || f.ask === 'clause';
}

/** Whether the frame names something of its own to ask about. */
function namesItself(f: Frame, ctx: AskContext): boolean {
  const l = f.links;
  if (l.ids.length > 0 || l.people.length > 0 || l.bodies.length > 0 || l.titles.length > 0) return true;
  // A topic counts only if the knowledge knows one of its words: "cty" alone is not a topic.
  return ctx.analyzer.analyze(f.topic).units.some((u) => !u.stop && !u.generic && !u.place && ctx.index.knows(u.syllable));
}

/** The text of `turn` with the spans that name `old` (a province, by its analysis) replaced by `name`. */
function swapProvince(ctx: AskContext, turn: Turn, provinceId: string, name: string): string | undefined {
  const text = turn.text.normalize('NFC');
  const spans = syllableSpans(text);
  const query = ctx.analyzer.analyze(text);
  // The other provinces named in the earlier question ("Bắc Giang", "BG") give way to the new one.
  const others = ctx.knowledge.agreements.flatMap((a) => a.meta.provinces).filter((p) => p.id !== provinceId);
  const nameUnits = others.flatMap((p) => ctx.analyzer.analyze(p.name).units);
  const hit = query.units
    .map((u, i) => (nameUnits.some((n) => n.syllable === u.syllable || n.concepts.some((c) => u.concepts.includes(c))) && u.place ? i : -1))
    .filter((i) => i >= 0);
  if (hit.length === 0) return undefined;
  // Replace the first run of covered syllables; further runs (the same province named twice) go too.
  let out = '';
  let at = 0;
  let i = 0;
  while (i < hit.length) {
    let j = i;
    while (j + 1 < hit.length && hit[j + 1] === (hit[j] as number) + 1) j++;
    const from = spans[hit[i] as number];
    const to = spans[hit[j] as number];
    if (from && to) {
      out += `${text.slice(at, from.start)}${name}`;
      at = to.end;
    }
    i = j + 1;
  }
  return out + text.slice(at);
}

/**
 * The last question asked of the fragment's provinces, people or topic. A province is swapped into
 * the most recent turn that names one ("Bí thư Tỉnh ủy Bắc Giang là ai?" → "… Thái Nguyên …"); a
 * person's counterpart is the same title in that province; a new topic or party takes the old one's
 * place, asked the same way.
 */
function askedOfOther(ctx: AskContext, turns: readonly Turn[], f: Frame): string {
  const last = turns[0] as Turn;
  const l = f.links;
  // "Thái Nguyên" also names the province as a body ("tỉnh Thái Nguyên"): still a province alone.
  const provinceBody = (b: (typeof l.bodies)[number]) =>
    b.agreement.meta.provinces.some((p) => b.bodyId === provinceBodyId(b.agreement, p.name));
  if (l.provinces.length > 0 && l.people.length === 0 && l.bodies.every(provinceBody) && !f.hasTopic) {
    const name = provinceNames(ctx, l.provinces);
    if (l.provinces.length === 1) {
      for (const turn of turns) {
        const swapped = swapProvince(ctx, turn, l.provinces[0] as string, name);
        if (swapped) return swapped;
      }
    }
    if (last.subject?.ref.type === 'person') {
      const title = last.title ?? firstTitle(ctx, last.subject.ref);
      if (title) return `${title} tỉnh ${name} là ai`;
    }
    return `${last.text} ${name}`;
  }
  const fragment = f.words.filter((_, i) => !f.cues.some((c) => STEERING.has(c.feature) && i >= c.from && i < c.to)).map((w) => w.text);
  return `${fragment.join(' ')} ${last.askWords}`.trim();
}

/** "thế còn bên kia?", "tỉnh bạn thì sao?", "the other province's secretary": the other province, unnamed. */
const OTHER_PROVINCE =
  /(?<!\p{L})(phía bên kia|phia ben kia|bên kia|ben kia|phía kia|phia kia|tỉnh kia|tinh kia|tỉnh bạn|tinh ban|the other (?:province|side))(?!\p{L})/iu;

/** The agreement's other province, after the latest turn about one province of it (named, or a person's). */
function otherProvince(ctx: AskContext, turns: readonly Turn[]): string | undefined {
  for (const turn of turns) {
    const ref = turn.subject?.ref;
    const person = ref?.type === 'person' ? ctx.agreements.get(ref.agreement)?.people.find((p) => p.id === ref.id) : undefined;
    const provinces = frame(ctx, turn.text).links.provinces;
    const named = provinces.length > 0 ? provinces : person?.province ? [person.province] : [];
    if (named.length !== 1) continue;
    const a = ctx.knowledge.agreements.find((x) => x.meta.provinces.some((p) => p.id === named[0]));
    const other = a?.meta.provinces.find((p) => p.id !== named[0]);
    if (other) return other.name;
  }
  return undefined;
}

function provinceBodyId(a: Agreement, name: string): string | undefined {
  return a.bodies.find((b) => b.name === `tỉnh ${name}`)?.id;
}

function provinceNames(ctx: AskContext, ids: readonly string[]): string {
  const all = ctx.knowledge.agreements.flatMap((a) => a.meta.provinces);
  return ids.map((id) => all.find((p) => p.id === id)?.name ?? id).join(' và ');
}

function firstTitle(ctx: AskContext, ref: TurnRef): string | undefined {
  const a = ctx.agreements.get(ref.agreement);
  const p = a?.people.find((x) => x.id === ref.id);
  // The most senior title is listed first; a Central Committee seat is not a province office.
  return p?.titles.find((t) => !/trung ương|dự khuyết/i.test(t.vi))?.vi ?? p?.titles[0]?.vi;
}

/** Demonstratives: "đó", "này", "ấy", "it", "that"… point at the last thing talked about. */
function pointsAtThing(f: Frame): boolean {
  return f.cues.some(
    (c) =>
      c.feature === 'pronoun' &&
      c.to - c.from === 1 &&
      /^(đó|này|ấy|kia|nó|it|its|that|this|those|these)$/i.test(f.words[c.from]?.text ?? ''),
  );
}

/** Personal pronouns: "ông ấy", "bà ấy", "đồng chí", "he", "her"… point at a person. */
function pointsAtPerson(f: Frame): boolean {
  return f.cues.some(
    (c) =>
      c.feature === 'pronoun' &&
      /^(ong|ba|dong chi|he|she|her|him|his)( |$)/.test(
        f.words
          .slice(c.from, c.to)
          .map((w) => w.folded)
          .join(' '),
      ),
  );
}

export function resolve(ctx: AskContext, text: string, conversation: Conversation | undefined): Resolution {
  const f = frame(ctx, text);
  // Earlier turns, newest first: a follow-up may reach past a turn that named no province.
  const turns = conversation ? [...conversation.turns].reverse() : [];
  const last = turns[0];
  const bare = saysNothing(f, ctx);

  // "more detail" asks for detail, not the next page.
  if (has(f, 'next') && !has(f, 'detail') && !has(f, 'quote') && (bare || f.words.length <= 3) && !asksItself(f)) {
    return last?.page && last.page.index < last.page.pages ? { kind: 'next', turn: last } : { kind: 'no-more' };
  }
  if (!last) return { kind: 'question', frame: f };

  const n = ordinalIn(text);
  if (n !== undefined && n >= 1 && n <= last.items.length && !namesItself(frame(ctx, withoutOrdinal(text)), ctx)) {
    return { kind: 'detail', refs: [last.items[n - 1] as TurnRef], turn: last };
  }
  if ((has(f, 'detail') || has(f, 'quote') || has(f, 'assignment')) && !asksItself(f)) {
    // "chi tiết hơn phần lịch sử cách mạng": the last items that the extra words point to.
    if (!bare && last.items.length > 0) {
      const within = pickWithin(ctx, last, f.topic);
      if (within.length > 0) return { kind: 'detail', refs: within, turn: last };
    }
    // "chi tiết", "trích dẫn", "phân công chung": the last answer again, shown that way.
    const view = has(f, 'assignment') ? 'general' : has(f, 'quote') && !has(f, 'detail') ? 'quotes' : 'full';
    return { kind: 'view', turn: last, view };
  }

  // A follow-up that points at the other province without naming it: named, then read as usual
  // ("thế còn bên kia?" → "thế còn Thái Nguyên?").
  const other = f.links.provinces.length === 0 ? OTHER_PROVINCE.exec(text.normalize('NFC')) : null;
  const otherName = other ? otherProvince(ctx, turns) : undefined;
  if (other && otherName) return resolve(ctx, text.normalize('NFC').replace(other[0], otherName), conversation);
  if (has(f, 'other') && !asksItself(f) && !bare) return { kind: 'question', frame: frame(ctx, askedOfOther(ctx, turns, f)) };
  if (has(f, 'counterpart') && last.subject?.ref.type === 'person' && f.links.provinces.length > 0) {
    const title = last.title ?? firstTitle(ctx, last.subject.ref);
    if (title) return { kind: 'question', frame: frame(ctx, `${title} tỉnh ${provinceNames(ctx, f.links.provinces)} là ai`) };
  }

  // "trong đó" (among them), or a demonstrative ("tuyến đó", "NQ đó", "that one"): the last answer's entries.
  const among = has(f, 'among') || pointsAtThing(f) ? last.items : undefined;
  // A question that points back, or names nothing the knowledge knows, is asked of the last subject.
  const pointsBack = has(f, 'pronoun') || has(f, 'among') || bare;
  const ownSubject = namesItself(f, ctx);
  // "When was it issued?": a demonstrative with no name of its own points back, even beside topic words.
  const l = f.links;
  const pointsOnly = pointsAtThing(f) && l.ids.length + l.people.length + l.bodies.length + l.titles.length === 0;
  if (
    last.subject &&
    ((pointsAtPerson(f) && last.subject.ref.type === 'person' && f.links.people.length === 0) ||
      pointsOnly ||
      (!ownSubject && (pointsBack || needsSubject(f))))
  ) {
    const withSubject = frame(ctx, `${text} ${last.subject.name}`);
    return { kind: 'question', frame: withSubject, ...(among ? { among } : {}) };
  }
  if (!ownSubject && needsSubject(f) && !last.subject && last.topic) {
    return { kind: 'question', frame: frame(ctx, `${text} ${last.topic}`), ...(among ? { among } : {}) };
  }
  return { kind: 'question', frame: f, ...(among ? { among } : {}) };
}

/** Whether a question of this kind needs a subject to be answered ("tỉnh nào lo?" does; "ai ký?" does not). */
function needsSubject(f: Frame): boolean {
  return ['responsible', 'status', 'duties', 'topic', 'figure', 'when', 'deadline', 'money', 'said', 'person'].includes(f.ask);
}

/** The last answer's items that the words point to, by search within them. */
function pickWithin(ctx: AskContext, turn: Turn, words: string): TurnRef[] {
  const query = ctx.analyzer.analyze(words);
  if (!query.units.some((u) => !u.stop)) return [];
  const hits = ctx.index.search(query, { limit: 50 });
  const shown = new Set(turn.items.map((r) => `${r.agreement}/${r.type}/${r.id}`));
  return hits
    .filter((h) => shown.has(`${h.agreement}/${h.type}/${h.id}`))
    .slice(0, 2)
    .map((h) => ({ type: h.type, agreement: h.agreement, id: h.id }));
}
