package digitisation_test

import (
	"fmt"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/digitisation"
	"github.com/vn-dvc/chiso766/model"
)

// 4.2 counts a submitted component as digitised only when it has a file link (decided;
// Policy.UnlinkedFilesCount false). An entry that lists the component without a link does not count;
// UnlinkedFilesCount true restores the earlier reading.
func ExampleCalculator_Classify_unlinkedFile() {
	vn := model.Vietnam()
	d := model.Dossier{Code: "H44.100-260812-0001", UnitID: "H44.100", ProcedureCode: "1.001",
		ReceivedAt: model.Some(time.Date(2026, 8, 12, 9, 30, 0, 0, vn)),
		Files:      []model.File{{Name: "Tờ khai", ComponentCode: "TP01"}}, // no DuongDanTaiTepTin
		Results:    []model.ResultDoc{{Code: "KQ.01", URL: "https://kq/1.pdf"}}}
	for _, unlinked := range []bool{false, true} {
		pol := indicator.DefaultDigitisationPolicy()
		pol.UnlinkedFilesCount = unlinked
		c, err := digitisation.New(digitisation.Options{
			Period: model.Month(2026, time.August), AsOf: time.Date(2026, 9, 5, 0, 0, 0, 0, vn),
			Policy: pol, Reception: indicator.DefaultReceptionPolicy(),
		})
		if err != nil {
			fmt.Println(err)
			return
		}
		v, _ := c.Classify(&d).Metric(indicator.M42)
		fmt.Printf("UnlinkedFilesCount %v: 4.2 numerator %v (%s)\n", unlinked, v.InNumerator, v.Reason)
	}
	// Output:
	// UnlinkedFilesCount false: 4.2 numerator false (digitisation.no_submitted_file)
	// UnlinkedFilesCount true: 4.2 numerator true (digitisation.digitised)
}
