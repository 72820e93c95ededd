package publication

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
	"github.com/vn-dvc/chiso766/model"
)

// ---- small in-test record builders ----

var vn = model.Vietnam()

func at(y int, m time.Month, d, h, min int) model.Time {
	return model.Some(time.Date(y, m, d, h, min, 0, 0, vn))
}
func on(m time.Month, d int) model.Time { return at(2026, m, d, 10, 0) }
func date(m time.Month, d int) calendar.Date {
	return calendar.NewDate(2026, m, d)
}

var (
	aug2026 = model.Month(2026, time.August)
	asOf    = time.Date(2026, time.September, 5, 0, 0, 0, 0, vn)
)

// testCalendar is built once: 2026 has a make-up Saturday on 22/8 and Monday 31/8 off (swap), and 1–2/9
// off (National Day).
var testCalendar = sync.OnceValues(func() (*calendar.Calendar, error) { return calendar.New(calendar.Options{}) })

func cal(t testing.TB) *calendar.Calendar {
	t.Helper()
	c, err := testCalendar()
	require.NoError(t, err)
	return c
}

var (
	province = model.NewUnitKind(model.UnitProvince)
	ministry = model.NewUnitKind(model.UnitMinistry)
)

type popt func(*model.Publication)

// pub is a province decision of 3/8 about a document effective 24/8, published 5/8, complete.
func pub(id string, opts ...popt) model.Publication {
	p := model.Publication{DecisionID: id, DecisionDate: on(time.August, 3), Kind: model.NewPublicationKind(model.PublicationNew),
		Issuer: province, IssuerCode: "H44", LegalEffectiveDate: on(time.August, 24), PublishedAt: on(time.August, 5),
		Components: [7]bool{true, true, true, true, true, true, true}}
	for _, o := range opts {
		o(&p)
	}
	return p
}

func decided(t model.Time) popt   { return func(p *model.Publication) { p.DecisionDate = t } }
func effective(t model.Time) popt { return func(p *model.Publication) { p.LegalEffectiveDate = t } }
func published(t model.Time) popt { return func(p *model.Publication) { p.PublishedAt = t } }
func issuer(k model.UnitKind, code string) popt {
	return func(p *model.Publication) { p.Issuer, p.IssuerCode = k, code }
}
func missing(i int) popt { return func(p *model.Publication) { p.Components[i] = false } }
func kind(k model.PublicationKindCode) popt {
	return func(p *model.Publication) { p.Kind = model.NewPublicationKind(k) }
}

func proc(code string, pubs ...model.Publication) model.Procedure {
	return model.Procedure{Code: code, Publication: pubs}
}

func testOptions(t testing.TB) Options {
	return Options{Period: aug2026, AsOf: asOf, Calendar: cal(t), Policy: indicator.DefaultPublicationPolicy(),
		Reception: indicator.DefaultReceptionPolicy()}
}

func newCalc(t testing.TB, mod func(*Options)) *Calculator {
	t.Helper()
	o := testOptions(t)
	if mod != nil {
		mod(&o)
	}
	c, err := New(o)
	require.NoError(t, err)
	return c
}

func judgement(t *testing.T, v ProcedureVerdict, m indicator.ID, unit string) Judgement {
	t.Helper()
	for _, j := range v.Judgements {
		if j.Metric == m && j.UnitID == unit {
			return j
		}
	}
	t.Fatalf("no judgement for %s at %q in %+v", m, unit, v)
	return Judgement{}
}

// ---- 1.1, 1.2, 1.3: one case per rule sentence ----

