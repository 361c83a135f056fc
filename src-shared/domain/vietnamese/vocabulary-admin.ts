/**
 * Phrases of Vietnamese administrative language (ngôn ngữ hành chính): agencies, document types,
 * procedures and the fixed wording of forms and decisions. One phrase per line; punctuation inside a
 * line ends a bigram run the same way it does in OCR text. Written for the corrector's counts, not
 * copied from any test page.
 */
export const ADMIN_PHRASES = `
Cộng hòa xã hội chủ nghĩa Việt Nam
Độc lập - Tự do - Hạnh phúc
Quốc hội
Chính phủ
Thủ tướng Chính phủ
Phó Thủ tướng Chính phủ
Văn phòng Chính phủ
Bộ Công an
Bộ Tư pháp
Bộ Tài chính
Bộ Nội vụ
Bộ Xây dựng
Bộ Y tế
Bộ Ngoại giao
Bộ Quốc phòng
Bộ Công Thương
Bộ Giáo dục và Đào tạo
Bộ Nông nghiệp và Môi trường
Bộ Tài nguyên và Môi trường
Bộ Khoa học và Công nghệ
Bộ Văn hóa, Thể thao và Du lịch
Bộ Lao động - Thương binh và Xã hội
Bộ Kế hoạch và Đầu tư
Bộ Giao thông vận tải
Bộ Dân tộc và Tôn giáo
Ủy ban nhân dân
Hội đồng nhân dân
Ủy ban nhân dân tỉnh
Ủy ban nhân dân thành phố
Ủy ban nhân dân cấp tỉnh
Ủy ban nhân dân cấp xã
Ủy ban nhân dân xã
Ủy ban nhân dân phường
Ủy ban nhân dân đặc khu
Ủy ban nhân dân quận
Ủy ban nhân dân thị xã
Chủ tịch Ủy ban nhân dân
Phó Chủ tịch Ủy ban nhân dân
Chủ tịch Hội đồng nhân dân
Văn phòng Hội đồng nhân dân và Ủy ban nhân dân
Văn phòng Ủy ban nhân dân
Sở Tư pháp
Sở Nội vụ
Sở Tài chính
Sở Xây dựng
Sở Y tế
Sở Công Thương
Sở Giáo dục và Đào tạo
Sở Nông nghiệp và Môi trường
Sở Tài nguyên và Môi trường
Sở Khoa học và Công nghệ
Sở Văn hóa, Thể thao và Du lịch
Sở Kế hoạch và Đầu tư
Sở Giao thông vận tải
Sở Dân tộc và Tôn giáo
Sở Lao động - Thương binh và Xã hội
Phòng Tư pháp
Phòng Nội vụ
Phòng Kinh tế
Phòng Tài chính - Kế hoạch
Phòng Văn hóa - Xã hội
Phòng Kinh tế, Hạ tầng và Đô thị
Phòng Quản lý đô thị
Phòng Tài nguyên và Môi trường
Phòng Hành chính tư pháp
Phòng Hộ tịch, quốc tịch, chứng thực
Văn phòng đăng ký đất đai
Chi nhánh Văn phòng đăng ký đất đai
Trung tâm Phục vụ hành chính công
Trung tâm hành chính công
Bộ phận Một cửa
Bộ phận tiếp nhận và trả kết quả giải quyết thủ tục hành chính
Công an tỉnh
Công an xã
Công an phường
Công an thành phố
Cục Thuế
Chi cục Thuế
Thuế cơ sở
Kho bạc Nhà nước
Bảo hiểm xã hội
Tòa án nhân dân
Viện kiểm sát nhân dân
Thanh tra tỉnh
Phòng Cảnh sát quản lý hành chính về trật tự xã hội
Cơ quan đăng ký cư trú
Cơ quan đăng ký hộ tịch
Ban Chỉ huy quân sự
Mặt trận Tổ quốc Việt Nam
Đoàn Thanh niên Cộng sản Hồ Chí Minh
Hội Liên hiệp Phụ nữ Việt Nam
Hội Nông dân
Hội Cựu chiến binh
Liên đoàn Lao động
Ngân hàng Nhà nước Việt Nam
Đảng Cộng sản Việt Nam
Nhà nước
nhà nước
cơ quan nhà nước
cơ quan hành chính nhà nước
cơ quan có thẩm quyền
người có thẩm quyền
cơ quan, tổ chức, cá nhân
cơ quan, đơn vị
các cơ quan, đơn vị có liên quan
đơn vị sự nghiệp công lập
doanh nghiệp
hợp tác xã
hộ kinh doanh
hộ gia đình
quyết định
Quyết định
Nghị định
Nghị quyết
Thông tư
Thông tư liên tịch
Luật
Bộ luật
Bộ luật Dân sự
Pháp lệnh
Chỉ thị
Công văn
Công điện
Thông báo
Tờ trình
Báo cáo
Biên bản
Kế hoạch
Hướng dẫn
Quy chế
Quy định
Giấy mời
Giấy giới thiệu
Giấy ủy quyền
Hợp đồng
Phiếu
Đơn
Tờ khai
Bản sao
Bản chính
Trích lục
Sổ hộ tịch
Sổ đăng ký
Giấy chứng nhận
Giấy phép
Giấy xác nhận
Văn bản
văn bản quy phạm pháp luật
văn bản hành chính
văn bản đồng ý
văn bản ủy quyền
văn bản thỏa thuận
văn bản cam kết
đơn đề nghị
đơn đăng ký
đơn yêu cầu
đơn xin
đơn khiếu nại
đơn tố cáo
đơn kiến nghị
tờ khai đăng ký
tờ khai thay đổi thông tin cư trú
tờ khai căn cước
tờ khai lệ phí trước bạ
bản sao có chứng thực
bản sao từ sổ gốc
bản sao điện tử
bản chính hoặc bản sao
bản vẽ thiết kế
bản vẽ
bản đồ địa chính
sơ đồ
trích lục bản đồ địa chính
trích lục khai sinh
trích lục kết hôn
trích lục khai tử
trích lục hộ tịch
giấy khai sinh
giấy chứng tử
giấy báo tử
giấy chứng sinh
giấy chứng nhận kết hôn
giấy xác nhận tình trạng hôn nhân
giấy chứng nhận quyền sử dụng đất
giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất
giấy chứng nhận quyền sở hữu nhà ở
giấy chứng nhận đăng ký hộ kinh doanh
giấy chứng nhận đăng ký doanh nghiệp
giấy phép xây dựng
giấy phép xây dựng có thời hạn
giấy phép kinh doanh
giấy tờ
giấy tờ tùy thân
giấy tờ có liên quan
giấy tờ chứng minh
giấy tờ chứng minh chỗ ở hợp pháp
giấy tờ chứng minh nhân thân
giấy tờ về quyền sử dụng đất
giấy tờ hợp lệ
thẻ căn cước
thẻ căn cước công dân
chứng minh nhân dân
căn cước
căn cước công dân
căn cước điện tử
hộ chiếu
thẻ bảo hiểm y tế
sổ bảo hiểm xã hội
sổ hộ khẩu
sổ tạm trú
phiếu lý lịch tư pháp
lý lịch tư pháp
phiếu hẹn
phiếu hẹn trả kết quả
phiếu yêu cầu bổ sung, hoàn thiện hồ sơ
phiếu từ chối tiếp nhận, giải quyết hồ sơ
phiếu xin lỗi và hẹn lại ngày trả kết quả
phiếu kiểm soát quá trình giải quyết hồ sơ
phiếu chuyển
phiếu trình
phiếu thu
biên lai
biên lai thu phí, lệ phí
đăng ký
đăng ký khai sinh
đăng ký lại khai sinh
đăng ký khai sinh có yếu tố nước ngoài
đăng ký kết hôn
đăng ký lại kết hôn
đăng ký khai tử
đăng ký giám hộ
đăng ký chấm dứt giám hộ
đăng ký nhận cha, mẹ, con
đăng ký thay đổi, cải chính hộ tịch
đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch
xác định lại dân tộc
ghi vào sổ hộ tịch
cấp bản sao trích lục hộ tịch
cấp giấy xác nhận tình trạng hôn nhân
liên thông thủ tục hành chính về đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế
đăng ký thường trú
đăng ký tạm trú
xóa đăng ký thường trú
xóa đăng ký tạm trú
gia hạn tạm trú
khai báo tạm vắng
thông báo lưu trú
tách hộ
xác nhận thông tin về cư trú
điều chỉnh thông tin về cư trú
Cơ sở dữ liệu về cư trú
Cơ sở dữ liệu quốc gia về dân cư
Cơ sở dữ liệu hộ tịch điện tử
cư trú
nơi cư trú
nơi thường trú
nơi tạm trú
nơi ở hiện tại
chỗ ở hợp pháp
chủ hộ
thành viên hộ gia đình
quan hệ với chủ hộ
cấp căn cước
cấp đổi thẻ căn cước
cấp lại thẻ căn cước
cấp đổi, cấp lại
chứng thực
chứng thực bản sao từ bản chính
chứng thực chữ ký
chứng thực chữ ký người dịch
chứng thực hợp đồng, giao dịch
chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch
chứng thực di chúc
chứng thực văn bản thỏa thuận phân chia di sản
sổ chứng thực
người thực hiện chứng thực
cấp giấy phép xây dựng
cấp giấy phép xây dựng nhà ở riêng lẻ
cấp giấy phép xây dựng mới
điều chỉnh giấy phép xây dựng
gia hạn giấy phép xây dựng
cấp lại giấy phép xây dựng
giấy phép sửa chữa, cải tạo
di dời công trình
thông báo khởi công
công trình xây dựng
nhà ở riêng lẻ
nhà ở
nhà ở xã hội
chủ đầu tư
đầu tư
đầu tư xây dựng
dự án đầu tư
tổng mức đầu tư
vốn đầu tư
thiết kế
bản vẽ thiết kế xây dựng
chỉ giới xây dựng
chỉ giới đường đỏ
mật độ xây dựng
hệ số sử dụng đất
số tầng
chiều cao công trình
cốt nền
tầng hầm
tầng trệt
tầng lửng
diện tích xây dựng
tổng diện tích sàn
ranh giới
mốc giới
hiện trạng
quy hoạch
quy hoạch chi tiết
quy hoạch sử dụng đất
kế hoạch sử dụng đất
quy hoạch xây dựng
đất đai
đất
đất ở
đất ở tại nông thôn
đất ở tại đô thị
đất nông nghiệp
đất trồng lúa
đất trồng cây lâu năm
đất rừng sản xuất
đất phi nông nghiệp
thửa đất
thửa đất số
tờ bản đồ số
diện tích
mét vuông
mục đích sử dụng
thời hạn sử dụng
nguồn gốc sử dụng
hình thức sử dụng
sử dụng riêng
sử dụng chung
lâu dài
người sử dụng đất
quyền sử dụng đất
quyền sở hữu
tài sản gắn liền với đất
đăng ký biến động đất đai
đăng ký đất đai
chuyển nhượng quyền sử dụng đất
tặng cho quyền sử dụng đất
thừa kế quyền sử dụng đất
chuyển mục đích sử dụng đất
tách thửa
hợp thửa
cấp đổi giấy chứng nhận
cấp lại giấy chứng nhận do bị mất
đính chính giấy chứng nhận
đăng ký thế chấp
xóa đăng ký thế chấp
thu hồi đất
giao đất
cho thuê đất
bồi thường, hỗ trợ, tái định cư
giải phóng mặt bằng
tiền sử dụng đất
tiền thuê đất
lệ phí trước bạ
thuế thu nhập cá nhân
thuế sử dụng đất phi nông nghiệp
nghĩa vụ tài chính
đăng ký hộ kinh doanh
đăng ký thành lập doanh nghiệp
ngành nghề kinh doanh
địa điểm kinh doanh
vốn kinh doanh
tạm ngừng kinh doanh
chấm dứt hoạt động
trợ cấp xã hội
trợ giúp xã hội
trợ cấp hằng tháng
trợ cấp một lần
bảo trợ xã hội
người có công với cách mạng
thương binh
liệt sĩ
thân nhân liệt sĩ
người cao tuổi
người khuyết tật
hộ nghèo
hộ cận nghèo
trẻ em
hỗ trợ
chế độ
chính sách
hưởng chế độ
mai táng phí
trợ cấp thất nghiệp
bảo hiểm y tế
bảo hiểm thất nghiệp
hồ sơ
thành phần hồ sơ
số lượng hồ sơ
mã hồ sơ
hồ sơ gồm
hồ sơ hợp lệ
hồ sơ chưa hợp lệ
hồ sơ đầy đủ
hồ sơ điện tử
tiếp nhận hồ sơ
tiếp nhận và trả kết quả
trả kết quả
kết quả giải quyết
kết quả giải quyết thủ tục hành chính
giấy tiếp nhận hồ sơ và hẹn trả kết quả
ngày hẹn trả kết quả
hẹn trả kết quả
bổ sung hồ sơ
hoàn thiện hồ sơ
bổ sung, hoàn thiện hồ sơ
hướng dẫn bổ sung, hoàn thiện hồ sơ
từ chối tiếp nhận
từ chối giải quyết
chuyển hồ sơ
bàn giao hồ sơ
lưu trữ hồ sơ
số hóa hồ sơ
số hóa kết quả giải quyết
quét hồ sơ
thời hạn giải quyết
thời gian giải quyết
thời hạn
thời gian
ngày làm việc
kể từ ngày nhận đủ hồ sơ hợp lệ
kể từ ngày nhận được
kể từ ngày ký
kể từ ngày
quá hạn
quá thời hạn
quá thời hạn quy định
quá trình
quá trình giải quyết
trễ hạn
đúng hạn
trước hạn
đến hạn
gia hạn
lệ phí
phí
miễn phí
miễn lệ phí
nộp lệ phí
mức thu
thu phí, lệ phí
cơ quan thực hiện
cơ quan giải quyết
cơ quan tiếp nhận
cơ quan phối hợp
cơ quan cấp
đối tượng thực hiện
cá nhân
tổ chức
cá nhân, tổ chức
yêu cầu, điều kiện
điều kiện
căn cứ pháp lý
trình tự thực hiện
cách thức thực hiện
nộp trực tiếp
nộp trực tuyến
qua dịch vụ bưu chính công ích
Cổng Dịch vụ công quốc gia
Cổng dịch vụ công
dịch vụ công trực tuyến
dịch vụ công trực tuyến toàn trình
dịch vụ công trực tuyến một phần
Hệ thống thông tin giải quyết thủ tục hành chính
thủ tục hành chính
thủ tục
cải cách hành chính
kiểm soát thủ tục hành chính
công chức
viên chức
cán bộ
cán bộ, công chức
công chức tư pháp - hộ tịch
công chức địa chính
công chức văn hóa - xã hội
chuyên viên
lãnh đạo
người nộp hồ sơ
người nộp
người yêu cầu
người đề nghị
người đại diện
người đại diện theo pháp luật
người được ủy quyền
người ủy quyền
người làm chứng
người giám hộ
người được giám hộ
người đi khai sinh
người đi đăng ký
người chết
người thân
vợ
chồng
vợ chồng
cha
mẹ
cha mẹ
con
con đẻ
con nuôi
anh chị em ruột
ông bà nội
ông bà ngoại
Kính gửi
Kính thưa
Trân trọng
Trân trọng cảm ơn
Xin trân trọng cảm ơn
Căn cứ
Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam
Căn cứ Luật Tổ chức chính quyền địa phương
Căn cứ Luật Tổ chức Chính phủ
Căn cứ Luật Ban hành văn bản quy phạm pháp luật
Căn cứ Luật Đất đai
Căn cứ Luật Xây dựng
Căn cứ Luật Nhà ở
Căn cứ Luật Cư trú
Căn cứ Luật Căn cước
Căn cứ Luật Hộ tịch
Căn cứ Luật Hôn nhân và gia đình
Căn cứ Luật Quốc tịch Việt Nam
Căn cứ Luật Khiếu nại
Căn cứ Luật Tố cáo
Căn cứ Luật Xử lý vi phạm hành chính
Căn cứ Luật Doanh nghiệp
Căn cứ Luật Đầu tư
Căn cứ Luật Phí và lệ phí
Căn cứ Luật Lưu trữ
Căn cứ Luật Giao dịch điện tử
Căn cứ Nghị định số
Căn cứ Thông tư số
Căn cứ Quyết định số
Căn cứ Nghị quyết số
của Chính phủ quy định chi tiết một số điều
và biện pháp thi hành
quy định chi tiết và hướng dẫn thi hành
của Bộ trưởng Bộ Tư pháp
của Bộ trưởng Bộ Công an
của Bộ trưởng Bộ Tài chính
của Bộ trưởng Bộ Xây dựng
của Thủ tướng Chính phủ
của Ủy ban nhân dân tỉnh
của Hội đồng nhân dân tỉnh
về việc
về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính
cơ chế một cửa
một cửa liên thông
Theo đề nghị của
Xét đề nghị của
Xét đơn đề nghị của
Xét hồ sơ đề nghị của
Xét tờ trình của
QUYẾT ĐỊNH
Điều
khoản
điểm
chương
mục
phụ lục
mẫu số
Điều 1
Điều 2
Điều 3
ban hành kèm theo
sửa đổi, bổ sung
sửa đổi, bổ sung một số điều
thay thế
bãi bỏ
hết hiệu lực
có hiệu lực
có hiệu lực thi hành
có hiệu lực kể từ ngày ký
Quyết định này có hiệu lực kể từ ngày ký ban hành
Thông tư này có hiệu lực thi hành kể từ ngày
Nghị định này có hiệu lực thi hành từ ngày
tổ chức thực hiện
chịu trách nhiệm thi hành
Các cơ quan, đơn vị và cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này
Thủ trưởng các cơ quan, đơn vị có liên quan
Chánh Văn phòng
Phó Chánh Văn phòng
Giám đốc
Phó Giám đốc
Trưởng phòng
Phó Trưởng phòng
Chánh Thanh tra
Trưởng ban
Trưởng Công an
Chủ tịch
Phó Chủ tịch
Bộ trưởng
Thứ trưởng
Cục trưởng
Chi cục trưởng
Nơi nhận
Như Điều 3
Như trên
Lưu: VT
Lưu văn thư
TM. Ủy ban nhân dân
KT. Chủ tịch
KT. Giám đốc
TL. Chủ tịch
Người ký
Người lập
Người nhận
Người giao
Người tiếp nhận
Người kiểm tra
(Ký, ghi rõ họ tên)
(Ký, ghi rõ họ, tên và đóng dấu)
(Ký, đóng dấu)
ký tên
đóng dấu
con dấu
chữ ký
chữ ký số
ký số
họ và tên
họ tên
họ, chữ đệm, tên
họ, chữ đệm và tên
chữ đệm
tên gọi khác
ngày sinh
ngày, tháng, năm sinh
nơi sinh
quê quán
giới tính
nam
nữ
dân tộc
dân tộc Kinh
quốc tịch
quốc tịch Việt Nam
tôn giáo
không
nghề nghiệp
trình độ
số định danh cá nhân
số căn cước
số chứng minh nhân dân
số hộ chiếu
ngày cấp
nơi cấp
có giá trị đến
địa chỉ
địa chỉ liên hệ
địa chỉ thường trú
số điện thoại
thư điện tử
mã số thuế
mã số
tình trạng hôn nhân
chưa kết hôn
đã kết hôn
đã ly hôn
ly hôn
kết hôn
hôn nhân
hôn nhân và gia đình
khai sinh
khai tử
giám hộ
nhận cha, mẹ, con
hộ tịch
quốc tịch
lời khai
cam đoan
cam kết
Tôi xin cam đoan
Tôi cam đoan nội dung khai trên là đúng sự thật
Tôi xin chịu trách nhiệm trước pháp luật về nội dung cam đoan của mình
đúng sự thật
chịu trách nhiệm trước pháp luật
chịu trách nhiệm
theo quy định của pháp luật
theo quy định
theo quy định hiện hành
quy định hiện hành
pháp luật
trái pháp luật
vi phạm pháp luật
vi phạm hành chính
xử phạt vi phạm hành chính
xử lý
xử lý vi phạm
phòng, chống tham nhũng, lãng phí, tiêu cực
tham nhũng
nhũng nhiễu
gây phiền hà, nhũng nhiễu
bị xử lý
khiếu nại
tố cáo
kiến nghị
phản ánh
phản ánh, kiến nghị
giải quyết khiếu nại
thanh tra
kiểm tra
giám sát
xác minh
xác nhận
thẩm định
thẩm tra
phê duyệt
chấp thuận
đồng ý
không đồng ý
từ chối
đề nghị
đề xuất
yêu cầu
kiến nghị
thông báo
thông báo cho
thông báo bằng văn bản
trả lời bằng văn bản
nêu rõ lý do
lý do
ghi rõ
ghi chú
nội dung
thông tin
thông tin cá nhân
thay đổi thông tin
sai sót
sai sót thông tin
cải chính
bổ sung
điều chỉnh
cấp mới
cấp lại
cấp đổi
cấp bản sao
bản sao trích lục
hợp pháp
hợp lệ
hợp pháp hóa lãnh sự
chứng nhận lãnh sự
dịch thuật
công chứng
tổ chức hành nghề công chứng
văn phòng công chứng
phòng công chứng
công chứng viên
đất đai, nhà ở
nhà đất
tài sản
di sản
di chúc
thừa kế
người thừa kế
tặng cho
chuyển nhượng
thế chấp
cho thuê
cho mượn
ủy quyền
ủy quyền cho
đại diện
hộ khẩu
nhân khẩu
tạm trú
thường trú
tạm vắng
lưu trú
đăng ký cư trú
ngày đăng ký
ngày nộp
ngày nhận
ngày hẹn
ngày trả
ngày ký
ngày ban hành
năm ban hành
số, ký hiệu
số ký hiệu
trích yếu
độ mật
độ khẩn
khẩn
hỏa tốc
thượng khẩn
tối mật
báo cáo kết quả
báo cáo tình hình
tình hình thực hiện
kết quả thực hiện
chỉ tiêu
tỷ lệ
đánh giá
đánh giá mức độ hài lòng
sự hài lòng
người dân
người dân và doanh nghiệp
công dân
nhân dân
tổ dân phố
thôn
xóm
ấp
bản
khu phố
tổ
đường
phố
số nhà
ngõ
ngách
hẻm
Tổ quốc
Việt Nam
nước Cộng hòa xã hội chủ nghĩa Việt Nam
Chủ tịch Hồ Chí Minh
Hồ Chí Minh
Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam
Độc lập
Tự do
Hạnh phúc
hành chính
hành chính công
dịch vụ công
phục vụ
hỗ trợ người dân
đường dây nóng
tổng đài
giờ làm việc
buổi sáng
buổi chiều
từ thứ Hai đến thứ Sáu
sáng thứ Bảy
nghỉ lễ, Tết
ngày lễ
ngày nghỉ
ngày Tết
Tết Nguyên đán
họp
cuộc họp
hội nghị
buổi làm việc
thành phần tham dự
chủ trì
thư ký
biên bản họp
biên bản làm việc
biên bản kiểm tra
biên bản bàn giao
biên bản vi phạm hành chính
bên giao
bên nhận
bên A
bên B
các bên
hai bên
thống nhất
thỏa thuận
ký kết
giá trị pháp lý
như nhau
mỗi bên giữ một bản
lập thành
bản có giá trị
kèm theo
đính kèm
tài liệu
tài liệu kèm theo
chứng từ
hóa đơn
sổ sách
danh sách
danh mục
bảng kê
mẫu
mẫu đơn
mẫu tờ khai
biểu mẫu
ban hành
thực hiện
triển khai
tổ chức
phối hợp
chỉ đạo
điều hành
quản lý
quản lý nhà nước
thẩm quyền
trách nhiệm
nhiệm vụ
quyền hạn
quyền và nghĩa vụ
quyền lợi
lợi ích hợp pháp
nghĩa vụ
công khai
minh bạch
kịp thời
chính xác
đầy đủ
đúng quy định
đúng thời hạn
tiết kiệm
hiệu quả
chuyển đổi số
số hóa
chữ ký điện tử
văn bản điện tử
bản điện tử
thư điện tử
tin nhắn
`;
