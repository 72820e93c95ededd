package model

import "testing"

// Alias tables of every code list, written out independently of the generator
// table (internal/gencodes/table.go) so that they check the generated codes.go.

func TestParseStatusAliases(t *testing.T) {
	cases := []struct {
		raw  string
		code StatusCode
	}{
		{"Mới đăng ký", StatusRegistered},
		{"MỚI ĐĂNG KÝ", StatusRegistered},
		{"registered", StatusRegistered},
		{"REGISTERED", StatusRegistered},
		{"receiving", StatusRegistered},
		{"RECEIVING", StatusRegistered},
		{"1", StatusRegistered},
		{"01", StatusRegistered},
		{"Được tiếp nhận", StatusReceived},
		{"ĐƯỢC TIẾP NHẬN", StatusReceived},
		{"received", StatusReceived},
		{"RECEIVED", StatusReceived},
		{"new", StatusReceived},
		{"NEW", StatusReceived},
		{"2", StatusReceived},
		{"02", StatusReceived},
		{"Không được tiếp nhận", StatusNotAccepted},
		{"KHÔNG ĐƯỢC TIẾP NHẬN", StatusNotAccepted},
		{"not accepted", StatusNotAccepted},
		{"NOT ACCEPTED", StatusNotAccepted},
		{"denied", StatusNotAccepted},
		{"DENIED", StatusNotAccepted},
		{"3", StatusNotAccepted},
		{"03", StatusNotAccepted},
		{"Đang xử lý", StatusProcessing},
		{"ĐANG XỬ LÝ", StatusProcessing},
		{"processing", StatusProcessing},
		{"PROCESSING", StatusProcessing},
		{"4", StatusProcessing},
		{"04", StatusProcessing},
		{"Yêu cầu bổ sung giấy tờ", StatusSupplement},
		{"YÊU CẦU BỔ SUNG GIẤY TỜ", StatusSupplement},
		{"supplement requested", StatusSupplement},
		{"SUPPLEMENT REQUESTED", StatusSupplement},
		{"waiting", StatusSupplement},
		{"WAITING", StatusSupplement},
		{"5", StatusSupplement},
		{"05", StatusSupplement},
		{"Yêu cầu thực hiện nghĩa vụ tài chính", StatusFinancial},
		{"YÊU CẦU THỰC HIỆN NGHĨA VỤ TÀI CHÍNH", StatusFinancial},
		{"financial obligation requested", StatusFinancial},
		{"FINANCIAL OBLIGATION REQUESTED", StatusFinancial},
		{"paying", StatusFinancial},
		{"PAYING", StatusFinancial},
		{"6", StatusFinancial},
		{"06", StatusFinancial},
		{"Công dân yêu cầu rút hồ sơ", StatusWithdrawn},
		{"CÔNG DÂN YÊU CẦU RÚT HỒ SƠ", StatusWithdrawn},
		{"withdrawal requested", StatusWithdrawn},
		{"WITHDRAWAL REQUESTED", StatusWithdrawn},
		{"cancelled", StatusWithdrawn},
		{"CANCELLED", StatusWithdrawn},
		{"canceled", StatusWithdrawn},
		{"CANCELED", StatusWithdrawn},
		{"7", StatusWithdrawn},
		{"07", StatusWithdrawn},
		{"Dừng xử lý", StatusStopped},
		{"DỪNG XỬ LÝ", StatusStopped},
		{"processing stopped", StatusStopped},
		{"PROCESSING STOPPED", StatusStopped},
		{"unresolved", StatusStopped},
		{"UNRESOLVED", StatusStopped},
		{"8", StatusStopped},
		{"08", StatusStopped},
		{"Đã xử lý xong", StatusFinished},
		{"ĐÃ XỬ LÝ XONG", StatusFinished},
		{"processing finished", StatusFinished},
		{"PROCESSING FINISHED", StatusFinished},
		{"releasing", StatusFinished},
		{"RELEASING", StatusFinished},
		{"9", StatusFinished},
		{"09", StatusFinished},
		{"Đã trả kết quả", StatusReturned},
		{"ĐÃ TRẢ KẾT QUẢ", StatusReturned},
		{"result returned", StatusReturned},
		{"RESULT RETURNED", StatusReturned},
		{"done", StatusReturned},
		{"DONE", StatusReturned},
		{"10", StatusReturned},
		{"010", StatusReturned},
		{"interoperating", StatusUnknown},
		{"posting", StatusUnknown},
		{"không có trong danh sách", StatusUnknown},
		{"77", StatusUnknown},
	}
	for _, c := range cases {
		v := ParseStatus(c.raw)
		if v.Code() != c.code || !v.Is(c.code) || v.String() != c.raw || !v.IsSet() {
			t.Errorf("ParseStatus(%q) = %v (%q)", c.raw, v.Code(), v.String())
		}
		if v.Label() != c.code.Label() || v.LabelEN() != c.code.LabelEN() || c.code.String() != c.code.LabelEN() {
			t.Errorf("labels of %q", c.raw)
		}
	}
	if v := ParseStatus(""); v.IsSet() || v.Known() || v.Code() != StatusUnknown || NewStatus(StatusUnknown) != v {
		t.Errorf("absent Status")
	}
	if StatusUnknown.Label() != "" || StatusUnknown.LabelEN() != "unknown" {
		t.Error("unknown labels")
	}
	for _, k := range []StatusCode{StatusRegistered, StatusReceived, StatusNotAccepted, StatusProcessing, StatusSupplement, StatusFinancial, StatusWithdrawn, StatusStopped, StatusFinished, StatusReturned} {
		v := NewStatus(k)
		if v.Code() != k || ParseStatus(v.String()).Code() != k || k.Label() == "" || k.LabelEN() == "unknown" {
			t.Errorf("NewStatus(%d) = %v %q", k, v.Code(), v.String())
		}
	}
}

