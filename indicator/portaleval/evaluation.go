package portaleval

import (
	"fmt"

	"github.com/shopspring/decimal"
	"github.com/vn-dvc/chiso766/indicator"
)

// Evaluation is the portal's evaluation of one unit tree for one period and scope: the responses of
// several endpoints combined, units identified by their code.
type Evaluation struct {
	Period    string
	Procedure string
	// Responses in the order given (at most one per endpoint).
	Responses []*Response
	// Problems: every Response.Problems, plus the units whose code could not be resolved (ErrUnknownUnit:
	// transparency and handling-satisfaction publish only the departmentId; the code comes from another
	// endpoint's row with the same departmentId).
	Problems []*Error
	root     string
	order    []string
	units    map[string]*evalUnit
}

type evalUnit struct {
	code, name, kindLabel, level string
	parent                       bool
	tally                        indicator.Tally
}

// NewEvaluation combines responses of the same period and procedure (at most one per endpoint) and
// resolves every unit's code: a unit without departmentCode gets the code of a unit with the same
// departmentId in another response; units that stay without a code are kept under their departmentId and
// reported in Problems (ErrUnknownUnit). It fills the codes into the responses' units (they are shared,
// not copied). Errors (*Error): ErrMixedScope for different periods or procedures, two responses of one
// endpoint, or parents with different codes. Cost: O(units × endpoints).
func NewEvaluation(rs ...*Response) (*Evaluation, error) {
	ev := &Evaluation{units: map[string]*evalUnit{}}
	seen := map[Endpoint]bool{}
	idCode := map[string]string{}
	for i, r := range rs {
		if r == nil {
			return nil, &Error{Index: -1, Err: fmt.Errorf("%w: response %d is nil", ErrShape, i)}
		}
		if i == 0 {
			ev.Period, ev.Procedure = r.Period, r.Procedure
		} else if r.Period != ev.Period || r.Procedure != ev.Procedure {
			return nil, &Error{Endpoint: r.Endpoint, Index: -1, Err: fmt.Errorf("%w: %q/%q after %q/%q",
				ErrMixedScope, r.Period, r.Procedure, ev.Period, ev.Procedure)}
		}
		if seen[r.Endpoint] {
			return nil, &Error{Endpoint: r.Endpoint, Index: -1, Err: fmt.Errorf("%w: endpoint given twice", ErrMixedScope)}
		}
		seen[r.Endpoint] = true
		for _, u := range r.Units {
			if u.Code != "" && u.ID != "" {
				idCode[u.ID] = u.Code
			}
		}
		ev.Responses = append(ev.Responses, r)
	}
	for _, r := range ev.Responses {
		ev.Problems = append(ev.Problems, r.Problems...)
		for i := range r.Units {
			u := &r.Units[i]
			if u.Code == "" {
				if c, ok := idCode[u.ID]; ok {
					u.Code = c
				} else {
					ev.Problems = append(ev.Problems, &Error{Endpoint: r.Endpoint, Index: u.Index, Unit: u.Key(),
						Field: "departmentCode", Err: fmt.Errorf("%w: no departmentCode for departmentId %q in any response", ErrUnknownUnit, u.ID)})
				}
			}
			k := u.Key()
			if u.Parent {
				if ev.root != "" && ev.root != k {
					return nil, &Error{Endpoint: r.Endpoint, Index: -1, Unit: k, Err: fmt.Errorf("%w: parent %q, another response's parent is %q", ErrMixedScope, k, ev.root)}
				}
				ev.root = k
			}
			eu := ev.units[k]
			if eu == nil {
				eu = &evalUnit{code: k}
				ev.units[k] = eu
				ev.order = append(ev.order, k)
			}
			eu.parent = eu.parent || u.Parent
			if eu.name == "" {
				eu.name = u.Name
			}
			if eu.kindLabel == "" {
				eu.kindLabel = u.Type
			}
			if eu.level == "" {
				eu.level = u.Level
			}
			eu.tally.Merge(u.Tally) // endpoints publish disjoint metrics
		}
	}
	return ev, nil
}

// Root returns the code of the parent (overview) unit, "" when no response has one.
func (ev *Evaluation) Root() string {
	if ev == nil {
		return ""
	}
	return ev.root
}

