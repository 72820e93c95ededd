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
// WorkingDaysBetween agree with a naive day-by-day walk and invert each other. One forward and one
// backward walk per day serve every step size (the naive functions above are checked against the walks on
// a sample).
func TestPropertiesEveryDay1900to2100(t *testing.T) {
	c := mustNew(t, Options{FromYear: 1900, ToYear: 2100})
	steps := []int{0, 1, 2, 3, 4, 5, 8, 13, 22, 45, -1, -2, -3, -4, -5, -8, -13, -22, -45}
	maxStep, maxSpan := 45, 31
	if testing.Short() {
		steps = []int{0, 1, 3, 12, -1, -3, -12}
		maxStep, maxSpan = 12, 10
	}
	first, last := c.Range()
	if first != NewDate(1900, 1, 1) || last != NewDate(2100, 12, 31) {
		t.Fatal("range")
	}
	fwd := make([]Date, 0, maxStep+1) // fwd[k-1] = k-th working day after dd (naive walk)
	bwd := make([]Date, 0, maxStep+1)
	days, working := 0, 0
	for dd := first; !dd.After(last); dd = dd.AddDays(1) {
		days++
		if c.IsWorkingDay(dd) {
			working++
		}
		// Naive walks.
		fwd, bwd = fwd[:0], bwd[:0]
		for e := dd.AddDays(1); len(fwd) < maxStep && c.Contains(e); e = e.AddDays(1) {
			if c.IsWorkingDay(e) {
				fwd = append(fwd, e)
			}
		}
		for e := dd.AddDays(-1); len(bwd) < maxStep && c.Contains(e); e = e.AddDays(-1) {
			if c.IsWorkingDay(e) {
				bwd = append(bwd, e)
			}
		}
		if days%997 == 0 { // cross-check the walks against the reference functions
			for k := 1; k <= len(fwd); k += 7 {
				if r, _ := naiveAdd(c, dd, k); r != fwd[k-1] {
					t.Fatalf("walk disagrees with naiveAdd at %s+%d", dd, k)
				}
			}
		}
		for _, k := range steps {
			var want Date
			ok := true
			switch {
			case k > 0:
				ok = k <= len(fwd)
				if ok {
					want = fwd[k-1]
				}
			case k < 0:
				ok = -k <= len(bwd)
				if ok {
					want = bwd[-k-1]
				}
			default:
				want = dd
			}
			got, err := c.AddWorkingDays(dd, k)
			if ok != (err == nil) || got != want {
				t.Fatalf("AddWorkingDays(%s, %d) = %s, %v; naive %s, %v", dd, k, got, err, want, ok)
			}
			if !ok {
				continue
			}
			if back, err := c.WorkingDaysBetween(dd, got); err != nil || back != k {
				t.Fatalf("WorkingDaysBetween(%s, AddWorkingDays(.., %d)=%s) = %d, %v", dd, k, got, back, err)
			}
		}
		// WorkingDaysBetween over spans −maxSpan..maxSpan, counted naively on the way.
		n := 0
		for k := 0; k <= maxSpan; k++ {
			e := dd.AddDays(k)
			if !c.Contains(e) {
				break
			}
			if k > 0 && c.IsWorkingDay(e) {
				n++
			}
			if got, err := c.WorkingDaysBetween(dd, e); err != nil || got != n {
				t.Fatalf("WorkingDaysBetween(%s, %s) = %d, %v; naive %d", dd, e, got, err, n)
			}
			if c.IsWorkingDay(e) {
				if r, err := c.AddWorkingDays(dd, n); err != nil || r != e {
					t.Fatalf("AddWorkingDays(%s, %d) = %s, %v; want %s", dd, n, r, err, e)
				}
			}
		}
		n = 0
		for k := 1; k <= maxSpan; k++ {
			e := dd.AddDays(-k)
			if !c.Contains(e) {
				break
			}
			if c.IsWorkingDay(e) {
				n--
			}
			if got, err := c.WorkingDaysBetween(dd, e); err != nil || got != n {
				t.Fatalf("WorkingDaysBetween(%s, %s) = %d, %v; naive %d", dd, e, got, err, n)
			}
			if days%499 == 0 && naiveBetween(c, dd, e) != n {
				t.Fatalf("naiveBetween disagrees at %s..%s", dd, e)
			}
			if c.IsWorkingDay(e) {
				if r, err := c.AddWorkingDays(dd, n); err != nil || r != e {
					t.Fatalf("AddWorkingDays(%s, %d) = %s, %v; want %s", dd, n, r, err, e)
				}
			}
		}
		if nx, err := c.NextWorkingDay(dd); (err == nil) != (len(fwd) > 0) || (err == nil && nx != fwd[0]) {
			t.Fatalf("NextWorkingDay(%s) = %s, %v", dd, nx, err)
		}
		if pv, err := c.PrevWorkingDay(dd); (err == nil) != (len(bwd) > 0) || (err == nil && pv != bwd[0]) {
			t.Fatalf("PrevWorkingDay(%s) = %s, %v", dd, pv, err)
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
