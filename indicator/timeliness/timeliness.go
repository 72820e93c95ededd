package timeliness

import (
	"errors"
	"math"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
	"github.com/vn-dvc/chiso766/model"
)

// durEntry is a procedure's maximum duration for one channel, converted once by New.
type durEntry struct {
	dur calendar.Duration
	ok  bool // false: no due date, a duration in months, an unknown unit or no duration at all
}

// procEntry holds the durations of one procedure by dossier channel (index = model.ChannelCode 0–3).
type procEntry [4]durEntry

// Calculator judges dossiers for 2.1, 2.2 and the reception check; immutable, safe for concurrent use.
type Calculator struct {
	// [start, limit] holds the instants that count (no monotonic reading), also as Unix seconds and ns.
	start, limit   time.Time
	startS, limitS int64
	startN, limitN int32
	limitInCal     bool               // limit's date is in the calendar (due-soon needs it)
	judgement      calendar.Judgement // classifies as of limit
	// [phLo, phHi] holds the dates that are not placeholders (Reception.Dates as of AsOf), as Unix seconds
	// and nanoseconds; no upper bound: phHi = MaxInt64.
	phLo, phHi   int64
	phLoN, phHiN int32

	cal      *calendar.Calendar
	pol      indicator.TimelinessPolicy
	rec      indicator.ReceptionPolicy
	dp       calendar.DeadlinePolicy // pol.Deadline with Supplement set by pol.Supplements
	recvSecs int64                   // Policy.OnlineReceptionHours in seconds

	// The procedure catalogue's converted durations by code, and by index of keys (nil: not in it).
	keys      *indicator.Keys
	procs     map[string]*procEntry
	procByKey []*procEntry
}

// New validates opts and returns a Calculator, or an *indicator.OptionError naming the offending field.
func New(opts Options) (*Calculator, error) {
	w, bad := offer.NewWindow(opts.Period, opts.AsOf, opts.Reception)
	if bad != nil {
		return nil, bad.Option(pkg)
	}
	if err := validate(&opts); err != nil {
		return nil, err
	}
	c := &Calculator{
		start:    w.Start.Round(0),
		limit:    w.Judge.Round(0),
		cal:      opts.Calendar,
		pol:      opts.Policy,
		rec:      opts.Reception,
		dp:       opts.Policy.Deadline,
		recvSecs: int64(opts.Policy.OnlineReceptionHours) * 3600,
	}
	c.startS, c.startN = c.start.Unix(), int32(c.start.Nanosecond())
	c.limitS, c.limitN = c.limit.Unix(), int32(c.limit.Nanosecond())
	c.limitInCal = c.cal.Contains(c.cal.DateOf(c.limit))
	lo, hi := c.rec.Dates.Window(opts.AsOf)
	c.phLo, c.phLoN, c.phHi, c.phHiN = lo.Unix(), int32(lo.Nanosecond()), math.MaxInt64, 0
	if !hi.IsZero() {
		c.phHi, c.phHiN = hi.Unix(), int32(hi.Nanosecond())
	}
	c.judgement = c.cal.JudgeAt(c.limit, c.dp)
	c.dp.Supplement = calendar.Pause
	if c.pol.Supplements == indicator.SupplementRestart {
		c.dp.Supplement = calendar.Restart
	}
	c.procs = make(map[string]*procEntry, len(opts.Procedures))
	for code, p := range opts.Procedures {
		e := new(procEntry)
		for ch := range e {
			e[ch] = convertDuration(p.Duration(model.ChannelCode(ch)))
		}
		c.procs[code] = e
	}
	c.keys = opts.Keys
	if c.keys == nil {
		c.keys = indicator.NewKeys(nil, offer.SortedIDs(opts.Procedures))
	}
	c.procByKey = make([]*procEntry, c.keys.NumProcedures())
	for i := range c.procByKey {
		c.procByKey[i] = c.procs[c.keys.ProcedureCode(int32(i))]
	}
	return c, nil
}

