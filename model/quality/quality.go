package quality

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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
}

type seenCode struct {
	fp, id uint64 // fingerprint of the whole record, of its identity
	record int
}

// Checker runs the data-quality checks (docs/data.md, Data-quality checks)
// over a stream of dossiers. It
// remembers every dossier code and alias seen for duplicate-code: memory is
// O(distinct codes) — each code's bytes once, plus a 32-byte entry and
// 8–16 bytes of hash-table slots (a dedupe.CodeTable). The other
// checks look at one record only. A Checker is not safe for concurrent use.
type Checker struct {
	opt          Options
	procs        map[string]*procInfo // by the code a record may carry (national or a CodeMap key); nil without catalogue and offerings
	hasCatalogue bool                 // Options.Catalogue != nil
	hasOfferings bool                 // Options.Offerings != nil
	fillers      foldedSet
	summaries    foldedSet
	skip         checkBits
	seen         dedupe.CodeTable[seenCode]
	n            int
	win          timeWindow
}

// procInfo is what the checks know of one national procedure code: whether the catalogue has it and its
// offerings by unit.
type procInfo struct {
	national string // the code after Options.CodeMap
	known    bool   // in Options.Catalogue
	units    []unitOfferings
	byUnit   map[string]int // index into units, when there are more than linearUnits of them
}

// unitOfferings are the offerings of one procedure at one unit, in input order.
type unitOfferings struct {
	unit   string
	offers []model.Offering
}

// linearUnits is the number of units up to which a procedure's offerings are searched by unit linearly.
const linearUnits = 8

// offersAt returns the offerings of the procedure at unit (nil for none). p may be nil.
func (p *procInfo) offersAt(unit string) []model.Offering {
	if p == nil {
		return nil
	}
	if p.byUnit != nil {
		if i, ok := p.byUnit[unit]; ok {
			return p.units[i].offers
		}
		return nil
	}
	for i := range p.units {
		if p.units[i].unit == unit {
			return p.units[i].offers
		}
	}
	return nil
}

// timeWindow is what the time checks compare with, computed once per Checker: the placeholder-date
// window (model.DateBounds.Window at Options.AsOf) and the time-in-future limit (as-of plus tolerance),
// as instants and as Unix seconds for a first test of a whole record.
type timeWindow struct {
	lo, hi time.Time // placeholder-date: before lo or (hi not zero) after hi
	future bool      // time-in-future runs
	limit  time.Time // time-in-future: after limit
	// A record whose present times all lie strictly between loSec and hiSec (the placeholder window) and,
	// those time-in-future reads, strictly before limitSec has no finding of either check. fast is false
	// when a bound carries a monotonic clock reading: then every record takes the exact walk.
	loSec, hiSec, limitSec int64
	fast                   bool
}

func newTimeWindow(opt Options, dates model.DateBounds) timeWindow {
	w := timeWindow{future: !opt.AsOf.IsZero()}
	w.lo, w.hi = dates.Window(opt.AsOf)
	if w.future {
		tolerance := time.Duration(0)
		switch {
		case opt.Tolerance == 0:
			tolerance = DefaultFutureTolerance
		case opt.Tolerance > 0:
			tolerance = opt.Tolerance
		}
		w.limit = opt.AsOf.Add(tolerance)
	}
	w.loSec, w.hiSec, w.limitSec = w.lo.Unix(), math.MaxInt64, math.MaxInt64
	if !w.hi.IsZero() {
		w.hiSec = w.hi.Unix()
	}
	if w.future {
		w.limitSec = w.limit.Unix()
	}
	w.fast = !monotonic(w.lo) && !monotonic(w.hi) && !monotonic(w.limit)
	return w
}

// monotonic reports whether t carries a monotonic clock reading (which time.Time.Before and After
// compare instead of the wall clock when both sides carry one).
func monotonic(t time.Time) bool { return t != t.Round(0) }

