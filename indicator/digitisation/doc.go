// Package digitisation computes group 4 of the Decision 766 index, "Số hóa hồ sơ" (digitisation of
// dossiers, 22 points on the portal), from dossier records and a small procedure catalogue: metrics 4.1,
// 4.2, 4.3, 4.4, 4.5, 4.6a and 4.6b (INDICATORS.md §2–3, group 4).
//
// # Legal basis
//
// Prime Minister's Decision 766/QĐ-TTg of 23/6/2022 (the index, group "Mức độ số hóa hồ sơ"), as the
// National Public Service Portal applies it; Decree 45/2020/NĐ-CP on administrative procedures in the
// electronic environment (electronic results, digitised and reused dossier components, the applicant's data
// store on the portal) for 4.1–4.3 and 4.5; Decree 23/2015/NĐ-CP on certified copies for 4.4; Decision
// 06/QĐ-TTg (2022) on applying population data for 4.6a and 4.6b. The record rules are those of the
// project's INDICATORS.md §3 and the fields those of DATA-MODEL.md §1.3 and §2.
//
// # Rules
//
// "Received in the period" is NgayTiepNhan, or NgayNopHoSo when it is absent and
// RecordPolicy.ReceivedFallbackToSubmitted is set (the [Doc] rule; default true), on one of the period's days
// in Vietnam time and not after AsOf. Every dossier metric below has that denominator unless stated.
//
//   - 4.1 (ORIGINAL_RESULT_AVAILABLE, 6 points): dossiers with an electronic result — a result document with
//     a result code (MaGiayToKetQua) and a file link (DuongDanTepTinKetQua) — over dossiers of procedures
//     that return a paper result (Procedure.PaperResult in Options.Procedures). Dossiers whose procedure is
//     not in the catalogue are kept out of 4.1's denominator (ReasonUnknownProcedure).
//   - 4.2 (SO_HOA_GIAY_TO_GIAI_QUYET, 4): dossiers with a file attached to the submitted components (a
//     TaiLieuNop entry not flagged IsDeleted) and a file attached to the result.
//   - 4.3 (REUSED_DIGITIZED_DATA, 2): dossiers with at least one component flagged as reused digitised data
//     (HoSoCoThanhPhanSoHoa = 1 or an undeleted TaiLieuNop with DuocSoHoa = 1); dossiers without a reception
//     date (NgayTiepNhan) are not counted (ReasonNoReceptionDate) even when the fallback admits them to the
//     other metrics.
//   - 4.4 (ELECTRONIC_CERTIFIED_COPY, 2): communes offering electronic certified copies from originals over
//     communes under the unit. Input: Options.Communes, one CommuneCopy per commune; each adds 1 to its own
//     unit's denominator and, when it offers the service, 1 to the numerator, so that a province pooling its
//     communes gets "communes offering / communes under it". With no data the count is 0/0: the edition's
//     zero rule decides (full marks on the portal).
//   - 4.5 (SYNCED_WITH_DVCQG_PERSONAL_STORAGE, 4): dossiers with at least one undeleted file taken from the
//     applicant's data store on the portal (DuocLayTuKhoDMQG = 1) or whose electronic result was synced to that
//     store (Dossier.ResultSyncedToStore).
//   - 4.6a (CITIZEN_DATA_CONNECTED_FORMALITY, 2): per unit, the procedures it offers (Options.Offerings in
//     force at some time in the period; each (unit, procedure) once) whose applicants are citizens
//     (Procedure.CitizenFacing: Vietnamese citizens, Vietnamese residing abroad, foreigners) and that are
//     connected to the population database (Procedure.PopulationDBConnected), over such procedures.
//   - 4.6b (CITIZEN_DATA_CONNECTED_DOSSIER, 2): dossiers with a VNeID-authenticated account
//     (TaiKhoanDuocXacThucVoiVNeID = 1), data taken from the portal store (an undeleted file with
//     DuocLayTuKhoDMQG = 1) or a population-database link (a DSKetNoiCSDL MaCSDL in PopulationDBCodes), over
//     all dossiers.
//
// A dossier belongs to Dossier.UnitID; offerings and communes to their UnitID. Pooling parents is done by
// the indicator tree, not here.
//
// # Policies
//
//   - PopulationDBCodes (4.6b) [Open]: default DefaultPopulationDBCodes() = {"7"}, the code one open client
//     sends; which MaCSDL code is the population database is unverified (DATA-MODEL §1.3).
//   - ElectronicResultScope (4.1): default PaperResultDossiers, the spec's rule; AllDossiers reproduces the
//     fixtures' observation that 4.1 and 4.2 share their denominator [Open].
//   - RecordPolicy.ReceivedFallbackToSubmitted (default true) and ExcludeWithdrawnBeforeReception (default
//     true: a status-7 dossier without NgayTiepNhan is not counted). A status-1 dossier (registered, not yet
//     received) without NgayTiepNhan is never counted.
//   - The 4.5 coefficient is a scoring rule of the edition, not applied here.
//
// # Reason codes
//
// Every dossier read gets exactly one ledger reason (Result.Ledger; Read == Counted + Excluded):
//
//	digitisation.counted                    received in the period (NgayTiepNhan): in 4.1 (paper-result procedures), 4.2, 4.3, 4.5, 4.6b
//	digitisation.counted_without_reception  received in the period by the NgayNopHoSo fallback: as above but not 4.3
//	digitisation.nil_record                 excluded: a nil *model.Dossier (a caller's bug; never a panic)
//	digitisation.no_unit                    excluded: no unit id
//	digitisation.no_date                    excluded: no reception (nor, with the fallback, submission) time
//	digitisation.not_received               excluded: status 1, not yet received
//	digitisation.withdrawn_before_reception excluded: status 7 before reception (policy)
//	digitisation.not_in_period              excluded: received outside the period
//	digitisation.after_as_of                excluded: received in the period but after AsOf
//
// Each metric verdict of a counted dossier carries one of:
//
//	4.1  electronic_result (num) | no_electronic_result | no_paper_result (out) | unknown_procedure (out)
//	4.2  digitised (num) | no_submitted_file | no_result_file
//	4.3  reused_data (num) | no_reused_data | no_reception_date (out)
//	4.5  file_from_store (num) | result_synced (num) | not_linked_to_store
//	4.6b vneid (num) | store_data (num) | population_db (num) | no_population_data
//
// all prefixed "digitisation.". Offerings and communes are accounted once per Result in Result.Catalogue:
// connected_procedure (4.6a num), unconnected_procedure (4.6a den), not_citizen_facing, unknown_procedure,
// offering_not_in_force, duplicate, no_unit (excluded), certified_copy_offered (4.4 num),
// certified_copy_not_offered (4.4 den).
//
// # Tests and golden data
//
// TestClassifyRules has one or more cases per rule sentence above, named after it; TestCatalogueMetrics
// covers 4.4 and 4.6a; TestStreamTalliesAndLedger checks the tallies and ledger of a small stream against
// testdata/small-stream.golden.json; TestMergeEqualsSinglePass and TestConcurrentShards check sharding;
// TestPortalFixtureUnits reproduces the portal's published group-4 scores of two Phú Thọ communes for 8/2026
// (testdata/portal-phutho-2026-08-group4.csv) from synthesised records; FuzzClassify checks the verdict
// invariants and that ClassifyRef agrees with Classify; TestClassifyRefMatchesClassify checks ClassifyRef
// with every kind of Ref and Keys against Classify, verdict by verdict and Result by Result;
// BenchmarkClassifyAdd measures ClassifyRef + Add and Classify + Add per dossier (ns/record,
// cpu-ns/record, allocs).
//
// # Use
//
// Build a Calculator with New (validated Options), then either Run over a stream, or Classify each dossier
// and Add the verdicts to an Accumulator (one per goroutine; Merge them). Classify allocates nothing;
// Accumulator.Add allocates only for a unit or reason seen for the first time. Nothing here reads the clock
// or time.Local, holds global state or panics on bad input.
//
// Options.Keys (the scorecard's shared indicator.Keys; without it the calculator builds its own from the
// units of Offerings and Communes and the catalogue's codes) numbers units and procedure codes. New
// translates its procedure indexes to catalogue entries once; ClassifyRef takes the dossier's
// indicator.Ref, resolved once per pass for all calculators, reads the catalogue entry by index and puts
// the unit index in the verdict, so Accumulator.Add counts into a slice: no string is hashed. Classify
// resolves the unit and the code itself in immutable tables built by New (a hash and a comparison of two
// words each; the same answers as Keys.Ref, cheaper than its maps). Codes and units outside the Keys are
// looked up by string (slower, same verdict and Result), as are hand-made verdicts and those of another
// Calculator. The window bounds are kept as Unix seconds: a reception strictly inside them is decided by
// integer comparisons.
//
// # Performance
//
// Target (issue 5): ≤ 50 ns and 0 allocations per dossier. Measured with
//
//	go test -run '^$' -bench ClassifyAdd -count 10 ./indicator/digitisation/
//
// on the 2 vCPU AMD EPYC 2.45 GHz virtual machine (otherwise idle, 26 Nov 2026 02:00 UTC; medians of ten
// 1-second runs by benchstat, ± the 95 % interval it reports; the same binary varies by up to ±30 % between
// runs minutes apart on this machine). Process CPU time per dossier, 0 B and 0 allocs/op in every case.
// Over 64 and 4096 pre-generated dossiers of 80 units and 50 procedures (64 dossiers stay in cache, as in
// the scorecard, which runs each calculator over chunks of 64; 4096 are 4 MB of records):
//
//	                                                              64 dossiers    4096 dossiers
//	addref: Accumulator.AddRef, Refs resolved before the loop     40 ns ± 18 %   43 ns ± 11 %
//	  (the scorecard's tally pass)
//	ref: ClassifyRef + Add (the scorecard when it explains)       40 ns ± 20 %   47 ns ± 6 %
//	classify: Classify + Add with Options.Keys                    68 ns ± 17 %   71 ns ± 21 %
//
// The target is met by AddRef and ClassifyRef + Add; Classify + Add, which must also find the unit and the
// procedure by id and code, is not.
package digitisation
