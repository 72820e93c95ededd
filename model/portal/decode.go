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
// (at most about three times the record limit). Cost: each record is read once
// by the one-pass parser, which checks its grammar while decoding it, from a
// copy of the input made for it (one allocation, a little longer than the
// record: sized from the records before it; a copy that ends inside the record
// is made again twice as long, so an unusually long record costs up to twice
// its parse); unescaped string values are substrings of that copy, and the
// nested lists of many records share larger allocations; an unknown key
// allocates its own. The sequence can be ranged over once.
func DecodeDossiers(r io.Reader, opts ...Option) iter.Seq2[model.Dossier, error] {
	return decodeDossiers(r, 0, opts)
}

// decodeDossiers is DecodeDossiers; a firstCopy > 0 sets the length of the first copy of each record
// (tests read records in many short steps).
func decodeDossiers(r io.Reader, firstCopy int, opts []Option) iter.Seq2[model.Dossier, error] {
	return func(yield func(model.Dossier, error) bool) {
		cfg := newConfig(opts)
		x := &dossierDecoder{cfg: cfg, firstCopy: firstCopy}
		f := &framer{Window: chunk.Window{R: r, Buf: make([]byte, 64<<10)}, limit: cfg.Record}
		stopped := false
		err := f.walk([]string{"data"}, func(index int) (int, bool, error) {
			var d model.Dossier // on the stack: its fields are written without write barriers
			end, rerr, err := x.fromWindow(f, index, &d)
			if err != nil {
				return 0, false, err
			}
			if !yield(d, rerr) {
				stopped = true
				return 0, true, nil
			}
			return end, false, nil
		})
		if err != nil && !stopped {
			yield(model.Dossier{}, err)
		}
	}
}

// Reading a record straight from the window. The framer does not delimit the records of DecodeDossiers
// beforehand: the parser reads each record once, from a copy of the window's bytes that starts at the
// record and is a little longer than the records seen so far (the dossier's strings are substrings of
// that copy, which is never written again). A copy that ends inside the record shows as a syntax error
// found within its last bytes (or a number running to its end) while the input goes on: the record is
// then read again from a copy twice as long, up to the record limit. A syntax error found earlier does
// not depend on the bytes after the copy and is the record's.
const (
	// lookahead is more than the parser looks beyond the byte where it finds a syntax error (a \u escape,
	// a literal).
	lookahead = 16
	// estMin and estMax bound the first copy's length.
	estMin, estMax = 512, 64 << 10
)

// fromWindow decodes the record at f.Pos into *d and returns its end in f.Buf and its record error,
// or a terminal error (a syntax error in the record, the record limit, a read error).
func (x *dossierDecoder) fromWindow(f *framer, index int, d *model.Dossier) (end int, rerr, terminal error) {
	maxLen := f.limit - int(f.Base+int64(f.Pos)-f.recAt) // the value's bytes within the record limit
	est := max(estMin, min(estMax, max(x.last, x.avg)+64+x.avg/32))
	if x.firstCopy > 0 {
		est = x.firstCopy
	}
	for {
		want := min(est, maxLen+lookahead+1)
		for f.N-f.Pos < want {
			if _, ok := f.More(); !ok {
				break
			}
		}
		n := min(want, f.N-f.Pos)
		more := n < f.N-f.Pos || !f.EOF && f.Err == nil // the input goes on after the copy
		raw := string(f.Buf[f.Pos : f.Pos+n])
		end, rerr, syn := x.prefix(d, index, raw)
		switch {
		case syn == nil && (end < n || !more):
			if end > maxLen {
				return 0, nil, framingError(f, errTooLargeSentinel)
			}
			x.last, x.avg = end, (7*x.avg+end)/8
			return f.Pos + end, rerr, nil
		case syn != nil && (x.p.errAt < n-lookahead || !more):
			return 0, nil, framingError(f, syn)
		case n > maxLen+lookahead:
			return 0, nil, framingError(f, errTooLargeSentinel) // the record goes on past the limit
		}
		est = 2 * n
	}
}

// framingError returns the terminal error of the record at f.Pos, which the parser could not read (err):
// the framer's when it cannot delimit the record either (the input ends inside it, a read error, the
// record limit, a bracket out of place), else err — what SplitDossiers and its chunks report, in that
// order, for the same record.
func framingError(f *framer, err error) error {
	if _, ferr := f.value(); ferr != nil {
		return ferr
	}
	return err
}

// DecodeSteps streams the timeline steps of a CapNhatTienDoHoSoMC payload,
// with the same envelope, error, option and memory rules as DecodeDossiers.
// Step.RealEvent is true unless the local key SuKienThuc is "0".
func DecodeSteps(r io.Reader, opts ...Option) iter.Seq2[model.Step, error] {
	return func(yield func(model.Step, error) bool) {
		cfg := newConfig(opts)
		pred := newPredictions()
		decodeStream(r, cfg, func(i int, raw string) (model.Step, error, error) { return decodeStepRecord(i, raw, cfg, pred) }, yield)
	}
}

