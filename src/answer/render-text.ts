// Plain-text rendering of an Answer: the console chat and `mou-bot ask` print this, and the
// evaluation checks it. Adapters with richer markup render the same structure their own way.
//
// Views. `short` (the default) is what a busy reader sees first: the answer in its first line, then
// at most a page of entries, one or two lines each, every one with its line number. The rest is
// on request: `full` adds the clauses' roles with their quotes and notes, the general assignment,
// every note and suggestions; `quotes` the verbatim citations; `general` the general assignment.
import { CONTROL } from '../text/normalize.ts';
import { groupRoles, type RoleGroup } from './group-roles.ts';
import { LABELS, pageUnit, t } from './i18n.ts';
import type { Answer, AnswerItem, AnswerView, CitationView, DueView, Lang, StatusView } from './types.ts';
import { basisLabel } from './views.ts';

export type View = AnswerView;

/** Terminal escape sequences and other controls must never reach the user's terminal from data. */
export function stripControls(text: string): string {
  return text.replace(CONTROL, '');
}

/** Most characters of a clause's wording in a short answer. */
const SHORT_TEXT = 240;

/** At most `max` characters, cut at a word and never inside a surrogate pair. */
function cut(s: string, max: number): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  const head = chars.slice(0, max - 1).join('');
  return `${head.replace(/\s+\S*$/, '') || head}…`;
}

/** A clause's wording as a short answer shows it (every renderer: plain text, Telegram, Slack). */
export const shortWording = (text: string) => cut(text, SHORT_TEXT);

export function citationText(c: CitationView, lang: Lang): string {
  return `${LABELS[lang].source}: ${c.agreementTitle}, ${c.file} ${LABELS[lang].line} ${c.line}: “${c.quote}”`;
}

export function roleText(r: RoleGroup, lang: Lang, withQuote = true): string {
  const basis = basisLabel(r.basis, lang);
  const why = withQuote && r.basis === 'inferred' && r.note ? ` — ${r.note}` : '';
  const where = r.citation
    ? withQuote
      ? ` (${LABELS[lang].line} ${r.citation.line}: “${r.citation.quote}”)`
      : ` (${LABELS[lang].line} ${r.citation.line})`
    : '';
  const context = r.context ? ` — ${r.context}` : '';
  return `${r.parties.map((p) => p.name).join(', ')} — ${r.roleLabel} [${basis}]${context}${where}${why}`;
}

const line = (lang: Lang, n: number) => `${LABELS[lang].line} ${n}`;

/** A status in a short line; one set in chat says by whom and when, since the source does not. */
const statusShort = (s: StatusView) => (s.update ? `${s.label} (${s.asOfLabel})` : s.label);

/** "hạn: 30/6/2024 (quá hạn)". */
export const dueShort = (due: DueView, lang: Lang) => (due.overdue ? `${due.label} (${LABELS[lang].overdue})` : due.label);

/** A title, with the Vietnamese original beside an English one. */
const titled = (item: AnswerItem) => (item.original ? `${item.title} (${item.original})` : item.title);

/** One entry in a short answer: what it is, its status, where; and in a short list, its wording and roles. */
function shortLines(item: AnswerItem, lang: Lang, alone: boolean): string[] {
  switch (item.type) {
    case 'commitment':
      return [
        `■ ${item.id} · ${titled(item)} — ${statusShort(item.status)}${item.due ? ` · ${dueShort(item.due, lang)}` : ''} (${line(lang, item.citation.line)})`,
        ...(alone ? [`  ${shortWording(item.text)}`] : []),
        ...(alone && item.status.update?.note ? [`  ${LABELS[lang].updateNote}: ${item.status.update.note}`] : []),
        ...groupRoles(item.roles)
          .filter((r) => alone || r.basis === 'stated')
          .map((r) => `  • ${roleText(r, lang, false)}`),
      ];
    case 'result':
      return [
        `■ ${item.id} · ${titled(item)} — ${statusShort(item.status)} (${line(lang, item.citation.line)})`,
        ...(alone ? [`  ${shortWording(item.text)}`] : []),
      ];
    case 'fact':
      return [`■ ${titled(item)} (${line(lang, item.citation.line)})`, ...(alone ? [`  ${shortWording(item.text)}`] : [])];
    case 'person':
      return [
        `■ ${item.name}${item.province ? ` (${item.province})` : ''}: ${item.titles.map((x) => (x.text === x.original ? x.text : `${x.text} (${x.original})`)).join(', ')} (${line(lang, item.citation.line)})`,
      ];
    case 'body':
      return [`■ ${item.name}${lang === 'en' && item.otherName ? ` (${item.otherName})` : ''} (${line(lang, item.citation.line)})`];
    case 'agreement':
      return [`■ ${item.title}`];
    default: {
      const never: never = item;
      return never;
    }
  }
}

