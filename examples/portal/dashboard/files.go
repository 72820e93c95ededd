package dashboard

import (
	"context"
	"fmt"
	"iter"
	"sync"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator/digitisation"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/dataset"
)

// FileData is the DataSource of a province's files in the directory convention of package model/dataset
// (units.csv, procedures.csv|json, offerings.csv, dossiers*.json|csv, steps*, petitions.csv,
// ratings.csv, copies.csv): the small inputs in memory, the dossiers streamed from the files at each
// pass. Periods that do not overlap the months of the dossiers' reception dates have no data
// (ErrUnknownPeriod). It is safe for concurrent use.
type FileData struct {
	set         *dataset.Set
	in          scorecard.Inputs
	asOf        time.Time // zero: the end of each period
	first, last model.Period
	busy        model.Period // the latest month with at least half the busiest month's dossiers

	mu   sync.Mutex
	cals map[int]*calendar.Calendar // by first year
}

// OpenFiles loads the files of dir (dataset.Convention, dataset.Load) and reads the dossiers once for
// the months they cover. asOf is the instant the data describe; zero means the end of each period (open
// dossiers are then judged at the period's end, as the scorecard command does without -asof). Errors:
// dataset's (a file of the wrong kind names the file), no units, no dossier file, no dossier with a
// reception date, a dossier file that cannot be read. Cost: one pass over the dossier files; memory: the
// small inputs.
func OpenFiles(dir string, asOf time.Time) (*FileData, error) {
	files, _, err := dataset.Convention(dir)
	if err != nil {
		return nil, err
	}
	if len(files.Dossiers) == 0 {
		return nil, fmt.Errorf("%s: no dossier file (dossiers*.json|csv)", dir)
	}
	set, err := dataset.Load(files)
	if err != nil {
		return nil, err
	}
	if len(set.Units) == 0 {
		return nil, fmt.Errorf("%s: no units (units.csv): without the hierarchy no dossier can be attributed", dir)
	}
	f := &FileData{set: set, asOf: asOf, cals: map[int]*calendar.Calendar{}, in: scorecard.Inputs{Units: set.Units,
		Procedures: set.Procedures, Offerings: set.Offerings, Petitions: set.Petitions, Ratings: set.Ratings}}
	for _, c := range set.Copies {
		f.in.Communes = append(f.in.Communes, digitisation.CommuneCopy{UnitID: c.UnitID, Offers: c.Electronic})
	}
	var lo, hi time.Time
	perMonth := map[model.Period]int{}
	for d, err := range set.Dossiers() {
		if err != nil {
			return nil, err
		}
		if !d.ReceivedAt.Valid {
			continue
		}
		t := d.ReceivedAt.T
		lt := t.In(vietnam)
		perMonth[model.Month(lt.Year(), lt.Month())]++
		if lo.IsZero() || t.Before(lo) {
			lo = t
		}
		if t.After(hi) {
			hi = t
		}
	}
	if lo.IsZero() {
		return nil, fmt.Errorf("%s: no dossier with a reception date", dir)
	}
	lo, hi = lo.In(vietnam), hi.In(vietnam)
	f.first, f.last = model.Month(lo.Year(), lo.Month()), model.Month(hi.Year(), hi.Month())
	most := 0
	for _, n := range perMonth {
		most = max(most, n)
	}
	for p, n := range perMonth {
		if 2*n >= most && (f.busy.Start.IsZero() || p.Start.After(f.busy.Start)) {
			f.busy = p
		}
	}
	return f, nil
}

// Last is the latest month with at least half as many dossiers as the busiest month (a sensible default
// period: a few stragglers received after the data's real end do not make a month).
func (f *FileData) Last() model.Period { return f.busy }

// Periods lists the years, quarters and months the dossiers cover, for Config.Periods.
func (f *FileData) Periods() []model.Period {
	var ps []model.Period
	for y := f.first.Start.Year(); y <= f.last.Start.Year(); y++ {
		ps = append(ps, model.Year(y))
		for q := 1; q <= 4; q++ {
			if p := model.Quarter(y, q); f.covers(p) {
				ps = append(ps, p)
			}
		}
		for m := time.January; m <= time.December; m++ {
			if p := model.Month(y, m); f.covers(p) {
				ps = append(ps, p)
			}
		}
	}
	return ps
}

// covers reports whether p overlaps the months of the dossiers.
func (f *FileData) covers(p model.Period) bool {
	return !p.EndTime().Before(f.first.StartTime()) && p.StartTime().Before(f.last.EndTime())
}

// Inputs implements DataSource.
func (f *FileData) Inputs(_ context.Context, p model.Period) (*Inputs, error) {
	if !f.covers(p) {
		return nil, fmt.Errorf("%w: %s (the dossiers cover %s to %s)", ErrUnknownPeriod, p, f.first, f.last)
	}
	cal, err := f.calendar(p)
	if err != nil {
		return nil, err
	}
	asOf := f.asOf
	if asOf.IsZero() {
		asOf = p.EndTime()
	}
	return &Inputs{Inputs: f.in, AsOf: asOf, Calendar: cal}, nil
}

// calendar returns the working-day calendar around p (built once per year).
func (f *FileData) calendar(p model.Period) (*calendar.Calendar, error) {
	y := p.StartTime().Year()
	f.mu.Lock()
	defer f.mu.Unlock()
	if c := f.cals[y]; c != nil {
		return c, nil
	}
	c, err := calendar.New(calendar.Options{FromYear: y - 1, ToYear: p.EndTime().Year() + 1})
	if err != nil {
		return nil, err
	}
	f.cals[y] = c
	return c, nil
}

// Dossiers implements DataSource: the files' dossiers, streamed (errors are dataset's *FileError).
func (f *FileData) Dossiers(context.Context, model.Period) iter.Seq2[model.Dossier, error] {
	return f.set.Dossiers()
}
