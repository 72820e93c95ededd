package portal

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/vn-dvc/chiso766/model"
)

// DecodeDossiers streams the dossiers of a DongBoHoSoMC payload from r: an
// envelope object {"service": …, …, "data": [ … ]} or a bare array. Each
// element of data[] yields one model.Dossier in input order.
//
// Errors: a record with a bad value yields the partly decoded dossier together
// with a *RecordError (index, MaHoSo, field) and decoding continues with the
// next record, so the caller chooses to skip-and-report or stop (by breaking
// out of the loop). A syntax error or an I/O error yields a *RecordError
// wrapping ErrSyntax (or the reader's error) and ends the sequence. On error
// the dossier must not be counted.
//
// Memory: one record is held at a time, so memory does not grow with the
// input size. Cost: roughly one map and one allocation per field of a record.
// The sequence can be ranged over once.
func DecodeDossiers(r io.Reader) iter.Seq2[model.Dossier, error] {
	return func(yield func(model.Dossier, error) bool) {
		stream(r, func(i int, raw json.RawMessage) bool {
			d, err := decodeDossier(i, raw)
			return yield(d, err)
		}, func(err error) { yield(model.Dossier{}, err) })
	}
}

// DecodeSteps streams the timeline steps of a CapNhatTienDoHoSoMC payload,
// with the same envelope, error and memory rules as DecodeDossiers.
// Step.RealEvent is true unless the local key SuKienThuc is "0".
func DecodeSteps(r io.Reader) iter.Seq2[model.Step, error] {
	return func(yield func(model.Step, error) bool) {
		stream(r, func(i int, raw json.RawMessage) bool {
			s, err := decodeStepRecord(i, raw)
			return yield(s, err)
		}, func(err error) { yield(model.Step{}, err) })
	}
}

// stream walks the envelope and calls rec for every element of data[]; fail
// is called once with a terminal error.
func stream(r io.Reader, rec func(int, json.RawMessage) bool, fail func(error)) {
	dec := json.NewDecoder(r)
	index := 0
	syntax := func(err error) {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		var se *json.SyntaxError
		if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) {
			err = fmt.Errorf("%w: %v", ErrSyntax, err)
		}
		fail(&RecordError{Index: index, Err: err})
	}
	tok, err := dec.Token()
	if err != nil {
		syntax(err)
		return
	}
	array := func() (ok bool) {
		for dec.More() {
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				syntax(err)
				return false
			}
			if !rec(index, raw) {
				return false
			}
			index++
		}
		if _, err := dec.Token(); err != nil { // ']'
			syntax(err)
			return false
		}
		return true
	}
	switch tok {
	case json.Delim('['):
		if !array() {
			return
		}
	case json.Delim('{'):
		seen := false
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				syntax(err)
				return
			}
			key, _ := kt.(string)
			if key == "data" && !seen {
				t, err := dec.Token()
				if err != nil {
					syntax(err)
					return
				}
				if t == nil { // "data": null
					seen = true
					continue
				}
				if t != json.Delim('[') {
					syntax(fmt.Errorf(`%w: "data" is not an array`, ErrSyntax))
					return
				}
				seen = true
				if !array() {
					return
				}
				continue
			}
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				syntax(err)
				return
			}
		}
		if _, err := dec.Token(); err != nil { // '}'
			syntax(err)
			return
		}
		if !seen {
			fail(&RecordError{Index: 0, Err: ErrNoData})
			return
		}
	default:
		syntax(fmt.Errorf("%w: payload is neither an object nor an array", ErrSyntax))
		return
	}
	if _, err := dec.Token(); err != io.EOF {
		if err == nil {
			err = fmt.Errorf("%w: data after the payload", ErrSyntax)
		}
		syntax(err)
	}
}

// fields is one JSON object being decoded; consumed keys are deleted so that
// the rest are the unknown keys.
type fields struct {
	m    map[string]json.RawMessage
	path string // prefix for nested keys, e.g. "TaiLieuNop[1]."
	err  *RecordError
}

func newFields(raw json.RawMessage, path string, re *RecordError) (*fields, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil, ErrNotObject
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	return &fields{m: m, path: path, err: re}, nil
}

func (f *fields) fail(key string, err error) {
	if f.err.Err == nil {
		f.err.Field = f.path + key
		f.err.Err = err
	}
}

