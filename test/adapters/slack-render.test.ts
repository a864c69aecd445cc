// Slack rendering: escaping (no mention can be produced from data) and Block Kit limits.
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeMrkdwn, MAX_BLOCKS, MAX_SECTION, renderSlack } from '../../adapters/slack/render.ts';
import { createEngine, type Engine } from '../../src/answer/engine.ts';
import { LABELS } from '../../src/answer/i18n.ts';
import { renderText } from '../../src/answer/render-text.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { edit, knowledgeCopy, shippedEngine } from '../helpers.ts';

let engine: Engine;
let hostile: Engine;

beforeAll(async () => {
  engine = await shippedEngine();
  const dir = await knowledgeCopy();
  await edit(
    dir,
    'bg-tn-2023/commitments.yaml',
    /title:\n {6}vi: [^\n]+\n/,
    'title:\n      vi: "<!channel> <!here> <@U123> & <https://evil.example|click> Tam Kha"\n',
  );
  await edit(dir, 'bg-tn-2023/commitments.yaml', /text: [^\n]+\n/, `text: "${'Rất dài & <b>. '.repeat(600)}"\n`);
  const outcome = await loadKnowledge(dir);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  hostile = createEngine(outcome.knowledge);
});

/** Every text Slack would read as mrkdwn, from sections, contexts and the fallback. */
function texts(m: ReturnType<typeof renderSlack>): string[] {
  const out = [m.text];
  for (const b of m.blocks as { type: string; text?: { text: string }; elements?: { text?: string | { text: string } }[] }[]) {
    if (b.text) out.push(b.text.text);
    for (const e of b.elements ?? []) if (typeof e.text === 'string') out.push(e.text);
  }
  return out;
}

