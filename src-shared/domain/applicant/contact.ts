/**
 * Applicant contact details: Vietnamese phone numbers and e-mail addresses, as typed at the counter,
 * pasted from a spreadsheet or read from a portal record.
 *
 * Phones [P]: mobile numbers are 10 digits starting 03, 05, 07, 08 or 09 (since the 2018 switch from
 * 11-digit mobile numbers); landlines are 11 digits starting 02 (area code 02x or 02xx since 2017).
 * Only the prefix family is checked: operators' number blocks change and are not ours to track.
 */
import { issue, type ValidationIssue } from './messages';

export type PhoneKind = 'mobile' | 'landline';

export type PhoneErrorCode = 'empty' | 'invalid-characters' | 'foreign-number' | 'wrong-length' | 'unknown-prefix';

export interface PhoneInfo {
  ok: true;
  kind: PhoneKind;
  /** National form, digits only, leading 0: `0912345678`. */
  normalized: string;
  /** Digits-only key, country code included (`84912345678`): for indexing and duplicate detection. */
  key: string;
  /** `+84912345678`. */
  e164: string;
  /** Grouped for printing: `0912 345 678`, `024 3934 3137`, `0236 382 1234`. */
  display: string;
}

export interface PhoneInvalid {
  ok: false;
  errors: ValidationIssue<PhoneErrorCode>[];
}

export type PhoneResult = PhoneInfo | PhoneInvalid;

const phoneError = (code: PhoneErrorCode, vi: string, en: string): PhoneInvalid => ({ ok: false, errors: [issue(code, vi, en)] });

/**
 * Accepts `0912 345 678`, `0912.345.678`, `0912-345-678`, `+84 912 345 678`, `+84 (0) 912…`,
 * `84912345678`, `0084 912…`, and `912345678` (a spreadsheet that ate the leading zero).
 */
export function normalizePhone(raw: string): PhoneResult {
  const s = raw.normalize('NFKC').trim();
  if (s === '') return phoneError('empty', 'Chưa nhập số điện thoại.', 'The phone number is missing.');
  if (!/^\+?[\d\s.\-()/]+$/.test(s) || !/\d/.test(s)) {
    return phoneError(
      'invalid-characters',
      'Số điện thoại chỉ gồm chữ số; có thể có dấu cách, dấu chấm, gạch nối hoặc +84 ở đầu.',
      'A phone number is digits only; spaces, dots, dashes or a leading +84 are allowed.',
    );
  }
  const international = s.startsWith('+');
  // "+84 (0) 912…": the national trunk 0 written in brackets after the country code.
  let digits = s.replace(/\(0\)/g, '').replace(/\D/g, '');
  if (international || digits.startsWith('00')) {
    if (!international) digits = digits.slice(2);
    if (!digits.startsWith('84')) {
      return phoneError(
        'foreign-number',
        'Đây là số điện thoại nước ngoài; vui lòng nhập số điện thoại Việt Nam (bắt đầu bằng 0 hoặc +84).',
        'This is a foreign phone number; please enter a Vietnamese number (starting with 0 or +84).',
      );
    }
    digits = '0' + digits.slice(2).replace(/^0/, '');
  } else if (digits.startsWith('84') && (digits.length === 11 || digits.length === 12)) {
    // National numbers start with 0, so a leading 84 can only be the country code.
    digits = '0' + digits.slice(2);
  } else if (!digits.startsWith('0') && (digits.length === 9 || digits.length === 10)) {
    digits = '0' + digits;
  }

  let kind: PhoneKind;
  if (/^0[35789]/.test(digits)) kind = 'mobile';
  else if (/^02/.test(digits)) kind = 'landline';
  else {
    return phoneError(
      'unknown-prefix',
      'Số điện thoại không hợp lệ: số di động phải bắt đầu bằng 03, 05, 07, 08 hoặc 09, số cố định bắt đầu bằng 02.',
      'Not a valid phone number: mobile numbers start with 03, 05, 07, 08 or 09, landlines with 02.',
    );
  }
  const expected = kind === 'mobile' ? 10 : 11;
  if (digits.length !== expected) {
    return phoneError(
      'wrong-length',
      kind === 'mobile'
        ? `Số di động phải có 10 chữ số; số vừa nhập có ${digits.length} chữ số.`
        : `Số điện thoại cố định phải có 11 chữ số (kể cả mã vùng); số vừa nhập có ${digits.length} chữ số.`,
      kind === 'mobile'
        ? `A mobile number has 10 digits; this one has ${digits.length}.`
        : `A landline number has 11 digits including the area code; this one has ${digits.length}.`,
    );
  }
  const key = '84' + digits.slice(1);
  return { ok: true, kind, normalized: digits, key, e164: '+' + key, display: displayPhone(digits, kind) };
}