// errNilEvaluation is returned by the methods of a nil *Evaluation.
var errNilEvaluation = &Error{Index: -1, Err: fmt.Errorf("%w: nil evaluation", ErrShape)}

// Units returns the unit codes (departmentId where unresolved) in first-seen order, the parent first
// when the first response has one. Cost: O(units).
func (ev *Evaluation) Units() []string {
	if ev == nil {
		return nil
	}
	return append([]string(nil), ev.order...)
}

// Tally returns what the portal publishes for a unit, all endpoints merged; ok is false for an unknown
// code. Cost: O(1).
func (ev *Evaluation) Tally(code string) (indicator.Tally, bool) {
	if ev == nil {
		return indicator.Tally{}, false
	}
	u, ok := ev.units[code]
	if !ok {
		return indicator.Tally{}, false
	}
	return u.tally, true
}

// Unit returns the published rows of a unit in one endpoint's response; ok is false when the endpoint
// or the unit is not in the evaluation. Cost: O(units of the response).
func (ev *Evaluation) Unit(e Endpoint, code string) (*Unit, bool) {
	if ev == nil {
		return nil, false
	}
	for _, r := range ev.Responses {
		if r.Endpoint != e {
			continue
		}
		for i := range r.Units {
			if r.Units[i].Key() == code {
				return &r.Units[i], true
			}
		}
	}
	return nil, false
}

func (eu *evalUnit) kind() indicator.UnitKind {
	if k, ok := indicator.PortalKind(eu.kindLabel); ok {
		return k
	}
	switch {
	case eu.parent:
		return indicator.KindProvince
	case eu.level == "COMMUNE":
		return indicator.KindCommune
	case eu.level == "PROVINCE":
		return indicator.KindDepartment
	}
	return indicator.UnitKind(eu.level)
}

// Tree builds the unit tree of the portal's own numbers, ready for indicator.Edition.ScoreTree: the parent
// marked Pooled (its counts include the children, as published), every other unit its child. The
// 2.1 extras Overdue and Completed are left out of the tree (the portal publishes totalOverdue on children
// only and totalCompleted on the parent only, so they cannot pool; they are reported, not scored, and stay
// in each Unit's Tally). Units of the 3a children have no 3a counts (Unit.Inputs false): their group 3a
// scores from the tree are not the portal's (use Verify for what is reproducible). opt's Period defaults
// to ev.Period. Errors: ErrShape for a nil evaluation; the *indicator.TreeError of NewTree (e.g. ErrChildrenExceedParent when the
// children's counts exceed the parent's). Cost: NewTree's.
func (ev *Evaluation) Tree(opt indicator.TreeOptions) (*indicator.Tree, error) {
	if ev == nil {
		return nil, errNilEvaluation
	}
	if opt.Period == "" {
		opt.Period = ev.Period
	}
	nodes := make([]indicator.UnitNode, 0, len(ev.order))
	counts := make(map[string]indicator.Tally, len(ev.order))
	for _, k := range ev.order {
		eu := ev.units[k]
		n := indicator.UnitNode{ID: k, Name: eu.name, Kind: eu.kind()}
		if k == ev.root {
			n.Pooled = true
		} else {
			n.Parent = ev.root
		}
		nodes = append(nodes, n)
		tl := eu.tally
		tl.Overdue, tl.Completed = 0, 0
		counts[k] = tl
	}
	return indicator.NewTree(nodes, counts, opt)
}

// Status is the outcome of one published row in a Verification.
type Status string

// Statuses of a checked row.
const (
	Reproduced Status = "reproduced" // score, maximum and (where published) ratio equal the library's
	Mismatch   Status = "mismatch"   // the library computes something else from the published counts
	NoInputs   Status = "no-inputs"  // the row publishes a score without the counts behind it
	Unknown    Status = "unknown"    // a metric code the mapping does not know (see Problems)
)

// Check is one published row (a metric row, or the group row with Metric 0) compared with the library's
// score of the row's published counts.
type Check struct {
	Endpoint Endpoint     `json:"endpoint"`
	Unit     string       `json:"unit"`
	Metric   indicator.ID `json:"metric,omitempty"` // 0 for the group row
	Code     string       `json:"code"`             // the metric code ("group" for the group row)
	Status   Status       `json:"status"`
	// Published and computed score, maximum and ratio (computed ones invalid when not computed).
	Score, WantScore Number
	Max, WantMax     Number
	Ratio, WantRatio Number
	Detail           string `json:"detail,omitempty"`
}

