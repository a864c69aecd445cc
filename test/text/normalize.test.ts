import { describe, expect, it } from 'vitest';
import { cleanInput, fold, marked, markedSyllables, MAX_QUESTION_CHARS, sameMarked, stem, syllables } from '../../src/text/normalize.ts';

describe('fold', () => {
  it('drops case and diacritics, and turns đ into d', () => {
    expect(fold('Đường sắt Kép – Lưu Xá')).toBe('duong sat kep – luu xa');
  });
  it('treats NFD input like NFC input', () => {
    const nfd = 'Thái Nguyên'.normalize('NFD');
    expect(nfd).not.toBe('Thái Nguyên');
    expect(fold(nfd)).toBe(fold('Thái Nguyên'));
  });
  it('makes both tone placements equal (Hòa/Hoà, Thủy/Thuỷ)', () => {
    expect(fold('Hoà')).toBe(fold('Hòa'));
    expect(fold('Thuỷ')).toBe(fold('Thủy'));
  });
});

describe('marked', () => {
  it('spells a syllable one way whatever the tone placement', () => {
    expect(marked('Hoà')).toBe(marked('hòa'));
    expect(marked('thuỷ')).toBe(marked('THỦY'));
    expect(marked('Uỷ')).toBe(marked('Ủy'));
  });
  it('keeps words apart that fold alike', () => {
    expect(fold('đường')).toBe(fold('Dương'));
    expect(marked('đường')).not.toBe(marked('Dương'));
    expect(marked('thì')).not.toBe(marked('thị'));
  });
  it('forgives a missing tone but not a different one', () => {
    expect(sameMarked(marked('kêt'), marked('kết'))).toBe(true);
    expect(sameMarked(marked('kết'), marked('kệt'))).toBe(false);
  });
});

describe('syllables', () => {
  it('splits letters from digits so QL17 and "ql 17" meet', () => {
    expect(syllables('QL17')).toEqual(syllables('ql 17'));
  });
  it('keeps a letter after digits, so ĐT294B stays distinct from ĐT294', () => {
    expect(syllables('ĐT294B')).toEqual(['dt', '294b']);
    expect(syllables('ĐT294')).toEqual(['dt', '294']);
  });
  it('stems English plurals only', () => {
    expect(stem('roads')).toBe('road');
    expect(stem('policies')).toBe('policy');
    expect(stem('bus')).toBe('bus');
  });
  it('marks only words typed with diacritics', () => {
    const [a, b] = markedSyllables('cầu cau');
    expect(a?.marked).toBeDefined();
    expect(b?.marked).toBeUndefined();
  });
});

describe('cleanInput', () => {
  it('removes control characters, zero-width and bidi marks', () => {
    expect(cleanInput('a\u0000b\u200Bc\u202Ed\u0007e')).toBe('a bcd e');
  });
  it('drops lone surrogates instead of failing on them', () => {
    expect(cleanInput('ab\uD800cd')).toBe('abcd');
  });
  it('caps length', () => {
    expect(cleanInput('x'.repeat(100_000))).toHaveLength(MAX_QUESTION_CHARS);
  });
  it('returns NFC', () => {
    expect(cleanInput('Hòa'.normalize('NFD'))).toBe('Hòa'.normalize('NFC'));
  });
});
