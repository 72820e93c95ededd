package portal

import (
	"io"
	"iter"

	"github.com/vn-dvc/chiso766/model"
)

// Chunk is a run of whole records of a payload's data array, cut from the input at record boundaries by
// SplitDossiers, that decodes on its own: chunks of one input can be decoded on several goroutines at
// once. A chunk holds about one MiB of input (more when one record is longer). It is not safe for
// concurrent use.
type Chunk struct {
	buf   []byte
	spans []int32 // start, end of each record in buf
	first int
	next  int
	cfg   config
	err   error
	pool  chan []byte
	dec   *dossierDecoder
}

// First returns the global index (in data[]) of the chunk's first record.
func (c *Chunk) First() int { return c.first }

// Len returns the number of records in the chunk.
func (c *Chunk) Len() int { return len(c.spans) / 2 }

// Next decodes the chunk's next record into *d, overwriting it, and returns its global index. err is a
// *RecordError for that record alone (decoding goes on with the next; d must not be counted). ok is
// false at the end of the chunk and after a terminal error inside it (malformed JSON, see Err). Cost:
// that of DecodeDossiers per record.
func (c *Chunk) Next(d *model.Dossier) (index int, err error, ok bool) {
	if c.err != nil || c.next >= len(c.spans)/2 {
		return 0, nil, false
	}
	i := c.next
	c.next++
	index = c.first + i
	if c.dec == nil {
		c.dec = &dossierDecoder{cfg: c.cfg}
	}
	rerr, syn := c.dec.into(d, index, string(c.buf[c.spans[2*i]:c.spans[2*i+1]]))
	if syn != nil {
		syn.(*RecordError).Terminal = true
		c.err = syn
		return 0, nil, false
	}
	return index, rerr, true
}

// Dossiers ranges over the chunk's records with Next: per-record errors are yielded with the partly
// decoded dossier and the sequence goes on; it ends at a terminal error, which Err then returns.
func (c *Chunk) Dossiers() iter.Seq2[model.Dossier, error] {
	return func(yield func(model.Dossier, error) bool) {
		var d model.Dossier
		for {
			_, err, ok := c.Next(&d)
			if !ok || !yield(d, err) {
				return
			}
		}
	}
}

// Err returns the terminal error met inside the chunk (a *RecordError wrapping ErrSyntax, Terminal
// set), or nil. The records after it, in this chunk and in later ones, are not part of the payload.
func (c *Chunk) Err() error { return c.err }

// Release hands the chunk's buffer back to its splitter for reuse; the chunk must not be used after.
// Calling it is optional (an unreleased buffer is garbage collected).
func (c *Chunk) Release() {
	if c.pool != nil && c.buf != nil {
		select {
		case c.pool <- c.buf[:cap(c.buf)]:
		default:
		}
	}
	c.buf, c.spans = nil, nil
}

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
		pool := make(chan []byte, 16)
		f := &framer{r: r, buf: make([]byte, size), limit: cfg.Record}
		var spans []int32
		first := 0
		stopped := false
		emit := func() bool {
			if len(spans) == 0 {
				return true
			}
			c := &Chunk{buf: f.buf, spans: spans, first: first, cfg: cfg, pool: pool}
			spans = nil
			first = f.index
			if !yield(c, nil) {
				stopped = true
				return false
			}
			return true
		}
		f.swap = func() []byte {
			tail := f.buf[f.pos:f.n]
			var nb []byte
			select {
			case nb = <-pool:
			default:
				nb = make([]byte, size)
			}
			if len(tail) > len(nb)/2 {
				nb = make([]byte, 2*len(f.buf))
			}
			copy(nb, tail)
			if !emit() {
				return nil
			}
			return nb
		}
		err := f.walk([]string{"data"}, func(elem []byte, i int) bool {
			spans = append(spans, int32(f.pos), int32(f.pos+len(elem))) // elem is buf[pos:end]
			return true
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
