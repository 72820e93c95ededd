package calendar

import (
	"errors"
	"testing"
	"time"
)

// FuzzWorkingDays: the O(1) arithmetic never panics, returns typed errors, agrees with the naive reference
// and inverts itself.
func FuzzWorkingDays(f *testing.F) {
	c := mustNew(f, Options{})
	for _, s := range [][3]int64{{0, 0, 0}, {18000, 5, 10}, {18000, -5, -10}, {-1, 1, 1}, {45290, 1, 1}, {45289, 3, -400}, {1 << 40, -(1 << 40), 1 << 33}, {18628, 1 << 31, -(1 << 31)}} {
		f.Add(s[0], s[1], s[2])
	}
	first, _ := c.Range()
	f.Fuzz(func(t *testing.T, off, n, span int64) {
		dd := first.AddDays(int(off % 60000))
		k := int(n)
		r, err := c.AddWorkingDays(dd, k)
		if err != nil {
			var re *RangeError
			if !errors.Is(err, ErrOutOfRange) || !errors.As(err, &re) {
				t.Fatalf("AddWorkingDays(%s, %d): untyped error %v", dd, k, err)
			}
		} else {
			if !c.Contains(r) || (k != 0 && !c.IsWorkingDay(r)) {
				t.Fatalf("AddWorkingDays(%s, %d) = %s", dd, k, r)
			}
			if back, err := c.WorkingDaysBetween(dd, r); err != nil || back != k {
				t.Fatalf("WorkingDaysBetween(%s, %s) = %d, %v; want %d", dd, r, back, err, k)
			}
		}
		e := dd.AddDays(int(span % 800))
		got, err := c.WorkingDaysBetween(dd, e)
		if err != nil {
			if !errors.Is(err, ErrOutOfRange) || (c.Contains(dd) && c.Contains(e)) {
				t.Fatalf("WorkingDaysBetween(%s, %s): %v", dd, e, err)
			}
			return
		}
		if want := naiveBetween(c, dd, e); got != want {
			t.Fatalf("WorkingDaysBetween(%s, %s) = %d, naive %d", dd, e, got, want)
		}
	})
}

// FuzzWorkingHours: AddWorkingHours and WorkingHoursBetween never panic and invert each other.
func FuzzWorkingHours(f *testing.F) {
	c := mustNew(f, Options{FromYear: 2000, ToYear: 2040})
	for _, s := range [][2]int64{{1777000000, int64(8 * time.Hour)}, {1777000000, -int64(time.Hour)}, {0, 0}, {1777010000, 1}, {1777030000, int64(1000 * time.Hour)}, {-1 << 62, 1 << 62},
		{farSec, int64(8 * time.Hour)}, {-farSec, int64(time.Hour)}, {1777000000, 1<<63 - 1}, {1777000000, -1 << 63}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, sec, dur int64) {
		from := time.Unix(sec, 0)
		d := time.Duration(dur)
		// An instant's date is in the calendar exactly when its year is (no wrapping of far instants);
		// time.Time's own year is exact while the Unix seconds stay clear of int64 overflow.
		if sec > -1<<62 && sec < 1<<62 {
			y := from.In(c.Location()).Year()
			in := y >= 2000 && y <= 2040
			if c.Contains(c.DateOf(from)) != in || c.Contains(c.DateOfUnix(sec)) != in || c.Contains(DateOf(from, c.Location())) != in {
				t.Fatalf("instant %d (year %d): date %s, in range %v", sec, y, c.DateOf(from), in)
			}
		}
		to, err := c.AddWorkingHours(from, d)
		if err != nil {
			var re *RangeError
			if !errors.As(err, &re) || !errors.Is(err, ErrOutOfRange) {
				t.Fatalf("AddWorkingHours(%s, %s): %v", from, d, err)
			}
			// The error names the caller's arguments, never the calendar's edge.
			okArg := re.Arg == "t" && !c.Contains(c.DateOf(from)) && re.Time.Equal(from)
			okResult := re.Arg == "result" && c.Contains(c.DateOf(from)) && re.Time.Equal(from) && re.Hours == d && re.Date == c.DateOf(from)
			if re.Op != "AddWorkingHours" || !(okArg || okResult) {
				t.Fatalf("AddWorkingHours(%s, %s): %+v", from, d, *re)
			}
			return
		}
		got, err := c.WorkingHoursBetween(from, to)
		if err != nil || got != d {
			t.Fatalf("WorkingHoursBetween(%s, %s) = %s, %v; want %s", from, to, got, err, d)
		}
		if (d > 0 && to.Before(from)) || (d < 0 && to.After(from)) {
			t.Fatalf("AddWorkingHours(%s, %s) = %s went the wrong way", from, d, to)
		}
	})
}

