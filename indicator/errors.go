package indicator

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error returned by this package wraps exactly one of them or one of the tree and
// band sentinels (tree_errors.go, band.go: ErrDuplicateUnit, ErrUnknownParent, ErrCycle, ErrBadBands …), so
// callers test with errors.Is and extract details with errors.As on the typed errors.
var (
	// ErrUnknownID: a metric id or portal code that is not in the catalogue (*IDError).
	ErrUnknownID = errors.New("indicator: unknown metric id")
	// ErrNegative: a negative count (*CountError).
	ErrNegative = errors.New("indicator: negative count")
	// ErrNumExceedsDen: a numerator (or a part of one) larger than its denominator (*CountError).
	ErrNumExceedsDen = errors.New("indicator: numerator exceeds denominator")
	// ErrOverflow: a count out of range (*CountError): above MaxCount, processing seconds beyond
	// MaxDossierSeconds per finished dossier, or a sum of counts that would exceed MaxCount or int64.
	ErrOverflow = errors.New("indicator: count out of range")
	// ErrBadJSON: a tally or ledger JSON document that does not have the documented shape (*DecodeError).
	ErrBadJSON = errors.New("indicator: malformed JSON")
	// ErrBadRule: an edition whose rule cannot be applied, e.g. a negative maximum or a non-positive
	// target (*RuleError).
	ErrBadRule = errors.New("indicator: invalid scoring rule")
)

// Causes wrapped by DecodeError (unexported: match DecodeError with errors.Is(err, ErrBadJSON)).
var (
	errNullTally    = errors.New("null or non-object value")
	errUnknownExtra = errors.New("unknown field")
	errDuplicate    = errors.New("duplicate metric")
	errDuplicateKey = errors.New("duplicate key")
	errNotObject    = errors.New("not a JSON object")
	errNotInteger   = errors.New("count is not an integer")
)

// IDError reports an unknown metric id, portal code or group.
type IDError struct {
	Input string // the text that was not recognised
}

// Error describes the unknown input.
func (e *IDError) Error() string { return fmt.Sprintf("indicator: unknown metric id %q", e.Input) }

// Unwrap returns ErrUnknownID.
func (e *IDError) Unwrap() error { return ErrUnknownID }

// CountError reports an invalid count in a Tally: which metric, which field ("num", "den", or an extra
// such as "extra.partialOnline"), and the offending values.
type CountError struct {
	Metric ID     // the metric the field belongs to
	Field  string // "num", "den", "num+den" or "extra.<name>"
	Num    int64  // the numerator (or the extra count) involved
	Den    int64  // the denominator it was compared with (0 when not applicable)
	Err    error  // ErrNegative, ErrNumExceedsDen or ErrOverflow
}

// Error names the metric, field, values and the sentinel.
func (e *CountError) Error() string {
	return fmt.Sprintf("indicator: metric %s field %s (num %d, den %d): %v", e.Metric, e.Field, e.Num, e.Den, e.Err)
}

// Unwrap returns the sentinel (ErrNegative, ErrNumExceedsDen or ErrOverflow).
func (e *CountError) Unwrap() error { return e.Err }

// DecodeError reports malformed JSON: the key (metric id or extra field) where decoding failed.
type DecodeError struct {
	Key string // the JSON key involved ("" for the document itself)
	Err error  // the underlying error (json syntax, ErrUnknownID, …)
}

// Error names the JSON key and the underlying problem.
func (e *DecodeError) Error() string {
	if e.Key == "" {
		return fmt.Sprintf("indicator: malformed JSON: %v", e.Err)
	}
	return fmt.Sprintf("indicator: malformed JSON at %q: %v", e.Key, e.Err)
}

// Is reports ErrBadJSON, so errors.Is(err, ErrBadJSON) holds for every DecodeError.
func (e *DecodeError) Is(target error) bool { return target == ErrBadJSON }

// Unwrap returns the underlying error.
func (e *DecodeError) Unwrap() error { return e.Err }

// RuleError reports an edition rule that cannot be applied.
type RuleError struct {
	Edition string // the edition's name
	Metric  ID     // the metric whose rule is wrong (0 for an edition-wide field)
	Field   string // "Max", "Target", "Kind", "Zero", "Places", …
	Reason  string // human-readable explanation
}

// Error names the edition, metric, field and reason.
func (e *RuleError) Error() string {
	return fmt.Sprintf("indicator: edition %q metric %s field %s: %s", e.Edition, e.Metric, e.Field, e.Reason)
}

// Unwrap returns ErrBadRule.
func (e *RuleError) Unwrap() error { return ErrBadRule }
