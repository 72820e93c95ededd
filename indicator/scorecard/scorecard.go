package scorecard

import (
	"errors"
	"slices"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/digitisation"
	"github.com/vn-dvc/chiso766/indicator/online"
	"github.com/vn-dvc/chiso766/indicator/payment"
	"github.com/vn-dvc/chiso766/indicator/publication"
	"github.com/vn-dvc/chiso766/indicator/satisfaction"
	"github.com/vn-dvc/chiso766/indicator/timeliness"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/dedupe"
)

// DefaultExamples is the number of example record codes kept per unit × metric × reason when
// Options.Examples is 0.
const DefaultExamples = 5

// Inputs are the small, preloaded records of one evaluation: the unit hierarchy, the procedure catalogue
// and offerings, and the per-unit inputs that are not records of a stream. Dossiers are streamed
// (Partial.AddDossier, Scorer.Run). New copies what it keeps (the petitions and procedures, judged again
// by every Finish, are copied shallowly: do not modify their elements while the Scorer is in use).
type Inputs struct {
	// Units is the hierarchy (provinces or ministries and their sub-units). Every unit that records are
	// attributed to should be listed: counts of units that are not are reported in Card.Unattributed and
	// left out of the tree [Policy: never dropped silently, never an error].
	Units []model.Unit
	// Procedures is the procedure catalogue (announcement decisions and publication for 1.1–1.3,
	// durations for 2.1, paper result and full-online eligibility for 3a, fees for 3b, paper result and
	// citizen-facing flags for group 4). The first record of a code wins; Finish judges each record once
	// for 1.1–1.3.
	Procedures []model.Procedure
	// Offerings says which unit offers which procedure, at which online level and state (3.1–3.5, 4.6a).
	Offerings []model.Offering
	// Communes is the 4.4 input, one entry per commune (see digitisation.CommuneCopy). Empty means no data.
	Communes []digitisation.CommuneCopy
	// CodeMap maps local procedure codes to national ones for groups 3a and 3b (online.Options.CodeMap,
	// payment.Options.CodeMap).
	CodeMap map[string]string
	// Petitions are the petitions (phản ánh, kiến nghị) of the period for 5.0–5.2, classified once by Finish
	// (callers with a large stream may use Partial.AddPetition instead); those naming a dossier are also
	// the complaints of 5.3.
	Petitions []model.Petition
	// Ratings are the dossier ratings for 5.3 (matched by dossier code).
	Ratings []model.Rating
	// SyncReportDen is 1.4's denominator from the national reporting system per unit id
	// (indicator.Tally.SyncReportDen), when the caller has it.
	SyncReportDen map[string]int64
}

// Options configures a Scorer. Nothing is global: every input comes from here.
type Options struct {
	// Period is the evaluation period (required).
	Period model.Period
	// AsOf is the instant the data describe (required): open records are judged at min(Period end, AsOf).
	AsOf time.Time
	// Calendar is the working-day calendar (required): deadlines of 2.1 and petitions.
	Calendar *calendar.Calendar
	// Edition is the scoring edition; its Policy is passed to every calculator. The zero Edition means
	// indicator.Portal(); any other edition must pass Edition.Validate.
	Edition indicator.Edition
	// Examples is the number of example record codes kept per unit × metric × reason (the smallest codes,
	// so the choice never depends on the order or the sharding of the stream). 0 means DefaultExamples; a
	// negative value keeps none.
	Examples int
	// SkipDossierExplanations turns off the lost-point explanations of dossier metrics (1.4, 2.1, 3.3,
	// 3.6, 4.x, 5.3): the pass then only tallies (no indicator.Note), and each unit's Explanations list
	// a dossier metric's lost records as ReasonUnexplained
	// (counts and scores are unchanged). Procedures (1.1–1.3) and petitions (5.1–5.2) are still explained.
	// Default false: explanations on.
	SkipDossierExplanations bool
	// Previous is the card of an earlier period over the same hierarchy (optional): each unit then gets
	// its change (indicator.UnitChange).
	Previous *Card
	// PreviousTallies is the alternative to Previous when only the earlier period's counts were kept
	// (e.g. Card.Tallies saved as JSON): every unit's own counts, keyed by unit id, scored over this
	// scorer's hierarchy. Ids that are not units of Inputs.Units are ignored. Used when Previous is nil.
	PreviousTallies map[string]indicator.Tally
	// Bands classifies totals; nil means indicator.DefaultBands() (unofficial: docs/rules.md, Ranks and bands).
	Bands indicator.Bands
	// Rank selects the ranking pools (default indicator.RankWithinRoot).
	Rank indicator.RankScope
	// Aggregation is the pooling policy; nil means indicator.DefaultAggregation().
	Aggregation *indicator.Aggregation
	// Resend is the rule of RunLatest for re-sent dossier codes (the zero value: latest Sync.SentAt, else
	// input order; package model/dedupe). Run and RunParallel score every record as given.
	Resend dedupe.Policy
}

var errOtherScorer = errors.New("a partial of another scorer")