func TestParseChannelAliases(t *testing.T) {
	cases := []struct {
		raw  string
		code ChannelCode
	}{
		{"Trực tiếp", ChannelDirect},
		{"TRỰC TIẾP", ChannelDirect},
		{"direct", ChannelDirect},
		{"DIRECT", ChannelDirect},
		{"1", ChannelDirect},
		{"01", ChannelDirect},
		{"Trực tuyến", ChannelOnline},
		{"TRỰC TUYẾN", ChannelOnline},
		{"online", ChannelOnline},
		{"ONLINE", ChannelOnline},
		{"2", ChannelOnline},
		{"02", ChannelOnline},
		{"Bưu chính công ích", ChannelPostal},
		{"BƯU CHÍNH CÔNG ÍCH", ChannelPostal},
		{"public postal", ChannelPostal},
		{"PUBLIC POSTAL", ChannelPostal},
		{"postal", ChannelPostal},
		{"POSTAL", ChannelPostal},
		{"buu chinh", ChannelPostal},
		{"BUU CHINH", ChannelPostal},
		{"3", ChannelPostal},
		{"03", ChannelPostal},
		{"không có trong danh sách", ChannelUnknown},
		{"77", ChannelUnknown},
	}
	for _, c := range cases {
		v := ParseChannel(c.raw)
		if v.Code() != c.code || !v.Is(c.code) || v.String() != c.raw || !v.IsSet() {
			t.Errorf("ParseChannel(%q) = %v (%q)", c.raw, v.Code(), v.String())
		}
		if v.Label() != c.code.Label() || v.LabelEN() != c.code.LabelEN() || c.code.String() != c.code.LabelEN() {
			t.Errorf("labels of %q", c.raw)
		}
	}
	if v := ParseChannel(""); v.IsSet() || v.Known() || v.Code() != ChannelUnknown || NewChannel(ChannelUnknown) != v {
		t.Errorf("absent Channel")
	}
	if ChannelUnknown.Label() != "" || ChannelUnknown.LabelEN() != "unknown" {
		t.Error("unknown labels")
	}
	for _, k := range []ChannelCode{ChannelDirect, ChannelOnline, ChannelPostal} {
		v := NewChannel(k)
		if v.Code() != k || ParseChannel(v.String()).Code() != k || k.Label() == "" || k.LabelEN() == "unknown" {
			t.Errorf("NewChannel(%d) = %v %q", k, v.Code(), v.String())
		}
	}
}

func TestParseApplicantTypeAliases(t *testing.T) {
	cases := []struct {
		raw  string
		code ApplicantTypeCode
	}{
		{"Công dân", ApplicantCitizen},
		{"CÔNG DÂN", ApplicantCitizen},
		{"citizen", ApplicantCitizen},
		{"CITIZEN", ApplicantCitizen},
		{"1", ApplicantCitizen},
		{"01", ApplicantCitizen},
		{"Doanh nghiệp", ApplicantEnterprise},
		{"DOANH NGHIỆP", ApplicantEnterprise},
		{"enterprise", ApplicantEnterprise},
		{"ENTERPRISE", ApplicantEnterprise},
		{"2", ApplicantEnterprise},
		{"02", ApplicantEnterprise},
		{"Cơ quan nhà nước", ApplicantStateAgency},
		{"CƠ QUAN NHÀ NƯỚC", ApplicantStateAgency},
		{"state agency", ApplicantStateAgency},
		{"STATE AGENCY", ApplicantStateAgency},
		{"3", ApplicantStateAgency},
		{"03", ApplicantStateAgency},
		{"Tổ chức/khác", ApplicantOrganisation},
		{"TỔ CHỨC/KHÁC", ApplicantOrganisation},
		{"organisation or other", ApplicantOrganisation},
		{"ORGANISATION OR OTHER", ApplicantOrganisation},
		{"to chuc", ApplicantOrganisation},
		{"TO CHUC", ApplicantOrganisation},
		{"khac", ApplicantOrganisation},
		{"KHAC", ApplicantOrganisation},
		{"organization", ApplicantOrganisation},
		{"ORGANIZATION", ApplicantOrganisation},
		{"4", ApplicantOrganisation},
		{"04", ApplicantOrganisation},
		{"không có trong danh sách", ApplicantUnknown},
		{"77", ApplicantUnknown},
	}
	for _, c := range cases {
		v := ParseApplicantType(c.raw)
		if v.Code() != c.code || !v.Is(c.code) || v.String() != c.raw || !v.IsSet() {
			t.Errorf("ParseApplicantType(%q) = %v (%q)", c.raw, v.Code(), v.String())
		}
		if v.Label() != c.code.Label() || v.LabelEN() != c.code.LabelEN() || c.code.String() != c.code.LabelEN() {
			t.Errorf("labels of %q", c.raw)
		}
	}
	if v := ParseApplicantType(""); v.IsSet() || v.Known() || v.Code() != ApplicantUnknown || NewApplicantType(ApplicantUnknown) != v {
		t.Errorf("absent ApplicantType")
	}
	if ApplicantUnknown.Label() != "" || ApplicantUnknown.LabelEN() != "unknown" {
		t.Error("unknown labels")
	}
	for _, k := range []ApplicantTypeCode{ApplicantCitizen, ApplicantEnterprise, ApplicantStateAgency, ApplicantOrganisation} {
		v := NewApplicantType(k)
		if v.Code() != k || ParseApplicantType(v.String()).Code() != k || k.Label() == "" || k.LabelEN() == "unknown" {
			t.Errorf("NewApplicantType(%d) = %v %q", k, v.Code(), v.String())
		}
	}
}

func TestParseReturnMethodAliases(t *testing.T) {
	cases := []struct {
		raw  string
		code ReturnMethodCode
	}{
		{"Trả tại bộ phận một cửa", ReturnAtDesk},
		{"TRẢ TẠI BỘ PHẬN MỘT CỬA", ReturnAtDesk},
		{"at the one-stop desk", ReturnAtDesk},
		{"AT THE ONE-STOP DESK", ReturnAtDesk},
		{"0", ReturnAtDesk},
		{"00", ReturnAtDesk},
		{"Trả qua bưu chính", ReturnByPost},
		{"TRẢ QUA BƯU CHÍNH", ReturnByPost},
		{"by post", ReturnByPost},
		{"BY POST", ReturnByPost},
		{"1", ReturnByPost},
		{"01", ReturnByPost},
		{"không có trong danh sách", ReturnUnknown},
		{"77", ReturnUnknown},
	}
	for _, c := range cases {
		v := ParseReturnMethod(c.raw)
		if v.Code() != c.code || !v.Is(c.code) || v.String() != c.raw || !v.IsSet() {
			t.Errorf("ParseReturnMethod(%q) = %v (%q)", c.raw, v.Code(), v.String())
		}
		if v.Label() != c.code.Label() || v.LabelEN() != c.code.LabelEN() || c.code.String() != c.code.LabelEN() {
			t.Errorf("labels of %q", c.raw)
		}
	}
	if v := ParseReturnMethod(""); v.IsSet() || v.Known() || v.Code() != ReturnUnknown || NewReturnMethod(ReturnUnknown) != v {
		t.Errorf("absent ReturnMethod")
	}
	if ReturnUnknown.Label() != "" || ReturnUnknown.LabelEN() != "unknown" {
		t.Error("unknown labels")
	}
	for _, k := range []ReturnMethodCode{ReturnAtDesk, ReturnByPost} {
		v := NewReturnMethod(k)
		if v.Code() != k || ParseReturnMethod(v.String()).Code() != k || k.Label() == "" || k.LabelEN() == "unknown" {
			t.Errorf("NewReturnMethod(%d) = %v %q", k, v.Code(), v.String())
		}
	}
}

