package satisfaction

import (
	"errors"
	"iter"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/internal/testkit"
	"github.com/vn-dvc/chiso766/model"
)

// ---- test helpers: concise records ----

var vn = model.Vietnam()

// day returns 09:00 on the given day of 2026 (month m).
func day(m, d int) model.Time { return model.Some(time.Date(2026, time.Month(m), d, 9, 0, 0, 0, vn)) }

// timingOf is the 2.1 outcome the tests give a dossier: codes containing "OUT" are not received and
// processed in the period, those containing "LATE" were resolved late.
func timingOf(d *model.Dossier) indicator.Timing {
	switch {
	case strings.Contains(d.Code, "OUT"):
		return indicator.NotTimed
	case strings.Contains(d.Code, "LATE"):
		return indicator.Late
	}
	return indicator.OnTime
}

// timed streams ds with timingOf, for Run.
func timed(ds []model.Dossier) iter.Seq2[model.Dossier, indicator.Timing] {
	return func(yield func(model.Dossier, indicator.Timing) bool) {
		for i := range ds {
			if !yield(ds[i], timingOf(&ds[i])) {
				return
			}
		}
	}
}

func baseOptions(t testing.TB) Options {
	return Options{
		Period:   model.Month(2026, time.August),
		AsOf:     time.Date(2026, 9, 10, 0, 0, 0, 0, vn),
		Calendar: testkit.Calendar(t, 2025, 2027),
		Policy:   indicator.DefaultSatisfactionPolicy(),
	}
}

func newCalc(t testing.TB, o Options) *Calculator {
	t.Helper()
	c, err := New(o)
	require.NoError(t, err)
	return c
}

type popt func(*model.Petition)

// petition: unit U1, id P1, policy/procedure category, first received Monday 3/8/2026 09:00, no events.
func petition(opts ...popt) model.Petition {
	p := model.Petition{ID: "P1", UnitID: "U1", ReceivedAt: day(8, 3), Category: model.NewPetitionCategory(model.PetitionProcedure)}
	for _, o := range opts {
		o(&p)
	}
	return p
}

func ev(k model.PetitionEventCode, at model.Time) popt {
	return func(p *model.Petition) {
		p.Events = append(p.Events, model.PetitionEvent{At: at, Kind: model.NewPetitionEventKind(k)})
	}
}
func forwarded(at model.Time) popt { return func(p *model.Petition) { p.ForwardedAt = at } }
func recv(at model.Time) popt      { return func(p *model.Petition) { p.ReceivedAt = at } }
func cat(k model.PetitionCategoryCode) popt {
	return func(p *model.Petition) { p.Category = model.NewPetitionCategory(k) }
}
func likes(l, d int64) popt { return func(p *model.Petition) { p.Likes, p.Dislikes = l, d } }
func repeated() popt        { return func(p *model.Petition) { p.Repeated = true } }
func pid(id string) popt    { return func(p *model.Petition) { p.ID = id } }
func punit(u string) popt   { return func(p *model.Petition) { p.UnitID = u } }

const (
	awaiting  = model.PetitionEventAwaitingPublication
	published = model.PetitionEventPublished
	rejected  = model.PetitionEventRejected
	moreInfo  = model.PetitionEventInfoRequested
)

// The announced 2026 layout makes Saturday 22/8 a make-up working day and Monday 31/8 a day off (swapped),
// before the National Day holidays of 1–2/9. So from Monday 3/8, working day 2 is Wed 5/8, 5 is Mon 10/8,
// 15 is Sat 22/8, 16 is Mon 24/8, and the period's last day 31/8 is day 20 (not a working day: the count
// stays at Fri 28/8's).

// ---- petition rules (docs/rules.md, 5.0–5.2) ----

