package scorecard_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
)

// ExampleRunChunks decodes and scores a dossier CSV file on two workers: the file is cut into chunks of
// whole rows, each worker decodes its chunks into its own partial state, and a bad row reaches OnError
// with its row index (here: skipped and listed) while the run goes on.
func ExampleRunChunks() {
	cal, err := calendar.New(calendar.Options{FromYear: 2026, ToYear: 2026})
	if err != nil {
		panic(err)
	}
	in := scorecard.Inputs{Units: []model.Unit{
		{ID: "H44", Kind: model.NewUnitKind(model.UnitProvince)},
		{ID: "H44.01", Kind: model.NewUnitKind(model.UnitCommune), Parent: "H44"},
	}}
	s, err := scorecard.New(in, scorecard.Options{
		Period: model.Month(2026, time.August), AsOf: time.Date(2026, 9, 5, 0, 0, 0, 0, model.Vietnam()),
		Calendar: cal,
	})
	if err != nil {
		panic(err)
	}
	var file strings.Builder
	file.WriteString("code,unit_id,status,received_at,due_at,processing_ended_at\n")
	for i := range 1000 {
		end := "2026-08-06T10:00:00+07:00"
		if i%4 == 0 {
			end = "2026-08-12T10:00:00+07:00" // late
		}
		if i == 500 {
			end = "not a date"
		}
		fmt.Fprintf(&file, "H44.01-260803-%04d,H44.01,10,2026-08-03T09:00:00+07:00,2026-08-10T17:00:00+07:00,%s\n", i, end)
	}
	card, err := scorecard.RunChunks(s, csvio.SplitDossiers(strings.NewReader(file.String())), scorecard.DecodeOptions{
		Workers: 2,
		OnError: func(err error) bool {
			fmt.Println("skipped:", err)
			return true
		},
	})
	if err != nil {
		panic(err)
	}
	u, _ := card.Unit("H44")
	fmt.Println("dossiers:", card.Dossiers, "2.1:", u.Pooled.Metric(indicator.M21).Score.StringFixed(2))
	// Output:
	// skipped: csvio: record 500 (line 502, key "H44.01-260803-0500") column "processing_ended_at": bad date: "not a date"
	// dossiers: 999 2.1: 15.02
}
