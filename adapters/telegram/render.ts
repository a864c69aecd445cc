// Answer → Telegram HTML messages. Every piece of user or knowledge text goes through `escapeHtml`,
// so a title holding "<b>", "&" or "<script>" shows literally. Each rendered line closes every tag
// it opens, which is what lets long answers be split at any line boundary (never inside a tag).
//
// Views, as in render-text.ts: `short` (the default) is what a busy reader sees first on a phone:
// the headline, then each entry in a line with its line number (the first with its wording when
// the answer has few entries); `full` adds every clause's roles with their quotes and notes, the
// general assignment and every note; `quotes` the verbatim citations; `general` the general
// assignment. The buttons under an answer (answers.ts) ask for the others.
import { dueShort, showsWording, shortWording } from '../../src/answer/render-text.ts';
import { groupRoles, type RoleGroup } from '../../src/answer/group-roles.ts';
import { LABELS, pageSummary } from '../../src/answer/i18n.ts';
import type { Answer, AnswerItem, AnswerView, CitationView, Lang, StatusView } from '../../src/answer/types.ts';
import { basisLabel } from '../../src/answer/views.ts';
import { shownView } from '../views.ts';

/** Telegram's limit for one message's text, in UTF-16 code units after entity parsing. We count before parsing, which is stricter. */
export const MESSAGE_LIMIT = 4096;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const b = (s: string) => `<b>${escapeHtml(s)}</b>`;
const i = (s: string) => `<i>${escapeHtml(s)}</i>`;
const lineNo = (lang: Lang, n: number) => i(`(${LABELS[lang].line} ${n})`);

function citation(c: CitationView, lang: Lang): string {
  return `📄 ${i(`${c.agreementTitle}, ${LABELS[lang].line} ${c.line}`)}: “${escapeHtml(c.quote)}”`;
}

/** A role; `withQuote` false gives its line number only, and leaves out an inferred role's note (the short form). */
function role(r: RoleGroup, lang: Lang, withQuote = true): string {
  const who = r.parties.map((p) => p.name).join(', ');
  const basis = r.basis === 'stated' ? `✅ ${basisLabel('stated', lang)}` : `💭 ${basisLabel('inferred', lang)}`;
  const where = r.citation
    ? withQuote
      ? ` — ${LABELS[lang].line} ${r.citation.line}: “${escapeHtml(r.citation.quote)}”`
      : ` ${lineNo(lang, r.citation.line)}`
    : '';
  const why = withQuote && r.basis === 'inferred' && r.note ? ` — ${escapeHtml(r.note)}` : '';
  const context = r.context ? ` — ${i(r.context)}` : '';
  return `• ${b(who)}: ${escapeHtml(r.roleLabel)} (${escapeHtml(basis)})${context}${where}${why}`;
}

function statusLine(item: Extract<AnswerItem, { status: unknown }>, lang: Lang): string {
  const note = item.status.update?.note ? ` — ${escapeHtml(item.status.update.note)}` : '';
  return `${LABELS[lang].status}: ${b(item.status.label)} ${i(`(${item.status.asOfLabel})`)}${note}${dueOf(item, lang)}`;
}

const dueOf = (item: AnswerItem, lang: Lang) =>
  item.type === 'commitment' && item.due ? ` · ${escapeHtml(dueShort(item.due, lang))}` : '';

/** A status in a short line; one set in chat says by whom and when, since the source does not. */
const statusShort = (s: StatusView) => escapeHtml(s.update ? `${s.label} (${s.asOfLabel})` : s.label);

/** A title, with the Vietnamese original beside an English one. */
const titled = (item: AnswerItem) => (item.original ? `${item.title} (${item.original})` : item.title);

/**
 * One item as HTML lines: in full (everything the source says of it, with its quotes), or short (a
 * line with its status and line number; `alone`, the answer's only or first entry, adds its wording).
 */
export function itemLines(item: AnswerItem, lang: Lang, form: 'full' | 'short', alone = false): string[] {
  return form === 'full' ? fullLines(item, lang) : shortLines(item, lang, alone);
}

function shortLines(item: AnswerItem, lang: Lang, alone: boolean): string[] {
  const at = lineNo(lang, item.citation.line);
  switch (item.type) {
    case 'commitment':
      return [
        `▪️ ${b(`${item.id} · ${titled(item)}`)} — ${statusShort(item.status)}${dueOf(item, lang)} ${at}`,
        ...(alone ? [escapeHtml(shortWording(item.text))] : []),
        ...(alone && item.status.update?.note ? [`${LABELS[lang].updateNote}: ${escapeHtml(item.status.update.note)}`] : []),
        ...groupRoles(item.roles)
          .filter((r) => alone || r.basis === 'stated')
          .map((r) => role(r, lang, false)),
      ];
    case 'result':
      return [
        `▪️ ${b(`${item.id} · ${titled(item)}`)} — ${statusShort(item.status)} ${at}`,
        ...(alone ? [escapeHtml(shortWording(item.text))] : []),
      ];
    case 'fact':
      return [`▪️ ${b(titled(item))} ${at}`, ...(alone ? [escapeHtml(shortWording(item.text))] : [])];
    case 'person':
      return [
        `👤 ${b(item.name)}${item.province ? ` ${i(`(${item.province})`)}` : ''}: ${item.titles.map((x) => `${escapeHtml(x.text)}${x.text !== x.original ? ` ${i(`(${x.original})`)}` : ''}`).join(', ')} ${at}`,
      ];
    case 'body':
      return [`🏛 ${b(item.name)}${lang === 'en' && item.otherName ? ` ${i(`(${item.otherName})`)}` : ''} ${at}`];
    case 'agreement':
      return [`📜 ${b(item.title)}`];
    default: {
      const never: never = item;
      return never;
    }
  }
}

