package portal

import (
	"bufio"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vn-dvc/chiso766/model"
)

// Param is an envelope parameter written before "data", e.g. isUpdating.
type Param struct {
	// Key and Value are written as JSON strings.
	Key, Value string
}

// Envelope describes the object around data[]. With an empty Service the
// encoder writes a bare array.
type Envelope struct {
	// Service is the service name, e.g. "DongBoHoSoMC" or "CapNhatTienDoHoSoMC".
	Service string
	// Params are written after "service", in order.
	Params []Param
}

// ErrClosed is returned by writes after Close.
var ErrClosed = errors.New("portal: encoder closed")

// Encoder writes dossiers or steps in the legacy payload shape: every value a
// JSON string, dates yyyyMMddHHmmss in Vietnam time, absent optional fields
// omitted, unknown keys (Extra) written back verbatim after the known ones.
// Local extension keys (MaHoSoKhac, IdHoSo, MaTruongHop, MaDonVi, HanTiepNhan,
// KetQuaDongBoKho, LoaiBoSung; DonViChuyen, DonViNhan, SuKienThuc on steps)
// are written only when set; MaDonVi only when it differs from the unit prefix
// of MaHoSo. Payments and Sync are local data and are not written.
// Sub-second precision of times is dropped; 0/1 flags are written as "1"/"0"
// (an input "true" comes back as "1", the same model value); fee amounts are
// written as decimal integers, and Gia is omitted for a line of unknown amount
// (model.Fee.AmountUnknown).
//
// Records are written as they come (buffered); call Close to finish the
// payload and flush. An Encoder is not safe for concurrent use. Errors from the
// writer are returned by the call that hits them and by every later call.
type Encoder struct {
	w      *bufio.Writer
	env    Envelope
	n      int
	err    error
	closed bool
	buf    []byte
}

// NewEncoder returns an encoder writing to w with envelope env.
func NewEncoder(w io.Writer, env Envelope) *Encoder {
	return &Encoder{w: bufio.NewWriterSize(w, 64<<10), env: env}
}

func (e *Encoder) begin() {
	if e.n > 0 {
		e.buf = append(e.buf, ',')
		return
	}
	if e.env.Service != "" {
		e.buf = append(e.buf, `{"service":`...)
		e.buf = appendString(e.buf, e.env.Service)
		for _, p := range e.env.Params {
			e.buf = append(e.buf, ',')
			e.buf = appendString(e.buf, p.Key)
			e.buf = append(e.buf, ':')
			e.buf = appendString(e.buf, p.Value)
		}
		e.buf = append(e.buf, `,"data":`...)
	}
	e.buf = append(e.buf, '[')
}

func (e *Encoder) flushRecord() error {
	e.n++
	_, e.err = e.w.Write(e.buf)
	e.buf = e.buf[:0]
	return e.err
}

// Count returns the number of records written.
func (e *Encoder) Count() int { return e.n }

// WriteDossier appends one dossier. Cost: amortised no allocation beyond the
// reusable buffer.
func (e *Encoder) WriteDossier(d *model.Dossier) error {
	if e.closed {
		return ErrClosed
	}
	if e.err != nil {
		return e.err
	}
	e.begin()
	e.buf = appendDossier(e.buf, d)
	return e.flushRecord()
}

// WriteStep appends one timeline step.
func (e *Encoder) WriteStep(s *model.Step) error {
	if e.closed {
		return ErrClosed
	}
	if e.err != nil {
		return e.err
	}
	e.begin()
	e.buf = appendStep(e.buf, s)
	return e.flushRecord()
}

// Close ends the array (and envelope) and flushes. It does not close the
// underlying writer. A second Close returns ErrClosed.
func (e *Encoder) Close() error {
	if e.closed {
		return ErrClosed
	}
	e.closed = true
	if e.err != nil {
		return e.err
	}
	if e.n == 0 {
		e.begin()
	}
	e.buf = append(e.buf, ']')
	if e.env.Service != "" {
		e.buf = append(e.buf, '}')
	}
	if _, e.err = e.w.Write(e.buf); e.err != nil {
		return e.err
	}
	e.err = e.w.Flush()
	return e.err
}

// obj builds one JSON object.
type obj struct {
	b     []byte
	first bool
}

