// Plain-text rendering of an Answer: the console chat and `npm run ask` print this, and the
// evaluation checks it. Adapters with richer markup render the same structure their own way.
import { CONTROL } from '../text/normalize.ts';
import { basisLabel } from './views.ts';
import { pageUnit, t } from './i18n.ts';
import { groupRoles, type RoleGroup } from './group-roles.ts';
import type { Answer, AnswerItem, CitationView, Lang } from './types.ts';

/** Terminal escape sequences and other controls must never reach the user's terminal from data. */
export function stripControls(text: string): string {
  return text.replace(CONTROL, '');
}

export function citationText(c: CitationView, lang: Lang): string {
  return `${t(lang, 'Nguồn', 'Source')}: ${c.agreementTitle}, ${c.file} ${t(lang, 'dòng', 'line')} ${c.line}: “${c.quote}”`;
}

export function roleText(r: RoleGroup, lang: Lang): string {
  const basis = basisLabel(r.basis, lang);
  const why = r.basis === 'inferred' && r.note ? ` — ${r.note}` : '';
  const where = r.citation ? ` (${t(lang, 'dòng', 'line')} ${r.citation.line}: “${r.citation.quote}”)` : '';
  return `${r.parties.map((p) => p.name).join(', ')} — ${r.roleLabel} [${basis}]${where}${why}`;
}

/** One line per item, for long lists: what it is, its status, and where the source says it. */
function briefLines(item: AnswerItem, lang: Lang): string[] {
  const where = `${t(lang, 'dòng', 'line')} ${item.citation.line}`;
  switch (item.type) {
    case 'commitment':
    case 'result':
      return [`■ ${item.id} · ${item.title} — ${item.status.label} (${where}: “${item.citation.quote}”)`];
    default:
      return itemLines(item, lang, 'full');
  }
}

function itemLines(item: AnswerItem, lang: Lang, detail: Answer['detail']): string[] {
  if (detail === 'brief') return briefLines(item, lang);
  switch (item.type) {
    case 'commitment':
      return [
        `■ ${item.id} · ${item.title} (${item.areaLabel})`,
        `  ${item.text}`,
        `  ${t(lang, 'Trạng thái', 'Status')}: ${item.status.label} (${item.status.asOfLabel})`,
        ...(item.status.update?.note ? [`  ${t(lang, 'Ghi chú cập nhật', 'Update note')}: ${item.status.update.note}`] : []),
        ...groupRoles(item.roles).map((r) => `  • ${roleText(r, lang)}`),
        `  ${citationText(item.citation, lang)}`,
      ];
    case 'result':
      return [
        `■ ${item.id} · ${item.title} (${item.areaLabel})`,
        `  ${item.text}`,
        `  ${t(lang, 'Trạng thái', 'Status')}: ${item.status.label} (${item.status.asOfLabel})`,
        ...(item.status.update?.note ? [`  ${t(lang, 'Ghi chú cập nhật', 'Update note')}: ${item.status.update.note}`] : []),
        ...(item.parties.length ? [`  ${t(lang, 'Các bên', 'Parties')}: ${item.parties.map((p) => p.name).join(', ')}`] : []),
        `  ${citationText(item.citation, lang)}`,
      ];
    case 'fact':
      return [`■ ${item.title}`, `  ${item.text}`, `  ${citationText(item.citation, lang)}`];
    case 'person':
      return [
        `■ ${item.name}${item.province ? ` (${item.province})` : ''}`,
        ...item.titles.map((x) => `  • ${x.text}${x.text !== x.original ? ` (${x.original})` : ''}`),
        `  ${t(lang, 'Tại hội nghị', 'At the conference')}: ${item.eventRole}`,
        ...item.mentions.map((m) => `  – ${m.about} (${t(lang, 'dòng', 'line')} ${m.citation.line})`),
        `  ${citationText(item.citation, lang)}`,
      ];
    case 'body':
      return [
        `■ ${item.name}${item.otherName ? ` (${item.otherName})` : ''}`,
        ...(item.description ? [`  ${item.description}`] : []),
        `  ${citationText(item.citation, lang)}`,
      ];
    case 'agreement':
      return [
        `■ ${item.title}`,
        ...item.facts.map((f) => `  • ${f.label}: ${f.value}${f.citation ? ` (${t(lang, 'dòng', 'line')} ${f.citation.line})` : ''}`),
      ];
    default: {
      const never: never = item;
      return never;
    }
  }
}

/** The whole answer as plain text, in the answer's language. */
export function renderText(answer: Answer): string {
  const lang = answer.lang;
  const out: string[] = [answer.headline];
  if (answer.detail === 'brief' && answer.items.length > 0) out.push('');
  for (const item of answer.items) out.push(...(answer.detail === 'full' ? [''] : []), ...itemLines(item, lang, answer.detail));
  if (answer.generalRoles.length > 0) {
    out.push(
      '',
      t(lang, 'Phân công chung (áp dụng cho mọi nội dung của biên bản):', 'General assignment (applies to every part of the MoU):'),
    );
    for (const r of groupRoles(answer.generalRoles)) out.push(`  • ${roleText(r, lang)}`);
  }
  if (answer.page) {
    const { index, pages, total, size } = answer.page;
    const from = (index - 1) * size + 1;
    const to = Math.min(index * size, total);
    const unit = pageUnit(answer.page, lang);
    out.push(
      '',
      t(
        lang,
        `Trang ${index}/${pages} — ${unit} ${from}–${to} / ${total}.${index < pages ? ' Gõ “tiếp” để xem tiếp.' : ''}`,
        `Page ${index}/${pages} — ${unit} ${from}–${to} of ${total}.${index < pages ? ' Type “more” for the next page.' : ''}`,
      ),
    );
  }
  if (answer.notes.length > 0) out.push('', ...answer.notes.map((n) => `ℹ ${n}`));
  if (answer.suggestions.length > 0) out.push('', t(lang, 'Bạn có thể hỏi:', 'You can ask:'), ...answer.suggestions.map((s) => `  › ${s}`));
  return stripControls(out.join('\n'));
}
