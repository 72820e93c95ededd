package scorecard

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
)

func tallyOf(counts map[indicator.ID][2]int64) indicator.Tally {
	var t indicator.Tally
	for id, c := range counts {
		t.Counts[id] = indicator.Count{Num: c[0], Den: c[1]}
	}
	return t
}

func findPlan(t *testing.T, pl Plan, id indicator.ID) MetricPlan {
	t.Helper()
	for _, m := range pl.Metrics {
		if m.Metric == id {
			return m
		}
	}
	t.Fatalf("no plan for %s", id)
	return MetricPlan{}
}

// TestPlanRules: one case per scoring shape; each answer is checked by re-scoring the tally with exactly
// that many compliant records (reaches the target) and one fewer (does not).
func TestPlanRules(t *testing.T) {
	portal := indicator.Portal()
	doc := indicator.Document()
	cases := []struct {
		name    string
		e       indicator.Edition
		t       indicator.Tally
		metric  indicator.ID
		gain    string
		mode    PlanMode
		records int64
		reach   bool
	}{
		// 2.1 linear 20·R: 3/4 → 15; +1 point needs 16 → 4/5: one new on-time dossier.
		{"linear add (2.1 P·R)", portal, tallyOf(map[indicator.ID][2]int64{indicator.M21: {3, 4}}), indicator.M21, "1", PlanAdd, 1, true},
		// 2.1 900/1000 → 18.00; +1 → a published 19.00, i.e. 20·R ≥ 18.995 (half up):
		// (900+k)/(1000+k) ≥ 0.94975 → k ≥ 990.05 → 991 (not the 1000 an unrounded 19 would need).
		{"linear add, many records, rounding", portal, tallyOf(map[indicator.ID][2]int64{indicator.M21: {900, 1000}}), indicator.M21, "1", PlanAdd, 991, true},
		// Fixing late dossiers instead: 20·(900+k)/1000 ≥ 18.995 → k ≥ 49.75 → 50 fixes.
		{"linear fix (2.1)", portal, tallyOf(map[indicator.ID][2]int64{indicator.M21: {900, 1000}}), indicator.M21, "1", PlanFix, 50, true},
		// Fix mode cannot exceed the shortfall: 2.1 at 3/4 can gain at most 5 points.
		{"fix bounded by the shortfall", portal, tallyOf(map[indicator.ID][2]int64{indicator.M21: {3, 4}}), indicator.M21, "6", PlanFix, 1, false},
		// 4.3 capped min(2, 2·R/0.8): 1/10 → 0.25; +1.75 → full marks at R ≥ 0.8: (1+k)/(10+k) ≥ 0.8 → k ≥ 35.
		{"capped target (4.3 min(P, P·R/0.8))", portal, tallyOf(map[indicator.ID][2]int64{indicator.M43: {1, 10}}), indicator.M43, "1.75", PlanAdd, 35, true},
		// Beyond the cap nothing is reachable: 4.3 can give at most 1.75 more.
		{"cap respected", portal, tallyOf(map[indicator.ID][2]int64{indicator.M43: {1, 10}}), indicator.M43, "1.76", PlanAdd, 35, false},
		// 5.3 min(6, 6·R/0.9): 0/2 → 0; +3 → R ≥ 0.45: k/(2+k) ≥ 0.45 → k ≥ 1.64 → 2.
		{"threshold 0.9 (5.3)", portal, tallyOf(map[indicator.ID][2]int64{indicator.M53: {0, 2}}), indicator.M53, "3", PlanAdd, 2, true},
		// 3.6 through the portal's float pipeline: 0/3 → 0; +3 → pA ≥ 50 %: k/(3+k) ≥ 0.5 → k = 3.
		{"payment pipeline (3.6)", portal, tallyOf(map[indicator.ID][2]int64{indicator.M36: {0, 3}, indicator.M34: {1, 1}, indicator.M35: {1, 1}}), indicator.M36, "3", PlanAdd, 3, true},
		// 3.4 capped at 80 % inside the composite: 0/5 → 0; +2 → 4/5: four procedures fixed.
		{"payment composite cap (3.4)", portal, tallyOf(map[indicator.ID][2]int64{indicator.M34: {0, 5}}), indicator.M34, "2", PlanFix, 4, true},
		// 4.2 is capped at 80 % in the document edition only: 0/10 → 0; +4 → k ≥ 8 fixes.
		{"document edition 4.2 cap", doc, tallyOf(map[indicator.ID][2]int64{indicator.M42: {0, 10}}), indicator.M42, "4", PlanFix, 8, true},
		{"portal edition 4.2 no cap", portal, tallyOf(map[indicator.ID][2]int64{indicator.M42: {0, 10}}), indicator.M42, "4", PlanFix, 10, true},
		// Already at the target: 0 records.
		{"already reached", portal, tallyOf(map[indicator.ID][2]int64{indicator.M21: {4, 4}}), indicator.M21, "0", PlanAdd, 0, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pl, err := PlanGain(tc.e, tc.t, decOf(tc.gain), PlanOptions{Mode: tc.mode, Metrics: []indicator.ID{tc.metric}})
			require.NoError(t, err)
			m := findPlan(t, pl, tc.metric)
			assert.Equal(t, tc.reach, m.Reachable)
			assert.Equal(t, tc.records, m.Records)
			score := func(k int64) decimal.Decimal {
				r, err := tc.e.Score(With(tc.t, tc.metric, k, tc.mode))
				require.NoError(t, err)
				return r.Total
			}
			if tc.reach {
				assert.True(t, score(m.Records).GreaterThanOrEqual(pl.Target), "k records reach the target")
				if m.Records > 0 {
					assert.True(t, score(m.Records-1).LessThan(pl.Target), "k−1 records do not")
				}
				assert.True(t, m.Gain.Equal(score(m.Records).Sub(pl.Total)))
			} else {
				assert.True(t, score(m.Records).LessThan(pl.Target))
			}
		})
	}
}

