package sample

// The static catalogue of the sample province: its units, the procedures each unit handles and the word lists
// used to make applicant names and petition titles. Everything here is fictional but shaped like the real
// two-tier provinces of 1 July 2025 (a province, its departments and its communes).

// RootID is the unit ID of the sample province root.
const RootID = "H99"

// PopulationDatabaseCode is the MaCSDL value the generator puts on dossiers linked to the population database
// (4.6b). Which code the portal uses for that database is unverified (docs/data.md, Sub-objects); "7" is the value one
// open client hard-codes.
const PopulationDatabaseCode = "7"

// unitSpec describes one generated unit. weight is its share of the dossiers.
type unitSpec struct {
	id, name string
	commune  bool
	weight   float64
}

var unitSpecs = [...]unitSpec{
	{id: "H99.01", name: "Sở Tư pháp", weight: 0.07},
	{id: "H99.02", name: "Sở Tài chính", weight: 0.11},
	{id: "H99.03", name: "Sở Xây dựng", weight: 0.06},
	{id: "H99.04", name: "Sở Nông nghiệp và Môi trường", weight: 0.15},
	{id: "H99.05", name: "Sở Y tế", weight: 0.05},
	{id: "H99.101", name: "Phường Hòa Bình", commune: true, weight: 0.16},
	{id: "H99.102", name: "Xã Tân Lập", commune: true, weight: 0.10},
	{id: "H99.103", name: "Xã Sơn Thủy", commune: true, weight: 0.09},
	{id: "H99.104", name: "Phường Việt Hưng", commune: true, weight: 0.13},
	{id: "H99.105", name: "Xã Đồng Tâm", commune: true, weight: 0.08},
}

// Duration kinds of procSpec.unit.
const (
	uWorkingDays  = 'W' // "Ngày làm việc"
	uHours        = 'H' // "Giờ" (office hours)
	uCalendarDays = 'C' // "Ngày"
	uNoDue        = 'N' // no due date; amount is the typical working days taken
)

// Applicant kinds of procSpec.who.
const (
	whoCitizen = iota
	whoEnterprise
	whoBoth
	whoAgency
)

// procSpec describes one generated procedure. owner is the index of the department in unitSpecs, or -1 for a
// commune-level procedure handled by every commune. fee: -1 no fee line, 0 a fee line of 0 VND (exempt),
// otherwise the amount in VND. weight is its popularity inside its unit.
type procSpec struct {
	owner  int
	name   string
	field  string
	amount int
	unit   byte
	fee    int64
	paper  bool
	who    int
	weight float64
}

