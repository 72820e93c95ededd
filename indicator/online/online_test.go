package online

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// ---- small in-test record builders ----

var vn = model.Vietnam()

func at(y int, m time.Month, d, h, min int) model.Time {
	return model.Some(time.Date(y, m, d, h, min, 0, 0, vn))
}

var (
	aug2026 = model.Month(2026, time.August)
	asOf    = time.Date(2026, time.September, 5, 0, 0, 0, 0, vn)
)

func offering(unit, proc string, lvl model.OnlineLevelCode, st model.PublishedStateCode) model.Offering {
	return model.Offering{UnitID: unit, ProcedureCode: proc, Level: model.NewOnlineLevel(lvl), State: model.NewPublishedState(st)}
}

type dopt func(*model.Dossier)

func dossier(code, unit, proc string, opts ...dopt) model.Dossier {
	d := model.Dossier{Code: code, UnitID: unit, ProcedureCode: proc, ReceivedAt: at(2026, time.August, 10, 9, 0),
		Channel: model.NewChannel(model.ChannelOnline)}
	for _, o := range opts {
		o(&d)
	}
	return d
}

func channel(c model.ChannelCode) dopt {
	return func(d *model.Dossier) { d.Channel = model.NewChannel(c) }
}
func noChannel() dopt { return func(d *model.Dossier) { d.Channel = model.Channel{} } }
func eResult() dopt {
	return func(d *model.Dossier) {
		d.Results = append(d.Results, model.ResultDoc{Code: "KQ1", URL: "https://example.invalid/kq.pdf"})
	}
}
func received(t model.Time) dopt  { return func(d *model.Dossier) { d.ReceivedAt = t } }
func withdrawn(d *model.Dossier)  { d.Status = model.NewStatus(model.StatusWithdrawn) }
func submitted(t model.Time) dopt { return func(d *model.Dossier) { d.SubmittedAt = t } }

// Catalogue: P1 paper result; P2 no paper result, eligible for full online; P3 paper result, eligible.
// U1 offers P1 at both levels, P2 information only, P3 full in testing, P4 (not in the catalogue) partial
// but unpublished. U2 offers P1 partial with no state.
func testOptions() Options {
	return Options{
		Period:    aug2026,
		AsOf:      asOf,
		Policy:    indicator.DefaultOnlinePolicy(),
		Reception: indicator.DefaultReceptionPolicy(),
		Procedures: []model.Procedure{
			{Code: "P1", PaperResult: true},
			{Code: "P2", FullOnlineEligible: true},
			{Code: "P3", PaperResult: true, FullOnlineEligible: true},
		},
		Offerings: []model.Offering{
			offering("U1", "P1", model.OnlinePartial, model.StatePublished),
			offering("U1", "P1", model.OnlineFull, model.StatePublished),
			offering("U1", "P2", model.OnlineInfoOnly, model.StatePublished),
			offering("U1", "P3", model.OnlineFull, model.StateTesting),
			offering("U1", "P4", model.OnlinePartial, model.StateUnpublished),
			{UnitID: "U2", ProcedureCode: "P1", Level: model.NewOnlineLevel(model.OnlinePartial)},
		},
	}
}

func newCalc(t testing.TB, mod func(*Options)) *Calculator {
	t.Helper()
	o := testOptions()
	if mod != nil {
		mod(&o)
	}
	c, err := New(o)
	require.NoError(t, err)
	return c
}

func sliceSeq(ds []model.Dossier) func(func(model.Dossier) bool) {
	return func(yield func(model.Dossier) bool) {
		for _, d := range ds {
			if !yield(d) {
				return
			}
		}
	}
}

// ---- 3.3, one case per rule sentence ----

