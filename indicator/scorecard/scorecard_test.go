package scorecard

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/online"
	"github.com/vn-dvc/chiso766/model"
)

func scoreOf(t *testing.T, u UnitCard, id indicator.ID) string {
	t.Helper()
	return u.Pooled.Metric(id).Score.StringFixed(2)
}

// TestEndToEnd scores the small province by hand (portal edition, docs/rules.md):
//
//	H44 (own, procedure P5 announced by the province): 1.1 1/1 (on time) → 6; 1.2 0/1 (published late)
//	  → 0; 1.3 0/1 (incomplete) → 0. Sub-units show the province's 1.2 and 1.3 (carried down) and have
//	  no 1.1 (null → 0).
//	H44.01, H44.02 (identical): 1.4 4/4 synced → 6 (group 1 = 6); 2.1 3/4 → 15.00; 3a: 3.1 1/1 (P5
//	  offered fully online) → min(2, 2·1/0.8) = 2, 3.2 1/1 (the service received online dossiers) → 4,
//	  3.3 4/4 (online, with an electronic result) → 6 = 12; 3b: 3.6 4/4 → 6, 3.4 1/1 → 2, 3.5 1/1 → 2 =
//	  10; group 4: 4.1 4/4 → 6, 4.2 → 4, 4.3 → 2 (capped at 80 %), 4.4 no data → 2 (full marks), 4.5 →
//	  4, 4.6a no data → null, 4.6b → 2 = 20; group 5: 5.1, 5.2 no petitions → 6 + 6 (full marks), 5.3
//	  3/4 (the late dossier) → min(6, 6·0.75/0.9) = 5.00 = 17. Total 6 + 15 + 12 + 10 + 20 + 17 = 80.00.
//	H44.03: 1.4 3/4 (dossier 0002 never synced) → 4.50; 2.1 4/4 → 20; 3a: 2 + 4 + 3.3 3/4 → min(6,
//	  6·0.75/0.5) = 6 = 12; 3.6 2/4 (codes 1 and 2 are paid, 0 is not) → pA 50 % → 3.00, 3.4, 3.5 → 2 +
//	  2 = 7; 4.1 3/4 → 4.50, 4.2 3/4 → 3.00, 4.3 → 2, 4.4 → 2, 4.5 → 4, 4.6b → 2 = 17.50; 5.1 1/2 (PK-2
//	  overdue) → 3.00, 5.2 1/2 (PK-2 handled late) → 3.00, 5.3 3/4 (PK-2 complains about dossier 0004)
//	  → 5.00 = 11. Total 4.50 + 20 + 12 + 7 + 17.50 + 11 = 72.00.
//	H44 (pooled): 1.1 → 6, 1.2 → 0, 1.3 → 0, 1.4 11/12 → 5.50 = 11.50; 2.1 10/12 → 16.67; 3a: 3.1
//	  distinct procedures 1/1 → 2, 3.2 services summed 3/3 → 4, 3.3 11/12 → 6 = 12; 3.6 10/12 → pA 83.33
//	  → 6·83.33/100 = 4.9998 → 5.00, 3.4/3.5 distinct procedures of the sub-tree: P5, paid and with fee
//	  data → 2 + 2 = 9; group 4: 4.1 11/12 → 5.50, 4.2 11/12 → 3.67, 4.3 → 2, 4.4 → 2, 4.5 → 4, 4.6b → 2
//	  = 19.17; 5.1 1/2 → 3, 5.2 1/2 → 3, 5.3 9/12 → 5.00 = 11. Total 11.50 + 16.67 + 12 + 9 + 19.17 + 11
//	  = 79.34.
//
// Ranks within the province: H44.01 and H44.02 tie at 1, H44.03 is 3 (competition ranking 1, 1, 3).
// Bands (unofficial defaults): H44.01 and H44.02 good (≥ 80), H44.03 and H44 fair (≥ 70).
func TestEndToEnd(t *testing.T) {
	s := mustScorer(t, testInputs(), testOptions())
	c := mustRun(t, s, testDossiers())
	require.Len(t, c.Units, 4)
	assert.Equal(t, indicator.Portal().Name, c.Edition)
	assert.Equal(t, int64(12), c.Dossiers)
	assert.Empty(t, c.Unattributed)

	d1, ok := c.Unit("H44.01")
	require.True(t, ok)
	d2, _ := c.Unit("H44.02")
	c1, _ := c.Unit("H44.03")
	p, _ := c.Unit("H44")

	for _, u := range []UnitCard{d1, d2} {
		assert.Equal(t, "6.00", u.Pooled.Group(indicator.G1).Score.StringFixed(2))
		assert.Equal(t, "0.00", scoreOf(t, u, indicator.M12), "carried down from H44")
		assert.Equal(t, "15.00", scoreOf(t, u, indicator.M21))
		assert.Equal(t, "10.00", u.Pooled.Group(indicator.G3b).Score.StringFixed(2))
		assert.Equal(t, "20.00", u.Pooled.Group(indicator.G4).Score.StringFixed(2))
		assert.Equal(t, "5.00", scoreOf(t, u, indicator.M53))
		assert.Equal(t, "17.00", u.Pooled.Group(indicator.G5).Score.StringFixed(2))
		assert.Equal(t, "80.00", u.Pooled.Total.StringFixed(2))
		assert.Equal(t, 1, u.Rank, "tie shares rank 1")
		assert.Equal(t, "good", u.Band.Code, "≥ 80")
	}
	assert.Equal(t, "4.50", scoreOf(t, c1, indicator.M14))
	assert.Equal(t, "20.00", scoreOf(t, c1, indicator.M21))
	assert.Equal(t, "3.00", scoreOf(t, c1, indicator.M36))
	assert.Equal(t, "4.50", scoreOf(t, c1, indicator.M41))
	assert.Equal(t, "3.00", scoreOf(t, c1, indicator.M42))
	assert.Equal(t, "12.00", c1.Pooled.Group(indicator.G3a).Score.StringFixed(2))
	assert.Equal(t, "17.50", c1.Pooled.Group(indicator.G4).Score.StringFixed(2))
	assert.Equal(t, "3.00", scoreOf(t, c1, indicator.M51))
	assert.Equal(t, "3.00", scoreOf(t, c1, indicator.M52))
	assert.Equal(t, "5.00", scoreOf(t, c1, indicator.M53))
	assert.Equal(t, "72.00", c1.Pooled.Total.StringFixed(2))
	assert.Equal(t, 3, c1.Rank, "competition ranking skips rank 2")
	assert.Equal(t, "fair", c1.Band.Code)
	// Ranks per group: group 2 (timeliness) puts H44.03 (20) first and the tied departments (15) second;
	// group 5 puts the departments (17) before H44.03 (11).
	assert.Equal(t, [3]int{2, 2, 1}, [3]int{d1.GroupRanks[indicator.G2-1], d2.GroupRanks[indicator.G2-1], c1.GroupRanks[indicator.G2-1]})
	assert.Equal(t, [3]int{1, 1, 3}, [3]int{d1.GroupRanks[indicator.G5-1], d2.GroupRanks[indicator.G5-1], c1.GroupRanks[indicator.G5-1]})

	assert.Equal(t, [2]int64{10, 12}, [2]int64{p.Pooled.Metric(indicator.M21).Num, p.Pooled.Metric(indicator.M21).Den})
	assert.Equal(t, "11.50", p.Pooled.Group(indicator.G1).Score.StringFixed(2))
	assert.Equal(t, "6.00", scoreOf(t, p, indicator.M11))
	assert.Equal(t, "16.67", scoreOf(t, p, indicator.M21))
	assert.Equal(t, "5.00", scoreOf(t, p, indicator.M36))
	assert.Equal(t, "2.00", scoreOf(t, p, indicator.M34))
	assert.Equal(t, [2]int64{1, 1}, [2]int64{p.Pooled.Metric(indicator.M31).Num, p.Pooled.Metric(indicator.M31).Den}, "distinct procedures")
	assert.Equal(t, [2]int64{3, 3}, [2]int64{p.Pooled.Metric(indicator.M32).Num, p.Pooled.Metric(indicator.M32).Den}, "services summed")
	assert.Equal(t, [2]int64{11, 12}, [2]int64{p.Pooled.Metric(indicator.M33).Num, p.Pooled.Metric(indicator.M33).Den})
	assert.Equal(t, "19.17", p.Pooled.Group(indicator.G4).Score.StringFixed(2))
	assert.Equal(t, "5.00", scoreOf(t, p, indicator.M53))
	assert.Equal(t, "79.34", p.Pooled.Total.StringFixed(2))
	assert.Equal(t, 1, p.Rank)
	assert.Equal(t, "fair", p.Band.Code)

	// Per-procedure breakdown of 2.1/2.2: P5 10/12 on time, 2 overdue, 12 finished.
	ps := c.Procedures["P5"]
	assert.Equal(t, indicator.Count{Num: 10, Den: 12}, ps.Count)
	assert.Equal(t, int64(2), ps.Overdue)
	assert.Equal(t, int64(12), ps.Finished)

	// Explanations name the right dossiers.
	e, ok := p.Explanation(indicator.M21)
	require.True(t, ok)
	assert.Equal(t, "3.33", e.PointsLost.StringFixed(2))
	require.Len(t, e.Reasons, 1)
	assert.Equal(t, indicator.Reason("timeliness.late"), e.Reasons[0].Reason)
	assert.Equal(t, int64(2), e.Reasons[0].Count)
	assert.Equal(t, []string{"H44.01-260803-0004", "H44.02-260803-0004"}, e.Reasons[0].Examples)
	assert.Equal(t, "3.33", e.Reasons[0].Points.StringFixed(2), "12/12 → 20.00 instead of 16.67")

	e, ok = p.Explanation(indicator.M53)
	require.True(t, ok)
	require.Len(t, e.Reasons, 2, "%+v", e.Reasons)
	assert.Equal(t, int64(2), e.Reasons[0].Count, "late first (most frequent)")
	assert.Equal(t, []string{"H44.01-260803-0004", "H44.02-260803-0004"}, e.Reasons[0].Examples)
	assert.Equal(t, []string{"H44.03-260803-0004"}, e.Reasons[1].Examples, "the complaint")

	// Procedure-level explanations of group 1: the carried-down 1.2 names the procedure on the sub-unit too.
	for _, tc := range []struct {
		unit   string
		id     indicator.ID
		reason indicator.Reason
	}{
		{"H44", indicator.M12, "publication.published_late"},
		{"H44.01", indicator.M12, "publication.published_late"},
		{"H44", indicator.M13, "publication.incomplete"},
	} {
		u, _ := c.Unit(tc.unit)
		e, ok := u.Explanation(tc.id)
		require.True(t, ok, "%s %s", tc.unit, tc.id)
		require.Len(t, e.Reasons, 1)
		assert.Equal(t, tc.reason, e.Reasons[0].Reason)
		assert.Equal(t, []string{"P5"}, e.Reasons[0].Examples)
	}
	e, ok = c1.Explanation(indicator.M14)
	require.True(t, ok)
	assert.Equal(t, indicator.Reason("publication.not_synced"), e.Reasons[0].Reason)
	assert.Equal(t, []string{"H44.03-260803-0002"}, e.Reasons[0].Examples)

	for _, id := range []indicator.ID{indicator.M51, indicator.M52} {
		e, ok = p.Explanation(id)
		require.True(t, ok)
		require.Len(t, e.Reasons, 1)
		assert.Equal(t, []string{"PK-2"}, e.Reasons[0].Examples, "petition ids name the petitions")
	}

	e, ok = c1.Explanation(indicator.M36)
	require.True(t, ok)
	require.Len(t, e.Reasons, 1)
	assert.Equal(t, indicator.Reason("payment.not_paid_online"), e.Reasons[0].Reason)
	assert.Equal(t, "3.00", e.Reasons[0].Points.StringFixed(2), "4/4 → 6.00 instead of 3.00 (portal 3b pipeline)")
	assert.Equal(t, []string{"H44.03-260803-0002", "H44.03-260803-0003"}, e.Reasons[0].Examples)

	e, ok = p.Explanation(indicator.M41)
	require.True(t, ok)
	require.Len(t, e.Reasons, 1)
	assert.Equal(t, int64(1), e.Reasons[0].Count)
	assert.Equal(t, []string{"H44.03-260803-0003"}, e.Reasons[0].Examples)

	_, ok = d1.Explanation(indicator.M36)
	assert.False(t, ok, "nothing lost on 3.6")

	// Every explanation's reason counts add up to the shortfall Den − Num.
	for _, u := range c.Units {
		for _, e := range u.Explanations {
			var n int64
			for _, r := range e.Reasons {
				n += r.Count
				assert.LessOrEqual(t, len(r.Examples), DefaultExamples)
			}
			assert.Equal(t, max(e.Den-e.Num, 0), n, "%s %s", u.Unit.ID, e.Metric)
		}
	}

	// Ledgers: every dossier read once per calculator, Read == Counted + Excluded.
	for _, l := range c.Ledgers {
		switch l.Calculator {
		case "satisfaction.petitions":
			assert.Equal(t, int64(2), l.Records.Read)
		case "publication.1.1", "publication.1.2", "publication.1.3":
			assert.Equal(t, int64(1), l.Records.Read, "one procedure")
		default:
			assert.Equal(t, int64(12), l.Records.Read, l.Calculator)
		}
		assert.Equal(t, l.Records.Read, l.Records.Counted+l.Records.Excluded, l.Calculator)
	}
}

