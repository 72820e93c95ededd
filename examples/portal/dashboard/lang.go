package dashboard

import (
	"github.com/vn-dvc/chiso766/indicator"
)

// Lang is a page language: "vi" (default) or "en".
type Lang string

// Page languages.
const (
	VI Lang = "vi"
	EN Lang = "en"
)

// parseLang returns the language of a lang parameter ("" or anything else: def).
func parseLang(s string, def Lang) Lang {
	switch s {
	case "vi":
		return VI
	case "en":
		return EN
	}
	return def
}

// T returns the label of key in the language (the key itself when there is none, so a missing label
// shows up on the page instead of an empty cell).
func (l Lang) T(key string) string {
	m, ok := labels[key]
	if !ok {
		return key
	}
	if l == EN {
		return m[1]
	}
	return m[0]
}

// labels holds the pages' fixed texts: key → {vi, en}.
var labels = map[string][2]string{
	"title":         {"Chỉ số phục vụ người dân, doanh nghiệp", "Public service quality index"},
	"subtitle":      {"Quyết định 766/QĐ-TTg — tính từ dữ liệu của tỉnh", "Decision 766/QĐ-TTg — computed from the province's own data"},
	"sample":        {"Dữ liệu mẫu, không phải số liệu thật.", "Sample data, not real figures."},
	"overview":      {"Tổng quan", "Overview"},
	"trend":         {"Xu hướng", "Trend"},
	"period":        {"Kỳ đánh giá", "Period"},
	"show":          {"Xem", "Show"},
	"month":         {"Tháng", "Month"},
	"quarter":       {"Quý", "Quarter"},
	"year":          {"Năm", "Year"},
	"province":      {"Toàn tỉnh", "Province"},
	"total":         {"Tổng điểm", "Total"},
	"rank":          {"Hạng", "Rank"},
	"unit":          {"Đơn vị", "Unit"},
	"band":          {"Xếp loại", "Band"},
	"delta":         {"So với kỳ trước", "Change vs previous period"},
	"deltaShort":    {"± kỳ trước", "± prev."},
	"rankChange":    {"± hạng", "± rank"},
	"noPrevious":    {"Không có dữ liệu kỳ trước", "No data for the previous period"},
	"level":         {"Cấp", "Level"},
	"all":           {"Tất cả", "All"},
	"groups":        {"Sáu nhóm chỉ số", "The six groups"},
	"ranking":       {"Xếp hạng", "Ranking"},
	"units":         {"đơn vị", "units"},
	"tie":           {"đồng hạng", "tied"},
	"sortHint":      {"Bấm tiêu đề cột để sắp xếp.", "Click a column heading to sort."},
	"bands":         {"Thang xếp loại (không chính thức)", "Bands (unofficial)"},
	"metrics":       {"Từng chỉ số", "Every metric"},
	"metric":        {"Chỉ số", "Metric"},
	"name":          {"Tên chỉ số", "Name"},
	"num":           {"Tử số", "Numerator"},
	"den":           {"Mẫu số", "Denominator"},
	"ratio":         {"Tỷ lệ (%)", "Ratio (%)"},
	"score":         {"Điểm", "Score"},
	"max":           {"Tối đa", "Max"},
	"lost":          {"Điểm mất", "Points lost"},
	"nodata":        {"không có dữ liệu", "no data"},
	"unscored":      {"không tính điểm", "not scored"},
	"reasons":       {"Vì sao mất điểm", "Why points were lost"},
	"reason":        {"Lý do", "Reason"},
	"count":         {"Số hồ sơ", "Records"},
	"points":        {"Điểm lấy lại được", "Points regained"},
	"examples":      {"Ví dụ", "Examples"},
	"noReasons":     {"Đơn vị không mất điểm ở chỉ số nào.", "The unit lost no points."},
	"failing":       {"Hồ sơ làm mất điểm", "Records that cost points"},
	"failingAll":    {"Xem danh sách hồ sơ", "List the records"},
	"csv":           {"Tải CSV (Excel)", "Download CSV (Excel)"},
	"whatif":        {"Cần làm gì để đạt mục tiêu", "What it takes to reach a target"},
	"target":        {"Mục tiêu (điểm)", "Target (points)"},
	"modeFix":       {"xử lý lại hồ sơ hiện có", "fix existing records"},
	"modeAdd":       {"thêm hồ sơ đạt mới", "add new compliant records"},
	"records":       {"Số hồ sơ cần", "Records needed"},
	"gain":          {"Điểm tăng", "Gain"},
	"perRecord":     {"Điểm / hồ sơ", "Points per record"},
	"reachable":     {"Đạt mục tiêu?", "Reaches target?"},
	"yes":           {"đạt", "yes"},
	"no":            {"không đủ", "not enough"},
	"already":       {"Đơn vị đã đạt mục tiêu này.", "The unit already reaches this target."},
	"planNote":      {"Mỗi dòng: chỉ cải thiện riêng chỉ số đó, các chỉ số khác giữ nguyên.", "Each row: that metric alone improves, the others stay as they are."},
	"combined":      {"Kết hợp nhiều chỉ số", "Several metrics together"},
	"together":      {"Cộng", "Together"},
	"combinedNote":  {"Chọn lần lượt chỉ số lấy lại nhiều điểm nhất trên mỗi hồ sơ, đến khi đạt mục tiêu.", "Metrics taken in turn by points per record until the target is reached."},
	"cheapest":      {"Cách ít hồ sơ nhất", "Fewest records"},
	"page":          {"Trang", "Page"},
	"prev":          {"‹ Trang trước", "‹ Previous"},
	"next":          {"Trang sau ›", "Next ›"},
	"code":          {"Mã hồ sơ", "Record code"},
	"kind":          {"Loại", "Kind"},
	"facts":         {"Căn cứ", "Facts"},
	"back":          {"‹ Quay lại", "‹ Back"},
	"noFailing":     {"Không có hồ sơ nào làm mất điểm.", "No record cost points."},
	"allMetrics":    {"Mọi chỉ số", "All metrics"},
	"error":         {"Lỗi", "Error"},
	"errorHome":     {"Về trang tổng quan", "Back to the overview"},
	"trendTitle":    {"Tổng điểm theo tháng", "Monthly total"},
	"trendGroups":   {"Điểm từng nhóm theo tháng", "Monthly group scores"},
	"missing":       {"Không có dữ liệu", "No data"},
	"portal":        {"Đối chiếu với kết quả đánh giá của Cổng DVCQG", "Compared with the National Public Service Portal's evaluation"},
	"lostRecords":   {"lượt mất điểm (mỗi hồ sơ tính một lần cho mỗi chỉ số)", "lost records (a record once per metric)"},
	"unitTrend":     {"Xu hướng theo tháng của đơn vị", "The unit's monthly trend"},
	"days":          {"ngày", "days"},
	"dossiers":      {"hồ sơ", "dossiers"},
	"asOf":          {"Số liệu tính đến", "Data as of"},
	"pooled":        {"gộp cả đơn vị trực thuộc", "including sub-units"},
	"rankOf":        {"trên", "of"},
	"reasonsCount":  {"lý do", "reasons"},
	"explainedNote": {"Số hồ sơ theo lý do cộng lại bằng mẫu số trừ tử số.", "Records per reason add up to denominator minus numerator."},
}

