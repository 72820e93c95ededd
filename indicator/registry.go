package indicator

import "github.com/shopspring/decimal"

// Metric is one entry of the catalogue (docs/rules.md has a section per metric): the single source for the
// README's metric table and for the points each group may reach. Max is the maximum of the portal edition; an
// edition may change it (see Edition.Rules).
type Metric struct {
	ID         ID
	Group      Group           // portal six-group layout; Group.Decision() gives the five-group layout
	NameVI     string          // the indicator's Vietnamese name as the portal shows it
	NameEN     string          // English description
	Max        decimal.Decimal // maximum points in the portal edition (0 for the unscored 2.2 and 5.0)
	PortalCode string          // the portal evaluation API's code ("" where it has none)
	DocNumber  string          // the formula document's numbering ("" where the document has no such item)
	Rule       string          // the record rule in one sentence
	LegalBasis string          // the legal texts the metric rests on
	Scored     bool            // false for 2.2 and 5.0, which are reported only
	// DistinctProcedures is true for metrics that count procedures (1.1, 1.2, 1.3, 3.1, 3.4, 3.5, 4.6a): a
	// procedure used by several units counts once at the parent, so a parent's counts are NOT the sum of its
	// sub-units' and must be counted at the parent. Dossier and petition counts add up (docs/rules.md,
	// Pooling); the fixtures confirm both (TestPoolingFixtures).
	DistinctProcedures bool
}

type metricRow struct {
	nameVI, nameEN string
	max            int64
	code, doc      string
	rule, legal    string
}

const basis766 = "Decision 766/QĐ-TTg (2022)"

// metricRows is indexed by ID. It is a constant table: only Registry and Lookup read it, and they
// return copies.
var metricRows = [NumIDs]metricRow{
	M11: {"Tỷ lệ TTHC công bố đúng hạn", "procedures announced on time", 6, "PUBLISH_ON_TIME", "1.1",
		"Procedures in announcement decisions dated in the period, on time when the decision is dated at least 20 (ministry) / 5 (province) working days before the governing legal document takes effect.",
		basis766 + "; Decree 63/2010/NĐ-CP (control of administrative procedures), as amended"},
	M12: {"Tỷ lệ TTHC được cập nhật, công khai đúng hạn", "procedures published on the national database on time", 4, "PUBLIC_UPDATE_ON_TIME", "1.2",
		"Procedures published (or due) on the national TTHC database in the period, on time when published within 10 (ministry) / 5 (province) working days of the decision; province level, copied to sub-units.",
		basis766 + "; Decree 63/2010/NĐ-CP, as amended"},
	M13: {"Tỷ lệ TTHC được công khai có đầy đủ các nội dung quy định về các bộ phận tạo thành", "published procedures with all required components", 2, "PUBLIC_CONTENT_FULL", "1.3",
		"Procedures on the national database with all components of Decree 63/2010 art. 8(2) a–g, measured as of now at province level.",
		basis766 + "; Decree 63/2010/NĐ-CP art. 8(2)"},
	M14: {"Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG", "dossiers synchronised to the portal", 6, "DOSSIER_SYNC", "1.4",
		"Dossiers received in the period that were synchronised to the portal, over the larger of the national reporting count and the own count of dossiers received.",
		basis766},
	M21: {"Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn", "dossiers resolved early or on time", 20, "TDGQ", "2.1",
		"Dossiers received and processed in the period, counting those finished by their appointment time and those still open and not yet due.",
		basis766 + "; Decree 61/2018/NĐ-CP (one-stop shop), as amended"},
	M22: {"Thời gian giải quyết TTHC trung bình", "average resolution time (days)", 0, "avgProcessingDays", "2.2",
		"Average days from reception to end of processing over dossiers finished in the period; reported, not scored.",
		basis766},
	M31: {"Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến", "procedures offered online (partial or full)", 2, "", "3.1",
		"Procedures under the unit's authority with a partial or full online service, counted once at the higher level, over all procedures under its authority.",
		basis766 + "; Decree 42/2022/NĐ-CP (online public services)"},
	M32: {"Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ", "online services that received at least one online dossier", 4, "", "3.2",
		"Online services in an offering state that received at least one online dossier in the period, over all online services of the unit.",
		basis766 + "; Decree 42/2022/NĐ-CP"},
	M33: {"Tỷ lệ hồ sơ TTHC trực tuyến", "dossiers submitted online", 6, "", "3.3",
		"Dossiers received online in the period (with an electronic result where the result is a paper document), over all dossiers received in the period.",
		basis766 + "; Decree 42/2022/NĐ-CP"},
	M34: {"Tỷ lệ TTHC có giao dịch thanh toán trực tuyến", "fee-bearing procedures with at least one online payment", 2, "", "3.4",
		"Fee-bearing procedures with at least one dossier paid online, over fee-bearing procedures.",
		basis766 + "; Decree 42/2022/NĐ-CP"},
	M35: {"Tỷ lệ TTHC có yêu cầu nghĩa vụ tài chính được tích hợp thanh toán trực tuyến", "fee-bearing procedures whose dossiers carry fee data on the portal", 2, "", "3.5",
		"Fee-bearing procedures whose dossiers carry fee data on the portal, over fee-bearing procedures.",
		basis766 + "; Decree 42/2022/NĐ-CP"},
	M36: {"Tỷ lệ hồ sơ thanh toán trực tuyến", "fee-bearing dossiers paid online", 6, "", "3.6",
		"Dossiers paid online (portal or local gateway) with processing start in the period, over dossiers of fee-bearing procedures excluding those whose fee lines are all zero.",
		basis766 + "; Decree 42/2022/NĐ-CP"},
	M41: {"Tỷ lệ hồ sơ có cấp kết quả giải quyết TTHC điện tử", "dossiers with an electronic result", 6, "ORIGINAL_RESULT_AVAILABLE", "4.1",
		"Dossiers received in the period with an electronic result (result code and file), over dossiers of procedures that return a paper result.",
		basis766 + "; Decree 45/2020/NĐ-CP (procedures in the electronic environment)"},
	M42: {"Tỷ lệ hồ sơ thực hiện số hóa hồ sơ", "dossiers digitised", 4, "SO_HOA_GIAY_TO_GIAI_QUYET", "4.2",
		"Dossiers received in the period with a file attached to the submitted components and to the result.",
		basis766 + "; Decree 45/2020/NĐ-CP"},
	M43: {"Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa", "dossiers reusing digitised data", 2, "REUSED_DIGITIZED_DATA", "4.3",
		"Dossiers received in the period with at least one component flagged as reused digitised data.",
		basis766 + "; Decree 45/2020/NĐ-CP"},
	M44: {"Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính", "communes offering electronic certified copies", 2, "ELECTRONIC_CERTIFIED_COPY", "",
		"Communes offering electronic certified copies from originals, over communes under the unit.",
		basis766 + "; Decree 23/2015/NĐ-CP (certified copies)"},
	M45: {"Tỷ lệ hồ sơ số hóa có kết nối, đồng bộ với danh mục hồ sơ cá nhân, tổ chức trên Cổng DVCQG", "digitised dossiers linked to the applicant's data store on the portal", 4, "SYNCED_WITH_DVCQG_PERSONAL_STORAGE", "4.4",
		"Dossiers received in the period with a file taken from the applicant's data store on the portal or whose electronic result was synced to it.",
		basis766 + "; Decree 45/2020/NĐ-CP"},
	M46a: {"Ứng dụng dữ liệu dân cư — TTHC", "citizen-facing procedures connected to the population database", 2, "CITIZEN_DATA_CONNECTED_FORMALITY", "4.5a",
		"Procedures whose applicants are citizens that are connected to the population database, over such procedures.",
		basis766 + "; Decision 06/QĐ-TTg (2022, population data)"},
	M46b: {"Ứng dụng dữ liệu dân cư — hồ sơ", "dossiers using population data", 2, "CITIZEN_DATA_CONNECTED_DOSSIER", "4.5b",
		"Dossiers with a VNeID-authenticated account, data from the portal store, or a population-database link, over all dossiers.",
		basis766 + "; Decision 06/QĐ-TTg (2022, population data)"},
	M50: {"Tỷ lệ phản ánh, kiến nghị theo phân loại", "petitions by category (procedure/policy vs staff conduct)", 0, "PETITION_CLASSIFICATION_TTHC", "5.1",
		"Share of petitions in the procedure/policy category (the staff-conduct share is kept alongside); reported, not scored.",
		basis766 + "; Decree 20/2008/NĐ-CP (petitions)"},
	M51: {"Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn", "petitions handled on time (incl. open and within deadline)", 6, "PETITION_PROCESSING_ON_TIME", "5.2",
		"Petitions first received in the period that were handled on time or are still open within their deadline, over those petitions.",
		basis766 + "; Decree 20/2008/NĐ-CP"},
	M52: {"Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị", "petitions handled to the applicant's satisfaction", 6, "PETITION_HANDLING_SATISFACTION", "5.3",
		"Petitions first received in the period that were not marked unsatisfied, not followed by another petition about the result and not handled late, over those petitions.",
		basis766 + "; Decree 20/2008/NĐ-CP"},
	M53: {"Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC", "dossiers without dissatisfaction, complaint or lateness", 6, "DOSSIER_RECEIVING_SATISFACTION", "5.4",
		"Dossiers received and processed in the period without a dislike, a complaint about reception or resolution, or late resolution, over those dossiers.",
		basis766},
}

