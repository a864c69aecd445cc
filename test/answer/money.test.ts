// Money: the shipped agreement states no amount, and says so; an agreement that does state one
// (here a copy whose C19 wording carries an invented total) answers with it, quoted.
import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine.ts';
import { renderText } from '../../src/answer/render-text.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { edit, knowledgeCopy, shippedEngine } from '../helpers.ts';

describe('money', () => {
  it('is not found where the source states none, with the nearest clause as such', async () => {
    const a = (await shippedEngine()).ask('Tổng mức đầu tư cầu Hòa Sơn là bao nhiêu?');
    expect(a.found).toBe(false);
    expect(a.headline).toContain('không nêu kinh phí');
    expect(a.nearest?.map((n) => n.id)).toContain('C19');
  });

  it('is answered where an entry on the topic states an amount', async () => {
    const dir = await knowledgeCopy();
    try {
      await edit(
        dir,
        'bg-tn-2023/commitments.yaml',
        /( {2}- id: C19\n(?:.*\n)*? {4}text: )([^\n]*)/,
        '$1"$2 Tổng mức đầu tư 1.200 tỷ đồng."',
      );
      const loaded = await loadKnowledge(dir);
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors.slice(0, 2)));
      const a = createEngine(loaded.knowledge).ask('Tổng mức đầu tư cầu Hòa Sơn là bao nhiêu?');
      expect(a.found).toBe(true);
      expect(renderText(a, 'full')).toContain('1.200 tỷ đồng');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
