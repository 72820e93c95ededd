package csvio_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
)

// Read dossiers exported from a database, skipping and reporting bad rows.
func ExampleDecodeDossiers() {
	in := "code,unit_id,channel,status,received_at,fees\n" +
		"H44.07-260805-0012,H44.07,2,9,20260805084500,P-TD|1000000\n" +
		"H44.07-260805-0013,H44.07,1,4,05/08/2026 25:00:00,\n" +
		"H44.07-260806-0001,H44.07,1,releasing,2026-08-06T08:00:00,LP|0\n"
	for d, err := range csvio.DecodeDossiers(strings.NewReader(in)) {
		if err != nil {
			fmt.Println("skip:", err)
			continue
		}
		fmt.Println(d.Code, d.Channel.LabelEN(), int(d.Status.Code()), d.ReceivedAt, d.FeeBearing())
	}
	// Output:
	// H44.07-260805-0012 online 9 2026-08-05T08:45:00+07:00 true
	// skip: csvio: record 1 (line 3, key "H44.07-260805-0013") column "received_at": bad date: "05/08/2026 25:00:00"
	// H44.07-260806-0001 direct 9 2026-08-06T08:00:00+07:00 false
}

// Write petitions in the documented layout.
func ExampleNewPetitionWriter() {
	w := csvio.NewPetitionWriter(os.Stdout)
	p := model.Petition{
		ID: "PAKN-1", UnitID: "H44.07", ReceivedAt: model.Some(mustParse("2026-08-15T09:00:00")),
		Category: model.NewPetitionCategory(model.PetitionStaff), Likes: 1, Dislikes: 4,
	}
	if err := w.Write(&p); err != nil {
		fmt.Println(err)
	}
	if err := w.Flush(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// id,unit_id,title,received_at,forwarded_at,category,dossier_code,likes,dislikes,repeated,events
	// PAKN-1,H44.07,,2026-08-15T09:00:00+07:00,,2,,1,4,0,
}

func mustParse(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02T15:04:05", s, model.Vietnam())
	if err != nil {
		panic(err)
	}
	return t
}
