package quality_test

import (
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/portal"
	"github.com/vn-dvc/chiso766/model/quality"
)

// Check the hand-written golden payload: decode it, attach nothing, and list
// the findings.
func ExampleChecker() {
	f, err := os.Open("../testdata/dossiers.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	checker := quality.NewChecker(quality.Options{
		AsOf:      time.Date(2026, 8, 31, 23, 59, 0, 0, model.Vietnam()),
		Catalogue: []model.Procedure{{Code: "1.001193"}, {Code: "2.000815"}},
		CodeMap:   map[string]string{"1.001193.000.00.00.H44": "1.001193"},
	})
	for d, err := range portal.DecodeDossiers(f) {
		if err != nil {
			fmt.Println("skip:", err)
			continue
		}
		for _, finding := range checker.Check(&d) {
			fmt.Println(finding.Severity, finding.Check, finding.RecordCode, finding.Field)
		}
	}
	// Output:
	// warning placeholder-identifier H44.07-260805-0012 DinhDanhCHS[0].SoDinhDanh
	// info unknown-code H44.07-260805-0012 DuocThanhToanTrucTuyen
	// warning placeholder-identifier 000.00.12.H44-260810-0003 TrichYeuHoSo
	// info unknown-code 000.00.12.H44-260810-0003 DuocThanhToanTrucTuyen
}

// Hash records beforehand (here in a goroutine; in a real pipeline, on the decode workers) and let
// the in-order checker only look their codes up: the findings are Check's.
func ExampleChecker_CheckPrepared() {
	a := model.Dossier{Code: "H44.07-260803-0001", UnitID: "H44.07", Summary: "v1"}
	b := a
	b.Summary = "v2" // re-sent with an update: same unit, procedure, channel and times
	recs := []model.Dossier{a, a, b}
	preps := make(chan []quality.Prepared)
	go func() {
		ps := make([]quality.Prepared, len(recs))
		for i := range recs {
			ps[i] = quality.Prepare(&recs[i])
		}
		preps <- ps
	}()
	ps := <-preps
	// Only the checks that remember earlier records.
	skip := slices.DeleteFunc(quality.AllChecks(), func(c quality.Check) bool {
		return c == quality.DuplicateCode || c == quality.ResendConflict
	})
	checker := quality.NewChecker(quality.Options{Skip: skip})
	for i := range recs {
		for _, f := range checker.CheckPrepared(&recs[i], ps[i]) {
			fmt.Println(f.Severity, f.Check, f.Record, f.Field)
		}
	}
	// Output:
	// warning duplicate-code 1 MaHoSo
	// info duplicate-code 2 MaHoSo
}