// procedure returns d's catalogue entry: by p, its procedure's Keys index, when known (p ≥ 0), else by code.
func (c *Calculator) procedure(d *model.Dossier, p int32) *procEntry {
	if uint32(p) < uint32(len(c.procByKey)) {
		return c.procByKey[p]
	}
	return c.procs[d.ProcedureCode]
}

// convertDuration maps a catalogue duration to the calendar's units as docs/rules.md (2.1) says; fractional
// hours and days round up. Months, unknown units, negative amounts and no due date are not usable.
func convertDuration(pd model.ProcedureDuration, ok bool) durEntry {
	if !ok || pd.NoDueDate || pd.Amount.Sign() < 0 {
		return durEntry{}
	}
	amt := pd.Amount
	var u calendar.Unit
	switch pd.Unit.Code() {
	case model.DurationWorkingDays:
		u = calendar.WorkingDays
		if !amt.IsInteger() {
			u, amt = calendar.WorkingHours, amt.Mul(decimal.NewFromInt(8))
		}
	case model.DurationDays:
		u = calendar.CalendarDays
	case model.DurationHours:
		u = calendar.WorkingHours
	default:
		return durEntry{}
	}
	amt = amt.Ceil()
	if amt.GreaterThan(decimal.NewFromInt(1_000_000)) {
		return durEntry{}
	}
	return durEntry{dur: calendar.Duration{Amount: int(amt.IntPart()), Unit: u}, ok: true}
}

// ReceptionCheck is the online reception check (not scored; docs/rules.md, 2.1's online reception check).
type ReceptionCheck struct {
	Checked bool // the dossier is online, received in the period, with both times known
	Late    bool // received after Deadline
	// Deadline is SubmittedAt + OnlineReceptionHours working hours; zero when the dossier was received
	// within OnlineReceptionHours of elapsed time (in time: office time never exceeds elapsed time).
	Deadline time.Time
}

// Verdict is the judgement of one dossier: where it counts, why, and the values that decided it.
type Verdict struct {
	Unit      string           // model.Dossier.UnitID
	Code      string           // model.Dossier.Code
	Procedure string           // model.Dossier.ProcedureCode
	Reason    indicator.Reason // one of the Reason… constants
	// Counted: in 2.1's denominator; InNumerator: early, on time, open in time or pending on time.
	Counted, InNumerator bool
	// Finished: counted by 2.1 with an end event in the period (not a pending supplement): in
	// Tally.Completed.
	Finished bool
	// Resolved: an end of processing in the period, after a reception that is no placeholder: in 2.2,
	// whether or not 2.1 counts the dossier (a dossier without a deadline has an average too).
	Resolved bool
	Class    calendar.Class // the calendar's P15 class (meaningful when Counted)
	Received time.Time      // NgayTiepNhan, or NgayNopHoSo under the fallback policy
	// End is the end of processing, the supplement request (supplement-pending) or the judgement instant
	// (open); EndStatus that event's status (5 for supplement-pending, 0 when open).
	End       time.Time
	EndStatus model.StatusCode
	// DueAt is the due instant: the appointment as given (Policy.Appointments), the end of a computed due
	// day (P4), or the exact instant of a duration in hours. A finished dossier is on time when End ≤ DueAt,
	// an open one overdue once the judgement instant is after it. Due is the due day, the date of the last
	// instant that counts (DueAt's date, or the day before when DueAt is 00:00): an end before it is early.
	Due   calendar.Date
	DueAt time.Time
	// DueSoon: open within deadline, on or after Due − DueSoonDays working days (P15).
	DueSoon bool
	// FromAppointment: Due is NgayHenTra or the first supplement's NgayHenTraTruoc (not the catalogue's).
	FromAppointment bool
	// EarlyWorkingDays, LateWorkingDays and LateHours come from calendar.Outcome.
	EarlyWorkingDays, LateWorkingDays int
	LateHours                         time.Duration
	Supplements                       int   // requests before the end (financial pauses excluded)
	ProcessingSeconds                 int64 // End − Received in whole seconds when Resolved (2.2), else 0
	Reception                         ReceptionCheck

	r reason
}

