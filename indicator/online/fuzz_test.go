package online

import (
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// FuzzClassify feeds arbitrary field values through Classify and an Accumulator: no panic, one known reason,
// counted iff the reason is a counting one, numerator ⊆ denominator, and valid tallies; Add with the Ref of
// a shared Keys of other inputs notes the same 3.3 verdict. Seeds: f.Add below and
// testdata/fuzz/FuzzClassify.
func FuzzClassify(f *testing.F) {
	f.Add("U1", "P1", "2", int64(1786327200), int64(0), "KQ", "u")
	f.Add("U1", "P3", "1", int64(0), int64(1786327200), "", "u")
	f.Add("", "P9", "", int64(-62135596800), int64(0), "KQ", "")
	f.Add("U2", "P1.H44", "truc tuyen", int64(1785949200), int64(253402300799), "", "")
	c := newCalc(f, func(o *Options) { o.CodeMap = map[string]string{"P1.H44": "P1"} })
	shared := indicator.NewKeys([]string{"Z", "U2"}, []string{"Q", "P1.H44", "P2"})
	other := newCalc(f, func(o *Options) {
		o.CodeMap = map[string]string{"P1.H44": "P1"}
		o.Keys = shared
	})
	f.Fuzz(func(t *testing.T, unit, proc, ch string, recv, sub int64, resCode, resURL string) {
		d := model.Dossier{Code: "D", UnitID: unit, ProcedureCode: proc, Channel: model.ParseChannel(ch)}
		if recv != 0 {
			d.ReceivedAt = model.Some(time.Unix(recv, 0))
		}
		if sub != 0 {
			d.SubmittedAt = model.Some(time.Unix(sub, 0))
		}
		if resCode != "" || resURL != "" {
			d.Results = []model.ResultDoc{{Code: resCode, URL: resURL}}
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
		if v.Counted != reasonCounted(v.reason) || (v.InNumerator && !v.Counted) || (v.InNumerator && !v.Online) {
			t.Fatalf("inconsistent verdict %+v", v)
		}
		a := other.NewAccumulator()
		a.Add(&indicator.Case{Dossier: &d, Ref: shared.Ref(unit, proc)}, func(_ *indicator.Case, m indicator.Verdict) {
			if m != v.metric33() {
				t.Fatalf("noted %+v, Classify %+v", m, v)
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
		if v.Counted && r.Units[unit].Counts[indicator.M33].Den != 1 {
			t.Fatalf("counted dossier not in its unit's 3.3 denominator")
		}
	})
}
