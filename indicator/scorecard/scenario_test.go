package scorecard

// Scenario dataset (issue 5 point 2), first cut: group 3a (online services, 3.1–3.3) over a small
// province H99 (province root, two departments H99.01/H99.02, two communes H99.03/H99.04) for the
// period 2026-08, judged as of 5/9/2026. Data: testdata/scenario/*.csv in the model/csvio layouts.
//
// Dossier archetypes (one row = one rule case × count; codes <archetype>-<nn>):
//
//	arch  n  unit    proc ch  received    e-result  rule (INDICATORS.md §3 3.3)                  3.3 num/den
//	A1   20  H99.01  PA   2   4/8         yes       online, paper result with e-result           +20/+20
//	A2    5  H99.01  PA   2   5/8         no        online, paper result, no e-result            +0/+5
//	A3   15  H99.01  PB   1   22/8 (Sat)  -         direct (make-up working Saturday)            +0/+15
//	A4    5  H99.01  PA   2   28/7        yes       received before the period: excluded         -
//	A5   10  H99.02  PA   3   31/8        -         postal (swapped day 31/8)                    +0/+10
//	A6   10  H99.02  PA   2   10/8        yes       online with e-result                         +10/+10
//	A11   3  H99.02  PA   2   2/9         yes       received after the period: excluded          -
//	A7   12  H99.03  PB   2   12/8        no        online, procedure without paper result       +12/+12
//	A8    8  H99.03  PB   ""  13/8        -         absent channel counts as direct              +0/+8
//	A9   12  H99.04  PB   2   14/8        no        online, no paper result                      +12/+12
//	A10   8  H99.04  PB   1   17/8        -         direct                                       +0/+8
//
// Hand sums:
//
//	3.3 H99.01 = A1 / (A1+A2+A3)   = 20/(20+5+15) = 20/40
//	3.3 H99.02 = A6 / (A5+A6)      = 10/(10+10)   = 10/20
//	3.3 H99.03 = A7 / (A7+A8)      = 12/(12+8)    = 12/20
//	3.3 H99.04 = A9 / (A9+A10)     = 12/(12+8)    = 12/20   (ties H99.03 on purpose)
//	Ledger: read 108 = 20+5+15+5+10+10+3+12+8+12+8; counted 100 = 40+20+20+20;
//	excluded 8 = A4 (5, outside_period) + A11 (3, outside_period: 2/9 is after the period's last day
//	and before AsOf 5/9, so the period test decides first).
//	Per reason: online = A1+A6+A7+A9 = 20+10+12+12 = 54; online_without_e_result = A2 = 5;
//	not_online = A3+A5+A8+A10 = 15+10+8+8 = 41 (54+5+41 = 100).
//
// Offerings (3.1, 3.2): H99.01 PA full, PB partial; H99.02 PA partial; H99.03 PB full; H99.04 PB full,
// all "being published".
//
//	3.1 H99.01 = {PA, PB} / {PA, PB} = 2/2, FullOnline 1 (PA), PartialOnline 1 (PB)
//	3.1 H99.02 = {PA}/{PA} = 1/1 partial; H99.03 and H99.04 = {PB}/{PB} = 1/1 full
//	3.2 H99.01 = (H99.01,PA) had online dossiers counted in 3.3 (A1, A2); (H99.01,PB) none (A3 is
//	    direct) = 1/2
//	3.2 H99.02 = (H99.02,PA): A6 = 1/1; H99.03 = (H99.03,PB): A7 = 1/1; H99.04 = (H99.04,PB): A9 = 1/1

import (
	"iter"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/online"
	"github.com/vn-dvc/chiso766/indicator/payment"
	"github.com/vn-dvc/chiso766/indicator/satisfaction"
	"github.com/vn-dvc/chiso766/indicator/timeliness"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
)

// scenRead decodes one CSV of testdata/scenario with dec, failing on any record error.
func scenRead[T any](t *testing.T, name string, dec func(f *os.File) iter.Seq2[T, error]) []T {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "scenario", name))
	require.NoError(t, err)
	defer f.Close()
	var out []T
	for r, err := range dec(f) {
		require.NoError(t, err, name)
		out = append(out, r)
	}
	return out
}

func scenarioDossiers(t *testing.T) []model.Dossier {
	return scenRead(t, "dossiers.csv", func(f *os.File) iter.Seq2[model.Dossier, error] { return csvio.DecodeDossiers(f) })
}

