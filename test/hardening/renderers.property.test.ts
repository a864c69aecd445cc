// Every renderer keeps its escaping promise for any answer: any question, and any knowledge text.
// Answers are generated two ways: directly (every field hostile, thousands of shapes), and by the
// real engine over a copy of the shipped knowledge whose every display text is hostile.
import fc from 'fast-check';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsoleChat } from '../../adapters/console/chat.ts';
import { adminMrkdwn } from '../../adapters/slack/admin-text.ts';
import { adminHtml } from '../../adapters/telegram/admin.ts';
import { renderSlack } from '../../adapters/slack/render.ts';
import { homeView } from '../../adapters/slack/home.ts';
import { renderTelegram, splitMessages, itemLines } from '../../adapters/telegram/render.ts';
import { createEngine, type Engine } from '../../src/answer/engine.ts';
import { renderText } from '../../src/answer/render-text.ts';
import { cleanInput } from '../../src/text/normalize.ts';
import type { Answer, AnswerView, AskOptions } from '../../src/answer/types.ts';
import type { Knowledge } from '../../src/knowledge/types.ts';
import { shippedEngine, shippedKnowledge } from '../helpers.ts';
import { hostileAnswer, hostileInput, hostileText, withTexts } from './arbitraries.ts';
import { slackProblems, slackTextProblem, telegramProblem, TERMINAL_CONTROL } from './validators.ts';

let engine: Engine;
let knowledge: Knowledge;
beforeAll(async () => {
  engine = await shippedEngine();
  knowledge = await shippedKnowledge();
});

/** The questions that reach every kind of item and every renderer branch. */
const PROBES: [string, AskOptions][] = [
  ['C1', {}],
  ['C18', { lang: 'en' }],
  ['', { as: 'pending' }],
  ['cam ket nao con dang cho', { pageSize: 50 }],
  ['Biên bản được ký khi nào, ở đâu?', {}],
  ['help', {}],
  ['giá vàng hôm nay', {}],
];

/** Button values as the Slack app builds them: from the cleaned question, at most MAX_QUESTION_CHARS long. */
const actionsFor = (a: Answer) => {
  const q = cleanInput(a.question);
  return {
    page: (p: number) => JSON.stringify({ q, page: p }),
    views: (v: string) => JSON.stringify({ q, page: a.page?.index ?? 1, v }),
    share: JSON.stringify({ q, page: 1 }),
  };
};

/** Every view an answer can be shown in: each must keep the renderers' promises. */
const VIEWS: AnswerView[] = ['short', 'full', 'quotes', 'general'];

function checkAll(a: Answer): void {
  for (const view of VIEWS) {
    for (const [i, part] of renderTelegram(a, view).entries()) expect(telegramProblem(part), `telegram ${view} part ${i}`).toBeUndefined();
    expect(slackProblems(renderSlack(a, actionsFor(a), view)), `slack ${view}`).toEqual([]);
    expect(renderText(a, view)).not.toMatch(TERMINAL_CONTROL);
  }
}

describe('renderers, for any answer', () => {
  it('Telegram: HTML with only our tags, every part within 4,096 characters, nothing empty', () => {
    fc.assert(
      fc.property(hostileAnswer(), fc.constantFrom(...VIEWS), (a, view) => {
        const parts = renderTelegram(a, view);
        expect(parts.length).toBeGreaterThan(0);
        for (const [i, part] of parts.entries()) expect(telegramProblem(part), `part ${i} of ${parts.length}`).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });

  it('Telegram: every item shared inline is one valid message', () => {
    fc.assert(
      fc.property(hostileAnswer(), (a) => {
        for (const item of a.items) expect(telegramProblem(splitMessages(itemLines(item, a.lang, 'full'))[0] ?? '')).toBeUndefined();
      }),
      { numRuns: 80 },
    );
  });

  it('Slack: no unescaped &, < or >, no mention from data, and every Block Kit limit holds', () => {
    fc.assert(
      fc.property(hostileAnswer(), fc.boolean(), fc.constantFrom(...VIEWS), (a, withActions, view) => {
        const m = renderSlack(a, withActions ? actionsFor(a) : {}, view);
        expect(slackProblems(m)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('admin replies (reload reports, audit trail, status updates) keep the same promises on both platforms', () => {
    fc.assert(
      fc.property(fc.record({ ok: fc.boolean(), title: hostileText(), lines: fc.array(hostileText(), { maxLength: 30 }) }), (r) => {
        expect(telegramProblem(adminHtml(r))).toBeUndefined();
        expect(slackTextProblem('admin reply', adminMrkdwn(r), 3000)).toBeUndefined();
      }),
      // Once found by the generator: a title of a byte-order mark alone made an empty message.
      { numRuns: 80, examples: [[{ ok: false, title: '\uFEFF', lines: [] }]] },
    );
  });

  it('Console: no terminal control characters from data', () => {
    fc.assert(
      fc.property(hostileAnswer(), fc.constantFrom(...VIEWS), (a, view) => {
        expect(renderText(a, view)).not.toMatch(TERMINAL_CONTROL);
      }),
      { numRuns: 100 },
    );
  });
});

describe('renderers, for any question', () => {
  it('keep their promises for whatever a user types', () => {
    fc.assert(
      fc.property(
        hostileInput(2000),
        fc.constantFrom<AskOptions>({}, { as: 'who' }, { as: 'search', lang: 'en' }, { as: 'pending' }),
        (q, opts) => {
          checkAll(engine.ask(q, opts));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('renderers, for any knowledge text', () => {
  it('keep their promises when every display text of the knowledge is hostile', () => {
    fc.assert(
      fc.property(fc.array(hostileText(), { minLength: 3, maxLength: 8 }), (texts) => {
        const hostile = createEngine(withTexts(knowledge, texts), { now: () => new Date('2026-11-27T00:00:00Z') });
        for (const [q, opts] of PROBES) checkAll(hostile.ask(q, opts));
        // The App Home view is built from knowledge directly.
        expect(
          slackProblems({ text: 'home', blocks: homeView(hostile, true).blocks as Parameters<typeof slackProblems>[0]['blocks'] }),
        ).toEqual([]);
      }),
      { numRuns: 6 },
    );
  });

  it('the console chat prints no terminal escape from knowledge, banner included', async () => {
    const hostile = createEngine(withTexts(knowledge, ['\u001b]0;owned\u0007\u001b[2J title', '\u009b31m red \u001b[0m']));
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d: Buffer) => (out += d.toString()));
    const done = runConsoleChat({ engine: () => hostile, input, output, interactive: true });
    input.end('C1\ncam ket nao con dang cho\ntiếp\n\u001b[31mC2\n');
    expect(await done).toBe(4);
    expect(out).toContain('C1');
    expect(out).not.toMatch(TERMINAL_CONTROL);
  });
});
