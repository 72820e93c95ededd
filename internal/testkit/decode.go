package testkit

import (
	"bytes"
	"fmt"
	"io"
	"iter"
	"testing"

	"github.com/vn-dvc/chiso766/model"
)

// Chunk is what portal.Chunk and csvio.Chunk have in common: a piece of a dossier file cut at record
// boundaries, decoded on its own.
type Chunk interface {
	First() int
	Dossiers() iter.Seq2[model.Dossier, error]
	Err() error
	Release()
}

// ChunkSeq is the sequence of the records of all chunks, then the terminal error, as the formats'
// DecodeDossiers give them; it checks each chunk's First against the records before it, so a test can
// compare a split decode with the whole-file decode item by item.
func ChunkSeq[C Chunk](chunks iter.Seq2[C, error]) iter.Seq2[model.Dossier, error] {
	return func(yield func(model.Dossier, error) bool) {
		n := 0
		for c, err := range chunks {
			if err != nil {
				yield(model.Dossier{}, err)
				return
			}
			if c.First() != n {
				yield(model.Dossier{}, fmt.Errorf("chunk First %d after %d records", c.First(), n))
				return
			}
			for d, err := range c.Dossiers() {
				n++
				if !yield(d, err) {
					return
				}
			}
			if c.Err() != nil {
				yield(model.Dossier{}, c.Err())
				return
			}
			c.Release()
		}
	}
}

// BenchDecode is the decoding benchmark loop of a dossier decoder: it decodes data (n records) once per
// iteration, fails on any error or a count other than n, and reports bytes, allocations and dossiers/s.
func BenchDecode(b *testing.B, data []byte, n int, decode func(io.Reader) iter.Seq2[model.Dossier, error]) {
	b.Helper()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		count := 0
		for _, err := range decode(bytes.NewReader(data)) {
			if err != nil {
				b.Fatal(err)
			}
			count++
		}
		if count != n {
			b.Fatal(count)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "dossiers/s")
}

// Item is one result of a decoder's sequence: a value and its error.
type Item[T any] struct {
	V   T
	Err error
}

// Collect ranges over seq to its end and returns every result, errors included, for a test comparing
// two decoders result by result.
func Collect[T any](seq iter.Seq2[T, error]) []Item[T] {
	var out []Item[T]
	for v, err := range seq {
		out = append(out, Item[T]{v, err})
	}
	return out
}
