package lunar

import (
	"testing"
	"time"
)

var sinkDate Date
var sinkInt int

func BenchmarkFromSolar(b *testing.B) {
	b.ReportAllocs()
	tableOnce()
	days := [...]struct {
		y int
		m time.Month
		d int
	}{{2026, 4, 26}, {1900, 1, 1}, {2100, 12, 31}, {2023, 3, 22}, {1976, 7, 2}}
	for i := 0; b.Loop(); i++ {
		c := days[i%len(days)]
		d, err := FromSolar(c.y, c.m, c.d)
		if err != nil {
			b.Fatal(err)
		}
		sinkDate = d
	}
}

func BenchmarkToSolar(b *testing.B) {
	b.ReportAllocs()
	tableOnce()
	dates := [...]Date{{2026, 3, 10, false}, {2023, 2, 1, true}, {2033, 11, 15, true}, {1950, 1, 1, false}, {2099, 12, 29, false}}
	for i := 0; b.Loop(); i++ {
		_, _, d, err := ToSolar(dates[i%len(dates)])
		if err != nil {
			b.Fatal(err)
		}
		sinkInt += d
	}
}

func BenchmarkNewYear(b *testing.B) {
	b.ReportAllocs()
	tableOnce()
	for i := 0; b.Loop(); i++ {
		_, d, err := NewYear(MinYear + i%(MaxYear-MinYear+1))
		if err != nil {
			b.Fatal(err)
		}
		sinkInt += d
	}
}

// BenchmarkBuildTable measures the one-time cost paid by the first call.
func BenchmarkBuildTable(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if t := buildTable(); t.err != nil {
			b.Fatal(t.err)
		}
	}
}

func BenchmarkNewMoonJDE(b *testing.B) {
	b.ReportAllocs()
	var s float64
	for i := 0; b.Loop(); i++ {
		s += newMoonJDE(i % 2000)
	}
	sinkInt = int(s)
}