// TestPlanProperty: for varied tallies and every scored metric, a reachable answer is minimal.
func TestPlanProperty(t *testing.T) {
	e := indicator.Portal()
	n := 12
	if testing.Short() {
		n = 4
	}
	for i := range n {
		var tl indicator.Tally
		for _, id := range indicator.IDs() {
			den := int64((i*7+int(id)*13)%50 + 1)
			tl.Counts[id] = indicator.Count{Num: den * int64((i+int(id))%5) / 5, Den: den}
		}
		tl.Counts[indicator.M50] = indicator.Count{}
		tl.Counts[indicator.M22] = indicator.Count{}
		tl.PartialOnline = tl.Counts[indicator.M31].Num
		require.NoError(t, tl.Validate())
		for _, mode := range []PlanMode{PlanAdd, PlanFix} {
			pl, err := PlanGain(e, tl, decOf("0.5"), PlanOptions{Mode: mode, Limit: 1 << 20})
			require.NoError(t, err)
			for _, m := range pl.Metrics {
				if !m.Reachable || m.Records == 0 {
					continue
				}
				r, err := e.Score(With(tl, m.Metric, m.Records, mode))
				require.NoError(t, err)
				assert.True(t, r.Total.GreaterThanOrEqual(pl.Target), "%d %s %s", i, m.Metric, mode)
				r, err = e.Score(With(tl, m.Metric, m.Records-1, mode))
				require.NoError(t, err)
				assert.True(t, r.Total.LessThan(pl.Target), "%d %s %s minimal", i, m.Metric, mode)
			}
			for j := 1; j < len(pl.Cheapest); j++ {
				assert.LessOrEqual(t, pl.Cheapest[j-1].Records, pl.Cheapest[j].Records)
			}
		}
	}
}

func TestPlanErrors(t *testing.T) {
	bad := tallyOf(map[indicator.ID][2]int64{indicator.M21: {5, 4}})
	_, err := PlanTally(indicator.Portal(), bad, decOf("50"), PlanOptions{})
	assert.ErrorIs(t, err, ErrPlan)
	assert.ErrorIs(t, err, indicator.ErrNumExceedsDen)
	var pe *PlanError
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "tally", pe.Field)

	e := indicator.Portal()
	e.Rules[indicator.M43].Target = decimal.Zero
	_, err = PlanTally(e, indicator.Tally{}, decOf("50"), PlanOptions{})
	assert.ErrorIs(t, err, indicator.ErrBadRule)
	require.ErrorAs(t, err, &pe)
	assert.Equal(t, "edition", pe.Field)

	_, err = PlanGain(indicator.Portal(), indicator.Tally{}, decOf("-1"), PlanOptions{})
	assert.ErrorIs(t, err, ErrPlan)

	s := mustScorer(t, testInputs(), testOptions())
	c := mustRun(t, s, testDossiers())
	_, err = c.Plan(s.Edition(), "nope", decOf("1"), PlanOptions{})
	assert.ErrorIs(t, err, ErrPlan)
}

