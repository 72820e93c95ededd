package indicator_test

import (
	"encoding/json"
	"fmt"

	"github.com/vn-dvc/chiso766/indicator"
)

// Score one metric from its counts: 133609 of 184503 dossiers with an electronic result (4.1, 6 points).
// The score comes from the exact fraction (4.34498…), not from the rounded ratio (72.42 % → 4.35).
func ExampleEdition_ScoreMetric() {
	e := indicator.Portal()
	m := e.ScoreMetric(indicator.M41, indicator.Count{Num: 133609, Den: 184503})
	fmt.Println(m.ID, m.Ratio.StringFixed(2)+"%", m.Score, "of", m.Max)

	// No data: 1.1 has no score (null), 4.4 gets full marks, 2.1 scores 0.
	for _, id := range []indicator.ID{indicator.M11, indicator.M44, indicator.M21} {
		m := e.ScoreMetric(id, indicator.Count{})
		fmt.Println(id, "null:", m.Null, "score:", m.Score)
	}
	// Output:
	// 4.1 72.42% 4.34 of 6
	// 1.1 null: true score: 0
	// 4.4 null: false score: 2
	// 2.1 null: false score: 0
}

// phuTho returns the province's counts for 8/2026 as the portal published them
// (testdata/portal-phutho-2026-08, unit H44, scope "all").
func phuTho() indicator.Tally {
	var t indicator.Tally
	// Group 1: no procedures announced or published in the month (1.1, 1.2 null).
	t.Add(indicator.M13, 87, 89)
	t.Add(indicator.M14, 138744, 138744)
	// Group 2.
	t.Add(indicator.M21, 144625, 184513)
	t.Completed = 147765
	// Group 3a: 31 partial + 21 full online of 56 procedures; 406 of 1968 services with dossiers;
	// 150956 of 152595 dossiers online.
	t.PartialOnline, t.FullOnline = 31, 21
	t.Add(indicator.M31, 52, 56)
	t.Add(indicator.M32, 406, 1968)
	t.Add(indicator.M33, 150956, 152595)
	// Group 3b.
	t.Add(indicator.M34, 93, 310)
	t.Add(indicator.M35, 56, 310)
	t.Add(indicator.M36, 82913, 98459)
	// Group 4 (4.4: no data, full marks).
	t.Add(indicator.M41, 133609, 184503)
	t.Add(indicator.M42, 21476, 184503)
	t.Add(indicator.M43, 3158, 184503)
	t.Add(indicator.M45, 0, 184503)
	t.Add(indicator.M46a, 297, 1301)
	t.Add(indicator.M46b, 85633, 184503)
	// Group 5.
	t.Add(indicator.M50, 179, 247)
	t.PetitionsStaff = 62
	t.Add(indicator.M51, 182, 247)
	t.Add(indicator.M52, 137, 247)
	t.Add(indicator.M53, 144315, 184503)
	return t
}

// Score a unit from its counts: Phú Thọ province, month 8/2026, group by group, in both layouts.
func ExampleEdition_Score() {
	res, err := indicator.Portal().Score(phuTho())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range res.Groups {
		fmt.Printf("group %-2s %-5s %5s / %s\n", g.Group, g.Group.PortalCode(), g.Score.StringFixed(2), g.Max)
	}
	fmt.Println("total", res.Total.StringFixed(2), "/", res.Max)

	d := res.Decision()
	for _, g := range d.Groups {
		fmt.Printf("Decision group %s %5s / %s\n", g.Group, g.Score.StringFixed(2), g.Max)
	}
	// Output:
	// group 1  CKMB   7.96 / 18
	// group 2  TDGQ  15.68 / 20
	// group 3a CLGQ   8.83 / 12
	// group 3b TTTT   6.25 / 10
	// group 4  MDSH   8.24 / 22
	// group 5  MDHL  12.96 / 18
	// total 59.92 / 100
	// Decision group 1  7.96 / 18
	// Decision group 2 15.68 / 20
	// Decision group 3 15.08 / 22
	// Decision group 4  8.24 / 22
	// Decision group 5 12.96 / 18
}

// Compare two editions: the built-in differences, and a user-defined edition derived from the portal's.
func ExampleDiff() {
	for _, d := range indicator.Diff(indicator.Portal(), indicator.Document()) {
		fmt.Println(d)
	}

	mine := indicator.Portal()
	mine.Name = "strict-2027"
	mine.Rules[indicator.M44].Zero = indicator.ZeroNull // no free marks without data
	mine.Policy.Publication.DayUnit = indicator.CalendarDays
	for _, d := range indicator.Diff(indicator.Portal(), mine) {
		fmt.Println(d)
	}

	p, _ := indicator.Portal().Score(phuTho())
	q, _ := indicator.Document().Score(phuTho())
	fmt.Println("portal", p.Total, "document", q.Total)
	// Output:
	// Rules[4.2]: 4·R, no data: null → min(4, 4·R/0.8), no data: null
	// Payment: portal float pipeline → exact
	// DocShare52: false → true
	// SyncMultiplies33: false → true
	// Rules[4.4]: 2·R, no data: full marks → 2·R, no data: null
	// Policy.Publication.DayUnit: working days → calendar days
	// portal 59.92 document 60.03
}

// Tallies merge by adding counts (pooling over sub-units) and serialise to a stable JSON shape.
func ExampleTally_Merge() {
	var a, b indicator.Tally
	a.Add(indicator.M21, 9, 10)
	b.Add(indicator.M21, 1, 10)
	a.Merge(b)
	out, _ := json.Marshal(a)
	fmt.Println(string(out))
	r := indicator.Portal().ScoreMetric(indicator.M21, a.Count(indicator.M21))
	fmt.Println(r.Ratio, r.Score)
	// Output:
	// {"2.1":{"num":10,"den":20}}
	// 50 10
}

// Calculators turn each record into a Verdict, add it to the Tally and account for it in a Ledger.
func ExampleLedger() {
	var t indicator.Tally
	var l indicator.Ledger
	verdicts := []indicator.Verdict{
		{Metric: indicator.M21, InDenominator: true, InNumerator: true, Reason: "timeliness.on_time"},
		{Metric: indicator.M21, InDenominator: true, Reason: "timeliness.late"},
		{Metric: indicator.M21, Reason: "record.withdrawn_before_reception"},
	}
	for _, v := range verdicts {
		t.AddVerdict(v)
		l.Add(v.Reason, v.InDenominator)
	}
	fmt.Println(t.Count(indicator.M21), l.Read, l.Counted, l.Excluded)
	for _, e := range l.Entries() {
		fmt.Println(e.Reason, e.Counted, e.Excluded)
	}
	// Output:
	// {1 2} 3 2 1
	// record.withdrawn_before_reception 0 1
	// timeliness.late 1 0
	// timeliness.on_time 1 0
}
