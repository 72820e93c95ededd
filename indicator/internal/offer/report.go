package offer

import (
	"slices"

	"github.com/vn-dvc/chiso766/indicator"
)

// Outcome is what a group-3 calculator's Report is made of: its Result's parts and the two steps that
// differ between the calculators.
type Outcome struct {
	Name              string                     // the ledger's calculator name ("online", "payment")
	Units             map[string]indicator.Tally // the Result's tallies; Report pools parents into it
	Ledger, Catalogue indicator.Ledger
	Procedures        []string       // the units with procedures, sorted
	Pooled            []indicator.ID // the metrics whose parent rows are pooled when any is PoolOwn
	// Pool sets t's pooled fields from the tally of the units ids (a parent's sub-tree) taken together,
	// counted under the parent's rule pr; own(m) tells whether m is PoolOwn.
	Pool func(ids []string, pr ParentRule, t *indicator.Tally, own func(indicator.ID) bool)
	// Explain notes unit's lost procedures; ids(ms...) returns the units whose procedures count for unit
	// and the rule they are counted under (its sub-tree and its ParentRule when it is a parent and one of
	// ms is PoolOwn, else unit alone and the zero rule).
	Explain func(unit string, ids func(ms ...indicator.ID) ([]string, ParentRule), note Note)
}

// Note is Explain's consumer of a lost procedure: its metric, its example code and its reason.
type Note func(m indicator.ID, code string, reason indicator.Reason)

// Report returns the indicator.Report of o under s: under PoolOwn, each parent's pooled fields replace its
// own (a parent row is added when it is not zero), and s.Note receives every lost procedure of every unit
// with procedures and of every parent as a RecordOffering verdict in the metric's denominator only.
func (o Outcome) Report(s *indicator.Scope) indicator.Report {
	rep := indicator.Report{Units: o.Units, Ledgers: []indicator.CalculatorLedger{{Calculator: o.Name, Records: o.Ledger, Catalogue: o.Catalogue}}}
	if s == nil {
		return rep
	}
	own := func(m indicator.ID) bool { return s.Subtree != nil && s.Aggregation.Modes[m] == indicator.PoolOwn }
	rules := ParentRules(s)
	if slices.ContainsFunc(o.Pooled, own) {
		for _, parent := range s.Parents {
			t, had := o.Units[parent]
			o.Pool(s.Subtree(parent), rules[parent], &t, own)
			if had || t != (indicator.Tally{}) {
				o.Units[parent] = t
			}
		}
	}
	if s.Note == nil {
		return rep
	}
	parents := slices.Sorted(slices.Values(s.Parents))
	units := slices.Concat(o.Procedures, parents)
	slices.Sort(units)
	for _, unit := range slices.Compact(units) {
		_, parent := slices.BinarySearch(parents, unit)
		ids := func(ms ...indicator.ID) ([]string, ParentRule) {
			if parent && slices.ContainsFunc(ms, own) {
				return s.Subtree(unit), rules[unit]
			}
			return []string{unit}, ParentRule{}
		}
		o.Explain(unit, ids, func(m indicator.ID, code string, reason indicator.Reason) {
			s.Note(indicator.RecordOffering, unit, code, indicator.Verdict{Metric: m, InDenominator: true, Reason: reason})
		})
	}
	return rep
}
