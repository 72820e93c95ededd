package scorecard

import (
	"fmt"
	"iter"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/model"
)

// A synthetic province for the sharding tests and the benchmarks: one root, genDepts departments and
// genCommunes communes, genProcs procedures (durations, fees, paper results), every unit offering a
// few of them, genPool distinct dossiers with varied fields (on time, late, open, pending supplement,
// received outside the period, paid online or not, zero fees, files, results, flags, channels) that a
// stream cycles through.
const (
	genDepts    = 20
	genCommunes = 60
	genProcs    = 50
	genPool     = 1024
)

func genUnits() []model.Unit {
	us := []model.Unit{{ID: "G00", Name: "Tỉnh G", Kind: model.NewUnitKind(model.UnitProvince)}}
	for i := range genDepts {
		us = append(us, model.Unit{ID: fmt.Sprintf("G00.D%02d", i), Kind: model.NewUnitKind(model.UnitDepartment), Parent: "G00"})
	}
	for i := range genCommunes {
		us = append(us, model.Unit{ID: fmt.Sprintf("G00.C%02d", i), Kind: model.NewUnitKind(model.UnitCommune), Parent: "G00"})
	}
	return us
}

func genProcedures() []model.Procedure {
	var ps []model.Procedure
	for i := range genProcs {
		p := model.Procedure{
			Code:        fmt.Sprintf("1.%06d", i),
			Durations:   []model.ProcedureDuration{{Amount: decimal.NewFromInt(int64(1 + i%10)), Unit: model.NewDurationUnit(model.DurationWorkingDays)}},
			PaperResult: i%3 != 0,
			Applicants:  []string{model.ApplicantVietnameseCitizen},
		}
		if i%2 == 0 {
			p.Fees = []model.ProcedureFee{{Code: "LP", Amount: int64(10000 * (1 + i%5)), Known: true}}
		}
		if i%5 == 0 { // announced by the province in August, published a few days later
			dec := time.Date(2026, 8, 1+i%20, 9, 0, 0, 0, model.Vietnam())
			p.Publication = []model.Publication{{
				DecisionID: fmt.Sprintf("QD-%d", i), DecisionDate: model.Some(dec),
				Kind:   model.NewPublicationKind(model.PublicationNew),
				Issuer: model.NewUnitKind(model.UnitProvince), IssuerCode: "G00",
				LegalEffectiveDate: model.Some(dec.AddDate(0, 0, 3+i%15)),
				PublishedAt:        model.Some(dec.AddDate(0, 0, 1+i%12)),
				Components:         [7]bool{true, true, true, true, i%3 != 0, true, true},
			}}
		}
		ps = append(ps, p)
	}
	return ps
}

func genOfferings(units []model.Unit) []model.Offering {
	var os []model.Offering
	for ui, u := range units[1:] {
		for j := range 8 {
			os = append(os, model.Offering{
				UnitID: u.ID, ProcedureCode: fmt.Sprintf("1.%06d", (ui*7+j)%genProcs),
				Level: model.NewOnlineLevel(model.OnlineLevelCode(3 + j%2)), State: model.NewPublishedState(model.StatePublished),
			})
		}
	}
	return os
}

func genInputs() Inputs {
	us := genUnits()
	var pets []model.Petition
	for i := range 200 {
		p := model.Petition{
			ID: fmt.Sprintf("PK-%04d", i), UnitID: us[1+i%(len(us)-1)].ID,
			ReceivedAt: model.Some(time.Date(2026, 8, 1+i%28, 9, 0, 0, 0, model.Vietnam())),
			Category:   model.NewPetitionCategory(model.PetitionCategoryCode(1 + i%2)),
			Likes:      int64(i % 3), Dislikes: int64(i % 4),
		}
		if i%3 == 0 {
			p.Events = []model.PetitionEvent{{At: model.Some(p.ReceivedAt.T.AddDate(0, 0, 3)), Kind: model.NewPetitionEventKind(model.PetitionEventPublished)}}
		}
		if i%5 == 0 {
			p.DossierCode = fmt.Sprintf("%s-260801-%06d", p.UnitID, i)
		}
		pets = append(pets, p)
	}
	var ratings []model.Rating
	for i := range 300 {
		ratings = append(ratings, model.Rating{DossierCode: fmt.Sprintf("X-%06d", i*13), Dislike: i%4 == 0})
	}
	return Inputs{Units: us, Procedures: genProcedures(), Offerings: genOfferings(us), Petitions: pets, Ratings: ratings}
}

