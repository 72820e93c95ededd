package sample

import (
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
)

// BenchmarkDossiers measures one pass over a 50 000-dossier stream (the target is < 0.5 s per pass).
func BenchmarkDossiers(b *testing.B) {
	cal, err := calendar.New(calendar.Options{FromYear: 2025, ToYear: 2027})
	if err != nil {
		b.Fatal(err)
	}
	p, err := Generate(Options{Seed: 1, Year: 2026, Calendar: cal})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu0, ok := processCPU()
	for b.Loop() {
		n := 0
		for range p.Dossiers() {
			n++
		}
		if n != DefaultDossiers {
			b.Fatalf("got %d dossiers", n)
		}
	}
	reportCPU(b, cpu0, ok)
}

// reportCPU adds the process CPU time per operation (cpu-ms/op) when the platform provides it.
func reportCPU(b *testing.B, cpu0 time.Duration, ok bool) {
	if cpu1, ok1 := processCPU(); ok && ok1 {
		b.ReportMetric(float64(cpu1-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkGenerate measures Generate with a shared calendar (structure, petitions and one rating pass).
func BenchmarkGenerate(b *testing.B) {
	cal, err := calendar.New(calendar.Options{FromYear: 2025, ToYear: 2027})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu0, ok := processCPU()
	for b.Loop() {
		if _, err := Generate(Options{Seed: 1, Year: 2026, Calendar: cal}); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu0, ok)
}
