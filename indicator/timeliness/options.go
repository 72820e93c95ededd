package timeliness

import (
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// Options configures a Calculator.
type Options struct {
	// Keys, when not nil, is the pass's shared index: Add then takes the Refs it made. It never changes a
	// verdict.
	Keys *indicator.Keys
	// Period is the evaluation period (required; build it with model.Month, Quarter, Year or Custom).
	Period model.Period
	// AsOf is the instant the data describe (required); later events have not happened yet.
	AsOf time.Time
	// Calendar is the working-day calendar (required): due dates, lateness, the reception check.
	Calendar *calendar.Calendar
	// Policy is group 2's record policy (Edition.Policy.Timeliness; required). Deadline gives P1, P3, P4, P15
	// and, under TerminatedP14, P14; Supplements gives P10; P12 is not applied (no rescheduling record).
	Policy indicator.TimelinessPolicy
	// Reception is the reading of "received" shared by the dossier metrics (Edition.Policy.Reception).
	Reception indicator.ReceptionPolicy
	// Procedures is the procedure catalogue keyed by procedure code (MaTTHC as on dossiers), read once by
	// New and only used for dossiers without an appointment time (NgayHenTra). May be nil.
	Procedures map[string]model.Procedure
}

const pkg = "timeliness"

func validate(o *Options) error {
	switch { // Period and AsOf: offer.NewWindow, in New
	case o.Calendar == nil:
		return indicator.Missing(pkg, "Calendar")
	case o.Policy.EndStatusRank == (indicator.StatusRank{}):
		return indicator.Missing(pkg, "Policy.EndStatusRank")
	case o.Policy.Supplements > indicator.SupplementPause:
		return indicator.Invalid(pkg, "Policy.Supplements", "%s", o.Policy.Supplements)
	case o.Policy.MaxSupplements < 0:
		return indicator.Invalid(pkg, "Policy.MaxSupplements", "%d < 0", o.Policy.MaxSupplements)
	case o.Policy.OnlineReceptionHours < 0 || o.Policy.OnlineReceptionHours > 10000:
		return indicator.Invalid(pkg, "Policy.OnlineReceptionHours", "%d outside 0–10000", o.Policy.OnlineReceptionHours)
	case o.Policy.Terminated > indicator.TerminatedP14:
		return indicator.Invalid(pkg, "Policy.Terminated", "%s", o.Policy.Terminated)
	case o.Policy.Financial > indicator.FinancialPaused:
		return indicator.Invalid(pkg, "Policy.Financial", "%s", o.Policy.Financial)
	}
	return nil
}