func TestProcedureRules(t *testing.T) {
	cases := []struct {
		name   string
		mod    func(*Options)
		p      model.Procedure
		metric indicator.ID
		unit   string
		reason indicator.Reason
		inDen  bool
		inNum  bool
		check  func(t *testing.T, j Judgement)
	}{
		// 1.1
		{name: "1.1 on time: province decision exactly 5 working days before the effective date (make-up Saturday 22/8 counts)",
			p: proc("A", pub("Q1", decided(on(time.August, 18)))), metric: indicator.M11, unit: "H44",
			reason: ReasonAnnouncedOnTime, inDen: true, inNum: true,
			check: func(t *testing.T, j Judgement) {
				assert.Equal(t, date(time.August, 18), j.Deadline)
				assert.Equal(t, date(time.August, 18), j.Actual)
			}},
		{name: "1.1 late: province decision 4 working days before the effective date",
			p: proc("A", pub("Q1", decided(on(time.August, 19)))), metric: indicator.M11, unit: "H44",
			reason: ReasonAnnouncedLate, inDen: true},
		{name: "1.1 ministry: 20 working days before the effective date (holidays 31/8–2/9 skipped)",
			p:      proc("A", pub("Q1", issuer(ministry, "BTP"), decided(on(time.August, 14)), effective(on(time.September, 15)))),
			metric: indicator.M11, unit: "BTP", reason: ReasonAnnouncedOnTime, inDen: true, inNum: true,
			check: func(t *testing.T, j Judgement) { assert.Equal(t, date(time.August, 14), j.Deadline) }},
		{name: "1.1 ministry one working day short is late",
			p:      proc("A", pub("Q1", issuer(ministry, "BTP"), decided(on(time.August, 17)), effective(on(time.September, 15)))),
			metric: indicator.M11, unit: "BTP", reason: ReasonAnnouncedLate, inDen: true},
		{name: "1.1 calendar days policy (P18): effective 24/8 − 5 days = 19/8 on time",
			mod: func(o *Options) { o.Policy.DayUnit = indicator.CalendarDays; o.Calendar = nil },
			p:   proc("A", pub("Q1", decided(on(time.August, 19)))), metric: indicator.M11, unit: "H44",
			reason: ReasonAnnouncedOnTime, inDen: true, inNum: true},
		{name: "1.1 calendar days policy: 20/8 is late",
			mod: func(o *Options) { o.Policy.DayUnit = indicator.CalendarDays },
			p:   proc("A", pub("Q1", decided(on(time.August, 20)))), metric: indicator.M11, unit: "H44",
			reason: ReasonAnnouncedLate, inDen: true},
		{name: "1.1 a procedure in several decisions counts once and is late if any was late",
			p:      proc("A", pub("Q1", decided(on(time.August, 3))), pub("Q2", decided(on(time.August, 20))), pub("Q3", decided(on(time.August, 4)))),
			metric: indicator.M11, unit: "H44", reason: ReasonAnnouncedLate, inDen: true,
			check: func(t *testing.T, j Judgement) { assert.Equal(t, "Q2", j.DecisionID) }},
		{name: "1.1 only decisions dated in the period count (a late July decision is ignored)",
			p:      proc("A", pub("Q0", decided(on(time.July, 30)), effective(on(time.August, 3))), pub("Q1")),
			metric: indicator.M11, unit: "H44", reason: ReasonAnnouncedOnTime, inDen: true, inNum: true},
		{name: "1.1 no decision dated in the period",
			p: proc("A", pub("Q0", decided(on(time.July, 3)))), metric: indicator.M11, unit: "H44", reason: ReasonNoDecisionInPeriod},
		{name: "1.1 decisions of all kinds count (abolished)",
			p: proc("A", pub("Q1", kind(model.PublicationAbolished))), metric: indicator.M11, unit: "H44", reason: ReasonAnnouncedOnTime, inDen: true, inNum: true},
		{name: "1.1 missing effective date of the legal basis is excluded",
			p: proc("A", pub("Q1", effective(model.None()))), metric: indicator.M11, unit: "H44", reason: ReasonNoEffectiveDate},
		{name: "1.1 issuer neither ministry nor province is excluded",
			p: proc("A", pub("Q1", issuer(model.NewUnitKind(model.UnitCommune), "H44.100"))), metric: indicator.M11, unit: "H44.100", reason: ReasonUnknownIssuerLevel},
		{name: "1.1 decision after AsOf does not exist yet",
			mod: func(o *Options) { o.AsOf = time.Date(2026, 8, 10, 0, 0, 0, 0, vn) },
			p:   proc("A", pub("Q1", decided(on(time.August, 12)))), metric: indicator.M11, unit: "H44", reason: ReasonDecisionAfterAsOf},
		{name: "1.1 issuing unit falls back to the procedure's publisher code",
			p:      model.Procedure{Code: "A", PublisherCode: "H45", Publication: []model.Publication{pub("Q1", issuer(province, ""))}},
			metric: indicator.M11, unit: "H45", reason: ReasonAnnouncedOnTime, inDen: true, inNum: true},
		{name: "1.1 no issuer at all",
			p: proc("A", pub("Q1", issuer(province, ""))), metric: indicator.M11, unit: "", reason: ReasonNoIssuer},
		{name: "1.1 decision date outside the calendar's range",
			mod: func(o *Options) {
				c, err := calendar.New(calendar.Options{FromYear: 2026, ToYear: 2026})
				require.NoError(t, err)
				o.Calendar = c
			},
			p:      proc("A", pub("Q1", decided(on(time.August, 3)), effective(at(2027, time.January, 4, 0, 0)))),
			metric: indicator.M11, unit: "H44", reason: ReasonOutOfCalendar},
		// 1.2
		{name: "1.2 on time: published exactly 5 working days after the decision",
			p: proc("A", pub("Q1", published(on(time.August, 10)))), metric: indicator.M12, unit: "H44", reason: ReasonPublishedOnTime, inDen: true, inNum: true,
			check: func(t *testing.T, j Judgement) {
				assert.Equal(t, date(time.August, 10), j.Deadline)
				assert.Equal(t, date(time.August, 10), j.Actual)
				assert.Equal(t, date(time.August, 3), j.Decision)
			}},
		{name: "1.2 late: published 6 working days after the decision",
			p: proc("A", pub("Q1", published(on(time.August, 11)))), metric: indicator.M12, unit: "H44", reason: ReasonPublishedLate, inDen: true},
		{name: "1.2 ministry: 10 working days",
			p: proc("A", pub("Q1", issuer(ministry, "BTP"), published(at(2026, time.August, 17, 23, 59)))), metric: indicator.M12, unit: "BTP", reason: ReasonPublishedOnTime, inDen: true, inNum: true},
		{name: "1.2 calendar days policy: 3/8 + 5 days = 8/8",
			mod: func(o *Options) { o.Policy.DayUnit = indicator.CalendarDays },
			p:   proc("A", pub("Q1", published(on(time.August, 9)))), metric: indicator.M12, unit: "H44", reason: ReasonPublishedLate, inDen: true},
		{name: "1.2 published in the period for a decision of the previous period counts",
			p: proc("A", pub("Q1", decided(on(time.July, 28)), published(on(time.August, 3)))), metric: indicator.M12, unit: "H44", reason: ReasonPublishedOnTime, inDen: true, inNum: true},
		{name: "1.2 published before the period is not counted",
			p: proc("A", pub("Q1", decided(on(time.July, 1)), published(on(time.July, 3)))), metric: indicator.M12, unit: "H44", reason: ReasonPublishedOutsidePeriod},
		{name: "1.2 still due: unpublished, decision date ≤ period end + 5 working days → counted late",
			p: proc("A", pub("Q1", decided(on(time.August, 28)), published(model.None()))), metric: indicator.M12, unit: "H44", reason: ReasonUnpublished, inDen: true},
		{name: "1.2 still due: decided in an earlier period and never published",
			p: proc("A", pub("Q1", decided(on(time.May, 4)), published(model.None()))), metric: indicator.M12, unit: "H44", reason: ReasonUnpublished, inDen: true},
		{name: "1.2 published after the period (but before AsOf) is pending at the period end",
			p: proc("A", pub("Q1", decided(on(time.August, 28)), published(on(time.September, 3)))), metric: indicator.M12, unit: "H44", reason: ReasonUnpublished, inDen: true},
		{name: "1.2 PendingOverdue: unpublished with deadline 7/9 not yet passed is not due",
			mod: func(o *Options) { o.Policy.Pending = indicator.PendingOverdue },
			p:   proc("A", pub("Q1", decided(on(time.August, 26)), published(model.None()))), metric: indicator.M12, unit: "H44", reason: ReasonNotDue},
		{name: "1.2 PendingOverdue: unpublished with deadline 26/8 passed is counted late",
			mod: func(o *Options) { o.Policy.Pending = indicator.PendingOverdue },
			p:   proc("A", pub("Q1", decided(on(time.August, 20)), published(model.None()))), metric: indicator.M12, unit: "H44", reason: ReasonUnpublished, inDen: true},
		{name: "1.2 decision date without publication after AsOf does not exist yet",
			mod: func(o *Options) { o.AsOf = time.Date(2026, 8, 20, 0, 0, 0, 0, vn) },
			p:   proc("A", pub("Q1", decided(on(time.August, 25)), published(model.None()))), metric: indicator.M12, unit: "H44", reason: ReasonDecisionAfterAsOf},
		{name: "1.2 counted once, late if any publication in the period was late",
			p:      proc("A", pub("Q1", published(on(time.August, 10))), pub("Q2", decided(on(time.August, 12)), published(on(time.August, 31)))),
			metric: indicator.M12, unit: "H44", reason: ReasonPublishedLate, inDen: true,
			check: func(t *testing.T, j Judgement) { assert.Equal(t, "Q2", j.DecisionID) }},
		{name: "1.2 missing decision date is excluded",
			p: proc("A", pub("Q1", decided(model.None()))), metric: indicator.M12, unit: "H44", reason: ReasonNoDecisionDate},
		// 1.3
		{name: "1.3 published with all components a–g is in the numerator",
			p: proc("A", pub("Q1")), metric: indicator.M13, unit: "H44", reason: ReasonComplete, inDen: true, inNum: true},
		{name: "1.3 a missing component (đ time limit) is in the denominator only",
			p: proc("A", pub("Q1", missing(4))), metric: indicator.M13, unit: "H44", reason: ReasonIncomplete, inDen: true},
		{name: "1.3 not period-bound: a procedure published in 2024 counts",
			p: proc("A", pub("Q1", decided(at(2024, time.March, 1, 9, 0)), published(at(2024, time.March, 4, 9, 0)))), metric: indicator.M13, unit: "H44", reason: ReasonComplete, inDen: true, inNum: true},
		{name: "1.3 judged on the latest publication as of AsOf",
			p: proc("A", pub("Q1", missing(0), published(on(time.June, 1))), pub("Q2", published(on(time.July, 1)))), metric: indicator.M13, unit: "H44", reason: ReasonComplete, inDen: true, inNum: true},
		{name: "1.3 a publication after AsOf is not seen",
			p: proc("A", pub("Q1", missing(2), published(on(time.June, 1))), pub("Q2", published(on(time.September, 10)))), metric: indicator.M13, unit: "H44", reason: ReasonIncomplete, inDen: true},
		{name: "1.3 never published is excluded",
			p: proc("A", pub("Q1", published(model.None()))), metric: indicator.M13, unit: "H44", reason: ReasonNotPublished},
		{name: "1.3 abolished procedure is excluded",
			p: proc("A", pub("Q1", published(on(time.June, 1))), pub("Q2", kind(model.PublicationAbolished), published(on(time.July, 1)))), metric: indicator.M13, unit: "H44", reason: ReasonAbolished},
		// decided (issue 13, 7): placeholder dates are no dates
		{name: "1.1 placeholder decision date (0001-01-01) is excluded, not outside the period",
			p: proc("A", pub("Q1", decided(model.Some(time.Time{})))), metric: indicator.M11, unit: "H44", reason: ReasonPlaceholderDate},
		{name: "1.1 placeholder effective date (1900) is excluded, not late",
			p: proc("A", pub("Q1", effective(model.Some(time.Date(1900, 1, 1, 0, 0, 0, 0, vn))))), metric: indicator.M11, unit: "H44", reason: ReasonPlaceholderDate},
		{name: "1.1 effective date more than a year after AsOf (9999) is excluded, not on time",
			p: proc("A", pub("Q1", effective(model.Some(time.Date(9999, 12, 31, 0, 0, 0, 0, vn))))), metric: indicator.M11, unit: "H44", reason: ReasonPlaceholderDate},
		{name: "1.2 placeholder publish click is excluded, not on time",
			p: proc("A", pub("Q1", published(model.Some(time.Date(1970, 1, 1, 7, 0, 0, 0, vn))))), metric: indicator.M12, unit: "H44", reason: ReasonPlaceholderDate},
		{name: "1.2 placeholder decision date is excluded",
			p: proc("A", pub("Q1", decided(model.Some(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC))))), metric: indicator.M12, unit: "H44", reason: ReasonPlaceholderDate},
		{name: "1.3 a placeholder publish click is not a publication; the other one decides",
			p: proc("A", pub("Q1", missing(1), published(model.Some(time.Time{}))), pub("Q2", published(on(time.July, 1)))), metric: indicator.M13, unit: "H44", reason: ReasonComplete, inDen: true, inNum: true},
		{name: "1.3 only placeholder publish clicks: excluded with the placeholder reason",
			p: proc("A", pub("Q1", published(model.Some(time.Time{})))), metric: indicator.M13, unit: "H44", reason: ReasonPlaceholderDate},
		// common
		{name: "no code", p: proc("", pub("Q1")), metric: indicator.M13, unit: "", reason: ReasonNoCode},
		{name: "no publication", p: proc("A"), metric: indicator.M12, unit: "", reason: ReasonNoPublication},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newCalc(t, tc.mod)
			v := c.ClassifyProcedure(&tc.p)
			j := judgement(t, v, tc.metric, tc.unit)
			assert.Equal(t, tc.reason, j.Reason)
			assert.Equal(t, tc.inDen, j.InDenominator, "denominator")
			assert.Equal(t, tc.inNum, j.InNumerator, "numerator")
			if tc.check != nil {
				tc.check(t, j)
			}
			p, ok := v.primary(tc.metric)
			require.True(t, ok)
			assert.Equal(t, tc.reason, p.Reason)
		})
	}
}