// Timing is the verdict as 5.3 reads it: indicator.OnTime or Late when Counted, else NotTimed.
func (v *Verdict) Timing() indicator.Timing {
	switch {
	case !v.Counted:
		return indicator.NotTimed
	case v.InNumerator:
		return indicator.OnTime
	}
	return indicator.Late
}

// Classify judges one dossier without allocating (but ReasonExcludedCalendarRange's error value); bad data
// is excluded with a reason. Instants are compared on the wall clock (Unix time): a finished dossier is on
// time when its end is no later than its due instant (Verdict.DueAt).
func (c *Calculator) Classify(d *model.Dossier) (v Verdict) {
	c.classify(d, -1, &v)
	if d != nil {
		v.Unit, v.Code, v.Procedure = d.UnitID, d.Code, d.ProcedureCode
	}
	return v
}

// classify is Classify into a zero *v without Unit, Code and Procedure; proc is d's procedure's Keys index.
func (c *Calculator) classify(d *model.Dossier, proc int32, v *Verdict) {
	r := c.judge(d, proc, v)
	v.r, v.Reason = r, reasonCodes[r]
}

// afterLimit is t.After(c.limit); beforeStart is t.Before(c.start) (neither bound has a monotonic reading).
func (c *Calculator) afterLimit(t time.Time) bool {
	s := t.Unix()
	return s > c.limitS || (s == c.limitS && int32(t.Nanosecond()) > c.limitN)
}

func (c *Calculator) beforeStart(t time.Time) bool {
	s := t.Unix()
	return s < c.startS || (s == c.startS && int32(t.Nanosecond()) < c.startN)
}

// placeholder reports whether t is a placeholder date under Reception.Dates (model.DateBounds) as of AsOf:
// t.Before(lo) || t.After(hi) of model.DateBounds.Window, on Unix time.
func (c *Calculator) placeholder(t time.Time) bool {
	s, n := t.Unix(), int32(t.Nanosecond())
	return s < c.phLo || (s == c.phLo && n < c.phLoN) || s > c.phHi || (s == c.phHi && n > c.phHiN)
}

// placeholderTime is placeholder for an optional time (absent is not a placeholder).
func (c *Calculator) placeholderTime(t *model.Time) bool {
	return t != nil && t.Valid && c.placeholder(t.T)
}

// checkReception sets v.Reception for an online dossier.
func (c *Calculator) checkReception(d *model.Dossier, v *Verdict) {
	t, sub := &d.ReceivedAt.T, &d.SubmittedAt.T
	if !d.ReceivedAt.Valid || !d.SubmittedAt.Valid || c.beforeStart(*t) || c.afterLimit(*t) || c.placeholder(*sub) {
		return // no times, received outside [start, limit], or a placeholder submission time
	}
	ts, tn := t.Unix(), int32(t.Nanosecond())
	if e, sn := ts-sub.Unix(), int32(sub.Nanosecond()); e < c.recvSecs || (e == c.recvSecs && tn <= sn) {
		v.Reception = ReceptionCheck{Checked: true} // in time: office time never exceeds elapsed time
		return
	}
	if dl, err := c.cal.AddWorkingHours(*sub, time.Duration(c.recvSecs)*time.Second); err == nil {
		v.Reception = ReceptionCheck{Checked: true, Late: t.After(dl), Deadline: dl}
	}
}

type endKind uint8 // what endEvent found

const (
	endOpen        endKind = iota // no terminal event has happened by the judgement instant
	endFound                      // a terminal event with its time
	endNoTime                     // a terminal status without any time
	endPlaceholder                // a terminal event whose time is a placeholder date
)

