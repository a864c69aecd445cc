// Answer → Slack Block Kit. Every piece of user or knowledge text is escaped (&, <, >), so a title
// holding "<!channel>" shows literally and pings no one. Slack's limits hold: at most 50 blocks,
// 3,000 characters in a section, 150 in a header.
//
// Views, as in render-text.ts: `short` (the default) is the headline, then each entry in a line
// with its line number (the first with its wording when the answer has few); `full` adds every
// clause's roles with their quotes and notes, the general assignment and every note; `quotes` the
// verbatim citations; `general` the general assignment. Buttons under the answer ask for the others.
import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;
import { groupRoles, type RoleGroup } from '../../src/answer/group-roles.ts';
import { LABELS, type OtherView, pageSummary } from '../../src/answer/i18n.ts';
import { dueShort, renderText, showsWording, shortWording } from '../../src/answer/render-text.ts';
import type { Answer, AnswerItem, AnswerView, CitationView, Lang, StatusView } from '../../src/answer/types.ts';
import { basisLabel } from '../../src/answer/views.ts';
import { NOTICES } from '../../src/answer/notices.ts';
import { moreViews, shownView } from '../views.ts';

export const MAX_BLOCKS = 50;
export const MAX_SECTION = 3000;
const MAX_HEADER = 150;
/** Room kept for the page line, the buttons and a "shortened" note. */
const RESERVED_BLOCKS = 3;

/** Escapes text for mrkdwn: Slack reads <…> as links and mentions, and & as an entity. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts escaped mrkdwn to the section limit, never through an entity or a surrogate pair. */
export function capMrkdwn(text: string, max = MAX_SECTION): string {
  if (text.length <= max) return text;
  const cut = text
    .slice(0, max - 1)
    .replace(/&[a-z]*$/, '')
    .replace(/[\uD800-\uDBFF]$/, '');
  return `${cut}…`;
}

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: capMrkdwn(text) } });
const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text: capMrkdwn(text) }] });
const lineNo = (lang: Lang, n: number) => `_(${LABELS[lang].line} ${n})_`;

function citation(c: CitationView, lang: Lang): string {
  return `📄 _${escapeMrkdwn(c.agreementTitle)}, ${LABELS[lang].line} ${c.line}_: “${escapeMrkdwn(c.quote)}”`;
}

/** A role; `withQuote` false gives its line number only, and leaves out an inferred role's note (the short form). */
function role(r: RoleGroup, lang: Lang, withQuote = true): string {
  const who = r.parties.map((p) => escapeMrkdwn(p.name)).join(', ');
  const basis = r.basis === 'stated' ? `✅ ${basisLabel('stated', lang)}` : `💭 ${basisLabel('inferred', lang)}`;
  const where = r.citation
    ? withQuote
      ? ` — ${LABELS[lang].line} ${r.citation.line}: “${escapeMrkdwn(r.citation.quote)}”`
      : ` ${lineNo(lang, r.citation.line)}`
    : '';
  const why = withQuote && r.basis === 'inferred' && r.note ? ` — ${escapeMrkdwn(r.note)}` : '';
  const context = r.context ? ` — _${escapeMrkdwn(r.context)}_` : '';
  return `• *${who}*: ${escapeMrkdwn(r.roleLabel)} (${escapeMrkdwn(basis)})${context}${where}${why}`;
}

/** A status in a short line; one set in chat says by whom and when, since the source does not. */
const statusShort = (s: StatusView) => escapeMrkdwn(s.update ? `${s.label} (${s.asOfLabel})` : s.label);

/** A title, with the Vietnamese original beside an English one. */
const titled = (item: AnswerItem) => (item.original ? `${item.title} (${item.original})` : item.title);

const dueOf = (item: AnswerItem, lang: Lang) =>
  item.type === 'commitment' && item.due ? ` · ${escapeMrkdwn(dueShort(item.due, lang))}` : '';

/** One entry of a short answer, in mrkdwn lines: what it is, its status, its line; `alone` adds its wording. */
function shortLines(item: AnswerItem, lang: Lang, alone: boolean): string[] {
  const at = lineNo(lang, item.citation.line);
  switch (item.type) {
    case 'commitment':
      return [
        `*${escapeMrkdwn(`${item.id} · ${titled(item)}`)}* — ${statusShort(item.status)}${dueOf(item, lang)} ${at}`,
        ...(alone ? [escapeMrkdwn(shortWording(item.text))] : []),
        ...(alone && item.status.update?.note ? [`${LABELS[lang].updateNote}: ${escapeMrkdwn(item.status.update.note)}`] : []),
        ...groupRoles(item.roles)
          .filter((r) => alone || r.basis === 'stated')
          .map((r) => role(r, lang, false)),
      ];
    case 'result':
      return [
        `*${escapeMrkdwn(`${item.id} · ${titled(item)}`)}* — ${statusShort(item.status)} ${at}`,
        ...(alone ? [escapeMrkdwn(shortWording(item.text))] : []),
      ];
    case 'fact':
      return [`*${escapeMrkdwn(titled(item))}* ${at}`, ...(alone ? [escapeMrkdwn(shortWording(item.text))] : [])];
    case 'person':
      return [
        `👤 *${escapeMrkdwn(item.name)}*${item.province ? ` _(${escapeMrkdwn(item.province)})_` : ''}: ${item.titles.map((x) => `${escapeMrkdwn(x.text)}${x.text !== x.original ? ` _(${escapeMrkdwn(x.original)})_` : ''}`).join(', ')} ${at}`,
      ];
    case 'body':
      return [`🏛 *${escapeMrkdwn(item.name)}*${lang === 'en' && item.otherName ? ` _(${escapeMrkdwn(item.otherName)})_` : ''} ${at}`];
    case 'agreement':
      return [`📜 *${escapeMrkdwn(item.title)}*`];
    default: {
      const never: never = item;
      return never;
    }
  }
}

