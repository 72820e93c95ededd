package digitisation

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
	"github.com/vn-dvc/chiso766/model"
)

// ---- test helpers: concise records ----

var vn = model.Vietnam()

func at(y, m, d, h int) model.Time {
	return model.Some(time.Date(y, time.Month(m), d, h, 0, 0, 0, vn))
}

type opt func(*model.Dossier)

// dossier returns a plain dossier of unit U1, procedure P.PAPER, received 5/8/2026 09:00, then applies opts.
func dossier(opts ...opt) model.Dossier {
	d := model.Dossier{Code: "U1-260805-0001", UnitID: "U1", ProcedureCode: "P.PAPER",
		ReceivedAt: at(2026, 8, 5, 9), SubmittedAt: at(2026, 8, 5, 8), Status: model.NewStatus(model.StatusProcessing)}
	for _, o := range opts {
		o(&d)
	}
	return d
}

func unit(u string) opt { return func(d *model.Dossier) { d.UnitID = u } }
func proc(p string) opt { return func(d *model.Dossier) { d.ProcedureCode = p } }
func received(t model.Time) opt {
	return func(d *model.Dossier) { d.ReceivedAt = t }
}
func submitted(t model.Time) opt { return func(d *model.Dossier) { d.SubmittedAt = t } }
func status(s model.StatusCode) opt {
	return func(d *model.Dossier) { d.Status = model.NewStatus(s) }
}
func file(f model.File) opt { return func(d *model.Dossier) { d.Files = append(d.Files, f) } }
func result(code, url string) opt {
	return func(d *model.Dossier) { d.Results = append(d.Results, model.ResultDoc{Code: code, URL: url}) }
}
func flags(fn func(d *model.Dossier)) opt { return fn }

var (
	plainFile   = model.File{URL: "https://x/f.pdf"}
	deletedFile = model.File{URL: "https://x/d.pdf", Deleted: model.FlagTrue}
	reusedFile  = model.File{URL: "https://x/r.pdf", Digitised: model.FlagTrue}
	storeFile   = model.File{URL: "https://x/s.pdf", FromStore: model.FlagTrue}
)

func catalogue() []model.Procedure {
	citizen := []string{model.ApplicantVietnameseCitizen}
	return []model.Procedure{
		{Code: "P.PAPER", PaperResult: true, Applicants: citizen, PopulationDBConnected: true},
		{Code: "P.NOPAPER", PaperResult: false, Applicants: citizen},
		{Code: "P.BIZ", PaperResult: true, Applicants: []string{"Doanh nghiệp"}},
		{Code: "P.FOREIGN", PaperResult: true, Applicants: []string{"người nước ngoài"}, PopulationDBConnected: true},
	}
}

func baseOptions() Options {
	return Options{
		Period:     model.Month(2026, time.August),
		AsOf:       time.Date(2026, 9, 10, 0, 0, 0, 0, vn),
		Policy:     indicator.DefaultDigitisationPolicy(),
		Reception:  indicator.DefaultReceptionPolicy(),
		Procedures: catalogue(),
	}
}

func newCalc(t testing.TB, o Options) *Calculator {
	t.Helper()
	c, err := New(o)
	require.NoError(t, err)
	return c
}

type exp struct {
	den, num bool
	r        indicator.Reason
}

func num(r indicator.Reason) exp { return exp{true, true, r} }
func den(r indicator.Reason) exp { return exp{true, false, r} }
func out(r indicator.Reason) exp { return exp{false, false, r} }

// ---- rule table: one or more cases per rule sentence (docs/rules.md, 4.1–4.6b) ----

