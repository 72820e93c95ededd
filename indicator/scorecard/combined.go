package scorecard

import (
	"context"
	"iter"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/indicator"
)

// Step is one metric's part of a combined plan: Records compliant records of Metric (fixes under
// PlanFix), which change the published total by Gain once the steps before it are done.
type Step struct {
	Metric  indicator.ID    `json:"metric"`
	Records int64           `json:"records"`
	Gain    decimal.Decimal `json:"gain"`
}

// Combined is a plan across metrics: Steps in the order they were chosen, Records their sum and Total the
// published total once every step is done. Reachable is false when even every proposable metric at its
// best leaves the total below the target; the steps are then those best moves and Total the most the
// unit can reach that way.
type Combined struct {
	Reachable bool            `json:"reachable"`
	Records   int64           `json:"records"`
	Total     decimal.Decimal `json:"total"`
	Steps     []Step          `json:"steps"`
}

// combine builds the plan across metrics (see PlanTally, Plan.Combined): greedy on points per record.
//
// Each metric m of the single-metric plans has a best move — the fewest records R_m that bring it to its
// best published score, for a gain G_m — and a rate G_m / R_m. The metrics are taken by decreasing rate:
// each is filled to its best, until one can finish, which then takes the fewest records that reach the
// target (an exact search on the published total, as for one metric). A last pass trims every step to the
// fewest records that still reach the target with the other steps as they are.
//
// How far from optimal. For the built-in editions every scored metric's exact score is linear in its
// records up to its cap (P·R or min(P, P·R/t)), so the exact gain of k records is concave in k and taking
// metrics by decreasing rate is the greedy of the fractional covering knapsack, which is optimal for the
// continuous problem. The published total differs from it in two ways: each metric's score is rounded
// half up to the edition's places, and records are whole. Both only move the boundary of the last step
// (and the trimming pass takes back what the rounding of the earlier steps gave for free); the test
// TestCombinedNearOptimal compares the plan with an exhaustive search over every combination of fixes on
// 200 random small tallies of three to four metrics (linear, capped and 3b metrics) and requires it to be
// at most one record above the optimum per step after the first; it is equal to the optimum in all but a
// few of them. Rules that couple metrics — the 3b float pipeline (3.4–3.6
// scored together), 3.3 multiplied by 1.4 under SyncMultiplies33, DocShare52 — are scored exactly in the
// published total, but the greedy order then rests on each metric's gain taken alone. Fixing a record
// may also move another metric (a late dossier fixed for 2.1 is no longer late for 5.3): the plan
// counts each metric's fixes separately, so it can overstate the records needed, never understate them.
//
// Cost: O(metrics × log room) calls of Edition.Score; ctx is checked between metrics.
func combine(ctx context.Context, e indicator.Edition, t indicator.Tally, total, target decimal.Decimal, single []MetricPlan, mode PlanMode, limit int64) (Combined, error) {
	type cand struct {
		id        indicator.ID
		gain      decimal.Decimal
		records   int64
		catalogue int
	}
	var cs []cand
	for i, m := range single {
		if m.Records > 0 && m.Gain.Sign() > 0 {
			cs = append(cs, cand{m.Metric, m.Gain, m.Records, i})
		}
	}
	// Decreasing rate gain/records, compared exactly: g1·r2 > g2·r1.
	sort.SliceStable(cs, func(a, b int) bool {
		x := cs[a].gain.Mul(decimal.NewFromInt(cs[b].records))
		y := cs[b].gain.Mul(decimal.NewFromInt(cs[a].records))
		if c := x.Cmp(y); c != 0 {
			return c > 0
		}
		return cs[a].catalogue < cs[b].catalogue
	})
	score := func(tl indicator.Tally) decimal.Decimal {
		r, err := e.Score(tl)
		if err != nil {
			return decimal.Decimal{} // not expected: With keeps a valid tally valid
		}
		return r.Total
	}
	cur, curTotal := t, total
	var steps []Step
	for _, c := range cs {
		if curTotal.GreaterThanOrEqual(target) {
			break
		}
		if err := ctx.Err(); err != nil {
			return Combined{}, err
		}
		hi := room(cur, c.id, mode, limit)
		at := func(k int64) decimal.Decimal { return score(With(cur, c.id, k, mode)) }
		if k, ok := smallest(at, target, hi); ok {
			steps = append(steps, Step{Metric: c.id, Records: k})
			cur, curTotal = With(cur, c.id, k, mode), at(k)
			break
		}
		best := at(hi)
		if !best.GreaterThan(curTotal) {
			continue
		}
		k, _ := smallest(at, best, hi)
		steps = append(steps, Step{Metric: c.id, Records: k})
		cur, curTotal = With(cur, c.id, k, mode), best
	}
	reached := curTotal.GreaterThanOrEqual(target)
	if reached {
		// Trim: each step to the fewest records that still reach the target, the others as they are.
		for i := range steps {
			others := t
			for j, s := range steps {
				if j != i {
					others = With(others, s.Metric, s.Records, mode)
				}
			}
			at := func(k int64) decimal.Decimal { return score(With(others, steps[i].Metric, k, mode)) }
			if at(0).GreaterThanOrEqual(target) {
				steps[i].Records = 0
			} else if k, ok := smallest(at, target, steps[i].Records); ok {
				steps[i].Records = k
			}
		}
	}
	out := Combined{Reachable: reached, Total: total, Steps: []Step{}}
	cur = t
	for _, s := range steps {
		if s.Records == 0 {
			continue
		}
		cur = With(cur, s.Metric, s.Records, mode)
		next := score(cur)
		s.Gain = next.Sub(out.Total)
		out.Total = next
		out.Records += s.Records
		out.Steps = append(out.Steps, s)
	}
	return out, nil
}

