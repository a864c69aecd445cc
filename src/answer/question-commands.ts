// The commands for asking (/ai, /phutrach, /cancho, /camket, /timkiem and their English names):
// Vietnamese names that read well to an official, with English aliases, each naming how the core
// reads its argument, with the wording platforms show for it. Written once, here, for every platform.
import type { AskAs } from './types.ts';

export interface QuestionCommand {
  names: [vi: string, en: string];
  as: AskAs;
  description: { vi: string; en: string };
  /** Shown when the command comes without an argument. */
  usage: { vi: string; en: string };
}

export const QUESTION_COMMANDS: QuestionCommand[] = [
  {
    names: ['ai', 'who'],
    as: 'who',
    description: { vi: 'Một người là ai, ai giữ một chức danh', en: 'Who a person is, who holds a title' },
    usage: {
      vi: 'Ví dụ: /ai Dương Văn Thái, hoặc /ai Chủ tịch UBND tỉnh Thái Nguyên',
      en: "For example: /who Duong Van Thai, or /who chair of the Thai Nguyen People's Committee",
    },
  },
  {
    names: ['phutrach', 'responsible'],
    as: 'responsibility',
    description: { vi: 'Ai phụ trách một việc', en: 'Who is responsible for a topic' },
    usage: { vi: 'Ví dụ: /phutrach đường sắt Kép - Lưu Xá', en: 'For example: /responsible Kep - Luu Xa railway' },
  },
  {
    names: ['cancho', 'pending'],
    as: 'pending',
    description: { vi: 'Các cam kết còn chờ (có thể lọc theo lĩnh vực)', en: 'Pending commitments, optionally by area' },
    usage: { vi: 'Ví dụ: /cancho, hoặc /cancho giao thông', en: 'For example: /pending, or /pending transport' },
  },
  {
    names: ['camket', 'clause'],
    as: 'clause',
    description: { vi: 'Một cam kết và nguồn của nó', en: 'One commitment with its source' },
    usage: { vi: 'Ví dụ: /camket C17, hoặc /camket ngầm Tam Kha', en: 'For example: /clause C17, or /clause Tam Kha bridge' },
  },
  {
    names: ['timkiem', 'search'],
    as: 'search',
    description: { vi: 'Tìm trong văn bản', en: 'Search the agreements' },
    usage: { vi: 'Ví dụ: /timkiem sông Cầu', en: 'For example: /search Cau river' },
  },
];

/** Commands that answer without an argument. /cancho is listed above but works bare too. */
export const BARE_OK = new Set(['cancho', 'pending']);

export const OTHER_COMMANDS = [
  { name: 'start', description: { vi: 'Lời chào và câu hỏi mẫu', en: 'Welcome and example questions' } },
  { name: 'help', description: { vi: 'Hướng dẫn sử dụng', en: 'How to use the bot' } },
] as const;