// FuzzDue: the deadline engine never panics, returns typed errors, and its results satisfy the
// invariants: deemed receipt and due date are working days, due ≥ deemed ≥ reception date, and the
// classifier agrees with the due day.
func FuzzDue(f *testing.F) {
	c := mustNew(f, Options{FromYear: 2020, ToYear: 2030})
	f.Add(int64(1777000000), 5, uint8(0), uint8(0), uint8(0), uint8(0), uint8(0), int64(0))
	f.Add(int64(1777024000), 0, uint8(1), uint8(1), uint8(1), uint8(1), uint8(1), int64(17*time.Hour))
	f.Add(int64(1777100000), 30, uint8(2), uint8(2), uint8(0), uint8(0), uint8(1), int64(-time.Hour))
	f.Add(int64(1893400000), 400, uint8(0), uint8(0), uint8(0), uint8(1), uint8(0), int64(0))
	f.Add(int64(1777000000), -3, uint8(9), uint8(9), uint8(9), uint8(9), uint8(9), int64(0))
	f.Add(int64(farSec), 5, uint8(0), uint8(0), uint8(0), uint8(0), uint8(0), int64(0))
	f.Add(int64(-farSec), 5, uint8(1), uint8(0), uint8(0), uint8(0), uint8(1), int64(0))
	f.Fuzz(func(t *testing.T, sec int64, amount int, unit, scope, counting, eod, supp uint8, cutoff int64) {
		received := time.Unix(sec, 0)
		p := DeadlinePolicy{Cutoff: time.Duration(cutoff), CutoffScope: CutoffScope(scope), ReceiptCounting: ReceiptCounting(counting),
			EndOfDay: EndOfDay(eod), Supplement: SupplementMode(supp)}
		dur := Duration{Amount: amount, Unit: Unit(unit)}
		dl, err := c.Due(received, dur, p)
		if err != nil {
			if !errors.Is(err, ErrOutOfRange) && !errors.Is(err, ErrInvalid) {
				t.Fatalf("Due: untyped error %v", err)
			}
			var re *RangeError
			if errors.As(err, &re) && (re.Op != "Due" || !re.Time.Equal(received) || (re.Arg != "received" && re.Arg != "result")) {
				t.Fatalf("Due(%s, %+v): %+v", received, dur, *re)
			}
			return
		}
		if y := received.In(c.Location()).Year(); y < 2020 || y > 2030 {
			t.Fatalf("Due accepted a reception in the year %d: %+v", y, dl)
		}
		rd := DateOf(received, nil)
		if !c.IsWorkingDay(dl.DeemedReceipt) || !c.IsWorkingDay(dl.Due) || dl.DeemedReceipt.Before(rd) ||
			dl.Due.Before(dl.DeemedReceipt) || dl.Moved != (dl.DeemedReceipt != rd) || dl.DueAt.Before(dl.Start) {
			t.Fatalf("Due(%s, %+v, %+v) = %+v", received, dur, p, dl)
		}
		if dur.Unit == CalendarDays && dl.Due.Sub(dl.DeemedReceipt) < dur.Amount-1 {
			t.Fatalf("calendar-day due %s is fewer than %d days after %s", dl.Due, dur.Amount, dl.DeemedReceipt)
		}
		if dur.Unit == WorkingDays && dur.Amount > 0 && p.ReceiptCounting == ReceiptDayZero {
			if n, _ := c.WorkingDaysBetween(dl.DeemedReceipt, dl.Due); n != dur.Amount {
				t.Fatalf("due is %d working days after the deemed receipt, want %d", n, dur.Amount)
			}
		}
		noon := dl.Due.In(Zone()).Add(12 * time.Hour)
		if o, err := c.Classify(dl, noon, true, time.Time{}, p); err != nil || o.Class != OnTime {
			t.Fatalf("finished on the due day: %+v, %v", o, err)
		}
		if o, err := c.Classify(dl, time.Time{}, false, dl.DueAt, p); err != nil || o.Class != OpenWithinDeadline {
			t.Fatalf("open at DueAt: %+v, %v", o, err)
		}
		if o, err := c.Classify(dl, time.Time{}, false, dl.DueAt.Add(time.Second), p); err == nil && o.Class != OpenOverdue {
			t.Fatalf("open after DueAt: %+v", o)
		}
		nd, err := c.Supplement(dl, dl.Start, dl.Start.Add(50*time.Hour), p)
		if err == nil && nd.Due.Before(dl.Due) {
			t.Fatalf("a supplement moved the due date earlier: %s → %s", dl.Due, nd.Due)
		}
	})
}

// FuzzParseDate: ParseDate never panics; what it accepts round-trips exactly.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-08-22", "0001-01-01", "9999-12-31", "2024-02-29", "2026-02-29", "", "2026-1-1", "abcd-ef-gh"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("ParseDate(%q): untyped error %v", s, err)
			}
			return
		}
		if d.String() != s {
			t.Fatalf("ParseDate(%q).String() = %q", s, d.String())
		}
		var u Date
		if err := u.UnmarshalText([]byte(s)); err != nil || u != d {
			t.Fatalf("UnmarshalText(%q) = %s, %v", s, u, err)
		}
		if tt, err := time.Parse(time.DateOnly, s); err != nil || DateOf(tt, time.UTC) != d {
			t.Fatalf("time.Parse disagrees on %q: %v", s, err)
		}
	})
}
