package quality

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/dedupe"
	"github.com/vn-dvc/chiso766/model/internal/textfold"
)

// Severity of a finding (docs/data.md, Data-quality checks).
type Severity uint8

// Severities, in increasing order.
const (
	// Info is informational.
	Info Severity = iota + 1
	// Warning: possibly legal, but changes a score.
	Warning
	// Error: the record would be miscounted.
	Error
)

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "severity(" + strconv.Itoa(int(s)) + ")"
}

// Check names the data-quality rule (docs/data.md, Data-quality checks) that
// produced a finding.
type Check string

// The data-quality checks (docs/data.md, Data-quality checks).
const (
	// OnlineNotOffered: KenhThucHien = 2 but the offering at reception was none
	// or information-only, or there is no offering. Error.
	OnlineNotOffered Check = "online-not-offered"
	// MissingReceptionTime: status not in {1, 3} and NgayTiepNhan absent. Error,
	// or Warning when Options.AllowSubmittedFallback and NgayNopHoSo is present.
	MissingReceptionTime Check = "missing-reception-time"
	// TerminalWithoutEnd: terminal status, no NgayKetThucXuLy and no terminal
	// step (for status 3, NgayTuChoi counts). Error.
	TerminalWithoutEnd Check = "terminal-without-end"
	// TimeInFuture: a submission, reception, end, hand-over, rejection or step
	// time after the as-of instant plus tolerance. Due dates are exempt. Error.
	TimeInFuture Check = "time-in-future"
	// EndBeforeReception: NgayKetThucXuLy or NgayTra earlier than NgayTiepNhan
	// (Error); NgayHenTra earlier than NgayTiepNhan (Warning).
	EndBeforeReception Check = "end-before-reception"
	// DuplicateCode: the same MaHoSo or alias twice in one input; same content
	// is a Warning, different content an Error.
	DuplicateCode Check = "duplicate-code"
	// MultipleSupplements: more than one supplement request (entries or
	// status-5 steps). Warning (the national rule counts it overdue).
	MultipleSupplements Check = "multiple-supplements"
	// UnknownProcedure: MaTTHC not in the catalogue after local→national
	// mapping. Error.
	UnknownProcedure Check = "unknown-procedure"
	// PlaceholderIdentifier: SoDinhDanh all zeros or zeros and one digit, or
	// of length other than 9 or 12; TrichYeuHoSo "Dinhkem"; a filler officer
	// name. Warning.
	PlaceholderIdentifier Check = "placeholder-identifier"
	// UnknownCode: a code outside its list. Info.
	UnknownCode Check = "unknown-code"
	// PlaceholderDate: a date a source system wrote where it had none (0001-01-01, before 2000, more than a
	// year after as-of: Options.Dates, default model.DefaultDateBounds). Error: every calculator excludes
	// a record whose needed date is one.
	PlaceholderDate Check = "placeholder-date"
	// StatusWithoutSteps: status 9 or 10 (finished, returned) although the timeline, when there is one,
	// holds no processing step (only reception, no status 4–8 step): the status jumped. Warning. A dossier
	// without any real step is flagged only with Options.RequireTimeline (payloads usually come without
	// their timeline).
	StatusWithoutSteps Check = "status-without-steps"
	// FabricatedStep: a dossier without an appointment (NgayHenTra) carries a step fabricated from the
	// dossier dates (RealEvent false): its deadline was invented, not recorded. Warning.
	FabricatedStep Check = "fabricated-step"
	// CodeFormat: the dossier code is not {unit}-{yyMMdd}-{sequence} (a unit part, a valid date of six
	// digits, a sequence of at least four digits). Warning. (The unit part is not compared with the
	// record's unit: systems write either the unit id or the unit's code there.)
	CodeFormat Check = "code-format"
	// ResendConflict: a code sent again with a different identity (unit, procedure, channel, submission or
	// reception time): not a later version of the same dossier but another dossier, or a corrupted one.
	// Error. (A re-send that only updates the dossier — status, end, result — is a DuplicateCode Info.)
	ResendConflict Check = "resend-conflict"
	// MissingResult: a finished online dossier (channel 2, status 9 or 10) without any result document
	// (DanhSachGiayToKetQua). Warning: 4.1 and 4.5 count it as having no electronic result.
	MissingResult Check = "missing-result"
)

