package timeliness

import (
	"time"

	"github.com/vn-dvc/chiso766/calendar"
)

// The helpers below reproduce calendar.DateOf, calendar.Date.In and calendar.Calendar.Classify on the hot
// path without their time-zone conversions (TestFastPathMatchesCalendar checks that they agree). They use
// only the calendar's O(1) working-day counts, plus WorkingHoursBetween for the lateness of late and
// overdue dossiers.

// fixedOffset reports whether loc has one offset at every probed instant (1900–2100), and that offset.
// UTC+7 (model.Vietnam(), calendar.Zone()) is fixed; a zone with history falls back to the slow path.
func fixedOffset(loc *time.Location) (bool, int64) {
	_, off := time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC).In(loc).Zone()
	for y := 1900; y <= 2100; y += 2 {
		for _, m := range []time.Month{time.January, time.April, time.July, time.October} {
			if _, o := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).In(loc).Zone(); o != off {
				return false, 0
			}
		}
	}
	return true, int64(off)
}

// dateOf is calendar.DateOf(t, c.loc).
func (c *Calculator) dateOf(t time.Time) calendar.Date {
	if !c.fixed {
		return calendar.DateOf(t, c.loc)
	}
	s := t.Unix() + c.fixedOff
	days := s / 86400
	if s%86400 < 0 {
		days--
	}
	return c.epoch.AddDays(int(days))
}

// startOf is d.In(c.loc): 00:00 of d.
func (c *Calculator) startOf(d calendar.Date) time.Time {
	if !c.fixed {
		return d.In(c.loc)
	}
	return time.Unix(int64(d.Sub(c.epoch))*86400-c.fixedOff, 0).In(c.loc)
}

// outcome is calendar.Classify(*dl, end, finished, c.limit, c.dp) — or ClassifyRefusal when refusal — with
// the same results and errors on the paths the calculator uses (no rescheduled appointment).
func (c *Calculator) outcome(dl *calendar.Deadline, end time.Time, finished, refusal bool) (calendar.Outcome, error) {
	if c.dp.ClassifyByAppointment && !dl.Appointment.IsZero() {
		if refusal {
			return c.cal.ClassifyRefusal(*dl, end, c.dp)
		}
		return c.cal.Classify(*dl, end, finished, c.limit, c.dp)
	}
	out := calendar.Outcome{Due: dl.Due, LateApology: dl.LateApology}
	if finished {
		ed := c.dateOf(end)
		switch ed.Compare(dl.Due) {
		case -1:
			// ClassifyRefusal goes through Classify, which counts the days (and can fail on the range).
			n, err := c.cal.WorkingDaysBetween(ed, dl.Due)
			if err != nil {
				return calendar.Outcome{}, err
			}
			if refusal {
				out.Class = calendar.OnTime
				return out, nil
			}
			out.Class, out.EarlyWorkingDays = calendar.Early, n
		case 0:
			out.Class = calendar.OnTime
		default:
			out.Class = calendar.Late
			if err := c.lateness(&out, dl, end, ed); err != nil {
				return calendar.Outcome{}, err
			}
		}
		return out, nil
	}
	if c.limit.After(dl.DueAt) {
		out.Class = calendar.OpenOverdue
		if err := c.lateness(&out, dl, c.limit, c.limitDate); err != nil {
			return calendar.Outcome{}, err
		}
		return out, nil
	}
	out.Class = calendar.OpenWithinDeadline
	soon := c.dp.DueSoonDays
	if soon == 0 {
		soon = 1
	}
	if soon > 0 {
		if !c.cal.Contains(c.limitDate) {
			return calendar.Outcome{}, &calendar.RangeError{Op: "Classify", Date: c.limitDate}
		}
		from, err := c.cal.AddWorkingDays(dl.Due, -soon)
		if err != nil {
			return calendar.Outcome{}, err
		}
		out.DueSoon = !c.limitDate.Before(from)
	}
	return out, nil
}

func (c *Calculator) lateness(out *calendar.Outcome, dl *calendar.Deadline, t time.Time, td calendar.Date) error {
	n, err := c.cal.WorkingDaysBetween(dl.Due, td)
	if err != nil {
		return err
	}
	h, err := c.cal.WorkingHoursBetween(dl.DueAt, t)
	if err != nil {
		return err
	}
	out.LateWorkingDays, out.LateWorkingHours = max(n, 0), max(h, 0)
	return nil
}
