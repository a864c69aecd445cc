// The few sentences the platform edge says on its own (not answers): slow down, an unknown
// command, an expired button, an error. Kept in one place, in both languages, so that they can
// join the core's labels (src/answer/i18n.ts) in one move.
export type NoticeLang = 'vi' | 'en';

export const NOTICES = {
  slowDown: {
    vi: 'Bạn hỏi nhanh quá. Xin chờ vài giây rồi hỏi tiếp.',
    en: 'You are asking faster than I can answer. Please wait a few seconds.',
  },
  slowDownButton: { vi: 'Bạn thao tác nhanh quá, xin chờ một chút.', en: 'Slow down a little, please.' },
  unknownCommand: {
    vi: 'Tôi không biết lệnh này. Gõ /help để xem hướng dẫn.',
    en: 'I do not know that command. Send /help to see what I can do.',
  },
  expiredButton: { vi: 'Nút này đã hết hạn, hãy hỏi lại.', en: 'This button has expired; please ask again.' },
  failed: { vi: 'Xin lỗi, đã có lỗi khi trả lời. Xin hỏi lại sau.', en: 'Sorry, something went wrong. Please ask again later.' },
  fileTooLarge: { vi: 'Tệp quá lớn (tối đa 1 MB).', en: 'The file is over 1 MB.' },
  /** Slack: an answer cut to Block Kit's 50 blocks. */
  shortened: { vi: 'Câu trả lời đã được rút gọn để vừa một tin nhắn.', en: 'The answer was shortened to fit one message.' },
  /** Slack: the button under an answer only you can see. */
  shareInChannel: { vi: 'Chia sẻ vào kênh', en: 'Share in channel' },
} as const satisfies Record<string, Record<NoticeLang, string>>;

/** Both languages at once, for places where the reader's language is unknown. */
export function bothLanguages(notice: Record<NoticeLang, string>): string {
  return `${notice.vi} / ${notice.en}`;
}