func TestParseOnlinePaymentAliases(t *testing.T) {
	cases := []struct {
		raw  string
		code OnlinePaymentCode
	}{
		{"Mã 0 (chưa rõ nghĩa)", PaymentCode0},
		{"MÃ 0 (CHƯA RÕ NGHĨA)", PaymentCode0},
		{"code 0 (meaning unknown)", PaymentCode0},
		{"CODE 0 (MEANING UNKNOWN)", PaymentCode0},
		{"0", PaymentCode0},
		{"00", PaymentCode0},
		{"Thanh toán trên Cổng DVCQG", PaymentPortal},
		{"THANH TOÁN TRÊN CỔNG DVCQG", PaymentPortal},
		{"paid on the national portal", PaymentPortal},
		{"PAID ON THE NATIONAL PORTAL", PaymentPortal},
		{"1", PaymentPortal},
		{"01", PaymentPortal},
		{"Thanh toán qua cổng thanh toán của bộ, tỉnh", PaymentGateway},
		{"THANH TOÁN QUA CỔNG THANH TOÁN CỦA BỘ, TỈNH", PaymentGateway},
		{"paid via a ministry or province gateway", PaymentGateway},
		{"PAID VIA A MINISTRY OR PROVINCE GATEWAY", PaymentGateway},
		{"2", PaymentGateway},
		{"02", PaymentGateway},
		{"Mã 3 (chưa rõ nghĩa)", PaymentCode3},
		{"MÃ 3 (CHƯA RÕ NGHĨA)", PaymentCode3},
		{"code 3 (meaning unknown)", PaymentCode3},
		{"CODE 3 (MEANING UNKNOWN)", PaymentCode3},
		{"3", PaymentCode3},
		{"03", PaymentCode3},
		{"không có trong danh sách", PaymentUnknown},
		{"77", PaymentUnknown},
	}
	for _, c := range cases {
		v := ParseOnlinePayment(c.raw)
		if v.Code() != c.code || !v.Is(c.code) || v.String() != c.raw || !v.IsSet() {
			t.Errorf("ParseOnlinePayment(%q) = %v (%q)", c.raw, v.Code(), v.String())
		}
		if v.Label() != c.code.Label() || v.LabelEN() != c.code.LabelEN() || c.code.String() != c.code.LabelEN() {
			t.Errorf("labels of %q", c.raw)
		}
	}
	if v := ParseOnlinePayment(""); v.IsSet() || v.Known() || v.Code() != PaymentUnknown || NewOnlinePayment(PaymentUnknown) != v {
		t.Errorf("absent OnlinePayment")
	}
	if PaymentUnknown.Label() != "" || PaymentUnknown.LabelEN() != "unknown" {
		t.Error("unknown labels")
	}
	for _, k := range []OnlinePaymentCode{PaymentCode0, PaymentPortal, PaymentGateway, PaymentCode3} {
		v := NewOnlinePayment(k)
		if v.Code() != k || ParseOnlinePayment(v.String()).Code() != k || k.Label() == "" || k.LabelEN() == "unknown" {
			t.Errorf("NewOnlinePayment(%d) = %v %q", k, v.Code(), v.String())
		}
	}
}

func TestParseOnlineLevelAliases(t *testing.T) {
	cases := []struct {
		raw  string
		code OnlineLevelCode
	}{
		{"Không cung cấp trực tuyến", OnlineNone},
		{"KHÔNG CUNG CẤP TRỰC TUYẾN", OnlineNone},
		{"none", OnlineNone},
		{"NONE", OnlineNone},
		{"khong", OnlineNone},
		{"KHONG", OnlineNone},
		{"0", OnlineNone},
		{"00", OnlineNone},
		{"Chỉ cung cấp thông tin", OnlineInfoOnly},
		{"CHỈ CUNG CẤP THÔNG TIN", OnlineInfoOnly},
		{"information only", OnlineInfoOnly},
		{"INFORMATION ONLY", OnlineInfoOnly},
		{"1", OnlineInfoOnly},
		{"info", OnlineInfoOnly},
		{"INFO", OnlineInfoOnly},
		{"thong tin", OnlineInfoOnly},
		{"THONG TIN", OnlineInfoOnly},
		{"information", OnlineInfoOnly},
		{"INFORMATION", OnlineInfoOnly},
		{"2", OnlineInfoOnly},
		{"02", OnlineInfoOnly},
		{"Một phần", OnlinePartial},
		{"MỘT PHẦN", OnlinePartial},
		{"partial", OnlinePartial},
		{"PARTIAL", OnlinePartial},
		{"partial", OnlinePartial},
		{"PARTIAL", OnlinePartial},
		{"mot phan", OnlinePartial},
		{"MOT PHAN", OnlinePartial},
		{"muc do 3", OnlinePartial},
		{"MUC DO 3", OnlinePartial},
		{"3", OnlinePartial},
		{"03", OnlinePartial},
		{"Toàn trình", OnlineFull},
		{"TOÀN TRÌNH", OnlineFull},
		{"full", OnlineFull},
		{"FULL", OnlineFull},
		{"full", OnlineFull},
		{"FULL", OnlineFull},
		{"toan trinh", OnlineFull},
		{"TOAN TRINH", OnlineFull},
		{"muc do 4", OnlineFull},
		{"MUC DO 4", OnlineFull},
		{"4", OnlineFull},
		{"04", OnlineFull},
		{"không có trong danh sách", OnlineUnknown},
		{"77", OnlineUnknown},
	}
	for _, c := range cases {
		v := ParseOnlineLevel(c.raw)
		if v.Code() != c.code || !v.Is(c.code) || v.String() != c.raw || !v.IsSet() {
			t.Errorf("ParseOnlineLevel(%q) = %v (%q)", c.raw, v.Code(), v.String())
		}
		if v.Label() != c.code.Label() || v.LabelEN() != c.code.LabelEN() || c.code.String() != c.code.LabelEN() {
			t.Errorf("labels of %q", c.raw)
		}
	}
	if v := ParseOnlineLevel(""); v.IsSet() || v.Known() || v.Code() != OnlineUnknown || NewOnlineLevel(OnlineUnknown) != v {
		t.Errorf("absent OnlineLevel")
	}
	if OnlineUnknown.Label() != "" || OnlineUnknown.LabelEN() != "unknown" {
		t.Error("unknown labels")
	}
	for _, k := range []OnlineLevelCode{OnlineNone, OnlineInfoOnly, OnlinePartial, OnlineFull} {
		v := NewOnlineLevel(k)
		if v.Code() != k || ParseOnlineLevel(v.String()).Code() != k || k.Label() == "" || k.LabelEN() == "unknown" {
			t.Errorf("NewOnlineLevel(%d) = %v %q", k, v.Code(), v.String())
		}
	}
}

