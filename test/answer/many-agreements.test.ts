// With many agreements, the same body, title and general assignment appear in each. Answers must
// still find every one of them, and stay readable: named bodies capped, long lists paged.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSynthetic } from '../../testkit/synthetic.ts';
import { createEngine, type Engine } from '../../src/answer/engine.ts';
import { renderText } from '../../src/answer/render-text.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { KNOWLEDGE_DIR, shippedKnowledge } from '../helpers.ts';

const COPIES = 6;
let dir = '';
let many: Engine;
let one: Engine;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mou-many-'));
  await writeSynthetic(KNOWLEDGE_DIR, 'bg-tn-2023', dir, COPIES, 11);
  const outcome = await loadKnowledge(dir);
  if (!outcome.ok) throw new Error(outcome.errors.map((e) => e.message).join('; '));
  many = createEngine(outcome.knowledge);
  one = createEngine(await shippedKnowledge());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('many agreements', () => {
  it('finds the duties of a body in every agreement that has it (each copy has the same assignments)', () => {
    // The standing committees' duties are their share of each agreement's general assignment.
    const q = 'Ban Thường vụ Tỉnh ủy hai tỉnh có trách nhiệm gì?';
    const a1 = one.ask(q, { pageSize: 500 });
    const an = many.ask(q, { pageSize: 500 });
    expect(a1.found).toBe(true);
    expect(a1.assignments?.length).toBeGreaterThan(0);
    expect(an.assignments?.length).toBe(COPIES * (a1.assignments?.length ?? 0));
    expect(new Set(an.assignments?.map((r) => r.agreement)).size).toBe(COPIES);
  });

  it('names at most three bodies in a headline, and counts the rest', () => {
    // Each copy's standing committees carry its own provinces' names: 2 × COPIES distinct names.
    const a = many.ask('Ban Thường vụ Tỉnh ủy hai tỉnh có nhiệm vụ cấp hộ chiếu không?');
    expect(a.found).toBe(false);
    expect(a.headline).toMatch(new RegExp(`và ${2 * COPIES - 3} cơ quan khác`));
    const single = one.ask('Ban Thường vụ Tỉnh ủy hai tỉnh có nhiệm vụ cấp hộ chiếu không?');
    expect(single.headline).not.toMatch(/cơ quan khác/);
    expect(single.headline).toMatch(/Bắc Giang.*Thái Nguyên/);
  });

  it('pages the general assignment by agreement', () => {
    const q = 'Ai chịu trách nhiệm triển khai biên bản ghi nhớ?';
    const single = one.ask(q);
    expect(single.page).toBeUndefined();
    const p1 = many.ask(q, { pageSize: 2 });
    const p2 = many.ask(q, { pageSize: 2, page: 2 });
    expect(p1.page).toMatchObject({ index: 1, pages: COPIES / 2, total: COPIES });
    // The general assignment is the answer here, not a detail beside it.
    const roles = (a: typeof p1) => a.assignments ?? [];
    expect(new Set(roles(p1).map((r) => r.agreement)).size).toBe(2);
    expect(roles(p1).length).toBe(2 * roles(single).length);
    const onFirst = new Set(roles(p1).map((r) => r.agreement));
    expect(roles(p2).some((r) => onFirst.has(r.agreement))).toBe(false);
    // The page line counts agreements, not items.
    expect(p1.page?.of).toBe('agreements');
    expect(renderText(p1)).toContain(`Trang 1/${COPIES / 2} — biên bản 1–2 / ${COPIES}.`);
  });

  it('gives the status notes of the agreements on the page shown, not of every agreement', () => {
    const single = one.ask('Cam kết nào còn đang chờ?');
    const paged = many.ask('Cam kết nào còn đang chờ?', { pageSize: 4 });
    expect(paged.page?.total).toBe(COPIES * (single.page?.total ?? single.items.length));
    const shown = new Set(paged.items.map((i) => i.agreement));
    expect(shown.size).toBe(1);
    // One agreement on the page: its notes, as many as the single agreement's.
    expect(paged.notes.length).toBe(single.notes.length);
    const duties = many.ask('Ban Thường vụ Tỉnh ủy hai tỉnh có trách nhiệm gì?', { pageSize: 4 });
    expect(duties.notes.length).toBeLessThanOrEqual(single.notes.length + 1);
  });

  it('pages the holders of a title every agreement has, and counts them all', () => {
    const q = 'Chủ tịch HĐND hai tỉnh là ai?';
    const single = one.ask(q);
    const p1 = many.ask(q, { pageSize: 4 });
    const p2 = many.ask(q, { pageSize: 4, page: 2 });
    const total = COPIES * single.items.length;
    expect(p1.found).toBe(true);
    expect(p1.page).toMatchObject({ index: 1, total });
    expect(p1.items).toHaveLength(4);
    expect(p1.headline).toContain(`(${total} người)`);
    // The next page goes on where the first stopped.
    const key = (a: typeof p1) => a.items.map((i) => `${i.agreement}/${i.id}`);
    expect(key(p2).some((k) => key(p1).includes(k))).toBe(false);
    // One agreement: the holders in the headline, no page and no count.
    expect(single.page).toBeUndefined();
    expect(single.headline).not.toContain('người)');
  });

  it('answers the attendees asked about by title in every agreement, each with its own', () => {
    const q = 'Ai là Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng dự hội nghị?';
    const single = one.ask(q, { pageSize: 500 });
    const all = many.ask(q, { pageSize: 500 });
    expect(single.items.length).toBeGreaterThan(0);
    expect(all.items).toHaveLength(COPIES * single.items.length);
    expect(new Set(all.items.map((i) => i.agreement)).size).toBe(COPIES);
  });

  it('points a department the source does not name to the collective it does name, once', () => {
    const a = many.ask('Sở Xây dựng Bắc Giang phải làm gì?');
    const b = one.ask('Sở Xây dựng Bắc Giang phải làm gì?');
    expect(a.found).toBe(false);
    expect(a.headline).toBe(b.headline);
    // The collective's roles of one agreement, not of each copy.
    expect(a.assignments?.length).toBe(b.assignments?.length);
    expect(a.assignments?.length).toBeGreaterThan(0);
  });

  it('finds a title held in every agreement once per person, in the province asked about', () => {
    const a = many.ask('Ai là Phó Bí thư Tỉnh ủy kiêm Chủ tịch UBND tỉnh Bắc Giang?');
    const b = one.ask('Ai là Phó Bí thư Tỉnh ủy kiêm Chủ tịch UBND tỉnh Bắc Giang?');
    expect(a.found).toBe(true);
    expect(a.items.map((i) => i.title)).toEqual(b.items.map((i) => i.title));
  });
});