// TestPlanCountLimits (issue 14): a tally whose 2.2 denominator is 2^57 made PlanTally and PlanGain panic
// ("decimal division by 0" in 2.2's average); it is now refused as a *PlanError matching
// indicator.ErrOverflow. Near indicator.MaxCount the planner never scores a tally beyond it: the records it
// considers stop at the limit, and every answer re-scores.
func TestPlanCountLimits(t *testing.T) {
	e := indicator.Portal()
	huge := tallyOf(map[indicator.ID][2]int64{indicator.M21: {1, 2}})
	huge.Counts[indicator.M22].Den = 1 << 57
	for _, plan := range []func() (Plan, error){
		func() (Plan, error) { return PlanTally(e, huge, decOf("100"), PlanOptions{}) },
		func() (Plan, error) { return PlanGain(e, huge, decOf("1"), PlanOptions{}) },
	} {
		_, err := plan()
		assert.ErrorIs(t, err, ErrPlan)
		assert.ErrorIs(t, err, indicator.ErrOverflow)
	}

	tests := []struct {
		name   string
		t      indicator.Tally
		metric indicator.ID
		room   int64 // records the planner may add before a count passes MaxCount
	}{
		{"2.1 three below the limit", tallyOf(map[indicator.ID][2]int64{indicator.M21: {0, indicator.MaxCount - 3}}), indicator.M21, 3},
		{"2.1 at the limit", tallyOf(map[indicator.ID][2]int64{indicator.M21: {0, indicator.MaxCount}}), indicator.M21, 0},
		{"3.1 eligible at the limit", func() indicator.Tally {
			tl := tallyOf(map[indicator.ID][2]int64{indicator.M31: {0, 10}})
			tl.FullOnlineEligible = indicator.MaxCount - 1
			return tl
		}(), indicator.M31, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.NoError(t, tc.t.Validate())
			pl, err := PlanGain(e, tc.t, decOf("20"), PlanOptions{Mode: PlanAdd, Metrics: []indicator.ID{tc.metric}})
			require.NoError(t, err)
			m := findPlan(t, pl, tc.metric)
			assert.LessOrEqual(t, m.Records, tc.room)
			if tc.metric == indicator.M31 {
				// One procedure fully online: 1/11 of 3.1's points, the best within the limit.
				assert.Equal(t, int64(1), m.Records)
				assert.True(t, m.Gain.IsPositive(), "gain %s", m.Gain)
			}
			r, err := e.Score(With(tc.t, tc.metric, m.Records, PlanAdd))
			require.NoError(t, err, "the planner's answer must re-score")
			assert.True(t, m.Gain.Equal(r.Total.Sub(pl.Total)), "gain %s, re-scored %s", m.Gain, r.Total.Sub(pl.Total))
			if tc.room > 0 {
				_, err := e.Score(With(tc.t, tc.metric, tc.room+1, PlanAdd))
				assert.ErrorIs(t, err, indicator.ErrOverflow, "one more record passes MaxCount")
			}
		})
	}
}