// TestWhatIfByRecords checks a what-if answer by adding exactly that many records to the stream and
// re-scoring. H44.01 alone: ten perfect dossiers of which six were not paid online: 3.6 4/10 → pA 40 % →
// 2.40; everything else at its best except 1.2 and 1.3, carried down from the province (0), and 1.1
// (no decision of this unit: null) — total 82.40. To gain 2 points through 3.6 with new paid dossiers
// (which leave every other metric at 100 %): 6·pA/100 ≥ 4.40 ⇔ pA ≥ 73.33 % ⇔ (4+k)/(10+k) ≥ 0.7333 ⇔
// k ≥ 12.5, so k = 13 (17/23 = 73.91 % → 4.43, total 84.43); k = 12 gives 16/22 = 72.73 % → 4.36.
func TestWhatIfByRecords(t *testing.T) {
	s := mustScorer(t, testInputs(), testOptions())
	var base []model.Dossier
	for i := 1; i <= 10; i++ {
		z := dz{unit: "H44.01", n: i}
		if i <= 4 {
			z.pay = 1
		}
		base = append(base, z.build())
	}
	c := mustRun(t, s, base)
	u, _ := c.Unit("H44.01")
	require.Equal(t, "82.40", u.Pooled.Total.StringFixed(2))
	pl, err := c.Plan(s.Edition(), "H44.01", decOf("84.40"), PlanOptions{Mode: PlanAdd})
	require.NoError(t, err)
	var m MetricPlan
	for _, mp := range pl.Metrics {
		if mp.Metric == indicator.M36 {
			m = mp
		}
	}
	require.True(t, m.Reachable)
	assert.Equal(t, int64(13), m.Records)
	assert.Equal(t, "2.03", m.Gain.StringFixed(2))

	total := func(extra int) string {
		ds := slices.Clone(base)
		for i := range extra {
			ds = append(ds, dz{unit: "H44.01", n: 100 + i, pay: 1}.build())
		}
		u, _ := mustRun(t, s, ds).Unit("H44.01")
		return u.Pooled.Total.StringFixed(2)
	}
	assert.Equal(t, "84.43", total(int(m.Records)), "exactly that many records reach the target")
	assert.Equal(t, "84.36", total(int(m.Records)-1), "one fewer does not")

	// The same question as a gain for the unit.
	pg, err := c.PlanGain(s.Edition(), "H44.01", decOf("2"), PlanOptions{Mode: PlanAdd, Metrics: []indicator.ID{indicator.M36}})
	require.NoError(t, err)
	assert.Equal(t, int64(13), pg.Metrics[0].Records)
	_, err = c.PlanGain(s.Edition(), "nope", decOf("2"), PlanOptions{})
	assert.ErrorIs(t, err, ErrPlan)

	// The cheapest ways to gain 2 points never list 3.6 before a cheaper metric (metrics without data,
	// such as 1.1 here, are never proposed).
	require.NotEmpty(t, pl.Cheapest)
	for i := 1; i < len(pl.Cheapest); i++ {
		assert.LessOrEqual(t, pl.Cheapest[i-1].Records, pl.Cheapest[i].Records)
	}
}

