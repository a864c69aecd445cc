// Deadlines in answers (issue 15, part 2), on an invented formal agreement drafted as it is and
// promoted unedited: "việc nào quá hạn", "hạn chót của X", "due this quarter", read against the day
// the question is asked, with statuses updated in chat counted.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { promoted } from '../../testkit/draft-score.ts';
import { createEngine } from '../../src/answer/engine.ts';
import { renderText } from '../../src/answer/render-text.ts';
import type { CommitmentItem, StatusOverlay } from '../../src/answer/types.ts';
import { draftFile } from '../../src/draft/run.ts';
import type { Knowledge } from '../../src/knowledge/types.ts';
import { hoLamVanKhe } from '../../testkit/formal/ho-lam-van-khe.ts';
import { renderAll } from '../../testkit/formal/render.ts';
import { KNOWLEDGE_DIR, shippedEngine } from '../helpers.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mou-due-'));
  const paths = await renderAll(hoLamVanKhe, dir);
  const r = await draftFile(paths.txt, { knowledgeDir: KNOWLEDGE_DIR, out: join(dir, 'draft') });
  knowledge = await promoted(r.draft, KNOWLEDGE_DIR);
});

/** The engine as it stands on `day` (Vietnam time), with statuses updated in chat. */
const on = (day: string, overlay?: StatusOverlay) =>
  createEngine(knowledge, { now: () => new Date(`${day}T05:00:00Z`), timezone: 'Asia/Ho_Chi_Minh', ...(overlay ? { overlay } : {}) });

const commitments = (items: readonly { type: string }[]) => items.filter((i): i is CommitmentItem => i.type === 'commitment');
const texts = (items: readonly { type: string }[]) => commitments(items).map((c) => c.text);

describe('overdue', () => {
  it('lists what passed its date undone, and nothing recurring, on the day asked', () => {
    const a = on('2025-01-15').ask('Việc nào quá hạn?');
    expect(a.found).toBe(true);
    expect(a.headline).toContain('15/1/2025');
    const listed = texts(a.items);
    expect(listed).toHaveLength(3);
    for (const point of ['Hội chợ thương mại chung', 'dữ liệu quan trắc', 'tour du lịch liên tỉnh'])
      expect(
        listed.some((t) => t.includes(point)),
        point,
      ).toBe(true);
    for (const c of commitments(a.items)) {
      expect(c.due?.overdue).toBe(true);
      expect(c.due?.recurring).toBeUndefined();
      expect((c.due?.by ?? '') < '2025-01-15').toBe(true);
    }
    expect(renderText(a)).toContain('(quá hạn)');
  });

  it('keeps to the area the question names', () => {
    const a = on('2025-01-15').ask('Việc nào về du lịch quá hạn?');
    expect(texts(a.items)).toHaveLength(1);
    expect(texts(a.items)[0]).toContain('tour du lịch liên tỉnh');
  });

  it('says nothing is overdue before the first date', () => {
    const a = on('2024-03-20').ask('what is overdue?');
    expect(a.found).toBe(true);
    expect(a.items).toEqual([]);
    expect(a.headline).toBe('Nothing is overdue as of 20 March 2024.');
  });

  it('leaves out what an update in chat reports done', () => {
    const late = commitments(on('2025-01-15').ask('Việc nào quá hạn?').items);
    const fair = late.find((c) => c.text.includes('Hội chợ thương mại chung')) as CommitmentItem;
    const overlay: StatusOverlay = (agreement, id, fileStatus) =>
      agreement === fair.agreement && id === fair.id ? { status: 'done' } : { status: fileStatus };
    const after = on('2025-01-15', overlay).ask('Việc nào quá hạn?');
    expect(commitments(after.items).map((c) => c.id)).toEqual(late.filter((c) => c.id !== fair.id).map((c) => c.id));
  });

  it('uses the calendar where the users are: the last day is not overdue until it has ended there', () => {
    const fair = 'Hội chợ thương mại chung';
    // 2024-09-30 is the fair's deadline: at 23:00 UTC on that day it is already 1 October in Vietnam.
    const late = createEngine(knowledge, { now: () => new Date('2024-09-30T23:00:00Z'), timezone: 'Asia/Ho_Chi_Minh' });
    const same = createEngine(knowledge, { now: () => new Date('2024-09-30T23:00:00Z'), timezone: 'America/New_York' });
    expect(texts(late.ask('Việc nào quá hạn?').items).some((t) => t.includes(fair))).toBe(true);
    expect(texts(same.ask('Việc nào quá hạn?').items).some((t) => t.includes(fair))).toBe(false);
  });
});

describe('one topic', () => {
  it('gives the deadline of the commitment asked about, in its own words and line', () => {
    const a = on('2024-05-01').ask('Hạn chót tuyến đường ĐT.412 là khi nào?');
    expect(a.found).toBe(true);
    expect(a.headline).toContain('31/12/2025');
    const c = commitments(a.items)[0];
    expect(c?.text).toContain('ĐT.412');
    expect(a.headline).toContain(`“${c?.due?.text}”`);
    expect(a.headline).not.toContain('quá hạn');
  });

  it('says the source gives no deadline for a commitment without one, showing it as the nearest', () => {
    const engine = on('2024-05-01');
    const undated = knowledge.agreements[0]?.commitments.find((c) => !c.due);
    expect(undated).toBeDefined();
    const a = engine.ask(`Hạn chót ${undated?.title.vi} là khi nào?`);
    expect(a.found).toBe(false);
    expect(a.headline).toContain('không nêu thời hạn');
  });
});

describe('a span of the calendar', () => {
  it('lists what falls due this quarter, and nothing outside it', () => {
    const a = on('2024-08-15').ask('Những việc nào đến hạn trong quý này?');
    expect(a.found).toBe(true);
    expect(a.headline).toContain('1/7/2024 – 30/9/2024');
    const dues = commitments(a.items).map((c) => c.due?.by ?? '');
    expect(dues.length).toBeGreaterThan(0);
    for (const by of dues) expect(by >= '2024-07-01' && by <= '2024-09-30', by).toBe(true);
    expect(texts(a.items).some((t) => t.includes('Hội chợ thương mại chung'))).toBe(true);
  });
});

describe('an agreement without deadlines', () => {
  it('says the source gives none, never found', async () => {
    const a = (await shippedEngine()).ask('Việc nào quá hạn?');
    expect(a.found).toBe(false);
    expect(a.headline).toContain('không nêu thời hạn');
  });
});
