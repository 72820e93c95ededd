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
		ReasonNoIssuer, ReasonUnknownIssuerLevel, ReasonNoDecisionDate, ReasonDecisionAfterAsOf, ReasonOutOfCalendar} {
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
		a := c.NewAccumulator()
		a.AddProcedure(v)
		a.AddProcedure(v)
		r := a.Result()
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

// FuzzClassify feeds arbitrary dossier dates and sync data through the 1.4 path, and checks that
// ClassifyRef with the Keys' Ref and with NoRef, on a calculator given Keys, gives Classify's verdict and
// the same Result.
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
		if v.Reason == "" || v.Synced && !v.Counted || v.Counted != reasonCounted(v.reason) {
			t.Fatalf("bad verdict %+v", v)
		}
		if got, want := ck.units.Find(unit), keys.Unit(unit); got != want {
			t.Fatalf("units.Find(%q) = %d, Keys.Unit %d", unit, got, want)
		}
		vr, vn := ck.ClassifyRef(&d, keys.Ref(unit, "")), ck.ClassifyRef(&d, indicator.NoRef)
		if public(vr) != public(v) || public(vn) != public(v) {
			t.Fatalf("ClassifyRef %+v / NoRef %+v, Classify %+v", vr, vn, v)
		}
		ak := ck.NewAccumulator()
		ak.Add(vr)
		ak.Add(vn)
		ak.Add(v)
		a := c.NewAccumulator()
		a.Add(v)
		a.Add(v)
		a.Add(v)
		if !reflect.DeepEqual(ak.Result(), a.Result()) {
			t.Fatalf("Result with Keys %+v, without %+v", ak.Result(), a.Result())
		}
		a = c.NewAccumulator()
		a.Add(v)
		r := a.Result()
		if r.Ledger.Read != 1 || r.Ledger.Read != r.Ledger.Counted+r.Ledger.Excluded {
			t.Fatalf("ledger %+v", r.Ledger)
		}
		for id, tl := range r.Units {
			if err := tl.Validate(); err != nil {
				t.Fatalf("unit %q: %v", id, err)
			}
		}
	})
}
