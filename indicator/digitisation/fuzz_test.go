package digitisation

import (
	"reflect"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// FuzzClassify builds a dossier from fuzzed fields and checks the invariants of a verdict: no panic, five
// metric verdicts in order, a numerator only inside its denominator, an excluded dossier in no denominator
// with its ledger reason on every metric, a counted dossier always in 4.2, 4.5 and 4.6b, and Add keeping
// Read == Counted + Excluded; and that Add hands Metrics' verdicts to its note and counts the same with
// the Keys' Ref, the zero Ref, or without Keys; and that classify's fast path agrees with admit.
func FuzzClassify(f *testing.F) {
	f.Add("U1", "P.PAPER", int64(1785895200), int64(1785891600), uint8(4), uint16(0), "7")
	f.Add("", "P.X", int64(0), int64(0), uint8(1), uint16(0xffff), "")
	f.Add("U2", "P.NOPAPER", int64(-1), int64(1788000000), uint8(7), uint16(0x0155), "3")
	f.Add("U1", "P.BIZ", int64(1785517200), int64(0), uint8(2), uint16(0x8040), "7")   // on the period's start
	f.Add("U.X", "P.PAPER", int64(1788195599), int64(0), uint8(2), uint16(0x80c0), "") // last second of the period
	c := newCalc(f, baseOptions())
	a := c.NewAccumulator()
	ko := baseOptions()
	ko.Keys = indicator.NewKeys([]string{"U2", "U1"}, []string{"P.X", "P.PAPER", "P.NOPAPER", "P.BIZ"})
	ck := newCalc(f, ko)
	ak, a1 := ck.NewAccumulator(), c.NewAccumulator()
	f.Fuzz(func(t *testing.T, unitID, procCode string, recSec, subSec int64, st uint8, bits uint16, db string) {
		d := model.Dossier{UnitID: unitID, ProcedureCode: procCode, Status: model.NewStatus(model.StatusCode(st % 12))}
		if recSec != 0 {
			d.ReceivedAt = model.Some(time.Unix(recSec, 0))
		}
		if subSec != 0 {
			d.SubmittedAt = model.Some(time.Unix(subSec, 0))
		}
		flag := func(i uint) model.Flag { return model.Flag((bits >> (2 * i)) & 3 % 3) }
		d.HasDigitisedComponents, d.VNeIDAuthenticated, d.ResultSyncedToStore = flag(0), flag(1), flag(2)
		if bits&0x40 != 0 {
			d.Files = append(d.Files, model.File{URL: "u", Deleted: flag(4), Digitised: flag(5), FromStore: flag(6)})
		}
		if bits&0x8000 != 0 {
			d.Results = append(d.Results, model.ResultDoc{Code: procCode, URL: db})
		}
		if db != "" {
			d.Databases = []string{db}
		}
		v := c.Classify(&d)
		slow := *c
		slow.lo, slow.hi = 1, 0 // every dossier through admit
		if sv := slow.Classify(&d); sv != v {
			t.Fatalf("admit gives %+v, classify's fast path %+v", sv, v)
		}
		for i, m := range v.Metrics() {
			if m.Metric != dossierMetrics[i] {
				t.Fatalf("metric %d is %s", i, m.Metric)
			}
			if m.InNumerator && !m.InDenominator {
				t.Fatalf("%s: numerator without denominator", m.Metric)
			}
			if !v.Counted && (m.InDenominator || m.Reason != v.Reason) {
				t.Fatalf("excluded dossier in %s (%s)", m.Metric, m.Reason)
			}
			if m.Reason == "" {
				t.Fatalf("%s: empty reason", m.Metric)
			}
		}
		if v.Counted && !(v.Metrics()[1].InDenominator && v.Metrics()[3].InDenominator && v.Metrics()[4].InDenominator) {
			t.Fatalf("counted dossier missing from 4.2/4.5/4.6b: %+v", v)
		}
		if v.Counted { // the bits Add uses agree with the verdicts Metrics reports
			for i, m := range v.Metrics() {
				if m.InDenominator != (v.den>>i&1 == 1) || m.InNumerator != (v.num>>i&1 == 1) {
					t.Fatalf("%s: verdict %+v, bits den %05b num %05b", m.Metric, m, v.den, v.num)
				}
			}
		}
		var notes []indicator.Verdict
		note := func(_ *indicator.Case, m indicator.Verdict) { notes = append(notes, m) }
		ak.Add(&indicator.Case{Dossier: &d, Ref: ko.Keys.Ref(unitID, procCode)}, note)
		ak.Add(&indicator.Case{Dossier: &d}, nil)
		a1.Add(&indicator.Case{Dossier: &d}, nil)
		a1.Add(&indicator.Case{Dossier: &d}, nil)
		if ms := v.Metrics(); !reflect.DeepEqual(notes, ms[:]) {
			t.Fatalf("notes %+v, Metrics %+v", notes, ms)
		}
		if rk, r1 := ak.Result(), a1.Result(); !reflect.DeepEqual(rk.Units, r1.Units) || !reflect.DeepEqual(rk.Ledger.Entries(), r1.Ledger.Entries()) {
			t.Fatalf("Result with Keys %+v, without %+v", rk, r1)
		}
		a.Add(&indicator.Case{Dossier: &d}, nil)
		if l := a.Result().Ledger; l.Read != l.Counted+l.Excluded {
			t.Fatalf("ledger %d != %d + %d", l.Read, l.Counted, l.Excluded)
		}
	})
}
