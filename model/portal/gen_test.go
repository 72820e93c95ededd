package portal

import (
	"fmt"
	"io"
	"testing"
)

// genReader generates a DongBoHoSoMC payload of n realistic dossiers on the
// fly, so that tests and benchmarks can decode large inputs without holding
// them in memory.
type genReader struct {
	tmpl  [][]byte // pre-rendered records; the code's sequence number is patched per record
	n, i  int
	buf   []byte
	off   int
	done  bool
	total int64
}

func newGenReader(n int) *genReader {
	g := &genReader{n: n}
	for i := range min(n, genVariants) {
		g.tmpl = append(g.tmpl, renderRecord(nil, i))
	}
	g.buf = append(g.buf, `{"service":"DongBoHoSoMC","isUpdating":"False","data":[`...)
	return g
}

const (
	genVariants = 1000
	// seqOffset is where the 5-digit sequence of MaHoSo starts in a record.
	seqOffset = len(`{"MaHoSo":"000.00.12.H44-260801-`)
)

func (g *genReader) next() {
	if g.i == g.n {
		g.buf = append(g.buf, "]}"...)
		g.done = true
		return
	}
	if g.i > 0 {
		g.buf = append(g.buf, ',')
	}
	start := len(g.buf)
	g.buf = append(g.buf, g.tmpl[g.i%len(g.tmpl)]...)
	seq := g.i % 100000
	for k := 4; k >= 0; k-- {
		g.buf[start+seqOffset+k] = byte('0' + seq%10)
		seq /= 10
	}
	g.i++
}

// renderRecord appends generated dossier number i.
func renderRecord(b []byte, i int) []byte {
	day := 1 + i%28
	return fmt.Appendf(b, `{"MaHoSo":"000.00.12.H44-2608%02d-%05d","MaTTHC":"1.001193.000.00.00.H44","TenTTHC":"Đăng ký khai sinh",`+
		`"MaLinhVuc":"HT","TenLinhVuc":"Hộ tịch","KenhThucHien":"%d","LoaiDoiTuong":"1","ChuHoSo":"Nguyễn Văn %d",`+
		`"SoGiayToChuHoSo":"0251860%05d","SoDienThoai":"0912345678","TrichYeuHoSo":"Đăng ký khai sinh cho con số %d",`+
		`"NgayNopHoSo":"202608%02d081512","NgayTiepNhan":"202608%02d093000","NgayHenTra":"202608%02d163000",`+
		`"TrangThaiHoSo":"%d","NgayKetThucXuLy":"202608%02d101500","HinhThuc":"0","DonViXuLy":"UBND xã Thanh Ba","NoiNopHoSo":"2",`+
		`"HoSoCoThanhPhanSoHoa":"%d","TaiKhoanDuocXacThucVoiVNeID":"1","DuocThanhToanTrucTuyen":"%d",`+
		`"TaiLieuNop":[{"TepDinhKemId":"f-%d","TenTepDinhKem":"Tờ khai.pdf","IsDeleted":"0","MaThanhPhanHoSo":"TP01",`+
		`"DuongDanTaiTepTin":"https://dichvucong.phutho.gov.vn/files/f-%d.pdf","DuocSoHoa":"%d","DuocTaiSuDung":"0","DuocLayTuKhoDMQG":"0"}],`+
		`"DanhSachGiayToKetQua":[{"TenGiayTo":"Giấy khai sinh","MaThanhPhanHoSo":"KQ01","GiayToId":"kq-%d",`+
		`"DuongDanTepTinKetQua":"https://dichvucong.phutho.gov.vn/ketqua/kq-%d.pdf","MaGiayToKetQua":"KQ.1001193.01"}],`+
		`"DanhSachLePhi":[{"TenPhiLePhi":"Lệ phí","MaPhiLePhi":"LP01","HinhThucThu":"1","Gia":"%d","LoaiPhiLePhi":"1"}],`+
		`"DinhDanhCHS":[{"LoaiDinhDanh":"1","SoDinhDanh":"0251860%05d"}],"DSKetNoiCSDL":[{"MaCSDL":"7"}]}`,
		day, i%100000, 1+i%3, i, i%100000, i, day, day, day+1, 9+i%2, day+1, i%2, i%4, i, i, i%2, i, i, (i%3)*8000, i%100000)
}

func (g *genReader) Read(p []byte) (int, error) {
	for g.off == len(g.buf) {
		if g.done {
			return 0, io.EOF
		}
		g.buf, g.off = g.buf[:0], 0
		g.next()
	}
	n := copy(p, g.buf[g.off:])
	g.off += n
	g.total += int64(n)
	return n, nil
}

func TestGenReaderCodes(t *testing.T) {
	seen := map[string]bool{}
	for d, err := range DecodeDossiers(newGenReader(1200)) {
		if err != nil {
			t.Fatal(err)
		}
		if seen[d.Code] {
			t.Fatalf("duplicate generated code %s", d.Code)
		}
		seen[d.Code] = true
	}
	if len(seen) != 1200 {
		t.Fatalf("%d codes", len(seen))
	}
}