func TestPetitionRules(t *testing.T) {
	c := newCalc(t, baseOptions(t))
	cases := []struct {
		name    string
		p       model.Petition
		status  PetitionStatus
		missed  Missed
		reason  indicator.Reason // ledger (and 5.1) reason
		r52     indicator.Reason
		days    int
		forward bool
	}{
		// start processing (move to awaiting publication / published) ≤ 15 working days
		{"start/awaiting publication on day 15 (make-up Saturday 22/8) is on time", petition(ev(awaiting, day(8, 22)), ev(published, day(8, 24))),
			HandledOnTime, 0, ReasonPetitionOnTime, ReasonPetitionSatisfied, 15, false},
		{"start/awaiting publication on day 16 is late", petition(ev(awaiting, day(8, 24)), ev(published, day(8, 24))),
			HandledLate, MissedStart, ReasonPetitionLate, ReasonPetitionHandledLate, 16, false},
		{"start/published directly on day 3", petition(ev(published, day(8, 6))), HandledOnTime, 0, ReasonPetitionOnTime, ReasonPetitionSatisfied, 3, false},
		// reject ≤ 2
		{"reject/on day 2", petition(ev(rejected, day(8, 5))), HandledOnTime, 0, ReasonPetitionOnTime, ReasonPetitionSatisfied, 2, false},
		{"reject/on day 3 is late", petition(ev(rejected, day(8, 6))), HandledLate, MissedReject, ReasonPetitionLate, ReasonPetitionHandledLate, 3, false},
		// more information ≤ 5
		{"more info/requested on day 5", petition(ev(moreInfo, day(8, 10)), ev(awaiting, day(8, 12)), ev(published, day(8, 12))),
			HandledOnTime, 0, ReasonPetitionOnTime, ReasonPetitionSatisfied, 7, false},
		{"more info/requested on day 6 makes the handling late", petition(ev(moreInfo, day(8, 11)), ev(awaiting, day(8, 12)), ev(published, day(8, 12))),
			HandledLate, MissedMoreInfo, ReasonPetitionLate, ReasonPetitionHandledLate, 7, false},
		// publish ≤ 2 (from awaiting publication)
		{"publish/2 working days after awaiting publication", petition(ev(awaiting, day(8, 12)), ev(published, day(8, 14))),
			HandledOnTime, 0, ReasonPetitionOnTime, ReasonPetitionSatisfied, 7, false},
		{"publish/3 working days after awaiting publication is late", petition(ev(awaiting, day(8, 12)), ev(published, day(8, 17))),
			HandledLate, MissedPublish, ReasonPetitionLate, ReasonPetitionHandledLate, 7, false},
		{"publish/published recorded before awaiting publication is not overdue", petition(ev(awaiting, day(8, 12)), ev(published, day(8, 11))),
			HandledOnTime, 0, ReasonPetitionOnTime, ReasonPetitionSatisfied, 6, false},
		{"publish/still unpublished at period end is late", petition(ev(awaiting, day(8, 12))),
			HandledLate, MissedPublish, ReasonPetitionLate, ReasonPetitionHandledLate, 7, false},
		// forwarded: deadlines from the latest forwarding date
		{"forwarded/deadline runs from the latest forwarding", petition(forwarded(day(8, 10)), ev(awaiting, day(8, 28)), ev(published, day(8, 28))),
			HandledOnTime, 0, ReasonPetitionOnTime, ReasonPetitionSatisfied, 15, true},
		{"forwarded/same answer date is late counted from first reception", petition(ev(awaiting, day(8, 28)), ev(published, day(8, 28))),
			HandledLate, MissedStart, ReasonPetitionLate, ReasonPetitionHandledLate, 20, false},
		{"forwarded/forwarding before reception is ignored", petition(forwarded(day(7, 20)), ev(rejected, day(8, 5))),
			HandledOnTime, 0, ReasonPetitionOnTime, ReasonPetitionSatisfied, 2, false},
		// open petitions: within deadline while (period end or AsOf) − start ≤ 15 working days
		{"open/received late in the month is within deadline at period end", petition(recv(day(8, 20))),
			OpenWithinDeadline, 0, ReasonPetitionOpenWithin, ReasonPetitionSatisfied, 7, false},
		{"open/received 3/8 is overdue at period end", petition(), OpenOverdue, MissedStart, ReasonPetitionOpenOverdue, ReasonPetitionHandledLate, 20, false},
		{"open/forwarded 17/8 is within deadline at period end", petition(forwarded(day(8, 17))),
			OpenWithinDeadline, 0, ReasonPetitionOpenWithin, ReasonPetitionSatisfied, 10, true},
		// 5.2: unsatisfied (dislikes > likes), repeated, or handled late
		{"5.2/more dislikes than likes", petition(likes(1, 2), ev(rejected, day(8, 4))), HandledOnTime, 0, ReasonPetitionOnTime, ReasonPetitionUnsatisfied, 1, false},
		{"5.2/as many dislikes as likes is satisfied", petition(likes(2, 2), ev(rejected, day(8, 4))), HandledOnTime, 0, ReasonPetitionOnTime, ReasonPetitionSatisfied, 1, false},
		{"5.2/repeated petition", petition(repeated(), ev(rejected, day(8, 4))), HandledOnTime, 0, ReasonPetitionOnTime, ReasonPetitionRepeated, 1, false},
		{"5.2/unsatisfied takes precedence over late", petition(likes(0, 1), ev(rejected, day(8, 20))), HandledLate, MissedReject, ReasonPetitionLate, ReasonPetitionUnsatisfied, 13, false},
		// events out of order and duplicates: the earliest of each kind
		{"events/unordered, earliest answer wins", petition(ev(published, day(8, 26)), ev(awaiting, day(8, 5)), ev(published, day(8, 6))),
			HandledOnTime, 0, ReasonPetitionOnTime, ReasonPetitionSatisfied, 2, false},
		{"events/absent event time is ignored", petition(ev(rejected, model.None())), OpenOverdue, MissedStart, ReasonPetitionOpenOverdue, ReasonPetitionHandledLate, 20, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := c.ClassifyPetition(&tc.p)
			require.True(t, v.Counted, "reason %s", v.Reason)
			assert.Equal(t, tc.status, v.Status, "status")
			assert.Equal(t, tc.missed, v.Missed, "missed %s", v.Missed)
			assert.Equal(t, tc.reason, v.Reason)
			assert.Equal(t, tc.days, v.WorkingDays, "working days")
			assert.Equal(t, tc.forward, v.Forwarded)
			m51, m52 := v.Metrics[1], v.Metrics[2]
			assert.Equal(t, indicator.Verdict{Metric: indicator.M51, InDenominator: true,
				InNumerator: tc.status == HandledOnTime || tc.status == OpenWithinDeadline, Reason: tc.reason}, m51)
			assert.Equal(t, tc.r52, m52.Reason, "5.2 reason")
			assert.True(t, m52.InDenominator)
			assert.Equal(t, tc.r52 == ReasonPetitionSatisfied, m52.InNumerator)
		})
	}
}

