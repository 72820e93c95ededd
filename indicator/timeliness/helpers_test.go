package timeliness

import (
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// testCalendar is built once (2024–2027: small and fast; dates outside exercise the range exclusion).
var testCalendar = sync.OnceValue(func() *calendar.Calendar {
	c, err := calendar.New(calendar.Options{FromYear: 2024, ToYear: 2027})
	if err != nil {
		panic(err)
	}
	return c
})

// at parses "2006-01-02 15:04" in Vietnam time.
func at(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, model.Vietnam())
	if err != nil {
		panic(err)
	}
	return t
}

// ts is an optional time from "2006-01-02 15:04"; "" is absent.
func ts(s string) model.Time {
	if s == "" {
		return model.Time{}
	}
	return model.Some(at(s))
}

// step is a timeline step: status at time.
type step struct {
	status int
	at     string
}

// supp is a supplement entry: requested, resubmitted ("" = not yet), kind (0 = unknown).
type supp struct {
	req, resub string
	kind       model.SupplementKindCode
	dueBefore  string
}

// rec describes a dossier concisely; build turns it into a model.Dossier.
type rec struct {
	unit, code, proc string
	channel          model.ChannelCode
	status           model.StatusCode
	sub, recv, due   string
	end, rejected    string
	returned         string
	steps            []step
	supps            []supp
}

func (r rec) build() *model.Dossier {
	d := &model.Dossier{
		Code: r.code, UnitID: r.unit, ProcedureCode: r.proc,
		Channel:           model.NewChannel(r.channel),
		Status:            model.NewStatus(r.status),
		SubmittedAt:       ts(r.sub),
		ReceivedAt:        ts(r.recv),
		DueAt:             ts(r.due),
		ProcessingEndedAt: ts(r.end),
		RejectedAt:        ts(r.rejected),
		ResultReturnedAt:  ts(r.returned),
	}
	if d.UnitID == "" {
		d.UnitID = "H44.03"
	}
	if d.Code == "" {
		d.Code = d.UnitID + "-260801-0001"
	}
	for _, s := range r.steps {
		d.Steps = append(d.Steps, model.Step{DossierCode: d.Code, At: ts(s.at), Status: model.NewStatus(model.StatusCode(s.status)), RealEvent: true})
	}
	for _, s := range r.supps {
		d.Supplements = append(d.Supplements, model.Supplement{Kind: model.NewSupplementKind(s.kind), RequestedAt: ts(s.req), ResubmittedAt: ts(s.resub), DueBefore: ts(s.dueBefore)})
	}
	return d
}

// procWD is a catalogue procedure with n working days on every channel.
func procWD(code string, n int64) model.Procedure {
	return model.Procedure{Code: code, Durations: []model.ProcedureDuration{{Amount: decimal.NewFromInt(n), Unit: model.NewDurationUnit(model.DurationWorkingDays)}}}
}

// testCatalogue: P5 = 5 working days, P3CAL = 3 calendar days, P4H = 4 working hours, PNODUE = no due
// date, PMONTH = 1 month (unsupported), PHALF = 0.5 working day.
func testCatalogue() map[string]model.Procedure {
	return map[string]model.Procedure{
		"P5":     procWD("P5", 5),
		"P3CAL":  {Code: "P3CAL", Durations: []model.ProcedureDuration{{Amount: decimal.NewFromInt(3), Unit: model.NewDurationUnit(model.DurationDays)}}},
		"P4H":    {Code: "P4H", Durations: []model.ProcedureDuration{{Amount: decimal.NewFromInt(4), Unit: model.NewDurationUnit(model.DurationHours)}}},
		"PNODUE": {Code: "PNODUE", Durations: []model.ProcedureDuration{{NoDueDate: true}}},
		"PMONTH": {Code: "PMONTH", Durations: []model.ProcedureDuration{{Amount: decimal.NewFromInt(1), Unit: model.NewDurationUnit(model.DurationMonths)}}},
		"PHALF":  {Code: "PHALF", Durations: []model.ProcedureDuration{{Amount: decimal.RequireFromString("0.5"), Unit: model.NewDurationUnit(model.DurationWorkingDays)}}},
	}
}

// baseOptions: August 2026, as of 2026-09-05 10:00, portal policies, the test catalogue.
func baseOptions() Options {
	return Options{
		Period:     model.Month(2026, time.August),
		AsOf:       at("2026-09-05 10:00"),
		Calendar:   testCalendar(),
		Policy:     indicator.Portal().Policy.Timeliness,
		Reception:  indicator.Portal().Policy.Reception,
		Procedures: testCatalogue(),
	}
}

func mustNew(t testing.TB, o Options) *Calculator {
	t.Helper()
	c, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// add judges d into a (the pass's way in, without a Ref).
func add(a *Accumulator, d *model.Dossier) {
	a.Add(&indicator.Case{Dossier: d}, nil)
}

// runSlice is Run over a slice.
func runSlice(c *Calculator, ds []model.Dossier) Result {
	a := c.NewAccumulator()
	for i := range ds {
		add(a, &ds[i])
	}
	return a.Result()
}

// merge is a.Merge(b) for a test that cannot fail.
func merge(t testing.TB, a, b *Accumulator) {
	t.Helper()
	if err := a.Merge(b); err != nil {
		t.Fatal(err)
	}
}
