package portal

// The keys of the objects the one-pass parser decodes are known: each object type has a schema that
// numbers its keys (at most 64), so that the parser matches a key once and then works with its number —
// a switch over small integers to decode the value, one bit of a word to find a repeated key. A key is
// first compared with the one that followed the previous key of the same object type last time (records
// of one payload keep their keys in the same order): a hit costs one comparison of the key's bytes and
// no scan of the string. Otherwise the key is scanned and unescaped as any string and looked up in the
// schema's hash table.

// schema numbers the keys of one object type: key i is names[i].
type schema struct {
	id    int // the schema's index in the parser's predictions
	names []string
	pats  []string           // `"name":` for each name: a predicted key and its colon, compared at once
	slot  [schemaSlots]uint8 // open addressing by keyHash: key number + 1, 0 for an empty slot
}

const (
	schemaSlots = 256 // keyHash's range
	maxSchemas  = 12
)

// newSchema returns the schema of names (at most 64, distinct, plain ASCII without '"' or '\\').
func newSchema(id int, names ...string) *schema {
	sc := &schema{id: id, names: names}
	for i, k := range names {
		sc.pats = append(sc.pats, `"`+k+`":`)
		h := keyHash(k)
		for sc.slot[h] != 0 {
			h = (h + 1) % schemaSlots
		}
		sc.slot[h] = uint8(i + 1)
	}
	return sc
}

// lookup returns the number of key k, or -1 for a key not in the schema. Cost: a hash of four bytes of
// k and, in the usual case, one string comparison.
func (sc *schema) lookup(k string) int {
	h := keyHash(k)
	for {
		i := int(sc.slot[h])
		if i == 0 {
			return -1
		}
		if sc.names[i-1] == k {
			return i - 1
		}
		h = (h + 1) % schemaSlots
	}
}

// predictions holds, per schema, the key number that followed each key number (index 0: the first key
// of an object) the last time; -1 where none did. One per decoder (it is written as records are read).
type predictions [maxSchemas][65]int8

func newPredictions() *predictions {
	var pr predictions
	for i := range pr {
		for j := range pr[i] {
			pr[i][j] = -1
		}
	}
	return &pr
}

// The schemas of the payload objects; the key numbers are the k… constants below, in names order.
var (
	dossierSchema = newSchema(0, dossierKeys[:]...)
	fileSchema    = newSchema(1, fileKeys[:]...)
	resultSchema  = newSchema(2, resultKeys[:]...)
	feeSchema     = newSchema(3, feeKeys[:]...)
	otherSchema   = newSchema(4, otherDocKeys[:]...)
	suppSchema    = newSchema(5, supplementKeys[:]...)
	idSchema      = newSchema(6, applicantIDKeys[:]...)
	dbSchema      = newSchema(7, databaseKeys[:]...)
	stepSchema    = newSchema(8, stepKeys[:]...)
)

// Keys of a dossier record.
const (
	kMaHoSo = iota
	kMaHoSoKhac
	kIdHoSo
	kMaTTHC
	kTenTTHC
	kMaTruongHop
	kMaDonVi
	kMaLinhVuc
	kTenLinhVuc
	kKenhThucHien
	kNoiNopHoSo
	kLoaiDoiTuong
	kSoBienNhan
	kChuHoSo
	kMaDoiTuong
	kSoGiayToChuHoSo
	kThongTinKhac
	kEmail
	kFax
	kSoDienThoai
	kTrichYeuHoSo
	kDonViXuLy
	kGhiChu
	kThongTinTra
	kNgayNopHoSo
	kHanTiepNhan
	kNgayTiepNhan
	kNgayHenTra
	kNgayTuChoi
	kNgayKetThucXuLy
	kNgayTra
	kTrangThaiHoSo
	kHinhThuc
	kHoSoCoThanhPhanSoHoa
	kTaiKhoanDuocXacThucVoiVNeID
	kDuocThanhToanTrucTuyen
	kKetQuaDongBoKho
	kTaiLieuNop
	kDanhSachGiayToKetQua
	kDanhSachLePhi
	kDanhSachTepDinhKemKhac
	kDanhSachHoSoBoSung
	kDinhDanhCHS
	kDSKetNoiCSDL
	numDossierKeys
)

