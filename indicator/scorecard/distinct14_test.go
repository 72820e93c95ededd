package scorecard

import (
	"slices"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// TestSyncCountsDistinctCodes is decision 3 of issue 13 through the scorecard: one dossier code sent three
// times (rejected, rejected, accepted) is one dossier of 1.4, synced at its latest version, under RunLatest;
// Run, which scores every record as given, counts three.
func TestSyncCountsDistinctCodes(t *testing.T) {
	var ds []model.Dossier
	for i, code := range []string{"-1", "-1", "0"} {
		d := dz{unit: "H44.01", n: 7}.build()
		d.Sync = model.SyncInfo{SentAt: model.Some(vnTime("2026-08-03 09:00").Add(time.Duration(i) * time.Hour)), ErrorCode: code}
		ds = append(ds, d)
	}
	s := mustScorer(t, testInputs(), testOptions())
	for _, tc := range []struct {
		name     string
		run      func() (*Card, error)
		num, den int64
	}{
		{"RunLatest", func() (*Card, error) { return s.RunLatest(slices.Values(ds), 1) }, 1, 1},
		{"Run", func() (*Card, error) { return s.Run(slices.Values(ds)) }, 1, 3},
	} {
		c, err := tc.run()
		if err != nil {
			t.Fatal(err)
		}
		u, ok := c.Unit("H44.01")
		if !ok {
			t.Fatal("no unit H44.01")
		}
		if got := u.Pooled.Metric(indicator.M14); got.Num != tc.num || got.Den != tc.den {
			t.Errorf("%s: 1.4 = %d/%d, want %d/%d", tc.name, got.Num, got.Den, tc.num, tc.den)
		}
	}
}
