package portal

import (
	"bytes"
	"strings"
	"testing"

	"github.com/vn-dvc/chiso766/model"
)

// TestFeeAmountGiven: a fee line whose Gia is absent, null, empty or blank is of unknown amount
// (model.Fee.AmountUnknown: an obligation of unknown size, docs/rules.md 3.6), a given 0 is a known zero;
// supplement fee lines read the same way, and the encoder writes a line of unknown amount back as one.
func TestFeeAmountGiven(t *testing.T) {
	in := `[{"MaHoSo":"A-260803-0001","DanhSachLePhi":[{"MaPhiLePhi":"absent"},{"MaPhiLePhi":"null","Gia":null},` +
		`{"MaPhiLePhi":"empty","Gia":""},{"MaPhiLePhi":"blank","Gia":"  "},{"MaPhiLePhi":"zero","Gia":"0"},` +
		`{"MaPhiLePhi":"number","Gia":8000},{"MaPhiLePhi":"text","Gia":"50000"}],` +
		`"DanhSachHoSoBoSung":[{"DanhSachLePhiBoSung":[{"MaPhiLePhi":"supp"}]}]}]`
	want := map[string]model.Fee{
		"absent": {AmountUnknown: true}, "null": {AmountUnknown: true}, "empty": {AmountUnknown: true},
		"blank": {AmountUnknown: true}, "zero": {}, "number": {Amount: 8000}, "text": {Amount: 50000},
	}
	check := func(t *testing.T, src string) []byte {
		var out bytes.Buffer
		enc := NewEncoder(&out, Envelope{})
		n := 0
		for d, err := range DecodeDossiers(strings.NewReader(src)) {
			if err != nil {
				t.Fatal(err)
			}
			n++
			if len(d.Fees) != len(want) {
				t.Fatalf("%d fee lines, want %d", len(d.Fees), len(want))
			}
			for _, f := range d.Fees {
				w := want[f.Code]
				if f.Amount != w.Amount || f.AmountUnknown != w.AmountUnknown {
					t.Errorf("%s: amount %d unknown %v, want %d %v", f.Code, f.Amount, f.AmountUnknown, w.Amount, w.AmountUnknown)
				}
			}
			if fs := d.Supplements[0].Fees; len(fs) != 1 || !fs[0].AmountUnknown {
				t.Errorf("supplement fee lines %+v, want one of unknown amount", fs)
			}
			if err := enc.WriteDossier(&d); err != nil {
				t.Fatal(err)
			}
		}
		if n != 1 {
			t.Fatalf("%d dossiers", n)
		}
		if err := enc.Close(); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	again := check(t, in)
	t.Run("encoded and decoded again", func(t *testing.T) { check(t, string(again)) })
}
