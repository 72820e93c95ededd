package scorecard

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/indicator"
)

// PlanMode says what "one more compliant record" means to the what-if planner.
type PlanMode uint8

const (
	// PlanFix (default): an existing record in the denominator becomes compliant — the numerator grows by
	// one, the denominator stays (e.g. a late dossier that would have been on time). At most Den − Num
	// records, the records a unit can actually fix (they are FailingRecords).
	PlanFix PlanMode = iota
	// PlanAdd: a new compliant record joins the metric — numerator and denominator both grow by one (e.g.
	// one more dossier received and resolved on time). The shortfall stays; its weight shrinks.
	PlanAdd
)

// String returns "fix" or "add".
func (m PlanMode) String() string {
	if m == PlanAdd {
		return "add"
	}
	return "fix"
}

// MarshalText encodes the mode as String does, so that JSON shows "fix" or "add".
func (m PlanMode) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText reads "fix" or "add" (MarshalText's encoding); anything else is an error.
func (m *PlanMode) UnmarshalText(b []byte) error {
	switch string(b) {
	case "fix":
		*m = PlanFix
	case "add":
		*m = PlanAdd
	default:
		return fmt.Errorf("scorecard: unknown plan mode %q (fix or add)", b)
	}
	return nil
}

// DefaultPlanLimit bounds the number of records the planner considers per metric under PlanAdd (about
// 4.3 billion: far more records than a province handles in a year).
const DefaultPlanLimit int64 = 1 << 32

// PlanOptions configures the what-if planner. The zero value plans with PlanFix over every scored
// metric.
type PlanOptions struct {
	Mode PlanMode
	// Metrics restricts the plan to these metrics (nil: every scored metric of the edition).
	Metrics []indicator.ID
	// Limit is the largest number of records considered per metric (0: DefaultPlanLimit). Under PlanAdd
	// the planner also stops where a count would pass indicator.MaxCount.
	Limit int64
}

// ErrPlan is matched (errors.Is) by the errors of the planner: an invalid tally or edition, or an
// invalid target.
var ErrPlan = errors.New("scorecard: cannot plan")

// PlanError reports why a plan could not be made; Err is the tally's *indicator.CountError, the
// edition's *indicator.RuleError, or a description of a bad argument.
type PlanError struct {
	Field string // "tally", "edition", "target", "gain", "unit"
	Err   error
}

// Error names the field and the cause.
func (e *PlanError) Error() string { return "scorecard: plan: " + e.Field + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *PlanError) Unwrap() error { return e.Err }

// Is reports whether target is ErrPlan.
func (e *PlanError) Is(target error) bool { return target == ErrPlan }

// MetricPlan is what one metric can do for a unit's total, the other metrics' counts unchanged.
type MetricPlan struct {
	Metric indicator.ID `json:"metric"`
	// Score and Max are the metric's current published score and maximum.
	Score decimal.Decimal `json:"score"`
	Max   decimal.Decimal `json:"max"`
	// NextRecord is the change of the published total brought by one more compliant record (it may be 0:
	// the total is rounded per metric to the edition's places, and a capped metric at its cap gains
	// nothing).
	NextRecord decimal.Decimal `json:"nextRecord"`
	// Reachable reports whether the target total can be reached through this metric alone within the
	// limit; Records is then the fewest compliant records that reach it (0 when the total already does)
	// and Gain the total's change with them. When not reachable, Records is the records that would bring
	// the metric to its best score within the limit and Gain that best change.
	Reachable bool            `json:"reachable"`
	Records   int64           `json:"records"`
	Gain      decimal.Decimal `json:"gain"`
	// PerRecord is Gain / Records (0 when Records is 0), rounded half up to 4 decimals.
	PerRecord decimal.Decimal `json:"perRecord"`
}

// Plan is a what-if answer for one unit's tally: every metric's plan towards Target, the reachable ones
// ranked from the cheapest (fewest records; ties: larger gain, then catalogue order) and, when no metric
// alone reaches the target, a combined plan across metrics. JSON keys are camelCase; empty lists are [].
type Plan struct {
	Edition  string          `json:"edition"`
	Mode     PlanMode        `json:"mode"`
	Total    decimal.Decimal `json:"total"` // the current published total
	Target   decimal.Decimal `json:"target"`
	Metrics  []MetricPlan    `json:"metrics"`  // catalogue order; metrics null or unscored for the unit are left out
	Cheapest []MetricPlan    `json:"cheapest"` // reachable only, cheapest first
	// Combined is the plan across metrics (greedy on points per record, see CombinedPlan) whenever the
	// target is above the total: the answer when no metric alone reaches the target, and sometimes
	// cheaper than the cheapest single metric even when one does (compare Combined.Records with
	// Cheapest[0].Records); nil when the total already reaches the target.
	Combined *Combined `json:"combined"`
}

// PlanTally answers the what-if question from a tally alone: for each scored metric, the points one more
// compliant record brings to the total, and the fewest compliant records needed for the total to reach
// target through that metric alone, respecting the edition's caps, thresholds, rounding, zero rules and
// the 3b pipeline (every candidate is scored with Edition.Score: exact arithmetic, no approximation). The
// search is exponential then binary over the number of records, which is exact because every metric's
// published score is non-decreasing in the number of compliant records — with one exception: under
// Edition.DocShare52 (the formula document) the first petition of 5.2 moves points back from 5.1 and 5.3,
// so the total is not monotone in 5.2's records; the answer for 5.2 then reaches the target but may not
// be the fewest records. Metrics that are null for the unit (no data under a null zero rule, e.g. 1.1 for a
// department, announced at province level) or unscored are never proposed. Plan.Combined holds the plan
// across metrics (CombinedPlan) whenever the total is below the target. Errors: *PlanError
// (ErrPlan) wrapping the tally's or the edition's validation error (indicator.ErrOverflow for a count above
// indicator.MaxCount), or a target above the unit's maximum (Field "target"); it never panics. Cost: O(metrics ×
// log room) calls of Edition.Score for the single-metric plans (room: the shortfall under PlanFix, Limit
// under PlanAdd), and as many again for the combined plan when the target is above the total — up to a
// few thousand calls with every metric (BenchmarkPlan, BenchmarkCombinedPlan); restrict
// PlanOptions.Metrics or Limit for interactive use, or use PlanTallyContext.
func PlanTally(e indicator.Edition, t indicator.Tally, target decimal.Decimal, opt PlanOptions) (Plan, error) {
	return PlanTallyContext(context.Background(), e, t, target, opt)
}

// PlanTallyContext is PlanTally that stops between metrics once ctx is done, returning ctx's error (a
// server's request that was given up stops costing CPU after at most one metric's search).
func PlanTallyContext(ctx context.Context, e indicator.Edition, t indicator.Tally, target decimal.Decimal, opt PlanOptions) (Plan, error) {
	base, err := e.Score(t)
	if err != nil {
		field := "tally"
		var re *indicator.RuleError
		if errors.As(err, &re) {
			field = "edition"
		}
		return Plan{}, &PlanError{Field: field, Err: err}
	}
	if target.GreaterThan(base.Max) {
		return Plan{}, &PlanError{Field: "target", Err: fmt.Errorf("%s is above the maximum %s", target.String(), base.Max.String())}
	}
	limit := opt.Limit
	if limit <= 0 {
		limit = DefaultPlanLimit
	}
	ids := opt.Metrics
	if ids == nil {
		ids = indicator.IDs()
	}
	pl := Plan{Edition: e.Name, Mode: opt.Mode, Total: base.Total, Target: target, Metrics: []MetricPlan{}, Cheapest: []MetricPlan{}}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return Plan{}, err
		}
		if !proposable(e, base, id) {
			continue
		}
		pl.Metrics = append(pl.Metrics, planMetric(e, t, base, id, target, opt.Mode, limit))
	}
	for _, m := range pl.Metrics {
		if m.Reachable {
			pl.Cheapest = append(pl.Cheapest, m)
		}
	}
	sort.SliceStable(pl.Cheapest, func(a, b int) bool {
		x, y := pl.Cheapest[a], pl.Cheapest[b]
		if x.Records != y.Records {
			return x.Records < y.Records
		}
		return x.Gain.GreaterThan(y.Gain)
	})
	if base.Total.LessThan(target) {
		c, err := combine(ctx, e, t, base.Total, target, pl.Metrics, opt.Mode, limit)
		if err != nil {
			return Plan{}, err
		}
		pl.Combined = &c
	}
	return pl, nil
}

