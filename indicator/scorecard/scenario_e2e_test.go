package scorecard

import (
	"iter"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/online"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
)

// Scores of the scenario (issue 6 point 1), worked by hand from the tallies of scenario_test.go under
// the portal edition (docs/rules.md): metric score = P·R rounded half up to 2 decimals from the
// exact fraction, except 3.1 = 2·min(1, R/0.8), 3.3 = 6·min(1, R/0.5), 4.3 = 2·min(1, R/0.8) = 2.5·R
// below the cap, 5.3 = 6·min(1, R/0.9), and 3b's percent pipeline (A, B, C rounded to percents with 2
// decimals first). Zero denominators: 1.x and 4.x (but 4.4) null → 0; 4.4 full marks (2); 5.1, 5.2 full
// marks (6); 2.1, 3.x and 5.3 → 0. Group = sum of rounded metric scores; total = sum of groups.
// Pooling (indicator.DefaultAggregation): the root H99 sums dossier and petition counts over its
// sub-tree; 1.2 and 1.3 are the province's own counts carried down to every sub-unit; 1.1, 3.1, 3.2,
// 3.4, 3.5 and 4.6a are own counts (the root's computed over the distinct procedures / services of its
// sub-tree; sub-units issue no announcement decisions, so their 1.1 is 0/0, null).
//
//	metric  H99 (pooled)              H99.01                  H99.02                  H99.03 = H99.04
//	1.1     4/5 → 6·0.8 = 4.80        0/0 null → 0            0/0 → 0                 0/0 → 0
//	1.2     3/5 → 4·0.6 = 2.40        3/5 carried → 2.40      2.40                    2.40
//	1.3     3/4 → 2·0.75 = 1.50       1.50                    1.50                    1.50
//	1.4     160/188 → 960/188 = 5.106 63/73 → 378/73 = 5.178  25/33 → 150/33 = 4.545  36/41 → 216/41 = 5.268
//	        → 5.11                    → 5.18                  → 4.55                  → 5.27
//	G1      13.81                     9.08                    8.45                    9.17
//	2.1     152/193 → 3040/193        66/78 → 1320/78         28/33 → 560/33          29/41 → 580/41
//	        = 15.751 → 15.75          = 16.923 → 16.92        = 16.970 → 16.97        = 14.146 → 14.15
//	G2      15.75                     16.92                   16.97                   14.15
//	3.1     2/6 {PA…PF} → 0.83 (*)    2/2 → 2.00              1/1 → 2.00              1/1 → 2.00
//	3.2     4/5 services → 3.20       1/2 → 2.00              1/1 → 4.00              1/1 → 4.00
//	3.3     108/188 = 0.574 → 6.00    34/73 → 12·34/73        18/33 = 0.545 → 6.00    28/41 = 0.683 → 6.00
//	                                  = 408/73 = 5.589 → 5.59
//	G3a     10.03                     9.59                    12.00                   12.00
//	3.4     1/1 → 2.00                1/1 → 2.00              1/1 → 2.00              0/0 → 0
//	3.5     1/1 → 2.00                1/1 → 2.00              1/1 → 2.00              0/0 → 0
//	3.6     52/70 = 74.29 % → 4.4574  34/37 = 91.89 % → 5.5134 18/33 = 54.55 % → 3.273 0/0 → 0
//	        → 4.46                    → 5.51                  → 3.27
//	G3b     8.46                      9.51                    7.27                    0.00
//	4.1     57/75 → 4.56              34/42 → 204/42 = 4.857  23/33 → 138/33 = 4.182  0/0 null → 0
//	                                  → 4.86                  → 4.18
//	4.2     74/188 → 296/188 = 1.574  34/73 → 136/73 = 1.863  20/33 → 80/33 = 2.424   10/41 → 40/41 = 0.976
//	        → 1.57                    → 1.86                  → 2.42                  → 0.98
//	4.3     50/188 → 125/188 = 0.665  26/73 → 65/73 = 0.890   8/33 → 20/33 = 0.606    8/41 → 20/41 = 0.488
//	        → 0.66                    → 0.89                  → 0.61                  → 0.49
//	4.4     2/2 → 2.00                0/0 full marks → 2.00   2.00                    1/1 → 2.00
//	4.5     55/188 → 220/188 = 1.170  20/73 → 80/73 = 1.096   15/33 → 60/33 = 1.818   10/41 → 0.98
//	        → 1.17                    → 1.10                  → 1.82
//	4.6a    1/6 {PA…PF} → 0.33 (*)    1/2 → 1.00              1/1 → 2.00              0/1 → 0.00
//	4.6b    96/188 → 192/188 = 1.021  20/73 → 40/73 = 0.548   20/33 → 40/33 = 1.212   28/41 → 56/41 = 1.366
//	        → 1.02                    → 0.55                  → 1.21                  → 1.37
//	G4      11.31                     12.26                   14.24                   5.82
//	5.1     10/12 → 5.00              1/2 → 3.00              1/2 → 3.00              4/4 → 6.00
//	5.2     8/12 → 4.00               1/2 → 3.00              1/2 → 3.00              3/4 → 4.50
//	5.3     148/193 → 888/173.7       66/78 → 396/70.2        28/33 → 168/29.7        27/41 → 162/36.9
//	        = 5.112 → 5.11            = 5.641 → 5.64          = 5.657 → 5.66          = 4.390 → 4.39
//	G5      14.11                     11.64                   11.66                   14.89
//	total   73.47                     69.00                   70.59                   56.03
//	band    fair (≥ 70)               average (≥ 50)          fair                    average
//	rank    1 (pool of roots)         2                       1                       3 and 3: tie on total
//
// (*) Decision 8 of issue 13: the province's own 3.1 and 4.6a count every catalogue procedure under its
// authority, offered or not: PA…PF (six, all citizen-facing), of which PA and PB are offered online and
// PA is connected to the population database. 3.1 = 2·min(1, (2/6)/0.8) = 0.833 → 0.83; 4.6a = 2·1/6 =
// 0.333 → 0.33 (before: 2/2 → 2.00 and 1/2 → 1.00). 3.4 and 3.5 do not move: PC…PF are free.
//
// Totals: H99 13.81+15.75+10.03+8.46+11.31+14.11 = 73.47; H99.01 9.08+16.92+9.59+9.51+12.26+11.64 =
// 69.00; H99.02 8.45+16.97+12.00+7.27+14.24+11.66 = 70.59; H99.03/04 9.17+14.15+12.00+0+5.82+14.89 =
// 56.03. The two communes tie on total (and on every group) with different records behind the same
// counts: H99.03 loses 2.1 to 12 open-overdue dossiers (A7) and 5.3 to 2 disliked ones (D1-1, D1-2);
// H99.04 to 12 late dossiers (A9) and 2 complaints (E1-1, E1-2, petitions PK9, PK10).
// Group ranks (sub-units ranked together, RankWithinRoot):
//
//	G1  H99.03 = H99.04 9.17 (1, 1), H99.01 9.08 (3), H99.02 8.45 (4)
//	G2  H99.02 16.97 (1), H99.01 16.92 (2), H99.03 = H99.04 14.15 (3, 3)
//	G3a H99.02 = H99.03 = H99.04 12.00 (1, 1, 1), H99.01 9.59 (4)
//	G3b H99.01 9.51 (1), H99.02 7.27 (2), communes 0.00 (3, 3)
//	G4  H99.02 14.24 (1), H99.01 12.26 (2), communes 5.82 (3, 3)
//	G5  communes 14.89 (1, 1), H99.02 11.66 (3), H99.01 11.64 (4)
type scenScores struct {
	unit   string
	metric [indicator.NumIDs]string // score by metric (2 dp); "" = not checked (2.2, 5.0)
	counts map[indicator.ID][2]int64
	groups [indicator.NumGroups]string
	total  string
	band   string
	rank   int
	granks [indicator.NumGroups]int
}

