package scorecard

import (
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// rec is a failing record as the tests write it: unit, metric, reason, kind, code.
type rec struct {
	unit   string
	metric indicator.ID
	reason indicator.Reason
	kind   indicator.RecordKind
	code   string
}

func collect(t *testing.T, seq iter.Seq2[FailingRecord, error]) ([]FailingRecord, []rec) {
	t.Helper()
	var full []FailingRecord
	var out []rec
	for r, err := range seq {
		require.NoError(t, err)
		full = append(full, r)
		out = append(out, rec{r.Unit, r.Metric, r.Reason, r.Kind, r.Code})
	}
	return full, out
}

// TestFailingRecordsSmallProvince exports the failing records of the small province of helpers_test.go
// and checks them against the hand-worked list: every record that is in a scored metric's denominator
// and not its numerator, and no other.
//
//	H44.01-…-0004, H44.02-…-0004  finished 12/8, due 10/8 (end of day: 11/8 00:00)  2.1 late, 5.3 resolved late
//	H44.03-…-0002                 never sent to the portal, payment code 0            1.4 not synced, 3.6 not paid online
//	H44.03-…-0003                 no result document, payment code 0                 3.3 online without e-result (paper
//	                                                                                   result needs one), 3.6, 4.1, 4.2
//	H44.03-…-0004                 named by petition PK-2                             5.3 complaint
//	P5 at H44 (its issuer)        published 12/8 for a deadline of 10/8; (đ) missing 1.2 published late, 1.3 incomplete
//	PK-2 at H44.03                open, 20 working days > 15                         5.1 open overdue, 5.2 handled late
//
// Passing records — H44.01/02-0001…0003, H44.03-0001, every other metric of the dossiers above, PK-1, P5's
// 1.1 (announced on time), the offerings (3.1, 3.2, 3.4, 3.5 all met) — are absent.
func TestFailingRecordsSmallProvince(t *testing.T) {
	s := mustScorer(t, testInputs(), testOptions())
	const (
		d  = indicator.RecordDossier
		pr = indicator.RecordProcedure
		pt = indicator.RecordPetition
	)
	want := []rec{
		{"H44.01", indicator.M21, "timeliness.late", d, "H44.01-260803-0004"},
		{"H44.01", indicator.M53, "satisfaction.dossier_resolved_late", d, "H44.01-260803-0004"},
		{"H44.02", indicator.M21, "timeliness.late", d, "H44.02-260803-0004"},
		{"H44.02", indicator.M53, "satisfaction.dossier_resolved_late", d, "H44.02-260803-0004"},
		{"H44.03", indicator.M14, "publication.not_synced", d, "H44.03-260803-0002"},
		{"H44.03", indicator.M36, "payment.not_paid_online", d, "H44.03-260803-0002"},
		{"H44.03", indicator.M33, "online.online_without_e_result", d, "H44.03-260803-0003"},
		{"H44.03", indicator.M36, "payment.not_paid_online", d, "H44.03-260803-0003"},
		{"H44.03", indicator.M41, "digitisation.no_electronic_result", d, "H44.03-260803-0003"},
		{"H44.03", indicator.M42, "digitisation.no_result_file", d, "H44.03-260803-0003"},
		{"H44.03", indicator.M53, "satisfaction.dossier_complaint", d, "H44.03-260803-0004"},
		{"H44", indicator.M12, "publication.published_late", pr, "P5"},
		{"H44", indicator.M13, "publication.incomplete", pr, "P5"},
		{"H44.03", indicator.M51, "satisfaction.petition_open_overdue", pt, "PK-2"},
		{"H44.03", indicator.M52, "satisfaction.petition_handled_late", pt, "PK-2"},
	}
	full, got := collect(t, s.FailingRecords(slices.Values(testDossiers()), RecordOptions{}))
	require.Equal(t, want, got)

	// The facts of the late dossier: received Monday 3/8 08:00 (before the 15:00 cut-off: deemed received
	// that day), appointment Monday 10/8 17:00, judged against that instant (issue 13: instants), ended
	// Wednesday 12/8: 2 working days late (11/8, 12/8).
	f := full[0].Facts
	require.Equal(t, "P5", f.Procedure)
	require.Equal(t, "9", f.Status)
	require.Equal(t, vnTime("2026-08-03 08:00"), f.Received)
	require.Equal(t, "2026-08-03", f.DeemedReceipt)
	require.Equal(t, vnTime("2026-08-10 17:00"), f.Appointment)
	require.Equal(t, vnTime("2026-08-10 17:00"), f.Due)
	require.Equal(t, vnTime("2026-08-12 10:00"), f.End)
	require.Equal(t, 2, f.LateWorkingDays)
	require.Equal(t, 1, f.FeeLines)
	require.EqualValues(t, 50000, f.FeeTotal)
	require.Equal(t, "1", f.Payment)
	require.Equal(t, "", f.Missing)
	// The missing components.
	require.Equal(t, "portal_sync", full[4].Facts.Missing)
	require.Equal(t, "online_payment", full[5].Facts.Missing)
	require.Equal(t, "electronic_result", full[6].Facts.Missing)
	require.Equal(t, "result_file", full[9].Facts.Missing)
	require.Equal(t, "0", full[5].Facts.Payment)
	// Records that are not dossiers carry no facts.
	require.Equal(t, RecordFacts{}, full[11].Facts)

	b, err := json.Marshal(full[11])
	require.NoError(t, err)
	require.JSONEq(t, `{"unit":"H44","metric":"1.2","reason":"publication.published_late","kind":"procedure","code":"P5","facts":{}}`, string(b))
}

// TestFailingRecordsFilter: RecordOptions.Unit keeps the records behind the unit's pooled score — a
// department's own dossiers and the province's procedures, whose 1.2 and 1.3 are carried down to it —
// and RecordOptions.Metrics the metrics asked for; unknown units and metrics are errors.
func TestFailingRecordsFilter(t *testing.T) {
	s := mustScorer(t, testInputs(), testOptions())
	const d, pr = indicator.RecordDossier, indicator.RecordProcedure
	_, got := collect(t, s.FailingRecords(slices.Values(testDossiers()), RecordOptions{Unit: "H44.01"}))
	require.Equal(t, []rec{
		{"H44.01", indicator.M21, "timeliness.late", d, "H44.01-260803-0004"},
		{"H44.01", indicator.M53, "satisfaction.dossier_resolved_late", d, "H44.01-260803-0004"},
		{"H44", indicator.M12, "publication.published_late", pr, "P5"},
		{"H44", indicator.M13, "publication.incomplete", pr, "P5"},
	}, got)
	_, got = collect(t, s.FailingRecords(slices.Values(testDossiers()), RecordOptions{Unit: "H44", Metrics: []indicator.ID{indicator.M36}}))
	require.Equal(t, []rec{
		{"H44.03", indicator.M36, "payment.not_paid_online", d, "H44.03-260803-0002"},
		{"H44.03", indicator.M36, "payment.not_paid_online", d, "H44.03-260803-0003"},
	}, got)
	// 2.2 is not scored: no record ever fails it.
	_, got = collect(t, s.FailingRecords(slices.Values(testDossiers()), RecordOptions{Metrics: []indicator.ID{indicator.M22}}))
	require.Empty(t, got)

	for _, o := range []RecordOptions{{Unit: "H99"}, {Metrics: []indicator.ID{0}}} {
		n := 0
		for _, err := range s.FailingRecords(slices.Values(testDossiers()), o) {
			n++
			require.ErrorIs(t, err, indicator.ErrOption)
		}
		require.Equal(t, 1, n)
	}
	// Stopping early is honoured, also among the records judged at the end.
	for stop := 1; stop <= 15; stop++ {
		n := 0
		for range s.FailingRecords(slices.Values(testDossiers()), RecordOptions{}) {
			if n++; n == stop {
				break
			}
		}
		require.Equal(t, stop, n)
	}
}

// TestFailingRecordsMatchExplanations: on the scenario province, the records exported per leaf unit,
// metric and reason are exactly the counts of the card's explanations (which count Den − Num), so the
// export lists every failing record and nothing else.
func TestFailingRecordsMatchExplanations(t *testing.T) {
	s := scenScorer(t)
	ds := scenarioDossiers(t)
	card, err := s.Run(slices.Values(ds))
	require.NoError(t, err)
	got := map[string]int64{}
	for r, err := range s.FailingRecords(slices.Values(ds), RecordOptions{}) {
		require.NoError(t, err)
		require.True(t, r.Metric.Valid())
		require.NotEmpty(t, r.Code)
		got[fmt.Sprint(r.Unit, " ", r.Metric, " ", r.Reason)]++
	}
	want := map[string]int64{}
	for _, u := range card.Units {
		if u.Unit.Kind != indicator.KindCommune && u.Unit.Kind != indicator.KindDepartment {
			continue // leaves: pooled = own for the summed metrics
		}
		for _, e := range u.Explanations {
			for _, r := range e.Reasons {
				if r.Reason == ReasonUnexplained {
					continue
				}
				want[fmt.Sprint(u.Unit.ID, " ", e.Metric, " ", r.Reason)] += r.Count
			}
		}
	}
	for k, n := range got {
		if strings.HasPrefix(k, "H99 ") { // the province's own records (procedures it issued)
			continue
		}
		if id := strings.Fields(k)[1]; isOwnPooled(id) {
			continue
		}
		require.Equal(t, want[k], n, k)
	}
	for k, n := range want {
		if id := strings.Fields(k)[1]; isOwnPooled(id) {
			continue
		}
		require.Equal(t, n, got[k], k)
	}
	require.NotEmpty(t, got)
}

// isOwnPooled reports whether the metric named s is not a plain sum over sub-units (1.2, 1.3 carried
// down; 3.1, 3.2, 3.4, 3.5, 4.6a counted by each unit itself), where a leaf's explanation is not its own
// records alone.
func isOwnPooled(s string) bool {
	switch s {
	case "1.2", "1.3", "3.1", "3.2", "3.4", "3.5", "4.6a":
		return true
	}
	return false
}

// TestFailingRecordsStream: the heap in use does not grow with the number of failing records written
// (100 000 late dossiers, two failing records each, read lazily).
func TestFailingRecordsStream(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 100 000 dossiers")
	}
	s := mustScorer(t, testInputs(), testOptions())
	const n = 100_000
	seq := func(yield func(model.Dossier) bool) {
		for i := range n {
			if !yield(dz{unit: "H44.01", n: i, late: true, pay: 1}.build()) {
				return
			}
		}
	}
	inuse := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapInuse
	}
	var early, late uint64
	k := 0
	for r, err := range s.FailingRecords(seq, RecordOptions{}) {
		require.NoError(t, err)
		if r.Kind != indicator.RecordDossier {
			continue
		}
		k++
		switch k {
		case 20_000:
			early = inuse()
		case 2 * n:
			late = inuse()
		}
	}
	require.Equal(t, 2*n, k)
	require.Less(t, int64(late)-int64(early), int64(512<<10), "heap grew from %d to %d bytes", early, late)
}

