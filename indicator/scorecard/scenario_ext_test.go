package scorecard

// The extended scenario's end-to-end test (issue 13, "Prove it"): every count of every metric of every
// unit of testdata/scenario/ext against the hand-worked table below (also in
// testdata/scenario/ext/EXPECTED.md). The dossier metrics' counts are the sums of the per-dossier hand
// annotations of testdata/scenario/ext/expected.csv (checked here too); the procedure, petition and
// commune counts are worked in the comments.

import (
	"encoding/csv"
	"encoding/json"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/digitisation"
	"github.com/vn-dvc/chiso766/internal/reference"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
)

var (
	extPeriod = model.Quarter(2026, 1)
	extAsOf   = time.Date(2026, 3, 20, 12, 0, 0, 0, model.Vietnam())
)

// extCounts is the hand-worked table: unit → metric → {num, den}; for 2.2 {seconds, dossiers}.
//
// Procedures (procedures.csv, offerings.csv; judgement instant = as-of 20/3/2026 12:00):
//
//	1.1 H99 4/5: decisions dated in Q1 — PA, PB (QD-11 5/1, law in force 20/1, limit 13/1: on time),
//	    PH (QD-12 10/2, in force 25/2, 5 working days back skip Tết: limit 11/2, on time), PN (QD-12 10/2,
//	    in force 12/2, limit 5/2: late), PF (QD-13 2/3, in force 20/3, limit 13/3: on time); PZ's decision
//	    is of 10/12/2025. Sub-units issue nothing: 0/0.
//	1.2 3/5 (carried down): published in Q1 — PA 7/1 (limit 5/1 + 5 working days = Sat 10/1, the make-up
//	    day, on time), PB 12/1 (late: the make-up Saturday is the 5th day), PH 24/2 (limit 24/2 after Tết,
//	    on time), PN 11/2 (on time); PF unpublished, decided 2/3 ≤ 31/3 + 5 working days: pending, late.
//	1.3 4/5 (carried down): published by as-of PA, PB, PH, PN, PZ; PH lacks component f.
//	3.1 H99.01 3/4 (PA full, PB partial, PH full, PN information only); H99.02 2/2 (PA partial; PB
//	    partial in state "Dừng công khai": any state); H99.03 2/2 (PB full, PH partial in testing);
//	    H99 3/6: every catalogue procedure (PA, PB, PH, PN, PF, PZ), online in the sub-tree PA, PB, PH
//	    (decision 8).
//	3.2 H99.01 3/3 (online dossiers of PA: T01, PB: T27, PH: T10); H99.02 1/1 (PA: T08; PB unpublished
//	    not counted); H99.03 1/2 (PB: T20; PH testing but no dossier); H99 5/6.
//	3.4, 3.5 H99.01 1/1 (PA paid online and with fee lines: T01; PF, paid by T35, is not H99.01's
//	    offering); H99.02 1/1 (T08); H99.03 0/0; H99 2/2 (PA, and PF through T35: decision 8).
//	4.4 communes.json: H99.03 does not offer: 0/1 at H99.03 and H99; departments 0/0.
//	4.6a H99.01 1/3 (PA, PB, PH citizen-facing; PN businesses; PA connected); H99.02 1/2 (PA, PB);
//	    H99.03 0/2 (PB, PH); H99 1/5 (catalogue citizen procedures PA, PB, PH, PF, PZ).
//	5.0–5.2 petitions.csv: PX1 (H99.03, handled: awaiting publication the next day, published the day
//	    after) and PX2 (H99.01, open 4 working days at as-of) are on time and not unsatisfied; neither has a
//	    category: 5.0 0/1 at each, 0/2 at H99; 5.1, 5.2 1/1 at each, 2/2 at H99, 0/0 at H99.02.
func extCounts() map[string]map[indicator.ID][2]int64 {
	type c = [2]int64
	return map[string]map[indicator.ID][2]int64{
		"H99": {indicator.M11: c{4, 5}, indicator.M12: c{3, 5}, indicator.M13: c{4, 5}, indicator.M14: c{38, 41},
			indicator.M21: c{30, 40}, indicator.M22: c{18318482, 35}, indicator.M31: c{3, 6}, indicator.M32: c{5, 6},
			indicator.M33: c{22, 41}, indicator.M34: c{2, 2}, indicator.M35: c{2, 2}, indicator.M36: c{10, 18},
			indicator.M41: c{8, 18}, indicator.M42: c{7, 41}, indicator.M43: c{2, 41}, indicator.M44: c{0, 1},
			indicator.M45: c{2, 41}, indicator.M46a: c{1, 5}, indicator.M46b: c{3, 41},
			indicator.M50: c{0, 2}, indicator.M51: c{2, 2}, indicator.M52: c{2, 2}, indicator.M53: c{28, 40}},
		"H99.01": {indicator.M11: c{0, 0}, indicator.M12: c{3, 5}, indicator.M13: c{4, 5}, indicator.M14: c{20, 22},
			indicator.M21: c{12, 19}, indicator.M22: c{9064682, 17}, indicator.M31: c{3, 4}, indicator.M32: c{3, 3},
			indicator.M33: c{11, 22}, indicator.M34: c{1, 1}, indicator.M35: c{1, 1}, indicator.M36: c{7, 13},
			indicator.M41: c{5, 13}, indicator.M42: c{5, 22}, indicator.M43: c{0, 22}, indicator.M44: c{0, 0},
			indicator.M45: c{0, 22}, indicator.M46a: c{1, 3}, indicator.M46b: c{1, 22},
			indicator.M50: c{0, 1}, indicator.M51: c{1, 1}, indicator.M52: c{1, 1}, indicator.M53: c{12, 19}},
		"H99.02": {indicator.M11: c{0, 0}, indicator.M12: c{3, 5}, indicator.M13: c{4, 5}, indicator.M14: c{9, 10},
			indicator.M21: c{10, 12}, indicator.M22: c{6445800, 11}, indicator.M31: c{2, 2}, indicator.M32: c{1, 1},
			indicator.M33: c{3, 10}, indicator.M34: c{1, 1}, indicator.M35: c{1, 1}, indicator.M36: c{3, 5},
			indicator.M41: c{3, 5}, indicator.M42: c{2, 10}, indicator.M43: c{1, 10}, indicator.M44: c{0, 0},
			indicator.M45: c{1, 10}, indicator.M46a: c{1, 2}, indicator.M46b: c{1, 10},
			indicator.M50: c{0, 0}, indicator.M51: c{0, 0}, indicator.M52: c{0, 0}, indicator.M53: c{10, 12}},
		"H99.03": {indicator.M11: c{0, 0}, indicator.M12: c{3, 5}, indicator.M13: c{4, 5}, indicator.M14: c{9, 9},
			indicator.M21: c{8, 9}, indicator.M22: c{2808000, 7}, indicator.M31: c{2, 2}, indicator.M32: c{1, 2},
			indicator.M33: c{8, 9}, indicator.M34: c{0, 0}, indicator.M35: c{0, 0}, indicator.M36: c{0, 0},
			indicator.M41: c{0, 0}, indicator.M42: c{0, 9}, indicator.M43: c{1, 9}, indicator.M44: c{0, 1},
			indicator.M45: c{1, 9}, indicator.M46a: c{0, 2}, indicator.M46b: c{1, 9},
			indicator.M50: c{0, 1}, indicator.M51: c{1, 1}, indicator.M52: c{1, 1}, indicator.M53: c{6, 9}},
	}
}