// endEvent finds the end of processing: the best-ranked terminal step that has happened (equal ranks: the
// earliest), when the timeline has any terminal step; otherwise the dossier's status and end fields.
func (c *Calculator) endEvent(d *model.Dossier) (time.Time, model.StatusCode, endKind) {
	rank := &c.pol.EndStatusRank
	var best time.Time
	var bestSt model.StatusCode
	bestRank := uint8(0)
	anyTerminal := false
	for i := range d.Steps {
		s := &d.Steps[i]
		st := s.Status.Code()
		if st <= 0 || int(st) >= len(rank) || rank[st] == 0 || !s.At.Valid {
			continue
		}
		anyTerminal = true
		if c.placeholder(s.At.T) {
			return time.Time{}, st, endPlaceholder
		}
		if c.afterLimit(s.At.T) {
			continue
		}
		r := rank[st]
		if bestRank == 0 || r < bestRank || (r == bestRank && s.At.T.Before(best)) {
			best, bestSt, bestRank = s.At.T, st, r
		}
	}
	switch {
	case bestRank != 0:
		return best, bestSt, endFound
	case anyTerminal:
		return time.Time{}, 0, endOpen
	}
	return c.statusEnd(d)
}

// statusEnd is the end of processing by the dossier's status and end fields.
func (c *Calculator) statusEnd(d *model.Dossier) (time.Time, model.StatusCode, endKind) {
	rank := &c.pol.EndStatusRank
	st := d.Status.Code()
	if st <= 0 || int(st) >= len(rank) || rank[st] == 0 {
		return time.Time{}, 0, endOpen
	}
	t := &d.ProcessingEndedAt
	switch st {
	case model.StatusNotAccepted:
		if d.RejectedAt.Valid {
			t = &d.RejectedAt
		}
	case model.StatusReturned:
		if !t.Valid {
			t = &d.ResultReturnedAt
		}
	}
	if !t.Valid {
		return time.Time{}, st, endNoTime
	}
	if c.placeholder(t.T) {
		return time.Time{}, st, endPlaceholder
	}
	if c.afterLimit(t.T) {
		return time.Time{}, 0, endOpen
	}
	return t.T, st, endFound
}

// suppIter walks the supplement requests of a dossier, in input order (which must be time order): its
// Supplements entries, or, when it has none, the runs of status 5 and 6 (financial) in its timeline.
type suppIter struct {
	d *model.Dossier
	i int
}

type suppEvent struct {
	req, resub *model.Time // the request, and the re-submission (nil or not Valid: none yet)
	financial  bool
	dueBefore  *model.Time // the entry's NgayHenTraTruoc (nil for a timeline run)
}

func (it *suppIter) next(ev *suppEvent) bool {
	d := it.d
	if len(d.Supplements) > 0 {
		for it.i < len(d.Supplements) {
			s := &d.Supplements[it.i]
			it.i++
			if k := s.Kind.Code(); k != model.SupplementStop {
				ev.req, ev.resub, ev.dueBefore = &s.RequestedAt, &s.ResubmittedAt, &s.DueBefore
				ev.financial = k == model.SupplementFinancial
				return true
			}
		}
		return false
	}
	for steps := d.Steps; it.i < len(steps); {
		j, st := it.i, steps[it.i].Status.Code()
		for it.i++; it.i < len(steps) && steps[it.i].Status.Code() == st; it.i++ { // to the end of the run
		}
		if st.Pause() {
			ev.req, ev.resub, ev.financial, ev.dueBefore = &steps[j].At, nil, st == model.StatusFinancial, nil
			if it.i < len(steps) {
				ev.resub = &steps[it.i].At // the step that ends the run
			}
			return true
		}
	}
	return false
}

var (
	errNoDeadline  = errors.New("no deadline")
	errPlaceholder = errors.New("placeholder appointment")
)

