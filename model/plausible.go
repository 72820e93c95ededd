package model

import "time"

// DateBounds is the one definition of a placeholder date: a value that a source system wrote where it had
// no real date (00010101000000, 1900-01-01, 9999-12-31 …). A placeholder is not a date: every calculator
// excludes a record whose needed date is one (with its own reason code) and model/quality reports it.
//
// The zero value checks nothing but year 1 and earlier (the zero time.Time and 0001-01-01 in any zone are
// always placeholders); DefaultDateBounds gives the portal edition's bounds [Policy].
type DateBounds struct {
	// NotBefore: an instant strictly before it is a placeholder (2000-01-01 00:00 UTC+7). Zero: no lower
	// bound besides year 1.
	NotBefore time.Time
	// MaxYearsAhead: an instant strictly later than as-of plus this many calendar years (time.AddDate, in
	// as-of's location) is a placeholder (1). 0: no upper bound.
	MaxYearsAhead int
}

// DefaultDateBounds returns {NotBefore: 2000-01-01 00:00 UTC+7, MaxYearsAhead: 1}. Cost: O(1), no
// allocation.
func DefaultDateBounds() DateBounds {
	return DateBounds{NotBefore: time.Date(2000, 1, 1, 0, 0, 0, 0, vietnam), MaxYearsAhead: 1}
}

// Placeholder reports whether t is a placeholder under b: in year 1 or earlier (UTC), strictly before
// b.NotBefore, or strictly after asOf plus b.MaxYearsAhead years. A zero asOf (as-of unknown) disables the
// upper bound. Cost: O(1), no allocation; it never panics.
func (b DateBounds) Placeholder(t, asOf time.Time) bool {
	if t.UTC().Year() <= 1 {
		return true
	}
	if !b.NotBefore.IsZero() && t.Before(b.NotBefore) {
		return true
	}
	return b.MaxYearsAhead > 0 && !asOf.IsZero() && t.After(asOf.AddDate(b.MaxYearsAhead, 0, 0))
}

// PlaceholderTime is Placeholder for an optional time: an absent time is not a placeholder (it is
// missing, which callers already treat on its own). Cost: O(1), no allocation.
func (b DateBounds) PlaceholderTime(t Time, asOf time.Time) bool {
	return t.Valid && b.Placeholder(t.T, asOf)
}

// Placeholder reports whether t is a placeholder under DefaultDateBounds (see DateBounds.Placeholder).
// Cost: O(1), no allocation.
func Placeholder(t, asOf time.Time) bool { return DefaultDateBounds().Placeholder(t, asOf) }