// NewChecker prepares a Checker: it indexes the catalogue and offerings
// (O(len) time and memory), keyed by the codes records may carry after
// Options.CodeMap, so that a record costs one lookup of its procedure code.
// The catalogue, offerings, CodeMap and filler lists are read here only:
// changing them afterwards does not change the Checker. It never fails.
func NewChecker(opt Options) *Checker {
	c := &Checker{opt: opt, hasCatalogue: opt.Catalogue != nil, hasOfferings: opt.Offerings != nil}
	c.procs = procTable(opt)
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
	dates := model.DefaultDateBounds()
	if opt.Dates != nil {
		dates = *opt.Dates
	}
	c.win = newTimeWindow(opt, dates)
	return c
}

// procTable indexes the catalogue and the offerings by national code, then keys the result by every
// code a record may carry: a national code that CodeMap does not map, and each CodeMap key (which reads
// as its national code). A code absent from the table is its own national code, unknown and offered
// nowhere. Nil when the options have neither catalogue nor offerings.
func procTable(opt Options) map[string]*procInfo {
	if opt.Catalogue == nil && opt.Offerings == nil {
		return nil
	}
	national := func(code string) string {
		if n, ok := opt.CodeMap[code]; ok {
			return n
		}
		return code
	}
	infos := map[string]*procInfo{}
	info := func(nat string) *procInfo {
		p := infos[nat]
		if p == nil {
			p = &procInfo{national: nat}
			infos[nat] = p
		}
		return p
	}
	for i := range opt.Catalogue {
		info(opt.Catalogue[i].Code).known = true
	}
	for _, o := range opt.Offerings {
		p := info(national(o.ProcedureCode))
		j := -1
		for k := range p.units {
			if p.units[k].unit == o.UnitID {
				j = k
				break
			}
		}
		if j < 0 {
			j = len(p.units)
			p.units = append(p.units, unitOfferings{unit: o.UnitID})
		}
		p.units[j].offers = append(p.units[j].offers, o)
	}
	for _, p := range infos {
		if len(p.units) > linearUnits {
			p.byUnit = make(map[string]int, len(p.units))
			for k := range p.units {
				p.byUnit[p.units[k].unit] = k
			}
		}
	}
	table := make(map[string]*procInfo, len(infos)+len(opt.CodeMap))
	for nat, p := range infos {
		if _, mapped := opt.CodeMap[nat]; !mapped {
			table[nat] = p
		}
	}
	for local, nat := range opt.CodeMap {
		table[local] = info(nat)
	}
	return table
}

// foldedSet is a set of texts compared folded (model.FoldText).
type foldedSet struct {
	list   []string        // the folded keys, when there are at most listKeys of them
	keys   map[string]bool // the folded keys, when there are more
	maxLen int             // of the longest key
	first  [4]uint64       // the first bytes of the keys, as a bit set
	empty  bool            // a key is empty
}

// listKeys is the number of keys up to which a foldedSet compares a text with each key
// (textfold.EqualFolded, which stops at the first difference) instead of folding it for a map lookup.
const listKeys = 4

func foldSet(ss []string) foldedSet {
	var m foldedSet
	keys := make(map[string]bool, len(ss))
	for _, s := range ss {
		k := model.FoldText(s)
		if keys[k] {
			continue
		}
		keys[k] = true
		m.list = append(m.list, k)
		m.maxLen = max(m.maxLen, len(k))
		if k == "" {
			m.empty = true
		} else {
			m.first[k[0]>>6] |= 1 << (k[0] & 63)
		}
	}
	if len(m.list) > listKeys {
		m.list, m.keys = nil, keys
	}
	return m
}

// has reports whether s folds to one of the keys: maybe, then match.
func (m *foldedSet) has(s string) bool { return m.maybe(s) && m.match(s) }

// maybe is false when s cannot fold to a key: it starts (after white space, '_' and '-') with an ASCII
// byte no key starts with. Cost: O(1) for such a text.
func (m *foldedSet) maybe(s string) bool {
	if m.empty {
		return true
	}
	b, ok := firstFolded(s)
	return !ok || m.first[b>>6]&(1<<(b&63)) != 0
}

