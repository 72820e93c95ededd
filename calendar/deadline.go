package calendar

import (
	"strconv"
	"time"
)

// Unit is the unit of a procedure's processing time (P8).
type Unit uint8

// Duration units.
const (
	// WorkingDays counts working days of the calendar (announced make-up Saturdays included) — "ngày làm việc".
	WorkingDays Unit = iota
	// WorkingHours counts office hours only (P5); 8 h is one default working day — "giờ".
	WorkingHours
	// CalendarDays counts every day; a last day that is not a working day rolls forward to the next working
	// day (Civil Code 2015 art. 148(5)) — "ngày".
	CalendarDays
)

// String returns "working-days", "working-hours" or "calendar-days".
func (u Unit) String() string {
	switch u {
	case WorkingDays:
		return "working-days"
	case WorkingHours:
		return "working-hours"
	case CalendarDays:
		return "calendar-days"
	}
	return "Unit(" + itoa(int(u)) + ")"
}

// Duration is a procedure's legal processing time: Amount units (hours for WorkingHours). Amount 0 is a
// same-day procedure (P9): the due date is the deemed receipt day.
type Duration struct {
	Amount int  // days or hours; 0 = same day (P9); negative is rejected
	Unit   Unit // WorkingDays (zero value), WorkingHours or CalendarDays
}

// CutoffScope says which dossiers the cut-off hour applies to (P1).
type CutoffScope uint8

// Cut-off scopes.
const (
	CutoffAll         CutoffScope = iota // every dossier (default)
	CutoffSameDayOnly                    // only same-day procedures (Duration.Amount == 0)
	CutoffNone                           // never
)

// ReceiptCounting says how the deemed receipt day is counted (P3).
type ReceiptCounting uint8

// Receipt-day counting rules.
const (
	// ReceiptDayZero (P3a, default): the deemed receipt day is day 0; the due date is the N-th working day
	// after it (Civil Code art. 147(2)).
	ReceiptDayZero ReceiptCounting = iota
	// MovedReceiptIsDayOne (P3b): when receipt was moved to a later day (cut-off or non-working day), that
	// day counts as day 1, so the cut-off never changes the due date.
	MovedReceiptIsDayOne
)

// EndOfDay says when the due day ends (P4).
type EndOfDay uint8

// End-of-day rules.
const (
	Midnight    EndOfDay = iota // 24:00 of the due day (Civil Code art. 148(6)); default
	OfficeClose                 // the end of the due day's office hours, e.g. for alerts
)

// SupplementMode says what a supplement request after acceptance does to the clock (P10).
type SupplementMode uint8

// Supplement modes.
const (
	// Restart (default, Decree 61/2018 art. 19(4)): the processing time counts again from the receipt of the
	// completed dossier.
	Restart SupplementMode = iota
	// Pause: the time between request and resubmission is not counted; the due date moves by that much.
	Pause
)

// DefaultCutoff is the default cut-off time of day, 15:00 (P1; Decree 61/2018 art. 18(2)–(3)).
const DefaultCutoff = 15 * time.Hour

