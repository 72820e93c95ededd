package scorecard

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/vn-dvc/chiso766/indicator"
)

// TestSkipDossierExplanations checks that Options.SkipDossierExplanations changes nothing but the
// explanations: same tree, scores, ledgers and counts, through AddDossier, AddDossiers (Run) and
// RunParallel; and that a dossier metric's lost records are then all ReasonUnexplained while procedure
// and petition metrics keep their reasons.
func TestSkipDossierExplanations(t *testing.T) {
	in := genInputs()
	pool := genPoolOf(3000, in.Units)
	on := mustScorer(t, in, testOptionsGen())
	opts := testOptionsGen()
	opts.SkipDossierExplanations = true
	off := mustScorer(t, in, opts)

	want, err := on.Run(slices.Values(pool))
	require.NoError(t, err)
	runs := map[string]func() (*Card, error){
		"Run":         func() (*Card, error) { return off.Run(slices.Values(pool)) },
		"RunParallel": func() (*Card, error) { return off.RunParallel(slices.Values(pool), 2) },
		"AddDossier": func() (*Card, error) {
			p := off.NewPartial()
			for i := range pool {
				p.AddDossier(&pool[i])
			}
			return off.Finish(p)
		},
	}
	dossierMetric := map[indicator.ID]bool{indicator.M14: true, indicator.M21: true, indicator.M33: true,
		indicator.M36: true, indicator.M41: true, indicator.M42: true, indicator.M43: true,
		indicator.M45: true, indicator.M46b: true, indicator.M53: true}
	for name, run := range runs {
		t.Run(name, func(t *testing.T) {
			got, err := run()
			require.NoError(t, err)
			require.Equal(t, want.Dossiers, got.Dossiers)
			require.Len(t, got.Ledgers, len(want.Ledgers))
			for i := range want.Ledgers {
				require.Equal(t, want.Ledgers[i].Calculator, got.Ledgers[i].Calculator)
				require.Equal(t, want.Ledgers[i].Records.Entries(), got.Ledgers[i].Records.Entries())
				require.Equal(t, want.Ledgers[i].Catalogue.Entries(), got.Ledgers[i].Catalogue.Entries())
			}
			require.Equal(t, want.Tree, got.Tree)
			require.Len(t, got.Units, len(want.Units))
			explained := 0
			for i := range want.Units {
				w, g := want.Units[i], got.Units[i]
				require.Equal(t, w.Unit.ID, g.Unit.ID)
				require.True(t, w.Pooled.Total.Equal(g.Pooled.Total), "%s total %s vs %s", w.Unit.ID, w.Pooled.Total, g.Pooled.Total)
				require.Equal(t, w.GroupRanks, g.GroupRanks)
				require.Equal(t, w.Rank, g.Rank)
				require.Equal(t, w.Banded, g.Banded)
				require.Equal(t, w.Band.Code, g.Band.Code)
				require.Len(t, g.Explanations, len(w.Explanations))
				for j, ge := range g.Explanations {
					we := w.Explanations[j]
					require.Equal(t, we.Metric, ge.Metric)
					require.Equal(t, we.Num, ge.Num)
					require.Equal(t, we.Den, ge.Den)
					require.True(t, we.PointsLost.Equal(ge.PointsLost))
					if dossierMetric[ge.Metric] {
						for _, r := range ge.Reasons {
							require.Equal(t, ReasonUnexplained, r.Reason, "%s %s", g.Unit.ID, ge.Metric)
						}
					} else {
						require.Equal(t, we.Reasons, ge.Reasons)
						explained += len(ge.Reasons)
					}
				}
			}
			require.Positive(t, explained, "procedure and petition metrics keep their reasons")
		})
	}
}
