package satisfaction

import "github.com/vn-dvc/chiso766/indicator"

// Reason codes. Dossiers (5.3) and petitions (5.0–5.2) have separate ledgers (Result.Ledger and
// Result.Petitions); every record read gets exactly one ledger reason.
const (
	// Dossier ledger and 5.3 verdict reasons.
	ReasonDossierSatisfied    indicator.Reason = "satisfaction.dossier_satisfied"     // 5.3 numerator: no dislike, no complaint, not late
	ReasonDossierDisliked     indicator.Reason = "satisfaction.dossier_disliked"      // 5.3 denominator only: a dislike rating
	ReasonDossierComplaint    indicator.Reason = "satisfaction.dossier_complaint"     // 5.3 denominator only: a petition names the dossier
	ReasonDossierLate         indicator.Reason = "satisfaction.dossier_resolved_late" // 5.3 denominator only: resolved late (Timing Late)
	ReasonDossierNotProcessed indicator.Reason = "satisfaction.dossier_not_processed" // excluded: not received and processed in the period (Timing NotTimed)
	ReasonDossierNoUnit       indicator.Reason = "satisfaction.dossier_no_unit"       // excluded: no unit id
	ReasonDossierNilRecord    indicator.Reason = "satisfaction.dossier_nil_record"    // excluded: a nil *model.Dossier (a caller's bug; never a panic)

	// Petition ledger reasons (one per petition read).
	ReasonPetitionOnTime          indicator.Reason = "satisfaction.petition_on_time"          // handled, every deadline met
	ReasonPetitionLate            indicator.Reason = "satisfaction.petition_late"             // handled, a deadline missed
	ReasonPetitionOpenWithin      indicator.Reason = "satisfaction.petition_open_within"      // open, within its deadlines
	ReasonPetitionOpenOverdue     indicator.Reason = "satisfaction.petition_open_overdue"     // open, a deadline passed
	ReasonPetitionNoUnit          indicator.Reason = "satisfaction.petition_no_unit"          // excluded: no handling unit
	ReasonPetitionNoDate          indicator.Reason = "satisfaction.petition_no_date"          // excluded: no first-reception time
	ReasonPetitionNotInPeriod     indicator.Reason = "satisfaction.petition_not_in_period"    // excluded: first received outside the period
	ReasonPetitionAfterAsOf       indicator.Reason = "satisfaction.petition_after_as_of"      // excluded: first received in the period after AsOf
	ReasonPetitionOutsideCalendar indicator.Reason = "satisfaction.petition_outside_calendar" // excluded: a date outside the calendar's years
	ReasonPetitionDuplicate       indicator.Reason = "satisfaction.petition_duplicate"        // excluded: same unit and id already counted
	ReasonPetitionNilRecord       indicator.Reason = "satisfaction.petition_nil_record"       // excluded: a nil *model.Petition (never a panic)

	// 5.0 verdict reasons.
	ReasonCategoryProcedure    indicator.Reason = "satisfaction.category_procedure"    // numerator: policy/procedure category
	ReasonCategoryStaff        indicator.Reason = "satisfaction.category_staff"        // denominator; counted in Tally.PetitionsStaff
	ReasonCategoryUnclassified indicator.Reason = "satisfaction.category_unclassified" // denominator only: unclassified or unknown

	// 5.2 verdict reasons, the last three checked in this order (5.1 uses the petition ledger reasons).
	ReasonPetitionSatisfied   indicator.Reason = "satisfaction.petition_satisfied"    // numerator
	ReasonPetitionUnsatisfied indicator.Reason = "satisfaction.petition_unsatisfied"  // more dislikes than likes
	ReasonPetitionRepeated    indicator.Reason = "satisfaction.petition_repeated"     // followed by another petition about the result
	ReasonPetitionHandledLate indicator.Reason = "satisfaction.petition_handled_late" // handled late or open past a deadline
)
