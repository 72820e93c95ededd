package publication

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// benchUnits and benchProcedures are the ~80 units and ~50 procedure codes of the benchmark dossiers.
func benchUnits() []string {
	us := make([]string, 80)
	for i := range us {
		us[i] = fmt.Sprintf("H44.%03d", 100+i)
	}
	return us
}

func benchProcedures() []string {
	ps := make([]string, 50)
	for i := range ps {
		ps[i] = fmt.Sprintf("1.%06d", 1000+i)
	}
	return ps
}

// benchDossiers returns n varied dossiers over benchUnits and benchProcedures: received across August
// (some in July, outside the period), one in ten never synced, one in twenty with a portal error.
func benchDossiers(n int) []model.Dossier {
	rng := rand.New(rand.NewPCG(7, 8))
	units, procs := benchUnits(), benchProcedures()
	ds := make([]model.Dossier, n)
	for i := range ds {
		u := units[rng.IntN(len(units))]
		ds[i] = dossier(fmt.Sprintf("%s-260810-%04d", u, i), u)
		ds[i].ProcedureCode = procs[rng.IntN(len(procs))]
		ds[i].ReceivedAt = at(2026, time.August, 1+rng.IntN(31), 8+rng.IntN(9), rng.IntN(60))
		switch rng.IntN(20) {
		case 0, 1:
			ds[i].Sync = model.SyncInfo{}
		case 2:
			ds[i].Sync.ErrorCode = "-1"
		case 3:
			ds[i].ReceivedAt = at(2026, time.July, 1+rng.IntN(31), 9, 0)
		}
	}
	return ds
}

// BenchmarkClassifyAdd measures judging one dossier for 1.4 and adding it to an accumulator (a flag path:
// target ≤ 50 ns, 0 allocs), over a pre-generated slice of dossiers of 80 units and 50 procedures:
//
//   - addref: Accumulator.AddRef with the Refs resolved before the loop (ClassifyRef + Add without
//     copying the Verdict): the scorecard's tally path;
//   - ref: ClassifyRef + Add with the Refs resolved before the loop by the Keys given in Options, as the
//     scorecard runs it when it explains lost points (it resolves each dossier once for all six calculators);
//   - classify: Classify + Add with the same Keys, Classify resolving the unit itself;
//   - nokeys: Classify + Add without Options.Keys (units found by id in the accumulator's map).
//
// records=64 keeps the records in cache, as in a decoding pipeline where each record was just read;
// records=4096 (about 4 MB of model.Dossier values) measures cache misses on the record too.
// cpu-ns/record is the process CPU time per record, which stays meaningful when the machine is
// oversubscribed and wall-clock ns/op is not.
func BenchmarkClassifyAdd(b *testing.B) {
	keys := indicator.NewKeys(benchUnits(), benchProcedures())
	for _, mode := range []string{"addref", "ref", "classify", "nokeys"} {
		for _, n := range []int{64, 4096} {
			b.Run(fmt.Sprintf("%s/records=%d", mode, n), func(b *testing.B) {
				c := newCalc(b, func(o *Options) {
					if mode != "nokeys" {
						o.Keys = keys
					}
				})
				ds := benchDossiers(n)
				refs := make([]indicator.Ref, n)
				for i := range ds {
					refs[i] = keys.Ref(ds[i].UnitID, ds[i].ProcedureCode)
				}
				a := c.NewAccumulator()
				for i := range ds {
					a.Add(c.Classify(&ds[i]))
				}
				b.ReportAllocs()
				cpu0 := processCPU()
				switch mode {
				case "addref":
					for i := 0; b.Loop(); i++ {
						j := i & (n - 1)
						a.AddRef(&ds[j], refs[j])
					}
				case "ref":
					for i := 0; b.Loop(); i++ {
						j := i & (n - 1)
						a.Add(c.ClassifyRef(&ds[j], refs[j]))
					}
				default:
					for i := 0; b.Loop(); i++ {
						a.Add(c.Classify(&ds[i&(n-1)]))
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/record")
				b.ReportMetric(float64((processCPU()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/record")
			})
		}
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
