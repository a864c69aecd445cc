// Telegram rendering: escaping and splitting, on real answers and on hostile knowledge text.
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, MESSAGE_LIMIT, renderTelegram, splitMessages } from '../../adapters/telegram/render.ts';
import type { Engine } from '../../src/answer/engine.ts';
import { createEngine } from '../../src/answer/engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { edit, knowledgeCopy, shippedEngine } from '../helpers.ts';

/** Only our own tags, each opened and closed in order, and no stray < or > from data. */
function wellFormed(html: string): boolean {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z-]+)>|[<>]/g)) {
    if (!m[2]) return false;
    if (!['b', 'i', 'code'].includes(m[2])) return false;
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]);
  }
  return stack.length === 0 && !/&(?!amp;|lt;|gt;)/.test(html);
}

let engine: Engine;
let hostile: Engine;

beforeAll(async () => {
  engine = await shippedEngine();
  const dir = await knowledgeCopy();
  await edit(
    dir,
    'bg-tn-2023/commitments.yaml',
    /title:\n {6}vi: [^\n]+\n/,
    'title:\n      vi: "<b>Cầu</b> & <script>alert(1)</script> Tam Kha"\n',
  );
  await edit(dir, 'bg-tn-2023/commitments.yaml', /text: [^\n]+\n/, `text: "${'Đường <i>dài</i> & rất dài. '.repeat(400)}"\n`);
  const outcome = await loadKnowledge(dir);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  hostile = createEngine(outcome.knowledge);
});

describe('escapeHtml', () => {
  it('escapes &, < and >', () => {
    expect(escapeHtml('<b>&</b>')).toBe('&lt;b&gt;&amp;&lt;/b&gt;');
  });
});

describe('renderTelegram', () => {
  it('produces well-formed HTML with only our tags for real answers', () => {
    for (const q of ['C18', 'ai phu trach duong sat kep luu xa', 'cam ket nao con dang cho', 'Dương Văn Thái là ai?', 'help', 'giá vàng']) {
      for (const part of renderTelegram(engine.ask(q))) expect(wellFormed(part), q).toBe(true);
    }
  });

  it('shows a knowledge title with <b>, & and <script> literally', () => {
    const parts = renderTelegram(hostile.ask('C1'));
    const all = parts.join('\n');
    expect(all).toContain('&lt;b&gt;Cầu&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(all).not.toContain('<script>');
    for (const p of parts) expect(wellFormed(p)).toBe(true);
  });

  it('splits a long answer into messages within the limit, at line boundaries, never inside a tag', () => {
    const parts = renderTelegram(hostile.ask('C1'));
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(wellFormed(p)).toBe(true);
    }
  });

  it('echoes user text escaped', () => {
    const parts = renderTelegram(engine.ask('<i>sân bay</i> & <u>cảng</u>'));
    for (const p of parts) expect(wellFormed(p)).toBe(true);
  });
});

describe('splitMessages', () => {
  it('cuts a single over-long line into plain escaped pieces', () => {
    const parts = splitMessages([`<b>${'&'.repeat(10_000)}</b>`]);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
      expect(wellFormed(p)).toBe(true);
    }
    expect(parts.join('').replace(/&amp;/g, '&')).toBe('&'.repeat(10_000));
  });

  it('never splits a surrogate pair', () => {
    const parts = splitMessages(['😀'.repeat(5000)]);
    for (const p of parts) expect(p).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });
});
