package main

import (
	_ "embed"
	"fmt"
	"strings"
)

// The worked example of docs/sql.md: a typical provincial one-stop schema
// with Vietnamese column names (dossier table HoSo, step table
// QuaTrinhXuLy, fee table LePhi, submitted components TaiLieuNop, result
// documents GiayToKetQua, supplements HoSoBoSung, procedure catalogue
// ThuTuc, agency tree DonVi, online services DichVuCong, petitions
// PhanAnhKienNghi, ratings DanhGia, certified copies ChungThucDienTu), and
// the views (views.sql) that expose it in the csvio vocabulary.

// column maps one csvio column to a column of the province's table. typ is
// the PostgreSQL type; SQLite stores text and integers.
type column struct{ csv, name, typ string }

// table is one table of the province's schema; seq, when set, is its
// ordering column (STT), which the nested views expose as seq.
type table struct {
	name   string
	layout string // the csvio layout its rows come from: dossiers, steps, fees, ...
	cols   []column
}

const (
	tText  = "text"
	tTime  = "timestamptz"
	tLocal = "timestamp" // wall clock in Vietnam time, no zone
	tFlag  = "smallint"
	tInt   = "bigint"
)

func schema() []table {
	c := func(csv, name, typ string) column { return column{csv, name, typ} }
	stt := c("", "STT", tInt)
	return []table{
		{"DonVi", "units", []column{stt, c("id", "MaDonVi", tText), c("code", "MaCoQuan", tText), c("name", "TenDonVi", tText),
			c("kind", "LoaiDonVi", tText), c("parent", "MaDonViCha", tText), c("valid_from", "HieuLucTu", tTime),
			c("valid_to", "HieuLucDen", tTime), c("successors", "DonViKeThua", tText), c("department_type", "LoaiSo", tText),
			c("department_level", "CapSo", tText), c("agency_level", "CapCoQuan", tText)}},
		{"ThuTuc", "procedures", []column{stt, c("code", "MaTTHC", tText), c("name", "TenTTHC", tText), c("type", "LoaiTTHC", tText),
			c("state", "TrangThai", tText), c("fields", "LinhVuc", tText), c("agencies", "CoQuanThucHien", tText),
			c("applicants", "DoiTuongThucHien", tText), c("durations", "ThoiHanGiaiQuyet", tText), c("fees", "PhiLePhi", tText),
			c("results", "KetQuaThucHien", tText), c("paper_result", "YeuCauBanGiay", tFlag),
			c("full_online_eligible", "DuDieuKienToanTrinh", tFlag), c("population_db_connected", "KetNoiCSDLDanCu", tFlag),
			c("publication_decision_id", "IdQuyetDinhCongBo", tText), c("publisher_code", "MaCoQuanCongBo", tText),
			c("publications", "CongBo", tText)}},
		{"DichVuCong", "offerings", []column{stt, c("unit_id", "MaDonVi", tText), c("procedure_code", "MaTTHC", tText),
			c("level", "MucDo", tText), c("state", "TrangThai", tText), c("valid_from", "HieuLucTu", tTime), c("valid_to", "HieuLucDen", tTime)}},
		{"HoSo", "dossiers", []column{c("code", "MaHoSo", tText), c("aliases", "MaHoSoKhac", tText), c("national_id", "IdHoSo", tText),
			c("procedure_code", "MaTTHC", tText), c("procedure_name", "TenTTHC", tText), c("case_code", "MaTruongHop", tText),
			c("unit_id", "MaDonVi", tText), c("field_code", "MaLinhVuc", tText), c("channel", "KenhThucHien", tText),
			c("submitted_via", "NoiNopHoSo", tText), c("applicant_type", "LoaiDoiTuong", tText), c("applicant_ids", "DinhDanhCHS", tText),
			c("summary", "TrichYeuHoSo", tText), c("submitted_at", "NgayNopHoSo", tTime), c("receive_deadline", "HanTiepNhan", tLocal),
			c("received_at", "NgayTiepNhan", tTime), c("due_at", "NgayHenTra", tLocal), c("rejected_at", "NgayTuChoi", tTime),
			c("processing_ended_at", "NgayKetThucXuLy", tTime), c("result_returned_at", "NgayTra", tTime),
			c("status", "TrangThaiHoSo", tText), c("return_method", "HinhThuc", tText),
			c("has_digitised_components", "HoSoCoThanhPhanSoHoa", tFlag), c("vneid_authenticated", "TaiKhoanDuocXacThucVoiVNeID", tFlag),
			c("online_payment", "DuocThanhToanTrucTuyen", tText), c("result_synced_to_store", "KetQuaDongBoKho", tFlag),
			c("databases", "DSKetNoiCSDL", tText), c("sync_sent_at", "NgayDongBo", tTime), c("sync_updating", "IsUpdating", tFlag),
			c("sync_error_code", "MaLoiDongBo", tText), c("sync_message", "ThongBaoDongBo", tText)}},
		{"QuaTrinhXuLy", "steps", []column{stt, c("dossier_code", "MaHoSo", tText), c("at", "ThoiDiemXuLy", tTime),
			c("status", "TrangThai", tText), c("action", "NoiDungXuLy", tText), c("officer", "NguoiXuLy", tText),
			c("title", "ChucDanh", tText), c("department", "PhongBanXuLy", tText), c("started_at", "NgayBatDau", tTime),
			c("deadline", "NgayKetThucTheoQuyDinh", tTime), c("from_unit", "DonViChuyen", tText), c("to_unit", "DonViNhan", tText),
			c("real_event", "SuKienThuc", tFlag)}},
		{"HoSoBoSung", "supplements", []column{stt, c("dossier_code", "MaHoSo", tText), c("requested", "NgayBoSung", tTime),
			c("resubmitted", "NgayTiepNhanBoSung", tTime), c("due_before", "NgayHenTraTruoc", tTime), c("due_after", "NgayHenTraMoi", tTime)}},
		{"LePhi", "fees", []column{stt, c("dossier_code", "MaHoSo", tText), c("fee_code", "MaPhiLePhi", tText), c("amount", "Gia", tInt)}},
		{"TaiLieuNop", "files", []column{stt, c("dossier_code", "MaHoSo", tText), c("component", "MaThanhPhanHoSo", tText),
			c("url", "DuongDanTaiTepTin", tText), c("digitised", "DuocSoHoa", tFlag), c("from_store", "DuocLayTuKhoDMQG", tFlag)}},
		{"GiayToKetQua", "results", []column{stt, c("dossier_code", "MaHoSo", tText), c("result_code", "MaGiayToKetQua", tText),
			c("url", "DuongDanTepTinKetQua", tText)}},
		{"PhanAnhKienNghi", "petitions", []column{stt, c("id", "Id", tText), c("unit_id", "MaDonVi", tText), c("title", "TieuDe", tText),
			c("received_at", "NgayGui", tTime), c("forwarded_at", "NgayChuyen", tTime), c("category", "PhanLoai", tText),
			c("dossier_code", "MaHoSo", tText), c("likes", "SoThich", tInt), c("dislikes", "SoKhongThich", tInt),
			c("repeated", "LapLai", tFlag), c("events", "DienBien", tText)}},
		{"DanhGia", "ratings", []column{stt, c("dossier_code", "MaHoSo", tText), c("at", "ThoiDiem", tTime),
			c("dislike", "KhongHaiLong", tFlag), c("level", "MucDo", tText), c("criteria", "TieuChi", tText)}},
		{"ChungThucDienTu", "certified_copies", []column{stt, c("unit_id", "MaDonVi", tText), c("electronic", "CoChungThucDienTu", tFlag)}},
	}
}