// DeadlinePolicy holds every configurable rule of docs/calendar.md, Deadline policies that affects a due date or a class. Its
// zero value equals DefaultDeadlinePolicy(). Policies fixed by the library: P2 (receipt on a non-working day
// is deemed on the next working day), P6 (see AddWorkingHours), P7 (reception days are not processing days,
// see Overlay), P8 (Unit), P9 (Amount 0), P11 (Exclude), P13 (ClassifyRefusal), P15 (day granularity).
type DeadlinePolicy struct {
	// Cutoff (P1): a dossier received at or after this local time of day is deemed received on the next
	// working day. 0 means DefaultCutoff (15:00); use CutoffScope CutoffNone to disable.
	Cutoff time.Duration
	// CutoffScope (P1): which dossiers the cut-off applies to; default CutoffAll.
	CutoffScope CutoffScope
	// ReceiptCounting (P3): default ReceiptDayZero.
	ReceiptCounting ReceiptCounting
	// EndOfDay (P4): when the due day ends; default Midnight. Ignored for WorkingHours durations, whose due
	// instant is exact.
	EndOfDay EndOfDay
	// Supplement (P10): default Restart.
	Supplement SupplementMode
	// RescheduleLimit (P12): how many times a dossier may be rescheduled; 0 means 1 (Decree 61/2018 art.
	// 19(9)), negative means none.
	RescheduleLimit int
	// ApologyLeadDays (P12): the apology must be dated at least this many working days before the due date,
	// else Deadline.LateApology is set; 0 means 1.
	ApologyLeadDays int
	// ClassifyByAppointment (P12): classify against the rescheduled appointment instead of the legal due
	// date; default false (the legal due date decides).
	ClassifyByAppointment bool
	// IncludeWithdrawn (P14): count withdrawn or stopped dossiers in timeliness statistics; default false
	// (excluded). See Counts.
	IncludeWithdrawn bool
	// DueSoonDays (P15): flag open dossiers as due soon from Due − DueSoonDays working days; 0 means 1,
	// negative disables the flag.
	DueSoonDays int
	// Granularity (P15): how a finished dossier's end is compared with its due; default ByInstant (end ≤ the
	// due instant), the alternative ByDay (end date ≤ due date) for systems that store date-only appointments.
	Granularity Granularity
}

// Granularity is P15's comparison of a finished dossier's end with its due.
type Granularity uint8

const (
	// ByInstant (the default): on time when the end instant is at or before the due instant (the
	// appointment as given, 24:00 of a due day counted in days, the exact office-hours instant of a due in
	// hours); early when it is before the due day starts; late otherwise, also on the due day itself.
	ByInstant Granularity = iota
	// ByDay: the end's date against the due date — before → early, the same day → on time (whatever the
	// time of day), after → late.
	ByDay
)

// String returns "instant" or "day".
func (g Granularity) String() string {
	switch g {
	case ByInstant:
		return "instant"
	case ByDay:
		return "day"
	}
	return "Granularity(" + strconv.Itoa(int(g)) + ")"
}

// DefaultDeadlinePolicy returns the spec's recommended defaults: cut-off 15:00 for all dossiers, receipt day
// is day 0, due day ends at 24:00, supplements restart the clock, one rescheduling with an apology at least
// 1 working day ahead, the legal due date decides, withdrawn dossiers excluded, due-soon 1 working day ahead.
func DefaultDeadlinePolicy() DeadlinePolicy {
	return DeadlinePolicy{Cutoff: DefaultCutoff, RescheduleLimit: 1, ApologyLeadDays: 1, DueSoonDays: 1}
}

func (p DeadlinePolicy) normal() DeadlinePolicy {
	if p.Cutoff == 0 {
		p.Cutoff = DefaultCutoff
	}
	if p.RescheduleLimit == 0 {
		p.RescheduleLimit = 1
	}
	if p.ApologyLeadDays == 0 {
		p.ApologyLeadDays = 1
	}
	if p.DueSoonDays == 0 {
		p.DueSoonDays = 1
	}
	return p
}

// Counts reports whether a dossier belongs in timeliness statistics under P14: withdrawn or stopped
// dossiers count only when IncludeWithdrawn is set.
func (p DeadlinePolicy) Counts(withdrawnOrStopped bool) bool {
	return !withdrawnOrStopped || p.IncludeWithdrawn
}

// Deadline is a computed appointment: the legal due date and the history that produced it.
type Deadline struct {
	Received      time.Time // the reception instant, in the calendar's zone
	DeemedReceipt Date      // the day the dossier counts as received (P1, P2)
	Moved         bool      // DeemedReceipt is later than the reception date
	Start         time.Time // when the clock starts: Received, or the opening of DeemedReceipt when Moved; for hour units P6-normalised
	Duration      Duration  // the legal processing time
	Due           Date      // the legal due date (ngày hẹn trả)
	DueAt         time.Time // end of the due day (P4), or the exact due instant for WorkingHours
	Appointment   Date      // rescheduled appointment (P12); zero if none
	Reschedules   int       // how many times rescheduled
	LateApology   bool      // the rescheduling apology came later than ApologyLeadDays before Due
	Supplements   int       // supplement requests applied (restarts or pauses)
}