func TestTwoIssuers(t *testing.T) {
	c := newCalc(t, nil)
	p := proc("A", pub("Q1"), pub("Q2", issuer(ministry, "BTP"), decided(on(time.August, 4)), effective(on(time.August, 10)), published(model.None())))
	v := c.ClassifyProcedure(&p)
	require.Len(t, v.Judgements, 6)
	assert.Equal(t, ReasonAnnouncedOnTime, judgement(t, v, indicator.M11, "H44").Reason)
	assert.Equal(t, ReasonAnnouncedLate, judgement(t, v, indicator.M11, "BTP").Reason)
	assert.Equal(t, ReasonUnpublished, judgement(t, v, indicator.M12, "BTP").Reason)
	assert.Equal(t, ReasonNotPublished, judgement(t, v, indicator.M13, "BTP").Reason)
	r := newCalc(t, func(o *Options) { o.Procedures = []model.Procedure{p} }).Run(nil)
	assert.Equal(t, indicator.Count{Num: 1, Den: 1}, r.Units["H44"].Counts[indicator.M11])
	assert.Equal(t, indicator.Count{Num: 0, Den: 1}, r.Units["BTP"].Counts[indicator.M11])
	assert.Equal(t, int64(1), r.Ledger11.Read, "one procedure read")
	assert.Equal(t, int64(1), r.Ledger11.Entry(ReasonAnnouncedOnTime).Counted, "primary = first counted")
}