func portalCode(id ID) string { return metricRows[id].code }

func distinctProcedures(id ID) bool {
	switch id {
	case M11, M12, M13, M31, M34, M35, M46a:
		return true
	}
	return false
}

func metricOf(id ID) Metric {
	r := metricRows[id]
	return Metric{
		ID: id, Group: id.Group(), NameVI: r.nameVI, NameEN: r.nameEN, Max: decimal.NewFromInt(r.max),
		PortalCode: r.code, DocNumber: r.doc, Rule: r.rule, LegalBasis: r.legal, Scored: r.max > 0,
		DistinctProcedures: distinctProcedures(id),
	}
}

// Registry returns the whole catalogue in catalogue order, as a fresh slice the caller may modify.
// Cost: O(number of metrics), one allocation for the slice plus one per decimal. Never fails.
func Registry() []Metric {
	out := make([]Metric, 0, NumIDs-1)
	for id := M11; id <= M53; id++ {
		out = append(out, metricOf(id))
	}
	return out
}

// Lookup returns the catalogue entry for id; ok is false for an invalid id. Cost: O(1).
func Lookup(id ID) (m Metric, ok bool) {
	if !id.Valid() {
		return Metric{}, false
	}
	return metricOf(id), true
}

// GroupMax returns the maximum of a portal group in the portal edition (18, 20, 12, 10, 22, 18), or 0 for an
// invalid group. Cost: O(number of metrics).
func GroupMax(g Group) decimal.Decimal {
	var s int64
	for id := M11; id <= M53; id++ {
		if id.Group() == g {
			s += metricRows[id].max
		}
	}
	return decimal.NewFromInt(s)
}
