/**
 * General Vietnamese beyond the administrative phrases: frequent syllables in three tiers (a rough
 * frequency rank, given pseudo-counts by the language model) and numbers and dates written in
 * words. The tiers keep real but less common syllables (bục, đổ, nhũng …) from looking like OCR
 * errors just because the admin phrases never use them.
 */

/** The most frequent syllables of written Vietnamese (function words, numbers, everyday nouns). */
export const FREQUENT_SYLLABLES_1 = `
của và các là có được trong cho không với một những người này để đã theo về từ năm ngày thì tại
đến khi như ra trên nhà cũng phải sẽ hoặc nếu nhưng vào làm đó thể lại sau hơn nhiều đi việc nước
cơ quan số tháng công xã hội đồng dân nhân chính phủ ban bộ sở phòng hành thành phố tỉnh huyện
phường quận thôn giấy tờ đơn hồ sơ thủ tục đăng ký cấp xác nhận chứng thực hiện quy định luật pháp
điều khoản nghị thông tư báo kết quả giải quyết tiếp trả hẹn giờ phút chủ tịch ủy giám đốc trưởng
phó văn bản sao khai sinh hôn hộ cư trú thường tạm đất xây dựng sử dụng quyền gửi kính đề căn cứ
xét ông bà anh chị con cha mẹ vợ chồng họ tên địa chỉ điện thoại nơi ở còn vì nên mà rằng đây ấy
gì nào ai sự trước bị bởi do cùng mỗi tất cả rất đang vẫn chỉ đều lên xuống biết muốn cần nói thấy
ít mới cũ lớn nhỏ cao dài tốt đúng sai đủ hết chưa rồi nữa luôn nay qua sáng chiều hôm tuần hai ba
bốn sáu bảy tám chín mười trăm nghìn triệu tin thêm đây hay trình kinh tế tổ chức đơn vị cá lý
từng nhau giữa chúng tôi bạn mình họ nó vậy thế sao bao đâu kia ngay vừa cùng khác nhất cuối đầu
tiên thứ lần phần nội dung vấn đề trường hợp hình thức kết hợp bảo đảm đảm tình hình liên mấy
`;

