// Telegram rendering: escaping and splitting, on real answers and on hostile knowledge text.
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml, MESSAGE_LIMIT, renderTelegram, splitMessages } from '../../adapters/telegram/render.ts';
import type { Engine } from '../../src/answer/engine.ts';
import { createEngine } from '../../src/answer/engine.ts';
import { LABELS } from '../../src/answer/i18n.ts';
import { renderText } from '../../src/answer/render-text.ts';
import type { AnswerView } from '../../src/answer/types.ts';
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
    // In full: the short form cuts a clause's wording to a few lines.
    const parts = renderTelegram(hostile.ask('C1'), 'full');
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

/** The visible text of Telegram HTML. */
const visible = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
/** Every line number an answer cites ("dòng 29"), in order. */
const lineRefs = (text: string) => [...text.matchAll(/(?:dòng|line) (\d+)/g)].map((m) => Number(m[1]));

describe('renderTelegram, by view', () => {
  const VIEWS: AnswerView[] = ['short', 'full', 'quotes', 'general'];

  it('is short by default: the headline, one line per entry with its line number, no quotes, no general assignment, no typing hint', () => {
    const [html, ...more] = renderTelegram(engine.ask('Ai phụ trách cầu Hòa Sơn?'));
    expect(more).toEqual([]);
    const text = visible(html ?? '');
    expect(text.split('\n')[0]).toContain('C19');
    expect(text).toContain('C19 · Đẩy nhanh tiến độ xây dựng tuyến đường và cầu Hòa Sơn');
    expect(text).toContain('R3 · Cùng đầu tư mở mới tuyến QL37');
    expect(text).toMatch(/C19 ·.*\(dòng 29\)/);
    expect(text).toMatch(/R3 ·.*\(dòng 9\)/);
    expect(text).not.toContain('📄');
    expect(text).not.toContain('“Hai tỉnh tăng cường phối hợp, đẩy nhanh');
    expect(text).not.toContain(LABELS.vi.general);
    // The inferred role is named with its line, without the note that explains it.
    expect(text).toContain('đầu tư (💭 suy luận, văn bản không nêu rõ) (dòng 9)');
    expect(text).not.toContain('Dòng 9, trong các kết quả trước đây');
    expect(text).not.toContain('Gõ “chi tiết”');
  });

  it('cites the same lines as the plain-text short form, entry by entry', () => {
    for (const q of [
      'Ai phụ trách cầu Hòa Sơn?',
      'cam ket nao con dang cho',
      'Chủ tịch UBND tỉnh Bắc Giang là ai?',
      'Công an hai tỉnh có nhiệm vụ gì?',
      'who is responsible for the kep luu xa railway',
      'Cầu Hòa Sơn nối đâu? Tổng mức đầu tư bao nhiêu?',
      'giá vàng hôm nay',
    ]) {
      const a = engine.ask(q);
      expect(lineRefs(visible(renderTelegram(a).join('\n'))), q).toEqual(lineRefs(renderText(a, 'short')));
    }
  });

  it('shows the quotes, the general assignment, or everything, on request', () => {
    const a = engine.ask('Ai phụ trách cầu Hòa Sơn?');
    const quotes = visible(renderTelegram(a, 'quotes').join('\n'));
    expect(quotes).toContain('📄 Biên bản ghi nhớ Bắc Giang – Thái Nguyên 2023-2025, dòng 29: “đẩy nhanh tiến độ đầu tư');
    expect(quotes).toContain('dòng 9: “tuyến đường QL37 - cầu Hòa Sơn - TP Phổ Yên”');
    expect(quotes).not.toContain(LABELS.vi.general);
    const general = visible(renderTelegram(a, 'general').join('\n'));
    expect(general).toContain(LABELS.vi.general);
    expect(general).toContain('Các đồng chí Ủy viên Ban Thường vụ hai tỉnh');
    expect(general).not.toContain('R3 ·');
    const full = visible(renderTelegram(a, 'full').join('\n'));
    expect(full).toContain(LABELS.vi.general);
    expect(full).toContain('📄');
    expect(full).toContain('Dòng 9, trong các kết quả trước đây');
    // The view a follow-up asked for ("chi tiết") is the default.
    expect(renderTelegram({ ...a, view: 'quotes' })).toEqual(renderTelegram(a, 'quotes'));
  });

  it('says so when there is nothing to show in a view', () => {
    const a = engine.ask('giá vàng hôm nay');
    expect(visible(renderTelegram(a, 'quotes').join(''))).toContain(LABELS.vi.noQuotes);
    expect(visible(renderTelegram(a, 'general').join(''))).toContain(LABELS.vi.noGeneral);
  });

  it('numbers the parts of a message with several questions', () => {
    const text = visible(renderTelegram(engine.ask('Cầu Hòa Sơn nối đâu? Tổng mức đầu tư bao nhiêu?')).join('\n'));
    expect(text).toMatch(/^1\) /);
    expect(text).toMatch(/\n2\) Văn bản không nêu kinh phí/);
    expect(text).toContain(LABELS.vi.nearest);
  });

  it('labels an English answer in English', () => {
    const text = visible(renderTelegram(engine.ask('who is responsible for the kep luu xa railway'), 'full').join('\n'));
    expect(text).toContain(`${LABELS.en.status}:`);
    expect(text).toContain(LABELS.en.general);
    expect(text).not.toContain('Trạng thái');
  });

  it('keeps its HTML well formed in every view', () => {
    for (const q of ['C18', 'ai phu trach duong sat kep luu xa', 'cam ket nao con dang cho', 'Dương Văn Thái là ai?', 'help', 'giá vàng'])
      for (const view of VIEWS) for (const part of renderTelegram(engine.ask(q), view)) expect(wellFormed(part), `${q} ${view}`).toBe(true);
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
