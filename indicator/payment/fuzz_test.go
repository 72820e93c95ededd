package payment

import (
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// FuzzClassify feeds arbitrary field values through Classify and an Accumulator: no panic, exactly one
// known reason per dossier, counted iff the reason is a counting one, numerator ⊆ denominator, and a valid
// tally; a calculator with a shared Keys of other inputs gives the same verdict, and notes its 3.6 verdict
// from Add with that Keys' Ref. Seeds: f.Add below and testdata/fuzz/FuzzClassify.
func FuzzClassify(f *testing.F) {
	f.Add("U1", "P1", "1", int64(1786327200), int64(0), int64(50000), int64(0), uint8(1))
	f.Add("U1", "P2", "2", int64(1786327200), int64(1786327200), int64(0), int64(0), uint8(2))
	f.Add("", "P1", "3", int64(0), int64(0), int64(-5), int64(7), uint8(0))
	f.Add("U9", "P9", "x", int64(-62135596800), int64(253402300799), int64(1), int64(0), uint8(3))
	f.Add("U2", "P1.000.00.00.H44", "0", int64(1785949200), int64(0), int64(0), int64(0), uint8(0))
	c := newCalc(f, func(o *Options) { o.CodeMap = map[string]string{"P1.000.00.00.H44": "P1"} })
	shared := indicator.NewKeys([]string{"Z", "U2"}, []string{"Q", "P1.000.00.00.H44", "P2"})
	other := newCalc(f, func(o *Options) {
		o.CodeMap = map[string]string{"P1.000.00.00.H44": "P1"}
		o.Keys = shared
	})
	f.Fuzz(func(t *testing.T, unit, proc, pay string, recv, sub, fee1, fee2 int64, nFees uint8) {
		d := model.Dossier{Code: "D", UnitID: unit, ProcedureCode: proc, OnlinePayment: model.ParseOnlinePayment(pay)}
		if recv != 0 {
			d.ReceivedAt = model.Some(time.Unix(recv, 0))
		}
		if sub != 0 {
			d.SubmittedAt = model.Some(time.Unix(sub, 0))
		}
		for i := range int(nFees % 4) {
			amt := fee1
			if i%2 == 1 {
				amt = fee2
			}
			d.Fees = append(d.Fees, model.Fee{Amount: amt})
		}
		v := c.Classify(&d)
		if w := other.Classify(&d); w != v {
			t.Fatalf("with a shared Keys %+v, own %+v", w, v)
		}
		known := false
		for _, r := range dossierReasons[1:] {
			known = known || r == v.Reason
		}
		if !known {
			t.Fatalf("unknown reason %q", v.Reason)
		}
		if v.Counted != (v.Reason == ReasonPaidOnline || v.Reason == ReasonNotPaidOnline) {
			t.Fatalf("counted %v with reason %s", v.Counted, v.Reason)
		}
		if v.PaidOnline && !v.Counted {
			t.Fatalf("paid online but not counted")
		}
		a := other.NewAccumulator()
		want := indicator.Verdict{Metric: indicator.M36, InDenominator: v.Counted, InNumerator: v.PaidOnline, Reason: v.Reason}
		a.Add(&indicator.Case{Dossier: &d, Ref: shared.Ref(unit, proc)}, func(_ *indicator.Case, m indicator.Verdict) {
			if m != want {
				t.Fatalf("noted %+v, want %+v", m, want)
			}
		})
		a.Add(&indicator.Case{}, nil)
		r := a.Result()
		if r.Ledger.Read != 2 || r.Ledger.Read != r.Ledger.Counted+r.Ledger.Excluded {
			t.Fatalf("ledger %+v", r.Ledger)
		}
		for id, tl := range r.Units {
			if err := tl.Validate(); err != nil {
				t.Fatalf("unit %q: %v", id, err)
			}
		}
		if v.Counted && r.Units[unit].Counts[indicator.M36].Den != 1 {
			t.Fatalf("counted dossier not in its unit's 3.6 denominator")
		}
	})
}
