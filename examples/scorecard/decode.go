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
// and the calling goroutine receives the chunks' records in file order. So the sequential state of
// readDossiers (the re-send sieve, the duplicate checks, the unattributed units) sees exactly the
// sequence the one-goroutine decoder gives, whatever workers is. Memory: O(workers × chunk) — at most
// workers chunks, decoded or being decoded, wait for the caller besides the one it reads (the caller's
// per-record work is far cheaper than a worker's, so a deeper queue only holds memory; BENCHMARKS.md). Stopping early (yield false) stops the workers.
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
//     record; ord is the record's ordinal, base + its index in the file) to its own scorecard.Partial, kept in parts after the file's range ends (one per worker
//     and file). The partials hold the records the workers decoded, whatever the caller did with them:
//     they describe the whole input only when the caller ranged to the end without an error. Merging
//     them gives the card of those records in any order (Partial.Merge is order-independent).
type fileReader struct {
	set     *dataset.Set
	workers int
	checks  func() *quality.Checker
	found   []quality.Finding
	base    int64 // the ordinal of the file's first record: records before it in earlier files (keep's ord)

	scorer   *scorecard.Scorer
	keep     func(ord int64, d *model.Dossier) bool
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
		order := make(chan *decodedChunk, workers)
		free := make(chan recordSlices, workers+1) // the slices of consumed chunks, for reuse
		var wg sync.WaitGroup
		for range workers {
			wg.Add(1)
			w := worker{set: set, name: name, keep: r.keep, base: r.base, stop: &r.noScores}
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
					case b.recordSlices = <-free:
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
			for i := range b.ds {
				it := &b.meta[i]
				if it.err != nil {
					if !yield(model.Dossier{}, it.err) || !it.err.Recoverable {
						return
					}
					continue
				}
				r.found = it.found
				if !yield(b.ds[i], nil) {
					return
				}
				r.found = nil
			}
			clear(b.ds) // drop the records' strings before the slices wait for reuse
			clear(b.meta)
			select {
			case free <- recordSlices{b.ds[:0], b.meta[:0]}:
			default:
			}
			b.recordSlices = recordSlices{}
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
	recordSlices
	err  error
	done chan struct{}
}

// recordSlices are a chunk's records: ds[i] is record i (zero for a bad record), meta[i] what else is
// known of it. The dossiers are a slice of their own so that runs of them go to Partial.AddDossiers.
type recordSlices struct {
	ds   []model.Dossier
	meta []recordMeta
}

type recordMeta struct {
	err   *dataset.FileError // for this record alone
	found []quality.Finding  // chk's findings on the record
}

// worker is one decode goroutine's state.
type worker struct {
	set  *dataset.Set
	name string
	chk  *quality.Checker                       // per-record checks, or nil
	part *scorecard.Partial                     // the worker's partial card, or nil
	keep func(ord int64, d *model.Dossier) bool // which good records part scores; nil: all
	base int64                                  // ordinal of the file's first record
	stop *atomic.Bool                           // true: score nothing more
}

// decode decodes the whole chunk b (on a worker goroutine), runs w.chk (when not nil) on each good
// record, adds the records w.keep accepts to w.part (when not nil), and closes b.done. Records are
// scored while still in the CPU caches: runs of up to scoreRun consecutive kept records go to
// Partial.AddDossiers as soon as they are decoded (scoring the whole chunk after decoding it was
// slower: its records had left the caches).
func (w *worker) decode(b *decodedChunk) {
	defer close(b.done)
	set, name, chk := w.set, w.name, w.chk
	c := b.chunk
	run := 0 // b.ds[len(b.ds)-run:] are kept and not yet scored
	flush := func(end int) {
		if run > 0 {
			w.part.AddDossiers(b.ds[end-run : end])
			run = 0
		}
	}
	for {
		b.ds = append(b.ds, model.Dossier{})
		b.meta = append(b.meta, recordMeta{})
		i := len(b.ds) - 1
		d, it := &b.ds[i], &b.meta[i]
		index, err, ok := c.Next(d)
		if !ok {
			b.ds, b.meta = b.ds[:i], b.meta[:i]
			break
		}
		if err != nil {
			*d, *it = model.Dossier{}, recordMeta{err: dataset.NewFileError(name, err)}
			flush(i)
			continue
		}
		set.AttachSteps(d)
		if chk != nil {
			it.found = chk.Check(d)
		}
		if w.part != nil && !w.stop.Load() && (w.keep == nil || w.keep(w.base+int64(index), d)) {
			if run++; run == scoreRun {
				flush(i + 1)
			}
		} else {
			flush(i)
		}
	}
	flush(len(b.ds))
	b.err = c.Err()
	c.Release() // decoded strings are copies: the buffer may be reused
}

// scoreRun is the longest run of records a worker scores at once.
const scoreRun = 16

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