// CombinedPlan is PlanTally's plan across metrics on its own: the greedy plan (see Plan.Combined) towards
// target over every proposable metric, also when one metric alone would do. Errors as PlanTally's.
// Cost: PlanTally's plus O(metrics × log room) calls of Edition.Score.
func CombinedPlan(ctx context.Context, e indicator.Edition, t indicator.Tally, target decimal.Decimal, opt PlanOptions) (Combined, error) {
	pl, err := PlanTallyContext(ctx, e, t, target, opt)
	if err != nil {
		return Combined{}, err
	}
	if pl.Combined != nil {
		return *pl.Combined, nil
	}
	if pl.Total.GreaterThanOrEqual(target) {
		return Combined{Reachable: true, Total: pl.Total, Steps: []Step{}}, nil
	}
	// A metric alone reaches the target: plan across metrics anyway, from the metrics' best moves.
	best := make([]MetricPlan, len(pl.Metrics))
	limit := opt.Limit
	if limit <= 0 {
		limit = DefaultPlanLimit
	}
	base, err := e.Score(t)
	if err != nil {
		return Combined{}, &PlanError{Field: "tally", Err: err}
	}
	for i, m := range pl.Metrics {
		best[i] = planMetric(e, t, base, m.Metric, base.Max.Add(decimal.NewFromInt(1)), opt.Mode, limit) // unreachable target: the best move
	}
	return combine(ctx, e, t, pl.Total, target, best, opt.Mode, limit)
}

// Worklist lists the records to fix for a plan's steps: for each step, in order, the first Records
// failing records of its metric that recs yields (recs is typically Scorer.FailingRecords with
// RecordOptions.Unit set to the planned unit, so that the records are those behind its score). A step
// with fewer failing records than it asks for (counts supplied from outside, such as 1.4's reporting
// denominator, have no record) lists those there are. Errors: the first error recs yields. Memory: the
// records returned (at most the plan's Records); recs is read once and not past the point where every
// step is full.
func Worklist(steps []Step, recs iter.Seq2[FailingRecord, error]) ([]FailingRecord, error) {
	want := map[indicator.ID]int64{}
	var left int64
	for _, s := range steps {
		if s.Records > 0 {
			want[s.Metric] += s.Records
			left += s.Records
		}
	}
	by := map[indicator.ID][]FailingRecord{}
	if left > 0 {
		for r, err := range recs {
			if err != nil {
				return nil, err
			}
			if want[r.Metric] > 0 {
				want[r.Metric]--
				left--
				by[r.Metric] = append(by[r.Metric], r)
				if left == 0 {
					break
				}
			}
		}
	}
	out := []FailingRecord{}
	for _, s := range steps {
		out = append(out, by[s.Metric]...)
		delete(by, s.Metric)
	}
	return out, nil
}