// Dialects of the example.
const (
	dialectPG     = "pgx"
	dialectSQLite = "sqlite"
)

// createSQL returns the CREATE TABLE statements of the schema.
func createSQL(dialect string) []string {
	var out []string
	for _, t := range schema() {
		var b strings.Builder
		fmt.Fprintf(&b, "CREATE TABLE %q (", t.name)
		for i, c := range t.cols {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%q %s", c.name, sqlType(dialect, c.typ))
		}
		b.WriteString(")")
		out = append(out, b.String())
	}
	return out
}

func sqlType(dialect, typ string) string {
	if dialect == dialectPG {
		return typ
	}
	switch typ {
	case tFlag, tInt:
		return "INTEGER"
	}
	return "TEXT"
}

// viewsSQL holds the CREATE VIEW statements of the contract over this
// schema; docs/sql.md shows them (TestDocsShowViews keeps the two equal).
//
//go:embed views.sql
var viewsSQL string

// statements splits an SQL script at the semicolons that end a line.
func statements(script string) []string {
	var out []string
	for _, s := range strings.Split(script, ";\n") {
		var lines []string
		for _, l := range strings.Split(s, "\n") {
			if !strings.HasPrefix(strings.TrimSpace(l), "--") {
				lines = append(lines, l)
			}
		}
		if s := strings.TrimSpace(strings.Join(lines, "\n")); s != "" {
			out = append(out, s)
		}
	}
	return out
}
