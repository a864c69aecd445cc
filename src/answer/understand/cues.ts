// What a question asks, read from its question words and constructions. Vietnamese and English mark
// questions with a closed class of words ("ai", "gì", "nào", "bao nhiêu", "khi nào", "chưa",
// "who", "how many"…) and a few verbs of responsibility, status and speech. Each phrase here
// signals one feature; no feature decides alone (see frame.ts, which weighs them with the
// entities the question names).
//
// Phrases are written as people write them, with diacritics. A question typed with diacritics must
// match them exactly (tone included: "đảng" is not "đang"); one typed without matches on the folded
// form. English phrases are plain. Matching is on whole syllables, longest phrase first.
import { markedSyllables, sameMarked, type Syllable } from '../../text/normalize.ts';

export type Feature =
  /** ai, who, người nào: the answer is a party or a person. */
  | 'who'
  /** là ai, who is, giữ chức gì: who someone is, or who holds a title. */
  | 'whoIs'
  /** phụ trách, chịu trách nhiệm, responsible: a verb of responsibility. */
  | 'responsible'
  /** lo, làm, thực hiện, đầu tư, quản lý…: a weaker verb of doing, responsibility only beside "ai"/"nào". */
  | 'doing'
  /** đề nghị, kiến nghị, trông vào, asked: who was asked to act. */
  | 'addressee'
  /** được đề nghị, is asked, want from: what is asked of the party the question names. */
  | 'askedOf'
  /** đầu tư, bỏ vốn, invest: who invests. */
  | 'invest'
  /** bên nào, cơ quan nào, which agency: the answer is a party. */
  | 'whichParty'
  /** nhiệm vụ gì, phải làm gì, what must X do: the duties of a party. */
  | 'duties'
  /** xong chưa, tới đâu, tiến độ, status, is it done: how far something is. */
  | 'status'
  /** những, các, liệt kê, danh sách, which…, list: a list is asked for. */
  | 'list'
  | 'pending'
  | 'ongoing'
  | 'inProgress'
  | 'done'
  /** đã làm được gì, kết quả, trước đây, achieved: what was achieved before the MoU. */
  | 'results'
  /** cam kết, commitment: the agreement's own undertakings, not earlier results. */
  | 'commitment'
  /** bao nhiêu, mấy, how many: a number. */
  | 'count'
  /** kinh phí, tổng mức đầu tư, budget: money, which no agreement here states. */
  | 'money'
  | 'when'
  | 'where'
  /** hoàn thành, khởi công, complete: beside "when", a completion date. */
  | 'finish'
  /** "trước khi ký", "before the signing": a time set by the signing (made in frame.ts from `sign`). */
  | 'dated'
  /** sẽ, sắp, will: a time to come, which the signing is not. */
  | 'future'
  /** quá hạn, trễ hạn, overdue: a deadline passed with the work not done. */
  | 'overdue'
  /** hạn chót, thời hạn, deadline, due. */
  | 'deadline'
  | 'sign'
  | 'chair'
  | 'attend'
  | 'author'
  /** do ai tổ chức, hosted: who organised the conference. */
  | 'organise'
  /** tên đầy đủ, full name: the agreement's name. */
  | 'name'
  /** các nhóm nội dung, which areas: the areas the agreements cover. */
  | 'areas'
  /** phát biểu, nói, hy vọng, said, hope: what someone said. */
  | 'said'
  /** nói gì về, có nội dung gì, what does it say about: the content on a topic. */
  | 'about'
  | 'help'
  /** biên bản, MoU, thỏa thuận, hội nghị: the agreement itself. */
  | 'agreement'
  /** giai đoạn nào, bao lâu, what period: the agreement's period, or how far a work is. */
  | 'period'
  /** dòng nào, which line: where the source says it. */
  | 'line'
  /** tổng cộng, tất cả, in total: with "bao nhiêu", a count of commitments. */
  | 'total'
  /** cụ thể: a specific party or item, not a general one. */
  | 'specific'
  // Follow-ups (see follow-up.ts).
  /** còn … thì sao, what about, and …: the same question of something else. */
  | 'other'
  /** chi tiết hơn, more detail. */
  | 'detail'
  /** trích dẫn, nguyên văn, quote. */
  | 'quote'
  /** phân công chung, general assignment: the speeches' assignment for the whole agreement. */
  | 'assignment'
  /** tiếp, xem tiếp, more, next. */
  | 'next'
  /** đó, này, ấy, ông ấy, it, that, her: a word that points back. */
  | 'pronoun'
  /** trong đó, trong số đó, among them. */
  | 'among'
  /** người tương ứng, counterpart: the same title elsewhere. */
  | 'counterpart';