func TestClassifyRules(t *testing.T) {
	cases := []struct {
		name     string
		mod      func(*Options)
		d        model.Dossier
		reason   indicator.Reason
		counted  bool
		inNum    bool
		hasServc bool // marks a 3.2 service
	}{
		{name: "3.3 received online, procedure without paper result: numerator",
			d: dossier("D", "U1", "P2"), reason: ReasonOnline, counted: true, inNum: true},
		{name: "3.3 received online, paper-result procedure with an electronic result: numerator",
			d: dossier("D", "U1", "P1", eResult()), reason: ReasonOnline, counted: true, inNum: true, hasServc: true},
		{name: "3.3 received online, paper-result procedure without an electronic result: denominator only",
			d: dossier("D", "U1", "P1"), reason: ReasonOnlineWithoutEResult, counted: true, hasServc: true},
		{name: "3.3 a result document without a file link is not an electronic result",
			d: dossier("D", "U1", "P3", func(d *model.Dossier) { d.Results = []model.ResultDoc{{Code: "KQ1"}} }), reason: ReasonOnlineWithoutEResult, counted: true, hasServc: true},
		{name: "3.3 direct channel: denominator only",
			d: dossier("D", "U1", "P2", channel(model.ChannelDirect)), reason: ReasonNotOnline, counted: true},
		{name: "3.3 postal channel: denominator only",
			d: dossier("D", "U1", "P2", channel(model.ChannelPostal)), reason: ReasonNotOnline, counted: true},
		{name: "3.3 absent channel counts as direct",
			d: dossier("D", "U1", "P2", noChannel()), reason: ReasonNotOnline, counted: true},
		{name: "3.3 Reception.OnlineChannels policy can admit the postal channel",
			mod: func(o *Options) { o.Reception.OnlineChannels = indicator.Codes(2, 3) },
			d:   dossier("D", "U1", "P2", channel(model.ChannelPostal)), reason: ReasonOnline, counted: true, inNum: true},
		{name: "3.3 dossier received before the period is not counted",
			d: dossier("D", "U1", "P2", received(at(2026, time.July, 31, 23, 59))), reason: ReasonOutsidePeriod},
		{name: "3.3 dossier received after the period is not counted",
			d: dossier("D", "U1", "P2", received(at(2026, time.September, 1, 0, 0))), reason: ReasonOutsidePeriod},
		{name: "3.3 first instant of the period (UTC+7) is in",
			d: dossier("D", "U1", "P2", received(model.Some(time.Date(2026, 7, 31, 17, 0, 0, 0, time.UTC)))), reason: ReasonOnline, counted: true, inNum: true},
		{name: "received falls back to NgayNopHoSo (period fallback)",
			d: dossier("D", "U1", "P2", received(model.None()), submitted(at(2026, time.August, 2, 8, 0))), reason: ReasonOnline, counted: true, inNum: true},
		{name: "withdrawn before reception (status 7, no NgayTiepNhan): excluded by ExcludeWithdrawnBeforeReception",
			d: dossier("D", "U1", "P2", received(model.None()), submitted(at(2026, time.August, 2, 8, 0)), withdrawn), reason: ReasonWithdrawnBeforeReception},
		{name: "withdrawn before reception, policy off: judged on NgayNopHoSo as before",
			mod: func(o *Options) { o.Reception.ExcludeWithdrawnBeforeReception = false },
			d:   dossier("D", "U1", "P2", received(model.None()), submitted(at(2026, time.August, 2, 8, 0)), withdrawn), reason: ReasonOnline, counted: true, inNum: true},
		{name: "withdrawn after reception is judged as any other",
			d: dossier("D", "U1", "P2", withdrawn), reason: ReasonOnline, counted: true, inNum: true},
		{name: "status 1 (not yet received) is outside 3.3 and 3.2 whatever its dates (decided)",
			d: dossier("D", "U1", "P1", eResult(), func(d *model.Dossier) { d.Status = model.NewStatus(model.StatusRegistered) }), reason: indicator.ReasonNotReceived},
		{name: "status 1 counted under Reception.RegisteredCounted",
			mod: func(o *Options) { o.Reception.RegisteredCounted = true },
			d:   dossier("D", "U1", "P2", func(d *model.Dossier) { d.Status = model.NewStatus(model.StatusRegistered) }), reason: ReasonOnline, counted: true, inNum: true},
		{name: "placeholder reception date (1900-01-01) is excluded with its reason",
			d: dossier("D", "U1", "P2", received(at(1900, time.January, 1, 0, 0))), reason: ReasonPlaceholderDate},
		{name: "placeholder NgayTiepNhan does not fall back to NgayNopHoSo",
			d: dossier("D", "U1", "P2", received(model.Some(time.Time{})), submitted(at(2026, time.August, 2, 8, 0))), reason: ReasonPlaceholderDate},
		{name: "no fallback when ReceivedFallbackToSubmitted is off",
			mod: func(o *Options) { o.Reception.FallbackToSubmitted = false },
			d:   dossier("D", "U1", "P2", received(model.None()), submitted(at(2026, time.August, 2, 8, 0))), reason: ReasonNoReception},
		{name: "no reception time",
			d: dossier("D", "U1", "P2", received(model.None())), reason: ReasonNoReception},
		{name: "received after AsOf",
			mod: func(o *Options) { o.AsOf = time.Date(2026, 8, 5, 0, 0, 0, 0, vn) },
			d:   dossier("D", "U1", "P2"), reason: ReasonAfterAsOf},
		{name: "no unit",
			d: dossier("D", "", "P2"), reason: ReasonNoUnit},
		{name: "unknown procedure: online suffices by default",
			d: dossier("D", "U1", "P9"), reason: ReasonOnline, counted: true, inNum: true},
		{name: "unknown procedure: UnknownPaperResult requires an electronic result",
			mod: func(o *Options) { o.Policy.UnknownProcedure = indicator.UnknownPaperResult },
			d:   dossier("D", "U1", "P9"), reason: ReasonOnlineWithoutEResult, counted: true},
		{name: "local code mapped through CodeMap",
			mod: func(o *Options) { o.CodeMap = map[string]string{"P1.H44": "P1"} },
			d:   dossier("D", "U1", "P1.H44"), reason: ReasonOnlineWithoutEResult, counted: true, hasServc: true},
		{name: "dossier of a unit without offerings is counted for 3.3",
			d: dossier("D", "U9", "P2"), reason: ReasonOnline, counted: true, inNum: true},
		{name: "3.2 a direct dossier does not mark the service",
			d: dossier("D", "U1", "P1", channel(model.ChannelDirect)), reason: ReasonNotOnline, counted: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newCalc(t, tc.mod)
			v := c.Classify(&tc.d)
			assert.Equal(t, tc.reason, v.Reason)
			assert.Equal(t, tc.counted, v.Counted, "counted")
			assert.Equal(t, tc.inNum, v.InNumerator, "numerator")
			assert.Equal(t, tc.hasServc, v.service >= 0, "3.2 service")
			if tc.counted {
				assert.Equal(t, tc.d.Channel.Code(), v.Channel, "channel")
			}
			var vs []indicator.Verdict
			c.NewAccumulator().Add(&indicator.Case{Dossier: &tc.d}, func(_ *indicator.Case, v indicator.Verdict) { vs = append(vs, v) })
			assert.Equal(t, []indicator.Verdict{{Metric: indicator.M33, InDenominator: tc.counted, InNumerator: tc.inNum, Reason: tc.reason}}, vs)
		})
	}
}

