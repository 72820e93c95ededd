package main

// table lists the code types of model/codes.go in file order. Words (labels, aliases, Ignored) are matched
// after folding (case, diacritics, '_' and '-' ignored); numbers are matched as small decimal integers
// ("09" is 9). After editing, run: go generate ./model
var table = []codeType{
	{
		Name: "Status", Unknown: "StatusUnknown",
		Ignored: []string{"interoperating", "posting"},
		Doc: `Status is a dossier status, TrangThaiHoSo / TrangThai (docs/data.md, Code lists).
The canonical codes are 1..10; the English aliases of OpenCPS-style systems
("receiving", "new", ..., "releasing", "done") are accepted as input and
"interoperating"/"posting" map to StatusUnknown.`,
		Values: []value{
			val(1, "StatusRegistered", "Mới đăng ký", "registered", "receiving"),
			val(2, "StatusReceived", "Được tiếp nhận", "received", "new"),
			val(3, "StatusNotAccepted", "Không được tiếp nhận", "not accepted", "denied"),
			val(4, "StatusProcessing", "Đang xử lý", "processing"),
			val(5, "StatusSupplement", "Yêu cầu bổ sung giấy tờ", "supplement requested", "waiting"),
			val(6, "StatusFinancial", "Yêu cầu thực hiện nghĩa vụ tài chính", "financial obligation requested", "paying"),
			val(7, "StatusWithdrawn", "Công dân yêu cầu rút hồ sơ", "withdrawal requested", "cancelled", "canceled"),
			val(8, "StatusStopped", "Dừng xử lý", "processing stopped", "unresolved"),
			val(9, "StatusFinished", "Đã xử lý xong", "processing finished", "releasing"),
			val(10, "StatusReturned", "Đã trả kết quả", "result returned", "done"),
		},
	},
	{
		Name: "Channel", Unknown: "ChannelUnknown",
		Doc: `Channel is the submission channel (KenhThucHien on dossiers, KENH on procedures).
An absent channel is reported by IsSet; the 3.3 rule counts it as direct
(docs/rules.md, 3.3), which is the calculators' policy, not applied here.`,
		Values: []value{
			val(1, "ChannelDirect", "Trực tiếp", "direct"),
			val(2, "ChannelOnline", "Trực tuyến", "online"),
			val(3, "ChannelPostal", "Bưu chính công ích", "public postal", "postal", "buu chinh"),
		},
	},
	{
		Name: "ApplicantType", Unknown: "ApplicantUnknown",
		Doc: `ApplicantType is the applicant type (LoaiDoiTuong). Older clients send only 1 or 2.`,
		Values: []value{
			val(1, "ApplicantCitizen", "Công dân", "citizen"),
			val(2, "ApplicantEnterprise", "Doanh nghiệp", "enterprise"),
			val(3, "ApplicantStateAgency", "Cơ quan nhà nước", "state agency"),
			val(4, "ApplicantOrganisation", "Tổ chức/khác", "organisation or other", "to chuc", "khac", "organization"),
		},
	},
	{
		Name: "ReturnMethod", Unknown: "ReturnUnknown",
		Doc: `ReturnMethod is how the result is returned (HinhThuc). The meanings of 0 and 1
are inferred and unverified (docs/data.md, Code lists).`,
		Values: []value{
			val(0, "ReturnAtDesk", "Trả tại bộ phận một cửa", "at the one-stop desk"),
			val(1, "ReturnByPost", "Trả qua bưu chính", "by post"),
		},
	},
	{
		Name: "OnlinePayment", Unknown: "PaymentUnknown",
		Doc: `OnlinePayment is the online-payment code (DuocThanhToanTrucTuyen). 1 (the
portal's payment platform) and 2 (a ministry or province gateway) are known;
0 and 3 are sent by one client with unknown meaning: they keep their raw value,
have a canonical code, and report Known() == false (the unknown-code check).`,
		Values: []value{
			val(0, "PaymentCode0", "Mã 0 (chưa rõ nghĩa)", "code 0 (meaning unknown)").unlisted(),
			val(1, "PaymentPortal", "Thanh toán trên Cổng DVCQG", "paid on the national portal"),
			val(2, "PaymentGateway", "Thanh toán qua cổng thanh toán của bộ, tỉnh", "paid via a ministry or province gateway"),
			val(3, "PaymentCode3", "Mã 3 (chưa rõ nghĩa)", "code 3 (meaning unknown)").unlisted(),
		},
	},
	{
		Name: "OnlineLevel", Unknown: "OnlineUnknown",
		Doc: `OnlineLevel is the online-service level of an offering (Decree 42/2022: một
phần, toàn trình; local MucDo 2 = information only, 3 = partial, 4 = full).
The legacy mapping "4 → toàn trình, 3 → một phần" is customary but
unverified; raw "1" is read as information only.`,
		Values: []value{
			val(0, "OnlineNone", "Không cung cấp trực tuyến", "none", "khong"),
			val(2, "OnlineInfoOnly", "Chỉ cung cấp thông tin", "information only", "info", "thong tin", "information").alsoNumber(1),
			val(3, "OnlinePartial", "Một phần", "partial", "muc do 3"),
			val(4, "OnlineFull", "Toàn trình", "full", "muc do 4"),
		},
	},
	{
		Name: "DurationUnit", Unknown: "DurationUnknown", WordsOnly: true,
		Doc: `DurationUnit is the unit of a procedure's processing time (DONVITINH):
"Giờ" (hours), "Ngày" (calendar days), "Ngày làm việc" (working days) or
"Tháng" (months). Matching ignores case and Vietnamese diacritics. Numeric
raw values are not defined for this list (docs/data.md, Procedure record) and
read as unknown.`,
		Values: []value{
			val(1, "DurationHours", "Giờ", "hours", "h", "hour", "gio lam viec", "working hours"),
			val(2, "DurationDays", "Ngày", "days", "day", "calendar days"),
			val(3, "DurationWorkingDays", "Ngày làm việc", "working days", "working day"),
			val(4, "DurationMonths", "Tháng", "months", "month"),
		},
	},
	{
		Name: "UnitKind", Unknown: "UnitKindUnknown", WordsOnly: true,
		Doc: `UnitKind is the kind of an administrative unit. Portal evaluation-API labels
(departmentType / level: PROVINCE, PROVINCIAL_DEPARTMENT,
COMMUNE_PEOPLE_COMMITTEE, COMMUNE) are accepted; ministry labels are unverified.`,
		Values: []value{
			val(1, "UnitProvince", "Tỉnh, thành phố", "province", "tinh", "level 1"),
			val(2, "UnitMinistry", "Bộ, ngành", "ministry", "bo", "bo nganh"),
			val(3, "UnitDepartment", "Sở, ban, ngành", "provincial department", "department", "so"),
			val(4, "UnitDistrict", "Huyện", "district", "district people committee"),
			val(5, "UnitCommune", "Xã, phường, đặc khu", "commune", "commune people committee", "xa"),
			val(6, "UnitBranch", "Cơ quan ngành dọc", "vertical branch", "branch", "nganh doc"),
		},
	},
	{
		Name: "PetitionCategory", Unknown: "PetitionCategoryUnknown",
		Doc: `PetitionCategory is the category of a petition (PAKN). Portal codes
PETITION_CLASSIFICATION_TTHC and PETITION_CLASSIFICATION_STAFF are accepted.
An absent category is PetitionCategoryUnknown; calculators report it with the
unclassified ones.`,
		Values: []value{
			val(0, "PetitionUnclassified", "Chưa phân loại", "unclassified", "petition classification other", "khac"),
			val(1, "PetitionProcedure", "Quy định, chính sách, thủ tục", "policy or procedure", "petition classification tthc", "tthc"),
			val(2, "PetitionStaff", "Hành vi của cán bộ, công chức, viên chức", "staff behaviour", "petition classification staff", "staff", "staff behavior"),
		},
	},
	{
		Name: "PublishedState", Unknown: "PublishedUnknown", WordsOnly: true,
		Doc: `PublishedState is the publication state of an online service offering.
Indicator 3.2 counts Published, PendingUnpublish and Testing (Active).`,
		Values: []value{
			val(1, "StatePublished", "Đang công khai", "published", "cong khai"),
			val(2, "StatePendingUnpublish", "Chờ dừng công khai", "awaiting unpublication", "pending unpublish"),
			val(3, "StateTesting", "Đang kiểm thử", "in testing", "testing", "kiem thu"),
			val(4, "StateUnpublished", "Dừng công khai", "unpublished", "da dung cong khai"),
			val(5, "StateDraft", "Chưa công khai", "not yet published", "draft"),
		},
	},
	{
		Name: "SupplementKind", Unknown: "SupplementUnknown",
		Doc: `SupplementKind says what paused a dossier: a request for more documents, a
financial obligation, or a stop (docs/data.md, Sub-objects).`,
		Values: []value{
			val(1, "SupplementDocuments", "Yêu cầu bổ sung giấy tờ", "supplement documents", "supplement", "bo sung"),
			val(2, "SupplementFinancial", "Yêu cầu thực hiện nghĩa vụ tài chính", "financial obligation", "financial", "nghia vu tai chinh"),
			val(3, "SupplementStop", "Dừng xử lý", "stop", "dung"),
		},
	},
	{
		Name: "PublicationKind", Unknown: "PublicationUnknown",
		Doc: `PublicationKind is the type of a procedure announcement decision (QĐCB).`,
		Values: []value{
			val(1, "PublicationNew", "Thêm mới", "new", "ban hanh moi"),
			val(2, "PublicationAmended", "Sửa đổi, bổ sung", "amended", "sua doi", "sua doi bo sung", "thay the"),
			val(3, "PublicationAbolished", "Bãi bỏ", "abolished"),
		},
	},
	{
		Name: "PetitionEventKind", Unknown: "PetitionEventUnknown", Code: "PetitionEventCode",
		Doc: `PetitionEventKind is a step in a petition's timeline (docs/rules.md, 5.1).`,
		Values: []value{
			val(1, "PetitionEventReceived", "Tiếp nhận", "received"),
			val(2, "PetitionEventForwarded", "Chuyển xử lý", "forwarded", "chuyen"),
			val(3, "PetitionEventRejected", "Từ chối", "rejected"),
			val(4, "PetitionEventInfoRequested", "Yêu cầu bổ sung thông tin", "information requested", "info requested"),
			val(5, "PetitionEventProcessing", "Bắt đầu xử lý", "processing started", "processing", "started", "dang xu ly"),
			val(6, "PetitionEventAwaitingPublication", "Chờ công khai", "awaiting publication"),
			val(7, "PetitionEventPublished", "Đã công khai", "answer published", "published"),
		},
	},
	{
		Name: "RatingLevel", Unknown: "RatingUnknown",
		Doc: `RatingLevel is a dossier satisfaction rating level.`,
		Values: []value{
			val(1, "RatingVerySatisfied", "Rất hài lòng", "very satisfied"),
			val(2, "RatingSatisfied", "Hài lòng", "satisfied"),
			val(3, "RatingNeutral", "Bình thường", "neutral"),
			val(4, "RatingUnsatisfied", "Không hài lòng", "unsatisfied", "dissatisfied"),
			val(5, "RatingVeryUnsatisfied", "Rất không hài lòng", "very unsatisfied", "very dissatisfied"),
		},
	},
}
