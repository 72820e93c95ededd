package csvio

import (
	"bytes"
	"io"
	"iter"
	"testing"
)

// BenchmarkSplitCSV ranges over SplitDossiers' chunks of 20 000 realistic rows per iteration without
// decoding them (the splitter alone, on one goroutine): rows without a quote (plain, benchCSV's) and
// rows with two quoted cells holding commas (quoted, as about half of the sample province's export).
// It reports MB/s of the file, rows per second and CPU time per iteration.
func BenchmarkSplitCSV(b *testing.B) {
	const n = 20_000
	for _, data := range []struct {
		name string
		data []byte
	}{{"plain", benchCSV(b, n)}, {"quoted", benchCSVQuoted(b, n)}} {
		b.Run(data.name, func(b *testing.B) {
			benchSplit(b, data.data, n, func(r io.Reader) iter.Seq2[*Chunk, error] { return SplitDossiers(r) })
		})
	}
}

// benchSplit ranges over the chunks split returns for data (n rows) per iteration, releasing each.
func benchSplit(b *testing.B, data []byte, n int, split func(io.Reader) iter.Seq2[*Chunk, error]) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	reportCPU(b, func() { benchSplitLoop(b, data, n, split) })
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

func benchSplitLoop(b *testing.B, data []byte, n int, split func(io.Reader) iter.Seq2[*Chunk, error]) {
	for b.Loop() {
		rows := 0
		for c, err := range split(bytes.NewReader(data)) {
			if err != nil {
				b.Fatal(err)
			}
			rows += c.Len()
			c.Release()
		}
		if rows != n {
			b.Fatal(rows)
		}
	}
}
