package scorecard

import (
	"slices"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/dedupe"
)

// resendDossiers: unit H44.01 with 418 dossiers on time and 26 late (2.1 = 418/444), then copies more
// copies of the late dossier number 444, each sent again later (Sync.SentAt one minute apart).
func resendDossiers(copies int) []model.Dossier {
	var out []model.Dossier
	for n := 1; n <= 444; n++ {
		out = append(out, dz{unit: "H44.01", n: n, pay: 1, late: n > 418}.build())
	}
	for i := range copies {
		d := dz{unit: "H44.01", n: 444, pay: 1, late: true}.build()
		d.Sync.SentAt = model.Some(vnTime("2026-08-20 09:00").Add(time.Duration(i+1) * time.Minute))
		out = append(out, d)
	}
	return out
}

// TestRunLatestResend is the example of issue 15: 100 copies of one late dossier leave 2.1 at 418/444
// (RunLatest), where scoring every record gives 418/544; the 100 earlier versions are in the re-send
// ledger as superseded.
func TestRunLatestResend(t *testing.T) {
	ds := resendDossiers(100)
	s := mustScorer(t, testInputs(), testOptions())
	tests := []struct {
		name     string
		run      func() (*Card, error)
		num, den int64
	}{
		{"every record (Run)", func() (*Card, error) { return s.Run(slices.Values(ds)) }, 418, 544},
		{"latest version (RunLatest)", func() (*Card, error) { return s.RunLatest(slices.Values(ds), 2) }, 418, 444},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := tc.run()
			if err != nil {
				t.Fatal(err)
			}
			u, ok := c.Unit("H44.01")
			if !ok {
				t.Fatal("no unit H44.01")
			}
			if got := u.Pooled.Metric(indicator.M21); got.Num != tc.num || got.Den != tc.den {
				t.Fatalf("2.1 = %d/%d, want %d/%d", got.Num, got.Den, tc.num, tc.den)
			}
		})
	}
	c, err := s.RunLatest(slices.Values(ds), 1)
	if err != nil {
		t.Fatal(err)
	}
	l := c.Ledgers[len(c.Ledgers)-1]
	if l.Calculator != CalculatorResend || l.Records.Read != 544 || l.Records.Counted != 444 || l.Records.Excluded != 100 {
		t.Fatalf("resend ledger %+v, want read 544 = 444 counted + 100 superseded", l)
	}
	if c.Dossiers != 444 {
		t.Fatalf("Dossiers = %d, want 444", c.Dossiers)
	}
}

// TestRunLatestOlderCopyLast: a version sent earlier but placed later in the input does not win when both
// carry an update time (the on-time correction sent last by time wins over a stale late copy).
func TestRunLatestOlderCopyLast(t *testing.T) {
	fixed := dz{unit: "H44.01", n: 1, pay: 1}.build()
	fixed.Sync.SentAt = model.Some(vnTime("2026-08-20 10:00"))
	stale := dz{unit: "H44.01", n: 1, pay: 1, late: true}.build()
	stale.Sync.SentAt = model.Some(vnTime("2026-08-20 09:00"))
	ds := []model.Dossier{fixed, stale}
	for _, tc := range []struct {
		name     string
		policy   dedupe.Policy
		num, den int64
	}{
		{"by update time (default)", dedupe.Policy{}, 1, 1},
		{"by input order", dedupe.Policy{Version: dedupe.InputOrder}, 0, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := testOptions()
			o.Resend = tc.policy
			c, err := mustScorer(t, testInputs(), o).RunLatest(slices.Values(ds), 1)
			if err != nil {
				t.Fatal(err)
			}
			u, _ := c.Unit("H44.01")
			if got := u.Pooled.Metric(indicator.M21); got.Num != tc.num || got.Den != tc.den {
				t.Fatalf("2.1 = %d/%d, want %d/%d", got.Num, got.Den, tc.num, tc.den)
			}
		})
	}
}