const LEXICON: Record<Feature, string> = {
  who: 'ai | người nào | đồng chí nào | ông nào | bà nào | vị nào | những ai | who | whom | whose | which person | which official | which officials | which leader | which leaders | what leader | which member | lãnh đạo nào | thành viên nào',
  whoIs:
    'là ai | là người nào | là đồng chí nào | là gì của | giữ ghế | giữ chức | đang giữ | nắm giữ | giữ chức vụ gì | giữ chức gì | giữ những chức vụ gì | giữ những chức vụ nào | chức vụ gì | chức vụ | chức danh | làm chức gì | tên gì | tên là gì | tên là | who is | who s | who was | who are | tell me about | what position | what title | what is the position | position of | title of | what role does',
  responsible:
    'phụ trách | chịu trách nhiệm | có trách nhiệm | trách nhiệm chính | đảm nhiệm | đảm nhận | đảm trách | chủ trì thực hiện | đầu mối | responsible | responsibility | in charge | take care of | takes care of | looks after | deals with',
  doing:
    'lo | làm | thực hiện | triển khai | quản lý | lãnh đạo | chỉ đạo | chủ trì | tham mưu | báo cáo | phụ trách | handle | handles | handling | manage | manages | managing | lead | leads | leading | implement | implements | implementing | carry out | carries out | carrying out | do | does | oversee | oversees | overseeing | advise | advises | advised | advising | report to | reports to',
  askedOf:
    'được đề nghị | được yêu cầu | được kiến nghị | được mong đợi | is asked | are asked | was asked | were asked | asked of | want from | wants from | expected of',
  addressee:
    'đề nghị | kiến nghị | đề xuất | gửi lên | gửi tới | trình lên | trông vào | trông chờ | nhờ ai | giao cho | được giao | ask | asked | ask for | asked for | request | requested | propose | proposed',
  invest: 'đầu tư | bỏ vốn | rót vốn | invest | invests | investing | fund | funds | pays for',
  whichParty:
    'bên nào | phía nào | cơ quan nào | đơn vị nào | tỉnh nào | bộ nào | ngành nào | sở nào | tổ chức nào | cấp nào | địa phương nào | công ty nào | doanh nghiệp nào | lực lượng nào | which body | which bodies | which agency | which agencies | which province | which provinces | which ministry | which organisation | which organization | which side | which department | what body | what agency',
  duties:
    'nhiệm vụ gì | nhiệm vụ | phải làm gì | phải làm những gì | cần làm gì | làm gì | làm những gì | có trách nhiệm gì | trách nhiệm gì | được giao gì | được giao việc gì | được giao nhiệm vụ | giữ vai trò gì | giữ vai trò | vai trò gì | vai trò | phụ trách gì | phụ trách những gì | phụ trách việc gì | có việc gì | what does | what do | what must | what should | have to do | has to do | must do | should do | supposed to do | asked to do | expected to do | duties | tasks | role of | responsible for what',
  status:
    'xong chưa | đã xong chưa | hoàn thành chưa | làm chưa | có chưa | chưa | tới đâu | đến đâu | thế nào rồi | ra sao rồi | đến đâu rồi | tiến độ | trạng thái | tình trạng | rồi hay | hay mới | mới hay | hay đang | hay vẫn | hay chưa | status | progress | yet | is it done | done yet | finished yet | completed yet | already | still | stand | stands | how far',
  list: 'những | các | liệt kê | danh sách | kể tên | tất cả | nào | list | which | what are the | all the | all of',
  pending:
    'còn chờ | đang chờ | vẫn chờ | chờ đợi | chưa thực hiện | chưa hoàn thành | chưa xong | chưa làm | chưa triển khai | tồn đọng | còn lại | pending | outstanding | not yet | not done | not started | remaining | unfinished | open | left to do | to be done',
  ongoing: 'tiếp tục | duy trì | continuing | continued | continue | ongoing | maintain | maintained | keep | keeps | keep on',
  inProgress:
    'đang thực hiện | đang triển khai | đang đầu tư | đang xây dựng | in progress | under way | underway | being implemented | being built',
  done: 'đã hoàn thành | hoàn thành | đã xong | xong | đã thực hiện | done | completed | complete | finished | accomplished',
  results:
    'đã làm được gì | làm được gì | đã làm được | đã làm gì | đã đạt được | đạt được | kết quả | thành tựu | thành quả | trước đây | trước giờ | trước nay | từ trước | những năm qua | thời gian qua | đã hợp tác | đã triển khai | achieved | achievement | achievements | accomplished | so far | in the past | previously | past results | results',
  count: 'bao nhiêu | bn | mấy | số lượng | how many | how much | number of',
  money:
    'kinh phí | tổng mức đầu tư | tổng vốn | vốn đầu tư | nguồn vốn | ngân sách | tỷ đồng | tỉ đồng | triệu đồng | chi phí | bao nhiêu tiền | budget | cost | costs | funding | funds | allocated | billion | vnd',
  when: 'khi nào | bao giờ | lúc nào | ngày nào | ngày mấy | năm nào | đến năm nào | năm mấy | hôm nào | ngày ký | ngày ký kết | ngày kí | ngày kí kết | tháng nào | thời gian nào | buổi nào | buổi sáng hay chiều | sáng hay chiều | when | what date | what year | which year | what time | what day',
  where: 'ở đâu | tại đâu | nơi nào | chỗ nào | địa điểm | đâu | where | what place | which city',
  finish:
    'hoàn thành | xong | khởi công | khánh thành | đưa vào sử dụng | thông xe | vận hành | phê duyệt | được duyệt | complete | completed | finish | finished | open | opened | start construction | break ground | approved | approve',
  dated: '',
  future: 'sẽ | sắp | sắp tới | will | going to | upcoming',
  overdue: 'quá hạn | trễ hạn | chậm hạn | overdue | past due | late | behind schedule',
  deadline: 'hạn chót | hạn cuối | thời hạn | đến hạn | deadline | deadlines | due',
  sign: 'ký | ký kết | kí | kí kết | sign | signed | signing | signatory | signatories',
  chair: 'chủ trì | đồng chủ trì | chair | chaired | co chair | co chaired | preside | presided | presiding',
  attend:
    'dự hội nghị | dự họp | ai dự | nào dự | có dự | tham dự | có mặt | thành phần | attend | attended | attendees | attending | present | took part | participants',
  author:
    'tác giả | người viết | ai viết | do ai viết | viết bài | phóng viên | đưa tin | bút danh | author | wrote | writer | reporter | journalist',
  organise:
    'do ai tổ chức | ai tổ chức | tổ chức hội nghị | tổ chức | diễn ra | hội nghị do | đơn vị tổ chức | organized | organised | organizer | organiser | hosted | host | take place | took place | takes place',
  areas:
    'nhóm nội dung | các nhóm | những nhóm | lĩnh vực nào | các lĩnh vực | những lĩnh vực | mảng nào | các mảng | which areas | what areas | which fields | what fields | categories | topics covered',
  name: 'tên đầy đủ | tên gọi | tên chính thức | tên văn bản | full name | official name | full title',
  said: 'phát biểu | nói | nhấn mạnh | hy vọng | hi vọng | kỳ vọng | mong | mong muốn | khẳng định | cho biết | nhận xét | nhận định | chỉ ra | nêu ra | remarked | pointed out | point out | said | say | says | speech | spoke | stressed | hoped | hope | hopes | expects | urged',
  about:
    'nói gì về | nói gì | có nói gì | nói sao | nội dung gì | nội dung nào | có gì về | đề cập | nhắc | nhắc đến | nhắc tới | quy định gì | what does it say | say about | says about | anything about | is there anything | mention | mentions | mentioned',
  help: 'help | giúp | trợ giúp | hướng dẫn | hướng dẫn sử dụng | cách đặt câu hỏi | cách hỏi | menu | bạn làm được gì | hỏi được gì | hỏi được những gì | hỏi những gì | có thể hỏi | bạn có thể làm gì | what can you do | how do i use | what can i ask | how to use | what sort of questions | what kind of questions | what questions',
  period:
    'giai đoạn nào | ở giai đoạn nào | giai đoạn | bao lâu | kéo dài | hiệu lực | what period | which period | how long | until when | valid | cover',
  line: 'dòng nào | ở dòng | dòng số | đoạn nào | which line | what line | on which line',
  agreement:
    'biên bản | biên bản ghi nhớ | mou | thỏa thuận | văn bản | chương trình | chương trình hợp tác | chương trình phối hợp | chương trình liên kết | hội nghị | bài viết | bài báo | bài tin | bản tin | tin bài | agreement | memorandum | conference | meeting | deal | article',
  commitment: 'cam kết | commitment | commitments | committed | undertaking | undertakings',
  total: 'tổng cộng | tổng số | tất cả | in total | altogether | overall',
  specific: 'cụ thể | riêng | specific | specifically | particular',
  other: 'còn | thế còn | the con | còn bên | còn phía | thì sao | what about | how about | and',
  detail:
    'chi tiết | chi tiết hơn | nói rõ hơn | rõ hơn | cụ thể hơn | đầy đủ | xem đầy đủ | more detail | more details | details | in full | full | elaborate | explain',
  assignment: 'phân công chung | general assignment | the general assignment',
  quote: 'trích dẫn | nguyên văn | trích | quote | quotes | verbatim | exact words',
  next: 'tiếp | xem tiếp | tiếp theo | trang sau | next | more | next page',
  pronoun:
    'đó | này | ấy | kia | ông ấy | bà ấy | đồng chí ấy | đồng chí đó | đồng chí | ông | bà | nó | họ | việc đó | cái đó | it | its | that | this | he | she | her | him | his | they | them | those | these',
  among: 'trong đó | trong số đó | trong số này | among them | of them | of those',
  counterpart: 'người tương ứng | tương ứng | đồng cấp | counterpart | equivalent',
};

