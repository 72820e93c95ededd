package scorecard

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/online"
	"github.com/vn-dvc/chiso766/indicator/payment"
	"github.com/vn-dvc/chiso766/indicator/publication"
	"github.com/vn-dvc/chiso766/indicator/timeliness"
	"github.com/vn-dvc/chiso766/model"
)

// Scorecard reason codes for lost points that no record verdict carries.
const (
	// ReasonProcedureNotPaidOnline: a fee-bearing procedure offered by the unit none of whose dossiers in
	// the period was paid online (3.4's denominator, not its numerator). Examples are procedure codes.
	ReasonProcedureNotPaidOnline indicator.Reason = "scorecard.procedure_not_paid_online"
	// ReasonProcedureNoFeeData: a fee-bearing procedure offered by the unit none of whose dossiers carried
	// fee data (3.5). Examples are procedure codes.
	ReasonProcedureNoFeeData indicator.Reason = "scorecard.procedure_no_fee_data"
	// ReasonProcedureNotOnline: a procedure under the unit's authority offered with no online service
	// (3.1's denominator, not its numerator). Examples are procedure codes.
	ReasonProcedureNotOnline indicator.Reason = "scorecard.procedure_not_online"
	// ReasonServiceWithoutOnlineDossier: an online service of the unit that received no online dossier in
	// the period (3.2). Examples are procedure codes (prefixed with the unit id, "H44.03/1.000123", in a
	// parent's explanation).
	ReasonServiceWithoutOnlineDossier indicator.Reason = "scorecard.service_without_online_dossier"
	// ReasonUnexplained: the part of a metric's shortfall (denominator − numerator) that no record verdict
	// explains — counts supplied from outside (1.4's reporting denominator), counts the scorecard does not
	// see record by record (4.4's communes, 4.6a's procedures), or pooling rules that are not sums.
	ReasonUnexplained indicator.Reason = "scorecard.unexplained"
)

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
	// Procedures is the per-procedure breakdown of 2.1 and 2.2 over all units (INDICATORS.md §3: 2.2
	// "shown per procedure"; §6: per-procedure breakdowns), keyed by procedure code.
	Procedures map[string]timeliness.ProcedureStats

	index map[string]int
}

// CalculatorLedger is one calculator's accounting: Records for the streamed records (Read == Counted +
// Excluded) and Catalogue for the preloaded inputs it read (procedures, offerings, communes), when it
// keeps one.
type CalculatorLedger struct {
	Calculator string           `json:"calculator"`
	Records    indicator.Ledger `json:"records"`
	Catalogue  indicator.Ledger `json:"catalogue"`
}

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