// proposable reports whether the planner may propose metric id for a unit scored base: a valid, scored
// metric whose result is not null (a null metric has no data for the unit, or is not computed at its
// level).
func proposable(e indicator.Edition, base indicator.Result, id indicator.ID) bool {
	if !id.Valid() || e.Rules[id].Kind == indicator.Unscored {
		return false
	}
	return !base.Metric(id).Null
}

// PlanGain is PlanTally with target = the current total + gain: the cheapest ways to gain that many
// points. gain must not be negative, nor take the total above the maximum (*PlanError).
func PlanGain(e indicator.Edition, t indicator.Tally, gain decimal.Decimal, opt PlanOptions) (Plan, error) {
	if gain.Sign() < 0 {
		return Plan{}, &PlanError{Field: "gain", Err: errors.New("negative")}
	}
	r, err := e.Score(t)
	if err != nil {
		return Plan{}, &PlanError{Field: "tally", Err: err}
	}
	return PlanTally(e, t, r.Total.Add(gain), opt)
}

// With returns t with k more compliant records of metric id under mode (see PlanMode): the tally the
// planner scores. Under PlanFix k is clamped to Den − Num. For 3.1 the records are procedures offered
// fully online (FullOnline, and FullOnlineEligible under PlanAdd, grow too). With does not check
// indicator.MaxCount: a large k under PlanAdd can give a tally that Validate refuses. Cost: O(1).
func With(t indicator.Tally, id indicator.ID, k int64, mode PlanMode) indicator.Tally {
	if !id.Valid() || k <= 0 {
		return t
	}
	c := &t.Counts[id]
	if mode == PlanFix {
		if room := c.Den - c.Num; k > room {
			k = room
		}
		c.Num += k
		if id == indicator.M31 {
			t.FullOnline += k
		}
		return t
	}
	c.Num += k
	c.Den += k
	if id == indicator.M31 {
		t.FullOnline += k
		t.FullOnlineEligible += k
	}
	return t
}

