package portal

import (
	"bytes"
	"encoding/json"
	"io"
	"iter"
	"testing"

	"github.com/vn-dvc/chiso766/internal/mirror"
	"github.com/vn-dvc/chiso766/internal/testkit"
	"github.com/vn-dvc/chiso766/model"
)

// BenchmarkDecodeJSON decodes one in-memory payload of 20 000 generated dossiers per iteration, on one
// goroutine: the one-pass decoder (onepass), the previous decoder kept as the test oracle (oracle), and
// encoding/json decoding the same data array into []mirror.Dossier one element at a time with a
// json.Decoder (encoding_json), the baseline of issue 17's ≥ 5× target.
func BenchmarkDecodeJSON(b *testing.B) {
	const n = 20_000
	data := mustReadAll(b, newGenReader(n))
	b.Run("onepass", func(b *testing.B) {
		testkit.BenchDecode(b, data, n, func(r io.Reader) iter.Seq2[model.Dossier, error] { return DecodeDossiers(r) })
	})
	b.Run("oracle", func(b *testing.B) {
		testkit.BenchDecode(b, data, n, func(r io.Reader) iter.Seq2[model.Dossier, error] { return oracleDossiers(r) })
	})
	b.Run("encoding_json", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			dec := json.NewDecoder(bytes.NewReader(data))
			for range 7 { // {"service": "…", "isUpdating": "…", "data": [
				if _, err := dec.Token(); err != nil {
					b.Fatal(err)
				}
			}
			count := 0
			for dec.More() {
				var m mirror.Dossier
				if err := dec.Decode(&m); err != nil {
					b.Fatal(err)
				}
				count++
			}
			if count != n {
				b.Fatal(count)
			}
		}
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "dossiers/s")
	})
}

// BenchmarkSplitJSON cuts the payload of BenchmarkDecodeJSON into chunks on one goroutine: framing only
// (split: the in-order part of a parallel decode, chunks released undecoded), and framing then decoding
// every chunk (split_decode, the work of a parallel decode done on one goroutine).
func BenchmarkSplitJSON(b *testing.B) {
	const n = 20_000
	data := mustReadAll(b, newGenReader(n))
	b.Run("split", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			count := 0
			for c, err := range SplitDossiers(bytes.NewReader(data)) {
				if err != nil {
					b.Fatal(err)
				}
				count += c.Len()
				c.Release()
			}
			if count != n {
				b.Fatal(count)
			}
		}
		b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "dossiers/s")
	})
	b.Run("split_decode", func(b *testing.B) {
		testkit.BenchDecode(b, data, n, func(r io.Reader) iter.Seq2[model.Dossier, error] {
			return testkit.ChunkSeq(SplitDossiers(r))
		})
	})
}
