// Package satisfaction computes group 5 of the Decision 766 index, "Mức độ hài lòng" (satisfaction, 18
// points on the portal): 5.0 (petitions by category, reported only), 5.1 and 5.2 from petitions (phản ánh,
// kiến nghị, PAKN) and 5.3 from dossiers, their ratings and complaints (INDICATORS.md §2–3, group 5).
//
// # Legal basis
//
// Prime Minister's Decision 766/QĐ-TTg of 23/6/2022 (the index, group "Mức độ hài lòng"), as the National
// Public Service Portal applies it; Decree 20/2008/NĐ-CP on receiving and handling petitions of individuals
// and organisations about administrative regulations, for the petition deadlines; the circulating formula
// document "Mô tả công thức tính chỉ số 766" [Doc] for the deadlines in working days and the open-petition
// rule. Records and fields: DATA-MODEL.md §3.
//
// # Rules
//
// Petitions. A petition counts for the unit that handles it (Petition.UnitID), once per period: the period
// of its first reception (Petition.ReceivedAt, "Ngày CD/DN gửi PAKN"), not after AsOf, and once per (unit,
// id) however often it is read. It is judged at min(period end, AsOf): later events, forwardings and dates
// are not seen. Deadlines are in working days on Options.Calendar (the first day is not counted), from the
// latest forwarding (Petition.ForwardedAt, when present, seen and later than the first reception) or else
// from the first reception (RecordPolicy.PetitionDeadlines, [Doc] defaults):
//
//   - start processing — the first event moving it to awaiting publication or published — ≤ Start (15);
//   - reject — the first Rejected event — ≤ Reject (2);
//   - request more information — the first InfoRequested event — ≤ MoreInfo (5);
//   - publish the answer — Published ≤ Publish (2) working days after the first AwaitingPublication event,
//     or still unpublished past that ([Open]: the spec leaves the start event unverified; this package uses
//     the move to awaiting publication).
//
// A petition is handled once rejected or moved to awaiting publication / published; it is on time when no
// deadline seen so far was missed. An open petition is within deadline while the working days from the start
// of its wait (the deadline start above) to the judging date — the period's last day, or AsOf's date when
// earlier — are ≤ Start (15), and no other deadline was missed.
//
//   - 5.0 (PETITION_CLASSIFICATION_*, unscored): Counts[M50] = petitions in the policy/procedure category /
//     petitions; Tally.PetitionsStaff counts the staff-conduct category; unclassified petitions are in the
//     denominator only.
//   - 5.1 (PETITION_PROCESSING_ON_TIME, 6): petitions handled on time or open within deadline / petitions.
//   - 5.2 (PETITION_HANDLING_SATISFACTION, 6): petitions − those marked unsatisfied (Dislikes > Likes),
//     repeated (Petition.Repeated: followed by another petition about the result) or handled late (handled
//     late, or open past a deadline) / petitions.
//   - 5.3 (DOSSIER_RECEIVING_SATISFACTION, 6): dossiers received and processed in the period − those with a
//     dislike rating, a complaint (a petition naming the dossier) about reception or resolution, or resolved
//     late / those dossiers. "Received and processed in the period" and "resolved late" are 2.1's judgement,
//     injected as Options.Timeliness (the scorecard wires package indicator/timeliness; this package does
//     not import it). Ratings and complaints are preloaded sets keyed by dossier code (Dossier.Code or an
//     alias); those dated after the judging instant are ignored.
//
// With no petitions at all the petition counts are zero (the unit may be absent from Result.Units); what
// that scores is the edition's zero rule (full marks for 5.1 and 5.2 on the portal; shared between 5.1 and
// 5.3 in the document edition).
//
// # Policies
//
//   - RecordPolicy.PetitionDeadlines: {Start 15, Reject 2, MoreInfo 5, Publish 2} working days [Doc].
//   - Publish deadline start: the first AwaitingPublication event [Open].
//   - RatingRule: DislikeOnly (default, the spec's "dislike") or DislikeOrUnsatisfiedLevel.
//   - Complaints: every petition with a DossierCode is a complaint about that dossier's reception or
//     resolution (the model has no finer subject) [Policy].
//   - Duplicates: a petition read twice for the same unit counts once; the copy with the earliest first
//     reception is kept. Petitions without an id cannot be deduplicated and are all counted.
//
// # Reason codes
//
// Dossiers (Result.Ledger; also the 5.3 verdict's reason), all prefixed "satisfaction.":
//
//	dossier_satisfied      5.3 numerator: no dislike, no complaint, not late
//	dossier_disliked       5.3 denominator only: a dislike rating
//	dossier_complaint      5.3 denominator only: a petition names the dossier
//	dossier_resolved_late  5.3 denominator only: resolved late (Options.Timeliness)
//	dossier_not_processed  excluded: not received and processed in the period (Options.Timeliness)
//	dossier_no_unit        excluded: no unit id
//	dossier_nil_record     excluded: a nil *model.Dossier (a caller's bug; never a panic)
//
// Petitions (Result.Petitions; also the 5.1 verdict's reason):
//
//	petition_on_time           handled with every deadline met            (5.1 numerator)
//	petition_late              handled, a deadline missed
//	petition_open_within       open, within its deadlines                 (5.1 numerator)
//	petition_open_overdue      open, a deadline passed
//	petition_no_unit           excluded: no handling unit
//	petition_no_date           excluded: no first-reception time
//	petition_not_in_period     excluded: first received outside the period
//	petition_after_as_of       excluded: first received in the period after AsOf
//	petition_outside_calendar  excluded: a date outside the calendar's years
//	petition_duplicate         excluded: the same (unit, id) was already counted
//
// 5.0 verdicts: category_procedure (numerator), category_staff, category_unclassified. 5.2 verdicts:
// petition_satisfied (numerator), petition_unsatisfied, petition_repeated, petition_handled_late (checked in
// that order).
//
// # Tests and golden data
//
// TestPetitionRules has cases per deadline and 5.2 rule, named after them (forwarded petitions, rejection,
// more information, publication, open petitions, dislikes, repeated petitions); TestOpenPetitionDay15And16
// checks the open-petition boundary on the 2026 calendar (Saturday 22/8 is a make-up working day);
// TestDossierRules covers 5.3; TestNoPetitions the zero case; TestStreamTalliesAndLedger checks a small
// stream against testdata/small-stream.golden.json; TestMergeEqualsSinglePass and TestConcurrentShards check
// sharding; TestPortalFixtureUnits reproduces the portal's published group-5 scores of Phú Thọ (province row)
// and two communes for 8/2026 (testdata/portal-phutho-2026-08-group5.csv) from synthesised records;
// FuzzClassifyPetition checks the petition invariants; TestClassifyRefMatchesClassify and FuzzClassifyDossier
// check that ClassifyRef (with the Keys' Ref, NoRef or a foreign index) and Classify give the plain rule's
// verdict for calculators with different Keys, and that the indexed and by-string accumulation paths and
// Merge across Keys give the same Result; TestMarkFilterExact checks the mark prefilter never hides a marked
// code. BenchmarkClassifyAdd, BenchmarkClassifyAddWithTimeliness, BenchmarkDossier and BenchmarkPetition
// measure the paths (ns/record, cpu-ns/record, allocs).
//
// # Use
//
// Build a Calculator with New, then Run over the dossier and petition streams, or Classify /
// ClassifyPetition each record and Add / AddPetition the verdicts to an Accumulator (one per goroutine;
// Merge them). Classify and ClassifyPetition allocate nothing; Accumulator.Add allocates only for a new unit
// or reason; AddPetition stores one map entry per counted petition (memory O(petitions), never
// O(dossiers)). Nothing here reads the clock or time.Local, holds global state or panics on bad input.
//
// The scorecard passes one indicator.Keys for the pass (Options.Keys; without one the calculator builds
// its own from the complaints' units) and calls ClassifyRef with each dossier's indicator.Ref, resolved once
// for all calculators: the verdict carries the unit's index and the reason's index, so Accumulator.Add
// counts into a slice and an array without hashing a string. Units outside the Keys, hand-made verdicts and
// verdicts of a calculator with other Keys are counted by unit id and reason code (slower, same Result).
// Ratings and complaints are preloaded as a map from dossier code to marks, fronted by a blocked Bloom
// filter built by New (16 bits per marked code, two bits per code in one 64-bit word, a whole-code hash):
// a dossier without marks — almost all of them — costs one hash and one word load per code, and the
// marked codes (an immutable open-addressing table probed with the same hash) are only looked at when the
// filter says the code may be marked, so the answer stays exact. Classify (without a Ref) finds the unit's
// index in a similar table of the Keys' unit ids.
//
// # Performance
//
// Target (issue 5): ≤ 50 ns and 0 allocations per dossier for 5.3, with the 2.1 judgement injected as the
// scorecard does (Options.Timeliness reading the memo of the timeliness verdict just computed). Measured with
//
//	go test -run '^$' -bench 'ClassifyAdd' -count 10 ./indicator/satisfaction/
//
// on the 2 vCPU AMD EPYC 2.45 GHz virtual machine (otherwise idle, 26 Nov 2026 02:00 UTC; medians of ten
// 1-second runs by benchstat, ± its 95 % interval), process CPU time per dossier, 0 allocs, over 64 and
// 4096 pre-generated dossiers of 80 units and 50 procedures (5 % disliked, 2 % with a complaint, a tenth
// with an alias, 2 000 more marked codes):
//
//	                                                     64 dossiers    4096 dossiers
//	ClassifyRef + Add, Refs resolved before the loop     38 ns ± 16 %   44 ns ± 13 %
//	  (the scorecard's way)
//	Classify + Add (the calculator finds the unit)       42 ns ± 16 %   59 ns ± 3 %
//	ClassifyRef + Add, 2.1 judged per dossier by                        164 ns ± 13 %
//	  indicator/timeliness (its Classify, in Timeliness)
//	  indicator/timeliness's own ClassifyRef + Add                      112 ns ± 34 %
//
// The target is met by ClassifyRef + Add, the scorecard's path. Classify + Add, which must also find the
// unit by its id, is not reliably under 50 over 4096 records. The 2.1 judgement computed per dossier by
// indicator/timeliness costs several times 5.3's own work: the scorecard passes a memo of the verdict the
// pass has just computed instead.
package satisfaction
