/**
 * The QR code on chip citizen ID cards, as a USB QR reader types it into a text field.
 *
 * Layout [P] (DOMAIN.md §7, cards issued 2021–2024; many independent parsers agree):
 *   `CCCD(12)|old CMND(9, often empty)|Full name|DOB ddMMyyyy|Nam/Nữ|Permanent address|Issue date ddMMyyyy`
 * Addresses contain commas, never `|`. Readers may add a prefix (AIM symbology identifier such as
 * `]Q1`, a configured label), a suffix (Enter, Tab, `#`) or line breaks, and some type control
 * characters. Cards issued from 01/07/2024 may differ [U]: every field is validated, nothing is
 * assumed, and extra `|` fields are reported rather than silently dropped.
 *
 * The text is personal data (Law 91/2025/QH15): callers must not log it.
 */
import { foldVietnamese } from '../text';
import { formatIsoDate, parseIsoDate } from '../civil-date';
import { vnDay } from '../vn-time';
import {
  parseCitizenId,
  type CitizenIdErrorCode,
  type CitizenIdInfo,
  type CitizenIdWarningCode,
  type Gender,
} from './citizen-id';
import { issue, viDate, type ValidationIssue } from './messages';

export interface CccdQrData {
  /** 12-digit personal identification number. */
  idNumber: string;
  /** Old 9-digit (or 12-digit) CMND number, null when the card has none. */
  oldIdNumber: string | null;
  /** Full name as on the card, NFC, single spaces. */
  name: string;
  /** `yyyy-MM-dd`. */
  birthDate: string;
  gender: Gender;
  /** Permanent address (nơi thường trú) as on the card, NFC, single spaces. */
  address: string;
  /** `yyyy-MM-dd`. */
  issueDate: string;
}

export type CccdQrErrorCode =
  | 'empty'
  | 'not-cccd-qr'
  | 'truncated'
  | 'garbled-text'
  | 'invalid-old-id'
  | 'invalid-name'
  | 'invalid-birth-date'
  | 'invalid-gender'
  | 'invalid-address'
  | 'invalid-issue-date'
  | 'issue-before-birth'
  | 'date-in-future'
  | CitizenIdErrorCode;

export type CccdQrWarningCode = 'extra-fields' | CitizenIdWarningCode;

/** The card's details (validated) at the top level, plus what the ID number says. */
export interface CccdQrParsed extends CccdQrData {
  ok: true;
  /** What the ID number says (province of birth registration …), already cross-checked. */
  citizenId: CitizenIdInfo;
  warnings: ValidationIssue<CccdQrWarningCode>[];
}

export interface CccdQrInvalid {
  ok: false;
  errors: ValidationIssue<CccdQrErrorCode>[];
}

export type CccdQrResult = CccdQrParsed | CccdQrInvalid;

export interface ParseCccdQrOptions {
  /** Today in Vietnam `yyyy-MM-dd` (default: the current Vietnam day). */
  today?: string;
}

const FIELD_COUNT = 7;
const RESCAN_VI = 'Vui lòng quét lại mã QR trên thẻ hoặc nhập tay.';
const RESCAN_EN = 'Please scan the QR code on the card again or type the details in.';

/** Line breaks next to a separator are reader noise; elsewhere they stand for a space. */
function cleanScan(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s*[\r\n]+\s*\|/g, '|')
    .replace(/\|\s*[\r\n]+\s*/g, '|')
    .replace(/[\r\n\t]+/g, ' ')
    // eslint-disable-next-line no-control-regex -- removing the reader's control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** `ddMMyyyy` → `yyyy-MM-dd`, or undefined. */
function parseCardDate(field: string): string | undefined {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(field);
  if (!m) return undefined;
  const iso = formatIsoDate({ year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) });
  return parseIsoDate(iso) && Number(m[3]) >= 1800 ? iso : undefined;
}

/** A keyboard-emulating reader that cannot type Vietnamese letters leaves `?` or U+FFFD behind. */
const looksGarbled = (s: string) => /[?\ufffd]/.test(s);

