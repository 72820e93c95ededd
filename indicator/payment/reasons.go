package payment

import (
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
)

// Dossier reasons: every dossier read gets exactly one (Result.Ledger). They are tried in the order listed.
const (
	// ReasonNilRecord: a nil *model.Dossier (a caller's bug, not a portal record); counted in the ledger
	// rather than a panic. Excluded.
	ReasonNilRecord indicator.Reason = "payment.nil_record"
	// ReasonNoUnit: the dossier has no unit (UnitID empty), so it cannot be attributed. Excluded.
	ReasonNoUnit indicator.Reason = "payment.no_unit"
	// ReasonNoReception: no reception time (NgayTiepNhan, nor NgayNopHoSo under the fallback policy).
	// Excluded.
	ReasonNoReception indicator.Reason = "payment.no_reception"
	// ReasonWithdrawnBeforeReception: withdrawn (status 7) without a reception time (NgayTiepNhan), under
	// Reception.ExcludeWithdrawnBeforeReception: "dossiers withdrawn before reception are not counted".
	// Excluded.
	ReasonWithdrawnBeforeReception indicator.Reason = "payment.withdrawn_before_reception"
	// ReasonOutsidePeriod: "with processing start in the period" — received before or after the period.
	// Excluded.
	ReasonOutsidePeriod indicator.Reason = "payment.outside_period"
	// ReasonAfterAsOf: received in the period but after the as-of instant (future data). Excluded.
	ReasonAfterAsOf indicator.Reason = "payment.after_as_of"
	// ReasonUnknownProcedure: the procedure code (after CodeMap) is not in the catalogue, so whether it is
	// fee-bearing is unknown. Excluded.
	ReasonUnknownProcedure indicator.Reason = "payment.unknown_procedure"
	// ReasonFreeProcedure: "dossiers of fee-bearing procedures" — the procedure has no fee other than 0 or
	// null. Excluded.
	ReasonFreeProcedure indicator.Reason = "payment.free_procedure"
	// ReasonZeroFeeLines: "excluding dossiers whose every fee line has amount 0"
	// (Policy.ZeroFeeLinesExcluded). Excluded.
	ReasonZeroFeeLines indicator.Reason = "payment.zero_fee_lines"
	// ReasonNoFeeLines: no fee line at all, under Policy.NoFeeLines = NoFeeLinesExcluded. Excluded.
	ReasonNoFeeLines indicator.Reason = "payment.no_fee_lines"
	// ReasonPaidOnline: "dossiers paid online" (DuocThanhToanTrucTuyen in Policy.PaidOnlineCodes). Counted
	// in 3.6's numerator and denominator.
	ReasonPaidOnline indicator.Reason = "payment.paid_online"
	// ReasonNotPaidOnline: a counted dossier not paid online (code absent, 0, 3 or outside
	// Policy.PaidOnlineCodes). Counted in 3.6's denominator only.
	ReasonNotPaidOnline indicator.Reason = "payment.not_paid_online"
)

// Catalogue reasons: every procedure and offering record of Options gets exactly one (Result.Catalogue).
const (
	// ReasonProcedureFeeBearing: a catalogue procedure with a fee neither 0 nor null. Counted.
	ReasonProcedureFeeBearing indicator.Reason = "payment.procedure_fee_bearing"
	// ReasonProcedureFree: a catalogue procedure without such a fee. Excluded.
	ReasonProcedureFree indicator.Reason = "payment.procedure_free"
	// ReasonProcedureDuplicate: a second record with the same (mapped) code; the first wins. Excluded.
	ReasonProcedureDuplicate indicator.Reason = "payment.procedure_duplicate"
	// ReasonProcedureNoCode: a procedure record without a code. Excluded.
	ReasonProcedureNoCode indicator.Reason = "payment.procedure_no_code"
	// ReasonOfferingFeeBearing: an offering in force of a fee-bearing procedure: in the unit's 3.4 and 3.5
	// denominators. Counted.
	ReasonOfferingFeeBearing indicator.Reason = "payment.offering_fee_bearing"
	// ReasonOfferingFree: an offering in force of a procedure that is not fee-bearing. Excluded.
	ReasonOfferingFree indicator.Reason = "payment.offering_free"
	// ReasonOfferingUnknownProcedure: the offering's procedure is not in the catalogue. Excluded.
	ReasonOfferingUnknownProcedure indicator.Reason = "payment.offering_unknown_procedure"
	// ReasonOfferingNotInForce: the offering is not valid at the judgement instant. Excluded.
	ReasonOfferingNotInForce indicator.Reason = "payment.offering_not_in_force"
	// ReasonOfferingDuplicate: the unit already has an offering in force of that procedure (a procedure
	// counts once per unit). Excluded.
	ReasonOfferingDuplicate indicator.Reason = "payment.offering_duplicate"
	// ReasonOfferingNoUnit: an offering without a unit. Excluded.
	ReasonOfferingNoUnit indicator.Reason = "payment.offering_no_unit"
)

// Reasons of the procedures Report notes (Scope.Note, RecordOffering) as losing points as a whole.
const (
	// ReasonProcedureNotPaidOnline: a fee-bearing procedure offered by the unit none of whose dossiers in
	// the period was paid online (3.4's denominator, not its numerator).
	ReasonProcedureNotPaidOnline indicator.Reason = "scorecard.procedure_not_paid_online"
	// ReasonProcedureNoFeeData: a fee-bearing procedure offered by the unit none of whose dossiers carried
	// fee data (3.5).
	ReasonProcedureNoFeeData indicator.Reason = "scorecard.procedure_no_fee_data"
)

// dossierReasons lists the dossier reasons in rule order; Verdict.reason indexes it.
var dossierReasons = [...]indicator.Reason{
	"", ReasonNoUnit, ReasonNoReception, ReasonWithdrawnBeforeReception, ReasonOutsidePeriod, ReasonAfterAsOf, ReasonUnknownProcedure,
	ReasonFreeProcedure, ReasonZeroFeeLines, ReasonNoFeeLines, ReasonPaidOnline, ReasonNotPaidOnline, ReasonNilRecord,
}

// Indexes into dossierReasons.
const (
	rNoUnit                 = uint8(offer.NoUnit) // the first five are numbered as offer.Place (Window.Admit)
	rNoReception            = uint8(offer.NoReception)
	rWithdrawn              = uint8(offer.Withdrawn)
	rOutsidePeriod          = uint8(offer.OutsidePeriod)
	rAfterAsOf              = uint8(offer.AfterAsOf)
	rUnknownProcedure uint8 = iota + 1
	rFreeProcedure
	rZeroFeeLines
	rNoFeeLines
	rPaidOnline
	rNotPaidOnline
	rNilRecord // last: the first five indexes are offer.Place's
	numReasons
)

// Every reason index fits offer.Reasons.
var _ [offer.MaxReasons - numReasons]struct{}

// reasonCounted reports whether dossiers with reason index r are counted (in 3.6's denominator).
func reasonCounted(r uint8) bool { return r == rPaidOnline || r == rNotPaidOnline }
