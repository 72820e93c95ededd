package rickar

import (
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
)

// pair is one benchmark input: a start date and a working-day offset (1–60, sign alternating), with the
// end date our calendar gives.
type pair struct {
	from, to calendar.Date
	tFrom    time.Time
	tTo      time.Time
	n        int
}

func pairs(tb testing.TB, c *calendar.Calendar) []pair {
	tb.Helper()
	ps := make([]pair, 1024)
	x := uint32(12345)
	zone := c.Location()
	for i := range ps {
		x = x*1664525 + 1013904223
		from := calendar.NewDate(2020, 4, 1).AddDays(int(x>>8) % (6 * 365))
		n := int(x>>20)%60 + 1
		if i%2 == 1 {
			n = -n
		}
		to, err := c.AddWorkingDays(from, n)
		if err != nil {
			tb.Fatal(err)
		}
		ps[i] = pair{from: from, to: to, tFrom: from.In(zone), tTo: to.In(zone), n: n}
	}
	return ps
}

// TestSameAnswers: both calendars agree on every day of 2020–2026 and on every benchmark pair, so the
// benchmarks compare like with like.
func TestSameAnswers(t *testing.T) {
	ours, theirs, err := Calendars(false)
	if err != nil {
		t.Fatal(err)
	}
	first, last := ours.Range()
	zone := ours.Location()
	for d := first; !d.After(last); d = d.AddDays(1) {
		if a, b := ours.IsWorkingDay(d), theirs.IsWorkday(d.In(zone)); a != b {
			t.Fatalf("%s: ours %v, rickar %v", d, a, b)
		}
	}
	for _, p := range pairs(t, ours) {
		if got := calendar.DateOf(theirs.WorkdaysFrom(p.tFrom, p.n), zone); got != p.to {
			t.Fatalf("WorkdaysFrom(%s, %d) = %s, AddWorkingDays = %s", p.from, p.n, got, p.to)
		}
		// rickar counts both ends; ours counts (from, to] forward and [to, from) backward.
		n, err := ours.WorkingDaysBetween(p.from, p.to)
		if err != nil || n != p.n {
			t.Fatalf("WorkingDaysBetween(%s, %s) = %d, %v", p.from, p.to, n, err)
		}
		incl := theirs.WorkdaysInRange(p.tFrom, p.tTo)
		want := n
		if ours.IsWorkingDay(p.from) {
			if n > 0 {
				want++
			} else {
				want--
			}
		}
		if incl != want {
			t.Fatalf("WorkdaysInRange(%s, %s) = %d; ours %d (inclusive %d)", p.from, p.to, incl, n, want)
		}
	}
}

var sinkT time.Time
var sinkD calendar.Date
var sinkN int

func BenchmarkAddWorkingDays(b *testing.B) {
	ours, theirs, err := Calendars(false)
	if err != nil {
		b.Fatal(err)
	}
	_, cached, _ := Calendars(true)
	ps := pairs(b, ours)
	b.Run("chiso766", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			p := &ps[i&1023]
			d, err := ours.AddWorkingDays(p.from, p.n)
			if err != nil {
				b.Fatal(err)
			}
			sinkD = d
		}
	})
	b.Run("rickar-WorkdaysFrom", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			p := &ps[i&1023]
			sinkT = theirs.WorkdaysFrom(p.tFrom, p.n)
		}
	})
	b.Run("rickar-WorkdaysFrom-cached", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			p := &ps[i&1023]
			sinkT = cached.WorkdaysFrom(p.tFrom, p.n)
		}
	})
}

func BenchmarkWorkingDaysBetween(b *testing.B) {
	ours, theirs, err := Calendars(false)
	if err != nil {
		b.Fatal(err)
	}
	_, cached, _ := Calendars(true)
	ps := pairs(b, ours)
	b.Run("chiso766", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			p := &ps[i&1023]
			n, err := ours.WorkingDaysBetween(p.from, p.to)
			if err != nil {
				b.Fatal(err)
			}
			sinkN = n
		}
	})
	b.Run("rickar-WorkdaysInRange", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			p := &ps[i&1023]
			sinkN = theirs.WorkdaysInRange(p.tFrom, p.tTo)
		}
	})
	b.Run("rickar-WorkdaysInRange-cached", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			p := &ps[i&1023]
			sinkN = cached.WorkdaysInRange(p.tFrom, p.tTo)
		}
	})
}
