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
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Add(c.Classify(&ds[i%len(ds)]))
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/record")
}

// BenchmarkClassify measures Classify alone.
func BenchmarkClassify(b *testing.B) {
	c := newCalc(b, baseOptions())
	ds := benchDossiers(4096)
	b.ReportAllocs()
	b.ResetTimer()
	var v Verdict
	for i := 0; i < b.N; i++ {
		v = c.Classify(&ds[i%len(ds)])
	}
	_ = v
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/record")
}