// match reports whether s folds to one of the keys. Cost: with a few keys, a comparison with each
// that stops at the first difference; with more, folding s up to the longest key's length (it stops
// there) and a map lookup; O(len(s)) at most; no allocation for keys up to 64 bytes.
func (m *foldedSet) match(s string) bool {
	if m.keys == nil {
		for _, k := range m.list {
			if textfold.EqualFolded(s, k) {
				return true
			}
		}
		return false
	}
	var buf [64]byte
	b, ok := textfold.AppendFold(buf[:0], s, m.maxLen)
	return ok && m.keys[string(b)]
}

// firstFolded returns, when it can tell from ASCII bytes alone, a byte b such that textfold's folding
// of s is empty or starts with b: the folding trims leading white space (strings.TrimSpace), then drops
// the separators ' ', '\t', '_' and '-' before the first other rune, which it lower-cases. ok is false
// when a non-ASCII byte comes first or s holds nothing else.
func firstFolded(s string) (b byte, ok bool) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\v' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '_' || s[i] == '-') {
		i++
	}
	if i == len(s) || s[i] >= utf8.RuneSelf {
		return 0, false
	}
	b = s[i]
	if b >= 'A' && b <= 'Z' {
		b += 'a' - 'A'
	}
	return b, true
}

// Seen returns the number of distinct codes and aliases remembered.
func (c *Checker) Seen() int { return int(c.seen.Len()) }

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
//
// Cost of the per-record checks (all but duplicate-code): one pass over the record's fields and times,
// one lookup of its procedure code (with a catalogue or offerings), the folding of a summary or officer
// name only when its first letter is that of a filler; no allocation when nothing is found, else one
// for the findings' slice and at most one per message.
func (c *Checker) CheckPrepared(d *model.Dossier, p Prepared) []Finding {
	r := report{rec: c.n, code: d.Code}
	c.n++
	on := func(b checkBits) bool { return c.skip&b == 0 }
	var proc *procInfo // d's procedure, looked up once for the two checks that need it
	national := d.ProcedureCode
	online := d.Channel.Is(model.ChannelOnline)
	if c.procs != nil && ((online && c.hasOfferings && on(bitOnlineNotOffered)) || (c.hasCatalogue && on(bitUnknownProcedure))) {
		if proc = c.procs[d.ProcedureCode]; proc != nil {
			national = proc.national
		}
	}
	if online && c.hasOfferings && on(bitOnlineNotOffered) {
		onlineNotOffered(d, proc, national, &r)
	}
	if on(bitMissingReceptionTime) {
		missingReception(d, c.opt.AllowSubmittedFallback, &r)
	}
	if on(bitTerminalWithoutEnd) {
		terminalWithoutEnd(d, &r)
	}
	future, placeholder := c.win.future && on(bitTimeInFuture), on(bitPlaceholderDate)
	if (future || placeholder) && c.win.fast {
		future, placeholder = c.win.outside(d, future, placeholder)
	}
	if future {
		timeInFuture(d, c.win.limit, &r)
	}
	if on(bitEndBeforeReception) {
		endBeforeReception(d, &r)
	}
	if on(bitDuplicateCode) {
		c.duplicate(d, r.rec, p, &r)
	}
	if on(bitMultipleSupplements) {
		multipleSupplements(d, &r)
	}
	if c.hasCatalogue && on(bitUnknownProcedure) && (proc == nil || !proc.known) {
		var a [128]byte
		b := append(a[:0], "procedure "...)
		b = strconv.AppendQuote(b, d.ProcedureCode)
		b = append(b, " (national "...)
		b = strconv.AppendQuote(b, national)
		b = append(b, ") is not in the catalogue"...)
		r.add(UnknownProcedure, Error, "MaTTHC", string(b))
	}
	if on(bitPlaceholderIdentifier) {
		c.placeholders(d, &r)
	}
	if on(bitUnknownCode) {
		unknownCodes(d, &r)
	}
	if placeholder {
		placeholderDates(d, c.win.lo, c.win.hi, &r)
	}
	if on(bitStatusWithoutSteps) {
		statusWithoutSteps(d, c.opt.RequireTimeline, &r)
	}
	if on(bitFabricatedStep) {
		fabricatedStep(d, &r)
	}
	if on(bitCodeFormat) {
		codeFormat(d, &r)
	}
	if on(bitMissingResult) {
		missingResult(d, &r)
	}
	return r.out
}

