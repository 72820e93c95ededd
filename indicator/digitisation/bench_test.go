package digitisation

import (
	"fmt"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/model"
)

// benchDossiers returns n varied dossiers over 40 units, received in August 2026.
func benchDossiers(n int) []model.Dossier {
	out := make([]model.Dossier, n)
	procs := []string{"P.PAPER", "P.NOPAPER", "P.BIZ", "P.UNKNOWN"}
	for i := range out {
		d := model.Dossier{Code: fmt.Sprintf("U%02d-260805-%04d", i%40, i), UnitID: fmt.Sprintf("U%02d", i%40),
			ProcedureCode: procs[i%len(procs)],
			ReceivedAt:    model.Some(time.Date(2026, 8, 1+i%31, 9, 0, 0, 0, vn))}
		if i%3 == 0 {
			d.Files = []model.File{plainFile, reusedFile}
		}
		if i%2 == 0 {
			d.Results = []model.ResultDoc{{Code: "KQ", URL: "u"}}
		}
		if i%5 == 0 {
			d.VNeIDAuthenticated = model.FlagTrue
		}
		if i%7 == 0 {
			d.Databases = []string{"3", "7"}
		}
		if i%11 == 0 {
			d.ReceivedAt = model.None()
		}
		out[i] = d
	}
	return out
}

// BenchmarkClassifyAdd measures Classify + Accumulator.Add per dossier (target ≤ 50 ns, 0 allocs).
func BenchmarkClassifyAdd(b *testing.B) {
	c := newCalc(b, baseOptions())
	ds := benchDossiers(4096)
	a := c.NewAccumulator()
	for i := range ds { // warm up: units and reasons known
		a.Add(c.Classify(&ds[i]))
	}
	b.ReportAllocs()
	lockThread()
	defer unlockThread()
	cpu0, ok := threadCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Add(c.Classify(&ds[i%len(ds)]))
	}
	b.StopTimer()
	reportPerRecord(b, cpu0, ok)
}

// BenchmarkClassify measures Classify alone.
func BenchmarkClassify(b *testing.B) {
	c := newCalc(b, baseOptions())
	ds := benchDossiers(4096)
	b.ReportAllocs()
	lockThread()
	defer unlockThread()
	cpu0, ok := threadCPU()
	b.ResetTimer()
	var v Verdict
	for i := 0; i < b.N; i++ {
		v = c.Classify(&ds[i%len(ds)])
	}
	b.StopTimer()
	_ = v
	reportPerRecord(b, cpu0, ok)
}

// reportPerRecord reports wall ns/record and, where the OS gives per-thread CPU time, cpu-ns/record.
func reportPerRecord(b *testing.B, cpu0 time.Duration, ok bool) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/record")
	if cpu1, ok1 := threadCPU(); ok && ok1 {
		b.ReportMetric(float64((cpu1-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/record")
	}
}

// BenchmarkAdd measures Accumulator.Add alone over pre-classified verdicts of 40 units.
func BenchmarkAdd(b *testing.B) {
	c := newCalc(b, baseOptions())
	ds := benchDossiers(4096)
	vs := make([]Verdict, len(ds))
	for i := range ds {
		vs[i] = c.Classify(&ds[i])
	}
	a := c.NewAccumulator()
	for i := range vs {
		a.Add(vs[i])
	}
	b.ReportAllocs()
	lockThread()
	defer unlockThread()
	cpu0, ok := threadCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Add(vs[i%len(vs)])
	}
	b.StopTimer()
	reportPerRecord(b, cpu0, ok)
}