/** One phrase of the lexicon, as syllables. */
interface Phrase {
  feature: Feature;
  words: Syllable[];
}

/** A feature found in the question: which syllables (as positions) it covers. */
export interface CueMatch {
  feature: Feature;
  from: number;
  /** One past the last syllable. */
  to: number;
}

const PHRASES: Phrase[] = (Object.entries(LEXICON) as [Feature, string][])
  .flatMap(([feature, list]) => list.split('|').map((p) => ({ feature, words: markedSyllables(p.trim()) })))
  .filter((p) => p.words.length > 0);

// First syllable → phrases starting with it, longest first: one map look-up per position.
const BY_FIRST = new Map<string, Phrase[]>();
for (const p of PHRASES) {
  const first = (p.words[0] as Syllable).folded;
  BY_FIRST.set(first, [...(BY_FIRST.get(first) ?? []), p]);
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.words.length - a.words.length);

/** English question words that also join clauses ("when attracting", "while"). */
const CONJUNCTIONS = new Set(['when', 'where', 'which', 'who', 'how', 'what']);

/** Every word the lexicon uses, folded: the typo rule corrects toward these too. */
export const CUE_WORDS: ReadonlySet<string> = new Set(PHRASES.flatMap((p) => p.words.map((w) => w.folded)));