func TestParseDurationUnitAliases(t *testing.T) {
	cases := []struct {
		raw  string
		code DurationUnitCode
	}{
		{"Giờ", DurationHours},
		{"GIỜ", DurationHours},
		{"hours", DurationHours},
		{"HOURS", DurationHours},
		{"h", DurationHours},
		{"H", DurationHours},
		{"hour", DurationHours},
		{"HOUR", DurationHours},
		{"gio", DurationHours},
		{"GIO", DurationHours},
		{"gio lam viec", DurationHours},
		{"GIO LAM VIEC", DurationHours},
		{"working hours", DurationHours},
		{"WORKING HOURS", DurationHours},
		{"Ngày", DurationDays},
		{"NGÀY", DurationDays},
		{"days", DurationDays},
		{"DAYS", DurationDays},
		{"day", DurationDays},
		{"DAY", DurationDays},
		{"calendar days", DurationDays},
		{"CALENDAR DAYS", DurationDays},
		{"ngay", DurationDays},
		{"NGAY", DurationDays},
		{"Ngày làm việc", DurationWorkingDays},
		{"NGÀY LÀM VIỆC", DurationWorkingDays},
		{"working days", DurationWorkingDays},
		{"WORKING DAYS", DurationWorkingDays},
		{"working day", DurationWorkingDays},
		{"WORKING DAY", DurationWorkingDays},
		{"ngay lam viec", DurationWorkingDays},
		{"NGAY LAM VIEC", DurationWorkingDays},
		{"Tháng", DurationMonths},
		{"THÁNG", DurationMonths},
		{"months", DurationMonths},
		{"MONTHS", DurationMonths},
		{"month", DurationMonths},
		{"MONTH", DurationMonths},
		{"thang", DurationMonths},
		{"THANG", DurationMonths},
		{"không có trong danh sách", DurationUnknown},
		{"77", DurationUnknown},
	}
	for _, c := range cases {
		v := ParseDurationUnit(c.raw)
		if v.Code() != c.code || !v.Is(c.code) || v.String() != c.raw || !v.IsSet() {
			t.Errorf("ParseDurationUnit(%q) = %v (%q)", c.raw, v.Code(), v.String())
		}
		if v.Label() != c.code.Label() || v.LabelEN() != c.code.LabelEN() || c.code.String() != c.code.LabelEN() {
			t.Errorf("labels of %q", c.raw)
		}
	}
	if v := ParseDurationUnit(""); v.IsSet() || v.Known() || v.Code() != DurationUnknown || NewDurationUnit(DurationUnknown) != v {
		t.Errorf("absent DurationUnit")
	}
	if DurationUnknown.Label() != "" || DurationUnknown.LabelEN() != "unknown" {
		t.Error("unknown labels")
	}
	for _, k := range []DurationUnitCode{DurationHours, DurationDays, DurationWorkingDays, DurationMonths} {
		v := NewDurationUnit(k)
		if v.Code() != k || ParseDurationUnit(v.String()).Code() != k || k.Label() == "" || k.LabelEN() == "unknown" {
			t.Errorf("NewDurationUnit(%d) = %v %q", k, v.Code(), v.String())
		}
	}
}