func TestOpenPetitionDay15And16(t *testing.T) {
	for _, tc := range []struct {
		name   string
		asOf   time.Time
		status PetitionStatus
		days   int
	}{
		{"working day 15: within deadline", time.Date(2026, 8, 22, 16, 0, 0, 0, vn), OpenWithinDeadline, 15},
		{"working day 16: overdue", time.Date(2026, 8, 24, 8, 0, 0, 0, vn), OpenOverdue, 16},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := baseOptions(t)
			o.AsOf = tc.asOf
			c := newCalc(t, o)
			// An answer after AsOf is not seen.
			p := petition(ev(awaiting, day(8, 26)))
			v := c.ClassifyPetition(&p)
			assert.Equal(t, tc.status, v.Status)
			assert.Equal(t, tc.days, v.WorkingDays)
			assert.Equal(t, tc.status == OpenWithinDeadline, v.Metrics[1].InNumerator)
		})
	}
}

func TestPetitionCategories(t *testing.T) {
	c := newCalc(t, baseOptions(t))
	for _, tc := range []struct {
		cat    model.PetitionCategory
		num    bool
		reason indicator.Reason
	}{
		{model.NewPetitionCategory(model.PetitionProcedure), true, ReasonCategoryProcedure},
		{model.ParsePetitionCategory("PETITION_CLASSIFICATION_STAFF"), false, ReasonCategoryStaff},
		{model.NewPetitionCategory(model.PetitionUnclassified), false, ReasonCategoryUnclassified},
		{model.PetitionCategory{}, false, ReasonCategoryUnclassified},
	} {
		p := petition(func(p *model.Petition) { p.Category = tc.cat })
		v := c.ClassifyPetition(&p)
		assert.Equal(t, indicator.Verdict{Metric: indicator.M50, InDenominator: true, InNumerator: tc.num, Reason: tc.reason}, v.Metrics[0], tc.reason)
	}
}