var dossierKeys = [numDossierKeys]string{
	kMaHoSo: "MaHoSo", kMaHoSoKhac: "MaHoSoKhac", kIdHoSo: "IdHoSo", kMaTTHC: "MaTTHC", kTenTTHC: "TenTTHC",
	kMaTruongHop: "MaTruongHop", kMaDonVi: "MaDonVi", kMaLinhVuc: "MaLinhVuc", kTenLinhVuc: "TenLinhVuc",
	kKenhThucHien: "KenhThucHien", kNoiNopHoSo: "NoiNopHoSo", kLoaiDoiTuong: "LoaiDoiTuong", kSoBienNhan: "SoBienNhan",
	kChuHoSo: "ChuHoSo", kMaDoiTuong: "MaDoiTuong", kSoGiayToChuHoSo: "SoGiayToChuHoSo", kThongTinKhac: "ThongTinKhac",
	kEmail: "Email", kFax: "Fax", kSoDienThoai: "SoDienThoai", kTrichYeuHoSo: "TrichYeuHoSo", kDonViXuLy: "DonViXuLy",
	kGhiChu: "GhiChu", kThongTinTra: "ThongTinTra", kNgayNopHoSo: "NgayNopHoSo", kHanTiepNhan: "HanTiepNhan",
	kNgayTiepNhan: "NgayTiepNhan", kNgayHenTra: "NgayHenTra", kNgayTuChoi: "NgayTuChoi",
	kNgayKetThucXuLy: "NgayKetThucXuLy", kNgayTra: "NgayTra", kTrangThaiHoSo: "TrangThaiHoSo", kHinhThuc: "HinhThuc",
	kHoSoCoThanhPhanSoHoa: "HoSoCoThanhPhanSoHoa", kTaiKhoanDuocXacThucVoiVNeID: "TaiKhoanDuocXacThucVoiVNeID",
	kDuocThanhToanTrucTuyen: "DuocThanhToanTrucTuyen", kKetQuaDongBoKho: "KetQuaDongBoKho", kTaiLieuNop: "TaiLieuNop",
	kDanhSachGiayToKetQua: "DanhSachGiayToKetQua", kDanhSachLePhi: "DanhSachLePhi",
	kDanhSachTepDinhKemKhac: "DanhSachTepDinhKemKhac", kDanhSachHoSoBoSung: "DanhSachHoSoBoSung",
	kDinhDanhCHS: "DinhDanhCHS", kDSKetNoiCSDL: "DSKetNoiCSDL",
}

// Keys of a submitted file (TaiLieuNop).
const (
	kTepDinhKemId = iota
	kTenTepDinhKem
	kIsDeleted
	kFileMaThanhPhanHoSo
	kDuongDanTaiTepTin
	kDuocSoHoa
	kDuocTaiSuDung
	kDuocLayTuKhoDMQG
	kMaKetQuaThayThe
	numFileKeys
)

var fileKeys = [numFileKeys]string{
	kTepDinhKemId: "TepDinhKemId", kTenTepDinhKem: "TenTepDinhKem", kIsDeleted: "IsDeleted",
	kFileMaThanhPhanHoSo: "MaThanhPhanHoSo", kDuongDanTaiTepTin: "DuongDanTaiTepTin", kDuocSoHoa: "DuocSoHoa",
	kDuocTaiSuDung: "DuocTaiSuDung", kDuocLayTuKhoDMQG: "DuocLayTuKhoDMQG", kMaKetQuaThayThe: "MaKetQuaThayThe",
}

// Keys of a result document (DanhSachGiayToKetQua).
const (
	kResTenGiayTo = iota
	kResMaThanhPhanHoSo
	kGiayToId
	kDuongDanTepTinKetQua
	kMaGiayToKetQua
	numResultKeys
)

var resultKeys = [numResultKeys]string{
	kResTenGiayTo: "TenGiayTo", kResMaThanhPhanHoSo: "MaThanhPhanHoSo", kGiayToId: "GiayToId",
	kDuongDanTepTinKetQua: "DuongDanTepTinKetQua", kMaGiayToKetQua: "MaGiayToKetQua",
}

