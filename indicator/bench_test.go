package indicator

import (
	"encoding/json"
	"math/rand"
	"testing"
)

func BenchmarkTallyAdd(b *testing.B) {
	b.ReportAllocs()
	var t Tally
	for i := 0; i < b.N; i++ {
		t.Add(ID(i%(NumIDs-1))+1, 1, 1)
	}
}

func BenchmarkTallyAddVerdict(b *testing.B) {
	b.ReportAllocs()
	var t Tally
	v := Verdict{Metric: M21, InDenominator: true, InNumerator: true, Reason: "timeliness.on_time"}
	for i := 0; i < b.N; i++ {
		t.AddVerdict(v)
	}
}

func BenchmarkTallyMerge(b *testing.B) {
	b.ReportAllocs()
	rng := rand.New(rand.NewSource(1))
	u := randomTally(rng, 1000)
	var t Tally
	for i := 0; i < b.N; i++ {
		t.Merge(u)
	}
}

func BenchmarkScoreMetric(b *testing.B) {
	b.ReportAllocs()
	e := Portal()
	c := Count{Num: 133609, Den: 184503}
	for i := 0; i < b.N; i++ {
		_ = e.ScoreMetric(M41, c)
	}
}

func BenchmarkScorePaymentFloat(b *testing.B) {
	b.ReportAllocs()
	e := Portal()
	c := Count{Num: 82913, Den: 98459}
	for i := 0; i < b.N; i++ {
		_ = e.ScoreMetric(M36, c)
	}
}

func BenchmarkScore(b *testing.B) {
	b.ReportAllocs()
	rng := rand.New(rand.NewSource(1))
	t := randomTally(rng, 200000)
	e := Portal()
	for i := 0; i < b.N; i++ {
		if _, err := e.Score(t); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLedgerAdd(b *testing.B) {
	b.ReportAllocs()
	var l Ledger
	reasons := []Reason{"timeliness.on_time", "timeliness.late", "record.excluded", "record.duplicate"}
	for i := 0; i < b.N; i++ {
		l.Add(reasons[i&3], i&1 == 0)
	}
}

func BenchmarkTallyUnmarshalJSON(b *testing.B) {
	b.ReportAllocs()
	rng := rand.New(rand.NewSource(1))
	data, _ := json.Marshal(randomTally(rng, 200000))
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		var t Tally
		if err := t.UnmarshalJSON(data); err != nil {
			b.Fatal(err)
		}
	}
}