func (c *Calculator) judge(d *model.Dossier, proc int32, v *Verdict) reason {
	if d == nil {
		return rNilRecord
	}
	if c.rec.OnlineChannels.Has(int(d.Channel.Code())) {
		c.checkReception(d, v)
	}
	st := d.Status.Code()
	if c.rec.NotYetReceived(d) { // the one definition of "not received" (indicator.ReceptionPolicy)
		return rNotReceived
	}
	var endT time.Time
	var endSt model.StatusCode
	var kind endKind
	if len(d.Steps) == 0 {
		endT, endSt, kind = c.statusEnd(d)
	} else {
		endT, endSt, kind = c.endEvent(d)
	}
	if c.rec.ExcludeWithdrawnBeforeReception && (st == model.StatusWithdrawn || endSt == model.StatusWithdrawn) {
		if !d.ReceivedAt.Valid || (endSt == model.StatusWithdrawn && kind == endFound && endT.Before(d.ReceivedAt.T)) {
			return rWithdrawnBeforeReception
		}
	}
	recv := &d.ReceivedAt
	if !recv.Valid && c.rec.FallbackToSubmitted {
		recv = &d.SubmittedAt
	}
	if !recv.Valid {
		return rNoReceptionTime
	}
	v.Received = recv.T
	if c.placeholder(recv.T) {
		return rPlaceholder // not replaced by the submission time: the record's reception is unknown
	}
	if c.afterLimit(recv.T) {
		return rOutsidePeriod
	}
	stop := c.limit // requests after the end or the judgement instant are not applied
	switch kind {
	case endNoTime:
		v.EndStatus = endSt
		return rNoEndTime
	case endPlaceholder:
		v.EndStatus = endSt
		return rPlaceholder
	case endFound:
		v.End, v.EndStatus = endT, endSt
		// endT.Before(recv.T) on the wall clock, as the period's bounds are compared (inline: no call).
		if es, rs := endT.Unix(), recv.T.Unix(); es < rs || (es == rs && endT.Nanosecond() < recv.T.Nanosecond()) {
			return rEndBeforeReception
		}
		if c.beforeStart(endT) {
			return rOutsidePeriod
		}
		if c.pol.Terminated == indicator.TerminatedP14 && !c.dp.IncludeWithdrawn {
			switch endSt {
			case model.StatusWithdrawn:
				return rWithdrawn
			case model.StatusStopped, model.StatusNotAccepted:
				return rStopped
			}
		}
		stop = endT
		// 2.2 needs no deadline: the dossier is Resolved whatever 2.1 decides below. (End − Received)
		// truncated to whole seconds, without time.Sub's overflow check.
		secs, ns := endT.Unix()-recv.T.Unix(), endT.Nanosecond()-recv.T.Nanosecond()
		if ns < 0 {
			secs--
		}
		v.Resolved, v.ProcessingSeconds = true, secs
	}

	// The deadline: inline for the common dossier (an appointment, no supplement, no timeline), else dueOf.
	var du dueInfo
	if appt := &d.DueAt; appt.Valid && len(d.Supplements) == 0 && len(d.Steps) == 0 {
		v.FromAppointment = true
		if c.placeholder(appt.T) {
			return rPlaceholder
		}
		due, dueAt, ok := c.appointment(appt.T)
		if !ok {
			return rCalendarRange
		}
		v.Due, v.DueAt = due, dueAt
	} else if r := c.dueOf(d, proc, recv.T, stop, v, &du); r != rNone {
		return r
	}

	var at time.Time // the instant judged: the end (or pending request) of a finished dossier
	finished, refusal := false, false
	switch {
	case du.pending:
		// Not finished: no Completed, and no 2.2 even when an end event follows the unanswered request.
		v.End, v.EndStatus, v.Resolved, v.ProcessingSeconds = du.pendingAt, model.StatusSupplement, false, 0
		if c.beforeStart(du.pendingAt) {
			return rOutsidePeriod
		}
		kind = endOpen
		at, finished = du.pendingAt, true
	case kind == endFound:
		at, finished, refusal = endT, true, endSt == model.StatusNotAccepted
	default:
		v.End = c.limit
	}
	err := du.err
	if err == nil {
		// P15's class (a refusal is never early, P13); due-soon needs the judgement date in the calendar.
		var out calendar.Outcome
		err = c.judgement.Classify(&out, v.Due, v.DueAt, at, finished) // P15 by instants unless the policy says by day
		if err == nil && out.Class == calendar.OpenWithinDeadline && !c.limitInCal && c.dp.DueSoonDays >= 0 {
			err = calendar.ErrOutOfRange // the judgement date
		}
		if err == nil {
			if refusal && out.Class == calendar.Early {
				out.Class, out.EarlyWorkingDays = calendar.OnTime, 0
			}
			v.Class, v.EarlyWorkingDays, v.LateWorkingDays, v.LateHours, v.DueSoon = out.Class, out.EarlyWorkingDays, out.LateWorkingDays, out.LateWorkingHours, out.DueSoon
		}
	}
	if err != nil && !du.repeated {
		return rCalendarRange
	}
	v.Counted = true
	v.Finished = kind == endFound
	if du.repeated {
		v.Class, v.InNumerator = calendar.Late, false
		if kind == endOpen && !du.pending {
			v.Class = calendar.OpenOverdue
		}
		return rLateRepeated
	}
	k := &classes[v.Class] // a table, not a switch: the class of consecutive dossiers is unpredictable
	v.InNumerator = k.num
	if du.pending {
		return rSupplementPending
	}
	return k.r
}