func TestClassifyRules(t *testing.T) {
	c := newCalc(t, baseOptions())
	type want map[indicator.ID]exp
	cases := []struct {
		name   string
		d      model.Dossier
		ledger indicator.Reason
		want   want
	}{
		// "Received" = NgayTiepNhan; else NgayNopHoSo [Doc]
		{"received/in period by NgayTiepNhan", dossier(), ReasonCounted, want{indicator.M42: den(ReasonNoSubmittedFile)}},
		{"received/fallback to NgayNopHoSo: counted, not in 4.3", dossier(received(model.None())), ReasonCountedWithoutReception,
			want{indicator.M43: out(ReasonNoReceptionDate), indicator.M42: den(ReasonNoSubmittedFile)}},
		{"received/no date at all is excluded", dossier(received(model.None()), submitted(model.None())), ReasonNoDate,
			want{indicator.M41: out(ReasonNoDate), indicator.M46b: out(ReasonNoDate)}},
		{"received/before the period", dossier(received(at(2026, 7, 31, 23))), ReasonNotInPeriod, want{indicator.M42: out(ReasonNotInPeriod)}},
		{"received/first instant of the period (UTC+7)", dossier(received(at(2026, 8, 1, 0))), ReasonCounted, nil},
		{"received/last day of the period, 23:00", dossier(received(at(2026, 8, 31, 23))), ReasonCounted, nil},
		{"received/after the period", dossier(received(at(2026, 9, 1, 0))), ReasonNotInPeriod, nil},
		{"received/no unit", dossier(unit("")), ReasonNoUnit, want{indicator.M43: out(ReasonNoUnit)}},
		{"received/status 1 not yet received", dossier(received(model.None()), status(model.StatusRegistered)), ReasonNotReceived, nil},
		// decided (issue 13, 4): status 1 is outside every dossier metric, whatever its dates
		{"received/status 1 with NgayTiepNhan in the period is not received", dossier(status(model.StatusRegistered), file(plainFile)),
			ReasonNotReceived, want{indicator.M42: out(ReasonNotReceived), indicator.M46b: out(ReasonNotReceived)}},
		// decided (issue 13, 7): a placeholder reception date is no date
		{"received/placeholder NgayTiepNhan 0001-01-01", dossier(received(model.Some(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)))),
			ReasonPlaceholderDate, want{indicator.M42: out(ReasonPlaceholderDate)}},
		{"received/placeholder NgayTiepNhan 1970, no fallback to NgayNopHoSo", dossier(received(at(1970, 1, 1, 7))),
			ReasonPlaceholderDate, nil},
		{"received/placeholder NgayNopHoSo under the fallback", dossier(received(model.None()), submitted(at(1900, 1, 1, 0))),
			ReasonPlaceholderDate, nil},
		{"received/withdrawn before reception", dossier(received(model.None()), status(model.StatusWithdrawn)), ReasonWithdrawnBeforeReception, nil},
		{"received/withdrawn after reception counts", dossier(status(model.StatusWithdrawn)), ReasonCounted, nil},

		// 4.1 electronic result (result code and result file link) / dossiers of procedures that return a paper result
		{"4.1/electronic result: code and link", dossier(result("KQ1", "https://x/kq.pdf")), ReasonCounted,
			want{indicator.M41: num(ReasonElectronicResult)}},
		{"4.1/result link without code is not electronic", dossier(result("", "https://x/kq.pdf")), ReasonCounted,
			want{indicator.M41: den(ReasonNoElectronicResult)}},
		{"4.1/result code without link is not electronic", dossier(result("KQ1", "")), ReasonCounted,
			want{indicator.M41: den(ReasonNoElectronicResult)}},
		{"4.1/procedure without paper result is not in the denominator", dossier(proc("P.NOPAPER"), result("KQ1", "u")), ReasonCounted,
			want{indicator.M41: out(ReasonNoPaperResult), indicator.M42: den(ReasonNoSubmittedFile)}},
		{"4.1/unknown procedure is not in the denominator", dossier(proc("P.UNKNOWN")), ReasonCounted,
			want{indicator.M41: out(ReasonUnknownProcedure), indicator.M46b: den(ReasonNoPopulationData)}},

		// 4.2 file attached to the submitted components AND a file attached to the result
		{"4.2/submitted file and result file", dossier(file(plainFile), result("", "https://x/kq.pdf")), ReasonCounted,
			want{indicator.M42: num(ReasonDigitised)}},
		{"4.2/submitted file only", dossier(file(plainFile)), ReasonCounted, want{indicator.M42: den(ReasonNoResultFile)}},
		{"4.2/result file only", dossier(result("KQ", "u")), ReasonCounted, want{indicator.M42: den(ReasonNoSubmittedFile)}},
		{"4.2/deleted submitted file does not count", dossier(file(deletedFile), result("KQ", "u")), ReasonCounted,
			want{indicator.M42: den(ReasonNoSubmittedFile)}},
		// decided (issue 13, 6): a submitted component is digitised only with a file link
		{"4.2/submitted entry without a file link does not count", dossier(file(model.File{Name: "Tờ khai", ComponentCode: "TP1"}), result("KQ", "u")),
			ReasonCounted, want{indicator.M42: den(ReasonNoSubmittedFile)}},
		{"4.2/an entry without link next to one with a link", dossier(file(model.File{Name: "Tờ khai"}), file(plainFile), result("KQ", "u")),
			ReasonCounted, want{indicator.M42: num(ReasonDigitised)}},

		// 4.3 HoSoCoThanhPhanSoHoa = 1 or a TaiLieuNop with DuocSoHoa = 1; no reception date → not counted
		{"4.3/HoSoCoThanhPhanSoHoa = 1", dossier(flags(func(d *model.Dossier) { d.HasDigitisedComponents = model.FlagTrue })), ReasonCounted,
			want{indicator.M43: num(ReasonReusedData)}},
		{"4.3/file with DuocSoHoa = 1", dossier(file(reusedFile)), ReasonCounted, want{indicator.M43: num(ReasonReusedData)}},
		{"4.3/HoSoCoThanhPhanSoHoa = 0 and no flagged file", dossier(file(plainFile),
			flags(func(d *model.Dossier) { d.HasDigitisedComponents = model.FlagFalse })), ReasonCounted, want{indicator.M43: den(ReasonNoReusedData)}},
		{"4.3/deleted flagged file does not count", dossier(file(model.File{Digitised: model.FlagTrue, Deleted: model.FlagTrue})), ReasonCounted,
			want{indicator.M43: den(ReasonNoReusedData)}},
		{"4.3/without reception date not counted even when reused", dossier(received(model.None()), file(reusedFile)),
			ReasonCountedWithoutReception, want{indicator.M43: out(ReasonNoReceptionDate)}},

		// 4.5 DuocLayTuKhoDMQG = 1 or result synced to the store
		{"4.5/file taken from the store", dossier(file(storeFile)), ReasonCounted, want{indicator.M45: num(ReasonFileFromStore)}},
		{"4.5/result synced to the store", dossier(flags(func(d *model.Dossier) { d.ResultSyncedToStore = model.FlagTrue })), ReasonCounted,
			want{indicator.M45: num(ReasonResultSynced)}},
		{"4.5/neither", dossier(file(plainFile)), ReasonCounted, want{indicator.M45: den(ReasonNotLinkedToStore)}},

		// 4.6b VNeID, data from the store, or MaCSDL in PopulationDBCodes / all dossiers
		{"4.6b/VNeID-authenticated account", dossier(flags(func(d *model.Dossier) { d.VNeIDAuthenticated = model.FlagTrue })), ReasonCounted,
			want{indicator.M46b: num(ReasonVNeID)}},
		{"4.6b/VNeID flag 0 does not count", dossier(flags(func(d *model.Dossier) { d.VNeIDAuthenticated = model.FlagFalse })), ReasonCounted,
			want{indicator.M46b: den(ReasonNoPopulationData)}},
		{"4.6b/data from the portal store", dossier(file(storeFile)), ReasonCounted, want{indicator.M46b: num(ReasonStoreData)}},
		{"4.6b/population-database link MaCSDL 7 (default)", dossier(flags(func(d *model.Dossier) { d.Databases = []string{"3", "7"} })), ReasonCounted,
			want{indicator.M46b: num(ReasonPopulationDB)}},
		{"4.6b/other database code", dossier(flags(func(d *model.Dossier) { d.Databases = []string{"3"} })), ReasonCounted,
			want{indicator.M46b: den(ReasonNoPopulationData)}},
		{"4.6b/all dossiers: unknown procedure still in the denominator", dossier(proc("X")), ReasonCounted,
			want{indicator.M46b: den(ReasonNoPopulationData)}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := c.Classify(&tc.d)
			assert.Equal(t, tc.ledger, v.Reason, "ledger reason")
			assert.Equal(t, tc.ledger == ReasonCounted || tc.ledger == ReasonCountedWithoutReception, v.Counted)
			assert.Equal(t, tc.d.UnitID, v.Unit)
			assert.Equal(t, tc.d.Code, v.Code)
			for id, w := range tc.want {
				m, ok := v.Metric(id)
				require.True(t, ok, "metric %s", id)
				assert.Equal(t, w, exp{m.InDenominator, m.InNumerator, m.Reason}, "metric %s", id)
			}
			for i, m := range v.Metrics() {
				assert.Equal(t, dossierMetrics[i], m.Metric)
				assert.False(t, m.InNumerator && !m.InDenominator, "numerator without denominator")
				if !v.Counted {
					assert.False(t, m.InDenominator)
					assert.Equal(t, v.Reason, m.Reason)
				} else {
					assert.Equal(t, m.InDenominator, v.den>>i&1 == 1, "denominator bit of %s", m.Metric)
					assert.Equal(t, m.InNumerator, v.num>>i&1 == 1, "numerator bit of %s", m.Metric)
				}
			}
		})
	}
}