func TestParseUnitKindAliases(t *testing.T) {
	cases := []struct {
		raw  string
		code UnitKindCode
	}{
		{"Tỉnh, thành phố", UnitProvince},
		{"TỈNH, THÀNH PHỐ", UnitProvince},
		{"province", UnitProvince},
		{"PROVINCE", UnitProvince},
		{"tinh", UnitProvince},
		{"TINH", UnitProvince},
		{"level_1", UnitProvince},
		{"LEVEL_1", UnitProvince},
		{"Bộ, ngành", UnitMinistry},
		{"BỘ, NGÀNH", UnitMinistry},
		{"ministry", UnitMinistry},
		{"MINISTRY", UnitMinistry},
		{"bo", UnitMinistry},
		{"BO", UnitMinistry},
		{"bo nganh", UnitMinistry},
		{"BO NGANH", UnitMinistry},
		{"Sở, ban, ngành", UnitDepartment},
		{"SỞ, BAN, NGÀNH", UnitDepartment},
		{"provincial department", UnitDepartment},
		{"PROVINCIAL DEPARTMENT", UnitDepartment},
		{"department", UnitDepartment},
		{"DEPARTMENT", UnitDepartment},
		{"provincial_department", UnitDepartment},
		{"PROVINCIAL_DEPARTMENT", UnitDepartment},
		{"so", UnitDepartment},
		{"SO", UnitDepartment},
		{"Huyện", UnitDistrict},
		{"HUYỆN", UnitDistrict},
		{"district", UnitDistrict},
		{"DISTRICT", UnitDistrict},
		{"huyen", UnitDistrict},
		{"HUYEN", UnitDistrict},
		{"district_people_committee", UnitDistrict},
		{"DISTRICT_PEOPLE_COMMITTEE", UnitDistrict},
		{"Xã, phường, đặc khu", UnitCommune},
		{"XÃ, PHƯỜNG, ĐẶC KHU", UnitCommune},
		{"commune", UnitCommune},
		{"COMMUNE", UnitCommune},
		{"commune_people_committee", UnitCommune},
		{"COMMUNE_PEOPLE_COMMITTEE", UnitCommune},
		{"xa", UnitCommune},
		{"XA", UnitCommune},
		{"Cơ quan ngành dọc", UnitBranch},
		{"CƠ QUAN NGÀNH DỌC", UnitBranch},
		{"vertical branch", UnitBranch},
		{"VERTICAL BRANCH", UnitBranch},
		{"branch", UnitBranch},
		{"BRANCH", UnitBranch},
		{"nganh doc", UnitBranch},
		{"NGANH DOC", UnitBranch},
		{"không có trong danh sách", UnitKindUnknown},
		{"77", UnitKindUnknown},
	}
	for _, c := range cases {
		v := ParseUnitKind(c.raw)
		if v.Code() != c.code || !v.Is(c.code) || v.String() != c.raw || !v.IsSet() {
			t.Errorf("ParseUnitKind(%q) = %v (%q)", c.raw, v.Code(), v.String())
		}
		if v.Label() != c.code.Label() || v.LabelEN() != c.code.LabelEN() || c.code.String() != c.code.LabelEN() {
			t.Errorf("labels of %q", c.raw)
		}
	}
	if v := ParseUnitKind(""); v.IsSet() || v.Known() || v.Code() != UnitKindUnknown || NewUnitKind(UnitKindUnknown) != v {
		t.Errorf("absent UnitKind")
	}
	if UnitKindUnknown.Label() != "" || UnitKindUnknown.LabelEN() != "unknown" {
		t.Error("unknown labels")
	}
	for _, k := range []UnitKindCode{UnitProvince, UnitMinistry, UnitDepartment, UnitDistrict, UnitCommune, UnitBranch} {
		v := NewUnitKind(k)
		if v.Code() != k || ParseUnitKind(v.String()).Code() != k || k.Label() == "" || k.LabelEN() == "unknown" {
			t.Errorf("NewUnitKind(%d) = %v %q", k, v.Code(), v.String())
		}
	}
}

func TestParsePetitionCategoryAliases(t *testing.T) {
	cases := []struct {
		raw  string
		code PetitionCategoryCode
	}{
		{"Chưa phân loại", PetitionUnclassified},
		{"CHƯA PHÂN LOẠI", PetitionUnclassified},
		{"unclassified", PetitionUnclassified},
		{"UNCLASSIFIED", PetitionUnclassified},
		{"unclassified", PetitionUnclassified},
		{"UNCLASSIFIED", PetitionUnclassified},
		{"petition_classification_other", PetitionUnclassified},
		{"PETITION_CLASSIFICATION_OTHER", PetitionUnclassified},
		{"khac", PetitionUnclassified},
		{"KHAC", PetitionUnclassified},
		{"0", PetitionUnclassified},
		{"00", PetitionUnclassified},
		{"Quy định, chính sách, thủ tục", PetitionProcedure},
		{"QUY ĐỊNH, CHÍNH SÁCH, THỦ TỤC", PetitionProcedure},
		{"policy or procedure", PetitionProcedure},
		{"POLICY OR PROCEDURE", PetitionProcedure},
		{"petition_classification_tthc", PetitionProcedure},
		{"PETITION_CLASSIFICATION_TTHC", PetitionProcedure},
		{"tthc", PetitionProcedure},
		{"TTHC", PetitionProcedure},
		{"1", PetitionProcedure},
		{"01", PetitionProcedure},
		{"Hành vi của cán bộ, công chức, viên chức", PetitionStaff},
		{"HÀNH VI CỦA CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC", PetitionStaff},
		{"staff behaviour", PetitionStaff},
		{"STAFF BEHAVIOUR", PetitionStaff},
		{"petition_classification_staff", PetitionStaff},
		{"PETITION_CLASSIFICATION_STAFF", PetitionStaff},
		{"staff", PetitionStaff},
		{"STAFF", PetitionStaff},
		{"staff behavior", PetitionStaff},
		{"STAFF BEHAVIOR", PetitionStaff},
		{"2", PetitionStaff},
		{"02", PetitionStaff},
		{"không có trong danh sách", PetitionCategoryUnknown},
		{"77", PetitionCategoryUnknown},
	}
	for _, c := range cases {
		v := ParsePetitionCategory(c.raw)
		if v.Code() != c.code || !v.Is(c.code) || v.String() != c.raw || !v.IsSet() {
			t.Errorf("ParsePetitionCategory(%q) = %v (%q)", c.raw, v.Code(), v.String())
		}
		if v.Label() != c.code.Label() || v.LabelEN() != c.code.LabelEN() || c.code.String() != c.code.LabelEN() {
			t.Errorf("labels of %q", c.raw)
		}
	}
	if v := ParsePetitionCategory(""); v.IsSet() || v.Known() || v.Code() != PetitionCategoryUnknown || NewPetitionCategory(PetitionCategoryUnknown) != v {
		t.Errorf("absent PetitionCategory")
	}
	if PetitionCategoryUnknown.Label() != "" || PetitionCategoryUnknown.LabelEN() != "unknown" {
		t.Error("unknown labels")
	}
	for _, k := range []PetitionCategoryCode{PetitionUnclassified, PetitionProcedure, PetitionStaff} {
		v := NewPetitionCategory(k)
		if v.Code() != k || ParsePetitionCategory(v.String()).Code() != k || k.Label() == "" || k.LabelEN() == "unknown" {
			t.Errorf("NewPetitionCategory(%d) = %v %q", k, v.Code(), v.String())
		}
	}
}

