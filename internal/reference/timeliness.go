package reference

import (
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/model"
)

type timing struct {
	inDen, inNum bool
	reason       string
	finished     bool // processing ended by the judgement instant, inside the period
	recvOK       bool // the dossier was received (2.2 needs a reception, not a deadline)
	seconds      int64
}

// terminal statuses and the handbook's rank (9 before 10 before 8 = 3 = 7).
func rank(s model.StatusCode) int {
	switch s {
	case model.StatusFinished:
		return 3
	case model.StatusReturned:
		return 2
	case model.StatusStopped, model.StatusNotAccepted, model.StatusWithdrawn:
		return 1
	}
	return 0
}

// endOf finds the end of processing: the first terminal event of the timeline by rank (ties by time),
// else the dossier's own fields by status. ok=false with terminal=true: a terminal status without time.
func endOf(d *model.Dossier) (end time.Time, status model.StatusCode, terminal, ok bool) {
	best := 0
	for _, s := range d.Steps {
		if !s.RealEvent || !s.At.Valid {
			continue
		}
		r := rank(s.Status.Code())
		if r == 0 {
			continue
		}
		if r > best || (r == best && s.At.T.Before(end)) {
			best, end, status = r, s.At.T, s.Status.Code()
		}
	}
	if best > 0 {
		return end, status, true, true
	}
	st := d.Status.Code()
	switch st {
	case model.StatusFinished, model.StatusWithdrawn, model.StatusStopped:
		if d.ProcessingEndedAt.Valid {
			return d.ProcessingEndedAt.T, st, true, true
		}
		return time.Time{}, st, true, false
	case model.StatusReturned:
		if d.ProcessingEndedAt.Valid {
			return d.ProcessingEndedAt.T, st, true, true
		}
		if d.ResultReturnedAt.Valid {
			return d.ResultReturnedAt.T, st, true, true
		}
		return time.Time{}, st, true, false
	case model.StatusNotAccepted:
		if d.RejectedAt.Valid {
			return d.RejectedAt.T, st, true, true
		}
		if d.ProcessingEndedAt.Valid {
			return d.ProcessingEndedAt.T, st, true, true
		}
		return time.Time{}, st, true, false
	}
	return time.Time{}, st, false, false
}