// TestPlanTallyContext: a done context stops the planner between metrics with ctx's error; a live one
// gives PlanTally's plan.
func TestPlanTallyContext(t *testing.T) {
	e := indicator.Portal()
	var tl indicator.Tally
	tl.Counts[indicator.M21] = indicator.Count{Num: 5, Den: 10}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := PlanTallyContext(ctx, e, tl, decOf("50"), PlanOptions{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: %v", err)
	}
	want, err := PlanTally(e, tl, decOf("50"), PlanOptions{})
	require.NoError(t, err)
	got, err := PlanTallyContext(context.Background(), e, tl, decOf("50"), PlanOptions{})
	require.NoError(t, err)
	require.Equal(t, len(want.Metrics), len(got.Metrics))
	require.Equal(t, len(want.Cheapest), len(got.Cheapest))
}

// TestPlanNeverProposesNull: a metric that is null for the unit (no data under a null zero rule — 1.1 for
// a department, whose procedures the province announces) or unscored (2.2, 5.0) is never proposed, in
// either mode, even though one added record would give 1.1 full marks. (A metric without data whose zero
// rule is "zero", such as 3.3, is scored 0 and can be proposed under PlanAdd.)
func TestPlanNeverProposesNull(t *testing.T) {
	tl := tallyOf(map[indicator.ID][2]int64{indicator.M21: {3, 4}})
	for _, mode := range []PlanMode{PlanFix, PlanAdd} {
		pl, err := PlanGain(indicator.Portal(), tl, decOf("1"), PlanOptions{Mode: mode})
		require.NoError(t, err)
		for _, m := range pl.Metrics {
			switch m.Metric {
			case indicator.M11, indicator.M12, indicator.M13, indicator.M14, indicator.M41, indicator.M22, indicator.M50:
				t.Errorf("%s: %s proposed", mode, m.Metric)
			}
		}
		require.NotEmpty(t, pl.Cheapest, mode)
		if mode == PlanFix {
			// Fixing: only 2.1 has records to fix.
			require.Len(t, pl.Cheapest, 1)
			require.Equal(t, indicator.M21, pl.Cheapest[0].Metric)
		}
	}
}

// TestPlanDefaultIsFix: the zero PlanOptions fixes existing records — the denominator stays and the
// records are capped by the shortfall — and the mode reads "fix" in JSON.
func TestPlanDefaultIsFix(t *testing.T) {
	tl := tallyOf(map[indicator.ID][2]int64{indicator.M21: {900, 1000}})
	pl, err := PlanGain(indicator.Portal(), tl, decOf("1"), PlanOptions{Metrics: []indicator.ID{indicator.M21}})
	require.NoError(t, err)
	require.Equal(t, PlanFix, pl.Mode)
	require.EqualValues(t, 50, findPlan(t, pl, indicator.M21).Records) // 20·(900+k)/1000 ≥ 18.995
	b, err := json.Marshal(pl)
	require.NoError(t, err)
	for _, key := range []string{`"mode":"fix"`, `"total":`, `"target":`, `"metrics":[`, `"cheapest":[`, `"combined":{"reachable":true,"records":50`, `"perRecord":`, `"nextRecord":`} {
		require.Contains(t, string(b), key)
	}
	require.NotContains(t, string(b), `"Mode"`)
	// Empty lists are [], not null.
	pl, err = PlanGain(indicator.Portal(), tl, decOf("1"), PlanOptions{Metrics: []indicator.ID{indicator.M11}})
	require.NoError(t, err)
	b, err = json.Marshal(pl)
	require.NoError(t, err)
	require.Contains(t, string(b), `"metrics":[]`)
	require.Contains(t, string(b), `"cheapest":[]`)
	require.Contains(t, string(b), `"steps":[]`)
}

// TestPlanRefusals: a target above the unit's maximum (what an -what-if 1e9 asked) is a *PlanError on
// "target", as is a gain that would pass it, and a negative gain; nothing panics.
func TestPlanRefusals(t *testing.T) {
	tl := tallyOf(map[indicator.ID][2]int64{indicator.M21: {3, 4}, indicator.M53: {1, 4}})
	r, err := indicator.Portal().Score(tl)
	require.NoError(t, err)
	for _, tc := range []struct {
		name  string
		plan  func() (Plan, error)
		field string
	}{
		{"target 1e9", func() (Plan, error) { return PlanTally(indicator.Portal(), tl, decOf("1e9"), PlanOptions{}) }, "target"},
		{"target max + 0.01", func() (Plan, error) {
			return PlanTally(indicator.Portal(), tl, r.Max.Add(decOf("0.01")), PlanOptions{})
		}, "target"},
		{"gain 100", func() (Plan, error) { return PlanGain(indicator.Portal(), tl, decOf("100"), PlanOptions{}) }, "target"},
		{"gain -1", func() (Plan, error) { return PlanGain(indicator.Portal(), tl, decOf("-1"), PlanOptions{}) }, "gain"},
	} {
		_, err := tc.plan()
		var pe *PlanError
		require.ErrorAs(t, err, &pe, tc.name)
		require.Equal(t, tc.field, pe.Field, tc.name)
		require.ErrorIs(t, err, ErrPlan)
	}
	// The maximum itself is a valid target.
	_, err = PlanTally(indicator.Portal(), tl, r.Max, PlanOptions{})
	require.NoError(t, err)
}
