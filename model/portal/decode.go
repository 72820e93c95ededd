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
	"github.com/vn-dvc/chiso766/model/internal/chunk"
	"github.com/vn-dvc/chiso766/model/internal/limits"
)

// DecodeDossiers streams the dossiers of a DongBoHoSoMC payload from r: an
// envelope object {"service": …, …, "data": [ … ]} or a bare array. Each
// element of data[] yields one model.Dossier in input order. A leading UTF-8
// byte order mark is skipped; UTF-16 input is an error wrapping ErrUTF16.
//
// Errors: a record with a bad value (including a repeated key, text that is
// not UTF-8 and a value over the field limit) yields the partly decoded
// dossier together with a *RecordError (index, MaHoSo, field) and decoding
// continues with the next record, so the caller chooses to skip-and-report or
// stop (by breaking out of the loop). A syntax error, a second "data" array,
// a record over the record limit (ErrTooLarge) or an I/O error yields a
// *RecordError wrapping ErrSyntax (or ErrTooLarge, or the reader's error) with
// Terminal set, and ends the sequence (IsTerminal). On error the dossier must
// not be counted.
//
// Sync (policy "payload_sync", default on; PayloadSync(false) turns it off): a
// dossier read from a payload was sent to the portal (the payload is what is
// sent), and the payload carries no per-record sync answer: Sync is set to a
// sending at the reception time (NgayTiepNhan, else NgayNopHoSo) with
// ErrorCode "" (accepted); with neither date it stays absent.
//
// Options: MaxRecordBytes and MaxFieldBytes raise or lower the limits
// (defaults DefaultMaxRecordBytes, 1 MiB, and DefaultMaxFieldBytes, 256 KiB).
//
// Memory: one record is held at a time, and reading stops at the record
// limit, so memory does not grow with the input size, even for hostile input
// (at most about twice the record limit). Cost: one pass of the one-pass
// parser over each record, after the framer has delimited it; the record's
// text is copied once into a string and unescaped string values are
// substrings of it; each nested list and unknown key allocates its own. The
// sequence can be ranged over once.
func DecodeDossiers(r io.Reader, opts ...Option) iter.Seq2[model.Dossier, error] {
	return func(yield func(model.Dossier, error) bool) {
		cfg := newConfig(opts)
		x := &dossierDecoder{cfg: cfg}
		decodeStream(r, cfg, x.decode, yield)
	}
}

// DecodeSteps streams the timeline steps of a CapNhatTienDoHoSoMC payload,
// with the same envelope, error, option and memory rules as DecodeDossiers.
// Step.RealEvent is true unless the local key SuKienThuc is "0".
func DecodeSteps(r io.Reader, opts ...Option) iter.Seq2[model.Step, error] {
	return func(yield func(model.Step, error) bool) {
		cfg := newConfig(opts)
		decodeStream(r, cfg, func(i int, raw string) (model.Step, error, error) { return decodeStepRecord(i, raw, cfg) }, yield)
	}
}