// AllChecks lists every check in table order.
func AllChecks() []Check {
	return []Check{OnlineNotOffered, MissingReceptionTime, TerminalWithoutEnd, TimeInFuture, EndBeforeReception,
		DuplicateCode, MultipleSupplements, UnknownProcedure, PlaceholderIdentifier, UnknownCode,
		PlaceholderDate, StatusWithoutSteps, FabricatedStep, CodeFormat, ResendConflict, MissingResult}
}

// The bit of each check in Checker.skip: its position in AllChecks (TestCheckBits).
const (
	bitOnlineNotOffered checkBits = 1 << iota
	bitMissingReceptionTime
	bitTerminalWithoutEnd
	bitTimeInFuture
	bitEndBeforeReception
	bitDuplicateCode
	bitMultipleSupplements
	bitUnknownProcedure
	bitPlaceholderIdentifier
	bitUnknownCode
	bitPlaceholderDate
	bitStatusWithoutSteps
	bitFabricatedStep
	bitCodeFormat
	bitResendConflict
	bitMissingResult
)

// checkBits is a set of checks, one bit each.
type checkBits uint32

// bitOf returns ch's bit (0 for a name that is no check).
func bitOf(ch Check) checkBits {
	for i, c := range AllChecks() {
		if c == ch {
			return 1 << i
		}
	}
	return 0
}

// Finding is one data-quality issue. Checks never modify records.
type Finding struct {
	// Check is the rule.
	Check Check
	// Severity of the issue.
	Severity Severity
	// Record is the 0-based position of the dossier among those given to the
	// Checker.
	Record int
	// RecordCode is the dossier code (MaHoSo).
	RecordCode string
	// Field is the payload key path, e.g. "NgayTiepNhan" or
	// "DinhDanhCHS[0].SoDinhDanh".
	Field string
	// Message explains the issue.
	Message string
}

// String formats the finding on one line.
func (f Finding) String() string {
	return fmt.Sprintf("%s %s record %d (%s) %s: %s", f.Severity, f.Check, f.Record, f.RecordCode, f.Field, f.Message)
}

// DefaultFutureTolerance is the default tolerance of time-in-future: clocks of
// local systems drift, and the spec asks for "a small tolerance" without a
// number [Policy].
const DefaultFutureTolerance = 10 * time.Minute

// DefaultFillerOfficers are officer names used as filler in real data
// ("Chuyên viên"; docs/data.md, Timeline steps) [Policy]; matched ignoring case and
// diacritics.
func DefaultFillerOfficers() []string { return []string{"Chuyên viên"} }

// DefaultPlaceholderSummaries are summaries used as filler ("Dinhkem") [Policy].
func DefaultPlaceholderSummaries() []string { return []string{"Dinhkem"} }