export function parseCccdQr(text: string, options: ParseCccdQrOptions = {}): CccdQrResult {
  const today = options.today ?? vnDay(Date.now());
  const s = cleanScan(text);
  if (s.trim() === '') {
    return { ok: false, errors: [issue('empty', 'Chưa có dữ liệu quét từ mã QR.', 'Nothing was scanned from the QR code.')] };
  }
  // The ID number is the run of digits just before the first `|`: a reader prefix ending in digits
  // (the AIM identifier `]Q1`) sticks to it, so only its last 12 digits are the number.
  const bar = s.indexOf('|');
  const run = bar < 0 ? undefined : /(\d[\d ]*)$/.exec(s.slice(0, bar).trimEnd())?.[1]?.replace(/ /g, '');
  if (run === undefined) {
    const onlyId = /^\s*\d{12}\s*$/.test(s);
    return {
      ok: false,
      errors: [
        onlyId
          ? issue(
              'truncated',
              `Chỉ đọc được số định danh, thiếu các thông tin còn lại của mã QR. ${RESCAN_VI}`,
              `Only the ID number was read; the rest of the QR data is missing. ${RESCAN_EN}`,
            )
          : issue(
              'not-cccd-qr',
              `Dữ liệu vừa quét không phải mã QR trên thẻ CCCD/căn cước (không có số định danh đứng trước dấu «|»). ${RESCAN_VI}`,
              `The scanned text is not the QR code of a citizen ID card (no ID number before a '|'). ${RESCAN_EN}`,
            ),
      ],
    };
  }
  const fields = [run.slice(-12), ...s.slice(bar + 1).split('|')];
  if (fields.length < FIELD_COUNT) {
    return {
      ok: false,
      errors: [
        issue(
          'truncated',
          `Dữ liệu mã QR bị thiếu: chỉ đọc được ${fields.length}/${FIELD_COUNT} trường thông tin. ${RESCAN_VI}`,
          `The QR data is incomplete: only ${fields.length} of ${FIELD_COUNT} fields were read. ${RESCAN_EN}`,
        ),
      ],
    };
  }

  const errors: ValidationIssue<CccdQrErrorCode>[] = [];
  const warnings: ValidationIssue<CccdQrWarningCode>[] = [];
  const [rawId, rawOldId, rawName, rawDob, rawGender, rawAddress, rawIssue] = fields.map((f) => f ?? '') as [
    string, string, string, string, string, string, string,
  ];
  const extra = fields.slice(FIELD_COUNT);
  // The last field may carry the reader's suffix (`#`, a label); a further `|` field is real data.
  let issueField = collapse(rawIssue);
  if (extra.length === 0) issueField = /^\d{8}(?!\d)/.exec(issueField)?.[0] ?? issueField;
  else if (extra.some((f) => f.trim() !== '')) {
    warnings.push(
      issue(
        'extra-fields',
        `Mã QR có thêm ${extra.length} trường thông tin ngoài 7 trường thường gặp (có thể là thẻ mẫu mới); phần thêm này chưa được dùng. Vui lòng đối chiếu các thông tin với thẻ.`,
        `The QR code has ${extra.length} field(s) beyond the usual 7 (possibly a newer card); they were not used. Please check the details against the card.`,
      ),
    );
  }

  const idNumber = rawId.replace(/\s+/g, '');

  const oldCompact = rawOldId.replace(/\s+/g, '');
  const oldIdNumber = oldCompact === '' ? null : oldCompact;
  if (oldIdNumber !== null && !/^(\d{9}|\d{12})$/.test(oldIdNumber)) {
    errors.push(
      issue(
        'invalid-old-id',
        `Số CMND cũ trong mã QR «${oldIdNumber}» không hợp lệ (phải có 9 hoặc 12 chữ số, hoặc để trống).`,
        `The old ID (CMND) number in the QR code '${oldIdNumber}' is not valid (it must have 9 or 12 digits, or be empty).`,
      ),
    );
  }

  const name = collapse(rawName);
  const address = collapse(rawAddress);
  if (looksGarbled(name) || looksGarbled(address)) {
    errors.push(
      issue(
        'garbled-text',
        'Họ tên hoặc địa chỉ đọc được có ký tự «?» thay cho chữ có dấu: máy quét QR chưa gõ được tiếng Việt. Cần cài đặt máy quét ở chế độ hỗ trợ Unicode (hoặc tắt bộ gõ tiếng Việt khi quét), rồi quét lại.',
        'The name or address contains "?" in place of accented letters: the QR reader cannot type Vietnamese. Set the reader to a Unicode-capable mode (or turn off the Vietnamese input method while scanning) and scan again.',
      ),
    );
  }
  if (name === '' || /\d/.test(name)) {
    errors.push(
      issue(
        'invalid-name',
        `Họ và tên trong mã QR «${name}» không hợp lệ (trống hoặc có chữ số). ${RESCAN_VI}`,
        `The full name in the QR code '${name}' is not valid (empty or containing digits). ${RESCAN_EN}`,
      ),
    );
  }

  const dobField = collapse(rawDob);
  const birthDate = parseCardDate(dobField);
  if (!birthDate) {
    errors.push(
      issue(
        'invalid-birth-date',
        `Ngày sinh trong mã QR «${dobField}» không phải ngày hợp lệ (dạng ngày tháng năm, 8 chữ số). ${RESCAN_VI}`,
        `The date of birth in the QR code '${dobField}' is not a valid date (8 digits, ddMMyyyy). ${RESCAN_EN}`,
      ),
    );
  } else if (birthDate > today) {
    errors.push(
      issue(
        'date-in-future',
        `Ngày sinh trong mã QR (${viDate(birthDate)}) lại sau ngày hôm nay. ${RESCAN_VI}`,
        `The date of birth in the QR code (${viDate(birthDate)}) is after today. ${RESCAN_EN}`,
      ),
    );
  }

  const genderField = collapse(rawGender);
  const folded = foldVietnamese(genderField);
  const gender: Gender | undefined = folded === 'nam' ? 'male' : folded === 'nu' ? 'female' : undefined;
  if (!gender) {
    errors.push(
      issue(
        'invalid-gender',
        `Giới tính trong mã QR «${genderField}» không hợp lệ (phải là «Nam» hoặc «Nữ»). ${RESCAN_VI}`,
        `The gender in the QR code '${genderField}' is not valid (it must be "Nam" or "Nữ"). ${RESCAN_EN}`,
      ),
    );
  }

  if (address === '') {
    errors.push(
      issue(
        'invalid-address',
        `Nơi thường trú trong mã QR bị trống. ${RESCAN_VI}`,
        `The permanent address in the QR code is empty. ${RESCAN_EN}`,
      ),
    );
  }

  const issueDate = parseCardDate(issueField);
  if (!issueDate) {
    errors.push(
      issue(
        'invalid-issue-date',
        `Ngày cấp thẻ trong mã QR «${issueField}» không phải ngày hợp lệ (dạng ngày tháng năm, 8 chữ số). ${RESCAN_VI}`,
        `The issue date in the QR code '${issueField}' is not a valid date (8 digits, ddMMyyyy). ${RESCAN_EN}`,
      ),
    );
  } else if (issueDate > today) {
    errors.push(
      issue(
        'date-in-future',
        `Ngày cấp thẻ trong mã QR (${viDate(issueDate)}) lại sau ngày hôm nay. ${RESCAN_VI}`,
        `The issue date in the QR code (${viDate(issueDate)}) is after today. ${RESCAN_EN}`,
      ),
    );
  } else if (birthDate && issueDate < birthDate) {
    errors.push(
      issue(
        'issue-before-birth',
        `Ngày cấp thẻ (${viDate(issueDate)}) lại trước ngày sinh (${viDate(birthDate)}). ${RESCAN_VI}`,
        `The issue date (${viDate(issueDate)}) is before the date of birth (${viDate(birthDate)}). ${RESCAN_EN}`,
      ),
    );
  }

  const citizenId = parseCitizenId(idNumber, {
    today,
    ...(birthDate ? { birthDate } : {}),
    ...(gender ? { gender } : {}),
  });
  if (!citizenId.ok) errors.push(...citizenId.errors);

  if (errors.length > 0 || !citizenId.ok || !birthDate || !gender || !issueDate) {
    return { ok: false, errors };
  }
  warnings.push(...citizenId.warnings);
  return { ok: true, idNumber: citizenId.id, oldIdNumber, name, birthDate, gender, address, issueDate, citizenId, warnings };
}
