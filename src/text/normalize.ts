// Vietnamese-aware text folding. Everything that compares text (search, intents, name matching)
// goes through here, so "Hoà", "Hòa", "hoa" and an NFD-typed "Hòa" all meet as "hoa".

/**
 * Longest question we look at, in characters. Longer input is cut before any processing so that
 * a pasted 100 kB document costs the same as a long question. Documented in README.
 */
export const MAX_QUESTION_CHARS = 500;

// Invisible characters that users paste along with text: zero-width joiners, bidi marks, BOM, soft hyphen.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF]/g;
// C0/C1 controls, except tab and newline, which are turned into spaces below anyway.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Lone surrogates make String.normalize throw in some engines and are never meaningful text.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Cleans raw user input: NFC, no controls or invisible marks, single spaces, at most MAX_QUESTION_CHARS. */
export function cleanInput(raw: string): string {
  return raw
    .slice(0, MAX_QUESTION_CHARS * 2)
    .replace(LONE_SURROGATE, '')
    .normalize('NFC')
    .replace(CONTROL, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUESTION_CHARS);
}

/** Lower-case, diacritics removed, đ → d. Tone placement no longer matters after this. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** True when the text carries Vietnamese diacritics (used to tell Vietnamese from English). */
export function hasVietnameseMarks(text: string): boolean {
  return /[đĐ]|[\u0300-\u036f]/.test(text.normalize('NFD'));
}

/**
 * Splits text into folded syllables. Letter→digit boundaries split ("QL17" → "ql", "17"),
 * digit→letter ones do not, so "ĐT294B" stays distinct from "ĐT294".
 */
export function syllables(text: string): string[] {
  return fold(text)
    .replace(/([a-z])(?=\d)/g, '$1 ')
    .split(/[^a-z0-9]+/)
    .filter((s) => s.length > 0)
    .map(stem);
}

/**
 * A deliberately tiny English plural stemmer. Folded Vietnamese syllables never end in "s",
 * so stripping it can only touch English words ("roads" → "road", "policies" → "policy").
 */
export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}