func scenExpectedScores() []scenScores {
	ms := func(kv ...any) [indicator.NumIDs]string {
		var out [indicator.NumIDs]string
		for i := 0; i < len(kv); i += 2 {
			out[kv[i].(indicator.ID)] = kv[i+1].(string)
		}
		return out
	}
	type c = [2]int64
	return []scenScores{
		{unit: "H99",
			metric: ms(indicator.M11, "4.80", indicator.M12, "2.40", indicator.M13, "1.50", indicator.M14, "5.11", indicator.M21, "15.75",
				indicator.M31, "0.83", indicator.M32, "3.20", indicator.M33, "6.00", indicator.M34, "2.00", indicator.M35, "2.00", indicator.M36, "4.46",
				indicator.M41, "4.56", indicator.M42, "1.57", indicator.M43, "0.66", indicator.M44, "2.00", indicator.M45, "1.17", indicator.M46a, "0.33",
				indicator.M46b, "1.02", indicator.M51, "5.00", indicator.M52, "4.00", indicator.M53, "5.11"),
			counts: map[indicator.ID][2]int64{indicator.M11: c{4, 5}, indicator.M12: c{3, 5}, indicator.M13: c{3, 4}, indicator.M14: c{160, 188},
				indicator.M21: c{152, 193}, indicator.M31: c{2, 6}, indicator.M32: c{4, 5}, indicator.M33: c{108, 188}, indicator.M34: c{1, 1},
				indicator.M35: c{1, 1}, indicator.M36: c{52, 70}, indicator.M41: c{57, 75}, indicator.M42: c{74, 188}, indicator.M43: c{50, 188},
				indicator.M44: c{2, 2}, indicator.M45: c{55, 188}, indicator.M46a: c{1, 6}, indicator.M46b: c{96, 188}, indicator.M51: c{10, 12},
				indicator.M52: c{8, 12}, indicator.M53: c{148, 193}},
			groups: [6]string{"13.81", "15.75", "10.03", "8.46", "11.31", "14.11"}, total: "73.47", band: "fair", rank: 1,
			granks: [6]int{1, 1, 1, 1, 1, 1}},
		{unit: "H99.01",
			metric: ms(indicator.M11, "0.00", indicator.M12, "2.40", indicator.M13, "1.50", indicator.M14, "5.18", indicator.M21, "16.92",
				indicator.M31, "2.00", indicator.M32, "2.00", indicator.M33, "5.59", indicator.M34, "2.00", indicator.M35, "2.00", indicator.M36, "5.51",
				indicator.M41, "4.86", indicator.M42, "1.86", indicator.M43, "0.89", indicator.M44, "2.00", indicator.M45, "1.10", indicator.M46a, "1.00",
				indicator.M46b, "0.55", indicator.M51, "3.00", indicator.M52, "3.00", indicator.M53, "5.64"),
			counts: map[indicator.ID][2]int64{indicator.M11: c{0, 0}, indicator.M12: c{3, 5}, indicator.M13: c{3, 4}, indicator.M14: c{63, 73},
				indicator.M21: c{66, 78}, indicator.M31: c{2, 2}, indicator.M32: c{1, 2}, indicator.M33: c{34, 73}, indicator.M34: c{1, 1},
				indicator.M35: c{1, 1}, indicator.M36: c{34, 37}, indicator.M41: c{34, 42}, indicator.M42: c{34, 73}, indicator.M43: c{26, 73},
				indicator.M44: c{0, 0}, indicator.M45: c{20, 73}, indicator.M46a: c{1, 2}, indicator.M46b: c{20, 73}, indicator.M51: c{1, 2},
				indicator.M52: c{1, 2}, indicator.M53: c{66, 78}},
			groups: [6]string{"9.08", "16.92", "9.59", "9.51", "12.26", "11.64"}, total: "69.00", band: "average", rank: 2,
			granks: [6]int{3, 2, 4, 1, 2, 4}},
		{unit: "H99.02",
			metric: ms(indicator.M11, "0.00", indicator.M12, "2.40", indicator.M13, "1.50", indicator.M14, "4.55", indicator.M21, "16.97",
				indicator.M31, "2.00", indicator.M32, "4.00", indicator.M33, "6.00", indicator.M34, "2.00", indicator.M35, "2.00", indicator.M36, "3.27",
				indicator.M41, "4.18", indicator.M42, "2.42", indicator.M43, "0.61", indicator.M44, "2.00", indicator.M45, "1.82", indicator.M46a, "2.00",
				indicator.M46b, "1.21", indicator.M51, "3.00", indicator.M52, "3.00", indicator.M53, "5.66"),
			counts: map[indicator.ID][2]int64{indicator.M11: c{0, 0}, indicator.M12: c{3, 5}, indicator.M13: c{3, 4}, indicator.M14: c{25, 33},
				indicator.M21: c{28, 33}, indicator.M31: c{1, 1}, indicator.M32: c{1, 1}, indicator.M33: c{18, 33}, indicator.M34: c{1, 1},
				indicator.M35: c{1, 1}, indicator.M36: c{18, 33}, indicator.M41: c{23, 33}, indicator.M42: c{20, 33}, indicator.M43: c{8, 33},
				indicator.M44: c{0, 0}, indicator.M45: c{15, 33}, indicator.M46a: c{1, 1}, indicator.M46b: c{20, 33}, indicator.M51: c{1, 2},
				indicator.M52: c{1, 2}, indicator.M53: c{28, 33}},
			groups: [6]string{"8.45", "16.97", "12.00", "7.27", "14.24", "11.66"}, total: "70.59", band: "fair", rank: 1,
			granks: [6]int{4, 1, 1, 2, 1, 3}},
		scenCommune("H99.03"),
		scenCommune("H99.04"),
	}
}