describe('renderSlack', () => {
  it('escapes &, < and > so data can never mention or link', () => {
    const m = renderSlack(hostile.ask('C1'));
    for (const t of texts(m)) {
      expect(t).not.toMatch(/<!channel>|<!here>|<@U123>|<https:/);
      expect(t).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
    expect(texts(m).join('\n')).toContain('&lt;!channel&gt;');
  });

  it('escapes the question echoed back', () => {
    for (const t of texts(renderSlack(engine.ask('<!channel> sân bay <@U999>')))) expect(t).not.toMatch(/<!channel>|<@U999>/);
  });

  it('keeps sections within 3,000 characters and messages within 50 blocks', () => {
    for (const a of [
      hostile.ask('C1'),
      engine.ask('cam ket nao con dang cho', { pageSize: 50 }),
      engine.ask('ai phu trach duong sat kep luu xa'),
    ]) {
      const m = renderSlack(a, { page: (p) => String(p), share: 'x' });
      expect(m.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
      for (const b of m.blocks as { type: string; text?: { text: string } }[])
        if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(MAX_SECTION);
    }
  });

  it('says so when an answer had to be shortened to fit', () => {
    // In full, each of the 34 entries takes two blocks.
    const m = renderSlack(engine.ask('cam ket nao con dang cho', { pageSize: 50 }), {}, 'full');
    expect(m.blocks.length).toBe(MAX_BLOCKS - 2);
    expect(JSON.stringify(m.blocks)).toMatch(/rút gọn/);
  });

  it('adds paging buttons only when there is another page', () => {
    const first = renderSlack(engine.ask('cam ket nao con dang cho'), { page: (p) => String(p) });
    const ids = JSON.stringify(first.blocks);
    expect(ids).toContain('mou_page_next');
    expect(ids).not.toContain('mou_page_prev');
    expect(JSON.stringify(renderSlack(engine.ask('C18'), { page: (p) => String(p) }).blocks)).not.toContain('mou_page');
  });

  it('escapeMrkdwn', () => {
    expect(escapeMrkdwn('<!here> & you')).toBe('&lt;!here&gt; &amp; you');
  });
});

/** Every line number an answer cites ("dòng 29"), in order. */
const lineRefs = (text: string) => [...text.matchAll(/(?:dòng|line) (\d+)/g)].map((m) => Number(m[1]));
const blockText = (m: ReturnType<typeof renderSlack>) => texts(m).slice(1).join('\n');
type Button = { action_id: string; value: string; text: { text: string } };
const buttonsOf = (m: ReturnType<typeof renderSlack>) =>
  (m.blocks as { type: string; elements?: Button[] }[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);
const VIEW_ACTIONS = { views: (v: string) => `view:${v}` };

describe('renderSlack, by view', () => {
  it('is short by default: one line per entry with its line number, no quotes, no general assignment', () => {
    const m = renderSlack(engine.ask('Ai phụ trách cầu Hòa Sơn?'), VIEW_ACTIONS);
    const text = blockText(m);
    expect(text).toMatch(/C19 · Đẩy nhanh.*_\(dòng 29\)_/);
    expect(text).toMatch(/R3 · Cùng đầu tư.*_\(dòng 9\)_/);
    expect(text).not.toContain('📄');
    expect(text).not.toContain(LABELS.vi.general);
    // The fallback is the plain-text short form without the line the buttons replace.
    expect(m.text).toContain('R3 · Cùng đầu tư');
    expect(m.text).not.toContain('Gõ “chi tiết”');
  });

  it('cites the same lines as the plain-text short form', () => {
    for (const q of ['Ai phụ trách cầu Hòa Sơn?', 'cam ket nao con dang cho', 'Chủ tịch UBND tỉnh Bắc Giang là ai?', 'giá vàng hôm nay']) {
      const a = engine.ask(q);
      expect(lineRefs(blockText(renderSlack(a))), q).toEqual(lineRefs(renderText(a, 'short')));
    }
  });

  it('shows the quotes or the general assignment on request, with buttons for the other views', () => {
    const a = engine.ask('Ai phụ trách cầu Hòa Sơn?');
    expect(buttonsOf(renderSlack(a, VIEW_ACTIONS)).map((b) => [b.action_id, b.text.text, b.value])).toEqual([
      ['mou_view_full', 'Chi tiết', 'view:full'],
      ['mou_view_quotes', 'Trích dẫn', 'view:quotes'],
      ['mou_view_general', 'Phân công chung', 'view:general'],
    ]);
    const quotes = renderSlack(a, VIEW_ACTIONS, 'quotes');
    expect(blockText(quotes)).toContain('dòng 29_: “đẩy nhanh tiến độ đầu tư');
    expect(buttonsOf(quotes).map((b) => b.action_id)).toEqual(['mou_view_full', 'mou_view_general']);
    const general = renderSlack(a, VIEW_ACTIONS, 'general');
    expect(blockText(general)).toContain(LABELS.vi.general);
    expect(blockText(general)).not.toContain('R3 ·');
    // Everything is in the full view: no more buttons.
    expect(buttonsOf(renderSlack(a, VIEW_ACTIONS, 'full'))).toEqual([]);
  });

  it('offers no view button when there is nothing more to show', () => {
    const miss = engine.ask('giá vàng hôm nay');
    expect(miss.items).toEqual([]);
    expect(buttonsOf(renderSlack(miss, VIEW_ACTIONS))).toEqual([]);
    // Quotes but no general assignment: a person.
    expect(buttonsOf(renderSlack(engine.ask('Chủ tịch UBND tỉnh Bắc Giang là ai?'), VIEW_ACTIONS)).map((b) => b.text.text)).toEqual([
      'Chi tiết',
      'Trích dẫn',
    ]);
  });

  it('numbers the parts of a message with several questions', () => {
    const m = renderSlack(engine.ask('Cầu Hòa Sơn nối đâu? Tổng mức đầu tư bao nhiêu?'));
    expect(m.blocks[0]?.type).toBe('section');
    const text = blockText(m);
    expect(text).toMatch(/^\*1\) /);
    expect(text).toContain('*2) Văn bản không nêu kinh phí');
  });

  it("labels buttons in the answer's language", () => {
    const m = renderSlack(engine.ask('who is responsible for the kep luu xa railway'), VIEW_ACTIONS);
    expect(buttonsOf(m).map((b) => b.text.text)).toEqual(['Details', 'Quotes', 'General assignment']);
  });
});
