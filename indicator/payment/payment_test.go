package payment

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

func procedure(code string, fee int64) model.Procedure {
	p := model.Procedure{Code: code}
	if fee >= 0 {
		p.Fees = []model.ProcedureFee{{Code: "LP", Amount: fee, Known: true}}
	} else {
		p.Fees = []model.ProcedureFee{{Code: "LP"}} // null amount
	}
	return p
}

func offering(unit, proc string) model.Offering {
	return model.Offering{UnitID: unit, ProcedureCode: proc, Level: model.NewOnlineLevel(model.OnlineFull), State: model.NewPublishedState(model.StatePublished)}
}

type dopt func(*model.Dossier)

func dossier(code, unit, proc string, opts ...dopt) model.Dossier {
	d := model.Dossier{
		Code: code, UnitID: unit, ProcedureCode: proc,
		ReceivedAt: at(2026, time.August, 10, 9, 0),
		Fees:       []model.Fee{{Code: "LP", Amount: 50000}},
	}
	for _, o := range opts {
		o(&d)
	}
	return d
}

func paid(code model.OnlinePaymentCode) dopt {
	return func(d *model.Dossier) { d.OnlinePayment = model.NewOnlinePayment(code) }
}
func paidRaw(raw string) dopt {
	return func(d *model.Dossier) { d.OnlinePayment = model.ParseOnlinePayment(raw) }
}
func fees(amounts ...int64) dopt {
	return func(d *model.Dossier) {
		d.Fees = nil
		for _, a := range amounts {
			d.Fees = append(d.Fees, model.Fee{Code: "LP", Amount: a})
		}
	}
}
func received(t model.Time) dopt  { return func(d *model.Dossier) { d.ReceivedAt = t } }
func registered(d *model.Dossier) { d.Status = model.NewStatus(model.StatusRegistered) }
func unknownFee(d *model.Dossier) {
	d.Fees = append(d.Fees, model.Fee{Code: "LP", AmountUnknown: true})
}
func withdrawn(d *model.Dossier)  { d.Status = model.NewStatus(model.StatusWithdrawn) }
func submitted(t model.Time) dopt { return func(d *model.Dossier) { d.SubmittedAt = t } }

