// Money: budgets, costs, funding. An entry on the topic that states an amount ("tổng mức đầu tư
// 1.200 tỷ đồng") answers, quoted; otherwise the answer says plainly that the source states none,
// names what was asked, and shows the nearest passage on the topic, marked as such. A nearby clause
// is never a budget.
import type { AskContext } from '../context.ts';
import { t } from '../i18n.ts';
import type { Answer } from '../types.ts';
import type { Frame } from '../understand/frame.ts';
import { isDefined, itemView } from '../views.ts';
import { notFound } from './compose.ts';
import { retrieve } from './retrieve.ts';
import { topicAnswer } from './topic.ts';

/** An amount of money as Vietnamese and English texts write it. */
const AMOUNT = /\d[\d.,]*\s*(nghìn tỷ|ngàn tỷ|tỷ|triệu|nghìn|billion|million)?\s*(đồng|VNĐ|VND|USD|US\$|\$)|(tỷ|triệu) đồng/iu;

export function answerMoney(ctx: AskContext, f: Frame, question: string): Answer {
  const { hits, nearest } = retrieve(ctx, f.topic, ['commitment', 'result', 'fact']);
  const withAmount = hits.filter((h) => {
    const item = itemView(ctx, h);
    return item !== undefined && 'text' in item && AMOUNT.test(`${item.text} ${item.citation.quote}`);
  });
  if (withAmount.length > 0) return topicAnswer(ctx, question, withAmount);
  const near = [hits[0] ?? nearest].filter(isDefined);
  return notFound(
    ctx,
    question,
    'figure',
    t(
      ctx.lang,
      'Văn bản không nêu kinh phí, nguồn vốn hay số tiền nào cho việc này.',
      'The source states no budget, funding source or amount of money for this.',
    ),
    near,
  );
}