// scenCommune is the expected card of either commune (equal counts, see the table).
func scenCommune(unit string) scenScores {
	type c = [2]int64
	var m [indicator.NumIDs]string
	for id, s := range map[indicator.ID]string{indicator.M11: "0.00", indicator.M12: "2.40", indicator.M13: "1.50", indicator.M14: "5.27",
		indicator.M21: "14.15", indicator.M31: "2.00", indicator.M32: "4.00", indicator.M33: "6.00", indicator.M34: "0.00", indicator.M35: "0.00",
		indicator.M36: "0.00", indicator.M41: "0.00", indicator.M42: "0.98", indicator.M43: "0.49", indicator.M44: "2.00", indicator.M45: "0.98",
		indicator.M46a: "0.00", indicator.M46b: "1.37", indicator.M51: "6.00", indicator.M52: "4.50", indicator.M53: "4.39"} {
		m[id] = s
	}
	return scenScores{unit: unit, metric: m,
		counts: map[indicator.ID][2]int64{indicator.M11: c{0, 0}, indicator.M12: c{3, 5}, indicator.M13: c{3, 4}, indicator.M14: c{36, 41},
			indicator.M21: c{29, 41}, indicator.M31: c{1, 1}, indicator.M32: c{1, 1}, indicator.M33: c{28, 41}, indicator.M34: c{0, 0},
			indicator.M35: c{0, 0}, indicator.M36: c{0, 0}, indicator.M41: c{0, 0}, indicator.M42: c{10, 41}, indicator.M43: c{8, 41},
			indicator.M44: c{1, 1}, indicator.M45: c{10, 41}, indicator.M46a: c{0, 1}, indicator.M46b: c{28, 41}, indicator.M51: c{4, 4},
			indicator.M52: c{3, 4}, indicator.M53: c{27, 41}},
		groups: [6]string{"9.17", "14.15", "12.00", "0.00", "5.82", "14.89"}, total: "56.03", band: "average", rank: 3,
		granks: [6]int{1, 3, 1, 3, 3, 1}}
}

