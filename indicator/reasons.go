package indicator

import "sort"

// reasonLabel is one reason code with its Vietnamese and English labels.
type reasonLabel struct {
	code   Reason
	vi, en string
}

// reasonLabels lists every reason code that package indicator, the calculators (indicator/publication,
// timeliness, online, payment, digitisation, satisfaction) and the scorecard emit, sorted by code, with a
// Vietnamese and an English label. It is read-only: nothing writes to it after initialisation.
// TestReasonLabelsComplete enumerates the Reason constants of those packages from their source and fails
// on a code missing here.
var reasonLabels = [...]reasonLabel{
	{"digitisation.after_as_of", "tiếp nhận sau thời điểm tính", "received after the as-of instant"},
	{"digitisation.certified_copy_not_offered", "xã chưa cung cấp chứng thực bản sao điện tử", "commune does not offer electronic certified copies"},
	{"digitisation.certified_copy_offered", "xã có cung cấp chứng thực bản sao điện tử", "commune offers electronic certified copies"},
	{"digitisation.connected_procedure", "TTHC đã kết nối CSDL dân cư", "procedure connected to the population database"},
	{"digitisation.counted", "được tính (tiếp nhận trong kỳ)", "counted (received in the period)"},
	{"digitisation.counted_without_reception", "được tính theo ngày nộp (không có ngày tiếp nhận)", "counted by submission date (no reception date)"},
	{"digitisation.digitised", "hồ sơ đã số hóa", "dossier digitised"},
	{"digitisation.duplicate", "khai báo trùng", "listed twice"},
	{"digitisation.electronic_result", "có kết quả điện tử", "electronic result issued"},
	{"digitisation.file_from_store", "có giấy tờ lấy từ kho dữ liệu cá nhân", "file taken from the applicant's data store"},
	{"digitisation.nil_record", "bản ghi rỗng", "empty record"},
	{"digitisation.no_date", "không có ngày tiếp nhận hay ngày nộp", "no reception or submission date"},
	{"digitisation.no_electronic_result", "chưa cấp kết quả điện tử", "no electronic result"},
	{"digitisation.no_paper_result", "TTHC không trả kết quả giấy", "procedure issues no paper result"},
	{"digitisation.no_population_data", "không sử dụng dữ liệu dân cư", "population data not used"},
	{"digitisation.no_reception_date", "không có ngày tiếp nhận", "no reception date"},
	{"digitisation.no_result_file", "thiếu tệp kết quả số hóa", "no digitised result file"},
	{"digitisation.no_reused_data", "không khai thác lại dữ liệu số hóa", "digitised data not reused"},
	{"digitisation.no_submitted_file", "thiếu tệp thành phần hồ sơ số hóa", "no digitised submitted file"},
	{"digitisation.no_unit", "không có mã đơn vị", "no unit id"},
	{"digitisation.not_citizen_facing", "TTHC không dành cho công dân", "procedure not for citizens"},
	{"digitisation.not_in_period", "tiếp nhận ngoài kỳ", "received outside the period"},
	{"digitisation.not_linked_to_store", "chưa kết nối kho dữ liệu cá nhân trên Cổng DVCQG", "not linked to the applicant's store on the portal"},
	{"digitisation.offering_not_in_force", "TTHC không còn hiệu lực trong kỳ", "offering not in force in the period"},
	{"digitisation.placeholder_date", "ngày tiếp nhận là ngày giả (không hợp lệ)", "placeholder reception date"},
	{"digitisation.population_db", "có kết nối CSDL dân cư", "linked to the population database"},
	{"digitisation.result_synced", "kết quả điện tử đã đồng bộ vào kho dữ liệu cá nhân", "electronic result synced to the applicant's store"},
	{"digitisation.reused_data", "có khai thác lại dữ liệu số hóa", "digitised data reused"},
	{"digitisation.store_data", "có dữ liệu lấy từ kho dữ liệu cá nhân", "data taken from the applicant's store"},
	{"digitisation.unconnected_procedure", "TTHC chưa kết nối CSDL dân cư", "procedure not connected to the population database"},
	{"digitisation.unknown_procedure", "TTHC không có trong danh mục", "procedure not in the catalogue"},
	{"digitisation.vneid", "tài khoản xác thực VNeID", "VNeID-authenticated account"},
	{"digitisation.withdrawn_before_reception", "rút trước khi tiếp nhận", "withdrawn before reception"},
	{"online.after_as_of", "tiếp nhận sau thời điểm tính", "received after the as-of instant"},
	{"online.nil_record", "bản ghi rỗng", "empty record"},
	{"online.no_reception", "không có ngày tiếp nhận", "no reception date"},
	{"online.no_unit", "không có mã đơn vị", "no unit id"},
	{"online.not_online", "hồ sơ không nộp trực tuyến", "dossier not submitted online"},
	{"online.offering_duplicate", "khai báo cung cấp trùng", "offering listed twice"},
	{"online.offering_inactive_service", "dịch vụ công trực tuyến không hoạt động", "online service inactive"},
	{"online.offering_no_procedure", "khai báo cung cấp thiếu mã TTHC", "offering without a procedure code"},
	{"online.offering_no_unit", "khai báo cung cấp thiếu mã đơn vị", "offering without a unit id"},
	{"online.offering_not_in_force", "khai báo cung cấp không còn hiệu lực trong kỳ", "offering not in force in the period"},
	{"online.offering_not_online", "TTHC chưa cung cấp trực tuyến", "procedure not offered online"},
	{"online.offering_service", "TTHC có cung cấp dịch vụ công trực tuyến", "procedure offered as an online service"},
	{"online.online", "hồ sơ trực tuyến", "online dossier"},
	{"online.online_without_e_result", "hồ sơ trực tuyến nhưng chưa có kết quả điện tử", "online dossier without an electronic result"},
	{"online.outside_period", "tiếp nhận ngoài kỳ", "received outside the period"},
	{"online.placeholder_date", "ngày tiếp nhận là ngày giả (không hợp lệ)", "placeholder reception date"},
	{"online.procedure_duplicate", "TTHC khai báo trùng", "procedure listed twice"},
	{"online.procedure_listed", "TTHC có trong danh mục", "procedure in the catalogue"},
	{"online.procedure_no_code", "TTHC thiếu mã", "procedure without a code"},
	{"online.withdrawn_before_reception", "rút trước khi tiếp nhận", "withdrawn before reception"},
	{"payment.after_as_of", "tiếp nhận sau thời điểm tính", "received after the as-of instant"},
	{"payment.free_procedure", "TTHC không thu phí, lệ phí", "procedure without fees"},
	{"payment.nil_record", "bản ghi rỗng", "empty record"},
	{"payment.no_fee_lines", "hồ sơ không có dòng phí, lệ phí", "dossier without fee lines"},
	{"payment.no_reception", "không có ngày tiếp nhận", "no reception date"},
	{"payment.no_unit", "không có mã đơn vị", "no unit id"},
	{"payment.not_paid_online", "hồ sơ chưa thanh toán trực tuyến", "dossier not paid online"},
	{"payment.offering_duplicate", "khai báo cung cấp trùng", "offering listed twice"},
	{"payment.offering_fee_bearing", "TTHC có thu phí, lệ phí tại đơn vị", "fee-bearing procedure offered by the unit"},
	{"payment.offering_free", "TTHC không thu phí tại đơn vị", "free procedure offered by the unit"},
	{"payment.offering_no_unit", "khai báo cung cấp thiếu mã đơn vị", "offering without a unit id"},
	{"payment.offering_not_in_force", "khai báo cung cấp không còn hiệu lực trong kỳ", "offering not in force in the period"},
	{"payment.offering_unknown_procedure", "khai báo cung cấp TTHC không có trong danh mục", "offering of a procedure not in the catalogue"},
	{"payment.outside_period", "tiếp nhận ngoài kỳ", "received outside the period"},
	{"payment.paid_online", "hồ sơ đã thanh toán trực tuyến", "dossier paid online"},
	{"payment.placeholder_date", "ngày tiếp nhận là ngày giả (không hợp lệ)", "placeholder reception date"},
	{"payment.procedure_duplicate", "TTHC khai báo trùng", "procedure listed twice"},
	{"payment.procedure_fee_bearing", "TTHC có thu phí, lệ phí", "fee-bearing procedure"},
	{"payment.procedure_free", "TTHC không thu phí, lệ phí", "free procedure"},
	{"payment.procedure_no_code", "TTHC thiếu mã", "procedure without a code"},
	{"payment.unknown_procedure", "TTHC không có trong danh mục", "procedure not in the catalogue"},
	{"payment.withdrawn_before_reception", "rút trước khi tiếp nhận", "withdrawn before reception"},
	{"payment.zero_fee_lines", "mọi dòng phí, lệ phí bằng 0", "every fee line is zero"},
	{"publication.abolished", "TTHC đã bị bãi bỏ", "procedure abolished"},
	{"publication.after_as_of", "tiếp nhận sau thời điểm tính", "received after the as-of instant"},
	{"publication.announced_late", "công bố TTHC trễ hạn", "procedure announced late"},
	{"publication.announced_on_time", "công bố TTHC đúng hạn", "procedure announced on time"},
	{"publication.complete", "công khai đầy đủ các bộ phận", "published with all components"},
	{"publication.decision_after_as_of", "quyết định công bố sau thời điểm tính", "announcement decision after the as-of instant"},
	{"publication.incomplete", "công khai thiếu bộ phận tạo thành", "published with missing components"},
	{"publication.nil_record", "bản ghi rỗng", "empty record"},
	{"publication.no_code", "TTHC thiếu mã", "procedure without a code"},
	{"publication.no_decision_date", "quyết định công bố thiếu ngày", "announcement decision without a date"},
	{"publication.no_decision_in_period", "không có quyết định công bố trong kỳ", "no announcement decision in the period"},
	{"publication.no_effective_date", "văn bản quy định thiếu ngày hiệu lực", "legal basis without an effective date"},
	{"publication.no_issuer", "thiếu mã cơ quan công bố", "no issuer code"},
	{"publication.no_publication", "không có quyết định công bố", "no announcement decision"},
	{"publication.no_reception", "không có ngày tiếp nhận", "no reception date"},
	{"publication.no_unit", "không có mã đơn vị", "no unit id"},
	{"publication.not_due", "chưa đến hạn công khai", "publication not yet due"},
	{"publication.not_published", "chưa công khai", "not published"},
	{"publication.not_synced", "hồ sơ chưa đồng bộ lên Cổng DVCQG", "dossier not synced to the portal"},
	{"publication.out_of_calendar", "ngày nằm ngoài lịch làm việc", "date outside the calendar"},
	{"publication.outside_period", "tiếp nhận ngoài kỳ", "received outside the period"},
	{"publication.placeholder_date", "một ngày cần dùng là ngày giả (không hợp lệ)", "a date it needs is a placeholder"},
	{"publication.published_late", "công khai trễ hạn", "published late"},
	{"publication.published_on_time", "công khai đúng hạn", "published on time"},
	{"publication.published_outside_period", "công khai ngoài kỳ", "published outside the period"},
	{"publication.sync_failed", "đồng bộ lên Cổng DVCQG bị lỗi", "sync to the portal failed"},
	{"publication.synced", "hồ sơ đã đồng bộ lên Cổng DVCQG", "dossier synced to the portal"},
	{"publication.unknown_issuer_level", "không xác định cấp cơ quan công bố", "unknown issuer level"},
	{"publication.unpublished", "quá hạn nhưng chưa công khai", "due but not published"},
	{"publication.withdrawn_before_reception", "rút trước khi tiếp nhận", "withdrawn before reception"},
	{"reception.not_received", "chưa được tiếp nhận (mới đăng ký)", "not yet received (registered only)"},
	{"resend.latest", "bản gửi mới nhất của hồ sơ (được tính)", "latest version of a re-sent dossier (scored)"},
	{"resend.superseded", "bản gửi cũ của hồ sơ gửi lại (bị thay thế, không tính)", "earlier version of a re-sent dossier (superseded, not scored)"},
	{"satisfaction.category_procedure", "PAKN về quy định, TTHC", "petition about regulations or procedures"},
	{"satisfaction.category_staff", "PAKN về hành vi cán bộ", "petition about staff conduct"},
	{"satisfaction.category_unclassified", "PAKN chưa phân loại", "unclassified petition"},
	{"satisfaction.dossier_complaint", "hồ sơ bị phản ánh, kiến nghị", "dossier named in a petition"},
	{"satisfaction.dossier_disliked", "người dân đánh giá không hài lòng", "dossier rated with a dislike"},
	{"satisfaction.dossier_nil_record", "bản ghi rỗng", "empty record"},
	{"satisfaction.dossier_no_unit", "không có mã đơn vị", "no unit id"},
	{"satisfaction.dossier_not_processed", "không tiếp nhận, giải quyết trong kỳ", "not received and processed in the period"},
	{"satisfaction.dossier_resolved_late", "hồ sơ giải quyết quá hạn", "dossier resolved late"},
	{"satisfaction.dossier_satisfied", "hồ sơ không bị phàn nàn, đúng hạn", "dossier without dislike, complaint or lateness"},
	{"satisfaction.petition_after_as_of", "PAKN gửi sau thời điểm tính", "petition received after the as-of instant"},
	{"satisfaction.petition_duplicate", "PAKN trùng", "duplicate petition"},
	{"satisfaction.petition_handled_late", "PAKN xử lý trễ hạn hoặc quá hạn", "petition handled late or open past a deadline"},
	{"satisfaction.petition_late", "PAKN xử lý trễ hạn", "petition handled late"},
	{"satisfaction.petition_nil_record", "bản ghi rỗng", "empty record"},
	{"satisfaction.petition_no_date", "PAKN thiếu ngày gửi", "petition without a reception date"},
	{"satisfaction.petition_no_unit", "PAKN thiếu đơn vị xử lý", "petition without a handling unit"},
	{"satisfaction.petition_not_in_period", "PAKN gửi ngoài kỳ", "petition received outside the period"},
	{"satisfaction.petition_on_time", "PAKN xử lý đúng hạn", "petition handled on time"},
	{"satisfaction.petition_open_overdue", "PAKN đang xử lý, đã quá hạn", "petition open past a deadline"},
	{"satisfaction.petition_open_within", "PAKN đang xử lý, còn hạn", "petition open within its deadlines"},
	{"satisfaction.petition_outside_calendar", "ngày của PAKN nằm ngoài lịch làm việc", "petition date outside the calendar"},
	{"satisfaction.petition_repeated", "PAKN bị phản ánh lại về kết quả", "petition followed by another about its result"},
	{"satisfaction.petition_satisfied", "người gửi hài lòng với kết quả xử lý PAKN", "petition handled to the applicant's satisfaction"},
	{"satisfaction.petition_unsatisfied", "người gửi không hài lòng với kết quả xử lý PAKN", "applicant unsatisfied with the petition's handling"},
	{"scorecard.procedure_no_fee_data", "TTHC chưa tích hợp dữ liệu phí, lệ phí", "procedure whose dossiers carry no fee data"},
	{"scorecard.procedure_not_online", "TTHC chưa cung cấp dịch vụ công trực tuyến", "procedure not offered online"},
	{"scorecard.procedure_not_paid_online", "TTHC chưa có giao dịch thanh toán trực tuyến", "procedure without an online payment"},
	{"scorecard.service_without_online_dossier", "dịch vụ công trực tuyến chưa phát sinh hồ sơ", "online service without an online dossier"},
	{"scorecard.unexplained", "không có bản ghi giải thích (số liệu tổng hợp)", "no record explains it (supplied counts)"},
	{"timeliness.early", "giải quyết trước hạn", "resolved early"},
	{"timeliness.excluded_bad_supplement", "yêu cầu bổ sung có ngày không hợp lệ", "supplement with invalid dates"},
	{"timeliness.excluded_calendar_range", "ngày nằm ngoài lịch làm việc", "date outside the calendar"},
	{"timeliness.excluded_end_before_reception", "ngày kết thúc trước ngày tiếp nhận", "end before reception"},
	{"timeliness.excluded_nil_record", "bản ghi rỗng", "empty record"},
	{"timeliness.excluded_no_deadline", "không xác định được hạn giải quyết", "no deadline"},
	{"timeliness.excluded_no_end_time", "đã kết thúc nhưng thiếu ngày kết thúc", "finished without an end date"},
	{"timeliness.excluded_no_reception_time", "không có ngày tiếp nhận", "no reception time"},
	{"timeliness.excluded_outside_period", "không giải quyết trong kỳ", "not processed in the period"},
	{"timeliness.excluded_placeholder_date", "ngày không có thật (giá trị giữ chỗ)", "placeholder date"},
	{"timeliness.excluded_stopped", "dừng xử lý hoặc không tiếp nhận", "stopped or not accepted"},
	{"timeliness.excluded_withdrawn", "rút hồ sơ sau khi tiếp nhận", "withdrawn after reception"},
	{"timeliness.excluded_withdrawn_before_reception", "rút trước khi tiếp nhận", "withdrawn before reception"},
	{"timeliness.late", "giải quyết quá hạn", "resolved late"},
	{"timeliness.late_by_repeated_supplement", "quá hạn do yêu cầu bổ sung nhiều lần", "late: more than one supplement request"},
	{"timeliness.on_time", "giải quyết đúng hạn", "resolved on time"},
	{"timeliness.open_overdue", "đang giải quyết, đã quá hạn", "open past its deadline"},
	{"timeliness.open_within_deadline", "đang giải quyết, còn hạn", "open within its deadline"},
	{"timeliness.supplement_pending", "đang chờ bổ sung hồ sơ", "awaiting the applicant's supplement"},
}