// Due computes the appointment for a dossier received at instant received with legal processing time dur
// under policy p (docs/calendar.md, Deadline law and Deadline policies). The reception date is taken in
// the calendar's zone; receipt on a non-working day (P2) or at/after the cut-off (P1) is deemed on the next
// working day; WorkingDays counts per P3; CalendarDays rolls a non-working last day forward; WorkingHours
// adds office time from Start (P6). Cost: O(1) for day units, O(log k) for k days of hours; no
// allocation. Errors: *InputError for a negative Amount or an unknown Unit; *RangeError when
// the reception or the due date falls outside the calendar.
func (c *Calendar) Due(received time.Time, dur Duration, p DeadlinePolicy) (Deadline, error) {
	var dl Deadline
	if err := c.due("Due", "received", &dl, received, dur, p); err != nil {
		return Deadline{}, err
	}
	return dl, nil
}

// DueTo is Due into *dl, for callers that keep a Deadline in place (no Deadline is copied); on error *dl
// is the zero Deadline. Cost and errors: as Due.
func (c *Calendar) DueTo(dl *Deadline, received time.Time, dur Duration, p DeadlinePolicy) error {
	if err := c.due("Due", "received", dl, received, dur, p); err != nil {
		*dl = Deadline{}
		return err
	}
	return nil
}

// due is Due into *dl, which it may leave partly written on error, for method op whose reception
// argument is named arg: errors name them. Once the reception is in range, any range error is the
// result's (Arg "result": the reception and dur.Amount).
func (c *Calendar) due(op, arg string, dl *Deadline, received time.Time, dur Duration, p DeadlinePolicy) error {
	p = p.normal()
	if dur.Amount < 0 {
		return &InputError{Op: op, Field: "dur.Amount", Value: itoa(dur.Amount), Reason: "negative processing time"}
	}
	if dur.Unit > CalendarDays {
		return &InputError{Op: op, Field: "dur.Unit", Value: dur.Unit.String(), Reason: "unknown unit"}
	}
	rd, clk := c.clock(received)
	i, ok := c.off(rd)
	if !ok {
		return c.instantErr(op, arg, received, rd)
	}
	resultErr := func() error {
		return &RangeError{Op: op, Arg: "result", Date: rd, Time: received.In(c.loc), N: dur.Amount, Min: c.minDate, Max: c.maxDt}
	}
	*dl = Deadline{}
	dl.Received, dl.DeemedReceipt, dl.Duration = received.In(c.loc), rd, dur
	dl.Start = dl.Received
	cutoff := p.CutoffScope == CutoffAll || (p.CutoffScope == CutoffSameDayOnly && dur.Amount == 0)
	if !c.kind[i].Working() || (cutoff && clk >= p.Cutoff) {
		next, err := c.addWorkingDays(op, rd, 1)
		if err != nil {
			return resultErr()
		}
		dl.DeemedReceipt, dl.Moved, dl.Start = next, true, c.opening(next)
	}
	n := dur.Amount
	if dl.Moved && p.ReceiptCounting == MovedReceiptIsDayOne && n > 0 && dur.Unit != WorkingHours {
		n--
	}
	var err error
	switch dur.Unit {
	case WorkingDays:
		if dl.Due, err = c.addWorkingDays(op, dl.DeemedReceipt, n); err != nil {
			return resultErr()
		}
		dl.DueAt = c.EndOfDay(dl.Due, p)
	case CalendarDays:
		var ok bool
		if n > int(c.ndays) {
			return resultErr()
		}
		if dl.Due, ok = c.rollForward(dl.DeemedReceipt.AddDays(n)); !ok {
			return resultErr()
		}
		dl.DueAt = c.EndOfDay(dl.Due, p)
	case WorkingHours:
		v, day, err := c.cumDay(op, arg, dl.Start)
		if err != nil {
			return resultErr()
		}
		var ok bool
		if dl.Start, ok = c.at(v, false, day); !ok {
			return resultErr()
		}
		if int64(n) > int64(c.hp[c.ndays]/time.Hour) {
			return resultErr()
		}
		if dl.DueAt, ok = c.at(v+time.Duration(n)*time.Hour, n > 0, day); !ok {
			return resultErr()
		}
		dl.Due = c.DateOf(dl.DueAt)
	}
	return nil
}

