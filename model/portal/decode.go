package portal

import (
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
	"github.com/vn-dvc/chiso766/model/internal/limits"
)

// DecodeDossiers streams the dossiers of a DongBoHoSoMC payload from r: an
// envelope object {"service": …, …, "data": [ … ]} or a bare array. Each
// element of data[] yields one model.Dossier in input order.
//
// Errors: a record with a bad value (including a repeated key, text that is
// not UTF-8 and a value over the field limit) yields the partly decoded
// dossier together with a *RecordError (index, MaHoSo, field) and decoding
// continues with the next record, so the caller chooses to skip-and-report or
// stop (by breaking out of the loop). A syntax error, a second "data" array,
// a record over the record limit (ErrTooLarge) or an I/O error yields a
// *RecordError wrapping ErrSyntax (or ErrTooLarge, or the reader's error) and
// ends the sequence. On error the dossier must not be counted.
//
// Options: MaxRecordBytes and MaxFieldBytes raise or lower the limits
// (defaults DefaultMaxRecordBytes, 1 MiB, and DefaultMaxFieldBytes, 256 KiB).
//
// Memory: one record is held at a time, and reading stops at the record
// limit, so memory does not grow with the input size, even for hostile input
// (at most about twice the record limit). Cost: about 17 allocations and 2 KB per realistic record (the
// record's text is copied once into a string and unescaped field values are
// substrings of it, so the strings of one dossier share one backing array;
// nested lists and unknown keys allocate their own). The sequence can be
// ranged over once.
func DecodeDossiers(r io.Reader, opts ...Option) iter.Seq2[model.Dossier, error] {
	return func(yield func(model.Dossier, error) bool) {
		cfg := newConfig(opts)
		stream(r, cfg, []string{"data"}, func(i int, raw json.RawMessage) bool {
			d, err := decodeDossier(i, raw, cfg)
			return yield(d, err)
		}, func(err error) { yield(model.Dossier{}, err) })
	}
}

// DecodeSteps streams the timeline steps of a CapNhatTienDoHoSoMC payload,
// with the same envelope, error, option and memory rules as DecodeDossiers.
// Step.RealEvent is true unless the local key SuKienThuc is "0".
func DecodeSteps(r io.Reader, opts ...Option) iter.Seq2[model.Step, error] {
	return func(yield func(model.Step, error) bool) {
		cfg := newConfig(opts)
		stream(r, cfg, []string{"data"}, func(i int, raw json.RawMessage) bool {
			s, err := decodeStepRecord(i, raw, cfg)
			return yield(s, err)
		}, func(err error) { yield(model.Step{}, err) })
	}
}

// stream walks the envelope and calls rec for every element of data[] (the
// first of keys holding an array); fail is called once with a terminal
// error. No value of the payload is read beyond cfg.Record bytes.
func stream(r io.Reader, cfg config, keys []string, rec func(int, json.RawMessage) bool, fail func(error)) {
	lr := &limits.Reader{R: r}
	dec := json.NewDecoder(lr)
	index := 0
	// bound allows the next value (and the white space before it) at most
	// cfg.Record bytes.
	bound := func() { lr.Allow = dec.InputOffset() + int64(cfg.Record) }
	syntax := func(err error) {
		if errors.Is(err, limits.ErrReached) {
			fail(&RecordError{Index: index, Err: fmt.Errorf("%w: a value at byte %d is longer than %d bytes (MaxRecordBytes)",
				ErrTooLarge, dec.InputOffset(), cfg.Record)})
			return
		}
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		var se *json.SyntaxError
		if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) {
			err = fmt.Errorf("%w: %v", ErrSyntax, err)
		}
		fail(&RecordError{Index: index, Err: err})
	}
	bound()
	tok, err := dec.Token()
	if err != nil {
		syntax(err)
		return
	}
	var raw json.RawMessage // reused: record decoders copy what they keep
	array := func() (ok bool) {
		for {
			bound()
			if !dec.More() {
				break
			}
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
		seen := "" // the key of the data array read
		for {
			bound()
			if !dec.More() {
				break
			}
			kt, err := dec.Token()
			if err != nil {
				syntax(err)
				return
			}
			key, _ := kt.(string)
			if slices.Contains(keys, key) {
				if seen != "" {
					fail(&RecordError{Index: index, Field: key, Err: fmt.Errorf("%w: %w: %q after %q: a payload has one data array",
						ErrSyntax, ErrDuplicateField, key, seen)})
					return
				}
				seen = key
				bound()
				t, err := dec.Token()
				if err != nil {
					syntax(err)
					return
				}
				if t == nil { // "data": null
					continue
				}
				if t != json.Delim('[') {
					syntax(fmt.Errorf(`%w: "data" is not an array`, ErrSyntax))
					return
				}
				if !array() {
					return
				}
				continue
			}
			var skip json.RawMessage
			bound()
			if err := dec.Decode(&skip); err != nil {
				syntax(err)
				return
			}
		}
		if _, err := dec.Token(); err != nil { // '}'
			syntax(err)
			return
		}
		if seen == "" {
			fail(&RecordError{Index: 0, Err: ErrNoData})
			return
		}
	default:
		syntax(fmt.Errorf("%w: payload is neither an object nor an array", ErrSyntax))
		return
	}
	bound()
	if _, err := dec.Token(); err != io.EOF {
		if err == nil {
			err = fmt.Errorf("%w: data after the payload", ErrSyntax)
		}
		syntax(err)
	}
}