func TestParsePublishedStateAliases(t *testing.T) {
	cases := []struct {
		raw  string
		code PublishedStateCode
	}{
		{"Đang công khai", StatePublished},
		{"ĐANG CÔNG KHAI", StatePublished},
		{"published", StatePublished},
		{"PUBLISHED", StatePublished},
		{"published", StatePublished},
		{"PUBLISHED", StatePublished},
		{"cong khai", StatePublished},
		{"CONG KHAI", StatePublished},
		{"Chờ dừng công khai", StatePendingUnpublish},
		{"CHỜ DỪNG CÔNG KHAI", StatePendingUnpublish},
		{"awaiting unpublication", StatePendingUnpublish},
		{"AWAITING UNPUBLICATION", StatePendingUnpublish},
		{"pending_unpublish", StatePendingUnpublish},
		{"PENDING_UNPUBLISH", StatePendingUnpublish},
		{"awaiting_unpublication", StatePendingUnpublish},
		{"AWAITING_UNPUBLICATION", StatePendingUnpublish},
		{"Đang kiểm thử", StateTesting},
		{"ĐANG KIỂM THỬ", StateTesting},
		{"in testing", StateTesting},
		{"IN TESTING", StateTesting},
		{"testing", StateTesting},
		{"TESTING", StateTesting},
		{"kiem thu", StateTesting},
		{"KIEM THU", StateTesting},
		{"Dừng công khai", StateUnpublished},
		{"DỪNG CÔNG KHAI", StateUnpublished},
		{"unpublished", StateUnpublished},
		{"UNPUBLISHED", StateUnpublished},
		{"unpublished", StateUnpublished},
		{"UNPUBLISHED", StateUnpublished},
		{"da dung cong khai", StateUnpublished},
		{"DA DUNG CONG KHAI", StateUnpublished},
		{"Chưa công khai", StateDraft},
		{"CHƯA CÔNG KHAI", StateDraft},
		{"not yet published", StateDraft},
		{"NOT YET PUBLISHED", StateDraft},
		{"draft", StateDraft},
		{"DRAFT", StateDraft},
		{"không có trong danh sách", PublishedUnknown},
		{"77", PublishedUnknown},
	}
	for _, c := range cases {
		v := ParsePublishedState(c.raw)
		if v.Code() != c.code || !v.Is(c.code) || v.String() != c.raw || !v.IsSet() {
			t.Errorf("ParsePublishedState(%q) = %v (%q)", c.raw, v.Code(), v.String())
		}
		if v.Label() != c.code.Label() || v.LabelEN() != c.code.LabelEN() || c.code.String() != c.code.LabelEN() {
			t.Errorf("labels of %q", c.raw)
		}
	}
	if v := ParsePublishedState(""); v.IsSet() || v.Known() || v.Code() != PublishedUnknown || NewPublishedState(PublishedUnknown) != v {
		t.Errorf("absent PublishedState")
	}
	if PublishedUnknown.Label() != "" || PublishedUnknown.LabelEN() != "unknown" {
		t.Error("unknown labels")
	}
	for _, k := range []PublishedStateCode{StatePublished, StatePendingUnpublish, StateTesting, StateUnpublished, StateDraft} {
		v := NewPublishedState(k)
		if v.Code() != k || ParsePublishedState(v.String()).Code() != k || k.Label() == "" || k.LabelEN() == "unknown" {
			t.Errorf("NewPublishedState(%d) = %v %q", k, v.Code(), v.String())
		}
	}
}

func TestParseSupplementKindAliases(t *testing.T) {
	cases := []struct {
		raw  string
		code SupplementKindCode
	}{
		{"Yêu cầu bổ sung giấy tờ", SupplementDocuments},
		{"YÊU CẦU BỔ SUNG GIẤY TỜ", SupplementDocuments},
		{"supplement documents", SupplementDocuments},
		{"SUPPLEMENT DOCUMENTS", SupplementDocuments},
		{"supplement", SupplementDocuments},
		{"SUPPLEMENT", SupplementDocuments},
		{"bo sung", SupplementDocuments},
		{"BO SUNG", SupplementDocuments},
		{"1", SupplementDocuments},
		{"01", SupplementDocuments},
		{"Yêu cầu thực hiện nghĩa vụ tài chính", SupplementFinancial},
		{"YÊU CẦU THỰC HIỆN NGHĨA VỤ TÀI CHÍNH", SupplementFinancial},
		{"financial obligation", SupplementFinancial},
		{"FINANCIAL OBLIGATION", SupplementFinancial},
		{"financial", SupplementFinancial},
		{"FINANCIAL", SupplementFinancial},
		{"nghia vu tai chinh", SupplementFinancial},
		{"NGHIA VU TAI CHINH", SupplementFinancial},
		{"2", SupplementFinancial},
		{"02", SupplementFinancial},
		{"Dừng xử lý", SupplementStop},
		{"DỪNG XỬ LÝ", SupplementStop},
		{"stop", SupplementStop},
		{"STOP", SupplementStop},
		{"stop", SupplementStop},
		{"STOP", SupplementStop},
		{"dung", SupplementStop},
		{"DUNG", SupplementStop},
		{"3", SupplementStop},
		{"03", SupplementStop},
		{"không có trong danh sách", SupplementUnknown},
		{"77", SupplementUnknown},
	}
	for _, c := range cases {
		v := ParseSupplementKind(c.raw)
		if v.Code() != c.code || !v.Is(c.code) || v.String() != c.raw || !v.IsSet() {
			t.Errorf("ParseSupplementKind(%q) = %v (%q)", c.raw, v.Code(), v.String())
		}
		if v.Label() != c.code.Label() || v.LabelEN() != c.code.LabelEN() || c.code.String() != c.code.LabelEN() {
			t.Errorf("labels of %q", c.raw)
		}
	}
	if v := ParseSupplementKind(""); v.IsSet() || v.Known() || v.Code() != SupplementUnknown || NewSupplementKind(SupplementUnknown) != v {
		t.Errorf("absent SupplementKind")
	}
	if SupplementUnknown.Label() != "" || SupplementUnknown.LabelEN() != "unknown" {
		t.Error("unknown labels")
	}
	for _, k := range []SupplementKindCode{SupplementDocuments, SupplementFinancial, SupplementStop} {
		v := NewSupplementKind(k)
		if v.Code() != k || ParseSupplementKind(v.String()).Code() != k || k.Label() == "" || k.LabelEN() == "unknown" {
			t.Errorf("NewSupplementKind(%d) = %v %q", k, v.Code(), v.String())
		}
	}
}