function displayPhone(d: string, kind: PhoneKind): string {
  if (kind === 'mobile') return `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`;
  // Hà Nội (024) and TP Hồ Chí Minh (028) have 3-digit area codes and 8-digit subscriber numbers.
  if (d.startsWith('024') || d.startsWith('028')) return `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}`;
  return `${d.slice(0, 4)} ${d.slice(4, 7)} ${d.slice(7)}`;
}

export type EmailErrorCode = 'empty' | 'too-long' | 'contains-space' | 'missing-at' | 'non-ascii' | 'invalid-local-part' | 'invalid-domain';

export interface EmailInfo {
  ok: true;
  /** Trimmed, domain in lower case, local part as typed. */
  email: string;
  /** Entirely lower case: for indexing and duplicate detection. */
  key: string;
}

export interface EmailInvalid {
  ok: false;
  errors: ValidationIssue<EmailErrorCode>[];
}

export type EmailResult = EmailInfo | EmailInvalid;

const emailError = (code: EmailErrorCode, vi: string, en: string): EmailInvalid => ({ ok: false, errors: [issue(code, vi, en)] });

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * A pragmatic check (not RFC 5322): one `@`, a dot-atom local part of at most 64 characters, an ASCII
 * domain with at least two labels and an alphabetic (or punycode) top-level label, 254 characters in
 * all. Quoted local parts and IP-literal domains are refused: no applicant has one.
 */
export function normalizeEmail(raw: string): EmailResult {
  // NFKC folds a full-width ＠ or letters typed with a Vietnamese/CJK input method.
  const s = raw.normalize('NFKC').trim();
  if (s === '') return emailError('empty', 'Chưa nhập địa chỉ thư điện tử (email).', 'The e-mail address is missing.');
  if (s.length > 254) {
    return emailError(
      'too-long',
      `Địa chỉ email quá dài (${s.length} ký tự, tối đa 254).`,
      `The e-mail address is too long (${s.length} characters, at most 254).`,
    );
  }
  if (/\s/.test(s)) {
    return emailError('contains-space', 'Địa chỉ email không được có dấu cách.', 'An e-mail address cannot contain spaces.');
  }
  const at = s.lastIndexOf('@');
  if (at < 0) {
    return emailError(
      'missing-at',
      'Địa chỉ email thiếu ký tự @ (ví dụ: nguyenvana@gmail.com).',
      'The e-mail address has no @ sign (e.g. nguyenvana@gmail.com).',
    );
  }
  if (/[^\x21-\x7e]/.test(s)) {
    return emailError(
      'non-ascii',
      'Địa chỉ email không được chứa chữ tiếng Việt có dấu hay ký tự đặc biệt (ví dụ: viết «nguyen» thay vì «nguyễn»).',
      'An e-mail address cannot contain Vietnamese accented letters or other non-ASCII characters (e.g. write "nguyen", not "nguyễn").',
    );
  }
  const local = s.slice(0, at);
  const domain = s.slice(at + 1).toLowerCase();
  if (local === '' || local.length > 64 || !LOCAL_PART.test(local)) {
    return emailError(
      'invalid-local-part',
      'Phần trước ký tự @ của địa chỉ email không hợp lệ (không được để trống, chứa thêm dấu @, bắt đầu hay kết thúc bằng dấu chấm, hoặc có hai dấu chấm liền nhau).',
      'The part before the @ is not valid (it cannot be empty, contain a second @, or start, end or repeat a dot).',
    );
  }
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l)) || !TOP_LEVEL.test(labels[labels.length - 1] ?? '')) {
    return emailError(
      'invalid-domain',
      `Tên miền «${domain}» sau ký tự @ không hợp lệ (ví dụ đúng: gmail.com, thanhhoa.gov.vn).`,
      `The domain '${domain}' after the @ is not valid (e.g. gmail.com, thanhhoa.gov.vn).`,
    );
  }
  const email = `${local}@${domain}`;
  return { ok: true, email, key: email.toLowerCase() };
}