// ---- 3.1 and 3.2, one case per rule sentence, through a pass ----

func TestOfferingRules(t *testing.T) {
	type want struct {
		m31, m32                     indicator.Count
		partial, full, fullEligibles int64
	}
	cases := []struct {
		name     string
		mod      func(*Options)
		dossiers []model.Dossier
		unit     string
		want     want
	}{
		{name: "3.1 procedures under authority, online at partial or full; P1 offered at both levels counts once, at full",
			unit: "U1", want: want{m31: indicator.Count{Num: 3, Den: 4}, partial: 1, full: 2, fullEligibles: 3, m32: indicator.Count{Den: 2}}},
		{name: "3.1 full-online eligibility: catalogue flag, or offered in full (P1 full, unflagged, counts)",
			mod: func(o *Options) {
				o.Offerings = []model.Offering{offering("U1", "P1", model.OnlineFull, model.StatePublished), offering("U1", "P3", model.OnlinePartial, model.StatePublished), offering("U1", "P9", model.OnlinePartial, model.StatePublished)}
			},
			unit: "U1", want: want{m31: indicator.Count{Num: 3, Den: 3}, partial: 2, full: 1, fullEligibles: 2, m32: indicator.Count{Den: 3}}},
		{name: "3.1 information-only offering is under authority but not online",
			mod:  func(o *Options) { o.Offerings = o.Offerings[2:3] },
			unit: "U1", want: want{m31: indicator.Count{Num: 0, Den: 1}, fullEligibles: 1}},
		{name: "3.1 a partial offering after a full one still counts at full",
			mod: func(o *Options) {
				o.Offerings = []model.Offering{offering("U1", "P1", model.OnlineFull, model.StatePublished), offering("U1", "P1", model.OnlinePartial, model.StatePublished)}
			},
			unit: "U1", want: want{m31: indicator.Count{Num: 1, Den: 1}, full: 1, fullEligibles: 1, m32: indicator.Count{Den: 1}}},
		{name: "3.1 offering not in force at the judgement instant is not under authority",
			mod: func(o *Options) {
				o.Offerings[2].ValidTo = at(2026, time.August, 20, 0, 0)
				o.Offerings[4].ValidFrom = at(2026, time.September, 2, 0, 0) // after AsOf's period end
			},
			unit: "U1", want: want{m31: indicator.Count{Num: 2, Den: 2}, full: 2, fullEligibles: 2, m32: indicator.Count{Den: 2}}},
		{name: "3.1 judgement at AsOf when it falls inside the period",
			mod: func(o *Options) {
				o.AsOf = time.Date(2026, 8, 15, 0, 0, 0, 0, vn)
				o.Offerings[3].ValidFrom = at(2026, time.August, 20, 0, 0)
			},
			unit: "U1", want: want{m31: indicator.Count{Num: 2, Den: 3}, partial: 1, full: 1, fullEligibles: 2, m32: indicator.Count{Den: 1}}},
		{name: "3.2 an unpublished online service is not counted; no state is not counted",
			unit: "U2", want: want{m31: indicator.Count{Num: 1, Den: 1}, partial: 1}},
		{name: "3.2 awaiting-unpublication state is counted",
			mod:  func(o *Options) { o.Offerings[5].State = model.NewPublishedState(model.StatePendingUnpublish) },
			unit: "U2", want: want{m31: indicator.Count{Num: 1, Den: 1}, partial: 1, m32: indicator.Count{Den: 1}}},
		{name: "3.2 OfferingStates policy decides the counted states",
			mod:  func(o *Options) { o.Policy.OfferingStates[model.StateTesting] = false },
			unit: "U1", want: want{m31: indicator.Count{Num: 3, Den: 4}, partial: 1, full: 2, fullEligibles: 3, m32: indicator.Count{Den: 1}}},
		{name: "3.2 service that received an online dossier in the period is in the numerator",
			dossiers: []model.Dossier{dossier("a", "U1", "P1"), dossier("b", "U1", "P1")},
			unit:     "U1", want: want{m31: indicator.Count{Num: 3, Den: 4}, partial: 1, full: 2, fullEligibles: 3, m32: indicator.Count{Num: 1, Den: 2}}},
		{name: "3.2 online dossier received before the period does not count",
			dossiers: []model.Dossier{dossier("a", "U1", "P1", received(at(2026, time.July, 15, 9, 0)))},
			unit:     "U1", want: want{m31: indicator.Count{Num: 3, Den: 4}, partial: 1, full: 2, fullEligibles: 3, m32: indicator.Count{Den: 2}}},
		{name: "3.2 direct dossier does not count",
			dossiers: []model.Dossier{dossier("a", "U1", "P3", channel(model.ChannelDirect))},
			unit:     "U1", want: want{m31: indicator.Count{Num: 3, Den: 4}, partial: 1, full: 2, fullEligibles: 3, m32: indicator.Count{Den: 2}}},
		{name: "3.2 online dossier at another unit does not count for this unit's service",
			dossiers: []model.Dossier{dossier("a", "U2", "P3")},
			unit:     "U1", want: want{m31: indicator.Count{Num: 3, Den: 4}, partial: 1, full: 2, fullEligibles: 3, m32: indicator.Count{Den: 2}}},
		{name: "3.2 online dossier counts even without the electronic result that 3.3 needs",
			dossiers: []model.Dossier{dossier("a", "U1", "P3")},
			unit:     "U1", want: want{m31: indicator.Count{Num: 3, Den: 4}, partial: 1, full: 2, fullEligibles: 3, m32: indicator.Count{Num: 1, Den: 2}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newCalc(t, tc.mod)
			r := c.Run(sliceSeq(tc.dossiers))
			tl := r.Units[tc.unit]
			got := want{m31: tl.Counts[indicator.M31], m32: tl.Counts[indicator.M32], partial: tl.PartialOnline, full: tl.FullOnline, fullEligibles: tl.FullOnlineEligible}
			assert.Equal(t, tc.want, got)
			require.NoError(t, tl.Validate())
		})
	}
}

