package scorecard

import (
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// scTestCalendar is built once (2025–2027).
var scTestCalendar = sync.OnceValue(func() *calendar.Calendar {
	c, err := calendar.New(calendar.Options{FromYear: 2025, ToYear: 2027})
	if err != nil {
		panic(err)
	}
	return c
})

// at parses "2006-01-02 15:04" in Vietnam time.
func vnTime(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, model.Vietnam())
	if err != nil {
		panic(err)
	}
	return t
}

func decOf(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// Units: province H44 with two departments and a commune.
func testUnits() []model.Unit {
	return []model.Unit{
		{ID: "H44", Name: "Tỉnh", Kind: model.NewUnitKind(model.UnitProvince)},
		{ID: "H44.01", Name: "Sở A", Kind: model.NewUnitKind(model.UnitDepartment), Parent: "H44"},
		{ID: "H44.02", Name: "Sở B", Kind: model.NewUnitKind(model.UnitDepartment), Parent: "H44"},
		{ID: "H44.03", Name: "Xã C", Kind: model.NewUnitKind(model.UnitCommune), Parent: "H44"},
	}
}

// P5: 5 working days, a 50 000 VND fee, paper result. Announced by the province H44 on Monday 3/8/2026
// for a legal document effective Saturday 15/8 (deadline: 5 working days before, Monday 10/8: on time,
// 1.1); published on the national database on Wednesday 12/8 (deadline: decision + 5 working days,
// Monday 10/8: late, 1.2); component (đ) "time limit" missing (incomplete, 1.3).
func testProcedures() []model.Procedure {
	pub := model.Publication{
		DecisionID: "QD-1", DecisionDate: model.Some(vnTime("2026-08-03 09:00")),
		Kind:   model.NewPublicationKind(model.PublicationNew),
		Issuer: model.NewUnitKind(model.UnitProvince), IssuerCode: "H44",
		LegalEffectiveDate: model.Some(vnTime("2026-08-15 00:00")),
		PublishedAt:        model.Some(vnTime("2026-08-12 10:00")),
		Components:         [7]bool{true, true, true, true, false, true, true},
	}
	return []model.Procedure{{
		Code:        "P5",
		Publication: []model.Publication{pub},
		Durations:   []model.ProcedureDuration{{Amount: decimal.NewFromInt(5), Unit: model.NewDurationUnit(model.DurationWorkingDays)}},
		Fees:        []model.ProcedureFee{{Code: "LP", Amount: 50000, Known: true}},
		PaperResult: true,
	}}
}

func testOfferings() []model.Offering {
	var out []model.Offering
	for _, u := range []string{"H44.01", "H44.02", "H44.03"} {
		out = append(out, model.Offering{UnitID: u, ProcedureCode: "P5", Level: model.NewOnlineLevel(model.OnlineFull), State: model.NewPublishedState(model.StatePublished)})
	}
	return out
}

// dz describes a dossier of procedure P5 received Monday 3/8/2026 08:00, due Monday 10/8 17:00 and
// finished (status 9) on 7/8 (on time) or 12/8 (late). Unless told otherwise it is perfect for every
// other metric: paid online on the portal, electronic result, digitised, reused, from the store, VNeID.
type dz struct {
	unit    string
	n       int
	late    bool
	pay     model.OnlinePaymentCode // 0 = not paid online
	noEResu bool                    // no result document (fails 4.1 and 4.2)
	noSync  bool                    // never sent to the portal (fails 1.4)
}

func (z dz) code() string { return fmt.Sprintf("%s-260803-%04d", z.unit, z.n) }

func (z dz) build() model.Dossier {
	end := vnTime("2026-08-07 10:00")
	if z.late {
		end = vnTime("2026-08-12 10:00")
	}
	d := model.Dossier{
		Code: z.code(), UnitID: z.unit, ProcedureCode: "P5",
		Channel:                model.NewChannel(model.ChannelOnline),
		Status:                 model.NewStatus(model.StatusCode(9)),
		SubmittedAt:            model.Some(vnTime("2026-08-03 07:30")),
		ReceivedAt:             model.Some(vnTime("2026-08-03 08:00")),
		DueAt:                  model.Some(vnTime("2026-08-10 17:00")),
		ProcessingEndedAt:      model.Some(end),
		Fees:                   []model.Fee{{Code: "LP", Amount: 50000}},
		Files:                  []model.File{{Name: "don.pdf", URL: "https://f/1", Digitised: model.FlagTrue, FromStore: model.FlagTrue}},
		HasDigitisedComponents: model.FlagTrue,
		VNeIDAuthenticated:     model.FlagTrue,
		ResultSyncedToStore:    model.FlagTrue,
	}
	if z.pay != 0 {
		d.OnlinePayment = model.NewOnlinePayment(z.pay)
	} else {
		d.OnlinePayment = model.NewOnlinePayment(model.OnlinePaymentCode(0))
	}
	if !z.noSync {
		d.Sync = model.SyncInfo{SentAt: model.Some(vnTime("2026-08-03 09:00")), ErrorCode: "0"}
	}
	if !z.noEResu {
		d.Results = []model.ResultDoc{{Name: "KQ", Code: "KQ01", URL: "https://r/1"}}
	}
	return d
}

// testDossiers: H44.01 and H44.02 identical (three on time, one late: a tie); H44.03 four on time, one
// paid via the province gateway (code 2: paid), one not paid online and never synced to the portal, one
// without a result.
func testDossiers() []model.Dossier {
	var zs []dz
	for _, u := range []string{"H44.01", "H44.02"} {
		zs = append(zs, dz{unit: u, n: 1, pay: 1}, dz{unit: u, n: 2, pay: 1}, dz{unit: u, n: 3, pay: 1}, dz{unit: u, n: 4, pay: 1, late: true})
	}
	zs = append(zs,
		dz{unit: "H44.03", n: 1, pay: 2},
		dz{unit: "H44.03", n: 2, noSync: true},
		dz{unit: "H44.03", n: 3, noEResu: true},
		dz{unit: "H44.03", n: 4, pay: 1},
	)
	out := make([]model.Dossier, len(zs))
	for i, z := range zs {
		out[i] = z.build()
	}
	return out
}

func testOptions() Options {
	return Options{
		Period:   model.Month(2026, time.August),
		AsOf:     vnTime("2026-09-05 10:00"),
		Calendar: scTestCalendar(),
		Edition:  indicator.Portal(),
	}
}

// testPetitions: two petitions to H44.03 received Monday 3/8/2026 09:00. PK-1 moves to awaiting
// publication on 5/8 and is published on 6/8 (on time, satisfied); PK-2 is still open at the end of the
// period (working day 20 > 15: overdue) and complains about dossier H44.03-260803-0004 (5.3).
func testPetitions() []model.Petition {
	ev := func(k model.PetitionEventCode, s string) model.PetitionEvent {
		return model.PetitionEvent{At: model.Some(vnTime(s)), Kind: model.NewPetitionEventKind(k)}
	}
	return []model.Petition{
		{ID: "PK-1", UnitID: "H44.03", ReceivedAt: model.Some(vnTime("2026-08-03 09:00")),
			Category: model.NewPetitionCategory(model.PetitionProcedure),
			Events: []model.PetitionEvent{
				ev(model.PetitionEventAwaitingPublication, "2026-08-05 10:00"),
				ev(model.PetitionEventPublished, "2026-08-06 10:00"),
			}},
		{ID: "PK-2", UnitID: "H44.03", ReceivedAt: model.Some(vnTime("2026-08-03 09:00")),
			Category: model.NewPetitionCategory(model.PetitionProcedure), DossierCode: "H44.03-260803-0004"},
	}
}

func testInputs() Inputs {
	return Inputs{Units: testUnits(), Procedures: testProcedures(), Offerings: testOfferings(), Petitions: testPetitions()}
}

func mustScorer(t testing.TB, in Inputs, o Options) *Scorer {
	t.Helper()
	s, err := New(in, o)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func mustRun(t testing.TB, s *Scorer, ds []model.Dossier) *Card {
	t.Helper()
	c, err := s.Run(slices.Values(ds))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func testOptionsGen() Options { return testOptions() }
