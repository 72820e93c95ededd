package publication

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/model"
)

func benchDossiers(n int) []model.Dossier {
	rng := rand.New(rand.NewPCG(7, 8))
	ds := make([]model.Dossier, n)
	for i := range ds {
		u := fmt.Sprintf("H44.%03d", 100+rng.IntN(100))
		ds[i] = dossier(fmt.Sprintf("%s-260810-%04d", u, i), u)
		ds[i].ReceivedAt = at(2026, time.August, 1+rng.IntN(31), 8+rng.IntN(9), rng.IntN(60))
		if rng.IntN(10) == 0 {
			ds[i].Sync = model.SyncInfo{}
		}
	}
	return ds
}

// BenchmarkClassifyAdd measures Classify + Accumulator.Add per dossier for 1.4 (a flag path: target ≤ 50 ns, 0 allocs) over a
// pre-generated slice. records=64 keeps the records in cache, as in a decoding pipeline where each record
// was just read; records=4096 (about 4 MB of model.Dossier values) measures cache misses on the record too.
// cpu-ns/record is the process CPU time per record, which stays meaningful when the machine is
// oversubscribed and wall-clock ns/op is not.
func BenchmarkClassifyAdd(b *testing.B) {
	for _, n := range []int{64, 4096} {
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) {
			c := newCalc(b, nil)
			ds := benchDossiers(n)
			a := c.NewAccumulator()
			for i := range ds {
				a.Add(c.Classify(&ds[i]))
			}
			b.ReportAllocs()
			cpu0 := processCPU()
			for i := 0; b.Loop(); i++ {
				a.Add(c.Classify(&ds[i&(len(ds)-1)]))
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/record")
			b.ReportMetric(float64((processCPU()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/record")
		})
	}
}

// BenchmarkClassifyProcedure measures judging one procedure with two decisions (1.1–1.3, working days).
func BenchmarkClassifyProcedure(b *testing.B) {
	c := newCalc(b, nil)
	p := proc("A", pub("Q1"), pub("Q2", decided(at(2026, time.August, 20, 9, 0)), published(model.None())))
	b.ReportAllocs()
	for b.Loop() {
		_ = c.ClassifyProcedure(&p)
	}
}
