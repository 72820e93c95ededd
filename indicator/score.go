package indicator

import (
	"github.com/shopspring/decimal"
)

// MetricResult is one metric's outcome. Num and Den are the counts used (for 1.4 Den is the effective
// denominator; for 3.1 under OnlineFullOnly the full-online counts). Ratio is a percent rounded to the
// edition's places from the exact fraction (100 under a full-marks zero rule; for 3.3 under
// SyncMultiplies33 it includes the sync factor). Null means "no score": Score is then 0 and the metric adds
// 0 to its group. Unscored metrics (2.2, 5.0) are always Null with Max 0.
type MetricResult struct {
	ID      ID              `json:"id"`
	Num     int64           `json:"num"`
	Den     int64           `json:"den"`
	Ratio   decimal.Decimal `json:"ratio"`
	Score   decimal.Decimal `json:"score"`
	Max     decimal.Decimal `json:"max"`
	Null    bool            `json:"null"`
	Edition string          `json:"edition"`
}

// GroupResult is a portal group's outcome: Score is the sum of its metrics' rounded scores, Max the sum of
// their maxima, Ratio = Score/Max as a percent (0 when Max is 0) — except that a group with a single scored,
// non-null metric (group 2) shows that metric's ratio, as the portal does. Metrics lists the group's metrics in
// catalogue order, unscored ones included.
type GroupResult struct {
	Group   Group           `json:"group"`
	Score   decimal.Decimal `json:"score"`
	Max     decimal.Decimal `json:"max"`
	Ratio   decimal.Decimal `json:"ratio"`
	Metrics []MetricResult  `json:"metrics"`
}

// Result is a unit's full outcome for one period under one edition, in the portal's six-group layout;
// Decision converts it to the Decision's five groups. Total is the sum of the group scores.
type Result struct {
	Edition string                 `json:"edition"`
	Metrics [NumIDs]MetricResult   `json:"-"`
	Groups  [NumGroups]GroupResult `json:"groups"`
	Total   decimal.Decimal        `json:"total"`
	Max     decimal.Decimal        `json:"max"`
	// AvgProcessingDays is metric 2.2: ProcessingSeconds / 86400 / Counts[M22].Den, rounded to the
	// edition's places (0 when no dossier finished; see Metrics[M22].Null).
	AvgProcessingDays decimal.Decimal `json:"avgProcessingDays"`
}

// Metric returns the result of metric id (zero value for an invalid id). Cost: O(1).
func (r *Result) Metric(id ID) MetricResult {
	if !id.Valid() {
		return MetricResult{}
	}
	return r.Metrics[id]
}

// Group returns the result of portal group g (zero value for an invalid group). Cost: O(1).
func (r *Result) Group(g Group) GroupResult {
	if !g.Valid() {
		return GroupResult{}
	}
	return r.Groups[g-1]
}

// DecisionGroupResult is a group of the Decision's five-group layout.
type DecisionGroupResult struct {
	Group DecisionGroup   `json:"group"`
	Score decimal.Decimal `json:"score"`
	Max   decimal.Decimal `json:"max"`
	Ratio decimal.Decimal `json:"ratio"`
	Parts []Group         `json:"parts"` // the portal groups summed (3a and 3b for D3)
}

// DecisionResult is a Result in the Decision's five-group layout (18/20/22/22/18).
type DecisionResult struct {
	Edition string                                 `json:"edition"`
	Groups  [NumDecisionGroups]DecisionGroupResult `json:"groups"`
	Total   decimal.Decimal                        `json:"total"`
	Max     decimal.Decimal                        `json:"max"`
}

// Decision regroups the result into the Decision's five groups: D3 = 3a + 3b (sum of their rounded
// scores), the others unchanged; the ratio uses 2 decimals, half up. Cost: O(groups), small allocations.
func (r Result) Decision() DecisionResult {
	out := DecisionResult{Edition: r.Edition, Total: r.Total, Max: r.Max}
	for d := D1; d <= D5; d++ {
		g := DecisionGroupResult{Group: d, Parts: d.Groups()}
		for _, pg := range g.Parts {
			gr := r.Groups[pg-1]
			g.Score = g.Score.Add(gr.Score)
			g.Max = g.Max.Add(gr.Max)
		}
		g.Ratio = percentOf(g.Score, g.Max, 2, RoundHalfUp)
		out.Groups[d-1] = g
	}
	return out
}

var (
	hundred       = decimal.NewFromInt(100)
	secondsPerDay = decimal.NewFromInt(86400)
)