// report collects one record's findings: the slice is allocated with the first one.
type report struct {
	out  []Finding
	rec  int
	code string
}

func (r *report) add(ch Check, sev Severity, field, message string) {
	r.out = append(r.out, Finding{Check: ch, Severity: sev, Record: r.rec, RecordCode: r.code, Field: field, Message: message})
}

// reserve makes room for n more findings (one allocation for a run of findings whose number is known).
func (r *report) reserve(n int) { r.out = slices.Grow(r.out, n) }

// addText adds a finding whose field is text[:k] and message text[k:], both from one allocation.
func (r *report) addText(ch Check, sev Severity, text []byte, k int) {
	s := string(text)
	r.add(ch, sev, s[:k], s[k:])
}

// The messages are built with append on a stack buffer: the text fmt.Sprintf would give for their
// verbs (%q: strconv.AppendQuote; %d: strconv.AppendInt; %s of a model.Time: appendTime), one
// allocation (the string) each.

// appendTime appends t as model.Time.String formats it.
func appendTime(b []byte, t model.Time) []byte {
	if !t.Valid {
		return b
	}
	return t.T.In(model.Vietnam()).AppendFormat(b, time.RFC3339)
}

func onlineNotOffered(d *model.Dossier, proc *procInfo, code string, r *report) {
	at := d.Received()
	offers := proc.offersAt(d.UnitID)
	var found *model.Offering
	for i := range offers {
		if o := &offers[i]; o.ValidAt(at) {
			if found == nil || o.Level.Code() > found.Level.Code() {
				found = o
			}
		}
	}
	var a [192]byte
	var b []byte
	switch {
	case found == nil:
		b = append(a[:0], "online dossier but unit "...)
		b = strconv.AppendQuote(b, d.UnitID)
		b = append(b, " has no offering of procedure "...)
		b = strconv.AppendQuote(b, code)
		b = append(b, " at reception"...)
	case !found.Level.Online():
		b = append(a[:0], "online dossier but the offering of "...)
		b = strconv.AppendQuote(b, code)
		b = append(b, " at unit "...)
		b = strconv.AppendQuote(b, d.UnitID)
		b = append(b, " is "...)
		b = strconv.AppendQuote(b, found.Level.LabelEN())
	default:
		return
	}
	r.add(OnlineNotOffered, Error, "KenhThucHien", string(b))
}

func missingReception(d *model.Dossier, fallback bool, r *report) {
	switch d.Status.Code() {
	case model.StatusRegistered, model.StatusNotAccepted:
		return
	}
	if d.ReceivedAt.IsSet() {
		return
	}
	var a [128]byte
	if fallback && d.SubmittedAt.IsSet() {
		b := append(a[:0], "reception time absent; NgayNopHoSo "...)
		b = appendTime(b, d.SubmittedAt)
		b = append(b, " used instead"...)
		r.add(MissingReceptionTime, Warning, "NgayTiepNhan", string(b))
		return
	}
	b := append(a[:0], "reception time absent with status "...)
	b = strconv.AppendQuote(b, d.Status.String())
	r.add(MissingReceptionTime, Error, "NgayTiepNhan", string(b))
}

func terminalWithoutEnd(d *model.Dossier, r *report) {
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
	var a [128]byte
	b := append(a[:0], "terminal status "...)
	b = strconv.AppendQuote(b, d.Status.String())
	b = append(b, " without end of processing or terminal step"...)
	r.add(TerminalWithoutEnd, Error, "NgayKetThucXuLy", string(b))
}

