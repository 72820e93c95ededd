package publication

import (
	"iter"
	"maps"
	"slices"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/strindex"
	"github.com/vn-dvc/chiso766/model"
)

// PendingRule decides which procedures not yet published at the judgement instant enter 1.2's denominator
// (as late) [Policy: INDICATORS.md §3 1.2 reads "plus those still due for publication whose decision date ≤
// period end + 10 (ministry) / 5 (province) working days"].
type PendingRule uint8

const (
	// PendingDecidedBy (default, the spec's wording): decision date ≤ the period's last day shifted by
	// PublishWithinDays (a decision taken after the as-of instant is not counted: it does not exist yet).
	PendingDecidedBy PendingRule = iota
	// PendingOverdue: only when the publication deadline (decision date + PublishWithinDays) is before the
	// judgement date, i.e. the procedure can no longer be published on time.
	PendingOverdue
)

// String names the rule.
func (r PendingRule) String() string {
	switch r {
	case PendingDecidedBy:
		return "decided-by"
	case PendingOverdue:
		return "overdue"
	}
	return "invalid"
}

// defaultSyncSuccessCodes is read-only; DefaultSyncSuccessCodes hands out copies.
var defaultSyncSuccessCodes = []string{"0", ""}

// DefaultSyncSuccessCodes returns the default Options.SyncSuccessCodes as a fresh slice: the portal
// error_code values that mean a dossier was accepted, "0" (success) and "" (sent, no error recorded)
// [Policy]. The meaning of "3"/"-3" ("already exists", re-sent as an update by one client) is unverified
// (DATA-MODEL §1.1), so they are not included.
func DefaultSyncSuccessCodes() []string { return append([]string(nil), defaultSyncSuccessCodes...) }

// Options configures a Calculator. No globals: everything comes from here.
type Options struct {
	// Keys, when not nil, is the shared index of unit ids and procedure codes of a pass (the scorecard
	// builds one for all calculators); ClassifyRef then takes Refs made by it. Nil: the calculator builds
	// its own from its inputs. It never changes a verdict, only the cost of finding the unit and procedure.
	Keys *indicator.Keys

	// Period is the evaluation period (required). Decisions (1.1), publish clicks (1.2) and dossier
	// receptions (1.4) belong to it by their civil date in UTC+7 (Period.Contains).
	Period model.Period
	// AsOf is the evaluation instant (required, not before Period's start). Records dated after it do not
	// exist yet; 1.2's pending procedures are judged at min(last instant of Period, AsOf); 1.3 is a
	// snapshot at AsOf.
	AsOf time.Time
	// Calendar is the working-day calendar (required when Policy.PublicationDayUnit is WorkingDays).
	Calendar *calendar.Calendar
	// Policy is the edition's record policies: pass Edition.Policy (indicator.Portal().Policy by default).
	// Used: PublicationDayUnit, PublicationLeadDays, PublishWithinDays, ReceivedFallbackToSubmitted,
	// ExcludeWithdrawnBeforeReception. The zero value is refused.
	Policy indicator.RecordPolicy
	// Pending is 1.2's rule for procedures not yet published (default PendingDecidedBy).
	Pending PendingRule
	// SyncSuccessCodes are the model.SyncInfo.ErrorCode values that mean the dossier reached the portal
	// (1.4). Nil means DefaultSyncSuccessCodes(): "0" and "" (sent with no error recorded).
	SyncSuccessCodes []string
	// SyncReportDen is the national reporting system's 1.4 denominator per unit, when the caller has it
	// (the portal's denominator is the larger of that count and its own). It is copied into
	// Tally.SyncReportDen; scoring takes max(Counts[M14].Den, SyncReportDen). Values must be ≥ 0.
	SyncReportDen map[string]int64
}

// Calculator classifies procedures (1.1–1.3) and dossiers (1.4) for group 1. It is immutable after New
// and safe for concurrent use.
type Calculator struct {
	start, end time.Time
	asOf       time.Time
	judge      time.Time
	lastDay    calendar.Date // the period's last civil day (UTC+7)
	judgeDay   calendar.Date // the civil day of the judgement instant
	cal        *calendar.Calendar
	unit       calendar.Unit
	policy     indicator.RecordPolicy
	pending    PendingRule
	syncOK     []string
	reportDen  map[string]int64
	fallback   bool            // Policy.ReceivedFallbackToSubmitted
	noWithdraw bool            // Policy.ExcludeWithdrawnBeforeReception
	keys       *indicator.Keys // Options.Keys, or the calculator's own (the units of SyncReportDen)
	nUnits     int32           // keys.NumUnits(): a Ref's unit index below it is an accumulator slot
	units      strindex.Index  // keys' unit ids → indexes, for Classify and Add's slow path
	// Unix seconds of start, min(end, AsOf) and AsOf: 1.4's fast comparisons (exact ones decide at the edges).
	startSec, countSec, asOfSec int64
}