// rollForward returns d if it is a working day, else the next working day (Civil Code art. 148(5)), or
// false when there is none in the range.
func (c *Calendar) rollForward(d Date) (Date, bool) {
	if c.IsWorkingDay(d) {
		return d, true
	}
	if !c.Contains(d) {
		return Date{}, false
	}
	r, err := c.addWorkingDays("", d, 1)
	return r, err == nil
}

// Interval is a half-open span of time [From, To), e.g. a supplement pause or a sector's excluded period.
type Interval struct {
	From, To time.Time // To must not be before From
}

// Supplement applies one supplement request after acceptance (P10): with Restart (default) the clock
// restarts from resubmitted, computed by Due with the same Duration; with Pause the due date moves by the
// time between requested and resubmitted (working days, office hours or calendar days, by the Duration's
// unit). Supplements is incremented; a restart clears any rescheduling. Cost: O(1)/O(log n).
// Errors: *InputError if resubmitted is before requested; *RangeError.
func (c *Calendar) Supplement(dl Deadline, requested, resubmitted time.Time, p DeadlinePolicy) (Deadline, error) {
	err := c.SupplementTo(&dl, requested, resubmitted, p)
	return dl, err
}

// SupplementTo is Supplement applied to *dl in place, for callers that keep one Deadline through many
// supplement requests without copying it; on error *dl is the zero Deadline. Cost and errors: as
// Supplement.
func (c *Calendar) SupplementTo(dl *Deadline, requested, resubmitted time.Time, p DeadlinePolicy) error {
	if resubmitted.Before(requested) {
		*dl = Deadline{}
		return &InputError{Op: "Supplement", Field: "resubmitted", Value: resubmitted.String(), Reason: "before requested " + requested.String()}
	}
	if p.Supplement == Restart {
		n := dl.Supplements + 1
		if err := c.due("Supplement", "resubmitted", dl, resubmitted, dl.Duration, p); err != nil {
			*dl = Deadline{}
			return err
		}
		dl.Supplements = n
		return nil
	}
	if err := c.pause("Supplement", "requested", "resubmitted", dl, requested, resubmitted, p.EndOfDay); err != nil {
		*dl = Deadline{}
		return err
	}
	dl.Supplements++
	return nil
}

// Exclude moves the due date past each excluded interval (P11, e.g. land procedures' financial-obligation
// periods), in the Duration's unit, as a pause does. Cost: O(len(ivs)). Errors: *InputError for an
// interval whose To is before From (field "ivs[i].To"); *RangeError.
func (c *Calendar) Exclude(dl Deadline, ivs []Interval, p DeadlinePolicy) (Deadline, error) {
	for k, iv := range ivs {
		if iv.To.Before(iv.From) {
			return Deadline{}, &InputError{Op: "Exclude", Field: "ivs[" + itoa(k) + "].To", Value: iv.To.String(), Reason: "before From"}
		}
		var err error
		f := "ivs[" + itoa(k) + "]"
		if err = c.pause("Exclude", f+".From", f+".To", &dl, iv.From, iv.To, p.EndOfDay); err != nil {
			return Deadline{}, err
		}
	}
	return dl, nil
}

