package quality

// The per-record checks as they were before issue 17's third round (commit 9f788bd), kept verbatim as the
// oracle of the differential tests (TestCheckEqualsOracle, FuzzCheckEqualsOracle): fmt.Sprintf messages,
// a closure per finding, the times walked with a closure per field. Only the duplicate-code state differs:
// a plain map of the codes seen.

import (
	"fmt"
	"strconv"
	"time"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/internal/textfold"
)

type oracleOfferKey struct{ unit, procedure string }

type oracleChecker struct {
	opt       Options
	tolerance time.Duration
	catalogue map[string]bool
	offerings map[oracleOfferKey][]model.Offering
	fillers   oracleFoldedSet
	summaries oracleFoldedSet
	skip      checkBits
	seen      map[string]seenCode
	n         int
	dates     model.DateBounds
}

func newOracleChecker(opt Options) *oracleChecker {
	c := &oracleChecker{opt: opt, seen: map[string]seenCode{}}
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
		c.offerings = make(map[oracleOfferKey][]model.Offering)
		for _, o := range opt.Offerings {
			k := oracleOfferKey{o.UnitID, c.national(o.ProcedureCode)}
			c.offerings[k] = append(c.offerings[k], o)
		}
	}
	fillers := opt.FillerOfficers
	if fillers == nil {
		fillers = DefaultFillerOfficers()
	}
	c.fillers = oracleFoldSet(fillers)
	summaries := opt.PlaceholderSummaries
	if summaries == nil {
		summaries = DefaultPlaceholderSummaries()
	}
	c.summaries = oracleFoldSet(summaries)
	for _, s := range opt.Skip {
		c.skip |= bitOf(s)
	}
	c.dates = model.DefaultDateBounds()
	if opt.Dates != nil {
		c.dates = *opt.Dates
	}
	return c
}

type oracleFoldedSet struct {
	keys   map[string]bool
	maxLen int
}

func oracleFoldSet(ss []string) oracleFoldedSet {
	m := oracleFoldedSet{keys: make(map[string]bool, len(ss))}
	for _, s := range ss {
		k := model.FoldText(s)
		m.keys[k] = true
		m.maxLen = max(m.maxLen, len(k))
	}
	return m
}

func (m oracleFoldedSet) has(s string) bool {
	var buf [64]byte
	b, ok := textfold.AppendFold(buf[:0], s, m.maxLen)
	return ok && m.keys[string(b)]
}

func (c *oracleChecker) national(code string) string {
	if n, ok := c.opt.CodeMap[code]; ok {
		return n
	}
	return code
}

// remember is the duplicate check's state as a plain map.
func (c *oracleChecker) remember(code string, v seenCode) (prev seenCode, ok bool) {
	prev, ok = c.seen[code]
	c.seen[code] = v
	return prev, ok
}