// TestProcedureBreakdown: per unit and procedure, the counts of 2.1, 3.3, 3.6 and group 4 — hand-worked
// on the small province (one procedure, P5): H44.01 and H44.02 2.1 3/4; H44.03 3.3 3/4 (one without an
// electronic result), 3.6 2/4, 4.1 3/4, 4.2 3/4, the rest 4/4.
func TestProcedureBreakdown(t *testing.T) {
	s := mustScorer(t, testInputs(), testOptions())
	rows, err := s.ProcedureBreakdown(slices.Values(testDossiers()), "")
	require.NoError(t, err)
	require.Len(t, rows, 3)
	c := func(n, d int64) indicator.Count { return indicator.Count{Num: n, Den: d} }
	for i, w := range []struct {
		unit string
		want map[indicator.ID]indicator.Count
	}{
		{"H44.01", map[indicator.ID]indicator.Count{indicator.M21: c(3, 4), indicator.M33: c(4, 4), indicator.M36: c(4, 4), indicator.M41: c(4, 4),
			indicator.M42: c(4, 4), indicator.M43: c(4, 4), indicator.M45: c(4, 4), indicator.M46b: c(4, 4)}},
		{"H44.02", map[indicator.ID]indicator.Count{indicator.M21: c(3, 4), indicator.M33: c(4, 4), indicator.M36: c(4, 4), indicator.M41: c(4, 4),
			indicator.M42: c(4, 4), indicator.M43: c(4, 4), indicator.M45: c(4, 4), indicator.M46b: c(4, 4)}},
		{"H44.03", map[indicator.ID]indicator.Count{indicator.M21: c(4, 4), indicator.M33: c(3, 4), indicator.M36: c(2, 4), indicator.M41: c(3, 4),
			indicator.M42: c(3, 4), indicator.M43: c(4, 4), indicator.M45: c(4, 4), indicator.M46b: c(4, 4)}},
	} {
		require.Equal(t, w.unit, rows[i].Unit)
		require.Equal(t, "P5", rows[i].Procedure)
		for _, id := range BreakdownMetrics() {
			require.Equal(t, w.want[id], rows[i].Counts[id], "%s %s", w.unit, id)
		}
	}
	b, err := json.Marshal(rows[2])
	require.NoError(t, err)
	require.JSONEq(t, `{"unit":"H44.03","procedure":"P5","metrics":[{"metric":"2.1","num":4,"den":4},{"metric":"3.3","num":3,"den":4},
		{"metric":"3.6","num":2,"den":4},{"metric":"4.1","num":3,"den":4},{"metric":"4.2","num":3,"den":4},{"metric":"4.3","num":4,"den":4},
		{"metric":"4.5","num":4,"den":4},{"metric":"4.6b","num":4,"den":4}]}`, string(b))

	// The rows add up to the card's own tallies; a unit keeps its sub-tree.
	card := mustRun(t, s, testDossiers())
	own := card.Tallies()
	for _, id := range BreakdownMetrics() {
		for u, tl := range own {
			var sum indicator.Count
			for _, r := range rows {
				if r.Unit == u {
					sum.Num += r.Counts[id].Num
					sum.Den += r.Counts[id].Den
				}
			}
			require.Equal(t, tl.Counts[id], sum, "%s %s", u, id)
		}
	}
	sub, err := s.ProcedureBreakdown(slices.Values(testDossiers()), "H44.03")
	require.NoError(t, err)
	require.Equal(t, rows[2:], sub)
	_, err = s.ProcedureBreakdown(slices.Values(testDossiers()), "nope")
	require.True(t, errors.Is(err, indicator.ErrOption))
}

func ExampleScorer_FailingRecords() {
	s, _ := New(testInputs(), testOptions())
	for r, err := range s.FailingRecords(slices.Values(testDossiers()), RecordOptions{Unit: "H44.02"}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(r.Unit, r.Metric, r.Code, r.Reason.Label("vi"))
	}
	// Output:
	// H44.02 2.1 H44.02-260803-0004 giải quyết quá hạn
	// H44.02 5.3 H44.02-260803-0004 hồ sơ giải quyết quá hạn
	// H44 1.2 P5 công khai trễ hạn
	// H44 1.3 P5 công khai thiếu bộ phận tạo thành
}
