// Questions about what the agreements never state: money (budgets, costs, funding). The answer says
// so plainly, names what was asked, and shows the nearest passage the source does have on the topic,
// marked as such. Never found: a nearby clause is not a budget.
import type { AskContext } from '../context.ts';
import { t } from '../i18n.ts';
import type { Answer } from '../types.ts';
import type { Frame } from '../understand/frame.ts';
import { notFound } from './compose.ts';
import { retrieve } from './retrieve.ts';

function nearestOn(ctx: AskContext, f: Frame) {
  const { hits, nearest } = retrieve(ctx, f.topic, ['commitment', 'result', 'fact']);
  const near = hits[0] ?? nearest;
  return near ? [near] : [];
}

export function answerMoney(ctx: AskContext, f: Frame, question: string): Answer {
  return notFound(
    ctx,
    question,
    'figure',
    t(
      ctx.lang,
      'Văn bản không nêu kinh phí, nguồn vốn hay số tiền nào.',
      'The source states no budget, funding source or amount of money.',
    ),
    nearestOn(ctx, f),
  );
}