func TestAfterAsOf(t *testing.T) {
	o := baseOptions()
	o.AsOf = time.Date(2026, 8, 20, 12, 0, 0, 0, vn)
	c := newCalc(t, o)
	d := dossier(received(at(2026, 8, 20, 12)))
	assert.Equal(t, ReasonCounted, c.Classify(&d).Reason, "received exactly at AsOf is counted")
	d = dossier(received(at(2026, 8, 20, 13)))
	assert.Equal(t, ReasonAfterAsOf, c.Classify(&d).Reason)
	d = dossier(received(at(2026, 9, 2, 13)))
	assert.Equal(t, ReasonNotInPeriod, c.Classify(&d).Reason)
}

func TestPolicies(t *testing.T) {
	t.Run("Reception.FallbackToSubmitted=false excludes dossiers without NgayTiepNhan", func(t *testing.T) {
		o := baseOptions()
		o.Reception.FallbackToSubmitted = false
		c := newCalc(t, o)
		d := dossier(received(model.None()))
		assert.Equal(t, ReasonNoDate, c.Classify(&d).Reason)
	})
	t.Run("ExcludeWithdrawnBeforeReception=false counts them", func(t *testing.T) {
		o := baseOptions()
		o.Reception.ExcludeWithdrawnBeforeReception = false
		c := newCalc(t, o)
		d := dossier(received(model.None()), status(model.StatusWithdrawn))
		assert.Equal(t, ReasonCountedWithoutReception, c.Classify(&d).Reason)
	})
	t.Run("PopulationDBCodes replaces the default", func(t *testing.T) {
		o := baseOptions()
		o.Policy.PopulationDBCodes = []string{" 3 "}
		c := newCalc(t, o)
		d := dossier(flags(func(d *model.Dossier) { d.Databases = []string{"3"} }))
		m, _ := c.Classify(&d).Metric(indicator.M46b)
		assert.Equal(t, num(ReasonPopulationDB), exp{m.InDenominator, m.InNumerator, m.Reason})
		d = dossier(flags(func(d *model.Dossier) { d.Databases = []string{"7"} }))
		m, _ = c.Classify(&d).Metric(indicator.M46b)
		assert.Equal(t, den(ReasonNoPopulationData), exp{m.InDenominator, m.InNumerator, m.Reason})
	})
	t.Run("empty non-nil PopulationDBCodes: no code counts", func(t *testing.T) {
		o := baseOptions()
		o.Policy.PopulationDBCodes = []string{}
		c := newCalc(t, o)
		d := dossier(flags(func(d *model.Dossier) { d.Databases = []string{"7"} }))
		m, _ := c.Classify(&d).Metric(indicator.M46b)
		assert.False(t, m.InNumerator)
	})
	t.Run("ElectronicResultScope=ResultScopeAll puts every dossier in 4.1", func(t *testing.T) {
		o := baseOptions()
		o.Policy.ElectronicResultScope = indicator.ResultScopeAll
		c := newCalc(t, o)
		for _, p := range []string{"P.NOPAPER", "P.UNKNOWN"} {
			d := dossier(proc(p), result("KQ", "u"))
			m, _ := c.Classify(&d).Metric(indicator.M41)
			assert.Equal(t, num(ReasonElectronicResult), exp{m.InDenominator, m.InNumerator, m.Reason}, p)
		}
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
		{"AsOf before the period", func(o *Options) { o.AsOf = time.Date(2026, 7, 1, 0, 0, 0, 0, vn) }, "AsOf", indicator.ErrInvalid},
		{"bad scope", func(o *Options) { o.Policy.ElectronicResultScope = 7 }, "Policy.ElectronicResultScope", indicator.ErrInvalid},
		{"empty population code", func(o *Options) { o.Policy.PopulationDBCodes = []string{"7", " "} }, "Policy.PopulationDBCodes[1]", indicator.ErrInvalid},
		{"procedure without code", func(o *Options) { o.Procedures = append(o.Procedures, model.Procedure{}) }, "Procedures[4].Code", indicator.ErrMissing},
		{"duplicate procedure", func(o *Options) { o.Procedures = append(o.Procedures, model.Procedure{Code: "P.BIZ"}) }, "Procedures[4].Code", indicator.ErrInvalid},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			o := baseOptions()
			tc.mod(&o)
			c, err := New(o)
			assert.Nil(t, c)
			require.Error(t, err)
			var oe *indicator.OptionError
			require.True(t, errors.As(err, &oe))
			assert.Equal(t, tc.field, oe.Field)
			assert.ErrorIs(t, err, tc.err)
			assert.ErrorIs(t, err, indicator.ErrOption)
			assert.Contains(t, err.Error(), tc.field)
		})
	}
}

