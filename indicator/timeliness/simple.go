package timeliness

import (
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// Kinds of status for judgeSimple (Calculator.simpleStatus, by status code 0–15).
const (
	simpleOpen  uint8 = iota // not an end status: open
	simpleEnd                // an end status whose time is NgayKetThucXuLy (10: else NgayTra)
	simpleOther              // 1, 3, 7, 8: left to judge
)

// judgeSimple is judge for the most common dossier — received, with an appointment time (NgayHenTra) or a
// usable catalogue duration, no timeline, open or finished by a status other than 3, 7 and 8 — under a
// fixed zone and P4 midnight; and for such a dossier with an appointment and supplement entries that were
// all answered in time (pauses), when supplements pause the clock. It computes exactly what judge
// computes on that path, with fewer copies, and returns false without touching v whenever the dossier or a
// calendar look-up leaves that path (judge then decides). TestSimplePathMatchesJudge compares the two on
// random streams and FuzzClassify on fuzzed dossiers.
func (c *Calculator) judgeSimple(d *model.Dossier, v *Verdict) (reason, bool) {
	if !c.simple || len(d.Steps) != 0 || !d.ReceivedAt.Valid || (len(d.Supplements) != 0 && !c.simplePauses) {
		return rNone, false
	}
	st := d.Status.Code()
	finished := false
	var end time.Time
	var es int64 // end as Unix seconds and nanoseconds (the bounds carry no monotonic reading: see simple)
	var en int32
	switch c.simpleStatus[uint8(st)&15] {
	case simpleOther:
		return rNone, false
	case simpleEnd:
		if st < 0 || st > 15 {
			return rNone, false
		}
		t := &d.ProcessingEndedAt
		if !t.Valid && st == model.StatusReturned {
			t = &d.ResultReturnedAt
		}
		if !t.Valid {
			return rNone, false
		}
		if ts, tn := t.T.Unix(), int32(t.T.Nanosecond()); !c.afterLimitSN(ts, tn) {
			finished, end, es, en = true, t.T, ts, tn
		}
	}
	recv := &d.ReceivedAt.T
	rs, rn := recv.Unix(), int32(recv.Nanosecond())
	if c.afterLimitSN(rs, rn) || (finished && (end.Before(*recv) || c.beforeStartSN(es, en))) {
		return rNone, false
	}
	var due calendar.Date
	var dueAt time.Time
	var dueS int64 // dueAt as Unix seconds and nanoseconds
	var dueN int32
	appt := &d.DueAt
	if len(d.Supplements) != 0 {
		if db := firstDueBefore(d); db != nil && db.Valid { // deadline: the first entry's NgayHenTraTruoc
			appt = db
		}
	}
	fromAppt := appt.Valid
	nReq := 0
	if fromAppt {
		days, _ := splitDay(appt.T.Unix() + c.fixedOff) // dateOf in the fixed zone
		due = c.epoch.AddDays(int(days))
		if !c.cal.Contains(due) {
			return rNone, false
		}
		if len(d.Supplements) != 0 {
			stop := c.limit
			if finished {
				stop = end
			}
			var ok bool
			if due, nReq, ok = c.pauses(d, stop, due); !ok {
				return rNone, false
			}
		}
		dueS = int64(due.Sub(c.epoch)+1)*86400 - c.fixedOff // startOf(due + 1)
		dueAt = time.Unix(dueS, 0).In(c.loc)
	} else {
		if len(d.Supplements) != 0 {
			return rNone, false // pauses of a catalogue deadline: judge
		}
		// No appointment: the catalogue's maximum duration for the dossier's channel (judge's deadline).
		ch := d.Channel.Code()
		if ch < 0 || int(ch) >= len(procEntry{}) {
			ch = 0
		}
		e := c.procedure(d, v.proc)
		if e == nil || !e[ch].ok {
			return rNone, false
		}
		var dl calendar.Deadline
		if c.due(&dl, *recv, e[ch].dur) != nil {
			return rNone, false
		}
		due, dueAt = dl.Due, dl.DueAt
		dueS, dueN = dueAt.Unix(), int32(dueAt.Nanosecond())
	}

	var class calendar.Class
	var early, lateDays int
	var lateHours time.Duration
	dueSoon := false
	if finished {
		days, _ := splitDay(es + c.fixedOff)
		ed := c.epoch.AddDays(int(days))
		switch ed.Compare(due) {
		case -1:
			n, err := c.cal.WorkingDaysBetween(ed, due)
			if err != nil {
				return rNone, false
			}
			class, early = calendar.Early, n
		case 0:
			class = calendar.OnTime
		default:
			n, err := c.cal.WorkingDaysBetween(due, ed)
			if err != nil {
				return rNone, false
			}
			h, err := c.hoursUntil(fromAppt, due, dueAt, end)
			if err != nil {
				return rNone, false
			}
			class, lateDays, lateHours = calendar.Late, max(n, 0), max(h, 0)
		}
	} else if dueS < c.limitS || (dueS == c.limitS && dueN < c.limitN) { // dueAt.Before(c.limit)
		n, err := c.cal.WorkingDaysBetween(due, c.limitDate)
		if err != nil {
			return rNone, false
		}
		h, err := c.hoursUntil(fromAppt, due, dueAt, c.limit)
		if err != nil {
			return rNone, false
		}
		class, lateDays, lateHours = calendar.OpenOverdue, max(n, 0), max(h, 0)
	} else {
		class = calendar.OpenWithinDeadline
		if soon := c.dueSoon; soon > 0 {
			if !c.cal.Contains(c.limitDate) {
				return rNone, false
			}
			from, err := c.cal.AddWorkingDays(due, -soon)
			if err != nil {
				return rNone, false
			}
			dueSoon = !c.limitDate.Before(from)
		}
	}

	v.Received = *recv
	if finished {
		v.End, v.EndStatus = end, st
		// (End − Received) truncated to whole seconds, as judge computes it.
		secs, ns := es-rs, en-rn
		if ns < 0 {
			secs--
		}
		v.ProcessingSeconds = secs
	} else {
		v.End = c.limit
	}
	v.FromAppointment = fromAppt
	v.Supplements = nReq
	v.Due, v.DueAt = due, dueAt
	v.Class, v.EarlyWorkingDays, v.LateWorkingDays, v.LateHours, v.DueSoon = class, early, lateDays, lateHours, dueSoon
	v.Counted, v.Finished = true, finished
	k := &classes[class]
	v.InNumerator = k.num
	return k.r, true
}

// hoursUntil is hoursBetween(dueAt, t) — through hoursAfterDay when dueAt is known to be 00:00 after due
// (an appointment's due day under P4 midnight).
func (c *Calculator) hoursUntil(midnight bool, due calendar.Date, dueAt, t time.Time) (time.Duration, error) {
	if midnight {
		return c.hoursAfterDay(due.AddDays(1), dueAt, t)
	}
	return c.hoursBetween(dueAt, t)
}

// afterLimitSN and beforeStartSN are afterLimit and beforeStart for an instant given as Unix seconds and
// nanoseconds, valid when the bound carries no monotonic reading (Calculator.simple ensures it).
func (c *Calculator) afterLimitSN(s int64, n int32) bool {
	return s > c.limitS || (s == c.limitS && n > c.limitN)
}

func (c *Calculator) beforeStartSN(s int64, n int32) bool {
	return s < c.startS || (s == c.startS && n < c.startN)
}

// firstDueBefore returns the NgayHenTraTruoc of the dossier's first supplement entry that suppIter yields
// (stop entries are skipped), or nil when there is none.
func firstDueBefore(d *model.Dossier) *model.Time {
	for i := range d.Supplements {
		if d.Supplements[i].Kind.Code() != model.SupplementStop {
			return &d.Supplements[i].DueBefore
		}
	}
	return nil
}

// pauses is scanSupplements followed by applySupplements for an appointment deadline (due, a date in the
// calendar) under the Pause rule, P4 midnight and a fixed zone: each request made by stop and answered (a
// financial obligation too, unless its clock runs) moves due by the working days from the request's date
// to the re-submission's, as Calculator.supplement does. It returns the new due date and the number of
// requests (financial obligations excluded), or false — judge then decides — when a request is pending
// (no re-submission by the judgement instant), a re-submission precedes its request, the requests exceed
// MaxSupplements under SupplementSubtract, or the calendar cannot answer. No allocation.
func (c *Calculator) pauses(d *model.Dossier, stop time.Time, due calendar.Date) (calendar.Date, int, bool) {
	n := 0
	for i := range d.Supplements {
		s := &d.Supplements[i]
		k := s.Kind.Code()
		if k == model.SupplementStop {
			continue
		}
		financial := k == model.SupplementFinancial
		if financial && c.financial == FinancialClockRuns {
			continue
		}
		if !s.RequestedAt.Valid || s.RequestedAt.T.After(stop) {
			continue
		}
		if !financial {
			n++
		}
		if !s.ResubmittedAt.Valid || c.afterLimit(s.ResubmittedAt.T) || s.ResubmittedAt.T.Before(s.RequestedAt.T) {
			return due, 0, false
		}
		days, err := c.cal.WorkingDaysBetween(c.dateOf(s.RequestedAt.T), c.dateOf(s.ResubmittedAt.T))
		if err != nil {
			return due, 0, false
		}
		if due, err = c.cal.AddWorkingDays(due, days); err != nil {
			return due, 0, false
		}
	}
	if c.pol.SupplementRule == indicator.SupplementSubtract && n > c.pol.MaxSupplements {
		return due, 0, false
	}
	return due, n, true
}