// Keys of a fee line (DanhSachLePhi, DanhSachLePhiBoSung).
const (
	kTenPhiLePhi = iota
	kMaPhiLePhi
	kHinhThucThu
	kGia
	kLoaiPhiLePhi
	numFeeKeys
)

var feeKeys = [numFeeKeys]string{
	kTenPhiLePhi: "TenPhiLePhi", kMaPhiLePhi: "MaPhiLePhi", kHinhThucThu: "HinhThucThu", kGia: "Gia",
	kLoaiPhiLePhi: "LoaiPhiLePhi",
}

// Keys of another attached document (DanhSachTepDinhKemKhac).
const (
	kOtherTenGiayTo = iota
	kSoLuong
	kLoaiGiayTo
	numOtherDocKeys
)

var otherDocKeys = [numOtherDocKeys]string{kOtherTenGiayTo: "TenGiayTo", kSoLuong: "SoLuong", kLoaiGiayTo: "LoaiGiayTo"}

// Keys of a supplement request (DanhSachHoSoBoSung).
const (
	kLoaiBoSung = iota
	kHoSoBoSungId
	kNguoiYeuCauBoSung
	kNoiDungBoSung
	kNgayBoSung
	kNguoiTiepNhanBoSung
	kThongTinTiepNhan
	kNgayTiepNhanBoSung
	kTrangThaiBoSung
	kNgayHenTraTruoc
	kNgayHenTraMoi
	kDanhSachGiayToBoSung
	kDanhSachLePhiBoSung
	numSupplementKeys
)

var supplementKeys = [numSupplementKeys]string{
	kLoaiBoSung: "LoaiBoSung", kHoSoBoSungId: "HoSoBoSungId", kNguoiYeuCauBoSung: "NguoiYeuCauBoSung",
	kNoiDungBoSung: "NoiDungBoSung", kNgayBoSung: "NgayBoSung", kNguoiTiepNhanBoSung: "NguoiTiepNhanBoSung",
	kThongTinTiepNhan: "ThongTinTiepNhan", kNgayTiepNhanBoSung: "NgayTiepNhanBoSung", kTrangThaiBoSung: "TrangThaiBoSung",
	kNgayHenTraTruoc: "NgayHenTraTruoc", kNgayHenTraMoi: "NgayHenTraMoi", kDanhSachGiayToBoSung: "DanhSachGiayToBoSung",
	kDanhSachLePhiBoSung: "DanhSachLePhiBoSung",
}

// Keys of an applicant identifier (DinhDanhCHS) and of a connected database (DSKetNoiCSDL).
const (
	kLoaiDinhDanh = iota
	kSoDinhDanh
	numApplicantIDKeys
)

var (
	applicantIDKeys = [numApplicantIDKeys]string{kLoaiDinhDanh: "LoaiDinhDanh", kSoDinhDanh: "SoDinhDanh"}
	databaseKeys    = [...]string{"MaCSDL"}
)

// Keys of a timeline step (CapNhatTienDoHoSoMC).
const (
	kStepMaHoSo = iota
	kNguoiXuLy
	kChucDanh
	kThoiDiemXuLy
	kPhongBanXuLy
	kNoiDungXuLy
	kTrangThai
	kNgayBatDau
	kNgayKetThucTheoQuyDinh
	kDonViChuyen
	kDonViNhan
	kSuKienThuc
	numStepKeys
)

var stepKeys = [numStepKeys]string{
	kStepMaHoSo: "MaHoSo", kNguoiXuLy: "NguoiXuLy", kChucDanh: "ChucDanh", kThoiDiemXuLy: "ThoiDiemXuLy",
	kPhongBanXuLy: "PhongBanXuLy", kNoiDungXuLy: "NoiDungXuLy", kTrangThai: "TrangThai", kNgayBatDau: "NgayBatDau",
	kNgayKetThucTheoQuyDinh: "NgayKetThucTheoQuyDinh", kDonViChuyen: "DonViChuyen", kDonViNhan: "DonViNhan",
	kSuKienThuc: "SuKienThuc",
}
