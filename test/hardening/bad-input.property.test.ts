// Bad input, property-based: any Unicode string up to 10 kB gets an Answer, never a throw and
// never an internal error; nothing past the length cap reaches the search; no regular expression
// is built from user text. (The hand-picked cases are in test/answer/bad-input.test.ts.)
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../src/answer/engine.ts';
import { renderText } from '../../src/answer/render-text.ts';
import type { AskOptions } from '../../src/answer/types.ts';
import { MAX_QUESTION_CHARS } from '../../src/text/normalize.ts';
import { ROOT, shippedEngine } from '../helpers.ts';
import { FRAGMENTS, hostileInput } from './arbitraries.ts';
import { TERMINAL_CONTROL } from './validators.ts';

// Every text the analyser sees, so a test can tell what reached the search.
const analysed: string[] = [];
vi.mock('../../src/search/analyzer.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/search/analyzer.ts')>();
  return {
    ...original,
    createAnalyzer: (...args: Parameters<typeof original.createAnalyzer>) => {
      const inner = original.createAnalyzer(...args);
      return {
        ...inner,
        analyze: (text: string) => {
          analysed.push(text);
          return inner.analyze(text);
        },
        tokenize: (text: string) => {
          analysed.push(text);
          return inner.tokenize(text);
        },
      };
    },
  };
});

let engine: Engine;
const errors: unknown[] = [];
beforeAll(async () => {
  engine = await shippedEngine({ onError: (err) => errors.push(err) });
});

const options: fc.Arbitrary<AskOptions> = fc.record(
  {
    as: fc.constantFrom('who', 'responsibility', 'pending', 'clause', 'search' as const),
    lang: fc.constantFrom('vi', 'en' as const),
    page: fc.oneof(fc.integer({ min: -5, max: 1_000_000 }), fc.constantFrom(0.5, Number.MAX_SAFE_INTEGER)),
    pageSize: fc.integer({ min: 1, max: 60 }),
  },
  { requiredKeys: [] },
);

describe('ask() on any input', () => {
  it('answers any Unicode string up to 10 kB, with any options, without an internal error', () => {
    fc.assert(
      fc.property(hostileInput(10_000), options, (q, opts) => {
        const started = performance.now();
        const a = engine.ask(q, opts);
        // Catastrophic backtracking would show here; a normal answer takes milliseconds.
        expect(performance.now() - started).toBeLessThan(2000);
        expect(typeof a.found).toBe('boolean');
        expect(a.headline.trim().length).toBeGreaterThan(0);
        expect(a.question.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
        expect(renderText(a)).not.toMatch(TERMINAL_CONTROL);
        // ask() turns an exception into an apology; the property is that none happens at all.
        expect(errors).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['control characters', '\u0000\u0001\u0002\u001b[2J\u001b]0;x\u0007\u009b31m'.repeat(300)],
    ['RTL marks', '\u202e\u200f\u061c cầu Hòa Sơn \u202c'.repeat(200)],
    ['zero-width joiners', '👨\u200d👩\u200d👧\u200d👦 C18 '.repeat(400)],
    ['lone surrogates', '\ud800\udfff\ud83d abc \ude00'.repeat(500)],
    ['NFD text', 'Ai phụ trách đường sắt Kép - Lưu Xá?'.normalize('NFD').repeat(100)],
    ['10,000 emoji', '😀'.repeat(10_000)],
    ['repeated punctuation', '?!.,;:'.repeat(1700)],
    ['every fragment', FRAGMENTS.join('').repeat(40)],
  ])('%s', (_, q) => {
    const a = engine.ask(q);
    expect(a.headline.length).toBeGreaterThan(0);
    expect(renderText(a)).not.toMatch(TERMINAL_CONTROL);
    expect(errors).toEqual([]);
  });
});

describe('the length cap', () => {
  it(`cuts the question to ${MAX_QUESTION_CHARS} characters before it reaches the search`, () => {
    const word = fc.stringMatching(/^[a-z]{8}$/).map((w) => `zq${w}`);
    const filler = fc.constantFrom('cầu Hòa Sơn ', 'ai phụ trách ', 'QL17 ', 'đường sắt ', 'cam kết nào còn chờ ');
    fc.assert(
      fc.property(filler, word, fc.integer({ min: 0, max: 9000 }), (fill, marker, extra) => {
        const q = `${fill.repeat(Math.ceil((MAX_QUESTION_CHARS + 1) / fill.length))}${'x'.repeat(extra % 7)} ${marker}`;
        analysed.length = 0;
        engine.ask(q);
        expect(analysed.length).toBeGreaterThan(0);
        // The marker sits past the cap: no text the analyser (and so the index) saw may hold it.
        expect(analysed.filter((t) => t.includes(marker))).toEqual([]);
        expect(analysed.filter((t) => t.includes(fill.trim()) && t.length > MAX_QUESTION_CHARS)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('regular expressions', () => {
  /** Every RegExp built at run time in the bot's own code. */
  function dynamicRegExps(): string[] {
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name);
        if (e.isDirectory()) walk(path);
        else if (e.name.endsWith('.ts')) {
          readFileSync(path, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              if (/\bRegExp\s*\(/.test(line) && !/escapeRegExp\(/.test(line))
                found.push(`${relative(ROOT, path)}:${i + 1}: ${line.trim()}`);
            });
        }
      }
    };
    for (const dir of ['src', 'adapters']) walk(join(ROOT, dir));
    return found;
  }

  it('none is built from text without escaping it (today none is built at all)', () => {
    expect(dynamicRegExps()).toEqual([]);
  });

  it('regex metacharacters are plain text to every command', () => {
    for (const as of [undefined, 'who', 'responsibility', 'pending', 'clause', 'search'] as const) {
      for (const q of ['.*', '(((((((((', '[a-', '\\', '$^|+?{2,}', '(?<=x)', '(a+)+$'.repeat(50)]) {
        const a = engine.ask(q, as ? { as } : {});
        expect(a.headline.length).toBeGreaterThan(0);
      }
    }
    expect(errors).toEqual([]);
  });
});