func TestPetitionExclusions(t *testing.T) {
	o := baseOptions(t)
	o.AsOf = time.Date(2026, 8, 20, 12, 0, 0, 0, vn)
	c := newCalc(t, o)
	for _, tc := range []struct {
		name   string
		p      model.Petition
		reason indicator.Reason
	}{
		{"no unit", petition(punit("")), ReasonPetitionNoUnit},
		{"no first-reception time", petition(recv(model.None())), ReasonPetitionNoDate},
		{"received before the period", petition(recv(day(7, 31))), ReasonPetitionNotInPeriod},
		{"received after the period", petition(recv(day(9, 1))), ReasonPetitionNotInPeriod},
		{"received after AsOf", petition(recv(day(8, 21))), ReasonPetitionAfterAsOf},
		{"event date outside the calendar", petition(ev(rejected, model.Some(time.Date(1990, 1, 1, 0, 0, 0, 0, vn)))), ReasonPetitionOutsideCalendar},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := c.ClassifyPetition(&tc.p)
			assert.False(t, v.Counted)
			assert.Equal(t, tc.reason, v.Reason)
			assert.Equal(t, StatusExcluded, v.Status)
			for i, m := range v.Metrics {
				assert.Equal(t, indicator.Verdict{Metric: petitionMetrics[i], Reason: tc.reason}, m)
			}
		})
	}
	// Received exactly at AsOf is counted; a forwarding after AsOf is ignored.
	p := petition(recv(model.Some(o.AsOf)), forwarded(day(8, 21)))
	v := c.ClassifyPetition(&p)
	assert.True(t, v.Counted)
	assert.False(t, v.Forwarded)
}

// ---- 5.3 dossiers ----

func TestDossierRules(t *testing.T) {
	o := baseOptions(t)
	o.Ratings = []model.Rating{
		{DossierCode: "D-DISLIKE", Dislike: true, At: day(8, 20)},
		{DossierCode: "D-LEVEL", Level: model.NewRatingLevel(model.RatingVeryUnsatisfied)},
		{DossierCode: "D-LIKED", Level: model.NewRatingLevel(model.RatingSatisfied)},
		{DossierCode: "D-FUTURE", Dislike: true, At: day(9, 15)}, // after AsOf: ignored
		{DossierCode: "", Dislike: true},
	}
	o.Petitions = []model.Petition{
		{ID: "K1", DossierCode: "LOCAL-7", ReceivedAt: day(8, 25)},     // matches an alias
		{ID: "K2", DossierCode: "D-AFTERASOF", ReceivedAt: day(9, 20)}, // after AsOf: ignored
		{ID: "K3"}, // no dossier: not a complaint
	}
	c := newCalc(t, o)
	type dcase struct {
		name                   string
		d                      model.Dossier
		reason                 indicator.Reason
		den, num               bool
		late, dislike, complai bool
	}
	cases := []dcase{
		{"satisfied: no dislike, complaint or lateness", model.Dossier{Code: "D-OK", UnitID: "U1"}, ReasonDossierSatisfied, true, true, false, false, false},
		{"dislike rating", model.Dossier{Code: "D-DISLIKE", UnitID: "U1"}, ReasonDossierDisliked, true, false, false, true, false},
		{"unsatisfied level is not a dislike by default", model.Dossier{Code: "D-LEVEL", UnitID: "U1"}, ReasonDossierSatisfied, true, true, false, false, false},
		{"satisfied rating", model.Dossier{Code: "D-LIKED", UnitID: "U1"}, ReasonDossierSatisfied, true, true, false, false, false},
		{"rating after AsOf ignored", model.Dossier{Code: "D-FUTURE", UnitID: "U1"}, ReasonDossierSatisfied, true, true, false, false, false},
		{"complaint about reception or resolution (alias)", model.Dossier{Code: "D-K", Aliases: []string{"LOCAL-7"}, UnitID: "U1"}, ReasonDossierComplaint, true, false, false, false, true},
		{"complaint after AsOf ignored", model.Dossier{Code: "D-AFTERASOF", UnitID: "U1"}, ReasonDossierSatisfied, true, true, false, false, false},
		{"resolved late", model.Dossier{Code: "D-LATE", UnitID: "U1"}, ReasonDossierLate, true, false, true, false, false},
		{"dislike and late: the dislike is the reason", model.Dossier{Code: "D-LATE", Aliases: []string{"D-DISLIKE"}, UnitID: "U1"}, ReasonDossierDisliked, true, false, true, true, false},
		{"not received and processed in the period", model.Dossier{Code: "D-OUT", UnitID: "U1"}, ReasonDossierNotProcessed, false, false, false, false, false},
		{"no unit", model.Dossier{Code: "D-OK"}, ReasonDossierNoUnit, false, false, false, false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := c.Classify(&tc.d, timingOf(&tc.d))
			assert.Equal(t, tc.reason, v.Reason)
			assert.Equal(t, tc.den, v.Counted)
			assert.Equal(t, indicator.Verdict{Metric: indicator.M53, InDenominator: tc.den, InNumerator: tc.num, Reason: tc.reason}, v.Metric)
			assert.Equal(t, [3]bool{tc.late, tc.dislike, tc.complai}, [3]bool{v.Late, v.Disliked, v.Complaint})
			assert.Equal(t, tc.d.UnitID, v.Unit)
			assert.Equal(t, tc.d.Code, v.Code)
		})
	}
	t.Run("RatingRule DislikeOrUnsatisfiedLevel", func(t *testing.T) {
		o.Policy.Ratings = indicator.DislikeOrUnsatisfiedLevel
		c := newCalc(t, o)
		d := model.Dossier{Code: "D-LEVEL", UnitID: "U1"}
		assert.Equal(t, ReasonDossierDisliked, c.Classify(&d, indicator.OnTime).Reason)
		d = model.Dossier{Code: "D-LIKED", UnitID: "U1"}
		assert.Equal(t, ReasonDossierSatisfied, c.Classify(&d, indicator.OnTime).Reason)
	})
}

