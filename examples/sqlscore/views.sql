-- The view contract over the worked-example schema (docs/sql.md): one view per csvio layout,
-- named chiso_<layout>, exposing the csvio column names; NULL is absent. Nested and flat views
-- also expose seq, the order of the rows within a dossier (or of the catalogue); the queries of
-- examples/sqlscore select the contract columns and ORDER BY dossier code (byte order), seq.
-- The same text runs on PostgreSQL and SQLite.

CREATE VIEW chiso_units AS
SELECT "STT" AS seq,
       "MaDonVi" AS id,
       "MaCoQuan" AS code,
       "TenDonVi" AS name,
       "LoaiDonVi" AS kind,
       "MaDonViCha" AS parent,
       "HieuLucTu" AS valid_from,
       "HieuLucDen" AS valid_to,
       "DonViKeThua" AS successors,
       "LoaiSo" AS department_type,
       "CapSo" AS department_level,
       "CapCoQuan" AS agency_level
FROM "DonVi";

CREATE VIEW chiso_procedures AS
SELECT "STT" AS seq,
       "MaTTHC" AS code,
       "TenTTHC" AS name,
       "LoaiTTHC" AS type,
       "TrangThai" AS state,
       "LinhVuc" AS fields,
       "CoQuanThucHien" AS agencies,
       "DoiTuongThucHien" AS applicants,
       "ThoiHanGiaiQuyet" AS durations,
       "PhiLePhi" AS fees,
       "KetQuaThucHien" AS results,
       "YeuCauBanGiay" AS paper_result,
       "DuDieuKienToanTrinh" AS full_online_eligible,
       "KetNoiCSDLDanCu" AS population_db_connected,
       "IdQuyetDinhCongBo" AS publication_decision_id,
       "MaCoQuanCongBo" AS publisher_code,
       "CongBo" AS publications
FROM "ThuTuc";

CREATE VIEW chiso_offerings AS
SELECT "STT" AS seq,
       "MaDonVi" AS unit_id,
       "MaTTHC" AS procedure_code,
       "MucDo" AS level,
       "TrangThai" AS state,
       "HieuLucTu" AS valid_from,
       "HieuLucDen" AS valid_to
FROM "DichVuCong";

CREATE VIEW chiso_dossiers AS
SELECT "MaHoSo" AS code,
       "MaHoSoKhac" AS aliases,
       "IdHoSo" AS national_id,
       "MaTTHC" AS procedure_code,
       "TenTTHC" AS procedure_name,
       "MaTruongHop" AS case_code,
       "MaDonVi" AS unit_id,
       "MaLinhVuc" AS field_code,
       "KenhThucHien" AS channel,
       "NoiNopHoSo" AS submitted_via,
       "LoaiDoiTuong" AS applicant_type,
       "DinhDanhCHS" AS applicant_ids,
       "TrichYeuHoSo" AS summary,
       "NgayNopHoSo" AS submitted_at,
       "HanTiepNhan" AS receive_deadline,
       "NgayTiepNhan" AS received_at,
       "NgayHenTra" AS due_at,
       "NgayTuChoi" AS rejected_at,
       "NgayKetThucXuLy" AS processing_ended_at,
       "NgayTra" AS result_returned_at,
       "TrangThaiHoSo" AS status,
       "HinhThuc" AS return_method,
       "HoSoCoThanhPhanSoHoa" AS has_digitised_components,
       "TaiKhoanDuocXacThucVoiVNeID" AS vneid_authenticated,
       "DuocThanhToanTrucTuyen" AS online_payment,
       "KetQuaDongBoKho" AS result_synced_to_store,
       "DSKetNoiCSDL" AS databases,
       "NgayDongBo" AS sync_sent_at,
       "IsUpdating" AS sync_updating,
       "MaLoiDongBo" AS sync_error_code,
       "ThongBaoDongBo" AS sync_message
FROM "HoSo";

CREATE VIEW chiso_steps AS
SELECT "STT" AS seq,
       "MaHoSo" AS dossier_code,
       "ThoiDiemXuLy" AS at,
       "TrangThai" AS status,
       "NoiDungXuLy" AS action,
       "NguoiXuLy" AS officer,
       "ChucDanh" AS title,
       "PhongBanXuLy" AS department,
       "NgayBatDau" AS started_at,
       "NgayKetThucTheoQuyDinh" AS deadline,
       "DonViChuyen" AS from_unit,
       "DonViNhan" AS to_unit,
       "SuKienThuc" AS real_event
FROM "QuaTrinhXuLy";

CREATE VIEW chiso_supplements AS
SELECT "STT" AS seq,
       "MaHoSo" AS dossier_code,
       "NgayBoSung" AS requested,
       "NgayTiepNhanBoSung" AS resubmitted,
       "NgayHenTraTruoc" AS due_before,
       "NgayHenTraMoi" AS due_after
FROM "HoSoBoSung";

CREATE VIEW chiso_fees AS
SELECT "STT" AS seq,
       "MaHoSo" AS dossier_code,
       "MaPhiLePhi" AS fee_code,
       "Gia" AS amount
FROM "LePhi";

CREATE VIEW chiso_files AS
SELECT "STT" AS seq,
       "MaHoSo" AS dossier_code,
       "MaThanhPhanHoSo" AS component,
       "DuongDanTaiTepTin" AS url,
       "DuocSoHoa" AS digitised,
       "DuocLayTuKhoDMQG" AS from_store
FROM "TaiLieuNop";

CREATE VIEW chiso_results AS
SELECT "STT" AS seq,
       "MaHoSo" AS dossier_code,
       "MaGiayToKetQua" AS result_code,
       "DuongDanTepTinKetQua" AS url
FROM "GiayToKetQua";

CREATE VIEW chiso_petitions AS
SELECT "STT" AS seq,
       "Id" AS id,
       "MaDonVi" AS unit_id,
       "TieuDe" AS title,
       "NgayGui" AS received_at,
       "NgayChuyen" AS forwarded_at,
       "PhanLoai" AS category,
       "MaHoSo" AS dossier_code,
       "SoThich" AS likes,
       "SoKhongThich" AS dislikes,
       "LapLai" AS repeated,
       "DienBien" AS events
FROM "PhanAnhKienNghi";

CREATE VIEW chiso_ratings AS
SELECT "STT" AS seq,
       "MaHoSo" AS dossier_code,
       "ThoiDiem" AS at,
       "KhongHaiLong" AS dislike,
       "MucDo" AS level,
       "TieuChi" AS criteria
FROM "DanhGia";

CREATE VIEW chiso_certified_copies AS
SELECT "STT" AS seq,
       "MaDonVi" AS unit_id,
       "CoChungThucDienTu" AS electronic
FROM "ChungThucDienTu";
