package portaleval_test

import (
	"os"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/portaleval"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// TestCaptures decodes the excerpts of the raw Phú Thọ captures (testdata/phutho-2026-08, README.md there)
// of every endpoint, both scopes, and reproduces every published score, maximum and ratio with the portal
// edition through the public API; the only rows not reproduced are the provide-online-tree children,
// which publish no inputs.
func TestCaptures(t *testing.T) {
	evs, skipped, err := portaleval.LoadFS(os.DirFS("testdata/phutho-2026-08"))
	require.NoError(t, err)
	require.Equal(t, []string{"README.md"}, skipped)
	require.Len(t, evs, 2)
	tests := []struct {
		procedure string
		endpoints int
		want      map[portaleval.Status]int
	}{
		// all: transparency 3×5, progress 3, online 1 (+2 without inputs), payment 3, digitisation 3×8,
		// satisfaction 3×6.
		{"", 6, map[portaleval.Status]int{portaleval.Reproduced: 15 + 3 + 1 + 3 + 24 + 18, portaleval.NoInputs: 2}},
		// formality: dossier-digitized only, 4.6a absent and unscored (maximum 20): 2×7.
		{"formality", 1, map[portaleval.Status]int{portaleval.Reproduced: 14}},
	}
	for i, tc := range tests {
		ev := evs[i]
		require.Equal(t, "month", ev.Period)
		require.Equal(t, tc.procedure, ev.Procedure)
		require.Len(t, ev.Responses, tc.endpoints)
		require.Empty(t, ev.Problems)
		v, err := ev.Verify(indicator.Portal())
		require.NoError(t, err)
		for _, c := range v.Checks {
			if c.Status == portaleval.Mismatch {
				t.Errorf("%s %s %s: %s (published %s/%s/%s, computed %s/%s/%s)", c.Endpoint, c.Unit, c.Code, c.Detail,
					c.Score, c.Max, c.Ratio, c.WantScore, c.WantMax, c.WantRatio)
			}
		}
		require.Equal(t, tc.want, v.ByCount, "procedure %q", tc.procedure)
	}

	// The province's tree from the portal's own numbers: the parent's six group scores as published
	// (digitisation 8.22 and satisfaction 12.97 in this capture; the CSV transcription holds a later one).
	ev := evs[0]
	require.Equal(t, "H44", ev.Root())
	require.Equal(t, []string{"H44", "H44.01", "H44.03"}, ev.Units())
	tr, err := ev.Tree(indicator.TreeOptions{})
	require.NoError(t, err)
	res, err := indicator.Portal().ScoreTree(tr)
	require.NoError(t, err)
	h, ok := res.Unit("H44")
	require.True(t, ok)
	want := map[indicator.Group]string{indicator.G1: "7.96", indicator.G2: "15.68", indicator.G3a: "8.83",
		indicator.G3b: "6.25", indicator.G4: "8.22", indicator.G5: "12.97"}
	for g, w := range want {
		require.True(t, h.Pooled.Group(g).Score.Equal(dec(w)), "group %s: %s, published %s", g, h.Pooled.Group(g).Score, w)
	}
	require.True(t, h.Pooled.Total.Equal(dec("59.91")), "total %s", h.Pooled.Total)

	// Data-quality flags and null are kept.
	u, ok := ev.Unit(portaleval.Transparency, "H44")
	require.True(t, ok)
	require.Equal(t, portaleval.TempDenominator, u.Metrics[3].DataQuality)
	require.False(t, u.Metrics[0].Score.Valid, "PUBLISH_ON_TIME score is null")
	require.True(t, u.Metrics[0].Num.Valid, "its numerator is 0, not null")
	d, _ := ev.Unit(portaleval.Digitisation, "H44")
	require.False(t, d.Metrics[6].Num.Valid, "ELECTRONIC_CERTIFIED_COPY counts are null")
	require.True(t, d.Metrics[6].Score.Value.Equal(dec("2")))
	p, _ := ev.Unit(portaleval.Progress, "H44")
	require.True(t, p.AvgProcessingDays.Value.Equal(dec("7.05")))
	require.Equal(t, int64(147765), p.Tally.Completed)
	o, _ := ev.Unit(portaleval.Online, "H44.03")
	require.False(t, o.Inputs)
	s, _ := ev.Unit(portaleval.Satisfaction, "H44")
	require.Equal(t, indicator.Count{Num: 179, Den: 247}, s.Tally.Counts[indicator.M50])
	require.Equal(t, int64(62), s.Tally.PetitionsStaff)
}
