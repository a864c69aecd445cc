// Stop words. Folding merges Vietnamese words ("thì" and "thị", "đang" and "Đảng", "cho" and
// "chờ"), so a word typed with diacritics is checked against the marked list, and only a word
// typed without them falls back to the folded list, from which every ambiguous word is left out.
import { fold, marked, stem } from '../text/normalize.ts';

const VI_MARKED = `và của các những là với trong trên để theo từ về tại này đó thì mà nào gì ai đã sẽ còn cũng như
hoặc hay một được bị không có rồi chưa nhé ơi vậy sao bao giờ nhỉ thuộc nhất rất qua đến ra vào ở biết hỏi
xin vui lòng mình ông bà chị hiện nay cái việc ấy kia đây làm giùm giúp đang cho tôi bạn do nhiêu người hả à
thế nào gồm những nhé ạ vâng dạ đâu đi cần phải nên giữa hãy lại vẫn mới chứ thôi luôn nữa hết nhau bên phía kiêm em anh ko k hok dc đc j z`;

// Folded forms that are also content words once folded: đang/Đảng, tôi/tội, bạn/Ban,
// do/độ, thế/thể, bao/bảo, hay/hãy, hiện/hiện thực. "cho" is a stop word even though it folds
// like "chờ": "còn chờ" is read as a phrase (answer/understand/cues.ts) before stop words count.
// English "to" and "on" are stop words only when typed without diacritics ("tổ", "ổn" keep theirs).
const FOLDED_AMBIGUOUS = new Set(['dang', 'toi', 'ban', 'do', 'the', 'bao', 'hay', 'hien', 'ra', 'dan', 'tai', 'can', 'nen']);

const EN = `the a of for in at by with and or is are was were be been being who whom what which when where how why
does do did done has have had it its this that these those there about any all me my i you your we our
they their he she his her from as into tell show list please can could would should will still yet
not no yes than then so if us may might must some already currently now ever s d ll re ve whats to on
mention mentioned say says said stated talk talks regarding concerning current currently project projects
over under into onto upon after before during within without between against through per via up down out off near
quick hi hello ok okay thing things exactly actually really kindly one bot chatbot answer answers reply respond
just only merely simply also even roughly approximately something anything
come comes arise arises occur occurs happen happens reference referenced references refer refers referred cite cites cited
give gives gave given provide let
appear appears appeared locate located situated lie lies envisage envisages envisaged foresee foresees held hold holds`;

const VI_MARKED_SET = new Set(VI_MARKED.split(/\s+/).map(marked));
const VI_FOLDED_SET = new Set(
  VI_MARKED.split(/\s+/)
    .map(fold)
    .filter((w) => !FOLDED_AMBIGUOUS.has(w)),
);
// Words reach isStopword stemmed ("there" as "ther"), so each English word is kept in both forms.
const EN_SET = new Set(EN.split(/\s+/).flatMap((w) => [w, stem(w)]));

/** True for a function word. `markedForm` is the syllable's marked form when it was typed with diacritics. */
export function isStopword(folded: string, markedForm?: string): boolean {
  if (markedForm !== undefined) return VI_MARKED_SET.has(markedForm);
  return VI_FOLDED_SET.has(folded) || EN_SET.has(folded);
}

/** English function words: their presence tells an English question. */
export const ENGLISH_MARKERS: ReadonlySet<string> = new Set([...EN_SET].filter((w) => w.length > 1));

/** Vietnamese function words (folded) that do not double as English words. */
export const VIETNAMESE_MARKERS: ReadonlySet<string> = new Set(
  `va cua cac nhung la voi trong tren theo ve tai nay thi nao gi ai da se con cung duoc khong co chua nhu
  phu trach cam ket nhiem vu chu tich bi thu hai tinh`.split(/\s+/),
);

/**
 * Phrases of question language that name no topic ("dự kiến", "ưu tiên", "cụ thể"): the analyser
 * treats them as generic words, so that "Thu hút FDI thì ưu tiên lĩnh vực nào?" is about FDI.
 * Single function words are in the lists above.
 */
export const QUESTION_PHRASES: readonly string[] = [
  'dự kiến',
  'ưu tiên',
  'cụ thể',
  'hiện tại',
  'thời gian tới',
  'quan tâm',
  'chú trọng',
  'căn cứ',
  'dựa trên',
  'theo như',
  'vấn đề',
  'về mặt',
  'mặt này',
  'điều gì',
  'điều khoản',
  'nêu',
  'được nêu',
  'nêu ra',
  'ra sao',
  'giữ vai trò',
  'giữ chức',
  'giữ chức vụ',
  'đảm nhiệm',
  'định hướng',
  'nổi bật',
  'tiêu biểu',
  'một số',
  'xác định',
  'viện dẫn',
  'đề cập',
  'đề cập đến',
  'nhắc đến',
  'nhắc tới',
  'những điều',
];

/** Every stop word, folded: words the typo rule must never "correct". */
export const STOPWORDS_FOLDED: ReadonlySet<string> = new Set([...EN_SET, ...VI_MARKED.split(/\s+/).map(fold)]);