// outside is the first test of the time checks: it reports, of the checks asked for, those that may find
// something in d — time-in-future when a time it reads is at or after limitSec, placeholder-date when a
// present time is at or before loSec or at or after hiSec. A check it clears has no finding (its times
// are strictly inside by whole seconds, and the bounds carry no monotonic reading); one it keeps is run
// exactly (timeInFuture, placeholderDates). One pass over the times, no closure.
func (w *timeWindow) outside(d *model.Dossier, future, placeholder bool) (bool, bool) {
	lo, hi := int64(math.MaxInt64), int64(math.MinInt64) // of the present times time-in-future reads
	span := func(t *model.Time) {
		if t.Valid {
			s := t.T.Unix()
			lo, hi = min(lo, s), max(hi, s)
		}
	}
	span(&d.SubmittedAt)
	span(&d.ReceivedAt)
	span(&d.ProcessingEndedAt)
	span(&d.ResultReturnedAt)
	span(&d.RejectedAt)
	for i := range d.Steps {
		span(&d.Steps[i].At)
	}
	future = future && hi >= w.limitSec
	if !placeholder {
		return future, false
	}
	span(&d.DueAt)
	span(&d.ReceiveDeadline)
	for i := range d.Supplements {
		s := &d.Supplements[i]
		span(&s.RequestedAt)
		span(&s.ResubmittedAt)
		span(&s.DueBefore)
		span(&s.DueAfter)
	}
	return future, lo <= w.loSec || hi >= w.hiSec
}

func timeInFuture(d *model.Dossier, limit time.Time, r *report) {
	times(d, false, func(f fieldPath, t model.Time) {
		if t.IsSet() && t.T.After(limit) {
			var a [128]byte
			b := appendPath(a[:0], f)
			k := len(b)
			b = appendTime(b, t)
			b = append(b, " is after the as-of instant"...)
			r.addText(TimeInFuture, Error, b, k)
		}
	})
}

// fieldPath is the payload key path of one of a dossier's fields: name, or list[i].name. Its text is
// built only for a finding (appendPath), so walking the times of a clean record allocates nothing.
type fieldPath struct {
	list string // "" for a field of the dossier itself
	i    int
	name string
}

// appendPath appends f's text.
func appendPath(b []byte, f fieldPath) []byte {
	if f.list == "" {
		return append(b, f.name...)
	}
	b = append(b, f.list...)
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(f.i), 10)
	b = append(b, "]."...)
	return append(b, f.name...)
}

// times calls fn with every event time of d and its payload key path: submission, reception, end,
// hand-over, rejection and the steps; with all also the due time, the reception deadline and the
// supplements' times. Only records that timeWindow.outside does not clear are walked.
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

func endBeforeReception(d *model.Dossier, r *report) {
	if !d.ReceivedAt.IsSet() {
		return
	}
	if d.ProcessingEndedAt.Before(d.ReceivedAt) {
		addBefore(r, d, d.ProcessingEndedAt, Error, "NgayKetThucXuLy", "end of processing")
	}
	if d.ResultReturnedAt.Before(d.ReceivedAt) {
		addBefore(r, d, d.ResultReturnedAt, Error, "NgayTra", "hand-over")
	}
	if d.DueAt.Before(d.ReceivedAt) {
		addBefore(r, d, d.DueAt, Warning, "NgayHenTra", "due time")
	}
}

// addBefore adds the end-before-reception finding of field, whose time t is before d's reception.
func addBefore(r *report, d *model.Dossier, t model.Time, sev Severity, field, what string) {
	var a [128]byte
	b := append(a[:0], what...)
	b = append(b, ' ')
	b = appendTime(b, t)
	b = append(b, " before reception "...)
	b = appendTime(b, d.ReceivedAt)
	r.add(EndBeforeReception, sev, field, string(b))
}

// remember records v as the latest version of code and returns the version before it (ok false: code
// not seen before). The table copies the code (a decoder's code may be a substring of its whole record,
// which must not be kept).
func (c *Checker) remember(code string, v seenCode) (prev seenCode, ok bool) {
	e, seen := c.seen.Upsert(code)
	prev, ok = e.Val, seen
	e.Val = v
	return prev, ok
}

