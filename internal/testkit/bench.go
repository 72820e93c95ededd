package testkit

import (
	"testing"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// BenchAdd is the calculators' per-dossier benchmark of Accumulator.Add: each dossier of ds becomes an
// indicator.Case, its Ref resolved in keys when keys is not nil (the scorecard's pass) and left
// unresolved otherwise; every Case is added once to warm up (units and reasons seen); then the timed
// loop adds them in turn, with a Note that counts verdicts when note is true (the pass with
// explanations). len(ds) must be a power of two. It reports per-dossier metrics (StartPerRecord).
func BenchAdd(b *testing.B, a indicator.Accumulator, ds []model.Dossier, keys *indicator.Keys, note bool) {
	if len(ds) == 0 || len(ds)&(len(ds)-1) != 0 {
		b.Fatalf("BenchAdd: %d dossiers, want a power of two", len(ds))
	}
	cs := make([]indicator.Case, len(ds))
	for i := range ds {
		cs[i].Dossier = &ds[i]
		if keys != nil {
			cs[i].Ref = keys.Ref(ds[i].UnitID, ds[i].ProcedureCode)
		}
	}
	var nt indicator.Note
	var notes int
	if note {
		nt = func(*indicator.Case, indicator.Verdict) { notes++ }
	}
	for i := range cs {
		a.Add(&cs[i], nil)
	}
	clock := StartPerRecord(b)
	for i := 0; b.Loop(); i++ {
		a.Add(&cs[i&(len(cs)-1)], nt)
	}
	clock.Report(b.N, "dossier")
	if note && notes == 0 && b.N > 0 {
		b.Fatal("BenchAdd: the Note received no verdict")
	}
}