// New validates opts. Errors are *OptionError values matching ErrOption and ErrMissing or ErrInvalid:
// zero Period, Period end before start, zero AsOf, AsOf before the period, zero Policy, nil Calendar with
// working days, an unknown Pending rule or PublicationDayUnit, negative lead days or SyncReportDen.
// Cost: O(len(SyncReportDen) log len(SyncReportDen) + units of Options.Keys) (it builds its own Keys when
// Options.Keys is nil).
func New(opts Options) (*Calculator, error) {
	p := opts.Period
	pol := opts.Policy
	switch {
	case p.Start.IsZero():
		return nil, &OptionError{Field: "Period", Err: ErrMissing}
	case p.End.Before(p.Start):
		return nil, &OptionError{Field: "Period", Err: ErrInvalid}
	case opts.AsOf.IsZero():
		return nil, &OptionError{Field: "AsOf", Err: ErrMissing}
	case opts.AsOf.Before(p.StartTime()):
		return nil, &OptionError{Field: "AsOf", Err: ErrInvalid}
	case pol == indicator.RecordPolicy{}:
		return nil, &OptionError{Field: "Policy", Err: ErrMissing}
	case pol.PublicationDayUnit != indicator.WorkingDays && pol.PublicationDayUnit != indicator.CalendarDays:
		return nil, &OptionError{Field: "Policy.PublicationDayUnit", Err: ErrInvalid}
	case pol.PublicationDayUnit == indicator.WorkingDays && opts.Calendar == nil:
		return nil, &OptionError{Field: "Calendar", Err: ErrMissing}
	case pol.PublicationLeadDays.Ministry < 0 || pol.PublicationLeadDays.Province < 0:
		return nil, &OptionError{Field: "Policy.PublicationLeadDays", Err: ErrInvalid}
	case pol.PublishWithinDays.Ministry < 0 || pol.PublishWithinDays.Province < 0:
		return nil, &OptionError{Field: "Policy.PublishWithinDays", Err: ErrInvalid}
	case opts.Pending > PendingOverdue:
		return nil, &OptionError{Field: "Pending", Err: ErrInvalid}
	}
	for _, n := range opts.SyncReportDen {
		if n < 0 {
			return nil, &OptionError{Field: "SyncReportDen", Err: ErrInvalid}
		}
	}
	c := &Calculator{
		start:   p.StartTime(),
		end:     p.EndTime(),
		asOf:    opts.AsOf,
		cal:     opts.Calendar,
		unit:    calendar.WorkingDays,
		policy:  pol,
		pending: opts.Pending,
		syncOK:  opts.SyncSuccessCodes,
	}
	if pol.PublicationDayUnit == indicator.CalendarDays {
		c.unit = calendar.CalendarDays
	}
	if c.syncOK == nil {
		c.syncOK = defaultSyncSuccessCodes
	} else {
		c.syncOK = append([]string(nil), c.syncOK...)
	}
	if len(opts.SyncReportDen) > 0 {
		c.reportDen = make(map[string]int64, len(opts.SyncReportDen))
		for k, v := range opts.SyncReportDen {
			c.reportDen[k] = v
		}
	}
	c.fallback = pol.ReceivedFallbackToSubmitted
	c.noWithdraw = pol.ExcludeWithdrawnBeforeReception
	c.keys = opts.Keys
	if c.keys == nil { // 1.4 needs only units; the only units known in advance are SyncReportDen's
		c.keys = indicator.NewKeys(slices.Sorted(maps.Keys(c.reportDen)), nil)
	}
	c.nUnits = int32(c.keys.NumUnits())
	c.units = strindex.New(c.keys.NumUnits(), c.keys.UnitID)
	c.startSec, c.asOfSec = c.start.Unix(), c.asOf.Unix()
	c.countSec = min(c.end.Unix(), c.asOfSec)
	c.judge = c.end.Add(-time.Nanosecond)
	if c.asOf.Before(c.judge) {
		c.judge = c.asOf
	}
	c.lastDay = day(c.end.Add(-time.Nanosecond))
	c.judgeDay = day(c.judge)
	return c, nil
}

// day is the civil date of t in Vietnam time (UTC+7), as Period.Contains reads it.
func day(t time.Time) calendar.Date { return calendar.DateOf(t, model.Vietnam()) }

// shift moves d by n days in the policy's unit: "date − N working days" is the N-th working day before
// the date, the date itself not counted (CALENDAR.md §8).
func (c *Calculator) shift(d calendar.Date, n int) (calendar.Date, error) {
	if c.cal == nil { // calendar days without a calendar
		return d.AddDays(n), nil
	}
	return c.cal.Shift(d, n, c.unit)
}

// Run classifies every procedure and dossier of the two streams (either may be nil) in one pass each and
// returns the result. Cost: O(procedures × publications + dossiers) time, O(units × procedures) memory.
func (c *Calculator) Run(procedures iter.Seq[model.Procedure], dossiers iter.Seq[model.Dossier]) Result {
	a := c.NewAccumulator()
	if procedures != nil {
		for p := range procedures {
			a.AddProcedure(c.ClassifyProcedure(&p))
		}
	}
	if dossiers != nil {
		for d := range dossiers {
			a.Add(c.Classify(&d))
		}
	}
	return a.Result()
}