// pause moves dl's due date past the pause [from, to] in place, in its Duration's unit, with the due day
// ending under rule (P4), for method op whose arguments from and to are named fromArg and toArg. On error dl
// may be partly moved.
func (c *Calendar) pause(op, fromArg, toArg string, dl *Deadline, from, to time.Time, rule EndOfDay) error {
	fd, td := c.twoDates(from, to)
	if !c.Contains(fd) {
		return c.instantErr(op, fromArg, from, fd)
	}
	if !c.Contains(td) {
		return c.instantErr(op, toArg, to, td)
	}
	switch dl.Duration.Unit {
	case WorkingHours:
		h, err := c.WorkingHoursBetween(from, to)
		if err != nil {
			return err
		}
		if dl.DueAt, err = c.addWorkingHours(op, dl.DueAt, h); err != nil {
			return err
		}
		dl.Due = c.DateOf(dl.DueAt)
		return nil
	case CalendarDays:
		k := td.Sub(fd)
		if !c.Contains(dl.Due) {
			return c.argErr(op, "dl.Due", dl.Due)
		}
		d, ok := c.rollForward(dl.Due.AddDays(k))
		if !ok {
			return c.stepErr(op, dl.Due, k)
		}
		dl.Due, dl.DueAt = d, c.endOfDay(d, rule)
		return nil
	}
	k, err := c.WorkingDaysBetween(fd, td)
	if err != nil {
		return err
	}
	if !c.Contains(dl.Due) {
		return c.argErr(op, "dl.Due", dl.Due)
	}
	d, err := c.addWorkingDays(op, dl.Due, k)
	if err != nil {
		return err
	}
	dl.Due, dl.DueAt = d, c.endOfDay(d, rule)
	return nil
}

// Reschedule records a rescheduling (P12, Decree 61/2018 art. 19(9)): newDue becomes dl.Appointment, stored
// apart from the legal Due; LateApology is set when the apology's date is later than ApologyLeadDays working
// days before Due. Cost: O(1). Errors: *InputError when the limit is reached (field "dl.Reschedules") or
// newDue is not after Due (field "newDue"); *RangeError.
func (c *Calendar) Reschedule(dl Deadline, apology time.Time, newDue Date, p DeadlinePolicy) (Deadline, error) {
	p = p.normal()
	if dl.Reschedules >= max(p.RescheduleLimit, 0) {
		return Deadline{}, &InputError{Op: "Reschedule", Field: "dl.Reschedules", Value: itoa(dl.Reschedules), Reason: "rescheduling limit reached (Decree 61/2018 art. 19(9): at most once)"}
	}
	if !newDue.After(dl.Due) {
		return Deadline{}, &InputError{Op: "Reschedule", Field: "newDue", Value: newDue.String(), Reason: "not after the due date " + dl.Due.String()}
	}
	if !c.Contains(dl.Due) {
		return Deadline{}, c.argErr("Reschedule", "dl.Due", dl.Due)
	}
	latest, err := c.addWorkingDays("Reschedule", dl.Due, -p.ApologyLeadDays)
	if err != nil {
		return Deadline{}, err
	}
	dl.Appointment = newDue
	dl.Reschedules++
	dl.LateApology = c.DateOf(apology).After(latest)
	return dl, nil
}

// Class is the timeliness class of a dossier (Circular 01/2018 art. 13, P15).
type Class uint8

// Classes.
const (
	Early              Class = iota // finished before the due date (trước hạn), 2 points
	OnTime                          // finished on the due date (đúng hạn), 1 point
	Late                            // finished after the due date (quá hạn), 0 points
	OpenWithinDeadline              // still open, due day not yet over
	OpenOverdue                     // still open past the end of the due day
)

// String returns the English name: "early", "on-time", "late", "open-within-deadline", "open-overdue".
func (k Class) String() string {
	switch k {
	case Early:
		return "early"
	case OnTime:
		return "on-time"
	case Late:
		return "late"
	case OpenWithinDeadline:
		return "open-within-deadline"
	case OpenOverdue:
		return "open-overdue"
	}
	return "Class(" + itoa(int(k)) + ")"
}

