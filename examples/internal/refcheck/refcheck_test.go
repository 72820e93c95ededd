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

// TestReferenceJudgeSample scores generated sample provinces with the portal edition and compares every
// count of every unit with the reference judge's: the default province (seed 1, 2026, 50 000 dossiers)
// for February (Tết), August judged before the period's end, and the year; a second province (seed 2025,
// 2025, 20 000 dossiers) for the first quarter (Tết 2025) and April (make-up Saturday 26/4, 30/4–2/5 off).
// With REFJUDGE_DIFF=path the differences are written there as Markdown.
func TestReferenceJudgeSample(t *testing.T) {
	type period struct {
		name   string
		period model.Period
		asOf   time.Time
	}
	vn := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, model.Vietnam()) }
	var report string
	for _, prov := range []struct {
		opts    sample.Options
		periods []period
	}{
		{sample.Options{Seed: 1, Year: 2026}, []period{
			{"sample 2026-02 (Tết), as of 2026-03-10", model.Month(2026, time.February), vn(2026, 3, 10, 0)},
			{"sample 2026-08, as of 2026-08-20 (before the period's end)", model.Month(2026, time.August), vn(2026, 8, 20, 12)},
			{"sample 2026 (year), as of the data's end", model.Year(2026), time.Time{}},
		}},
		{sample.Options{Seed: 2025, Year: 2025, Dossiers: 20000}, []period{
			{"sample seed 2025: 2025-Q1 (Tết 2025), as of 2025-04-15", model.Quarter(2025, 1), vn(2025, 4, 15, 0)},
			{"sample seed 2025: 2025-04 (make-up Saturday 26/4), as of 2025-05-10", model.Month(2025, time.April), vn(2025, 5, 10, 0)},
		}},
	} {
		p, err := sample.Generate(prov.opts)
		require.NoError(t, err)
		ds := slices.Collect(p.Dossiers())
		communes := map[string]bool{}
		var copies []digitisation.CommuneCopy
		for _, c := range p.CertifiedCopies {
			communes[c.UnitID] = c.Electronic
			copies = append(copies, digitisation.CommuneCopy{UnitID: c.UnitID, Offers: c.Electronic})
		}
		for _, per := range prov.periods {
			if per.asOf.IsZero() {
				per.asOf = p.AsOf
			}
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
	}
	if path := os.Getenv("REFJUDGE_DIFF"); path != "" {
		require.NoError(t, os.WriteFile(path, []byte(report), 0o644))
	}
}
