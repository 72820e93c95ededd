package scorecard

import (
	"errors"
	"fmt"
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
	// 3.6, 4.x, 5.3): the pass then only tallies, which saves about 40 % of its CPU time per
	// dossier, and each unit's Explanations list a dossier metric's lost records as ReasonUnexplained
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
	// Bands classifies totals; nil means indicator.DefaultBands() (unofficial, INDICATORS.md §5).
	Bands indicator.Bands
	// Rank selects the ranking pools (default indicator.RankWithinRoot).
	Rank indicator.RankScope
	// Aggregation is the pooling policy; nil means indicator.DefaultAggregation().
	Aggregation *indicator.Aggregation

	// The calculators' own policies, with their defaults as zero values.

	// Terminated is the timeliness treatment of withdrawn/stopped dossiers (timeliness.Options.Terminated).
	Terminated timeliness.TerminatedRule
	// Financial is the timeliness treatment of financial pauses (timeliness.Options.Financial).
	Financial timeliness.FinancialRule
	// Pending and SyncSuccessCodes are group 1's policies (publication.Options).
	Pending          publication.PendingRule
	SyncSuccessCodes []string
	// OnlineUnknownProcedure is 3.3's treatment of a procedure missing from the catalogue
	// (online.Options.UnknownProcedure).
	OnlineUnknownProcedure online.UnknownProcedurePolicy
	// NoFeeLines and FeeData are group 3b's policies (payment.Options).
	NoFeeLines payment.NoFeeLinesPolicy
	FeeData    payment.FeeDataRule
	// RatingRule is 5.3's notion of a dislike (satisfaction.Options.RatingRule).
	RatingRule satisfaction.RatingRule
	// PopulationDBCodes and ElectronicResultScope are group 4's policies (digitisation.Options).
	PopulationDBCodes     []string
	ElectronicResultScope digitisation.ElectronicResultScope
}

// ErrOption is matched (errors.Is) by every *OptionError New returns.
var ErrOption = errors.New("scorecard: invalid option")

// OptionError reports an invalid Options or Inputs field, or a calculator that refused its options (Err
// then wraps the calculator's own *OptionError, so errors.As reaches it).
type OptionError struct {
	Field string // e.g. "Options.Calendar", "Inputs.Units[3]", "timeliness"
	Err   error
}

// Error names the field and the cause.
func (e *OptionError) Error() string { return fmt.Sprintf("scorecard: option %s: %v", e.Field, e.Err) }

// Unwrap returns the cause.
func (e *OptionError) Unwrap() error { return e.Err }

// Is reports whether target is ErrOption.
func (e *OptionError) Is(target error) bool { return target == ErrOption }

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

	pub *publication.Calculator
	tim *timeliness.Calculator
	onl *online.Calculator
	pay *payment.Calculator
	dig *digitisation.Calculator
	sat *satisfaction.Calculator

	// keys is the pass's shared index of unit ids and procedure codes, given to every calculator, so a
	// dossier's unit and procedure are resolved once (Partial.AddDossier, AddDossiers).
	keys *indicator.Keys

	pooled46a  map[string]indicator.Count // 4.6a of each parent over its sub-tree (PoolOwn)
	satOpts    satisfaction.Options       // for the per-Partial 5.3 calculators
	petitions  []model.Petition
	procedures []model.Procedure
}

