// Package digitisation computes group 4 of the Decision 766 index, "Số hóa hồ sơ" (digitisation of
// dossiers): 4.1, 4.2, 4.3, 4.5 and 4.6b from dossiers, 4.4 from the communes' certified-copy service and
// 4.6a from the procedures units offer (docs/rules.md, 4.1–4.6b, with each metric's legal basis: Decrees
// 45/2020/NĐ-CP and 23/2015/NĐ-CP, Decision 06/QĐ-TTg of 2022).
//
// # Rules
//
// The dossier metrics count dossiers received in the period (indicator.ReceptionPolicy: a status-1 dossier
// is never counted, reception.not_received; a placeholder reception time excludes the dossier,
// digitisation.placeholder_date) at Dossier.UnitID:
//
//   - 4.1: with a result document that has a result code and a file link / of procedures returning a
//     paper result (Procedure.PaperResult; unknown procedures are left out).
//   - 4.2: with an undeleted submitted file that has a file link and a result file / all.
//   - 4.3: with a component marked as reused digitised data / those with NgayTiepNhan.
//   - 4.5: with a file from the applicant's store, or a result synced to it / all.
//   - 4.6b: VNeID-authenticated, with store data or with a population-database link / all.
//   - 4.4: communes offering electronic certified copies / communes (Options.Communes, one per commune).
//   - 4.6a: procedures offered by the unit in the period for citizens and connected to the population
//     database / procedures offered for citizens, each once per unit. Under PoolOwn, Report gives a
//     parent the distinct procedures offered in its sub-tree and, to a top parent under
//     indicator.ParentCatalogue, every citizen-facing catalogue procedure too.
//
// Every dossier read gets one ledger reason (ReasonCounted, ReasonCountedWithoutReception or an
// exclusion) and one reason per metric; every offering and commune one catalogue reason. All are
// prefixed "digitisation.".
//
// # Policies
//
// indicator.DigitisationPolicy (docs/rules.md, 4.1 and 4.6b): PopulationDBCodes {"7"} [Open: which MaCSDL
// code is the population database is unverified]; ElectronicResultScope ResultScopePaper, or
// ResultScopeAll (every dossier in 4.1's denominator, as the portal's published rows read) [Open];
// UnlinkedFilesCount false (decided: a submitted entry without a file link is not digitised). The 4.5
// coefficient is the edition's scoring rule, not applied here.
//
// # Use
//
// New, then per dossier Accumulator.Add with its Case (the scorecard's pass) or Run over a stream; Report
// adds the catalogue counts and pools 4.6a. Accumulators merge. Data problems are reasons, never errors or
// panics; New's errors are *indicator.OptionError. Add does not allocate; memory is O(units + catalogue).
package digitisation
