package scorecard

import (
	"iter"
	"sync"

	"github.com/vn-dvc/chiso766/model"
)

// BatchSize is the number of dossiers RunParallel hands to a worker at a time.
const BatchSize = 512

// RunParallel scores one stream of dossiers with several goroutines: the stream is read on the calling
// goroutine and cut into batches of BatchSize copied dossiers, each worker accumulates its batches in its
// own Partial, and the partials are merged in worker order before Finish. Because Merge is associative and
// commutative and keeps example codes by a total order, the Card is identical to Run's over the same
// stream, whatever the number of workers and the scheduling. workers < 1 means 1. Memory: O(workers ×
// BatchSize) dossiers in flight plus the partials, independent of the stream's length. Errors: Finish's.
func (s *Scorer) RunParallel(dossiers iter.Seq[model.Dossier], workers int) (*Card, error) {
	if workers < 1 {
		workers = 1
	}
	parts := make([]*Partial, workers)
	for i := range parts {
		parts[i] = s.NewPartial()
	}
	work := make(chan []model.Dossier, workers)
	free := make(chan []model.Dossier, 2*workers)
	for range 2 * workers {
		free <- make([]model.Dossier, 0, BatchSize)
	}
	var wg sync.WaitGroup
	for i := range workers {
		wg.Add(1)
		go func(p *Partial) {
			defer wg.Done()
			for batch := range work {
				p.AddDossiers(batch)
				free <- batch[:0] // the stale dossiers are overwritten by the next batch, or dropped on return
			}
		}(parts[i])
	}
	if dossiers != nil {
		batch := <-free
		for d := range dossiers {
			batch = append(batch, d)
			if len(batch) == BatchSize {
				work <- batch
				batch = <-free
			}
		}
		if len(batch) > 0 {
			work <- batch
		}
	}
	close(work)
	wg.Wait()
	for _, q := range parts[1:] {
		if err := parts[0].Merge(q); err != nil {
			return nil, err // not expected: every part comes from s
		}
	}
	return s.Finish(parts[0])
}