func planMetric(e indicator.Edition, t indicator.Tally, base indicator.Result, id indicator.ID, target decimal.Decimal, mode PlanMode, limit int64) MetricPlan {
	mr := base.Metric(id)
	mp := MetricPlan{Metric: id, Score: mr.Score, Max: mr.Max}
	total := func(k int64) decimal.Decimal {
		r, err := e.Score(With(t, id, k, mode))
		if err != nil {
			return base.Total // not expected: With keeps a valid tally valid
		}
		return r.Total
	}
	hi := room(t, id, mode, limit)
	if hi >= 1 {
		mp.NextRecord = total(1).Sub(base.Total)
	}
	if base.Total.GreaterThanOrEqual(target) {
		mp.Reachable = true
		return mp
	}
	if k, ok := smallest(total, target, hi); ok {
		mp.Reachable = true
		mp.Records = k
		mp.Gain = total(k).Sub(base.Total)
		mp.PerRecord = mp.Gain.DivRound(decimal.NewFromInt(k), 4)
		return mp
	}
	// Unreachable: report the fewest records that give the metric's best total within the limit.
	if hi >= 1 {
		if best := total(hi); best.GreaterThan(base.Total) {
			k, _ := smallest(total, best, hi)
			mp.Records = k
			mp.Gain = best.Sub(base.Total)
			mp.PerRecord = mp.Gain.DivRound(decimal.NewFromInt(k), 4)
		}
	}
	return mp
}