// annotationSums sums a hand-annotation file (testdata/scenario/expected.csv or ext/expected.csv) per unit
// and dossier metric ({num, den}; 2.2 {seconds, dossiers}), every row also counting for the root H99. A row
// stands for the number of dossiers in its "n" column when there is one, else for one dossier. It returns
// the sums, the number of dossiers and the rows' first cells.
func annotationSums(t *testing.T, path string) (map[string]map[indicator.ID][2]int64, int64, []string) {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	ids := map[string]indicator.ID{"1.4": indicator.M14, "2.1": indicator.M21, "2.2": indicator.M22, "3.3": indicator.M33,
		"3.6": indicator.M36, "4.1": indicator.M41, "4.2": indicator.M42, "4.3": indicator.M43, "4.5": indicator.M45,
		"4.6b": indicator.M46b, "5.3": indicator.M53}
	head := recs[0]
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	sum := map[string]map[indicator.ID][2]int64{}
	var total int64
	var first []string
	for _, r := range recs[1:] {
		first = append(first, r[0])
		n := int64(1)
		if i, ok := col["n"]; ok {
			n, err = strconv.ParseInt(r[i], 10, 64)
			require.NoError(t, err)
		}
		total += n
		for _, u := range []string{r[col["unit"]], "H99"} {
			if sum[u] == nil {
				sum[u] = map[indicator.ID][2]int64{}
			}
			for m, id := range ids {
				c, v := sum[u][id], r[col[m]]
				switch {
				case id == indicator.M22 && v != "-":
					s, err := strconv.ParseInt(v, 10, 64)
					require.NoError(t, err)
					c[0] += n * s
					c[1] += n
				case id == indicator.M22:
				case v == "N":
					c[0] += n
					c[1] += n
				case v == "D":
					c[1] += n
				default:
					require.Equal(t, "-", v, "%s %s", r[0], m)
				}
				sum[u][id] = c
			}
		}
	}
	return sum, total, first
}