func (c *Checker) duplicate(d *model.Dossier, rec int, p Prepared, r *report) {
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
		var a [192]byte
		b := append(a[:0], "code "...)
		b = strconv.AppendQuote(b, code)
		switch {
		case prev.fp == fp:
			b = append(b, " already seen in record "...)
			b = strconv.AppendInt(b, int64(prev.record), 10)
			b = append(b, " with the same content"...)
			r.add(DuplicateCode, Warning, field, string(b))
		case prev.id == id || !c.on(bitResendConflict):
			b = append(b, " re-sent with updates (record "...)
			b = strconv.AppendInt(b, int64(prev.record), 10)
			b = append(b, " before); the latest version is scored"...)
			r.add(DuplicateCode, Info, field, string(b))
		default:
			b = append(b, " already seen in record "...)
			b = strconv.AppendInt(b, int64(prev.record), 10)
			b = append(b, " with another unit, procedure, channel, submission or reception time"...)
			r.add(ResendConflict, Error, field, string(b))
		}
	}
}

func (c *Checker) on(b checkBits) bool { return c.skip&b == 0 }

// placeholderDates flags the present times before lo or (hi not zero) after hi: model.DateBounds.Window
// at as-of, computed once per Checker.
func placeholderDates(d *model.Dossier, lo, hi time.Time, r *report) {
	times(d, true, func(f fieldPath, t model.Time) {
		if t.Valid && (t.T.Before(lo) || (!hi.IsZero() && t.T.After(hi))) {
			var a [128]byte
			b := appendPath(a[:0], f)
			k := len(b)
			b = appendTime(b, t)
			b = append(b, " is a placeholder, not a date"...)
			r.addText(PlaceholderDate, Error, b, k)
		}
	})
}

func statusWithoutSteps(d *model.Dossier, requireTimeline bool, r *report) {
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
	// The common case, a finished dossier that came without its timeline, in the canonical spelling:
	// a constant message.
	var msg string
	switch raw := d.Status.String(); {
	case real == 0 && raw == "9":
		msg = `status "9" with no processing step among 0 real steps`
	case real == 0 && raw == "10":
		msg = `status "10" with no processing step among 0 real steps`
	default:
		var a [96]byte
		b := append(a[:0], "status "...)
		b = strconv.AppendQuote(b, raw)
		b = append(b, " with no processing step among "...)
		b = strconv.AppendInt(b, int64(real), 10)
		b = append(b, " real steps"...)
		msg = string(b)
	}
	r.add(StatusWithoutSteps, Warning, "TrangThaiHoSo", msg)
}

