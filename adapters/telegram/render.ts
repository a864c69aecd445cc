// Answer → Telegram HTML messages. Every piece of user or knowledge text goes through `escapeHtml`,
// so a title holding "<b>", "&" or "<script>" shows literally. Each rendered line closes every tag
// it opens, which is what lets long answers be split at any line boundary (never inside a tag).
import { dueShort } from '../../src/answer/render-text.ts';
import { groupRoles, type RoleGroup } from '../../src/answer/group-roles.ts';
import { pageUnit, t } from '../../src/answer/i18n.ts';
import type { Answer, AnswerItem, CitationView, Lang } from '../../src/answer/types.ts';
import { basisLabel } from '../../src/answer/views.ts';

/** Telegram's limit for one message's text, in UTF-16 code units after entity parsing. We count before parsing, which is stricter. */
export const MESSAGE_LIMIT = 4096;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const b = (s: string) => `<b>${escapeHtml(s)}</b>`;
const i = (s: string) => `<i>${escapeHtml(s)}</i>`;

function citation(c: CitationView, lang: Lang): string {
  return `📄 ${i(`${c.agreementTitle}, ${t(lang, 'dòng', 'line')} ${c.line}`)}: “${escapeHtml(c.quote)}”`;
}

function role(r: RoleGroup, lang: Lang): string {
  const who = r.parties.map((p) => p.name).join(', ');
  const basis = r.basis === 'stated' ? `✅ ${basisLabel('stated', lang)}` : `💭 ${basisLabel('inferred', lang)}`;
  const where = r.citation ? ` — ${t(lang, 'dòng', 'line')} ${r.citation.line}: “${escapeHtml(r.citation.quote)}”` : '';
  const why = r.basis === 'inferred' && r.note ? ` — ${escapeHtml(r.note)}` : '';
  const context = r.context ? ` — ${i(r.context)}` : '';
  return `• ${b(who)}: ${escapeHtml(r.roleLabel)} (${escapeHtml(basis)})${context}${where}${why}`;
}

function statusLine(item: Extract<AnswerItem, { status: unknown }>, lang: Lang): string {
  const note = item.status.update?.note ? ` — ${escapeHtml(item.status.update.note)}` : '';
  return `${t(lang, 'Trạng thái', 'Status')}: ${b(item.status.label)} ${i(`(${item.status.asOfLabel})`)}${note}${dueOf(item, lang)}`;
}

const dueOf = (item: AnswerItem, lang: Lang) =>
  item.type === 'commitment' && item.due ? ` · ${escapeHtml(dueShort(item.due, lang))}` : '';

/** One item as HTML lines, in full or (for long lists) one line with status and source. */
export function itemLines(item: AnswerItem, lang: Lang, detail: Answer['detail']): string[] {
  if (detail === 'brief' && (item.type === 'commitment' || item.type === 'result')) {
    return [
      `▪️ ${b(`${item.id} · ${item.title}`)} — ${escapeHtml(item.status.label)}${dueOf(item, lang)} ${i(`(${t(lang, 'dòng', 'line')} ${item.citation.line})`)}`,
    ];
  }
  switch (item.type) {
    case 'commitment':
      return [
        `▪️ ${b(`${item.id} · ${item.title}`)} ${i(`(${item.areaLabel})`)}`,
        escapeHtml(item.text),
        statusLine(item, lang),
        ...groupRoles(item.roles).map((r) => role(r, lang)),
        citation(item.citation, lang),
      ];
    case 'result':
      return [
        `▪️ ${b(`${item.id} · ${item.title}`)} ${i(`(${item.areaLabel})`)}`,
        escapeHtml(item.text),
        statusLine(item, lang),
        ...(item.parties.length ? [`${t(lang, 'Các bên', 'Parties')}: ${escapeHtml(item.parties.map((p) => p.name).join(', '))}`] : []),
        citation(item.citation, lang),
      ];
    case 'fact':
      return [`▪️ ${b(item.title)}`, escapeHtml(item.text), citation(item.citation, lang)];
    case 'person':
      return [
        `👤 ${b(item.name)}${item.province ? ` ${i(`(${item.province})`)}` : ''}`,
        ...item.titles.map((x) => `• ${escapeHtml(x.text)}${x.text !== x.original ? ` ${i(`(${x.original})`)}` : ''}`),
        `${t(lang, 'Tại hội nghị', 'At the conference')}: ${escapeHtml(item.eventRole)}`,
        citation(item.citation, lang),
      ];
    case 'body':
      return [
        `🏛 ${b(item.name)}${item.otherName ? ` ${i(`(${item.otherName})`)}` : ''}`,
        ...(item.description ? [escapeHtml(item.description)] : []),
        citation(item.citation, lang),
      ];
    case 'agreement':
      return [
        `📜 ${b(item.title)}`,
        ...item.facts.map(
          (f) => `• ${b(f.label)}: ${escapeHtml(f.value)}${f.citation ? ` ${i(`(${t(lang, 'dòng', 'line')} ${f.citation.line})`)}` : ''}`,
        ),
      ];
    default: {
      const never: never = item;
      return never;
    }
  }
}

