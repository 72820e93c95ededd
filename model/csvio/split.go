package csvio

import (
	"io"
	"iter"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/internal/chunk"
	"github.com/vn-dvc/chiso766/model/internal/limits"
)

// chunkBytes is the size of a chunk of SplitDossiers.
const chunkBytes = 1 << 20

// Chunk is a run of whole rows of a dossier CSV file, cut at row boundaries (line breaks outside
// quotes) by SplitDossiers, that decodes on its own: chunks of one file can be decoded on several
// goroutines at once. It is not safe for concurrent use.
type Chunk struct {
	c *chunk.Chunk[*rowChunk]
}

// rowChunk decodes the rows of a chunk with its own row reader over the chunk's bytes.
type rowChunk struct {
	rr  *rowReader
	h   *header
	dc  *dossierCells
	cfg limits.Config
}

// Decode decodes the chunk's next row (i is implied: rows are read in order); a read error is terminal.
func (r *rowChunk) Decode(d *model.Dossier, _, index int) (rerr, terminal error) {
	if r.dc == nil {
		r.dc = newDossierCells(r.h, r.cfg)
	}
	if err := r.rr.nextRow(); err != nil { // not expected: the splitter read these rows
		return nil, rowErr(r.rr, index, err, r.cfg)
	}
	if re := r.dc.fill(d, r.rr, index); re != nil {
		return re, nil
	}
	return nil, nil
}

// First returns the 0-based index (header excluded) of the chunk's first row.
func (c *Chunk) First() int { return c.c.First() }

// Len returns the number of rows in the chunk.
func (c *Chunk) Len() int { return c.c.Len() }

// Next decodes the chunk's next row into *d, overwriting it, and returns its global row index. err is
// a *RecordError for that row alone (reading goes on with the next; d must not be counted). ok is
// false at the end of the chunk and after a terminal error inside it (see Err). Cost: that of
// DecodeDossiers per row.
func (c *Chunk) Next(d *model.Dossier) (index int, err error, ok bool) { return c.c.Next(d) }

// Dossiers ranges over the chunk's rows with Next: per-row errors are yielded with the partly decoded
// dossier and the sequence goes on.
func (c *Chunk) Dossiers() iter.Seq2[model.Dossier, error] { return c.c.Dossiers() }

// Err returns the terminal error met inside the chunk, or nil.
func (c *Chunk) Err() error { return c.c.Err() }

// Release hands the chunk's buffer back to its splitter for reuse; the chunk must not be used after.
// Calling it is optional.
func (c *Chunk) Release() { c.c.Release() }

func dossierCode(d *model.Dossier) string { return d.Code }

// SplitDossiers reads the header of a dossier CSV file (with DecodeDossiers' layout, options and
// tolerances) and cuts the rows after it into chunks of whole rows, in order, without decoding them:
// the caller decodes each chunk (Next, Dossiers), possibly on several goroutines, and the rows of all
// chunks in order are those of DecodeDossiers, with the same indexes and lines. An error yielded by the
// sequence is terminal (a *RecordError with Terminal set: a header error, CSV syntax, a row over the
// record limit, a read error, UTF-16 input) and comes after the chunks of every row before it. Cost:
// reading the file and, per row, vectorised searches for its line break and quotes (its cells are cut
// when a chunk is decoded). Memory: the chunks in the caller's hands plus one being filled, about one
// MiB each (at least twice the record limit); buffers given back by Release are reused.
func SplitDossiers(r io.Reader, opts ...Option) iter.Seq2[*Chunk, error] {
	cfg := newConfig(opts)
	return splitDossiers(r, max(chunkBytes, 2*cfg.Record), cfg)
}

// splitDossiers is SplitDossiers with the chunk size given (tests cut small chunks).
func splitDossiers(r io.Reader, size int, cfg limits.Config) iter.Seq2[*Chunk, error] {
	return func(yield func(*Chunk, error) bool) {
		rr := newRowReader(r, cfg.Record)
		h, err := readHeader(rr, dossierColumns(), "code")
		if err != nil {
			yield(nil, err)
			return
		}
		rr.split = true // rows are only delimited here; the chunks scan their cells
		pool := chunk.NewPool()
		start, startLine, first, rows := rr.Pos, rr.line, 0, 0
		stopped := false
		emit := func(end int) bool {
			if rows == 0 {
				return true
			}
			sub := &rowReader{Window: chunk.Window{Buf: rr.Buf[start:end], N: end - start, EOF: true}, limit: cfg.Record, line: startLine}
			sub.setComma(rr.comma)
			c := &Chunk{chunk.New(&rowChunk{rr: sub, h: h, cfg: cfg}, first, rows, rr.Buf, pool)}
			first += rows
			rows = 0
			if !yield(c, nil) {
				stopped = true
				return false
			}
			return true
		}
		rr.Swap = func() []byte {
			nb := pool.Window(rr.Buf, rr.Buf[rr.Pos:rr.N], size)
			if !emit(rr.Pos) {
				return nil
			}
			start, startLine = 0, rr.line
			return nb
		}
		{ // the window after the header, at the chunk size
			nb := make([]byte, max(size, 2*(rr.N-rr.Pos)))
			copy(nb, rr.Buf[rr.Pos:rr.N])
			rr.Buf, rr.N, rr.Base, rr.Pos, start = nb, rr.N-rr.Pos, rr.Base+int64(rr.Pos), 0, 0
		}
		for {
			end, lines, err := rr.advance()
			if err == io.EOF {
				break
			}
			if stopped {
				return
			}
			if err != nil {
				if emit(rr.Pos) {
					yield(nil, rowErr(rr, first+rows, err, cfg))
				}
				return
			}
			if rows == 0 {
				start, startLine = rr.Pos, rr.line
			}
			rr.Pos = end
			rr.line += lines
			rows++
		}
		if !stopped {
			emit(rr.Pos)
		}
	}
}