// check is the old Checker.CheckPrepared.
func (c *oracleChecker) check(d *model.Dossier, p Prepared) []Finding {
	var out []Finding
	rec := c.n
	c.n++
	add := func(ch Check, sev Severity, field, format string, args ...any) {
		out = append(out, Finding{Check: ch, Severity: sev, Record: rec, RecordCode: d.Code, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	on := func(b checkBits) bool { return c.skip&b == 0 }
	if on(bitOnlineNotOffered) && c.offerings != nil {
		c.oracleOnlineNotOffered(d, add)
	}
	if on(bitMissingReceptionTime) {
		oracleMissingReception(d, c.opt.AllowSubmittedFallback, add)
	}
	if on(bitTerminalWithoutEnd) {
		oracleTerminalWithoutEnd(d, add)
	}
	if on(bitTimeInFuture) && !c.opt.AsOf.IsZero() {
		oracleTimeInFuture(d, c.opt.AsOf.Add(c.tolerance), add)
	}
	if on(bitEndBeforeReception) {
		oracleEndBeforeReception(d, add)
	}
	if on(bitDuplicateCode) {
		c.oracleDuplicate(d, rec, p, add)
	}
	if on(bitMultipleSupplements) {
		oracleMultipleSupplements(d, add)
	}
	if on(bitUnknownProcedure) && c.catalogue != nil {
		if code := c.national(d.ProcedureCode); !c.catalogue[code] {
			add(UnknownProcedure, Error, "MaTTHC", "procedure %q (national %q) is not in the catalogue", d.ProcedureCode, code)
		}
	}
	if on(bitPlaceholderIdentifier) {
		c.oraclePlaceholders(d, add)
	}
	if on(bitUnknownCode) {
		oracleUnknownCodes(d, add)
	}
	if on(bitPlaceholderDate) {
		oraclePlaceholderDates(d, c.dates, c.opt.AsOf, add)
	}
	if on(bitStatusWithoutSteps) {
		oracleStatusWithoutSteps(d, c.opt.RequireTimeline, add)
	}
	if on(bitFabricatedStep) {
		oracleFabricatedStep(d, add)
	}
	if on(bitCodeFormat) {
		oracleCodeFormat(d, add)
	}
	if on(bitMissingResult) {
		oracleMissingResult(d, add)
	}
	return out
}

type oracleAddFunc func(ch Check, sev Severity, field, format string, args ...any)

func (c *oracleChecker) oracleOnlineNotOffered(d *model.Dossier, add oracleAddFunc) {
	if !d.Channel.Is(model.ChannelOnline) {
		return
	}
	at := d.Received()
	code := c.national(d.ProcedureCode)
	var found *model.Offering
	for _, o := range c.offerings[oracleOfferKey{d.UnitID, code}] {
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

func oracleMissingReception(d *model.Dossier, fallback bool, add oracleAddFunc) {
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

func oracleTerminalWithoutEnd(d *model.Dossier, add oracleAddFunc) {
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

func oracleTimeInFuture(d *model.Dossier, limit time.Time, add oracleAddFunc) {
	oracleTimes(d, false, func(f oracleFieldPath, t model.Time) {
		if t.IsSet() && t.T.After(limit) {
			add(TimeInFuture, Error, f.String(), "%s is after the as-of instant", t)
		}
	})
}

// oracleFieldPath is the payload key path of one of a dossier's fields: name, or list[i].name. Its text is
// built only for a finding (String), so walking the oracleTimes of a clean record allocates nothing.
type oracleFieldPath struct {
	list string // "" for a field of the dossier itself
	i    int
	name string
}

func (f oracleFieldPath) String() string {
	if f.list == "" {
		return f.name
	}
	return f.list + "[" + strconv.Itoa(f.i) + "]." + f.name
}

// oracleTimes calls fn with every event time of d and its payload key path: submission, reception, end,
// hand-over, rejection and the steps; with all also the due time, the reception deadline and the
// supplements' oracleTimes.
func oracleTimes(d *model.Dossier, all bool, fn func(f oracleFieldPath, t model.Time)) {
	top := func(name string, t model.Time) { fn(oracleFieldPath{name: name}, t) }
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
			fn(oracleFieldPath{l, i, "NgayBoSung"}, s.RequestedAt)
			fn(oracleFieldPath{l, i, "NgayTiepNhanBoSung"}, s.ResubmittedAt)
			fn(oracleFieldPath{l, i, "NgayHenTraTruoc"}, s.DueBefore)
			fn(oracleFieldPath{l, i, "NgayHenTraMoi"}, s.DueAfter)
		}
	}
	for i := range d.Steps {
		fn(oracleFieldPath{"Steps", i, "ThoiDiemXuLy"}, d.Steps[i].At)
	}
}

func oracleEndBeforeReception(d *model.Dossier, add oracleAddFunc) {
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

func (c *oracleChecker) oracleDuplicate(d *model.Dossier, rec int, p Prepared, add oracleAddFunc) {
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
		case prev.id == id || !c.oracleOn(bitResendConflict):
			add(DuplicateCode, Info, field, "code %q re-sent with updates (record %d before); the latest version is scored", code, prev.record)
		default:
			add(ResendConflict, Error, field, "code %q already seen in record %d with another unit, procedure, channel, submission or reception time", code, prev.record)
		}
	}
}

func (c *oracleChecker) oracleOn(b checkBits) bool { return c.skip&b == 0 }

func oraclePlaceholderDates(d *model.Dossier, b model.DateBounds, asOf time.Time, add oracleAddFunc) {
	lo, hi := b.Window(asOf) // once per record: Placeholder would compute it per time
	oracleTimes(d, true, func(f oracleFieldPath, t model.Time) {
		if t.Valid && (t.T.Before(lo) || (!hi.IsZero() && t.T.After(hi))) {
			add(PlaceholderDate, Error, f.String(), "%s is a placeholder, not a date", t)
		}
	})
}

func oracleStatusWithoutSteps(d *model.Dossier, requireTimeline bool, add oracleAddFunc) {
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

func oracleFabricatedStep(d *model.Dossier, add oracleAddFunc) {
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

func oracleCodeFormat(d *model.Dossier, add oracleAddFunc) {
	if d.Code == "" {
		return // a missing code is the decoders' error
	}
	if _, _, _, ok := SplitCode(d.Code); !ok {
		add(CodeFormat, Warning, "MaHoSo", "code %q is not of the form {unit}-{yyMMdd}-{sequence}", d.Code)
	}
}

func oracleMissingResult(d *model.Dossier, add oracleAddFunc) {
	st := d.Status.Code()
	if !d.Channel.Is(model.ChannelOnline) || (st != model.StatusFinished && st != model.StatusReturned) || len(d.Results) > 0 {
		return
	}
	add(MissingResult, Warning, "DanhSachGiayToKetQua", "finished online dossier without any result document")
}

func oracleMultipleSupplements(d *model.Dossier, add oracleAddFunc) {
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

func (c *oracleChecker) oraclePlaceholders(d *model.Dossier, add oracleAddFunc) {
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

type oracleCoded interface {
	IsSet() bool
	Known() bool
	String() string
}

func oracleUnknownCodes(d *model.Dossier, add oracleAddFunc) {
	oracleUnknownCode(add, oracleFieldPath{name: "KenhThucHien"}, d.Channel)
	oracleUnknownCode(add, oracleFieldPath{name: "TrangThaiHoSo"}, d.Status)
	oracleUnknownCode(add, oracleFieldPath{name: "LoaiDoiTuong"}, d.ApplicantType)
	oracleUnknownCode(add, oracleFieldPath{name: "HinhThuc"}, d.ReturnMethod)
	oracleUnknownCode(add, oracleFieldPath{name: "DuocThanhToanTrucTuyen"}, d.OnlinePayment)
	for i := range d.Steps {
		oracleUnknownCode(add, oracleFieldPath{"Steps", i, "TrangThai"}, d.Steps[i].Status)
	}
}

// oracleUnknownCode adds an UnknownCode finding when v is set but outside its list. Generic, so that a code
// value is not boxed into an interface per call.
func oracleUnknownCode[C oracleCoded](add oracleAddFunc, f oracleFieldPath, v C) {
	if v.IsSet() && !v.Known() {
		add(UnknownCode, Info, f.String(), "code %q is outside its list", v.String())
	}
}
