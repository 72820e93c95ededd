// Code types of the portal's vocabulary. Each type pairs a canonical value with the
// raw text it was parsed from, so that re-encoding is lossless (DATA-MODEL.md §7).
// The file was produced by a one-off generator and is maintained by hand.

package model

import "strconv"

// StatusCode is the canonical value of a Status. Its numeric value equals the portal code
// where the portal uses numbers.
type StatusCode int8

// StatusCode values.
const (
	// StatusUnknown is an absent or unrecognised value.
	StatusUnknown StatusCode = 0
	// StatusRegistered: Mới đăng ký (registered).
	StatusRegistered StatusCode = 1
	// StatusReceived: Được tiếp nhận (received).
	StatusReceived StatusCode = 2
	// StatusNotAccepted: Không được tiếp nhận (not accepted).
	StatusNotAccepted StatusCode = 3
	// StatusProcessing: Đang xử lý (processing).
	StatusProcessing StatusCode = 4
	// StatusSupplement: Yêu cầu bổ sung giấy tờ (supplement requested).
	StatusSupplement StatusCode = 5
	// StatusFinancial: Yêu cầu thực hiện nghĩa vụ tài chính (financial obligation requested).
	StatusFinancial StatusCode = 6
	// StatusWithdrawn: Công dân yêu cầu rút hồ sơ (withdrawal requested).
	StatusWithdrawn StatusCode = 7
	// StatusStopped: Dừng xử lý (processing stopped).
	StatusStopped StatusCode = 8
	// StatusFinished: Đã xử lý xong (processing finished).
	StatusFinished StatusCode = 9
	// StatusReturned: Đã trả kết quả (result returned).
	StatusReturned StatusCode = 10
)

// Label returns the Vietnamese label of k, or "" for StatusUnknown. It does not allocate.
func (k StatusCode) Label() string {
	switch k {
	case StatusRegistered:
		return "Mới đăng ký"
	case StatusReceived:
		return "Được tiếp nhận"
	case StatusNotAccepted:
		return "Không được tiếp nhận"
	case StatusProcessing:
		return "Đang xử lý"
	case StatusSupplement:
		return "Yêu cầu bổ sung giấy tờ"
	case StatusFinancial:
		return "Yêu cầu thực hiện nghĩa vụ tài chính"
	case StatusWithdrawn:
		return "Công dân yêu cầu rút hồ sơ"
	case StatusStopped:
		return "Dừng xử lý"
	case StatusFinished:
		return "Đã xử lý xong"
	case StatusReturned:
		return "Đã trả kết quả"
	}
	return ""
}

// LabelEN returns the English label of k, or "unknown" for StatusUnknown. It does not allocate.
func (k StatusCode) LabelEN() string {
	switch k {
	case StatusRegistered:
		return "registered"
	case StatusReceived:
		return "received"
	case StatusNotAccepted:
		return "not accepted"
	case StatusProcessing:
		return "processing"
	case StatusSupplement:
		return "supplement requested"
	case StatusFinancial:
		return "financial obligation requested"
	case StatusWithdrawn:
		return "withdrawal requested"
	case StatusStopped:
		return "processing stopped"
	case StatusFinished:
		return "processing finished"
	case StatusReturned:
		return "result returned"
	}
	return "unknown"
}

// String returns the English label (LabelEN); it exists for %v in messages.
func (k StatusCode) String() string { return k.LabelEN() }

// parseStatusCode maps raw text to a canonical value; ok reports whether the text was
// recognised (including aliases that map to StatusUnknown).
func parseStatusCode(raw string) (k StatusCode, ok bool) {
	if n, isNum := parseSmallInt(raw); isNum {
		switch n {
		case 1:
			return StatusRegistered, true
		case 2:
			return StatusReceived, true
		case 3:
			return StatusNotAccepted, true
		case 4:
			return StatusProcessing, true
		case 5:
			return StatusSupplement, true
		case 6:
			return StatusFinancial, true
		case 7:
			return StatusWithdrawn, true
		case 8:
			return StatusStopped, true
		case 9:
			return StatusFinished, true
		case 10:
			return StatusReturned, true
		}
		return StatusUnknown, false
	}
	switch fold(raw) {
	case "moi dang ky", "registered", "receiving":
		return StatusRegistered, true
	case "duoc tiep nhan", "received", "new":
		return StatusReceived, true
	case "khong duoc tiep nhan", "not accepted", "denied":
		return StatusNotAccepted, true
	case "dang xu ly", "processing":
		return StatusProcessing, true
	case "yeu cau bo sung giay to", "supplement requested", "waiting":
		return StatusSupplement, true
	case "yeu cau thuc hien nghia vu tai chinh", "financial obligation requested", "paying":
		return StatusFinancial, true
	case "cong dan yeu cau rut ho so", "withdrawal requested", "cancelled", "canceled":
		return StatusWithdrawn, true
	case "dung xu ly", "processing stopped", "unresolved":
		return StatusStopped, true
	case "da xu ly xong", "processing finished", "releasing":
		return StatusFinished, true
	case "da tra ket qua", "result returned", "done":
		return StatusReturned, true
	case "interoperating", "posting":
		return StatusUnknown, true
	}
	return StatusUnknown, false
}

// Status is a dossier status (TrangThaiHoSo / TrangThai, DATA-MODEL.md §1.5).
// The canonical codes are 1..10; the English aliases of OpenCPS-style systems
// ("receiving", "new", ..., "releasing", "done") are accepted as input and
// "interoperating"/"posting" map to StatusUnknown.
//
// The zero value is absent. String returns the raw text (lossless re-encoding);
// Code gives the canonical value, Label/LabelEN the labels and Known whether the
// value is in the list. Compare with Code or Is: "09" and "9" are the same value.
type Status struct {
	raw   string
	code  StatusCode
	set   bool
	known bool
}

// ParseStatus parses raw text (number, alias or label; case and diacritics are
// ignored for words). It never fails: unrecognised text gives Code() == StatusUnknown
// and Known() == false, and "" gives the absent value. Cost: no allocation for
// numeric input; one small allocation for words.
func ParseStatus(raw string) Status {
	if raw == "" {
		return Status{}
	}
	k, ok := parseStatusCode(raw)
	return Status{raw: raw, code: k, set: true, known: ok && k != StatusUnknown}
}

// NewStatus returns the value for canonical code k with its canonical raw text
// (the decimal number). NewStatus(StatusUnknown) is the absent value.
func NewStatus(k StatusCode) Status {
	if k == StatusUnknown {
		return Status{}
	}
	return ParseStatus(strconv.Itoa(int(k)))
}

// Code returns the canonical value (StatusUnknown when absent or unrecognised).
func (v Status) Code() StatusCode {
	if !v.set {
		return StatusUnknown
	}
	return v.code
}

// Is reports whether the canonical value is k.
func (v Status) Is(k StatusCode) bool { return v.Code() == k }

// String returns the raw text as read ("" when absent).
func (v Status) String() string { return v.raw }

// IsSet reports whether a value was present (absent and "" are not set).
func (v Status) IsSet() bool { return v.set }

// Known reports whether the value is present and in the code list.
func (v Status) Known() bool { return v.known }

// Label returns the Vietnamese label of the canonical value ("" if unknown).
func (v Status) Label() string { return v.Code().Label() }

// LabelEN returns the English label of the canonical value.
func (v Status) LabelEN() string { return v.Code().LabelEN() }

// ChannelCode is the canonical value of a Channel. Its numeric value equals the portal code
// where the portal uses numbers.
type ChannelCode int8

// ChannelCode values.
const (
	// ChannelUnknown is an absent or unrecognised value.
	ChannelUnknown ChannelCode = 0
	// ChannelDirect: Trực tiếp (direct).
	ChannelDirect ChannelCode = 1
	// ChannelOnline: Trực tuyến (online).
	ChannelOnline ChannelCode = 2
	// ChannelPostal: Bưu chính công ích (public postal).
	ChannelPostal ChannelCode = 3
)

// Label returns the Vietnamese label of k, or "" for ChannelUnknown. It does not allocate.
func (k ChannelCode) Label() string {
	switch k {
	case ChannelDirect:
		return "Trực tiếp"
	case ChannelOnline:
		return "Trực tuyến"
	case ChannelPostal:
		return "Bưu chính công ích"
	}
	return ""
}

// LabelEN returns the English label of k, or "unknown" for ChannelUnknown. It does not allocate.
func (k ChannelCode) LabelEN() string {
	switch k {
	case ChannelDirect:
		return "direct"
	case ChannelOnline:
		return "online"
	case ChannelPostal:
		return "public postal"
	}
	return "unknown"
}

// String returns the English label (LabelEN); it exists for %v in messages.
func (k ChannelCode) String() string { return k.LabelEN() }

