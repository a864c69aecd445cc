// What each platform accepts, checked strictly: a test fails with the reason a platform would give.
import type { SlackMessage } from '../../adapters/slack/render.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Parses one Telegram message the way the Bot API's HTML mode does, allowing only our own tags
 * (b, i, code; nothing inside code) and the three entities we write. Returns the problem, or
 * undefined when Telegram would accept the message.
 */
export function telegramProblem(html: string, limit = 4096): string | undefined {
  const stack: string[] = [];
  let visible = '';
  const token = /<(\/?)([a-z]+)>|&(amp|lt|gt);|[<>&]|[^<>&]+/g;
  for (const m of html.matchAll(token)) {
    const [all, close, tag, entity] = m;
    if (tag !== undefined) {
      if (!['b', 'i', 'code'].includes(tag)) return `foreign tag <${close}${tag}>`;
      if (close) {
        if (stack.pop() !== tag) return `unbalanced </${tag}>`;
      } else {
        if (stack.includes('code')) return `<${tag}> inside <code>`;
        stack.push(tag);
      }
    } else if (entity !== undefined) visible += entity === 'amp' ? '&' : entity === 'lt' ? '<' : '>';
    else if (all === '<' || all === '>' || all === '&') return `raw "${all}" at ${m.index}`;
    else visible += all;
  }
  if (stack.length > 0) return `unclosed <${stack.join('>, <')}>`;
  if (html.length > limit) return `${html.length} characters, over ${limit}`;
  if (visible.trim() === '') return 'empty message';
  if (LONE_SURROGATE.test(html)) return 'lone surrogate (not valid UTF-8)';
  return undefined;
}

/** Problems with text Slack parses as mrkdwn (or plain_text, which treats &, < and > the same way). */
export function slackTextProblem(where: string, text: unknown, max: number): string | undefined {
  if (typeof text !== 'string') return `${where}: no text`;
  if (text.length === 0) return `${where}: empty text`;
  if (text.length > max) return `${where}: ${text.length} characters, over ${max}`;
  const raw = /[<>]|&(?!amp;|lt;|gt;)/.exec(text);
  if (raw) return `${where}: unescaped "${raw[0]}" at ${raw.index}: …${text.slice(Math.max(0, raw.index - 20), raw.index + 20)}…`;
  if (LONE_SURROGATE.test(text)) return `${where}: lone surrogate`;
  return undefined;
}

interface Block {
  type: string;
  text?: { type: string; text: string };
  elements?: { type: string; text?: string | { type: string; text: string }; value?: string; action_id?: string }[];
}

/**
 * Every Block Kit limit the renderer promises, and no unescaped &, < or > anywhere (so no
 * <!channel>, <!here>, <@U…> or link can come from data). Returns every problem found.
 */
export function slackProblems(m: SlackMessage): string[] {
  const problems: (string | undefined)[] = [];
  const blocks = m.blocks as unknown as Block[];
  if (blocks.length > 50) problems.push(`${blocks.length} blocks, over 50`);
  problems.push(slackTextProblem('fallback text', m.text, 40_000));
  blocks.forEach((b, i) => {
    const at = `block ${i} (${b.type})`;
    if (b.type === 'header') problems.push(slackTextProblem(at, b.text?.text, 150));
    else if (b.type === 'section') problems.push(slackTextProblem(at, b.text?.text, 3000));
    else if (b.type === 'context') {
      if ((b.elements ?? []).length > 10) problems.push(`${at}: over 10 elements`);
      for (const e of b.elements ?? []) problems.push(slackTextProblem(at, e.text, 3000));
    } else if (b.type === 'actions') {
      if ((b.elements ?? []).length > 25) problems.push(`${at}: over 25 elements`);
      for (const e of b.elements ?? []) {
        problems.push(slackTextProblem(`${at} button`, typeof e.text === 'object' ? e.text.text : undefined, 75));
        if ((e.value ?? '').length > 2000) problems.push(`${at}: button value of ${e.value?.length} characters, over 2000`);
      }
    } else problems.push(`${at}: unexpected block type`);
  });
  return problems.filter((p): p is string => p !== undefined);
}

/** C0 and C1 controls other than tab and newline: terminal escape sequences start with these (ESC, CSI, OSC). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters that must not reach a terminal
export const TERMINAL_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