func TestPreviousPeriodChange(t *testing.T) {
	s := mustScorer(t, testInputs(), testOptions())
	prev := mustRun(t, s, testDossiers())
	o := testOptions()
	o.Previous = prev
	s2 := mustScorer(t, testInputs(), o)
	ds := testDossiers()
	ds[3] = dz{unit: "H44.01", n: 4, pay: 1}.build() // the late dossier is now on time
	c := mustRun(t, s2, ds)
	u, _ := c.Unit("H44.01")
	require.NotNil(t, u.Change)
	assert.Equal(t, "6.00", u.Change.Total.StringFixed(2), "2.1 +5, 5.3 +1")
	assert.Equal(t, 0, u.Change.Rank, "H44.01 stays first")
	v, _ := c.Unit("H44.02")
	assert.Equal(t, -1, v.Change.Rank, "H44.02 fell from 1 to 2")
}

// TestPreviousTallies: the change can come from the previous period's saved tallies instead of its card,
// with the same result; invalid saved counts are an *OptionError naming the field.
func TestPreviousTallies(t *testing.T) {
	prev := mustRun(t, mustScorer(t, testInputs(), testOptions()), testDossiers())
	ds := testDossiers()
	ds[3] = dz{unit: "H44.01", n: 4, pay: 1}.build()

	o := testOptions()
	o.Previous = prev
	want := mustRun(t, mustScorer(t, testInputs(), o), ds)

	o = testOptions()
	saved := prev.Tallies()
	saved["H99"] = indicator.Tally{} // not a unit: ignored
	o.PreviousTallies = saved
	got := mustRun(t, mustScorer(t, testInputs(), o), ds)
	for i := range want.Units {
		require.NotNil(t, got.Units[i].Change)
		assert.True(t, want.Units[i].Change.Total.Equal(got.Units[i].Change.Total), want.Units[i].Unit.ID)
		assert.Equal(t, want.Units[i].Change.Rank, got.Units[i].Change.Rank)
	}

	bad := prev.Tallies()
	b := bad["H44.01"]
	b.Counts[indicator.M21] = indicator.Count{Num: 5, Den: 4}
	bad["H44.01"] = b
	o.PreviousTallies = bad
	_, err := mustScorer(t, testInputs(), o).Run(slices.Values(ds))
	assert.ErrorIs(t, err, indicator.ErrOption)
	assert.ErrorIs(t, err, indicator.ErrNumExceedsDen)
}