func TestScenarioOnline(t *testing.T) {
	procs := scenRead(t, "procedures.csv", func(f *os.File) iter.Seq2[model.Procedure, error] { return csvio.DecodeProcedures(f) })
	offs := scenRead(t, "offerings.csv", func(f *os.File) iter.Seq2[model.Offering, error] { return csvio.DecodeOfferings(f) })
	ds := scenarioDossiers(t)
	require.Len(t, ds, 108)

	period := model.Month(2026, time.August)
	c, err := online.New(online.Options{
		Period:     period,
		AsOf:       time.Date(2026, 9, 5, 0, 0, 0, 0, model.Vietnam()),
		Policy:     indicator.Portal().Policy,
		Procedures: procs,
		Offerings:  offs,
	})
	require.NoError(t, err)
	res := c.Run(func(yield func(model.Dossier) bool) {
		for _, d := range ds {
			if !yield(d) {
				return
			}
		}
	})

	type row struct {
		unit          string
		m31, m32, m33 indicator.Count
		full, partial int64
	}
	want := []row{
		{"H99.01", indicator.Count{Num: 2, Den: 2}, indicator.Count{Num: 1, Den: 2}, indicator.Count{Num: 20, Den: 40}, 1, 1},
		{"H99.02", indicator.Count{Num: 1, Den: 1}, indicator.Count{Num: 1, Den: 1}, indicator.Count{Num: 10, Den: 20}, 0, 1},
		{"H99.03", indicator.Count{Num: 1, Den: 1}, indicator.Count{Num: 1, Den: 1}, indicator.Count{Num: 12, Den: 20}, 1, 0},
		{"H99.04", indicator.Count{Num: 1, Den: 1}, indicator.Count{Num: 1, Den: 1}, indicator.Count{Num: 12, Den: 20}, 1, 0},
	}
	require.Len(t, res.Units, len(want))
	for _, w := range want {
		t.Run(w.unit, func(t *testing.T) {
			got, ok := res.Units[w.unit]
			require.True(t, ok)
			require.Equal(t, w.m31, got.Counts[indicator.M31], "3.1")
			require.Equal(t, w.m32, got.Counts[indicator.M32], "3.2")
			require.Equal(t, w.m33, got.Counts[indicator.M33], "3.3")
			require.Equal(t, w.full, got.FullOnline, "3.1 full")
			require.Equal(t, w.partial, got.PartialOnline, "3.1 partial")
		})
	}
	require.EqualValues(t, 108, res.Ledger.Read)
	require.EqualValues(t, 100, res.Ledger.Counted)
	require.EqualValues(t, 8, res.Ledger.Excluded)
	for _, r := range []struct {
		reason indicator.Reason
		n      int64
	}{
		{online.ReasonOnline, 54},              // A1+A6+A7+A9
		{online.ReasonOnlineWithoutEResult, 5}, // A2
		{online.ReasonNotOnline, 41},           // A3+A5+A8+A10
		{online.ReasonOutsidePeriod, 8},        // A4+A11
	} {
		e := res.Ledger.Entry(r.reason)
		require.EqualValues(t, r.n, e.Counted+e.Excluded, string(r.reason))
	}
}

