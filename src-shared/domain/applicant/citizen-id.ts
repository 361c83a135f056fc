/**
 * The 12-digit personal identification number (số định danh cá nhân), printed on the CCCD and on the
 * newer thẻ căn cước, and used as the individual tax code since 01/07/2025.
 *
 * Structure [P] (DOMAIN.md §7): digits 1–3 where the birth was registered (province-codes.ts);
 * digit 4 century and gender (0/1 = 1900s male/female, 2/3 = 2000s, 4/5 = 2100s, 6/7 = 2200s,
 * 8/9 = 2300s); digits 5–6 the last two digits of the birth year; digits 7–12 random. There is no
 * check digit, so a typo in the random part cannot be detected: the cross-checks against the date of
 * birth and gender from the same card are what catch most mistakes.
 */
import { parseIsoDate } from '../civil-date';
import { vnDay } from '../vn-time';
import { issue, viDate, type ValidationIssue } from './messages';
import { defaultIsAbroadCode, provinceByCode } from './province-codes';

export type Gender = 'male' | 'female';

export type CitizenIdErrorCode =
  | 'empty'
  | 'not-12-digits'
  | 'unknown-province'
  | 'century-out-of-range'
  | 'birth-year-in-future'
  | 'invalid-birth-date'
  | 'birth-year-mismatch'
  | 'gender-mismatch';

export type CitizenIdWarningCode = 'registered-abroad';

export interface ParseCitizenIdOptions {
  /** Date of birth `yyyy-MM-dd` from the same card or the form: its year must match digits 4–6. */
  birthDate?: string;
  /** Gender from the same card or the form: must match the parity of digit 4. */
  gender?: Gender;
  /** Today in Vietnam, `yyyy-MM-dd` (default: the current Vietnam day). */
  today?: string;
  /** Which codes outside the province table count as a birth registered abroad [U]. */
  isAbroadCode?: (code: string) => boolean;
}

export interface CitizenIdInfo {
  ok: true;
  /** The 12 digits, spaces removed. */
  id: string;
  provinceCode: string;
  /** Province name when the code was defined (pre-2025 names); null for a birth registered abroad. */
  provinceName: string | null;
  registeredAbroad: boolean;
  gender: Gender;
  birthYear: number;
  /** Not errors, but worth a look by the clerk. */
  warnings: ValidationIssue<CitizenIdWarningCode>[];
}

export interface CitizenIdInvalid {
  ok: false;
  errors: ValidationIssue<CitizenIdErrorCode>[];
}

export type CitizenIdResult = CitizenIdInfo | CitizenIdInvalid;

const GENDER_VI: Record<Gender, string> = { male: 'nam', female: 'nữ' };
const GENDER_EN: Record<Gender, string> = { male: 'male', female: 'female' };

/** The spaces-free form a clerk or a reader may type: NFKC folds full-width digits, all whitespace goes. */
export function compactCitizenId(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '');
}

/** First year of the century that digit 4 encodes (1900 for 0/1, 2000 for 2/3, …). */
export function centuryStartOfDigit(digit: number): number {
  return 1900 + Math.floor(digit / 2) * 100;
}

/** Digit 4 for a birth year and gender, or undefined when the year is outside 1900–2399. */
export function centuryGenderDigit(birthYear: number, gender: Gender): number | undefined {
  if (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > 2399) return undefined;
  return Math.floor((birthYear - 1900) / 100) * 2 + (gender === 'female' ? 1 : 0);
}