func TestUnattributedUnits(t *testing.T) {
	s := mustScorer(t, testInputs(), testOptions())
	ds := append(testDossiers(), dz{unit: "H99.01", n: 1, pay: 1}.build())
	c := mustRun(t, s, ds)
	assert.Equal(t, []string{"H99.01"}, c.Unattributed)
	assert.Equal(t, indicator.Count{Num: 1, Den: 1}, c.UnattributedCounts["H99.01"].Counts[indicator.M21])
	p, _ := c.Unit("H44")
	assert.Equal(t, int64(12), p.Pooled.Metric(indicator.M21).Den, "not pooled into the tree")
}

func TestExamplesBoundAndOption(t *testing.T) {
	o := testOptions()
	o.Examples = 1
	s := mustScorer(t, testInputs(), o)
	var ds []model.Dossier
	for i := 50; i > 0; i-- { // descending order: the smallest code must still win
		ds = append(ds, dz{unit: "H44.01", n: i, pay: 1, late: true}.build())
	}
	c := mustRun(t, s, ds)
	u, _ := c.Unit("H44.01")
	e, _ := u.Explanation(indicator.M21)
	require.Len(t, e.Reasons, 1)
	assert.Equal(t, int64(50), e.Reasons[0].Count)
	assert.Equal(t, []string{"H44.01-260803-0001"}, e.Reasons[0].Examples)

	o.Examples = -1
	c = mustRun(t, mustScorer(t, testInputs(), o), ds)
	u, _ = c.Unit("H44.01")
	e, _ = u.Explanation(indicator.M21)
	assert.Empty(t, e.Reasons[0].Examples)
}