/** Common syllables: everyday vocabulary and the rest of the admin register. */
export const FREQUENT_SYLLABLES_2 = `
ăn uống ngủ học hỏi dạy viết đọc nghe nhìn xem chơi ngồi đứng chạy mua bán trao đổi giữ gìn mang
đem đưa nhận lấy để đặt bỏ mở đóng bắt đầu kết thúc tiếp tục dừng chờ đợi gặp gỡ sống chết yêu
thương ghét sợ lo vui buồn mừng giận nhớ quên hiểu nghĩ tin tưởng mong ước hy vọng cố gắng giúp
đỡ ủng hộ phản đối chống chịu mất còn được thua thắng hòa tăng giảm hạ cao thấp rộng hẹp nặng
nhẹ nhanh chậm sớm muộn trễ gần xa trong ngoài giữa bên cạnh phía sau trước trên dưới đông tây nam
bắc trái phải giữa đầu cuối cuộc lần lượt khoảng chừng độ gần hầu như luôn thường hay đôi khi
chẳng chả đừng chớ hãy nên cần phải được bị cứ chính riêng chung tự mình ta tôi chúng bạn họ nó
ông cụ cô chú bác dì cậu mợ thím dượng em cháu chắt con trai gái nam nữ người già trẻ em bé lớn
gia đình dòng tộc làng xóm ấp bản buôn phum sóc khu vực vùng miền đất nước quốc gia quê hương
thế giới trái đất trời mây mưa gió nắng bão lũ lụt hạn hán sông suối hồ ao biển đảo núi đồi rừng
cây lá hoa quả trái cỏ lúa gạo ngô khoai sắn rau củ thịt cá tôm cua trứng sữa muối đường dầu mỡ
nước mắm chè cà phê rượu bia bánh mì phở bún cơm cháo canh nồi niêu bát đĩa đũa thìa cốc chén
áo quần giày dép mũ nón túi ví tiền bạc vàng đồng sắt thép gỗ đá gạch ngói xi măng cát sỏi kính
nhựa giấy bút mực sách vở bàn ghế giường tủ cửa sổ tường mái sân vườn bếp phòng khách ngủ tắm
đường phố ngõ hẻm cầu cống chợ trường bệnh viện trạm y tế ủy ban công an tòa án nhà máy xí nghiệp
công ty cửa hàng siêu thị ngân hàng bưu điện bến xe ga tàu sân bay cảng xe máy ô tô đạp buýt
thuyền điện thoại máy tính mạng internet thư tin nhắn ảnh hình video âm thanh nhạc phim truyện
báo chí truyền hình phát thanh tạp chí sách giáo khoa bài tập kiểm tra thi cử điểm lớp khóa học
sinh viên giáo viên thầy cô hiệu trưởng bác sĩ y tá kỹ sư công nhân nông dân thợ lái buôn
doanh nhân luật sư thẩm phán kiểm sát viên bộ đội chiến sĩ cảnh sát an ninh quân đội tướng lính
thời gian lúc khi nào bao giờ bao lâu bây hiện tại quá khứ tương lai xưa nay sáng trưa chiều tối
đêm khuya sớm mai hôm qua ngày kia năm ngoái năm nay năm sau tháng trước tháng này tuần sau
thứ hai ba tư năm sáu bảy chủ nhật xuân hạ thu đông tết lễ hội giỗ cưới tang ma chay mừng
việc làm công việc nghề nghiệp lao động sản xuất kinh doanh buôn bán thương mại dịch vụ đầu tư
tài chính ngân sách thuế phí giá cả chi phí lương thưởng phạt nợ vay cho mượn trả góp tiết kiệm
chính trị xã hội văn hóa giáo dục y tế khoa học công nghệ kỹ thuật môi trường tài nguyên nông
nghiệp lâm ngư công nghiệp giao thông vận tải xây dựng thể thao du lịch an ninh quốc phòng ngoại
vấn đề tình hình trạng thái điều kiện hoàn cảnh nguyên nhân lý do mục đích ý nghĩa giá trị vai
trò vị trí chức năng nhiệm vụ trách nhiệm quyền lợi nghĩa vụ lợi ích tác dụng ảnh hưởng hiệu quả
kết quả thành tích thành công thất bại khó khăn thuận lợi cơ hội thách thức nguy cơ rủi ro an toàn
phát triển tăng trưởng đổi mới cải cách nâng cao cải thiện hoàn thiện củng cố bảo đảm đảm bảo
bảo vệ bảo quản bảo hiểm bảo hành bảo trì sửa chữa thay thế lắp đặt vận hành kiểm soát điều
hành quản lý lãnh đạo chỉ đạo hướng dẫn đôn đốc giám sát theo dõi đánh giá tổng hợp báo cáo
trình bày giải thích chứng minh khẳng định xác định quyết tâm thống nhất đồng ý nhất trí phê
bình khen thưởng thi đua kỷ luật xử lý giải quyết khắc phục phòng ngừa ngăn chặn đấu tranh chống
lãng phí tiêu cực hối lộ lừa đảo trộm cắp gian lận vi phạm tội phạm án hình sự dân sự
hợp đồng thỏa thuận cam kết giao dịch mua bán chuyển nhượng thuê mượn tặng cho thừa kế di chúc
đầy đủ chính xác rõ ràng cụ thể chi tiết tổng quát chung riêng đặc biệt quan trọng cần thiết
khẩn cấp kịp thời nhanh chóng thuận tiện dễ dàng đơn giản phức tạp mới mẻ hiện đại truyền thống
mạnh yếu giàu nghèo đẹp xấu sạch bẩn nóng lạnh ấm mát khô ướt sáng tối trắng đen đỏ xanh vàng
tím hồng nâu xám màu sắc hình dạng kích thước chiều rộng dài sâu dày mỏng tròn vuông thẳng
tất cả toàn bộ từng mỗi mọi các những vài một số đa phần lớn hầu hết duy nhất đầu tiên cuối cùng
thứ nhất hai lần lượt tiếp theo sau đó trước đó đồng thời ngoài ra bên cạnh đó tuy nhiên vì vậy
do đó cho nên bởi vì nếu như giá mà dù cho mặc dù tuy song dẫu nhằm để cho với về đối với
giữa theo như bằng sau khi trước khi trong khi cho đến tận kể cả ngay lập tức liền vừa mới
đã từng sẽ đang sắp vẫn còn chưa hề không bao giờ luôn luôn thỉnh thoảng đôi khi hiếm khi
`;