// scenScorer builds the scorecard over the scenario's inputs.
func scenScorer(t *testing.T) *Scorer {
	t.Helper()
	units := scenRead(t, "units.csv", func(f *os.File) iter.Seq2[model.Unit, error] { return csvio.DecodeUnits(f) })
	s, err := New(Inputs{
		Units:      units,
		Procedures: scenarioProcedures(t),
		Offerings:  scenarioOfferings(t),
		Communes:   scenarioCommunes(t),
		Petitions:  scenarioPetitions(t),
		Ratings:    scenarioRatings(t),
	}, Options{
		Period:   scenPeriod,
		AsOf:     scenAsOf,
		Calendar: scenCalendar(),
		Edition:  indicator.Portal(),
	})
	require.NoError(t, err)
	return s
}

// TestScenarioEndToEnd (issue 6 point 1) scores the scenario with the portal edition and checks every
// metric's counts and score, every group, the total, the band and the ranks of every unit against the
// hand-worked table above; the sharded run equals the single pass.
func TestScenarioEndToEnd(t *testing.T) {
	s := scenScorer(t)
	ds := scenarioDossiers(t)
	card, err := s.Run(slices.Values(ds))
	require.NoError(t, err)
	require.EqualValues(t, 198, card.Dossiers)
	require.Empty(t, card.Unattributed)
	par, err := s.RunParallel(slices.Values(ds), 3)
	require.NoError(t, err)
	require.Equal(t, card.Tallies(), par.Tallies())

	for _, w := range scenExpectedScores() {
		t.Run(w.unit, func(t *testing.T) {
			uc, ok := card.Unit(w.unit)
			require.True(t, ok)
			r := uc.Pooled
			for id := indicator.ID(0); int(id) < indicator.NumIDs; id++ {
				if w.metric[id] == "" {
					continue
				}
				m := r.Metric(id)
				cnt, ok := w.counts[id]
				require.True(t, ok, "%v", id)
				require.Equal(t, cnt, [2]int64{m.Num, m.Den}, "%v counts", id)
				require.Equal(t, w.metric[id], m.Score.StringFixed(2), "%v score", id)
			}
			for g := indicator.G1; g <= indicator.G5; g++ {
				require.Equal(t, w.groups[g-1], r.Group(g).Score.StringFixed(2), "group %v", g)
			}
			require.Equal(t, w.total, r.Total.StringFixed(2), "total")
			require.True(t, uc.Banded)
			require.Equal(t, w.band, uc.Band.Code, "band")
			require.Equal(t, w.rank, uc.Rank, "rank")
			if w.unit != "H99" {
				require.Equal(t, w.granks, uc.GroupRanks, "group ranks")
				require.Equal(t, 4, uc.PoolSize, "the four sub-units are ranked together")
			}
		})
	}
	// Null metrics (no score) as opposed to zero scores.
	for _, u := range []string{"H99.01", "H99.03"} {
		uc, _ := card.Unit(u)
		require.True(t, uc.Pooled.Metric(indicator.M11).Null, "1.1 %s: sub-units issue no decisions", u)
	}
	c3, _ := card.Unit("H99.03")
	require.True(t, c3.Pooled.Metric(indicator.M41).Null, "4.1 H99.03: no paper-result dossiers")
	require.False(t, c3.Pooled.Metric(indicator.M36).Null, "3.6 with 0/0 scores 0, not null")
	require.Equal(t, "0.00", c3.Pooled.Metric(indicator.M36).Score.StringFixed(2))
}

