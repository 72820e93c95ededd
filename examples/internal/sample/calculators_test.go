package sample

import (
	"testing"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/timeliness"
	"github.com/vn-dvc/chiso766/model"
)

// timelinessCalc returns the 2.1 calculator for the province's year under the portal edition's policies.
func timelinessCalc(t *testing.T, p *Province) *timeliness.Calculator {
	t.Helper()
	procs := make(map[string]model.Procedure, len(p.Procedures))
	for _, pr := range p.Procedures {
		procs[pr.Code] = pr
	}
	pol := indicator.Portal().Policy
	c, err := timeliness.New(timeliness.Options{Period: model.Year(p.Year), AsOf: p.AsOf, Calendar: p.Calendar,
		Policy: pol.Timeliness, Reception: pol.Reception, Procedures: procs})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// checkTimeliness checks the 2.1 calculator's result over the default stream (accumulated by TestPlausibility in
// its single pass): every dossier is accounted for, none is excluded for a data defect (no reception time, end
// before reception, bad supplement, no end time, calendar range), every record category the generator aims at
// shows up in the ledger, and 2.1 lands in a realistic range.
func checkTimeliness(t *testing.T, p *Province, res timeliness.Result) {
	t.Helper()
	l := res.Ledger
	if l.Read != int64(p.Len()) || l.Read != l.Counted+l.Excluded {
		t.Fatalf("ledger read %d, counted %d, excluded %d for %d dossiers", l.Read, l.Counted, l.Excluded, p.Len())
	}
	for _, r := range []indicator.Reason{timeliness.ReasonExcludedNoReceptionTime, timeliness.ReasonExcludedEndBeforeReception,
		timeliness.ReasonExcludedBadSupplement, timeliness.ReasonExcludedNoEndTime, timeliness.ReasonExcludedCalendarRange,
		timeliness.ReasonExcludedOutsidePeriod} {
		if e := l.Entry(r); e.Counted+e.Excluded != 0 {
			t.Errorf("%s: %d dossiers", r, e.Counted+e.Excluded)
		}
	}
	for _, r := range []indicator.Reason{timeliness.ReasonEarly, timeliness.ReasonOnTime, timeliness.ReasonLate,
		timeliness.ReasonOpenWithinDeadline, timeliness.ReasonOpenOverdue, timeliness.ReasonLateRepeatedSupplement,
		timeliness.ReasonSupplementPending, timeliness.ReasonExcludedNoDeadline} {
		if e := l.Entry(r); e.Counted+e.Excluded == 0 {
			t.Errorf("no dossier with reason %s", r)
		}
	}
	var total indicator.Tally
	for _, u := range res.Units {
		total.Merge(u)
	}
	c21 := total.Count(indicator.M21)
	share := float64(c21.Num) / float64(c21.Den)
	b, _ := l.MarshalJSON()
	t.Logf("2.1 = %d/%d = %.4f; ledger %s", c21.Num, c21.Den, share, b)
	if share < 0.90 || share > 0.98 {
		t.Errorf("2.1 ratio %.4f, want within [0.90, 0.98]", share)
	}
	if total.LateOnlineReceptions == 0 || total.OnlineReceived == 0 {
		t.Errorf("reception check: %d late of %d", total.LateOnlineReceptions, total.OnlineReceived)
	}
}
