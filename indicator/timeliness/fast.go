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
	days, _ := splitDay(t.Unix() + c.fixedOff)
	return c.epoch.AddDays(int(days))
}

// dayBias shifts Unix seconds by a whole number of days so that splitDay can divide unsigned.
const dayBias = 1 << 40 // days (≈ 3 billion years)

// splitDay returns ⌊s / 86400⌋ and s mod 86400 (in [0, 86400)): unsigned division for |s| below
// dayBias days, signed with a correction beyond.
func splitDay(s int64) (days, sod int64) {
	if u := uint64(s) + dayBias*86400; u < 2*dayBias*86400 {
		q := u / 86400
		return int64(q) - dayBias, int64(u - q*86400)
	}
	days, sod = s/86400, s%86400
	if sod < 0 {
		days--
		sod += 86400
	}
	return days, sod
}

// startOf is d.In(c.loc): 00:00 of d.
func (c *Calculator) startOf(d calendar.Date) time.Time {
	if !c.fixed {
		return d.In(c.loc)
	}
	return time.Unix(int64(d.Sub(c.epoch))*86400-c.fixedOff, 0).In(c.loc)
}

// outcome sets *out to calendar.Classify(*dl, end, finished, c.limit, c.dp) — or ClassifyRefusal when
// refusal — with the same results and errors on the paths the calculator uses (no rescheduled
// appointment). *out must be the zero Outcome.
func (c *Calculator) outcome(out *calendar.Outcome, dl *calendar.Deadline, end time.Time, finished, refusal bool) error {
	var err error
	if c.dp.ClassifyByAppointment && !dl.Appointment.IsZero() {
		if refusal {
			*out, err = c.cal.ClassifyRefusal(*dl, end, c.dp)
		} else {
			*out, err = c.cal.Classify(*dl, end, finished, c.limit, c.dp)
		}
		return err
	}
	out.Due, out.LateApology = dl.Due, dl.LateApology
	if finished {
		ed := c.dateOf(end)
		switch ed.Compare(dl.Due) {
		case -1:
			// ClassifyRefusal goes through Classify, which counts the days (and can fail on the range).
			n, err := c.cal.WorkingDaysBetween(ed, dl.Due)
			if err != nil {
				return err
			}
			if refusal {
				out.Class = calendar.OnTime
				return nil
			}
			out.Class, out.EarlyWorkingDays = calendar.Early, n
		case 0:
			out.Class = calendar.OnTime
		default:
			out.Class = calendar.Late
			return c.lateness(out, dl, end, ed)
		}
		return nil
	}
	if dl.DueAt.Before(c.limit) {
		out.Class = calendar.OpenOverdue
		return c.lateness(out, dl, c.limit, c.limitDate)
	}
	out.Class = calendar.OpenWithinDeadline
	soon := c.dp.DueSoonDays
	if soon == 0 {
		soon = 1
	}
	if soon > 0 {
		if !c.cal.Contains(c.limitDate) {
			return &calendar.RangeError{Op: "Classify", Date: c.limitDate}
		}
		from, err := c.cal.AddWorkingDays(dl.Due, -soon)
		if err != nil {
			return err
		}
		out.DueSoon = !c.limitDate.Before(from)
	}
	return nil
}

func (c *Calculator) lateness(out *calendar.Outcome, dl *calendar.Deadline, t time.Time, td calendar.Date) error {
	n, err := c.cal.WorkingDaysBetween(dl.Due, td)
	if err != nil {
		return err
	}
	h, err := c.hoursBetween(dl.DueAt, t)
	if err != nil {
		return err
	}
	out.LateWorkingDays, out.LateWorkingHours = max(n, 0), max(h, 0)
	return nil
}

// hoursTable reproduces Calendar.WorkingHoursBetween and AddWorkingHours for instants whose dates fall in a
// window of days around the period, from data probed once through the calendar's public API: the office
// minutes of each weekday minute by minute, each window day's weekday (or "not working"), and prefix sums
// of whole days over the window. It is enabled only for a fixed-offset zone and office hours whose span
// boundaries fall on whole minutes (probing checks this); otherwise, and outside the window, the calendar
// is called.
type hoursTable struct {
	ok       bool
	first    calendar.Date   // window's first day
	firstDay int64           // first as days since the Unix epoch
	cum      []time.Duration // cum[i] = office time from first 00:00 to (first+i) 00:00; len days+1
	wday     []uint8         // wday[i] = weekday of first+i when a working day, else offDay
	// mins[w][m] = office minutes from 00:00 to m minutes on a working weekday w (row offDay: all zero;
	// column 1441 pads m+1); reach[w][k] = the smallest m with mins[w][m] ≥ k.
	mins  [8][1442]int16
	reach [8][1441]int16
	full  [8]time.Duration // mins[w][1440] minutes
}

// offDay is the hoursTable weekday row of a day that is not worked.
const offDay = 7

