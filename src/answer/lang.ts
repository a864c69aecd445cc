import { ENGLISH_MARKERS, VIETNAMESE_MARKERS } from '../search/stopwords.ts';
import { hasVietnameseMarks, markedSyllables, VIETNAMESE_SYLLABLE } from '../text/normalize.ts';
import type { Lang } from './types.ts';

// Words that only an English question would use for our topics, beyond function words.
const ENGLISH_TOPIC = new Set(
  `responsible pending commitment transport railway bridge road environment police tourism health education
  labour labor investment agreement signed sign chair chairs secretary committee council province provinces who
  when where which list show progress done completed status`.split(/\s+/),
);

/**
 * Vietnamese unless the question reads as English: English words (function words, topic words, and
 * words no Vietnamese syllable could spell) are counted against Vietnamese ones (function words, and
 * words shaped like a Vietnamese syllable: "hoi nghi to chuc o dau" stays Vietnamese). Diacritics alone do not decide, because
 * English questions quote Vietnamese names ("Who is responsible for the Kép – Lưu Xá railway?"),
 * but with diacritics English needs two words and no Vietnamese function word at all. `previous`, the
 * conversation's language, decides when the words do not.
 */
export function detectLang(question: string, previous?: Lang): Lang {
  const words = markedSyllables(question);
  let en = 0;
  let vi = 0;
  // Function and question words weigh double. Names are Vietnamese in either language ("Who is Le
  // Anh Duong?", "the Kép – Lưu Xá railway"): a capitalised word past the first counts for nothing.
  words.forEach((s, i) => {
    const w = s.folded;
    if (ENGLISH_MARKERS.has(w) || ENGLISH_TOPIC.has(w)) en += 2;
    else if (VIETNAMESE_MARKERS.has(w)) vi += 2;
    else if (i > 0 && /^\p{Lu}/u.test(s.text)) return;
    // Diacritics on an ordinary word ("tiếp", "cầu") are Vietnamese typing; on a name, either language's.
    else if (s.marked !== undefined) vi += 2;
    else if (VIETNAMESE_SYLLABLE.test(w)) vi++;
    // A word no Vietnamese syllable could be ("highway", "signed"), typed without diacritics.
    else if (/^[a-z]{3,}$/.test(w)) en++;
  });
  if (en >= 4 && en > 2 * vi) return 'en';
  if (vi >= 2 && vi > en) return 'vi';
  // A follow-up too short to tell ("more", "And Thai Nguyen?") stays in the conversation's language.
  if (previous) return previous;
  // One English-looking word ("help", "QL17 status") is not enough to leave Vietnamese, the default.
  if (hasVietnameseMarks(question)) return 'vi';
  return en > vi && en >= 2 ? 'en' : 'vi';
}
