// "What does the MoU say about X?": the passage itself first, then the entries it holds. The source
// line is quoted when it is short enough to read on a phone, and said to be the MoU's own terms, a
// speech, or the report's account, so a reader never takes one for another.
import type { Agreement } from '../../knowledge/types.ts';
import type { Hit } from '../../search/index.ts';
import { type AskContext, agreementOf } from '../context.ts';
import { t } from '../i18n.ts';
import type { Answer, AnswerItem } from '../types.ts';
import type { Frame } from '../understand/frame.ts';
import { isDefined, itemView, personItem, pick } from '../views.ts';
import { answer, notFound, statusNotes } from './compose.ts';
import { whoSentence } from './person.ts';
import { retrieve } from './retrieve.ts';

/** A source line longer than this is not quoted whole in a short answer; the entry's own wording is shown instead. */
const LINE_QUOTED = 420;

/** Most entries listed under a topic answer. */
const TOPIC_ITEMS = 5;

/** Who speaks in a passage: the MoU's terms, a named speaker, or the report. */
export function voiceOf(ctx: AskContext, a: Agreement, item: AnswerItem): string {
  if (item.type === 'commitment') return t(ctx.lang, 'Biên bản ghi nhớ', 'The MoU');
  if (item.type === 'fact') {
    const f = a.facts.find((x) => x.id === item.id);
    const speaker = f?.speaker ? a.people.find((p) => p.id === f.speaker) : undefined;
    // A passage that only continues a speech begun earlier is theirs by inference, and says so.
    const from = f?.speaker_inferred_from;
    if (speaker && from)
      return t(
        ctx.lang,
        `Phát biểu của ${speaker.name} (suy luận: tiếp nối phát biểu từ dòng ${from})`,
        `${speaker.name}, speaking (inferred: continues the speech begun on line ${from})`,
      );
    if (speaker) return t(ctx.lang, `Phát biểu của ${speaker.name}`, `${speaker.name}, speaking`);
  }
  return t(ctx.lang, 'Bài viết', 'The report');
}

/**
 * The passage for a short answer: the whole source line when it is short (and `wholeLine`),
 * otherwise the entry's own wording.
 */
export function passage(ctx: AskContext, item: AnswerItem, wholeLine = true): string {
  const a = agreementOf(ctx, item.agreement);
  const line = a.sourceLines[item.citation.line - 1] ?? '';
  const own = 'text' in item ? item.text : item.title;
  const text = wholeLine && line.length > 0 && line.length <= LINE_QUOTED ? line : own;
  return `${voiceOf(ctx, a, item)} (${t(ctx.lang, 'dòng', 'line')} ${item.citation.line}): ${text}`;
}

/**
 * Entries that mention every place the topic names, when the topic is nothing but places
 * ("Biên bản nói gì về TP Bắc Giang và TP Thái Nguyên?"). A place alone is never a topic for search
 * (it would match every clause of its province), but one named in a few entries is worth showing.
 */
function placeOnly(ctx: AskContext, topic: string): Hit[] {
  const query = ctx.analyzer.analyze(topic);
  const units = query.units;
  if (!units.some((u) => u.place) || units.some((u) => !u.stop && !u.generic && !u.place)) return [];
  // The place names as phrases: two place syllables side by side, or a glossary word before one ("TP Bắc Giang").
  const required = query.terms.filter(
    (term) =>
      (term.kind === 'bigram' && term.positions.every((p) => units[p]?.place)) ||
      (term.kind === 'concept-bigram' && units[term.positions.at(-1) as number]?.place === true),
  );
  if (required.length === 0) return [];
  const hits = ctx.index.search({ units, terms: required }, { types: ['commitment', 'result', 'fact'], limit: 20 });
  const full = hits.filter((h) => required.every((term) => h.matched.has(term.term)));
  return full.length > 0 && full.length <= TOPIC_ITEMS ? full : [];
}

export function answerTopic(ctx: AskContext, f: Frame, question: string): Answer {
  const retrieved = retrieve(ctx, f.topic, ['commitment', 'result', 'fact']);
  const { nearest } = retrieved;
  // Asked for commitments, or what the agreement says, its own undertakings come before earlier
  // results that match as well.
  const own = (f.features.has('commitment') || f.features.has('agreement')) && !f.features.has('results');
  const hits = own ? commitmentsFirst(retrieved.hits) : retrieved.hits;
  const found = hits.length > 0 ? hits : placeOnly(ctx, f.topic);
  // "Who gave the opening speech?": no entry is about it, but what someone did at the conference is.
  if (found.length === 0 && f.features.has('who')) {
    const people = retrieve(ctx, f.topic, ['person'])
      .hits.slice(0, 3)
      .map((h) => personItem(agreementOf(ctx, h.agreement), h.id, ctx.lang))
      .filter(isDefined);
    const first = people[0];
    if (first) return answer(ctx, question, 'person', true, whoSentence(ctx, first), people);
  }
  if (found.length === 0) {
    const what = f.topic.trim();
    // "Thái Nguyên" alone: named all through the source, so no one entry is the answer.
    const query = ctx.analyzer.analyze(what);
    if (query.units.some((u) => u.place) && !query.units.some((u) => !u.stop && !u.generic && !u.place))
      return notFound(
        ctx,
        question,
        'topic',
        t(
          ctx.lang,
          `Nhiều nội dung của văn bản nói về “${what}”; bạn muốn hỏi điều gì về “${what}”?`,
          `Much of the source is about “${what}”; what would you like to know about it?`,
        ),
      );
    return notFound(
      ctx,
      question,
      'topic',
      what ? t(ctx.lang, `Văn bản không có nội dung về “${what}”.`, `The source says nothing about “${what}”.`) : undefined,
      nearest ? [nearest] : [],
    );
  }
  return topicAnswer(ctx, question, found);
}

function commitmentsFirst<T extends { type: string }>(hits: readonly T[]): T[] {
  return [...hits.filter((h) => h.type === 'commitment'), ...hits.filter((h) => h.type !== 'commitment')];
}

/** A topic answer from entries already found: the first passage, then each entry in a line. */
export function topicAnswer(
  ctx: AskContext,
  question: string,
  hits: readonly { type: AnswerItem['type']; agreement: string; id: string }[],
): Answer {
  const items = hits
    .slice(0, TOPIC_ITEMS)
    .map((h) => itemView(ctx, h))
    .filter(isDefined);
  const first = items[0];
  // Entries a conversation remembers may be gone after a reload.
  if (!first) return notFound(ctx, question, 'topic');
  // The passage is the first entry's wording: the entries below need only their titles.
  return answer(ctx, question, 'topic', true, passage(ctx, first), items, {
    detail: 'brief',
    notes: statusNotes(ctx, items),
  });
}

/** The title of an entry for a sentence ("cầu Hòa Sơn (C19)"). */
export function named(item: AnswerItem): string {
  return item.type === 'commitment' || item.type === 'result' ? `${item.title} (${item.id})` : item.title;
}

/** An agreement's title for a sentence. */
export const agreementName = (ctx: AskContext, a: Agreement) => pick(a.meta.short_title ?? a.meta.title, ctx.lang);