// Label returns the Vietnamese label used by the portal, e.g. "Trước hạn", "Đúng hạn", "Quá hạn".
func (k Class) Label() string {
	switch k {
	case Early:
		return "Trước hạn"
	case OnTime:
		return "Đúng hạn"
	case Late:
		return "Quá hạn"
	case OpenWithinDeadline:
		return "Đang xử lý trong hạn"
	case OpenOverdue:
		return "Đang xử lý quá hạn"
	}
	return k.String()
}

// Outcome is the classification of one dossier.
type Outcome struct {
	Class            Class         // the timeliness class
	Due              Date          // the date classified against (legal due, or appointment under ClassifyByAppointment)
	EarlyWorkingDays int           // Early: working days in (end date, Due]
	LateWorkingDays  int           // Late/OpenOverdue: working days in (Due, end or as-of date]; may be 0 when that is a day off
	LateWorkingHours time.Duration // Late/OpenOverdue: office time between the end of the due day and end/as-of
	DueSoon          bool          // OpenWithinDeadline and as-of date ≥ Due − DueSoonDays working days
	LateApology      bool          // copied from the Deadline (P12)
}

// Classify classifies a finished dossier (by its end instant) or an open one (as of asOf) against dl under
// P15: by instants (the default) end after DueAt → Late, else end date before Due → Early, else OnTime; by
// day (Granularity ByDay) end date before Due → Early, equal → OnTime, after → Late; open → OpenOverdue once
// asOf passes DueAt (end of the due day per P4), else OpenWithinDeadline. Under ClassifyByAppointment a
// rescheduled dossier is classified against its Appointment instead. It is JudgeAt(asOf, p).Classify with
// the deadline's due date and instant. Cost: O(1), no allocation on success. Errors: *InputError for a zero
// end (finished) or zero asOf (open); *RangeError when end or asOf falls outside the calendar.
func (c *Calendar) Classify(dl Deadline, end time.Time, finished bool, asOf time.Time, p DeadlinePolicy) (Outcome, error) {
	return c.classify("Classify", "end", dl, end, finished, asOf, p)
}

// classify is Classify for method op, whose end argument is named endArg: errors name them.
func (c *Calendar) classify(op, endArg string, dl Deadline, end time.Time, finished bool, asOf time.Time, p DeadlinePolicy) (Outcome, error) {
	due, dueAt := dl.Due, dl.DueAt
	if p.ClassifyByAppointment && !dl.Appointment.IsZero() {
		due, dueAt = dl.Appointment, c.EndOfDay(dl.Appointment, p)
	}
	j := c.JudgeAt(asOf, p)
	var out Outcome
	if err := j.classify(op, endArg, &out, due, dueAt, end, finished); err != nil {
		return Outcome{}, err
	}
	out.LateApology = dl.LateApology
	return out, nil
}

// Judgement classifies dossiers against due dates as of one instant — an evaluation's judgement instant —
// whose date, office time and due-soon window (P15) are taken once, for many dossiers. Instants are
// compared on the wall clock (their Unix time), as their dates are taken. Build it with JudgeAt; it is a
// small immutable value, safe for concurrent use.
type Judgement struct {
	c        *Calendar
	asOf     time.Time
	date     Date          // asOf's date
	dueSoon  int           // DueSoonDays, normalised (negative: no due-soon flag)
	endOfDay EndOfDay      // P4
	byDay    bool          // P15 Granularity ByDay
	cum      time.Duration // asOf's office time from the calendar's start (0 when its date is outside)
	asOfS    int64         // asOf as Unix seconds and nanoseconds
	asOfN    int32
}

// JudgeAt returns the Judgement of dossiers as of instant asOf under p's P15 due-soon window. Cost: O(1),
// no allocation. It never fails (Judgement.Classify reports a zero asOf).
func (c *Calendar) JudgeAt(asOf time.Time, p DeadlinePolicy) Judgement {
	j := Judgement{c: c, asOf: asOf, date: c.DateOf(asOf), dueSoon: p.normal().DueSoonDays, endOfDay: p.EndOfDay,
		byDay: p.Granularity == ByDay, asOfS: asOf.Unix(), asOfN: int32(asOf.Nanosecond())}
	if c.Contains(j.date) { // outside, Classify's day count fails first
		j.cum, _ = c.cum("Classify", "asOf", asOf)
	}
	return j
}

