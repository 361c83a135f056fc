/**
 * Applicants as a provincial one-stop shop (Thanh Hóa) sees them: Vietnamese names with diacritics
 * (family names weighted by how common they are, gendered middle and given names), 12-digit personal
 * ID numbers that decode to the applicant's birth year and gender, mobile phones, street or village
 * addresses; about one in twelve is a company with a valid tax code. Every applicant passes the
 * app's own validation (`validateApplicant`).
 */
import type { Applicant } from '../../../src-shared/contract/documents';
import { centuryGenderDigit } from '../../../src-shared/domain/applicant/citizen-id';
import { PROVINCE_CODES } from '../../../src-shared/domain/applicant/province-codes';
import { taxCodeCheckDigit } from '../../../src-shared/domain/applicant/tax-code';
import { foldVietnamese } from '../../../src-shared/domain/text';
import { between, digits, pick, weighted, type Rand } from './random';

/** Family names with rough shares (percent) of the population. */
const FAMILY: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 4], ['Huỳnh', 1], ['Phan', 4.5], ['Vũ', 3], ['Võ', 1],
  ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Mai', 0.8], ['Trịnh', 1],
  ['Đinh', 0.8], ['Lương', 0.5], ['Cao', 0.5], ['Đào', 0.5], ['Hà', 0.5], ['Tạ', 0.3], ['Lưu', 0.3],
];
const MIDDLE_MALE: readonly (readonly [string, number])[] = [
  ['Văn', 30], ['Hữu', 8], ['Đức', 10], ['Minh', 10], ['Quốc', 6], ['Công', 5], ['Thành', 5], ['Xuân', 5], ['Đình', 6], ['Ngọc', 4], ['Trọng', 4], ['Quang', 6], ['Văn Minh', 2],
];
const MIDDLE_FEMALE: readonly (readonly [string, number])[] = [
  ['Thị', 35], ['Thu', 8], ['Ngọc', 8], ['Thanh', 7], ['Minh', 5], ['Thùy', 6], ['Kim', 5], ['Mỹ', 4], ['Bích', 4], ['Hồng', 5], ['Thị Thu', 4], ['Thị Ngọc', 3], ['Phương', 4],
];
const GIVEN_MALE = [
  'An', 'Anh', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Hải', 'Hiếu', 'Hoàng', 'Hùng', 'Huy', 'Khánh', 'Khoa', 'Kiên', 'Long', 'Lâm',
  'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tâm', 'Thắng', 'Thành', 'Tiến', 'Toàn', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh',
] as const;
const GIVEN_FEMALE = [
  'An', 'Anh', 'Ánh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hoa', 'Hương', 'Huyền', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga',
  'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Tâm', 'Thảo', 'Thủy', 'Trang', 'Tuyết', 'Vân', 'Vy', 'Xuân', 'Yến',
] as const;
const COMPANY_KIND = ['Công ty TNHH', 'Công ty TNHH', 'Công ty Cổ phần', 'Hợp tác xã', 'Doanh nghiệp tư nhân'] as const;
const COMPANY_NAME = [
  'Thành Công', 'Phú Quý', 'An Phát', 'Minh Long', 'Sao Việt', 'Hòa Bình', 'Đại Dương', 'Tân Tiến', 'Hưng Thịnh', 'Lam Sơn', 'Xứ Thanh',
  'Nông sản Thọ Xuân', 'Xây dựng Hàm Rồng', 'Thương mại Sầm Sơn', 'Vận tải Bỉm Sơn', 'Dịch vụ Hạc Thành',
] as const;
const STREETS = [
  'Lê Lợi', 'Trần Phú', 'Quang Trung', 'Bà Triệu', 'Lê Hoàn', 'Nguyễn Trãi', 'Phan Chu Trinh', 'Lý Thường Kiệt', 'Trường Thi',
  'Dương Đình Nghệ', 'Tống Duy Tân', 'Hải Thượng Lãn Ông', 'Nguyễn Chí Thanh', 'Đại lộ Lê Lợi', 'Lê Lai', 'Phú Thọ',
] as const;
const WARDS = ['phường Hạc Thành', 'phường Hàm Rồng', 'phường Đông Quang', 'phường Nguyệt Viên', 'phường Quảng Phú', 'phường Đông Tiến', 'phường Sầm Sơn', 'phường Đông Sơn'] as const;
const COMMUNES = ['xã Hoằng Hóa', 'xã Thiệu Hóa', 'xã Triệu Sơn', 'xã Thọ Xuân', 'xã Quảng Xương', 'xã Nông Cống', 'xã Hậu Lộc', 'xã Yên Định'] as const;
const VILLAGES = ['Thôn 1', 'Thôn 3', 'Thôn Đông', 'Thôn Trung Thành', 'Thôn Yên Trường', 'Thôn Phú Xá', 'Làng Bến', 'Xóm Mới'] as const;