// str reads a value as text: strings as is, numbers as their literal,
// booleans as "true"/"false", null and missing as "".
func (f *fields) str(key string) string {
	raw, ok := f.m[key]
	if !ok {
		return ""
	}
	delete(f.m, key)
	s, err := scalar(raw)
	if err != nil {
		f.fail(key, err)
	}
	return s
}

func scalar(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", nil
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("%w: %v", ErrSyntax, err)
		}
		return s, nil
	case 'n':
		return "", nil
	case '{', '[':
		return "", fmt.Errorf("%w: %.40s", ErrBadType, raw)
	}
	return string(raw), nil // number, true, false
}

func (f *fields) time(key string) model.Time {
	s := strings.TrimSpace(f.str(key))
	if s == "" {
		return model.Time{}
	}
	t, _, err := ParseTime(s)
	if err != nil {
		f.fail(key, err)
		return model.Time{}
	}
	return model.Some(t)
}

func (f *fields) flag(key string) model.Flag {
	s := f.str(key)
	fl, ok := model.ParseFlag(s)
	if !ok {
		f.fail(key, fmt.Errorf("%w: %q", ErrBadFlag, s))
	}
	return fl
}

func (f *fields) amount(key string) int64 {
	s := strings.TrimSpace(f.str(key))
	if s == "" {
		return 0
	}
	n, err := ParseAmount(s)
	if err != nil {
		f.fail(key, err)
	}
	return n
}

// ParseAmount reads an integer VND amount: decimal digits with an optional
// sign, or a decimal number whose fraction is all zeros and not exactly three
// digits long ("50000.00"; "50.000" is rejected as ambiguous with the
// Vietnamese thousands separator). Errors wrap ErrBadNumber.
func ParseAmount(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, nil
	}
	if i := strings.IndexByte(s, '.'); i > 0 && len(s)-i-1 != 3 && strings.Trim(s[i+1:], "0") == "" {
		if d, err := decimal.NewFromString(s); err == nil && d.IsInteger() {
			if n, err := strconv.ParseInt(s[:i], 10, 64); err == nil {
				return n, nil
			}
		}
	}
	return 0, fmt.Errorf("%w: %q", ErrBadNumber, s)
}

// list reads an array of objects; null, "" and missing give nil. A string
// holding a JSON array is accepted too.
func (f *fields) list(key string) []json.RawMessage {
	raw, ok := f.m[key]
	if !ok {
		return nil
	}
	delete(f.m, key)
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) == nil {
			raw = json.RawMessage(strings.TrimSpace(s))
		}
	}
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	if raw[0] != '[' {
		f.fail(key, fmt.Errorf("%w: expected an array", ErrBadType))
		return nil
	}
	var out []json.RawMessage
	if err := json.Unmarshal(raw, &out); err != nil {
		f.fail(key, fmt.Errorf("%w: %v", ErrSyntax, err))
		return nil
	}
	return out
}

// objects decodes each element of list key with fn.
func objects[T any](f *fields, key string, fn func(*fields) T) []T {
	items := f.list(key)
	if len(items) == 0 {
		return nil
	}
	out := make([]T, 0, len(items))
	for i, raw := range items {
		sub, err := newFields(raw, f.path+key+"["+strconv.Itoa(i)+"].", f.err)
		if err != nil {
			f.fail(key+"["+strconv.Itoa(i)+"]", err)
			continue
		}
		out = append(out, fn(sub))
	}
	return out
}

// rest returns the unconsumed keys sorted by key.
func (f *fields) rest() []model.RawField {
	if len(f.m) == 0 {
		return nil
	}
	out := make([]model.RawField, 0, len(f.m))
	for k, v := range f.m {
		out = append(out, model.RawField{Key: k, Value: append([]byte(nil), bytes.TrimSpace(v)...)})
	}
	slices.SortFunc(out, func(a, b model.RawField) int { return strings.Compare(a.Key, b.Key) })
	return out
}

// UnitFromCode returns the unit part of a dossier code
// "{unit id}-{yyMMdd}-{NNNN}": the text before the last two '-' separated
// parts, or "" when the code has fewer than three parts.
func UnitFromCode(code string) string {
	i := strings.LastIndexByte(code, '-')
	if i <= 0 {
		return ""
	}
	j := strings.LastIndexByte(code[:i], '-')
	if j <= 0 {
		return ""
	}
	return code[:j]
}