/**
 * Less common but real syllables, so that a valid syllable the phrases never use is not taken for
 * a misreading of a frequent one (bục is not bức, đổ is not đồ, tùng is not từng).
 */
export const FREQUENT_SYLLABLES_3 = `
bục giảng bục phát biểu bức thư bức tranh bực mình bấc bậc thang bắc cầu bạc màu bạch đàn bách hóa
bành trướng bẫy chuột bầy đàn bám sát bảng biểu bàng quang báng súng bắp cải bấm nút bầm dập bấu víu
bến đò bệ đỡ bẹn bìa sách bịch bím tóc bịn rịn bịt kín bó hoa bọ gậy bò sữa bọc lót bói toán bom mìn
bón phân bọn họ bóng đá bổng lộc bọt biển bốc hàng bộc lộ bối cảnh bồi thường bổ sung bồn tắm bổn phận
bột mì bờ sông bở hơi bới móc bơi lội bơm xăng bùa búa bùi ngùi bụi bặm bún bùn đất bụng búp bê bút chì
bụt bừa bãi bửa củi bữa ăn bưng bê bước chân bướm bươn chải bưởi bướu cổ
cắt giảm cặp sách cập nhật cáp quang cất giữ chắc chắn chấm dứt chậm trễ chăm sóc chặn đứng chắn
chẳng hạn chập chờn chấp hành chặt chẽ chất lượng chật hẹp chạy chữa chảy cháy nổ chậu cây chầu
chăn nuôi chân thành chần chừ chẩn đoán chấn chỉnh chặng đường chè chén chê bai chế độ chết chém
chỉ huy chị gái chìa khóa chia sẻ chiếc chiêm chiến sĩ chiếu chiều chim chìm chín chính chịu chó chọn
chồng chất chống chổi chộp chơi chờ chợ chớ chở chủ chùa chúa chuẩn chúc chục chui chùm chung chúng
chuối chuồng chuột chút chuyên chữ chưa chức chửi chừng chứng chương chướng
dám dặm dấu hiệu dầu dẫu sao dâu tằm dậy dạy dày dãy dắt dẫn dần dâng cao dép dẹp dễ dệt dì dìm
diễn diện diệt diều dính dịp dò dọa dọc dõi dọn dòng dốc dồi dối dội dồn dông dỗ dơ dời dù dũ dụ
dùng dũng dụng duy duyên dư dừa dữ dự dứt dựa dưới dương dường dưỡng dựng
đắp đập đáp đạp đắc đặc điểm đấu tranh đậu đỗ đều đệ trình đề án để lại đế quốc đêm đếm đệm
đến đền bù đèn đẹp đi đĩa địa đích điếc điểm điện điều đinh đình đỉnh định đo đỏ đó đọ đoán đói
đọc đòi đóm đón đòn đong đóng đọng đô đồ đổ đố đỗ độ đốc độc đôi đối đổi đội đồn đông đồng động
đốt đột đơ đờ đỡ đợi đơn đớn đợt đu đủ đũa đục đùi đun đùn đúng đụng đuôi đuổi đứa đức đực đừng
đứng đựng đương đường đưa
gắn bó gần gũi gặt hái gật đầu gấp gập ghềnh gặp gỡ gạo gác gạch gánh ghế ghé ghi chép ghép gì gìn
gỡ gợi gói gọi gội gốc góc gom gọn góp gốm gỗ gối gồm gộp gù gục gửi gương gượng giá giả giã
giai giải giảm gian giản giàn giang giảng giàu giao giáo giáp giặc giắt giấc giấm giận giật giây
 giẻ giếng giêng giết giỏi giọng giọt giơ giờ giới giũ giục giúp giữ giữa giường
hắn hẳn hận hằng hăng hái hắt hủi hạt giống hát hạn hàn hán hãn hẹp hệ hề hễ hiếm hiềm khích
hiên hiền hiến hiển hiện hiệu hình hít hòm hỏng họng hóng hô hố hồ hổ hộ hốc hỗ hôi hối hồi hội
hôm hôn hồn hông hồng hộp hơ hờ hở hợp hơi hời hớn hỡi hù hũ hú hùa hục hung hùng huống
hút hụt hư hứa hửng hứng hưng hưởng hương hướng hươu
khắc phục khác khắp khẩn trương khẩu khấu trừ khâu khăn khẳng định khoảng khoáng sản khoang khe
khen khéo khép khét khế khi khí khỉ khía khiêm khiến khiển khiêng khinh khít kho khó khỏe khóc khói
khô khổ khối khôn không khống khơi khởi khu khuôn khúc khung khuya khủng khước khướu
kém kéo kẻ kẽ kê kế kể kệ kênh kếp kết kêu kích kịch kiếm kiểm kiên kiến kiện kiệt kiểu kim kìm kịp
lắm lặn lấn lặng lắng lập lấp lặp lắp lật lát lạt lẫn lần lầm lẩm bẩm lạ lá là lả lạc lách lai lái
lãi lại làm lãm lan làn lãnh lạnh lão láo lát lau láu lay lãng lặng lẽ lén lên lệ lề lễ lệch lếch
lí lịch liên liền liệt liều liễu linh lính lịch lo lò lọ lõ lọc lọn long lòng lỏng lọt lô lố lỗ
lộ lốc lộc lối lồi lỗi lội lôi lồng lộng lời lợi lớn lớp lợn lũ lụa lúa lúc lục lùi lũy lụt lửa lừa
lứa lửng lưng lược lưới lượm lượn lương lường lượng lướt lưu lựu
mắc mặc mặt mất mật mắt mắm mầm mặn mần mập mẫu mầu mậu mưa mừng mức mực mười mượn mượt mướp
mảnh mãi mại mạn mang máng mạng mánh mạnh mào mát mau máu may mày mảy mặc mè mẹ mẻ mẹo mép mê mế
mệnh mềm mền mến mệt mi mì mía miền miễn miếng miệng miêu mím minh mịt mò mó mỏ mọc mỏi mọi mòn món
mong mỏng mọt mô mồ mổ mộ mốc mộc mồi mối mỗi môn mông mộng một mơ mờ mở mớ mỡ mợ mời mới mù mũ mùa
mua múa mục mũi mụn mùng muốn muối muộn mút mưu mương
nặng nắng nằm nấm nắp nạp nấp nắm nẵng ngắn ngắm ngầm ngậm ngẫm ngắt ngất ngấm ngày ngáy ngay ngẫu
nghe nghề nghẽn nghén nghi nghĩ nghỉ nghĩa nghiêm nghiệm nghiên nghiêng nghiệp nghìn ngò ngõ ngọ ngoan
ngói ngon ngọn ngọt ngô ngồi ngôi ngốc ngỗng ngơ ngờ ngợi ngủ ngục ngùi ngửa ngực ngừng ngửi người
ngược ngưỡng nhắc nhấc nhắn nhẫn nhận nhắm nhầm nhặt nhất nhật nhập nhỏ nhổ nhờ nhớ nhở nhà nhã nhạc
nhai nhãn nhàn nhanh nhánh nhạt nhau nháy nhạy nhẹ nhé nhện nhiễm nhiên nhiều nhiệm nhiệt nhìn nhịn
nhịp nho nhọc nhóm nhỏ nhô nhồi nhộn nhớ nhờn nhu nhũ nhục nhún nhưng những nhường nhựa nhược
nào náo nạn nản nay nảy náy nặn nậm nâng nâu nay nẻ nem nén nên nền nếp nếu nêu nể nệm nói nọ noi
nóng nòng nô nổ nỗ nội nổi nối nồi nông nộp nơ nở nợ nơi nới núi nung nuôi nuốt nửa nữa nức nước
phải phái phát phạt phật phất phẩm phấn phận phần phẫn phân phẳng phắc phác phạm phao pháo pháp phép
phê phế phí phía phiên phiền phiếu phim phím phình phòng phóng phổ phố phối phồn phông phơi phủ phụ
phúc phục phun phút phức phương phường phượng
rắn rẫy rầy rắc rác rạc rất rập rặng rằng rầm rậm rửa rựa ra rà rá rả rạ rác rách rạch rai rải rãi
ram rán ràng rạng ranh rành rảnh rao rào ráo rau ray rảy rẻ rẽ rèn rể rễ rên rệt rêu ri rì rỉ rìa
riêng riêu rinh rình rò rõ rọ róc rọi rong ròng rót rô rổ rồ rỗ rộ rối rồi rỗi rôm rộn rông rồng rộng
rơ rờ rỡ rơi rời rơm rớt rợp ru rù rủ rũ rùa rủi rung rùng rụng ruộng ruột rút rưng rừng rượu
sắc sắp sập sấp sẵn sân sắt sắm sấm sẫm sâu sầu sây sẻ sẽ sen sét sên sếp sếu si sĩ sỉ sinh sình
siết siêu sít so sò sọ soạn soát sóc sọc sói sỏi son sóng sông sống sốt số sổ sơ sờ sở sợ sớm sợi
sơn sủa súc sục sụn sung súng sụp sút sư sứ sử sự sức sửa sửng sững sương sướng sưởi sườn sượng
tắc tấc tắm tấm tầm tận tấn tắt tất tật tăng tầng tẩy tây tay tai tài tái tại tám tạm tan tàn tản
tán tạn tang tảng táo tạo tạp tát tàu tạ tà tả tã tạc tách tai té tẻ tem tên tết tệ tề tế tể tha
thà thả thác thạch thai thải thái tham thám thảm than thán thang thành thánh thao tháo thảo tháp
thau thay thắc thắm thẩm thấm thầm thắng thẳng thăng thằng thắt thật thất thấp thập thắp thầy thấu
thâu thể thế thề thêm thềm thênh thêu thi thí thì thị thìa thích thiên thiện thiếu thiệt thiết thiêu
thịnh thịt thỏ thọ thoa thoại thoát thóc thói thôi thối thôn thông thống thơ thờ thở thợ thời thơm
thu thú thủ thụ thua thuê thuế thui thùng thuốc thuộc thuở thụt thư thứ thử thừa thức thực thưa
thước thương thường thưởng thượng tí tì tỉ tị tía tiếc tiệc tiêm tiệm tiên tiền tiến tiễn tiện tiếng
tiếp tiết tiêu tiểu tim tím tìm tin tín tình tính tỉnh tịnh tít tịt to tò tỏ tóc tỏi tòi tóm toan
toàn toán tọa tỏa tóe tô tố tổ tộc tối tội tồi tôm tôn tốn tồn tông tổng tốt tơ tờ tớ tới tu tủ tú tụ
tua tuần tuân tuấn túc tục tuổi tuồng túi tụi tủi tung tùng tụng tuốt tuy tùy tụy tuyên tuyển tuyến
tuyết tuyệt tư từ tử tự tức từng tưởng tướng tượng tươi tưới tươm
vắng văng vắt vặt vất vật vấp vắn vặn vấn vần vẫn vận vâng vầng va và vá vả vạ vác vách vai vài vải
vãi vay váy vẫy van vàn vạn vang vàng vãng vành vào vạt vẽ vẻ vé ven vẹn vén véo về vế vệ vết
vì ví vị via vỉa việc viếng viên viện viết vinh vĩnh vịnh vịt vo vò vó võ vỏ vọ vóc vòi voi vòng võng
vọng vô vồ vỗ vốn vội vôi vơ vờ vỡ vở vợ vời với vu vú vụ vua vui vùi vụn vùng vũng vuông vút vừa vữa
vựa vực vững vườn vượn vương vướng vượt vựng
xắn xấp xắt xâm xâu xấu xây xẻ xé xe xem xén xẹp xét xếp xi xí xỉ xích xiên xiết xin xinh xỉu xóa
xoan xoay xoáy xóc xóm xong xô xố xổ xốp xơ xu xú xù xử xứ xua xuân xuất xúc xúi xung xuôi xuống
xuyên xưa xứng xương xưởng
ở ý ấy ư ừ ô ơi ích ít im in inh ếch êm ô ốc ồn ông ốm ổn ống ơn ớt ủ ú ùa úa ụa úp út ưa ửa ước
ướt ương ươm uống uốn ưu ứng ước ác ách ai ải ái ám an án ảnh ánh ao áo ảo ào ăn ắt âm ẩm ấm ân ẩn ấn
ấp ập ất ầu ấu ẩu ây ẩy
ngoài ngoại nguy nguyên nguyện nguyễn nguyền nguyệt ngụy huyện huyền huyết huyệt huynh huỳnh huy hủy
chuyên chuyện chuyển chuyến truyền truyện thuyền thuyết xuyên khuyên khuyến khuyết quyền quyển quyết
quỳnh quý quỹ quy quỷ quỵ quê quế quân quần quẩn quận quấn quan quán quản quang quảng quãng quanh
quay quấy quầy quốc hoa hòa hóa họa hỏa hoãn hoàn hoán hoạn hoang hoàng hoảng hoạt hoặc hoạch hoành
toàn toán thỏa thoát thoại thoái khoa khóa khoan khoản khoát xóa xoay loạn loạt loài loại đoàn đoán
đoạn đoạt thuế thuê thuở huế huệ tuệ xuân xuất tuần tuân tuấn luận luật thuận thuần thuật chuẩn
`;