/** Where the applicant's birth was registered (digits 1–3 of the ID): mostly the home province. */
const PROVINCE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['038', 70], ['040', 7], ['037', 4], ['001', 5], ['079', 3], ['036', 2], ['042', 2], ['035', 1], ['ANY', 6],
];
const OTHER_PROVINCES = PROVINCE_CODES.map((p) => p.code);

function address(rand: Rand): string {
  if (rand() < 0.55) {
    const house = rand() < 0.3 ? `Số ${between(rand, 1, 60)} ngõ ${between(rand, 2, 300)}` : `Số ${between(rand, 1, 450)}`;
    return `${house} ${pick(rand, STREETS)}, ${pick(rand, WARDS)}, tỉnh Thanh Hóa`;
  }
  return `${pick(rand, VILLAGES)}, ${pick(rand, COMMUNES)}, tỉnh Thanh Hóa`;
}

const mobile = (rand: Rand) => `09${digits(rand, 8)}`;

/** A 10-digit organisation tax code issued in Thanh Hóa (prefix 28) with its check digit. */
function taxCode(rand: Rand): string {
  for (;;) {
    const body = `28${digits(rand, 7)}`;
    const check = taxCodeCheckDigit(body);
    if (check !== undefined && body.slice(2) !== '0000000') return `${body}${check}`;
  }
}

/** `yyyy-MM-dd`, born 1946–2008 (most applicants are of working age). */
function birthDate(rand: Rand): string {
  const year = weighted(rand, [[between(rand, 1946, 1964), 18], [between(rand, 1965, 1989), 47], [between(rand, 1990, 2008), 35]]);
  const month = between(rand, 1, 12);
  const day = between(rand, 1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function individual(rand: Rand): Applicant {
  const gender = rand() < 0.52 ? 'female' : 'male';
  const family = weighted(rand, FAMILY);
  const middle = weighted(rand, gender === 'female' ? MIDDLE_FEMALE : MIDDLE_MALE);
  const given = pick(rand, gender === 'female' ? GIVEN_FEMALE : GIVEN_MALE);
  const born = birthDate(rand);
  const year = Number(born.slice(0, 4));
  const province = weighted(rand, PROVINCE_WEIGHTS);
  const idNumber = `${province === 'ANY' ? pick(rand, OTHER_PROVINCES) : province}${centuryGenderDigit(year, gender)}${born.slice(2, 4)}${digits(rand, 6)}`;
  const email = rand() < 0.12 ? `${foldVietnamese(given + family).replace(/\s/g, '')}${born.slice(2, 4)}@gmail.com` : '';
  return {
    kind: 'individual',
    name: `${family} ${middle} ${given}`,
    idNumber,
    birthDate: born,
    gender,
    taxCode: '',
    phone: rand() < 0.88 ? mobile(rand) : '',
    email,
    address: address(rand),
  };
}

function organisation(rand: Rand): Applicant {
  return {
    kind: 'organisation',
    name: `${pick(rand, COMPANY_KIND)} ${pick(rand, COMPANY_NAME)} ${pick(rand, GIVEN_MALE)}`,
    idNumber: '',
    birthDate: '',
    gender: '',
    taxCode: taxCode(rand),
    phone: rand() < 0.3 ? `0237${digits(rand, 7)}` : mobile(rand),
    email: rand() < 0.5 ? `lienhe.${digits(rand, 4)}@congty.vn` : '',
    address: address(rand),
  };
}

/** A new applicant: an individual, or (8 %) a company. */
export function randomApplicant(rand: Rand): Applicant {
  return rand() < 0.08 ? organisation(rand) : individual(rand);
}