// catalogue: P1, P3 fee-bearing; P2 free (fee 0); P4 fee unknown (null). U1 offers P1, P2, P3; U2 offers P1.
func testOptions() Options {
	return Options{
		Period:    aug2026,
		AsOf:      asOf,
		Policy:    indicator.DefaultPaymentPolicy(),
		Reception: indicator.DefaultReceptionPolicy(),
		Procedures: []model.Procedure{
			procedure("P1", 50000), procedure("P2", 0), procedure("P3", 100000), procedure("P4", -1),
		},
		Offerings: []model.Offering{
			offering("U1", "P1"), offering("U1", "P2"), offering("U1", "P3"), offering("U2", "P1"),
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

// ---- rules, one case per rule sentence of docs/rules.md, 3.4–3.6 ----

func TestClassifyRules(t *testing.T) {
	cases := []struct {
		name       string
		mod        func(*Options)
		d          model.Dossier
		reason     indicator.Reason
		counted    bool
		paidOnline bool
		feeData    bool
	}{
		{name: "3.6 paid on the portal (code 1) counts in the numerator",
			d: dossier("D", "U1", "P1", paid(model.PaymentPortal)), reason: ReasonPaidOnline, counted: true, paidOnline: true, feeData: true},
		{name: "3.6 paid via the ministry/province gateway (code 2) counts in the numerator",
			d: dossier("D", "U1", "P1", paid(model.PaymentGateway)), reason: ReasonPaidOnline, counted: true, paidOnline: true, feeData: true},
		{name: "3.6 payment code 0 (meaning unknown) is not paid online",
			d: dossier("D", "U1", "P1", paidRaw("0")), reason: ReasonNotPaidOnline, counted: true, feeData: true},
		{name: "3.6 payment code 3 (meaning unknown) is not paid online",
			d: dossier("D", "U1", "P1", paidRaw("3")), reason: ReasonNotPaidOnline, counted: true, feeData: true},
		{name: "3.6 absent payment code is not paid online",
			d: dossier("D", "U1", "P1"), reason: ReasonNotPaidOnline, counted: true, feeData: true},
		{name: "3.6 PaidOnlineCodes policy can admit code 3",
			mod: func(o *Options) { o.Policy.PaidOnlineCodes = indicator.Codes(1, 2, 3) },
			d:   dossier("D", "U1", "P1", paidRaw("3")), reason: ReasonPaidOnline, counted: true, paidOnline: true, feeData: true},
		{name: "3.6 denominator is dossiers of fee-bearing procedures: free procedure excluded",
			d: dossier("D", "U1", "P2", paid(model.PaymentPortal)), reason: ReasonFreeProcedure},
		{name: "3.6 procedure with a null fee only is not fee-bearing",
			d: dossier("D", "U1", "P4"), reason: ReasonFreeProcedure},
		{name: "3.6 excludes dossiers whose every fee line has amount 0",
			d: dossier("D", "U1", "P1", fees(0, 0), paid(model.PaymentPortal)), reason: ReasonZeroFeeLines},
		{name: "3.6 one positive fee line among zero lines keeps the dossier",
			d: dossier("D", "U1", "P1", fees(0, 20000)), reason: ReasonNotPaidOnline, counted: true, feeData: true},
		{name: "3.6 zero fee lines counted when ZeroFeeLinesExcluded is off (a zero line is fee data by default)",
			mod: func(o *Options) { o.Policy.ZeroFeeLinesExcluded = false },
			d:   dossier("D", "U1", "P1", fees(0)), reason: ReasonNotPaidOnline, counted: true, feeData: true},
		{name: "3.6 decided: a fee line of unknown amount is an obligation, the dossier stays",
			d: dossier("D", "U1", "P1", unknownFee, paid(model.PaymentPortal)), reason: ReasonPaidOnline, counted: true, paidOnline: true, feeData: true},
		{name: "3.6 decided: an unknown amount among zero lines keeps the dossier",
			d: dossier("D", "U1", "P1", fees(0, 0), unknownFee), reason: ReasonNotPaidOnline, counted: true, feeData: true},
		{name: "3.6 UnknownAmountZero: an unknown amount reads as 0, the dossier is a zero-line one",
			mod: func(o *Options) { o.Policy.UnknownAmount = indicator.UnknownAmountZero },
			d:   dossier("D", "U1", "P1", fees(0), unknownFee, paid(model.PaymentPortal)), reason: ReasonZeroFeeLines},
		{name: "status 1 (not yet received) is outside 3.6 whatever its dates (decided)",
			d: dossier("D", "U1", "P1", registered, paid(model.PaymentPortal)), reason: indicator.ReasonNotReceived},
		{name: "status 1 counted under Reception.RegisteredCounted",
			mod: func(o *Options) { o.Reception.RegisteredCounted = true },
			d:   dossier("D", "U1", "P1", registered), reason: ReasonNotPaidOnline, counted: true, feeData: true},
		{name: "placeholder reception date (0001-01-01) is excluded with its reason",
			d: dossier("D", "U1", "P1", received(model.Some(time.Time{}))), reason: ReasonPlaceholderDate},
		{name: "placeholder reception date (1900) is excluded, not placed outside the period",
			d: dossier("D", "U1", "P1", received(at(1900, time.January, 1, 0, 0))), reason: ReasonPlaceholderDate},
		{name: "a date more than a year after as-of is a placeholder",
			d: dossier("D", "U1", "P1", received(at(2099, time.December, 31, 0, 0))), reason: ReasonPlaceholderDate},
		{name: "a date in the year after as-of is only outside the period",
			d: dossier("D", "U1", "P1", received(at(2027, time.March, 1, 0, 0))), reason: ReasonOutsidePeriod},
		{name: "3.6 no fee lines at all: counted by default (procedure is fee-bearing)",
			d: dossier("D", "U1", "P1", fees(), paid(model.PaymentPortal)), reason: ReasonPaidOnline, counted: true, paidOnline: true},
		{name: "3.6 no fee lines at all: excluded under NoFeeLinesExcluded",
			mod: func(o *Options) { o.Policy.NoFeeLines = indicator.NoFeeLinesExcluded },
			d:   dossier("D", "U1", "P1", fees()), reason: ReasonNoFeeLines},
		{name: "3.6 processing start in the period: first instant of the period",
			d: dossier("D", "U1", "P1", received(at(2026, time.August, 1, 0, 0))), reason: ReasonNotPaidOnline, counted: true, feeData: true},
		{name: "3.6 processing start in the period: last minute of the period",
			d: dossier("D", "U1", "P1", received(at(2026, time.August, 31, 23, 59))), reason: ReasonNotPaidOnline, counted: true, feeData: true},
		{name: "3.6 dossier received before the period is not counted",
			d: dossier("D", "U1", "P1", paid(model.PaymentPortal), received(at(2026, time.July, 31, 23, 59))), reason: ReasonOutsidePeriod},
		{name: "3.6 dossier received after the period is not counted",
			d: dossier("D", "U1", "P1", received(at(2026, time.September, 1, 0, 0))), reason: ReasonOutsidePeriod},
		{name: "3.6 period is judged in UTC+7: 2026-07-31 17:30 UTC is 1 August in Vietnam",
			d: dossier("D", "U1", "P1", received(model.Some(time.Date(2026, 7, 31, 17, 30, 0, 0, time.UTC)))), reason: ReasonNotPaidOnline, counted: true, feeData: true},
		{name: "received falls back to NgayNopHoSo",
			d: dossier("D", "U1", "P1", received(model.None()), submitted(at(2026, time.August, 3, 8, 0))), reason: ReasonNotPaidOnline, counted: true, feeData: true},
		{name: "withdrawn before reception (status 7, no NgayTiepNhan): excluded by ExcludeWithdrawnBeforeReception",
			d: dossier("D", "U1", "P1", received(model.None()), submitted(at(2026, time.August, 3, 8, 0)), withdrawn), reason: ReasonWithdrawnBeforeReception},
		{name: "withdrawn before reception, policy off: judged on NgayNopHoSo as before",
			mod: func(o *Options) { o.Reception.ExcludeWithdrawnBeforeReception = false },
			d:   dossier("D", "U1", "P1", received(model.None()), submitted(at(2026, time.August, 3, 8, 0)), withdrawn), reason: ReasonNotPaidOnline, counted: true, feeData: true},
		{name: "withdrawn after reception is judged as any other",
			d: dossier("D", "U1", "P1", withdrawn), reason: ReasonNotPaidOnline, counted: true, feeData: true},
		{name: "no fallback when ReceivedFallbackToSubmitted is off",
			mod: func(o *Options) { o.Reception.FallbackToSubmitted = false },
			d:   dossier("D", "U1", "P1", received(model.None()), submitted(at(2026, time.August, 3, 8, 0))), reason: ReasonNoReception},
		{name: "no reception time at all",
			d: dossier("D", "U1", "P1", received(model.None())), reason: ReasonNoReception},
		{name: "received after AsOf is excluded",
			mod: func(o *Options) { o.AsOf = time.Date(2026, 8, 5, 0, 0, 0, 0, vn) },
			d:   dossier("D", "U1", "P1"), reason: ReasonAfterAsOf},
		{name: "unknown procedure is excluded",
			d: dossier("D", "U1", "P9"), reason: ReasonUnknownProcedure},
		{name: "local procedure code mapped through CodeMap",
			mod: func(o *Options) { o.CodeMap = map[string]string{"P1.000.00.00.H44": "P1"} },
			d:   dossier("D", "U1", "P1.000.00.00.H44", paid(model.PaymentPortal)), reason: ReasonPaidOnline, counted: true, paidOnline: true, feeData: true},
		{name: "dossier without unit is excluded",
			d: dossier("D", "", "P1"), reason: ReasonNoUnit},
		{name: "3.5 fee data: FeeDataPositiveLine, a zero line is not fee data",
			mod: func(o *Options) {
				o.Policy.ZeroFeeLinesExcluded = false
				o.Policy.FeeData = indicator.FeeDataPositiveLine
			},
			d: dossier("D", "U1", "P1", fees(0)), reason: ReasonNotPaidOnline, counted: true, feeData: false},
		{name: "3.5 fee data (decided, FeeDataAnyLine): a zero line is fee data",
			mod: func(o *Options) { o.Policy.ZeroFeeLinesExcluded = false },
			d:   dossier("D", "U1", "P1", fees(0)), reason: ReasonNotPaidOnline, counted: true, feeData: true},
		{name: "3.5 fee data (decided): a line of unknown amount is fee data",
			d: dossier("D", "U1", "P1", fees(), unknownFee), reason: ReasonNotPaidOnline, counted: true, feeData: true},
		{name: "3.5 FeeDataPositiveLine: a line of unknown amount is not fee data",
			mod: func(o *Options) { o.Policy.FeeData = indicator.FeeDataPositiveLine },
			d:   dossier("D", "U1", "P1", fees(), unknownFee), reason: ReasonNotPaidOnline, counted: true, feeData: false},
		{name: "3.5 no fee line is no fee data",
			d: dossier("D", "U1", "P1", fees()), reason: ReasonNotPaidOnline, counted: true, feeData: false},
		{name: "dossier of a unit that does not offer the procedure still counts for 3.6",
			d: dossier("D", "U2", "P3", paid(model.PaymentPortal)), reason: ReasonPaidOnline, counted: true, paidOnline: true, feeData: true},
		{name: "dossier of a unit without offerings still counts for 3.6",
			d: dossier("D", "U9", "P1"), reason: ReasonNotPaidOnline, counted: true, feeData: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newCalc(t, tc.mod)
			v := c.Classify(&tc.d)
			assert.Equal(t, tc.reason, v.Reason)
			assert.Equal(t, tc.counted, v.Counted, "counted")
			assert.Equal(t, tc.paidOnline, v.PaidOnline, "paid online")
			if tc.counted {
				assert.Equal(t, tc.feeData, v.FeeData, "fee data")
				assert.Equal(t, tc.d.OnlinePayment.Code(), v.PaymentCode, "payment code")
			}
			assert.Equal(t, tc.d.UnitID, v.UnitID)
			assert.Equal(t, tc.d.Code, v.Code)
			var vs []indicator.Verdict
			c.NewAccumulator().Add(&indicator.Case{Dossier: &tc.d}, func(_ *indicator.Case, v indicator.Verdict) { vs = append(vs, v) })
			assert.Equal(t, []indicator.Verdict{{Metric: indicator.M36, InDenominator: tc.counted, InNumerator: tc.counted && tc.paidOnline, Reason: tc.reason}}, vs)
		})
	}
}

// 3.4 and 3.5, one case per rule sentence, through a whole pass.
func TestProcedureRules(t *testing.T) {
	cases := []struct {
		name             string
		mod              func(*Options)
		dossiers         []model.Dossier
		unit             string
		m34, m35, m36    indicator.Count
		feeProcsWithDoss int64
	}{
		{name: "3.4/3.5 denominator is the unit's fee-bearing offered procedures (free P2 left out)",
			unit: "U1", m34: indicator.Count{Den: 2}, m35: indicator.Count{Den: 2}},
		{name: "3.4 procedure with one online-paid dossier is in the numerator",
			dossiers: []model.Dossier{dossier("a", "U1", "P1", paid(model.PaymentPortal), fees()), dossier("b", "U1", "P1", fees())},
			unit:     "U1", m34: indicator.Count{Num: 1, Den: 2}, m35: indicator.Count{Den: 2}, m36: indicator.Count{Num: 1, Den: 2}, feeProcsWithDoss: 1},
		{name: "3.5 procedure whose dossier carries fee data is in the numerator",
			dossiers: []model.Dossier{dossier("a", "U1", "P3")},
			unit:     "U1", m34: indicator.Count{Den: 2}, m35: indicator.Count{Num: 1, Den: 2}, m36: indicator.Count{Den: 1}, feeProcsWithDoss: 1},
		{name: "3.4 a procedure counts once however many paid dossiers",
			dossiers: []model.Dossier{dossier("a", "U1", "P1", paid(1)), dossier("b", "U1", "P1", paid(2)), dossier("c", "U1", "P1", paid(1))},
			unit:     "U1", m34: indicator.Count{Num: 1, Den: 2}, m35: indicator.Count{Num: 1, Den: 2}, m36: indicator.Count{Num: 3, Den: 3}, feeProcsWithDoss: 1},
		{name: "3.4 paid dossier of another unit does not count for this unit",
			dossiers: []model.Dossier{dossier("a", "U2", "P1", paid(1))},
			unit:     "U1", m34: indicator.Count{Den: 2}, m35: indicator.Count{Den: 2}},
		{name: "3.4 paid dossier received before the period does not count",
			dossiers: []model.Dossier{dossier("a", "U1", "P1", paid(1), received(at(2026, time.July, 20, 9, 0)))},
			unit:     "U1", m34: indicator.Count{Den: 2}, m35: indicator.Count{Den: 2}},
		{name: "3.4/3.5 zero-fee dossier (excluded from 3.6) moves neither",
			dossiers: []model.Dossier{dossier("a", "U1", "P1", paid(1), fees(0))},
			unit:     "U1", m34: indicator.Count{Den: 2}, m35: indicator.Count{Den: 2}},
		{name: "3.4/3.5 offering not in force at the judgement instant is not under authority",
			mod: func(o *Options) {
				o.Offerings[2].ValidTo = at(2026, time.August, 15, 0, 0) // U1/P3 withdrawn mid-period
			},
			unit: "U1", m34: indicator.Count{Den: 1}, m35: indicator.Count{Den: 1}},
		{name: "3.4/3.5 duplicate offering counts once",
			mod:  func(o *Options) { o.Offerings = append(o.Offerings, offering("U1", "P1")) },
			unit: "U1", m34: indicator.Count{Den: 2}, m35: indicator.Count{Den: 2}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newCalc(t, tc.mod)
			r := c.Run(sliceSeq(tc.dossiers))
			tl := r.Units[tc.unit]
			assert.Equal(t, tc.m34, tl.Counts[indicator.M34], "3.4")
			assert.Equal(t, tc.m35, tl.Counts[indicator.M35], "3.5")
			assert.Equal(t, tc.m36, tl.Counts[indicator.M36], "3.6")
			assert.Equal(t, tc.feeProcsWithDoss, tl.FeeProceduresWithDossiers)
			require.NoError(t, tl.Validate())
		})
	}
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
		{"zero policy", func(o *Options) { o.Policy = indicator.PaymentPolicy{} }, "Policy", indicator.ErrMissing},
		{"bad no-fee-lines policy", func(o *Options) { o.Policy.NoFeeLines = 7 }, "Policy.NoFeeLines", indicator.ErrInvalid},
		{"bad fee-data rule", func(o *Options) { o.Policy.FeeData = 7 }, "Policy.FeeData", indicator.ErrInvalid},
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
			assert.Equal(t, [2]string{"payment", tc.field}, [2]string{oe.Pkg, oe.Field})
			assert.Contains(t, err.Error(), tc.field)
		})
	}
}

