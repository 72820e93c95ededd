package calendar

import (
	"time"
)

// Instants in integer arithmetic. Official time is a fixed offset (UTC+7), so a Calendar records, when it is
// built, the stretch of time over which its zone's offset is constant (for Zone(): all time). Inside it,
// converting an instant to its civil date and time of day, or a date to its midnight, is a division or a
// multiplication of Unix seconds, with no time.Location look-up; outside it (a zone with history, far
// from the calendar's years) the methods below and every working-hour operation take the time.Time path,
// with the same results.

// maxFastSeconds bounds the instants converted by integer arithmetic (about ±34 000 years around 1970),
// far inside the ranges where int64 seconds and the 32-bit day number are exact.
const maxFastSeconds = 1 << 40

// zoneStretch returns the Unix-second bounds [lo, hi) of the period in which loc's offset is constant
// around instant t, and that offset in seconds east of UTC. A zone without transitions gives the whole
// fast range.
func zoneStretch(loc *time.Location, t time.Time) (lo, hi, off int64) {
	lt := t.In(loc)
	_, o := lt.Zone()
	start, end := lt.ZoneBounds()
	lo, hi = -maxFastSeconds, maxFastSeconds
	if !start.IsZero() {
		lo = max(lo, start.Unix())
	}
	if !end.IsZero() {
		hi = min(hi, end.Unix())
	}
	return lo, hi, int64(o)
}

// fast reports whether Unix second s lies where the zone's offset is c.zoneOff.
func (c *Calendar) fast(s int64) bool { return s >= c.fixLo && s < c.fixHi }

// dayBias shifts the local seconds of a fast instant (|s| < maxFastSeconds, offsets below a day) to
// positive values, so that days are split off by an unsigned division by a constant.
const dayBias = (maxFastSeconds/86400 + 2) * 86400

// split returns the day number and the seconds since local midnight of fast Unix second s.
func (c *Calendar) split(s int64) (Date, int64) {
	u := uint64(s + c.zoneOff + dayBias)
	q := u / 86400
	return Date{n: int32(int64(q) - dayBias/86400 + unixEpoch)}, int64(u - q*86400)
}

// FixedOffset returns the calendar zone's offset from UTC in seconds east, and whether that offset holds
// over the whole of the calendar's range (from 00:00 of its first day to the end of its last), as it does
// for Zone(). When it does, DateOf, Start and the working-hour operations of instants in the range use
// integer arithmetic only. Cost: O(1).
func (c *Calendar) FixedOffset() (seconds int, ok bool) {
	lo, hi := c.minDate.AddDays(-1), c.maxDt.AddDays(2)
	s0 := int64(lo.n-unixEpoch)*86400 - c.zoneOff
	s1 := int64(hi.n-unixEpoch)*86400 - c.zoneOff
	return int(c.zoneOff), c.fast(s0) && c.fast(s1)
}

// DateOf returns the civil date of instant t in the calendar's zone: DateOf(t, c.Location()). Cost: O(1),
// two integer divisions and no allocation where the zone's offset is fixed (FixedOffset); one
// time.Location look-up elsewhere. It never fails; dates outside the calendar's range are returned as they
// are (the working-day methods reject them), and an instant beyond about ±5,000,000 years gets the first or
// last representable Date (NewDate), never a wrapped-around date.
func (c *Calendar) DateOf(t time.Time) Date {
	if s := t.Unix(); c.fast(s) {
		return c.dayOf(s)
	}
	return DateOf(t, c.loc)
}

// twoDates is DateOf of two instants, in one call.
func (c *Calendar) twoDates(a, b time.Time) (Date, Date) {
	as, bs := a.Unix(), b.Unix()
	if c.fast(as) && c.fast(bs) {
		return c.dayOf(as), c.dayOf(bs)
	}
	return c.DateOf(a), c.DateOf(b)
}

// dayOf is the date of fast Unix second s (split's date alone, small enough to be inlined).
func (c *Calendar) dayOf(s int64) Date {
	return Date{n: int32(int64(uint64(s+c.zoneOff+dayBias)/86400) - dayBias/86400 + unixEpoch)}
}

// DateOfUnix returns the civil date, in the calendar's zone, of the instant sec seconds after the Unix
// epoch: c.DateOf(time.Unix(sec, 0)). Cost and failure modes: as DateOf.
func (c *Calendar) DateOfUnix(sec int64) Date {
	if c.fast(sec) {
		return c.dayOf(sec)
	}
	return DateOf(time.Unix(sec, 0), c.loc)
}

// StartUnix returns 00:00 of d in the calendar's zone as Unix seconds: c.Start(d).Unix(). Cost: O(1), a
// multiplication where the zone's offset is fixed, else one time.Date call. It never fails.
func (c *Calendar) StartUnix(d Date) int64 {
	if s := int64(d.n-unixEpoch)*86400 - c.zoneOff; c.fast(s) {
		return s
	}
	return d.In(c.loc).Unix()
}

// Start returns 00:00 of d in the calendar's zone: d.In(c.Location()), with the same value and location.
// Cost: as StartUnix; no allocation. It never fails.
func (c *Calendar) Start(d Date) time.Time {
	if s := int64(d.n-unixEpoch)*86400 - c.zoneOff; c.fast(s) {
		return time.Unix(s, 0).In(c.loc)
	}
	return c.startSlow(d)
}

func (c *Calendar) startSlow(d Date) time.Time { return d.In(c.loc) }

// EndOfDay returns the end of due day d under p's P4 rule (DeadlinePolicy.EndOfDay): 00:00 of the next
// day (Midnight), or the close of office hours when d is a working day under OfficeClose — the DueAt that
// Due gives a deadline ending on d. Cost: O(1), no allocation. It never fails (a day outside the range
// ends at midnight).
func (c *Calendar) EndOfDay(d Date, p DeadlinePolicy) time.Time { return c.endOfDay(d, p.EndOfDay) }

func (c *Calendar) endOfDay(d Date, rule EndOfDay) time.Time {
	if rule == OfficeClose && c.IsWorkingDay(d) {
		return c.closing(d)
	}
	if s := int64(d.n+1-unixEpoch)*86400 - c.zoneOff; c.fast(s) { // Start(d + 1), inline
		return time.Unix(s, 0).In(c.loc)
	}
	return c.startSlow(d.AddDays(1))
}

// clock returns t's local date and the time elapsed since local midnight.
func (c *Calendar) clock(t time.Time) (Date, time.Duration) {
	if s := t.Unix(); c.fast(s) {
		d, sod := c.split(s)
		return d, time.Duration(sod)*time.Second + time.Duration(t.Nanosecond())
	}
	lt := t.In(c.loc)
	y, m, d := lt.Date()
	day := NewDate(y, m, d)
	h, mi, s := lt.Clock()
	return day, time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(s)*time.Second + time.Duration(lt.Nanosecond())
}
