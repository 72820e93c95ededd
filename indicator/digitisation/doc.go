// Package digitisation computes group 4 of the Decision 766 index, "Số hóa hồ sơ" (digitisation of
// dossiers): 4.1, 4.2, 4.3, 4.5 and 4.6b from dossiers, 4.4 from the communes' certified-copy service and
// 4.6a from the procedures units offer (docs/rules.md, 4.1–4.6b).
//
// Legal basis: Decision 766/QĐ-TTg of 23/6/2022 as the National Public Service Portal applies it; Decree
// 45/2020/NĐ-CP (electronic results, digitised and reused components, the applicant's data store) for
// 4.1–4.3 and 4.5; Decree 23/2015/NĐ-CP (certified copies) for 4.4; Decision 06/QĐ-TTg of 2022
// (population data) for 4.6a and 4.6b.
//
// # Rules
//
// The dossier metrics count dossiers received in the period (indicator.ReceptionPolicy; a status-1 dossier
// without NgayTiepNhan is never counted) at Dossier.UnitID:
//
//   - 4.1: with a result document that has a result code and a file link / of procedures returning a
//     paper result (Procedure.PaperResult; unknown procedures are left out).
//   - 4.2: with an undeleted submitted file and a result file / all.
//   - 4.3: with a component marked as reused digitised data / those with NgayTiepNhan.
//   - 4.5: with a file from the applicant's store, or a result synced to it / all.
//   - 4.6b: VNeID-authenticated, with store data or with a population-database link / all.
//   - 4.4: communes offering electronic certified copies / communes (Options.Communes, one per commune).
//   - 4.6a: procedures offered by the unit in the period for citizens and connected to the population
//     database / procedures offered for citizens, each once per unit. Under PoolOwn, Report gives a
//     parent the distinct procedures offered in its sub-tree.
//
// # Reason codes
//
// Every dossier read gets one ledger reason, every offering and commune one catalogue reason; all are
// prefixed "digitisation.":
//
//	dossier    counted, counted_without_reception (not in 4.3) | nil_record, no_unit, no_date,
//	           not_received, withdrawn_before_reception, not_in_period, after_as_of (excluded)
//	4.1        electronic_result (num) | no_electronic_result | no_paper_result, unknown_procedure (out)
//	4.2        digitised (num) | no_submitted_file | no_result_file
//	4.3        reused_data (num) | no_reused_data | no_reception_date (out)
//	4.5        file_from_store, result_synced (num) | not_linked_to_store
//	4.6b       vneid, store_data, population_db (num) | no_population_data
//	catalogue  connected_procedure (4.6a num), unconnected_procedure (4.6a), certified_copy_offered (4.4
//	           num), certified_copy_not_offered (4.4) | not_citizen_facing, unknown_procedure,
//	           offering_not_in_force, duplicate, no_unit (excluded)
//
// # Policies
//
// indicator.DigitisationPolicy (docs/rules.md, 4.1 and 4.6b): PopulationDBCodes {"7"} [Open: which MaCSDL
// code is the population database is unverified]; ElectronicResultScope ResultScopePaper, or
// ResultScopeAll (every dossier in 4.1's denominator, as the portal's published rows read) [Open]. The 4.5
// coefficient is the edition's scoring rule, not applied here.
//
// # Use
//
// New, then per dossier Accumulator.Add with its Case (the scorecard's pass) or Run over a stream; Report
// adds the catalogue counts and pools 4.6a. Accumulators merge. Data problems are reasons, never errors or
// panics; New's errors are *indicator.OptionError. Cost: Add scans the dossier's files, results and
// database codes, with at most two map lookups and no allocation; memory is O(units + catalogue).
package digitisation