func splitAliases(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == ',' })
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func decodeDossier(index int, raw json.RawMessage) (model.Dossier, error) {
	re := &RecordError{Index: index}
	f, err := newFields(raw, "", re)
	if err != nil {
		re.Err = err
		return model.Dossier{}, re
	}
	var d model.Dossier
	d.Code = strings.TrimSpace(f.str("MaHoSo"))
	re.Code = d.Code
	d.Aliases = splitAliases(f.str("MaHoSoKhac"))
	d.NationalID = f.str("IdHoSo")
	d.ProcedureCode = f.str("MaTTHC")
	d.ProcedureName = f.str("TenTTHC")
	d.CaseCode = f.str("MaTruongHop")
	d.UnitID = f.str("MaDonVi")
	if d.UnitID == "" {
		d.UnitID = UnitFromCode(d.Code)
	}
	d.FieldCode = f.str("MaLinhVuc")
	d.FieldName = f.str("TenLinhVuc")
	d.Channel = model.ParseChannel(f.str("KenhThucHien"))
	d.SubmittedVia = f.str("NoiNopHoSo")
	d.ApplicantType = model.ParseApplicantType(f.str("LoaiDoiTuong"))
	d.ReceiptNo = f.str("SoBienNhan")
	d.ApplicantName = f.str("ChuHoSo")
	d.ApplicantAccount = f.str("MaDoiTuong")
	d.ApplicantDocNo = f.str("SoGiayToChuHoSo")
	d.OtherInfo = f.str("ThongTinKhac")
	d.Email = f.str("Email")
	d.Fax = f.str("Fax")
	d.Phone = f.str("SoDienThoai")
	d.Summary = f.str("TrichYeuHoSo")
	d.HandlingAgency = f.str("DonViXuLy")
	d.Note = f.str("GhiChu")
	d.ReturnNote = f.str("ThongTinTra")
	d.SubmittedAt = f.time("NgayNopHoSo")
	d.ReceiveDeadline = f.time("HanTiepNhan")
	d.ReceivedAt = f.time("NgayTiepNhan")
	d.DueAt = f.time("NgayHenTra")
	d.RejectedAt = f.time("NgayTuChoi")
	d.ProcessingEndedAt = f.time("NgayKetThucXuLy")
	d.ResultReturnedAt = f.time("NgayTra")
	d.Status = model.ParseStatus(f.str("TrangThaiHoSo"))
	d.ReturnMethod = model.ParseReturnMethod(f.str("HinhThuc"))
	d.HasDigitisedComponents = f.flag("HoSoCoThanhPhanSoHoa")
	d.VNeIDAuthenticated = f.flag("TaiKhoanDuocXacThucVoiVNeID")
	d.OnlinePayment = model.ParseOnlinePayment(f.str("DuocThanhToanTrucTuyen"))
	d.ResultSyncedToStore = f.flag("KetQuaDongBoKho")
	d.Files = objects(f, "TaiLieuNop", decodeFile)
	d.Results = objects(f, "DanhSachGiayToKetQua", decodeResult)
	d.Fees = objects(f, "DanhSachLePhi", decodeFee)
	d.OtherDocs = objects(f, "DanhSachTepDinhKemKhac", decodeOtherDoc)
	d.Supplements = objects(f, "DanhSachHoSoBoSung", decodeSupplement)
	d.ApplicantIDs = objects(f, "DinhDanhCHS", func(g *fields) model.ApplicantID {
		return model.ApplicantID{Kind: g.str("LoaiDinhDanh"), Number: g.str("SoDinhDanh")}
	})
	d.Databases = objects(f, "DSKetNoiCSDL", func(g *fields) string { return g.str("MaCSDL") })
	d.Extra = f.rest()
	if re.Err == nil && d.Code == "" {
		re.Field, re.Err = "MaHoSo", ErrBadCode
	}
	if re.Err != nil {
		return d, re
	}
	return d, nil
}

