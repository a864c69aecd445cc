// Every fixed phrase the core puts into an Answer, in both languages, and every label the renderers
// show (LABELS), button labels included: adapters add no wording of their own to an answer, so a
// question is answered in one language throughout.
import type { Role, Status } from '../knowledge/schema.ts';
import type { AnswerView, Lang, Page } from './types.ts';

export const ROLE_LABEL: Record<Role, Record<Lang, string>> = {
  direct: { vi: 'lãnh đạo, chỉ đạo', en: 'directs' },
  lead: { vi: 'phụ trách, chỉ đạo thực hiện', en: 'leads' },
  coordinate: { vi: 'phối hợp', en: 'coordinates' },
  advise: { vi: 'tham mưu', en: 'advises' },
  implement: { vi: 'thực hiện', en: 'implements' },
  invest: { vi: 'đầu tư', en: 'invests' },
  addressee: { vi: 'được đề nghị', en: 'is asked to act' },
  beneficiary: { vi: 'được hỗ trợ', en: 'is supported' },
};

export const STATUS_LABEL: Record<Status, Record<Lang, string>> = {
  pending: { vi: 'chưa thực hiện', en: 'pending' },
  ongoing: { vi: 'đang tiếp tục (theo văn bản)', en: 'continuing (per the source)' },
  in_progress: { vi: 'đang thực hiện', en: 'in progress' },
  done: { vi: 'đã hoàn thành', en: 'done' },
  dropped: { vi: 'đã hủy bỏ', en: 'dropped' },
};

export const BASIS_LABEL = {
  stated: { vi: 'nêu rõ trong văn bản', en: 'stated in the source' },
  inferred: { vi: 'suy luận, văn bản không nêu rõ', en: 'inferred, not stated in the source' },
} as const;

/** "29/3/2023" for Vietnamese readers, "29 March 2023" for English ones. */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  if (lang === 'vi') return `${d}/${m}/${y}`;
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][
    m - 1
  ];
  return `${d} ${month} ${y}`;
}

export function t(lang: Lang, vi: string, en: string): string {
  return lang === 'vi' ? vi : en;
}

/** What a page line counts: "mục"/"items", or "biên bản"/"agreements". */
export function pageUnit(page: Page, lang: Lang): string {
  return page.of === 'agreements' ? t(lang, 'biên bản', 'agreements') : t(lang, 'mục', 'items');
}

/** The views an answer can be asked for beyond the short one it comes in. */
export type OtherView = Exclude<AnswerView, 'short'>;

/** The words of a follow-up, as a reader types them (the core understands them: understand/follow-up.ts). */
const TYPED = {
  vi: { full: 'chi tiết', quotes: 'trích dẫn', general: 'phân công chung', more: 'tiếp' },
  en: { full: 'details', quotes: 'quotes', general: 'general assignment', more: 'more' },
} as const satisfies Record<Lang, Record<OtherView | 'more', string>>;

export interface Labels {
  status: string;
  parties: string;
  atConference: string;
  updateNote: string;
  source: string;
  line: string;
  overdue: string;
  page: string;
  /** Heading of the general assignment (the roles of the whole agreement). */
  general: string;
  /** Heading of what the source says nearest to a question it does not answer. */
  nearest: string;
  youCanAsk: string;
  noGeneral: string;
  noQuotes: string;
  /** The buttons that show an answer another way (Telegram, Slack). */
  view: Record<OtherView, string>;
  /** What to type for those views and for the next page, where there are no buttons (console, CLI). */
  typed: Record<OtherView | 'more', string>;
  /** One line on follow-ups, for a chat's introduction (the console chat). */
  followUps: string;
  /** How to use the console chat, below its title. */
  consoleIntro: string;
  /** Slack's App Home: when the knowledge was loaded, its version, and the admins' reload button. */
  loadedAt: string;
  version: string;
  reload: string;
}