// ---- 1.4 ----

type dopt func(*model.Dossier)

func dossier(code, unit string, opts ...dopt) model.Dossier {
	d := model.Dossier{Code: code, UnitID: unit, ReceivedAt: on(time.August, 10),
		Sync: model.SyncInfo{SentAt: on(time.August, 10), ErrorCode: "0"}}
	for _, o := range opts {
		o(&d)
	}
	return d
}
func received(t model.Time) dopt { return func(d *model.Dossier) { d.ReceivedAt = t } }
func submittedOn(day int) dopt {
	return func(d *model.Dossier) { d.SubmittedAt = on(time.August, day) }
}
func withdrawn(d *model.Dossier) { d.Status = model.NewStatus(model.StatusWithdrawn) }
func synced(t model.Time, code string) dopt {
	return func(d *model.Dossier) { d.Sync = model.SyncInfo{SentAt: t, ErrorCode: code} }
}

func TestClassifyRules(t *testing.T) {
	cases := []struct {
		name    string
		mod     func(*Options)
		d       model.Dossier
		reason  indicator.Reason
		counted bool
		synced  bool
	}{
		{name: "1.4 synced (error code 0) with reception in the period", d: dossier("D", "U1"), reason: ReasonSynced, counted: true, synced: true},
		{name: "1.4 sent with no error code recorded counts as synced", d: dossier("D", "U1", synced(on(time.August, 11), "")), reason: ReasonSynced, counted: true, synced: true},
		{name: "1.4 sent with an error code is not synced", d: dossier("D", "U1", synced(on(time.August, 11), "-1")), reason: ReasonSyncFailed, counted: true},
		{name: "1.4 code 3 (meaning unverified) is not synced by default", d: dossier("D", "U1", synced(on(time.August, 11), "3")), reason: ReasonSyncFailed, counted: true},
		{name: "1.4 SyncSuccessCodes policy can accept code 3",
			mod: func(o *Options) { o.Policy.SyncSuccessCodes = []string{"0", "3"} },
			d:   dossier("D", "U1", synced(on(time.August, 11), "3")), reason: ReasonSynced, counted: true, synced: true},
		{name: "1.4 never sent: denominator only", d: dossier("D", "U1", synced(model.None(), "")), reason: ReasonNotSynced, counted: true},
		{name: "1.4 sent after AsOf is not synced yet", d: dossier("D", "U1", synced(on(time.September, 10), "0")), reason: ReasonNotSynced, counted: true},
		{name: "1.4 synced after the period but before AsOf counts", d: dossier("D", "U1", synced(on(time.September, 3), "0")), reason: ReasonSynced, counted: true, synced: true},
		{name: "1.4 received before the period is not counted", d: dossier("D", "U1", received(at(2026, time.July, 31, 23, 59))), reason: ReasonOutsidePeriod},
		{name: "1.4 received on the first day (UTC+7) counts", d: dossier("D", "U1", received(model.Some(time.Date(2026, 7, 31, 17, 0, 0, 0, time.UTC)))), reason: ReasonSynced, counted: true, synced: true},
		{name: "1.4 received after AsOf", mod: func(o *Options) { o.AsOf = time.Date(2026, 8, 5, 0, 0, 0, 0, vn) }, d: dossier("D", "U1"), reason: ReasonAfterAsOf},
		{name: "1.4 no reception", d: dossier("D", "U1", received(model.None())), reason: ReasonNoReception},
		{name: "1.4 reception falls back to submission", d: dossier("D", "U1", received(model.None()), func(d *model.Dossier) { d.SubmittedAt = on(time.August, 9) }), reason: ReasonSynced, counted: true, synced: true},
		{name: "1.4 no unit", d: dossier("D", ""), reason: ReasonNoUnit},
		{name: "1.4 withdrawn before reception (status 7, no NgayTiepNhan) is not counted", d: dossier("D", "U1", received(model.None()), submittedOn(9), withdrawn), reason: ReasonWithdrawnBeforeReception},
		{name: "1.4 withdrawn before reception, ExcludeWithdrawnBeforeReception off: judged on the submission",
			mod: func(o *Options) { o.Reception.ExcludeWithdrawnBeforeReception = false },
			d:   dossier("D", "U1", received(model.None()), submittedOn(9), withdrawn), reason: ReasonSynced, counted: true, synced: true},
		{name: "1.4 withdrawn without any date: no reception", d: dossier("D", "U1", received(model.None()), withdrawn), reason: ReasonNoReception},
		{name: "1.4 withdrawn after reception is judged as any other", d: dossier("D", "U1", withdrawn), reason: ReasonSynced, counted: true, synced: true},
		// decided (issue 13, 4): status 1 is outside every dossier metric, whatever its dates
		{name: "1.4 status 1 (not yet received) with a reception time is not received",
			d: dossier("D", "U1", func(d *model.Dossier) { d.Status = model.NewStatus(model.StatusRegistered) }), reason: indicator.ReasonNotReceived},
		{name: "1.4 status 1 by submission time only is not received",
			d: dossier("D", "U1", received(model.None()), submittedOn(9), func(d *model.Dossier) { d.Status = model.NewStatus(model.StatusRegistered) }), reason: ReasonNotReceived},
		{name: "1.4 status 1 counted under Reception.RegisteredCounted",
			mod: func(o *Options) { o.Reception.RegisteredCounted = true },
			d:   dossier("D", "U1", func(d *model.Dossier) { d.Status = model.NewStatus(model.StatusRegistered) }), reason: ReasonSynced, counted: true, synced: true},
		// decided (issue 13, 7): placeholder dates are no dates
		{name: "1.4 placeholder reception time (0001-01-01) is excluded", d: dossier("D", "U1", received(model.Some(time.Time{}))), reason: ReasonPlaceholderDate},
		{name: "1.4 placeholder sending time (1900) is excluded", d: dossier("D", "U1", synced(model.Some(time.Date(1900, 1, 1, 0, 0, 0, 0, vn)), "0")), reason: ReasonPlaceholderDate},
		{name: "1.4 sending time far in the future (9999) is excluded", d: dossier("D", "U1", synced(model.Some(time.Date(9999, 12, 31, 0, 0, 0, 0, vn)), "0")), reason: ReasonPlaceholderDate},
		{name: "1.4 sending time in the year after AsOf: not sent yet", d: dossier("D", "U1", synced(model.Some(time.Date(2027, 3, 1, 0, 0, 0, 0, vn)), "0")), reason: ReasonNotSynced, counted: true},
		{name: "1.4 sending time on 2000-01-01 00:00 UTC+7 is a date", d: dossier("D", "U1", synced(model.Some(time.Date(2000, 1, 1, 0, 0, 0, 0, vn)), "0")), reason: ReasonSynced, counted: true, synced: true},
		{name: "1.4 sending time a second before 2000 is a placeholder", d: dossier("D", "U1", synced(model.Some(time.Date(1999, 12, 31, 23, 59, 59, 999999999, vn)), "0")), reason: ReasonPlaceholderDate},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newCalc(t, tc.mod)
			v := c.Classify(&tc.d)
			assert.Equal(t, tc.reason, v.Reason)
			assert.Equal(t, tc.counted, v.Counted)
			assert.Equal(t, tc.synced, v.Synced)
			assert.Equal(t, tc.d.Sync.ErrorCode, v.ErrorCode)
			assert.Equal(t, tc.d.Sync.SentAt, v.SentAt)
			var vs []indicator.Verdict
			c.NewAccumulator().Add(&indicator.Case{Dossier: &tc.d}, func(_ *indicator.Case, v indicator.Verdict) { vs = append(vs, v) })
			assert.Equal(t, []indicator.Verdict{{Metric: indicator.M14, InDenominator: tc.counted, InNumerator: tc.synced, Reason: tc.reason}}, vs)
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
		{"zero policy", func(o *Options) { o.Policy = indicator.PublicationPolicy{} }, "Policy", indicator.ErrMissing},
		{"working days without calendar", func(o *Options) { o.Calendar = nil }, "Calendar", indicator.ErrMissing},
		{"unknown day unit", func(o *Options) { o.Policy.DayUnit = 9 }, "Policy.DayUnit", indicator.ErrInvalid},
		{"negative lead days", func(o *Options) { o.Policy.LeadDays.Ministry = -1 }, "Policy.LeadDays", indicator.ErrInvalid},
		{"negative publish days", func(o *Options) { o.Policy.PublishWithinDays.Province = -1 }, "Policy.PublishWithinDays", indicator.ErrInvalid},
		{"unknown pending rule", func(o *Options) { o.Policy.Pending = 9 }, "Policy.Pending", indicator.ErrInvalid},
		{"negative national denominator", func(o *Options) { o.SyncReportDen = map[string]int64{"H44": -1} }, "SyncReportDen", indicator.ErrInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := testOptions(t)
			tc.mod(&o)
			c, err := New(o)
			require.Error(t, err)
			assert.Nil(t, c)
			assert.ErrorIs(t, err, indicator.ErrOption)
			assert.ErrorIs(t, err, tc.err)
			var oe *indicator.OptionError
			require.True(t, errors.As(err, &oe))
			assert.Equal(t, tc.field, oe.Field)
			assert.Contains(t, err.Error(), tc.field)
		})
	}
}