// Labels returns the Vietnamese and English labels of the reason code; ok is false for a code the library
// does not emit (vi and en are then empty). Cost: O(log codes), no allocation.
func (r Reason) Labels() (vi, en string, ok bool) {
	i := sort.Search(len(reasonLabels), func(i int) bool { return reasonLabels[i].code >= r })
	if i < len(reasonLabels) && reasonLabels[i].code == r {
		return reasonLabels[i].vi, reasonLabels[i].en, true
	}
	return "", "", false
}

// Label returns the reason's label in lang ("en" for English, anything else Vietnamese), or the code
// itself when the library has no label for it (a code of a caller's own calculator). Never fails; cost:
// O(log codes), no allocation.
func (r Reason) Label(lang string) string {
	vi, en, ok := r.Labels()
	switch {
	case !ok:
		return string(r)
	case lang == "en":
		return en
	}
	return vi
}

// LabelledReasons returns every reason code that has labels, sorted: the codes the library's calculators
// and the scorecard emit. Cost: one allocation.
func LabelledReasons() []Reason {
	out := make([]Reason, len(reasonLabels))
	for i, l := range reasonLabels {
		out[i] = l.code
	}
	return out
}

// Label returns the unit kind's name in lang ("en" for English, anything else Vietnamese): tỉnh, bộ,
// sở/ban/ngành, huyện, xã/phường; a kind the library does not define is returned as it is. Cost: O(1).
func (k UnitKind) Label(lang string) string {
	vi, en := string(k), string(k)
	switch k {
	case KindProvince:
		vi, en = "tỉnh", "province"
	case KindMinistry:
		vi, en = "bộ", "ministry"
	case KindDepartment:
		vi, en = "sở/ban/ngành", "department"
	case KindDistrict:
		vi, en = "huyện", "district"
	case KindCommune:
		vi, en = "xã/phường", "commune"
	}
	if lang == "en" {
		return en
	}
	return vi
}
