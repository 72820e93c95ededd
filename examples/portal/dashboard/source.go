package dashboard

import (
	"context"
	"fmt"
	"iter"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/digitisation"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
)

// DataSource is what the embedding system implements: the records of a period, read from its own
// database or files. The dashboard scores them (package indicator/scorecard) once per period and keeps
// the cards in a bounded cache (Source). A DataSource must be safe for concurrent use.
type DataSource interface {
	// Inputs returns the preloaded records of period p (unit hierarchy, procedure catalogue, offerings,
	// petitions, ratings, certified copies) and the scoring context (as-of instant, calendar). An error
	// wrapping ErrUnknownPeriod means the source has no data for p (served as 404).
	Inputs(ctx context.Context, p model.Period) (*Inputs, error)
	// Dossiers streams the dossiers to score for p (the scorer keeps those of the period; the stream may
	// hold more). A non-nil error ends the computation with that error. The stream may be walked more
	// than once (the failing-record lists walk it again) and should stop when ctx ends.
	Dossiers(ctx context.Context, p model.Period) iter.Seq2[model.Dossier, error]
}

// Inputs are a DataSource's preloaded records and scoring context for one period.
type Inputs struct {
	scorecard.Inputs
	// AsOf is the instant the data describe (required).
	AsOf time.Time
	// Calendar is the working-day calendar (required).
	Calendar *calendar.Calendar
}

// SourceOptions configures NewSource.
type SourceOptions struct {
	// Edition scores the cards (zero: indicator.Portal()).
	Edition indicator.Edition
	// Rank selects the ranking pools (default indicator.RankWithinRootByKind: departments and communes
	// are ranked separately, as provinces publish them) [Policy].
	Rank *indicator.RankScope
	// Cache bounds the cards kept and computed at once.
	Cache CacheConfig
	// Latest scores only the latest version of each re-sent dossier code (model/dedupe's rule, the
	// scorer's Options.Resend): the cards through Scorer.RunLatest, the failing records through
	// dedupe.Latest. It costs one more pass over the stream and O(distinct codes) memory; the stream must
	// yield the same records in the same order each time it is walked. Default false: every record of the
	// stream is scored (the sample has no re-sent codes).
	Latest bool
}

// DefaultRank is the ranking policy of a Source when SourceOptions.Rank is nil: each kind of sub-unit
// (departments, communes) is ranked apart within its province.
const DefaultRank = indicator.RankWithinRootByKind

// Source computes and caches the cards of a DataSource: one computation per period, shared by the
// requests that wait for it, run under their contexts (a computation nobody waits for any more stops
// within 1 024 dossiers), at most CacheConfig.MaxComputing at once, the results kept in a bounded LRU
// (CacheConfig). A Source holds no global state and is safe for concurrent use.
type Source struct {
	ds     DataSource
	ed     indicator.Edition
	rank   indicator.RankScope
	latest bool
	c      *cardCache
}

// NewSource returns a Source over ds. Errors: a *ConfigError (ErrConfig) for a nil ds, a negative
// bound or an invalid edition. Cost: O(1); cards are computed on first use.
func NewSource(ds DataSource, opt SourceOptions) (*Source, error) {
	cc := opt.Cache
	switch {
	case ds == nil:
		return nil, &ConfigError{Field: "DataSource", Reason: "nil"}
	case cc.MaxCards < 0:
		return nil, &ConfigError{Field: "CacheConfig.MaxCards", Reason: "negative"}
	case cc.MaxBytes < 0:
		return nil, &ConfigError{Field: "CacheConfig.MaxBytes", Reason: "negative"}
	case cc.MaxComputing < 0:
		return nil, &ConfigError{Field: "CacheConfig.MaxComputing", Reason: "negative"}
	}
	ed := opt.Edition
	if ed.Name == "" {
		ed = indicator.Portal()
	} else if err := ed.Validate(); err != nil {
		return nil, &ConfigError{Field: "Edition", Reason: err.Error()}
	}
	rank := DefaultRank
	if opt.Rank != nil {
		rank = *opt.Rank
	}
	return &Source{ds: ds, ed: ed, rank: rank, latest: opt.Latest, c: newCardCache(cc)}, nil
}

// Edition returns the source's edition. Cost: O(1).
func (s *Source) Edition() indicator.Edition { return s.ed }

// Card returns the card of period per (a CardFunc): from the cache, or computed once under ctx.
// Errors: the DataSource's (ErrUnknownPeriod for a period without data), ctx's when it ends first, the
// scorer's otherwise. Cost: cached, O(1); else one pass over the period's dossier stream.
func (s *Source) Card(ctx context.Context, per model.Period) (*scorecard.Card, error) {
	return s.c.get(ctx, per.String(), func(ctx context.Context) (*scorecard.Card, error) {
		sc, _, err := s.scorer(ctx, per)
		if err != nil {
			return nil, err
		}
		var serr error
		seq := untilDone(ctx, s.ds.Dossiers(ctx, per), &serr)
		var c *scorecard.Card
		if s.latest {
			c, err = sc.RunLatest(seq, 1)
		} else {
			c, err = sc.Run(seq)
		}
		if cerr := ctx.Err(); cerr != nil {
			return nil, cerr // the stream was cut short: the card is partial
		}
		if serr != nil {
			return nil, fmt.Errorf("dossiers of %s: %w", per, serr)
		}
		return c, err
	})
}

