package indicator

import (
	"bytes"
	"math/rand"
	"os"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"
)

func phuThoDoc(b *testing.B) []byte {
	b.Helper()
	data, err := os.ReadFile(filepath.Join(treeDir, "phutho-2026-08.json"))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkDecodeTreePhuTho decodes the 164-unit Phú Thọ document and builds its tree.
func BenchmarkDecodeTreePhuTho(b *testing.B) {
	data := phuThoDoc(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := DecodeTree(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewTree builds a random 1000-unit forest (validation and pooling only).
func BenchmarkNewTree(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	nodes, counts := randomForest(rng, 1000, 1<<30)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := NewTree(nodes, counts, TreeOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScoreTreePhuTho scores, ranks and bands the 164 units of Phú Thọ (own and pooled).
func BenchmarkScoreTreePhuTho(b *testing.B) {
	tr, err := DecodeTree(bytes.NewReader(phuThoDoc(b)))
	if err != nil {
		b.Fatal(err)
	}
	e := Portal()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := e.ScoreTree(tr); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompetitionRanks1000(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	vals := make([]decimal.Decimal, 1000)
	for i := range vals {
		vals[i] = decimal.New(rng.Int63n(10000), -2)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		CompetitionRanks(vals)
	}
}