// EndOfDay is Calendar.EndOfDay under the judgement's policy: the end of due day d (P4).
func (j *Judgement) EndOfDay(d Date) time.Time { return j.c.endOfDay(d, j.endOfDay) }

// AppointmentDue returns the due date and due instant set by an appointment instant (ngày hẹn trả), or false
// when the due date is outside the calendar. By instants (P15, the default) the appointment is the due
// instant as given and its date the due date — an appointment at exactly 00:00 is 24:00 of the day before,
// which is then the due date; by day (Granularity ByDay) the due date is the appointment's date and the
// due instant the end of that day under the judgement's policy (P4). Cost: O(1), no allocation.
func (j *Judgement) AppointmentDue(appt time.Time) (due Date, dueAt time.Time, ok bool) {
	c := j.c
	s := appt.Unix()
	if c.fast(s) {
		due = c.dayOf(s)
	} else {
		due = DateOf(appt, c.loc)
	}
	if !j.byDay {
		if appt.Nanosecond() == 0 && c.Contains(due) && c.StartUnix(due) == s { // 00:00:00 local: 24:00 of the day before
			due = due.AddDays(-1)
		}
		if !c.Contains(due) {
			return Date{}, time.Time{}, false
		}
		return due, appt, true
	}
	if !c.Contains(due) {
		return Date{}, time.Time{}, false
	}
	if s := int64(due.n+1-unixEpoch)*86400 - c.zoneOff; j.endOfDay == Midnight && c.fast(s) { // endOfDay, inline
		return due, time.Unix(s, 0).In(c.loc), true
	}
	return due, c.endOfDay(due, j.endOfDay), true
}

// AsOf returns the judgement instant.
func (j *Judgement) AsOf() time.Time { return j.asOf }

// Classify sets *out to the class of a dossier against a due date given directly — due, the day, and
// dueAt, the instant it ends (EndOfDay, or an exact due instant) — with no Deadline: a finished dossier by
// the date of its end instant (before due → Early with EarlyWorkingDays, equal → OnTime, after → Late with
// LateWorkingDays and LateWorkingHours), an open one (end ignored) as of the judgement instant: after dueAt
// → OpenOverdue with its lateness, else OpenWithinDeadline with DueSoon. The Outcome is written in place,
// field by field, so that a caller classifying millions of dossiers copies no Outcome. Cost: O(1), integer
// arithmetic where the zone's offset is fixed (FixedOffset); no allocation on success. Errors (with *out
// zeroed): *InputError for a zero end (finished) or a zero judgement instant (open); *RangeError when due,
// or the date of end or of the judgement instant, is outside the calendar where the class counts working
// days from it, and for an open dossier when the judgement instant's date is before the range or more than
// a day after it (the midnight closing the last day still judges). The error's Arg names "due", "end",
// "dueAt" or "asOf".
func (j *Judgement) Classify(out *Outcome, due Date, dueAt, end time.Time, finished bool) error {
	return j.classify("Classify", "end", out, due, dueAt, end, finished)
}