// Options configures a Checker. The zero value runs every check that needs no
// outside data; checks whose data is missing (AsOf, Catalogue, Offerings) are
// skipped.
type Options struct {
	// AsOf is the instant of the check for time-in-future; zero skips it.
	AsOf time.Time
	// Tolerance for time-in-future: 0 means DefaultFutureTolerance, a negative
	// value means none.
	Tolerance time.Duration
	// Catalogue is the set of known procedures for unknown-procedure; nil
	// skips the check.
	Catalogue []model.Procedure
	// CodeMap maps local procedure codes to national ones before the catalogue
	// and offering lookups.
	CodeMap map[string]string
	// Offerings are the per-unit online offerings for online-not-offered; nil
	// skips the check.
	Offerings []model.Offering
	// AllowSubmittedFallback lowers missing-reception-time to a warning when
	// NgayNopHoSo is present (the [Doc] fallback; docs/rules.md, Reception).
	AllowSubmittedFallback bool
	// FillerOfficers overrides DefaultFillerOfficers when non-nil.
	FillerOfficers []string
	// PlaceholderSummaries overrides DefaultPlaceholderSummaries when non-nil.
	PlaceholderSummaries []string
	// Skip lists checks not to run.
	Skip []Check
	// Dates are the bounds of placeholder-date; nil means model.DefaultDateBounds() (the bounds every
	// calculator uses by default). AsOf is the as-of of the upper bound (zero: no upper bound).
	Dates *model.DateBounds
	// RequireTimeline makes status-without-steps flag a finished dossier without any real step (set it
	// when the input's timelines were given).
	RequireTimeline bool
	// Codes, when set, numbers the dossier codes (MaHoSo) the caller has already indexed elsewhere — a
	// *dedupe.Index to which the caller adds each record before checking it, say. duplicate-code then
	// keeps its state of a numbered code in a slice (24 bytes per code) instead of a copy of the code in
	// a table of its own; codes Codes does not number (aliases, records the caller did not add) go to
	// that table as before. The findings are the same with or without Codes.
	Codes CodeNumbers
}

// CodeNumbers numbers distinct codes densely (0, 1, 2, … in order of first sight); *dedupe.Index is one.
// Number must be cheap: it is called once per record.
type CodeNumbers interface {
	Number(code string) (n int64, ok bool)
}

type seenCode struct {
	fp, id uint64 // fingerprint of the whole record, of its identity
	record int
}

type offerKey struct{ unit, procedure string }

// Checker runs the data-quality checks (docs/data.md, Data-quality checks)
// over a stream of dossiers. It
// remembers every dossier code and alias seen for duplicate-code: memory is
// O(distinct codes) — each code's bytes once, plus a 32-byte entry and
// 8–16 bytes of hash-table slots (a dedupe.CodeTable), or 24 bytes for a
// code Options.Codes numbers. The other
// checks look at one record only. A Checker is not safe for concurrent use.
type Checker struct {
	opt       Options
	tolerance time.Duration
	catalogue map[string]bool
	offerings map[offerKey][]model.Offering
	fillers   foldedSet
	summaries foldedSet
	skip      checkBits
	seen      dedupe.CodeTable[seenCode]
	byNumber  [][]seenCode // with Options.Codes: the state of code number i at byNumber[i/numberBlock][i%numberBlock]
	distinct  int          // distinct codes seen
	n         int
	dates     model.DateBounds
}

// numberBlock is the size of the blocks of Checker.byNumber (no doubling copies as codes are added).
const numberBlock = 4096

// NewChecker prepares a Checker: it indexes the catalogue and offerings
// (O(len) time and memory). It never fails.
func NewChecker(opt Options) *Checker {
	c := &Checker{opt: opt}
	switch {
	case opt.Tolerance == 0:
		c.tolerance = DefaultFutureTolerance
	case opt.Tolerance > 0:
		c.tolerance = opt.Tolerance
	}
	if opt.Catalogue != nil {
		c.catalogue = make(map[string]bool, len(opt.Catalogue))
		for i := range opt.Catalogue {
			c.catalogue[opt.Catalogue[i].Code] = true
		}
	}
	if opt.Offerings != nil {
		c.offerings = make(map[offerKey][]model.Offering)
		for _, o := range opt.Offerings {
			k := offerKey{o.UnitID, c.national(o.ProcedureCode)}
			c.offerings[k] = append(c.offerings[k], o)
		}
	}
	fillers := opt.FillerOfficers
	if fillers == nil {
		fillers = DefaultFillerOfficers()
	}
	c.fillers = foldSet(fillers)
	summaries := opt.PlaceholderSummaries
	if summaries == nil {
		summaries = DefaultPlaceholderSummaries()
	}
	c.summaries = foldSet(summaries)
	for _, s := range opt.Skip {
		c.skip |= bitOf(s)
	}
	c.dates = model.DefaultDateBounds()
	if opt.Dates != nil {
		c.dates = *opt.Dates
	}
	return c
}