// timeliness judges 2.1 (and gives 2.2 its facts) for one dossier (docs/rules.md 2.1).
func (jd *judge) timeliness(d *model.Dossier, proc *model.Procedure) timing {
	var t timing
	recv, why := jd.reception(d)
	if why != "" {
		t.reason = why
		return t
	}
	// Received no later than the period's last day and the judgement instant.
	if jd.date(recv).After(jd.last) || recv.After(jd.j) {
		t.reason = "received_after_period"
		return t
	}
	end, endStatus, terminal, ok := endOf(d)
	if terminal && !ok {
		t.reason = "terminal_without_end"
		return t
	}
	if terminal && jd.placeholder(end) {
		t.reason = "placeholder_end"
		return t
	}
	if terminal && end.Before(recv) {
		t.reason = "end_before_reception"
		return t
	}
	finished := terminal && !end.After(jd.j) // a later end has not happened yet: open at the judgement instant

	// Supplement requests: the supplement list (stops and financial obligations left out: the clock runs
	// during those by default), else runs of status 5 in the timeline. Only what happened by the
	// judgement instant counts.
	type req struct {
		at, back time.Time
		answered bool
	}
	var reqs []req
	for _, s := range d.Supplements {
		k := s.Kind.Code()
		if k == model.SupplementStop || k == model.SupplementFinancial {
			continue
		}
		if !s.RequestedAt.Valid || s.RequestedAt.T.After(jd.j) {
			continue
		}
		r := req{at: s.RequestedAt.T}
		if s.ResubmittedAt.Valid && !s.ResubmittedAt.T.After(jd.j) {
			r.back, r.answered = s.ResubmittedAt.T, true
		}
		reqs = append(reqs, r)
	}
	if len(d.Supplements) == 0 {
		in := false
		for _, s := range d.Steps {
			if !s.RealEvent || !s.At.Valid || s.At.T.After(jd.j) {
				continue
			}
			if s.Status.Code() == model.StatusSupplement {
				if !in {
					reqs = append(reqs, req{at: s.At.T})
					in = true
				}
			} else if in {
				reqs[len(reqs)-1].back, reqs[len(reqs)-1].answered = s.At.T, true
				in = false
			}
		}
	}
	// A request still unanswered at the judgement instant stops the clock at the request: the dossier is
	// judged at that moment, so a request before the period leaves the dossier out of it like an end
	// before the period would.
	pending := !finished && len(reqs) > 0 && !reqs[len(reqs)-1].answered
	stop := end
	if pending {
		stop = reqs[len(reqs)-1].at
	}
	if (finished || pending) && jd.date(stop).Before(jd.first) {
		t.reason = "ended_before_period"
		return t
	}
	t.recvOK = true
	if finished {
		t.finished = true
		t.seconds = int64(end.Sub(recv) / time.Second)
	}

	// The deadline: the appointment (the first supplement's earlier appointment when carried), else the
	// procedure's duration from the reception.
	var due time.Time
	haveDue := false
	unit := model.DurationWorkingDays // an appointment counts as working days for a supplement's pause
	if len(d.Supplements) > 0 && d.Supplements[0].DueBefore.Valid {
		due, haveDue = d.Supplements[0].DueBefore.T, true
	} else if d.DueAt.Valid {
		due, haveDue = d.DueAt.T, true
	}
	if haveDue && jd.placeholder(due) {
		t.reason = "placeholder_due"
		return t
	}
	if !haveDue {
		if proc == nil {
			t.reason = "no_deadline_unknown_procedure"
			return t
		}
		dur, ok := durationOf(proc, d.Channel.Code())
		if !ok || dur.NoDueDate {
			t.reason = "no_deadline"
			return t
		}
		unit = dur.Unit.Code()
		if unit == model.DurationWorkingDays && !dur.Amount.IsInteger() {
			unit = model.DurationHours // a fractional number of working days is counted in hours
		}
		var okDue bool
		due, okDue = jd.computeDue(recv, dur)
		if !okDue {
			t.reason = "no_deadline"
			return t
		}
	}
	t.inDen = true

	if len(reqs) > 1 {
		t.reason = "late_repeated_supplement" // more than one request: late whatever the times [Doc]
		return t
	}
	if pending {
		t.inNum = !stop.After(due)
		t.reason = "supplement_pending"
		return t
	}
	if len(reqs) == 1 && reqs[0].answered {
		// The applicant's time does not count against the unit; it is measured in the deadline's unit
		// (docs/rules.md 2.1, "How the applicant's time is measured").
		req, back := reqs[0].at, reqs[0].back
		var ok bool
		switch unit {
		case model.DurationHours:
			// the office hours between the two instants move the due instant
			due, ok = jd.addOffice(due, jd.officeBetween(req, back))
		case model.DurationDays:
			// the calendar days between the two dates; a due day that is not a working day rolls forward
			due, ok = jd.shiftCalendarDays(due, jd.date(back).Sub(jd.date(req)))
		default:
			// an appointment or working days: the working days after the request's date up to and
			// including the re-submission's date move the due day, which keeps its time of day
			n := 0
			for d := jd.date(req).AddDays(1); !d.After(jd.date(back)); d = d.AddDays(1) {
				if jd.working(d) {
					n++
				}
			}
			due, ok = jd.shiftWorkingDays(due, n)
		}
		if !ok {
			t.inDen = false
			t.reason = "no_deadline"
			return t
		}
	}

	switch {
	case finished && endStatus == model.StatusNotAccepted:
		t.inNum = !end.After(due) // a refusal is on time when dated by the due instant, never early
		t.reason = "refused"
	case finished:
		t.inNum = !end.After(due)
		if t.inNum {
			t.reason = "finished_in_time"
		} else {
			t.reason = "late"
		}
	default:
		t.inNum = !jd.j.After(due)
		if t.inNum {
			t.reason = "open_within"
		} else {
			t.reason = "open_overdue"
		}
	}
	return t
}

// shiftWorkingDays moves a deadline on by n working days: the day it closes (the day of the instant just
// before it, so that 24:00 belongs to the day it ends) is walked forward n working days and the deadline
// keeps its time within that day.
func (jd *judge) shiftWorkingDays(due time.Time, n int) (time.Time, bool) {
	if n == 0 {
		return due, true
	}
	day := jd.date(due.Add(-time.Nanosecond))
	offset := due.Sub(day.In(model.Vietnam()))
	for i := 0; i < n; i++ {
		var ok bool
		if day, ok = jd.nextWorking(day); !ok {
			return time.Time{}, false
		}
	}
	return day.In(model.Vietnam()).Add(offset), true
}

// walkOffice consumes need of office time from day at offset cur, day by day.
func (jd *judge) walkOffice(day calendar.Date, cur, need time.Duration) (time.Time, bool) {
	for {
		for _, sp := range office {
			from := sp[0]
			if cur > from {
				from = cur
			}
			if from >= sp[1] {
				continue
			}
			avail := sp[1] - from
			if need <= avail {
				return day.In(model.Vietnam()).Add(from + need), true
			}
			need -= avail
		}
		var ok bool
		if day, ok = jd.nextWorking(day); !ok {
			return time.Time{}, false
		}
		cur = 0
	}
}

// officeBetween adds up, day by day, the office hours of working days between a and b.
func (jd *judge) officeBetween(a, b time.Time) time.Duration {
	var sum time.Duration
	for day := jd.date(a); !day.After(jd.date(b)); day = day.AddDays(1) {
		if !jd.in.Calendar.Day(day).InRange || !jd.working(day) {
			continue
		}
		start := day.In(model.Vietnam())
		for _, sp := range office {
			from, to := start.Add(sp[0]), start.Add(sp[1])
			if from.Before(a) {
				from = a
			}
			if to.After(b) {
				to = b
			}
			if to.After(from) {
				sum += to.Sub(from)
			}
		}
	}
	return sum
}