func TestCatalogueLedger(t *testing.T) {
	o := testOptions()
	o.Procedures = append(o.Procedures, procedure("P1", 1), procedure("", 5))
	o.Offerings = append(o.Offerings,
		offering("U1", "P1"), // duplicate
		offering("", "P1"),   // no unit
		offering("U3", "P9"), // unknown procedure
		model.Offering{UnitID: "U3", ProcedureCode: "P1", ValidFrom: at(2026, time.October, 1, 0, 0)}, // not yet in force
	)
	c, err := New(o)
	require.NoError(t, err)
	l := c.NewAccumulator().Result().Catalogue
	assert.Equal(t, int64(len(o.Procedures)+len(o.Offerings)), l.Read)
	assert.Equal(t, l.Read, l.Counted+l.Excluded)
	want := map[indicator.Reason][2]int64{
		ReasonProcedureFeeBearing:      {2, 0},
		ReasonProcedureFree:            {0, 2},
		ReasonProcedureDuplicate:       {0, 1},
		ReasonProcedureNoCode:          {0, 1},
		ReasonOfferingFeeBearing:       {3, 0},
		ReasonOfferingFree:             {0, 1},
		ReasonOfferingDuplicate:        {0, 1},
		ReasonOfferingNoUnit:           {0, 1},
		ReasonOfferingUnknownProcedure: {0, 1},
		ReasonOfferingNotInForce:       {0, 1},
	}
	for r, w := range want {
		e := l.Entry(r)
		assert.Equal(t, w, [2]int64{e.Counted, e.Excluded}, string(r))
	}
	assert.Len(t, l.Entries(), len(want))
}