func (o *obj) key(k string) {
	if !o.first {
		o.b = append(o.b, ',')
	}
	o.first = false
	o.b = appendString(o.b, k)
	o.b = append(o.b, ':')
}

func (o *obj) str(k, v string) {
	if v == "" {
		return
	}
	o.key(k)
	o.b = appendString(o.b, v)
}

func (o *obj) time(k string, t model.Time) {
	if !t.Valid {
		return
	}
	o.key(k)
	o.b = append(o.b, '"')
	o.b = t.T.In(model.Vietnam()).AppendFormat(o.b, LegacyLayout)
	o.b = append(o.b, '"')
}

func (o *obj) flag(k string, f model.Flag) { o.str(k, f.String()) }

func (o *obj) extra(fs []model.RawField) {
	for _, f := range fs {
		o.key(f.Key)
		if len(f.Value) == 0 {
			o.b = append(o.b, "null"...)
		} else {
			o.b = append(o.b, f.Value...)
		}
	}
}

func list[T any](o *obj, k string, items []T, fn func(*obj, *T)) {
	if len(items) == 0 {
		return
	}
	o.key(k)
	o.b = append(o.b, '[')
	for i := range items {
		if i > 0 {
			o.b = append(o.b, ',')
		}
		sub := obj{b: append(o.b, '{'), first: true}
		fn(&sub, &items[i])
		o.b = append(sub.b, '}')
	}
	o.b = append(o.b, ']')
}

func appendDossier(b []byte, d *model.Dossier) []byte {
	o := obj{b: append(b, '{'), first: true}
	o.str("MaHoSo", d.Code)
	o.str("MaHoSoKhac", strings.Join(d.Aliases, ";"))
	o.str("IdHoSo", d.NationalID)
	o.str("MaTTHC", d.ProcedureCode)
	o.str("TenTTHC", d.ProcedureName)
	o.str("MaTruongHop", d.CaseCode)
	if d.UnitID != UnitFromCode(d.Code) {
		o.str("MaDonVi", d.UnitID)
	}
	o.str("MaLinhVuc", d.FieldCode)
	o.str("TenLinhVuc", d.FieldName)
	o.str("KenhThucHien", d.Channel.String())
	o.str("NoiNopHoSo", d.SubmittedVia)
	o.str("LoaiDoiTuong", d.ApplicantType.String())
	o.str("SoBienNhan", d.ReceiptNo)
	o.str("ChuHoSo", d.ApplicantName)
	o.str("MaDoiTuong", d.ApplicantAccount)
	o.str("SoGiayToChuHoSo", d.ApplicantDocNo)
	o.str("ThongTinKhac", d.OtherInfo)
	o.str("Email", d.Email)
	o.str("Fax", d.Fax)
	o.str("SoDienThoai", d.Phone)
	o.str("TrichYeuHoSo", d.Summary)
	o.time("NgayNopHoSo", d.SubmittedAt)
	o.time("HanTiepNhan", d.ReceiveDeadline)
	o.time("NgayTiepNhan", d.ReceivedAt)
	o.time("NgayHenTra", d.DueAt)
	o.str("TrangThaiHoSo", d.Status.String())
	o.time("NgayTuChoi", d.RejectedAt)
	o.time("NgayKetThucXuLy", d.ProcessingEndedAt)
	o.time("NgayTra", d.ResultReturnedAt)
	o.str("ThongTinTra", d.ReturnNote)
	o.str("HinhThuc", d.ReturnMethod.String())
	o.str("DonViXuLy", d.HandlingAgency)
	o.str("GhiChu", d.Note)
	o.flag("HoSoCoThanhPhanSoHoa", d.HasDigitisedComponents)
	o.flag("TaiKhoanDuocXacThucVoiVNeID", d.VNeIDAuthenticated)
	o.str("DuocThanhToanTrucTuyen", d.OnlinePayment.String())
	o.flag("KetQuaDongBoKho", d.ResultSyncedToStore)
	list(&o, "TaiLieuNop", d.Files, func(o *obj, f *model.File) {
		o.str("TepDinhKemId", f.ID)
		o.str("TenTepDinhKem", f.Name)
		o.flag("IsDeleted", f.Deleted)
		o.str("MaThanhPhanHoSo", f.ComponentCode)
		o.str("DuongDanTaiTepTin", f.URL)
		o.flag("DuocSoHoa", f.Digitised)
		o.str("DuocTaiSuDung", f.Reused)
		o.flag("DuocLayTuKhoDMQG", f.FromStore)
		o.str("MaKetQuaThayThe", f.ReplacedResultCode)
		o.extra(f.Extra)
	})
	list(&o, "DanhSachGiayToKetQua", d.Results, func(o *obj, r *model.ResultDoc) {
		o.str("TenGiayTo", r.Name)
		o.str("MaThanhPhanHoSo", r.ComponentCode)
		o.str("GiayToId", r.ID)
		o.str("DuongDanTepTinKetQua", r.URL)
		o.str("MaGiayToKetQua", r.Code)
		o.extra(r.Extra)
	})
	list(&o, "DanhSachLePhi", d.Fees, appendFee)
	list(&o, "DanhSachTepDinhKemKhac", d.OtherDocs, func(o *obj, x *model.OtherDoc) {
		o.str("TenGiayTo", x.Name)
		o.str("SoLuong", x.Quantity)
		o.str("LoaiGiayTo", x.Kind)
		o.extra(x.Extra)
	})
	list(&o, "DanhSachHoSoBoSung", d.Supplements, func(o *obj, s *model.Supplement) {
		o.str("HoSoBoSungId", s.ID)
		o.str("LoaiBoSung", s.Kind.String())
		o.str("NguoiYeuCauBoSung", s.RequestedBy)
		o.str("NoiDungBoSung", s.Reason)
		o.time("NgayBoSung", s.RequestedAt)
		o.str("NguoiTiepNhanBoSung", s.ReceivedBy)
		o.str("ThongTinTiepNhan", s.ReceptionNote)
		o.time("NgayTiepNhanBoSung", s.ResubmittedAt)
		o.str("TrangThaiBoSung", s.State)
		if len(s.Documents) > 0 {
			o.key("DanhSachGiayToBoSung")
			o.b = append(o.b, s.Documents...)
		}
		list(o, "DanhSachLePhiBoSung", s.Fees, appendFee)
		o.time("NgayHenTraTruoc", s.DueBefore)
		o.time("NgayHenTraMoi", s.DueAfter)
		o.extra(s.Extra)
	})
	list(&o, "DinhDanhCHS", d.ApplicantIDs, func(o *obj, a *model.ApplicantID) {
		o.str("LoaiDinhDanh", a.Kind)
		o.str("SoDinhDanh", a.Number)
	})
	list(&o, "DSKetNoiCSDL", d.Databases, func(o *obj, c *string) { o.str("MaCSDL", *c) })
	o.extra(d.Extra)
	return append(o.b, '}')
}