// genDossier builds pool dossier i (deterministic).
func genDossier(i int, units []model.Unit) model.Dossier {
	vn := model.Vietnam()
	u := units[1+i%(len(units)-1)].ID
	if i%97 == 0 {
		u = "G00" // a few dossiers of the province itself
	}
	day := 1 + (i*7)%31
	month := time.August
	if i%41 == 0 {
		month = time.July // received before the period
	}
	recv := time.Date(2026, month, day, 8+i%9, (i*13)%60, 0, 0, vn)
	due := recv.AddDate(0, 0, 3+i%9)
	d := model.Dossier{
		Code:          fmt.Sprintf("%s-2608%02d-%06d", u, day, i),
		UnitID:        u,
		ProcedureCode: fmt.Sprintf("1.%06d", (i*11)%genProcs),
		Channel:       model.NewChannel(model.ChannelCode(1 + i%3)),
		SubmittedAt:   model.Some(recv.Add(-time.Duration(i%20) * time.Hour)),
		ReceivedAt:    model.Some(recv),
		DueAt:         model.Some(due),
		OnlinePayment: model.NewOnlinePayment(model.OnlinePaymentCode(i % 4)),
	}
	if i%11 == 0 {
		d.DueAt = model.Time{} // due date from the procedure's duration
	}
	switch i % 7 {
	case 0, 1, 2: // finished on time
		d.Status = model.NewStatus(9)
		d.ProcessingEndedAt = model.Some(recv.Add(time.Duration(24+i%48) * time.Hour))
	case 3: // finished late
		d.Status = model.NewStatus(10)
		d.ProcessingEndedAt = model.Some(due.AddDate(0, 0, 2+i%5))
	case 4: // open
		d.Status = model.NewStatus(4)
	case 5: // pending supplement
		d.Status = model.NewStatus(5)
		d.Supplements = []model.Supplement{{RequestedAt: model.Some(recv.AddDate(0, 0, 1))}}
	case 6: // withdrawn, or not received yet
		if i%2 == 0 {
			d.Status = model.NewStatus(7)
			d.ProcessingEndedAt = model.Some(recv.AddDate(0, 0, 1))
		} else {
			d.Status = model.NewStatus(1)
			d.ReceivedAt = model.Time{}
		}
	}
	if i%3 != 0 {
		d.Fees = []model.Fee{{Code: "LP", Amount: int64(i%4) * 10000}}
	}
	if i%2 == 0 {
		d.Files = []model.File{{Name: "f.pdf", URL: "u", Digitised: model.FlagOf(i%4 == 0), FromStore: model.FlagOf(i%8 == 0)}}
	}
	if i%5 != 0 {
		d.Results = []model.ResultDoc{{Code: "KQ", URL: "r"}}
	}
	d.VNeIDAuthenticated = model.FlagOf(i%3 == 1)
	if i%4 != 0 {
		d.Sync = model.SyncInfo{SentAt: model.Some(recv.Add(time.Hour)), ErrorCode: "0"}
		if i%13 == 0 {
			d.Sync.ErrorCode = "E1"
		}
	}
	if i%9 == 0 {
		d.Databases = []string{"7"}
	}
	return d
}

func genPoolOf(n int, units []model.Unit) []model.Dossier {
	out := make([]model.Dossier, n)
	for i := range out {
		out[i] = genDossier(i, units)
	}
	return out
}

// cycle streams n dossiers by cycling through pool (the same values; no per-dossier allocation).
func cycle(pool []model.Dossier, n int) iter.Seq[model.Dossier] {
	return func(yield func(model.Dossier) bool) {
		for i := range n {
			if !yield(pool[i%len(pool)]) {
				return
			}
		}
	}
}
