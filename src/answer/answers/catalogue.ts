// Answers about the knowledge as a whole or by id: how many commitments there are, one clause by
// its id ("C17"), and how to use the bot.
import type { AskContext, ClauseRef } from '../context.ts';
import { agreementOf } from '../context.ts';
import { EXAMPLES, t } from '../i18n.ts';
import type { Answer } from '../types.ts';
import { agreementItem, isDefined, itemView } from '../views.ts';
import { answer, OPEN, pageOfItems, statusNotes } from './compose.ts';
import { agreementName } from './topic.ts';

/** "Có tổng cộng bao nhiêu cam kết?": per agreement, how many, and how many are not reported done. */
export function answerCount(ctx: AskContext, question: string): Answer {
  const lines = ctx.items.agreements.map(({ a, commitments }) => {
    let open = 0;
    let continuing = 0;
    for (const row of commitments) {
      const s = ctx.statusOf(a.id, row.id, row.status).status;
      if (OPEN.has(s)) open++;
      if (s === 'ongoing') continuing++;
    }
    return t(
      ctx.lang,
      `${agreementName(ctx, a)}: ${commitments.length} cam kết, ${open} chưa được báo cáo là hoàn thành${continuing > 0 ? ` (${continuing} tiếp tục)` : ''}.`,
      `${agreementName(ctx, a)}: ${commitments.length} commitments, ${open} not reported done${continuing > 0 ? ` (${continuing} continuing)` : ''}.`,
    );
  });
  const { items: shown, page } = pageOfItems(ctx, lines);
  return answer(ctx, question, 'count', true, shown.join('\n'), [], page ? { page: { ...page, of: 'agreements' } } : {});
}

/** "Các nhóm nội dung hợp tác": each area with how many commitments, and their ids. */
export function answerAreas(ctx: AskContext, question: string): Answer {
  const byArea = new Map<string, string[]>();
  let total = 0;
  for (const { commitments } of ctx.items.agreements) {
    for (const row of commitments) {
      const ids = byArea.get(row.area);
      if (ids) ids.push(row.id);
      else byArea.set(row.area, [row.id]);
      total++;
    }
  }
  const lines = ctx.knowledge.glossary.areas
    .filter((a) => byArea.has(a.id))
    .map((a) => {
      const ids = [...new Set(byArea.get(a.id))];
      const shown = ids.length > 6 ? `${ids.slice(0, 6).join(', ')}…` : ids.join(', ');
      return `• ${ctx.lang === 'en' ? `${a.en} (${a.vi})` : a.vi}: ${(byArea.get(a.id) ?? []).length} (${shown})`;
    });
  const headline = t(ctx.lang, `${total} cam kết, theo ${lines.length} nhóm nội dung:`, `${total} commitments, in ${lines.length} areas:`);
  return answer(ctx, question, 'count', true, `${headline}\n${lines.join('\n')}`, []);
}

/** One or more clauses by id: "C17" names the clause of every agreement that has one. */
export function answerClause(ctx: AskContext, question: string, ids: readonly ClauseRef[]): Answer {
  const { items: shown, page } = pageOfItems(ctx, ids);
  const items = shown.map((x) => itemView(ctx, x)).filter(isDefined);
  const headline = items.map((i) => `${i.id}: ${i.title} (${t(ctx.lang, 'dòng', 'line')} ${i.citation.line})`).join(' · ');
  return answer(ctx, question, 'clause', true, headline, items, {
    notes: statusNotes(ctx, items),
    ...(page ? { page } : {}),
  });
}

export function answerHelp(ctx: AskContext, question: string, why: 'asked' | 'empty' | 'no-words'): Answer {
  const lang = ctx.lang;
  const headline =
    why === 'asked'
      ? t(
          lang,
          'Tôi trả lời câu hỏi về các biên bản ghi nhớ hợp tác giữa các tỉnh: ai phụ trách việc gì, cam kết nào còn chờ, ai là ai, và điều khoản nằm ở đâu.',
          'I answer questions about inter-provincial cooperation agreements: who is responsible for what, which commitments are pending, who is who, and where a clause says it.',
        )
      : why === 'empty'
        ? t(lang, 'Bạn chưa nhập câu hỏi. Hãy thử một trong các câu sau.', 'You did not ask anything yet. Try one of these.')
        : t(
            lang,
            'Tôi không đọc được câu hỏi này. Hãy hỏi bằng chữ, ví dụ như sau.',
            'I could not read a question in that. Ask in words, for example:',
          );
  if (why !== 'asked') return answer(ctx, question, 'help', false, headline, [], { suggestions: EXAMPLES[lang] });
  const { items, page } = pageOfItems(ctx, ctx.knowledge.agreements);
  return answer(
    ctx,
    question,
    'help',
    true,
    headline,
    items.map((a) => agreementItem(agreementOf(ctx, a.id), lang)),
    { suggestions: EXAMPLES[lang], ...(page ? { page } : {}) },
  );
}
