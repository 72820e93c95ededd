package csvio

import (
	"testing"

	"github.com/vn-dvc/chiso766/model/internal/chunk"
)

// BenchmarkRowScan delimits 20 000 realistic rows in memory per iteration with advance, cutting their
// cells (scan, as the decoders do) or only finding their ends (rowEnd, as the splitter does): the row
// scanner alone, without reading, copying or decoding.
func BenchmarkRowScan(b *testing.B) {
	const n = 20_000
	for _, data := range []struct {
		name string
		data []byte
	}{{"plain", benchCSV(b, n)}, {"quoted", benchCSVQuoted(b, n)}} {
		for _, split := range []bool{false, true} {
			name := data.name + "/cells"
			if split {
				name = data.name + "/ends"
			}
			b.Run(name, func(b *testing.B) {
				b.SetBytes(int64(len(data.data)))
				b.ReportAllocs()
				rr := &rowReader{limit: DefaultMaxRecordBytes, split: split}
				rr.setComma(',')
				reportCPU(b, func() { scanLoop(b, rr, data.data, n) })
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*(n+1)), "ns/row")
			})
		}
	}
}

// scanLoop delimits the n rows after the header of data per iteration.
func scanLoop(b *testing.B, rr *rowReader, data []byte, n int) {
	for b.Loop() {
		rr.Window = chunk.Window{Buf: data, N: len(data), EOF: true}
		rr.line = 1
		rows := 0
		for {
			end, lines, err := rr.advance()
			if err != nil {
				break
			}
			rr.Pos, rr.line = end, rr.line+lines
			rows++
		}
		if rows != n+1 {
			b.Fatal(rows)
		}
	}
}
