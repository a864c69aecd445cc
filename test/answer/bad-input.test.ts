// Hostile and odd input: every one gets an Answer (help or found: false), never an exception.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/engine.ts';
import { renderText } from '../../src/answer/render-text.ts';
import { shippedEngine } from '../helpers.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

const inputs: [string, string][] = [
  ['empty', ''],
  ['whitespace only', ' \t\n  '],
  ['100 kB', 'cầu Hòa Sơn '.repeat(9000)],
  ['emoji only', '🚆🌉🏛️👍'],
  ['10,000 emoji', '😀'.repeat(10_000)],
  ['control characters', '\u0000\u0001\u001b[31mred\u001b[0m\u0007'],
  ['markup', '<b>QL17</b> & <script>alert(1)</script> *bold* _x_ `code` [a](http://x)'],
  ['mixed scripts', 'QL17 道路 дорога طريق 🚗'],
  ['lone surrogates', '\uD800\uDC00\uDFFF abc \uD83D'],
  ['RTL and zero-width', '\u202Ecầu\u200D Hòa\u200B Sơn'],
  ['repeated punctuation', '?!?!?!...,,,;;;'.repeat(50)],
  ['a wrong command', '/xyz abc'],
  ['SQL-ish', "'; DROP TABLE commitments; --"],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a user may type this, and it must stay text
  ['regex metacharacters', '.*+?^${}()|[]\\ C18 (('],
];

describe('bad input', () => {
  it.each(inputs)('%s gets an answer', (_, q) => {
    const a = engine.ask(q);
    expect(typeof a.found).toBe('boolean');
    expect(a.headline.length).toBeGreaterThan(0);
    const text = renderText(a);
    // No terminal escape or other control characters from the input reach the output.
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters that must not come back
    expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
  });

  it('answers empty input with help and examples', () => {
    const a = engine.ask('');
    expect(a).toMatchObject({ intent: 'help', found: false });
    expect(a.suggestions.length).toBeGreaterThan(0);
  });

  it('still finds the topic in text with invisible characters', () => {
    expect(engine.ask('\u202Ecầu\u200D Hòa\u200B Sơn').items.map((i) => i.id)).toContain('C19');
  });

  it('caps the question it echoes back', () => {
    expect(engine.ask('x'.repeat(100_000)).question.length).toBeLessThanOrEqual(500);
  });

  it('treats markup as text', () => {
    const a = engine.ask('<b>QL17</b>');
    expect(a.found).toBe(true);
    expect(a.items.map((i) => i.id)).toEqual(expect.arrayContaining(['C16']));
  });

  it('turns an internal error into an apology, not an exception', async () => {
    const errors: unknown[] = [];
    const broken = await shippedEngine({
      now: () => {
        throw new Error('clock broke');
      },
      onError: (e) => errors.push(e),
    });
    const a = broken.ask('C18');
    expect(a).toMatchObject({ found: false, intent: 'unknown' });
    expect(errors).toHaveLength(1);
  });
});