// cursor decodes the values of one record, remembering the first error.
type cursor struct {
	re       *RecordError
	path     string // prefix for nested keys, e.g. "TaiLieuNop[1]."
	fold     bool   // keys are matched case-insensitively (procedures)
	maxField int    // longest value accepted, in bytes of JSON text
}

func newCursor(re *RecordError, cfg config, fold bool) *cursor {
	return &cursor{re: re, fold: fold, maxField: cfg.Field}
}

func (c *cursor) fail(key string, err error) {
	if c.re.Err == nil {
		c.re.Field = c.path + key
		c.re.Err = err
	}
}

func (c *cursor) sub(key string, i int) *cursor {
	return &cursor{re: c.re, path: c.path + key + "[" + strconv.Itoa(i) + "].", fold: c.fold, maxField: c.maxField}
}

// str reads a value as text: strings as is, numbers as their literal,
// booleans as "true"/"false", null as "".
func (c *cursor) str(key string, v string) string {
	s, err := scalar(v)
	if err != nil {
		c.fail(key, err)
	}
	return s
}

func scalar(v string) (string, error) {
	if len(v) == 0 {
		return "", nil
	}
	switch v[0] {
	case '"':
		end, esc, err := stringEnd(v, 0)
		if err != nil || end != len(v) {
			return "", fmt.Errorf("%w: bad string", ErrSyntax)
		}
		return unquote(v, esc)
	case 'n':
		return "", nil
	case '{', '[':
		return "", fmt.Errorf("%w: %.40s", ErrBadType, v)
	}
	return v, nil // number, true, false
}

func (c *cursor) time(key string, v string) model.Time {
	s := strings.TrimSpace(c.str(key, v))
	if s == "" {
		return model.Time{}
	}
	t, _, err := ParseTime(s)
	if err != nil {
		c.fail(key, err)
		return model.Time{}
	}
	return model.Some(t)
}

func (c *cursor) flag(key string, v string) model.Flag {
	s := c.str(key, v)
	fl, ok := model.ParseFlag(s)
	if !ok {
		c.fail(key, fmt.Errorf("%w: %q", ErrBadFlag, s))
	}
	return fl
}

