package indicator

import (
	"errors"
	"fmt"
)

// Option errors: every constructor of this module's calculators and of the scorecard returns an
// *OptionError, which matches ErrOption and its cause with errors.Is.
var (
	// ErrOption is matched by every *OptionError.
	ErrOption = errors.New("invalid option")
	// ErrMissing: a required option is absent (zero Period, zero AsOf, nil Calendar …).
	ErrMissing = errors.New("required")
	// ErrInvalid: an option has a value outside its documented range.
	ErrInvalid = errors.New("out of range")
)

// OptionError reports an invalid option: the package that refused it, the field, and the cause (ErrMissing,
// ErrInvalid, or an error wrapping one of them or another package's error, such as a *RuleError).
type OptionError struct {
	Pkg   string // the refusing package, e.g. "online", "scorecard"
	Field string // the option, e.g. "AsOf", "Policy.MaxSupplements", "Inputs.Units"
	Err   error
}

// Error names the package, the option and the cause.
func (e *OptionError) Error() string { return fmt.Sprintf("%s: option %s: %v", e.Pkg, e.Field, e.Err) }

// Unwrap returns the cause.
func (e *OptionError) Unwrap() error { return e.Err }

// Is reports whether target is ErrOption.
func (e *OptionError) Is(target error) bool { return target == ErrOption }

// Invalid returns an *OptionError for a value out of range, with a description of the value.
func Invalid(pkg, field, format string, args ...any) *OptionError {
	return &OptionError{Pkg: pkg, Field: field, Err: fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))}
}

// Missing returns an *OptionError for a required option that is absent.
func Missing(pkg, field string) *OptionError {
	return &OptionError{Pkg: pkg, Field: field, Err: ErrMissing}
}