// foldedSet is a set of texts compared folded (model.FoldText).
type foldedSet struct {
	keys   map[string]bool // folded
	maxLen int             // of the longest key
}

func foldSet(ss []string) foldedSet {
	m := foldedSet{keys: make(map[string]bool, len(ss))}
	for _, s := range ss {
		k := model.FoldText(s)
		m.keys[k] = true
		m.maxLen = max(m.maxLen, len(k))
	}
	return m
}

// has reports whether s folds to one of the keys. Cost: O(len(s)) at most, less when s folds to more
// bytes than the longest key (it stops there); no allocation for keys up to 64 bytes.
func (m foldedSet) has(s string) bool {
	var buf [64]byte
	b, ok := textfold.AppendFold(buf[:0], s, m.maxLen)
	return ok && m.keys[string(b)]
}

func (c *Checker) national(code string) string {
	if n, ok := c.opt.CodeMap[code]; ok {
		return n
	}
	return code
}

// Seen returns the number of distinct codes and aliases remembered.
func (c *Checker) Seen() int { return c.distinct }

// Records returns the number of dossiers checked so far.
func (c *Checker) Records() int { return c.n }

// Check runs every enabled check on d (the next record of the input) and
// returns its findings in table order (nil when clean). Cost: O(size of d);
// duplicate-code hashes the record once.
func (c *Checker) Check(d *model.Dossier) []Finding {
	return c.CheckPrepared(d, Prepared{})
}

// Prepared is the part of the duplicate-code and resend-conflict checks that depends on one record
// alone: its Fingerprint and Identity. Prepare computes it; CheckPrepared takes it instead of hashing
// the record itself, so a caller that checks records in order on one goroutine can have the hashing
// (the costly part of duplicate-code) done beforehand, in parallel. The zero value means "not
// prepared". A Prepared is a plain value, safe to pass between goroutines.
type Prepared struct {
	fp, id uint64
	ok     bool
}

// Prepare returns d's Prepared value (its Fingerprint and Identity). Cost: O(size of d), no
// allocation; safe for concurrent use (it reads d only).
func Prepare(d *model.Dossier) Prepared {
	return Prepared{fp: Fingerprint(d), id: Identity(d), ok: true}
}