func TestOptionErrors(t *testing.T) {
	cases := []struct {
		name  string
		mod   func(*Options)
		field string
		err   error
	}{
		{"zero period", func(o *Options) { o.Period = model.Period{} }, "Period", indicator.ErrMissing},
		{"period ends before it starts", func(o *Options) { o.Period.End = o.Period.Start.AddDate(0, 0, -1) }, "Period", indicator.ErrInvalid},
		{"zero AsOf", func(o *Options) { o.AsOf = time.Time{} }, "AsOf", indicator.ErrMissing},
		{"no calendar", func(o *Options) { o.Calendar = nil }, "Calendar", indicator.ErrMissing},
		{"bad rating rule", func(o *Options) { o.Policy.Ratings = 5 }, "Policy.Ratings", indicator.ErrInvalid},
		{"negative deadline", func(o *Options) { o.Policy.PetitionDeadlines.Publish = -1 }, "Policy.PetitionDeadlines.Publish", indicator.ErrInvalid},
		{"period outside the calendar", func(o *Options) { o.Period = model.Month(2030, 1); o.AsOf = time.Date(2030, 2, 1, 0, 0, 0, 0, vn) }, "AsOf", indicator.ErrInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := baseOptions(t)
			tc.mod(&o)
			c, err := New(o)
			assert.Nil(t, c)
			var oe *indicator.OptionError
			require.True(t, errors.As(err, &oe), "%v", err)
			assert.Equal(t, tc.field, oe.Field)
			assert.ErrorIs(t, err, tc.err)
			assert.ErrorIs(t, err, indicator.ErrOption)
			assert.Contains(t, err.Error(), tc.field)
		})
	}
}

func TestStrings(t *testing.T) {
	for s, w := range map[PetitionStatus]string{StatusExcluded: "excluded", HandledOnTime: "handled-on-time", HandledLate: "handled-late",
		OpenWithinDeadline: "open-within-deadline", OpenOverdue: "open-overdue", 9: "PetitionStatus(9)"} {
		assert.Equal(t, w, s.String())
	}
	assert.Equal(t, "{start, publish}", (MissedStart | MissedPublish).String())
	assert.Equal(t, "{reject, more-info}", (MissedReject | MissedMoreInfo).String())
	assert.Equal(t, "{}", Missed(0).String())
}