// ---- catalogue metrics 4.4 and 4.6a ----

func TestCatalogueMetrics(t *testing.T) {
	o := baseOptions()
	o.Offerings = []model.Offering{
		{UnitID: "U1", ProcedureCode: "P.PAPER"},                                  // citizen, connected → 4.6a num
		{UnitID: "U1", ProcedureCode: "P.PAPER"},                                  // duplicate (unit, procedure)
		{UnitID: "U1", ProcedureCode: "P.NOPAPER"},                                // citizen, not connected → den
		{UnitID: "U1", ProcedureCode: "P.BIZ"},                                    // not citizen-facing
		{UnitID: "U1", ProcedureCode: "P.FOREIGN", ValidTo: at(2026, 8, 1, 0)},    // ended before the period
		{UnitID: "U2", ProcedureCode: "P.FOREIGN", ValidFrom: at(2026, 8, 31, 8)}, // starts in the period → num
		{UnitID: "U2", ProcedureCode: "P.GONE"},                                   // unknown procedure
		{UnitID: "", ProcedureCode: "P.PAPER"},                                    // no unit
		{UnitID: "U3", ProcedureCode: "P.PAPER", ValidFrom: at(2026, 9, 11, 0)},   // starts after AsOf
	}
	o.Communes = []CommuneCopy{{UnitID: "C1", Offers: true}, {UnitID: "C2"}, {UnitID: "C2", Offers: true}, {UnitID: ""}}
	c := newCalc(t, o)
	r := c.Run(nil)
	assert.Equal(t, indicator.Count{Num: 1, Den: 2}, r.Units["U1"].Counts[indicator.M46a])
	assert.Equal(t, indicator.Count{Num: 1, Den: 1}, r.Units["U2"].Counts[indicator.M46a])
	assert.Equal(t, indicator.Count{Num: 1, Den: 1}, r.Units["C1"].Counts[indicator.M44])
	assert.Equal(t, indicator.Count{Num: 0, Den: 1}, r.Units["C2"].Counts[indicator.M44])
	assert.NotContains(t, r.Units, "U3")
	cat := r.Catalogue
	assert.Equal(t, int64(13), cat.Read)
	assert.Equal(t, cat.Read, cat.Counted+cat.Excluded)
	assert.Equal(t, int64(5), cat.Counted)
	for reason, n := range map[indicator.Reason][2]int64{
		ReasonConnectedProcedure: {2, 0}, ReasonUnconnectedProcedure: {1, 0}, ReasonDuplicate: {0, 2},
		ReasonNotCitizenFacing: {0, 1}, ReasonOfferingNotInForce: {0, 2}, ReasonUnknownProcedure: {0, 1},
		ReasonNoUnit: {0, 2}, ReasonCertifiedCopyOffered: {1, 0}, ReasonCertifiedCopyNotOffered: {1, 0},
	} {
		e := cat.Entry(reason)
		assert.Equal(t, n, [2]int64{e.Counted, e.Excluded}, reason)
	}
	assert.Equal(t, int64(0), r.Ledger.Read, "no dossiers read")
}

