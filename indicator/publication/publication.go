package publication

import (
	"iter"
	"maps"
	"slices"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
	"github.com/vn-dvc/chiso766/model"
)

// Options configures a Calculator.
type Options struct {
	// Keys, when not nil, is the pass's index of unit ids, in which Add reads a Case's Ref (nil: the
	// units of SyncReportDen). It never changes a verdict.
	Keys *indicator.Keys
	// Period (required) holds decisions (1.1), publish clicks (1.2) and receptions (1.4) by their instant.
	Period model.Period
	// AsOf (required, not before Period's start): 1.2's pending procedures are judged at min(last instant
	// of Period, AsOf); 1.3 is a snapshot at AsOf.
	AsOf      time.Time
	Calendar  *calendar.Calendar          // required when Policy.DayUnit is WorkingDays
	Policy    indicator.PublicationPolicy // required: the zero value is refused
	Reception indicator.ReceptionPolicy   // "received in the period" (1.4)
	// Procedures is the catalogue judged for 1.1–1.3 (records may repeat a code). New copies the slice,
	// not the records: do not modify them while the Calculator is used.
	Procedures []model.Procedure
	// SyncReportDen is the national reporting system's 1.4 denominator per unit (values ≥ 0), copied into
	// Tally.SyncReportDen.
	SyncReportDen map[string]int64
}

// Calculator judges procedures (1.1–1.3) and dossiers (1.4) for group 1. It is immutable after New and
// safe for concurrent use.
type Calculator struct {
	w         offer.Window
	lastDay   calendar.Date // the period's last civil day (UTC+7)
	judgeDay  calendar.Date // the civil day of the judgement instant w.Judge
	cal       *calendar.Calendar
	unit      calendar.Unit
	pol       indicator.PublicationPolicy
	syncOK    []string
	asOfSec   int64 // w.AsOf in Unix seconds: 1.4's fast comparison (the exact one decides at the edge)
	dates     model.DateBounds
	datesLo   int64 // a sending time from this Unix second to asOfSec is no placeholder (Reception.Dates)
	reportDen map[string]int64
	keys      *indicator.Keys
	procs     []model.Procedure
}

// New validates opts. Errors are *indicator.OptionError values naming the field: zero Period, Period end
// before start, zero AsOf, AsOf before the period, zero Policy, an unknown Policy.DayUnit or
// Policy.Pending, nil Calendar with working days, negative days, negative SyncReportDen.
func New(opts Options) (*Calculator, error) {
	w, bad := offer.NewWindow(opts.Period, opts.AsOf, opts.Reception)
	if bad != nil {
		return nil, bad.Option(pkg)
	}
	pol := opts.Policy
	switch {
	case pol.DayUnit == indicator.WorkingDays && pol.LeadDays == (indicator.LevelDays{}) &&
		pol.PublishWithinDays == (indicator.LevelDays{}) && pol.Pending == 0 && pol.SyncSuccessCodes == nil:
		return nil, indicator.Missing(pkg, "Policy")
	case pol.DayUnit > indicator.CalendarDays:
		return nil, indicator.Invalid(pkg, "Policy.DayUnit", "%v", pol.DayUnit)
	case pol.DayUnit == indicator.WorkingDays && opts.Calendar == nil:
		return nil, indicator.Missing(pkg, "Calendar")
	case pol.LeadDays.Ministry < 0 || pol.LeadDays.Province < 0:
		return nil, indicator.Invalid(pkg, "Policy.LeadDays", "%+v", pol.LeadDays)
	case pol.PublishWithinDays.Ministry < 0 || pol.PublishWithinDays.Province < 0:
		return nil, indicator.Invalid(pkg, "Policy.PublishWithinDays", "%+v", pol.PublishWithinDays)
	case pol.Pending > indicator.PendingOverdue:
		return nil, indicator.Invalid(pkg, "Policy.Pending", "%v", pol.Pending)
	}
	for id, n := range opts.SyncReportDen {
		if n < 0 {
			return nil, indicator.Invalid(pkg, "SyncReportDen", "%q: %d", id, n)
		}
	}
	c := &Calculator{w: w, cal: opts.Calendar, unit: calendar.WorkingDays, pol: pol, asOfSec: w.AsOf.Unix(),
		lastDay: day(w.End.Add(-time.Nanosecond)), judgeDay: day(w.Judge),
		reportDen: maps.Clone(opts.SyncReportDen), procs: slices.Clone(opts.Procedures), keys: opts.Keys,
		dates: opts.Reception.Dates, datesLo: time.Date(2, 1, 1, 0, 0, 0, 0, time.UTC).Unix()}
	if nb := opts.Reception.Dates.NotBefore; !nb.IsZero() {
		c.datesLo = max(c.datesLo, nb.Unix()+1) // Unix truncates: a second at NotBefore's may still be before it
	}
	if pol.DayUnit == indicator.CalendarDays {
		c.unit = calendar.CalendarDays
	}
	c.syncOK = slices.Clone(pol.SyncSuccessCodes)
	if pol.SyncSuccessCodes == nil {
		c.syncOK = indicator.DefaultPublicationPolicy().SyncSuccessCodes
	}
	if c.keys == nil {
		c.keys = indicator.NewKeys(slices.Sorted(maps.Keys(c.reportDen)), nil)
	}
	return c, nil
}

const pkg = "publication"

// day is the civil date of t in Vietnam time (UTC+7), as Period.Contains reads it.
func day(t time.Time) calendar.Date { return calendar.DateOf(t, model.Vietnam()) }

// shift moves d by n days in the policy's unit: "date − N working days" is the N-th working day before
// the date, the date itself not counted (docs/calendar.md, P18).
func (c *Calculator) shift(d calendar.Date, n int) (calendar.Date, error) {
	if c.cal == nil { // calendar days without a calendar
		return d.AddDays(n), nil
	}
	return c.cal.Shift(d, n, c.unit)
}

func (c *Calculator) inPeriod(t time.Time) bool { return !t.Before(c.w.Start) && t.Before(c.w.End) }

// Run judges every dossier of the stream (nil: none) and the catalogue, and returns the result.
func (c *Calculator) Run(dossiers iter.Seq[model.Dossier]) Result {
	a := c.NewAccumulator()
	indicator.Feed(a, dossiers)
	return a.Result()
}
