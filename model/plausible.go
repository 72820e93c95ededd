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
	lo, hi := b.Window(asOf)
	return t.Before(lo) || (!hi.IsZero() && t.After(hi))
}

// yearTwo is the first instant after year 1 (UTC): every earlier instant is a placeholder.
var yearTwo = time.Date(2, 1, 1, 0, 0, 0, 0, time.UTC)

// Window returns the bounds that Placeholder applies as of asOf, for callers that check many dates
// against one as-of: t is a placeholder exactly when t.Before(lo) || (!hi.IsZero() && t.After(hi)). lo is
// the later of b.NotBefore and 0002-01-01 00:00 UTC; hi is asOf plus b.MaxYearsAhead years, or zero (no
// upper bound) when MaxYearsAhead ≤ 0 or asOf is zero. Cost: O(1), no allocation.
func (b DateBounds) Window(asOf time.Time) (lo, hi time.Time) {
	lo = yearTwo
	if b.NotBefore.After(lo) {
		lo = b.NotBefore
	}
	if b.MaxYearsAhead > 0 && !asOf.IsZero() {
		hi = asOf.AddDate(b.MaxYearsAhead, 0, 0)
	}
	return lo, hi
}

// PlaceholderTime is Placeholder for an optional time: an absent time is not a placeholder (it is
// missing, which callers already treat on its own). Cost: O(1), no allocation.
func (b DateBounds) PlaceholderTime(t Time, asOf time.Time) bool {
	return t.Valid && b.Placeholder(t.T, asOf)
}

// Placeholder reports whether t is a placeholder under DefaultDateBounds (see DateBounds.Placeholder).
// Cost: O(1), no allocation.
func Placeholder(t, asOf time.Time) bool { return DefaultDateBounds().Placeholder(t, asOf) }
