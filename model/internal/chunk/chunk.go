// Package chunk holds the machinery shared by the dossier splitters of model/portal and model/csvio: a
// chunk of whole records that decodes on its own through a per-format decoder, and the pool of input
// buffers the splitter fills and the chunks hand back.
package chunk

import (
	"iter"

	"github.com/vn-dvc/chiso766/model"
)

// A Decoder decodes the records of one chunk, in order.
type Decoder interface {
	// Decode decodes the chunk's record i (0-based in the chunk; index is its global index) into *d,
	// overwriting it. rerr is an error of that record alone (decoding goes on with the next); terminal
	// is an error that ends the chunk (the record is not decoded).
	Decode(d *model.Dossier, i, index int) (rerr, terminal error)
}

// Chunk is a run of n records decoded by a D, with the input buffer they are cut from. It is not safe
// for concurrent use.
type Chunk[D Decoder] struct {
	dec   D
	first int
	n     int
	next  int
	err   error
	buf   []byte
	pool  Pool
}

// New returns the chunk of n records from global index first, decoded by dec; buf goes back to pool
// on Release (pool may be nil).
func New[D Decoder](dec D, first, n int, buf []byte, pool Pool) *Chunk[D] {
	return &Chunk[D]{dec: dec, first: first, n: n, buf: buf, pool: pool}
}

// First returns the global index of the chunk's first record.
func (c *Chunk[D]) First() int { return c.first }

// Len returns the number of records in the chunk.
func (c *Chunk[D]) Len() int { return c.n }

// Next decodes the chunk's next record into *d and returns its global index; ok is false at the end of
// the chunk and after a terminal error (see Err).
func (c *Chunk[D]) Next(d *model.Dossier) (index int, err error, ok bool) {
	if c.err != nil || c.next >= c.n {
		return 0, nil, false
	}
	i := c.next
	c.next++
	index = c.first + i
	rerr, terminal := c.dec.Decode(d, i, index)
	if terminal != nil {
		c.err = terminal
		return 0, nil, false
	}
	return index, rerr, true
}

// Dossiers ranges over the chunk's records with Next: per-record errors are yielded with the partly
// decoded dossier and the sequence goes on; it ends at a terminal error, which Err then returns.
func (c *Chunk[D]) Dossiers() iter.Seq2[model.Dossier, error] {
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

// Err returns the terminal error met inside the chunk, or nil.
func (c *Chunk[D]) Err() error { return c.err }

// Release hands the chunk's buffer back to its pool and drops the decoder; Next then reports the end.
func (c *Chunk[D]) Release() {
	if c.buf != nil {
		c.pool.Put(c.buf)
	}
	var zero D
	c.buf, c.dec, c.n = nil, zero, c.next
}

// Pool is a bounded pool of input buffers of a splitter, safe for concurrent use: chunks decoded on
// other goroutines hand their buffers back. The nil Pool keeps nothing.
type Pool chan []byte

// NewPool returns a pool keeping up to 16 buffers.
func NewPool() Pool { return make(Pool, 16) }

// Put hands b back (at its full capacity); it is dropped when the pool is full.
func (p Pool) Put(b []byte) {
	if p == nil {
		return
	}
	select {
	case p <- b[:cap(b)]:
	default:
	}
}

// Window returns the next window of a splitter whose full window is buf with the unconsumed input tail
// (a suffix of buf) at its start: a pooled buffer, else a new one of size bytes, or one of twice
// len(buf) when tail would fill more than half of it. The old buf is left to the chunk that holds it.
func (p Pool) Window(buf, tail []byte, size int) []byte {
	var nb []byte
	select {
	case nb = <-p:
	default:
		nb = make([]byte, size)
	}
	if len(tail) > len(nb)/2 {
		nb = make([]byte, 2*len(buf))
	}
	copy(nb, tail)
	return nb
}
