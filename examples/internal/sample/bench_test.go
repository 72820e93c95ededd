package sample

import (
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/internal/testkit"
)

// BenchmarkDossiers measures one pass over a 50 000-dossier stream (the target is < 0.5 s per pass); it
// reports per-dossier metrics (dossiers/s, cpu-ns/dossier).
func BenchmarkDossiers(b *testing.B) {
	p, err := Generate(Options{Seed: 1, Year: 2026, Calendar: testkit.Calendar(b, 2025, 2027)})
	if err != nil {
		b.Fatal(err)
	}
	clock := testkit.StartPerRecord(b)
	total := 0
	for b.Loop() {
		n := 0
		for range p.Dossiers() {
			n++
		}
		if n != DefaultDossiers {
			b.Fatalf("got %d dossiers", n)
		}
		total += n
	}
	clock.Report(total, "dossier")
}

// BenchmarkGenerate measures Generate with a shared calendar (structure, petitions and one rating pass); it
// reports the process CPU time per operation (cpu-ms/op) next to wall time.
func BenchmarkGenerate(b *testing.B) {
	cal := testkit.Calendar(b, 2025, 2027)
	b.ReportAllocs()
	cpu0 := testkit.ProcessCPU()
	for b.Loop() {
		if _, err := Generate(Options{Seed: 1, Year: 2026, Calendar: cal}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(testkit.ProcessCPU()-cpu0)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}
