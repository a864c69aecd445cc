// Question → intent, by phrase patterns over the folded question ("ai phu trach", "who is
// responsible for"). Folding first means one pattern serves both "ai phụ trách" and
// "ai phu trach". The phrase that signalled the intent is cut out, and the rest is the subject.
import type { Status } from '../knowledge/schema.ts';
import { markedSyllables, syllables, type Syllable } from '../text/normalize.ts';

/** What a question about the agreement itself asks for. */
export type AgreementFocus = 'signers' | 'chairs' | 'author' | 'attendees' | 'overview';

export type Detected =
  | { intent: 'help' }
  | { intent: 'agreement'; focus: AgreementFocus; subject: string }
  | { intent: 'status_list'; statuses: Status[] | 'all'; subject: string; includeResults: boolean }
  | { intent: 'responsibility'; subject: string }
  | { intent: 'duties'; subject: string }
  | { intent: 'who'; subject: string }
  | { intent: 'search'; subject: string };

// Phrases are written folded (no diacritics), one per line group, and matched on whole syllables.
// Asked anywhere in the question, these mean "how do I use you".
const HELP_ANYWHERE = [
  'huong dan su dung',
  'cach dat cau hoi',
  'cach hoi',
  'hoi duoc gi',
  'hoi duoc nhung gi',
  'hoi nhung gi',
  'lam duoc gi',
  'lam duoc nhung gi',
  'tra loi duoc gi',
  'tra loi nhung gi',
  'giup duoc gi',
  'how do i use',
  'how to use',
  'how can i use',
  'what can you do',
  'what can i ask',
  'what sort of question',
  'what kind of question',
  'what question',
  'what do you know',
  'what can you answer',
  'how does this bot work',
  'huong dan toi',
];

const HELP = [
  'help',
  'giup',
  'giup do',
  'tro giup',
  'huong dan',
  'huong dan su dung',
  'menu',
  'start',
  'bat dau',
  'ban lam duoc gi',
  'ban co the lam gi',
  'ban giup duoc gi',
  'hoi duoc gi',
  'toi co the hoi gi',
  'what can you do',
  'how do i use this',
  'how to use',
  'cach dung',
  'cach su dung',
  'xin chao',
  'chao',
  'hello',
  'hi',
];

const AGREEMENT = [
  'ky ket khi nao',
  'ky khi nao',
  'ky ngay nao',
  'ngay ky',
  'ngay ky ket',
  'thoi gian ky',
  'ky o dau',
  'ky tai dau',
  'ky o',
  'ky tai',
  'signed where',
  'where signed',
  'ky ket o dau',
  'ky ket tai dau',
  'dia diem ky',
  'dia diem ky ket',
  'ai ky',
  'ai ky ket',
  'ben nao ky',
  'cac ben ky ket',
  'cac ben',
  'ky ket giua',
  'giai doan nao',
  'giai doan',
  'thoi han',
  'hieu luc',
  'chu tri hoi nghi',
  'ai chu tri',
  'dong chu tri',
  'hoi nghi ky ket',
  'ky ngay',
  'ngay may',
  'ngay bao nhieu',
  'hom nao',
  'bao lau',
  'keo dai',
  'den nam nao',
  'den khi nao',
  'thoi gian thuc hien',
  'how long',
  'duration',
  'until when',
  'presided',
  'presided over',
  'who presided',
  'phong vien',
  'reporter',
  'journalist',
  'ai dua tin',
  'nguoi viet',
  'ai to chuc',
  'do ai to chuc',
  'to chuc hoi nghi',
  'hoi nghi do',
  'organized',
  'organised',
  'organizer',
  'organiser',
  'hosted',
  'dien ra vao buoi nao',
  'dien ra khi nao',
  'dien ra o dau',
  'to chuc o dau',
  'to chuc khi nao',
  'buoi nao',
  'bien ban ghi nho la gi',
  'thong tin bien ban',
  'tong quan',
  'gioi thieu bien ban',
  'du hoi nghi',
  'tham du hoi nghi',
  'tham du',
  'nguoi ky',
  'when was',
  'when did',
  'where was',
  'where did',
  'who signed',
  'signed',
  'signing',
  'sign',
  'what period',
  'period',
  'co chair',
  'co chaired',
  'chaired',
  'who chaired',
  'signatories',
  'what is the mou',
  'overview',
  'what is this agreement',
  'tac gia',
  'ai viet',
  'author',
  'who wrote',
  'wrote',
  'attended',
  'attend',
  'attendees',
  'took part',
  'present at',
];

const FOCUS: [AgreementFocus, string[]][] = [
  ['author', ['tac gia', 'ai viet', 'author', 'who wrote', 'wrote', 'phong vien', 'reporter', 'journalist', 'ai dua tin', 'nguoi viet']],
  ['chairs', ['chu tri', 'co chair', 'co chaired', 'chaired', 'chair the conference', 'presided']],
  ['attendees', ['du hoi nghi', 'tham du', 'attended', 'attend', 'attendees', 'took part', 'present at']],
  [
    'signers',
    [
      'to chuc',
      'ai to chuc',
      'do ai to chuc',
      'to chuc hoi nghi',
      'organized',
      'organised',
      'organizer',
      'organiser',
      'hosted',
      'ai ky',
      'ben nao ky',
      'cac ben',
      'ky ket giua',
      'nguoi ky',
      'who signed',
      'signed by',
      'signatories',
      'which bodies signed',
      'bodies signed',
    ],
  ],
];

