package timeliness

import "github.com/vn-dvc/chiso766/indicator"

// Reason codes of the timeliness calculator: every dossier read gets exactly one in the Ledger, counted
// (the first seven) or excluded. The codes are public output and do not change once published.
const (
	// ReasonEarly: finished (or refused) before the due date — in the 2.1 numerator.
	ReasonEarly indicator.Reason = "timeliness.early"
	// ReasonOnTime: finished on the due date — in the 2.1 numerator.
	ReasonOnTime indicator.Reason = "timeliness.on_time"
	// ReasonLate: finished after the due date — in the 2.1 denominator only.
	ReasonLate indicator.Reason = "timeliness.late"
	// ReasonOpenWithinDeadline: still open at the judgement instant, due day not over — in the numerator.
	ReasonOpenWithinDeadline indicator.Reason = "timeliness.open_within_deadline"
	// ReasonOpenOverdue: still open at the judgement instant, past the end of the due day.
	ReasonOpenOverdue indicator.Reason = "timeliness.open_overdue"
	// ReasonLateRepeatedSupplement: more than Policy.MaxSupplements requests under SupplementSubtract: late.
	ReasonLateRepeatedSupplement indicator.Reason = "timeliness.late_by_repeated_supplement"
	// ReasonSupplementPending: a request still unanswered; judged at the request (numerator when on time).
	ReasonSupplementPending indicator.Reason = "timeliness.supplement_pending"

	// ReasonExcludedNotReceived: status 1 (Mới đăng ký), not yet received.
	ReasonExcludedNotReceived = indicator.ReasonNotReceived // "reception.not_received", shared by every calculator
	// ReasonExcludedWithdrawnBeforeReception: withdrawn (7) before reception.
	ReasonExcludedWithdrawnBeforeReception indicator.Reason = "timeliness.excluded_withdrawn_before_reception"
	// ReasonExcludedOutsidePeriod: received after the period (or AsOf), or ended before the period started.
	ReasonExcludedOutsidePeriod indicator.Reason = "timeliness.excluded_outside_period"
	// ReasonExcludedNoReceptionTime: no reception time (nor a submission time under the fallback policy).
	ReasonExcludedNoReceptionTime indicator.Reason = "timeliness.excluded_no_reception_time"
	// ReasonExcludedNoDeadline: no appointment and no usable maximum duration (unknown procedure, months…).
	ReasonExcludedNoDeadline indicator.Reason = "timeliness.excluded_no_deadline"
	// ReasonExcludedStopped: stopped (8) or not accepted (3) under TerminatedP14 with P14's default.
	ReasonExcludedStopped indicator.Reason = "timeliness.excluded_stopped"
	// ReasonExcludedWithdrawn: withdrawn (7) after reception under TerminatedP14 with P14's default.
	ReasonExcludedWithdrawn indicator.Reason = "timeliness.excluded_withdrawn"
	// ReasonExcludedCalendarRange: a date needed for the deadline lies outside the calendar's years.
	ReasonExcludedCalendarRange indicator.Reason = "timeliness.excluded_calendar_range"
	// ReasonExcludedNoEndTime: a terminal status (3, 7, 8, 9, 10) without any end-of-processing time.
	ReasonExcludedNoEndTime indicator.Reason = "timeliness.excluded_no_end_time"
	// ReasonExcludedEndBeforeReception: the end of processing is earlier than the reception.
	ReasonExcludedEndBeforeReception indicator.Reason = "timeliness.excluded_end_before_reception"
	// ReasonExcludedBadSupplement: a supplement whose re-submission is earlier than its request.
	ReasonExcludedBadSupplement indicator.Reason = "timeliness.excluded_bad_supplement"
	// ReasonExcludedPlaceholderDate: a date 2.1 reads — the reception (or submission) time, the end of
	// processing, the appointment, a supplement request or re-submission — is a placeholder
	// (Reception.Dates: before 2000-01-01, more than a year after as-of). 2.2 still counts the dossier when
	// its reception and end times are real dates (Verdict.Resolved).
	ReasonExcludedPlaceholderDate indicator.Reason = "timeliness.excluded_placeholder_date"
	// ReasonExcludedNilRecord: Classify was given a nil dossier.
	ReasonExcludedNilRecord indicator.Reason = "timeliness.excluded_nil_record"
)

// reason is the dense index of a Reason, used by the Accumulator's per-reason counters.
type reason uint8

const (
	rNone reason = iota
	rEarly
	rOnTime
	rLate
	rOpenWithin
	rOpenOverdue
	rLateRepeated
	rSupplementPending
	rNotReceived
	rWithdrawnBeforeReception
	rOutsidePeriod
	rNoReceptionTime
	rNoDeadline
	rStopped
	rWithdrawn
	rCalendarRange
	rNoEndTime
	rEndBeforeReception
	rBadSupplement
	rPlaceholder
	rNilRecord
	numReasons
)

var reasonCodes = [numReasons]indicator.Reason{
	rEarly:                    ReasonEarly,
	rOnTime:                   ReasonOnTime,
	rLate:                     ReasonLate,
	rOpenWithin:               ReasonOpenWithinDeadline,
	rOpenOverdue:              ReasonOpenOverdue,
	rLateRepeated:             ReasonLateRepeatedSupplement,
	rSupplementPending:        ReasonSupplementPending,
	rNotReceived:              ReasonExcludedNotReceived,
	rWithdrawnBeforeReception: ReasonExcludedWithdrawnBeforeReception,
	rOutsidePeriod:            ReasonExcludedOutsidePeriod,
	rNoReceptionTime:          ReasonExcludedNoReceptionTime,
	rNoDeadline:               ReasonExcludedNoDeadline,
	rStopped:                  ReasonExcludedStopped,
	rWithdrawn:                ReasonExcludedWithdrawn,
	rCalendarRange:            ReasonExcludedCalendarRange,
	rNoEndTime:                ReasonExcludedNoEndTime,
	rEndBeforeReception:       ReasonExcludedEndBeforeReception,
	rBadSupplement:            ReasonExcludedBadSupplement,
	rPlaceholder:              ReasonExcludedPlaceholderDate,
	rNilRecord:                ReasonExcludedNilRecord,
}