// roundFrac rounds the exact fraction num/den (den > 0) to places with mode, using DivRound or QuoRem at
// an explicit scale — never Div.
func roundFrac(num, den decimal.Decimal, places int32, mode Rounding) decimal.Decimal {
	switch mode {
	case RoundDown:
		q, _ := num.QuoRem(den, places)
		return q
	case RoundHalfEven:
		q, r := num.QuoRem(den, places)
		c := r.Abs().Mul(decimal.NewFromInt(2)).Shift(places).Cmp(den.Abs())
		ulp := decimal.New(1, -places)
		if num.Sign()*den.Sign() < 0 {
			ulp = ulp.Neg()
		}
		if c > 0 || (c == 0 && q.Shift(places).BigInt().Bit(0) == 1) {
			return q.Add(ulp)
		}
		return q
	default:
		return num.DivRound(den, places)
	}
}

// roundDecimal rounds an exact decimal to places with mode.
func roundDecimal(d decimal.Decimal, places int32, mode Rounding) decimal.Decimal {
	return roundFrac(d, decimal.NewFromInt(1), places, mode)
}

func percentOf(score, max decimal.Decimal, places int32, mode Rounding) decimal.Decimal {
	if max.Sign() <= 0 {
		return decimal.Zero
	}
	return roundFrac(score.Mul(hundred), max, places, mode)
}

// ScoreMetric scores one metric from its count under the edition's rule for id, applying the zero rule,
// the payment pipeline for 3.4–3.6 and the edition's rounding. It does not apply the rules that need other
// metrics' counts (1.4's external denominator, 3.1 under OnlineFullOnly, 3.3's sync factor,
// DocShare52): Score does. It never panics: an invalid id gives a zero, Null result; an invalid count
// (negative, or Num > Den) is clamped into range — call Tally.Validate or Score to get an error instead.
// Cost: a few decimal operations, allocates.
func (e Edition) ScoreMetric(id ID, c Count) MetricResult {
	if !id.Valid() {
		return MetricResult{ID: id, Null: true, Edition: e.Name}
	}
	return e.scoreRule(id, e.Rules[id], c)
}

// scoreRule scores count c with rule r: clamps, unscored and zero-data handling, then scoreExact.
func (e Edition) scoreRule(id ID, r Rule, c Count) MetricResult {
	if c.Den < 0 {
		c.Den = 0
	}
	if c.Num < 0 {
		c.Num = 0
	}
	if c.Num > c.Den {
		c.Num = c.Den
	}
	res := MetricResult{ID: id, Num: c.Num, Den: c.Den, Edition: e.Name}
	if r.Kind == Unscored || r.Kind > CappedTarget {
		res.Null = true
		if c.Den > 0 {
			res.Ratio = roundFrac(decimal.NewFromInt(c.Num).Mul(hundred), decimal.NewFromInt(c.Den), e.Places, e.Rounding)
		}
		return res
	}
	if r.Max.Sign() < 0 {
		r.Max = decimal.Zero
	}
	res.Max = r.Max
	if c.Den == 0 {
		switch r.Zero {
		case ZeroFull:
			res.Ratio = hundred
			res.Score = roundDecimal(r.Max, e.Places, e.Rounding)
		case ZeroFullRatio0:
			res.Score = roundDecimal(r.Max, e.Places, e.Rounding)
		case ZeroZero:
		default:
			res.Null = true
		}
		return res
	}
	e.scoreExact(&res, r, decimal.NewFromInt(c.Num), decimal.NewFromInt(c.Den))
	return res
}

// scoreExact sets res.Ratio and res.Score from the exact ratio num/den (0 ≤ num, 0 < den; num ≤ den is
// not required: the score is capped at Max either way).
func (e Edition) scoreExact(res *MetricResult, r Rule, num, den decimal.Decimal) {
	res.Ratio = roundFrac(num.Mul(hundred), den, e.Places, e.Rounding)
	if e.Payment == PaymentPortalFloat && res.ID >= M34 && res.ID <= M36 {
		res.Score = portalPaymentPart(r, res.Ratio, e.Places, e.Rounding)
		return
	}
	sNum, sDen := r.Max.Mul(num), den
	if r.Kind == CappedTarget && r.Target.Sign() > 0 {
		sDen = den.Mul(r.Target)
	}
	if limit := r.Max.Mul(sDen); sNum.Cmp(limit) > 0 {
		sNum = limit
	}
	res.Score = roundFrac(sNum, sDen, e.Places, e.Rounding)
}

