package scorecard

import (
	"encoding/json"
	"sort"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// ReasonUnexplained is the scorecard's own reason code: the part of a metric's shortfall (denominator −
// numerator) that no record verdict explains — counts supplied from outside (1.4's reporting
// denominator), counts no record verdict carries (4.4's communes, 4.6a's procedures), or pooling rules
// that are not sums.
const ReasonUnexplained indicator.Reason = "scorecard.unexplained"

// Card is the outcome of a scorecard: every unit of the hierarchy with its own and pooled scores, ranks,
// band, change against the previous period and explanations of the lost points, plus the ledgers of every
// calculator. A Card is read-only once returned.
type Card struct {
	Period  model.Period
	AsOf    time.Time
	Edition string
	// Units lists every unit in the input order of Inputs.Units.
	Units []UnitCard
	// Tree holds the own and pooled counts of every unit (indicator.Tree); Result the scored tree.
	Tree   *indicator.Tree
	Result indicator.TreeResult
	// Ledgers accounts for every record read by each calculator, in a fixed calculator order.
	Ledgers []CalculatorLedger
	// Unattributed lists, sorted, the unit ids that records were attributed to but that are not in
	// Inputs.Units; their counts are in UnattributedCounts and take no part in the tree [Policy].
	Unattributed       []string
	UnattributedCounts map[string]indicator.Tally
	// Dossiers is the number of dossiers read.
	Dossiers int64
	// Procedures is the per-procedure breakdown of 2.1 and 2.2 over all units, keyed by procedure code
	// (2.2 is shown per procedure: docs/rules.md, 2.2).
	Procedures map[string]indicator.ProcedureStats

	index map[string]int
}

// CalculatorLedger is one calculator's accounting (indicator.CalculatorLedger).
type CalculatorLedger = indicator.CalculatorLedger

// UnitCard is one unit's scorecard: the scored tree's result for it (own and pooled Result, Band, Rank,
// GroupRanks, Change) and the explanations of its pooled score's lost points, one per scored metric that
// lost points or records, in catalogue order.
type UnitCard struct {
	indicator.UnitResult
	Explanations []Explanation `json:"explanations"`
}

// Explanation explains one metric of one unit's pooled score: the counts and score used, the points lost
// (Max − Score) and the reasons of the records in the denominator but not in the numerator, most
// frequent first (ties by reason code). The reason counts add up to Den − Num (ReasonUnexplained takes
// the rest).
type Explanation struct {
	Metric     indicator.ID    `json:"metric"`
	Num        int64           `json:"num"`
	Den        int64           `json:"den"`
	Score      decimal.Decimal `json:"score"`
	Max        decimal.Decimal `json:"max"`
	PointsLost decimal.Decimal `json:"pointsLost"`
	Null       bool            `json:"null"`
	Reasons    []LostReason    `json:"reasons"`
}

// LostReason is one reason of lost records, with up to Options.Examples example codes (the smallest
// codes, ascending: dossier codes, or procedure codes for the procedure reasons).
type LostReason struct {
	Reason indicator.Reason `json:"reason"`
	Count  int64            `json:"count"`
	// Points is what the metric would regain if these Count records had been compliant: the metric's
	// score on (Num + Count) / Den minus its score on Num / Den, both by Edition.ScoreMetric (exact, with
	// the metric's cap, threshold, rounding and the 3b pipeline; the rules that involve other metrics —
	// 3.1 under OnlineFullOnly, 3.3's sync factor, DocShare52 — are left out). Because of caps and
	// rounding the reasons' points need not add up to PointsLost.
	Points   decimal.Decimal `json:"points"`
	Examples []string        `json:"examples,omitempty"`
}

// MarshalJSON encodes the card for dashboards and archives: period, as-of instant, edition, number of
// dossiers, every unit (the indicator.UnitResult fields plus "explanations"), the ledgers, the
// unattributed units and the per-procedure 2.1/2.2 breakdown. Tree and Result are not repeated (their
// content is in the units). The encoding is deterministic: equal cards give equal bytes. Cost: O(size of
// the card), allocates the output.
func (c *Card) MarshalJSON() ([]byte, error) {
	type procedure struct {
		Code              string `json:"code"`
		Num               int64  `json:"num"`
		Den               int64  `json:"den"`
		Overdue           int64  `json:"overdue"`
		Finished          int64  `json:"finished"`
		ProcessingSeconds int64  `json:"processingSeconds"`
	}
	procs := make([]procedure, 0, len(c.Procedures))
	for code, p := range c.Procedures {
		procs = append(procs, procedure{code, p.Count.Num, p.Count.Den, p.Overdue, p.Finished, p.ProcessingSeconds})
	}
	sort.Slice(procs, func(a, b int) bool { return procs[a].Code < procs[b].Code })
	return json.Marshal(struct {
		Period             string                     `json:"period"`
		AsOf               time.Time                  `json:"asOf"`
		Edition            string                     `json:"edition"`
		Dossiers           int64                      `json:"dossiers"`
		Units              []UnitCard                 `json:"units"`
		Ledgers            []CalculatorLedger         `json:"ledgers"`
		Unattributed       []string                   `json:"unattributed,omitempty"`
		UnattributedCounts map[string]indicator.Tally `json:"unattributedCounts,omitempty"`
		Procedures         []procedure                `json:"procedures"`
	}{c.Period.String(), c.AsOf, c.Edition, c.Dossiers, c.Units, c.Ledgers, c.Unattributed, c.UnattributedCounts, procs})
}

// Unit returns the card of one unit; ok is false for an unknown id. Cost: O(1).
func (c *Card) Unit(id string) (u UnitCard, ok bool) {
	i, ok := c.index[id]
	if !ok {
		return UnitCard{}, false
	}
	return c.Units[i], true
}

// Explanation returns the explanation of metric id for unit; ok is false when the unit is unknown or the
// metric lost nothing. Cost: O(metrics).
func (u UnitCard) Explanation(id indicator.ID) (Explanation, bool) {
	for _, e := range u.Explanations {
		if e.Metric == id {
			return e, true
		}
	}
	return Explanation{}, false
}

// Tallies returns every unit's own counts (the input of the tree), keyed by unit id. Cost: O(units).
func (c *Card) Tallies() map[string]indicator.Tally {
	out := make(map[string]indicator.Tally, len(c.Units))
	for _, u := range c.Units {
		if t, ok := c.Tree.Own(u.Unit.ID); ok {
			out[u.Unit.ID] = t
		}
	}
	return out
}

// Finish turns a partial state into a Card: it collects every calculator's report (per-unit tallies,
// ledgers, the verdicts of the catalogue procedures, petitions and offerings it judges at the end),
// builds the indicator tree over Inputs.Units (pooling parents), scores it with the edition (scores,
// ranks overall and per group, bands, change against Options.Previous) and builds the explanations. p
// is not modified and may keep accumulating. Errors: an *indicator.OptionError for a partial of another
// scorer or invalid Options.PreviousTallies (wrapping the *indicator.TreeError), a *indicator.TreeError
// when the counts are invalid or overflow int64, and the errors of Edition.ScoreTreeWith. Cost: O(units
// × metrics × depth) plus the calculators' reports and a few dozen decimal allocations per unit.
func (s *Scorer) Finish(p *Partial) (*Card, error) { return s.finish(p, nil) }

// finish is Finish, with hook (when not nil) receiving every verdict of the records judged at the end.
func (s *Scorer) finish(p *Partial, hook func(kind indicator.RecordKind, unit, code string, v indicator.Verdict)) (*Card, error) {
	if p == nil || p.s != s {
		return nil, optionError("Partial", errOtherScorer)
	}
	pex := newExplainer(s.k, &s.scored, 0)
	pex.merge(&p.ex)
	scope := &indicator.Scope{Aggregation: s.agg, Parents: s.parents, Subtree: s.subtree,
		Note: func(kind indicator.RecordKind, unit, code string, v indicator.Verdict) {
			if hook != nil {
				hook(kind, unit, code, v)
			}
			pex.noteRecord(kind, unit, code, v)
		}}
	card := &Card{Period: s.opts.Period, AsOf: s.opts.AsOf, Edition: s.edition.Name, Dossiers: p.n}
	counts := make(map[string]indicator.Tally)
	for _, a := range p.accs {
		r := a.Report(scope)
		for id, t := range r.Units {
			c := counts[id]
			c.Merge(t)
			counts[id] = c
		}
		card.Ledgers = append(card.Ledgers, r.Ledgers...)
		if r.Procedures != nil {
			card.Procedures = r.Procedures
		}
	}
	for id, n := range s.syncDen {
		c := counts[id]
		c.SyncReportDen = n
		counts[id] = c
	}
	for id, t := range counts {
		if !s.known[id] {
			if card.UnattributedCounts == nil {
				card.UnattributedCounts = make(map[string]indicator.Tally)
			}
			card.UnattributedCounts[id] = t
			card.Unattributed = append(card.Unattributed, id)
			delete(counts, id)
		}
	}
	sort.Strings(card.Unattributed)

	tree, err := indicator.NewTree(s.nodes, counts, indicator.TreeOptions{
		Aggregation: &s.agg, Edition: s.edition.Name, Period: s.opts.Period.String(),
	})
	if err != nil {
		return nil, err
	}
	so := indicator.TreeScoreOptions{Bands: s.opts.Bands, Rank: s.opts.Rank}
	if s.opts.Previous != nil {
		so.Previous = s.opts.Previous.Tree
	} else if s.opts.PreviousTallies != nil {
		prev := make(map[string]indicator.Tally, len(s.opts.PreviousTallies))
		for id, t := range s.opts.PreviousTallies {
			if s.known[id] {
				prev[id] = t
			}
		}
		pt, err := indicator.NewTree(s.nodes, prev, indicator.TreeOptions{Aggregation: &s.agg, Edition: s.edition.Name})
		if err != nil {
			return nil, optionError("Options.PreviousTallies", err)
		}
		so.Previous = pt
	}
	res, err := s.edition.ScoreTreeWith(tree, so)
	if err != nil {
		return nil, err
	}
	card.Tree, card.Result = tree, res
	card.index = make(map[string]int, len(res.Units))
	card.Units = make([]UnitCard, len(res.Units))
	for i, ur := range res.Units {
		card.index[ur.Unit.ID] = i
		card.Units[i] = UnitCard{UnitResult: ur, Explanations: s.explain(tree, pex.units, ur)}
	}
	return card, nil
}

// explain builds one unit's explanations of its pooled result.
func (s *Scorer) explain(tree *indicator.Tree, own map[string]*unitLost, ur indicator.UnitResult) []Explanation {
	out := []Explanation{} // JSON: [] rather than null
	for _, id := range indicator.IDs() {
		if !s.scored[id] {
			continue
		}
		mr := ur.Pooled.Metric(id)
		lost := mr.Max.Sub(mr.Score)
		short := mr.Den - mr.Num
		if short < 0 {
			short = 0
		}
		if lost.Sign() <= 0 && short == 0 {
			continue
		}
		var acc unitLost
		for _, uid := range s.sources(tree, ur.Unit.ID, id) {
			if u := own[uid]; u != nil {
				for _, e := range u.metrics[id] {
					acc.add(id, e.Reason, e.Count, e.Codes, s.k)
				}
			}
		}
		ex := Explanation{Metric: id, Num: mr.Num, Den: mr.Den, Score: mr.Score, Max: mr.Max, PointsLost: lost, Null: mr.Null,
			Reasons: []LostReason{}}
		var explained int64
		for _, e := range acc.metrics[id] {
			ex.Reasons = append(ex.Reasons, LostReason{Reason: e.Reason, Count: e.Count, Examples: append([]string(nil), e.Codes...)})
			explained += e.Count
		}
		if short > explained {
			ex.Reasons = append(ex.Reasons, LostReason{Reason: ReasonUnexplained, Count: short - explained})
		}
		base := s.edition.ScoreMetric(id, indicator.Count{Num: mr.Num, Den: mr.Den}).Score
		for i := range ex.Reasons {
			n := min(mr.Num+ex.Reasons[i].Count, mr.Den)
			ex.Reasons[i].Points = s.edition.ScoreMetric(id, indicator.Count{Num: n, Den: mr.Den}).Score.Sub(base)
		}
		sort.Slice(ex.Reasons, func(a, b int) bool {
			ra, rb := ex.Reasons[a], ex.Reasons[b]
			if ra.Count != rb.Count {
				return ra.Count > rb.Count
			}
			return ra.Reason < rb.Reason
		})
		out = append(out, ex)
	}
	return out
}

// sources returns the units whose own lost records make up unit's pooled metric id: the unit and all its
// descendants for PoolSum, the unit alone for PoolOwn, the computing ancestor for PoolCarryDown.
func (s *Scorer) sources(tree *indicator.Tree, unit string, id indicator.ID) []string {
	switch s.agg.Modes[id] {
	case indicator.PoolOwn:
		return []string{unit}
	case indicator.PoolCarryDown:
		cur := unit
		for {
			n, _ := tree.Unit(cur)
			for _, k := range s.agg.ComputingKinds {
				if n.Kind == k {
					return []string{cur}
				}
			}
			if n.Parent == "" {
				return []string{cur}
			}
			cur = n.Parent
		}
	}
	out := []string{unit}
	for i := 0; i < len(out); i++ {
		out = append(out, tree.Children(out[i])...)
	}
	return out
}
