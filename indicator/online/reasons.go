package online

import (
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
)

// Dossier reasons: every dossier read gets exactly one (Result.Ledger), tried in the order listed; the
// package doc's table says which are counted.
const (
	ReasonNilRecord                indicator.Reason = "online.nil_record"
	ReasonNoUnit                   indicator.Reason = "online.no_unit"
	ReasonNoReception              indicator.Reason = "online.no_reception"
	ReasonWithdrawnBeforeReception indicator.Reason = "online.withdrawn_before_reception"
	ReasonOutsidePeriod            indicator.Reason = "online.outside_period"
	ReasonAfterAsOf                indicator.Reason = "online.after_as_of"
	ReasonNotReceived                               = indicator.ReasonNotReceived // status 1: not yet received
	ReasonPlaceholderDate          indicator.Reason = "online.placeholder_date"   // the reception time used is a placeholder
	ReasonNotOnline                indicator.Reason = "online.not_online"
	ReasonOnlineWithoutEResult     indicator.Reason = "online.online_without_e_result"
	ReasonOnline                   indicator.Reason = "online.online"
)

// Catalogue reasons: every procedure and offering record of Options gets exactly one (Result.Catalogue).
const (
	ReasonProcedureListed         indicator.Reason = "online.procedure_listed"
	ReasonProcedureDuplicate      indicator.Reason = "online.procedure_duplicate"
	ReasonProcedureNoCode         indicator.Reason = "online.procedure_no_code"
	ReasonOfferingService         indicator.Reason = "online.offering_service"
	ReasonOfferingInactiveService indicator.Reason = "online.offering_inactive_service"
	ReasonOfferingNotOnline       indicator.Reason = "online.offering_not_online"
	ReasonOfferingDuplicate       indicator.Reason = "online.offering_duplicate"
	ReasonOfferingNotInForce      indicator.Reason = "online.offering_not_in_force"
	ReasonOfferingNoUnit          indicator.Reason = "online.offering_no_unit"
	ReasonOfferingNoProcedure     indicator.Reason = "online.offering_no_procedure"
)

// Reasons of the procedures Report notes (Scope.Note, RecordOffering) as losing points as a whole.
const (
	// ReasonProcedureNotOnline: a procedure under the unit's authority with no online service (3.1).
	ReasonProcedureNotOnline indicator.Reason = "scorecard.procedure_not_online"
	// ReasonServiceWithoutOnlineDossier: an online service without an online dossier in the period (3.2);
	// in a parent's notes a sub-unit's service is "unit/code".
	ReasonServiceWithoutOnlineDossier indicator.Reason = "scorecard.service_without_online_dossier"
)

// dossierReasons lists the dossier reasons in rule order; Verdict.reason indexes it.
var dossierReasons = [...]indicator.Reason{
	"", ReasonNoUnit, ReasonNoReception, ReasonWithdrawnBeforeReception, ReasonOutsidePeriod, ReasonAfterAsOf,
	ReasonNotReceived, ReasonPlaceholderDate, ReasonNotOnline,
	ReasonOnlineWithoutEResult, ReasonOnline, ReasonNilRecord,
}

// Indexes into dossierReasons after the first ones, which are offer.Place's values (Window.Admit).
const (
	rNotOnline = uint8(offer.LastPlace) + 1 + iota
	rOnlineWithoutEResult
	rOnline
	rNilRecord
	numReasons
)

// Every reason index fits offer.Reasons.
var _ [offer.MaxReasons - numReasons]struct{}

// reasonCounted reports whether dossiers with reason index r are counted (in 3.3's denominator).
func reasonCounted(r uint8) bool { return r >= rNotOnline && r <= rOnline }