// TestScenarioExplanations checks that the explanations name the right records: for each unit and
// metric, the points lost (max − score), the reasons with their counts (most frequent first, ties by
// code) and the smallest example codes (up to 5), as worked from the archetype table.
//
//	unit    metric  lost                 reasons (count: examples)
//	H99.01  2.1     20 − 16.92 = 3.08    late 9: A2-1…A2-5 (A2 ×5, B2 ×4); late-by-repeated-supplement 3: B3-1…B3-3
//	H99.03  2.1     20 − 14.15 = 5.85    open-overdue 12: A7-01…A7-05
//	H99.04  2.1     5.85                 late 12: A9-01…A9-05
//	H99     2.1     20 − 15.75 = 4.25    late 26 (A2 5, A9 12, B2 4, C1 5): A2-1…A2-5; open-overdue 12; repeated 3
//	H99.03  5.3     6 − 4.39 = 1.61      resolved late 12: A7-01…; disliked 2: D1-1, D1-2
//	H99.04  5.3     1.61                 resolved late 12: A9-01…; complaint 2: E1-1, E1-2
//	H99.01  1.4     6 − 5.18 = 0.82      not_synced 5: B9-1…B9-5; sync_failed 5: B8-1…B8-5 (tie: by code)
//	H99     1.1     6 − 4.80 = 1.20      announced_late 1: PC
//	H99     1.2     4 − 2.40 = 1.60      published_late 1: PB; unpublished 1: PE
//	H99.02  1.3     2 − 1.50 = 0.50      incomplete 1: PC (carried down from H99)
//	H99.02  3.6     6 − 3.27 = 2.73      not_paid_online 15: A5-01…A5-05 (A5 ×10, C1 ×5)
//	H99.01  3.2     4 − 2.00 = 2.00      service_without_online_dossier 1: PB
//	H99     3.2     4 − 3.20 = 0.80      service_without_online_dossier 1: H99.01/PB
//	H99.01  4.1     6 − 4.86 = 1.14      no_electronic_result 8: A2-1…A2-5 (A2 ×5, B4 ×3)
//	H99.02  4.3     2 − 0.61 = 1.39      no_reused_data 25: A5-01…A5-05 (A5 10, A6 10, C2 5)
//
// Points: what the metric regains if those records had been compliant, e.g. H99.01 2.1 late 9 →
// 20·75/78 = 19.23 − 16.92 = 2.31; repeated 3 → 20·69/78 = 17.69 − 16.92 = 0.77.
func TestScenarioExplanations(t *testing.T) {
	s := scenScorer(t)
	card, err := s.Run(slices.Values(scenarioDossiers(t)))
	require.NoError(t, err)
	type reason struct {
		r        indicator.Reason
		n        int64
		examples []string
	}
	five := func(prefix string, from int, width bool) []string {
		var out []string
		for i := from; i < from+5; i++ {
			if width {
				out = append(out, prefix+"-"+string(rune('0'+i/10))+string(rune('0'+i%10)))
			} else {
				out = append(out, prefix+"-"+string(rune('0'+i)))
			}
		}
		return out
	}
	for _, w := range []struct {
		unit    string
		metric  indicator.ID
		lost    string
		reasons []reason
	}{
		{"H99.01", indicator.M21, "3.08", []reason{{"timeliness.late", 9, five("A2", 1, false)},
			{"timeliness.late_by_repeated_supplement", 3, []string{"B3-1", "B3-2", "B3-3"}}}},
		{"H99.03", indicator.M21, "5.85", []reason{{"timeliness.open_overdue", 12, five("A7", 1, true)}}},
		{"H99.04", indicator.M21, "5.85", []reason{{"timeliness.late", 12, five("A9", 1, true)}}},
		{"H99", indicator.M21, "4.25", []reason{{"timeliness.late", 26, five("A2", 1, false)},
			{"timeliness.open_overdue", 12, five("A7", 1, true)},
			{"timeliness.late_by_repeated_supplement", 3, []string{"B3-1", "B3-2", "B3-3"}}}},
		{"H99.03", indicator.M53, "1.61", []reason{{"satisfaction.dossier_resolved_late", 12, five("A7", 1, true)},
			{"satisfaction.dossier_disliked", 2, []string{"D1-1", "D1-2"}}}},
		{"H99.04", indicator.M53, "1.61", []reason{{"satisfaction.dossier_resolved_late", 12, five("A9", 1, true)},
			{"satisfaction.dossier_complaint", 2, []string{"E1-1", "E1-2"}}}},
		{"H99.01", indicator.M14, "0.82", []reason{{"publication.not_synced", 5, five("B9", 1, false)},
			{"publication.sync_failed", 5, five("B8", 1, false)}}},
		{"H99", indicator.M11, "1.20", []reason{{"publication.announced_late", 1, []string{"PC"}}}},
		{"H99", indicator.M12, "1.60", []reason{{"publication.published_late", 1, []string{"PB"}},
			{"publication.unpublished", 1, []string{"PE"}}}},
		{"H99.02", indicator.M13, "0.50", []reason{{"publication.incomplete", 1, []string{"PC"}}}},
		{"H99.02", indicator.M36, "2.73", []reason{{"payment.not_paid_online", 15, five("A5", 1, true)}}},
		{"H99.01", indicator.M32, "2.00", []reason{{online.ReasonServiceWithoutOnlineDossier, 1, []string{"PB"}}}},
		{"H99", indicator.M32, "0.80", []reason{{online.ReasonServiceWithoutOnlineDossier, 1, []string{"H99.01/PB"}}}},
		{"H99.01", indicator.M41, "1.14", []reason{{"digitisation.no_electronic_result", 8, five("A2", 1, false)}}},
		{"H99.02", indicator.M43, "1.39", []reason{{"digitisation.no_reused_data", 25, five("A5", 1, true)}}},
	} {
		t.Run(w.unit+"/"+w.metric.String(), func(t *testing.T) {
			uc, ok := card.Unit(w.unit)
			require.True(t, ok)
			e, ok := uc.Explanation(w.metric)
			require.True(t, ok)
			require.Equal(t, w.lost, e.PointsLost.StringFixed(2), "points lost")
			var sum int64
			for _, r := range e.Reasons {
				sum += r.Count
			}
			require.Equal(t, e.Den-e.Num, sum, "reason counts add up to Den − Num")
			require.Len(t, e.Reasons, len(w.reasons), "%+v", e.Reasons)
			for i, r := range w.reasons {
				require.Equal(t, r.r, e.Reasons[i].Reason)
				require.Equal(t, r.n, e.Reasons[i].Count, string(r.r))
				require.Equal(t, r.examples, e.Reasons[i].Examples, string(r.r))
			}
		})
	}
	uc, _ := card.Unit("H99.01")
	e, _ := uc.Explanation(indicator.M21)
	require.Equal(t, "2.31", e.Reasons[0].Points.StringFixed(2), "9 late dossiers cost 2.31 points of 2.1")
	require.Equal(t, "0.77", e.Reasons[1].Points.StringFixed(2), "3 dossiers with two supplements cost 0.77")
}