// parseChannelCode maps raw text to a canonical value; ok reports whether the text was
// recognised (including aliases that map to ChannelUnknown).
func parseChannelCode(raw string) (k ChannelCode, ok bool) {
	if n, isNum := parseSmallInt(raw); isNum {
		switch n {
		case 1:
			return ChannelDirect, true
		case 2:
			return ChannelOnline, true
		case 3:
			return ChannelPostal, true
		}
		return ChannelUnknown, false
	}
	switch fold(raw) {
	case "truc tiep", "direct":
		return ChannelDirect, true
	case "truc tuyen", "online":
		return ChannelOnline, true
	case "buu chinh cong ich", "public postal", "postal", "buu chinh":
		return ChannelPostal, true
	}
	return ChannelUnknown, false
}

// Channel is the submission channel (KenhThucHien on dossiers, KENH on procedures).
// An absent channel is reported by IsSet; INDICATORS.md counts it as direct for 3.3,
// which is the calculators' policy, not applied here.
//
// The zero value is absent. String returns the raw text (lossless re-encoding);
// Code gives the canonical value, Label/LabelEN the labels and Known whether the
// value is in the list. Compare with Code or Is: "09" and "9" are the same value.
type Channel struct {
	raw   string
	code  ChannelCode
	set   bool
	known bool
}

// ParseChannel parses raw text (number, alias or label; case and diacritics are
// ignored for words). It never fails: unrecognised text gives Code() == ChannelUnknown
// and Known() == false, and "" gives the absent value. Cost: no allocation for
// numeric input; one small allocation for words.
func ParseChannel(raw string) Channel {
	if raw == "" {
		return Channel{}
	}
	k, ok := parseChannelCode(raw)
	return Channel{raw: raw, code: k, set: true, known: ok && k != ChannelUnknown}
}

// NewChannel returns the value for canonical code k with its canonical raw text
// (the decimal number). NewChannel(ChannelUnknown) is the absent value.
func NewChannel(k ChannelCode) Channel {
	if k == ChannelUnknown {
		return Channel{}
	}
	return ParseChannel(strconv.Itoa(int(k)))
}

// Code returns the canonical value (ChannelUnknown when absent or unrecognised).
func (v Channel) Code() ChannelCode {
	if !v.set {
		return ChannelUnknown
	}
	return v.code
}

// Is reports whether the canonical value is k.
func (v Channel) Is(k ChannelCode) bool { return v.Code() == k }

// String returns the raw text as read ("" when absent).
func (v Channel) String() string { return v.raw }

// IsSet reports whether a value was present (absent and "" are not set).
func (v Channel) IsSet() bool { return v.set }

// Known reports whether the value is present and in the code list.
func (v Channel) Known() bool { return v.known }

// Label returns the Vietnamese label of the canonical value ("" if unknown).
func (v Channel) Label() string { return v.Code().Label() }

// LabelEN returns the English label of the canonical value.
func (v Channel) LabelEN() string { return v.Code().LabelEN() }

// ApplicantTypeCode is the canonical value of a ApplicantType. Its numeric value equals the portal code
// where the portal uses numbers.
type ApplicantTypeCode int8

// ApplicantTypeCode values.
const (
	// ApplicantUnknown is an absent or unrecognised value.
	ApplicantUnknown ApplicantTypeCode = 0
	// ApplicantCitizen: Công dân (citizen).
	ApplicantCitizen ApplicantTypeCode = 1
	// ApplicantEnterprise: Doanh nghiệp (enterprise).
	ApplicantEnterprise ApplicantTypeCode = 2
	// ApplicantStateAgency: Cơ quan nhà nước (state agency).
	ApplicantStateAgency ApplicantTypeCode = 3
	// ApplicantOrganisation: Tổ chức/khác (organisation or other).
	ApplicantOrganisation ApplicantTypeCode = 4
)

// Label returns the Vietnamese label of k, or "" for ApplicantUnknown. It does not allocate.
func (k ApplicantTypeCode) Label() string {
	switch k {
	case ApplicantCitizen:
		return "Công dân"
	case ApplicantEnterprise:
		return "Doanh nghiệp"
	case ApplicantStateAgency:
		return "Cơ quan nhà nước"
	case ApplicantOrganisation:
		return "Tổ chức/khác"
	}
	return ""
}

// LabelEN returns the English label of k, or "unknown" for ApplicantUnknown. It does not allocate.
func (k ApplicantTypeCode) LabelEN() string {
	switch k {
	case ApplicantCitizen:
		return "citizen"
	case ApplicantEnterprise:
		return "enterprise"
	case ApplicantStateAgency:
		return "state agency"
	case ApplicantOrganisation:
		return "organisation or other"
	}
	return "unknown"
}

// String returns the English label (LabelEN); it exists for %v in messages.
func (k ApplicantTypeCode) String() string { return k.LabelEN() }

// parseApplicantTypeCode maps raw text to a canonical value; ok reports whether the text was
// recognised (including aliases that map to ApplicantUnknown).
func parseApplicantTypeCode(raw string) (k ApplicantTypeCode, ok bool) {
	if n, isNum := parseSmallInt(raw); isNum {
		switch n {
		case 1:
			return ApplicantCitizen, true
		case 2:
			return ApplicantEnterprise, true
		case 3:
			return ApplicantStateAgency, true
		case 4:
			return ApplicantOrganisation, true
		}
		return ApplicantUnknown, false
	}
	switch fold(raw) {
	case "cong dan", "citizen":
		return ApplicantCitizen, true
	case "doanh nghiep", "enterprise":
		return ApplicantEnterprise, true
	case "co quan nha nuoc", "state agency":
		return ApplicantStateAgency, true
	case "to chuc/khac", "organisation or other", "to chuc", "khac", "organization":
		return ApplicantOrganisation, true
	}
	return ApplicantUnknown, false
}

// ApplicantType is the applicant type (LoaiDoiTuong). Older clients send only 1 or 2.
//
// The zero value is absent. String returns the raw text (lossless re-encoding);
// Code gives the canonical value, Label/LabelEN the labels and Known whether the
// value is in the list. Compare with Code or Is: "09" and "9" are the same value.
type ApplicantType struct {
	raw   string
	code  ApplicantTypeCode
	set   bool
	known bool
}

// ParseApplicantType parses raw text (number, alias or label; case and diacritics are
// ignored for words). It never fails: unrecognised text gives Code() == ApplicantUnknown
// and Known() == false, and "" gives the absent value. Cost: no allocation for
// numeric input; one small allocation for words.
func ParseApplicantType(raw string) ApplicantType {
	if raw == "" {
		return ApplicantType{}
	}
	k, ok := parseApplicantTypeCode(raw)
	return ApplicantType{raw: raw, code: k, set: true, known: ok && k != ApplicantUnknown}
}

// NewApplicantType returns the value for canonical code k with its canonical raw text
// (the decimal number). NewApplicantType(ApplicantUnknown) is the absent value.
func NewApplicantType(k ApplicantTypeCode) ApplicantType {
	if k == ApplicantUnknown {
		return ApplicantType{}
	}
	return ParseApplicantType(strconv.Itoa(int(k)))
}

// Code returns the canonical value (ApplicantUnknown when absent or unrecognised).
func (v ApplicantType) Code() ApplicantTypeCode {
	if !v.set {
		return ApplicantUnknown
	}
	return v.code
}

// Is reports whether the canonical value is k.
func (v ApplicantType) Is(k ApplicantTypeCode) bool { return v.Code() == k }

// String returns the raw text as read ("" when absent).
func (v ApplicantType) String() string { return v.raw }

// IsSet reports whether a value was present (absent and "" are not set).
func (v ApplicantType) IsSet() bool { return v.set }

// Known reports whether the value is present and in the code list.
func (v ApplicantType) Known() bool { return v.known }

// Label returns the Vietnamese label of the canonical value ("" if unknown).
func (v ApplicantType) Label() string { return v.Code().Label() }

// LabelEN returns the English label of the canonical value.
func (v ApplicantType) LabelEN() string { return v.Code().LabelEN() }

// ReturnMethodCode is the canonical value of a ReturnMethod. Its numeric value equals the portal code
// where the portal uses numbers.
type ReturnMethodCode int8

// ReturnMethodCode values.
const (
	// ReturnUnknown is an absent or unrecognised value.
	ReturnUnknown ReturnMethodCode = -1
	// ReturnAtDesk: Trả tại bộ phận một cửa (at the one-stop desk).
	ReturnAtDesk ReturnMethodCode = 0
	// ReturnByPost: Trả qua bưu chính (by post).
	ReturnByPost ReturnMethodCode = 1
)

// Label returns the Vietnamese label of k, or "" for ReturnUnknown. It does not allocate.
func (k ReturnMethodCode) Label() string {
	switch k {
	case ReturnAtDesk:
		return "Trả tại bộ phận một cửa"
	case ReturnByPost:
		return "Trả qua bưu chính"
	}
	return ""
}

// LabelEN returns the English label of k, or "unknown" for ReturnUnknown. It does not allocate.
func (k ReturnMethodCode) LabelEN() string {
	switch k {
	case ReturnAtDesk:
		return "at the one-stop desk"
	case ReturnByPost:
		return "by post"
	}
	return "unknown"
}

// String returns the English label (LabelEN); it exists for %v in messages.
func (k ReturnMethodCode) String() string { return k.LabelEN() }