func TestParsePublicationKindAliases(t *testing.T) {
	cases := []struct {
		raw  string
		code PublicationKindCode
	}{
		{"Thêm mới", PublicationNew},
		{"THÊM MỚI", PublicationNew},
		{"new", PublicationNew},
		{"NEW", PublicationNew},
		{"new", PublicationNew},
		{"NEW", PublicationNew},
		{"them moi", PublicationNew},
		{"THEM MOI", PublicationNew},
		{"ban hanh moi", PublicationNew},
		{"BAN HANH MOI", PublicationNew},
		{"1", PublicationNew},
		{"01", PublicationNew},
		{"Sửa đổi, bổ sung", PublicationAmended},
		{"SỬA ĐỔI, BỔ SUNG", PublicationAmended},
		{"amended", PublicationAmended},
		{"AMENDED", PublicationAmended},
		{"amended", PublicationAmended},
		{"AMENDED", PublicationAmended},
		{"sua doi", PublicationAmended},
		{"SUA DOI", PublicationAmended},
		{"sua doi bo sung", PublicationAmended},
		{"SUA DOI BO SUNG", PublicationAmended},
		{"thay the", PublicationAmended},
		{"THAY THE", PublicationAmended},
		{"2", PublicationAmended},
		{"02", PublicationAmended},
		{"Bãi bỏ", PublicationAbolished},
		{"BÃI BỎ", PublicationAbolished},
		{"abolished", PublicationAbolished},
		{"ABOLISHED", PublicationAbolished},
		{"abolished", PublicationAbolished},
		{"ABOLISHED", PublicationAbolished},
		{"bai bo", PublicationAbolished},
		{"BAI BO", PublicationAbolished},
		{"3", PublicationAbolished},
		{"03", PublicationAbolished},
		{"không có trong danh sách", PublicationUnknown},
		{"77", PublicationUnknown},
	}
	for _, c := range cases {
		v := ParsePublicationKind(c.raw)
		if v.Code() != c.code || !v.Is(c.code) || v.String() != c.raw || !v.IsSet() {
			t.Errorf("ParsePublicationKind(%q) = %v (%q)", c.raw, v.Code(), v.String())
		}
		if v.Label() != c.code.Label() || v.LabelEN() != c.code.LabelEN() || c.code.String() != c.code.LabelEN() {
			t.Errorf("labels of %q", c.raw)
		}
	}
	if v := ParsePublicationKind(""); v.IsSet() || v.Known() || v.Code() != PublicationUnknown || NewPublicationKind(PublicationUnknown) != v {
		t.Errorf("absent PublicationKind")
	}
	if PublicationUnknown.Label() != "" || PublicationUnknown.LabelEN() != "unknown" {
		t.Error("unknown labels")
	}
	for _, k := range []PublicationKindCode{PublicationNew, PublicationAmended, PublicationAbolished} {
		v := NewPublicationKind(k)
		if v.Code() != k || ParsePublicationKind(v.String()).Code() != k || k.Label() == "" || k.LabelEN() == "unknown" {
			t.Errorf("NewPublicationKind(%d) = %v %q", k, v.Code(), v.String())
		}
	}
}

func TestParsePetitionEventKindAliases(t *testing.T) {
	cases := []struct {
		raw  string
		code PetitionEventCode
	}{
		{"Tiếp nhận", PetitionEventReceived},
		{"TIẾP NHẬN", PetitionEventReceived},
		{"received", PetitionEventReceived},
		{"RECEIVED", PetitionEventReceived},
		{"received", PetitionEventReceived},
		{"RECEIVED", PetitionEventReceived},
		{"tiep nhan", PetitionEventReceived},
		{"TIEP NHAN", PetitionEventReceived},
		{"1", PetitionEventReceived},
		{"01", PetitionEventReceived},
		{"Chuyển xử lý", PetitionEventForwarded},
		{"CHUYỂN XỬ LÝ", PetitionEventForwarded},
		{"forwarded", PetitionEventForwarded},
		{"FORWARDED", PetitionEventForwarded},
		{"forwarded", PetitionEventForwarded},
		{"FORWARDED", PetitionEventForwarded},
		{"chuyen", PetitionEventForwarded},
		{"CHUYEN", PetitionEventForwarded},
		{"2", PetitionEventForwarded},
		{"02", PetitionEventForwarded},
		{"Từ chối", PetitionEventRejected},
		{"TỪ CHỐI", PetitionEventRejected},
		{"rejected", PetitionEventRejected},
		{"REJECTED", PetitionEventRejected},
		{"rejected", PetitionEventRejected},
		{"REJECTED", PetitionEventRejected},
		{"tu choi", PetitionEventRejected},
		{"TU CHOI", PetitionEventRejected},
		{"3", PetitionEventRejected},
		{"03", PetitionEventRejected},
		{"Yêu cầu bổ sung thông tin", PetitionEventInfoRequested},
		{"YÊU CẦU BỔ SUNG THÔNG TIN", PetitionEventInfoRequested},
		{"information requested", PetitionEventInfoRequested},
		{"INFORMATION REQUESTED", PetitionEventInfoRequested},
		{"info_requested", PetitionEventInfoRequested},
		{"INFO_REQUESTED", PetitionEventInfoRequested},
		{"information requested", PetitionEventInfoRequested},
		{"INFORMATION REQUESTED", PetitionEventInfoRequested},
		{"4", PetitionEventInfoRequested},
		{"04", PetitionEventInfoRequested},
		{"Bắt đầu xử lý", PetitionEventProcessing},
		{"BẮT ĐẦU XỬ LÝ", PetitionEventProcessing},
		{"processing started", PetitionEventProcessing},
		{"PROCESSING STARTED", PetitionEventProcessing},
		{"processing", PetitionEventProcessing},
		{"PROCESSING", PetitionEventProcessing},
		{"started", PetitionEventProcessing},
		{"STARTED", PetitionEventProcessing},
		{"dang xu ly", PetitionEventProcessing},
		{"DANG XU LY", PetitionEventProcessing},
		{"5", PetitionEventProcessing},
		{"05", PetitionEventProcessing},
		{"Chờ công khai", PetitionEventAwaitingPublication},
		{"CHỜ CÔNG KHAI", PetitionEventAwaitingPublication},
		{"awaiting publication", PetitionEventAwaitingPublication},
		{"AWAITING PUBLICATION", PetitionEventAwaitingPublication},
		{"awaiting_publication", PetitionEventAwaitingPublication},
		{"AWAITING_PUBLICATION", PetitionEventAwaitingPublication},
		{"cho cong khai", PetitionEventAwaitingPublication},
		{"CHO CONG KHAI", PetitionEventAwaitingPublication},
		{"6", PetitionEventAwaitingPublication},
		{"06", PetitionEventAwaitingPublication},
		{"Đã công khai", PetitionEventPublished},
		{"ĐÃ CÔNG KHAI", PetitionEventPublished},
		{"answer published", PetitionEventPublished},
		{"ANSWER PUBLISHED", PetitionEventPublished},
		{"published", PetitionEventPublished},
		{"PUBLISHED", PetitionEventPublished},
		{"da cong khai", PetitionEventPublished},
		{"DA CONG KHAI", PetitionEventPublished},
		{"7", PetitionEventPublished},
		{"07", PetitionEventPublished},
		{"không có trong danh sách", PetitionEventUnknown},
		{"77", PetitionEventUnknown},
	}
	for _, c := range cases {
		v := ParsePetitionEventKind(c.raw)
		if v.Code() != c.code || !v.Is(c.code) || v.String() != c.raw || !v.IsSet() {
			t.Errorf("ParsePetitionEventKind(%q) = %v (%q)", c.raw, v.Code(), v.String())
		}
		if v.Label() != c.code.Label() || v.LabelEN() != c.code.LabelEN() || c.code.String() != c.code.LabelEN() {
			t.Errorf("labels of %q", c.raw)
		}
	}
	if v := ParsePetitionEventKind(""); v.IsSet() || v.Known() || v.Code() != PetitionEventUnknown || NewPetitionEventKind(PetitionEventUnknown) != v {
		t.Errorf("absent PetitionEventKind")
	}
	if PetitionEventUnknown.Label() != "" || PetitionEventUnknown.LabelEN() != "unknown" {
		t.Error("unknown labels")
	}
	for _, k := range []PetitionEventCode{PetitionEventReceived, PetitionEventForwarded, PetitionEventRejected, PetitionEventInfoRequested, PetitionEventProcessing, PetitionEventAwaitingPublication, PetitionEventPublished} {
		v := NewPetitionEventKind(k)
		if v.Code() != k || ParsePetitionEventKind(v.String()).Code() != k || k.Label() == "" || k.LabelEN() == "unknown" {
			t.Errorf("NewPetitionEventKind(%d) = %v %q", k, v.Code(), v.String())
		}
	}
}

