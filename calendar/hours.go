package calendar

import (
	"time"
)

// setHours validates and installs office hours.
func (c *Calendar) setHours(h OfficeHours) error {
	def := h.Default
	if def == nil {
		def = DefaultOfficeHours().Default
	}
	if err := checkSpans("Options.OfficeHours.Default", def); err != nil {
		return err
	}
	for w := range c.spans {
		s := h.ByWeekday[w]
		if s == nil {
			s = def
		} else if err := checkSpans("Options.OfficeHours.ByWeekday["+time.Weekday(w).String()+"]", s); err != nil {
			return err
		}
		c.spans[w] = append([]Span(nil), s...)
	}
	return nil
}

func checkSpans(field string, s []Span) error {
	var prev time.Duration
	for i, sp := range s {
		if sp.Start < prev || sp.End <= sp.Start || sp.End > 24*time.Hour {
			return &InputError{Op: "New", Field: field + "[" + itoa(i) + "]", Value: sp.Start.String() + "–" + sp.End.String(),
				Reason: "spans must be non-empty, sorted, non-overlapping and within 0–24h"}
		}
		prev = sp.End
	}
	return nil
}

func total(s []Span) time.Duration {
	var t time.Duration
	for _, sp := range s {
		t += sp.End - sp.Start
	}
	return t
}

// cum returns the office time from the calendar's start to instant t, argument arg of method op (named by
// the error when t's date is outside the range).
func (c *Calendar) cum(op, arg string, t time.Time) (time.Duration, error) {
	v, _, err := c.cumDay(op, arg, t)
	return v, err
}

// cumDay is cum, also returning the offset of t's local date (a search hint for at).
func (c *Calendar) cumDay(op, arg string, t time.Time) (time.Duration, int, error) {
	day, clk := c.clock(t)
	i, ok := c.off(day)
	if !ok {
		return 0, 0, c.instantErr(op, arg, t, day)
	}
	v := c.hp[i]
	if clk > 0 && c.kind[i].Working() { // at midnight (a due day's end) the prefix sum is the answer
		for _, sp := range c.spans[day.Weekday()] {
			if clk <= sp.Start {
				break
			}
			v += min(clk, sp.End) - sp.Start
		}
	}
	return v, int(i), nil
}

// at returns the instant whose cumulative office time is v: the earliest such instant when earliest is
// set (a span end rather than the next span start), else the latest (the next span start). The answer's
// day is searched from offset lo on (0, or the day of an instant known to have office time below v): by
// galloping, so that a step of a few days from lo costs a few comparisons, then by bisection. It reports
// false when no instant of the range has office time v (the caller names its arguments in the error).
func (c *Calendar) at(v time.Duration, earliest bool, lo int) (time.Time, bool) {
	// Find the first day i with hp[i+1] > v (earliest: ≥ v); then hp[i] < v ≤ hp[i+1] (earliest) or
	// hp[i] ≤ v < hp[i+1] (latest).
	reaches := func(i int) bool { x := c.hp[i+1]; return x > v || (earliest && x == v) }
	hi := int(c.ndays)
	if lo > 0 {
		for step := 1; ; step *= 2 {
			probe := lo + step - 1
			if probe >= hi {
				break
			}
			if reaches(probe) {
				hi = probe + 1
				break
			}
			lo = probe + 1
		}
	}
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if reaches(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	if lo >= int(c.ndays) || v < 0 {
		return time.Time{}, false
	}
	day := Date{n: c.first + int32(lo)}
	rem := v - c.hp[lo]
	for _, sp := range c.spans[day.Weekday()] {
		l := sp.End - sp.Start
		if rem < l || (earliest && rem == l) {
			x := sp.Start + rem
			if s := int64(day.n-unixEpoch)*86400 - c.zoneOff; c.fast(s) { // Start(day).Add(x), inline
				return time.Unix(s+int64(x/time.Second), int64(x%time.Second)).In(c.loc), true
			}
			return c.startSlow(day).Add(x), true
		}
		rem -= l
	}
	return time.Time{}, false // unreachable with consistent prefix sums
}

// WorkingHoursBetween returns the office time between instants from and to (negative if to is before from),
// counting only office hours of working days (P5). Cost: O(1) — integer arithmetic where the zone's offset
// is fixed (FixedOffset), else two time-zone conversions; no allocation. Errors: *RangeError if either instant's local date is outside the range.
func (c *Calendar) WorkingHoursBetween(from, to time.Time) (time.Duration, error) {
	a, err := c.cum("WorkingHoursBetween", "from", from)
	if err != nil {
		return 0, err
	}
	b, err := c.cum("WorkingHoursBetween", "to", to)
	if err != nil {
		return 0, err
	}
	return b - a, nil
}

// AddWorkingHours returns the instant d of office time after t (8 h = one default working day). Instants
// outside office hours first move per P6: before opening → opening; lunch → 13:30; after closing → the next
// working day's opening. For d > 0 the result is the earliest instant reaching the amount (a result at a
// span end stays at 11:30 or 17:00); for d ≤ 0 it is the latest (the next span start), so d == 0 returns the
// P6-normalised t. Negative d subtracts office time. Cost: for d > 0, O(log k) for a result k days after t
// (a galloping search over prefix sums from t's day); for d ≤ 0, O(log n) over the whole range; no
// allocation. Errors: *RangeError if t (Arg "t") or the result (Arg "result", with t and d) is outside the
// range, including a d so large that the office time would overflow.
func (c *Calendar) AddWorkingHours(t time.Time, d time.Duration) (time.Time, error) {
	return c.addWorkingHours("AddWorkingHours", t, d)
}

// addWorkingHours is AddWorkingHours for method op, whose errors name op.
func (c *Calendar) addWorkingHours(op string, t time.Time, d time.Duration) (time.Time, error) {
	v, i, err := c.cumDay(op, "t", t)
	if err != nil {
		return time.Time{}, err
	}
	if d == 0 {
		// Inside office hours t itself is the only instant with this office time: keep its precision.
		day, clk := c.clock(t)
		if c.kind[i].Working() {
			for _, sp := range c.spans[day.Weekday()] {
				if clk >= sp.Start && clk < sp.End {
					return t.In(c.loc), nil
				}
			}
		}
	}
	if d <= 0 {
		i = 0 // the answer may lie before t's day
	}
	r, ok := time.Time{}, false
	if w := v + d; (d > 0) == (w > v) || d == 0 { // no overflow of the office time
		r, ok = c.at(w, d > 0, i)
	}
	if !ok {
		return time.Time{}, &RangeError{Op: op, Arg: "result", Date: c.DateOf(t), Time: t.In(c.loc), Hours: d, Min: c.minDate, Max: c.maxDt}
	}
	return r, nil
}

// opening returns the first office instant of working day d (00:00 if it has no office hours).
func (c *Calendar) opening(d Date) time.Time {
	if s := c.spans[d.Weekday()]; len(s) > 0 {
		return c.Start(d).Add(s[0].Start)
	}
	return c.Start(d)
}

// closing returns the end of office hours of day d (24:00 if it has no office hours).
func (c *Calendar) closing(d Date) time.Time {
	if s := c.spans[d.Weekday()]; len(s) > 0 {
		return c.Start(d).Add(s[len(s)-1].End)
	}
	return c.Start(d.AddDays(1))
}
