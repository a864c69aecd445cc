// The views of an answer that a platform offers as buttons (Telegram, Slack): "Chi tiết" (full),
// "Trích dẫn" (quotes), "Phân công chung" (general), each only when it would show something the
// answer on screen does not. Pressing one asks the answer's question again and shows it that way.
import type { OtherView } from '../src/answer/i18n.ts';
import { renderText } from '../src/answer/render-text.ts';
import type { Answer, AnswerView } from '../src/answer/types.ts';

export const OTHER_VIEWS: readonly OtherView[] = ['full', 'quotes', 'general'];

/** The view an answer is shown in: the one asked for, or the one the answer asks for ("chi tiết"), or short. */
export const shownView = (answer: Answer, view?: AnswerView): AnswerView => view ?? answer.view ?? 'short';

const partsOf = (answer: Answer) => (answer.parts && answer.parts.length > 0 ? answer.parts : [answer]);

/** What a view says, less its layout (blank lines). */
const said = (answer: Answer, view: AnswerView) =>
  renderText(answer, view, { typedHints: false })
    .split('\n')
    .filter((l) => l.trim() !== '')
    .join('\n');

/** The other views worth a button under an answer shown in `shown`; none under the full view, which holds them all. */
export function moreViews(answer: Answer, shown: AnswerView): OtherView[] {
  if (shown === 'full') return [];
  const adds: Record<OtherView, () => boolean> = {
    full: () => said(answer, 'full') !== said(answer, 'short'),
    quotes: () => partsOf(answer).some((p) => p.items.length + (p.nearest?.length ?? 0) > 0),
    general: () => partsOf(answer).some((p) => p.generalRoles.length > 0),
  };
  return OTHER_VIEWS.filter((v) => v !== shown && adds[v]());
}

/**
 * What asks for this answer again, standalone: its question with the follow-up resolved ("còn Thái
 * Nguyên thì sao?" → "Chủ tịch UBND tỉnh Thái Nguyên là ai?"), in its language. A message of several
 * questions keeps each part's own language, so it gives none.
 */
export function askedAgain(answer: Answer): { text: string; lang?: Answer['lang'] } {
  const text = answer.resolved ?? answer.question;
  return answer.parts && answer.parts.length > 0 ? { text } : { text, lang: answer.lang };
}
