package portaleval

import (
	"sort"

	"github.com/shopspring/decimal"
	"github.com/vn-dvc/chiso766/indicator"
)

// Cause is the likely reason of a difference between our score and the portal's, as far as the data
// shows it.
type Cause string

// Causes, in the order Reconcile tests them.
const (
	CauseNotInOurs    Cause = "unit-not-in-our-hierarchy" // the portal scores a unit our hierarchy does not have
	CauseNotPublished Cause = "unit-not-published"        // our unit has no row in the portal's response
	CauseNoInputs     Cause = "no-published-inputs"       // the portal publishes the score without its counts
	CauseTempDen      Cause = "temporary-denominator"     // the portal marks its denominator as temporary
	CauseUnsynced     Cause = "not-synced-or-rejected"    // our denominator is larger: dossiers not synced to, or rejected by, the portal
	CausePortalMore   Cause = "portal-counts-more"        // the portal's denominator is larger: records we do not hold
	CauseNumerator    Cause = "numerator-differs"         // same denominator, records judged differently
	CauseRule         Cause = "rule-differs"              // same counts, different score: a scoring rule differs
	CauseNone         Cause = ""                          // no difference
)

// Side is one side's numbers in a Row.
type Side struct {
	Num   Int    `json:"num"`
	Den   Int    `json:"den"`
	Score Number `json:"score"`
	Max   Number `json:"max"`
	// Computed is true when Score is not published but computed by the edition from the published counts
	// (the per-metric scores of the tree endpoints: the portal publishes their group score only).
	Computed bool `json:"computed,omitempty"`
}

// Row is one unit × metric line of a reconciliation: ours (from records) against theirs (the portal's).
// Metric 0 is a group line (Group set), used where the portal publishes a group score without inputs.
type Row struct {
	Unit   string          `json:"unit"`
	Name   string          `json:"name,omitempty"`
	Metric indicator.ID    `json:"metric,omitempty"` // 0 (omitted) on group lines
	Group  indicator.Group `json:"group"`
	Ours   Side            `json:"ours"`
	Theirs Side            `json:"theirs"`
	// Points is the portal's score minus ours (null scores count 0); PointsAtStake its absolute value.
	Points        decimal.Decimal `json:"points"`
	PointsAtStake decimal.Decimal `json:"pointsAtStake"`
	Cause         Cause           `json:"cause"`
	// DataQuality is the portal's data-quality status of the row, if any.
	DataQuality string `json:"dataQuality,omitempty"`
}

// Table is a reconciliation, rows sorted by points at stake (largest first), then unit order (ours, then
// the portal's extra units), then metric.
type Table struct {
	Period    string `json:"period"`
	Procedure string `json:"procedure,omitempty"`
	Edition   string `json:"edition"`
	Rows      []Row  `json:"rows"`
}

// Reconcile compares our card (a scored tree, e.g. scorecard.Card.Result) with the portal's evaluation of
// the same period and scope, unit by unit (by code) and metric by metric, for every metric the portal
// publishes: ours is the unit's pooled result; theirs the published counts and score (for the tree
// endpoints, whose metric scores are not published, the score e computes from the published counts,
// Side.Computed). A unit whose row publishes no inputs (provide-online-tree's children) gives one group
// line (CauseNoInputs). Units on one side only give rows with CauseNotInOurs or CauseNotPublished — never
// dropped. Scores are exact decimals; Points = theirs − ours. e should be the edition our card was scored
// with (EditionFor(e, procedure) is applied for the portal's side); ours may be nil (every published
// unit is then CauseNotInOurs). Errors: ErrShape for a nil theirs; the *Error wrapping the
// *indicator.CountError or *indicator.RuleError of scoring a published tally. Cost: O(units × metrics)
// plus one Edition.Score per published unit and endpoint.
func Reconcile(ours *indicator.TreeResult, theirs *Evaluation, e indicator.Edition) (*Table, error) {
	if theirs == nil {
		return nil, errNilEvaluation
	}
	pe := EditionFor(e, theirs.Procedure)
	t := &Table{Period: theirs.Period, Procedure: theirs.Procedure, Edition: pe.Name}
	order := map[string]int{}
	var ourUnits []indicator.UnitResult
	if ours != nil {
		ourUnits = ours.Units
	}
	for i, u := range ourUnits {
		order[u.Unit.ID] = i
	}
	for _, k := range theirs.order {
		if _, ok := order[k]; !ok {
			order[k] = len(order)
		}
	}
	for _, r := range theirs.Responses {
		g := r.Endpoint.Group()
		if g == 0 {
			continue
		}
		published := make(map[string]bool, len(r.Units))
		for i := range r.Units {
			pu := &r.Units[i]
			k := pu.Key()
			published[k] = true
			var our *indicator.UnitResult
			if ours != nil {
				if u, ok := ours.Unit(k); ok {
					our = &u
				}
			}
			rows, err := unitRows(r, pu, g, our, pe)
			if err != nil {
				return nil, err
			}
			t.Rows = append(t.Rows, rows...)
		}
		// Our units this response does not publish: one group line each.
		for _, u := range ourUnits {
			if published[u.Unit.ID] {
				continue
			}
			gr := u.Pooled.Group(g)
			row := Row{Unit: u.Unit.ID, Name: u.Unit.Name, Group: g, Cause: CauseNotPublished,
				Ours: Side{Score: Number{gr.Score, true}, Max: Number{gr.Max, true}}}
			row.setPoints()
			t.Rows = append(t.Rows, row)
		}
	}
	sort.SliceStable(t.Rows, func(i, j int) bool {
		a, b := &t.Rows[i], &t.Rows[j]
		if c := a.PointsAtStake.Cmp(b.PointsAtStake); c != 0 {
			return c > 0
		}
		if order[a.Unit] != order[b.Unit] {
			return order[a.Unit] < order[b.Unit]
		}
		if a.Group != b.Group {
			return a.Group < b.Group
		}
		return a.Metric < b.Metric
	})
	return t, nil
}

