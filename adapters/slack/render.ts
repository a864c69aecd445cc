// Answer → Slack Block Kit. Every piece of user or knowledge text is escaped (&, <, >), so a title
// holding "<!channel>" shows literally and pings no one. Slack's limits hold: at most 50 blocks,
// 3,000 characters in a section, 150 in a header.
import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;
import { groupRoles, type RoleGroup } from '../../src/answer/group-roles.ts';
import { pageUnit, t } from '../../src/answer/i18n.ts';
import { dueShort, renderText } from '../../src/answer/render-text.ts';
import type { Answer, AnswerItem, CitationView, Lang } from '../../src/answer/types.ts';
import { basisLabel } from '../../src/answer/views.ts';

export const MAX_BLOCKS = 50;
export const MAX_SECTION = 3000;
const MAX_HEADER = 150;
/** Room kept for the paging buttons and a "shortened" note. */
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

function citation(c: CitationView, lang: Lang): string {
  return `📄 _${escapeMrkdwn(c.agreementTitle)}, ${t(lang, 'dòng', 'line')} ${c.line}_: “${escapeMrkdwn(c.quote)}”`;
}

function role(r: RoleGroup, lang: Lang): string {
  const who = r.parties.map((p) => escapeMrkdwn(p.name)).join(', ');
  const basis = r.basis === 'stated' ? `✅ ${basisLabel('stated', lang)}` : `💭 ${basisLabel('inferred', lang)}`;
  const where = r.citation ? ` — ${t(lang, 'dòng', 'line')} ${r.citation.line}: “${escapeMrkdwn(r.citation.quote)}”` : '';
  const why = r.basis === 'inferred' && r.note ? ` — ${escapeMrkdwn(r.note)}` : '';
  const context = r.context ? ` — _${escapeMrkdwn(r.context)}_` : '';
  return `• *${who}*: ${escapeMrkdwn(r.roleLabel)} (${escapeMrkdwn(basis)})${context}${where}${why}`;
}

/** The blocks for one item: a section with what it is, and a context line with its source and status. */
export function itemBlocks(item: AnswerItem, lang: Lang, detail: Answer['detail']): KnownBlock[] {
  switch (item.type) {
    case 'commitment':
    case 'result': {
      const note = item.status.update?.note ? ` — ${escapeMrkdwn(item.status.update.note)}` : '';
      const due = item.type === 'commitment' && item.due ? ` · ${escapeMrkdwn(dueShort(item.due, lang))}` : '';
      const status = `${t(lang, 'Trạng thái', 'Status')}: *${escapeMrkdwn(item.status.label)}* _(${escapeMrkdwn(item.status.asOfLabel)})_${note}${due}`;
      const head = `*${escapeMrkdwn(`${item.id} · ${item.title}`)}* _(${escapeMrkdwn(item.areaLabel)})_`;
      if (detail === 'brief')
        return [section(`${head} — ${escapeMrkdwn(item.status.label)}${due}`), context(citation(item.citation, lang))];
      const roles =
        item.type === 'commitment'
          ? groupRoles(item.roles).map((r) => role(r, lang))
          : item.parties.length
            ? [`${t(lang, 'Các bên', 'Parties')}: ${escapeMrkdwn(item.parties.map((p) => p.name).join(', '))}`]
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
            `${t(lang, 'Tại hội nghị', 'At the conference')}: ${escapeMrkdwn(item.eventRole)}`,
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
              (f) =>
                `• *${escapeMrkdwn(f.label)}*: ${escapeMrkdwn(f.value)}${f.citation ? ` _(${t(lang, 'dòng', 'line')} ${f.citation.line})_` : ''}`,
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

export interface SlackMessage {
  /** Plain-text fallback, for notifications and clients without blocks. */
  text: string;
  blocks: KnownBlock[];
}

/** Actions the renderer can attach; the app gives their ids and values. */
export interface RenderActions {
  /** Paging buttons: value for a page number. */
  page?: (page: number) => string;
  /** A "share in channel" button (slash command answers). */
  share?: string;
}

export const ACTION = { prev: 'mou_page_prev', next: 'mou_page_next', share: 'mou_share' } as const;

export function renderSlack(answer: Answer, actions: RenderActions = {}): SlackMessage {
  const lang = answer.lang;
  // Slack reads &, < and > as control characters in plain_text too, so the header is escaped like the rest.
  const headline = escapeMrkdwn(answer.headline);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: headline.trim() === '' ? '…' : capMrkdwn(headline, MAX_HEADER), emoji: true } },
  ];
  if (headline.length > MAX_HEADER) blocks.push(section(headline));
  const body: KnownBlock[] = answer.items.flatMap((item) => itemBlocks(item, lang, answer.detail));
  if (answer.generalRoles.length > 0)
    body.push(
      section(
        [
          `*${escapeMrkdwn(t(lang, 'Phân công chung (cho mọi nội dung của biên bản):', 'General assignment (for every part of the MoU):'))}*`,
          ...groupRoles(answer.generalRoles).map((r) => role(r, lang)),
        ].join('\n'),
      ),
    );
  if (answer.notes.length > 0) body.push(context(answer.notes.map((n) => `ℹ️ ${escapeMrkdwn(n)}`).join('\n')));
  if (answer.suggestions.length > 0)
    body.push(
      section(
        [
          `*${escapeMrkdwn(t(lang, 'Bạn có thể hỏi:', 'You can ask:'))}*`,
          ...answer.suggestions.map((s) => `› \`${escapeMrkdwn(s)}\``),
        ].join('\n'),
      ),
    );

  const room = MAX_BLOCKS - blocks.length - RESERVED_BLOCKS;
  blocks.push(...body.slice(0, room));
  if (body.length > room)
    blocks.push(
      context(
        escapeMrkdwn(t(lang, 'Câu trả lời đã được rút gọn để vừa một tin nhắn.', 'The answer was shortened to capMrkdwn one message.')),
      ),
    );

  const buttons = [];
  if (answer.page && actions.page) {
    const { index, pages } = answer.page;
    blocks.push(
      context(
        escapeMrkdwn(
          t(
            lang,
            `Trang ${index}/${pages} · ${answer.page.total} ${pageUnit(answer.page, lang)}`,
            `Page ${index}/${pages} · ${answer.page.total} ${pageUnit(answer.page, lang)}`,
          ),
        ),
      ),
    );
    if (index > 1)
      buttons.push({
        type: 'button' as const,
        action_id: ACTION.prev,
        text: { type: 'plain_text' as const, text: '◀' },
        value: actions.page(index - 1),
      });
    if (index < pages)
      buttons.push({
        type: 'button' as const,
        action_id: ACTION.next,
        text: { type: 'plain_text' as const, text: '▶' },
        value: actions.page(index + 1),
      });
  }
  if (actions.share)
    buttons.push({
      type: 'button' as const,
      action_id: ACTION.share,
      text: { type: 'plain_text' as const, text: t(lang, 'Chia sẻ vào kênh', 'Share in channel') },
      value: actions.share,
    });
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });

  // The fallback is plain text; escaping keeps "<!channel>" in data from pinging anyone there too.
  return { text: capMrkdwn(escapeMrkdwn(renderText(answer))), blocks: blocks.slice(0, MAX_BLOCKS) };
}
