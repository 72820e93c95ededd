package ruletest_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/indicator"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// TestThreeSixteenthsOfSixPointsIs1_13 pins the portal's rounding (docs/rules.md, Scoring; [Portal], verified
// on every published row of the Phú Thọ 8/2026 fixtures): a metric's score comes from the exact fraction of
// its counts and is rounded half up to 2 decimals, once. 3 procedures announced on time out of 16 on metric
// 1.1 (6 points) is exactly 6·3/16 = 1.125 → 1.13; the ratio is published as 18.75 %. Rounding the ratio
// first would be wrong elsewhere: 133609/184503 of 6 points = 4.34498… → 4.34 (rounding the ratio to 72.42 %
// first gives 4.35). An edition with half-even rounding — a rule owner's possible choice, Edition.Rounding —
// gives 1.12.
func TestThreeSixteenthsOfSixPointsIs1_13(t *testing.T) {
	halfEven := indicator.Portal()
	halfEven.Name, halfEven.Rounding = "half-even", indicator.RoundHalfEven
	tests := []struct {
		name         string
		edition      indicator.Edition
		count        indicator.Count
		score, ratio string
	}{
		{"3/16 of 6 points, half up", indicator.Portal(), indicator.Count{Num: 3, Den: 16}, "1.13", "18.75"},
		{"133609/184503 of 6 points: from the exact fraction", indicator.Portal(), indicator.Count{Num: 133609, Den: 184503}, "4.34", "72.42"},
		{"3/16 of 6 points, half even", halfEven, indicator.Count{Num: 3, Den: 16}, "1.12", "18.75"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.edition.ScoreMetric(indicator.M11, tt.count)
			if r.Null || !r.Score.Equal(dec(tt.score)) || !r.Ratio.Equal(dec(tt.ratio)) {
				t.Errorf("1.1 with %d/%d: score %s, ratio %s %%, null %v; want %s, %s %%",
					tt.count.Num, tt.count.Den, r.Score, r.Ratio, r.Null, tt.score, tt.ratio)
			}
		})
	}
}

// TestGroupScoreIsTheSumOfRoundedMetricScores pins the group rule (docs/rules.md, Scoring; [Portal]: rounding
// the unrounded sum fails on a third of the published digitisation rows). Group 1 with 1.1 = 3/16 of 6 points
// (1.125 → 1.13) and 1.2 = 1/32 of 4 points (0.125 → 0.13) scores 1.13 + 0.13 = 1.26, not round(1.25) = 1.25;
// 1.3 and 1.4 have no data, so they have no score (null) and add 0 (docs/rules.md, Scoring).
func TestGroupScoreIsTheSumOfRoundedMetricScores(t *testing.T) {
	var tally indicator.Tally
	tally.Add(indicator.M11, 3, 16)
	tally.Add(indicator.M12, 1, 32)
	res, err := indicator.Portal().Score(tally)
	if err != nil {
		t.Fatal(err)
	}
	g := res.Group(indicator.G1)
	if !g.Score.Equal(dec("1.26")) {
		t.Errorf("group 1 score %s, want 1.26", g.Score)
	}
	for _, id := range []indicator.ID{indicator.M13, indicator.M14} {
		if m := res.Metric(id); !m.Null || !m.Score.IsZero() {
			t.Errorf("%s without data: null %v, score %s; want null, 0", id, m.Null, m.Score)
		}
	}
}