const STATUS_WORDS: [Status[] | 'all', string[]][] = [
  [
    ['pending'],
    [
      'con dang cho',
      'dang cho',
      'dang con cho',
      'con cho',
      'chua thuc hien',
      'chua hoan thanh',
      'chua xong',
      'chua lam',
      'chua trien khai',
      'con ton dong',
      'ton dong',
      'con lai',
      'pending',
      'outstanding',
      'not yet done',
      'not done',
      'not started',
      'still open',
      'remaining',
      'unfinished',
      'left to do',
      'what is left',
      'whats left',
      'still to do',
      'to be done',
    ],
  ],
  [
    ['in_progress'],
    [
      'dang thuc hien',
      'dang trien khai',
      'dang dau tu',
      'dang lam',
      'in progress',
      'ongoing',
      'underway',
      'under way',
      'being implemented',
      'in the works',
    ],
  ],
  [
    ['done'],
    [
      'da hoan thanh',
      'hoan thanh',
      'da xong',
      'da thuc hien',
      'da lam duoc',
      'da dat duoc',
      'ket qua da dat',
      'ket qua hop tac',
      'ket qua',
      'thanh tuu',
      'done',
      'completed',
      'complete',
      'finished',
      'achieved',
      'accomplished',
      'result',
      'results',
      'achievement',
      'achievements',
    ],
  ],
  [
    'all',
    [
      'trang thai',
      'tien do',
      'tinh trang',
      'status',
      'progress',
      'danh sach cam ket',
      'tat ca cam ket',
      'cac cam ket',
      'nhung cam ket',
      'cam ket nao',
      'which commitment',
      'list commitment',
      'all commitment',
      'list of commitment',
      'commitment list',
      'what commitment',
    ],
  ],
];

const RESPONSIBILITY = [
  'ai dung ra',
  'ai quan ly',
  'who takes care of',
  'who take care of',
  'who looks after',
  'who manages',
  'who deals with',
  'who is in charge of',
  'who is handling',
  'ai lanh dao',
  'ai lanh dao chi dao',
  'ai chi dao thuc hien',
  'ai huong dan',
  'ai phu trach',
  'ai chiu trach nhiem',
  'ai chiu trach nhiem ve',
  'ai thuc hien',
  'ai lam',
  'ai dam nhiem',
  'ai dam nhan',
  'ai trien khai',
  'ai lo',
  'don vi nao phu trach',
  'don vi nao',
  'co quan nao',
  'ben nao',
  'ai duoc giao',
  'giao cho ai',
  'do ai phu trach',
  'ai dau tu',
  'ai chi dao',
  'ai tham muu',
  'ai duoc de nghi',
  'trach nhiem',
  'phu trach',
  'who is responsible',
  'who responsible',
  'who s responsible',
  'responsible for',
  'who handle',
  'who handles',
  'who is in charge',
  'in charge of',
  'who lead',
  'who leads',
  'who should',
  'whose responsibility',
  'responsibility for',
  'who must',
  'who will',
  'who does',
  'who implements',
  'who is implementing',
  'responsibility',
  'responsible',
];

const DUTIES = [
  'co viec gi',
  'viec gi',
  'lam nhung gi',
  'duoc giao viec gi',
  'co vai tro gi',
  'co nhiem vu gi',
  'nhiem vu gi',
  'nhiem vu cua',
  'phu trach gi',
  'phu trach nhung gi',
  'phu trach viec gi',
  'phai lam gi',
  'lam gi',
  'chiu trach nhiem gi',
  'duoc giao gi',
  'duoc giao nhiem vu gi',
  'co trach nhiem gi',
  'trach nhiem cua',
  'nhiem vu',
  'vai tro cua',
  'vai tro',
  'what does',
  'what do',
  'what is',
  'what are',
  'responsible for what',
  'duties of',
  'duties',
  'tasks of',
  'tasks',
  'role of',
  'asked to do',
  'have to do',
  'has to do',
  'must do',
  'supposed to do',
];

// Question words that carry no topic; stripped from every subject ("dài bao nhiêu km" → "dài km").
const QUESTION_WORDS = [
  'dieu gi',
  'cai gi',
  'nhung gi',
  'bao nhieu',
  'nhu the nao',
  'the nao',
  'ra sao',
  'la gi',
  'o dau',
  'khi nao',
  'phai khong',
  'co phai',
  'duoc khong',
  'hay khong',
  'gom nhung ai',
  'gom nhung gi',
  'gom nhung',
];

const WHO = [
  'la ai',
  'la nguoi nao',
  'giu chuc vu gi',
  'chuc vu gi',
  'chuc vu',
  'giu chuc gi',
  'lam chuc gi',
  'chuc danh',
  'who is',
  'who s',
  'who are',
  'who holds',
  'who was',
  'what is the position of',
  'position of',
  'title of',
  'tell me about',
  'dong chi',
];

