// Rules of administrative writing the drafter relies on, each on a sentence of its own.
import { describe, expect, it } from 'vitest';
import { type Named, statedRoles } from '../../src/draft/roles.ts';
import { parseLayout, references } from '../../src/draft/structure.ts';

/** Names found by their text, as the body finder would give them, each with one id. */
function named(text: string, ...names: string[]): Named[] {
  return names.map((n) => {
    const start = text.indexOf(n);
    return { start, end: start + n.length, ids: [n] };
  });
}

const roles = (text: string, ...names: string[]) =>
  statedRoles(text, 0, text.length, named(text, ...names), false).map((r) => `${r.role} ${r.party}`);

describe('stated roles', () => {
  it('"Giao A chủ trì, phối hợp với B và C": A leads, B and C coordinate', () => {
    const t = '1. Giao Sở A chủ trì, phối hợp với Sở B và Sở C triển khai các nội dung tại khoản 1 Điều 2.';
    expect(roles(t, 'Sở A', 'Sở B', 'Sở C')).toEqual(['lead Sở A', 'coordinate Sở B', 'coordinate Sở C']);
  });

  it('names joined by "và" share the subject: "A và B duy trì …"', () => {
    const t = 'Công an tỉnh A và Công an tỉnh B duy trì cơ chế tuần tra chung.';
    expect(roles(t, 'Công an tỉnh A', 'Công an tỉnh B')).toEqual(['implement Công an tỉnh A', 'implement Công an tỉnh B']);
  });

  it('"kiến nghị Bộ X", "X có trách nhiệm", "X là cơ quan đầu mối", "X tham mưu"', () => {
    expect(roles('b) Kiến nghị Bộ X bố trí vốn.', 'Bộ X')).toEqual(['addressee Bộ X']);
    expect(roles('Sở Y có trách nhiệm thực hiện điểm a.', 'Sở Y')).toEqual(['implement Sở Y']);
    expect(roles('Văn phòng Z là cơ quan đầu mối, theo dõi.', 'Văn phòng Z')).toEqual(['lead Văn phòng Z']);
    expect(roles('đề nghị các sở, ngành trên cơ sở nội dung sẽ chủ động tham mưu', 'các sở, ngành')).toEqual(['advise các sở, ngành']);
  });
});

describe('references back to the content articles', () => {
  const layout = parseLayout([
    'Điều 1. Nội dung hợp tác',
    '1. Giao thông',
    'a) Việc một.',
    'b) Việc hai.',
    '2. Du lịch',
    'a) Việc ba.',
    'b) Việc bốn.',
    'c) Việc năm.',
    'd) Việc sáu.',
    'đ) Việc bảy.',
    'Điều 2. Tổ chức thực hiện',
    '1. Giao Sở A chủ trì.',
  ]);
  const lines = (text: string) => references(text, layout).map((u) => u.line);

  it('"điểm c, điểm đ khoản 2 Điều 1" names two points, "đ" included', () => {
    expect(lines('thực hiện điểm c, điểm đ khoản 2 Điều 1')).toEqual([8, 10]);
  });

  it('"khoản 1 Điều 1" names the clause, "các khoản 1, 2 Điều 1" both, "Điều 1" the article', () => {
    expect(lines('các nội dung tại khoản 1 Điều 1')).toEqual([2]);
    expect(lines('các khoản 1, 2 Điều 1')).toEqual([2, 5]);
    expect(lines('các nội dung tại Điều 1')).toEqual([1]);
  });
});
