/**
 * Why a scan through SANE's `scanimage` failed, told to the clerk in Vietnamese and English. The
 * codes follow SANE's statuses (scanimage exits with the SANE_Status number) plus the cases the
 * frontend itself meets (scanimage missing, option refused, cancelled).
 */
import type { BilingualMessage } from '../../../src-shared/domain/applicant/messages';

export const SCAN_ERROR_CODES = [
  'unavailable',
  'not-found',
  'busy',
  'feeder-empty',
  'jammed',
  'cover-open',
  'invalid-option',
  'access-denied',
  'io-error',
  'timeout',
  'cancelled',
  'failed',
] as const;
export type ScanErrorCode = (typeof SCAN_ERROR_CODES)[number];

const MESSAGES: Record<ScanErrorCode, BilingualMessage> = {
  unavailable: {
    messageVi: 'Máy này chưa cài SANE (chương trình scanimage) nên không dùng được máy quét. Hãy nhờ bộ phận kỹ thuật cài gói sane-utils.',
    messageEn: 'SANE (the scanimage program) is not installed, so no scanner can be used. Ask IT to install sane-utils.',
  },
  'not-found': {
    messageVi: 'Không tìm thấy máy quét đã chọn. Hãy kiểm tra máy quét đã bật, đã cắm cáp, rồi tải lại danh sách máy quét.',
    messageEn: 'The selected scanner was not found. Check that it is switched on and connected, then refresh the scanner list.',
  },
  busy: {
    messageVi: 'Máy quét đang bận (đang được chương trình khác dùng). Hãy chờ một lát rồi quét lại.',
    messageEn: 'The scanner is busy (in use by another program). Wait a moment and scan again.',
  },
  'feeder-empty': {
    messageVi: 'Khay nạp giấy (ADF) trống. Hãy đặt giấy vào khay rồi quét lại.',
    messageEn: 'The document feeder (ADF) is empty. Load the pages and scan again.',
  },
  jammed: {
    messageVi: 'Giấy bị kẹt trong máy quét. Hãy gỡ giấy kẹt rồi quét lại các trang chưa quét.',
    messageEn: 'Paper is jammed in the scanner. Clear the jam and scan the remaining pages again.',
  },
  'cover-open': {
    messageVi: 'Nắp máy quét đang mở. Hãy đóng nắp rồi quét lại.',
    messageEn: 'The scanner cover is open. Close it and scan again.',
  },
  'invalid-option': {
    messageVi: 'Máy quét không hỗ trợ thiết lập đã chọn (độ phân giải, chế độ màu hoặc khay giấy). Hãy chọn thiết lập khác.',
    messageEn: 'The scanner does not support the chosen setting (resolution, colour mode or paper source). Choose another setting.',
  },
  'access-denied': {
    messageVi: 'Không có quyền dùng máy quét này. Hãy nhờ bộ phận kỹ thuật cấp quyền (nhóm scanner).',
    messageEn: 'No permission to use this scanner. Ask IT to grant access (the scanner group).',
  },
  'io-error': {
    messageVi: 'Lỗi truyền dữ liệu với máy quét. Hãy kiểm tra cáp hoặc mạng rồi quét lại.',
    messageEn: 'Error talking to the scanner. Check the cable or network and scan again.',
  },
  timeout: {
    messageVi: 'Máy quét không trả lời kịp. Hãy kiểm tra máy quét rồi thử lại.',
    messageEn: 'The scanner did not answer in time. Check it and try again.',
  },
  cancelled: {
    messageVi: 'Đã huỷ lần quét này.',
    messageEn: 'The scan was cancelled.',
  },
  failed: {
    messageVi: 'Quét không thành công. Hãy thử lại; nếu vẫn lỗi, hãy khởi động lại máy quét.',
    messageEn: 'The scan failed. Try again; if it keeps failing, restart the scanner.',
  },
};

export function scanErrorMessage(code: ScanErrorCode): BilingualMessage {
  return MESSAGES[code];
}

/** A failed scan. `message` is English (logs); the UI shows messageVi or messageEn. */
export class ScanError extends Error {
  override name = 'ScanError';
  readonly messageVi: string;
  readonly messageEn: string;
  constructor(
    readonly code: ScanErrorCode,
    /** What scanimage said (its last error line), for logs and support. */
    readonly detail: string,
    /** Pages completely scanned before a feeder failure (jam mid-batch): the files are left for the caller. */
    readonly pages: string[] = [],
  ) {
    const m = MESSAGES[code];
    super(detail ? `${m.messageEn} (${detail})` : m.messageEn);
    this.messageVi = m.messageVi;
    this.messageEn = m.messageEn;
  }
}

// scanimage exits with the SANE_Status of the failure (sane.h), or 1 for its own errors.
const BY_STATUS: Record<number, ScanErrorCode> = {
  2: 'cancelled',
  3: 'busy',
  4: 'invalid-option',
  6: 'jammed',
  7: 'feeder-empty',
  8: 'cover-open',
  9: 'io-error',
  11: 'access-denied',
};

/** Picks the code from scanimage's stderr (most precise) and else from its exit status. */
export function classifyScanFailure(exitCode: number | null, stderr: string): ScanErrorCode {
  const opening = /open of device .* failed/i.test(stderr);
  if (/device busy/i.test(stderr)) return 'busy';
  if (/access to resource has been denied|permission denied/i.test(stderr)) return 'access-denied';
  if (opening || /no SANE devices found|no such device/i.test(stderr)) return 'not-found';
  if (/setting of option .* failed|unrecognized option|invalid option|inactive option|readonly option/i.test(stderr)) {
    return 'invalid-option';
  }
  if (/out of documents/i.test(stderr)) return 'feeder-empty';
  if (/jammed/i.test(stderr)) return 'jammed';
  if (/cover is open/i.test(stderr)) return 'cover-open';
  if (/error during device I\/O/i.test(stderr)) return 'io-error';
  return (exitCode !== null && BY_STATUS[exitCode]) || 'failed';
}

/** The last meaningful line scanimage wrote (its progress chatter and notices dropped). */
export function lastErrorLine(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(Scanning|Scanned|Batch terminated|Output format is not set|Created directory)/i.test(l));
  return (lines.at(-1) ?? '').slice(0, 300);
}
