package scorecard

import (
	"iter"
	"sync"

	"github.com/vn-dvc/chiso766/model"
)

// Chunk is a run of whole records cut from an input at record boundaries that decodes on its own
// (portal.Chunk for a DongBoHoSoMC payload, csvio.Chunk for a dossier CSV file): RunChunks decodes
// several at once.
type Chunk interface {
	// Next decodes the chunk's next record into *d (overwriting it) and returns its global index in
	// the input; err concerns that record alone; ok is false at the chunk's end or at a terminal error.
	Next(d *model.Dossier) (index int, err error, ok bool)
	// Err returns the terminal error met inside the chunk, if any.
	Err() error
	// Release hands the chunk's buffer back to its splitter.
	Release()
}

// DecodeOptions configures RunChunks and AddChunks.
type DecodeOptions struct {
	// Workers is the number of goroutines decoding and scoring chunks; < 1 means 1.
	Workers int
	// OnError receives every per-record error (a decoder's record error, with the record's global
	// index), in ascending record order, on the calling goroutine. true skips that record and goes on;
	// false stops: the run returns that error. nil stops at the first error.
	OnError func(err error) bool
	// Keep, if set, is called on the worker goroutines (concurrently: it must be safe for that) with
	// each well-decoded record and its global index; false leaves the record out of the card (a
	// superseded re-sent dossier, say). It must not retain d.
	Keep func(index int, d *model.Dossier) bool
}

// RunChunks decodes and scores the chunks of one input on opts.Workers goroutines: each worker
// decodes whole chunks into a reused batch and feeds its own Partial; the partials are merged and
// finished. Because Merge is order-independent, the Card is identical to Run's over the same good
// records, whatever the number of workers. Errors: per-record errors go to opts.OnError in record
// order; a terminal error of the split (an error of chunks) or of a chunk (Chunk.Err) ends the run
// after every per-record error before it has been delivered, and is returned with a nil card. Memory:
// O(Workers) chunks in flight and one batch of dossiers per worker, plus the partials; independent of
// the input's length.
func RunChunks[C Chunk](s *Scorer, chunks iter.Seq2[C, error], opts DecodeOptions) (*Card, error) {
	p := s.NewPartial()
	if err := AddChunks(p, chunks, opts); err != nil {
		return nil, err
	}
	return s.Finish(p)
}

// AddChunks is RunChunks without Finish: it accumulates the chunks' records into p (a Partial of the
// scorer that will finish it), so that several inputs can feed one card. On error p may hold part of
// the input and should be discarded.
func AddChunks[C Chunk](p *Partial, chunks iter.Seq2[C, error], opts DecodeOptions) error {
	workers := max(opts.Workers, 1)
	type job struct {
		seq int
		c   C
	}
	type result struct {
		seq  int
		errs []error
		term error
		end  bool // no chunk follows
	}
	jobs := make(chan job, workers)
	results := make(chan result, 2*workers)
	done := make(chan struct{})
	stop := sync.OnceFunc(func() { close(done) })
	stopped := func() bool {
		select {
		case <-done:
			return true
		default:
			return false
		}
	}

	// The feeder ranges over the split; a split error comes as the last result.
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(jobs)
		seq := 0
		for c, err := range chunks {
			if err != nil {
				select {
				case results <- result{seq: seq, term: err, end: true}:
				case <-done:
				}
				return
			}
			select {
			case jobs <- job{seq, c}:
				seq++
			case <-done:
				c.Release()
				return
			}
		}
		select {
		case results <- result{seq: seq, end: true}:
		case <-done:
		}
	}()

	parts := make([]*Partial, workers)
	for w := range parts {
		parts[w] = p.s.NewPartial()
		wg.Add(1)
		go func(part *Partial) {
			defer wg.Done()
			batch := make([]model.Dossier, chunk)
			n := 0
			for j := range jobs {
				if stopped() {
					j.c.Release()
					continue
				}
				var errs []error
				for {
					index, err, ok := j.c.Next(&batch[n])
					if !ok {
						break
					}
					if err != nil {
						errs = append(errs, err)
						continue
					}
					if opts.Keep != nil && !opts.Keep(index, &batch[n]) {
						continue
					}
					if n++; n == len(batch) {
						part.AddDossiers(batch)
						n = 0
					}
				}
				term := j.c.Err()
				j.c.Release()
				select {
				case results <- result{seq: j.seq, errs: errs, term: term}:
				case <-done:
				}
			}
			part.AddDossiers(batch[:n])
			clear(batch) // drop the last chunk's strings
		}(parts[w])
	}

	// Deliver the results in chunk order.
	var err error
	pending := map[int]result{}
	for next := 0; err == nil; {
		r, ok := pending[next]
		if !ok {
			r = <-results
			if r.seq != next {
				pending[r.seq] = r
				continue
			}
		}
		delete(pending, next)
		next++
		for _, e := range r.errs {
			if opts.OnError == nil || !opts.OnError(e) {
				err = e
				break
			}
		}
		if err == nil && r.term != nil {
			err = r.term
		}
		if r.end {
			break
		}
	}
	stop() // senders select on done: none blocks from here
	wg.Wait()
	if err != nil {
		return err
	}
	for _, q := range parts {
		if mErr := p.Merge(q); mErr != nil {
			return mErr // not expected: every part comes from p's scorer
		}
	}
	return nil
}