// optionError is the scorecard's own *indicator.OptionError.
func optionError(field string, err error) error {
	return &indicator.OptionError{Pkg: "scorecard", Field: field, Err: err}
}

// Scorer runs every calculator of the index over one province's (or ministry's) records for one period
// and edition. It is immutable after New and safe for concurrent use; the mutable state of a pass lives
// in a Partial.
type Scorer struct {
	opts    Options
	edition indicator.Edition
	agg     indicator.Aggregation
	nodes   []indicator.UnitNode
	known   map[string]bool
	kids    map[string][]string // unit id → sub-unit ids, input order
	syncDen map[string]int64
	k       int
	scored  [indicator.NumIDs]bool

	// calcs makes one accumulator per calculator, in pass order (timeliness before satisfaction, which
	// reads 2.1's outcome of the same dossier); keys is the pass's shared index of unit ids and procedure
	// codes, given to every calculator, so a dossier's unit and procedure are resolved once.
	calcs   []func() indicator.Accumulator
	keys    *indicator.Keys
	parents []string // units with sub-units, input order

	// For Reconcile: the preloaded records both scorers judge.
	petitions  []model.Petition
	procedures []model.Procedure
}

// New validates the options and inputs and builds the calculators from the edition's record policies.
// Errors are *indicator.OptionError values (errors.Is indicator.ErrOption): a zero Period or AsOf, a nil
// Calendar, an invalid edition (wrapping *indicator.RuleError), an invalid band table or aggregation, a
// hierarchy that indicator.NewTree refuses (wrapping *indicator.TreeError), or a calculator's own. Cost:
// O(units + procedures + offerings + ratings + petitions) time and memory.
func New(in Inputs, opts Options) (*Scorer, error) {
	if opts.Edition.Name == "" && opts.Edition.Rules == ([indicator.NumIDs]indicator.Rule{}) {
		opts.Edition = indicator.Portal() // the zero Edition
	}
	if opts.Period.Start.IsZero() {
		return nil, optionError("Options.Period", indicator.ErrMissing)
	}
	if opts.AsOf.IsZero() {
		return nil, optionError("Options.AsOf", indicator.ErrMissing)
	}
	if opts.Calendar == nil {
		return nil, optionError("Options.Calendar", indicator.ErrMissing)
	}
	if err := opts.Edition.Validate(); err != nil {
		return nil, optionError("Options.Edition", err)
	}
	if opts.Bands != nil {
		if err := opts.Bands.Validate(); err != nil {
			return nil, optionError("Options.Bands", err)
		}
	}
	s := &Scorer{opts: opts, edition: opts.Edition, k: opts.Examples}
	if s.k == 0 {
		s.k = DefaultExamples
	} else if s.k < 0 {
		s.k = 0
	}
	if opts.Aggregation != nil {
		if err := opts.Aggregation.Validate(); err != nil {
			return nil, optionError("Options.Aggregation", err)
		}
		s.agg = *opts.Aggregation
	} else {
		s.agg = indicator.DefaultAggregation()
	}
	for _, id := range indicator.IDs() {
		if m, ok := indicator.Lookup(id); ok {
			s.scored[id] = m.Scored
		}
	}
	s.nodes = make([]indicator.UnitNode, len(in.Units))
	s.known = make(map[string]bool, len(in.Units))
	for i, u := range in.Units {
		s.nodes[i] = indicator.UnitNode{ID: u.ID, Name: u.Name, Kind: unitKind(u.Kind), Parent: u.Parent}
		s.known[u.ID] = true
	}
	s.kids = make(map[string][]string)
	for _, u := range in.Units {
		if u.Parent != "" {
			s.kids[u.Parent] = append(s.kids[u.Parent], u.ID)
		}
	}
	// Check the hierarchy now rather than at Finish.
	if _, err := indicator.NewTree(s.nodes, nil, indicator.TreeOptions{Aggregation: &s.agg}); err != nil {
		return nil, optionError("Inputs.Units", err)
	}
	s.syncDen = make(map[string]int64, len(in.SyncReportDen))
	for id, n := range in.SyncReportDen {
		if n < 0 {
			return nil, optionError("Inputs.SyncReportDen["+id+"]", indicator.ErrNegative)
		}
		s.syncDen[id] = n
	}

	for _, u := range in.Units {
		if len(s.kids[u.ID]) > 0 {
			s.parents = append(s.parents, u.ID)
		}
	}
	if err := s.build(in); err != nil {
		return nil, err
	}
	s.petitions = append([]model.Petition(nil), in.Petitions...)
	s.procedures = append([]model.Procedure(nil), in.Procedures...)
	return s, nil
}