// CheckPrepared is Check with d's Prepared value p computed beforehand (by Prepare on the same d, or
// on a copy that differs at most in its timeline, which neither hash reads): the findings are those
// of Check(d). A zero p makes it Check. A p of another record makes duplicate-code compare the wrong
// hashes; the caller keeps p and d together.
func (c *Checker) CheckPrepared(d *model.Dossier, p Prepared) []Finding {
	var out []Finding
	rec := c.n
	c.n++
	add := func(ch Check, sev Severity, field, format string, args ...any) {
		out = append(out, Finding{Check: ch, Severity: sev, Record: rec, RecordCode: d.Code, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	on := func(b checkBits) bool { return c.skip&b == 0 }
	if on(bitOnlineNotOffered) && c.offerings != nil {
		c.onlineNotOffered(d, add)
	}
	if on(bitMissingReceptionTime) {
		missingReception(d, c.opt.AllowSubmittedFallback, add)
	}
	if on(bitTerminalWithoutEnd) {
		terminalWithoutEnd(d, add)
	}
	if on(bitTimeInFuture) && !c.opt.AsOf.IsZero() {
		timeInFuture(d, c.opt.AsOf.Add(c.tolerance), add)
	}
	if on(bitEndBeforeReception) {
		endBeforeReception(d, add)
	}
	if on(bitDuplicateCode) {
		c.duplicate(d, rec, p, add)
	}
	if on(bitMultipleSupplements) {
		multipleSupplements(d, add)
	}
	if on(bitUnknownProcedure) && c.catalogue != nil {
		if code := c.national(d.ProcedureCode); !c.catalogue[code] {
			add(UnknownProcedure, Error, "MaTTHC", "procedure %q (national %q) is not in the catalogue", d.ProcedureCode, code)
		}
	}
	if on(bitPlaceholderIdentifier) {
		c.placeholders(d, add)
	}
	if on(bitUnknownCode) {
		unknownCodes(d, add)
	}
	if on(bitPlaceholderDate) {
		placeholderDates(d, c.dates, c.opt.AsOf, add)
	}
	if on(bitStatusWithoutSteps) {
		statusWithoutSteps(d, c.opt.RequireTimeline, add)
	}
	if on(bitFabricatedStep) {
		fabricatedStep(d, add)
	}
	if on(bitCodeFormat) {
		codeFormat(d, add)
	}
	if on(bitMissingResult) {
		missingResult(d, add)
	}
	return out
}

type addFunc func(ch Check, sev Severity, field, format string, args ...any)

func (c *Checker) onlineNotOffered(d *model.Dossier, add addFunc) {
	if !d.Channel.Is(model.ChannelOnline) {
		return
	}
	at := d.Received()
	code := c.national(d.ProcedureCode)
	var found *model.Offering
	for _, o := range c.offerings[offerKey{d.UnitID, code}] {
		if o.ValidAt(at) {
			if found == nil || o.Level.Code() > found.Level.Code() {
				found = &o
			}
		}
	}
	switch {
	case found == nil:
		add(OnlineNotOffered, Error, "KenhThucHien", "online dossier but unit %q has no offering of procedure %q at reception", d.UnitID, code)
	case !found.Level.Online():
		add(OnlineNotOffered, Error, "KenhThucHien", "online dossier but the offering of %q at unit %q is %q", code, d.UnitID, found.Level.LabelEN())
	}
}

func missingReception(d *model.Dossier, fallback bool, add addFunc) {
	switch d.Status.Code() {
	case model.StatusRegistered, model.StatusNotAccepted:
		return
	}
	if d.ReceivedAt.IsSet() {
		return
	}
	if fallback && d.SubmittedAt.IsSet() {
		add(MissingReceptionTime, Warning, "NgayTiepNhan", "reception time absent; NgayNopHoSo %s used instead", d.SubmittedAt)
		return
	}
	add(MissingReceptionTime, Error, "NgayTiepNhan", "reception time absent with status %q", d.Status.String())
}

func terminalWithoutEnd(d *model.Dossier, add addFunc) {
	st := d.Status.Code()
	if !st.Terminal() || d.ProcessingEndedAt.IsSet() {
		return
	}
	if st == model.StatusNotAccepted && d.RejectedAt.IsSet() {
		return
	}
	for i := range d.Steps {
		if d.Steps[i].Status.Code().Terminal() && d.Steps[i].At.IsSet() {
			return
		}
	}
	add(TerminalWithoutEnd, Error, "NgayKetThucXuLy", "terminal status %q without end of processing or terminal step", d.Status.String())
}

func timeInFuture(d *model.Dossier, limit time.Time, add addFunc) {
	times(d, false, func(f fieldPath, t model.Time) {
		if t.IsSet() && t.T.After(limit) {
			add(TimeInFuture, Error, f.String(), "%s is after the as-of instant", t)
		}
	})
}

// fieldPath is the payload key path of one of a dossier's fields: name, or list[i].name. Its text is
// built only for a finding (String), so walking the times of a clean record allocates nothing.
type fieldPath struct {
	list string // "" for a field of the dossier itself
	i    int
	name string
}

func (f fieldPath) String() string {
	if f.list == "" {
		return f.name
	}
	return f.list + "[" + strconv.Itoa(f.i) + "]." + f.name
}

// times calls fn with every event time of d and its payload key path: submission, reception, end,
// hand-over, rejection and the steps; with all also the due time, the reception deadline and the
// supplements' times.
func times(d *model.Dossier, all bool, fn func(f fieldPath, t model.Time)) {
	top := func(name string, t model.Time) { fn(fieldPath{name: name}, t) }
	top("NgayNopHoSo", d.SubmittedAt)
	top("NgayTiepNhan", d.ReceivedAt)
	if all {
		top("NgayHenTra", d.DueAt)
	}
	top("NgayKetThucXuLy", d.ProcessingEndedAt)
	top("NgayTra", d.ResultReturnedAt)
	top("NgayTuChoi", d.RejectedAt)
	if all {
		top("HanTiepNhan", d.ReceiveDeadline)
		for i := range d.Supplements {
			s := &d.Supplements[i]
			const l = "DanhSachHoSoBoSung"
			fn(fieldPath{l, i, "NgayBoSung"}, s.RequestedAt)
			fn(fieldPath{l, i, "NgayTiepNhanBoSung"}, s.ResubmittedAt)
			fn(fieldPath{l, i, "NgayHenTraTruoc"}, s.DueBefore)
			fn(fieldPath{l, i, "NgayHenTraMoi"}, s.DueAfter)
		}
	}
	for i := range d.Steps {
		fn(fieldPath{"Steps", i, "ThoiDiemXuLy"}, d.Steps[i].At)
	}
}

func endBeforeReception(d *model.Dossier, add addFunc) {
	if !d.ReceivedAt.IsSet() {
		return
	}
	if d.ProcessingEndedAt.Before(d.ReceivedAt) {
		add(EndBeforeReception, Error, "NgayKetThucXuLy", "end of processing %s before reception %s", d.ProcessingEndedAt, d.ReceivedAt)
	}
	if d.ResultReturnedAt.Before(d.ReceivedAt) {
		add(EndBeforeReception, Error, "NgayTra", "hand-over %s before reception %s", d.ResultReturnedAt, d.ReceivedAt)
	}
	if d.DueAt.Before(d.ReceivedAt) {
		add(EndBeforeReception, Warning, "NgayHenTra", "due time %s before reception %s", d.DueAt, d.ReceivedAt)
	}
}

// remember records v as the latest version of code and returns the version before it (ok false: code
// not seen before). A code that Options.Codes numbers keeps its state in byNumber; any other in the
// table seen, which copies it (a decoder's code may be a substring of its whole record, which must not
// be kept). A code may have state in both — as an alias before the caller numbered it, then as a
// numbered MaHoSo — and the later record is the previous version.
func (c *Checker) remember(code string, v seenCode) (prev seenCode, ok bool) {
	var num int64
	numbered := false
	if c.opt.Codes != nil {
		num, numbered = c.opt.Codes.Number(code)
	}
	if c.seen.Len() > 0 {
		if e := c.seen.Find(code); e != nil {
			prev, ok = e.Val, true
			if !numbered {
				e.Val = v
				return prev, ok
			}
		}
	}
	if !numbered {
		e, _ := c.seen.Upsert(code)
		e.Val = v
		c.distinct++
		return prev, ok
	}
	for int64(len(c.byNumber))*numberBlock <= num {
		c.byNumber = append(c.byNumber, make([]seenCode, numberBlock))
	}
	slot := &c.byNumber[num/numberBlock][num%numberBlock]
	if slot.record > 0 { // record is stored + 1: 0 is an empty slot
		if p := (seenCode{fp: slot.fp, id: slot.id, record: slot.record - 1}); !ok || p.record > prev.record {
			prev = p
		}
		ok = true
	} else if !ok {
		c.distinct++
	}
	*slot = seenCode{fp: v.fp, id: v.id, record: v.record + 1}
	return prev, ok
}

func (c *Checker) duplicate(d *model.Dossier, rec int, p Prepared, add addFunc) {
	fp, id, hashed := p.fp, p.id, p.ok
	var buf [4]string // no allocation for a code and up to three aliases
	codes := buf[:0]
	if d.Code != "" {
		codes = append(codes, d.Code)
	}
	for _, a := range d.Aliases {
		dup := false
		for _, x := range codes {
			dup = dup || x == a
		}
		if !dup && a != "" {
			codes = append(codes, a)
		}
	}
	for i, code := range codes {
		if !hashed {
			fp, id, hashed = Fingerprint(d), Identity(d), true
		}
		field := "MaHoSo"
		if i > 0 || code != d.Code {
			field = "MaHoSoKhac"
		}
		prev, ok := c.remember(code, seenCode{fp: fp, id: id, record: rec}) // compare the next version with this one
		if !ok {
			continue
		}
		switch {
		case prev.fp == fp:
			add(DuplicateCode, Warning, field, "code %q already seen in record %d with the same content", code, prev.record)
		case prev.id == id || !c.on(bitResendConflict):
			add(DuplicateCode, Info, field, "code %q re-sent with updates (record %d before); the latest version is scored", code, prev.record)
		default:
			add(ResendConflict, Error, field, "code %q already seen in record %d with another unit, procedure, channel, submission or reception time", code, prev.record)
		}
	}
}

func (c *Checker) on(b checkBits) bool { return c.skip&b == 0 }

func placeholderDates(d *model.Dossier, b model.DateBounds, asOf time.Time, add addFunc) {
	lo, hi := b.Window(asOf) // once per record: Placeholder would compute it per time
	times(d, true, func(f fieldPath, t model.Time) {
		if t.Valid && (t.T.Before(lo) || (!hi.IsZero() && t.T.After(hi))) {
			add(PlaceholderDate, Error, f.String(), "%s is a placeholder, not a date", t)
		}
	})
}

func statusWithoutSteps(d *model.Dossier, requireTimeline bool, add addFunc) {
	st := d.Status.Code()
	if st != model.StatusFinished && st != model.StatusReturned {
		return
	}
	real := 0
	for i := range d.Steps {
		if !d.Steps[i].RealEvent {
			continue
		}
		real++
		switch d.Steps[i].Status.Code() {
		case model.StatusProcessing, model.StatusSupplement, model.StatusFinancial, model.StatusWithdrawn, model.StatusStopped:
			return
		}
	}
	if real == 0 && !requireTimeline {
		return
	}
	add(StatusWithoutSteps, Warning, "TrangThaiHoSo", "status %q with no processing step among %d real steps", d.Status.String(), real)
}

func fabricatedStep(d *model.Dossier, add addFunc) {
	if d.DueAt.IsSet() {
		return
	}
	for i := range d.Steps {
		if !d.Steps[i].RealEvent {
			add(FabricatedStep, Warning, "Steps["+strconv.Itoa(i)+"]", "a step fabricated from the dossier dates, but the dossier has no appointment (NgayHenTra)")
			return
		}
	}
}

// SplitCode splits a dossier code of the form {unit}-{yyMMdd}-{sequence}: ok is false unless the unit
// part is not empty, the date part is six digits of a valid month and day, and the sequence at least
// four digits. It does not allocate.
func SplitCode(code string) (unit, date, seq string, ok bool) {
	j := strings.LastIndexByte(code, '-')
	if j < 0 {
		return "", "", "", false
	}
	i := strings.LastIndexByte(code[:j], '-')
	if i <= 0 {
		return "", "", "", false
	}
	unit, date, seq = code[:i], code[i+1:j], code[j+1:]
	if len(date) != 6 || len(seq) < 4 || !digits(date) || !digits(seq) {
		return "", "", "", false
	}
	m := int(date[2]-'0')*10 + int(date[3]-'0')
	day := int(date[4]-'0')*10 + int(date[5]-'0')
	if m < 1 || m > 12 || day < 1 || day > 31 {
		return "", "", "", false
	}
	return unit, date, seq, true
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func codeFormat(d *model.Dossier, add addFunc) {
	if d.Code == "" {
		return // a missing code is the decoders' error
	}
	if _, _, _, ok := SplitCode(d.Code); !ok {
		add(CodeFormat, Warning, "MaHoSo", "code %q is not of the form {unit}-{yyMMdd}-{sequence}", d.Code)
	}
}

func missingResult(d *model.Dossier, add addFunc) {
	st := d.Status.Code()
	if !d.Channel.Is(model.ChannelOnline) || (st != model.StatusFinished && st != model.StatusReturned) || len(d.Results) > 0 {
		return
	}
	add(MissingResult, Warning, "DanhSachGiayToKetQua", "finished online dossier without any result document")
}

func multipleSupplements(d *model.Dossier, add addFunc) {
	steps := 0
	for i := range d.Steps {
		if d.Steps[i].Status.Is(model.StatusSupplement) {
			steps++
		}
	}
	if n := max(len(d.Supplements), steps); n > 1 {
		add(MultipleSupplements, Warning, "DanhSachHoSoBoSung", "%d supplement requests (%d entries, %d status-5 steps); the national rule counts the dossier overdue", n, len(d.Supplements), steps)
	}
}

// PlaceholderID reports whether an identifier number looks like a
// placeholder: all zeros, zeros followed by one digit ("000000001"), or a
// length other than 9 or 12 digits. It does not allocate.
func PlaceholderID(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) != 9 && len(s) != 12 {
		return true
	}
	zeros := 0
	for zeros < len(s) && s[zeros] == '0' {
		zeros++
	}
	return zeros >= len(s)-1
}

func (c *Checker) placeholders(d *model.Dossier, add addFunc) {
	for i, id := range d.ApplicantIDs {
		if PlaceholderID(id.Number) {
			add(PlaceholderIdentifier, Warning, "DinhDanhCHS["+strconv.Itoa(i)+"].SoDinhDanh", "identifier %q looks like a placeholder", id.Number)
		}
	}
	if d.Summary != "" && c.summaries.has(d.Summary) {
		add(PlaceholderIdentifier, Warning, "TrichYeuHoSo", "summary %q is filler", d.Summary)
	}
	for i := range d.Steps {
		if o := d.Steps[i].Officer; o != "" && c.fillers.has(o) {
			add(PlaceholderIdentifier, Warning, "Steps["+strconv.Itoa(i)+"].NguoiXuLy", "officer name %q is filler", o)
		}
	}
}

type coded interface {
	IsSet() bool
	Known() bool
	String() string
}

func unknownCodes(d *model.Dossier, add addFunc) {
	unknownCode(add, fieldPath{name: "KenhThucHien"}, d.Channel)
	unknownCode(add, fieldPath{name: "TrangThaiHoSo"}, d.Status)
	unknownCode(add, fieldPath{name: "LoaiDoiTuong"}, d.ApplicantType)
	unknownCode(add, fieldPath{name: "HinhThuc"}, d.ReturnMethod)
	unknownCode(add, fieldPath{name: "DuocThanhToanTrucTuyen"}, d.OnlinePayment)
	for i := range d.Steps {
		unknownCode(add, fieldPath{"Steps", i, "TrangThai"}, d.Steps[i].Status)
	}
}

// unknownCode adds an UnknownCode finding when v is set but outside its list. Generic, so that a code
// value is not boxed into an interface per call.
func unknownCode[C coded](add addFunc, f fieldPath, v C) {
	if v.IsSet() && !v.Known() {
		add(UnknownCode, Info, f.String(), "code %q is outside its list", v.String())
	}
}