func TestNoCommuneData(t *testing.T) {
	c := newCalc(t, baseOptions())
	d := dossier()
	r := c.Run(slices.Values([]model.Dossier{d}))
	assert.Equal(t, indicator.Count{}, r.Units["U1"].Counts[indicator.M44], "no data: 0/0, the edition's zero rule decides")
	res, err := indicator.Portal().Score(r.Units["U1"])
	require.NoError(t, err)
	m := res.Metric(indicator.M44)
	assert.True(t, m.Score.Equal(m.Max), "portal edition: full marks for 4.4 without data")
}

func TestFacts(t *testing.T) {
	c := newCalc(t, baseOptions())
	d := dossier(file(storeFile), file(reusedFile), result("KQ", "u"), flags(func(d *model.Dossier) {
		d.VNeIDAuthenticated, d.ResultSyncedToStore, d.Databases = model.FlagTrue, model.FlagTrue, []string{"7"}
	}))
	v := c.Classify(&d)
	all := FactKnownProcedure | FactPaperResult | FactElectronicResult | FactSubmittedFile | FactResultFile |
		FactReusedData | FactFileFromStore | FactResultSynced | FactVNeID | FactPopulationDB | FactReceptionDate
	assert.Equal(t, all, v.Facts)
	assert.True(t, v.Facts.Has(FactVNeID|FactPopulationDB))
	assert.Equal(t, "{known-procedure, paper-result, electronic-result, submitted-file, result-file, reused-data, "+
		"file-from-store, result-synced, vneid, population-db, reception-date}", v.Facts.String())
	assert.Equal(t, "{}", Facts(0).String())
	assert.Equal(t, d.ReceivedAt.T, v.Received)
	assert.False(t, v.FromSubmission)
	d2 := dossier(received(model.None()))
	v = c.Classify(&d2)
	assert.True(t, v.FromSubmission)
	assert.Equal(t, d2.SubmittedAt.T, v.Received)
	_, ok := v.Metric(indicator.M44)
	assert.False(t, ok, "4.4 is not a dossier metric")
	assert.Equal(t, [NumDossierMetrics]indicator.ID{indicator.M41, indicator.M42, indicator.M43, indicator.M45, indicator.M46b}, DossierMetrics())
}