/** The blocks for one item in full: a section with what it is, and a context line with its source and status. */
export function itemBlocks(item: AnswerItem, lang: Lang): KnownBlock[] {
  switch (item.type) {
    case 'commitment':
    case 'result': {
      const note = item.status.update?.note ? ` — ${escapeMrkdwn(item.status.update.note)}` : '';
      const status = `${LABELS[lang].status}: *${escapeMrkdwn(item.status.label)}* _(${escapeMrkdwn(item.status.asOfLabel)})_${note}${dueOf(item, lang)}`;
      const head = `*${escapeMrkdwn(`${item.id} · ${item.title}`)}* _(${escapeMrkdwn(item.areaLabel)})_`;
      const roles =
        item.type === 'commitment'
          ? groupRoles(item.roles).map((r) => role(r, lang))
          : item.parties.length
            ? [`${LABELS[lang].parties}: ${escapeMrkdwn(item.parties.map((p) => p.name).join(', '))}`]
            : [];
      return [section([head, escapeMrkdwn(item.text), ...roles].join('\n')), context(`${citation(item.citation, lang)} · ${status}`)];
    }
    case 'fact':
      return [section(`*${escapeMrkdwn(item.title)}*\n${escapeMrkdwn(item.text)}`), context(citation(item.citation, lang))];
    case 'person':
      return [
        section(
          [
            `👤 *${escapeMrkdwn(item.name)}*${item.province ? ` _(${escapeMrkdwn(item.province)})_` : ''}`,
            ...item.titles.map((x) => `• ${escapeMrkdwn(x.text)}${x.text !== x.original ? ` _(${escapeMrkdwn(x.original)})_` : ''}`),
            `${LABELS[lang].atConference}: ${escapeMrkdwn(item.eventRole)}`,
            ...item.mentions.map((m) => `– ${escapeMrkdwn(m.about)} ${lineNo(lang, m.citation.line)}`),
          ].join('\n'),
        ),
        context(citation(item.citation, lang)),
      ];
    case 'body':
      return [
        section(
          `🏛 *${escapeMrkdwn(item.name)}*${item.otherName ? ` _(${escapeMrkdwn(item.otherName)})_` : ''}${item.description ? `\n${escapeMrkdwn(item.description)}` : ''}`,
        ),
        context(citation(item.citation, lang)),
      ];
    case 'agreement':
      return [
        section(
          [
            `📜 *${escapeMrkdwn(item.title)}*`,
            ...item.facts.map(
              (f) => `• *${escapeMrkdwn(f.label)}*: ${escapeMrkdwn(f.value)}${f.citation ? ` ${lineNo(lang, f.citation.line)}` : ''}`,
            ),
          ].join('\n'),
        ),
      ];
    default: {
      const never: never = item;
      return never;
    }
  }
}

function generalBlocks(answer: Answer): KnownBlock[] {
  if (answer.generalRoles.length === 0) return [];
  const lang = answer.lang;
  return [section([`*${escapeMrkdwn(LABELS[lang].general)}*`, ...groupRoles(answer.generalRoles).map((r) => role(r, lang))].join('\n'))];
}

const suggestions = (answer: Answer) =>
  section([`*${escapeMrkdwn(LABELS[answer.lang].youCanAsk)}*`, ...answer.suggestions.map((s) => `› \`${escapeMrkdwn(s)}\``)].join('\n'));

