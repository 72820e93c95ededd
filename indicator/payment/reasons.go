package payment

import (
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
)

// Dossier reasons: every dossier read gets exactly one (Result.Ledger), tried in the order listed; the
// package doc's table says which are counted.
const (
	ReasonNilRecord                indicator.Reason = "payment.nil_record"
	ReasonNoUnit                   indicator.Reason = "payment.no_unit"
	ReasonNoReception              indicator.Reason = "payment.no_reception"
	ReasonWithdrawnBeforeReception indicator.Reason = "payment.withdrawn_before_reception"
	ReasonOutsidePeriod            indicator.Reason = "payment.outside_period"
	ReasonAfterAsOf                indicator.Reason = "payment.after_as_of"
	ReasonNotReceived                               = indicator.ReasonNotReceived // status 1: not yet received
	ReasonPlaceholderDate          indicator.Reason = "payment.placeholder_date"  // the reception time used is a placeholder
	ReasonUnknownProcedure         indicator.Reason = "payment.unknown_procedure"
	ReasonFreeProcedure            indicator.Reason = "payment.free_procedure"
	ReasonZeroFeeLines             indicator.Reason = "payment.zero_fee_lines"
	ReasonNoFeeLines               indicator.Reason = "payment.no_fee_lines"
	ReasonPaidOnline               indicator.Reason = "payment.paid_online"
	ReasonNotPaidOnline            indicator.Reason = "payment.not_paid_online"
)

// Catalogue reasons: every procedure and offering record of Options gets exactly one (Result.Catalogue).
const (
	ReasonProcedureFeeBearing      indicator.Reason = "payment.procedure_fee_bearing"
	ReasonProcedureFree            indicator.Reason = "payment.procedure_free"
	ReasonProcedureDuplicate       indicator.Reason = "payment.procedure_duplicate"
	ReasonProcedureNoCode          indicator.Reason = "payment.procedure_no_code"
	ReasonOfferingFeeBearing       indicator.Reason = "payment.offering_fee_bearing"
	ReasonOfferingFree             indicator.Reason = "payment.offering_free"
	ReasonOfferingUnknownProcedure indicator.Reason = "payment.offering_unknown_procedure"
	ReasonOfferingNotInForce       indicator.Reason = "payment.offering_not_in_force"
	ReasonOfferingDuplicate        indicator.Reason = "payment.offering_duplicate"
	ReasonOfferingNoUnit           indicator.Reason = "payment.offering_no_unit"
)

// Reasons of the procedures Report notes (Scope.Note, RecordOffering) as losing points as a whole.
const (
	// ReasonProcedureNotPaidOnline: a fee-bearing procedure of the unit none of whose dossiers in the
	// period was paid online (3.4).
	ReasonProcedureNotPaidOnline indicator.Reason = "scorecard.procedure_not_paid_online"
	// ReasonProcedureNoFeeData: a fee-bearing procedure of the unit none of whose dossiers carried fee
	// data (3.5).
	ReasonProcedureNoFeeData indicator.Reason = "scorecard.procedure_no_fee_data"
)

// dossierReasons lists the dossier reasons in rule order; Verdict.reason indexes it.
var dossierReasons = [...]indicator.Reason{
	"", ReasonNoUnit, ReasonNoReception, ReasonWithdrawnBeforeReception, ReasonOutsidePeriod, ReasonAfterAsOf,
	ReasonNotReceived, ReasonPlaceholderDate, ReasonUnknownProcedure,
	ReasonFreeProcedure, ReasonZeroFeeLines, ReasonNoFeeLines, ReasonPaidOnline, ReasonNotPaidOnline, ReasonNilRecord,
}

// Indexes into dossierReasons after the first ones, which are offer.Place's values (Window.Admit).
const (
	rUnknownProcedure = uint8(offer.LastPlace) + 1 + iota
	rFreeProcedure
	rZeroFeeLines
	rNoFeeLines
	rPaidOnline
	rNotPaidOnline
	rNilRecord
	numReasons
)

// Every reason index fits offer.Reasons.
var _ [offer.MaxReasons - numReasons]struct{}

// reasonCounted reports whether dossiers with reason index r are counted (in 3.6's denominator).
func reasonCounted(r uint8) bool { return r == rPaidOnline || r == rNotPaidOnline }
