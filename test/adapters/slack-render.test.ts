// Slack rendering: escaping (no mention can be produced from data) and Block Kit limits.
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeMrkdwn, MAX_BLOCKS, MAX_SECTION, renderSlack } from '../../adapters/slack/render.ts';
import { createEngine, type Engine } from '../../src/answer/engine.ts';
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
    const m = renderSlack(engine.ask('cam ket nao con dang cho', { pageSize: 50 }));
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