// TestScenarioExtAnnotationsSum checks that the per-unit table above is the sum of the per-dossier hand
// annotations (expected.csv) for every dossier metric, so the two hand-written artefacts agree.
func TestScenarioExtAnnotationsSum(t *testing.T) {
	sum, n, codes := annotationSums(t, filepath.Join("testdata", "scenario", "ext", "expected.csv"))
	require.EqualValues(t, 49, n, "one annotation row per dossier code")
	require.Len(t, slices.Compact(slices.Sorted(slices.Values(codes))), 49)
	for u, want := range extCounts() {
		for id, w := range want {
			if _, ok := sum[u][id]; ok {
				require.Equal(t, w, sum[u][id], "%s %v", u, id)
			}
		}
	}
}

// TestScenarioExtEndToEnd scores the extended scenario with the portal edition — through Scorer.RunLatest,
// the library's way of scoring a stream with re-sent codes (decision 3) — and checks every count of every
// metric of every unit (and 2.2's pooled seconds) against extCounts.
func TestScenarioExtEndToEnd(t *testing.T) {
	units := scenRead(t, "ext/units.csv", func(f *os.File) iter.Seq2[model.Unit, error] { return csvio.DecodeUnits(f) })
	b, err := os.ReadFile(filepath.Join("testdata", "scenario", "ext", "communes.json"))
	require.NoError(t, err)
	var communes []digitisation.CommuneCopy
	require.NoError(t, json.Unmarshal(b, &communes))
	s, err := New(Inputs{
		Units:      units,
		Procedures: scenRead(t, "ext/procedures.csv", func(f *os.File) iter.Seq2[model.Procedure, error] { return csvio.DecodeProcedures(f) }),
		Offerings:  scenRead(t, "ext/offerings.csv", func(f *os.File) iter.Seq2[model.Offering, error] { return csvio.DecodeOfferings(f) }),
		Petitions:  scenRead(t, "ext/petitions.csv", func(f *os.File) iter.Seq2[model.Petition, error] { return csvio.DecodePetitions(f) }),
		Ratings:    scenRead(t, "ext/ratings.csv", func(f *os.File) iter.Seq2[model.Rating, error] { return csvio.DecodeRatings(f) }),
		Communes:   communes,
	}, Options{Period: extPeriod, AsOf: extAsOf, Calendar: scenCalendar(), Edition: indicator.Portal()})
	require.NoError(t, err)
	ds := scenRead(t, "ext/dossiers.csv", func(f *os.File) iter.Seq2[model.Dossier, error] { return csvio.DecodeDossiers(f) })
	require.Len(t, ds, 51, "49 codes, two of them sent twice")
	card, err := s.RunLatest(slices.Values(ds), 1) // T27 and T28 are sent twice: the latest version wins
	require.NoError(t, err)
	require.Empty(t, card.Unattributed)
	require.EqualValues(t, 49, card.Dossiers)
	tallies := card.Tallies()
	for unit, want := range extCounts() {
		t.Run(unit, func(t *testing.T) {
			uc, ok := card.Unit(unit)
			require.True(t, ok)
			for id, w := range want {
				m := uc.Pooled.Metric(id)
				if id == indicator.M22 {
					var sec int64
					for u, tl := range tallies {
						if u == unit || unit == "H99" {
							sec += tl.ProcessingSeconds
						}
					}
					assert.Equal(t, w, [2]int64{sec, m.Den}, "2.2 {seconds, dossiers}")
					continue
				}
				assert.Equal(t, w, [2]int64{m.Num, m.Den}, "%v counts", id)
			}
		})
	}
}

// TestScenarioAnnotationsSum checks the first scenario's per-archetype hand annotations
// (testdata/scenario/expected.csv) against its hand-worked table (scenExpectedScores), and the two
// counts that table does not hold — 2.2 (dossiers and seconds) and 5.0 — against the calculators.
func TestScenarioAnnotationsSum(t *testing.T) {
	sum, total, _ := annotationSums(t, filepath.Join("testdata", "scenario", "expected.csv"))
	require.EqualValues(t, 198, total, "every dossier annotated once")
	for _, w := range scenExpectedScores() {
		for id, cnt := range w.counts {
			if _, ok := sum[w.unit][id]; ok {
				require.Equal(t, cnt, sum[w.unit][id], "%s %v", w.unit, id)
			}
		}
	}
	type c = [2]int64
	hand := map[string]map[indicator.ID][2]int64{
		"H99":    {indicator.M22: c{74646000, 143}, indicator.M50: c{0, 12}},
		"H99.01": {indicator.M22: c{26568000, 60}, indicator.M50: c{0, 2}},
		"H99.02": {indicator.M22: c{13993200, 23}, indicator.M50: c{0, 2}},
		"H99.03": {indicator.M22: c{11318400, 24}, indicator.M50: c{0, 4}},
		"H99.04": {indicator.M22: c{22766400, 36}, indicator.M50: c{0, 4}},
	}
	card, err := scenScorer(t).Run(slices.Values(scenarioDossiers(t)))
	require.NoError(t, err)
	tallies := card.Tallies()
	for u, want := range hand {
		require.Equal(t, want[indicator.M22], sum[u][indicator.M22], "%s 2.2: annotations", u)
		uc, ok := card.Unit(u)
		require.True(t, ok)
		var sec int64
		for v, tl := range tallies {
			if v == u || u == "H99" {
				sec += tl.ProcessingSeconds
			}
		}
		assert.Equal(t, want[indicator.M22], [2]int64{sec, uc.Pooled.Metric(indicator.M22).Den}, "%s 2.2", u)
		m := uc.Pooled.Metric(indicator.M50)
		assert.Equal(t, want[indicator.M50], [2]int64{m.Num, m.Den}, "%s 5.0", u)
	}
}