// parseReturnMethodCode maps raw text to a canonical value; ok reports whether the text was
// recognised (including aliases that map to ReturnUnknown).
func parseReturnMethodCode(raw string) (k ReturnMethodCode, ok bool) {
	if n, isNum := parseSmallInt(raw); isNum {
		switch n {
		case 0:
			return ReturnAtDesk, true
		case 1:
			return ReturnByPost, true
		}
		return ReturnUnknown, false
	}
	switch fold(raw) {
	case "tra tai bo phan mot cua", "at the one stop desk":
		return ReturnAtDesk, true
	case "tra qua buu chinh", "by post":
		return ReturnByPost, true
	}
	return ReturnUnknown, false
}

// ReturnMethod is how the result is returned (HinhThuc). The meanings of 0 and 1
// are inferred and unverified (DATA-MODEL.md §1.5).
//
// The zero value is absent. String returns the raw text (lossless re-encoding);
// Code gives the canonical value, Label/LabelEN the labels and Known whether the
// value is in the list. Compare with Code or Is: "09" and "9" are the same value.
type ReturnMethod struct {
	raw   string
	code  ReturnMethodCode
	set   bool
	known bool
}

// ParseReturnMethod parses raw text (number, alias or label; case and diacritics are
// ignored for words). It never fails: unrecognised text gives Code() == ReturnUnknown
// and Known() == false, and "" gives the absent value. Cost: no allocation for
// numeric input; one small allocation for words.
func ParseReturnMethod(raw string) ReturnMethod {
	if raw == "" {
		return ReturnMethod{}
	}
	k, ok := parseReturnMethodCode(raw)
	return ReturnMethod{raw: raw, code: k, set: true, known: ok && k != ReturnUnknown}
}

// NewReturnMethod returns the value for canonical code k with its canonical raw text
// (the decimal number). NewReturnMethod(ReturnUnknown) is the absent value.
func NewReturnMethod(k ReturnMethodCode) ReturnMethod {
	if k == ReturnUnknown {
		return ReturnMethod{}
	}
	return ParseReturnMethod(strconv.Itoa(int(k)))
}

// Code returns the canonical value (ReturnUnknown when absent or unrecognised).
func (v ReturnMethod) Code() ReturnMethodCode {
	if !v.set {
		return ReturnUnknown
	}
	return v.code
}

// Is reports whether the canonical value is k.
func (v ReturnMethod) Is(k ReturnMethodCode) bool { return v.Code() == k }

// String returns the raw text as read ("" when absent).
func (v ReturnMethod) String() string { return v.raw }

// IsSet reports whether a value was present (absent and "" are not set).
func (v ReturnMethod) IsSet() bool { return v.set }

// Known reports whether the value is present and in the code list.
func (v ReturnMethod) Known() bool { return v.known }

// Label returns the Vietnamese label of the canonical value ("" if unknown).
func (v ReturnMethod) Label() string { return v.Code().Label() }

// LabelEN returns the English label of the canonical value.
func (v ReturnMethod) LabelEN() string { return v.Code().LabelEN() }

// OnlinePaymentCode is the canonical value of a OnlinePayment. Its numeric value equals the portal code
// where the portal uses numbers.
type OnlinePaymentCode int8

// OnlinePaymentCode values.
const (
	// PaymentUnknown is an absent or unrecognised value.
	PaymentUnknown OnlinePaymentCode = -1
	// PaymentCode0: Mã 0 (chưa rõ nghĩa) (code 0 (meaning unknown)).
	PaymentCode0 OnlinePaymentCode = 0
	// PaymentPortal: Thanh toán trên Cổng DVCQG (paid on the national portal).
	PaymentPortal OnlinePaymentCode = 1
	// PaymentGateway: Thanh toán qua cổng thanh toán của bộ, tỉnh (paid via a ministry or province gateway).
	PaymentGateway OnlinePaymentCode = 2
	// PaymentCode3: Mã 3 (chưa rõ nghĩa) (code 3 (meaning unknown)).
	PaymentCode3 OnlinePaymentCode = 3
)

// Label returns the Vietnamese label of k, or "" for PaymentUnknown. It does not allocate.
func (k OnlinePaymentCode) Label() string {
	switch k {
	case PaymentCode0:
		return "Mã 0 (chưa rõ nghĩa)"
	case PaymentPortal:
		return "Thanh toán trên Cổng DVCQG"
	case PaymentGateway:
		return "Thanh toán qua cổng thanh toán của bộ, tỉnh"
	case PaymentCode3:
		return "Mã 3 (chưa rõ nghĩa)"
	}
	return ""
}

// LabelEN returns the English label of k, or "unknown" for PaymentUnknown. It does not allocate.
func (k OnlinePaymentCode) LabelEN() string {
	switch k {
	case PaymentCode0:
		return "code 0 (meaning unknown)"
	case PaymentPortal:
		return "paid on the national portal"
	case PaymentGateway:
		return "paid via a ministry or province gateway"
	case PaymentCode3:
		return "code 3 (meaning unknown)"
	}
	return "unknown"
}

// String returns the English label (LabelEN); it exists for %v in messages.
func (k OnlinePaymentCode) String() string { return k.LabelEN() }

// parseOnlinePaymentCode maps raw text to a canonical value; ok reports whether the text was
// recognised (including aliases that map to PaymentUnknown).
func parseOnlinePaymentCode(raw string) (k OnlinePaymentCode, ok bool) {
	if n, isNum := parseSmallInt(raw); isNum {
		switch n {
		case 0:
			return PaymentCode0, true
		case 1:
			return PaymentPortal, true
		case 2:
			return PaymentGateway, true
		case 3:
			return PaymentCode3, true
		}
		return PaymentUnknown, false
	}
	switch fold(raw) {
	case "ma 0 (chua ro nghia)", "code 0 (meaning unknown)":
		return PaymentCode0, true
	case "thanh toan tren cong dvcqg", "paid on the national portal":
		return PaymentPortal, true
	case "thanh toan qua cong thanh toan cua bo, tinh", "paid via a ministry or province gateway":
		return PaymentGateway, true
	case "ma 3 (chua ro nghia)", "code 3 (meaning unknown)":
		return PaymentCode3, true
	}
	return PaymentUnknown, false
}

// OnlinePayment is the online-payment code (DuocThanhToanTrucTuyen). 1 (the
// portal's payment platform) and 2 (a ministry or province gateway) are known;
// 0 and 3 are sent by one client with unknown meaning: they keep their raw value,
// have a canonical code, and report Known() == false (the unknown-code check).
//
// The zero value is absent. String returns the raw text (lossless re-encoding);
// Code gives the canonical value, Label/LabelEN the labels and Known whether the
// value is in the list. Compare with Code or Is: "09" and "9" are the same value.
type OnlinePayment struct {
	raw   string
	code  OnlinePaymentCode
	set   bool
	known bool
}

// ParseOnlinePayment parses raw text (number, alias or label; case and diacritics are
// ignored for words). It never fails: unrecognised text gives Code() == PaymentUnknown
// and Known() == false, and "" gives the absent value. Cost: no allocation for
// numeric input; one small allocation for words.
func ParseOnlinePayment(raw string) OnlinePayment {
	if raw == "" {
		return OnlinePayment{}
	}
	k, ok := parseOnlinePaymentCode(raw)
	return OnlinePayment{raw: raw, code: k, set: true, known: ok && k != PaymentCode0 && k != PaymentCode3 && k != PaymentUnknown}
}

// NewOnlinePayment returns the value for canonical code k with its canonical raw text
// (the decimal number). NewOnlinePayment(PaymentUnknown) is the absent value.
func NewOnlinePayment(k OnlinePaymentCode) OnlinePayment {
	if k == PaymentUnknown {
		return OnlinePayment{}
	}
	return ParseOnlinePayment(strconv.Itoa(int(k)))
}

// Code returns the canonical value (PaymentUnknown when absent or unrecognised).
func (v OnlinePayment) Code() OnlinePaymentCode {
	if !v.set {
		return PaymentUnknown
	}
	return v.code
}

// Is reports whether the canonical value is k.
func (v OnlinePayment) Is(k OnlinePaymentCode) bool { return v.Code() == k }

// String returns the raw text as read ("" when absent).
func (v OnlinePayment) String() string { return v.raw }

// IsSet reports whether a value was present (absent and "" are not set).
func (v OnlinePayment) IsSet() bool { return v.set }

// Known reports whether the value is present and in the code list.
func (v OnlinePayment) Known() bool { return v.known }

// Label returns the Vietnamese label of the canonical value ("" if unknown).
func (v OnlinePayment) Label() string { return v.Code().Label() }

// LabelEN returns the English label of the canonical value.
func (v OnlinePayment) LabelEN() string { return v.Code().LabelEN() }

// OnlineLevelCode is the canonical value of a OnlineLevel. Its numeric value equals the portal code
// where the portal uses numbers.
type OnlineLevelCode int8