func TestParseRatingLevelAliases(t *testing.T) {
	cases := []struct {
		raw  string
		code RatingLevelCode
	}{
		{"Rất hài lòng", RatingVerySatisfied},
		{"RẤT HÀI LÒNG", RatingVerySatisfied},
		{"very satisfied", RatingVerySatisfied},
		{"VERY SATISFIED", RatingVerySatisfied},
		{"very satisfied", RatingVerySatisfied},
		{"VERY SATISFIED", RatingVerySatisfied},
		{"1", RatingVerySatisfied},
		{"01", RatingVerySatisfied},
		{"Hài lòng", RatingSatisfied},
		{"HÀI LÒNG", RatingSatisfied},
		{"satisfied", RatingSatisfied},
		{"SATISFIED", RatingSatisfied},
		{"satisfied", RatingSatisfied},
		{"SATISFIED", RatingSatisfied},
		{"2", RatingSatisfied},
		{"02", RatingSatisfied},
		{"Bình thường", RatingNeutral},
		{"BÌNH THƯỜNG", RatingNeutral},
		{"neutral", RatingNeutral},
		{"NEUTRAL", RatingNeutral},
		{"neutral", RatingNeutral},
		{"NEUTRAL", RatingNeutral},
		{"3", RatingNeutral},
		{"03", RatingNeutral},
		{"Không hài lòng", RatingUnsatisfied},
		{"KHÔNG HÀI LÒNG", RatingUnsatisfied},
		{"unsatisfied", RatingUnsatisfied},
		{"UNSATISFIED", RatingUnsatisfied},
		{"unsatisfied", RatingUnsatisfied},
		{"UNSATISFIED", RatingUnsatisfied},
		{"dissatisfied", RatingUnsatisfied},
		{"DISSATISFIED", RatingUnsatisfied},
		{"4", RatingUnsatisfied},
		{"04", RatingUnsatisfied},
		{"Rất không hài lòng", RatingVeryUnsatisfied},
		{"RẤT KHÔNG HÀI LÒNG", RatingVeryUnsatisfied},
		{"very unsatisfied", RatingVeryUnsatisfied},
		{"VERY UNSATISFIED", RatingVeryUnsatisfied},
		{"very unsatisfied", RatingVeryUnsatisfied},
		{"VERY UNSATISFIED", RatingVeryUnsatisfied},
		{"very dissatisfied", RatingVeryUnsatisfied},
		{"VERY DISSATISFIED", RatingVeryUnsatisfied},
		{"5", RatingVeryUnsatisfied},
		{"05", RatingVeryUnsatisfied},
		{"không có trong danh sách", RatingUnknown},
		{"77", RatingUnknown},
	}
	for _, c := range cases {
		v := ParseRatingLevel(c.raw)
		if v.Code() != c.code || !v.Is(c.code) || v.String() != c.raw || !v.IsSet() {
			t.Errorf("ParseRatingLevel(%q) = %v (%q)", c.raw, v.Code(), v.String())
		}
		if v.Label() != c.code.Label() || v.LabelEN() != c.code.LabelEN() || c.code.String() != c.code.LabelEN() {
			t.Errorf("labels of %q", c.raw)
		}
	}
	if v := ParseRatingLevel(""); v.IsSet() || v.Known() || v.Code() != RatingUnknown || NewRatingLevel(RatingUnknown) != v {
		t.Errorf("absent RatingLevel")
	}
	if RatingUnknown.Label() != "" || RatingUnknown.LabelEN() != "unknown" {
		t.Error("unknown labels")
	}
	for _, k := range []RatingLevelCode{RatingVerySatisfied, RatingSatisfied, RatingNeutral, RatingUnsatisfied, RatingVeryUnsatisfied} {
		v := NewRatingLevel(k)
		if v.Code() != k || ParseRatingLevel(v.String()).Code() != k || k.Label() == "" || k.LabelEN() == "unknown" {
			t.Errorf("NewRatingLevel(%d) = %v %q", k, v.Code(), v.String())
		}
	}
}