// Score validates the tally and the edition and scores every metric, group and the total: metric scores
// from exact fractions rounded once, group score = sum of the rounded metric scores, total = sum of the
// groups. Errors: *CountError from Tally.Validate (ErrNegative, ErrNumExceedsDen, and ErrOverflow for a
// count above MaxCount or processing seconds beyond MaxDossierSeconds per finished dossier) and
// *RuleError from Edition.Validate (ErrBadRule). It never panics, whatever the Tally holds. Cost: O(number
// of metrics) decimal operations, a few dozen allocations.
func (e Edition) Score(t Tally) (Result, error) {
	if err := t.Validate(); err != nil {
		return Result{}, err
	}
	if err := e.Validate(); err != nil {
		return Result{}, err
	}
	res := Result{Edition: e.Name}
	rules := e.Rules
	share52 := e.DocShare52 && t.Counts[M52].Den == 0 && rules[M52].Kind != Unscored
	if share52 {
		// Half each, at the edition's places: 5.1 gets the half rounded down, 5.3 the rest, so the group
		// maximum is unchanged and both maxima stay representable.
		to51 := roundFrac(rules[M52].Max, decimal.NewFromInt(2), e.Places, RoundDown)
		rules[M51].Max = rules[M51].Max.Add(to51)
		rules[M53].Max = rules[M53].Max.Add(rules[M52].Max.Sub(to51))
	}
	syncCount := t.Counts[M14]
	if t.SyncReportDen > syncCount.Den {
		syncCount.Den = t.SyncReportDen
	}
	for id := M11; id <= M53; id++ {
		c := t.Counts[id]
		var mr MetricResult
		switch {
		case id == M14:
			mr = e.scoreRule(id, rules[id], syncCount)
		case id == M31 && e.Online == OnlineFullOnly:
			mr = e.scoreRule(id, rules[id], Count{Num: t.FullOnline, Den: t.FullOnlineEligible})
		case id == M33 && e.SyncMultiplies33 && syncCount.Den > 0 && c.Den > 0:
			// R3 · R14 = (n33·n14) / (d33·d14), exactly.
			mr = e.scoreRule(id, rules[id], c)
			if !mr.Null && rules[id].Kind != Unscored {
				n := decimal.NewFromInt(mr.Num).Mul(decimal.NewFromInt(syncCount.Num))
				d := decimal.NewFromInt(mr.Den).Mul(decimal.NewFromInt(syncCount.Den))
				e.scoreExact(&mr, rules[id], n, d)
			}
		case id == M52 && share52:
			mr = MetricResult{ID: id, Num: c.Num, Den: c.Den, Null: true, Edition: e.Name}
		default:
			mr = e.scoreRule(id, rules[id], c)
		}
		res.Metrics[id] = mr
	}
	if d := t.Counts[M22].Den; d > 0 {
		// Den·86400 is formed in decimals: in int64 it wraps for Den ≥ 2^47 (Den ≤ MaxCount here).
		res.AvgProcessingDays = roundFrac(decimal.NewFromInt(t.ProcessingSeconds), decimal.NewFromInt(d).Mul(secondsPerDay), e.Places, e.Rounding)
	}
	for g := G1; g <= G5; g++ {
		gr := GroupResult{Group: g}
		for id := M11; id <= M53; id++ {
			if id.Group() != g {
				continue
			}
			mr := res.Metrics[id]
			gr.Metrics = append(gr.Metrics, mr)
			gr.Score = gr.Score.Add(mr.Score)
			gr.Max = gr.Max.Add(mr.Max)
		}
		gr.Ratio = percentOf(gr.Score, gr.Max, e.Places, e.Rounding)
		if only, ok := singleScored(gr.Metrics); ok && !only.Null {
			// [Portal] a group with one scored metric (group 2) publishes that metric's ratio, not
			// score/max: 18.61 of 20 is shown as 93.06 %, the exact on-time share.
			gr.Ratio = only.Ratio
		}
		res.Groups[g-1] = gr
		res.Total = res.Total.Add(gr.Score)
		res.Max = res.Max.Add(gr.Max)
	}
	return res, nil
}

// singleScored returns the only metric with a positive maximum, if there is exactly one.
func singleScored(ms []MetricResult) (MetricResult, bool) {
	var only MetricResult
	n := 0
	for _, m := range ms {
		if m.Max.Sign() > 0 {
			only = m
			n++
		}
	}
	return only, n == 1
}
