package publication

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/internal/testkit"
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

// BenchmarkAdd measures judging one dossier for 1.4 and counting it (Accumulator.Add; 0 allocs), over a
// pre-generated slice of dossiers of 80 units and 50 procedures:
//
//   - ref: the Case's Ref resolved before the loop by the Keys given in Options, no note: the tally pass;
//   - note: the same with a note (a scorecard that explains lost points);
//   - noref: the zero Ref with the same Keys (Add finds the unit by its id in the Keys);
//   - nokeys: the zero Ref without Options.Keys (units found by id in the accumulator's map).
//
// records=64 keeps the records in cache; records=4096 (about 4 MB of model.Dossier values) measures cache
// misses on the record too. cpu-ns/dossier is the process CPU time per dossier.
func BenchmarkAdd(b *testing.B) {
	keys := indicator.NewKeys(benchUnits(), benchProcedures())
	for _, mode := range []string{"ref", "note", "noref", "nokeys"} {
		for _, n := range []int{64, 4096} {
			b.Run(fmt.Sprintf("%s/records=%d", mode, n), func(b *testing.B) {
				c := newCalc(b, func(o *Options) {
					if mode != "nokeys" {
						o.Keys = keys
					}
				})
				refs := keys
				if mode == "noref" || mode == "nokeys" {
					refs = nil
				}
				testkit.BenchAdd(b, c.NewAccumulator(), benchDossiers(n), refs, mode == "note")
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
