/**
 * Place names: the 34 provinces and cities after the 2025 merger (sáp nhập), the former provinces
 * that older documents still name, and words that go with places. Names are what OCR garbles most
 * in headings, and a wrong tone on a province name is an obvious error to a clerk.
 */

/** The 34 provincial-level units from 1 July 2025 (tỉnh, thành phố trực thuộc trung ương). */
export const PROVINCES_2025 = [
  'Hà Nội', 'Huế', 'Hải Phòng', 'Đà Nẵng', 'Hồ Chí Minh', 'Cần Thơ',
  'Lai Châu', 'Điện Biên', 'Sơn La', 'Lạng Sơn', 'Quảng Ninh', 'Thanh Hóa', 'Nghệ An', 'Hà Tĩnh', 'Cao Bằng',
  'Tuyên Quang', 'Lào Cai', 'Thái Nguyên', 'Phú Thọ', 'Bắc Ninh', 'Hưng Yên', 'Ninh Bình', 'Quảng Trị',
  'Quảng Ngãi', 'Gia Lai', 'Khánh Hòa', 'Lâm Đồng', 'Đắk Lắk', 'Đồng Nai', 'Tây Ninh', 'Vĩnh Long',
  'Đồng Tháp', 'Cà Mau', 'An Giang',
] as const;

/** Provinces merged in 2025, still on older papers. */
export const FORMER_PROVINCES = [
  'Hà Giang', 'Yên Bái', 'Bắc Kạn', 'Vĩnh Phúc', 'Hòa Bình', 'Bắc Giang', 'Thái Bình', 'Hải Dương', 'Hà Nam',
  'Nam Định', 'Quảng Bình', 'Quảng Nam', 'Kon Tum', 'Bình Định', 'Ninh Thuận', 'Đắk Nông', 'Bình Thuận',
  'Phú Yên', 'Bình Dương', 'Bà Rịa - Vũng Tàu', 'Bình Phước', 'Long An', 'Sóc Trăng', 'Hậu Giang', 'Bến Tre',
  'Trà Vinh', 'Tiền Giang', 'Bạc Liêu', 'Kiên Giang', 'Thừa Thiên Huế',
] as const;

/** Phrases built around place names, as they appear in headings and addresses. */
export function placePhrases(): string[] {
  const all = [...PROVINCES_2025, ...FORMER_PROVINCES];
  const cities = new Set(['Hà Nội', 'Huế', 'Hải Phòng', 'Đà Nẵng', 'Hồ Chí Minh', 'Cần Thơ']);
  return [
    ...all.map((p) => (cities.has(p) ? `thành phố ${p}` : `tỉnh ${p}`)),
    ...all.map((p) => `Ủy ban nhân dân ${cities.has(p) ? 'thành phố' : 'tỉnh'} ${p}`),
    ...PROVINCES_2025.map((p) => `Công an ${cities.has(p) ? 'thành phố' : 'tỉnh'} ${p}`),
    ...PROVINCES_2025.map((p) => p),
    'Thành phố Hồ Chí Minh',
    'Thủ đô Hà Nội',
    'trung ương',
    'địa phương',
    'tỉnh, thành phố trực thuộc trung ương',
    'huyện, quận, thị xã, thành phố thuộc tỉnh',
    'xã, phường, đặc khu',
    'xã, phường, thị trấn',
    'đơn vị hành chính',
    'đơn vị hành chính cấp xã',
    'đơn vị hành chính cấp tỉnh',
    'sắp xếp đơn vị hành chính',
    'sáp nhập',
    'đặc khu Phú Quốc',
    'đặc khu Côn Đảo',
    'đặc khu Vân Đồn',
    'đặc khu Lý Sơn',
    'đặc khu Cát Hải',
    'miền Bắc',
    'miền Trung',
    'miền Nam',
    'Tây Nguyên',
    'Đồng bằng sông Cửu Long',
    'Đồng bằng sông Hồng',
    'sông Hồng',
    'sông Cửu Long',
    'Biển Đông',
    'Hoàng Sa',
    'Trường Sa',
    'phường Ba Đình',
    'phường Hoàn Kiếm',
    'phường Đống Đa',
    'phường Cầu Giấy',
    'phường Hai Bà Trưng',
    'phường Bến Thành',
    'phường Sài Gòn',
    'phường Thủ Đức',
    'Sài Gòn',
    'Chợ Lớn',
    'Gia Định',
    'Biên Hòa',
    'Vũng Tàu',
    'Nha Trang',
    'Đà Lạt',
    'Quy Nhơn',
    'Buôn Ma Thuột',
    'Pleiku',
    'Vinh',
    'Hạ Long',
    'Móng Cái',
    'Sầm Sơn',
    'Hội An',
    'Mỹ Tho',
    'Long Xuyên',
    'Rạch Giá',
    'Châu Đốc',
    'Cao Lãnh',
    'Sa Đéc',
    'Tân An',
    'Thủ Dầu Một',
    'Việt Trì',
    'Hòa Bình',
    'Sơn Tây',
    'Hà Đông',
    'Từ Sơn',
    'Uông Bí',
    'Cẩm Phả',
  ];
}