// OnlineLevelCode values.
const (
	// OnlineUnknown is an absent or unrecognised value.
	OnlineUnknown OnlineLevelCode = -1
	// OnlineNone: Không cung cấp trực tuyến (none).
	OnlineNone OnlineLevelCode = 0
	// OnlineInfoOnly: Chỉ cung cấp thông tin (information only).
	OnlineInfoOnly OnlineLevelCode = 2
	// OnlinePartial: Một phần (partial).
	OnlinePartial OnlineLevelCode = 3
	// OnlineFull: Toàn trình (full).
	OnlineFull OnlineLevelCode = 4
)

// Label returns the Vietnamese label of k, or "" for OnlineUnknown. It does not allocate.
func (k OnlineLevelCode) Label() string {
	switch k {
	case OnlineNone:
		return "Không cung cấp trực tuyến"
	case OnlineInfoOnly:
		return "Chỉ cung cấp thông tin"
	case OnlinePartial:
		return "Một phần"
	case OnlineFull:
		return "Toàn trình"
	}
	return ""
}

// LabelEN returns the English label of k, or "unknown" for OnlineUnknown. It does not allocate.
func (k OnlineLevelCode) LabelEN() string {
	switch k {
	case OnlineNone:
		return "none"
	case OnlineInfoOnly:
		return "information only"
	case OnlinePartial:
		return "partial"
	case OnlineFull:
		return "full"
	}
	return "unknown"
}

// String returns the English label (LabelEN); it exists for %v in messages.
func (k OnlineLevelCode) String() string { return k.LabelEN() }

// parseOnlineLevelCode maps raw text to a canonical value; ok reports whether the text was
// recognised (including aliases that map to OnlineUnknown).
func parseOnlineLevelCode(raw string) (k OnlineLevelCode, ok bool) {
	if n, isNum := parseSmallInt(raw); isNum {
		switch n {
		case 0:
			return OnlineNone, true
		case 2, 1:
			return OnlineInfoOnly, true
		case 3:
			return OnlinePartial, true
		case 4:
			return OnlineFull, true
		}
		return OnlineUnknown, false
	}
	switch fold(raw) {
	case "khong cung cap truc tuyen", "none", "khong":
		return OnlineNone, true
	case "chi cung cap thong tin", "information only", "info", "thong tin", "information":
		return OnlineInfoOnly, true
	case "mot phan", "partial", "muc do 3":
		return OnlinePartial, true
	case "toan trinh", "full", "muc do 4":
		return OnlineFull, true
	}
	return OnlineUnknown, false
}

// OnlineLevel is the online-service level of an offering (Decree 42/2022: một
// phần, toàn trình; local MucDo 2 = information only, 3 = partial, 4 = full).
// The legacy mapping "4 → toàn trình, 3 → một phần" is customary but
// unverified; raw "1" is read as information only.
//
// The zero value is absent. String returns the raw text (lossless re-encoding);
// Code gives the canonical value, Label/LabelEN the labels and Known whether the
// value is in the list. Compare with Code or Is: "09" and "9" are the same value.
type OnlineLevel struct {
	raw   string
	code  OnlineLevelCode
	set   bool
	known bool
}

// ParseOnlineLevel parses raw text (number, alias or label; case and diacritics are
// ignored for words). It never fails: unrecognised text gives Code() == OnlineUnknown
// and Known() == false, and "" gives the absent value. Cost: no allocation for
// numeric input; one small allocation for words.
func ParseOnlineLevel(raw string) OnlineLevel {
	if raw == "" {
		return OnlineLevel{}
	}
	k, ok := parseOnlineLevelCode(raw)
	return OnlineLevel{raw: raw, code: k, set: true, known: ok && k != OnlineUnknown}
}

// NewOnlineLevel returns the value for canonical code k with its canonical raw text
// (the decimal number). NewOnlineLevel(OnlineUnknown) is the absent value.
func NewOnlineLevel(k OnlineLevelCode) OnlineLevel {
	if k == OnlineUnknown {
		return OnlineLevel{}
	}
	return ParseOnlineLevel(strconv.Itoa(int(k)))
}

// Code returns the canonical value (OnlineUnknown when absent or unrecognised).
func (v OnlineLevel) Code() OnlineLevelCode {
	if !v.set {
		return OnlineUnknown
	}
	return v.code
}

// Is reports whether the canonical value is k.
func (v OnlineLevel) Is(k OnlineLevelCode) bool { return v.Code() == k }

// String returns the raw text as read ("" when absent).
func (v OnlineLevel) String() string { return v.raw }

// IsSet reports whether a value was present (absent and "" are not set).
func (v OnlineLevel) IsSet() bool { return v.set }

// Known reports whether the value is present and in the code list.
func (v OnlineLevel) Known() bool { return v.known }

// Label returns the Vietnamese label of the canonical value ("" if unknown).
func (v OnlineLevel) Label() string { return v.Code().Label() }

// LabelEN returns the English label of the canonical value.
func (v OnlineLevel) LabelEN() string { return v.Code().LabelEN() }

// DurationUnitCode is the canonical value of a DurationUnit. Its numeric value equals the portal code
// where the portal uses numbers.
type DurationUnitCode int8

// DurationUnitCode values.
const (
	// DurationUnknown is an absent or unrecognised value.
	DurationUnknown DurationUnitCode = 0
	// DurationHours: Giờ (hours).
	DurationHours DurationUnitCode = 1
	// DurationDays: Ngày (days).
	DurationDays DurationUnitCode = 2
	// DurationWorkingDays: Ngày làm việc (working days).
	DurationWorkingDays DurationUnitCode = 3
	// DurationMonths: Tháng (months).
	DurationMonths DurationUnitCode = 4
)

// Label returns the Vietnamese label of k, or "" for DurationUnknown. It does not allocate.
func (k DurationUnitCode) Label() string {
	switch k {
	case DurationHours:
		return "Giờ"
	case DurationDays:
		return "Ngày"
	case DurationWorkingDays:
		return "Ngày làm việc"
	case DurationMonths:
		return "Tháng"
	}
	return ""
}

// LabelEN returns the English label of k, or "unknown" for DurationUnknown. It does not allocate.
func (k DurationUnitCode) LabelEN() string {
	switch k {
	case DurationHours:
		return "hours"
	case DurationDays:
		return "days"
	case DurationWorkingDays:
		return "working days"
	case DurationMonths:
		return "months"
	}
	return "unknown"
}

// String returns the English label (LabelEN); it exists for %v in messages.
func (k DurationUnitCode) String() string { return k.LabelEN() }

// parseDurationUnitCode maps raw text to a canonical value; ok reports whether the text was
// recognised (including aliases that map to DurationUnknown).
func parseDurationUnitCode(raw string) (k DurationUnitCode, ok bool) {
	switch fold(raw) {
	case "gio", "hours", "h", "hour", "gio lam viec", "working hours":
		return DurationHours, true
	case "ngay", "days", "day", "calendar days":
		return DurationDays, true
	case "ngay lam viec", "working days", "working day":
		return DurationWorkingDays, true
	case "thang", "months", "month":
		return DurationMonths, true
	}
	return DurationUnknown, false
}

// DurationUnit is the unit of a procedure's processing time (DONVITINH):
// "Giờ" (hours), "Ngày" (calendar days), "Ngày làm việc" (working days) or
// "Tháng" (months). Matching ignores case and Vietnamese diacritics. Numeric
// raw values are not defined by the spec and read as unknown.
//
// The zero value is absent. String returns the raw text (lossless re-encoding);
// Code gives the canonical value, Label/LabelEN the labels and Known whether the
// value is in the list. Compare with Code or Is: "09" and "9" are the same value.
type DurationUnit struct {
	raw   string
	code  DurationUnitCode
	set   bool
	known bool
}

// ParseDurationUnit parses raw text (number, alias or label; case and diacritics are
// ignored for words). It never fails: unrecognised text gives Code() == DurationUnknown
// and Known() == false, and "" gives the absent value. Cost: no allocation for
// numeric input; one small allocation for words.
func ParseDurationUnit(raw string) DurationUnit {
	if raw == "" {
		return DurationUnit{}
	}
	k, ok := parseDurationUnitCode(raw)
	return DurationUnit{raw: raw, code: k, set: true, known: ok && k != DurationUnknown}
}

// NewDurationUnit returns the value for canonical code k with its canonical raw text
// (the Vietnamese label). NewDurationUnit(DurationUnknown) is the absent value.
func NewDurationUnit(k DurationUnitCode) DurationUnit {
	if k == DurationUnknown {
		return DurationUnit{}
	}
	return ParseDurationUnit(k.Label())
}

// Code returns the canonical value (DurationUnknown when absent or unrecognised).
func (v DurationUnit) Code() DurationUnitCode {
	if !v.set {
		return DurationUnknown
	}
	return v.code
}

// Is reports whether the canonical value is k.
func (v DurationUnit) Is(k DurationUnitCode) bool { return v.Code() == k }

// String returns the raw text as read ("" when absent).
func (v DurationUnit) String() string { return v.raw }

// IsSet reports whether a value was present (absent and "" are not set).
func (v DurationUnit) IsSet() bool { return v.set }

// Known reports whether the value is present and in the code list.
func (v DurationUnit) Known() bool { return v.known }

// Label returns the Vietnamese label of the canonical value ("" if unknown).
func (v DurationUnit) Label() string { return v.Code().Label() }