func TestNewErrors(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(*Inputs, *Options)
		field string
	}{
		{"zero period", func(_ *Inputs, o *Options) { o.Period = model.Period{} }, "Options.Period"},
		{"zero as-of", func(_ *Inputs, o *Options) { o.AsOf = time.Time{} }, "Options.AsOf"},
		{"nil calendar", func(_ *Inputs, o *Options) { o.Calendar = nil }, "Options.Calendar"},
		{"bad edition", func(_ *Inputs, o *Options) { o.Edition.Rules[indicator.M21].Max = decOf("-1") }, "Options.Edition"},
		{"bad bands", func(_ *Inputs, o *Options) { o.Bands = indicator.Bands{} }, "Options.Bands"},
		{"unit cycle", func(in *Inputs, _ *Options) { in.Units[0].Parent = "H44.01" }, "Inputs.Units"},
		{"negative sync den", func(in *Inputs, _ *Options) { in.SyncReportDen = map[string]int64{"H44": -1} }, "Inputs.SyncReportDen[H44]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in, o := testInputs(), testOptions()
			tc.edit(&in, &o)
			_, err := New(in, o)
			if tc.field == "" {
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, indicator.ErrOption)
			var oe *indicator.OptionError
			require.True(t, errors.As(err, &oe))
			assert.Equal(t, tc.field, oe.Field)
		})
	}
	in, o := testInputs(), testOptions()
	in.Units[0].Parent = "H44.01"
	_, err := New(in, o)
	assert.ErrorIs(t, err, indicator.ErrCycle)
}