// Finish turns a partial state into a Card: it collects every calculator's per-unit tallies (dossier
// counts and catalogue counts), builds the indicator tree over Inputs.Units (pooling parents), scores it
// with the edition (scores, ranks overall and per group, bands, change against Options.Previous) and
// builds the explanations. p is not modified and may keep accumulating. Errors: a *indicator.TreeError
// when the counts are invalid (not expected from the calculators) or overflow int64, an *OptionError
// wrapping the *indicator.TreeError of invalid Options.PreviousTallies, and the errors of
// Edition.ScoreTreeWith. Cost: O(units × metrics × depth) plus a few dozen decimal allocations per unit.
func (s *Scorer) Finish(p *Partial) (*Card, error) {
	if p == nil || p.s != s {
		return nil, &OptionError{Field: "Partial", Err: fmt.Errorf("not a partial of this scorer")}
	}
	pex := newExplainer(s.k, &s.scored, 0)
	pex.merge(&p.ex)
	pacc := s.pub.NewAccumulator()
	pacc.Merge(p.pub)
	for i := range s.procedures {
		v := s.pub.ClassifyProcedure(&s.procedures[i])
		pacc.AddProcedure(v)
		for _, j := range v.Judgements {
			if j.InDenominator && !j.InNumerator && j.UnitID != "" && j.Metric.Valid() && s.scored[j.Metric] {
				pex.unit(j.UnitID).add(j.Metric, j.Reason, 1, []string{v.Code}, s.k)
			}
		}
	}
	br := pacc.Result()
	tr := p.tim.Result()
	or := p.onl.Result()
	pr := p.pay.Result()
	dr := p.dig.Result()
	sacc := p.s.sat.NewAccumulator()
	sacc.Merge(p.sat)
	var pbuf []indicator.Verdict
	for i := range s.petitions {
		v := s.sat.ClassifyPetition(&s.petitions[i])
		sacc.AddPetition(v)
		pbuf = v.AppendVerdicts(pbuf[:0])
		pex.note(-1, v.Unit, v.ID, pbuf)
	}
	sr := sacc.Result()

	counts := make(map[string]indicator.Tally)
	add := func(units map[string]indicator.Tally) {
		for id, t := range units {
			c := counts[id]
			c.Merge(t)
			counts[id] = c
		}
	}
	add(br.Units)
	add(tr.Units)
	add(or.Units)
	add(pr.Units)
	add(dr.Units)
	add(sr.Units)
	// Group 3b's procedure counts of a parent are distinct procedures over its sub-tree (payment.Result.Pool),
	// which the tree takes as the parent's own counts under PoolOwn.
	if s.agg.Modes[indicator.M34] == indicator.PoolOwn || s.agg.Modes[indicator.M35] == indicator.PoolOwn {
		for parent := range s.kids {
			pooled := pr.Pool(s.subtree(parent))
			c := counts[parent]
			for _, id := range []indicator.ID{indicator.M34, indicator.M35} {
				if s.agg.Modes[id] == indicator.PoolOwn {
					c.Counts[id] = pooled.Counts[id]
				}
			}
			c.FeeProceduresWithDossiers = pooled.FeeProceduresWithDossiers
			if c != (indicator.Tally{}) {
				counts[parent] = c
			}
		}
	}
	// Likewise 3.1 (distinct procedures at their highest level) and 3.2 (services summed) of a parent
	// (online.Result.Pool).
	if s.agg.Modes[indicator.M31] == indicator.PoolOwn || s.agg.Modes[indicator.M32] == indicator.PoolOwn {
		for parent := range s.kids {
			pooled := or.Pool(s.subtree(parent))
			c := counts[parent]
			if s.agg.Modes[indicator.M31] == indicator.PoolOwn {
				c.Counts[indicator.M31] = pooled.Counts[indicator.M31]
				c.PartialOnline, c.FullOnline, c.FullOnlineEligible = pooled.PartialOnline, pooled.FullOnline, pooled.FullOnlineEligible
			}
			if s.agg.Modes[indicator.M32] == indicator.PoolOwn {
				c.Counts[indicator.M32] = pooled.Counts[indicator.M32]
			}
			if c != (indicator.Tally{}) {
				counts[parent] = c
			}
		}
	}
	for parent, n := range s.pooled46a {
		c := counts[parent]
		c.Counts[indicator.M46a] = n
		if c != (indicator.Tally{}) {
			counts[parent] = c
		}
	}
	for id, n := range s.syncDen {
		c := counts[id]
		c.SyncReportDen = n
		counts[id] = c
	}

	card := &Card{
		Period: s.opts.Period, AsOf: s.opts.AsOf, Edition: s.edition.Name, Dossiers: p.dossiers,
		Procedures: tr.Procedures,
		Ledgers: []CalculatorLedger{
			{Calculator: "publication", Records: br.Ledger},
			{Calculator: "publication.1.1", Records: br.Ledger11},
			{Calculator: "publication.1.2", Records: br.Ledger12},
			{Calculator: "publication.1.3", Records: br.Ledger13},
			{Calculator: "timeliness", Records: tr.Ledger},
			{Calculator: "online", Records: or.Ledger, Catalogue: or.Catalogue},
			{Calculator: "payment", Records: pr.Ledger, Catalogue: pr.Catalogue},
			{Calculator: "digitisation", Records: dr.Ledger, Catalogue: dr.Catalogue},
			{Calculator: "satisfaction", Records: sr.Ledger},
			{Calculator: "satisfaction.petitions", Records: sr.Petitions},
		},
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
			return nil, &OptionError{Field: "Options.PreviousTallies", Err: err}
		}
		so.Previous = pt
	}
	res, err := s.edition.ScoreTreeWith(tree, so)
	if err != nil {
		return nil, err
	}
	card.Tree, card.Result = tree, res

	// Explanations: own lost records per unit (dossier verdicts + procedure flags), pooled per metric
	// following the tree's aggregation.
	own := pex.units
	for unit := range s.known {
		s.explainProcedures(own, unit, pr)
		s.explainOnline(own, unit, or)
	}
	for unit := range card.UnattributedCounts {
		s.explainProcedures(own, unit, pr)
		s.explainOnline(own, unit, or)
	}
	card.index = make(map[string]int, len(res.Units))
	card.Units = make([]UnitCard, len(res.Units))
	for i, ur := range res.Units {
		card.index[ur.Unit.ID] = i
		card.Units[i] = UnitCard{UnitResult: ur, Explanations: s.explain(tree, own, ur)}
	}
	return card, nil
}

