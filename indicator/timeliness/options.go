package timeliness

import (
	"errors"
	"fmt"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// TerminatedRule says how dossiers whose processing was ended by withdrawal after reception (7), a stop (8)
// or non-acceptance (3) enter 2.1. The formula document and the calendar's P14 disagree; both are offered.
type TerminatedRule uint8

const (
	// TerminatedEndsProcessing (default, [Doc]): 3, 7 (after reception) and 8 are end-of-processing events
	// ranked below 9 and 10 (RecordPolicy.EndStatusRank); the dossier is counted and judged at that event
	// (3 by CALENDAR P13: on time when refused on or before the due date, never early). This is the [Doc]
	// rule of INDICATORS.md §3, group 2 (whether the portal counts 7 and 8 this way is unverified).
	TerminatedEndsProcessing TerminatedRule = iota
	// TerminatedP14: follow CALENDAR.md P14 through Policy.Deadline.IncludeWithdrawn — with its default
	// (false) such dossiers are excluded (ReasonExcludedWithdrawn, ReasonExcludedStopped); with true they
	// are counted as under TerminatedEndsProcessing.
	TerminatedP14
)

// String names the rule.
func (t TerminatedRule) String() string {
	switch t {
	case TerminatedEndsProcessing:
		return "terminated dossiers counted at their end event [Doc]"
	case TerminatedP14:
		return "P14 (Deadline.IncludeWithdrawn)"
	}
	return fmt.Sprintf("TerminatedRule(%d)", uint8(t))
}

// FinancialRule says what a financial-obligation pause (status 6, supplement entries of kind
// model.SupplementFinancial) does to the clock. The national treatment is unverified (DATA-MODEL §1.5).
type FinancialRule uint8

const (
	// FinancialClockRuns (default [Open]): the pause is ignored, the clock keeps running — what the portal
	// is reported to do (DATA-MODEL §6.2: "dossiers waiting for … payment show as overdue").
	FinancialClockRuns FinancialRule = iota
	// FinancialPaused: the applicant's time (request → re-submission) is not counted, as for a supplement,
	// but the pause does not count towards MaxSupplements.
	FinancialPaused
)

// String names the rule.
func (f FinancialRule) String() string {
	switch f {
	case FinancialClockRuns:
		return "clock runs during financial-obligation pauses"
	case FinancialPaused:
		return "financial-obligation pauses subtracted"
	}
	return fmt.Sprintf("FinancialRule(%d)", uint8(f))
}

// Options configures a Calculator. No globals: everything comes from here.
type Options struct {
	// Keys, when not nil, is the shared index of unit ids and procedure codes of a pass (the scorecard
	// builds one for all calculators); ClassifyRef then takes Refs made by it. Nil: the calculator builds
	// its own from its inputs. It never changes a verdict, only the cost of finding the unit and procedure.
	Keys *indicator.Keys

	// Period is the evaluation period (required; build it with model.Month, Quarter, Year or Custom).
	Period model.Period
	// AsOf is the instant the data describe (required). Open dossiers are judged at min(period end, AsOf);
	// events after that instant are treated as not yet happened.
	AsOf time.Time
	// Calendar is the working-day calendar (required): due dates, lateness, the reception check.
	Calendar *calendar.Calendar
	// Policy holds the edition's record policies; callers pass Edition.Policy (e.g. indicator.Portal().Policy).
	// Used: SupplementRule, MaxSupplements, EndStatusRank, ExcludeWithdrawnBeforeReception,
	// ReceivedFallbackToSubmitted, OnlineChannelCodes, OnlineReceptionHours and Deadline (P1 cut-off, P3,
	// P4, P15 due-soon, and P14 IncludeWithdrawn under TerminatedP14; P10 comes from SupplementRule instead of
	// Deadline.Supplement; P12 rescheduling is not applied: the dossier carries no rescheduling record).
	Policy indicator.RecordPolicy
	// Procedures is the procedure catalogue keyed by procedure code (MaTTHC as it appears on dossiers). It is
	// read once by New (durations per channel) and only used for dossiers without an appointment time
	// (NgayHenTra). May be nil.
	Procedures map[string]model.Procedure
	// Terminated selects how 3/7/8 dossiers enter 2.1 (default TerminatedEndsProcessing [Doc]).
	Terminated TerminatedRule
	// Financial selects how financial-obligation pauses are treated (default FinancialClockRuns [Open]).
	Financial FinancialRule
}

// ErrOption is matched (errors.Is) by every *OptionError returned by New.
var ErrOption = errors.New("timeliness: invalid option")

// Specific causes wrapped by an *OptionError (errors.Is works with both these and ErrOption).
var (
	// ErrMissing: a required option is absent (zero Period, zero AsOf, nil Calendar, zero Policy).
	ErrMissing = errors.New("required option missing")
	// ErrInvalidValue: an option is present but out of its allowed range.
	ErrInvalidValue = errors.New("option value out of range")
)

// OptionError reports a bad Options field. It matches ErrOption with errors.Is and unwraps to Err
// (ErrMissing or ErrInvalidValue).
type OptionError struct {
	Field  string // e.g. "Options.Calendar", "Options.Policy.MaxSupplements"
	Reason string // human-readable detail
	Err    error  // ErrMissing or ErrInvalidValue
}

// Error formats the field, the cause and the detail.
func (e *OptionError) Error() string {
	return "timeliness: " + e.Field + ": " + e.Err.Error() + ": " + e.Reason
}

// Is reports whether target is ErrOption.
func (e *OptionError) Is(target error) bool { return target == ErrOption }

// Unwrap returns the specific cause.
func (e *OptionError) Unwrap() error { return e.Err }

func validate(o *Options) error {
	switch {
	case o.Period.Start.IsZero() || o.Period.End.IsZero():
		return &OptionError{Field: "Options.Period", Reason: "zero period; use model.Month, Quarter, Year or Custom", Err: ErrMissing}
	case o.Period.End.Before(o.Period.Start):
		return &OptionError{Field: "Options.Period", Reason: "end before start", Err: ErrInvalidValue}
	case o.AsOf.IsZero():
		return &OptionError{Field: "Options.AsOf", Reason: "zero as-of instant", Err: ErrMissing}
	case o.AsOf.Before(o.Period.StartTime()):
		return &OptionError{Field: "Options.AsOf", Reason: "before the period starts: nothing of the period has happened", Err: ErrInvalidValue}
	case o.Calendar == nil:
		return &OptionError{Field: "Options.Calendar", Reason: "nil calendar", Err: ErrMissing}
	case o.Policy.EndStatusRank == (indicator.StatusRank{}):
		return &OptionError{Field: "Options.Policy", Reason: "no end status ranked; pass Edition.Policy or indicator.DefaultRecordPolicy()", Err: ErrMissing}
	case o.Policy.SupplementRule > indicator.SupplementPause:
		return &OptionError{Field: "Options.Policy.SupplementRule", Reason: o.Policy.SupplementRule.String(), Err: ErrInvalidValue}
	case o.Policy.MaxSupplements < 0:
		return &OptionError{Field: "Options.Policy.MaxSupplements", Reason: fmt.Sprintf("%d < 0", o.Policy.MaxSupplements), Err: ErrInvalidValue}
	case o.Policy.OnlineReceptionHours < 0 || o.Policy.OnlineReceptionHours > 10000:
		return &OptionError{Field: "Options.Policy.OnlineReceptionHours", Reason: fmt.Sprintf("%d outside 0–10000", o.Policy.OnlineReceptionHours), Err: ErrInvalidValue}
	case o.Terminated > TerminatedP14:
		return &OptionError{Field: "Options.Terminated", Reason: o.Terminated.String(), Err: ErrInvalidValue}
	case o.Financial > FinancialPaused:
		return &OptionError{Field: "Options.Financial", Reason: o.Financial.String(), Err: ErrInvalidValue}
	}
	return nil
}
