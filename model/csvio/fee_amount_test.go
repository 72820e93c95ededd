package csvio

import (
	"bytes"
	"testing"

	"github.com/vn-dvc/chiso766/model"
)

// TestFeeAmountUnknown: an empty amount in a dossier's fee item is an obligation of unknown size
// (model.Fee.AmountUnknown; docs/rules.md, 3.6), not 0; a written line of unknown amount reads back as one.
func TestFeeAmountUnknown(t *testing.T) {
	in := model.Dossier{Code: "H44.01-260803-0001", UnitID: "H44.01",
		Fees: []model.Fee{{Code: "LP1", Amount: 0}, {Code: "LP2", AmountUnknown: true}, {Code: "LP3", Amount: 50000}}}
	var buf bytes.Buffer
	w := NewDossierWriter(&buf)
	if err := w.Write(&in); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	var got []model.Fee
	for d, err := range DecodeDossiers(&buf) {
		if err != nil {
			t.Fatal(err)
		}
		got = d.Fees
	}
	want := []model.Fee{{Code: "LP1"}, {Code: "LP2", AmountUnknown: true}, {Code: "LP3", Amount: 50000}}
	if len(got) != len(want) {
		t.Fatalf("fees %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].Code != want[i].Code || got[i].Amount != want[i].Amount || got[i].AmountUnknown != want[i].AmountUnknown {
			t.Errorf("fee %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}
