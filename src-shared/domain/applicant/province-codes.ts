/**
 * Digits 1–3 of the 12-digit personal identification number (số định danh cá nhân, printed on the
 * CCCD / thẻ căn cước): where the birth was registered.
 *
 * [P] Province table of Appendix I to Circular 07/2016/TT-BCA (01/02/2016), carried over unchanged by
 * Circular 59/2021/TT-BCA which replaced it: the 63 provinces and centrally-run cities of the time,
 * 001 Hà Nội … 096 Cà Mau. Cross-checked against two independent published copies of the table
 * (same 63 codes, same names). The legal text itself was not re-read.
 *
 * The 2025 province mergers (63 → 34 provinces from 01/07/2025) do NOT change the codes in numbers
 * already issued: a number is assigned once for life, so a person registered in Hà Giang keeps 002
 * although Hà Giang is now part of Tuyên Quang. The names below are therefore the names at the time
 * the codes were defined, not today's provinces; never use this table as a list of current provinces.
 *
 * [U] Births registered abroad: the number then starts with a code of the country of registration.
 * Published sources disagree on the scheme (one reports a table of codes 101–295 plus 000 in
 * Appendix II of Circular 59/2021/TT-BCA, another reports ISO 3166-1 numeric codes such as 840 or
 * 392). Neither could be confirmed, so by default every code outside 001–099 is accepted as
 * "registered abroad, country not checked" and flagged for the clerk; callers can supply a stricter
 * predicate from configuration (see `ParseCitizenIdOptions.isAbroadCode`).
 */

export interface ProvinceCode {
  /** Three digits, e.g. `038`. */
  code: string;
  /** Name when the code was defined (before the 2025 mergers), e.g. `Thanh Hóa`. */
  name: string;
  /** Centrally-run city (thành phố trực thuộc trung ương) rather than a province (tỉnh). */
  city: boolean;
}

const TABLE: readonly (readonly [string, string, boolean?])[] = [
  ['001', 'Hà Nội', true],
  ['002', 'Hà Giang'],
  ['004', 'Cao Bằng'],
  ['006', 'Bắc Kạn'],
  ['008', 'Tuyên Quang'],
  ['010', 'Lào Cai'],
  ['011', 'Điện Biên'],
  ['012', 'Lai Châu'],
  ['014', 'Sơn La'],
  ['015', 'Yên Bái'],
  ['017', 'Hòa Bình'],
  ['019', 'Thái Nguyên'],
  ['020', 'Lạng Sơn'],
  ['022', 'Quảng Ninh'],
  ['024', 'Bắc Giang'],
  ['025', 'Phú Thọ'],
  ['026', 'Vĩnh Phúc'],
  ['027', 'Bắc Ninh'],
  ['030', 'Hải Dương'],
  ['031', 'Hải Phòng', true],
  ['033', 'Hưng Yên'],
  ['034', 'Thái Bình'],
  ['035', 'Hà Nam'],
  ['036', 'Nam Định'],
  ['037', 'Ninh Bình'],
  ['038', 'Thanh Hóa'],
  ['040', 'Nghệ An'],
  ['042', 'Hà Tĩnh'],
  ['044', 'Quảng Bình'],
  ['045', 'Quảng Trị'],
  ['046', 'Thừa Thiên Huế'],
  ['048', 'Đà Nẵng', true],
  ['049', 'Quảng Nam'],
  ['051', 'Quảng Ngãi'],
  ['052', 'Bình Định'],
  ['054', 'Phú Yên'],
  ['056', 'Khánh Hòa'],
  ['058', 'Ninh Thuận'],
  ['060', 'Bình Thuận'],
  ['062', 'Kon Tum'],
  ['064', 'Gia Lai'],
  ['066', 'Đắk Lắk'],
  ['067', 'Đắk Nông'],
  ['068', 'Lâm Đồng'],
  ['070', 'Bình Phước'],
  ['072', 'Tây Ninh'],
  ['074', 'Bình Dương'],
  ['075', 'Đồng Nai'],
  ['077', 'Bà Rịa - Vũng Tàu'],
  ['079', 'TP Hồ Chí Minh', true],
  ['080', 'Long An'],
  ['082', 'Tiền Giang'],
  ['083', 'Bến Tre'],
  ['084', 'Trà Vinh'],
  ['086', 'Vĩnh Long'],
  ['087', 'Đồng Tháp'],
  ['089', 'An Giang'],
  ['091', 'Kiên Giang'],
  ['092', 'Cần Thơ', true],
  ['093', 'Hậu Giang'],
  ['094', 'Sóc Trăng'],
  ['095', 'Bạc Liêu'],
  ['096', 'Cà Mau'],
];

/** The 63 province codes, in code order. */
export const PROVINCE_CODES: readonly ProvinceCode[] = Object.freeze(
  TABLE.map(([code, name, city]) => Object.freeze({ code, name, city: city === true })),
);

const BY_CODE = new Map(PROVINCE_CODES.map((p) => [p.code, p]));

/** The province of a three-digit code, or undefined (including codes of births abroad). */
export function provinceByCode(code: string): ProvinceCode | undefined {
  return BY_CODE.get(code);
}

/**
 * Default rule for births registered abroad [U]: `000` and every code from `100` to `999` (no
 * province code is above 096). Codes 001–099 missing from the table are unknown, not foreign.
 */
export function defaultIsAbroadCode(code: string): boolean {
  if (!/^\d{3}$/.test(code)) return false;
  return code === '000' || code >= '100';
}
