/**
 * Personal names: common family names (họ), middle names (tên đệm) and given names (tên). Every
 * form and decision names people, and in ALL-CAPS headings a name's tone is easy to misread.
 */

export const FAMILY_NAMES = (
  'Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh Trương ' +
  'Lâm Mai Đinh Lưu Cao Hà Tạ Tô Châu Quách Thái Tăng Kiều Hứa Lương Mạc Triệu Đàm Khúc Nghiêm Chu Doãn ' +
  'Lại Lục Phùng Quan Văn Thân Tôn Từ Hầu Giang Kim Âu Ông Mã La Đồng Cù Bạch Diệp Thạch Lã Lò Hoàng Nông'
).split(' ');

export const MIDDLE_NAMES = (
  'Văn Thị Hữu Đức Công Quang Minh Xuân Thu Ngọc Thanh Kim Hồng Bảo Gia Đình Quốc Thành Tuấn Anh Hoàng ' +
  'Mạnh Trọng Duy Tiến Hải Như Phương Bích Diệu Mỹ Thùy Khánh Nhật Thế Viết Bá Tấn Trung Hoài Thúy Hoài ' +
  'Lan Mai Ánh Hoa Tường Vân Nguyệt Thảo Cẩm Thái Chí Đăng Phúc Huy Hà Lệ'
).split(' ');

export const GIVEN_NAMES = (
  'An Anh Ánh Bảo Bình Bích Cường Chi Châu Chiến Công Cúc Dũng Dung Duy Dương Đạt Điệp Định Đông Đức ' +
  'Giang Hà Hải Hạnh Hằng Hân Hậu Hiền Hiển Hiếu Hiệp Hòa Hoa Hoài Hoàng Hồng Huệ Hùng Hưng Hương Hường ' +
  'Huy Huyền Khang Khánh Khoa Khôi Kiên Kiệt Lam Lan Lâm Liên Linh Loan Lộc Long Lợi Luân Lực Ly Mai Mạnh ' +
  'Minh My Mỹ Nam Nga Ngân Nghĩa Ngọc Nguyên Nhân Nhi Nhung Oanh Phát Phong Phú Phúc Phụng Phương Phượng ' +
  'Quân Quang Quế Quý Quyên Quyết Quỳnh Sơn Tài Tâm Tân Thái Thắng Thanh Thành Thảo Thắm Thiện Thịnh Thơ ' +
  'Thu Thủy Thúy Thư Thương Tiến Tín Toàn Trang Trâm Trí Triều Trinh Trọng Trung Tú Tuấn Tùng Tuyết Uyên ' +
  'Vân Văn Việt Vinh Vũ Vy Xuân Yến Đào Tuệ Thùy Hiệp Tường Thạch Sang Lực Hậu Triết Khiêm Thông Tín Hạnh'
).split(' ');

/** Middle names after a family name, Văn (men) and Thị (women) far more often than the others. */
const MIDDLE_BY_FREQUENCY = ['Văn', 'Văn', 'Văn', 'Thị', 'Thị', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Xuân'];

/**
 * How many times more common than the rest the commonest family names are (Nguyễn is borne by
 * about 38% of Vietnamese, Trần 11%, Lê 9.5% …), so that NGUYÊN THỊ reads as NGUYỄN THỊ.
 */
const FAMILY_NAME_SHARE: Readonly<Record<string, number>> = { Nguyễn: 12, Trần: 4, Lê: 4, Phạm: 3, Hoàng: 2, Huỳnh: 2, Phan: 2, Vũ: 2, Võ: 2, Đặng: 1.5, Bùi: 1.5, Đỗ: 1.5 };

/** Typical full names: every family name with the most common middle names, and middle + given pairs. */
export function namePhrases(): string[] {
  const out: string[] = [];
  for (const family of FAMILY_NAMES) {
    const times = Math.round(FAMILY_NAME_SHARE[family] ?? 1);
    for (let k = 0; k < times; k++) for (const middle of MIDDLE_BY_FREQUENCY) out.push(`${family} ${middle}`);
  }
  for (const middle of ['Văn', 'Thị', 'Ngọc', 'Minh', 'Thanh', 'Quốc', 'Xuân', 'Thu', 'Hồng', 'Đức']) {
    for (const given of GIVEN_NAMES) out.push(`${middle} ${given}`);
  }
  out.push(...FAMILY_NAMES, ...MIDDLE_NAMES, ...GIVEN_NAMES);
  out.push('ông', 'bà', 'anh', 'chị', 'em', 'cháu', 'ông bà', 'ông, bà', 'Ông', 'Bà', 'Anh', 'Chị');
  return out;
}