// TestScenarioReferenceTables checks the reference judge (internal/reference) against the hand-worked
// tables of both scenario sets, every metric it covers: the third side of the triangle hand tables —
// calculators — reference.
func TestScenarioReferenceTables(t *testing.T) {
	communes := func(cs []digitisation.CommuneCopy) map[string]bool {
		m := map[string]bool{}
		for _, c := range cs {
			m[c.UnitID] = c.Offers
		}
		return m
	}
	byName := map[indicator.ID]string{}
	for _, m := range slices.Concat(reference.DossierMetrics, reference.ProcedureMetrics, reference.PetitionMetrics, reference.PublicationMetrics) {
		id, err := indicator.ParseID(m)
		require.NoError(t, err, m)
		byName[id] = m
	}
	check := func(t *testing.T, res *reference.Result, want map[string]map[indicator.ID][2]int64) {
		for u, w := range want {
			for id, c := range w {
				m, ok := byName[id]
				require.True(t, ok, "%v not judged by the reference", id)
				r := res.Pooled[u][m]
				got := [2]int64{r.Num, r.Den}
				if id == indicator.M22 {
					got = [2]int64{res.Seconds22[u], r.Den}
				}
				assert.Equal(t, c, got, "%s %s", u, m)
			}
		}
	}
	t.Run("ext", func(t *testing.T) {
		b, err := os.ReadFile(filepath.Join("testdata", "scenario", "ext", "communes.json"))
		require.NoError(t, err)
		var cs []digitisation.CommuneCopy
		require.NoError(t, json.Unmarshal(b, &cs))
		res, err := reference.Judge(reference.Input{
			Units:      scenRead(t, "ext/units.csv", func(f *os.File) iter.Seq2[model.Unit, error] { return csvio.DecodeUnits(f) }),
			Procedures: scenRead(t, "ext/procedures.csv", func(f *os.File) iter.Seq2[model.Procedure, error] { return csvio.DecodeProcedures(f) }),
			Offerings:  scenRead(t, "ext/offerings.csv", func(f *os.File) iter.Seq2[model.Offering, error] { return csvio.DecodeOfferings(f) }),
			Petitions:  scenRead(t, "ext/petitions.csv", func(f *os.File) iter.Seq2[model.Petition, error] { return csvio.DecodePetitions(f) }),
			Ratings:    scenRead(t, "ext/ratings.csv", func(f *os.File) iter.Seq2[model.Rating, error] { return csvio.DecodeRatings(f) }),
			Communes:   communes(cs), Period: extPeriod, AsOf: extAsOf, Calendar: scenCalendar(),
		}, scenRead(t, "ext/dossiers.csv", func(f *os.File) iter.Seq2[model.Dossier, error] { return csvio.DecodeDossiers(f) }))
		require.NoError(t, err)
		check(t, res, extCounts())
	})
	t.Run("2026-08", func(t *testing.T) {
		res, err := reference.Judge(reference.Input{
			Units:      scenRead(t, "units.csv", func(f *os.File) iter.Seq2[model.Unit, error] { return csvio.DecodeUnits(f) }),
			Procedures: scenarioProcedures(t), Offerings: scenarioOfferings(t), Petitions: scenarioPetitions(t),
			Ratings: scenarioRatings(t), Communes: communes(scenarioCommunes(t)),
			Period: scenPeriod, AsOf: scenAsOf, Calendar: scenCalendar(),
		}, scenarioDossiers(t))
		require.NoError(t, err)
		want := map[string]map[indicator.ID][2]int64{}
		for _, w := range scenExpectedScores() {
			want[w.unit] = w.counts
		}
		check(t, res, want)
	})
}
