package sqlio_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"testing"

	"github.com/vn-dvc/chiso766/model/sqlio"
)

// TestFeeAmountNull: a fee row whose amount is NULL is a line of unknown amount (model.Fee.AmountUnknown,
// an obligation of unknown size; docs/rules.md, 3.6), a 0 amount a known zero.
func TestFeeAmountNull(t *testing.T) {
	db := sql.OpenDB(fakeDB{
		"dossiers": {cols: []string{"code", "unit_id"}, rows: [][]driver.Value{vals("H99.01-260803-0001", "H99.01")}},
		"fees": {cols: []string{"dossier_code", "fee_code", "amount"}, rows: [][]driver.Value{
			vals("H99.01-260803-0001", "LP01", nil), vals("H99.01-260803-0001", "LP02", int64(0)),
		}},
	})
	defer db.Close()
	q := sqlio.DossierQueries{Dossiers: sqlio.Query{SQL: "dossiers"}, Fees: sqlio.Query{SQL: "fees"}}
	n := 0
	for d, err := range sqlio.QueryDossiers(context.Background(), db, q) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if len(d.Fees) != 2 || !d.Fees[0].AmountUnknown || d.Fees[1].AmountUnknown || d.Fees[1].Amount != 0 {
			t.Fatalf("fees %+v: want LP01 of unknown amount, LP02 of amount 0", d.Fees)
		}
	}
	if n != 1 {
		t.Fatalf("%d dossiers", n)
	}
}