/** Lexicon words that carry diacritics, folded ("mấy" → "may"): a Vietnamese word typed without them. */
export const CUE_UNMARKED_VI: ReadonlySet<string> = new Set(
  PHRASES.flatMap((p) => p.words.flatMap((w) => (w.marked !== undefined ? [w.folded] : []))),
);

/** The marked forms of the lexicon's words, as typed with diacritics. */
export const CUE_MARKED: ReadonlySet<string> = new Set(PHRASES.flatMap((p) => p.words.flatMap((w) => (w.marked ? [w.marked] : []))));

/** A lexicon syllable matches a question syllable typed without diacritics by its folded form, typed with them by its marks. */
function same(cue: Syllable, q: Syllable): boolean {
  if (cue.folded !== q.folded) return false;
  if (q.marked === undefined) return true;
  // Typed with diacritics, the word must be the lexicon's word: "đó" is not English "do", and a
  // tone the lexicon's word lacks makes another word ("đầu" is not "đâu").
  const c = cue.marked ?? cue.folded;
  return c === q.marked || (/\d$/.test(c) && sameMarked(c, q.marked));
}

/**
 * Every feature phrase in the question. At each position, each feature's longest phrase counts;
 * different features may overlap ("đầu tư" is both `doing`-like and `invest`).
 */
export function findCues(words: readonly Syllable[]): CueMatch[] {
  const out: CueMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    const candidates = BY_FIRST.get((words[i] as Syllable).folded);
    if (!candidates) continue;
    const seen = new Set<Feature>();
    for (const p of candidates) {
      if (seen.has(p.feature) || i + p.words.length > words.length) continue;
      let k = 0;
      while (k < p.words.length && same(p.words[k] as Syllable, words[i + k] as Syllable)) k++;
      // "… prioritise when attracting investment": an English question word before an -ing
      // verb joins a clause; it asks nothing.
      if (
        k === p.words.length &&
        k === 1 &&
        CONJUNCTIONS.has((words[i] as Syllable).folded) &&
        /ing$/.test(words[i + 1]?.text.toLowerCase() ?? '')
      )
        continue;
      if (k === p.words.length && k === 1 && inEnglishName(words, i)) continue;
      if (k === p.words.length) {
        seen.add(p.feature);
        out.push({ feature: p.feature, from: i, to: i + k });
      }
    }
  }
  return out;
}

/** "the Standing Committee", "Central Committee": a capitalised English word beside another, past the first word, is part of a name. */
function inEnglishName(words: readonly Syllable[], i: number): boolean {
  const capital = (w: Syllable | undefined) => w !== undefined && /^[A-Z][a-z]+$/.test(w.text);
  return i > 0 && capital(words[i]) && (capital(words[i - 1]) || capital(words[i + 1]));
}
