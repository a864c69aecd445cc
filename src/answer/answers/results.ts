// "What have the two provinces achieved so far?": the earlier results the report gives (done, or
// under way when the MoU signed), and its figures and assessment, narrowed by the topic if any.
import type { AskContext } from '../context.ts';
import { t } from '../i18n.ts';
import type { Answer, AnswerItem } from '../types.ts';
import type { Frame } from '../understand/frame.ts';
import { isDefined, itemView } from '../views.ts';
import { answer, notFound, pageOfItems, statusNotes } from './compose.ts';
import { namesTopic, onlyAreaNames, retrieve } from './retrieve.ts';

/** Words that say "results" and "before", not what the results were about. */
const FRAMING = new Set(['results', 'done', 'status', 'pending', 'ongoing', 'inProgress', 'dated', 'agreement']);

export function answerResults(ctx: AskContext, f: Frame, question: string): Answer {
  const framing = f.cues.filter((c) => FRAMING.has(c.feature));
  const topic = f.words
    .filter(
      (_, i) =>
        !framing.some((c) => i >= c.from && i < c.to) &&
        !f.cues.some((c) => ['who', 'list', 'about', 'count'].includes(c.feature) && i >= c.from && i < c.to),
    )
    .map((w) => w.text)
    .join(' ');
  const narrowed = ctx.analyzer.analyze(topic).units.some((u) => !u.stop && !u.generic && !u.place);
  let refs: { type: AnswerItem['type']; agreement: string; id: string }[];
  if (narrowed) {
    const areas = new Set(f.links.areas);
    const { hits } = retrieve(ctx, topic, ['result', 'fact']);
    // An area's results when the area is all the topic names ("về giao thông"); "về đường sắt"
    // is about more than transport, and only entries about railways answer it.
    const onlyAreas = areas.size > 0 && onlyAreaNames(ctx, topic, areas);
    const byArea = ctx.items.agreements.flatMap(({ a, results }) =>
      results.filter((r) => onlyAreas && areas.has(r.area)).map((r) => ({ type: 'result' as const, agreement: a.id, id: r.id })),
    );
    const seen = new Set<string>();
    refs = [...byArea, ...hits].filter((r) => {
      const key = `${r.agreement}/${r.type}/${r.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    // Words that find nothing leave the list whole ("đạt kết quả gì cụ thể" asks for all of them),
    // unless they name a topic: an area ("y tế"), a phrase the knowledge uses elsewhere, or words
    // it never uses ("football results").
    const query = ctx.analyzer.analyze(topic);
    if (refs.length === 0 && (areas.size > 0 || namesTopic(ctx, query))) {
      return notFound(
        ctx,
        question,
        'results',
        t(ctx.lang, `Bài viết không nêu kết quả nào về “${topic.trim()}”.`, `The report gives no result about “${topic.trim()}”.`),
      );
    }
  } else refs = [];
  // All of them: the results, then the figures the report gives of what was achieved (line 10's
  // Samsung suppliers and workers).
  if (refs.length === 0)
    refs = ctx.items.agreements.flatMap(({ a, results }) => [
      ...results.map((r) => ({ type: 'result' as const, agreement: a.id, id: r.id })),
      ...a.facts.filter((x) => x.kind === 'figure').map((x) => ({ type: 'fact' as const, agreement: a.id, id: x.id })),
    ]);
  if (refs.length === 0)
    return notFound(ctx, question, 'results', t(ctx.lang, 'Bài viết không nêu kết quả nào.', 'The report gives no earlier result.'));
  const { items: shown, page } = pageOfItems(ctx, refs);
  const items = shown.map((r) => itemView(ctx, r)).filter(isDefined);
  const headline = t(
    ctx.lang,
    `Kết quả hợp tác trước khi ký biên bản (theo bài viết): ${refs.length} mục.`,
    `Results of earlier cooperation (per the report): ${refs.length}.`,
  );
  return answer(ctx, question, 'results', true, headline, items, {
    detail: items.length > 3 ? 'brief' : 'full',
    notes: statusNotes(ctx, items),
    ...(page ? { page } : {}),
  });
}