/** Most entries a short answer shows with their wording; longer lists show one line each. */
const WITH_TEXT = 3;

/** One entry in full: everything the source says of it, with its verbatim source. */
function fullLines(item: AnswerItem, lang: Lang): string[] {
  switch (item.type) {
    case 'commitment':
      return [
        `■ ${item.id} · ${item.title} (${item.areaLabel})`,
        `  ${item.text}`,
        `  ${LABELS[lang].status}: ${item.status.label} (${item.status.asOfLabel})`,
        ...(item.status.update?.note ? [`  ${LABELS[lang].updateNote}: ${item.status.update.note}`] : []),
        ...(item.due ? [`  ${dueShort(item.due, lang)} — ${citationText(item.due.citation, lang)}`] : []),
        ...groupRoles(item.roles).map((r) => `  • ${roleText(r, lang)}`),
        `  ${citationText(item.citation, lang)}`,
      ];
    case 'result':
      return [
        `■ ${item.id} · ${item.title} (${item.areaLabel})`,
        `  ${item.text}`,
        `  ${LABELS[lang].status}: ${item.status.label} (${item.status.asOfLabel})`,
        ...(item.status.update?.note ? [`  ${LABELS[lang].updateNote}: ${item.status.update.note}`] : []),
        ...(item.parties.length ? [`  ${LABELS[lang].parties}: ${item.parties.map((p) => p.name).join(', ')}`] : []),
        `  ${citationText(item.citation, lang)}`,
      ];
    case 'fact':
      return [`■ ${item.title}`, `  ${item.text}`, `  ${citationText(item.citation, lang)}`];
    case 'person':
      return [
        `■ ${item.name}${item.province ? ` (${item.province})` : ''}`,
        ...item.titles.map((x) => `  • ${x.text}${x.text !== x.original ? ` (${x.original})` : ''}`),
        `  ${LABELS[lang].atConference}: ${item.eventRole}`,
        ...item.mentions.map((m) => `  – ${m.about} (${line(lang, m.citation.line)})`),
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
        ...item.facts.map((f) => `  • ${f.label}: ${f.value}${f.citation ? ` (${line(lang, f.citation.line)})` : ''}`),
      ];
    default: {
      const never: never = item;
      return never;
    }
  }
}

function pageLine(answer: Answer): string[] {
  if (!answer.page) return [];
  const lang = answer.lang;
  const { index, pages, total, size } = answer.page;
  const from = (index - 1) * size + 1;
  const to = Math.min(index * size, total);
  const unit = pageUnit(answer.page, lang);
  const { page: word, typed } = LABELS[lang];
  return [
    t(
      lang,
      `${word} ${index}/${pages} — ${unit} ${from}–${to} / ${total}.${index < pages ? ` Gõ “${typed.more}” để xem tiếp.` : ''}`,
      `${word} ${index}/${pages} — ${unit} ${from}–${to} of ${total}.${index < pages ? ` Type “${typed.more}” for the next page.` : ''}`,
    ),
  ];
}

/** What the details view would add: said once under a short answer, so readers know to ask. */
function moreLine(answer: Answer): string[] {
  const lang = answer.lang;
  const { typed } = LABELS[lang];
  const more: string[] = [];
  if (answer.items.some((i) => i.type === 'commitment' || i.type === 'result' || i.type === 'fact')) more.push(typed.quotes);
  if (answer.generalRoles.length > 0) more.push(t(lang, typed.general, `the ${typed.general}`));
  if (more.length === 0 || !answer.found) return [];
  return [t(lang, `Gõ “${typed.full}” để xem ${more.join(', ')}.`, `Type “${typed.full}” for ${more.join(' and ')}.`)];
}

