package calendar

import (
	"testing"
	"time"
)

// benchInputs returns 1024 dates spread over 2000–2030 and step sizes 1–60 (sign alternating).
func benchInputs() ([]Date, []int) {
	ds := make([]Date, 1024)
	ns := make([]int, 1024)
	x := uint32(12345)
	for i := range ds {
		x = x*1664525 + 1013904223
		ds[i] = NewDate(2000, 1, 1).AddDays(int(x>>8) % (30 * 365))
		ns[i] = int(x>>20)%60 + 1
		if i%2 == 1 {
			ns[i] = -ns[i]
		}
	}
	return ds, ns
}

var sinkDate Date
var sinkInt int

func BenchmarkAddWorkingDays(b *testing.B) {
	c := mustNew(b, Options{})
	ds, ns := benchInputs()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := c.AddWorkingDays(ds[i&1023], ns[i&1023])
		if err != nil {
			b.Fatal(err)
		}
		sinkDate = r
	}
}

func BenchmarkWorkingDaysBetween(b *testing.B) {
	c := mustNew(b, Options{})
	ds, ns := benchInputs()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n, err := c.WorkingDaysBetween(ds[i&1023], ds[(i+1)&1023].AddDays(ns[i&1023]))
		if err != nil {
			b.Fatal(err)
		}
		sinkInt = n
	}
}

func BenchmarkIsWorkingDay(b *testing.B) {
	c := mustNew(b, Options{})
	ds, _ := benchInputs()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if c.IsWorkingDay(ds[i&1023]) {
			sinkInt++
		}
	}
}

// BenchmarkNaiveAddWorkingDays is the day-by-day reference, for comparison.
func BenchmarkNaiveAddWorkingDays(b *testing.B) {
	c := mustNew(b, Options{})
	ds, ns := benchInputs()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, _ := naiveAdd(c, ds[i&1023], ns[i&1023])
		sinkDate = r
	}
}

func BenchmarkAddWorkingHours(b *testing.B) {
	c := mustNew(b, Options{})
	ds, ns := benchInputs()
	loc := c.Location()
	ts := make([]time.Time, len(ds))
	for i, d := range ds {
		ts[i] = d.In(loc).Add(time.Duration(i%24) * time.Hour)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := c.AddWorkingHours(ts[i&1023], time.Duration(ns[i&1023])*time.Hour)
		if err != nil {
			b.Fatal(err)
		}
		sinkInt += r.Nanosecond()
	}
}

func BenchmarkDue(b *testing.B) {
	c := mustNew(b, Options{})
	ds, ns := benchInputs()
	loc := c.Location()
	ts := make([]time.Time, len(ds))
	for i, d := range ds {
		ts[i] = d.In(loc).Add(time.Duration(i%24) * time.Hour)
	}
	p := DefaultDeadlinePolicy()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dl, err := c.Due(ts[i&1023], Duration{Amount: max(ns[i&1023], 0)}, p)
		if err != nil {
			b.Fatal(err)
		}
		sinkDate = dl.Due
	}
}

func BenchmarkClassify(b *testing.B) {
	c := mustNew(b, Options{})
	p := DefaultDeadlinePolicy()
	dl, err := c.Due(time.Date(2026, 4, 24, 9, 0, 0, 0, c.Location()), Duration{Amount: 5}, p)
	if err != nil {
		b.Fatal(err)
	}
	end := time.Date(2026, 5, 8, 10, 0, 0, 0, c.Location())
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		o, err := c.Classify(dl, end, true, time.Time{}, p)
		if err != nil {
			b.Fatal(err)
		}
		sinkInt += o.LateWorkingDays
	}
}

func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := New(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestHotPathsDoNotAllocate pins the 0 allocs/op of the working-day operations (not a timing test).
func TestHotPathsDoNotAllocate(t *testing.T) {
	c := mustNew(t, Options{})
	ds, ns := benchInputs()
	i := 0
	allocs := testing.AllocsPerRun(1000, func() {
		r, _ := c.AddWorkingDays(ds[i&1023], ns[i&1023])
		n, _ := c.WorkingDaysBetween(ds[i&1023], r)
		if c.IsWorkingDay(r) {
			sinkInt += n
		}
		i++
	})
	if allocs != 0 {
		t.Fatalf("%.1f allocs per run, want 0", allocs)
	}
}

// BenchmarkHolidays lists one year's holidays and special days (a year of 1976–2099 per iteration).
func BenchmarkHolidays(b *testing.B) {
	c := mustNew(b, Options{})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		days, err := c.Holidays(DefaultFromYear + i%(DefaultToYear-DefaultFromYear+1))
		if err != nil {
			b.Fatal(err)
		}
		for di := range days {
			sinkDate = di.Date
		}
	}
}