// Verification lists every checked row and counts them by status.
type Verification struct {
	Checks  []Check
	ByCount map[Status]int
}

// Verify scores every unit of every response with EditionFor(base, ev.Procedure) from its published
// counts and compares each published score, maximum and ratio with the result, exactly (decimal Equal):
// the group row of every unit and every metric row. A null published score must be a null result. Rows
// of a unit without inputs are NoInputs; rows with an unknown code are Unknown. The 5.0 staff row's
// ratio is PetitionsStaff / Counts[M50].Den as a percent at the edition's places. Errors: ErrShape for a
// nil evaluation; the
// *indicator.CountError or *indicator.RuleError of Edition.Score. Cost: one Edition.Score per unit and
// response.
func (ev *Evaluation) Verify(base indicator.Edition) (Verification, error) {
	if ev == nil {
		return Verification{}, errNilEvaluation
	}
	e := EditionFor(base, ev.Procedure)
	v := Verification{ByCount: map[Status]int{}}
	add := func(c Check) {
		v.Checks = append(v.Checks, c)
		v.ByCount[c.Status]++
	}
	for _, r := range ev.Responses {
		g := r.Endpoint.Group()
		for i := range r.Units {
			u := &r.Units[i]
			group := Check{Endpoint: r.Endpoint, Unit: u.Key(), Code: "group", Score: u.Score, Max: u.Max, Ratio: u.Ratio}
			if !u.Inputs || g == 0 {
				group.Status, group.Detail = NoInputs, "the portal publishes this score without its inputs"
				if g == 0 {
					group.Detail = "endpoint without a portal group"
				}
				add(group)
				for _, m := range u.Metrics {
					add(Check{Endpoint: r.Endpoint, Unit: u.Key(), Metric: m.Metric, Code: m.Code, Status: NoInputs,
						Score: m.Score, Max: m.Max, Ratio: m.Ratio, Detail: group.Detail})
				}
				continue
			}
			res, err := e.Score(u.Tally)
			if err != nil {
				return Verification{}, &Error{Endpoint: r.Endpoint, Index: u.Index, Unit: u.Key(), Field: "tally", Err: err}
			}
			gr := res.Group(g)
			group.WantScore = Number{gr.Score, true}
			group.WantMax = Number{gr.Max, true}
			group.WantRatio = Number{gr.Ratio, true}
			add(judge(group))
			for _, m := range u.Metrics {
				c := Check{Endpoint: r.Endpoint, Unit: u.Key(), Metric: m.Metric, Code: m.Code, Score: m.Score, Max: m.Max, Ratio: m.Ratio}
				if m.Metric == 0 {
					c.Status, c.Detail = Unknown, "unknown metric code"
					add(c)
					continue
				}
				mr := res.Metric(m.Metric)
				c.WantScore = Number{mr.Score, !mr.Null}
				c.WantMax = Number{mr.Max, true}
				c.WantRatio = Number{mr.Ratio, true}
				if m.Staff {
					c.WantScore = Number{}
					if den := u.Tally.Counts[indicator.M50].Den; den > 0 {
						c.WantRatio.Value = decimal.NewFromInt(u.Tally.PetitionsStaff).Shift(2).DivRound(decimal.NewFromInt(den), e.Places)
					}
				}
				add(judge(c))
			}
		}
	}
	return v, nil
}

// judge sets Status from the published and computed values.
func judge(c Check) Check {
	switch {
	case c.Score.Valid != c.WantScore.Valid:
		c.Status, c.Detail = Mismatch, "null score on one side only"
	case c.Score.Valid && !c.Score.Value.Equal(c.WantScore.Value):
		c.Status, c.Detail = Mismatch, "score differs"
	case c.Max.Valid && !c.Max.Value.Equal(c.WantMax.Value):
		c.Status, c.Detail = Mismatch, "maximum differs"
	case c.Ratio.Valid && !c.Ratio.Value.Equal(c.WantRatio.Value):
		c.Status, c.Detail = Mismatch, "ratio differs"
	default:
		c.Status = Reproduced
	}
	return c
}
