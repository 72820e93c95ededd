package quality_test

import (
	"fmt"
	"os"
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