// explainProcedures adds the 3.4/3.5 lost procedures of unit: its own fee-bearing offered procedures, or,
// under PoolOwn for a parent, the distinct procedures of its sub-tree (a procedure counts as paid online or
// carrying fee data when any unit's dossiers made it so, as payment.Result.Pool counts them).
func (s *Scorer) explainProcedures(own map[string]*unitLost, unit string, pr payment.Result) {
	type flags struct{ paid, fee bool }
	procs := map[string]flags{}
	var order []string
	ids := []string{unit}
	if len(s.kids[unit]) > 0 && (s.agg.Modes[indicator.M34] == indicator.PoolOwn || s.agg.Modes[indicator.M35] == indicator.PoolOwn) {
		ids = s.subtree(unit)
	}
	for _, id := range ids {
		for _, p := range pr.Procedures[id] {
			f, seen := procs[p.Code]
			if !seen {
				order = append(order, p.Code)
			}
			procs[p.Code] = flags{paid: f.paid || p.PaidOnline, fee: f.fee || p.FeeData}
		}
	}
	if len(procs) == 0 {
		return
	}
	u := own[unit]
	if u == nil {
		u = new(unitLost)
		own[unit] = u
	}
	for _, code := range order {
		f := procs[code]
		if !f.paid {
			u.add(indicator.M34, ReasonProcedureNotPaidOnline, 1, []string{code}, s.k)
		}
		if !f.fee {
			u.add(indicator.M35, ReasonProcedureNoFeeData, 1, []string{code}, s.k)
		}
	}
}

// explainOnline adds the 3.1 procedures without an online service and the 3.2 services without an online
// dossier of unit: its own, or, under PoolOwn for a parent, those of its sub-tree (3.1 distinct at the
// highest level, as online.Result.Pool counts them; 3.2 per unit).
func (s *Scorer) explainOnline(own map[string]*unitLost, unit string, or online.Result) {
	ids31, ids32 := []string{unit}, []string{unit}
	if len(s.kids[unit]) > 0 {
		if s.agg.Modes[indicator.M31] == indicator.PoolOwn {
			ids31 = s.subtree(unit)
		}
		if s.agg.Modes[indicator.M32] == indicator.PoolOwn {
			ids32 = s.subtree(unit)
		}
	}
	best := map[string]model.OnlineLevelCode{}
	var order []string
	for _, id := range ids31 {
		for _, p := range or.Procedures[id] {
			l, seen := best[p.Code]
			if !seen {
				order = append(order, p.Code)
			}
			best[p.Code] = max(l, p.Level)
		}
	}
	var u *unitLost
	get := func() *unitLost {
		if u == nil {
			if u = own[unit]; u == nil {
				u = new(unitLost)
				own[unit] = u
			}
		}
		return u
	}
	for _, code := range order {
		if l := best[code]; l != model.OnlinePartial && l != model.OnlineFull {
			get().add(indicator.M31, ReasonProcedureNotOnline, 1, []string{code}, s.k)
		}
	}
	for _, id := range ids32 {
		for _, p := range or.Procedures[id] {
			if p.Service && !p.OnlineDossier {
				ex := p.Code
				if id != unit {
					ex = id + "/" + p.Code
				}
				get().add(indicator.M32, ReasonServiceWithoutOnlineDossier, 1, []string{ex}, s.k)
			}
		}
	}
}

// explain builds one unit's explanations of its pooled result.
func (s *Scorer) explain(tree *indicator.Tree, own map[string]*unitLost, ur indicator.UnitResult) []Explanation {
	var out []Explanation
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
					acc.add(id, e.reason, e.count, e.codes, s.k)
				}
			}
		}
		ex := Explanation{Metric: id, Num: mr.Num, Den: mr.Den, Score: mr.Score, Max: mr.Max, PointsLost: lost, Null: mr.Null}
		var explained int64
		for _, e := range acc.metrics[id] {
			ex.Reasons = append(ex.Reasons, LostReason{Reason: e.reason, Count: e.count, Examples: append([]string(nil), e.codes...)})
			explained += e.count
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

// judgements turns publication judgements into (unit, verdict) pairs.
func judgements(js []publication.Judgement) []publicationJudgement {
	out := make([]publicationJudgement, 0, len(js))
	for _, j := range js {
		out = append(out, publicationJudgement{unit: j.UnitID, v: indicator.Verdict{
			Metric: j.Metric, InDenominator: j.InDenominator, InNumerator: j.InNumerator, Reason: j.Reason}})
	}
	return out
}

// publicationJudgement is one 1.1–1.3 judgement as a unit and a metric verdict.
type publicationJudgement struct {
	unit string
	v    indicator.Verdict
}
