package satisfaction_test

import (
	"fmt"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/satisfaction"
	"github.com/vn-dvc/chiso766/model"
)

func Example() {
	vn := model.Vietnam()
	at := func(m, d int) model.Time { return model.Some(time.Date(2026, time.Month(m), d, 9, 0, 0, 0, vn)) }
	cal, err := calendar.New(calendar.Options{FromYear: 2025, ToYear: 2027})
	if err != nil {
		fmt.Println(err)
		return
	}
	procedure := model.NewPetitionCategory(model.PetitionProcedure)
	petitions := []model.Petition{
		{ID: "1", UnitID: "H44.100", ReceivedAt: at(8, 3), Category: procedure, Events: []model.PetitionEvent{
			{At: at(8, 14), Kind: model.NewPetitionEventKind(model.PetitionEventAwaitingPublication)},
			{At: at(8, 17), Kind: model.NewPetitionEventKind(model.PetitionEventPublished)}}},
		{ID: "2", UnitID: "H44.100", ReceivedAt: at(8, 4), Category: procedure, Likes: 0, Dislikes: 2, Events: []model.PetitionEvent{
			{At: at(8, 5), Kind: model.NewPetitionEventKind(model.PetitionEventRejected)}}},
		{ID: "3", UnitID: "H44.100", ReceivedAt: at(8, 3), Category: model.NewPetitionCategory(model.PetitionStaff)}, // still open
	}
	c, err := satisfaction.New(satisfaction.Options{
		Period:    model.Month(2026, time.August),
		AsOf:      time.Date(2026, 9, 5, 0, 0, 0, 0, vn),
		Calendar:  cal,
		Policy:    indicator.Portal().Policy.Satisfaction,
		Ratings:   []model.Rating{{DossierCode: "H44.100-260805-0002", Dislike: true}},
		Petitions: petitions,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	// Each dossier with its 2.1 outcome, as indicator/timeliness judged it earlier in the pass.
	dossiers := []model.Dossier{
		{Code: "H44.100-260805-0001", UnitID: "H44.100"},
		{Code: "H44.100-260805-0002", UnitID: "H44.100"},
		{Code: "H44.100-260805-0003", UnitID: "H44.100"},
	}
	timing := []indicator.Timing{indicator.OnTime, indicator.OnTime, indicator.Late}
	r := c.Run(func(yield func(model.Dossier, indicator.Timing) bool) {
		for i, d := range dossiers {
			if !yield(d, timing[i]) {
				return
			}
		}
	})
	t := r.Units["H44.100"]
	for _, id := range []indicator.ID{indicator.M50, indicator.M51, indicator.M52, indicator.M53} {
		fmt.Printf("%s %d/%d\n", id, t.Counts[id].Num, t.Counts[id].Den)
	}
	fmt.Println("staff", t.PetitionsStaff)
	for _, e := range r.Petitions.Entries() {
		fmt.Println(e.Reason, e.Counted)
	}
	// Output:
	// 5.0 2/3
	// 5.1 2/3
	// 5.2 1/3
	// 5.3 1/3
	// staff 1
	// satisfaction.petition_on_time 2
	// satisfaction.petition_open_overdue 1
}

// ExampleCalculator_ClassifyPetition shows a forwarded petition: its deadlines run from the forwarding.
func ExampleCalculator_ClassifyPetition() {
	vn := model.Vietnam()
	at := func(m, d int) model.Time { return model.Some(time.Date(2026, time.Month(m), d, 9, 0, 0, 0, vn)) }
	cal, _ := calendar.New(calendar.Options{FromYear: 2025, ToYear: 2027})
	c, _ := satisfaction.New(satisfaction.Options{
		Period: model.Month(2026, time.August), AsOf: time.Date(2026, 9, 5, 0, 0, 0, 0, vn), Calendar: cal,
		Policy: indicator.Portal().Policy.Satisfaction,
	})
	p := model.Petition{ID: "77", UnitID: "H44.100", ReceivedAt: at(8, 3), ForwardedAt: at(8, 10),
		Events: []model.PetitionEvent{{At: at(8, 28), Kind: model.NewPetitionEventKind(model.PetitionEventPublished)}}}
	v := c.ClassifyPetition(&p)
	fmt.Println(v.Status, v.Forwarded, v.WorkingDays, v.Missed)
	// Output:
	// handled-on-time true 15 {}
}
