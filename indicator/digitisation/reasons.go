package digitisation

import "github.com/vn-dvc/chiso766/indicator"

// Reason codes of the package. The ledger reason of a dossier is one of the first group; the metric
// verdicts carry the others. The package documentation lists the rule sentence behind each.
const (
	// Ledger reasons of a dossier (exactly one per dossier read).
	ReasonCounted                  indicator.Reason = "digitisation.counted"                    // received in the period with NgayTiepNhan
	ReasonCountedWithoutReception  indicator.Reason = "digitisation.counted_without_reception"  // received in the period by the NgayNopHoSo fallback: not in 4.3
	ReasonNilRecord                indicator.Reason = "digitisation.nil_record"                 // a nil *model.Dossier given to Classify (a caller's bug; never a panic)
	ReasonNoUnit                   indicator.Reason = "digitisation.no_unit"                    // no unit id (dossiers, offerings, communes)
	ReasonNoDate                   indicator.Reason = "digitisation.no_date"                    // neither NgayTiepNhan nor (with the fallback) NgayNopHoSo
	ReasonNotReceived                               = indicator.ReasonNotReceived               // status 1 (registered, not yet received), whatever its dates
	ReasonPlaceholderDate          indicator.Reason = "digitisation.placeholder_date"           // the reception time used is a placeholder (Reception.Dates)
	ReasonWithdrawnBeforeReception indicator.Reason = "digitisation.withdrawn_before_reception" // status 7 without NgayTiepNhan (policy ExcludeWithdrawnBeforeReception)
	ReasonNotInPeriod              indicator.Reason = "digitisation.not_in_period"              // received outside the period
	ReasonAfterAsOf                indicator.Reason = "digitisation.after_as_of"                // received in the period but after AsOf

	// 4.1
	ReasonElectronicResult   indicator.Reason = "digitisation.electronic_result"    // numerator: a result with a result code and a file link
	ReasonNoElectronicResult indicator.Reason = "digitisation.no_electronic_result" // denominator only
	ReasonNoPaperResult      indicator.Reason = "digitisation.no_paper_result"      // not in 4.1: the procedure returns no paper result
	ReasonUnknownProcedure   indicator.Reason = "digitisation.unknown_procedure"    // not in 4.1 (or an offering not in 4.6a): procedure code not in the catalogue
	// 4.2
	ReasonDigitised       indicator.Reason = "digitisation.digitised"         // numerator: a submitted file and a result file
	ReasonNoSubmittedFile indicator.Reason = "digitisation.no_submitted_file" // denominator only: no undeleted submitted file with a file link
	ReasonNoResultFile    indicator.Reason = "digitisation.no_result_file"    // denominator only: submitted files but no result file
	// 4.3
	ReasonReusedData      indicator.Reason = "digitisation.reused_data"       // numerator: HoSoCoThanhPhanSoHoa = 1 or a file with DuocSoHoa = 1
	ReasonNoReusedData    indicator.Reason = "digitisation.no_reused_data"    // denominator only
	ReasonNoReceptionDate indicator.Reason = "digitisation.no_reception_date" // not in 4.3: no NgayTiepNhan
	// 4.5
	ReasonFileFromStore    indicator.Reason = "digitisation.file_from_store"     // numerator: a file with DuocLayTuKhoDMQG = 1
	ReasonResultSynced     indicator.Reason = "digitisation.result_synced"       // numerator: electronic result synced to the store
	ReasonNotLinkedToStore indicator.Reason = "digitisation.not_linked_to_store" // denominator only
	// 4.6b
	ReasonVNeID            indicator.Reason = "digitisation.vneid"              // numerator: VNeID-authenticated account
	ReasonStoreData        indicator.Reason = "digitisation.store_data"         // numerator: data taken from the portal store
	ReasonPopulationDB     indicator.Reason = "digitisation.population_db"      // numerator: a MaCSDL in PopulationDBCodes
	ReasonNoPopulationData indicator.Reason = "digitisation.no_population_data" // denominator only

	// Catalogue ledger (Result.Catalogue): offerings for 4.6a, communes for 4.4.
	ReasonConnectedProcedure      indicator.Reason = "digitisation.connected_procedure"        // 4.6a numerator
	ReasonUnconnectedProcedure    indicator.Reason = "digitisation.unconnected_procedure"      // 4.6a denominator only
	ReasonNotCitizenFacing        indicator.Reason = "digitisation.not_citizen_facing"         // offering excluded: applicants are not citizens
	ReasonOfferingNotInForce      indicator.Reason = "digitisation.offering_not_in_force"      // offering excluded: not valid during the period
	ReasonDuplicate               indicator.Reason = "digitisation.duplicate"                  // offering (unit, procedure) or commune listed twice
	ReasonCertifiedCopyOffered    indicator.Reason = "digitisation.certified_copy_offered"     // 4.4 numerator
	ReasonCertifiedCopyNotOffered indicator.Reason = "digitisation.certified_copy_not_offered" // 4.4 denominator only
)
