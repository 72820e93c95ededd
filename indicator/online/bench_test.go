package online

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/internal/testkit"
	"github.com/vn-dvc/chiso766/model"
)

// benchSetup builds a province-sized catalogue (100 units × 40 procedures, all online services) and n
// dossiers spread over it, most online, half of the procedures returning a paper result.
func benchSetup(b *testing.B, n int) (*Calculator, []model.Dossier) {
	b.Helper()
	o := Options{Period: aug2026, AsOf: asOf, Policy: indicator.DefaultOnlinePolicy(), Reception: indicator.DefaultReceptionPolicy()}
	for p := range 40 {
		o.Procedures = append(o.Procedures, model.Procedure{Code: fmt.Sprintf("1.%06d", p), PaperResult: p%2 == 0})
	}
	units := make([]string, 100)
	for u := range units {
		units[u] = fmt.Sprintf("H44.%03d", 100+u)
		for p := range 40 {
			o.Offerings = append(o.Offerings, offering(units[u], fmt.Sprintf("1.%06d", p), model.OnlineFull, model.StatePublished))
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
		if rng.IntN(10) == 0 {
			ds[i].Channel = model.NewChannel(model.ChannelDirect)
		}
		if rng.IntN(2) == 0 {
			ds[i].Results = []model.ResultDoc{{Code: "KQ", URL: "https://example.invalid/kq.pdf"}}
		}
	}
	return c, ds
}

// BenchmarkAdd measures Accumulator.Add per dossier (target ≤ 50 ns, 0 allocs) over pre-generated
// dossiers: ref=pass with the Refs of the pass's Keys resolved before the loop and no Note (the scorecard's
// tally pass), ref=none resolving unit and procedure by string, note=on with a Note (the scorecard when it
// explains points). records=64 stay in cache; records=4096 (about 4 MB of model.Dossier) do not.
func BenchmarkAdd(b *testing.B) {
	for _, mode := range []string{"ref=pass", "ref=none", "note=on"} {
		for _, n := range []int{64, 4096} {
			b.Run(fmt.Sprintf("%s/records=%d", mode, n), func(b *testing.B) {
				c, ds := benchSetup(b, n)
				keys := c.keys
				if mode == "ref=none" {
					keys = nil
				}
				testkit.BenchAdd(b, c.NewAccumulator(), ds, keys, mode == "note=on")
			})
		}
	}
}

// BenchmarkResult measures building the Result of a 100-unit × 40-procedure province.
func BenchmarkResult(b *testing.B) {
	c, ds := benchSetup(b, 1<<12)
	a := c.NewAccumulator()
	for i := range ds {
		a.Add(&indicator.Case{Dossier: &ds[i]}, nil)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = a.Result()
	}
}
