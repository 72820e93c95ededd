package payment

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// benchSetup builds a province-sized catalogue (100 units × 40 fee-bearing procedures) and n dossiers
// spread over it, most in the period.
func benchSetup(b *testing.B, n int) (*Calculator, []model.Dossier) {
	b.Helper()
	o := Options{Period: aug2026, AsOf: asOf, Policy: indicator.DefaultRecordPolicy()}
	for p := range 40 {
		o.Procedures = append(o.Procedures, procedure(fmt.Sprintf("1.%06d", p), 20000))
	}
	units := make([]string, 100)
	for u := range units {
		units[u] = fmt.Sprintf("H44.%03d", 100+u)
		for p := range 40 {
			o.Offerings = append(o.Offerings, offering(units[u], fmt.Sprintf("1.%06d", p)))
		}
	}
	c, err := New(o)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(7, 8))
	ds := make([]model.Dossier, n)
	for i := range ds {
		u := units[rng.IntN(len(units))]
		ds[i] = dossier(fmt.Sprintf("%s-260810-%04d", u, i), u, fmt.Sprintf("1.%06d", rng.IntN(40)))
		ds[i].ReceivedAt = at(2026, time.August, 1+rng.IntN(31), 8+rng.IntN(9), rng.IntN(60))
		if rng.IntN(10) < 8 {
			ds[i].OnlinePayment = model.NewOnlinePayment(model.PaymentPortal)
		}
	}
	return c, ds
}

// BenchmarkClassifyAdd measures Classify + Accumulator.Add per dossier (target ≤ 50 ns, 0 allocs) over a
// pre-generated slice: Classify resolves the dossier's unit and procedure in the calculator's Keys itself.
// records=64 keeps the records in cache, as in a decoding pipeline where each record
// was just read; records=4096 (about 4 MB of model.Dossier values) measures cache misses on the record too.
// cpu-ns/record is the process CPU time per record, which stays meaningful when the machine is
// oversubscribed and wall-clock ns/op is not.
func BenchmarkClassifyAdd(b *testing.B) {
	for _, n := range []int{64, 4096} {
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) {
			c, ds := benchSetup(b, n)
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

// BenchmarkClassifyRefAdd measures ClassifyRef + Accumulator.Add per dossier with the Refs resolved
// outside the loop, as the scorecard runs it (one shared Keys, each dossier resolved once for all six
// calculators). Target ≤ 50 ns, 0 allocs.
func BenchmarkClassifyRefAdd(b *testing.B) { benchRefs(b, false) }

// BenchmarkAddRef is BenchmarkClassifyRefAdd through Accumulator.AddRef (ClassifyRef + Add without
// copying the Verdict): the scorecard's tally path. Target ≤ 50 ns, 0 allocs.
func BenchmarkAddRef(b *testing.B) { benchRefs(b, true) }

// benchRefs runs BenchmarkClassifyRefAdd (addRef false) or BenchmarkAddRef over 64 and 4096 dossiers.
func benchRefs(b *testing.B, addRef bool) {
	for _, n := range []int{64, 4096} {
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) {
			c, ds := benchSetup(b, n)
			refs := make([]indicator.Ref, len(ds))
			for i := range ds {
				refs[i] = c.keys.Ref(ds[i].UnitID, ds[i].ProcedureCode)
			}
			a := c.NewAccumulator()
			for i := range ds {
				a.AddRef(&ds[i], refs[i])
			}
			b.ReportAllocs()
			cpu0 := processCPU()
			if addRef {
				for i := 0; b.Loop(); i++ {
					j := i & (len(ds) - 1)
					a.AddRef(&ds[j], refs[j])
				}
			} else {
				for i := 0; b.Loop(); i++ {
					j := i & (len(ds) - 1)
					a.Add(c.ClassifyRef(&ds[j], refs[j]))
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/record")
			b.ReportMetric(float64((processCPU()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/record")
		})
	}
}

// BenchmarkResult measures building the Result of a 100-unit × 40-procedure province.
func BenchmarkResult(b *testing.B) {
	c, ds := benchSetup(b, 1<<12)
	a := c.NewAccumulator()
	for i := range ds {
		a.Add(c.Classify(&ds[i]))
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = a.Result()
	}
}
