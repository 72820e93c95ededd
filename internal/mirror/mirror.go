// Package mirror holds a plain struct mirroring a DongBoHoSoMC dossier record (every value a string,
// nested lists as slices of structs): what encoding/json decodes in the decoders' baseline benchmarks
// (model/portal's BenchmarkDecodeJSON, indicator/scorecard's BenchmarkFile1M). Nothing else uses it.
package mirror

// Dossier mirrors a DongBoHoSoMC record, field for field, for encoding/json.
type Dossier struct {
	MaHoSo, MaHoSoKhac, IdHoSo, MaTTHC, TenTTHC, MaTruongHop, MaDonVi, MaLinhVuc, TenLinhVuc string
	KenhThucHien, NoiNopHoSo, LoaiDoiTuong, SoBienNhan, ChuHoSo, MaDoiTuong, SoGiayToChuHoSo string
	ThongTinKhac, Email, Fax, SoDienThoai, TrichYeuHoSo, DonViXuLy, GhiChu, ThongTinTra      string
	NgayNopHoSo, HanTiepNhan, NgayTiepNhan, NgayHenTra, NgayTuChoi, NgayKetThucXuLy, NgayTra string
	TrangThaiHoSo, HinhThuc, HoSoCoThanhPhanSoHoa, TaiKhoanDuocXacThucVoiVNeID               string
	DuocThanhToanTrucTuyen, KetQuaDongBoKho                                                  string
	TaiLieuNop                                                                               []struct {
		TepDinhKemId, TenTepDinhKem, IsDeleted, MaThanhPhanHoSo, DuongDanTaiTepTin, DuocSoHoa string
		DuocTaiSuDung, DuocLayTuKhoDMQG, MaKetQuaThayThe                                      string
	}
	DanhSachGiayToKetQua []struct {
		TenGiayTo, MaThanhPhanHoSo, GiayToId, DuongDanTepTinKetQua, MaGiayToKetQua string
	}
	DanhSachLePhi []struct {
		TenPhiLePhi, MaPhiLePhi, HinhThucThu, Gia, LoaiPhiLePhi string
	}
	DinhDanhCHS  []struct{ LoaiDinhDanh, SoDinhDanh string }
	DSKetNoiCSDL []struct{ MaCSDL string }
}
