package scorecard

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/indicator"
)

// FuzzPlan: for any valid single-metric tally, mode and gain, the planner never fails or panics, and a
// reachable answer is exact: that many records reach the target, one fewer does not.
func FuzzPlan(f *testing.F) {
	f.Add(uint8(indicator.M21), int64(3), int64(4), false, int64(100))
	f.Add(uint8(indicator.M43), int64(1), int64(10), false, int64(175))
	f.Add(uint8(indicator.M36), int64(0), int64(3), true, int64(300))
	f.Add(uint8(indicator.M53), int64(150), int64(200), false, int64(1))
	f.Add(uint8(indicator.M14), int64(0), int64(0), false, int64(600))
	f.Add(uint8(indicator.M31), int64(5), int64(9), true, int64(50))
	e := indicator.Portal()
	f.Fuzz(func(t *testing.T, metric uint8, num, den int64, fix bool, gainCents int64) {
		id := indicator.ID(metric%uint8(indicator.NumIDs-1) + 1)
		if den < 0 || den > 1<<20 || num < 0 || num > den || gainCents < 0 || gainCents > 10000 {
			return
		}
		var tl indicator.Tally
		tl.Counts[id] = indicator.Count{Num: num, Den: den}
		if id == indicator.M50 {
			return // extras constrain 5.0; unscored anyway
		}
		mode := PlanAdd
		if fix {
			mode = PlanFix
		}
		pl, err := PlanGain(e, tl, decimal.New(gainCents, -2), PlanOptions{Mode: mode, Metrics: []indicator.ID{id}, Limit: 1 << 16})
		if err != nil {
			t.Fatalf("valid tally refused: %v", err)
		}
		for _, m := range pl.Metrics {
			total := func(k int64) decimal.Decimal {
				r, err := e.Score(With(tl, id, k, mode))
				if err != nil {
					t.Fatalf("With made an invalid tally: %v", err)
				}
				return r.Total
			}
			if !m.Reachable {
				if total(m.Records).GreaterThanOrEqual(pl.Target) {
					t.Fatalf("%s: unreachable but %d records reach %s", id, m.Records, pl.Target)
				}
				continue
			}
			if total(m.Records).LessThan(pl.Target) {
				t.Fatalf("%s: %d records do not reach %s", id, m.Records, pl.Target)
			}
			if m.Records > 0 && total(m.Records-1).GreaterThanOrEqual(pl.Target) {
				t.Fatalf("%s: %d records are not the fewest", id, m.Records)
			}
		}
	})
}