// New validates the options and inputs and builds the calculators from the edition's record policies.
// Errors are *OptionError values (errors.Is ErrOption): a zero Period or AsOf, a nil Calendar, an invalid
// edition (wrapping *indicator.RuleError), an invalid band table or aggregation, a hierarchy that
// indicator.NewTree refuses (wrapping *indicator.TreeError), or a calculator's option error. Cost:
// O(units + procedures + offerings + ratings + petitions) time and memory, plus O(offerings) per parent
// unit for the parents' 4.6a.
func New(in Inputs, opts Options) (*Scorer, error) {
	if opts.Edition.Name == "" && opts.Edition.Rules == ([indicator.NumIDs]indicator.Rule{}) {
		opts.Edition = indicator.Portal() // the zero Edition
	}
	if opts.Period.Start.IsZero() {
		return nil, &OptionError{Field: "Options.Period", Err: errors.New("required")}
	}
	if opts.AsOf.IsZero() {
		return nil, &OptionError{Field: "Options.AsOf", Err: errors.New("required")}
	}
	if opts.Calendar == nil {
		return nil, &OptionError{Field: "Options.Calendar", Err: errors.New("required")}
	}
	if err := opts.Edition.Validate(); err != nil {
		return nil, &OptionError{Field: "Options.Edition", Err: err}
	}
	if opts.Bands != nil {
		if err := opts.Bands.Validate(); err != nil {
			return nil, &OptionError{Field: "Options.Bands", Err: err}
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
			return nil, &OptionError{Field: "Options.Aggregation", Err: err}
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
		return nil, &OptionError{Field: "Inputs.Units", Err: err}
	}
	s.syncDen = make(map[string]int64, len(in.SyncReportDen))
	for id, n := range in.SyncReportDen {
		if n < 0 {
			return nil, &OptionError{Field: "Inputs.SyncReportDen[" + id + "]", Err: indicator.ErrNegative}
		}
		s.syncDen[id] = n
	}

	pol := opts.Edition.Policy
	procMap := make(map[string]model.Procedure, len(in.Procedures))
	for _, p := range in.Procedures {
		if _, dup := procMap[p.Code]; !dup && p.Code != "" {
			procMap[p.Code] = p
		}
	}
	s.keys = keysOf(in)
	var err error
	s.pub, err = publication.New(publication.Options{
		Keys:   s.keys,
		Period: opts.Period, AsOf: opts.AsOf, Calendar: opts.Calendar, Policy: pol,
		Pending: opts.Pending, SyncSuccessCodes: opts.SyncSuccessCodes,
	})
	if err != nil {
		return nil, &OptionError{Field: "publication", Err: err}
	}
	s.tim, err = timeliness.New(timeliness.Options{
		Keys:   s.keys,
		Period: opts.Period, AsOf: opts.AsOf, Calendar: opts.Calendar, Policy: pol,
		Procedures: procMap, Terminated: opts.Terminated, Financial: opts.Financial,
	})
	if err != nil {
		return nil, &OptionError{Field: "timeliness", Err: err}
	}
	s.onl, err = online.New(online.Options{
		Keys:   s.keys,
		Period: opts.Period, AsOf: opts.AsOf, Policy: pol, Procedures: in.Procedures,
		Offerings: in.Offerings, CodeMap: in.CodeMap, UnknownProcedure: opts.OnlineUnknownProcedure,
	})
	if err != nil {
		return nil, &OptionError{Field: "online", Err: err}
	}
	s.pay, err = payment.New(payment.Options{
		Keys:   s.keys,
		Period: opts.Period, AsOf: opts.AsOf, Policy: pol, Procedures: in.Procedures,
		Offerings: in.Offerings, CodeMap: in.CodeMap, NoFeeLines: opts.NoFeeLines, FeeData: opts.FeeData,
	})
	if err != nil {
		return nil, &OptionError{Field: "payment", Err: err}
	}
	// digitisation refuses duplicate catalogue codes; give it the first record of each code.
	uniq := make([]model.Procedure, 0, len(procMap))
	seen := make(map[string]bool, len(procMap))
	for _, p := range in.Procedures {
		if p.Code != "" && !seen[p.Code] {
			seen[p.Code] = true
			uniq = append(uniq, p)
		}
	}
	s.dig, err = digitisation.New(digitisation.Options{
		Keys:   s.keys,
		Period: opts.Period, AsOf: opts.AsOf, Policy: pol, Procedures: uniq, Offerings: in.Offerings,
		Communes: in.Communes, PopulationDBCodes: opts.PopulationDBCodes,
		ElectronicResultScope: opts.ElectronicResultScope,
	})
	if err != nil {
		return nil, &OptionError{Field: "digitisation", Err: err}
	}
	// 4.6a of a parent under PoolOwn: the distinct procedures offered anywhere in its sub-tree, counted by
	// the digitisation calculator itself over the sub-tree's offerings attributed to the parent.
	if s.agg.Modes[indicator.M46a] == indicator.PoolOwn {
		s.pooled46a = make(map[string]indicator.Count)
		for parent := range s.kids {
			in46 := make(map[string]bool)
			for _, id := range s.subtree(parent) {
				in46[id] = true
			}
			var offs []model.Offering
			for _, o := range in.Offerings {
				if in46[o.UnitID] {
					o.UnitID = parent
					offs = append(offs, o)
				}
			}
			c, err := digitisation.New(digitisation.Options{
				Period: opts.Period, AsOf: opts.AsOf, Policy: pol, Procedures: uniq, Offerings: offs,
				PopulationDBCodes: opts.PopulationDBCodes, ElectronicResultScope: opts.ElectronicResultScope,
			})
			if err != nil {
				return nil, &OptionError{Field: "digitisation", Err: err}
			}
			s.pooled46a[parent] = c.Run(nil).Units[parent].Counts[indicator.M46a]
		}
	}
	s.satOpts = satisfaction.Options{
		Keys:   s.keys,
		Period: opts.Period, AsOf: opts.AsOf, Calendar: opts.Calendar, Policy: pol,
		Timeliness: s.timelinessOf, Ratings: in.Ratings, Complaints: in.Petitions, RatingRule: opts.RatingRule,
	}
	s.sat, err = satisfaction.New(s.satOpts)
	if err != nil {
		return nil, &OptionError{Field: "satisfaction", Err: err}
	}
	s.petitions = append([]model.Petition(nil), in.Petitions...)
	s.procedures = append([]model.Procedure(nil), in.Procedures...)
	return s, nil
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

// timelinessOf is 5.3's view of 2.1 (satisfaction.TimelinessFunc): the timeliness calculator's verdict.
// Partials use a memo of the verdict AddDossier has just computed instead (Partial.timelinessOf).
func (s *Scorer) timelinessOf(d *model.Dossier) (counted, late bool) {
	v := s.tim.Classify(d)
	return v.Counted, v.Counted && !v.InNumerator
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