// LabelEN returns the English label of the canonical value.
func (v DurationUnit) LabelEN() string { return v.Code().LabelEN() }

// UnitKindCode is the canonical value of a UnitKind. Its numeric value equals the portal code
// where the portal uses numbers.
type UnitKindCode int8

// UnitKindCode values.
const (
	// UnitKindUnknown is an absent or unrecognised value.
	UnitKindUnknown UnitKindCode = 0
	// UnitProvince: Tỉnh, thành phố (province).
	UnitProvince UnitKindCode = 1
	// UnitMinistry: Bộ, ngành (ministry).
	UnitMinistry UnitKindCode = 2
	// UnitDepartment: Sở, ban, ngành (provincial department).
	UnitDepartment UnitKindCode = 3
	// UnitDistrict: Huyện (district).
	UnitDistrict UnitKindCode = 4
	// UnitCommune: Xã, phường, đặc khu (commune).
	UnitCommune UnitKindCode = 5
	// UnitBranch: Cơ quan ngành dọc (vertical branch).
	UnitBranch UnitKindCode = 6
)

// Label returns the Vietnamese label of k, or "" for UnitKindUnknown. It does not allocate.
func (k UnitKindCode) Label() string {
	switch k {
	case UnitProvince:
		return "Tỉnh, thành phố"
	case UnitMinistry:
		return "Bộ, ngành"
	case UnitDepartment:
		return "Sở, ban, ngành"
	case UnitDistrict:
		return "Huyện"
	case UnitCommune:
		return "Xã, phường, đặc khu"
	case UnitBranch:
		return "Cơ quan ngành dọc"
	}
	return ""
}

// LabelEN returns the English label of k, or "unknown" for UnitKindUnknown. It does not allocate.
func (k UnitKindCode) LabelEN() string {
	switch k {
	case UnitProvince:
		return "province"
	case UnitMinistry:
		return "ministry"
	case UnitDepartment:
		return "provincial department"
	case UnitDistrict:
		return "district"
	case UnitCommune:
		return "commune"
	case UnitBranch:
		return "vertical branch"
	}
	return "unknown"
}

// String returns the English label (LabelEN); it exists for %v in messages.
func (k UnitKindCode) String() string { return k.LabelEN() }

// parseUnitKindCode maps raw text to a canonical value; ok reports whether the text was
// recognised (including aliases that map to UnitKindUnknown).
func parseUnitKindCode(raw string) (k UnitKindCode, ok bool) {
	switch fold(raw) {
	case "tinh, thanh pho", "province", "tinh", "level 1":
		return UnitProvince, true
	case "bo, nganh", "ministry", "bo", "bo nganh":
		return UnitMinistry, true
	case "so, ban, nganh", "provincial department", "department", "so":
		return UnitDepartment, true
	case "huyen", "district", "district people committee":
		return UnitDistrict, true
	case "xa, phuong, dac khu", "commune", "commune people committee", "xa":
		return UnitCommune, true
	case "co quan nganh doc", "vertical branch", "branch", "nganh doc":
		return UnitBranch, true
	}
	return UnitKindUnknown, false
}

// UnitKind is the kind of an administrative unit. Portal evaluation-API labels
// (departmentType / level: PROVINCE, PROVINCIAL_DEPARTMENT,
// COMMUNE_PEOPLE_COMMITTEE, COMMUNE) are accepted; ministry labels are unverified.
//
// The zero value is absent. String returns the raw text (lossless re-encoding);
// Code gives the canonical value, Label/LabelEN the labels and Known whether the
// value is in the list. Compare with Code or Is: "09" and "9" are the same value.
type UnitKind struct {
	raw   string
	code  UnitKindCode
	set   bool
	known bool
}

// ParseUnitKind parses raw text (number, alias or label; case and diacritics are
// ignored for words). It never fails: unrecognised text gives Code() == UnitKindUnknown
// and Known() == false, and "" gives the absent value. Cost: no allocation for
// numeric input; one small allocation for words.
func ParseUnitKind(raw string) UnitKind {
	if raw == "" {
		return UnitKind{}
	}
	k, ok := parseUnitKindCode(raw)
	return UnitKind{raw: raw, code: k, set: true, known: ok && k != UnitKindUnknown}
}

// NewUnitKind returns the value for canonical code k with its canonical raw text
// (the Vietnamese label). NewUnitKind(UnitKindUnknown) is the absent value.
func NewUnitKind(k UnitKindCode) UnitKind {
	if k == UnitKindUnknown {
		return UnitKind{}
	}
	return ParseUnitKind(k.Label())
}

// Code returns the canonical value (UnitKindUnknown when absent or unrecognised).
func (v UnitKind) Code() UnitKindCode {
	if !v.set {
		return UnitKindUnknown
	}
	return v.code
}

// Is reports whether the canonical value is k.
func (v UnitKind) Is(k UnitKindCode) bool { return v.Code() == k }

// String returns the raw text as read ("" when absent).
func (v UnitKind) String() string { return v.raw }

// IsSet reports whether a value was present (absent and "" are not set).
func (v UnitKind) IsSet() bool { return v.set }

// Known reports whether the value is present and in the code list.
func (v UnitKind) Known() bool { return v.known }

// Label returns the Vietnamese label of the canonical value ("" if unknown).
func (v UnitKind) Label() string { return v.Code().Label() }

// LabelEN returns the English label of the canonical value.
func (v UnitKind) LabelEN() string { return v.Code().LabelEN() }

// PetitionCategoryCode is the canonical value of a PetitionCategory. Its numeric value equals the portal code
// where the portal uses numbers.
type PetitionCategoryCode int8

// PetitionCategoryCode values.
const (
	// PetitionCategoryUnknown is an absent or unrecognised value.
	PetitionCategoryUnknown PetitionCategoryCode = -1
	// PetitionUnclassified: Chưa phân loại (unclassified).
	PetitionUnclassified PetitionCategoryCode = 0
	// PetitionProcedure: Quy định, chính sách, thủ tục (policy or procedure).
	PetitionProcedure PetitionCategoryCode = 1
	// PetitionStaff: Hành vi của cán bộ, công chức, viên chức (staff behaviour).
	PetitionStaff PetitionCategoryCode = 2
)

// Label returns the Vietnamese label of k, or "" for PetitionCategoryUnknown. It does not allocate.
func (k PetitionCategoryCode) Label() string {
	switch k {
	case PetitionUnclassified:
		return "Chưa phân loại"
	case PetitionProcedure:
		return "Quy định, chính sách, thủ tục"
	case PetitionStaff:
		return "Hành vi của cán bộ, công chức, viên chức"
	}
	return ""
}

// LabelEN returns the English label of k, or "unknown" for PetitionCategoryUnknown. It does not allocate.
func (k PetitionCategoryCode) LabelEN() string {
	switch k {
	case PetitionUnclassified:
		return "unclassified"
	case PetitionProcedure:
		return "policy or procedure"
	case PetitionStaff:
		return "staff behaviour"
	}
	return "unknown"
}

// String returns the English label (LabelEN); it exists for %v in messages.
func (k PetitionCategoryCode) String() string { return k.LabelEN() }

// parsePetitionCategoryCode maps raw text to a canonical value; ok reports whether the text was
// recognised (including aliases that map to PetitionCategoryUnknown).
func parsePetitionCategoryCode(raw string) (k PetitionCategoryCode, ok bool) {
	if n, isNum := parseSmallInt(raw); isNum {
		switch n {
		case 0:
			return PetitionUnclassified, true
		case 1:
			return PetitionProcedure, true
		case 2:
			return PetitionStaff, true
		}
		return PetitionCategoryUnknown, false
	}
	switch fold(raw) {
	case "chua phan loai", "unclassified", "petition classification other", "khac":
		return PetitionUnclassified, true
	case "quy dinh, chinh sach, thu tuc", "policy or procedure", "petition classification tthc", "tthc":
		return PetitionProcedure, true
	case "hanh vi cua can bo, cong chuc, vien chuc", "staff behaviour", "petition classification staff", "staff", "staff behavior":
		return PetitionStaff, true
	}
	return PetitionCategoryUnknown, false
}

// PetitionCategory is the category of a petition (PAKN). Portal codes
// PETITION_CLASSIFICATION_TTHC and PETITION_CLASSIFICATION_STAFF are accepted.
// An absent category is PetitionCategoryUnknown; calculators report it with the
// unclassified ones.
//
// The zero value is absent. String returns the raw text (lossless re-encoding);
// Code gives the canonical value, Label/LabelEN the labels and Known whether the
// value is in the list. Compare with Code or Is: "09" and "9" are the same value.
type PetitionCategory struct {
	raw   string
	code  PetitionCategoryCode
	set   bool
	known bool
}

// ParsePetitionCategory parses raw text (number, alias or label; case and diacritics are
// ignored for words). It never fails: unrecognised text gives Code() == PetitionCategoryUnknown
// and Known() == false, and "" gives the absent value. Cost: no allocation for
// numeric input; one small allocation for words.
func ParsePetitionCategory(raw string) PetitionCategory {
	if raw == "" {
		return PetitionCategory{}
	}
	k, ok := parsePetitionCategoryCode(raw)
	return PetitionCategory{raw: raw, code: k, set: true, known: ok && k != PetitionCategoryUnknown}
}