// decodeStream frames the data array of r and decodes each element with dec, yielding records and errors.
func decodeStream[T any](r io.Reader, cfg config, dec func(int, string) (T, error, error), yield func(T, error) bool) {
	f := &framer{Window: chunk.Window{R: r, Buf: make([]byte, 64<<10)}, limit: cfg.Record}
	stopped := false
	err := f.walk([]string{"data"}, func(i int) (int, bool, error) {
		end, err := f.value()
		if err != nil {
			return 0, false, err
		}
		v, rerr, syn := dec(i, string(f.Buf[f.Pos:end]))
		if syn != nil {
			var zero T
			syn.(*RecordError).Terminal = true
			yield(zero, syn)
			stopped = true
			return 0, true, nil
		}
		if !yield(v, rerr) {
			stopped = true
			return 0, true, nil
		}
		return end, false, nil
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

// dossierDecoder decodes the records of one stream (or chunk), one at a time, reusing its state: the
// parser, the record error, the slabs and the key predictions live here rather than on the heap per
// record; the dossier being filled is the caller's.
type dossierDecoder struct {
	p    parser
	re   RecordError
	last int // length of the last record read by fromWindow
	avg  int // moving average of the lengths of the records read by fromWindow
	// firstCopy, if > 0, is the length of fromWindow's first copy of a record (tests)
	firstCopy int
	unitSet   bool
	sl        slabs
	pred      *predictions
	cfg       config
}

// into decodes one element of data[] into *dst (overwritten: no 1 KB dossier is copied on the way).
// syntax is a terminal error (ErrSyntax): the element is not well-formed JSON, and *dst is then zero.
func (x *dossierDecoder) into(dst *model.Dossier, index int, raw string) (err, syntax error) {
	x.begin(dst, index, raw)
	p := &x.p
	p.ws()
	x.value(dst)
	p.ws()
	if p.syntax == nil && p.i != len(p.s) {
		p.bad("data after the record")
	}
	return x.finish(dst, index)
}

// prefix decodes the element of data[] that starts at raw[0] (a prefix of raw; what follows it is not
// read) into *dst and returns its end in raw, as into does. A syntax error may come from raw ending
// inside the element: x.p.errAt then tells where it was found.
func (x *dossierDecoder) prefix(dst *model.Dossier, index int, raw string) (end int, err, syntax error) {
	x.begin(dst, index, raw)
	x.value(dst)
	err, syntax = x.finish(dst, index)
	return x.p.i, err, syntax
}

// begin resets the decoder for the element raw, to be decoded into *dst.
func (x *dossierDecoder) begin(dst *model.Dossier, index int, raw string) {
	x.re = RecordError{Index: index}
	if x.pred == nil {
		x.pred = newPredictions()
	}
	x.p = parser{s: raw, re: &x.re, maxField: x.cfg.Field, sl: &x.sl, frames: x.p.frames[:0], keys: x.p.keys, pred: x.pred}
	*dst = model.Dossier{}
	x.unitSet = false
}

// value decodes the value at x.p.i into *d: the dossier object, or any other value as a record error.
func (x *dossierDecoder) value(d *model.Dossier) {
	p := &x.p
	if p.i < len(p.s) && p.s[p.i] == '{' {
		p.object(dossierSchema, func(id int, k string) { x.field(d, id, k) })
	} else {
		p.skip()
		p.fail("", ErrNotObject)
	}
}

// finish completes the dossier decoded into *dst: the derived fields, and the errors of into.
func (x *dossierDecoder) finish(dst *model.Dossier, index int) (err, syntax error) {
	p := &x.p
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
func (x *dossierDecoder) field(d *model.Dossier, id int, k string) {
	p := &x.p
	switch id {
	case kMaHoSo:
		if s, ok := p.text(k); ok {
			d.Code = strings.TrimSpace(s)
			x.re.Code = d.Code
		}
	case kMaHoSoKhac:
		parsed(p, k, &d.Aliases, splitAliases)
	case kIdHoSo:
		d.NationalID = p.str0(k)
	case kMaTTHC:
		d.ProcedureCode = p.str0(k)
	case kTenTTHC:
		d.ProcedureName = p.str0(k)
	case kMaTruongHop:
		d.CaseCode = p.str0(k)
	case kMaDonVi:
		if s, ok := p.text(k); ok {
			d.UnitID = s
			x.unitSet = s != ""
		}
	case kMaLinhVuc:
		d.FieldCode = p.str0(k)
	case kTenLinhVuc:
		d.FieldName = p.str0(k)
	case kKenhThucHien:
		parsed(p, k, &d.Channel, model.ParseChannel)
	case kNoiNopHoSo:
		d.SubmittedVia = p.str0(k)
	case kLoaiDoiTuong:
		parsed(p, k, &d.ApplicantType, model.ParseApplicantType)
	case kSoBienNhan:
		d.ReceiptNo = p.str0(k)
	case kChuHoSo:
		d.ApplicantName = p.str0(k)
	case kMaDoiTuong:
		d.ApplicantAccount = p.str0(k)
	case kSoGiayToChuHoSo:
		d.ApplicantDocNo = p.str0(k)
	case kThongTinKhac:
		d.OtherInfo = p.str0(k)
	case kEmail:
		d.Email = p.str0(k)
	case kFax:
		d.Fax = p.str0(k)
	case kSoDienThoai:
		d.Phone = p.str0(k)
	case kTrichYeuHoSo:
		d.Summary = p.str0(k)
	case kDonViXuLy:
		d.HandlingAgency = p.str0(k)
	case kGhiChu:
		d.Note = p.str0(k)
	case kThongTinTra:
		d.ReturnNote = p.str0(k)
	case kNgayNopHoSo:
		d.SubmittedAt = p.time(k)
	case kHanTiepNhan:
		d.ReceiveDeadline = p.time(k)
	case kNgayTiepNhan:
		d.ReceivedAt = p.time(k)
	case kNgayHenTra:
		d.DueAt = p.time(k)
	case kNgayTuChoi:
		d.RejectedAt = p.time(k)
	case kNgayKetThucXuLy:
		d.ProcessingEndedAt = p.time(k)
	case kNgayTra:
		d.ResultReturnedAt = p.time(k)
	case kTrangThaiHoSo:
		parsed(p, k, &d.Status, model.ParseStatus)
	case kHinhThuc:
		parsed(p, k, &d.ReturnMethod, model.ParseReturnMethod)
	case kHoSoCoThanhPhanSoHoa:
		d.HasDigitisedComponents = p.flag0(k)
	case kTaiKhoanDuocXacThucVoiVNeID:
		d.VNeIDAuthenticated = p.flag0(k)
	case kDuocThanhToanTrucTuyen:
		parsed(p, k, &d.OnlinePayment, model.ParseOnlinePayment)
	case kKetQuaDongBoKho:
		d.ResultSyncedToStore = p.flag0(k)
	case kTaiLieuNop:
		d.Files, _ = listOf(p, k, func(s *slabs) *slab[model.File] { return &s.files }, decodeFile)
	case kDanhSachGiayToKetQua:
		d.Results, _ = listOf(p, k, func(s *slabs) *slab[model.ResultDoc] { return &s.results }, decodeResult)
	case kDanhSachLePhi:
		d.Fees, _ = listOf(p, k, func(s *slabs) *slab[model.Fee] { return &s.fees }, decodeFee)
	case kDanhSachTepDinhKemKhac:
		d.OtherDocs, _ = listOf(p, k, func(s *slabs) *slab[model.OtherDoc] { return &s.otherDocs }, decodeOtherDoc)
	case kDanhSachHoSoBoSung:
		d.Supplements, _ = listOf(p, k, func(s *slabs) *slab[model.Supplement] { return &s.supplements }, decodeSupplement)
	case kDinhDanhCHS:
		d.ApplicantIDs, _ = listOf(p, k, func(s *slabs) *slab[model.ApplicantID] { return &s.ids }, decodeApplicantID)
	case kDSKetNoiCSDL:
		d.Databases, _ = listOf(p, k, func(s *slabs) *slab[string] { return &s.databases }, decodeDatabase)
	default:
		if f, ok := p.extraField(k); ok {
			d.Extra = append(d.Extra, f)
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
	p.object(idSchema, func(id int, k string) {
		switch id {
		case kLoaiDinhDanh:
			a.Kind = p.str0(k)
		case kSoDinhDanh:
			a.Number = p.str0(k)
		default:
			p.skipField(k)
		}
	})
}

func decodeDatabase(p *parser, code *string) {
	p.object(dbSchema, func(id int, k string) {
		if id == 0 {
			*code = p.str0(k)
			return
		}
		p.skipField(k)
	})
}

func decodeFile(p *parser, f *model.File) {
	p.object(fileSchema, func(id int, k string) {
		switch id {
		case kTepDinhKemId:
			f.ID = p.str0(k)
		case kTenTepDinhKem:
			f.Name = p.str0(k)
		case kIsDeleted:
			f.Deleted = p.flag0(k)
		case kFileMaThanhPhanHoSo:
			f.ComponentCode = p.str0(k)
		case kDuongDanTaiTepTin:
			f.URL = p.str0(k)
		case kDuocSoHoa:
			f.Digitised = p.flag0(k)
		case kDuocTaiSuDung:
			f.Reused = p.str0(k)
		case kDuocLayTuKhoDMQG:
			f.FromStore = p.flag0(k)
		case kMaKetQuaThayThe:
			f.ReplacedResultCode = p.str0(k)
		default:
			if x, ok := p.extraField(k); ok {
				f.Extra = append(f.Extra, x)
			}
		}
	})
}

func decodeResult(p *parser, r *model.ResultDoc) {
	p.object(resultSchema, func(id int, k string) {
		switch id {
		case kResTenGiayTo:
			r.Name = p.str0(k)
		case kResMaThanhPhanHoSo:
			r.ComponentCode = p.str0(k)
		case kGiayToId:
			r.ID = p.str0(k)
		case kDuongDanTepTinKetQua:
			r.URL = p.str0(k)
		case kMaGiayToKetQua:
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
	p.object(feeSchema, func(id int, k string) {
		switch id {
		case kTenPhiLePhi:
			f.Name = p.str0(k)
		case kMaPhiLePhi:
			f.Code = p.str0(k)
		case kHinhThucThu:
			f.Method = p.str0(k)
		case kGia:
			var given bool
			f.Amount, given = p.amountGiven(k)
			f.AmountUnknown = !given
		case kLoaiPhiLePhi:
			f.Kind = p.str0(k)
		default:
			if x, ok := p.extraField(k); ok {
				f.Extra = append(f.Extra, x)
			}
		}
	})
}

func decodeOtherDoc(p *parser, o *model.OtherDoc) {
	p.object(otherSchema, func(id int, k string) {
		switch id {
		case kOtherTenGiayTo:
			o.Name = p.str0(k)
		case kSoLuong:
			o.Quantity = p.str0(k)
		case kLoaiGiayTo:
			o.Kind = p.str0(k)
		default:
			if x, ok := p.extraField(k); ok {
				o.Extra = append(o.Extra, x)
			}
		}
	})
}

func decodeSupplement(p *parser, s *model.Supplement) {
	p.object(suppSchema, func(id int, k string) {
		switch id {
		case kLoaiBoSung:
			if v, ok := p.text(k); ok {
				s.Kind = model.ParseSupplementKind(v)
			}
		case kHoSoBoSungId:
			s.ID = p.str0(k)
		case kNguoiYeuCauBoSung:
			s.RequestedBy = p.str0(k)
		case kNoiDungBoSung:
			s.Reason = p.str0(k)
		case kNgayBoSung:
			s.RequestedAt = p.time(k)
		case kNguoiTiepNhanBoSung:
			s.ReceivedBy = p.str0(k)
		case kThongTinTiepNhan:
			s.ReceptionNote = p.str0(k)
		case kNgayTiepNhanBoSung:
			s.ResubmittedAt = p.time(k)
		case kTrangThaiBoSung:
			s.State = p.str0(k)
		case kNgayHenTraTruoc:
			s.DueBefore = p.time(k)
		case kNgayHenTraMoi:
			s.DueAfter = p.time(k)
		case kDanhSachGiayToBoSung:
			start := p.i
			p.skip()
			v := p.s[start:p.i]
			if p.syntax == nil && !p.tooBig(k, v) && v != "null" && v != `""` {
				s.Documents = []byte(v)
			}
		case kDanhSachLePhiBoSung:
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
	p.object(stepSchema, func(id int, k string) {
		switch id {
		case kStepMaHoSo:
			if v, ok := p.text(k); ok {
				s.DossierCode = strings.TrimSpace(v)
				p.re.Code = s.DossierCode
			}
		case kNguoiXuLy:
			s.Officer = p.str0(k)
		case kChucDanh:
			s.Title = p.str0(k)
		case kThoiDiemXuLy:
			s.At = p.time(k)
		case kPhongBanXuLy:
			s.Department = p.str0(k)
		case kNoiDungXuLy:
			s.Action = p.str0(k)
		case kTrangThai:
			if v, ok := p.text(k); ok {
				s.Status = model.ParseStatus(v)
			}
		case kNgayBatDau:
			s.StartedAt = p.time(k)
		case kNgayKetThucTheoQuyDinh:
			s.Deadline = p.time(k)
		case kDonViChuyen:
			s.FromUnit = p.str0(k)
		case kDonViNhan:
			s.ToUnit = p.str0(k)
		case kSuKienThuc:
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

// decodeStepRecord decodes one element of a CapNhatTienDoHoSoMC data[] in one pass (see
// dossierDecoder.into), with the key order predicted by pred (the stream's).
func decodeStepRecord(index int, raw string, cfg config, pred *predictions) (s model.Step, err, syntax error) {
	re := &RecordError{Index: index}
	p := &parser{s: raw, re: re, maxField: cfg.Field, pred: pred}
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