// addOffice moves an instant on by d of office hours.
func (jd *judge) addOffice(t time.Time, d time.Duration) (time.Time, bool) {
	if d <= 0 {
		return t, true
	}
	day := jd.date(t)
	if !jd.in.Calendar.Day(day).InRange {
		return time.Time{}, false
	}
	cur := sinceMidnight(t)
	if !jd.working(day) {
		var ok bool
		if day, ok = jd.nextWorking(day); !ok {
			return time.Time{}, false
		}
		cur = 0
	}
	return jd.walkOffice(day, cur, d)
}

// shiftCalendarDays moves a day-based deadline by n calendar days; a due day that is not a working day
// rolls forward to the next working day. The deadline keeps its time within its day.
func (jd *judge) shiftCalendarDays(due time.Time, n int) (time.Time, bool) {
	if n == 0 {
		return due, true
	}
	day := jd.date(due.Add(-time.Nanosecond))
	offset := due.Sub(day.In(model.Vietnam()))
	day = day.AddDays(n)
	if !jd.in.Calendar.Day(day).InRange {
		return time.Time{}, false
	}
	if !jd.working(day) {
		var ok bool
		if day, ok = jd.nextWorking(day); !ok {
			return time.Time{}, false
		}
	}
	return day.In(model.Vietnam()).Add(offset), true
}

// working reports a processing day of the calendar.
func (jd *judge) working(d calendar.Date) bool { return jd.in.Calendar.Day(d).Working }

// nextWorking walks forward from the day after d to the first working day.
func (jd *judge) nextWorking(d calendar.Date) (calendar.Date, bool) {
	for i := 0; i < 400; i++ {
		d = d.AddDays(1)
		if !jd.in.Calendar.Day(d).InRange {
			return d, false
		}
		if jd.working(d) {
			return d, true
		}
	}
	return d, false
}

const cutoff = 15 * time.Hour

// office hours (P5 default): 07:00–11:30 and 13:30–17:00.
var office = [][2]time.Duration{{7 * time.Hour, 11*time.Hour + 30*time.Minute}, {13*time.Hour + 30*time.Minute, 17 * time.Hour}}

func sinceMidnight(t time.Time) time.Duration {
	t = t.In(model.Vietnam())
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute + time.Duration(t.Second())*time.Second + time.Duration(t.Nanosecond())
}

// computeDue applies a procedure duration from the reception (P1 cut-off 15:00, P2 day off → next
// working day, P3 receipt day is day 0, P4 due day ends at 24:00, P8 units; hours: exact office-hours
// instant, P6).
func (jd *judge) computeDue(recv time.Time, dur model.ProcedureDuration) (time.Time, bool) {
	unit := dur.Unit.Code()
	if unit == model.DurationWorkingDays && !dur.Amount.IsInteger() {
		// A fractional number of working days becomes working hours at 8 h a day.
		hours := dur.Amount.Mul(eight)
		return jd.addHours(recv, time.Duration(hours.Mul(decimalHour).IntPart()))
	}
	if !dur.Amount.IsInteger() && unit != model.DurationHours {
		return time.Time{}, false
	}
	day0 := jd.date(recv)
	if !jd.in.Calendar.Day(day0).InRange {
		return time.Time{}, false
	}
	if sinceMidnight(recv) >= cutoff || !jd.working(day0) {
		var ok bool
		if day0, ok = jd.nextWorking(day0); !ok {
			return time.Time{}, false
		}
	}
	n := int(dur.Amount.IntPart())
	switch unit {
	case model.DurationWorkingDays:
		d := day0
		for count := 0; count < n; {
			var ok bool
			if d, ok = jd.nextWorking(d); !ok {
				return time.Time{}, false
			}
			count++
		}
		return d.AddDays(1).In(model.Vietnam()), true
	case model.DurationDays:
		d := day0.AddDays(n)
		if !jd.in.Calendar.Day(d).InRange {
			return time.Time{}, false
		}
		if !jd.working(d) {
			var ok bool
			if d, ok = jd.nextWorking(d); !ok {
				return time.Time{}, false
			}
		}
		return d.AddDays(1).In(model.Vietnam()), true
	case model.DurationHours:
		return jd.addHours(recv, time.Duration(dur.Amount.Mul(decimalHour).IntPart()))
	}
	return time.Time{}, false
}

var decimalHour = decimalFromDuration(time.Hour)

// addHours adds working hours from the reception instant, by hand over the office-hour spans.
func (jd *judge) addHours(recv time.Time, need time.Duration) (time.Time, bool) {
	day := jd.date(recv)
	cur := sinceMidnight(recv)
	if !jd.in.Calendar.Day(day).InRange {
		return time.Time{}, false
	}
	if cur >= cutoff || !jd.working(day) {
		var ok bool
		if day, ok = jd.nextWorking(day); !ok {
			return time.Time{}, false
		}
		cur = 0
	}
	return jd.walkOffice(day, cur, need)
}