func fabricatedStep(d *model.Dossier, r *report) {
	if d.DueAt.IsSet() {
		return
	}
	for i := range d.Steps {
		if !d.Steps[i].RealEvent {
			r.add(FabricatedStep, Warning, "Steps["+strconv.Itoa(i)+"]", "a step fabricated from the dossier dates, but the dossier has no appointment (NgayHenTra)")
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

func codeFormat(d *model.Dossier, r *report) {
	if d.Code == "" {
		return // a missing code is the decoders' error
	}
	if _, _, _, ok := SplitCode(d.Code); !ok {
		var a [128]byte
		b := append(a[:0], "code "...)
		b = strconv.AppendQuote(b, d.Code)
		b = append(b, " is not of the form {unit}-{yyMMdd}-{sequence}"...)
		r.add(CodeFormat, Warning, "MaHoSo", string(b))
	}
}

func missingResult(d *model.Dossier, r *report) {
	st := d.Status.Code()
	if !d.Channel.Is(model.ChannelOnline) || (st != model.StatusFinished && st != model.StatusReturned) || len(d.Results) > 0 {
		return
	}
	r.add(MissingResult, Warning, "DanhSachGiayToKetQua", "finished online dossier without any result document")
}

func multipleSupplements(d *model.Dossier, r *report) {
	steps := 0
	for i := range d.Steps {
		if d.Steps[i].Status.Is(model.StatusSupplement) {
			steps++
		}
	}
	if n := max(len(d.Supplements), steps); n > 1 {
		var a [128]byte
		b := strconv.AppendInt(a[:0], int64(n), 10)
		b = append(b, " supplement requests ("...)
		b = strconv.AppendInt(b, int64(len(d.Supplements)), 10)
		b = append(b, " entries, "...)
		b = strconv.AppendInt(b, int64(steps), 10)
		b = append(b, " status-5 steps); the national rule counts the dossier overdue"...)
		r.add(MultipleSupplements, Warning, "DanhSachHoSoBoSung", string(b))
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

func (c *Checker) placeholders(d *model.Dossier, r *report) {
	for i, id := range d.ApplicantIDs {
		if PlaceholderID(id.Number) {
			var a [128]byte
			b := appendPath(a[:0], fieldPath{"DinhDanhCHS", i, "SoDinhDanh"})
			k := len(b)
			b = append(b, "identifier "...)
			b = strconv.AppendQuote(b, id.Number)
			b = append(b, " looks like a placeholder"...)
			r.addText(PlaceholderIdentifier, Warning, b, k)
		}
	}
	if d.Summary != "" && c.summaries.has(d.Summary) {
		var a [128]byte
		b := append(a[:0], "summary "...)
		b = strconv.AppendQuote(b, d.Summary)
		b = append(b, " is filler"...)
		r.add(PlaceholderIdentifier, Warning, "TrichYeuHoSo", string(b))
	}
	// The last officer that passed maybe, whether it is a filler and its message: the steps of a
	// dossier mostly name one officer, so its findings share one message (and, for the first ten
	// steps, take their field from officerFields).
	last, lastFiller, msg := "", false, ""
	for i := range d.Steps {
		o := d.Steps[i].Officer
		if o == "" || !c.fillers.maybe(o) {
			continue
		}
		if o != last {
			last, lastFiller, msg = o, c.fillers.match(o), ""
		}
		if !lastFiller {
			continue
		}
		if msg == "" {
			var a [128]byte
			b := append(a[:0], "officer name "...)
			b = strconv.AppendQuote(b, o)
			b = append(b, " is filler"...)
			msg = string(b)
			r.reserve(len(d.Steps) - i) // room for this step's finding and those of the steps after it
		}
		field := ""
		if i < 10 {
			field = officerFields[i*officerField : (i+1)*officerField]
		} else {
			field = "Steps[" + strconv.Itoa(i) + "].NguoiXuLy"
		}
		r.add(PlaceholderIdentifier, Warning, field, msg)
	}
}

// officerFields are the field paths of the officers of the first ten steps, officerField bytes each.
const (
	officerFields = "Steps[0].NguoiXuLySteps[1].NguoiXuLySteps[2].NguoiXuLySteps[3].NguoiXuLySteps[4].NguoiXuLy" +
		"Steps[5].NguoiXuLySteps[6].NguoiXuLySteps[7].NguoiXuLySteps[8].NguoiXuLySteps[9].NguoiXuLy"
	officerField = len("Steps[0].NguoiXuLy")
)

// unknownCodes adds an UnknownCode finding for each code that is set but outside its list.
func unknownCodes(d *model.Dossier, r *report) {
	unknown := func(field fieldPath, raw string) {
		var a [128]byte
		b := appendPath(a[:0], field)
		k := len(b)
		b = append(b, "code "...)
		b = strconv.AppendQuote(b, raw)
		b = append(b, " is outside its list"...)
		r.addText(UnknownCode, Info, b, k)
	}
	if d.Channel.IsSet() && !d.Channel.Known() {
		unknown(fieldPath{name: "KenhThucHien"}, d.Channel.String())
	}
	if d.Status.IsSet() && !d.Status.Known() {
		unknown(fieldPath{name: "TrangThaiHoSo"}, d.Status.String())
	}
	if d.ApplicantType.IsSet() && !d.ApplicantType.Known() {
		unknown(fieldPath{name: "LoaiDoiTuong"}, d.ApplicantType.String())
	}
	if d.ReturnMethod.IsSet() && !d.ReturnMethod.Known() {
		unknown(fieldPath{name: "HinhThuc"}, d.ReturnMethod.String())
	}
	if d.OnlinePayment.IsSet() && !d.OnlinePayment.Known() {
		unknown(fieldPath{name: "DuocThanhToanTrucTuyen"}, d.OnlinePayment.String())
	}
	for i := range d.Steps {
		if s := d.Steps[i].Status; s.IsSet() && !s.Known() {
			unknown(fieldPath{"Steps", i, "TrangThai"}, s.String())
		}
	}
}