// TestNoteNoAlloc: Add hands the five metric verdicts, in order, to its note without allocating, as
// Metrics reports them; Classify allocates nothing.
func TestNoteNoAlloc(t *testing.T) {
	c := newCalc(t, baseOptions())
	d := dossier(file(plainFile))
	v := c.Classify(&d)
	buf := make([]indicator.Verdict, 0, 8)
	note := func(_ *indicator.Case, v indicator.Verdict) { buf = append(buf, v) }
	a := c.NewAccumulator()
	k := &indicator.Case{Dossier: &d}
	a.Add(k, nil)
	allocs := testing.AllocsPerRun(100, func() { buf = buf[:0]; a.Add(k, note) })
	assert.Zero(t, allocs)
	require.Len(t, buf, NumDossierMetrics)
	ms := v.Metrics()
	assert.Equal(t, ms[:], buf)
	allocs = testing.AllocsPerRun(100, func() { v = c.Classify(&d) })
	assert.Zero(t, allocs, "Classify allocates nothing")
}

// TestNilRecord: a nil dossier is never a panic: Classify and Add count it as one excluded record with
// ReasonNilRecord, on every metric.
func TestNilRecord(t *testing.T) {
	c := newCalc(t, baseOptions())
	v := c.Classify(nil)
	assert.Equal(t, ReasonNilRecord, v.Reason)
	assert.False(t, v.Counted)
	for _, m := range v.Metrics() {
		assert.Equal(t, indicator.Verdict{Metric: m.Metric, Reason: ReasonNilRecord}, m)
	}
	a := c.NewAccumulator()
	n := 0
	a.Add(&indicator.Case{}, func(_ *indicator.Case, m indicator.Verdict) { n++; assert.Equal(t, ReasonNilRecord, m.Reason) })
	a.Add(&indicator.Case{}, nil)
	assert.Equal(t, NumDossierMetrics, n)
	r := a.Result()
	assert.Equal(t, int64(2), r.Ledger.Entry(ReasonNilRecord).Excluded)
	assert.Equal(t, r.Ledger.Read, r.Ledger.Excluded)
}