// Patterns go through the same syllable splitting as questions, so "bodies" and "body" meet.
const compile = (list: string[]) => list.map((p) => syllables(p)).sort((a, b) => b.length - a.length);
const C = {
  focus: FOCUS.map(([f, words]) => [f, compile(words)] as const),
  help: compile(HELP),
  agreement: compile(AGREEMENT),
  status: STATUS_WORDS.map(([s, words]) => [s, compile(words)] as const),
  responsibility: compile(RESPONSIBILITY),
  duties: compile(DUTIES),
  who: compile(WHO),
  question: compile(QUESTION_WORDS),
  helpAnywhere: compile(HELP_ANYWHERE),
};

/** One typo is forgiven in a long pattern word ("responsble", "tráh"), never in short ones. */
function close(word: string, pattern: string): boolean {
  if (word === pattern) return true;
  if (pattern.length < 5 || Math.abs(word.length - pattern.length) > 1) return false;
  // Deleting one letter of the longer word, or changing one (same length), must give the other.
  // Compared in place: this runs for every pattern word at every position of every question.
  const [a, b] = word.length >= pattern.length ? [word, pattern] : [pattern, word];
  let i = 0;
  while (i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  const skip = a.length > b.length ? 1 : 0;
  for (let j = i + 1 - skip; j < b.length; j++) if (a.charCodeAt(j + skip) !== b.charCodeAt(j)) return false;
  return true;
}

/** Finds the first (longest) phrase in the words; returns the words with it removed. */
function cut(words: Syllable[], phrases: string[][]): Syllable[] | undefined {
  for (let pass = 0; pass < 2; pass++) {
    const exact = pass === 0;
    for (const p of phrases) {
      // Typos are forgiven only in multi-word patterns, where the other words anchor the match.
      if (!exact && p.length < 2) continue;
      // Plain loops, no closure per position: this runs for every phrase at every position of every
      // question, and a named closure costs a function allocation (and tsx's __name) each time.
      for (let i = 0; i + p.length <= words.length; i++) {
        let k = 0;
        while (
          k < p.length &&
          (exact ? (words[i + k] as Syllable).folded === p[k] : close((words[i + k] as Syllable).folded, p[k] as string))
        )
          k++;
        if (k === p.length) return [...words.slice(0, i), ...words.slice(i + p.length)];
      }
    }
  }
  return undefined;
}

/** The words as the user wrote them, diacritics kept: later matching needs them ("đường" is not "Dương"). */
const text = (words: Syllable[]) => words.map((w) => w.text).join(' ');

/** Removes every occurrence of the phrases, not just the first. */
function cutAll(words: Syllable[], phrases: string[][]): Syllable[] {
  let rest = words;
  for (let next = cut(rest, phrases); next; next = cut(rest, phrases)) rest = next;
  return rest;
}

/** Strips the question words ("là ai", "who is", "bao nhiêu") that remain after the intent phrase is cut. */
function subject(words: Syllable[]): string {
  return text(cutAll(cut(words, C.who) ?? words, C.question));
}

/**
 * Detects the intent. Order matters: meta questions about the signing come before responsibility
 * ("ai chủ trì hội nghị" is about the agreement, not a commitment), and status words before topics.
 */
export function detectIntent(question: string): Detected {
  const syl = markedSyllables(question);
  if (syl.length === 0) return { intent: 'help' };
  const whole = syl.map((w) => w.folded).join(' ');
  if (C.help.some((p) => p.join(' ') === whole)) return { intent: 'help' };
  if (/^(help|tro giup|huong dan)\b/.test(whole) && syl.length <= 3) return { intent: 'help' };
  if (cut(syl, C.helpAnywhere)) return { intent: 'help' };

  const resp = cut(syl, C.responsibility);
  // "ai ký kết", "ai chủ trì hội nghị": the signing itself.
  const agreement = cut(syl, C.agreement);
  if (agreement && !(resp && agreement.length > syl.length - 2 && /cam ket|commitment/.test(whole))) {
    const focus = C.focus.find(([, phrases]) => cut(syl, phrases))?.[0] ?? 'overview';
    return { intent: 'agreement', focus, subject: subject(agreement) };
  }
  const duties = cut(syl, C.duties);
  const startsWithWho =
    syl[0]?.folded === 'ai' || syl[0]?.folded === 'who' || whole.startsWith('don vi nao') || whole.startsWith('co quan nao');
  if (resp && (startsWithWho || !duties)) return { intent: 'responsibility', subject: subject(resp) };

  for (const [statuses, phrases] of C.status) {
    const rest = cut(syl, phrases);
    if (rest) {
      const includeResults = statuses !== 'all' && statuses.includes('done');
      return { intent: 'status_list', statuses, subject: subject(rest), includeResults };
    }
  }
  if (duties) return { intent: 'duties', subject: subject(cutAll(duties, C.duties)) };
  const who = cut(syl, C.who);
  if (who) return { intent: 'who', subject: text(cutAll(who, C.question)) };
  return { intent: 'search', subject: text(cutAll(syl, C.question)) };
}
