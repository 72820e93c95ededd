package portal

import (
	"io"
	"iter"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/internal/chunk"
)

// Chunk is a run of whole records of a payload's data array, cut from the input at record boundaries by
// SplitDossiers, that decodes on its own: chunks of one input can be decoded on several goroutines at
// once. A chunk holds about one MiB of input (more when one record is longer). It is not safe for
// concurrent use.
type Chunk struct {
	c *chunk.Chunk[*records]
}

// records decodes the records of a chunk: spans holds the start and end of each in buf.
type records struct {
	buf   []byte
	spans []int32
	cfg   config
	dec   *dossierDecoder
}

// Decode decodes record i of the chunk; a syntax error is terminal.
func (r *records) Decode(d *model.Dossier, i, index int) (rerr, terminal error) {
	if r.dec == nil {
		r.dec = &dossierDecoder{cfg: r.cfg}
	}
	rerr, syn := r.dec.into(d, index, string(r.buf[r.spans[2*i]:r.spans[2*i+1]]))
	if syn != nil {
		syn.(*RecordError).Terminal = true
		return nil, syn
	}
	return rerr, nil
}

// First returns the global index (in data[]) of the chunk's first record.
func (c *Chunk) First() int { return c.c.First() }

// Len returns the number of records in the chunk.
func (c *Chunk) Len() int { return c.c.Len() }

// Next decodes the chunk's next record into *d, overwriting it, and returns its global index. err is a
// *RecordError for that record alone (decoding goes on with the next; d must not be counted). ok is
// false at the end of the chunk and after a terminal error inside it (malformed JSON, see Err). Cost:
// that of DecodeDossiers per record.
func (c *Chunk) Next(d *model.Dossier) (index int, err error, ok bool) { return c.c.Next(d) }

// Dossiers ranges over the chunk's records with Next: per-record errors are yielded with the partly
// decoded dossier and the sequence goes on; it ends at a terminal error, which Err then returns.
func (c *Chunk) Dossiers() iter.Seq2[model.Dossier, error] { return c.c.Dossiers() }

// Err returns the terminal error met inside the chunk (a *RecordError wrapping ErrSyntax, Terminal
// set), or nil. The records after it, in this chunk and in later ones, are not part of the payload.
func (c *Chunk) Err() error { return c.c.Err() }

// Release hands the chunk's buffer back to its splitter for reuse; the chunk must not be used after.
// Calling it is optional (an unreleased buffer is garbage collected).
func (c *Chunk) Release() { c.c.Release() }

// SplitDossiers cuts the data array of a DongBoHoSoMC payload (with DecodeDossiers' envelope, options
// and tolerances) into chunks of whole records, in input order, without decoding them: the caller
// decodes each chunk (Next, Dossiers), possibly on several goroutines, and the records of all chunks in
// order are those of DecodeDossiers, with the same global indexes. The splitter checks the envelope's
// grammar and follows strings and brackets to find record boundaries; each record's own grammar is
// checked when its chunk is decoded. An error yielded by the sequence is terminal (a *RecordError with
// Terminal set: malformed envelope, a record over the record limit, a read error, UTF-16 input) and
// comes after the chunks of every record before it. Memory: the chunks in the caller's hands plus one
// being filled, about one MiB each (at least the record limit); buffers given back by Release are reused.
func SplitDossiers(r io.Reader, opts ...Option) iter.Seq2[*Chunk, error] {
	cfg := newConfig(opts)
	return splitDossiers(r, max(chunkBytes, 2*cfg.Record), cfg)
}

// splitDossiers is SplitDossiers with the chunk size given (tests cut small chunks).
func splitDossiers(r io.Reader, size int, cfg config) iter.Seq2[*Chunk, error] {
	return func(yield func(*Chunk, error) bool) {
		pool := chunk.NewPool()
		f := &framer{Window: chunk.Window{R: r, Buf: make([]byte, size)}, limit: cfg.Record}
		var spans []int32
		hint := 0 // spans of the chunk before: the next chunk's are allocated once at about that length
		first := 0
		stopped := false
		emit := func() bool {
			if len(spans) == 0 {
				return true
			}
			c := &Chunk{chunk.New(&records{buf: f.Buf, spans: spans, cfg: cfg}, first, len(spans)/2, f.Buf, pool)}
			hint = len(spans)
			spans = nil
			first = f.index
			if !yield(c, nil) {
				stopped = true
				return false
			}
			return true
		}
		f.Swap = func() []byte {
			nb := pool.Window(f.Buf, f.Buf[f.Pos:f.N], size)
			if !emit() {
				return nil
			}
			return nb
		}
		err := f.walk([]string{"data"}, func(int) (int, bool, error) {
			end, err := f.value()
			if err != nil {
				return 0, false, err
			}
			if spans == nil && hint > 0 {
				spans = make([]int32, 0, hint+hint/8)
			}
			spans = append(spans, int32(f.Pos), int32(end))
			return end, false, nil
		})
		if stopped {
			return
		}
		if !emit() {
			return
		}
		if err != nil {
			yield(nil, err)
		}
	}
}