// scorer builds the scorer of per from the DataSource's inputs.
func (s *Source) scorer(ctx context.Context, per model.Period) (*scorecard.Scorer, *Inputs, error) {
	in, err := s.ds.Inputs(ctx, per)
	if err != nil {
		return nil, nil, err
	}
	if in == nil {
		return nil, nil, fmt.Errorf("%w: %s", ErrUnknownPeriod, per)
	}
	sc, err := scorecard.New(in.Inputs, scorecard.Options{Period: per, AsOf: in.AsOf, Calendar: in.Calendar,
		Edition: s.ed, Rank: s.rank})
	if err != nil {
		return nil, nil, err
	}
	return sc, in, nil
}

// Stats returns the cache's counters.
func (s *Source) Stats() CacheStats { return s.c.stats() }

// untilDone yields seq's dossiers until ctx ends (checked every cancelEvery records) or seq yields an
// error, which it stores in *err.
func untilDone(ctx context.Context, seq iter.Seq2[model.Dossier, error], err *error) iter.Seq[model.Dossier] {
	return func(yield func(model.Dossier) bool) {
		n := 0
		for d, e := range seq {
			if e != nil {
				*err = e
				return
			}
			if n++; n%cancelEvery == 0 && ctx.Err() != nil {
				return
			}
			if !yield(d) {
				return
			}
		}
	}
}

// SampleData is the DataSource of a generated sample province (package examples/internal/sample): one
// year of invented records. Periods outside the sample's year give ErrUnknownPeriod.
type SampleData struct {
	p    *sample.Province
	in   Inputs
	year int
}

// NewSampleData returns the DataSource of p. Errors: a *ConfigError for a nil p. Cost: O(units +
// certified copies).
func NewSampleData(p *sample.Province) (*SampleData, error) {
	if p == nil {
		return nil, &ConfigError{Field: "Province", Reason: "nil"}
	}
	in := Inputs{Inputs: scorecard.Inputs{
		Units: p.Units, Procedures: p.Procedures, Offerings: p.Offerings,
		Petitions: p.Petitions, Ratings: p.Ratings,
	}, AsOf: p.AsOf, Calendar: p.Calendar}
	for _, cc := range p.CertifiedCopies {
		in.Communes = append(in.Communes, digitisation.CommuneCopy{UnitID: cc.UnitID, Offers: cc.Electronic})
	}
	// The sample describes one year; AsOf is its end, so the year is that of the instant before it.
	year := p.AsOf.Add(-time.Nanosecond).In(p.Calendar.Location()).Year()
	return &SampleData{p: p, in: in, year: year}, nil
}

// Inputs implements DataSource.
func (d *SampleData) Inputs(_ context.Context, per model.Period) (*Inputs, error) {
	if per.Start.Year() != d.year || per.End.In(per.Start.Location()).Year() != d.year {
		return nil, fmt.Errorf("%w: %s (sample year %d)", ErrUnknownPeriod, per, d.year)
	}
	in := d.in
	return &in, nil
}

// Dossiers implements DataSource: the sample's whole stream (generated lazily, never stored).
func (d *SampleData) Dossiers(context.Context, model.Period) iter.Seq2[model.Dossier, error] {
	return func(yield func(model.Dossier, error) bool) {
		for x := range d.p.Dossiers() {
			if !yield(x, nil) {
				return
			}
		}
	}
}

// SampleSource is a Source over the SampleData of a sample province.
type SampleSource = Source

// NewSampleSource returns a Source over the sample province p scored with ed, ranked by DefaultRank.
// Errors: a *ConfigError (ErrConfig) for a nil province or a negative bound.
func NewSampleSource(p *sample.Province, ed indicator.Edition, cc CacheConfig) (*Source, error) {
	d, err := NewSampleData(p)
	if err != nil {
		return nil, err
	}
	return NewSource(d, SourceOptions{Edition: ed, Cache: cc})
}

// SampleCards returns the CardFunc of a SampleSource over p with the default bounds (DefaultMaxCards
// cards, DefaultMaxCacheBytes, GOMAXPROCS computations at once). The card of a period is computed on
// first use (one pass over p's dossier stream). Periods outside p's year give ErrUnknownPeriod.
func SampleCards(p *sample.Province, ed indicator.Edition) CardFunc {
	s, err := NewSampleSource(p, ed, CacheConfig{})
	if err != nil {
		return func(context.Context, model.Period) (*scorecard.Card, error) { return nil, err }
	}
	return s.Card
}