func appendFee(o *obj, f *model.Fee) {
	o.str("TenPhiLePhi", f.Name)
	o.str("MaPhiLePhi", f.Code)
	o.str("HinhThucThu", f.Method)
	if !f.AmountUnknown { // an amount not given is omitted, and reads back as one
		o.key("Gia")
		o.b = append(o.b, '"')
		o.b = strconv.AppendInt(o.b, f.Amount, 10)
		o.b = append(o.b, '"')
	}
	o.str("LoaiPhiLePhi", f.Kind)
	o.extra(f.Extra)
}

func appendStep(b []byte, s *model.Step) []byte {
	o := obj{b: append(b, '{'), first: true}
	o.str("MaHoSo", s.DossierCode)
	o.str("NguoiXuLy", s.Officer)
	o.str("ChucDanh", s.Title)
	o.time("ThoiDiemXuLy", s.At)
	o.str("PhongBanXuLy", s.Department)
	o.str("NoiDungXuLy", s.Action)
	o.str("TrangThai", s.Status.String())
	o.time("NgayBatDau", s.StartedAt)
	o.time("NgayKetThucTheoQuyDinh", s.Deadline)
	o.str("DonViChuyen", s.FromUnit)
	o.str("DonViNhan", s.ToUnit)
	if !s.RealEvent {
		o.str("SuKienThuc", "0")
	}
	o.extra(s.Extra)
	return append(o.b, '}')
}

// appendString appends s as a JSON string, escaping quotes, backslashes and
// control characters; invalid UTF-8 becomes U+FFFD.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, `\ufffd`...)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}