// NewPetitionCategory returns the value for canonical code k with its canonical raw text
// (the decimal number). NewPetitionCategory(PetitionCategoryUnknown) is the absent value.
func NewPetitionCategory(k PetitionCategoryCode) PetitionCategory {
	if k == PetitionCategoryUnknown {
		return PetitionCategory{}
	}
	return ParsePetitionCategory(strconv.Itoa(int(k)))
}

// Code returns the canonical value (PetitionCategoryUnknown when absent or unrecognised).
func (v PetitionCategory) Code() PetitionCategoryCode {
	if !v.set {
		return PetitionCategoryUnknown
	}
	return v.code
}

// Is reports whether the canonical value is k.
func (v PetitionCategory) Is(k PetitionCategoryCode) bool { return v.Code() == k }

// String returns the raw text as read ("" when absent).
func (v PetitionCategory) String() string { return v.raw }

// IsSet reports whether a value was present (absent and "" are not set).
func (v PetitionCategory) IsSet() bool { return v.set }

// Known reports whether the value is present and in the code list.
func (v PetitionCategory) Known() bool { return v.known }

// Label returns the Vietnamese label of the canonical value ("" if unknown).
func (v PetitionCategory) Label() string { return v.Code().Label() }

// LabelEN returns the English label of the canonical value.
func (v PetitionCategory) LabelEN() string { return v.Code().LabelEN() }

// PublishedStateCode is the canonical value of a PublishedState. Its numeric value equals the portal code
// where the portal uses numbers.
type PublishedStateCode int8

// PublishedStateCode values.
const (
	// PublishedUnknown is an absent or unrecognised value.
	PublishedUnknown PublishedStateCode = 0
	// StatePublished: Đang công khai (published).
	StatePublished PublishedStateCode = 1
	// StatePendingUnpublish: Chờ dừng công khai (awaiting unpublication).
	StatePendingUnpublish PublishedStateCode = 2
	// StateTesting: Đang kiểm thử (in testing).
	StateTesting PublishedStateCode = 3
	// StateUnpublished: Dừng công khai (unpublished).
	StateUnpublished PublishedStateCode = 4
	// StateDraft: Chưa công khai (not yet published).
	StateDraft PublishedStateCode = 5
)

// Label returns the Vietnamese label of k, or "" for PublishedUnknown. It does not allocate.
func (k PublishedStateCode) Label() string {
	switch k {
	case StatePublished:
		return "Đang công khai"
	case StatePendingUnpublish:
		return "Chờ dừng công khai"
	case StateTesting:
		return "Đang kiểm thử"
	case StateUnpublished:
		return "Dừng công khai"
	case StateDraft:
		return "Chưa công khai"
	}
	return ""
}

// LabelEN returns the English label of k, or "unknown" for PublishedUnknown. It does not allocate.
func (k PublishedStateCode) LabelEN() string {
	switch k {
	case StatePublished:
		return "published"
	case StatePendingUnpublish:
		return "awaiting unpublication"
	case StateTesting:
		return "in testing"
	case StateUnpublished:
		return "unpublished"
	case StateDraft:
		return "not yet published"
	}
	return "unknown"
}

// String returns the English label (LabelEN); it exists for %v in messages.
func (k PublishedStateCode) String() string { return k.LabelEN() }

// parsePublishedStateCode maps raw text to a canonical value; ok reports whether the text was
// recognised (including aliases that map to PublishedUnknown).
func parsePublishedStateCode(raw string) (k PublishedStateCode, ok bool) {
	switch fold(raw) {
	case "dang cong khai", "published", "cong khai":
		return StatePublished, true
	case "cho dung cong khai", "awaiting unpublication", "pending unpublish":
		return StatePendingUnpublish, true
	case "dang kiem thu", "in testing", "testing", "kiem thu":
		return StateTesting, true
	case "dung cong khai", "unpublished", "da dung cong khai":
		return StateUnpublished, true
	case "chua cong khai", "not yet published", "draft":
		return StateDraft, true
	}
	return PublishedUnknown, false
}

// PublishedState is the publication state of an online service offering.
// Indicator 3.2 counts Published, PendingUnpublish and Testing (Active).
//
// The zero value is absent. String returns the raw text (lossless re-encoding);
// Code gives the canonical value, Label/LabelEN the labels and Known whether the
// value is in the list. Compare with Code or Is: "09" and "9" are the same value.
type PublishedState struct {
	raw   string
	code  PublishedStateCode
	set   bool
	known bool
}

// ParsePublishedState parses raw text (number, alias or label; case and diacritics are
// ignored for words). It never fails: unrecognised text gives Code() == PublishedUnknown
// and Known() == false, and "" gives the absent value. Cost: no allocation for
// numeric input; one small allocation for words.
func ParsePublishedState(raw string) PublishedState {
	if raw == "" {
		return PublishedState{}
	}
	k, ok := parsePublishedStateCode(raw)
	return PublishedState{raw: raw, code: k, set: true, known: ok && k != PublishedUnknown}
}

// NewPublishedState returns the value for canonical code k with its canonical raw text
// (the Vietnamese label). NewPublishedState(PublishedUnknown) is the absent value.
func NewPublishedState(k PublishedStateCode) PublishedState {
	if k == PublishedUnknown {
		return PublishedState{}
	}
	return ParsePublishedState(k.Label())
}

// Code returns the canonical value (PublishedUnknown when absent or unrecognised).
func (v PublishedState) Code() PublishedStateCode {
	if !v.set {
		return PublishedUnknown
	}
	return v.code
}

// Is reports whether the canonical value is k.
func (v PublishedState) Is(k PublishedStateCode) bool { return v.Code() == k }

// String returns the raw text as read ("" when absent).
func (v PublishedState) String() string { return v.raw }

// IsSet reports whether a value was present (absent and "" are not set).
func (v PublishedState) IsSet() bool { return v.set }

// Known reports whether the value is present and in the code list.
func (v PublishedState) Known() bool { return v.known }

// Label returns the Vietnamese label of the canonical value ("" if unknown).
func (v PublishedState) Label() string { return v.Code().Label() }

// LabelEN returns the English label of the canonical value.
func (v PublishedState) LabelEN() string { return v.Code().LabelEN() }

// SupplementKindCode is the canonical value of a SupplementKind. Its numeric value equals the portal code
// where the portal uses numbers.
type SupplementKindCode int8

// SupplementKindCode values.
const (
	// SupplementUnknown is an absent or unrecognised value.
	SupplementUnknown SupplementKindCode = 0
	// SupplementDocuments: Yêu cầu bổ sung giấy tờ (supplement documents).
	SupplementDocuments SupplementKindCode = 1
	// SupplementFinancial: Yêu cầu thực hiện nghĩa vụ tài chính (financial obligation).
	SupplementFinancial SupplementKindCode = 2
	// SupplementStop: Dừng xử lý (stop).
	SupplementStop SupplementKindCode = 3
)

// Label returns the Vietnamese label of k, or "" for SupplementUnknown. It does not allocate.
func (k SupplementKindCode) Label() string {
	switch k {
	case SupplementDocuments:
		return "Yêu cầu bổ sung giấy tờ"
	case SupplementFinancial:
		return "Yêu cầu thực hiện nghĩa vụ tài chính"
	case SupplementStop:
		return "Dừng xử lý"
	}
	return ""
}

// LabelEN returns the English label of k, or "unknown" for SupplementUnknown. It does not allocate.
func (k SupplementKindCode) LabelEN() string {
	switch k {
	case SupplementDocuments:
		return "supplement documents"
	case SupplementFinancial:
		return "financial obligation"
	case SupplementStop:
		return "stop"
	}
	return "unknown"
}

// String returns the English label (LabelEN); it exists for %v in messages.
func (k SupplementKindCode) String() string { return k.LabelEN() }

// parseSupplementKindCode maps raw text to a canonical value; ok reports whether the text was
// recognised (including aliases that map to SupplementUnknown).
func parseSupplementKindCode(raw string) (k SupplementKindCode, ok bool) {
	if n, isNum := parseSmallInt(raw); isNum {
		switch n {
		case 1:
			return SupplementDocuments, true
		case 2:
			return SupplementFinancial, true
		case 3:
			return SupplementStop, true
		}
		return SupplementUnknown, false
	}
	switch fold(raw) {
	case "yeu cau bo sung giay to", "supplement documents", "supplement", "bo sung":
		return SupplementDocuments, true
	case "yeu cau thuc hien nghia vu tai chinh", "financial obligation", "financial", "nghia vu tai chinh":
		return SupplementFinancial, true
	case "dung xu ly", "stop", "dung":
		return SupplementStop, true
	}
	return SupplementUnknown, false
}

