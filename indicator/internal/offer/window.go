package offer

import (
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// Invalid names the Options field New refuses and whether it is missing (zero) or out of range; Option
// turns it into the calculator's *indicator.OptionError.
type Invalid struct {
	Field   string // "Period" or "AsOf"
	Missing bool   // true: the field is absent (ErrMissing); false: out of range (ErrInvalid)
}

// Window is the validated evaluation window of a pass: the period's bounds, the as-of instant and the
// judgement instant at which offerings are taken as in force. Immutable; safe for concurrent use.
type Window struct {
	Start, End time.Time // [Start, End): the period's first instant and the instant just after it
	AsOf       time.Time // the evaluation instant
	Judge      time.Time // min(End − 1 ns, AsOf)
	fallback   bool      // Reception.FallbackToSubmitted
	noWithdraw bool      // Reception.ExcludeWithdrawnBeforeReception
	rec        indicator.ReceptionPolicy
	// A time whose Unix second s has lo < s < hi is in the window; never when a bound carries a monotonic
	// clock reading (time.Time.Before then compares those, not wall clocks).
	lo, hi int64
}

// NewWindow validates the options every dossier calculator shares, in this order: zero Period, Period
// end before start, zero AsOf, AsOf before the period. It returns the first problem, or nil.
func NewWindow(p model.Period, asOf time.Time, pol indicator.ReceptionPolicy) (Window, *Invalid) {
	switch {
	case p.Start.IsZero():
		return Window{}, &Invalid{Field: "Period", Missing: true}
	case p.End.Before(p.Start):
		return Window{}, &Invalid{Field: "Period"}
	case asOf.IsZero():
		return Window{}, &Invalid{Field: "AsOf", Missing: true}
	case asOf.Before(p.StartTime()):
		return Window{}, &Invalid{Field: "AsOf"}
	}
	w := Window{Start: p.StartTime(), End: p.EndTime(), AsOf: asOf, fallback: pol.FallbackToSubmitted,
		noWithdraw: pol.ExcludeWithdrawnBeforeReception, rec: pol}
	w.lo, w.hi = 1, 0 // never
	// The fast test needs no placeholder check when no instant of [Start, AsOf] is a placeholder (the
	// upper bound lies beyond AsOf; a period before the lower bound takes the slow path).
	if !hasMonotonic(w.Start) && !hasMonotonic(w.End) && !hasMonotonic(w.AsOf) && !pol.Dates.Placeholder(w.Start, w.AsOf) &&
		!pol.Dates.Placeholder(w.AsOf, w.AsOf) {
		w.lo, w.hi = w.Start.Unix(), min(w.End.Unix(), w.AsOf.Unix())
	}
	w.Judge = w.End.Add(-time.Nanosecond)
	if w.AsOf.Before(w.Judge) {
		w.Judge = w.AsOf
	}
	return w, nil
}

// Place is where a dossier falls relative to the window. Its values 1…LastPlace are the first dossier
// reason indexes of the calculators that use Admit (no unit, no reception, withdrawn before reception,
// outside the period, after as-of, not yet received, placeholder reception date).
type Place uint8

// NoUnit, Withdrawn (no NgayTiepNhan under Reception.ExcludeWithdrawnBeforeReception; reached only with
// a submission time under the fallback policy) and NotReceived come from Admit only.
const (
	InWindow      Place = iota // received in the period, not after AsOf
	NoUnit                     // the dossier has no unit
	NoReception                // no reception time (nor submission time under the fallback policy)
	Withdrawn                  // withdrawn before reception
	OutsidePeriod              // received before the period's start or from its end on
	AfterAsOf                  // received in the period but after AsOf
	NotReceived                // not yet received (Reception.NotYetReceived: status 1)
	Placeholder                // the reception time used is a placeholder (Reception.Dates)
	LastPlace     = Placeholder
)

// Received returns the reception time used: NgayTiepNhan, else NgayNopHoSo under FallbackToSubmitted.
func (w *Window) Received(d *model.Dossier) model.Time {
	if w.fallback {
		return d.Received()
	}
	return d.ReceivedAt
}

// Admit applies the rules every dossier of groups 1, 3 and 4 goes through first, in this order: no unit,
// not yet received (status 1), withdrawn before reception, no reception time, a placeholder reception
// time, received outside the period, received after AsOf. It returns the reception time used (Received)
// and where the dossier falls. No allocation.
func (w *Window) Admit(d *model.Dossier) (model.Time, Place) {
	t := w.Received(d)
	switch s, st := t.T.Unix(), d.Status.Code(); {
	case d.UnitID == "":
		return t, NoUnit
	case st == model.StatusRegistered && w.rec.NotYetReceived(d):
		return t, NotReceived
	case w.noWithdraw && t.Valid && !d.ReceivedAt.Valid && st == model.StatusWithdrawn:
		return t, Withdrawn
	case t.Valid && s > w.lo && s < w.hi: // one integer comparison pair
		return t, InWindow
	}
	return t, w.place(t)
}

// place judges a reception time: absent, a placeholder, outside [Start, End), after AsOf, or in the
// window (tried in this order).
func (w *Window) place(t model.Time) Place {
	switch {
	case !t.Valid:
		return NoReception
	case w.rec.Dates.Placeholder(t.T, w.AsOf):
		return Placeholder
	case t.T.Before(w.Start) || !t.T.Before(w.End):
		return OutsidePeriod
	case t.T.After(w.AsOf):
		return AfterAsOf
	}
	return InWindow
}

// hasMonotonic reports whether t carries a monotonic clock reading (time.Time.Round(0) strips it).
func hasMonotonic(t time.Time) bool { return t != t.Round(0) }

// Option returns the problem as the *indicator.OptionError of package pkg.
func (bad *Invalid) Option(pkg string) *indicator.OptionError {
	if bad.Missing {
		return indicator.Missing(pkg, bad.Field)
	}
	what := "the period ends before it starts"
	if bad.Field == "AsOf" {
		what = "before the period"
	}
	return indicator.Invalid(pkg, bad.Field, "%s", what)
}
