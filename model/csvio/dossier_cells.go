package csvio

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/internal/limits"
	"github.com/vn-dvc/chiso766/model/portal"
)

// The dossier layout's cells without per-cell closures (issue 17): DecodeDossiers and SplitDossiers'
// chunks set a dossier's fields by column index (a switch the compiler turns into a jump table), skip
// empty cells (every column's "" is the field's zero value, which the record is reset to), read the
// writer's time form arithmetically (cellTime) and take list items from per-type slabs. The closures
// of dossierColumns remain the layout's definition (its names, the writer) and the setters the tests
// compare these with.

// The dossier layout's columns, in the order of dossierColumns (TestDossierColumnIDs).
const (
	dcCode = iota
	dcAliases
	dcNationalID
	dcProcedureCode
	dcProcedureName
	dcCaseCode
	dcUnitID
	dcFieldCode
	dcChannel
	dcSubmittedVia
	dcApplicantType
	dcApplicantIDs
	dcSummary
	dcSubmittedAt
	dcReceiveDeadline
	dcReceivedAt
	dcDueAt
	dcRejectedAt
	dcProcessingEndedAt
	dcResultReturnedAt
	dcStatus
	dcReturnMethod
	dcHasDigitisedComponents
	dcVNeIDAuthenticated
	dcOnlinePayment
	dcResultSyncedToStore
	dcFiles
	dcResults
	dcFees
	dcSupplements
	dcDatabases
	dcSyncSentAt
	dcSyncUpdating
	dcSyncErrorCode
	dcSyncMessage
	dcCount
)

// dossierCells decodes the cells of dossier rows for one decoder (one goroutine): the header's
// mapping, the limits and the slabs list cells take their slices from.
type dossierCells struct {
	h       *header
	cfg     limits.Config
	times   timeCache
	codes   *codeTables
	strs    slab[string]
	ids     slab[model.ApplicantID]
	files   slab[model.File]
	results slab[model.ResultDoc]
	fees    slab[model.Fee]
	sups    slab[model.Supplement]
}

func newDossierCells(h *header, cfg limits.Config) *dossierCells {
	return &dossierCells{h: h, cfg: cfg, codes: newCodeTables()}
}

// codeTables holds the code columns' values of the one-digit cells "0".."9" (what model.ParseX
// returns for them, with the same raw text), looked up instead of parsed.
type codeTables struct {
	channel       [10]model.Channel
	applicantType [10]model.ApplicantType
	status        [11]model.Status // and "10"
	returnMethod  [10]model.ReturnMethod
	onlinePayment [10]model.OnlinePayment
}

func newCodeTables() *codeTables {
	t := new(codeTables)
	for i := range 10 {
		s := string(rune('0' + i))
		t.channel[i], t.applicantType[i], t.status[i] = model.ParseChannel(s), model.ParseApplicantType(s), model.ParseStatus(s)
		t.returnMethod[i], t.onlinePayment[i] = model.ParseReturnMethod(s), model.ParseOnlinePayment(s)
	}
	t.status[10] = model.ParseStatus("10")
	return t
}

// codeCell reads a code cell: a one-digit code from the decoder's table of parsed codes, anything
// else through parse.
func codeCell[C any](s string, table *[10]C, parse func(string) C) C {
	if k := digit(s); k >= 0 {
		return table[k]
	}
	return parse(s)
}

// digit returns the value of a one-digit cell, or -1.
func digit(s string) int {
	if len(s) == 1 && s[0]-'0' <= 9 {
		return int(s[0] - '0')
	}
	return -1
}

// fill sets *d from the cells of row n, the last row of rr; it returns the row's *RecordError (the
// first bad cell, named by its column; the other cells are still set) or nil. It is fillRow with the
// dossier layout: each column's setter in dossierColumns is a case of its switch (TestCellSetters),
// an empty cell is the zero value. The record is built by row, in its result on this stack frame,
// and copied to *d at the end: its fields are written without the garbage collector's write barriers.
func (dc *dossierCells) fill(d *model.Dossier, rr *rowReader, n int) (re *RecordError) {
	*d, re = dc.row(rr, n)
	return re
}

