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
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to remove
export const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Lone surrogates make String.normalize throw in some engines and are never meaningful text.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Cleans raw user input: NFC, no HTML tags, controls or invisible marks, single spaces, at most MAX_QUESTION_CHARS. */
export function cleanInput(raw: string): string {
  return (
    raw
      .slice(0, MAX_QUESTION_CHARS * 2)
      // Pasted HTML: the tags are not part of the question.
      .replace(/<\/?[a-z][a-z0-9]*(\s[^<>]*)?>/gi, ' ')
      .replace(LONE_SURROGATE, '')
      .normalize('NFC')
      .replace(CONTROL, ' ')
      .replace(INVISIBLE, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, MAX_QUESTION_CHARS)
  );
}

/** Lower-case, diacritics removed, đ → d. Tone placement no longer matters after this. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** True when the text carries Vietnamese diacritics (used to tell Vietnamese from English). */
export function hasVietnameseMarks(text: string): boolean {
  return /[đĐ]|[\u0300-\u036f]/.test(text.normalize('NFD'));
}

// Vietnamese tone marks. The other combining marks (circumflex, breve, horn) change the vowel itself.
const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

/**
 * A syllable with its diacritics, in one spelling whatever the tone placement: the tone mark is
 * moved to the end as a digit, so "hoà" and "hòa" both give "hoa1", "thuỷ" and "thủy" "thuy4".
 * Plain ASCII input gives back the folded syllable (no tone digit), which callers treat as "unmarked".
 */
export function marked(syllable: string): string {
  const nfd = syllable.normalize('NFC').toLowerCase().normalize('NFD');
  let tone = '';
  let base = '';
  for (const ch of nfd) {
    const i = TONES.indexOf(ch);
    if (i >= 0) tone = String(i + 1);
    else base += ch;
  }
  return `${base.normalize('NFC')}${tone}`;
}

/**
 * Whether two marked forms spell the same word. A tone left off ("kêt" for "kết") is forgiven:
 * people often type the vowel marks and skip the tone. Two different tones are different words.
 */
export function sameMarked(a: string, b: string): boolean {
  if (a === b) return true;
  const ta = /\d$/.test(a);
  const tb = /\d$/.test(b);
  return ta !== tb && (ta ? a.slice(0, -1) : a) === (tb ? b.slice(0, -1) : b);
}

/** One word of the text, folded for matching and, where the writer typed diacritics, marked for precision. */
export interface Syllable {
  /** The word as written (NFC). */
  text: string;
  folded: string;
  /** The marked form (see `marked`), or undefined when the writer typed no diacritics. */
  marked?: string;
}

/** Like `syllables`, keeping each syllable's marked form when it has diacritics. */
export function markedSyllables(text: string): Syllable[] {
  const words = text
    .normalize('NFC')
    .replace(/(\p{L})(?=\p{N})/gu, '$1 ')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((w) => w.length > 0);
  const out: Syllable[] = [];
  for (const w of words) {
    const s = wordForms(w);
    if (s) out.push(s.marked === undefined ? { text: w, folded: s.folded } : { text: w, folded: s.folded, marked: s.marked });
  }
  return out;
}

/**
 * The syllables of `markedSyllables`, with where each stands in the (NFC) text: syllable i of
 * `markedSyllables(text)` is span i here. Follow-ups replace a name in an earlier question by its span.
 */
export function syllableSpans(text: string): { start: number; end: number }[] {
  const nfc = text.normalize('NFC');
  const out: { start: number; end: number }[] = [];
  // The same cuts as markedSyllables: runs of letters, marks and digits, and a letter→digit boundary.
  for (const m of nfc.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    for (const part of splitLetterDigit(m[0], m.index)) if (wordForms(part.text)) out.push({ start: part.start, end: part.end });
  }
  return out;
}

/** "QL17" → "QL" and "17" as markedSyllables cuts it; "294B" stays whole. */
function splitLetterDigit(word: string, at: number): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  let from = 0;
  for (const m of word.matchAll(/\p{L}(?=\p{N})/gu)) {
    const cut = m.index + m[0].length;
    out.push({ text: word.slice(from, cut), start: at + from, end: at + cut });
    from = cut;
  }
  out.push({ text: word.slice(from), start: at + from, end: at + word.length });
  return out.filter((p) => p.text.length > 0);
}

// Folding a word takes several Unicode normalisations; indexing 1,000 agreements folds millions of
// words, but only a few thousand distinct ones. Bounded, so user input cannot grow it without limit.
const WORD_CACHE_LIMIT = 100_000;
const wordCache = new Map<string, { folded: string; marked?: string } | null>();

function wordForms(w: string): { folded: string; marked?: string } | null {
  let forms = wordCache.get(w);
  if (forms !== undefined) return forms;
  const f = stem(fold(w).replace(/[^a-z0-9]/g, ''));
  if (!f) forms = null;
  else {
    const m = marked(w);
    forms = m === f || /^[a-z0-9]+$/.test(w.toLowerCase()) ? { folded: f } : { folded: f, marked: m };
  }
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(w, forms);
  return forms;
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

/** The shape of a folded Vietnamese syllable: initial consonant, vowels, final consonant. "exchange" is not one. */
export const VIETNAMESE_SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;

/** Nouns in -ing that are not their verb: "training" (đào tạo) is no "train" (tàu), "planning" (quy hoạch) no "plan", "opening" (khai mạc) no "open" (thông xe). */
const NOUNS_IN_ING = new Set(['training', 'planning', 'meeting', 'meetings', 'housing', 'funding', 'building', 'buildings', 'opening']);

/**
 * A deliberately tiny English stemmer. Folded Vietnamese syllables never end in "s", "-ing" or
 * "-ed", so stripping them can only touch English words ("roads" → "road", "policies" → "policy",
 * "implementing" → "implement").
 */
const NOT_PLURAL = new Set([
  'does',
  'goes',
  'has',
  'was',
  'this',
  'its',
  'yes',
  'bus',
  'gas',
  'plus',
  'news',
  'series',
  'always',
  'perhaps',
]);

export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word) || NOT_PLURAL.has(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (!(w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) && w.endsWith('s')) w = w.slice(0, -1);
  // English verb endings, on words no Vietnamese syllable could be ("implementing", "completed"):
  // -ing and -ed go, and a final -e, so that "complete" and "completed" meet.
  if (VIETNAMESE_SYLLABLE.test(w) || NOUNS_IN_ING.has(w)) return w;
  if (w.endsWith('ing') && w.length >= 6) w = w.slice(0, -3).replace(/([bdfgkmnprt])\1$/, '$1');
  else if (w.endsWith('ed') && w.length >= 5) w = w.slice(0, -2).replace(/([bdfgkmnprt])\1$/, '$1');
  if (w.endsWith('e') && w.length >= 5) w = w.slice(0, -1);
  return w;
}