// appointment returns the due day and due instant of an appointment (NgayHenTra or NgayHenTraTruoc) under
// Policy.Appointments, or false when the due day is outside the calendar. AppointmentInstant: the instant
// as given; at exactly 00:00 it is 24:00 of the previous day, which is then the due day. AppointmentDateOnly:
// an appointment at exactly 00:00 is its own date, due at that day's end (P4). Cost: O(1), no allocation.
func (c *Calculator) appointment(appt time.Time) (due calendar.Date, dueAt time.Time, ok bool) {
	s := appt.Unix()
	due, dueAt = c.cal.DateOfUnix(s), appt
	if appt.Nanosecond() == 0 && c.cal.StartUnix(due) == s { // 00:00:00 local time
		if c.pol.Appointments == indicator.AppointmentDateOnly {
			dueAt = c.judgement.EndOfDay(due)
		} else {
			due = due.AddDays(-1)
		}
	}
	if !c.cal.Contains(due) {
		return calendar.Date{}, time.Time{}, false
	}
	return due, dueAt, true
}

// dueInfo is what dueOf tells judge besides the deadline (Verdict.Due and DueAt).
type dueInfo struct {
	err       error     // no deadline, tolerated for a dossier late by repeated supplements
	repeated  bool      // more than MaxSupplements requests under SupplementSubtract: late
	pending   bool      // a supplement request not answered by the judgement instant
	pendingAt time.Time // that request
}

// dueOf sets v.Due, v.DueAt and *du for the other dossiers in one walk over the supplement requests: the
// deadline first (the first entry's NgayHenTraTruoc may set it), then each answered request made by stop
// moves it; the walk ends at a pending one. It returns rNone, or the reason that excludes the dossier.
func (c *Calculator) dueOf(d *model.Dossier, proc int32, recv, stop time.Time, v *Verdict, du *dueInfo) reason {
	it := suppIter{d: d}
	var ev suppEvent
	more := it.next(&ev) // ev stays zero when there is no request
	var dl calendar.Deadline
	derr := c.deadline(d, proc, recv, ev.dueBefore, v, &dl)
	if derr == errPlaceholder {
		return rPlaceholder
	}
	base, baseAt := dl.Due, dl.DueAt // the deadline without supplements (kept when they are too many)
	applied := rNone                 // the reason a request could not be applied, if one could not
	n := 0                           // requests (financial pauses excluded)
	for ; more; more = it.next(&ev) {
		if ev.financial && c.pol.Financial == indicator.FinancialClockRuns {
			continue
		}
		if !ev.req.Valid || ev.req.T.After(stop) {
			continue
		}
		if c.placeholder(ev.req.T) || c.placeholderTime(ev.resub) {
			v.Supplements, v.FromAppointment = n, false
			return rPlaceholder
		}
		if !ev.financial {
			n++
		}
		if ev.resub == nil || !ev.resub.Valid || c.afterLimit(ev.resub.T) {
			du.pending, du.pendingAt = true, ev.req.T
			break
		}
		if ev.resub.T.Before(ev.req.T) {
			v.Supplements, v.FromAppointment = n, false // judged before any deadline
			return rBadSupplement
		}
		if derr == nil && applied == rNone {
			p := c.dp
			if ev.financial {
				p.Supplement = calendar.Pause
			}
			if err := c.cal.SupplementTo(&dl, ev.req.T, ev.resub.T, p); err != nil {
				applied = rBadSupplement
				if errors.Is(err, calendar.ErrOutOfRange) {
					applied = rCalendarRange
				}
			}
		}
	}
	v.Supplements = n
	du.repeated = c.pol.Supplements == indicator.SupplementSubtract && n > c.pol.MaxSupplements
	switch {
	case derr != nil && errors.Is(derr, calendar.ErrOutOfRange):
		return rCalendarRange
	case derr != nil && !du.repeated:
		return rNoDeadline
	case du.repeated:
		du.err = derr
		v.Due, v.DueAt = base, baseAt
	case applied != rNone:
		return applied
	default:
		if v.FromAppointment && dl.Supplements > 0 && c.dp.Supplement == calendar.Pause {
			// An appointment keeps its time of day when pauses move it by whole working days.
			dl.DueAt = c.cal.Start(dl.Due).Add(baseAt.Sub(c.cal.Start(base)))
		}
		v.Due, v.DueAt = dl.Due, dl.DueAt
	}
	return rNone
}