/** Every label the renderers (plain text, Telegram HTML, Slack Block Kit) show, in one table per language. */
export const LABELS: Record<Lang, Labels> = {
  vi: {
    status: 'Trạng thái',
    parties: 'Các bên',
    atConference: 'Tại hội nghị',
    updateNote: 'Ghi chú cập nhật',
    source: 'Nguồn',
    line: 'dòng',
    overdue: 'quá hạn',
    page: 'Trang',
    general: 'Phân công chung (các phát biểu tại hội nghị, áp dụng cho việc triển khai biên bản):',
    nearest: 'Gần nhất trong văn bản (không phải câu trả lời):',
    youCanAsk: 'Bạn có thể hỏi:',
    noGeneral: 'Câu trả lời này không có phân công chung.',
    noQuotes: 'Câu trả lời này không có trích dẫn.',
    view: { full: 'Chi tiết', quotes: 'Trích dẫn', general: 'Phân công chung' },
    typed: TYPED.vi,
    consoleIntro: 'Hỏi bằng tiếng Việt (có dấu hoặc không dấu) hoặc tiếng Anh. Gõ /help để xem ví dụ, /quit để thoát.',
    loadedAt: 'Dữ liệu nạp lúc',
    version: 'phiên bản',
    reload: 'Nạp lại dữ liệu / Reload',
    followUps: `Sau một câu trả lời, gõ “${TYPED.vi.full}”, “${TYPED.vi.quotes}” hoặc “${TYPED.vi.general}” để xem thêm, “${TYPED.vi.more}” để xem trang sau; hỏi tiếp như “còn Thái Nguyên thì sao?”.`,
  },
  en: {
    status: 'Status',
    parties: 'Parties',
    atConference: 'At the conference',
    updateNote: 'Update note',
    source: 'Source',
    line: 'line',
    overdue: 'overdue',
    page: 'Page',
    general: 'General assignment (from the speeches at the conference, for implementing the MoU):',
    nearest: 'Nearest in the source (not an answer):',
    youCanAsk: 'You can ask:',
    noGeneral: 'This answer has no general assignment.',
    noQuotes: 'This answer has no quotes.',
    view: { full: 'Details', quotes: 'Quotes', general: 'General assignment' },
    typed: TYPED.en,
    consoleIntro: 'Ask in Vietnamese (with or without diacritics) or in English. Type /help for examples, /quit to leave.',
    loadedAt: 'Knowledge loaded at',
    version: 'version',
    reload: 'Nạp lại dữ liệu / Reload',
    followUps: `After an answer, type “${TYPED.en.full}”, “${TYPED.en.quotes}” or “${TYPED.en.general}” to see more, “${TYPED.en.more}” for the next page; follow up as in “what about Thai Nguyen?”.`,
  },
};

/** "Trang 2/5 · 34 mục": where a paged answer is, in one short line (beside paging buttons). */
export function pageSummary(page: Page, lang: Lang): string {
  return `${LABELS[lang].page} ${page.index}/${page.pages} · ${page.total} ${pageUnit(page, lang)}`;
}

/** Example questions that the shipped knowledge can answer; shown in help and after a miss. */
export const EXAMPLES: Record<Lang, string[]> = {
  vi: [
    'Ai phụ trách đường sắt Kép - Lưu Xá?',
    'Cam kết về giao thông nào còn đang chờ?',
    'Chủ tịch UBND tỉnh Thái Nguyên là ai?',
    'Công an hai tỉnh có nhiệm vụ gì?',
    'Biên bản ghi nhớ được ký khi nào, ở đâu?',
    'C17',
  ],
  en: [
    'Who is responsible for the Kép – Lưu Xá railway?',
    'Which transport commitments are pending?',
    "Who chairs the Thai Nguyen People's Committee?",
    'What are the police of both provinces asked to do?',
    'When and where was the MoU signed?',
    'C17',
  ],
};