// classify is Classify for method op, whose end argument is named endArg: errors name them.
func (j *Judgement) classify(op, endArg string, out *Outcome, due Date, dueAt, end time.Time, finished bool) error {
	c := j.c
	*out = Outcome{Due: due}
	var err error
	if finished {
		if end.IsZero() {
			*out = Outcome{}
			return &InputError{Op: op, Field: endArg, Value: "0001-01-01T00:00:00Z", Reason: "a finished dossier needs its end instant"}
		}
		var ed Date
		if s := end.Unix(); c.fast(s) { // DateOf, inline
			ed = c.dayOf(s)
		} else {
			ed = DateOf(end, c.loc)
		}
		cmp := ed.Compare(due)
		if !j.byDay { // P15 by instants: late exactly when end is after dueAt, whatever its date
			if es, ds := end.Unix(), dueAt.Unix(); es > ds || (es == ds && end.Nanosecond() > dueAt.Nanosecond()) {
				cmp = 1
			} else if cmp > 0 { // the end at dueAt, 24:00 closing the due day: its date is the next day
				cmp = 0
			}
		}
		switch cmp {
		case -1:
			out.Class = Early
			if i, ok := c.off(ed); ok && c.Contains(due) { // WorkingDaysBetween, inline
				out.EarlyWorkingDays = int(c.cnt[due.n-c.first+1]) - int(c.cnt[i+1])
			} else if !ok {
				err = c.instantErr(op, endArg, end, ed)
			} else {
				err = c.argErr(op, "due", due)
			}
		case 0:
			out.Class = OnTime
		default:
			out.Class = Late
			err = c.lateness(op, endArg, out, due, dueAt, ed, end, nil)
		}
	} else if j.asOf.IsZero() {
		err = &InputError{Op: op, Field: "asOf", Value: "0001-01-01T00:00:00Z", Reason: "an open dossier needs an as-of instant"}
	} else if ds := dueAt.Unix(); j.asOfS > ds || (j.asOfS == ds && j.asOfN > int32(dueAt.Nanosecond())) {
		// asOf.After(dueAt) on the wall clock, as every date and office time here is taken
		out.Class = OpenOverdue
		err = c.lateness(op, "asOf", out, due, dueAt, j.date, j.asOf, &j.cum)
	} else if !c.Contains(j.date) && j.date != c.maxDt.AddDays(1) {
		// before the range, or far after it (00:00 after the last day ends a due day: still judged)
		err = c.instantErr(op, "asOf", j.asOf, j.date)
	} else {
		out.Class = OpenWithinDeadline
		if j.dueSoon > 0 {
			var from Date
			if !c.Contains(due) {
				err = c.argErr(op, "due", due)
			} else if from, err = c.addWorkingDays(op, due, -j.dueSoon); err == nil {
				out.DueSoon = !j.date.Before(from)
			}
		}
	}
	if err != nil {
		*out = Outcome{}
	}
	return err
}

// lateness sets the working days from due to td, the date of instant t (argument tArg of method op), and
// the office time from dueAt to t; tc, when not nil, is t's office time from the calendar's start, known in
// advance.
func (c *Calendar) lateness(op, tArg string, out *Outcome, due Date, dueAt time.Time, td Date, t time.Time, tc *time.Duration) error {
	if !c.Contains(due) {
		return c.argErr(op, "due", due)
	}
	if !c.Contains(td) {
		return c.instantErr(op, tArg, t, td)
	}
	n, err := c.workingDaysBetween(op, due, td)
	if err != nil {
		return err
	}
	a, err := c.cum(op, "dueAt", dueAt)
	if err != nil {
		return err
	}
	var b time.Duration
	if tc != nil {
		b = *tc
	} else if b, err = c.cum(op, tArg, t); err != nil {
		return err
	}
	out.LateWorkingDays, out.LateWorkingHours = max(n, 0), max(b-a, 0)
	return nil
}

// ClassifyRefusal classifies a refused dossier (P13, Decree 61/2018 art. 19(8)): resolved, OnTime when the
// refusal notice is dated on or before the due date, else Late (never Early). Cost: O(1).
// Errors: *InputError for a zero notice; *RangeError.
func (c *Calendar) ClassifyRefusal(dl Deadline, notice time.Time, p DeadlinePolicy) (Outcome, error) {
	out, err := c.classify("ClassifyRefusal", "notice", dl, notice, true, time.Time{}, p)
	if err != nil {
		return Outcome{}, err
	}
	if out.Class == Early {
		out.Class, out.EarlyWorkingDays = OnTime, 0
	}
	return out, nil
}