// room is the largest number of records the planner considers for metric id of t: the shortfall Den − Num
// under PlanFix, else limit bounded by addRoom.
func room(t indicator.Tally, id indicator.ID, mode PlanMode, limit int64) int64 {
	if mode == PlanFix {
		return max(t.Counts[id].Den-t.Counts[id].Num, 0)
	}
	return min(limit, addRoom(t, id))
}

// addRoom is the largest k for which With(t, id, k, PlanAdd) keeps every count within indicator.MaxCount
// (a valid t stays valid): a larger tally would be refused by Edition.Score.
func addRoom(t indicator.Tally, id indicator.ID) int64 {
	top := t.Counts[id].Den // ≥ Num, and ≥ FullOnline for 3.1
	if id == indicator.M31 {
		top = max(top, t.FullOnlineEligible)
	}
	return max(indicator.MaxCount-top, 0)
}

// smallest returns the smallest k in 1..hi with total(k) ≥ target, given total(0) < target and total
// non-decreasing: an exponential search for a bracket, then a binary search. ok is false when even
// total(hi) falls short. Cost: O(log hi) calls of total.
func smallest(total func(int64) decimal.Decimal, target decimal.Decimal, hi int64) (int64, bool) {
	lo := int64(0) // total(lo) < target
	k := int64(1)
	for {
		if k > hi {
			return 0, false
		}
		if total(k).GreaterThanOrEqual(target) {
			break
		}
		lo = k
		if k == hi {
			return 0, false
		}
		if k > hi/2 {
			k = hi
		} else {
			k *= 2
		}
	}
	for k-lo > 1 { // invariant: total(lo) < target ≤ total(k)
		mid := lo + (k-lo)/2
		if total(mid).GreaterThanOrEqual(target) {
			k = mid
		} else {
			lo = mid
		}
	}
	return k, true
}

// Plan answers the what-if question for one unit of the card from its pooled counts (the counts behind
// its published score); metrics carried down to the unit from a higher level (1.2, 1.3 for a department
// or commune) are not proposed. Errors: *PlanError for an unknown unit, else PlanTally's. Cost: PlanTally's.
func (c *Card) Plan(e indicator.Edition, unit string, target decimal.Decimal, opt PlanOptions) (Plan, error) {
	if _, ok := c.index[unit]; !ok || c.Tree == nil {
		return Plan{}, &PlanError{Field: "unit", Err: errors.New("unknown unit " + unit)}
	}
	return PlanTally(e, c.Tree.Pooled(unit), target, c.ownMetrics(unit, opt))
}

// ownMetrics restricts opt.Metrics to the metrics unit can act on: a metric computed at a higher level and
// carried down to it (indicator.PoolCarryDown: 1.2 and 1.3 for a department or a commune, whose
// procedures the province publishes) is shown in its score but cannot be moved by its own records.
func (c *Card) ownMetrics(unit string, opt PlanOptions) PlanOptions {
	n, ok := c.Tree.Unit(unit)
	if !ok {
		return opt
	}
	agg := c.Tree.Aggregation()
	for _, k := range agg.ComputingKinds {
		if n.Kind == k || n.Parent == "" {
			return opt
		}
	}
	ids := opt.Metrics
	if ids == nil {
		ids = indicator.IDs()
	}
	var keep []indicator.ID
	for _, id := range ids {
		if id.Valid() && agg.Modes[id] != indicator.PoolCarryDown {
			keep = append(keep, id)
		}
	}
	if keep == nil {
		keep = []indicator.ID{}
	}
	opt.Metrics = keep
	return opt
}

// PlanGain is Card.Plan with target = the unit's published total + gain: the cheapest ways for the unit
// to gain that many points. Errors: as Card.Plan and PlanGain.
func (c *Card) PlanGain(e indicator.Edition, unit string, gain decimal.Decimal, opt PlanOptions) (Plan, error) {
	if _, ok := c.index[unit]; !ok || c.Tree == nil {
		return Plan{}, &PlanError{Field: "unit", Err: errors.New("unknown unit " + unit)}
	}
	return PlanGain(e, c.Tree.Pooled(unit), gain, c.ownMetrics(unit, opt))
}