func (r *Row) setPoints() {
	var a, b decimal.Decimal
	if r.Theirs.Score.Valid {
		a = r.Theirs.Score.Value
	}
	if r.Ours.Score.Valid {
		b = r.Ours.Score.Value
	}
	r.Points = a.Sub(b)
	r.PointsAtStake = r.Points.Abs()
}

func ourSide(m indicator.MetricResult) Side {
	return Side{Num: Int{m.Num, true}, Den: Int{m.Den, true}, Score: Number{m.Score, !m.Null}, Max: Number{m.Max, true}}
}

// unitRows builds the rows of one published unit of one endpoint.
func unitRows(r *Response, pu *Unit, g indicator.Group, our *indicator.UnitResult, pe indicator.Edition) ([]Row, error) {
	k := pu.Key()
	base := Row{Unit: k, Name: pu.Name, Group: g}
	if our != nil && our.Unit.Name != "" {
		base.Name = our.Unit.Name
	}
	if !pu.Inputs {
		row := base
		row.Theirs = Side{Score: pu.Score, Max: pu.Max}
		row.Cause = CauseNoInputs
		if our != nil {
			gr := our.Pooled.Group(g)
			row.Ours = Side{Score: Number{gr.Score, true}, Max: Number{gr.Max, true}}
		} else {
			row.Cause = CauseNotInOurs
		}
		row.setPoints()
		return []Row{row}, nil
	}
	var res indicator.Result
	computed := len(pu.Metrics) == 0
	if computed {
		var err error
		if res, err = pe.Score(pu.Tally); err != nil {
			return nil, &Error{Endpoint: r.Endpoint, Index: pu.Index, Unit: k, Field: "tally", Err: err}
		}
	}
	var rows []Row
	add := func(id indicator.ID, theirs Side, dq string) {
		row := base
		row.Metric, row.Theirs, row.DataQuality = id, theirs, dq
		if our != nil {
			row.Ours = ourSide(our.Pooled.Metric(id))
		}
		row.Cause = cause(row, our != nil)
		row.setPoints()
		rows = append(rows, row)
	}
	if computed {
		for _, id := range indicator.IDs() {
			if id.Group() != g || pe.Rules[id].Kind == indicator.Unscored {
				continue
			}
			m := res.Metric(id)
			add(id, Side{Num: Int{m.Num, true}, Den: Int{m.Den, true}, Score: Number{m.Score, !m.Null}, Max: Number{m.Max, true}, Computed: true}, "")
		}
		return rows, nil
	}
	for _, m := range pu.Metrics {
		if m.Metric == 0 || m.Staff || !m.Max.Valid || m.Max.Value.IsZero() {
			continue // unknown codes are Problems; 5.0 is unscored
		}
		add(m.Metric, Side{Num: m.Num, Den: m.Den, Score: m.Score, Max: m.Max}, m.DataQuality)
	}
	return rows, nil
}

// cause picks the likely cause of a row's difference from the counts.
func cause(r Row, inOurs bool) Cause {
	o, t := r.Ours, r.Theirs
	switch {
	case !inOurs:
		return CauseNotInOurs
	case !t.Num.Valid && !t.Den.Valid && !t.Score.Valid:
		return CauseNoInputs
	}
	same := o.Num.Value == t.Num.Value && o.Den.Value == t.Den.Value // null counts are empty counts
	scoreSame := o.Score.Valid == t.Score.Valid && (!o.Score.Valid || o.Score.Value.Equal(t.Score.Value))
	switch {
	case same && scoreSame:
		return CauseNone
	case r.DataQuality == TempDenominator:
		return CauseTempDen
	case o.Den.Value > t.Den.Value:
		return CauseUnsynced
	case o.Den.Value < t.Den.Value:
		return CausePortalMore
	case o.Num.Value != t.Num.Value:
		return CauseNumerator
	}
	return CauseRule
}