func decodeFile(f *fields) model.File {
	return model.File{
		ID:                 f.str("TepDinhKemId"),
		Name:               f.str("TenTepDinhKem"),
		Deleted:            f.flag("IsDeleted"),
		ComponentCode:      f.str("MaThanhPhanHoSo"),
		URL:                f.str("DuongDanTaiTepTin"),
		Digitised:          f.flag("DuocSoHoa"),
		Reused:             f.str("DuocTaiSuDung"),
		FromStore:          f.flag("DuocLayTuKhoDMQG"),
		ReplacedResultCode: f.str("MaKetQuaThayThe"),
		Extra:              f.rest(),
	}
}

func decodeResult(f *fields) model.ResultDoc {
	return model.ResultDoc{
		Name:          f.str("TenGiayTo"),
		ComponentCode: f.str("MaThanhPhanHoSo"),
		ID:            f.str("GiayToId"),
		URL:           f.str("DuongDanTepTinKetQua"),
		Code:          f.str("MaGiayToKetQua"),
		Extra:         f.rest(),
	}
}

func decodeFee(f *fields) model.Fee {
	return model.Fee{
		Name:   f.str("TenPhiLePhi"),
		Code:   f.str("MaPhiLePhi"),
		Method: f.str("HinhThucThu"),
		Amount: f.amount("Gia"),
		Kind:   f.str("LoaiPhiLePhi"),
		Extra:  f.rest(),
	}
}

func decodeOtherDoc(f *fields) model.OtherDoc {
	return model.OtherDoc{
		Name:     f.str("TenGiayTo"),
		Quantity: f.str("SoLuong"),
		Kind:     f.str("LoaiGiayTo"),
		Extra:    f.rest(),
	}
}

func decodeSupplement(f *fields) model.Supplement {
	s := model.Supplement{
		Kind:          model.ParseSupplementKind(f.str("LoaiBoSung")),
		ID:            f.str("HoSoBoSungId"),
		RequestedBy:   f.str("NguoiYeuCauBoSung"),
		Reason:        f.str("NoiDungBoSung"),
		RequestedAt:   f.time("NgayBoSung"),
		ReceivedBy:    f.str("NguoiTiepNhanBoSung"),
		ReceptionNote: f.str("ThongTinTiepNhan"),
		ResubmittedAt: f.time("NgayTiepNhanBoSung"),
		State:         f.str("TrangThaiBoSung"),
		DueBefore:     f.time("NgayHenTraTruoc"),
		DueAfter:      f.time("NgayHenTraMoi"),
	}
	if raw, ok := f.m["DanhSachGiayToBoSung"]; ok {
		delete(f.m, "DanhSachGiayToBoSung")
		raw = bytes.TrimSpace(raw)
		if len(raw) > 0 && string(raw) != "null" && string(raw) != `""` {
			s.Documents = append([]byte(nil), raw...)
		}
	}
	s.Fees = objects(f, "DanhSachLePhiBoSung", decodeFee)
	s.Extra = f.rest()
	return s
}

func decodeStep(f *fields) model.Step {
	s := model.Step{
		DossierCode: strings.TrimSpace(f.str("MaHoSo")),
		Officer:     f.str("NguoiXuLy"),
		Title:       f.str("ChucDanh"),
		At:          f.time("ThoiDiemXuLy"),
		Department:  f.str("PhongBanXuLy"),
		Action:      f.str("NoiDungXuLy"),
		Status:      model.ParseStatus(f.str("TrangThai")),
		StartedAt:   f.time("NgayBatDau"),
		Deadline:    f.time("NgayKetThucTheoQuyDinh"),
		FromUnit:    f.str("DonViChuyen"),
		ToUnit:      f.str("DonViNhan"),
	}
	s.RealEvent = f.flag("SuKienThuc") != model.FlagFalse
	s.Extra = f.rest()
	return s
}

func decodeStepRecord(index int, raw json.RawMessage) (model.Step, error) {
	re := &RecordError{Index: index}
	f, err := newFields(raw, "", re)
	if err != nil {
		re.Err = err
		return model.Step{}, re
	}
	if code, ok := f.m["MaHoSo"]; ok {
		re.Code, _ = scalar(code)
	}
	s := decodeStep(f)
	re.Code = s.DossierCode
	if re.Err == nil && s.DossierCode == "" {
		re.Field, re.Err = "MaHoSo", ErrBadCode
	}
	if re.Err != nil {
		return s, re
	}
	return s, nil
}
