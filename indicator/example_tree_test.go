package indicator_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

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

// Build a tree from the portal's published rows: the province row already includes its sub-units
// (Pooled), so NewTree derives the province's own counts by subtraction — here the petitions the province
// handled itself — while 1.3, computed by the province, is carried down to the commune unchanged.
func ExampleNewTree() {
	var province, dept, commune indicator.Tally
	province.Add(indicator.M13, 87, 89)   // computed by the province
	province.Add(indicator.M51, 182, 247) // petitions, sub-units included
	dept.Add(indicator.M51, 20, 25)
	commune.Add(indicator.M51, 10, 13)
	tree, err := indicator.NewTree([]indicator.UnitNode{
		{ID: "H44", Kind: indicator.KindProvince, Pooled: true},
		{ID: "H44.03", Kind: indicator.KindDepartment, Parent: "H44"},
		{ID: "H44.100", Kind: indicator.KindCommune, Parent: "H44"},
	}, map[string]indicator.Tally{"H44": province, "H44.03": dept, "H44.100": commune}, indicator.TreeOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	own, _ := tree.Own("H44")
	fmt.Println("H44 own 5.1:", own.Count(indicator.M51))
	fmt.Println("H44 pooled 5.1:", tree.Pooled("H44").Counts[indicator.M51])
	fmt.Println("H44.100 pooled 1.3:", tree.Pooled("H44.100").Counts[indicator.M13])

	// Counts that do not add up are reported with the unit and the field.
	dept.Add(indicator.M51, 200, 200)
	_, err = indicator.NewTree([]indicator.UnitNode{
		{ID: "H44", Kind: indicator.KindProvince, Pooled: true},
		{ID: "H44.03", Kind: indicator.KindDepartment, Parent: "H44"},
	}, map[string]indicator.Tally{"H44": province, "H44.03": dept}, indicator.TreeOptions{})
	fmt.Println(err)
	fmt.Println(errors.Is(err, indicator.ErrChildrenExceedParent))
	// Output:
	// H44 own 5.1: {152 209}
	// H44 pooled 5.1: {182 247}
	// H44.100 pooled 1.3: {87 89}
	// indicator: unit #0 "H44" field counts.5.1.num (pooled 182 < sub-units 220): sub-units' counts exceed the pooled counts of their parent
	// true
}

// Competition ranking: equal scores share a rank and the next rank skips.
func ExampleCompetitionRanks() {
	scores := []decimal.Decimal{
		decimal.RequireFromString("83.80"), decimal.RequireFromString("91.25"),
		decimal.RequireFromString("83.8"), decimal.RequireFromString("47.10"),
	}
	bands := indicator.DefaultBands() // unofficial: no official thresholds exist
	for i, r := range indicator.CompetitionRanks(scores) {
		b, _ := bands.Classify(scores[i])
		fmt.Println(r, scores[i].StringFixed(2), b.NameVI)
	}
	// Output:
	// 2 83.80 Tốt
	// 1 91.25 Xuất sắc
	// 2 83.80 Tốt
	// 4 47.10 Yếu
}