/** Numbers, dates and times in words, as decisions and forms write them out. */
export const NUMBER_PHRASES = `
không một hai ba bốn năm sáu bảy tám chín mười
mười một mười hai mười ba mười bốn mười lăm mười sáu mười bảy mười tám mười chín
hai mươi hai mươi mốt hai mươi hai hai mươi ba hai mươi tư hai mươi lăm ba mươi ba mươi mốt
bốn mươi năm mươi sáu mươi bảy mươi tám mươi chín mươi
một trăm hai trăm ba trăm năm trăm một nghìn hai nghìn mười nghìn một trăm nghìn
một triệu hai triệu mười triệu một tỷ mười tỷ một trăm tỷ
linh lẻ mốt lăm tư rưỡi nửa
hai nghìn không trăm hai mươi lăm
hai nghìn không trăm hai mươi sáu
một nghìn chín trăm
ngày mùng một
ngày mồng hai
ngày mười lăm
tháng Giêng
tháng Chạp
tháng một tháng hai tháng ba tháng tư tháng năm tháng sáu tháng bảy tháng tám tháng chín tháng mười
tháng mười một tháng mười hai
ngày, tháng, năm
ngày tháng năm
năm dương lịch
âm lịch
dương lịch
thứ Hai thứ Ba thứ Tư thứ Năm thứ Sáu thứ Bảy Chủ nhật
buổi sáng buổi chiều buổi tối
giờ phút giây
giờ sáng
giờ chiều
lúc giờ phút
cùng ngày
trong ngày
hằng ngày
hằng tháng
hằng năm
hàng năm
một lần
hai lần
lần thứ nhất
lần thứ hai
thứ nhất
thứ hai
thứ ba
phần trăm
một phần ba
một nửa
`;
