package scorecard

import (
	"context"
	"slices"
	"testing"

	"github.com/vn-dvc/chiso766/internal/testkit"
)

// BenchmarkFailingRecords: the failing-record export's second pass over a pool of generated dossiers,
// per dossier read (every failing record yielded and dropped; the end-of-pass Finish included once per
// pool).
func BenchmarkFailingRecords(b *testing.B) {
	in := genInputs()
	s := mustScorer(b, in, testOptionsGen())
	pool := genPoolOf(genPool, in.Units)
	b.ReportAllocs()
	clock := testkit.StartPerRecord(b)
	n, recs := 0, 0
	for b.Loop() {
		for _, err := range s.FailingRecords(slices.Values(pool), RecordOptions{}) {
			if err != nil {
				b.Fatal(err)
			}
			recs++
		}
		n += len(pool)
	}
	clock.Report(n, "dossier")
	b.ReportMetric(float64(recs)/float64(n), "records/dossier")
}

// BenchmarkCombinedPlan: the plan across metrics for the generated province's root, towards a target
// no single metric reaches.
func BenchmarkCombinedPlan(b *testing.B) {
	in := genInputs()
	s := mustScorer(b, in, testOptionsGen())
	c, err := s.Run(cycle(genPoolOf(genPool, in.Units), genPool))
	if err != nil {
		b.Fatal(err)
	}
	t := c.Tree.Pooled("G00")
	e := s.Edition()
	r, err := e.Score(t)
	if err != nil {
		b.Fatal(err)
	}
	target := r.Total.Add(decOf("15"))
	if target.GreaterThan(r.Max) {
		target = r.Max
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := CombinedPlan(context.Background(), e, t, target, PlanOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
