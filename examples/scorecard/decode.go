package main

import (
	"iter"
	"os"
	"sync"
	"sync/atomic"

	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
	"github.com/vn-dvc/chiso766/model/dataset"
	"github.com/vn-dvc/chiso766/model/portal"
	"github.com/vn-dvc/chiso766/model/quality"
)

// decodeFile streams one dossier file as dataset.Set.File does — the same items in the same order:
// every record with its steps attached, or a *dataset.FileError; after a recoverable error the stream
// goes on, after any other it ends — but decodes it on workers goroutines: the file is cut into chunks
// at record boundaries (portal.SplitDossiers, csvio.SplitDossiers), each worker decodes whole chunks,
// and the calling goroutine receives the chunks' records in file order. So pass 1's sequential state
// (the re-send index, the quality checker's duplicate index, the unattributed units) sees exactly the
// sequence the one-goroutine decoder gives, whatever workers is. Memory: O(workers × chunk) — at most
// 2×workers decoded chunks wait for the caller. Stopping early (yield false) stops the workers.
func decodeFile(set *dataset.Set, name string, workers int) iter.Seq2[model.Dossier, error] {
	return (&fileReader{set: set, workers: workers}).file(name)
}

// fileReader is decodeFile with, optionally, more of the per-record work on the workers:
//
//   - with checks set, the data-quality checks that look at one record only: each worker runs its own
//     checker (checks returns a new one) on every good record, and while a record is yielded found
//     holds its findings. The checks that remember earlier records (duplicate-code) must not be among
//     them: the caller runs those in record order;
//   - with scorer set, scoring: each worker adds every good record that keep accepts (nil: every good
//     record) to its own scorecard.Partial, kept in parts after the file's range ends (one per worker
//     and file). The partials hold the records the workers decoded, whatever the caller did with them:
//     they describe the whole input only when the caller ranged to the end without an error. Merging
//     them gives the card of those records in any order (Partial.Merge is order-independent).
type fileReader struct {
	set     *dataset.Set
	workers int
	checks  func() *quality.Checker
	found   []quality.Finding
	prep    quality.Prepared // with checks set, quality.Prepare of the record yielded (for CheckPrepared)

	scorer   *scorecard.Scorer
	keep     func(d *model.Dossier) bool
	parts    []*scorecard.Partial
	noScores atomic.Bool // set by StopScoring
}

// StopScoring tells the workers to score no more records (their partials will not be used: the caller
// has found a re-sent code, so the card needs pass 2). Safe to call from the goroutine ranging.
func (r *fileReader) StopScoring() { r.noScores.Store(true) }

// file is decodeFile's sequence for one file.
func (r *fileReader) file(name string) iter.Seq2[model.Dossier, error] {
	set, workers := r.set, r.workers
	return func(yield func(model.Dossier, error) bool) {
		r.found = nil
		f, err := os.Open(name)
		if err != nil {
			yield(model.Dossier{}, &dataset.FileError{File: name, Index: -1, Err: err})
			return
		}
		defer f.Close()
		var chunks iter.Seq2[scorecard.Chunk, error]
		if dataset.FormatOf(name) == dataset.CSV {
			chunks = anyChunks(csvio.SplitDossiers(f))
		} else {
			chunks = anyChunks(portal.SplitDossiers(f))
		}
		workers = max(workers, 1)

		stop := make(chan struct{})
		jobs := make(chan *decodedChunk)
		order := make(chan *decodedChunk, 2*workers)
		free := make(chan []decodedRecord, 3*workers) // item slices of consumed chunks, for reuse
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			w := worker{set: set, name: name, keep: r.keep, stop: &r.noScores}
			if r.checks != nil {
				w.chk = r.checks()
			}
			if r.scorer != nil {
				w.part = r.scorer.NewPartial()
				r.parts = append(r.parts, w.part)
			}
			go func() {
				defer wg.Done()
				for b := range jobs {
					select {
					case b.items = <-free:
					default:
					}
					w.decode(b)
				}
			}()
		}
		go func() {
			defer close(order)
			defer close(jobs)
			for c, err := range chunks {
				b := &decodedChunk{chunk: c, err: err, done: make(chan struct{})}
				if err != nil {
					close(b.done)
				}
				select {
				case order <- b:
				case <-stop:
					return
				}
				if err != nil {
					return
				}
				select {
				case jobs <- b:
				case <-stop:
					return
				}
			}
		}()
		defer func() {
			close(stop)
			for range order { // the producer has left the file when order closes
			}
			wg.Wait()
		}()

		for b := range order {
			<-b.done
			for i := range b.items {
				it := &b.items[i]
				if it.err != nil {
					if !yield(model.Dossier{}, it.err) || !it.err.Recoverable {
						return
					}
					continue
				}
				r.found, r.prep = it.found, it.prep
				if !yield(it.d, nil) {
					return
				}
				it.d, it.found, r.found, r.prep = model.Dossier{}, nil, nil, quality.Prepared{}
			}
			select {
			case free <- b.items[:0]:
			default:
			}
			b.items = nil
			if b.err != nil {
				yield(model.Dossier{}, dataset.NewFileError(name, b.err))
				return
			}
		}
	}
}

// decodedChunk is one chunk and, once done is closed, its records decoded in order, then the terminal
// error met in it (or the splitter's, with no chunk).
type decodedChunk struct {
	chunk scorecard.Chunk
	items []decodedRecord
	err   error
	done  chan struct{}
}

type decodedRecord struct {
	d     model.Dossier
	err   *dataset.FileError // for this record alone
	found []quality.Finding  // chk's findings on d
	prep  quality.Prepared   // quality.Prepare(&d), with chk
}

// worker is one decode goroutine's state.
type worker struct {
	set  *dataset.Set
	name string
	chk  *quality.Checker            // per-record checks, or nil
	part *scorecard.Partial          // the worker's partial card, or nil
	keep func(d *model.Dossier) bool // which good records part scores; nil: all
	stop *atomic.Bool                // true: score nothing more
}

// decode decodes the whole chunk b (on a worker goroutine), runs w.chk (when not nil) on each good
// record, adds it to w.part (when not nil and w.keep accepts it), and closes b.done.
func (w *worker) decode(b *decodedChunk) {
	defer close(b.done)
	set, name, chk := w.set, w.name, w.chk
	c := b.chunk
	for {
		b.items = append(b.items, decodedRecord{})
		it := &b.items[len(b.items)-1]
		_, err, ok := c.Next(&it.d)
		if !ok {
			b.items = b.items[:len(b.items)-1]
			break
		}
		if err != nil {
			*it = decodedRecord{err: dataset.NewFileError(name, err)}
			continue
		}
		set.AttachSteps(&it.d)
		if chk != nil {
			it.found = chk.Check(&it.d)
			it.prep = quality.Prepare(&it.d)
		}
		if w.part != nil && !w.stop.Load() && (w.keep == nil || w.keep(&it.d)) {
			w.part.AddDossier(&it.d)
		}
	}
	b.err = c.Err()
	c.Release() // decoded strings are copies: the buffer may be reused
}

// anyChunks turns a splitter's sequence into one of the scorecard.Chunk interface.
func anyChunks[C scorecard.Chunk](s iter.Seq2[C, error]) iter.Seq2[scorecard.Chunk, error] {
	return func(yield func(scorecard.Chunk, error) bool) {
		for c, err := range s {
			var ch scorecard.Chunk
			if err == nil {
				ch = c
			}
			if !yield(ch, err) {
				return
			}
		}
	}
}
