// The optional `due` and `review` fields: validated by the loader. A deadline shows in the answer,
// overdue once its date has passed with the work not done; a review note is for admins and never shows.
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/answer/engine.ts';
import { renderText } from '../../src/answer/render-text.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { edit, knowledgeCopy, shippedEngine } from '../helpers.ts';

const C = 'bg-tn-2023/commitments.yaml';
// C26 is the last entry on line 31; the due below cites words of that line.
const AT = '  - id: C26\n';
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function withC26(extra: string) {
  const dir = await knowledgeCopy();
  dirs.push(dir);
  await edit(dir, C, AT, `${AT}${extra}`);
  return loadKnowledge(dir);
}

const due = (fields: string, quote = 'Phối hợp khai thác hiệu quả tuyến vận tải đường thủy', line = 31) =>
  `    due:\n${fields}      source:\n        line: ${line}\n        quote: "${quote}"\n`;

describe('due and review', () => {
  it('load with the entry; the answer gains the deadline, overdue after its date, and never the review note', async () => {
    const outcome = await withC26(
      `${due('      text: Phối hợp khai thác\n      by: 2025-12-31\n')}    review: check the deadline wording\n`,
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const c26 = outcome.knowledge.agreements[0]?.commitments.find((c) => c.id === 'C26');
    expect(c26).toMatchObject({ due: { text: 'Phối hợp khai thác', by: '2025-12-31' }, review: 'check the deadline wording' });
    const now = () => new Date('2026-11-27T00:00:00Z');
    const question = 'C26';
    const before = (await shippedEngine()).ask(question);
    const after = createEngine(outcome.knowledge, { now }).ask(question);
    expect(renderText(after)).toBe(
      renderText(before).replace('chưa thực hiện (dòng 31)', 'chưa thực hiện · hạn: 31/12/2025 (quá hạn) (dòng 31)'),
    );
    const earlier = createEngine(outcome.knowledge, { now: () => new Date('2025-06-01T00:00:00Z') }).ask(question);
    expect(renderText(earlier)).toContain('hạn: 31/12/2025 (dòng 31)');
    expect(renderText(after)).not.toContain('check the deadline wording');
  });

  it('accepts a recurring deadline without a date', async () => {
    const outcome = await withC26(due('      text: Phối hợp khai thác\n      recurring: yearly\n'));
    expect(outcome.ok).toBe(true);
  });

  it.each([
    [
      'neither a date nor a recurrence',
      due('      text: Phối hợp khai thác\n'),
      /due\.by: a due needs `by` \(a date\), `recurring`, or both/,
    ],
    ['an impossible date', due('      text: Phối hợp khai thác\n      by: 2025-02-30\n'), /due\.by/],
    [
      'wording missing from its quote',
      due('      text: trước ngày 30/6/2025\n      by: 2025-06-30\n'),
      /due\.text: the due wording must appear in its source quote/,
    ],
    [
      'a quote that is not on its line',
      due('      text: Phối hợp khai thác\n      by: 2025-06-30\n', 'Phối hợp khai thác', 30),
      /due\.source\.quote: quote not found on line 30/,
    ],
    ['an unknown recurrence', due('      text: Phối hợp khai thác\n      recurring: weekly\n'), /due\.recurring/],
    ['an empty review', '    review: ""\n', /review/],
  ])('refuses %s', async (_, extra, message) => {
    const outcome = await withC26(extra);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.map((e) => `${e.path}: ${e.message}`).join('\n')).toMatch(message);
  });
});