// SupplementKind says what paused a dossier: a request for more documents, a
// financial obligation, or a stop (DATA-MODEL.md §7).
//
// The zero value is absent. String returns the raw text (lossless re-encoding);
// Code gives the canonical value, Label/LabelEN the labels and Known whether the
// value is in the list. Compare with Code or Is: "09" and "9" are the same value.
type SupplementKind struct {
	raw   string
	code  SupplementKindCode
	set   bool
	known bool
}

// ParseSupplementKind parses raw text (number, alias or label; case and diacritics are
// ignored for words). It never fails: unrecognised text gives Code() == SupplementUnknown
// and Known() == false, and "" gives the absent value. Cost: no allocation for
// numeric input; one small allocation for words.
func ParseSupplementKind(raw string) SupplementKind {
	if raw == "" {
		return SupplementKind{}
	}
	k, ok := parseSupplementKindCode(raw)
	return SupplementKind{raw: raw, code: k, set: true, known: ok && k != SupplementUnknown}
}

// NewSupplementKind returns the value for canonical code k with its canonical raw text
// (the decimal number). NewSupplementKind(SupplementUnknown) is the absent value.
func NewSupplementKind(k SupplementKindCode) SupplementKind {
	if k == SupplementUnknown {
		return SupplementKind{}
	}
	return ParseSupplementKind(strconv.Itoa(int(k)))
}

// Code returns the canonical value (SupplementUnknown when absent or unrecognised).
func (v SupplementKind) Code() SupplementKindCode {
	if !v.set {
		return SupplementUnknown
	}
	return v.code
}

// Is reports whether the canonical value is k.
func (v SupplementKind) Is(k SupplementKindCode) bool { return v.Code() == k }

// String returns the raw text as read ("" when absent).
func (v SupplementKind) String() string { return v.raw }

// IsSet reports whether a value was present (absent and "" are not set).
func (v SupplementKind) IsSet() bool { return v.set }

// Known reports whether the value is present and in the code list.
func (v SupplementKind) Known() bool { return v.known }

// Label returns the Vietnamese label of the canonical value ("" if unknown).
func (v SupplementKind) Label() string { return v.Code().Label() }

// LabelEN returns the English label of the canonical value.
func (v SupplementKind) LabelEN() string { return v.Code().LabelEN() }

// PublicationKindCode is the canonical value of a PublicationKind. Its numeric value equals the portal code
// where the portal uses numbers.
type PublicationKindCode int8

// PublicationKindCode values.
const (
	// PublicationUnknown is an absent or unrecognised value.
	PublicationUnknown PublicationKindCode = 0
	// PublicationNew: Thêm mới (new).
	PublicationNew PublicationKindCode = 1
	// PublicationAmended: Sửa đổi, bổ sung (amended).
	PublicationAmended PublicationKindCode = 2
	// PublicationAbolished: Bãi bỏ (abolished).
	PublicationAbolished PublicationKindCode = 3
)

// Label returns the Vietnamese label of k, or "" for PublicationUnknown. It does not allocate.
func (k PublicationKindCode) Label() string {
	switch k {
	case PublicationNew:
		return "Thêm mới"
	case PublicationAmended:
		return "Sửa đổi, bổ sung"
	case PublicationAbolished:
		return "Bãi bỏ"
	}
	return ""
}

// LabelEN returns the English label of k, or "unknown" for PublicationUnknown. It does not allocate.
func (k PublicationKindCode) LabelEN() string {
	switch k {
	case PublicationNew:
		return "new"
	case PublicationAmended:
		return "amended"
	case PublicationAbolished:
		return "abolished"
	}
	return "unknown"
}

// String returns the English label (LabelEN); it exists for %v in messages.
func (k PublicationKindCode) String() string { return k.LabelEN() }

// parsePublicationKindCode maps raw text to a canonical value; ok reports whether the text was
// recognised (including aliases that map to PublicationUnknown).
func parsePublicationKindCode(raw string) (k PublicationKindCode, ok bool) {
	if n, isNum := parseSmallInt(raw); isNum {
		switch n {
		case 1:
			return PublicationNew, true
		case 2:
			return PublicationAmended, true
		case 3:
			return PublicationAbolished, true
		}
		return PublicationUnknown, false
	}
	switch fold(raw) {
	case "them moi", "new", "ban hanh moi":
		return PublicationNew, true
	case "sua doi, bo sung", "amended", "sua doi", "sua doi bo sung", "thay the":
		return PublicationAmended, true
	case "bai bo", "abolished":
		return PublicationAbolished, true
	}
	return PublicationUnknown, false
}

// PublicationKind is the type of a procedure announcement decision (QĐCB).
//
// The zero value is absent. String returns the raw text (lossless re-encoding);
// Code gives the canonical value, Label/LabelEN the labels and Known whether the
// value is in the list. Compare with Code or Is: "09" and "9" are the same value.
type PublicationKind struct {
	raw   string
	code  PublicationKindCode
	set   bool
	known bool
}

// ParsePublicationKind parses raw text (number, alias or label; case and diacritics are
// ignored for words). It never fails: unrecognised text gives Code() == PublicationUnknown
// and Known() == false, and "" gives the absent value. Cost: no allocation for
// numeric input; one small allocation for words.
func ParsePublicationKind(raw string) PublicationKind {
	if raw == "" {
		return PublicationKind{}
	}
	k, ok := parsePublicationKindCode(raw)
	return PublicationKind{raw: raw, code: k, set: true, known: ok && k != PublicationUnknown}
}

// NewPublicationKind returns the value for canonical code k with its canonical raw text
// (the decimal number). NewPublicationKind(PublicationUnknown) is the absent value.
func NewPublicationKind(k PublicationKindCode) PublicationKind {
	if k == PublicationUnknown {
		return PublicationKind{}
	}
	return ParsePublicationKind(strconv.Itoa(int(k)))
}

// Code returns the canonical value (PublicationUnknown when absent or unrecognised).
func (v PublicationKind) Code() PublicationKindCode {
	if !v.set {
		return PublicationUnknown
	}
	return v.code
}

// Is reports whether the canonical value is k.
func (v PublicationKind) Is(k PublicationKindCode) bool { return v.Code() == k }

// String returns the raw text as read ("" when absent).
func (v PublicationKind) String() string { return v.raw }

// IsSet reports whether a value was present (absent and "" are not set).
func (v PublicationKind) IsSet() bool { return v.set }

// Known reports whether the value is present and in the code list.
func (v PublicationKind) Known() bool { return v.known }

// Label returns the Vietnamese label of the canonical value ("" if unknown).
func (v PublicationKind) Label() string { return v.Code().Label() }

// LabelEN returns the English label of the canonical value.
func (v PublicationKind) LabelEN() string { return v.Code().LabelEN() }

// PetitionEventCode is the canonical value of a PetitionEventKind. Its numeric value equals the portal code
// where the portal uses numbers.
type PetitionEventCode int8

// PetitionEventCode values.
const (
	// PetitionEventUnknown is an absent or unrecognised value.
	PetitionEventUnknown PetitionEventCode = 0
	// PetitionEventReceived: Tiếp nhận (received).
	PetitionEventReceived PetitionEventCode = 1
	// PetitionEventForwarded: Chuyển xử lý (forwarded).
	PetitionEventForwarded PetitionEventCode = 2
	// PetitionEventRejected: Từ chối (rejected).
	PetitionEventRejected PetitionEventCode = 3
	// PetitionEventInfoRequested: Yêu cầu bổ sung thông tin (information requested).
	PetitionEventInfoRequested PetitionEventCode = 4
	// PetitionEventProcessing: Bắt đầu xử lý (processing started).
	PetitionEventProcessing PetitionEventCode = 5
	// PetitionEventAwaitingPublication: Chờ công khai (awaiting publication).
	PetitionEventAwaitingPublication PetitionEventCode = 6
	// PetitionEventPublished: Đã công khai (answer published).
	PetitionEventPublished PetitionEventCode = 7
)

// Label returns the Vietnamese label of k, or "" for PetitionEventUnknown. It does not allocate.
func (k PetitionEventCode) Label() string {
	switch k {
	case PetitionEventReceived:
		return "Tiếp nhận"
	case PetitionEventForwarded:
		return "Chuyển xử lý"
	case PetitionEventRejected:
		return "Từ chối"
	case PetitionEventInfoRequested:
		return "Yêu cầu bổ sung thông tin"
	case PetitionEventProcessing:
		return "Bắt đầu xử lý"
	case PetitionEventAwaitingPublication:
		return "Chờ công khai"
	case PetitionEventPublished:
		return "Đã công khai"
	}
	return ""
}

// LabelEN returns the English label of k, or "unknown" for PetitionEventUnknown. It does not allocate.
func (k PetitionEventCode) LabelEN() string {
	switch k {
	case PetitionEventReceived:
		return "received"
	case PetitionEventForwarded:
		return "forwarded"
	case PetitionEventRejected:
		return "rejected"
	case PetitionEventInfoRequested:
		return "information requested"
	case PetitionEventProcessing:
		return "processing started"
	case PetitionEventAwaitingPublication:
		return "awaiting publication"
	case PetitionEventPublished:
		return "answer published"
	}
	return "unknown"
}

// String returns the English label (LabelEN); it exists for %v in messages.
func (k PetitionEventCode) String() string { return k.LabelEN() }