func (c *cursor) amount(key string, v string) int64 {
	s := strings.TrimSpace(c.str(key, v))
	if s == "" {
		return 0
	}
	n, err := ParseAmount(s)
	if err != nil {
		c.fail(key, err)
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

// objects decodes the array of objects v with fn. null, "" and an empty
// array give nil; a string holding a JSON array is accepted too.
func objects[T any](c *cursor, key string, v string, fn func(*cursor, string) T) []T {
	if len(v) > 0 && v[0] == '"' {
		s, err := scalar(v)
		if err != nil {
			c.fail(key, err)
			return nil
		}
		v = strings.TrimSpace(s)
		if len(v) > 0 && v[0] != '[' {
			c.fail(key, fmt.Errorf("%w: expected an array", ErrBadType))
			return nil
		}
		if len(v) > 0 && !json.Valid([]byte(v)) {
			c.fail(key, fmt.Errorf("%w: list string is not JSON", ErrSyntax))
			return nil
		}
	}
	if len(v) == 0 || v == "null" {
		return nil
	}
	var out []T
	err := eachElement(v, func(i int, el string) {
		sub := c.sub(key, i)
		if el[0] != '{' {
			c.fail(key+"["+strconv.Itoa(i)+"]", ErrNotObject)
			return
		}
		out = append(out, fn(sub, el))
	})
	if err != nil {
		c.fail(key, err)
	}
	return out
}

// record runs fn over the fields of the object v, failing on a malformed
// one, on a repeated key (ErrDuplicateField, naming the key) and on a value
// longer than the field limit (ErrTooLarge, naming the key; fn is not called
// with it).
func (c *cursor) record(v string, fn func(key string, val string)) {
	err := eachField(v, c.fold, func(k, val string) {
		if len(val) > c.maxField {
			c.fail(k, fmt.Errorf("%w: value of %d bytes, limit %d (MaxFieldBytes)", ErrTooLarge, len(val), c.maxField))
			return
		}
		fn(k, val)
	})
	if err != nil {
		if dup, ok := err.(*dupKeyError); ok {
			c.fail(dup.key, err)
		} else {
			c.fail("", err)
		}
	}
}

func extra(key string, v string) model.RawField {
	return model.RawField{Key: key, Value: []byte(v)}
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

func decodeDossier(index int, rawBytes []byte, cfg config) (model.Dossier, error) {
	raw := string(rawBytes) // one allocation; field strings are substrings of it
	re := &RecordError{Index: index}
	c := newCursor(re, cfg, false)
	var d model.Dossier
	unitSet := false
	c.record(raw, func(k string, v string) {
		switch k {
		case "MaHoSo":
			d.Code = strings.TrimSpace(c.str(k, v))
			re.Code = d.Code
		case "MaHoSoKhac":
			d.Aliases = splitAliases(c.str(k, v))
		case "IdHoSo":
			d.NationalID = c.str(k, v)
		case "MaTTHC":
			d.ProcedureCode = c.str(k, v)
		case "TenTTHC":
			d.ProcedureName = c.str(k, v)
		case "MaTruongHop":
			d.CaseCode = c.str(k, v)
		case "MaDonVi":
			d.UnitID = c.str(k, v)
			unitSet = d.UnitID != ""
		case "MaLinhVuc":
			d.FieldCode = c.str(k, v)
		case "TenLinhVuc":
			d.FieldName = c.str(k, v)
		case "KenhThucHien":
			d.Channel = model.ParseChannel(c.str(k, v))
		case "NoiNopHoSo":
			d.SubmittedVia = c.str(k, v)
		case "LoaiDoiTuong":
			d.ApplicantType = model.ParseApplicantType(c.str(k, v))
		case "SoBienNhan":
			d.ReceiptNo = c.str(k, v)
		case "ChuHoSo":
			d.ApplicantName = c.str(k, v)
		case "MaDoiTuong":
			d.ApplicantAccount = c.str(k, v)
		case "SoGiayToChuHoSo":
			d.ApplicantDocNo = c.str(k, v)
		case "ThongTinKhac":
			d.OtherInfo = c.str(k, v)
		case "Email":
			d.Email = c.str(k, v)
		case "Fax":
			d.Fax = c.str(k, v)
		case "SoDienThoai":
			d.Phone = c.str(k, v)
		case "TrichYeuHoSo":
			d.Summary = c.str(k, v)
		case "DonViXuLy":
			d.HandlingAgency = c.str(k, v)
		case "GhiChu":
			d.Note = c.str(k, v)
		case "ThongTinTra":
			d.ReturnNote = c.str(k, v)
		case "NgayNopHoSo":
			d.SubmittedAt = c.time(k, v)
		case "HanTiepNhan":
			d.ReceiveDeadline = c.time(k, v)
		case "NgayTiepNhan":
			d.ReceivedAt = c.time(k, v)
		case "NgayHenTra":
			d.DueAt = c.time(k, v)
		case "NgayTuChoi":
			d.RejectedAt = c.time(k, v)
		case "NgayKetThucXuLy":
			d.ProcessingEndedAt = c.time(k, v)
		case "NgayTra":
			d.ResultReturnedAt = c.time(k, v)
		case "TrangThaiHoSo":
			d.Status = model.ParseStatus(c.str(k, v))
		case "HinhThuc":
			d.ReturnMethod = model.ParseReturnMethod(c.str(k, v))
		case "HoSoCoThanhPhanSoHoa":
			d.HasDigitisedComponents = c.flag(k, v)
		case "TaiKhoanDuocXacThucVoiVNeID":
			d.VNeIDAuthenticated = c.flag(k, v)
		case "DuocThanhToanTrucTuyen":
			d.OnlinePayment = model.ParseOnlinePayment(c.str(k, v))
		case "KetQuaDongBoKho":
			d.ResultSyncedToStore = c.flag(k, v)
		case "TaiLieuNop":
			d.Files = objects(c, k, v, decodeFile)
		case "DanhSachGiayToKetQua":
			d.Results = objects(c, k, v, decodeResult)
		case "DanhSachLePhi":
			d.Fees = objects(c, k, v, decodeFee)
		case "DanhSachTepDinhKemKhac":
			d.OtherDocs = objects(c, k, v, decodeOtherDoc)
		case "DanhSachHoSoBoSung":
			d.Supplements = objects(c, k, v, decodeSupplement)
		case "DinhDanhCHS":
			d.ApplicantIDs = objects(c, k, v, decodeApplicantID)
		case "DSKetNoiCSDL":
			d.Databases = objects(c, k, v, decodeDatabase)
		default:
			d.Extra = append(d.Extra, extra(k, v))
		}
	})
	if !unitSet {
		d.UnitID = UnitFromCode(d.Code)
	}
	if re.Err == nil && d.Code == "" {
		re.Field, re.Err = "MaHoSo", ErrBadCode
	}
	if re.Err != nil {
		return d, re
	}
	return d, nil
}

func decodeApplicantID(c *cursor, raw string) (a model.ApplicantID) {
	c.record(raw, func(k string, v string) {
		switch k {
		case "LoaiDinhDanh":
			a.Kind = c.str(k, v)
		case "SoDinhDanh":
			a.Number = c.str(k, v)
		}
	})
	return a
}

func decodeDatabase(c *cursor, raw string) (code string) {
	c.record(raw, func(k string, v string) {
		if k == "MaCSDL" {
			code = c.str(k, v)
		}
	})
	return code
}

func decodeFile(c *cursor, raw string) (f model.File) {
	c.record(raw, func(k string, v string) {
		switch k {
		case "TepDinhKemId":
			f.ID = c.str(k, v)
		case "TenTepDinhKem":
			f.Name = c.str(k, v)
		case "IsDeleted":
			f.Deleted = c.flag(k, v)
		case "MaThanhPhanHoSo":
			f.ComponentCode = c.str(k, v)
		case "DuongDanTaiTepTin":
			f.URL = c.str(k, v)
		case "DuocSoHoa":
			f.Digitised = c.flag(k, v)
		case "DuocTaiSuDung":
			f.Reused = c.str(k, v)
		case "DuocLayTuKhoDMQG":
			f.FromStore = c.flag(k, v)
		case "MaKetQuaThayThe":
			f.ReplacedResultCode = c.str(k, v)
		default:
			f.Extra = append(f.Extra, extra(k, v))
		}
	})
	return f
}

func decodeResult(c *cursor, raw string) (r model.ResultDoc) {
	c.record(raw, func(k string, v string) {
		switch k {
		case "TenGiayTo":
			r.Name = c.str(k, v)
		case "MaThanhPhanHoSo":
			r.ComponentCode = c.str(k, v)
		case "GiayToId":
			r.ID = c.str(k, v)
		case "DuongDanTepTinKetQua":
			r.URL = c.str(k, v)
		case "MaGiayToKetQua":
			r.Code = c.str(k, v)
		default:
			r.Extra = append(r.Extra, extra(k, v))
		}
	})
	return r
}

func decodeFee(c *cursor, raw string) (f model.Fee) {
	c.record(raw, func(k string, v string) {
		switch k {
		case "TenPhiLePhi":
			f.Name = c.str(k, v)
		case "MaPhiLePhi":
			f.Code = c.str(k, v)
		case "HinhThucThu":
			f.Method = c.str(k, v)
		case "Gia":
			f.Amount = c.amount(k, v)
		case "LoaiPhiLePhi":
			f.Kind = c.str(k, v)
		default:
			f.Extra = append(f.Extra, extra(k, v))
		}
	})
	return f
}

func decodeOtherDoc(c *cursor, raw string) (o model.OtherDoc) {
	c.record(raw, func(k string, v string) {
		switch k {
		case "TenGiayTo":
			o.Name = c.str(k, v)
		case "SoLuong":
			o.Quantity = c.str(k, v)
		case "LoaiGiayTo":
			o.Kind = c.str(k, v)
		default:
			o.Extra = append(o.Extra, extra(k, v))
		}
	})
	return o
}

func decodeSupplement(c *cursor, raw string) (s model.Supplement) {
	c.record(raw, func(k string, v string) {
		switch k {
		case "LoaiBoSung":
			s.Kind = model.ParseSupplementKind(c.str(k, v))
		case "HoSoBoSungId":
			s.ID = c.str(k, v)
		case "NguoiYeuCauBoSung":
			s.RequestedBy = c.str(k, v)
		case "NoiDungBoSung":
			s.Reason = c.str(k, v)
		case "NgayBoSung":
			s.RequestedAt = c.time(k, v)
		case "NguoiTiepNhanBoSung":
			s.ReceivedBy = c.str(k, v)
		case "ThongTinTiepNhan":
			s.ReceptionNote = c.str(k, v)
		case "NgayTiepNhanBoSung":
			s.ResubmittedAt = c.time(k, v)
		case "TrangThaiBoSung":
			s.State = c.str(k, v)
		case "NgayHenTraTruoc":
			s.DueBefore = c.time(k, v)
		case "NgayHenTraMoi":
			s.DueAfter = c.time(k, v)
		case "DanhSachGiayToBoSung":
			if v != "null" && v != `""` {
				s.Documents = []byte(v)
			}
		case "DanhSachLePhiBoSung":
			s.Fees = objects(c, k, v, decodeFee)
		default:
			s.Extra = append(s.Extra, extra(k, v))
		}
	})
	return s
}

func decodeStep(c *cursor, raw string) (s model.Step) {
	s.RealEvent = true
	c.record(raw, func(k string, v string) {
		switch k {
		case "MaHoSo":
			s.DossierCode = strings.TrimSpace(c.str(k, v))
			c.re.Code = s.DossierCode
		case "NguoiXuLy":
			s.Officer = c.str(k, v)
		case "ChucDanh":
			s.Title = c.str(k, v)
		case "ThoiDiemXuLy":
			s.At = c.time(k, v)
		case "PhongBanXuLy":
			s.Department = c.str(k, v)
		case "NoiDungXuLy":
			s.Action = c.str(k, v)
		case "TrangThai":
			s.Status = model.ParseStatus(c.str(k, v))
		case "NgayBatDau":
			s.StartedAt = c.time(k, v)
		case "NgayKetThucTheoQuyDinh":
			s.Deadline = c.time(k, v)
		case "DonViChuyen":
			s.FromUnit = c.str(k, v)
		case "DonViNhan":
			s.ToUnit = c.str(k, v)
		case "SuKienThuc":
			s.RealEvent = c.flag(k, v) != model.FlagFalse
		default:
			s.Extra = append(s.Extra, extra(k, v))
		}
	})
	return s
}

func decodeStepRecord(index int, rawBytes []byte, cfg config) (model.Step, error) {
	raw := string(rawBytes)
	re := &RecordError{Index: index}
	s := decodeStep(newCursor(re, cfg, false), raw)
	if re.Err == nil && s.DossierCode == "" {
		re.Field, re.Err = "MaHoSo", ErrBadCode
	}
	if re.Err != nil {
		return s, re
	}
	return s, nil
}
