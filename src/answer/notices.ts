// The few sentences the platform edge says on its own (not answers): slow down, an unknown
// command, an expired button, an error, and the words around a file an admin sends. They live in
// the core beside the answers' labels (i18n.ts), so that the adapters hold no wording of their own.
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
  /** A file of a kind no admin flow takes (Slack: documents and zips). */
  fileNotAccepted: {
    vi: 'Chỉ nhận các tệp: tài liệu văn bản .docx, .pdf, .txt, .md (để soạn bản nháp) hoặc tệp .zip của một thư mục văn bản.',
    en: 'Only these files are accepted: an agreement document (.docx, .pdf, .txt, .md) to draft, or a .zip of an agreement folder.',
  },
  /** The same in Telegram, where a knowledge file can be sent on its own too. */
  fileNotAcceptedOrYaml: {
    vi: 'Chỉ nhận các tệp: tài liệu văn bản .docx, .pdf, .txt, .md (để soạn bản nháp), tệp .zip của một thư mục văn bản, hoặc một tệp dữ liệu .yaml (commitments.yaml, …).',
    en: 'Only these files are accepted: an agreement document (.docx, .pdf, .txt, .md) to draft, a .zip of an agreement folder, or one knowledge file (commitments.yaml, …).',
  },
  /** The buttons under a change report: put the upload live, or drop it. */
  applyUpload: { vi: '✅ Áp dụng', en: 'Apply' },
  cancelUpload: { vi: '✖ Hủy', en: 'Cancel' },
  /** A button of an upload that is no longer waiting (applied, cancelled, after a restart), or another user's. */
  nothingToApply: { vi: 'Không còn tệp nào chờ áp dụng.', en: 'Nothing is waiting to be applied.' },
  uploadCancelled: { vi: 'Đã hủy; không có gì thay đổi.', en: 'Cancelled; nothing changed.' },
  /** Slack: an answer cut to Block Kit's 50 blocks. */
  shortened: { vi: 'Câu trả lời đã được rút gọn để vừa một tin nhắn.', en: 'The answer was shortened to fit one message.' },
  /** Slack: the button under an answer only you can see. */
  shareInChannel: { vi: 'Chia sẻ vào kênh', en: 'Share in channel' },
} as const satisfies Record<string, Record<NoticeLang, string>>;

/** Both languages at once, for places where the reader's language is unknown. */
export function bothLanguages(notice: Record<NoticeLang, string>): string {
  return `${notice.vi} / ${notice.en}`;
}

const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));

/** An agreement document larger than the drafter takes (MAX_DOCUMENT_BYTES), refused before download. */
export const documentTooLarge = (maxBytes: number): Record<NoticeLang, string> => ({
  vi: `Tài liệu quá lớn (tối đa ${mb(maxBytes)} MB).`,
  en: `The document is over ${mb(maxBytes)} MB.`,
});

/** A zip of an agreement folder larger than an upload may be (MAX_ZIP_BYTES), refused before download. */
export const zipTooLarge = (maxBytes: number): Record<NoticeLang, string> => ({
  vi: `Tệp zip quá lớn (tối đa ${mb(maxBytes)} MB).`,
  en: `The zip is over ${mb(maxBytes)} MB.`,
});
