package scorecard

// Scenario dataset (issue 5 point 2): a small province H99 (province root, two departments H99.01 and
// H99.02, two communes H99.03 and H99.04), period 2026-08 (month), judged as of 5/9/2026 00:00 UTC+7,
// so open records are judged at the period's last instant 31/8/2026 23:59:59 (a swapped day off; the
// Saturday 22/8 is a make-up working day). Data: testdata/scenario/*.csv in the model/csvio layouts
// (dossiers generated from the archetype table of scenario_data_test.go), ratings.csv (csvio rating
// layout) and communes.json (4.4 input, no codec: decoded here with encoding/json).
//
// Every expected count below is a sum over the archetype table, worked by hand: each line names the
// archetypes (dossier codes <archetype>-<n>) and the rule of docs/rules.md behind it. The scores
// built from these counts are worked in scenario_e2e_test.go. Catalogue (procedures.csv):
//
//	PA  paper result, fee LP 50 000 (fee-bearing), citizen-facing, population DB connected, full-online eligible
//	PB  no paper result, no fee, citizen-facing, not connected; duration 5 working days (postal channel 3)
//	PC…PF catalogue only (no offering): announcement decisions for group 1
//
// Offerings (offerings.csv), all "Đang công khai": H99.01 PA full + PB partial; H99.02 PA partial;
// H99.03 PB full; H99.04 PB full.