// TestScenarioTimeliness checks 2.1 over the same dossiers. Judged at 31/8/2026 23:59:59 (period end,
// before AsOf 5/9). Due dates are the appointments (due_at), compared as dates.
//
//	arch  n  unit    due    end / status         rule (INDICATORS.md §3 2.1)                    2.1 num/den
//	A1   20  H99.01  11/8   ended 7/8 (9)        finished before the due date: early            +20/+20
//	A2    5  H99.01  12/8   ended 14/8 (9)       finished after the due date: late              +0/+5
//	A3   15  H99.01  4/9    open (4)             open, due after the judgement instant          +15/+15
//	A4    5  H99.01  4/8    ended 3/8 (9)        received 28/7 (before), finished in period     +5/+5
//	A5   10  H99.02  7/9    open (4)             open within deadline (received 31/8)           +10/+10
//	A6   10  H99.02  17/8   ended 17/8 (9)       finished on the due date: on time              +10/+10
//	A11   3  H99.02  9/9    open (4)             received 2/9, after the period: excluded       -
//	A7   12  H99.03  20/8   open (4)             open, due date passed by 31/8: open overdue    +0/+12
//	A8    8  H99.03  20/8   ended 20/8 (9)       on time                                        +8/+8
//	A9   12  H99.04  21/8   ended 25/8 (9)       late                                           +0/+12
//	A10   8  H99.04  24/8   ended 24/8 (9)       on time                                        +8/+8
//
// Hand sums:
//
//	2.1 H99.01 = (A1+A3+A4)/(A1+A2+A3+A4) = (20+15+5)/(20+5+15+5) = 40/45
//	2.1 H99.02 = (A5+A6)/(A5+A6)          = 20/20
//	2.1 H99.03 = A8/(A7+A8)               = 8/20
//	2.1 H99.04 = A10/(A9+A10)             = 8/20   (ties H99.03 again)
//	Ledger: read 108, counted 105, excluded 3 (A11).
//	Per reason: early+on-time = A1+A4+A6+A8+A10 = 20+5+10+8+8 = 51; open-within = A3+A5 = 25;
//	late = A2+A9 = 17; open-overdue = A7 = 12; outside-period = A11 = 3 (51+25+17+12+3 = 108).
//	Early: A1 (7/8 < 11/8) and A4 (3/8 < 4/8) = 25; on time: A6, A8, A10 = 26.
func TestScenarioTimeliness(t *testing.T) {
	ds := scenarioDossiers(t)
	cal, err := calendar.New(calendar.Options{FromYear: 2025, ToYear: 2027})
	require.NoError(t, err)
	c, err := timeliness.New(timeliness.Options{
		Period:   model.Month(2026, time.August),
		AsOf:     time.Date(2026, 9, 5, 0, 0, 0, 0, model.Vietnam()),
		Calendar: cal,
		Policy:   indicator.Portal().Policy,
	})
	require.NoError(t, err)
	res := c.Run(func(yield func(model.Dossier) bool) {
		for _, d := range ds {
			if !yield(d) {
				return
			}
		}
	})
	want := map[string]indicator.Count{
		"H99.01": {Num: 40, Den: 45},
		"H99.02": {Num: 20, Den: 20},
		"H99.03": {Num: 8, Den: 20},
		"H99.04": {Num: 8, Den: 20},
	}
	for u, w := range want {
		require.Equal(t, w, res.Units[u].Counts[indicator.M21], "2.1 %s", u)
	}
	require.EqualValues(t, 108, res.Ledger.Read)
	require.EqualValues(t, 105, res.Ledger.Counted)
	require.EqualValues(t, 3, res.Ledger.Excluded)
	for _, r := range []struct {
		reason indicator.Reason
		n      int64
	}{
		{timeliness.ReasonEarly, 25},                // A1+A4
		{timeliness.ReasonOnTime, 26},               // A6+A8+A10
		{timeliness.ReasonOpenWithinDeadline, 25},   // A3+A5
		{timeliness.ReasonLate, 17},                 // A2+A9
		{timeliness.ReasonOpenOverdue, 12},          // A7
		{timeliness.ReasonExcludedOutsidePeriod, 3}, // A11
	} {
		e := res.Ledger.Entry(r.reason)
		require.EqualValues(t, r.n, e.Counted+e.Excluded, string(r.reason))
	}
}

// TestScenarioPetitions checks 5.1 and 5.2 (testdata/scenario/petitions.csv), judged on Monday 31/8/2026
// (period end; a swapped day off). Working days of August after 7/8: 10–14, 17–21, Sat 22 (make-up
// work), 24–28 (31/8 is off), so an open petition received 10/8 has waited 4+5+1+5 = 15 working days
// (within the 15-day start deadline) and one received 7/8 has waited 16 (overdue).
//
//	id   unit    rule                                                           5.1     5.2
//	PK1  H99.01  awaiting publication 5/8, published 6/8: handled on time       num     num
//	PK2  H99.01  awaiting publication 28/8: 20 working days after 3/8 > 15: late  -       -
//	PK3  H99.02  open, day 15: within deadline                                  num     num
//	PK4  H99.02  open, day 16: past the start deadline                           -       -
//	PK5  H99.03  received 3/8, forwarded 10/8, open: deadline from 10/8, day 15  num     num
//	PK6  H99.03  on time, dislikes 5 > likes 1: unsatisfied                     num     -
//	PK7  H99.04  on time, repeated                                              num     -
//	PK8  H99.04  on time                                                        num     num
//
//	5.1: H99.01 1/2, H99.02 1/2, H99.03 2/2, H99.04 2/2; 5.2: 1/2 for every unit.
func TestScenarioPetitions(t *testing.T) {
	pets := scenRead(t, "petitions.csv", func(f *os.File) iter.Seq2[model.Petition, error] { return csvio.DecodePetitions(f) })
	require.Len(t, pets, 8)
	cal, err := calendar.New(calendar.Options{FromYear: 2025, ToYear: 2027})
	require.NoError(t, err)
	c, err := satisfaction.New(satisfaction.Options{
		Period:     model.Month(2026, time.August),
		AsOf:       time.Date(2026, 9, 5, 0, 0, 0, 0, model.Vietnam()),
		Calendar:   cal,
		Policy:     indicator.Portal().Policy,
		Timeliness: func(*model.Dossier) (bool, bool) { return false, false },
	})
	require.NoError(t, err)
	res := c.Run(func(func(model.Dossier) bool) {}, func(yield func(model.Petition) bool) {
		for _, p := range pets {
			if !yield(p) {
				return
			}
		}
	})
	want := map[string][2]indicator.Count{
		"H99.01": {{Num: 1, Den: 2}, {Num: 1, Den: 2}},
		"H99.02": {{Num: 1, Den: 2}, {Num: 1, Den: 2}},
		"H99.03": {{Num: 2, Den: 2}, {Num: 1, Den: 2}},
		"H99.04": {{Num: 2, Den: 2}, {Num: 1, Den: 2}},
	}
	for u, w := range want {
		got := res.Units[u]
		require.Equal(t, w[0], got.Counts[indicator.M51], "5.1 %s", u)
		require.Equal(t, w[1], got.Counts[indicator.M52], "5.2 %s", u)
	}
}