// row is fill returning the record (DecodeDossiers yields it from its own stack). Cost: one pass over
// the row's cells; allocation only for list items when a slab is full, and for an error.
func (dc *dossierCells) row(rr *rowReader, n int) (x model.Dossier, re *RecordError) {
	h := dc.h
	if rr.ncells() != len(h.headers) {
		return x, &RecordError{Index: n, Line: rr.rowAt, Err: fmt.Errorf("%w: %d cells, header has %d", portal.ErrSyntax, rr.ncells(), len(h.headers))}
	}
	// The first bad cell's index and error, in memory (its address is taken): not carried in
	// registers through the loop, where they are spilled and reloaded around every call.
	var first badCell
	bad := &first
	raw, off, ends := rr.row, rr.off, rr.ends
	ends = ends[:len(h.pos)]
	utf8Row := validUTF8(raw) // cells are substrings of raw, or unescaped from them
	limit := dc.cfg.Field
	next := 0 // the start of cell i in raw
	for i, c := range h.pos {
		e := ends[i]
		lo, hi := next, e&cellEnd-off
		next = hi + 1
		if e&cellQuoted != 0 {
			lo, hi = lo+1, hi-1
		}
		if lo == hi { // an empty cell: the zero value
			continue
		}
		s := raw[lo:hi]
		if e&cellEscape != 0 {
			s = unescapeCell(s)
		}
		var err error
		switch {
		case len(s) > limit:
			err = fmt.Errorf("%w: cell of %d bytes, limit %d (MaxFieldBytes)", ErrTooLarge, len(s), dc.cfg.Field)
		case c < 0:
			continue
		case !utf8Row && !utf8.ValidString(s):
			err = fmt.Errorf("%w: cell %.40q", portal.ErrInvalidUTF8, s)
		}
		if err == nil {
			switch c {
			case dcCode:
				x.Code = s
			case dcAliases:
				x.Aliases = dc.strList(s)
			case dcNationalID:
				x.NationalID = s
			case dcProcedureCode:
				x.ProcedureCode = s
			case dcProcedureName:
				x.ProcedureName = s
			case dcCaseCode:
				x.CaseCode = s
			case dcUnitID:
				x.UnitID = s
			case dcFieldCode:
				x.FieldCode = s
			case dcChannel:
				x.Channel = codeCell(s, &dc.codes.channel, model.ParseChannel)
			case dcSubmittedVia:
				x.SubmittedVia = s
			case dcApplicantType:
				x.ApplicantType = codeCell(s, &dc.codes.applicantType, model.ParseApplicantType)
			case dcApplicantIDs:
				x.ApplicantIDs, err = dc.applicantIDs(s)
			case dcSummary:
				x.Summary = s
			case dcSubmittedAt:
				x.SubmittedAt, err = dc.times.parse(s)
			case dcReceiveDeadline:
				x.ReceiveDeadline, err = dc.times.parse(s)
			case dcReceivedAt:
				x.ReceivedAt, err = dc.times.parse(s)
			case dcDueAt:
				x.DueAt, err = dc.times.parse(s)
			case dcRejectedAt:
				x.RejectedAt, err = dc.times.parse(s)
			case dcProcessingEndedAt:
				x.ProcessingEndedAt, err = dc.times.parse(s)
			case dcResultReturnedAt:
				x.ResultReturnedAt, err = dc.times.parse(s)
			case dcStatus:
				if k := digit(s); k >= 0 {
					x.Status = dc.codes.status[k]
				} else if s == "10" {
					x.Status = dc.codes.status[10]
				} else {
					x.Status = model.ParseStatus(s)
				}
			case dcReturnMethod:
				x.ReturnMethod = codeCell(s, &dc.codes.returnMethod, model.ParseReturnMethod)
			case dcHasDigitisedComponents:
				if x.HasDigitisedComponents = flag01(s); x.HasDigitisedComponents == model.FlagAbsent {
					x.HasDigitisedComponents, err = parseFlag(s)
				}
			case dcVNeIDAuthenticated:
				if x.VNeIDAuthenticated = flag01(s); x.VNeIDAuthenticated == model.FlagAbsent {
					x.VNeIDAuthenticated, err = parseFlag(s)
				}
			case dcOnlinePayment:
				x.OnlinePayment = codeCell(s, &dc.codes.onlinePayment, model.ParseOnlinePayment)
			case dcResultSyncedToStore:
				if x.ResultSyncedToStore = flag01(s); x.ResultSyncedToStore == model.FlagAbsent {
					x.ResultSyncedToStore, err = parseFlag(s)
				}
			case dcFiles:
				x.Files, err = dc.fileList(s)
			case dcResults:
				x.Results, err = dc.resultList(s)
			case dcFees:
				x.Fees, err = dc.feeList(s)
			case dcSupplements:
				x.Supplements, err = dc.supplementList(s)
			case dcDatabases:
				x.Databases = dc.strList(s)
			case dcSyncSentAt:
				x.Sync.SentAt, err = dc.times.parse(s)
			case dcSyncUpdating:
				if x.Sync.Updating = flag01(s); x.Sync.Updating == model.FlagAbsent {
					x.Sync.Updating, err = parseFlag(s)
				}
			case dcSyncErrorCode:
				x.Sync.ErrorCode = s
			case dcSyncMessage:
				x.Sync.Message = s
			}
		}
		if err != nil && bad.err == nil {
			bad.i, bad.err = i, err
		}
	}
	if bad.err != nil {
		return x, &RecordError{Index: n, Line: rr.rowAt, Code: x.Code, Field: h.headers[bad.i], Err: bad.err}
	}
	if isBlank(x.Code) {
		return x, &RecordError{Index: n, Line: rr.rowAt, Code: x.Code, Field: "code", Err: ErrMissingKey}
	}
	return x, nil
}