// parsePetitionEventCode maps raw text to a canonical value; ok reports whether the text was
// recognised (including aliases that map to PetitionEventUnknown).
func parsePetitionEventCode(raw string) (k PetitionEventCode, ok bool) {
	if n, isNum := parseSmallInt(raw); isNum {
		switch n {
		case 1:
			return PetitionEventReceived, true
		case 2:
			return PetitionEventForwarded, true
		case 3:
			return PetitionEventRejected, true
		case 4:
			return PetitionEventInfoRequested, true
		case 5:
			return PetitionEventProcessing, true
		case 6:
			return PetitionEventAwaitingPublication, true
		case 7:
			return PetitionEventPublished, true
		}
		return PetitionEventUnknown, false
	}
	switch fold(raw) {
	case "tiep nhan", "received":
		return PetitionEventReceived, true
	case "chuyen xu ly", "forwarded", "chuyen":
		return PetitionEventForwarded, true
	case "tu choi", "rejected":
		return PetitionEventRejected, true
	case "yeu cau bo sung thong tin", "information requested", "info requested":
		return PetitionEventInfoRequested, true
	case "bat dau xu ly", "processing started", "processing", "started", "dang xu ly":
		return PetitionEventProcessing, true
	case "cho cong khai", "awaiting publication":
		return PetitionEventAwaitingPublication, true
	case "da cong khai", "answer published", "published":
		return PetitionEventPublished, true
	}
	return PetitionEventUnknown, false
}

// PetitionEventKind is a step in a petition's timeline (INDICATORS.md §3 group 5).
//
// The zero value is absent. String returns the raw text (lossless re-encoding);
// Code gives the canonical value, Label/LabelEN the labels and Known whether the
// value is in the list. Compare with Code or Is: "09" and "9" are the same value.
type PetitionEventKind struct {
	raw   string
	code  PetitionEventCode
	set   bool
	known bool
}

// ParsePetitionEventKind parses raw text (number, alias or label; case and diacritics are
// ignored for words). It never fails: unrecognised text gives Code() == PetitionEventUnknown
// and Known() == false, and "" gives the absent value. Cost: no allocation for
// numeric input; one small allocation for words.
func ParsePetitionEventKind(raw string) PetitionEventKind {
	if raw == "" {
		return PetitionEventKind{}
	}
	k, ok := parsePetitionEventCode(raw)
	return PetitionEventKind{raw: raw, code: k, set: true, known: ok && k != PetitionEventUnknown}
}

// NewPetitionEventKind returns the value for canonical code k with its canonical raw text
// (the decimal number). NewPetitionEventKind(PetitionEventUnknown) is the absent value.
func NewPetitionEventKind(k PetitionEventCode) PetitionEventKind {
	if k == PetitionEventUnknown {
		return PetitionEventKind{}
	}
	return ParsePetitionEventKind(strconv.Itoa(int(k)))
}

// Code returns the canonical value (PetitionEventUnknown when absent or unrecognised).
func (v PetitionEventKind) Code() PetitionEventCode {
	if !v.set {
		return PetitionEventUnknown
	}
	return v.code
}

// Is reports whether the canonical value is k.
func (v PetitionEventKind) Is(k PetitionEventCode) bool { return v.Code() == k }

// String returns the raw text as read ("" when absent).
func (v PetitionEventKind) String() string { return v.raw }

// IsSet reports whether a value was present (absent and "" are not set).
func (v PetitionEventKind) IsSet() bool { return v.set }

// Known reports whether the value is present and in the code list.
func (v PetitionEventKind) Known() bool { return v.known }

// Label returns the Vietnamese label of the canonical value ("" if unknown).
func (v PetitionEventKind) Label() string { return v.Code().Label() }

// LabelEN returns the English label of the canonical value.
func (v PetitionEventKind) LabelEN() string { return v.Code().LabelEN() }

// RatingLevelCode is the canonical value of a RatingLevel. Its numeric value equals the portal code
// where the portal uses numbers.
type RatingLevelCode int8

// RatingLevelCode values.
const (
	// RatingUnknown is an absent or unrecognised value.
	RatingUnknown RatingLevelCode = 0
	// RatingVerySatisfied: Rất hài lòng (very satisfied).
	RatingVerySatisfied RatingLevelCode = 1
	// RatingSatisfied: Hài lòng (satisfied).
	RatingSatisfied RatingLevelCode = 2
	// RatingNeutral: Bình thường (neutral).
	RatingNeutral RatingLevelCode = 3
	// RatingUnsatisfied: Không hài lòng (unsatisfied).
	RatingUnsatisfied RatingLevelCode = 4
	// RatingVeryUnsatisfied: Rất không hài lòng (very unsatisfied).
	RatingVeryUnsatisfied RatingLevelCode = 5
)

// Label returns the Vietnamese label of k, or "" for RatingUnknown. It does not allocate.
func (k RatingLevelCode) Label() string {
	switch k {
	case RatingVerySatisfied:
		return "Rất hài lòng"
	case RatingSatisfied:
		return "Hài lòng"
	case RatingNeutral:
		return "Bình thường"
	case RatingUnsatisfied:
		return "Không hài lòng"
	case RatingVeryUnsatisfied:
		return "Rất không hài lòng"
	}
	return ""
}

// LabelEN returns the English label of k, or "unknown" for RatingUnknown. It does not allocate.
func (k RatingLevelCode) LabelEN() string {
	switch k {
	case RatingVerySatisfied:
		return "very satisfied"
	case RatingSatisfied:
		return "satisfied"
	case RatingNeutral:
		return "neutral"
	case RatingUnsatisfied:
		return "unsatisfied"
	case RatingVeryUnsatisfied:
		return "very unsatisfied"
	}
	return "unknown"
}

// String returns the English label (LabelEN); it exists for %v in messages.
func (k RatingLevelCode) String() string { return k.LabelEN() }

// parseRatingLevelCode maps raw text to a canonical value; ok reports whether the text was
// recognised (including aliases that map to RatingUnknown).
func parseRatingLevelCode(raw string) (k RatingLevelCode, ok bool) {
	if n, isNum := parseSmallInt(raw); isNum {
		switch n {
		case 1:
			return RatingVerySatisfied, true
		case 2:
			return RatingSatisfied, true
		case 3:
			return RatingNeutral, true
		case 4:
			return RatingUnsatisfied, true
		case 5:
			return RatingVeryUnsatisfied, true
		}
		return RatingUnknown, false
	}
	switch fold(raw) {
	case "rat hai long", "very satisfied":
		return RatingVerySatisfied, true
	case "hai long", "satisfied":
		return RatingSatisfied, true
	case "binh thuong", "neutral":
		return RatingNeutral, true
	case "khong hai long", "unsatisfied", "dissatisfied":
		return RatingUnsatisfied, true
	case "rat khong hai long", "very unsatisfied", "very dissatisfied":
		return RatingVeryUnsatisfied, true
	}
	return RatingUnknown, false
}

// RatingLevel is a dossier satisfaction rating level.
//
// The zero value is absent. String returns the raw text (lossless re-encoding);
// Code gives the canonical value, Label/LabelEN the labels and Known whether the
// value is in the list. Compare with Code or Is: "09" and "9" are the same value.
type RatingLevel struct {
	raw   string
	code  RatingLevelCode
	set   bool
	known bool
}

// ParseRatingLevel parses raw text (number, alias or label; case and diacritics are
// ignored for words). It never fails: unrecognised text gives Code() == RatingUnknown
// and Known() == false, and "" gives the absent value. Cost: no allocation for
// numeric input; one small allocation for words.
func ParseRatingLevel(raw string) RatingLevel {
	if raw == "" {
		return RatingLevel{}
	}
	k, ok := parseRatingLevelCode(raw)
	return RatingLevel{raw: raw, code: k, set: true, known: ok && k != RatingUnknown}
}

// NewRatingLevel returns the value for canonical code k with its canonical raw text
// (the decimal number). NewRatingLevel(RatingUnknown) is the absent value.
func NewRatingLevel(k RatingLevelCode) RatingLevel {
	if k == RatingUnknown {
		return RatingLevel{}
	}
	return ParseRatingLevel(strconv.Itoa(int(k)))
}

// Code returns the canonical value (RatingUnknown when absent or unrecognised).
func (v RatingLevel) Code() RatingLevelCode {
	if !v.set {
		return RatingUnknown
	}
	return v.code
}

// Is reports whether the canonical value is k.
func (v RatingLevel) Is(k RatingLevelCode) bool { return v.Code() == k }

// String returns the raw text as read ("" when absent).
func (v RatingLevel) String() string { return v.raw }

// IsSet reports whether a value was present (absent and "" are not set).
func (v RatingLevel) IsSet() bool { return v.set }

// Known reports whether the value is present and in the code list.
func (v RatingLevel) Known() bool { return v.known }

// Label returns the Vietnamese label of the canonical value ("" if unknown).
func (v RatingLevel) Label() string { return v.Code().Label() }

// LabelEN returns the English label of the canonical value.
func (v RatingLevel) LabelEN() string { return v.Code().LabelEN() }