var procSpecs = [...]procSpec{
	// Sở Tư pháp
	{0, "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam", "Lý lịch tư pháp", 10, uWorkingDays, 200000, true, whoCitizen, 8},
	{0, "Cấp Phiếu lý lịch tư pháp cho cơ quan tiến hành tố tụng", "Lý lịch tư pháp", 10, uWorkingDays, -1, true, whoAgency, 1},
	{0, "Đăng ký hành nghề luật sư với tư cách cá nhân", "Luật sư", 7, uWorkingDays, 100000, true, whoCitizen, 0.5},
	{0, "Cấp Thẻ công chứng viên", "Công chứng", 10, uWorkingDays, 0, true, whoCitizen, 0.5},
	{0, "Đăng ký hoạt động Văn phòng công chứng", "Công chứng", 10, uWorkingDays, 1000000, true, whoEnterprise, 0.3},
	{0, "Thay đổi nội dung đăng ký hoạt động của Văn phòng công chứng", "Công chứng", 10, uWorkingDays, 500000, true, whoEnterprise, 0.4},
	{0, "Cấp Giấy đăng ký hoạt động của Trung tâm hòa giải thương mại", "Trọng tài thương mại", 15, uWorkingDays, 1000000, true, whoEnterprise, 0.1},
	{0, "Giải quyết yêu cầu bồi thường tại cơ quan trực tiếp quản lý người thi hành công vụ", "Bồi thường nhà nước", 30, uNoDue, -1, true, whoBoth, 0.1},
	{0, "Cấp bản sao trích lục hộ tịch", "Hộ tịch", 1, uWorkingDays, 8000, true, whoCitizen, 2},
	{0, "Đăng ký việc nuôi con nuôi nước ngoài", "Nuôi con nuôi", 60, uCalendarDays, 9000000, true, whoCitizen, 0.1},
	// Sở Tài chính
	{1, "Đăng ký thành lập doanh nghiệp tư nhân", "Thành lập và hoạt động của doanh nghiệp", 3, uWorkingDays, 50000, true, whoEnterprise, 3},
	{1, "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên", "Thành lập và hoạt động của doanh nghiệp", 3, uWorkingDays, 50000, true, whoEnterprise, 4},
	{1, "Đăng ký thành lập công ty cổ phần", "Thành lập và hoạt động của doanh nghiệp", 3, uWorkingDays, 50000, true, whoEnterprise, 1.5},
	{1, "Đăng ký thay đổi nội dung đăng ký doanh nghiệp", "Thành lập và hoạt động của doanh nghiệp", 3, uWorkingDays, 50000, true, whoEnterprise, 5},
	{1, "Thông báo tạm ngừng kinh doanh", "Thành lập và hoạt động của doanh nghiệp", 3, uWorkingDays, 0, true, whoEnterprise, 2},
	{1, "Giải thể doanh nghiệp", "Thành lập và hoạt động của doanh nghiệp", 5, uWorkingDays, 0, true, whoEnterprise, 1},
	{1, "Cấp Giấy chứng nhận đăng ký đầu tư", "Đầu tư tại Việt Nam", 15, uCalendarDays, -1, true, whoEnterprise, 0.4},
	{1, "Điều chỉnh Giấy chứng nhận đăng ký đầu tư", "Đầu tư tại Việt Nam", 10, uCalendarDays, -1, true, whoEnterprise, 0.5},
	{1, "Đăng ký hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh", "Thành lập và hoạt động của doanh nghiệp", 3, uWorkingDays, 50000, true, whoEnterprise, 2},
	{1, "Đăng ký thành lập hợp tác xã", "Thành lập và hoạt động của hợp tác xã", 5, uWorkingDays, 100000, true, whoBoth, 0.5},
	{1, "Quyết toán vốn đầu tư dự án hoàn thành", "Quản lý công sản", 60, uNoDue, -1, true, whoAgency, 0.3},
	{1, "Cấp mã số đơn vị có quan hệ với ngân sách", "Tài chính ngân sách", 2, uWorkingDays, -1, false, whoAgency, 0.6},
	// Sở Xây dựng
	{2, "Cấp giấy phép xây dựng mới đối với công trình cấp I, II", "Hoạt động xây dựng", 20, uWorkingDays, 150000, true, whoEnterprise, 1},
	{2, "Cấp giấy phép xây dựng sửa chữa, cải tạo công trình", "Hoạt động xây dựng", 20, uWorkingDays, 150000, true, whoBoth, 0.6},
	{2, "Điều chỉnh giấy phép xây dựng", "Hoạt động xây dựng", 10, uWorkingDays, 50000, true, whoBoth, 0.4},
	{2, "Gia hạn giấy phép xây dựng", "Hoạt động xây dựng", 5, uWorkingDays, 15000, true, whoBoth, 0.3},
	{2, "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, III", "Hoạt động xây dựng", 20, uWorkingDays, 300000, true, whoCitizen, 1},
	{2, "Cấp chứng chỉ năng lực hoạt động xây dựng", "Hoạt động xây dựng", 20, uWorkingDays, 1000000, true, whoEnterprise, 0.5},
	{2, "Cấp Giấy phép kinh doanh vận tải bằng xe ô tô", "Đường bộ", 5, uWorkingDays, 200000, true, whoEnterprise, 1.5},
	{2, "Cấp phù hiệu xe ô tô kinh doanh vận tải", "Đường bộ", 2, uWorkingDays, 0, true, whoEnterprise, 3},
	{2, "Cấp Giấy phép liên vận giữa Việt Nam và Lào", "Đường bộ", 2, uWorkingDays, 50000, true, whoEnterprise, 0.6},
	{2, "Cấp giấy phép thi công công trình trên đường bộ đang khai thác", "Đường bộ", 7, uWorkingDays, -1, true, whoEnterprise, 0.4},
	{2, "Thẩm định Báo cáo nghiên cứu khả thi đầu tư xây dựng", "Hoạt động xây dựng", 30, uCalendarDays, 0, true, whoEnterprise, 0.2},
	// Sở Nông nghiệp và Môi trường
	{3, "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "Đất đai", 10, uWorkingDays, 50000, true, whoBoth, 6},
	{3, "Cấp đổi Giấy chứng nhận quyền sử dụng đất", "Đất đai", 7, uWorkingDays, 50000, true, whoBoth, 3},
	{3, "Đăng ký đất đai, tài sản gắn liền với đất lần đầu", "Đất đai", 20, uWorkingDays, 100000, true, whoBoth, 1.5},
	{3, "Gia hạn sử dụng đất ngoài khu công nghệ cao, khu kinh tế", "Đất đai", 7, uWorkingDays, -1, true, whoBoth, 0.5},
	{3, "Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", "Đăng ký biện pháp bảo đảm", 8, uHours, 0, true, whoBoth, 2},
	{3, "Cung cấp thông tin, dữ liệu đất đai", "Đất đai", 2, uWorkingDays, 0, false, whoBoth, 1.5},
	{3, "Cấp giấy phép môi trường", "Môi trường", 30, uCalendarDays, 5000000, true, whoEnterprise, 0.3},
	{3, "Thẩm định báo cáo đánh giá tác động môi trường", "Môi trường", 20, uWorkingDays, 5000000, true, whoEnterprise, 0.2},
	{3, "Cấp giấy phép khai thác nước dưới đất", "Tài nguyên nước", 30, uWorkingDays, 600000, true, whoEnterprise, 0.2},
	{3, "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông, lâm, thủy sản", "Quản lý chất lượng nông lâm thủy sản", 15, uWorkingDays, 700000, true, whoEnterprise, 0.6},
	{3, "Cấp chứng chỉ hành nghề thú y", "Thú y", 5, uWorkingDays, -1, true, whoCitizen, 0.3},
	{3, "Cấp giấy phép khai thác khoáng sản", "Địa chất và khoáng sản", 90, uCalendarDays, 10000000, true, whoEnterprise, 0.05},
	// Sở Y tế
	{4, "Cấp giấy phép hành nghề khám bệnh, chữa bệnh", "Khám bệnh, chữa bệnh", 30, uWorkingDays, 360000, true, whoCitizen, 1.5},
	{4, "Cấp giấy phép hoạt động đối với phòng khám chuyên khoa", "Khám bệnh, chữa bệnh", 45, uWorkingDays, 5700000, true, whoEnterprise, 0.3},
	{4, "Cấp Chứng chỉ hành nghề dược", "Dược phẩm", 20, uWorkingDays, 500000, true, whoCitizen, 1},
	{4, "Cấp lại Chứng chỉ hành nghề dược", "Dược phẩm", 5, uWorkingDays, 500000, true, whoCitizen, 0.5},
	{4, "Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược", "Dược phẩm", 30, uWorkingDays, 4000000, true, whoEnterprise, 0.6},
	{4, "Cấp giấy xác nhận nội dung quảng cáo mỹ phẩm", "Mỹ phẩm", 10, uWorkingDays, 1100000, true, whoEnterprise, 0.4},
	{4, "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "An toàn thực phẩm", 20, uWorkingDays, 1000000, true, whoEnterprise, 0.8},
	{4, "Công bố cơ sở đủ điều kiện thực hiện khám sức khỏe", "Khám bệnh, chữa bệnh", 10, uNoDue, 0, false, whoEnterprise, 0.2},
	// Communes (every commune)
	{-1, "Đăng ký khai sinh", "Hộ tịch", 0, uWorkingDays, 0, true, whoCitizen, 6},
	{-1, "Đăng ký khai tử", "Hộ tịch", 1, uWorkingDays, 0, true, whoCitizen, 2},
	{-1, "Đăng ký kết hôn", "Hộ tịch", 1, uWorkingDays, 0, true, whoCitizen, 2},
	{-1, "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực", 8, uHours, 2000, true, whoCitizen, 14},
	{-1, "Chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực", 8, uHours, 10000, true, whoCitizen, 4},
	{-1, "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở", "Chứng thực", 2, uWorkingDays, 50000, true, whoCitizen, 3},
	{-1, "Cấp bản sao trích lục hộ tịch tại cấp xã", "Hộ tịch", 1, uWorkingDays, 8000, true, whoCitizen, 4},
	{-1, "Đăng ký nhận cha, mẹ, con", "Hộ tịch", 3, uWorkingDays, 15000, true, whoCitizen, 0.5},
	{-1, "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", 3, uWorkingDays, 0, true, whoCitizen, 3},
	{-1, "Đăng ký lại khai sinh", "Hộ tịch", 5, uWorkingDays, 0, true, whoCitizen, 0.8},
	{-1, "Đăng ký giám hộ", "Hộ tịch", 3, uWorkingDays, -1, true, whoCitizen, 0.3},
	{-1, "Đăng ký thành lập hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh", 3, uWorkingDays, 100000, true, whoCitizen, 2},
	{-1, "Trợ cấp xã hội hàng tháng đối với đối tượng bảo trợ xã hội", "Bảo trợ xã hội", 20, uWorkingDays, -1, true, whoCitizen, 1},
	{-1, "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "Bảo trợ xã hội", 3, uWorkingDays, -1, false, whoCitizen, 0.6},
	{-1, "Xác nhận hộ gia đình làm nông nghiệp có mức sống trung bình", "Bảo trợ xã hội", 7, uNoDue, -1, false, whoCitizen, 0.6},
}

// Word lists for names and titles.
var (
	surnames    = [...]string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	middleNames = [...]string{"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Thu", "Hoài"}
	givenNames  = [...]string{"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vân", "Yến"}
	firmWords   = [...]string{"Phú Thịnh", "Minh Phát", "Hưng Long", "An Khang", "Thành Công", "Việt Tiến", "Đại Dương", "Sông Hồng", "Trường Sơn", "Kim Ngân"}
	firmKinds   = [...]string{"Công ty TNHH ", "Công ty cổ phần ", "Doanh nghiệp tư nhân ", "Hợp tác xã "}
	officers    = [...]string{"Chuyên viên", "Nguyễn Thị Hoa", "Trần Văn Khánh", "Lê Minh Tú", "Phạm Thu Hằng"}

	petitionTitles = [...]string{
		"Phản ánh việc chậm trả kết quả hồ sơ",
		"Kiến nghị đơn giản hóa thành phần hồ sơ",
		"Phản ánh thái độ của cán bộ tiếp nhận",
		"Kiến nghị bổ sung hướng dẫn nộp hồ sơ trực tuyến",
		"Phản ánh việc yêu cầu bổ sung giấy tờ không đúng quy định",
		"Kiến nghị về mức thu phí, lệ phí",
		"Phản ánh lỗi thanh toán trực tuyến",
		"Kiến nghị về quy định cấp đổi giấy chứng nhận",
		"Phản ánh cán bộ hẹn trả kết quả nhiều lần",
		"Đề nghị hướng dẫn thủ tục đăng ký kinh doanh",
	}
)
