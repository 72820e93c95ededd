package scorecard

import (
	"iter"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
)

// TestScenarioEndToEnd (issue 6 point 1, first cut) scores the scenario dataset with the portal edition
// and checks by hand (tallies of scenario_test.go):
//
//	2.1 pooled H99 = (40+20+8+8)/(45+20+20+20) = 76/105; score 20·76/105 = 14.476… → 14.48
//	2.1 H99.01 = 20·40/45 = 17.777… → 17.78 (lost 20 − 17.78 = 2.22: late × 5, A2-1…)
//	2.1 H99.02 = 20·20/20 = 20.00; H99.03 = H99.04 = 20·8/20 = 8.00 (tie)
//	    H99.03 lost 12.00: open-overdue × 12 (A7-01…); H99.04 lost 12.00: late × 12 (A9-01…)
//	3.3 pooled H99 = (20+10+12+12)/(40+20+20+20) = 54/100
//	What-if: H99.03 gaining 2 points through 2.1 alone needs 20·(8+k)/(20+k) ≥ 10, i.e. 16+2k ≥ 20+k:
//	k = 4 (20·12/24 = 10.00; k = 3 gives 20·11/23 = 9.57). Checked by adding 4 on-time dossiers
//	(copies of A8) and re-scoring.
func TestScenarioEndToEnd(t *testing.T) {
	units := scenRead(t, "units.csv", func(f *os.File) iter.Seq2[model.Unit, error] { return csvio.DecodeUnits(f) })
	procs := scenRead(t, "procedures.csv", func(f *os.File) iter.Seq2[model.Procedure, error] { return csvio.DecodeProcedures(f) })
	offs := scenRead(t, "offerings.csv", func(f *os.File) iter.Seq2[model.Offering, error] { return csvio.DecodeOfferings(f) })
	ds := scenarioDossiers(t)
	s, err := New(Inputs{Units: units, Procedures: procs, Offerings: offs}, Options{
		Period:   model.Month(2026, time.August),
		AsOf:     time.Date(2026, 9, 5, 0, 0, 0, 0, model.Vietnam()),
		Calendar: scTestCalendar(),
		Edition:  indicator.Portal(),
	})
	require.NoError(t, err)
	card, err := s.Run(slices.Values(ds))
	require.NoError(t, err)
	require.EqualValues(t, 108, card.Dossiers)
	// Sharded run: the same tallies as the single pass (merge of partials).
	par, err := s.RunParallel(slices.Values(ds), 3)
	require.NoError(t, err)
	require.Equal(t, card.Tallies(), par.Tallies())

	m21 := func(c *Card, u string) indicator.MetricResult {
		uc, ok := c.Unit(u)
		require.True(t, ok, u)
		return uc.Pooled.Metric(indicator.M21)
	}
	for _, w := range []struct {
		unit     string
		num, den int64
		score    string
	}{
		{"H99", 76, 105, "14.48"},
		{"H99.01", 40, 45, "17.78"},
		{"H99.02", 20, 20, "20.00"},
		{"H99.03", 8, 20, "8.00"},
		{"H99.04", 8, 20, "8.00"},
	} {
		r := m21(card, w.unit)
		require.Equal(t, [2]int64{w.num, w.den}, [2]int64{r.Num, r.Den}, "2.1 %s", w.unit)
		require.Equal(t, w.score, r.Score.StringFixed(2), "2.1 score %s", w.unit)
	}
	root, _ := card.Unit("H99")
	m33 := root.Pooled.Metric(indicator.M33)
	require.Equal(t, [2]int64{54, 100}, [2]int64{m33.Num, m33.Den}, "3.3 pooled H99")

	for _, w := range []struct {
		unit, lost string
		reason     indicator.Reason
		n          int64
		example    string
	}{
		{"H99.01", "2.22", "timeliness.late", 5, "A2-1"},
		{"H99.03", "12.00", "timeliness.open-overdue", 12, "A7-01"},
		{"H99.04", "12.00", "timeliness.late", 12, "A9-01"},
	} {
		uc, _ := card.Unit(w.unit)
		e, ok := uc.Explanation(indicator.M21)
		require.True(t, ok, w.unit)
		require.Equal(t, w.lost, e.PointsLost.StringFixed(2), "lost %s", w.unit)
		require.Len(t, e.Reasons, 1, w.unit)
		require.Equal(t, w.reason, e.Reasons[0].Reason, w.unit)
		require.Equal(t, w.n, e.Reasons[0].Count, w.unit)
		require.NotEmpty(t, e.Reasons[0].Examples, w.unit)
		require.Equal(t, w.example, e.Reasons[0].Examples[0], w.unit)
	}

	// Group 2 (timeliness) ranks: its score is 2.1 alone (2.2 is unscored), so H99.02 20.00 > H99.01
	// 17.78 > H99.03 = H99.04 8.00, a tie on purpose. Competition ranks (1, 2, 3, 3) when the four are one
	// pool; (1, 2) and (1, 1) when departments and communes are ranked apart.
	gr := func(u string) (int, indicator.RankPool) {
		uc, _ := card.Unit(u)
		return uc.GroupRanks[1], uc.Pool
	}
	r1, p1 := gr("H99.01")
	r2, p2 := gr("H99.02")
	r3, p3 := gr("H99.03")
	r4, p4 := gr("H99.04")
	require.Equal(t, p1, p2)
	require.Equal(t, p3, p4)
	require.Equal(t, [2]int{1, 2}, [2]int{r2, r1}, "departments' group-2 ranks")
	if p1 == p3 {
		require.Equal(t, [2]int{3, 3}, [2]int{r3, r4}, "communes tie (one pool)")
	} else {
		require.Equal(t, [2]int{1, 1}, [2]int{r3, r4}, "communes tie (own pool)")
	}

	pl, err := card.PlanGain(indicator.Portal(), "H99.03", decimal.NewFromInt(2), PlanOptions{Metrics: []indicator.ID{indicator.M21}})
	require.NoError(t, err)
	require.Len(t, pl.Cheapest, 1)
	require.True(t, pl.Cheapest[0].Reachable)
	require.EqualValues(t, 4, pl.Cheapest[0].Records)

	more := slices.Clone(ds)
	var a8 model.Dossier
	for _, d := range ds {
		if d.Code == "A8-1" {
			a8 = d
		}
	}
	require.Equal(t, "A8-1", a8.Code)
	for i := range 4 {
		d := a8
		d.Code = "W-0" + string(rune('1'+i))
		more = append(more, d)
	}
	card2, err := s.Run(slices.Values(more))
	require.NoError(t, err)
	r := m21(card2, "H99.03")
	require.Equal(t, [2]int64{12, 24}, [2]int64{r.Num, r.Den})
	require.Equal(t, "10.00", r.Score.StringFixed(2))
}