// TestScenarioWhatIf checks a what-if answer by adding exactly that many records and re-scoring.
// H99.03 (total 56.03) wants 2 more points through 2.1 alone: 20·(29+k)/(41+k), rounded, must reach
// 14.15 + 2 = 16.15. k = 21: 20·50/62 = 16.129… → 16.13 (gain 1.98, short); k = 22: 20·51/63 = 16.190…
// → 16.19 (gain 2.04). So 22 records. Checked by adding 22 (and 21) dossiers that touch 2.1 and nothing
// else of group 1–4: received 28/7 (before the period, so outside 1.4, 3.3, 3.6 and group 4), PB,
// due 4/8, finished 3/8 (early, in the period). They do enter 5.3, whose population is 2.1's:
// 5.3 = (27+22)/(41+22) = 49/63 → 6·49/63/0.9 = 5.185 → 5.19 (+0.80). New H99.03 total: 56.03 + 2.04
// + 0.80 = 58.87, which now ranks it 3rd alone: the tie with H99.04 (56.03, rank 4) is broken.
func TestScenarioWhatIf(t *testing.T) {
	s := scenScorer(t)
	ds := scenarioDossiers(t)
	card, err := s.Run(slices.Values(ds))
	require.NoError(t, err)
	pl, err := card.PlanGain(indicator.Portal(), "H99.03", decimal.NewFromInt(2), PlanOptions{Mode: PlanAdd, Metrics: []indicator.ID{indicator.M21}})
	require.NoError(t, err)
	require.Len(t, pl.Cheapest, 1)
	require.Equal(t, indicator.M21, pl.Cheapest[0].Metric)
	require.True(t, pl.Cheapest[0].Reachable)
	require.EqualValues(t, 22, pl.Cheapest[0].Records)
	require.Equal(t, "2.04", pl.Cheapest[0].Gain.StringFixed(2))

	with := func(k int) *Card {
		more := slices.Clone(ds)
		for i := 1; i <= k; i++ {
			more = append(more, model.Dossier{
				Code: "W-" + string(rune('0'+i/10)) + string(rune('0'+i%10)), UnitID: "H99.03", ProcedureCode: "PB",
				Channel: model.ParseChannel("1"), Status: model.ParseStatus("9"),
				ReceivedAt:        model.Some(time.Date(2026, 7, 28, 9, 0, 0, 0, model.Vietnam())),
				DueAt:             model.Some(time.Date(2026, 8, 4, 17, 0, 0, 0, model.Vietnam())),
				ProcessingEndedAt: model.Some(time.Date(2026, 8, 3, 10, 0, 0, 0, model.Vietnam())),
			})
		}
		c, err := s.Run(slices.Values(more))
		require.NoError(t, err)
		return c
	}
	c22 := with(22)
	u, _ := c22.Unit("H99.03")
	m := u.Pooled.Metric(indicator.M21)
	require.Equal(t, [2]int64{51, 63}, [2]int64{m.Num, m.Den})
	require.Equal(t, "16.19", m.Score.StringFixed(2))
	m53 := u.Pooled.Metric(indicator.M53)
	require.Equal(t, [2]int64{49, 63}, [2]int64{m53.Num, m53.Den})
	require.Equal(t, "5.19", m53.Score.StringFixed(2))
	require.Equal(t, "58.87", u.Pooled.Total.StringFixed(2))
	require.Equal(t, 3, u.Rank)
	u4, _ := c22.Unit("H99.04")
	require.Equal(t, "56.03", u4.Pooled.Total.StringFixed(2))
	require.Equal(t, 4, u4.Rank)

	u21, _ := with(21).Unit("H99.03")
	require.Equal(t, "16.13", u21.Pooled.Metric(indicator.M21).Score.StringFixed(2), "21 records leave 2.1 short of +2")
}