import (
	"encoding/json"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/digitisation"
	"github.com/vn-dvc/chiso766/indicator/online"
	"github.com/vn-dvc/chiso766/indicator/payment"
	"github.com/vn-dvc/chiso766/indicator/publication"
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

func scenarioProcedures(t *testing.T) []model.Procedure {
	return scenRead(t, "procedures.csv", func(f *os.File) iter.Seq2[model.Procedure, error] { return csvio.DecodeProcedures(f) })
}

func scenarioOfferings(t *testing.T) []model.Offering {
	return scenRead(t, "offerings.csv", func(f *os.File) iter.Seq2[model.Offering, error] { return csvio.DecodeOfferings(f) })
}

func scenarioPetitions(t *testing.T) []model.Petition {
	return scenRead(t, "petitions.csv", func(f *os.File) iter.Seq2[model.Petition, error] { return csvio.DecodePetitions(f) })
}

func scenarioRatings(t *testing.T) []model.Rating {
	return scenRead(t, "ratings.csv", func(f *os.File) iter.Seq2[model.Rating, error] { return csvio.DecodeRatings(f) })
}

// scenarioCommunes decodes communes.json (4.4 has no CSV codec).
func scenarioCommunes(t *testing.T) []digitisation.CommuneCopy {
	b, err := os.ReadFile(filepath.Join("testdata", "scenario", "communes.json"))
	require.NoError(t, err)
	var cs []digitisation.CommuneCopy
	require.NoError(t, json.Unmarshal(b, &cs))
	return cs
}

var (
	scenPeriod   = model.Month(2026, time.August)
	scenAsOf     = time.Date(2026, 9, 5, 0, 0, 0, 0, model.Vietnam())
	scenCalendar = sync.OnceValue(func() *calendar.Calendar {
		c, err := calendar.New(calendar.Options{FromYear: 2025, ToYear: 2027})
		if err != nil {
			panic(err) // test set-up only: the embedded civil-service calendar always builds
		}
		return c
	})
)

// reasonTotals asserts, for each reason, the records that got it (counted or excluded).
func reasonTotals(t *testing.T, l indicator.Ledger, want map[indicator.Reason]int64) {
	t.Helper()
	var sum int64
	for r, n := range want {
		e := l.Entry(r)
		require.EqualValues(t, n, e.Counted+e.Excluded, string(r))
		sum += n
	}
	require.EqualValues(t, l.Read, sum, "the listed reasons cover every record read")
	require.EqualValues(t, l.Read, l.Counted+l.Excluded, "read = counted + excluded")
}

// TestScenarioOnline checks group 3a (3.1–3.3). 3.3: dossiers received in the period (NgayTiepNhan,
// else NgayNopHoSo); numerator: online (channel 2) and, for a paper-result procedure (PA), carrying an
// electronic result.
//
//	unit    3.3 numerator (online, e-result where PA)          3.3 denominator (received in the period)
//	H99.01  A1 20 + B1 6 + B3 3 + B8 5 = 34                      A1 20 + A2 5 + A3 15 + B1 6 + B2 4 + B3 3 + B4 3
//	                                                             + B5 4 + B7 3 + B8 5 + B9 5 = 73
//	        (A2, B4 online PA without e-result; A3, B2, B7, B9 direct; B5 postal; B6 2 withdrawn before
//	        reception (status 7, only NgayNopHoSo): excluded by ExcludeWithdrawnBeforeReception, not in 3.3)
//	H99.02  A6 10 + C2 5 + C3 3 = 18                            A5 10 + A6 10 + C1 5 + C2 5 + C3 3 = 33
//	        (A5 postal, C1 direct)
//	H99.03  A7 12 + D1 6 + D2 10 = 28 (PB: no paper result)     A7 12 + A8 8 + D1 6 + D2 10 + D3 5 = 41
//	        (A8 absent channel = direct, D3 direct)
//	H99.04  A9 12 + E1 6 + E2 10 = 28                           A9 12 + A10 8 + E1 6 + E2 10 + E3 5 = 41
//	Ledger: read 198, counted 188, excluded 10 = A4 5 (28/7) + A11 3 (2/9): outside the period 8; B6 2:
//	withdrawn before reception (Policy.Reception.ExcludeWithdrawnBeforeReception, applied as by timeliness
//	and digitisation).
//	Per reason: online 108 = 34+18+28+28; online_without_e_result 8 = A2 5 + B4 3;
//	not_online 72 = A3 15 + A5 10 + A8 8 + A10 8 + B2 4 + B5 4 + B7 3 + B9 5 + C1 5 + D3 5 + E3 5.
//
// 3.1 (procedures offered online / procedures offered): H99.01 {PA full, PB partial} 2/2 (full 1,
// partial 1); H99.02 {PA partial} 1/1; H99.03, H99.04 {PB full} 1/1.
// 3.2 (services with an online dossier counted in 3.3 / services): H99.01 (H99.01,PA) by A1… yes,
// (H99.01,PB) no (A3, B2, B7, B9 direct, B5 postal) = 1/2; H99.02 (PA) by A6 = 1/1; H99.03 (PB) by A7
// = 1/1; H99.04 (PB) by A9 = 1/1.
func TestScenarioOnline(t *testing.T) {
	ds := scenarioDossiers(t)
	require.Len(t, ds, 198)
	c, err := online.New(online.Options{
		Period:     scenPeriod,
		AsOf:       scenAsOf,
		Policy:     indicator.Portal().Policy.Online,
		Reception:  indicator.Portal().Policy.Reception,
		Procedures: scenarioProcedures(t),
		Offerings:  scenarioOfferings(t),
	})
	require.NoError(t, err)
	res := c.Run(slices.Values(ds))

	type row struct {
		unit          string
		m31, m32, m33 indicator.Count
		full, partial int64
	}
	want := []row{
		{"H99.01", indicator.Count{Num: 2, Den: 2}, indicator.Count{Num: 1, Den: 2}, indicator.Count{Num: 34, Den: 73}, 1, 1},
		{"H99.02", indicator.Count{Num: 1, Den: 1}, indicator.Count{Num: 1, Den: 1}, indicator.Count{Num: 18, Den: 33}, 0, 1},
		{"H99.03", indicator.Count{Num: 1, Den: 1}, indicator.Count{Num: 1, Den: 1}, indicator.Count{Num: 28, Den: 41}, 1, 0},
		{"H99.04", indicator.Count{Num: 1, Den: 1}, indicator.Count{Num: 1, Den: 1}, indicator.Count{Num: 28, Den: 41}, 1, 0},
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
	require.EqualValues(t, 198, res.Ledger.Read)
	require.EqualValues(t, 188, res.Ledger.Counted)
	require.EqualValues(t, 10, res.Ledger.Excluded)
	reasonTotals(t, res.Ledger, map[indicator.Reason]int64{
		online.ReasonOnline:                   108,
		online.ReasonOnlineWithoutEResult:     8,
		online.ReasonNotOnline:                72,
		online.ReasonOutsidePeriod:            8,
		online.ReasonWithdrawnBeforeReception: 2,
	})
}

// TestScenarioTimeliness checks 2.1 (and the 2.1-related reasons). Judged at 31/8/2026 23:59:59 (period
// end, before AsOf 5/9); due dates are the appointments (due_at) compared as dates, except B5 (no
// appointment: PB's 5 working days, postal channel, from 3/8 — due about 10/8; ended 5/8).
//
//	arch  n  unit    due / end (status)                 rule (docs/rules.md, 2.1)                     2.1
//	A1   20  H99.01  11/8 / 7/8 (9)                     finished before the due date: early          num
//	A2    5  H99.01  12/8 / 14/8 (9)                    finished after the due date: late            den
//	A3   15  H99.01  4/9 / open (4)                     open, due after the judgement instant        num
//	A4    5  H99.01  4/8 / 3/8 (9)                      received 28/7 (before), finished in period   num
//	A5   10  H99.02  7/9 / open (4)                     open within deadline (received 31/8)         num
//	A6   10  H99.02  17/8 / 17/8 (9)                    on the due date: on time                     num
//	A11   3  H99.02  open, received 2/9                 after the period: excluded                   -
//	A7   12  H99.03  20/8 / open (4)                    open, due passed by 31/8: open overdue       den
//	A8    8  H99.03  20/8 / 20/8 (9)                    on time                                      num
//	A9   12  H99.04  21/8 / 25/8 (9)                    late                                         den
//	A10   8  H99.04  24/8 / 24/8 (9)                    on time                                      num
//	B1    6  H99.01  13/8 / end 13/8, returned 20/8 (10) status 10: NgayKetThucXuLy, on time         num
//	B2    4  H99.01  14/8 / no end, returned 19/8 (10)  status 10 without end: NgayTra, late         den
//	B3    3  H99.01  14/8 / 10/8, two supplements       more than one supplement request: late       den
//	B4    3  H99.01  24/8 / request 19/8 unanswered (5) judged at the request: early                 num
//	B5    4  H99.01  none (5 wd ≈ 10/8) / 5/8 (9)       no appointment: procedure duration, early    num
//	B6    2  H99.01  withdrawn (7), never received      withdrawn before reception: excluded         -
//	B7    3  H99.01  11/8 / withdrawn 6/8 (7)           withdrawal after reception ends it: early    num
//	B8    5  H99.01  25/8 / 20/8 (9)                    early                                        num
//	B9    5  H99.01  26/8 / 26/8 (9)                    on time                                      num
//	C1    5  H99.02  18/8 / 19/8 (10)                   late                                         den
//	C2    5  H99.02  19/8 / 18/8 (9)                    early                                        num
//	C3    3  H99.02  20/8 / 20/8 (9)                    on time                                      num
//	D1/E1 6+6 H99.03/04 10/8 / 7/8 (9)                  early                                        num
//	D2/E2 10+10       28/8 / 27/8 (9), received Sat 22/8 early                                       num
//	D3/E3 5+5         1/9 / open (4), received 25/8     open within deadline                         num
//
// Hand sums:
//
//	2.1 H99.01 num A1 20 + A3 15 + A4 5 + B1 6 + B4 3 + B5 4 + B7 3 + B8 5 + B9 5 = 66
//	           den 66 + A2 5 + B2 4 + B3 3 = 78                                       → 66/78
//	2.1 H99.02 num A5 10 + A6 10 + C2 5 + C3 3 = 28; den 28 + C1 5 = 33              → 28/33
//	2.1 H99.03 num A8 8 + D1 6 + D2 10 + D3 5 = 29; den 29 + A7 12 = 41              → 29/41
//	2.1 H99.04 num A10 8 + E1 6 + E2 10 + E3 5 = 29; den 29 + A9 12 = 41             → 29/41 (ties H99.03)
//	Ledger: read 198; excluded 5 = A11 3 (outside the period) + B6 2 (withdrawn before reception);
//	counted 193 = 78 + 33 + 41 + 41.
//	Per reason: early 74 = A1 20 + A4 5 + B5 4 + B7 3 + B8 5 + C2 5 + D1 6 + E1 6 + D2 10 + E2 10;
//	on-time 40 = A6 10 + A8 8 + A10 8 + B1 6 + B9 5 + C3 3; open-within 35 = A3 15 + A5 10 + D3 5 + E3 5;
//	late 26 = A2 5 + A9 12 + B2 4 + C1 5; open-overdue 12 = A7; late-by-repeated-supplement 3 = B3;
//	supplement-pending 3 = B4 (74+40+35+26+12+3+3+3+2 = 198).
func TestScenarioTimeliness(t *testing.T) {
	ds := scenarioDossiers(t)
	procs := map[string]model.Procedure{}
	for _, p := range scenarioProcedures(t) {
		procs[p.Code] = p
	}
	c, err := timeliness.New(timeliness.Options{
		Period:     scenPeriod,
		AsOf:       scenAsOf,
		Calendar:   scenCalendar(),
		Policy:     indicator.Portal().Policy.Timeliness,
		Reception:  indicator.Portal().Policy.Reception,
		Procedures: procs,
	})
	require.NoError(t, err)
	res := c.Run(slices.Values(ds))
	want := map[string]indicator.Count{
		"H99.01": {Num: 66, Den: 78},
		"H99.02": {Num: 28, Den: 33},
		"H99.03": {Num: 29, Den: 41},
		"H99.04": {Num: 29, Den: 41},
	}
	for u, w := range want {
		require.Equal(t, w, res.Units[u].Counts[indicator.M21], "2.1 %s", u)
	}
	require.EqualValues(t, 198, res.Ledger.Read)
	require.EqualValues(t, 193, res.Ledger.Counted)
	require.EqualValues(t, 5, res.Ledger.Excluded)
	reasonTotals(t, res.Ledger, map[indicator.Reason]int64{
		timeliness.ReasonEarly:                            74,
		timeliness.ReasonOnTime:                           40,
		timeliness.ReasonOpenWithinDeadline:               35,
		timeliness.ReasonLate:                             26,
		timeliness.ReasonOpenOverdue:                      12,
		timeliness.ReasonLateRepeatedSupplement:           3,
		timeliness.ReasonSupplementPending:                3,
		timeliness.ReasonExcludedOutsidePeriod:            3,
		timeliness.ReasonExcludedWithdrawnBeforeReception: 2,
	})
	// The individual rules, one dossier each.
	for _, w := range []struct {
		code   string
		reason indicator.Reason
	}{
		{"B1-1", timeliness.ReasonOnTime}, {"B2-1", timeliness.ReasonLate}, {"B3-1", timeliness.ReasonLateRepeatedSupplement},
		{"B4-1", timeliness.ReasonSupplementPending}, {"B5-1", timeliness.ReasonEarly}, {"B6-1", timeliness.ReasonExcludedWithdrawnBeforeReception},
		{"B7-1", timeliness.ReasonEarly}, {"D3-1", timeliness.ReasonOpenWithinDeadline}, {"A7-01", timeliness.ReasonOpenOverdue},
	} {
		i := slices.IndexFunc(ds, func(d model.Dossier) bool { return d.Code == w.code })
		require.GreaterOrEqual(t, i, 0, w.code)
		v := c.Classify(&ds[i])
		require.Equal(t, w.reason, v.Reason, w.code)
		switch w.code {
		case "B1-1": // status 10: the end is NgayKetThucXuLy (13/8), not NgayTra (20/8)
			require.Equal(t, 13, v.End.In(model.Vietnam()).Day(), w.code)
		case "B2-1": // status 10 without NgayKetThucXuLy: NgayTra (19/8)
			require.Equal(t, 19, v.End.In(model.Vietnam()).Day(), w.code)
		case "B4-1": // judged at the unanswered request, 19/8, in the numerator
			require.Equal(t, 19, v.End.In(model.Vietnam()).Day(), w.code)
			require.True(t, v.InNumerator, w.code)
		case "B5-1": // no appointment: due from the procedure's duration
			require.False(t, v.FromAppointment, w.code)
		}
	}
}

// TestScenarioPublication checks group 1 (1.1–1.4). Procedures (procedures.csv), all issued by the
// province H99 (issuer PROVINCE, issuer code H99): 5 working days of lead before the legal basis takes
// effect (1.1) and 5 working days to publish after the decision (1.2), on the 2026 calendar (31/8, 1/9,
// 2/9 off). "Date − 5 working days" is the 5th working day before it.
//
//	proc decision (kind)   effective  1.1 deadline          published  1.2 deadline       comp.    1.1   1.2     1.3
//	PA   3/8 (new)         15/8 Sat   10/8 (14,13,12,11,10)  6/8        10/8 (4,5,6,7,10)  a–g      on t. on t.   complete
//	PB   3/8 (new)         15/8       10/8                   12/8       10/8               a–g      on t. late    complete
//	PC   12/8 (amended)    17/8 Mon   10/8                   13/8       19/8               no item e late  on t.  incomplete
//	PD   20/7 (new)        10/8       -                      23/7       -                  a–g      excl. excl.   complete
//	     (decision and publication before the period: no_decision_in_period, published_outside_period;
//	     1.3 is not period-bound)
//	PE   26/8 (new)        10/9 Thu   3/9 (9,8,7,4,3)        not yet    7/9 (27,28,3,4,7)  a–g      on t. unpubl. not publ.
//	     (1.2: decided 26/8 ≤ period end + 5 wd = 9/9 → due for publication, counted, not on time)
//	PF   26/8 (abolished)  10/9       3/9                    27/8       7/9                a–g      on t. on t.   abolished
//
//	1.1 H99 = {PA, PB, PE, PF} / {PA, PB, PC, PE, PF} = 4/5 (PC late; PD not decided in the period)
//	1.2 H99 = {PA, PC, PF} / {PA, PB, PC, PE, PF} = 3/5 (PB published late, PE unpublished)
//	1.3 H99 = {PA, PB, PD} / {PA, PB, PC, PD} = 3/4 (PC lacks item e; PE not published; PF abolished)
//	Procedure ledgers (6 read each): 1.1 counted 5 (announced_on_time 4, announced_late 1), excluded 1
//	(no_decision_in_period PD); 1.2 counted 5 (published_on_time 3, published_late 1, unpublished 1),
//	excluded 1 (published_outside_period PD); 1.3 counted 4 (complete 3, incomplete 1), excluded 2
//	(not_published PE, abolished PF).
//
// 1.4 (dossiers synced with reception date in the period / dossiers received in the period; reception
// falls back to NgayNopHoSo, but a status-7 dossier without NgayTiepNhan is not counted
// (ExcludeWithdrawnBeforeReception), so B6 leaves it although it was synced):
//
//	H99.01 den A1 20 + A2 5 + A3 15 + B1 6 + B2 4 + B3 3 + B4 3 + B5 4 + B7 3 + B8 5 + B9 5 = 73;
//	       num 73 − B8 5 (sync error -1) − B9 5 (never sent) = 63                → 63/73
//	H99.02 den A5 10 + A6 10 + C1 5 + C2 5 + C3 3 = 33; num 33 − C2 5 (never sent) − C3 3 (error) = 25
//	H99.03 den A7 12 + A8 8 + D1 6 + D2 10 + D3 5 = 41; num 41 − D3 5 (never sent) = 36
//	H99.04 den 41; num 41 − E3 5 = 36
//	Ledger: read 198, counted 188, excluded 10 = A4 5 + A11 3 (outside_period) + B6 2
//	(withdrawn_before_reception); synced 160 = 63+25+36+36, sync_failed 8 = B8 5 + C3 3, not_synced 20 =
//	B9 5 + C2 5 + D3 5 + E3 5.
func TestScenarioPublication(t *testing.T) {
	ds := scenarioDossiers(t)
	procs := scenarioProcedures(t)
	require.Len(t, procs, 6)
	c, err := publication.New(publication.Options{
		Period:     scenPeriod,
		AsOf:       scenAsOf,
		Calendar:   scenCalendar(),
		Policy:     indicator.Portal().Policy.Publication,
		Reception:  indicator.Portal().Policy.Reception,
		Procedures: procs,
	})
	require.NoError(t, err)
	res := c.Run(slices.Values(ds))
	h := res.Units["H99"]
	require.Equal(t, indicator.Count{Num: 4, Den: 5}, h.Counts[indicator.M11], "1.1 H99")
	require.Equal(t, indicator.Count{Num: 3, Den: 5}, h.Counts[indicator.M12], "1.2 H99")
	require.Equal(t, indicator.Count{Num: 3, Den: 4}, h.Counts[indicator.M13], "1.3 H99")
	require.Equal(t, indicator.Count{}, h.Counts[indicator.M14], "1.4 H99 (no own dossiers)")
	for u, w := range map[string]indicator.Count{
		"H99.01": {Num: 63, Den: 73},
		"H99.02": {Num: 25, Den: 33},
		"H99.03": {Num: 36, Den: 41},
		"H99.04": {Num: 36, Den: 41},
	} {
		got := res.Units[u]
		require.Equal(t, w, got.Counts[indicator.M14], "1.4 %s", u)
		for _, m := range []indicator.ID{indicator.M11, indicator.M12, indicator.M13} {
			require.Equal(t, indicator.Count{}, got.Counts[m], "%s has no procedures of its own (%v)", u, m)
		}
	}
	reasonTotals(t, res.Ledger11, map[indicator.Reason]int64{
		publication.ReasonAnnouncedOnTime: 4, publication.ReasonAnnouncedLate: 1, publication.ReasonNoDecisionInPeriod: 1,
	})
	reasonTotals(t, res.Ledger12, map[indicator.Reason]int64{
		publication.ReasonPublishedOnTime: 3, publication.ReasonPublishedLate: 1, publication.ReasonUnpublished: 1,
		publication.ReasonPublishedOutsidePeriod: 1,
	})
	reasonTotals(t, res.Ledger13, map[indicator.Reason]int64{
		publication.ReasonComplete: 3, publication.ReasonIncomplete: 1, publication.ReasonNotPublished: 1, publication.ReasonAbolished: 1,
	})
	require.EqualValues(t, 188, res.Ledger.Counted)
	reasonTotals(t, res.Ledger, map[indicator.Reason]int64{
		publication.ReasonSynced: 160, publication.ReasonSyncFailed: 8, publication.ReasonNotSynced: 20,
		publication.ReasonOutsidePeriod: 8, publication.ReasonWithdrawnBeforeReception: 2,
	})
}

// TestScenarioDigitisation checks group 4. Denominator of the dossier metrics: dossiers received in the
// period (NgayTiepNhan, else NgayNopHoSo; a status-7 dossier without NgayTiepNhan is not counted):
//
//	H99.01 A1 20 + A2 5 + A3 15 + B1 6 + B2 4 + B3 3 + B4 3 + B5 4 + B7 3 + B8 5 + B9 5 = 73 (B6 withdrawn
//	       before reception, A4 before the period)
//	H99.02 A5 10 + A6 10 + C1 5 + C2 5 + C3 3 = 33 (A11 after the period)
//	H99.03 A7 12 + A8 8 + D1 6 + D2 10 + D3 5 = 41;   H99.04 A9 12 + A10 8 + E1 6 + E2 10 + E3 5 = 41
//
//	metric rule (docs/rules.md, group 4)                 H99.01                    H99.02                    H99.03 / H99.04
//	4.1    e-result / dossiers of PA (paper result)      A1 20+B1 6+B3 3+B8 5 = 34 A6 10+C1 5+C2 5+C3 3 = 23 0/0 (PB only)
//	                                                     / 34+A2 5+B4 3 = 42       / 23+A5 10 = 33
//	4.2    submitted file and result file / all          A1+B1+B3+B8 = 34/73       A6+C1+C2 = 20/33 (C3 has  D2 10 / 41, E2 10 / 41
//	                                                     (A2, B4: file, no result)  a result but no file)     (A7/A9: file, no result)
//	4.3    HoSoCoThanhPhanSoHoa or DuocSoHoa file / all  A1 20 + B1 6 = 26/73      C1 5 + C3 3 = 8/33        A8 8 / 41, A10 8 / 41
//	4.5    file from the store or result synced / all    A1 20 (synced) = 20/73    A6 10 + C2 5 = 15/33      D2 10 / 41, E2 10 / 41
//	4.6b   VNeID, store data or population DB / all      A1 20 (VNeID) = 20/73     A6 10 + C2 5 (store) +    A7 12+D1 6+D2 10 = 28/41;
//	                                                                               C1 5 (MaCSDL 7) = 20/33
//	                                                                                                         A9 12+E1 6+E2 10 = 28/41
//	4.4    communes offering e-certified copies          0/0                       0/0                       1/1 (communes.json)
//	4.6a   offered citizen-facing procedures connected   {PA conn, PB not} 1/2     {PA} 1/1                  {PB} 0/1
//	       to the population DB / such procedures
//
//	Ledger: read 198, counted 188 = 73+33+41+41 (all with NgayTiepNhan: reason counted), excluded 10 =
//	not_in_period 8 (A4 5, A11 3) + withdrawn_before_reception 2 (B6).
func TestScenarioDigitisation(t *testing.T) {
	ds := scenarioDossiers(t)
	c, err := digitisation.New(digitisation.Options{
		Period:     scenPeriod,
		AsOf:       scenAsOf,
		Policy:     indicator.Portal().Policy.Digitisation,
		Reception:  indicator.Portal().Policy.Reception,
		Procedures: scenarioProcedures(t),
		Offerings:  scenarioOfferings(t),
		Communes:   scenarioCommunes(t),
	})
	require.NoError(t, err)
	res := c.Run(slices.Values(ds))
	type cnt = indicator.Count
	want := map[string]map[indicator.ID]cnt{
		"H99.01": {indicator.M41: {Num: 34, Den: 42}, indicator.M42: {Num: 34, Den: 73}, indicator.M43: {Num: 26, Den: 73},
			indicator.M44: {}, indicator.M45: {Num: 20, Den: 73}, indicator.M46a: {Num: 1, Den: 2}, indicator.M46b: {Num: 20, Den: 73}},
		"H99.02": {indicator.M41: {Num: 23, Den: 33}, indicator.M42: {Num: 20, Den: 33}, indicator.M43: {Num: 8, Den: 33},
			indicator.M44: {}, indicator.M45: {Num: 15, Den: 33}, indicator.M46a: {Num: 1, Den: 1}, indicator.M46b: {Num: 20, Den: 33}},
		"H99.03": {indicator.M41: {}, indicator.M42: {Num: 10, Den: 41}, indicator.M43: {Num: 8, Den: 41},
			indicator.M44: {Num: 1, Den: 1}, indicator.M45: {Num: 10, Den: 41}, indicator.M46a: {Num: 0, Den: 1}, indicator.M46b: {Num: 28, Den: 41}},
		"H99.04": {indicator.M41: {}, indicator.M42: {Num: 10, Den: 41}, indicator.M43: {Num: 8, Den: 41},
			indicator.M44: {Num: 1, Den: 1}, indicator.M45: {Num: 10, Den: 41}, indicator.M46a: {Num: 0, Den: 1}, indicator.M46b: {Num: 28, Den: 41}},
	}
	for u, ms := range want {
		for m, w := range ms {
			require.Equal(t, w, res.Units[u].Counts[m], "%v %s", m, u)
		}
	}
	require.EqualValues(t, 198, res.Ledger.Read)
	reasonTotals(t, res.Ledger, map[indicator.Reason]int64{
		digitisation.ReasonCounted: 188, digitisation.ReasonNotInPeriod: 8, digitisation.ReasonWithdrawnBeforeReception: 2,
	})
}

// TestScenarioPetitions checks 5.1 and 5.2 (testdata/scenario/petitions.csv), judged on Monday 31/8/2026
// (period end; a swapped day off). Working days of August after 7/8: 10–14, 17–21, Sat 22 (make-up
// work), 24–28 (31/8 is off), so an open petition received 10/8 has waited 4+5+1+5 = 15 working days
// (within the 15-day start deadline) and one received 7/8 has waited 16 (overdue).
//
//	id    unit    rule                                                           5.1     5.2
//	PK1   H99.01  awaiting publication 5/8, published 6/8: handled on time       num     num
//	PK2   H99.01  awaiting publication 28/8: 20 working days after 3/8 > 15: late  -       -
//	PK3   H99.02  open, day 15: within deadline                                  num     num
//	PK4   H99.02  open, day 16: past the start deadline                           -       -
//	PK5   H99.03  received 3/8, forwarded 10/8, open: deadline from 10/8, day 15  num     num
//	PK6   H99.03  on time, dislikes 5 > likes 1: unsatisfied                     num     -
//	PK7   H99.04  on time, repeated                                              num     -
//	PK8   H99.04  on time                                                        num     num
//	PK9   H99.04  complaint about dossier E1-1 (10/8 → 12/8 → 13/8): on time     num     num
//	PK10  H99.04  complaint about dossier E1-2: on time                          num     num
//	PK11  H99.03  on time (no dossier named)                                     num     num
//	PK12  H99.03  on time                                                        num     num
//
//	5.1: H99.01 1/2, H99.02 1/2, H99.03 4/4 (PK5, PK6, PK11, PK12), H99.04 4/4 (PK7–PK10);
//	5.2: H99.01 1/2, H99.02 1/2, H99.03 3/4 (PK6 unsatisfied), H99.04 3/4 (PK7 repeated).
//	Petition ledger: read 12, counted 12.
//
// 5.3 (dossiers of 2.1's denominator − those with a dislike rating, a complaint, or resolved late —
// i.e. not in 2.1's numerator, open overdue included — / 2.1's denominator); ratings.csv: D1-1, D1-2
// dislike; A1-01 level 5 (very unsatisfied) without dislike and A1-02 level 1: not dislikes under the
// default DislikeOnly rule. Complaints: PK9 → E1-1, PK10 → E1-2.
//
//	H99.01 66/78 (2.1's: no dislike, no complaint)
//	H99.02 28/33
//	H99.03 (29 − D1-1 − D1-2)/41 = 27/41   (disliked 2; resolved late 12 = A7 open overdue)
//	H99.04 (29 − E1-1 − E1-2)/41 = 27/41   (complaint 2; resolved late 12 = A9)
//	Dossier ledger: read 198; counted 193 (2.1's), excluded 5 (not processed: A11, B6);
//	satisfied 148 = 66+28+27+27, disliked 2, complaint 2, resolved late 41 = (78−66)+(33−28)+12+12.
func TestScenarioPetitions(t *testing.T) {
	pets := scenarioPetitions(t)
	require.Len(t, pets, 12)
	ds := scenarioDossiers(t)
	procs := map[string]model.Procedure{}
	for _, p := range scenarioProcedures(t) {
		procs[p.Code] = p
	}
	tc, err := timeliness.New(timeliness.Options{
		Period: scenPeriod, AsOf: scenAsOf, Calendar: scenCalendar(), Policy: indicator.Portal().Policy.Timeliness,
		Reception: indicator.Portal().Policy.Reception, Procedures: procs,
	})
	require.NoError(t, err)
	c, err := satisfaction.New(satisfaction.Options{
		Period:    scenPeriod,
		AsOf:      scenAsOf,
		Calendar:  scenCalendar(),
		Policy:    indicator.Portal().Policy.Satisfaction,
		Ratings:   scenarioRatings(t),
		Petitions: pets,
	})
	require.NoError(t, err)
	// 5.3 takes each dossier's 2.1 outcome from the timeliness calculator, as the scorecard's pass does.
	res := c.Run(func(yield func(model.Dossier, indicator.Timing) bool) {
		for _, d := range ds {
			v := tc.Classify(&d)
			t := indicator.NotTimed
			if v.Counted {
				t = indicator.Late
				if v.InNumerator {
					t = indicator.OnTime
				}
			}
			if !yield(d, t) {
				return
			}
		}
	})
	want := map[string][3]indicator.Count{ // 5.1, 5.2, 5.3
		"H99.01": {{Num: 1, Den: 2}, {Num: 1, Den: 2}, {Num: 66, Den: 78}},
		"H99.02": {{Num: 1, Den: 2}, {Num: 1, Den: 2}, {Num: 28, Den: 33}},
		"H99.03": {{Num: 4, Den: 4}, {Num: 3, Den: 4}, {Num: 27, Den: 41}},
		"H99.04": {{Num: 4, Den: 4}, {Num: 3, Den: 4}, {Num: 27, Den: 41}},
	}
	for u, w := range want {
		got := res.Units[u]
		require.Equal(t, w[0], got.Counts[indicator.M51], "5.1 %s", u)
		require.Equal(t, w[1], got.Counts[indicator.M52], "5.2 %s", u)
		require.Equal(t, w[2], got.Counts[indicator.M53], "5.3 %s", u)
	}
	require.EqualValues(t, 12, res.Petitions.Read)
	require.EqualValues(t, 12, res.Petitions.Counted)
	reasonTotals(t, res.Ledger, map[indicator.Reason]int64{
		satisfaction.ReasonDossierSatisfied: 148, satisfaction.ReasonDossierDisliked: 2, satisfaction.ReasonDossierComplaint: 2,
		satisfaction.ReasonDossierLate: 41, "satisfaction.dossier_not_processed": 5,
	})
}

// TestScenarioPayment checks group 3b. PA is fee-bearing (LP 50 000 VND), PB has no fee.
// 3.6: dossiers of fee-bearing procedures received in the period, without all-zero fee lines; numerator
// paid online (DuocThanhToanTrucTuyen 1 portal, 2 gateway; 0 and 3 are not).
//
//	arch  n  unit    paid  fee lines   rule                                                3.6
//	A1   20  H99.01  1     LP 50 000   paid on the portal                                  num
//	A2    5  H99.01  0     LP 0        every fee line 0: excluded                          -
//	A4    5  H99.01  1     LP 50 000   received before the period: excluded                -
//	A5   10  H99.02  3     LP 50 000   code 3 is not paid online                           den
//	A6   10  H99.02  2     LP 50 000   paid through the province gateway                   num
//	A11   3  H99.02  1     LP 50 000   received after the period: excluded                 -
//	B1    6  H99.01  1                 paid on the portal (status 10)                      num
//	B3    3  H99.01  1                 paid (late by supplements: irrelevant here)         num
//	B4    3  H99.01  0     LP 50 000   not paid online                                     den
//	B6    2  H99.01  -     LP 0        withdrawn before reception: excluded (rule first)   -
//	B8    5  H99.01  1                                                                     num
//	C1    5  H99.02  0                 not paid online                                     den
//	C2    5  H99.02  2                                                                     num
//	C3    3  H99.02  1                                                                     num
//	PB dossiers (A3, A7–A10, B2, B5, B7, B9, D*, E*): not fee-bearing, excluded          -
//
//	3.6 H99.01 = (A1 20 + B1 6 + B3 3 + B8 5)/(34 + B4 3) = 34/37
//	3.6 H99.02 = (A6 10 + C2 5 + C3 3)/(18 + A5 10 + C1 5) = 18/33; H99.03, H99.04 = 0/0.
//	3.4 (fee-bearing offered procedures with an online-paid dossier): H99.01 {PA} by A1 = 1/1;
//	    H99.02 {PA} by A6 = 1/1; H99.03, H99.04 offer PB only = 0/0.
//	3.5 (a counted dossier with a positive fee line): H99.01 1/1, H99.02 1/1; others 0/0.
//	Ledger: read 198; counted 70 = 37 + 33 (paid_online 52, not_paid_online 18 = A5 10 + B4 3 + C1 5);
//	excluded 128 = zero_fee_lines 5 (A2) + withdrawn_before_reception 2 (B6: status 7 without NgayTiepNhan,
//	ExcludeWithdrawnBeforeReception, tried before the fee rules; its fee lines are 0 too, so 3.6 is the
//	same either way) + free_procedure 113 (A3 15 + A7 12 + A8 8 + A9 12 + A10 8 + B2 4 + B5 4 + B7 3 + B9 5
//	+ D1 6 + D2 10 + D3 5 + E1 6 + E2 10 + E3 5) + outside_period 8 (A4, A11).
func TestScenarioPayment(t *testing.T) {
	ds := scenarioDossiers(t)
	c, err := payment.New(payment.Options{
		Period:     scenPeriod,
		AsOf:       scenAsOf,
		Policy:     indicator.Portal().Policy.Payment,
		Reception:  indicator.Portal().Policy.Reception,
		Procedures: scenarioProcedures(t),
		Offerings:  scenarioOfferings(t),
	})
	require.NoError(t, err)
	res := c.Run(slices.Values(ds))
	want := map[string][3]indicator.Count{ // 3.4, 3.5, 3.6
		"H99.01": {{Num: 1, Den: 1}, {Num: 1, Den: 1}, {Num: 34, Den: 37}},
		"H99.02": {{Num: 1, Den: 1}, {Num: 1, Den: 1}, {Num: 18, Den: 33}},
		"H99.03": {},
		"H99.04": {},
	}
	for u, w := range want {
		got := res.Units[u]
		require.Equal(t, w[0], got.Counts[indicator.M34], "3.4 %s", u)
		require.Equal(t, w[1], got.Counts[indicator.M35], "3.5 %s", u)
		require.Equal(t, w[2], got.Counts[indicator.M36], "3.6 %s", u)
	}
	require.EqualValues(t, 198, res.Ledger.Read)
	require.EqualValues(t, 70, res.Ledger.Counted)
	require.EqualValues(t, 128, res.Ledger.Excluded)
	reasonTotals(t, res.Ledger, map[indicator.Reason]int64{
		"payment.paid_online": 52, "payment.not_paid_online": 18, "payment.zero_fee_lines": 5,
		"payment.withdrawn_before_reception": 2, "payment.free_procedure": 113, "payment.outside_period": 8,
	})
}
