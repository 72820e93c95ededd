package publication

import "github.com/vn-dvc/chiso766/indicator"

// Procedure reasons (1.1–1.3). Each procedure record gets exactly one reason per metric in Result's
// ledgers (Ledger11, Ledger12, Ledger13): that of its first counted judgement, else of its first.
const (
	// ReasonAnnouncedOnTime (1.1, counted, numerator): every decision in the period was dated ≤ the legal
	// basis's effective date − lead days.
	ReasonAnnouncedOnTime indicator.Reason = "publication.announced_on_time"
	// ReasonAnnouncedLate (1.1, counted): "late for the period if any of them was late".
	ReasonAnnouncedLate indicator.Reason = "publication.announced_late"
	// ReasonNoDecisionInPeriod (1.1, excluded): no announcement decision dated in the period.
	ReasonNoDecisionInPeriod indicator.Reason = "publication.no_decision_in_period"
	// ReasonNoEffectiveDate (1.1, excluded): the decision in the period has no effective date of its legal
	// basis, so it cannot be judged.
	ReasonNoEffectiveDate indicator.Reason = "publication.no_effective_date"

	// ReasonPublishedOnTime (1.2, counted, numerator): published in the period, publish click ≤ decision
	// date + days.
	ReasonPublishedOnTime indicator.Reason = "publication.published_on_time"
	// ReasonPublishedLate (1.2, counted): published in the period after decision date + days.
	ReasonPublishedLate indicator.Reason = "publication.published_late"
	// ReasonUnpublished (1.2, counted): not yet published at the judgement instant and due under the
	// Pending rule ("those still due for publication").
	ReasonUnpublished indicator.Reason = "publication.unpublished"
	// ReasonNotDue (1.2, excluded): not yet published, but not due under the Pending rule.
	ReasonNotDue indicator.Reason = "publication.not_due"
	// ReasonPublishedOutsidePeriod (1.2, excluded): published before the period (or after it, when AsOf is
	// later).
	ReasonPublishedOutsidePeriod indicator.Reason = "publication.published_outside_period"

	// ReasonComplete (1.3, counted, numerator): the latest publication as of AsOf has components a–g.
	ReasonComplete indicator.Reason = "publication.complete"
	// ReasonIncomplete (1.3, counted): a component of a–g is missing.
	ReasonIncomplete indicator.Reason = "publication.incomplete"
	// ReasonNotPublished (1.3, excluded): not published on the national database as of AsOf.
	ReasonNotPublished indicator.Reason = "publication.not_published"
	// ReasonAbolished (1.3, excluded): the latest published decision abolished the procedure.
	ReasonAbolished indicator.Reason = "publication.abolished"

	// ReasonNoCode (1.1–1.3, excluded): the procedure record has no code.
	ReasonNoCode indicator.Reason = "publication.no_code"
	// ReasonNoPublication (1.1–1.3, excluded): no announcement decision is recorded.
	ReasonNoPublication indicator.Reason = "publication.no_publication"
	// ReasonNoIssuer (1.1–1.3, excluded): neither Publication.IssuerCode nor Procedure.PublisherCode.
	ReasonNoIssuer indicator.Reason = "publication.no_issuer"
	// ReasonUnknownIssuerLevel (1.1, 1.2, excluded): the issuer is neither a ministry nor a province, so
	// the number of days is unknown.
	ReasonUnknownIssuerLevel indicator.Reason = "publication.unknown_issuer_level"
	// ReasonNoDecisionDate (1.1, 1.2, excluded): the decision has no date.
	ReasonNoDecisionDate indicator.Reason = "publication.no_decision_date"
	// ReasonDecisionAfterAsOf (1.1, 1.2, excluded): the decision is dated after AsOf.
	ReasonDecisionAfterAsOf indicator.Reason = "publication.decision_after_as_of"
	// ReasonOutOfCalendar (1.1, 1.2, excluded): a deadline falls outside the calendar's range.
	ReasonOutOfCalendar indicator.Reason = "publication.out_of_calendar"
)

// Dossier reasons (1.4): every dossier read gets exactly one (Result.Ledger), tried in this order.
const (
	ReasonNilRecord                indicator.Reason = "publication.nil_record" // a nil *model.Dossier (a caller's bug; never a panic)
	ReasonNoUnit                   indicator.Reason = "publication.no_unit"
	ReasonNoReception              indicator.Reason = "publication.no_reception"
	ReasonWithdrawnBeforeReception indicator.Reason = "publication.withdrawn_before_reception"
	ReasonOutsidePeriod            indicator.Reason = "publication.outside_period"
	ReasonAfterAsOf                indicator.Reason = "publication.after_as_of"
	ReasonNotSynced                indicator.Reason = "publication.not_synced"  // counted, denominator only
	ReasonSyncFailed               indicator.Reason = "publication.sync_failed" // counted, denominator only
	ReasonSynced                   indicator.Reason = "publication.synced"      // counted, numerator
)

// dossierReasons names the reason indexes; rNoUnit … rAfterAsOf are offer.Place's values.
var dossierReasons = [...]indicator.Reason{
	"", ReasonNoUnit, ReasonNoReception, ReasonWithdrawnBeforeReception, ReasonOutsidePeriod, ReasonAfterAsOf,
	ReasonNilRecord, ReasonNotSynced, ReasonSyncFailed, ReasonSynced,
}

const (
	rNoUnit uint8 = iota + 1
	rNoReception
	rWithdrawn
	rOutsidePeriod
	rAfterAsOf
	rNilRecord
	rNotSynced
	rSyncFailed
	rSynced
	numReasons
)

func reasonCounted(r uint8) bool { return r >= rNotSynced && r <= rSynced }
