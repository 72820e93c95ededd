package digitisation_test

import (
	"fmt"
	"slices"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/digitisation"
	"github.com/vn-dvc/chiso766/model"
)

func Example() {
	vn := model.Vietnam()
	c, err := digitisation.New(digitisation.Options{
		Period: model.Month(2026, time.August),
		AsOf:   time.Date(2026, 9, 5, 0, 0, 0, 0, vn),
		Policy: indicator.Portal().Policy.Digitisation, Reception: indicator.Portal().Policy.Reception,
		Procedures: []model.Procedure{
			{Code: "1.001", PaperResult: true, Applicants: []string{"Công dân Việt Nam"}, PopulationDBConnected: true},
		},
		Offerings: []model.Offering{{UnitID: "H44.100", ProcedureCode: "1.001"}},
		Communes:  []digitisation.CommuneCopy{{UnitID: "H44.100", Offers: true}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	received := model.Some(time.Date(2026, 8, 12, 9, 30, 0, 0, vn))
	dossiers := []model.Dossier{
		{Code: "H44.100-260812-0001", UnitID: "H44.100", ProcedureCode: "1.001", ReceivedAt: received,
			Files:   []model.File{{URL: "https://tl/1.pdf", Digitised: model.FlagTrue}},
			Results: []model.ResultDoc{{Code: "KQ.01", URL: "https://kq/1.pdf"}}, Databases: []string{"7"}},
		{Code: "H44.100-260812-0002", UnitID: "H44.100", ProcedureCode: "1.001", ReceivedAt: received},
	}
	r := c.Run(slices.Values(dossiers))
	t := r.Units["H44.100"]
	for _, id := range []indicator.ID{indicator.M41, indicator.M42, indicator.M43, indicator.M44, indicator.M45, indicator.M46a, indicator.M46b} {
		fmt.Printf("%-4s %d/%d\n", id, t.Counts[id].Num, t.Counts[id].Den)
	}
	fmt.Println("read", r.Ledger.Read, "counted", r.Ledger.Counted)
	// Output:
	// 4.1  1/2
	// 4.2  1/2
	// 4.3  1/2
	// 4.4  1/1
	// 4.5  0/2
	// 4.6a 1/1
	// 4.6b 1/2
	// read 2 counted 2
}

// ExampleCalculator_Classify shows the verdict of one dossier: the ledger reason, each metric's verdict and
// the facts that decided them.
func ExampleCalculator_Classify() {
	vn := model.Vietnam()
	c, _ := digitisation.New(digitisation.Options{
		Period: model.Month(2026, time.August), AsOf: time.Date(2026, 9, 5, 0, 0, 0, 0, vn),
		Reception: indicator.DefaultReceptionPolicy(), Procedures: []model.Procedure{{Code: "1.001", PaperResult: true}},
	})
	d := model.Dossier{Code: "H44.100-260801-0007", UnitID: "H44.100", ProcedureCode: "1.001",
		SubmittedAt: model.Some(time.Date(2026, 8, 1, 8, 0, 0, 0, vn)), VNeIDAuthenticated: model.FlagTrue}
	v := c.Classify(&d)
	fmt.Println(v.Reason, v.Facts)
	for _, m := range v.Metrics() {
		fmt.Println(m.Metric, m.InDenominator, m.InNumerator, m.Reason)
	}
	// Output:
	// digitisation.counted_without_reception {known-procedure, paper-result, vneid}
	// 4.1 true false digitisation.no_electronic_result
	// 4.2 true false digitisation.no_submitted_file
	// 4.3 false false digitisation.no_reception_date
	// 4.5 true false digitisation.not_linked_to_store
	// 4.6b true true digitisation.vneid
}

// ExampleAccumulator_Report shows a scorecard's way of driving the calculator: one Keys for the pass, each
// dossier resolved once into a Case, Add without a note (the tally pass), then Report with the hierarchy,
// under which a parent's 4.6a counts the distinct procedures offered in its sub-tree.
func ExampleAccumulator_Report() {
	vn := model.Vietnam()
	keys := indicator.NewKeys([]string{"H44", "H44.100", "H44.200"}, []string{"1.001", "1.002"})
	citizen := []string{"Công dân Việt Nam"}
	c, err := digitisation.New(digitisation.Options{
		Keys:   keys,
		Period: model.Month(2026, time.August), AsOf: time.Date(2026, 9, 5, 0, 0, 0, 0, vn),
		Reception: indicator.DefaultReceptionPolicy(),
		Procedures: []model.Procedure{{Code: "1.001", PaperResult: true, Applicants: citizen, PopulationDBConnected: true},
			{Code: "1.002", Applicants: citizen}},
		Offerings: []model.Offering{{UnitID: "H44.100", ProcedureCode: "1.001"}, {UnitID: "H44.200", ProcedureCode: "1.001"},
			{UnitID: "H44.200", ProcedureCode: "1.002"}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	received := model.Some(time.Date(2026, 8, 3, 8, 0, 0, 0, vn))
	dossiers := []model.Dossier{
		{Code: "A", UnitID: "H44.100", ProcedureCode: "1.001", ReceivedAt: received,
			Results: []model.ResultDoc{{Code: "KQ", URL: "https://kq/a.pdf"}}},
		{Code: "B", UnitID: "H44.200", ProcedureCode: "1.003", ReceivedAt: received}, // not in the catalogue
		{Code: "C", UnitID: "H44.999", ProcedureCode: "1.001", ReceivedAt: received}, // unit not in the Keys
	}
	acc := c.NewAccumulator()
	for i := range dossiers {
		d := &dossiers[i]
		acc.Add(&indicator.Case{Dossier: d, Ref: keys.Ref(d.UnitID, d.ProcedureCode)}, nil)
	}
	tree := map[string][]string{"H44": {"H44", "H44.100", "H44.200"}}
	rep := acc.Report(&indicator.Scope{Aggregation: indicator.DefaultAggregation(), Parents: []string{"H44"},
		Subtree: func(u string) []string { return tree[u] }})
	for _, u := range []string{"H44", "H44.100", "H44.200", "H44.999"} {
		t := rep.Units[u]
		fmt.Println(u, "4.1", t.Counts[indicator.M41], "4.2", t.Counts[indicator.M42], "4.6a", t.Counts[indicator.M46a])
	}
	l := rep.Ledgers[0]
	fmt.Println(l.Calculator, l.Records.Read, l.Records.Counted, l.Catalogue.Read)
	// Output:
	// H44 4.1 {0 0} 4.2 {0 0} 4.6a {1 2}
	// H44.100 4.1 {1 1} 4.2 {0 1} 4.6a {1 1}
	// H44.200 4.1 {0 0} 4.2 {0 1} 4.6a {1 2}
	// H44.999 4.1 {0 1} 4.2 {0 1} 4.6a {0 0}
	// digitisation 3 3 3
}
