package online

import (
	"errors"
	"fmt"

	"github.com/vn-dvc/chiso766/indicator/internal/offer"
)

// ErrOption is matched (errors.Is) by every error New returns.
var ErrOption = errors.New("online: invalid option")

// Detail errors carried in OptionError.Err.
var (
	// ErrMissing: a required option is absent (zero Period, zero AsOf).
	ErrMissing = errors.New("required")
	// ErrInvalid: an option has a value outside its documented range.
	ErrInvalid = errors.New("out of range")
)

// OptionError reports an invalid Options field. It matches ErrOption and its detail error
// (ErrMissing or ErrInvalid) with errors.Is.
type OptionError struct {
	Field string // the Options field, e.g. "AsOf" or "Period"
	Err   error  // ErrMissing or ErrInvalid
}

// Error names the option and the problem.
func (e *OptionError) Error() string {
	return fmt.Sprintf("online: option %s: %v", e.Field, e.Err)
}

// Unwrap returns the detail error.
func (e *OptionError) Unwrap() error { return e.Err }

// Is reports whether target is ErrOption.
func (e *OptionError) Is(target error) bool { return target == ErrOption }

// optionError turns a shared window problem into an *OptionError.
func optionError(bad *offer.Invalid) error {
	if bad.Missing {
		return &OptionError{Field: bad.Field, Err: ErrMissing}
	}
	return &OptionError{Field: bad.Field, Err: ErrInvalid}
}