// build makes the calculators from the edition's record policies, in pass order (timeliness before
// satisfaction, which reads 2.1's outcome of the same dossier). Adding a calculator is one entry here;
// the pass, Merge, Finish and the explanations loop over s.calcs. Their errors are
// *indicator.OptionError values naming the calculator.
func (s *Scorer) build(in Inputs) error {
	o, pol := s.opts, s.opts.Edition.Policy
	s.keys = keysOf(in)
	// The first record of a procedure code wins (digitisation refuses duplicates).
	procs := make([]model.Procedure, 0, len(in.Procedures))
	byCode := make(map[string]model.Procedure, len(in.Procedures))
	for _, p := range in.Procedures {
		if _, dup := byCode[p.Code]; p.Code != "" && !dup {
			byCode[p.Code] = p
			procs = append(procs, p)
		}
	}
	for _, c := range []calculator{
		newCalculator(publication.New(publication.Options{Keys: s.keys, Period: o.Period, AsOf: o.AsOf, Calendar: o.Calendar,
			Policy: pol.Publication, Reception: pol.Reception, Procedures: in.Procedures})),
		newCalculator(timeliness.New(timeliness.Options{Keys: s.keys, Period: o.Period, AsOf: o.AsOf, Calendar: o.Calendar,
			Policy: pol.Timeliness, Reception: pol.Reception, Procedures: byCode})),
		newCalculator(online.New(online.Options{Keys: s.keys, Period: o.Period, AsOf: o.AsOf, Policy: pol.Online,
			Reception: pol.Reception, Procedures: in.Procedures, Offerings: in.Offerings, CodeMap: in.CodeMap})),
		newCalculator(payment.New(payment.Options{Keys: s.keys, Period: o.Period, AsOf: o.AsOf, Policy: pol.Payment,
			Reception: pol.Reception, Procedures: in.Procedures, Offerings: in.Offerings, CodeMap: in.CodeMap})),
		newCalculator(digitisation.New(digitisation.Options{Keys: s.keys, Period: o.Period, AsOf: o.AsOf, Policy: pol.Digitisation,
			Reception: pol.Reception, Procedures: procs, Offerings: in.Offerings, Communes: in.Communes})),
		newCalculator(satisfaction.New(satisfaction.Options{Keys: s.keys, Period: o.Period, AsOf: o.AsOf, Calendar: o.Calendar,
			Policy: pol.Satisfaction, Ratings: in.Ratings, Petitions: in.Petitions})),
	} {
		if c.err != nil {
			return c.err
		}
		s.calcs = append(s.calcs, c.accumulator)
	}
	return nil
}

// calculator is one calculator of the pass as the scorer holds it: a maker of its accumulators, or the
// error its New returned.
type calculator struct {
	accumulator func() indicator.Accumulator
	err         error
}

// newCalculator takes a calculator package's New results.
func newCalculator[A indicator.Accumulator, C interface{ NewAccumulator() A }](c C, err error) calculator {
	if err != nil {
		return calculator{err: err}
	}
	return calculator{accumulator: func() indicator.Accumulator { return c.NewAccumulator() }}
}

// keysOf interns every unit id and procedure code a dossier of the pass may name: the hierarchy's and
// the offerings' units; the catalogue's, the offerings' and the code map's procedure codes (map keys and
// values, in sorted order so that the indexes do not depend on map iteration). Dossiers naming anything
// else are still judged exactly, by the calculators' string lookups.
func keysOf(in Inputs) *indicator.Keys {
	units := make([]string, 0, len(in.Units)+len(in.Offerings))
	for _, u := range in.Units {
		units = append(units, u.ID)
	}
	procs := make([]string, 0, len(in.Procedures)+len(in.Offerings)+2*len(in.CodeMap))
	for _, p := range in.Procedures {
		procs = append(procs, p.Code)
	}
	for _, o := range in.Offerings {
		units = append(units, o.UnitID)
		procs = append(procs, o.ProcedureCode)
	}
	mapped := make([]string, 0, 2*len(in.CodeMap))
	for local, national := range in.CodeMap {
		mapped = append(mapped, local, national)
	}
	slices.Sort(mapped)
	return indicator.NewKeys(units, append(procs, mapped...))
}

// Edition returns the scorer's edition (a copy). Cost: O(1).
func (s *Scorer) Edition() indicator.Edition { return s.edition }

// Period returns the evaluation period. Cost: O(1).
func (s *Scorer) Period() model.Period { return s.opts.Period }

// subtree returns unit and all its descendants (breadth first).
func (s *Scorer) subtree(unit string) []string {
	out := []string{unit}
	for i := 0; i < len(out); i++ {
		out = append(out, s.kids[out[i]]...)
	}
	return out
}

// unitKind maps the model's unit kinds to the indicator tree's.
func unitKind(k model.UnitKind) indicator.UnitKind {
	switch k.Code() {
	case model.UnitProvince:
		return indicator.KindProvince
	case model.UnitMinistry:
		return indicator.KindMinistry
	case model.UnitDepartment:
		return indicator.KindDepartment
	case model.UnitDistrict:
		return indicator.KindDistrict
	case model.UnitCommune:
		return indicator.KindCommune
	case model.UnitBranch:
		return indicator.UnitKind("branch")
	}
	if k.IsSet() {
		return indicator.UnitKind(k.String())
	}
	return ""
}