/** The body of one answer (not a multi-part one) in one view, below its headline. */
function viewBlocks(answer: Answer, view: AnswerView): KnownBlock[] {
  const lang = answer.lang;
  if (view === 'general') {
    const general = generalBlocks(answer);
    return general.length > 0 ? general : [context(escapeMrkdwn(LABELS[lang].noGeneral))];
  }
  if (view === 'quotes') {
    const quotes = [...answer.items, ...(answer.nearest ?? [])].map((item) => section(`• ${citation(item.citation, lang)}`));
    return quotes.length > 0 ? quotes : [context(escapeMrkdwn(LABELS[lang].noQuotes))];
  }
  const full = view === 'full';
  const body: KnownBlock[] = [];
  const assignments = groupRoles(answer.assignments ?? []);
  if (assignments.length > 0) body.push(section(assignments.map((r) => role(r, lang, full || assignments.length <= 2)).join('\n')));
  // Short: one line per entry, and the wording of the first only, when there are few.
  const withText = showsWording(answer);
  for (const [n, item] of answer.items.entries())
    body.push(...(full ? itemBlocks(item, lang) : [section(shortLines(item, lang, withText && n === 0).join('\n'))]));
  if (answer.nearest && answer.nearest.length > 0)
    body.push(
      section([`*${escapeMrkdwn(LABELS[lang].nearest)}*`, ...answer.nearest.flatMap((item) => shortLines(item, lang, false))].join('\n')),
    );
  if (full) {
    body.push(...generalBlocks(answer));
    if (answer.notes.length > 0) body.push(context(answer.notes.map((n) => `ℹ️ ${escapeMrkdwn(n)}`).join('\n')));
    if (answer.suggestions.length > 0) body.push(suggestions(answer));
    return body;
  }
  // Short: one note (the "as of" date, or why nothing was found); examples after a miss or for help.
  if (answer.notes[0]) body.push(context(`ℹ️ ${escapeMrkdwn(answer.notes[0])}`));
  if ((!answer.found || answer.intent === 'help') && answer.suggestions.length > 0) body.push(suggestions(answer));
  return body;
}

export interface SlackMessage {
  /** Plain-text fallback, for notifications and clients without blocks. */
  text: string;
  blocks: KnownBlock[];
}

/** Actions the renderer can attach; the app gives their values. */
export interface RenderActions {
  /** Paging buttons: value for a page number. */
  page?: (page: number) => string;
  /** Buttons that show the same answer another way ("Chi tiết", "Trích dẫn", "Phân công chung"): value for a view. */
  views?: (view: OtherView) => string;
  /** A "share in channel" button (slash command answers). */
  share?: string;
}

export const ACTION = {
  prev: 'mou_page_prev',
  next: 'mou_page_next',
  share: 'mou_share',
  view: { full: 'mou_view_full', quotes: 'mou_view_quotes', general: 'mou_view_general' } satisfies Record<OtherView, string>,
} as const;

const button = (action_id: string, text: string, value: string) => ({
  type: 'button' as const,
  action_id,
  text: { type: 'plain_text' as const, text },
  value,
});

/**
 * The answer as Block Kit, in `view`, or else the view the answer asks for, or else short; a
 * message of several questions part by part, numbered. The buttons offer the other views that
 * would add something (adapters/views.ts), so the plain-text fallback leaves out the line that
 * says what to type for them.
 */
export function renderSlack(answer: Answer, actions: RenderActions = {}, view?: AnswerView): SlackMessage {
  const lang = answer.lang;
  const blocks: KnownBlock[] = [];
  let body: KnownBlock[];
  if (answer.parts && answer.parts.length > 0) {
    body = answer.parts.flatMap((part, n) => [
      section(`*${capMrkdwn(escapeMrkdwn(`${n + 1}) ${part.headline}`), MAX_SECTION - 2)}*`),
      ...viewBlocks(part, shownView(part, view)),
    ]);
  } else {
    // Slack reads &, < and > as control characters in plain_text too, so the header is escaped like the rest.
    const headline = escapeMrkdwn(answer.headline);
    blocks.push({
      type: 'header',
      text: { type: 'plain_text', text: headline.trim() === '' ? '…' : capMrkdwn(headline, MAX_HEADER), emoji: true },
    });
    if (headline.length > MAX_HEADER) blocks.push(section(headline));
    body = viewBlocks(answer, shownView(answer, view));
  }

  const room = MAX_BLOCKS - blocks.length - RESERVED_BLOCKS;
  blocks.push(...body.slice(0, room));
  if (body.length > room) blocks.push(context(escapeMrkdwn(NOTICES.shortened[lang])));

  const buttons = [];
  if (answer.page) blocks.push(context(escapeMrkdwn(pageSummary(answer.page, lang))));
  if (answer.page && actions.page) {
    const { index, pages } = answer.page;
    if (index > 1) buttons.push(button(ACTION.prev, '◀', actions.page(index - 1)));
    if (index < pages) buttons.push(button(ACTION.next, '▶', actions.page(index + 1)));
  }
  const shown = view ?? answer.view;
  if (actions.views)
    for (const v of moreViews(answer, shown ?? 'short')) buttons.push(button(ACTION.view[v], LABELS[lang].view[v], actions.views(v)));
  if (actions.share) buttons.push(button(ACTION.share, NOTICES.shareInChannel[lang], actions.share));
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });

  // The fallback is plain text; escaping keeps "<!channel>" in data from pinging anyone there too.
  return {
    text: capMrkdwn(escapeMrkdwn(renderText(answer, shown, { typedHints: actions.views === undefined }))),
    blocks: blocks.slice(0, MAX_BLOCKS),
  };
}
