/**
 * What the clerk (and the command line) is told when a file or a page cannot be digitised. One
 * place for both languages, so the app, the CLI and the tests say the same thing.
 */
import type { InputErrorCode } from '../../contract/digitize';
import type { BilingualMessage } from '../applicant/messages';

/** Limits the readers enforce, named in the messages. */
export const INPUT_LIMITS = {
  /** Largest page in pixels (an A3 page at 600 dpi is 35 MP; a phone photo 12–50 MP). */
  maxMegapixels: 60,
  /** Most pages taken from one file. */
  maxPages: 500,
} as const;

const MESSAGES: Record<InputErrorCode, (name: string) => BilingualMessage> = {
  empty: (n) => ({
    messageVi: `Tệp «${n}» rỗng (0 byte): không có gì để số hoá. Hãy quét hoặc chép lại tệp.`,
    messageEn: `The file '${n}' is empty (0 bytes): nothing to digitise. Scan or copy the file again.`,
  }),
  truncated: (n) => ({
    messageVi: `Tệp «${n}» bị cắt cụt (chưa chép hoặc chưa quét xong). Hãy quét hoặc chép lại tệp.`,
    messageEn: `The file '${n}' is truncated (not fully copied or scanned). Scan or copy it again.`,
  }),
  corrupt: (n) => ({
    messageVi: `Tệp «${n}» bị hỏng, không đọc được ảnh. Hãy quét lại trang này.`,
    messageEn: `The file '${n}' is corrupt; its image cannot be read. Scan the page again.`,
  }),
  'wrong-type': (n) => ({
    messageVi: `Tệp «${n}» không phải ảnh quét hay PDF. Chỉ nhận ảnh JPEG, PNG, TIFF (nhiều trang), WebP và tệp PDF.`,
    messageEn: `The file '${n}' is not a scanned image or a PDF. Accepted: JPEG, PNG, (multi-page) TIFF, WebP and PDF.`,
  }),
  'too-large': (n) => ({
    messageVi: `Ảnh «${n}» quá lớn (trên ${INPUT_LIMITS.maxMegapixels} triệu điểm ảnh). Hãy quét lại ở độ phân giải 300 dpi.`,
    messageEn: `The image '${n}' is too large (over ${INPUT_LIMITS.maxMegapixels} megapixels). Scan it again at 300 dpi.`,
  }),
  'too-many-pages': (n) => ({
    messageVi: `Tệp «${n}» có hơn ${INPUT_LIMITS.maxPages} trang. Hãy chia thành nhiều tệp nhỏ hơn.`,
    messageEn: `The file '${n}' has more than ${INPUT_LIMITS.maxPages} pages. Split it into smaller files.`,
  }),
  encrypted: (n) => ({
    messageVi: `Tệp PDF «${n}» được bảo vệ bằng mật khẩu nên không đọc được. Hãy xin bản không đặt mật khẩu hoặc in ra rồi quét.`,
    messageEn: `The PDF '${n}' is password-protected and cannot be read. Ask for a copy without a password, or print and scan it.`,
  }),
  'ocr-timeout': (n) => ({
    messageVi: `Nhận dạng chữ trang «${n}» quá lâu nên đã dừng. Ảnh vẫn được giữ; bấm «Thử lại» hoặc quét lại rõ hơn.`,
    messageEn: `Text recognition of '${n}' took too long and was stopped. The image is kept; press Retry or scan it more clearly.`,
  }),
  'ocr-failed': (n) => ({
    messageVi: `Không nhận dạng được chữ trên trang «${n}». Ảnh vẫn được giữ; bấm «Thử lại».`,
    messageEn: `Text recognition failed on '${n}'. The image is kept; press Retry.`,
  }),
  cancelled: (n) => ({
    messageVi: `Đã huỷ xử lý trang «${n}». Bấm «Thử lại» để xử lý lại.`,
    messageEn: `Processing of '${n}' was cancelled. Press Retry to process it again.`,
  }),
};

export function inputErrorMessage(code: InputErrorCode, name: string): BilingualMessage {
  return MESSAGES[code](name);
}
