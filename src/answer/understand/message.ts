// From a raw message to the questions in it. A message may be a two-word question, a pasted
// letter that ends in the question, markup copied from a web page, or two questions at once.
// The parts come back in order; each is answered in turn (a later part may lean on an earlier one:
// "Cầu Hòa Sơn nối đâu? Tổng mức đầu tư bao nhiêu?").
import { isStopword } from '../../search/stopwords.ts';
import { cleanInput, MAX_QUESTION_CHARS, markedSyllables, type Syllable, syllables } from '../../text/normalize.ts';

/** The most a message is read, in characters: a pasted document costs what a long letter costs. */
export const MAX_MESSAGE_CHARS = 20_000;

/** The most questions answered from one message. */
export const MAX_PARTS = 3;

/** A message this short is one question, whatever its punctuation ("Biên bản ký khi nào, ở đâu?"). */
const SHORT_MESSAGE = 160;

/** Script and style blocks are code, not words of the question; comments likewise. */
function dropMarkup(raw: string): string {
  return raw
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/&nbsp;|&#160;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>');
}

// Sentence ends: "?", "!", "…", a full stop followed by a space and a capital or a line break, or a
// line break. A full stop inside "6,5km", "10.000", "11-NQ/TW" or after "TP." (an abbreviation
// before a name) does not end a sentence.
const SENTENCE_END = /(?<=[?!…])\s+|(?<=[^\s.]{2}[.])\s+(?=[\p{Lu}\d"“(])|\s*\n+\s*/u;

/**
 * Words that ask: the closed class of question words and requests; two-word ones as pairs ("bao
 * nhiêu", not "bao" and "nhiêu"). Written with diacritics: a word typed with them must be spelt so
 * ("đâu", not "đầu" or "đấu"); one typed without them matches by its letters. "hỏi" and "nhờ" count
 * only as "cho hỏi", "xin hỏi", "nhờ bạn".
 */
const ASKING = phraseSet(
  `ai | gì | nào | sao | đâu | mấy | khi | chưa | không | ko | hok | k | hông | giúp | bao nhiêu | liệt kê | cho biết |
  thế nào | vì sao | cho hỏi | xin hỏi | nhờ bạn | nhờ bot | who | what | which | when | where | why | how | whose | whom |
  is | are | does | do | did | can | could | would | list | tell | show | please`,
);

/** Words that frame a message rather than ask: greetings, introductions, thanks (pairs as in ASKING). */
const FRAMING = phraseSet(`chào | xin chào | cảm ơn | thank | thanks | dear | hi | hello | regards | kính gửi | mình là | tôi là | em là`);

type PhraseSet = { folded: Set<string>; marked: Set<string> };

/** "a | b c | …" as the folded and the marked spellings of each phrase. */
function phraseSet(list: string): PhraseSet {
  const phrases = list.split('|').map((p) => markedSyllables(p.trim()));
  return {
    folded: new Set(phrases.map((p) => p.map((w) => w.folded).join(' '))),
    marked: new Set(phrases.map((p) => p.map((w) => w.marked ?? w.folded).join(' '))),
  };
}

/** Whether the words from `i` (one, or two with `pair`) are a phrase of the set, as typed. */
function inSet(set: PhraseSet, words: readonly Syllable[], i: number, pair = false): boolean {
  const span = words.slice(i, i + (pair ? 2 : 1));
  if (span.length === 0 || (pair && span.length < 2)) return false;
  // Typed with diacritics anywhere in the span, the spelling must match; otherwise the letters.
  return span.some((w) => w.marked !== undefined)
    ? set.marked.has(span.map((w) => w.marked ?? w.folded).join(' '))
    : set.folded.has(span.map((w) => w.folded).join(' '));
}

/** How much a sentence looks like the question of the message. */
function askingScore(sentence: string): number {
  const words = markedSyllables(sentence);
  if (words.length === 0) return -10;
  let score = 0;
  if (/[?？]\s*$/.test(sentence)) score += 3;
  for (let i = 0; i < words.length; i++) {
    if (inSet(ASKING, words, i) || inSet(ASKING, words, i, true)) score += 1;
    if (inSet(FRAMING, words, i) || inSet(FRAMING, words, i, true)) score -= 1;
  }
  // A sentence that is all greeting or thanks is not a question, however short.
  const framed = words.some((_, i) => inSet(FRAMING, words, i) || inSet(FRAMING, words, i, true));
  if (words.length <= 4 && framed && !/[?？]/.test(sentence)) score -= 3;
  return score;
}

/** A sentence as one part, cut to what the engine reads. */
const part = (text: string) => cleanInput(text).slice(0, MAX_QUESTION_CHARS);

const QUESTION_WORDS =
  /(^|\s)(ai|gì|gi|nào|nao|bao nhiêu|bao nhieu|mấy|đâu|dau|bao giờ|sao|who|what|which|when|where|how)(?=\s|$|[?,;.])/iu;

/** Whether a piece of a sentence asks something and has a word of its own beyond question words. */
function asks(piece: string): boolean {
  if (!QUESTION_WORDS.test(piece)) return false;
  return syllables(piece).some((w) => !ASKING.folded.has(w) && !isStopword(w) && w.length > 1);
}

/**
 * "A, B?" and "A và B?": one sentence, two questions, when each piece asks and has words of its own
 * ("Ai ký biên bản và ký ở đâu?", "tái lập năm nào, đến nay được bao nhiêu năm?"). "ký khi nào,
 * ở đâu" stays one: its second piece has nothing of its own.
 */
function splitJoined(sentence: string): string[] {
  const listed = numbered(sentence);
  if (listed) return listed;
  const pieces = sentence.split(/\s*[,;]\s*|\s+(?=(?:và|and|còn)\s)/iu).filter((p) => p.trim().length > 0);
  const out: string[] = [];
  for (const piece of pieces) {
    const clean = piece.replace(/^(và|and|còn)\s+/iu, '').trim();
    const prev = out.at(-1);
    if (prev !== undefined && asks(prev) && asks(clean)) out.push(clean);
    else if (prev !== undefined) out[out.length - 1] = `${prev}${/^(và|and|còn)\s/iu.test(piece) ? ' ' : ', '}${piece.trim()}`;
    else out.push(piece.trim());
  }
  return out;
}

/** "(1) …; (2) …", "1) … 2) …": numbered questions, two or more. */
const NUMBER = /\(\s*(?:\d|[a-e])\s*\)|(?<=^|\s)\d\)\s/giu;

/**
 * "Please give me (1) the number of … and (2) the number of …": each numbered item is a question;
 * a lead-in that asks ("Please give me", "cho tôi hỏi hai ý:") goes before each item that does not
 * ask on its own.
 */
function numbered(sentence: string): string[] | undefined {
  const marks = [...sentence.matchAll(NUMBER)];
  if (marks.length < 2) return undefined;
  const lead = sentence
    .slice(0, marks[0]?.index)
    .replace(/[\s:,;–-]+$/u, '')
    .trim();
  const items = marks.map((m, i) =>
    sentence
      .slice((m.index as number) + m[0].length, marks[i + 1]?.index ?? sentence.length)
      .replace(/[\s,;]*(?:\b(?:and|và)\s*)?$/iu, '')
      .trim(),
  );
  const leadAsks = askingScore(lead) > 0;
  return items.filter((x) => x.length > 0).map((x) => (leadAsks && !QUESTION_WORDS.test(x) ? `${lead} ${x}` : x));
}

/** A sentence longer than this is cut to its asking clause. */
const LONG_SENTENCE = 150;

/**
 * "Em mới được điều về văn phòng, sếp nhờ em làm danh sách…, nên cần biết phía Thái Nguyên có
 * những lãnh đạo nào dự": a long sentence is read from its clause that asks most (question words
 * count double) to its end.
 */
function askingClause(sentence: string): string {
  if (sentence.length <= LONG_SENTENCE) return sentence;
  const clauses = sentence.split(/\s*,\s*/);
  let best = -1;
  let at = 0;
  clauses.forEach((c, i) => {
    const score = askingScore(c) + (QUESTION_WORDS.test(c) ? 2 : 0);
    if (score >= best) {
      best = score;
      at = i;
    }
  });
  return clauses.slice(at).join(', ');
}

/**
 * The questions in a message, in order: at most MAX_PARTS, each cleaned and at most
 * MAX_QUESTION_CHARS long. A short message is one question. A long one keeps the sentences that
 * ask (a question mark, a question word, a request) and drops greetings, introductions and
 * thanks; when no sentence asks, its last sentence is taken as the question.
 */
export function questionsIn(raw: string): string[] {
  // At most MAX_PARTS, however the message is split.
  return partsOf(raw).slice(0, MAX_PARTS);
}

function partsOf(raw: string): string[] {
  const text = dropMarkup(String(raw).slice(0, MAX_MESSAGE_CHARS));
  const plain = cleanInput(text.replace(/<\/?[a-z][^<>]*>/gi, ' '));
  if (plain.length <= SHORT_MESSAGE && (plain.match(/[?？]/g) ?? []).length <= 1) {
    const halves = splitJoined(askingClause(plain));
    return halves.map(part).filter((p) => p.length > 0);
  }
  const sentences = text
    .replace(/<\/?(p|div|br|li|tr|h\d)\b[^>]*>/gi, '\n')
    .replace(/<\/?[a-z][^<>]*>/gi, ' ')
    .split(SENTENCE_END)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s));
  if (sentences.length <= 1)
    return splitJoined(askingClause(plain))
      .map(part)
      .filter((p) => p.length > 0);
  const scored = sentences.map((s, i) => ({ s, i, score: askingScore(s) }));
  let asking = scored.filter((x) => x.score >= 2);
  if (asking.length === 0) asking = scored.filter((x) => x.score >= 1).slice(-1);
  if (asking.length === 0) asking = scored.slice(-1);
  // The last questions matter most in a letter: when there are too many, keep the last ones.
  return asking
    .slice(-MAX_PARTS)
    .flatMap((x) => splitJoined(askingClause(x.s)))
    .slice(-MAX_PARTS)
    .map(part)
    .filter((p) => p.length > 0);
}