// TestReasonIndexes: the ledger reason indexes lrNoUnit … lrAfterAsOf are offer.Place's values.
func TestReasonIndexes(t *testing.T) {
	for p, r := range map[offer.Place]ledgerReason{offer.NoUnit: lrNoUnit, offer.NoReception: lrNoDate, offer.Withdrawn: lrWithdrawn,
		offer.OutsidePeriod: lrNotInPeriod, offer.AfterAsOf: lrAfterAsOf} {
		assert.Equal(t, r, ledgerReason(p))
	}
	assert.LessOrEqual(t, int(numLedgerReasons), offer.MaxReasons)
}

// TestUnlinkedFilesCountPolicy: Policy.UnlinkedFilesCount restores the reading before issue 13, under
// which any undeleted submitted-file entry counts for 4.2.
func TestUnlinkedFilesCountPolicy(t *testing.T) {
	d := dossier(file(model.File{Name: "Tờ khai"}), result("KQ", "u"))
	for _, unlinked := range []bool{false, true} {
		o := baseOptions()
		o.Policy.UnlinkedFilesCount = unlinked
		v := newCalc(t, o).Classify(&d)
		m, _ := v.Metric(indicator.M42)
		assert.Equal(t, unlinked, m.InNumerator, "UnlinkedFilesCount %v", unlinked)
		assert.Equal(t, unlinked, v.Facts.Has(FactSubmittedFile))
	}
}

// TestRegisteredCountedPolicy: under Reception.RegisteredCounted a status-1 dossier is placed by its
// dates, as before issue 13 (with NgayTiepNhan; without one it is placed by NgayNopHoSo).
func TestRegisteredCountedPolicy(t *testing.T) {
	o := baseOptions()
	o.Reception.RegisteredCounted = true
	c := newCalc(t, o)
	for _, d := range []model.Dossier{dossier(status(model.StatusRegistered)), dossier(status(model.StatusRegistered), received(model.None()))} {
		assert.True(t, c.Classify(&d).Counted)
	}
}