// deadline returns the dossier's deadline: from its appointment (the first supplement's NgayHenTraTruoc
// when present, else NgayHenTra), else from the procedure's maximum duration for the dossier's channel.
func (c *Calculator) deadline(d *model.Dossier, proc int32, recv time.Time, dueBefore *model.Time, v *Verdict, dl *calendar.Deadline) error {
	appt := &d.DueAt
	if dueBefore != nil && dueBefore.Valid {
		appt = dueBefore
	}
	if !appt.Valid {
		ch := d.Channel.Code()
		if ch < 0 || int(ch) >= len(procEntry{}) {
			ch = 0
		}
		e := c.procedure(d, proc)
		if e == nil || !e[ch].ok {
			return errNoDeadline
		}
		return c.cal.DueTo(dl, recv, e[ch].dur, c.dp)
	}
	v.FromAppointment = true
	if c.placeholder(appt.T) {
		return errPlaceholder
	}
	due, dueAt, ok := c.appointment(appt.T)
	if !ok {
		first, last := c.cal.Range()
		return &calendar.RangeError{Op: "timeliness.deadline", Arg: "appointment", Date: c.cal.DateOf(appt.T), Time: appt.T, Min: first, Max: last}
	}
	// Pauses move an appointment by whole working days, keeping its time of day (dueOf); dl is the caller's
	// zero one.
	dl.Received, dl.Due, dl.DueAt = recv, due, dueAt
	if c.dp.Supplement == calendar.Restart && (len(d.Supplements) > 0 || len(d.Steps) > 0) {
		// A restart needs the legal duration: the catalogue's, else the working days to the appointment.
		base, err := c.cal.Due(recv, calendar.Duration{Unit: calendar.WorkingDays}, c.dp)
		if err != nil {
			return err
		}
		dl.DeemedReceipt, dl.Moved, dl.Start = base.DeemedReceipt, base.Moved, base.Start
		if e := c.procedure(d, proc); e != nil {
			if ch := d.Channel.Code(); ch >= 0 && int(ch) < len(e) && e[ch].ok {
				dl.Duration = e[ch].dur
				return nil
			}
		}
		n, err := c.cal.WorkingDaysBetween(base.DeemedReceipt, due)
		if err != nil {
			return err
		}
		dl.Duration = calendar.Duration{Amount: max(n, 0), Unit: calendar.WorkingDays}
	}
	return nil
}

// classes holds, per calendar.Class, a counted dossier's reason and whether it is in 2.1's numerator.
var classes = [256]struct {
	r   reason
	num bool
}{
	calendar.Early:              {rEarly, true},
	calendar.OnTime:             {rOnTime, true},
	calendar.Late:               {rLate, false},
	calendar.OpenWithinDeadline: {rOpenWithin, true},
	calendar.OpenOverdue:        {rOpenOverdue, false},
}
