// The question as the knowledge spells it: typos corrected by the one typo rule
// (src/search/typos.ts), and a word typed with the wrong tone ("tĩnh" for "tỉnh") read without its
// marks, so that it still matches by its folded form. Everything after this step reads the
// corrected text.
import { STOPWORDS_FOLDED } from '../../search/stopwords.ts';
import { inPersonalName } from '../../text/names.ts';
import { fold, marked, stem, VIETNAMESE_SYLLABLE } from '../../text/normalize.ts';
import type { EngineContext } from '../context.ts';

// One word: letters (with their marks), or a code such as "QL17" (left alone).
const WORD = /[\p{L}\p{M}]+/gu;

type Spelling = Pick<EngineContext, 'vocabulary' | 'knowsMarked' | 'knowsToneless' | 'nameWords' | 'namePairs' | 'index'>;

export function spellChecked(ctx: Spelling, text: string): string {
  const tokens = [...text.matchAll(WORD)].map((m) => ({ word: m[0], at: m.index, folded: fold(m[0]).replace(/[^a-z]/g, '') }));
  let out = '';
  let last = 0;
  const folded = tokens.map((t) => t.folded);
  tokens.forEach((tok, i) => {
    out +=
      text.slice(last, tok.at) +
      fixWord(ctx, tok.word, tok.folded, tokens[i - 1]?.folded, tokens[i + 1]?.folded, inPersonalName(folded, i), [
        tokens[i - 1]?.word,
        tokens[i + 1]?.word,
      ]);
    last = tok.at + tok.word.length;
  });
  return out + text.slice(last);
}

/** `afterName`: the word follows the opening of a personal name ("Nguyễn Thanh …"), so it is corrected only toward a name. */
function fixWord(
  ctx: Spelling,
  w: string,
  folded: string,
  prev?: string,
  next?: string,
  afterName = false,
  typed: [before?: string, after?: string] = [],
): string {
  if (folded.length === 0) return w;
  const m = marked(w);
  // A candidate fits when it makes a phrase the knowledge uses with a neighbour ("hoang son").
  const fits = (c: string) =>
    (prev !== undefined && ctx.index.knows(`${prev}_${c}`)) || (next !== undefined && ctx.index.knows(`${c}_${next}`));
  const context = prev !== undefined || next !== undefined;
  // A word beside part of a name, one edit from a name syllable that completes the name, is a typo
  // of it even when it is a word of its own: "Bắc Gian" is Bắc Giang, "Lưu Sá" is Lưu Xá. A name
  // syllable ("Hải" in "Dương Văn Hải") is left alone: it may be someone else's name, and so is a
  // word in a phrase the knowledge uses ("địa phương thành …" is no "Hương Thành").
  const inName = (c: string) =>
    (prev !== undefined && ctx.namePairs.has(`${prev}_${c}`)) || (next !== undefined && ctx.namePairs.has(`${c}_${next}`));
  // Only beside a name syllable, as typed ("làm" is no "Lâm"), can a word complete a name: the search
  // for near words is skipped otherwise.
  const isName = (f: string | undefined, raw: string | undefined) => {
    const forms = f === undefined ? undefined : ctx.nameWords.get(f);
    if (!forms || raw === undefined) return false;
    const m = marked(raw);
    return m === f || [...forms].includes(m);
  };
  const besideName = isName(prev, typed[0]) || isName(next, typed[1]);
  if (besideName && !STOPWORDS_FOLDED.has(folded) && !ctx.nameWords.has(folded) && !inName(folded) && !fits(folded)) {
    const name = ctx.vocabulary.near(folded).find((c) => nameNear(ctx, c, m) && inName(c));
    if (name) return name;
  }
  // The knowledge's words are kept stemmed ("peopl" for "people"): a word whose stem is known is no
  // typo, and an unknown one is corrected by its stem ("responsble" → "responsibl").
  const base = stem(folded);
  const fixed = ctx.vocabulary.has(base) ? undefined : ctx.vocabulary.correct(base, context ? fits : undefined);
  // Typed with diacritics, a word the knowledge lacks is usually a real word ("chạy"), not a typo:
  // it is corrected only toward a name ("ngyên" → "nguyen"), or, when it is no Vietnamese syllable
  // at all, toward a word that fits its neighbours ("phòng chốg" → "chong", "phụ tráh" → "trach";
  // "biên bản xác định" keeps "xác", though "bản sắc" is a phrase of the knowledge).
  const malformed = !VIETNAMESE_SYLLABLE.test(folded);
  if (fixed !== undefined && (afterName ? nameNear(ctx, fixed, m) : m === folded || nameNear(ctx, fixed, m) || (malformed && fits(fixed))))
    return fixed;
  // Plain ASCII, or a spelling the knowledge or the lexicon has: kept as typed.
  if (m === folded || ctx.knowsMarked(m)) return w;
  // Only the tone differs from a known word that fits beside its neighbours ("hai tính" for "hai
  // tỉnh"): read it by its letters. Otherwise it is another word ("hộ chiếu" is no "hỗ … chiều";
  // "sân" is no "sản"), kept as typed.
  return ctx.knowsToneless(m) && ctx.vocabulary.has(folded) && fits(folded) ? folded : w;
}

/**
 * Whether `folded` is a name the typed word could be a typo of. A word typed with diacritics keeps
 * its vowels and tone ("Sá" for "Xá"): one letter apart in its marked spelling, not just folded
 * ("dừng" is no "Dương").
 */
function nameNear(ctx: Spelling, folded: string, typed: string): boolean {
  const forms = ctx.nameWords.get(folded);
  if (!forms) return false;
  if (typed === fold(typed)) return true;
  for (const f of forms) if (oneApart(f, typed)) return true;
  return false;
}

/** At most one letter added, dropped or changed. */
function oneApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string, k: number) => x.slice(k);
  return rest(a, i + 1) === rest(b, i + 1) || rest(a, i + 1) === rest(b, i) || rest(a, i) === rest(b, i + 1);
}