// decodeStream frames the data array of r and decodes each element with dec, yielding records and errors.
func decodeStream[T any](r io.Reader, cfg config, dec func(int, string) (T, error, error), yield func(T, error) bool) {
	f := &framer{Window: chunk.Window{R: r, Buf: make([]byte, 64<<10)}, limit: cfg.Record}
	stopped := false
	err := f.walk([]string{"data"}, func(elem []byte, i int) bool {
		v, rerr, syn := dec(i, string(elem))
		if syn != nil {
			var zero T
			syn.(*RecordError).Terminal = true
			yield(zero, syn)
			stopped = true
			return false
		}
		if !yield(v, rerr) {
			stopped = true
			return false
		}
		return true
	})
	if err != nil && !stopped {
		var zero T
		yield(zero, err)
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

// decodeDossier decodes one element of data[] (its JSON text, copied once into a string whose substrings
// the dossier's strings are) in one pass. syntax is a terminal error (ErrSyntax): the element is not
// well-formed JSON.
// dossierDecoder decodes the records of one stream (or chunk), one at a time, reusing its state: the
// parser, the record error and the dossier being filled live here rather than on the heap per record.
type dossierDecoder struct {
	p       parser
	re      RecordError
	d       *model.Dossier // the dossier being filled (into's destination)
	out     model.Dossier  // decode's destination
	unitSet bool
	sl      slabs
	cfg     config
}

// decode decodes one element of data[] (its JSON text, copied once into a string whose substrings
// the dossier's strings are) in one pass, and returns the dossier (a copy; see into).
func (x *dossierDecoder) decode(index int, raw string) (d model.Dossier, err, syntax error) {
	err, syntax = x.into(&x.out, index, raw)
	return x.out, err, syntax
}

// into decodes one element of data[] into *dst (overwritten: no 1 KB dossier is copied on the way).
// syntax is a terminal error (ErrSyntax): the element is not well-formed JSON, and *dst is then zero.
func (x *dossierDecoder) into(dst *model.Dossier, index int, raw string) (err, syntax error) {
	x.re = RecordError{Index: index}
	x.p = parser{s: raw, re: &x.re, maxField: x.cfg.Field, sl: &x.sl, frames: x.p.frames[:0], keys: x.p.keys}
	*dst = model.Dossier{}
	x.d = dst
	defer func() { x.d = nil }()
	x.unitSet = false
	p := &x.p
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == '{' {
		p.object(false, x.field)
	} else {
		p.skip()
		p.fail("", ErrNotObject)
	}
	p.ws()
	if p.syntax == nil && p.i != len(p.s) {
		p.bad("data after the record")
	}
	if p.syntax != nil {
		*dst = model.Dossier{}
		return nil, &RecordError{Index: index, Err: p.syntax}
	}
	if !x.unitSet {
		dst.UnitID = UnitFromCode(dst.Code)
	}
	if !x.cfg.NoPayloadSync {
		payloadSync(dst)
	}
	if x.re.Err == nil && dst.Code == "" {
		x.re.Field, x.re.Err = "MaHoSo", ErrBadCode
	}
	if x.re.Err != nil {
		re := x.re
		return &re, nil
	}
	return nil, nil
}

// field decodes the value of the record's key k.
func (x *dossierDecoder) field(k string) {
	p := &x.p
	switch k {
	case "MaHoSo":
		if s, ok := p.text(k); ok {
			x.d.Code = strings.TrimSpace(s)
			x.re.Code = x.d.Code
		}
	case "MaHoSoKhac":
		parsed(p, k, &x.d.Aliases, splitAliases)
	case "IdHoSo":
		x.d.NationalID = p.str0(k)
	case "MaTTHC":
		x.d.ProcedureCode = p.str0(k)
	case "TenTTHC":
		x.d.ProcedureName = p.str0(k)
	case "MaTruongHop":
		x.d.CaseCode = p.str0(k)
	case "MaDonVi":
		if s, ok := p.text(k); ok {
			x.d.UnitID = s
			x.unitSet = s != ""
		}
	case "MaLinhVuc":
		x.d.FieldCode = p.str0(k)
	case "TenLinhVuc":
		x.d.FieldName = p.str0(k)
	case "KenhThucHien":
		parsed(p, k, &x.d.Channel, model.ParseChannel)
	case "NoiNopHoSo":
		x.d.SubmittedVia = p.str0(k)
	case "LoaiDoiTuong":
		parsed(p, k, &x.d.ApplicantType, model.ParseApplicantType)
	case "SoBienNhan":
		x.d.ReceiptNo = p.str0(k)
	case "ChuHoSo":
		x.d.ApplicantName = p.str0(k)
	case "MaDoiTuong":
		x.d.ApplicantAccount = p.str0(k)
	case "SoGiayToChuHoSo":
		x.d.ApplicantDocNo = p.str0(k)
	case "ThongTinKhac":
		x.d.OtherInfo = p.str0(k)
	case "Email":
		x.d.Email = p.str0(k)
	case "Fax":
		x.d.Fax = p.str0(k)
	case "SoDienThoai":
		x.d.Phone = p.str0(k)
	case "TrichYeuHoSo":
		x.d.Summary = p.str0(k)
	case "DonViXuLy":
		x.d.HandlingAgency = p.str0(k)
	case "GhiChu":
		x.d.Note = p.str0(k)
	case "ThongTinTra":
		x.d.ReturnNote = p.str0(k)
	case "NgayNopHoSo":
		x.d.SubmittedAt = p.time(k)
	case "HanTiepNhan":
		x.d.ReceiveDeadline = p.time(k)
	case "NgayTiepNhan":
		x.d.ReceivedAt = p.time(k)
	case "NgayHenTra":
		x.d.DueAt = p.time(k)
	case "NgayTuChoi":
		x.d.RejectedAt = p.time(k)
	case "NgayKetThucXuLy":
		x.d.ProcessingEndedAt = p.time(k)
	case "NgayTra":
		x.d.ResultReturnedAt = p.time(k)
	case "TrangThaiHoSo":
		parsed(p, k, &x.d.Status, model.ParseStatus)
	case "HinhThuc":
		parsed(p, k, &x.d.ReturnMethod, model.ParseReturnMethod)
	case "HoSoCoThanhPhanSoHoa":
		x.d.HasDigitisedComponents = p.flag0(k)
	case "TaiKhoanDuocXacThucVoiVNeID":
		x.d.VNeIDAuthenticated = p.flag0(k)
	case "DuocThanhToanTrucTuyen":
		parsed(p, k, &x.d.OnlinePayment, model.ParseOnlinePayment)
	case "KetQuaDongBoKho":
		x.d.ResultSyncedToStore = p.flag0(k)
	case "TaiLieuNop":
		x.d.Files, _ = listOf(p, k, func(s *slabs) *slab[model.File] { return &s.files }, decodeFile)
	case "DanhSachGiayToKetQua":
		x.d.Results, _ = listOf(p, k, func(s *slabs) *slab[model.ResultDoc] { return &s.results }, decodeResult)
	case "DanhSachLePhi":
		x.d.Fees, _ = listOf(p, k, func(s *slabs) *slab[model.Fee] { return &s.fees }, decodeFee)
	case "DanhSachTepDinhKemKhac":
		x.d.OtherDocs, _ = listOf(p, k, func(s *slabs) *slab[model.OtherDoc] { return &s.otherDocs }, decodeOtherDoc)
	case "DanhSachHoSoBoSung":
		x.d.Supplements, _ = listOf(p, k, func(s *slabs) *slab[model.Supplement] { return &s.supplements }, decodeSupplement)
	case "DinhDanhCHS":
		x.d.ApplicantIDs, _ = listOf(p, k, func(s *slabs) *slab[model.ApplicantID] { return &s.ids }, decodeApplicantID)
	case "DSKetNoiCSDL":
		x.d.Databases, _ = listOf(p, k, func(s *slabs) *slab[string] { return &s.databases }, decodeDatabase)
	default:
		if f, ok := p.extraField(k); ok {
			x.d.Extra = append(x.d.Extra, f)
		}
	}
}

// parsed sets *dst to parse(s) when the value of key k reads as text s (parser.text); a value over the
// field limit or a malformed record leaves *dst as it is. Cost: that of parser.text and parse.
func parsed[T any](p *parser, k string, dst *T, parse func(string) T) {
	if s, ok := p.text(k); ok {
		*dst = parse(s)
	}
}

// payloadSync applies the sync rule of a DongBoHoSoMC payload: the payload is what a local system sends
// to the portal, so a dossier read from one was sent; the payload carries no per-record sync answer, so
// the sending counts as accepted (ErrorCode "") at the dossier's reception time (NgayTiepNhan, else
// NgayNopHoSo; absent when both are, and then 1.4 reads it as not sent).
func payloadSync(d *model.Dossier) {
	if d.Sync == (model.SyncInfo{}) {
		d.Sync.SentAt = d.Received()
	}
}

func decodeApplicantID(p *parser, a *model.ApplicantID) {
	p.object(false, func(k string) {
		switch k {
		case "LoaiDinhDanh":
			a.Kind = p.str0(k)
		case "SoDinhDanh":
			a.Number = p.str0(k)
		default:
			p.skipField(k)
		}
	})
}

func decodeDatabase(p *parser, code *string) {
	p.object(false, func(k string) {
		if k == "MaCSDL" {
			*code = p.str0(k)
			return
		}
		p.skipField(k)
	})
}

func decodeFile(p *parser, f *model.File) {
	p.object(false, func(k string) {
		switch k {
		case "TepDinhKemId":
			f.ID = p.str0(k)
		case "TenTepDinhKem":
			f.Name = p.str0(k)
		case "IsDeleted":
			f.Deleted = p.flag0(k)
		case "MaThanhPhanHoSo":
			f.ComponentCode = p.str0(k)
		case "DuongDanTaiTepTin":
			f.URL = p.str0(k)
		case "DuocSoHoa":
			f.Digitised = p.flag0(k)
		case "DuocTaiSuDung":
			f.Reused = p.str0(k)
		case "DuocLayTuKhoDMQG":
			f.FromStore = p.flag0(k)
		case "MaKetQuaThayThe":
			f.ReplacedResultCode = p.str0(k)
		default:
			if x, ok := p.extraField(k); ok {
				f.Extra = append(f.Extra, x)
			}
		}
	})
}

func decodeResult(p *parser, r *model.ResultDoc) {
	p.object(false, func(k string) {
		switch k {
		case "TenGiayTo":
			r.Name = p.str0(k)
		case "MaThanhPhanHoSo":
			r.ComponentCode = p.str0(k)
		case "GiayToId":
			r.ID = p.str0(k)
		case "DuongDanTepTinKetQua":
			r.URL = p.str0(k)
		case "MaGiayToKetQua":
			r.Code = p.str0(k)
		default:
			if x, ok := p.extraField(k); ok {
				r.Extra = append(r.Extra, x)
			}
		}
	})
}

// decodeFee reads a fee line; a line without a given Gia (absent, null, empty) is of unknown amount
// (model.Fee.AmountUnknown, issue 13 decision 5).
func decodeFee(p *parser, f *model.Fee) {
	f.AmountUnknown = true
	p.object(false, func(k string) {
		switch k {
		case "TenPhiLePhi":
			f.Name = p.str0(k)
		case "MaPhiLePhi":
			f.Code = p.str0(k)
		case "HinhThucThu":
			f.Method = p.str0(k)
		case "Gia":
			var given bool
			f.Amount, given = p.amountGiven(k)
			f.AmountUnknown = !given
		case "LoaiPhiLePhi":
			f.Kind = p.str0(k)
		default:
			if x, ok := p.extraField(k); ok {
				f.Extra = append(f.Extra, x)
			}
		}
	})
}

func decodeOtherDoc(p *parser, o *model.OtherDoc) {
	p.object(false, func(k string) {
		switch k {
		case "TenGiayTo":
			o.Name = p.str0(k)
		case "SoLuong":
			o.Quantity = p.str0(k)
		case "LoaiGiayTo":
			o.Kind = p.str0(k)
		default:
			if x, ok := p.extraField(k); ok {
				o.Extra = append(o.Extra, x)
			}
		}
	})
}

func decodeSupplement(p *parser, s *model.Supplement) {
	p.object(false, func(k string) {
		switch k {
		case "LoaiBoSung":
			if v, ok := p.text(k); ok {
				s.Kind = model.ParseSupplementKind(v)
			}
		case "HoSoBoSungId":
			s.ID = p.str0(k)
		case "NguoiYeuCauBoSung":
			s.RequestedBy = p.str0(k)
		case "NoiDungBoSung":
			s.Reason = p.str0(k)
		case "NgayBoSung":
			s.RequestedAt = p.time(k)
		case "NguoiTiepNhanBoSung":
			s.ReceivedBy = p.str0(k)
		case "ThongTinTiepNhan":
			s.ReceptionNote = p.str0(k)
		case "NgayTiepNhanBoSung":
			s.ResubmittedAt = p.time(k)
		case "TrangThaiBoSung":
			s.State = p.str0(k)
		case "NgayHenTraTruoc":
			s.DueBefore = p.time(k)
		case "NgayHenTraMoi":
			s.DueAfter = p.time(k)
		case "DanhSachGiayToBoSung":
			start := p.i
			p.skip()
			v := p.s[start:p.i]
			if p.syntax == nil && !p.tooBig(k, v) && v != "null" && v != `""` {
				s.Documents = []byte(v)
			}
		case "DanhSachLePhiBoSung":
			s.Fees, _ = listOf(p, k, func(s *slabs) *slab[model.Fee] { return &s.fees }, decodeFee)
		default:
			if x, ok := p.extraField(k); ok {
				s.Extra = append(s.Extra, x)
			}
		}
	})
}

func decodeStep(p *parser, s *model.Step) {
	s.RealEvent = true
	p.object(false, func(k string) {
		switch k {
		case "MaHoSo":
			if v, ok := p.text(k); ok {
				s.DossierCode = strings.TrimSpace(v)
				p.re.Code = s.DossierCode
			}
		case "NguoiXuLy":
			s.Officer = p.str0(k)
		case "ChucDanh":
			s.Title = p.str0(k)
		case "ThoiDiemXuLy":
			s.At = p.time(k)
		case "PhongBanXuLy":
			s.Department = p.str0(k)
		case "NoiDungXuLy":
			s.Action = p.str0(k)
		case "TrangThai":
			if v, ok := p.text(k); ok {
				s.Status = model.ParseStatus(v)
			}
		case "NgayBatDau":
			s.StartedAt = p.time(k)
		case "NgayKetThucTheoQuyDinh":
			s.Deadline = p.time(k)
		case "DonViChuyen":
			s.FromUnit = p.str0(k)
		case "DonViNhan":
			s.ToUnit = p.str0(k)
		case "SuKienThuc":
			if f, ok := p.flag(k); ok {
				s.RealEvent = f != model.FlagFalse
			}
		default:
			if x, ok := p.extraField(k); ok {
				s.Extra = append(s.Extra, x)
			}
		}
	})
}

// decodeStepRecord decodes one element of a CapNhatTienDoHoSoMC data[] in one pass (see dossierDecoder.decode).
func decodeStepRecord(index int, raw string, cfg config) (s model.Step, err, syntax error) {
	re := &RecordError{Index: index}
	p := &parser{s: raw, re: re, maxField: cfg.Field}
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == '{' {
		decodeStep(p, &s)
	} else {
		s.RealEvent = true
		p.skip()
		p.fail("", ErrNotObject)
	}
	p.ws()
	if p.syntax == nil && p.i != len(p.s) {
		p.bad("data after the record")
	}
	if p.syntax != nil {
		return model.Step{}, nil, &RecordError{Index: index, Err: p.syntax}
	}
	if re.Err == nil && s.DossierCode == "" {
		re.Field, re.Err = "MaHoSo", ErrBadCode
	}
	if re.Err != nil {
		return s, re, nil
	}
	return s, nil, nil
}
