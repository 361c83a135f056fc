/**
 * Vietnamese administrative text for generated test pages: the national motto, headings, an
 * application, a decision, a receipt. Made up (no real person), typed with every tone mark the
 * language has. Each passage is a list of lines; a page prints them as they are.
 */
export const ADMIN_TEXTS: readonly (readonly string[])[] = [
  [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'ĐƠN ĐỀ NGHỊ CẤP GIẤY PHÉP XÂY DỰNG',
    'Kính gửi: Ủy ban nhân dân huyện Phú Lương, tỉnh Thái Nguyên.',
    'Tên chủ đầu tư: Nguyễn Thị Hương, số định danh cá nhân 019302004567.',
    'Địa chỉ liên hệ: xóm Đồng Bục, xã Yên Đổ, huyện Phú Lương.',
    'Số điện thoại: 0912 345 678. Địa điểm xây dựng: thửa đất số 125,',
    'tờ bản đồ số 18, diện tích 96,5 mét vuông, nhà ở riêng lẻ ba tầng.',
    'Tôi xin cam đoan thực hiện đúng giấy phép được cấp, nếu sai tôi xin',
    'hoàn toàn chịu trách nhiệm và bị xử lý theo quy định của pháp luật.',
  ],
  [
    'ỦY BAN NHÂN DÂN TỈNH BẮC NINH',
    'SỞ TƯ PHÁP',
    'QUYẾT ĐỊNH VỀ VIỆC CẤP LẠI BẢN SAO TRÍCH LỤC HỘ TỊCH',
    'Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014;',
    'Căn cứ Nghị định số 123/2015/NĐ-CP ngày 15 tháng 11 năm 2015 của Chính phủ;',
    'Xét đề nghị của ông Trần Văn Đức, sinh ngày 07/03/1985, thường trú tại',
    'phường Vệ An, thành phố Bắc Ninh, về việc cấp bản sao trích lục khai sinh.',
    'Điều 1. Cấp 02 bản sao trích lục khai sinh cho người có tên nêu trên.',
    'Điều 2. Chánh Văn phòng, Trưởng phòng Hành chính tư pháp và ông Đức',
    'chịu trách nhiệm thi hành Quyết định này kể từ ngày ký.',
  ],
  [
    'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ',
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    'Mã hồ sơ: 000.00.12.H56-261121-0042',
    'Bộ phận một cửa đã tiếp nhận hồ sơ của bà Lê Thị Ngọc Ánh.',
    'Thủ tục: Đăng ký thường trú. Số lượng hồ sơ: 01 bộ.',
    'Thành phần hồ sơ gồm: tờ khai thay đổi thông tin cư trú; giấy tờ,',
    'tài liệu chứng minh chỗ ở hợp pháp; văn bản đồng ý của chủ hộ.',
    'Thời gian giải quyết: bảy ngày làm việc kể từ ngày nhận đủ hồ sơ.',
    'Ngày hẹn trả kết quả: 15 giờ 30 phút, thứ Sáu, ngày 04/12/2026.',
    'Người nộp hồ sơ mang theo giấy này khi đến nhận kết quả.',
  ],
  [
    'TỜ KHAI ĐĂNG KÝ KẾT HÔN',
    'Kính gửi: Ủy ban nhân dân xã Quỳnh Lưu, tỉnh Nghệ An.',
    'Họ, chữ đệm, tên người yêu cầu: Phạm Quốc Huy. Dân tộc: Kinh.',
    'Ngày, tháng, năm sinh: 22/08/1996. Quốc tịch: Việt Nam.',
    'Nơi cư trú: thôn Phú Nghĩa, xã Quỳnh Lưu, tỉnh Nghệ An.',
    'Giấy tờ tùy thân: căn cước số 040096001234, cấp ngày 10/05/2021.',
    'Kết hôn lần thứ mấy: thứ nhất. Chúng tôi cam đoan những lời khai',
    'trên đây là đúng sự thật, việc kết hôn của chúng tôi là tự nguyện,',
    'không vi phạm quy định của Luật Hôn nhân và gia đình Việt Nam.',
    'Chúng tôi chịu trách nhiệm trước pháp luật về lời cam đoan của mình.',
  ],
  [
    'THÔNG BÁO VỀ VIỆC BỔ SUNG, HOÀN THIỆN HỒ SƠ',
    'Trung tâm Phục vụ hành chính công tỉnh Quảng Ngãi thông báo:',
    'hồ sơ của ông Võ Minh Triết chưa đủ điều kiện giải quyết.',
    'Đề nghị ông bổ sung các giấy tờ sau: bản vẽ thiết kế có chữ ký',
    'của người chủ trì; giấy chứng nhận quyền sử dụng đất (bản sao',
    'có chứng thực); văn bản ủy quyền nếu người nộp không phải chủ hộ.',
    'Thời hạn bổ sung: mười lăm ngày kể từ ngày nhận được thông báo.',
    'Quá thời hạn trên, hồ sơ sẽ được trả lại theo quy định hiện hành.',
    'Mọi thắc mắc xin liên hệ đường dây nóng 1900 1234 để được hỗ trợ.',
    'Trân trọng cảm ơn sự hợp tác của ông.',
  ],
  [
    'BIÊN BẢN BÀN GIAO HỒ SƠ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH',
    'Hôm nay, vào lúc 9 giờ 15 phút ngày 18 tháng 11 năm 2026,',
    'tại Bộ phận Một cửa Ủy ban nhân dân quận Hải Châu, chúng tôi gồm:',
    'Bên giao: bà Đặng Thùy Dương, công chức tiếp nhận hồ sơ.',
    'Bên nhận: ông Huỳnh Tấn Lộc, chuyên viên phòng Quản lý đô thị.',
    'Hai bên thống nhất bàn giao 14 hồ sơ đã tiếp nhận trong ngày,',
    'kèm theo phiếu kiểm soát quá trình giải quyết của từng hồ sơ.',
    'Biên bản được lập thành hai bản có giá trị pháp lý như nhau,',
    'mỗi bên giữ một bản để theo dõi và lưu trữ theo quy định.',
    'Biên bản kết thúc vào lúc 9 giờ 40 phút cùng ngày.',
  ],
];

/** Every distinct line, for building vocabularies in tests. */
export const ADMIN_LINES: readonly string[] = ADMIN_TEXTS.flat();