// groupName returns a portal group's name in l.
func groupName(g indicator.Group, l Lang) string {
	if l == EN {
		return g.NameEN()
	}
	return g.NameVI()
}

// bandName returns a band's label in l.
func bandName(b indicator.Band, l Lang) string {
	if l == EN {
		return b.NameEN
	}
	return b.NameVI
}

// kindName returns the plural label of a unit kind in l (the raw kind when unknown).
func kindName(k indicator.UnitKind, l Lang) string {
	names := map[indicator.UnitKind][2]string{
		indicator.KindProvince:   {"Tỉnh, thành phố", "Provinces"},
		indicator.KindMinistry:   {"Bộ, ngành", "Ministries"},
		indicator.KindDepartment: {"Sở, ban, ngành", "Provincial departments"},
		indicator.KindCommune:    {"Xã, phường, đặc khu", "Communes and wards"},
		indicator.KindDistrict:   {"Huyện", "Districts"},
	}
	n, ok := names[k]
	switch {
	case !ok && k == "":
		return l.T("units")
	case !ok:
		return string(k)
	case l == EN:
		return n[1]
	}
	return n[0]
}

// bandColour is the colour of a band code (grey for codes outside DefaultBands).
func bandColour(code string) string {
	switch code {
	case "excellent":
		return "#1b7837"
	case "good":
		return "#5aae61"
	case "fair":
		return "#d9a400"
	case "average":
		return "#e66101"
	case "weak":
		return "#b2182b"
	}
	return "#777777"
}
