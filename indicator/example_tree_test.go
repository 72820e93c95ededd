package indicator_test

import (
	"fmt"
	"strings"

	"github.com/vn-dvc/chiso766/indicator"
)

// Score a unit tree from counts alone — a province, a department and three communes, as one would copy
// them from the portal — and rank the sub-units (competition ranking: ties share a rank, the next rank
// skips). The province's score uses pooled counts: 2.1 is 9 600 on time of 11 100 dossiers over the
// province and its sub-units, not an average of their scores; 1.3 is computed by the province and carried
// down to every sub-unit unchanged. Groups without data (3a, 3b here) score 0, hence the low totals.
func ExampleEdition_ScoreTree() {
	const doc = `{"edition":"portal","period":"2026-08","units":[
	 {"id":"P","name":"Province","kind":"province",
	  "counts":{"1.3":{"num":87,"den":89},"2.1":{"num":50,"den":100}}},
	 {"id":"P.01","parent":"P","name":"Department of Justice","kind":"department",
	  "counts":{"1.4":{"num":4000,"den":4000},"2.1":{"num":3950,"den":4000},"4.1":{"num":3900,"den":4000},
	            "5.3":{"num":3990,"den":4000}}},
	 {"id":"P.100","parent":"P","name":"Commune A","kind":"commune",
	  "counts":{"1.4":{"num":3000,"den":3000},"2.1":{"num":2500,"den":3000},"4.1":{"num":2100,"den":3000},
	            "5.3":{"num":2900,"den":3000}}},
	 {"id":"P.101","parent":"P","name":"Commune B","kind":"commune",
	  "counts":{"1.4":{"num":3000,"den":3000},"2.1":{"num":2500,"den":3000},"4.1":{"num":2100,"den":3000},
	            "5.3":{"num":2900,"den":3000}}},
	 {"id":"P.102","parent":"P","name":"Commune C","kind":"commune",
	  "counts":{"1.4":{"num":900,"den":1000},"2.1":{"num":600,"den":1000},"4.1":{"num":500,"den":1000},
	            "5.3":{"num":950,"den":1000}}}
	]}`
	tree, err := indicator.DecodeTree(strings.NewReader(doc))
	if err != nil {
		fmt.Println(err)
		return
	}
	res, err := indicator.Portal().ScoreTree(tree)
	if err != nil {
		fmt.Println(err)
		return
	}
	p, _ := res.Unit("P")
	m := p.Pooled.Metric(indicator.M21)
	fmt.Printf("P 2.1 pooled: %d/%d → %s of %s\n", m.Num, m.Den, m.Score.StringFixed(2), m.Max)
	fmt.Printf("P total %s (%s)\n", p.Pooled.Total.StringFixed(2), p.Band.NameVI)
	for _, u := range res.Ranking(indicator.RankPool{Anchor: "P"}) {
		fmt.Printf("%d/%d %-6s %-22s %6s %-10s 1.3=%s\n", u.Rank, u.PoolSize, u.Unit.ID, u.Unit.Name,
			u.Pooled.Total.StringFixed(2), u.Band.Code, u.Pooled.Metric(indicator.M13).Score)
	}
	// Output:
	// P 2.1 pooled: 9600/11100 → 17.30 of 20
	// P total 49.90 (Yếu)
	// 1/4 P.01   Department of Justice   53.56 average    1.3=1.96
	// 2/4 P.100  Commune A               48.83 weak       1.3=1.96
	// 2/4 P.101  Commune B               48.83 weak       1.3=1.96
	// 4/4 P.102  Commune C               42.36 weak       1.3=1.96
}