// TestProcedureExplanations: procedure-level metrics are explained by procedure codes. H44.03 also offers
// P7 partially online (an online service that received no online dossier: 3.2) and P8 for information
// only (not an online service: 3.1). The parent counts 3.1 over the distinct procedures of its sub-tree
// and 3.2 over its sub-units' services.
func TestProcedureExplanations(t *testing.T) {
	in := testInputs()
	in.Procedures = append(in.Procedures, model.Procedure{Code: "P7"}, model.Procedure{Code: "P8"})
	in.Offerings = append(in.Offerings,
		model.Offering{UnitID: "H44.03", ProcedureCode: "P7", Level: model.NewOnlineLevel(model.OnlinePartial), State: model.NewPublishedState(model.StatePublished)},
		model.Offering{UnitID: "H44.03", ProcedureCode: "P8", Level: model.NewOnlineLevel(model.OnlineInfoOnly), State: model.NewPublishedState(model.StatePublished)},
	)
	c := mustRun(t, mustScorer(t, in, testOptions()), testDossiers())
	cases := []struct {
		unit     string
		metric   indicator.ID
		num, den int64
		reason   indicator.Reason
		examples []string
	}{
		{"H44.03", indicator.M31, 2, 3, online.ReasonProcedureNotOnline, []string{"P8"}},
		{"H44.03", indicator.M32, 1, 2, online.ReasonServiceWithoutOnlineDossier, []string{"P7"}},
		{"H44", indicator.M31, 2, 3, online.ReasonProcedureNotOnline, []string{"P8"}},
		{"H44", indicator.M32, 3, 4, online.ReasonServiceWithoutOnlineDossier, []string{"H44.03/P7"}},
	}
	for _, tc := range cases {
		u, ok := c.Unit(tc.unit)
		require.True(t, ok)
		e, ok := u.Explanation(tc.metric)
		require.True(t, ok, "%s %s", tc.unit, tc.metric)
		assert.Equal(t, [2]int64{tc.num, tc.den}, [2]int64{e.Num, e.Den}, "%s %s", tc.unit, tc.metric)
		require.Len(t, e.Reasons, 1)
		assert.Equal(t, tc.reason, e.Reasons[0].Reason)
		assert.Equal(t, tc.examples, e.Reasons[0].Examples)
	}
}

