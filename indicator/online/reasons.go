package online

import (
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
)

// Dossier reasons: every dossier read gets exactly one (Result.Ledger). They are tried in the order listed.
const (
	// ReasonNilRecord: a nil *model.Dossier (a caller's bug, not a portal record); counted in the ledger
	// rather than a panic. Excluded.
	ReasonNilRecord indicator.Reason = "online.nil_record"
	// ReasonNoUnit: the dossier has no unit (UnitID empty). Excluded.
	ReasonNoUnit indicator.Reason = "online.no_unit"
	// ReasonNoReception: no reception time (NgayTiepNhan, nor NgayNopHoSo under the fallback policy).
	// Excluded.
	ReasonNoReception indicator.Reason = "online.no_reception"
	// ReasonWithdrawnBeforeReception: withdrawn (status 7) without a reception time (NgayTiepNhan), under
	// Reception.ExcludeWithdrawnBeforeReception: "dossiers withdrawn before reception are not counted".
	// Excluded.
	ReasonWithdrawnBeforeReception indicator.Reason = "online.withdrawn_before_reception"
	// ReasonOutsidePeriod: "dossiers received in the period" — received before or after it. Excluded.
	ReasonOutsidePeriod indicator.Reason = "online.outside_period"
	// ReasonAfterAsOf: received in the period but after the as-of instant. Excluded.
	ReasonAfterAsOf indicator.Reason = "online.after_as_of"
	// ReasonNotOnline: received through another channel (direct, postal) or with no channel ("an absent
	// value counts as direct"). Counted in 3.3's denominator only.
	ReasonNotOnline indicator.Reason = "online.not_online"
	// ReasonOnlineWithoutEResult: received online, but its procedure returns a paper result and the dossier
	// carries no electronic result ("and, for procedures whose result is a paper document, carrying an
	// electronic result"). Counted in 3.3's denominator only.
	ReasonOnlineWithoutEResult indicator.Reason = "online.online_without_e_result"
	// ReasonOnline: "dossiers received online (KenhThucHien in Reception.OnlineChannels) in the period" meeting
	// the result condition. Counted in 3.3's numerator and denominator.
	ReasonOnline indicator.Reason = "online.online"
)

// Catalogue reasons: every procedure and offering record of Options gets exactly one (Result.Catalogue).
const (
	// ReasonProcedureListed: a catalogue procedure (its PaperResult and FullOnlineEligible flags are used).
	// Counted.
	ReasonProcedureListed indicator.Reason = "online.procedure_listed"
	// ReasonProcedureDuplicate: a second record with the same (mapped) code; the first wins. Excluded.
	ReasonProcedureDuplicate indicator.Reason = "online.procedure_duplicate"
	// ReasonProcedureNoCode: a procedure record without a code. Excluded.
	ReasonProcedureNoCode indicator.Reason = "online.procedure_no_code"
	// ReasonOfferingService: the offering that gives its (unit, procedure) pair its highest level, which is
	// partial or full, and the pair is an online service in a counted state: 3.1 numerator, 3.2
	// denominator. Counted.
	ReasonOfferingService indicator.Reason = "online.offering_service"
	// ReasonOfferingInactiveService: as ReasonOfferingService, but no offering of the pair is in a state of
	// Policy.OfferingStates: 3.1 numerator only. Counted.
	ReasonOfferingInactiveService indicator.Reason = "online.offering_inactive_service"
	// ReasonOfferingNotOnline: the pair's highest level is none, information only or unknown: 3.1
	// denominator only ("all procedures under its authority"). Counted.
	ReasonOfferingNotOnline indicator.Reason = "online.offering_not_online"
	// ReasonOfferingDuplicate: another offering of the same unit and procedure decides the pair ("a
	// procedure offered at both levels counts once at the higher"). Excluded.
	ReasonOfferingDuplicate indicator.Reason = "online.offering_duplicate"
	// ReasonOfferingNotInForce: not valid at the judgement instant. Excluded.
	ReasonOfferingNotInForce indicator.Reason = "online.offering_not_in_force"
	// ReasonOfferingNoUnit: an offering without a unit. Excluded.
	ReasonOfferingNoUnit indicator.Reason = "online.offering_no_unit"
	// ReasonOfferingNoProcedure: an offering without a procedure code. Excluded.
	ReasonOfferingNoProcedure indicator.Reason = "online.offering_no_procedure"
)

// Reasons of the procedures Report notes (Scope.Note, RecordOffering) as losing points as a whole.
const (
	// ReasonProcedureNotOnline: a procedure under the unit's authority offered with no online service
	// (3.1's denominator, not its numerator).
	ReasonProcedureNotOnline indicator.Reason = "scorecard.procedure_not_online"
	// ReasonServiceWithoutOnlineDossier: an online service of the unit that received no online dossier in
	// the period (3.2); in a parent's notes a sub-unit's service is "unit/code".
	ReasonServiceWithoutOnlineDossier indicator.Reason = "scorecard.service_without_online_dossier"
)

// dossierReasons lists the dossier reasons in rule order; Verdict.reason indexes it.
var dossierReasons = [...]indicator.Reason{
	"", ReasonNoUnit, ReasonNoReception, ReasonWithdrawnBeforeReception, ReasonOutsidePeriod, ReasonAfterAsOf, ReasonNotOnline,
	ReasonOnlineWithoutEResult, ReasonOnline, ReasonNilRecord,
}

// Indexes into dossierReasons.
const (
	rNoUnit              = uint8(offer.NoUnit) // the first five are numbered as offer.Place (Window.Admit)
	rNoReception         = uint8(offer.NoReception)
	rWithdrawn           = uint8(offer.Withdrawn)
	rOutsidePeriod       = uint8(offer.OutsidePeriod)
	rAfterAsOf           = uint8(offer.AfterAsOf)
	rNotOnline     uint8 = iota + 1
	rOnlineWithoutEResult
	rOnline
	rNilRecord // last: the first five indexes are offer.Place's
	numReasons
)

// Every reason index fits offer.Reasons.
var _ [offer.MaxReasons - numReasons]struct{}

// reasonCounted reports whether dossiers with reason index r are counted (in 3.3's denominator).
func reasonCounted(r uint8) bool { return r >= rNotOnline && r <= rOnline }