// buildHours probes the calendar for the window [from, to] (clipped to the calendar's range). Cost:
// 7 × 1441 WorkingHoursBetween calls plus O(window days); memory 9 bytes per window day plus ≈ 46 KB.
func (c *Calculator) buildHours(from, to calendar.Date) {
	h := &c.hours
	if !c.fixed {
		return
	}
	lo, hi := c.cal.Range()
	if from.Before(lo) {
		from = lo
	}
	if to.After(hi) {
		to = hi
	}
	if to.Before(from) {
		return
	}
	for w := range 7 {
		// A working day with weekday w: in the window first, else anywhere in the calendar (e.g. a make-up
		// Saturday); none means the weekday is never worked and its table is never read.
		var day calendar.Date
		found := false
		for _, r := range [2][2]calendar.Date{{from, to}, {lo, hi}} {
			for d := r[0]; !found && !d.After(r[1]); d = d.AddDays(1) {
				if int(d.Weekday()) == w && c.cal.IsWorkingDay(d) {
					day, found = d, true
				}
			}
		}
		if !found {
			continue
		}
		start := c.startOf(day)
		for m := 0; m <= 1440; m++ {
			v, err := c.cal.WorkingHoursBetween(start, start.Add(time.Duration(m)*time.Minute))
			if err != nil || v%time.Minute != 0 || v > 24*time.Hour {
				return
			}
			// Whole minutes only, each minute wholly in or out of office hours (an increment of 0 or 1);
			// otherwise a span boundary lies inside a minute: not exact, keep the calendar path.
			h.mins[w][m] = int16(v / time.Minute)
			if m > 0 && uint16(h.mins[w][m]-h.mins[w][m-1]) > 1 {
				return
			}
		}
		h.mins[w][1441] = h.mins[w][1440]
		h.full[w] = time.Duration(h.mins[w][1440]) * time.Minute
		m := 0
		for k := 0; k <= int(h.mins[w][1440]); k++ {
			for int(h.mins[w][m]) < k {
				m++
			}
			h.reach[w][k] = int16(m)
		}
	}
	n := to.Sub(from) + 1
	h.cum = make([]time.Duration, n+1)
	h.wday = make([]uint8, n)
	for i := range n {
		d := from.AddDays(i)
		h.cum[i+1] = h.cum[i]
		h.wday[i] = offDay
		if c.cal.IsWorkingDay(d) {
			h.cum[i+1] += h.full[d.Weekday()]
			h.wday[i] = uint8(d.Weekday())
		}
	}
	h.first, h.firstDay, h.ok = from, int64(from.Sub(c.epoch)), true
}

// officeCum returns the office time from the window's start to t, and false when t's date is outside the
// window.
func (c *Calculator) officeCum(t time.Time) (time.Duration, bool) {
	v, _, ok := c.officeCumDay(t)
	return v, ok
}

// officeCumDay is officeCum, also returning the index of t's date in the window.
func (c *Calculator) officeCumDay(t time.Time) (time.Duration, int, bool) {
	h := &c.hours
	days, sod := splitDay(t.Unix() + c.fixedOff)
	i := days - h.firstDay
	if uint64(i) >= uint64(len(h.wday)) {
		return 0, 0, false
	}
	row := &h.mins[h.wday[i]]
	m := uint64(sod) / 60
	v := h.cum[i] + time.Duration(row[m])*time.Minute
	if row[m+1] != row[m] { // the whole minute m is office time
		v += time.Duration(uint64(sod)-m*60)*time.Second + time.Duration(t.Nanosecond())
	}
	return v, int(i), true
}

// officeAt returns the earliest instant whose office time from the window's start is v, searching forward
// from window day i0 (a day on or before that instant), and false when it lies beyond the window. v must
// exceed cum[i0].
func (c *Calculator) officeAt(v time.Duration, i0 int) (time.Time, bool) {
	h := &c.hours
	i, n := i0, len(h.wday)
	for i < n && h.cum[i+1] < v {
		i++
	}
	if i >= n || i < 0 || h.cum[i] >= v {
		return time.Time{}, false
	}
	// h.cum[i] < v ≤ h.cum[i+1]: day i is a working day and reaches v in its minute m − 1, where m is the
	// first minute boundary with at least ⌈rem⌉ office minutes; minute m − 1 is a whole office minute.
	w := h.wday[i]
	rem := v - h.cum[i]
	m := h.reach[w][(rem+time.Minute-1)/time.Minute]
	// startOf(first + i).Add(x) for x in [0, 24h], built directly (the table exists only for a fixed zone).
	x := time.Duration(m)*time.Minute - (time.Duration(h.mins[w][m])*time.Minute - rem)
	day := (h.firstDay+int64(i))*86400 - c.fixedOff
	return time.Unix(day+int64(x/time.Second), int64(x%time.Second)).In(c.loc), true
}

// addHours is Calendar.AddWorkingHours(t, d).
func (c *Calculator) addHours(t time.Time, d time.Duration) (time.Time, error) {
	if c.hours.ok && d > 0 {
		if v, i, ok := c.officeCumDay(t); ok {
			if r, ok := c.officeAt(v+d, i); ok {
				return r, nil
			}
		}
	}
	return c.cal.AddWorkingHours(t, d)
}

