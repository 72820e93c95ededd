package refcheck

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/digitisation"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/internal/reference"
	"github.com/vn-dvc/chiso766/internal/reference/refcard"
	"github.com/vn-dvc/chiso766/model"
)

// TestReferenceJudgeSample scores the default sample province (seed 1, 2026, 50 000 dossiers) for a
// month, a quarter and the year with the portal edition and compares every count of every unit with the
// reference judge's. With REFJUDGE_DIFF=path the differences are written there as Markdown.
func TestReferenceJudgeSample(t *testing.T) {
	p, err := sample.Generate(sample.Options{Seed: 1, Year: 2026})
	require.NoError(t, err)
	ds := slices.Collect(p.Dossiers())
	communes := map[string]bool{}
	var copies []digitisation.CommuneCopy
	for _, c := range p.CertifiedCopies {
		communes[c.UnitID] = c.Electronic
		copies = append(copies, digitisation.CommuneCopy{UnitID: c.UnitID, Offers: c.Electronic})
	}
	var report string
	for _, per := range []struct {
		name   string
		period model.Period
		asOf   time.Time
	}{
		{"sample 2026-02 (Tết), as of 2026-03-10", model.Month(2026, time.February), time.Date(2026, 3, 10, 0, 0, 0, 0, model.Vietnam())},
		{"sample 2026-08, as of 2026-08-20 (before the period's end)", model.Month(2026, time.August), time.Date(2026, 8, 20, 12, 0, 0, 0, model.Vietnam())},
		{"sample 2026 (year), as of the data's end", model.Year(2026), p.AsOf},
	} {
		t.Run(per.name, func(t *testing.T) {
			s, err := scorecard.New(scorecard.Inputs{Units: p.Units, Procedures: p.Procedures, Offerings: p.Offerings,
				Communes: copies, Petitions: p.Petitions, Ratings: p.Ratings},
				scorecard.Options{Period: per.period, AsOf: per.asOf, Calendar: p.Calendar, Edition: indicator.Portal()})
			require.NoError(t, err)
			md, diffs, err := refcard.Check(s, reference.Input{Units: p.Units, Procedures: p.Procedures, Offerings: p.Offerings,
				Ratings: p.Ratings, Petitions: p.Petitions, Communes: communes, Period: per.period, AsOf: per.asOf,
				Calendar: p.Calendar}, ds, per.name, 8)
			require.NoError(t, err)
			report += md
			if len(diffs) > 0 {
				t.Errorf("calculators and reference judge differ:\n%s", md)
			}
		})
	}
	if path := os.Getenv("REFJUDGE_DIFF"); path != "" {
		require.NoError(t, os.WriteFile(path, []byte(report), 0o644))
	}
}
