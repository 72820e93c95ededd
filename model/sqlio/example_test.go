package sqlio_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"

	"github.com/vn-dvc/chiso766/model/sqlio"
)

// Dossiers with their steps and fees from three queries, merged by dossier
// code; a fee of a dossier the dossier query does not return is reported,
// not dropped. (The database here is a test driver; with PostgreSQL the
// queries would be SELECT … FROM chiso_dossiers ORDER BY code COLLATE "C" and
// so on, see docs/sql.md.)
func ExampleQueryDossiers() {
	db := sql.OpenDB(fakeDB{
		"dossiers": {cols: []string{"code", "unit_id", "received_at", "due_at"}, rows: [][]driver.Value{
			vals("H99.01-260803-0001", "H99.01", "2026-08-03T09:30:00+07:00", "2026-08-10T17:00:00+07:00"),
			vals("H99.01-260803-0002", "H99.01", "20260803100000", nil),
		}},
		"steps": {cols: []string{"dossier_code", "at", "status"}, rows: [][]driver.Value{
			vals("H99.01-260803-0001", "2026-08-03T09:30:00+07:00", "2"),
			vals("H99.01-260803-0001", "2026-08-07T15:00:00+07:00", "10"),
		}},
		"fees": {cols: []string{"dossier_code", "fee_code", "amount"}, rows: [][]driver.Value{
			vals("H99.01-260803-0002", "LP01", int64(50000)),
			vals("H99.01-260803-0009", "LP01", int64(50000)),
		}},
	})
	defer db.Close()
	q := sqlio.DossierQueries{
		Dossiers: sqlio.Query{SQL: "dossiers"},
		Steps:    sqlio.Query{SQL: "steps"},
		Fees:     sqlio.Query{SQL: "fees"},
	}
	for d, err := range sqlio.QueryDossiers(context.Background(), db, q) {
		if err != nil {
			var re *sqlio.RowError
			if errors.As(err, &re) && errors.Is(err, sqlio.ErrOrphan) {
				fmt.Printf("orphan: %s row %d, dossier %s\n", re.Query, re.Row, re.Code)
				continue
			}
			fmt.Println("error:", err)
			return
		}
		fmt.Printf("%s: %d steps, %d fees, due %v\n", d.Code, len(d.Steps), len(d.Fees), d.DueAt.Valid)
	}
	// Output:
	// H99.01-260803-0001: 2 steps, 0 fees, due true
	// H99.01-260803-0002: 0 steps, 1 fees, due false
	// orphan: fees row 1, dossier H99.01-260803-0009
}
