package publication

import (
	"reflect"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

func unixTime(s int64) model.Time {
	if s == 0 {
		return model.None()
	}
	return model.Some(time.Unix(s, 0))
}

// FuzzClassifyProcedure judges a procedure with two decisions built from arbitrary dates, kinds and issuer
// levels: no panic, exactly one judgement per metric and issuer, numerator ⊆ denominator, reasons from the
// documented list, and an accumulator that stays valid and reconciles its ledgers. Seeds: f.Add below and
// testdata/fuzz/FuzzClassifyProcedure.
func FuzzClassifyProcedure(f *testing.F) {
	f.Add("A", "H44", "1", int64(1785722400), int64(1787536800), int64(1786154400), "BTP", "2", int64(1787191200), int64(0), int64(0), uint8(127))
	f.Add("B", "", "5", int64(0), int64(0), int64(0), "", "", int64(-62135596800), int64(253402300799), int64(1), uint8(0))
	f.Add("C", "H44", "1", int64(1787191200), int64(1893456000), int64(1893456000), "H44", "1", int64(1577836800), int64(1577836800), int64(1577923200), uint8(3))
	c := newCalc(f, nil)
	known := map[indicator.Reason]bool{}
	for _, r := range []indicator.Reason{ReasonAnnouncedOnTime, ReasonAnnouncedLate, ReasonNoDecisionInPeriod, ReasonNoEffectiveDate,
		ReasonPublishedOnTime, ReasonPublishedLate, ReasonUnpublished, ReasonNotDue, ReasonPublishedOutsidePeriod,
		ReasonComplete, ReasonIncomplete, ReasonNotPublished, ReasonAbolished, ReasonNoCode, ReasonNoPublication,
		ReasonNoIssuer, ReasonUnknownIssuerLevel, ReasonNoDecisionDate, ReasonDecisionAfterAsOf, ReasonOutOfCalendar, ReasonPlaceholderDate} {
		known[r] = true
	}
	f.Fuzz(func(t *testing.T, code, iss1, lvl1 string, dec1, eff1, pub1 int64, iss2, lvl2 string, dec2, eff2, pub2 int64, comp uint8) {
		var cs [7]bool
		for i := range cs {
			cs[i] = comp&(1<<i) != 0
		}
		p := model.Procedure{Code: code, Publication: []model.Publication{
			{DecisionID: "1", IssuerCode: iss1, Issuer: model.ParseUnitKind(lvl1), DecisionDate: unixTime(dec1), LegalEffectiveDate: unixTime(eff1), PublishedAt: unixTime(pub1), Components: cs},
			{DecisionID: "2", IssuerCode: iss2, Issuer: model.ParseUnitKind(lvl2), DecisionDate: unixTime(dec2), LegalEffectiveDate: unixTime(eff2), PublishedAt: unixTime(pub2), Kind: model.ParsePublicationKind(lvl2)},
		}}
		v := c.ClassifyProcedure(&p)
		if len(v.Judgements)%3 != 0 || len(v.Judgements) == 0 {
			t.Fatalf("judgements %d", len(v.Judgements))
		}
		for _, j := range v.Judgements {
			if !known[j.Reason] || (j.InNumerator && !j.InDenominator) {
				t.Fatalf("bad judgement %+v", j)
			}
		}
		cc := *c
		cc.procs = []model.Procedure{p, p}
		r := cc.NewAccumulator().Result()
		for _, l := range []indicator.Ledger{r.Ledger11, r.Ledger12, r.Ledger13} {
			if l.Read != 2 || l.Read != l.Counted+l.Excluded {
				t.Fatalf("ledger %+v", l)
			}
		}
		for id, tl := range r.Units {
			if err := tl.Validate(); err != nil {
				t.Fatalf("unit %q: %v", id, err)
			}
			for _, m := range []indicator.ID{indicator.M11, indicator.M12, indicator.M13} {
				if tl.Counts[m].Den > 1 {
					t.Fatalf("procedure counted twice at %q for %s", id, m)
				}
			}
		}
	})
}

// FuzzClassify feeds arbitrary dossier dates and sync data through the 1.4 path: a valid verdict, the
// same one with or without Keys, and the same Result whether Add resolves the unit through the Case's Ref,
// by its id in the Keys, or by its id without Keys; the note receives the verdict's 1.4 judgement.
func FuzzClassify(f *testing.F) {
	f.Add("H44", int64(1786327200), int64(0), int64(1786327200), "0")
	f.Add("", int64(0), int64(1786327200), int64(0), "")
	f.Add("H44.100", int64(1786327200), int64(0), int64(1893456000), "-3")
	f.Add("H44", int64(1785517200), int64(0), int64(1788541200), "0") // on the period's start; sent at AsOf
	f.Add("H45", int64(1788195599), int64(0), int64(1788541199), "")  // last second of the period
	c := newCalc(f, nil)
	keys := indicator.NewKeys([]string{"H45", "H44", "H44.100"}, nil)
	ck := newCalc(f, func(o *Options) { o.Keys = keys })
	f.Fuzz(func(t *testing.T, unit string, recv, sub, sent int64, code string) {
		d := model.Dossier{UnitID: unit, ReceivedAt: unixTime(recv), SubmittedAt: unixTime(sub), Sync: model.SyncInfo{SentAt: unixTime(sent), ErrorCode: code}}
		v := c.Classify(&d)
		if v.Reason == "" || v.Synced && !v.Counted {
			t.Fatalf("bad verdict %+v", v)
		}
		if vk := ck.Classify(&d); vk != v {
			t.Fatalf("Classify with Keys %+v, without %+v", vk, v)
		}
		var notes []indicator.Verdict
		note := func(_ *indicator.Case, x indicator.Verdict) { notes = append(notes, x) }
		ak := ck.NewAccumulator()
		ak.Add(&indicator.Case{Dossier: &d, Ref: keys.Ref(unit, "")}, note)
		ak.Add(&indicator.Case{Dossier: &d}, note)
		ak.Add(&indicator.Case{Dossier: &d}, nil)
		a := c.NewAccumulator()
		for range 3 {
			a.Add(&indicator.Case{Dossier: &d}, nil)
		}
		if !reflect.DeepEqual(ak.Result(), a.Result()) {
			t.Fatalf("Result with Keys %+v, without %+v", ak.Result(), a.Result())
		}
		w := indicator.Verdict{Metric: indicator.M14, InDenominator: v.Counted, InNumerator: v.Synced, Reason: v.Reason}
		if !reflect.DeepEqual(notes, []indicator.Verdict{w, w}) {
			t.Fatalf("notes %+v, want twice %+v", notes, w)
		}
		r := a.Result()
		if r.Ledger.Read != 3 || r.Ledger.Read != r.Ledger.Counted+r.Ledger.Excluded {
			t.Fatalf("ledger %+v", r.Ledger)
		}
		for id, tl := range r.Units {
			if err := tl.Validate(); err != nil {
				t.Fatalf("unit %q: %v", id, err)
			}
		}
	})
}