function fullLines(item: AnswerItem, lang: Lang): string[] {
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
        ...(item.parties.length ? [`${LABELS[lang].parties}: ${escapeHtml(item.parties.map((p) => p.name).join(', '))}`] : []),
        citation(item.citation, lang),
      ];
    case 'fact':
      return [`▪️ ${b(item.title)}`, escapeHtml(item.text), citation(item.citation, lang)];
    case 'person':
      return [
        `👤 ${b(item.name)}${item.province ? ` ${i(`(${item.province})`)}` : ''}`,
        ...item.titles.map((x) => `• ${escapeHtml(x.text)}${x.text !== x.original ? ` ${i(`(${x.original})`)}` : ''}`),
        `${LABELS[lang].atConference}: ${escapeHtml(item.eventRole)}`,
        ...item.mentions.map((m) => `– ${escapeHtml(m.about)} ${lineNo(lang, m.citation.line)}`),
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
        ...item.facts.map((f) => `• ${b(f.label)}: ${escapeHtml(f.value)}${f.citation ? ` ${lineNo(lang, f.citation.line)}` : ''}`),
      ];
    default: {
      const never: never = item;
      return never;
    }
  }
}

function generalLines(answer: Answer): string[] {
  if (answer.generalRoles.length === 0) return [];
  return [b(LABELS[answer.lang].general), ...groupRoles(answer.generalRoles).map((r) => role(r, answer.lang))];
}

const suggestionLines = (answer: Answer) => [
  b(LABELS[answer.lang].youCanAsk),
  ...answer.suggestions.map((s) => `› <code>${escapeHtml(s)}</code>`),
];

/** One answer (not a multi-part one) in one view, as HTML lines; blank strings separate blocks. */
function viewLines(answer: Answer, view: AnswerView): string[] {
  const lang = answer.lang;
  const out: string[] = answer.headline.trim() === '' ? [] : [b(answer.headline)];
  if (view === 'general') {
    const general = generalLines(answer);
    return [...out, '', ...(general.length > 0 ? general : [i(LABELS[lang].noGeneral)])];
  }
  if (view === 'quotes') {
    const quotes = [...answer.items, ...(answer.nearest ?? [])].map((item) => `• ${citation(item.citation, lang)}`);
    return [...out, '', ...(quotes.length > 0 ? quotes : [i(LABELS[lang].noQuotes)])];
  }
  const full = view === 'full';
  const assignments = groupRoles(answer.assignments ?? []);
  out.push(...assignments.map((r) => role(r, lang, full || assignments.length <= 2)));
  // Short: one line per entry, and the wording of the first only, when there are few.
  const withText = showsWording(answer);
  for (const [n, item] of answer.items.entries()) {
    if (full || n === 0) out.push('');
    out.push(...itemLines(item, lang, full ? 'full' : 'short', withText && n === 0));
  }
  if (answer.nearest && answer.nearest.length > 0) {
    out.push('', b(LABELS[lang].nearest));
    for (const item of answer.nearest) out.push(...itemLines(item, lang, 'short'));
  }
  if (answer.page) out.push('', i(pageSummary(answer.page, lang)));
  if (full) {
    const general = generalLines(answer);
    if (general.length > 0) out.push('', ...general);
    if (answer.notes.length > 0) out.push('', ...answer.notes.map((n) => `ℹ️ ${i(n)}`));
    if (answer.suggestions.length > 0) out.push('', ...suggestionLines(answer));
    return out;
  }
  // Short: one note (the "as of" date, or why nothing was found); examples after a miss or for help.
  if (answer.notes[0]) out.push('', `ℹ️ ${i(answer.notes[0])}`);
  if ((!answer.found || answer.intent === 'help') && answer.suggestions.length > 0) out.push('', ...suggestionLines(answer));
  return out;
}

/**
 * The whole answer as HTML lines, in `view`, or else the view the answer asks for, or else short;
 * a message of several questions part by part, numbered.
 */
export function answerLines(answer: Answer, view?: AnswerView): string[] {
  if (!answer.parts || answer.parts.length === 0) return viewLines(answer, shownView(answer, view));
  return answer.parts.flatMap((part, n) => {
    const [first = '', ...rest] = viewLines(part, shownView(part, view));
    return [...(n > 0 ? [''] : []), `${n + 1}) ${first}`, ...rest];
  });
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

/** The answer as Telegram messages (see answerLines for the view). */
export function renderTelegram(answer: Answer, view?: AnswerView): string[] {
  return splitMessages(answerLines(answer, view));
}
