/**
 * Held-out administrative passages for the corrector: written for these tests only, in no
 * vocabulary and not on the generated pages, so an improvement here is not memorisation. Made up
 * (no real person). Plus an injector of the mark errors tesseract's vie model makes on capitals.
 */
import { composeLetter, splitLetter, type Tone } from '../../../src-shared/domain/vietnamese/letters';
import { applyTone, parseSyllable } from '../../../src-shared/domain/vietnamese/syllable';
import { mulberry32 } from '../../support/prng';

export const HELD_OUT_PASSAGES: readonly (readonly string[])[] = [
  [
    'ỦY BAN NHÂN DÂN PHƯỜNG HÒA BÌNH',
    'Người yêu cầu chứng thực: bà Hoàng Thị Lan, sinh năm 1978.',
    'Giấy tờ tùy thân: thẻ căn cước do Bộ Công an cấp.',
    'Giấy tờ yêu cầu chứng thực: bản chính bằng tốt nghiệp trung học phổ thông.',
    'Số lượng bản sao yêu cầu chứng thực: năm bản.',
    'Người thực hiện chứng thực đã kiểm tra bản chính và xác nhận bản sao đúng với bản chính.',
    'Lệ phí chứng thực được thu theo quy định, có biên lai kèm theo.',
  ],
  [
    'TỜ KHAI ĐĂNG KÝ KHAI TỬ',
    'Kính gửi: Ủy ban nhân dân xã Tân Phong.',
    'Họ, chữ đệm, tên người chết: Lý Văn Thành. Giới tính: Nam.',
    'Nơi chết: tại nhà riêng ở thôn Đông Hòa, xã Tân Phong.',
    'Nguyên nhân chết: bệnh hiểm nghèo, có giấy báo tử của trạm y tế xã.',
    'Người đi khai tử là con trai của người chết, chịu trách nhiệm về nội dung đã khai.',
    'Đề nghị cơ quan đăng ký hộ tịch xem xét và cấp trích lục khai tử.',
  ],
  [
    'ĐƠN ĐĂNG KÝ BIẾN ĐỘNG ĐẤT ĐAI, TÀI SẢN GẮN LIỀN VỚI ĐẤT',
    'Kính gửi: Chi nhánh Văn phòng đăng ký đất đai thành phố Cần Thơ.',
    'Người sử dụng đất: ông Tô Minh Khoa và vợ là bà Mai Thị Yến.',
    'Nội dung biến động: chuyển quyền sử dụng toàn bộ thửa đất cho con gái.',
    'Lý do biến động: tặng cho theo hợp đồng đã được công chứng.',
    'Giấy tờ kèm theo gồm giấy chứng nhận đã cấp và tờ khai lệ phí trước bạ.',
    'Tôi cam đoan nội dung kê khai là đúng và xin chịu trách nhiệm trước pháp luật.',
  ],
  [
    'THÔNG BÁO KẾT QUẢ GIẢI QUYẾT HỒ SƠ',
    'Ủy ban nhân dân đặc khu Côn Đảo trân trọng thông báo kết quả như sau:',
    'hồ sơ đề nghị cấp giấy phép kinh doanh của hộ ông Dương Văn Tài đã được phê duyệt.',
    'Đề nghị ông đến Bộ phận Một cửa để nhận kết quả trong giờ hành chính.',
    'Khi đến nhận, ông mang theo phiếu hẹn và thẻ căn cước để đối chiếu.',
    'Nếu ủy quyền cho người khác nhận thay, phải có văn bản ủy quyền hợp lệ.',
  ],
  [
    'QUYẾT ĐỊNH VỀ VIỆC KHEN THƯỞNG CÁ NHÂN CÓ THÀNH TÍCH XUẤT SẮC',
    'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH GIA LAI',
    'Căn cứ Luật Thi đua, khen thưởng;',
    'Xét đề nghị của Trưởng phòng Nội vụ,',
    'Điều 1. Tặng giấy khen cho bà Phan Thị Thu Trang, công chức văn phòng,',
    'đã có thành tích xuất sắc trong công tác cải cách hành chính năm 2025.',
    'Điều 2. Chánh Văn phòng và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành quyết định này.',
  ],
];

/**
 * A second held-out set, written after the corrector's weights were tuned and never used to tune
 * them: the honest measure of how it does on text it has not seen.
 */