func TestNewErrors(t *testing.T) {
	cases := []struct {
		name  string
		mod   func(*Options)
		field string
		err   error
	}{
		{"zero period", func(o *Options) { o.Period = model.Period{} }, "Period", indicator.ErrMissing},
		{"period end before start", func(o *Options) { o.Period.End = o.Period.Start.AddDate(0, 0, -1) }, "Period", indicator.ErrInvalid},
		{"zero as-of", func(o *Options) { o.AsOf = time.Time{} }, "AsOf", indicator.ErrMissing},
		{"as-of before the period", func(o *Options) { o.AsOf = time.Date(2026, 7, 1, 0, 0, 0, 0, vn) }, "AsOf", indicator.ErrInvalid},
		{"zero policy", func(o *Options) { o.Policy = indicator.OnlinePolicy{} }, "Policy", indicator.ErrMissing},
		{"bad unknown-procedure policy", func(o *Options) { o.Policy.UnknownProcedure = 9 }, "Policy.UnknownProcedure", indicator.ErrInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := testOptions()
			tc.mod(&o)
			c, err := New(o)
			require.Error(t, err)
			assert.Nil(t, c)
			assert.ErrorIs(t, err, indicator.ErrOption)
			assert.ErrorIs(t, err, tc.err)
			var oe *indicator.OptionError
			require.True(t, errors.As(err, &oe))
			assert.Equal(t, [2]string{"online", tc.field}, [2]string{oe.Pkg, oe.Field})
			assert.Contains(t, err.Error(), tc.field)
		})
	}
}

