/**
 * Vietnamese tax code (mã số thuế, MST).
 *
 * - 10 digits `N1…N10`: N1–N2 the province where it was issued, N3–N9 a sequence, N10 a check digit.
 *   [P] Check digit: N10 = 10 − (Σ Ni·Wi mod 11) over the first nine digits with weights
 *   31, 29, 23, 19, 17, 13, 7, 5, 3. A remainder of 0 would need "10", so such a nine-digit body can
 *   never carry a valid code (the rule python-stdnum's `vn.mst` applies). The formula is not in the
 *   circular itself; it was checked against published codes (Viettel 0100109106, Vinamilk 0300588569,
 *   FPT 0101248141, Vietcombank 0100112437, Petrolimex 0100107370 — remainder 10, check digit 0).
 * - 13 digits for a dependent unit (branch, representative office): the parent's 10 digits, then
 *   001–999, written `0100112437-001`.
 * - 12 digits: since 01/07/2025 an individual's (and a household business's) tax code is the
 *   personal identification number (Circular 86/2024/TT-BTC) [M]; validated with parseCitizenId.
 */
import { parseCitizenId, type CitizenIdErrorCode, type CitizenIdWarningCode } from './citizen-id';
import { issue, type ValidationIssue } from './messages';

export type TaxCodeKind =
  /** 10 digits: an organisation, or an individual's code issued before the personal-ID switch. */
  | 'ten-digit'
  /** 13 digits `XXXXXXXXXX-NNN`: a dependent unit of the 10-digit parent. */
  | 'dependent-unit'
  /** 12 digits: the personal identification number used as the tax code. */
  | 'personal-id';

export type TaxCodeErrorCode =
  | 'empty'
  | 'invalid-characters'
  | 'wrong-length'
  | 'invalid-sequence'
  | 'invalid-check-digit'
  | 'invalid-branch'
  | CitizenIdErrorCode;

export interface TaxCodeInfo {
  ok: true;
  /** Canonical form: `0100112437`, `0100112437-001` or the 12 digits. */
  taxCode: string;
  kind: TaxCodeKind;
  /** The 10-digit parent code (`ten-digit`, `dependent-unit`) or the 12 digits (`personal-id`). */
  base: string;
  /** `001`–`999` for a dependent unit, else null. */
  branch: string | null;
  warnings: ValidationIssue<CitizenIdWarningCode>[];
}

export interface TaxCodeInvalid {
  ok: false;
  errors: ValidationIssue<TaxCodeErrorCode>[];
}

export type TaxCodeResult = TaxCodeInfo | TaxCodeInvalid;

export interface ParseTaxCodeOptions {
  /** Today in Vietnam `yyyy-MM-dd`, passed on to parseCitizenId for 12-digit codes. */
  today?: string;
}

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** The check digit for nine digits, or undefined when no digit fits (remainder 0). */
export function taxCodeCheckDigit(firstNine: string): number | undefined {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError(`taxCodeCheckDigit: expected 9 digits, got '${firstNine}'`);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNine[i]) * (WEIGHTS[i] ?? 0);
  const check = 10 - (sum % 11);
  return check === 10 ? undefined : check;
}

const invalid = (...errors: ValidationIssue<TaxCodeErrorCode>[]): TaxCodeInvalid => ({ ok: false, errors });

export function parseTaxCode(raw: string, options: ParseTaxCodeOptions = {}): TaxCodeResult {
  // Spaces and dots are only grouping (`01.00.112.437`); the dash separates the unit number.
  const s = raw.normalize('NFKC').replace(/[\s.]+/g, '').replace(/[‐‑‒–—−]/g, '-');
  if (s === '') return invalid(issue('empty', 'Chưa nhập mã số thuế.', 'The tax code is missing.'));

  let base: string;
  let branch: string | null = null;
  const dashed = /^(\d+)-(\d+)$/.exec(s);
  if (dashed) {
    base = dashed[1] ?? '';
    branch = dashed[2] ?? '';
    if (base.length !== 10 || branch.length !== 3) {
      return invalid(
        issue(
          'wrong-length',
          'Mã số thuế của chi nhánh, đơn vị phụ thuộc có dạng 10 chữ số, gạch nối, rồi 3 chữ số (ví dụ 0100112437-001).',
          'A dependent unit’s tax code is 10 digits, a dash, then 3 digits (e.g. 0100112437-001).',
        ),
      );
    }
  } else if (!/^\d+$/.test(s)) {
    return invalid(
      issue(
        'invalid-characters',
        'Mã số thuế chỉ gồm chữ số (chi nhánh, đơn vị phụ thuộc thêm gạch nối và 3 chữ số), không có chữ cái hay ký tự khác.',
        'A tax code is digits only (a dependent unit adds a dash and 3 digits), with no letters or other characters.',
      ),
    );
  } else if (s.length === 12) {
    const id = parseCitizenId(s, options.today === undefined ? {} : { today: options.today });
    if (!id.ok) return invalid(...id.errors);
    return { ok: true, taxCode: id.id, kind: 'personal-id', base: id.id, branch: null, warnings: id.warnings };
  } else if (s.length === 13) {
    base = s.slice(0, 10);
    branch = s.slice(10);
  } else if (s.length === 10) {
    base = s;
  } else {
    return invalid(
      issue(
        'wrong-length',
        `Mã số thuế phải có 10 chữ số (doanh nghiệp, tổ chức), 10 chữ số kèm 3 chữ số (chi nhánh, đơn vị phụ thuộc) hoặc 12 chữ số (số định danh cá nhân); số vừa nhập có ${s.length} chữ số.`,
        `A tax code has 10 digits (organisations), 10 + 3 digits (dependent units) or 12 digits (the personal identification number); this one has ${s.length}.`,
      ),
    );
  }

  const errors: ValidationIssue<TaxCodeErrorCode>[] = [];
  if (base.slice(2, 9) === '0000000') {
    errors.push(
      issue(
        'invalid-sequence',
        `Mã số thuế ${base} không hợp lệ: các chữ số từ thứ 3 đến thứ 9 không thể đều là 0.`,
        `Tax code ${base} is not valid: digits 3 to 9 cannot all be 0.`,
      ),
    );
  }
  if (taxCodeCheckDigit(base.slice(0, 9)) !== Number(base[9])) {
    errors.push(
      issue(
        'invalid-check-digit',
        `Mã số thuế ${base} không đúng: chữ số cuối (số kiểm tra) không khớp với 9 chữ số đầu, có thể đã gõ nhầm một chữ số. Vui lòng kiểm tra lại.`,
        `Tax code ${base} is not valid: its last digit (the check digit) does not match the first nine, so a digit was probably mistyped. Please check it.`,
      ),
    );
  }
  if (branch === '000') {
    errors.push(
      issue(
        'invalid-branch',
        'Ba chữ số cuối của mã chi nhánh, đơn vị phụ thuộc phải từ 001 đến 999.',
        'The last three digits of a dependent unit’s tax code must be 001 to 999.',
      ),
    );
  }
  if (errors.length > 0) return invalid(...errors);
  return {
    ok: true,
    taxCode: branch === null ? base : `${base}-${branch}`,
    kind: branch === null ? 'ten-digit' : 'dependent-unit',
    base,
    branch,
    warnings: [],
  };
}
