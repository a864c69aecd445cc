// Deadlines: "Việc nào quá hạn?", "hạn chót của X", "what is due this quarter?". Only a commitment's
// `due` states a deadline, read against today's date where the users are, with the effective status
// (updates made in chat count). An agreement that gives no deadline at all says so, and a topic whose
// commitment has none says that, showing the commitment as the nearest thing, never a date.
import type { Due, Status } from '../../knowledge/schema.ts';
import type { AskContext } from '../context.ts';
import { isOverdue, type Span, spanOf, within } from '../due.ts';
import { formatDate, t } from '../i18n.ts';
import type { Answer, AnswerItem, CommitmentItem } from '../types.ts';
import type { Frame } from '../understand/frame.ts';
import { isDefined, itemView } from '../views.ts';
import { answer, notFound, pageOf } from './compose.ts';
import { retrieve } from './retrieve.ts';

type Dated = { agreement: string; id: string; by?: string; recurring?: Due['recurring']; status: Status };

/**
 * Every commitment with a deadline, with its effective status; of the areas and bodies the question
 * names, if it names any ("Cam kết giao thông nào quá hạn?", "Việc nào của Bộ GTVT quá hạn?").
 */
function dated(ctx: AskContext, f: Frame): Dated[] {
  const areas = new Set(f.links.areas);
  const bodies = new Set(f.links.bodies.filter((b) => b.exact).map((b) => `${b.agreement.id}/${b.bodyId}`));
  const out: Dated[] = [];
  for (const a of ctx.knowledge.agreements)
    for (const c of a.commitments)
      if (
        c.due &&
        (areas.size === 0 || areas.has(c.area)) &&
        (bodies.size === 0 || c.responsible.some((r) => bodies.has(`${a.id}/${r.party}`)))
      )
        out.push({
          agreement: a.id,
          id: c.id,
          ...(c.due.by ? { by: c.due.by } : {}),
          ...(c.due.recurring ? { recurring: c.due.recurring } : {}),
          status: ctx.statusOf(a.id, c.id, c.status).status,
        });
  return out;
}

/** "quý này", "this month", "năm nay": the span of the calendar the question asks about. */
function spanAsked(f: Frame): Span | undefined {
  const text = f.words.map((w) => w.folded).join(' ');
  if (/\b(quy nay|this quarter|quarter)\b/.test(text)) return 'quarter';
  if (/\b(thang nay|this month)\b/.test(text)) return 'month';
  if (/\b(nam nay|this year)\b/.test(text)) return 'year';
  return undefined;
}

function list(ctx: AskContext, question: string, rows: readonly Dated[], headline: string): Answer {
  const sorted = [...rows].sort((x, y) => (x.by ?? '9999').localeCompare(y.by ?? '9999'));
  const { from, to, page } = pageOf(ctx, sorted.length);
  const items = sorted
    .slice(from, to)
    .map((r) => itemView(ctx, { type: 'commitment', agreement: r.agreement, id: r.id }))
    .filter(isDefined);
  return answer(ctx, question, 'date', true, headline, items, { detail: 'brief', ...(page ? { page } : {}) });
}

export function answerDeadline(ctx: AskContext, f: Frame, question: string): Answer {
  const all = dated(ctx, f);
  const today = ctx.today();
  const asOf = formatDate(today, ctx.lang);
  if (all.length === 0) return noDeadlines(ctx, f, question);

  if (f.features.has('overdue')) {
    const late = all.filter((r) => isOverdue(r, r.status, today));
    if (late.length === 0)
      return answer(
        ctx,
        question,
        'date',
        true,
        t(ctx.lang, `Không có cam kết nào quá hạn tính đến ${asOf}.`, `Nothing is overdue as of ${asOf}.`),
        [],
      );
    return list(
      ctx,
      question,
      late,
      t(
        ctx.lang,
        `${late.length} cam kết quá hạn tính đến ${asOf}: hạn đã qua, chưa được báo cáo hoàn thành.`,
        `${late.length} commitment${late.length === 1 ? '' : 's'} overdue as of ${asOf}: the deadline has passed and ${late.length === 1 ? 'it is' : 'they are'} not reported done.`,
      ),
    );
  }

  const span = spanAsked(f);
  if (span) {
    const range = spanOf(span, today);
    const due = all.filter((r) => r.by !== undefined && within(r.by, range));
    const name = {
      quarter: t(ctx.lang, 'quý này', 'this quarter'),
      month: t(ctx.lang, 'tháng này', 'this month'),
      year: t(ctx.lang, 'năm nay', 'this year'),
    }[span];
    const when = `${formatDate(range.from, ctx.lang)} – ${formatDate(range.to, ctx.lang)}`;
    if (due.length === 0)
      return answer(
        ctx,
        question,
        'date',
        true,
        t(ctx.lang, `Không có cam kết nào đến hạn ${name} (${when}).`, `Nothing falls due ${name} (${when}).`),
        [],
      );
    return list(
      ctx,
      question,
      due,
      t(
        ctx.lang,
        `${due.length} cam kết đến hạn ${name} (${when}).`,
        `${due.length} commitment${due.length === 1 ? '' : 's'} due ${name} (${when}).`,
      ),
    );
  }

  // One topic's deadline: the commitments that answer the topic, each with its `due` or without.
  const { hits, nearest } = retrieve(ctx, f.topic, ['commitment']);
  const found = hits.map((h) => itemView(ctx, h)).filter((i): i is CommitmentItem => i?.type === 'commitment');
  const withDue = found.filter((i) => i.due);
  if (withDue.length === 0) {
    const near: AnswerItem[] = found.length > 0 ? found.slice(0, 1) : nearest ? [itemView(ctx, nearest)].filter(isDefined) : [];
    const what = f.topic.trim();
    return notFound(
      ctx,
      question,
      'date',
      t(
        ctx.lang,
        `Văn bản không nêu thời hạn cho việc này${what ? ` (“${what}”)` : ''}.`,
        `The source gives no deadline for this${what ? ` (“${what}”)` : ''}.`,
      ),
      near,
    );
  }
  const first = withDue[0] as CommitmentItem & { due: NonNullable<CommitmentItem['due']> };
  const late = first.due.overdue ? t(ctx.lang, `; đã quá hạn tính đến ${asOf}`, `; overdue as of ${asOf}`) : '';
  return answer(
    ctx,
    question,
    'date',
    true,
    `${first.title} (${first.id}): ${first.due.label}${late} — ${t(ctx.lang, 'dòng', 'line')} ${first.due.citation.line}: “${first.due.text}”.`,
    withDue.slice(0, 3),
    { detail: 'brief' },
  );
}

/** No agreement gives a deadline: say so, with the nearest passage on the topic, marked as such. */
function noDeadlines(ctx: AskContext, f: Frame, question: string): Answer {
  const { hits, nearest } = retrieve(ctx, f.topic, ['commitment', 'result', 'fact']);
  const near = hits[0] ?? nearest;
  return notFound(
    ctx,
    question,
    'date',
    t(
      ctx.lang,
      'Văn bản không nêu thời hạn hay ngày hoàn thành nào cho việc này.',
      'The source gives no deadline or completion date for this.',
    ),
    near ? [near] : [],
  );
}