func TestCatalogueLedger(t *testing.T) {
	o := testOptions()
	o.Procedures = append(o.Procedures, model.Procedure{Code: "P1"}, model.Procedure{})
	o.Offerings = append(o.Offerings,
		offering("", "P1", model.OnlineFull, model.StatePublished),
		offering("U3", "", model.OnlineFull, model.StatePublished),
		model.Offering{UnitID: "U3", ProcedureCode: "P2", ValidTo: at(2026, time.January, 1, 0, 0)},
	)
	c, err := New(o)
	require.NoError(t, err)
	l := c.NewAccumulator().Result().Catalogue
	assert.Equal(t, int64(len(o.Procedures)+len(o.Offerings)), l.Read)
	assert.Equal(t, l.Read, l.Counted+l.Excluded)
	want := map[indicator.Reason][2]int64{
		ReasonProcedureListed:         {3, 0},
		ReasonProcedureDuplicate:      {0, 1},
		ReasonProcedureNoCode:         {0, 1},
		ReasonOfferingService:         {2, 0}, // U1/P1 (full), U1/P3
		ReasonOfferingInactiveService: {2, 0}, // U1/P4, U2/P1
		ReasonOfferingNotOnline:       {1, 0}, // U1/P2
		ReasonOfferingDuplicate:       {0, 1}, // U1/P1 partial
		ReasonOfferingNoUnit:          {0, 1},
		ReasonOfferingNoProcedure:     {0, 1},
		ReasonOfferingNotInForce:      {0, 1},
	}
	for r, w := range want {
		e := l.Entry(r)
		assert.Equal(t, w, [2]int64{e.Counted, e.Excluded}, string(r))
	}
	assert.Len(t, l.Entries(), len(want))
}