// badCell is the first bad cell of a row: its index and error (nil for none).
type badCell struct {
	i   int
	err error
}

// strList is strList's setter: nil for a blank cell, else the ';'-separated items, trimmed.
func (dc *dossierCells) strList(s string) []string {
	if isBlank(s) {
		return nil
	}
	if len(s) <= 8 && !inShort(s, ';') { // one short item (the common case), without a call
		out := dc.strs.take(1)
		if out[0] = s; spaced(s) {
			out[0] = strings.TrimSpace(s)
		}
		return out
	}
	out := dc.strs.take(strings.Count(s, ";") + 1)
	for i := range out {
		it, rest := cut(s, ';')
		out[i], s = trim(it), rest
	}
	return out
}

// inShort reports whether c occurs in s, a few bytes long: a loop without a call, which would cost
// more than the loop (the callers call strings.IndexByte for longer strings). Small enough to be inlined.
func inShort(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

// nextItem cuts the first item off the list cell s and into its n '|'-separated parts (n ≤ 4),
// trimmed, what structList's setter reads; more reports that a ';' followed the item (another item,
// maybe empty, follows); i is the item's index, for the error (ErrBadList for an item of another
// number of parts). The parts are returned by value: they are written to the caller's stack, without
// the garbage collector's write barriers.
func nextItem(s string, i, n int) (p [4]string, rest string, more bool, err error) {
	item := s
	if k := strings.IndexByte(s, ';'); k >= 0 {
		item, rest, more = s[:k], s[k+1:], true
	}
	last := n - 1
	for j := range last {
		k := strings.IndexByte(item, '|')
		if k < 0 {
			return p, rest, more, partsErr(i, j+1, n)
		}
		if p[j], item = item[:k], item[k+1:]; spaced(p[j]) {
			p[j] = strings.TrimSpace(p[j])
		}
	}
	if len(item) > 8 || inShort(item, '|') { // a short last part is looked at without a call
		if k := strings.IndexByte(item, '|'); k >= 0 {
			return p, rest, more, partsErr(i, n+1+strings.Count(item[k+1:], "|"), n)
		}
	}
	if p[last] = item; spaced(item) {
		p[last] = strings.TrimSpace(item)
	}
	return p, rest, more, nil
}

// partsErr is the error of item i of a list cell with got parts instead of n.
func partsErr(i, got, n int) error {
	return fmt.Errorf("%w: item %d has %d parts, want %d", ErrBadList, i, got, n)
}

// itemErr is the error of item i of a list cell.
func itemErr(i int, err error) error { return fmt.Errorf("item %d: %w", i, err) }

// The list cells of the dossier layout, each as its structList's setter (the field is left as it is
// on an error). A cell's items are decoded in place in the decoder's slab of their type and taken
// from it when all of them decode; the slab's free items are always zero (the items of a cell that
// fails are cleared).

func (dc *dossierCells) applicantIDs(s string) ([]model.ApplicantID, error) {
	return listCell(s, 2, &dc.ids, func(a *model.ApplicantID, p [4]string) error {
		a.Kind, a.Number = p[0], p[1]
		return nil
	})
}

func (dc *dossierCells) fileList(s string) ([]model.File, error) {
	return listCell(s, 4, &dc.files, func(f *model.File, p [4]string) (err error) {
		f.ComponentCode, f.URL = p[0], p[1]
		if f.Digitised = flag01(p[2]); f.Digitised == model.FlagAbsent {
			if f.Digitised, err = parseFlag(p[2]); err != nil {
				return err
			}
		}
		if f.FromStore = flag01(p[3]); f.FromStore == model.FlagAbsent {
			f.FromStore, err = parseFlag(p[3])
		}
		return err
	})
}

func (dc *dossierCells) resultList(s string) ([]model.ResultDoc, error) {
	return listCell(s, 2, &dc.results, func(r *model.ResultDoc, p [4]string) error {
		r.Code, r.URL = p[0], p[1]
		return nil
	})
}

func (dc *dossierCells) feeList(s string) ([]model.Fee, error) {
	return listCell(s, 2, &dc.fees, func(f *model.Fee, p [4]string) (err error) {
		f.Code = p[0]
		f.AmountUnknown = p[1] == "" // an obligation of unknown size (docs/rules.md, 3.6)
		f.Amount, err = cellInt(p[1])
		return err
	})
}

func (dc *dossierCells) supplementList(s string) ([]model.Supplement, error) {
	return listCell(s, 4, &dc.sups, func(x *model.Supplement, p [4]string) (err error) {
		for j, dst := range [...]*model.Time{&x.RequestedAt, &x.ResubmittedAt, &x.DueBefore, &x.DueAfter} {
			if p[j] != "" {
				if *dst, err = dc.times.parse(p[j]); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// listCell decodes a list cell of items of parts '|'-separated parts (at most four) in place into the
// slab sl: set fills item n from its parts, and an error of set is item n's. On any error the cell's
// items are cleared from the slab (the field is left as it is). No allocation unless the slab is full.
func listCell[E any](s string, parts int, sl *slab[E], set func(it *E, p [4]string) error) ([]E, error) {
	if isBlank(s) {
		return nil, nil
	}
	n := 0
	for more := true; more; n++ {
		var p [4]string
		var err error
		if p, s, more, err = nextItem(s, n, parts); err == nil {
			if err = set(sl.item(n), p); err != nil {
				err = itemErr(n, err)
			}
		}
		if err != nil {
			sl.drop(n + 1)
			return nil, err
		}
	}
	return sl.take(n), nil
}

// flag01 reads the flag cells "0" and "1" (FlagFalse and the flag after it, FlagTrue: TestCellSetters),
// FlagAbsent for any other: the decoder's flag cells are read by flag01 and, when it returns
// FlagAbsent, parseFlag (flag's setter). Small enough to be inlined.
func flag01(s string) model.Flag {
	if len(s) == 1 && s[0]-'0' <= 1 {
		return model.FlagFalse + model.Flag(s[0]-'0')
	}
	return model.FlagAbsent
}

// cellInt is parseInt with the plain digits of a VND amount read in place.
func cellInt(s string) (int64, error) {
	if len(s) == 0 || len(s) > 18 {
		return parseInt(s)
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i] - '0'
		if c > 9 {
			return parseInt(s)
		}
		n = n*10 + int64(c)
	}
	return n, nil
}

// timeCache reads time cells: parseTime with a fast path for the form the writer writes,
// yyyy-MM-ddTHH:mm:ss followed by ±hh:mm or Z (a space for the T, as ISO 8601 allows, too), read in
// place and the instant computed arithmetically: the value portal.ParseTime returns (FuzzCellTime).
// The last two dates and the last offset read by the fast path are kept, so that a cell on one of
// those days (the times of a dossier mostly fall on one or two days, and the next dossier's often on
// one of them) only reads its time of day. Anything else (a fraction, other layouts, spaces around, a
// value out of range) goes to parseTime. The zero value is ready for use; one per decoder. No
// allocation but parseTime's errors.
type timeCache struct {
	date [2]uint64 // the first eight bytes of the last two yyyy-MM-dd read (the newer first) ...
	dd   [2]uint32 // ... and their last two, with bit 16 set (0 for none)
	days [2]int64  // their days from 1970-01-01
	zone uint64    // the bytes of the last offset read (Z or ±hh:mm) and bit 63 (0 for none)
	off  int       // its seconds east of UTC
}

// parse reads a time cell: yyyy-MM-ddTHH:mm:ss±hh:mm and yyyy-MM-ddTHH:mm:ssZ (T or a space) with a
// year from 2 to 9998 (its instant's year in Vietnam time is then within portal.ParseTime's 1..9999)
// and an offset of at most portal.MaxOffset in place (one call: the fast path is not a function of its
// own), anything else by parseTime.
func (tc *timeCache) parse(s string) (model.Time, error) {
	if len(s) != 25 && len(s) != 20 {
		return parseTime(s)
	}
	_ = s[19] // one bounds check for the reads below
	if s[10] != 'T' && s[10] != ' ' || s[13] != ':' || s[16] != ':' {
		return parseTime(s)
	}
	zone := uint64(s[19]) | 1<<63
	if len(s) == 25 {
		zone = load64(s, 17)>>16 | 1<<48 | 1<<63 // the six bytes from 19
	}
	if zone != tc.zone {
		off, ok := offset(s[19:])
		if !ok {
			return parseTime(s)
		}
		tc.zone, tc.off = zone, off
	}
	ds := s[:10]
	date := uint64(ds[0]) | uint64(ds[1])<<8 | uint64(ds[2])<<16 | uint64(ds[3])<<24 | uint64(ds[4])<<32 |
		uint64(ds[5])<<40 | uint64(ds[6])<<48 | uint64(ds[7])<<56
	dd := uint32(ds[8]) | uint32(ds[9])<<8 | 1<<16
	var days int64
	switch {
	case date == tc.date[0] && dd == tc.dd[0]:
		days = tc.days[0]
	case date == tc.date[1] && dd == tc.dd[1]:
		days = tc.days[1]
	default:
		var ok bool
		if days, ok = civilDays(s[:10]); !ok {
			return parseTime(s)
		}
		tc.date[1], tc.dd[1], tc.days[1] = tc.date[0], tc.dd[0], tc.days[0]
		tc.date[0], tc.dd[0], tc.days[0] = date, dd, days
	}
	// HH:mm:ss in one word: its six digit bytes (bytes 0, 1, 3, 4, 6, 7; the colons are checked)
	// from '0' (+0x50 sets the high bit) to '9' (+0x46 does not), ASCII bytes added to without carries.
	const digits = 0x8080_0080_8000_8080
	w := load64(s, 11)
	if w&msb != 0 || (w+0x50*lsb)&^(w+0x46*lsb)&digits != digits {
		return parseTime(s)
	}
	h := int(w&0xf)*10 + int(w>>8&0xf)
	mi := int(w>>24&0xf)*10 + int(w>>32&0xf)
	se := int(w>>48&0xf)*10 + int(w>>56&0xf)
	if h > 23 || mi > 59 || se > 59 {
		return parseTime(s)
	}
	sec := days*86400 + int64(h*3600+mi*60+se-tc.off)
	return model.Some(time.Unix(sec, 0).In(model.Vietnam())), nil
}

// cellTime reads one time cell with a new timeCache.
func cellTime(s string) (model.Time, error) {
	var tc timeCache
	return tc.parse(s)
}

// offset reads Z or ±hh:mm of at most portal.MaxOffset, minutes below 60, into seconds east of UTC.
func offset(z string) (int, bool) {
	if z == "Z" {
		return 0, true
	}
	if len(z) != 6 || z[3] != ':' {
		return 0, false
	}
	oh, ok1 := two(z[1], z[2])
	om, ok2 := two(z[4], z[5])
	off := oh*3600 + om*60
	if !ok1 || !ok2 || om > 59 || off > int(portal.MaxOffset/time.Second) {
		return 0, false
	}
	switch z[0] {
	case '+':
		return off, true
	case '-':
		return -off, true
	}
	return 0, false
}

// civilDays reads yyyy-MM-dd, a valid date with a year from 2 to 9998, into days from 1970-01-01.
func civilDays(s string) (int64, bool) {
	c, ok1 := two(s[0], s[1])
	yy, ok2 := two(s[2], s[3])
	mo, ok3 := two(s[5], s[6])
	d, ok4 := two(s[8], s[9])
	y := c*100 + yy
	if !(ok1 && ok2 && ok3 && ok4) || s[4] != '-' || s[7] != '-' || y < 2 || y > 9998 || mo < 1 || mo > 12 ||
		d < 1 || d > daysIn(y, mo) {
		return 0, false
	}
	return unixDays(y, mo, d), true
}

// two reads two decimal digits.
func two(a, b byte) (int, bool) {
	a, b = a-'0', b-'0'
	return int(a)*10 + int(b), a <= 9 && b <= 9
}

// daysIn returns the number of days of month m (1..12) of year y (proleptic Gregorian).
func daysIn(y, m int) int {
	if m == 2 {
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 30 + (m+m/8)&1
}

// unixDays returns the days from 1970-01-01 to the valid date y-m-d, y ≥ 1 (H. Hinnant's
// days_from_civil).
func unixDays(y, m, d int) int64 {
	if m <= 2 {
		y--
		m += 9
	} else {
		m -= 3
	}
	era := y / 400
	yoe := y - era*400
	doy := (153*m+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era)*146097 + int64(doe) - 719468
}

// trim is strings.TrimSpace without the call when s neither starts nor ends with a space (or a
// non-ASCII byte, which may begin a Unicode space).
// Its callers in loops test spaced themselves, without the call.
func trim(s string) string {
	if spaced(s) {
		return strings.TrimSpace(s)
	}
	return s
}

// spaced reports whether s starts or ends with a space or a non-ASCII byte (which may begin a
// Unicode space): whether trim calls strings.TrimSpace. int8(b) > ' ' is ' ' < b < utf8.RuneSelf.
func spaced(s string) bool {
	return len(s) != 0 && (int8(s[0]) <= ' ' || int8(s[len(s)-1]) <= ' ')
}

// isBlank reports whether strings.TrimSpace(s) == "".
// Small enough to be inlined (see trim).
func isBlank(s string) bool {
	return (len(s) == 0 || int8(s[0]) <= ' ') && len(strings.TrimSpace(s)) == 0
}