// TestStreamedPetitions: petitions streamed with Partial.AddPetition (and merged across partials) give
// the same card as petitions passed in Inputs.Petitions.
func TestStreamedPetitions(t *testing.T) {
	want := mustRun(t, mustScorer(t, testInputs(), testOptions()), testDossiers())

	in := testInputs()
	pets := in.Petitions
	in.Petitions = nil
	o := testOptions()
	s := mustScorer(t, in, o)
	a, b := s.NewPartial(), s.NewPartial()
	ds := testDossiers()
	a.AddDossiers(ds[:5])
	b.AddDossiers(ds[5:])
	a.AddPetition(&pets[0])
	b.AddPetition(&pets[1])
	b.AddPetition(nil)
	require.NoError(t, a.Merge(b))
	got, err := s.Finish(a)
	require.NoError(t, err)
	for _, id := range []string{"H44", "H44.03"} {
		w, _ := want.Unit(id)
		g, _ := got.Unit(id)
		for _, m := range []indicator.ID{indicator.M50, indicator.M51, indicator.M52} {
			assert.Equal(t, [2]int64{w.Pooled.Metric(m).Num, w.Pooled.Metric(m).Den}, [2]int64{g.Pooled.Metric(m).Num, g.Pooled.Metric(m).Den}, "%s %s", id, m)
		}
		we, _ := w.Explanation(indicator.M51)
		ge, _ := g.Explanation(indicator.M51)
		assert.Equal(t, we.Reasons, ge.Reasons)
	}
	// 5.3's complaint came from Inputs.Petitions in the first run only: streamed petitions are not
	// complaints (satisfaction.Options.Complaints is preloaded), so H44.03's 5.3 is 4/4 here.
	g, _ := got.Unit("H44.03")
	assert.Equal(t, int64(4), g.Pooled.Metric(indicator.M53).Num)
}

func TestZeroEditionIsPortal(t *testing.T) {
	o := testOptions()
	o.Edition = indicator.Edition{}
	s := mustScorer(t, testInputs(), o)
	assert.Equal(t, indicator.Portal().Name, s.Edition().Name)
	// A named edition with no rules is not the zero Edition: it is validated (and refused).
	o.Edition = indicator.Edition{Name: "mine"}
	_, err := New(testInputs(), o)
	assert.ErrorIs(t, err, indicator.ErrOption)
}

// TestPooled46a: a parent's 4.6a counts each citizen-facing procedure of its sub-tree once. H44.01
// offers P5 (connected to the population database) and P6 (not connected), H44.03 offers P5: the
// province has 1 of 2 distinct procedures connected (a sum would give 2 of 3).
func TestPooled46a(t *testing.T) {
	in := testInputs()
	in.Procedures[0].Applicants = []string{model.ApplicantVietnameseCitizen}
	in.Procedures[0].PopulationDBConnected = true
	in.Procedures = append(in.Procedures, model.Procedure{Code: "P6", Applicants: []string{model.ApplicantVietnameseCitizen}})
	in.Offerings = []model.Offering{
		{UnitID: "H44.01", ProcedureCode: "P5"}, {UnitID: "H44.01", ProcedureCode: "P6"}, {UnitID: "H44.03", ProcedureCode: "P5"},
	}
	c := mustRun(t, mustScorer(t, in, testOptions()), testDossiers())
	for _, tc := range []struct {
		unit     string
		num, den int64
	}{{"H44.01", 1, 2}, {"H44.03", 1, 1}, {"H44.02", 0, 0}, {"H44", 1, 2}} {
		u, _ := c.Unit(tc.unit)
		m := u.Pooled.Metric(indicator.M46a)
		assert.Equal(t, [2]int64{tc.num, tc.den}, [2]int64{m.Num, m.Den}, tc.unit)
	}
}