/** The roles that are the answer; with their quotes when there are few of them (or in full). */
function assignmentLines(answer: Answer, full: boolean): string[] {
  const groups = groupRoles(answer.assignments ?? []);
  return groups.map((r) => `  • ${roleText(r, answer.lang, full || groups.length <= 2)}`);
}

function generalLines(answer: Answer): string[] {
  if (answer.generalRoles.length === 0) return [];
  const lang = answer.lang;
  return [LABELS[lang].general, ...groupRoles(answer.generalRoles).map((r) => `  • ${roleText(r, lang)}`)];
}

/** Whether a short answer shows its first entry's wording: a few entries, not a brief list. */
export const showsWording = (answer: Answer) => answer.items.length <= WITH_TEXT && answer.detail !== 'brief';

export interface TextOptions {
  /**
   * Whether a short answer says what to type for more (“Gõ “chi tiết” để xem trích dẫn.”). Default
   * true (the console, the command line); off where buttons offer the same (Telegram, Slack).
   */
  typedHints?: boolean;
}

function renderOne(answer: Answer, view: View, options: TextOptions): string[] {
  const lang = answer.lang;
  const out: string[] = [answer.headline];
  if (view === 'general') return [...out, '', ...(generalLines(answer).length > 0 ? generalLines(answer) : [LABELS[lang].noGeneral])];
  if (view === 'quotes') {
    const quotes = [...answer.items, ...(answer.nearest ?? [])].map((i) => `• ${citationText(i.citation, lang)}`);
    return [...out, '', ...(quotes.length > 0 ? quotes : [LABELS[lang].noQuotes])];
  }
  const full = view === 'full';
  if (answer.assignments && answer.assignments.length > 0) out.push(...assignmentLines(answer, full));
  if (answer.items.length > 0) out.push('');
  // In a short answer only the first entry, the answer itself, shows its wording; the rest are one line each.
  const withText = showsWording(answer);
  for (const [i, item] of answer.items.entries()) out.push(...(full ? fullLines(item, lang) : shortLines(item, lang, withText && i === 0)));
  if (answer.nearest && answer.nearest.length > 0) {
    out.push('', LABELS[lang].nearest);
    for (const item of answer.nearest) out.push(...shortLines(item, lang, false));
  }
  const page = pageLine(answer);
  if (page.length > 0) out.push('', ...page);
  if (full) {
    const general = generalLines(answer);
    if (general.length > 0) out.push('', ...general);
    if (answer.notes.length > 0) out.push('', ...answer.notes.map((n) => `ℹ ${n}`));
    if (answer.suggestions.length > 0) out.push('', LABELS[lang].youCanAsk, ...answer.suggestions.map((s) => `  › ${s}`));
    return out;
  }
  // Short: one note (the "as of" date, or why nothing was found), and a pointer to the details.
  if (answer.notes[0]) out.push('', `ℹ ${answer.notes[0]}`);
  // Examples are the answer to a request for help, and a way on after a miss.
  if ((!answer.found || answer.intent === 'help') && answer.suggestions.length > 0)
    out.push(LABELS[lang].youCanAsk, ...answer.suggestions.map((s) => `  › ${s}`));
  if (options.typedHints !== false) out.push(...moreLine(answer));
  return out;
}

/**
 * The answer as plain text, in the answer's language: in `view`, or else the view the answer asks
 * for, or else short; a multi-part answer part by part.
 */
export function renderText(answer: Answer, view?: View, options: TextOptions = {}): string {
  if (answer.parts && answer.parts.length > 0) {
    const blocks = answer.parts.map((p, i) => [`${i + 1}) ${renderOne(p, view ?? p.view ?? 'short', options).join('\n')}`].join('\n'));
    return stripControls(blocks.join('\n\n'));
  }
  return stripControls(renderOne(answer, view ?? answer.view ?? 'short', options).join('\n'));
}