func TestNoAllocs(t *testing.T) {
	o := baseOptions(t)
	o.Ratings = []model.Rating{{DossierCode: "D1", Dislike: true}}
	c := newCalc(t, o)
	p := petition(forwarded(day(8, 4)), ev(moreInfo, day(8, 5)), ev(awaiting, day(8, 12)), ev(published, day(8, 13)))
	d := model.Dossier{Code: "D1", UnitID: "U1", Aliases: []string{"X"}}
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = c.ClassifyPetition(&p) }), "ClassifyPetition")
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = c.Classify(&d, indicator.Late) }), "Classify")
	a := c.NewAccumulator()
	cs := indicator.Case{Dossier: &d, Timing: indicator.OnTime}
	var got []indicator.Verdict
	note := func(_ *indicator.Case, v indicator.Verdict) { got = append(got, v) }
	a.Add(&cs, note)
	assert.Equal(t, []indicator.Verdict{c.Classify(&d, indicator.OnTime).Metric}, got, "note gets the 5.3 verdict")
	assert.Zero(t, testing.AllocsPerRun(100, func() { a.Add(&cs, nil) }), "Accumulator.Add")
	got = got[:0:1]
	assert.Zero(t, testing.AllocsPerRun(100, func() { got = got[:0]; a.Add(&cs, note) }), "Accumulator.Add with a note")
}

// TestAddUnits: Add counts a dossier under its Case's Ref when the calculator has Options.Keys, under its
// unit id otherwise (a zero Ref, a unit outside the Keys, a calculator without Keys).
func TestAddUnits(t *testing.T) {
	o := baseOptions(t)
	o.Keys = indicator.NewKeys([]string{"U1", "U2"}, nil)
	withKeys, without := newCalc(t, o), newCalc(t, baseOptions(t))
	ds := []model.Dossier{{Code: "a", UnitID: "U1"}, {Code: "b", UnitID: "U2"}, {Code: "c", UnitID: "U3"}, {Code: "LATE", UnitID: "U2"}}
	for _, c := range []*Calculator{withKeys, without} {
		a := c.NewAccumulator()
		for i := range ds {
			a.Add(&indicator.Case{Dossier: &ds[i], Ref: o.Keys.Ref(ds[i].UnitID, ""), Timing: timingOf(&ds[i])}, nil)
			a.Add(&indicator.Case{Dossier: &ds[i], Timing: timingOf(&ds[i])}, nil)
		}
		u := a.Result().Units
		assert.Equal(t, indicator.Count{Num: 2, Den: 2}, u["U1"].Counts[indicator.M53])
		assert.Equal(t, indicator.Count{Num: 2, Den: 4}, u["U2"].Counts[indicator.M53])
		assert.Equal(t, indicator.Count{Num: 2, Den: 2}, u["U3"].Counts[indicator.M53])
	}
	// With Options.Keys, the Ref decides the unit.
	a := withKeys.NewAccumulator()
	a.Add(&indicator.Case{Dossier: &ds[0], Ref: o.Keys.Ref("U2", ""), Timing: indicator.OnTime}, nil)
	assert.Equal(t, indicator.Count{Num: 1, Den: 1}, a.Result().Units["U2"].Counts[indicator.M53])
}

// TestNilRecord: a nil dossier is never a panic: Classify judges it ReasonDossierNilRecord (excluded), and
// Add ledgers it, Read == Counted + Excluded; a nil petition likewise.
func TestNilRecord(t *testing.T) {
	c := newCalc(t, baseOptions(t))
	for _, tm := range []indicator.Timing{indicator.NotTimed, indicator.OnTime, indicator.Late} {
		v := c.Classify(nil, tm)
		if v.Reason != ReasonDossierNilRecord || v.Counted || v.Metric != (indicator.Verdict{Metric: indicator.M53, Reason: ReasonDossierNilRecord}) {
			t.Fatalf("nil dossier: %+v", v)
		}
	}
	a := c.NewAccumulator()
	a.Add(&indicator.Case{Timing: indicator.OnTime}, nil)
	a.AddPetition(nil, nil)
	r := a.Result()
	if l := r.Ledger; l.Read != 1 || l.Excluded != 1 || len(l.Entries()) != 1 || l.Entries()[0].Reason != ReasonDossierNilRecord {
		t.Fatalf("ledger %+v", l.Entries())
	}
	if l := r.Petitions; l.Read != 1 || l.Excluded != 1 || l.Entries()[0].Reason != ReasonPetitionNilRecord {
		t.Fatalf("petition ledger %+v", l.Entries())
	}
}