/** Validates a personal identification number and decodes what it says about its holder. */
export function parseCitizenId(raw: string, options: ParseCitizenIdOptions = {}): CitizenIdResult {
  const id = compactCitizenId(raw);
  if (id === '') {
    return {
      ok: false,
      errors: [
        issue('empty', 'Chưa nhập số định danh cá nhân (số CCCD).', 'The personal identification number (CCCD number) is missing.'),
      ],
    };
  }
  if (!/^\d{12}$/.test(id)) return { ok: false, errors: [formatError(id)] };

  const errors: ValidationIssue<CitizenIdErrorCode>[] = [];
  const warnings: ValidationIssue<CitizenIdWarningCode>[] = [];

  const provinceCode = id.slice(0, 3);
  const province = provinceByCode(provinceCode);
  const registeredAbroad = !province && (options.isAbroadCode ?? defaultIsAbroadCode)(provinceCode);
  if (registeredAbroad) {
    warnings.push(
      issue(
        'registered-abroad',
        `Ba chữ số đầu «${provinceCode}» không phải mã tỉnh, thành phố trong nước; có thể công dân đăng ký khai sinh ở nước ngoài. Vui lòng đối chiếu lại với thẻ.`,
        `The first three digits '${provinceCode}' are not a Vietnamese province code; the birth may have been registered abroad. Please check against the card.`,
      ),
    );
  } else if (!province) {
    errors.push(
      issue(
        'unknown-province',
        `Ba chữ số đầu «${provinceCode}» không phải mã tỉnh, thành phố nơi đăng ký khai sinh. Vui lòng kiểm tra lại số trên thẻ.`,
        `The first three digits '${provinceCode}' are not a province code of birth registration. Please check the number on the card.`,
      ),
    );
  }

  const digit = Number(id[3]);
  const gender: Gender = digit % 2 === 0 ? 'male' : 'female';
  const centuryStart = centuryStartOfDigit(digit);
  const birthYear = centuryStart + Number(id.slice(4, 6));
  const today = options.today ?? vnDay(Date.now());
  const todayParts = parseIsoDate(today);
  if (!todayParts) throw new RangeError(`parseCitizenId: 'today' must be yyyy-MM-dd, got '${today}'`);
  const centuryError = centuryStart > todayParts.year;
  if (centuryError) {
    errors.push(
      issue(
        'century-out-of-range',
        `Chữ số thứ tư «${digit}» cho biết người này sinh từ năm ${centuryStart} trở đi, không thể đúng. Vui lòng kiểm tra lại số trên thẻ.`,
        `The fourth digit '${digit}' means a birth in ${centuryStart} or later, which is impossible. Please check the number on the card.`,
      ),
    );
  } else if (birthYear > todayParts.year) {
    errors.push(
      issue(
        'birth-year-in-future',
        `Theo số định danh thì năm sinh là ${birthYear}, sau năm hiện tại. Vui lòng kiểm tra lại số trên thẻ.`,
        `The number implies birth year ${birthYear}, which is after the current year. Please check the number on the card.`,
      ),
    );
  }

  if (options.birthDate !== undefined) {
    const dob = parseIsoDate(options.birthDate);
    if (!dob) {
      errors.push(
        issue(
          'invalid-birth-date',
          `Ngày sinh «${options.birthDate}» không hợp lệ nên chưa đối chiếu được với số định danh.`,
          `The date of birth '${options.birthDate}' is not a valid date, so it could not be checked against the number.`,
        ),
      );
    } else if (!centuryError && dob.year !== birthYear) {
      errors.push(
        issue(
          'birth-year-mismatch',
          `Số định danh cho biết năm sinh ${birthYear}, nhưng ngày sinh là ${viDate(options.birthDate)}. Vui lòng kiểm tra lại số định danh hoặc ngày sinh.`,
          `The number implies birth year ${birthYear}, but the date of birth is ${viDate(options.birthDate)}. Please check the number or the date of birth.`,
        ),
      );
    }
  }

  if (options.gender !== undefined && options.gender !== gender) {
    errors.push(
      issue(
        'gender-mismatch',
        `Số định danh cho biết giới tính ${GENDER_VI[gender]}, nhưng giới tính ghi là ${GENDER_VI[options.gender]}. Vui lòng kiểm tra lại số định danh hoặc giới tính.`,
        `The number implies a ${GENDER_EN[gender]} holder, but the gender given is ${GENDER_EN[options.gender]}. Please check the number or the gender.`,
      ),
    );
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, id, provinceCode, provinceName: province?.name ?? null, registeredAbroad, gender, birthYear, warnings };
}

function formatError(id: string): ValidationIssue<'not-12-digits'> {
  if (!/^\d+$/.test(id)) {
    return issue(
      'not-12-digits',
      'Số định danh cá nhân chỉ gồm 12 chữ số, không được có chữ cái, dấu chấm, gạch nối hay ký tự khác.',
      'The personal identification number is 12 digits only, with no letters, dots, dashes or other characters.',
    );
  }
  if (id.length === 9) {
    return issue(
      'not-12-digits',
      'Số vừa nhập có 9 chữ số, giống số CMND cũ. Vui lòng nhập số định danh cá nhân gồm 12 chữ số (in trên thẻ CCCD hoặc thẻ căn cước).',
      'The number has 9 digits, like an old identity card (CMND) number. Please enter the 12-digit personal identification number printed on the CCCD or citizen identity card.',
    );
  }
  return issue(
    'not-12-digits',
    `Số định danh cá nhân phải có đúng 12 chữ số; số vừa nhập có ${id.length} chữ số.`,
    `The personal identification number must have exactly 12 digits; this one has ${id.length}.`,
  );
}
