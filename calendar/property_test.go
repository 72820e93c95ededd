package calendar

import (
	"testing"
)

// Naive day-by-day reference implementations, kept deliberately simple.

func naiveAdd(c *Calendar, d Date, n int) (Date, bool) {
	for n > 0 {
		d = d.AddDays(1)
		if !c.Contains(d) {
			return Date{}, false
		}
		if c.IsWorkingDay(d) {
			n--
		}
	}
	for n < 0 {
		d = d.AddDays(-1)
		if !c.Contains(d) {
			return Date{}, false
		}
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return d, true
}

func naiveBetween(c *Calendar, from, to Date) int {
	n := 0
	for e := from.AddDays(1); !e.After(to); e = e.AddDays(1) {
		if c.IsWorkingDay(e) {
			n++
		}
	}
	for e := to; e.Before(from); e = e.AddDays(1) {
		if c.IsWorkingDay(e) {
			n--
		}
	}
	return n
}

// TestPropertiesEveryDay1900to2100 checks, for every day 1900–2100, that AddWorkingDays and
// WorkingDaysBetween agree with the naive reference and invert each other.
func TestPropertiesEveryDay1900to2100(t *testing.T) {
	c := mustNew(t, Options{FromYear: 1900, ToYear: 2100})
	steps := []int{0, 1, 2, 3, 5, 8, 13, 22, 45, -1, -2, -5, -13, -45}
	spans := []int{0, 1, 2, 6, 7, 31, -1, -3, -7, -31}
	if testing.Short() {
		steps = []int{0, 1, 3, 22, -1, -13}
		spans = []int{0, 1, 7, -1, -31}
	}
	first, last := c.Range()
	if first != NewDate(1900, 1, 1) || last != NewDate(2100, 12, 31) {
		t.Fatal("range")
	}
	days, working := 0, 0
	for dd := first; !dd.After(last); dd = dd.AddDays(1) {
		days++
		if c.IsWorkingDay(dd) {
			working++
		}
		for _, n := range steps {
			want, ok := naiveAdd(c, dd, n)
			got, err := c.AddWorkingDays(dd, n)
			if ok != (err == nil) || got != want {
				t.Fatalf("AddWorkingDays(%s, %d) = %s, %v; naive %s, %v", dd, n, got, err, want, ok)
			}
			if !ok {
				continue
			}
			if n != 0 && !c.IsWorkingDay(got) {
				t.Fatalf("AddWorkingDays(%s, %d) = %s is not a working day", dd, n, got)
			}
			if back, err := c.WorkingDaysBetween(dd, got); err != nil || back != n {
				t.Fatalf("WorkingDaysBetween(%s, AddWorkingDays(.., %d)=%s) = %d, %v", dd, n, got, back, err)
			}
		}
		for _, k := range spans {
			e := dd.AddDays(k)
			if !c.Contains(e) {
				continue
			}
			got, err := c.WorkingDaysBetween(dd, e)
			if want := naiveBetween(c, dd, e); err != nil || got != want {
				t.Fatalf("WorkingDaysBetween(%s, %s) = %d, %v; naive %d", dd, e, got, err, want)
			}
			if c.IsWorkingDay(e) {
				if r, err := c.AddWorkingDays(dd, got); err != nil || r != e {
					t.Fatalf("AddWorkingDays(%s, WorkingDaysBetween(.., %s)=%d) = %s, %v", dd, e, got, r, err)
				}
			}
		}
		if nx, err := c.NextWorkingDay(dd); err == nil {
			if want, _ := naiveAdd(c, dd, 1); nx != want {
				t.Fatalf("NextWorkingDay(%s) = %s", dd, nx)
			}
		}
		if pv, err := c.PrevWorkingDay(dd); err == nil {
			if want, _ := naiveAdd(c, dd, -1); pv != want {
				t.Fatalf("PrevWorkingDay(%s) = %s", dd, pv)
			}
		}
	}
	if days != 73414 {
		t.Fatalf("%d days", days)
	}
	// Whole range: the prefix count equals the naive count.
	if n, _ := c.WorkingDaysBetween(first, last); n != working-boolInt(c.IsWorkingDay(first)) {
		t.Fatalf("whole range %d, naive %d", n, working)
	}
	// About 250 working days a year.
	if per := float64(working) / 201; per < 240 || per > 252 {
		t.Fatalf("%.1f working days a year", per)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
