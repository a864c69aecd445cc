// "Is X done? How far is it?": the status of the entry that answers X, as of when and on whose word,
// with the clause itself and who was asked to act. "Continuing" work (tiếp tục, duy trì) is told
// apart from work not started.
import type { AskContext } from '../context.ts';
import { t } from '../i18n.ts';
import type { Answer, AnswerItem, CommitmentItem, ResultItem } from '../types.ts';
import type { Frame } from '../understand/frame.ts';
import { isDefined, itemView } from '../views.ts';
import { answer, notFound, statusNotes } from './compose.ts';
import { retrieve } from './retrieve.ts';
import { named } from './topic.ts';

/** Most entries one status answer covers: a topic may be both an earlier result and a commitment (cầu Hòa Sơn). */
const STATUS_ITEMS = 3;

type WithStatus = CommitmentItem | ResultItem;

const hasStatus = (i: AnswerItem): i is WithStatus => i.type === 'commitment' || i.type === 'result';

/** "Cầu Hòa Sơn (C19): đang thực hiện (theo nguồn ngày 29/3/2023)". */
export function statusSentence(item: WithStatus): string {
  return `${named(item)}: ${item.status.label} (${item.status.asOfLabel})`;
}

export function answerStatus(ctx: AskContext, f: Frame, question: string): Answer {
  const refs = f.links.ids.length > 0 ? f.links.ids : retrieve(ctx, f.topic, ['commitment', 'result']).hits;
  const items = refs
    .slice(0, STATUS_ITEMS)
    .map((r) => itemView(ctx, r))
    .filter(isDefined)
    .filter(hasStatus);
  if (items.length === 0) {
    const { nearest } = retrieve(ctx, f.topic, ['commitment', 'result', 'fact']);
    return notFound(
      ctx,
      question,
      'status',
      t(
        ctx.lang,
        `Văn bản không có cam kết hay kết quả nào về “${f.topic.trim()}”.`,
        `The source has no commitment or result about “${f.topic.trim()}”.`,
      ),
      nearest ? [nearest] : [],
    );
  }
  // A commitment first: it is what is still to be done; the earlier result says how it began.
  const ordered = [...items].sort((x, y) => Number(x.type === 'result') - Number(y.type === 'result'));
  const headline = `${ordered.map(statusSentence).join('; ')}.`;
  return answer(ctx, question, 'status', true, headline, ordered, { notes: statusNotes(ctx, ordered) });
}
