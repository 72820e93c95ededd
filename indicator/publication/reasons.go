package publication

import (
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
)

// Procedure reasons (1.1–1.3): each record gets one per metric in Ledger11, Ledger12 and Ledger13, that of
// its first counted judgement, else of its first. The package documentation lists them by metric.
const (
	ReasonAnnouncedOnTime    indicator.Reason = "publication.announced_on_time"
	ReasonAnnouncedLate      indicator.Reason = "publication.announced_late" // a decision was late
	ReasonNoDecisionInPeriod indicator.Reason = "publication.no_decision_in_period"
	ReasonNoEffectiveDate    indicator.Reason = "publication.no_effective_date" // of the legal basis

	ReasonPublishedOnTime        indicator.Reason = "publication.published_on_time"
	ReasonPublishedLate          indicator.Reason = "publication.published_late"
	ReasonUnpublished            indicator.Reason = "publication.unpublished" // pending and due
	ReasonNotDue                 indicator.Reason = "publication.not_due"     // pending, not due
	ReasonPublishedOutsidePeriod indicator.Reason = "publication.published_outside_period"

	ReasonComplete     indicator.Reason = "publication.complete" // latest publication by AsOf has a–g
	ReasonIncomplete   indicator.Reason = "publication.incomplete"
	ReasonNotPublished indicator.Reason = "publication.not_published" // nothing published by AsOf
	ReasonAbolished    indicator.Reason = "publication.abolished"     // the latest decision abolished it

	ReasonNoCode             indicator.Reason = "publication.no_code"
	ReasonNoPublication      indicator.Reason = "publication.no_publication" // no announcement decision
	ReasonNoIssuer           indicator.Reason = "publication.no_issuer"      // no issuer code
	ReasonUnknownIssuerLevel indicator.Reason = "publication.unknown_issuer_level"
	ReasonNoDecisionDate     indicator.Reason = "publication.no_decision_date"
	ReasonDecisionAfterAsOf  indicator.Reason = "publication.decision_after_as_of"
	ReasonOutOfCalendar      indicator.Reason = "publication.out_of_calendar" // beyond the calendar
)

// Dossier reasons (1.4): every dossier read gets exactly one (Result.Ledger), tried in this order.
const (
	ReasonNilRecord                indicator.Reason = "publication.nil_record" // a nil *model.Dossier
	ReasonNoUnit                   indicator.Reason = "publication.no_unit"
	ReasonNoReception              indicator.Reason = "publication.no_reception"
	ReasonWithdrawnBeforeReception indicator.Reason = "publication.withdrawn_before_reception"
	ReasonOutsidePeriod            indicator.Reason = "publication.outside_period"
	ReasonAfterAsOf                indicator.Reason = "publication.after_as_of"
	ReasonNotReceived                               = indicator.ReasonNotReceived    // status 1: not yet received
	ReasonPlaceholderDate          indicator.Reason = "publication.placeholder_date" // a date needed is a placeholder (Reception.Dates)
	ReasonNotSynced                indicator.Reason = "publication.not_synced"       // counted, denominator only
	ReasonSyncFailed               indicator.Reason = "publication.sync_failed"      // counted, denominator only
	ReasonSynced                   indicator.Reason = "publication.synced"           // counted, numerator
)

// dossierReasons names the reason indexes; rNoUnit … rAfterAsOf are offer.Place's values.
var dossierReasons = [...]indicator.Reason{
	"", ReasonNoUnit, ReasonNoReception, ReasonWithdrawnBeforeReception, ReasonOutsidePeriod, ReasonAfterAsOf,
	ReasonNotReceived, ReasonPlaceholderDate, ReasonNilRecord, ReasonNotSynced, ReasonSyncFailed, ReasonSynced,
}

const (
	rNoUnit uint8 = iota + 1
	rNoReception
	rWithdrawn
	rOutsidePeriod
	rAfterAsOf
	rNotReceived
	rPlaceholder
	rNilRecord
	rNotSynced
	rSyncFailed
	rSynced
	numReasons
)

// The first reasons are offer.Place's values.
var _ [1]struct{} = [rPlaceholder - uint8(offer.LastPlace) + 1]struct{}{}

func reasonCounted(r uint8) bool { return r >= rNotSynced && r <= rSynced }
