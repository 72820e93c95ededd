package portaleval_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/portaleval"
)

// Decode a saved dvc-progress-tree response and reproduce its published scores.
func Example() {
	f, err := os.Open("testdata/phutho-2026-08/dvc-progress-tree/month-all.json")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	r, err := portaleval.Decode(portaleval.Progress, f)
	if err != nil {
		panic(err)
	}
	for _, u := range r.Units {
		c := u.Tally.Count(indicator.M21)
		fmt.Printf("%-6s 2.1 %d/%d published %s\n", u.Code, c.Num, c.Den, u.Score)
	}
	ev, err := portaleval.NewEvaluation(r)
	if err != nil {
		panic(err)
	}
	v, err := ev.Verify(indicator.Portal())
	if err != nil {
		panic(err)
	}
	fmt.Println("reproduced:", v.ByCount[portaleval.Reproduced], "mismatches:", v.ByCount[portaleval.Mismatch])
	// Output:
	// H44    2.1 144625/184513 published 15.68
	// H44.01 2.1 0/0 published 0
	// H44.03 2.1 486/588 published 16.53
	// reproduced: 3 mismatches: 0
}

// The mapping of one endpoint's fields onto metrics.
func ExampleMapping() {
	for _, f := range portaleval.Mapping() {
		if f.Endpoint == portaleval.Online && f.Metric == indicator.M31 {
			fmt.Println(f.Name, "→", f.Metric, f.Part)
		}
	}
	// Output:
	// partialCount → 3.1 extra.partialOnline
	// partialCount → 3.1 num
	// fullCount → 3.1 extra.fullOnline
	// fullCount → 3.1 num
	// authorityCount → 3.1 den
}

// Reconcile our counts with the portal's: the portal received one dossier fewer (not synced).
func ExampleReconcile() {
	var ours indicator.Tally
	ours.Counts[indicator.M21] = indicator.Count{Num: 9, Den: 10}
	tr, err := indicator.NewTree([]indicator.UnitNode{{ID: "H99", Kind: indicator.KindProvince}},
		map[string]indicator.Tally{"H99": ours}, indicator.TreeOptions{})
	if err != nil {
		panic(err)
	}
	card, err := indicator.Portal().ScoreTree(tr)
	if err != nil {
		panic(err)
	}
	r, err := portaleval.Decode(portaleval.Progress, strings.NewReader(
		`{"code":"OK","data":{"parent":{"departmentCode":"H99","totalReceived":9,"totalOnTime":8,"totalScore":17.78,"totalMaxScore":20}}}`))
	if err != nil {
		panic(err)
	}
	ev, err := portaleval.NewEvaluation(r)
	if err != nil {
		panic(err)
	}
	tab, err := portaleval.Reconcile(&card, ev, indicator.Portal())
	if err != nil {
		panic(err)
	}
	if err := tab.WriteText(os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// unit  metric  ours num/den  ours  portal num/den  portal  points  cause
	// H99   2.1     9/10          18    8/9             17.78*  -0.22   not-synced-or-rejected
}
