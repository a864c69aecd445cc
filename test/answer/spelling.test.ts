// The one typo rule (src/search/typos.ts), as questions meet it (src/answer/understand/spelling.ts):
// typos in names and words are corrected when a neighbour confirms the correction, or the word is
// long enough; real words, typed as meant, are left alone.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/answer/engine.ts';
import { spellChecked } from '../../src/answer/understand/spelling.ts';
import { shippedEngine } from '../helpers.ts';

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

const checked = (q: string) => spellChecked(engine.context, q);

describe('typos are corrected', () => {
  it.each([
    ['thái ngyên', 'thái nguyen'],
    ['cầu tam kah', 'cầu tam kha'],
    ['pham hoang sonn la ai', 'pham hoang son la ai'],
    ['Trịnh Việt Hùg là ai?', 'Trịnh Việt hung là ai?'],
    ['Bí thư Tỉnh ủy Bắc Gian', 'Bí thư Tỉnh ủy Bắc giang'],
    ['đường sắt Kép Lưu Sá', 'đường sắt Kép Lưu xa'],
    ['bac gian', 'bac giang'],
    ['samsumg', 'samsung'],
    // The knowledge's words are kept stemmed; so is the correction.
    ['who is responsble for the bridge', 'who is responsibl for the bridge'],
    ['phòng chốg thiên tai', 'phòng chong thiên tai'],
  ])('%s → %s', (typed, read) => {
    expect(checked(typed)).toBe(read);
  });

  it('reads a wrong tone as the word it fits beside ("hai tịnh" for "hai tỉnh")', () => {
    expect(checked('hai tịnh')).toBe('hai tinh');
  });
});

describe('real words are left alone', () => {
  it.each([
    'ket qua bong da world cup',
    'đường sắt Kép Lưu Xá chạy lại chưa',
    'cấp hộ chiếu',
    'sân bay Kép',
    'Cam kết nào còn đang chờ?',
    "Who chairs the People's Committee?",
  ])('%s', (q) => {
    expect(checked(q)).toBe(q);
  });
});

describe('end to end', () => {
  it('answers through a typo in a name', () => {
    expect(engine.ask('Trịnh Việt Hùg là ai?').items.map((i) => i.id)).toEqual(['trinh-viet-hung']);
    expect(engine.ask('cầu tam kah').items.map((i) => i.id)).toContain('C17');
  });
});