func TestStrings(t *testing.T) {
	assert.Equal(t, "none", OutcomeNone.String())
	assert.Equal(t, "met", OutcomeMet.String())
	assert.Equal(t, "missed", OutcomeMissed.String())
	assert.Equal(t, "invalid", Outcome(9).String())
	b, err := OutcomeMissed.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "missed", string(b))
}

func sliceSeq[T any](xs []T) func(func(T) bool) {
	return func(yield func(T) bool) {
		for _, x := range xs {
			if !yield(x) {
				return
			}
		}
	}
}

// TestNilRecord: a nil dossier is never a panic: Classify and Add count it as one excluded record with
// ReasonNilRecord.
func TestNilRecord(t *testing.T) {
	c := newCalc(t, nil)
	v := c.Classify(nil)
	assert.Equal(t, Verdict{Reason: ReasonNilRecord}, v)
	a := c.NewAccumulator()
	var got []indicator.Verdict
	a.Add(&indicator.Case{}, func(_ *indicator.Case, v indicator.Verdict) { got = append(got, v) })
	a.Add(&indicator.Case{}, nil)
	assert.Equal(t, []indicator.Verdict{{Metric: indicator.M14, Reason: ReasonNilRecord}}, got)
	r := a.Result()
	assert.Equal(t, int64(2), r.Ledger.Entry(ReasonNilRecord).Excluded)
	assert.Equal(t, r.Ledger.Read, r.Ledger.Excluded)
}

// TestReasonIndexes: the dossier reason indexes rNoUnit … rAfterAsOf are offer.Place's values.
func TestReasonIndexes(t *testing.T) {
	for p, r := range map[offer.Place]uint8{offer.NoUnit: rNoUnit, offer.NoReception: rNoReception, offer.Withdrawn: rWithdrawn,
		offer.OutsidePeriod: rOutsidePeriod, offer.AfterAsOf: rAfterAsOf} {
		assert.Equal(t, r, uint8(p))
	}
	assert.LessOrEqual(t, int(numReasons), offer.MaxReasons)
}