/** The whole answer as HTML lines; blank strings separate blocks. */
export function answerLines(answer: Answer): string[] {
  const lang = answer.lang;
  const out: string[] = [b(answer.headline)];
  if (answer.detail === 'brief' && answer.items.length) out.push('');
  for (const item of answer.items) out.push(...(answer.detail === 'full' ? [''] : []), ...itemLines(item, lang, answer.detail));
  if (answer.generalRoles.length > 0) {
    out.push('', b(t(lang, 'Phân công chung (cho mọi nội dung của biên bản):', 'General assignment (for every part of the MoU):')));
    out.push(...groupRoles(answer.generalRoles).map((r) => role(r, lang)));
  }
  if (answer.page)
    out.push(
      '',
      i(
        t(
          lang,
          `Trang ${answer.page.index}/${answer.page.pages} · ${answer.page.total} ${pageUnit(answer.page, lang)}`,
          `Page ${answer.page.index}/${answer.page.pages} · ${answer.page.total} ${pageUnit(answer.page, lang)}`,
        ),
      ),
    );
  if (answer.notes.length > 0) out.push('', ...answer.notes.map((n) => `ℹ️ ${i(n)}`));
  if (answer.suggestions.length > 0)
    out.push('', b(t(lang, 'Bạn có thể hỏi:', 'You can ask:')), ...answer.suggestions.map((s) => `› <code>${escapeHtml(s)}</code>`));
  return out;
}

/** Plain text of one HTML line, for the rare line too long for one message. */
function unescapeTags(line: string): string {
  return line
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Splits lines into messages of at most `limit` characters, at line boundaries. A single line
 * longer than the limit loses its formatting and is cut into plain, re-escaped pieces.
 */
export function splitMessages(lines: string[], limit = MESSAGE_LIMIT): string[] {
  const pieces: string[] = [];
  for (const line of lines) {
    if (line.length <= limit) {
      pieces.push(line);
      continue;
    }
    let rest = unescapeTags(line);
    while (rest.length > 0) {
      // Cut the raw text so that its escaped form fits, and never between a surrogate pair.
      let n = Math.min(rest.length, Math.floor(limit / 5));
      if (/[\uD800-\uDBFF]/.test(rest.charAt(n - 1))) n--;
      pieces.push(escapeHtml(rest.slice(0, n)));
      rest = rest.slice(n);
    }
  }
  const messages: string[] = [];
  let current = '';
  for (const p of pieces) {
    const next = current === '' ? p : `${current}\n${p}`;
    if (next.length > limit && current !== '') {
      messages.push(current.trim());
      current = p;
    } else current = next;
  }
  if (current.trim() !== '') messages.push(current.trim());
  return messages.length > 0 ? messages : [''];
}

export function renderTelegram(answer: Answer): string[] {
  return splitMessages(answerLines(answer));
}