// hoursAfterDay is hoursBetween(dueAt, to) where dueAt is 00:00 of day next (the end of the due day under
// P4 midnight): the office time up to 00:00 of a window day is its prefix sum, so only to is converted.
func (c *Calculator) hoursAfterDay(next calendar.Date, dueAt, to time.Time) (time.Duration, error) {
	h := &c.hours
	if h.ok {
		if i := int64(next.Sub(c.epoch)) - h.firstDay; uint64(i) < uint64(len(h.wday)) {
			if b, _, ok := c.officeCumDay(to); ok {
				return b - h.cum[i], nil
			}
		}
	}
	return c.hoursBetween(dueAt, to)
}

// hoursBetween is Calendar.WorkingHoursBetween(from, to).
func (c *Calculator) hoursBetween(from, to time.Time) (time.Duration, error) {
	if c.hours.ok {
		a, ok1 := c.officeCum(from)
		b, ok2 := c.officeCum(to)
		if ok1 && ok2 {
			return b - a, nil
		}
	}
	return c.cal.WorkingHoursBetween(from, to)
}

// due sets *dl to Calendar.Due(received, dur, c.dp) (the zero Deadline with an error) for day units under
// P4 midnight in a fixed zone, without its time-zone conversions; other cases call the calendar.
// Deadline.Start is left at the reception instant (the calculator does not read it for day units). *dl
// is written in place: no Deadline is copied on the fast path.
func (c *Calculator) due(dl *calendar.Deadline, received time.Time, dur calendar.Duration) (err error) {
	if !c.fixed || c.dp.EndOfDay != calendar.Midnight || dur.Unit == calendar.WorkingHours || dur.Amount < 0 {
		*dl, err = c.cal.Due(received, dur, c.dp)
		return err
	}
	rd := c.dateOf(received)
	if !c.cal.Contains(rd) {
		*dl, err = c.cal.Due(received, dur, c.dp) // the calendar's range error
		return err
	}
	cutoffAt := c.dp.Cutoff
	if cutoffAt == 0 {
		cutoffAt = calendar.DefaultCutoff
	}
	*dl = calendar.Deadline{Received: received.In(c.loc), DeemedReceipt: rd, Duration: dur}
	dl.Start = dl.Received
	cutoff := c.dp.CutoffScope == calendar.CutoffAll || (c.dp.CutoffScope == calendar.CutoffSameDayOnly && dur.Amount == 0)
	if !c.cal.IsWorkingDay(rd) || (cutoff && received.Sub(c.startOf(rd)) >= cutoffAt) {
		next, err := c.cal.NextWorkingDay(rd)
		if err != nil {
			*dl = calendar.Deadline{}
			return err
		}
		dl.DeemedReceipt, dl.Moved = next, true
	}
	n := dur.Amount
	if dl.Moved && c.dp.ReceiptCounting == calendar.MovedReceiptIsDayOne && n > 0 {
		n--
	}
	if dur.Unit == calendar.WorkingDays {
		if dl.Due, err = c.cal.AddWorkingDays(dl.DeemedReceipt, n); err != nil {
			*dl = calendar.Deadline{}
			return err
		}
	} else {
		d := dl.DeemedReceipt.AddDays(n)
		if !c.cal.Contains(d) {
			*dl, err = c.cal.Due(received, dur, c.dp)
			return err
		}
		if !c.cal.IsWorkingDay(d) {
			if d, err = c.cal.NextWorkingDay(d); err != nil {
				*dl = calendar.Deadline{}
				return err
			}
		}
		dl.Due = d
	}
	dl.DueAt = c.startOf(dl.Due.AddDays(1))
	return nil
}

// supplement applies Calendar.Supplement(*dl, requested, resubmitted, p) to *dl in place (the zero
// Deadline with an error) for a pause of a working-day deadline under P4 midnight in a fixed zone; other
// cases call the calendar. The caller has checked that resubmitted is not before requested.
func (c *Calculator) supplement(dl *calendar.Deadline, requested, resubmitted time.Time, p calendar.DeadlinePolicy) (err error) {
	if p.Supplement != calendar.Pause || !c.fixed || p.EndOfDay != calendar.Midnight || dl.Duration.Unit != calendar.WorkingDays {
		*dl, err = c.cal.Supplement(*dl, requested, resubmitted, p)
		return err
	}
	k, err := c.cal.WorkingDaysBetween(c.dateOf(requested), c.dateOf(resubmitted))
	if err != nil {
		*dl = calendar.Deadline{}
		return err
	}
	d, err := c.cal.AddWorkingDays(dl.Due, k)
	if err != nil {
		*dl = calendar.Deadline{}
		return err
	}
	dl.Due, dl.DueAt = d, c.startOf(d.AddDays(1))
	dl.Supplements++
	return nil
}
