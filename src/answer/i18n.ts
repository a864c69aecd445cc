// Every fixed phrase the core puts into an Answer, in both languages. Adapters add no wording of
// their own beyond button labels, so a question is answered in one language throughout.
import type { Role, Status } from '../knowledge/schema.ts';
import type { Lang, Page } from './types.ts';

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