export const UNTUNED_PASSAGES: readonly (readonly string[])[] = [
  [
    'ĐỀ NGHỊ ĐĂNG KÝ TẠM TRÚ CHO NGƯỜI THUÊ NHÀ',
    'Kính gửi: Công an phường Tân Định.',
    'Tôi là Đinh Quang Vinh, hiện đang thuê căn hộ tại tầng bốn chung cư Sao Mai.',
    'Thời hạn thuê nhà theo hợp đồng là hai năm, kể từ tháng Giêng năm nay.',
    'Chủ nhà là bà Kiều Thị Hạnh đã đồng ý cho tôi đăng ký tạm trú tại địa chỉ trên.',
    'Kèm theo đơn này là bản sao hợp đồng thuê nhà và giấy tờ tùy thân.',
  ],
  [
    'QUYẾT ĐỊNH VỀ VIỆC HƯỞNG TRỢ CẤP XÃ HỘI HẰNG THÁNG',
    'Xét hồ sơ đề nghị của công chức phụ trách lao động, thương binh và xã hội,',
    'Điều 1. Cụ bà Trịnh Thị Mận, sinh năm 1940, thuộc diện người cao tuổi cô đơn,',
    'được hưởng trợ cấp xã hội hằng tháng kể từ tháng sau.',
    'Mức trợ cấp do Ủy ban nhân dân tỉnh quy định, chi trả qua bưu điện.',
    'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
  ],
  [
    'TỜ KHAI YÊU CẦU CẤP PHIẾU LÝ LỊCH TƯ PHÁP',
    'Kính gửi: Sở Tư pháp thành phố Đà Nẵng.',
    'Họ và tên người yêu cầu: Lưu Đức Hiếu. Giới tính: Nam.',
    'Nơi thường trú: tổ dân phố số bảy, phường Hòa Khánh.',
    'Mục đích yêu cầu cấp phiếu: bổ sung hồ sơ xin việc làm tại công ty.',
    'Yêu cầu xác nhận về việc có bị cấm đảm nhiệm chức vụ hay không.',
    'Số lượng phiếu yêu cầu cấp: hai bản.',
  ],
  [
    'GIẤY ĐỀ NGHỊ ĐĂNG KÝ HỘ KINH DOANH',
    'Tên hộ kinh doanh: Tiệm may Hồng Nhung.',
    'Địa điểm kinh doanh: ki ốt số mười hai, chợ Đông Ba.',
    'Ngành nghề kinh doanh: may đo quần áo, sửa chữa đồ may mặc.',
    'Vốn kinh doanh: một trăm năm mươi triệu đồng.',
    'Số lượng lao động: ba người, đều là thành viên trong gia đình.',
    'Chủ hộ cam kết tuân thủ các quy định về an toàn phòng cháy và vệ sinh môi trường.',
  ],
];

/** The errors seen in real vie OCR of capitals (test/fixtures/ocr): a word to its misreading, or null. */
const ERRORS: readonly ((word: string) => string | null)[] = [
  // Horn lost or gained: TƯ → TU, TỪNG → TÙNG, PHÚT → PHỨT.
  (w) => swapMark(w, (l) => (l.mark === 'horn' ? { ...l, mark: '' } : null)),
  (w) => swapMark(w, (l) => (l.base === 'u' && l.mark === '' ? { ...l, mark: 'horn' } : null)),
  // Circumflex lost: TRÊN → TREN.
  (w) => swapMark(w, (l) => (l.mark === 'circumflex' ? { ...l, mark: '' } : null)),
  // Tone confused: QUẢ → QUÁ, NGUYỄN → NGUYÊN, TRÊN → TRỀN, GIẤY → GIẦY.
  (w) => swapTone(w, { hoi: 'sac', sac: 'hoi', nga: 'ngang', ngang: 'huyen', huyen: 'hoi' }),
  (w) => swapTone(w, { sac: 'huyen', nang: 'ngang', hoi: 'huyen' }),
];

function swapMark(word: string, change: (l: NonNullable<ReturnType<typeof splitLetter>>) => NonNullable<ReturnType<typeof splitLetter>> | null): string | null {
  const chars = [...word.toLowerCase()];
  const at = chars.findIndex((c) => {
    const l = splitLetter(c);
    return l !== null && change(l) !== null;
  });
  if (at < 0) return null;
  const l = change(splitLetter(chars[at]!)!)!;
  chars[at] = composeLetter(l.base, l.mark, l.tone);
  return chars.join('').toUpperCase();
}

function swapTone(word: string, map: Partial<Record<Tone, Tone>>): string | null {
  const s = parseSyllable(word);
  const to = s ? map[s.tone] : undefined;
  if (!s || !to) return null;
  return applyTone(word, to);
}

/**
 * Puts misreadings into an upper-case line: each word without digits, with probability `rate`,
 * gets one error that applies to it. Deterministic per seed.
 */
export function injectErrors(line: string, seed: number, rate = 0.2): string {
  const random = mulberry32(seed);
  return line
    .split(' ')
    .map((token) => {
      const core = token.match(/[\p{L}]+/u)?.[0];
      if (!core || /\d/.test(token) || !parseSyllable(core) || random() >= rate) return token;
      const start = Math.floor(random() * ERRORS.length);
      for (let k = 0; k < ERRORS.length; k++) {
        const wrong = ERRORS[(start + k) % ERRORS.length]!(core);
        if (wrong && wrong !== core) return token.replace(core, wrong);
      }
      return token;
    })
    .join(' ');
}
