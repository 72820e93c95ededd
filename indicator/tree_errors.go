package indicator

import (
	"errors"
	"fmt"
	"strconv"
)

// Sentinel errors of unit trees (NewTree, DecodeTree, Edition.ScoreTree). They are returned inside a
// *TreeError, which names the unit and the field; test with errors.Is and extract the details with
// errors.As.
var (
	// ErrNoUnitID: a unit without an id.
	ErrNoUnitID = errors.New("indicator: unit without id")
	// ErrDuplicateUnit: two units with the same id.
	ErrDuplicateUnit = errors.New("indicator: duplicate unit id")
	// ErrUnknownParent: a unit whose parent id is not a unit of the tree.
	ErrUnknownParent = errors.New("indicator: unknown parent unit")
	// ErrCycle: parent links that form a cycle (a unit that is its own ancestor).
	ErrCycle = errors.New("indicator: cycle in unit tree")
	// ErrUnknownUnit: counts given for a unit id that is not in the tree.
	ErrUnknownUnit = errors.New("indicator: counts for an unknown unit")
	// ErrChildrenExceedParent: a unit whose counts are marked as already pooled (UnitNode.Pooled) has a
	// summed count smaller than the sum of its sub-units' counts, so its own counts would be negative.
	ErrChildrenExceedParent = errors.New("indicator: sub-units' counts exceed the pooled counts of their parent")
)

// TreeError reports a problem with one unit of a unit tree (or with the tree document itself): where it
// is, which field, and why. Err is one of the tree sentinels above, or the *CountError, *DecodeError or
// *RuleError describing the problem, so errors.Is(err, ErrNegative), errors.Is(err, ErrBadJSON) and
// errors.As(err, &countErr) work through it.
type TreeError struct {
	Index int    // the unit's position in the input (0-based); -1 when the problem is not tied to one unit
	Unit  string // the unit's id ("" when it has none or the problem is document-wide)
	Field string // "id", "parent", "counts", "counts.2.1.num", "units", … ("" for the whole document)
	Value string // the offending value when useful (the unknown parent id, the cycle), else ""
	Err   error  // the sentinel or typed error
}

func (e *TreeError) Error() string {
	where := "unit tree"
	switch {
	case e.Index >= 0 && e.Unit != "":
		where = "unit #" + strconv.Itoa(e.Index) + " " + strconv.Quote(e.Unit)
	case e.Index >= 0:
		where = "unit #" + strconv.Itoa(e.Index)
	case e.Unit != "":
		where = "unit " + strconv.Quote(e.Unit)
	}
	s := "indicator: " + where
	if e.Field != "" {
		s += " field " + e.Field
	}
	if e.Value != "" {
		s += fmt.Sprintf(" (%s)", e.Value)
	}
	return s + ": " + trimPrefix(e.Err)
}

// Unwrap returns the underlying sentinel or typed error.
func (e *TreeError) Unwrap() error { return e.Err }

// trimPrefix drops the package prefix of a nested error message so that it is not repeated.
func trimPrefix(err error) string {
	if err == nil {
		return "<nil>"
	}
	s := err.Error()
	const p = "indicator: "
	if len(s) > len(p) && s[:len(p)] == p {
		return s[len(p):]
	}
	return s
}
