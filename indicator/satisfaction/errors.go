package satisfaction

import (
	"errors"
	"fmt"
)

// Sentinel errors wrapped by *OptionError; test with errors.Is.
var (
	// ErrOptionMissing: a required Options field is zero.
	ErrOptionMissing = errors.New("satisfaction: required option missing")
	// ErrOptionInvalid: an Options field holds a value the calculator cannot use.
	ErrOptionInvalid = errors.New("satisfaction: invalid option")
)

// OptionError reports a bad Options field given to New: the field's name (with an index for slice
// elements, e.g. "Ratings[3].DossierCode") and the cause, ErrOptionMissing or ErrOptionInvalid.
type OptionError struct {
	Field string // the Options field, e.g. "Period" or "Ratings[2].DossierCode"
	Err   error  // ErrOptionMissing or ErrOptionInvalid, possibly wrapped with detail
}

// Error names the field and the cause.
func (e *OptionError) Error() string {
	return fmt.Sprintf("satisfaction: option %s: %v", e.Field, e.Err)
}

// Unwrap returns the cause, so errors.Is(err, ErrOptionMissing) and errors.Is(err, ErrOptionInvalid) work.
func (e *OptionError) Unwrap() error { return e.Err }