// TestScenarioPayment checks group 3b. PA is fee-bearing (LP 50 000 VND), PB has no fee.
//
//	arch  n  unit    paid  fee lines   rule (INDICATORS.md §3 3.6)                         3.6 num/den
//	A1   20  H99.01  1     LP 50 000   paid on the portal                                  +20/+20
//	A2    5  H99.01  0     LP 0        every fee line 0: excluded                          -
//	A3   15  H99.01  -     -           PB is not fee-bearing: excluded                     -
//	A4    5  H99.01  1     LP 50 000   received before the period: excluded                -
//	A5   10  H99.02  3     LP 50 000   code 3 is not paid online                           +0/+10
//	A6   10  H99.02  2     LP 50 000   paid through the province gateway                   +10/+10
//	A11   3  H99.02  1     LP 50 000   received after the period: excluded                 -
//	A7–A10           -     -           PB: excluded                                        -
//
//	3.6 H99.01 = 20/20; H99.02 = 10/(10+10) = 10/20; H99.03, H99.04 = 0/0.
//	3.4 (fee-bearing offered procedures with an online-paid dossier): H99.01 {PA} by A1 = 1/1;
//	    H99.02 {PA} by A6 = 1/1; H99.03, H99.04 offer PB only = 0/0.
//	3.5 (a counted dossier with a positive fee line): H99.01 1/1 (A1), H99.02 1/1 (A5, A6); others 0/0.
func TestScenarioPayment(t *testing.T) {
	procs := scenRead(t, "procedures.csv", func(f *os.File) iter.Seq2[model.Procedure, error] { return csvio.DecodeProcedures(f) })
	offs := scenRead(t, "offerings.csv", func(f *os.File) iter.Seq2[model.Offering, error] { return csvio.DecodeOfferings(f) })
	ds := scenarioDossiers(t)
	c, err := payment.New(payment.Options{
		Period:     model.Month(2026, time.August),
		AsOf:       time.Date(2026, 9, 5, 0, 0, 0, 0, model.Vietnam()),
		Policy:     indicator.Portal().Policy,
		Procedures: procs,
		Offerings:  offs,
	})
	require.NoError(t, err)
	res := c.Run(func(yield func(model.Dossier) bool) {
		for _, d := range ds {
			if !yield(d) {
				return
			}
		}
	})
	want := map[string][3]indicator.Count{ // 3.4, 3.5, 3.6
		"H99.01": {{Num: 1, Den: 1}, {Num: 1, Den: 1}, {Num: 20, Den: 20}},
		"H99.02": {{Num: 1, Den: 1}, {Num: 1, Den: 1}, {Num: 10, Den: 20}},
		"H99.03": {},
		"H99.04": {},
	}
	for u, w := range want {
		got := res.Units[u]
		require.Equal(t, w[0], got.Counts[indicator.M34], "3.4 %s", u)
		require.Equal(t, w[1], got.Counts[indicator.M35], "3.5 %s", u)
		require.Equal(t, w[2], got.Counts[indicator.M36], "3.6 %s", u)
	}
	require.EqualValues(t, 108, res.Ledger.Read)
	// Counted 40 = A1+A5+A6 = 20+10+10 (paid_online 30 = A1+A6, not_paid_online 10 = A5);
	// excluded 68 = zero_fee_lines 5 (A2) + free_procedure 55 (A3+A7+A8+A9+A10 = 15+12+8+12+8)
	// + outside_period 8 (A4+A11).
	require.EqualValues(t, 40, res.Ledger.Counted)
	require.EqualValues(t, 68, res.Ledger.Excluded)
	for _, r := range []struct {
		reason indicator.Reason
		n      int64
	}{
		{"payment.paid_online", 30}, {"payment.not_paid_online", 10}, {"payment.zero_fee_lines", 5},
		{"payment.free_procedure", 55}, {"payment.outside_period", 8},
	} {
		e := res.Ledger.Entry(r.reason)
		require.EqualValues(t, r.n, e.Counted+e.Excluded, string(r.reason))
	}
}
