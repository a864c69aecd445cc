// Numbers and dates the source gives: "bao nhiêu doanh nghiệp…" (hơn 40), "khoảng bao nhiêu lao
// động…" (10 nghìn), "tái lập năm nào" (1997). A number answers only when the source puts it beside
// what was counted: "10 nghìn lao động" answers how many workers from Bắc Giang work in Thái
// Nguyên, not how many people Samsung employs. When no entry does, the answer says the source gives
// no such figure, and shows the nearest passage as such.
import type { Analysis } from '../../search/analyzer.ts';
import type { AskContext } from '../context.ts';
import { t } from '../i18n.ts';
import type { Answer, AnswerItem } from '../types.ts';
import type { Frame } from '../understand/frame.ts';
import { isDefined, itemView } from '../views.ts';
import { answer, notFound } from './compose.ts';
import { passage } from './topic.ts';
import { retrieve } from './retrieve.ts';

/** How many words apart a number and what it counts may stand ("hơn 40 doanh nghiệp", "5-7 tuyến"). */
const NEAR = 4;

/** Dates stand further from what they date ("Nghị quyết số 11-NQ/TW ngày 10/2/2022"). */
const NEAR_DATE = 8;

const YEAR = /^(1[89]|20)\d\d$/;

/** Whether some word of `topic` stands within NEAR words of a number (or, for dates, a year) in the entry's text. */
function numberBeside(ctx: AskContext, text: string, topic: Analysis, dates: boolean): boolean {
  const units = ctx.analyzer.analyze(text).units;
  // The numbers of codes are no figures: "QL17", "ĐT294", "11-NQ/TW".
  const codes = new Set([...text.matchAll(/\p{Lu}{1,4}\s?(\d+)|(\d+)-\p{Lu}/gu)].map((m) => (m[1] ?? m[2]) as string));
  const wanted = topic.units.filter((u) => !u.stop && !u.generic && !u.place);
  if (wanted.length === 0) return false;
  for (let i = 0; i < units.length; i++) {
    const s = (units[i] as (typeof units)[number]).syllable;
    if (!/^\d+$/.test(s) || (dates && !YEAR.test(s)) || (!dates && YEAR.test(s))) continue;
    if (codes.has(s)) continue;
    const near = dates ? NEAR_DATE : NEAR;
    for (let j = Math.max(0, i - near); j <= Math.min(units.length - 1, i + near); j++) {
      const u = units[j] as (typeof units)[number];
      if (wanted.some((w) => w.syllable === u.syllable || w.concepts.some((c) => u.concepts.includes(c)))) return true;
    }
  }
  return false;
}

/** The figure (or, with `dates`, the date) the question asks for. */
export function answerFigure(ctx: AskContext, f: Frame, question: string, dates = false): Answer {
  const intent = dates ? 'date' : 'figure';
  const topic = ctx.analyzer.analyze(f.topic);
  const { hits, nearest } = retrieve(ctx, f.topic, ['fact', 'commitment', 'result']);
  // "Đã mở được mấy tuyến … rồi?": how many so far. A commitment's number is a plan, not a count
  // of what was done, so only a result or a reported figure answers.
  const sofar = f.features.has('status') || f.features.has('done') || f.words.some((w) => w.folded === 'roi');
  const items = hits
    .map((h) => itemView(ctx, h))
    .filter(isDefined)
    .filter((i) => !(sofar && !dates && i.type === 'commitment'))
    .filter((i) => numberBeside(ctx, 'text' in i ? `${i.title} ${i.text}` : i.title, topic, dates));
  if (items.length === 0) {
    const what = f.topic.trim();
    const near = hits[0] ?? nearest;
    return notFound(
      ctx,
      question,
      intent,
      dates
        ? t(
            ctx.lang,
            `Văn bản không nêu thời điểm này${what ? ` (“${what}”)` : ''}.`,
            `The source gives no such date${what ? ` (“${what}”)` : ''}.`,
          )
        : t(
            ctx.lang,
            `Văn bản không nêu con số này${what ? ` (“${what}”)` : ''}.`,
            `The source gives no such figure${what ? ` (“${what}”)` : ''}.`,
          ),
      near ? [near] : [],
    );
  }
  const first = items[0] as AnswerItem;
  // The passage holds the figure: the entries below need only their titles.
  return answer(ctx, question, intent, true, passage(ctx, first, false), items.slice(0, 2), { detail: 'brief' });
}
