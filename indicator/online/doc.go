// Package online computes the record counts of group 3a, online public services (Dịch vụ công trực
// tuyến, portal code CLGQ, 12 points), of the Decision 766/QĐ-TTg index: metrics 3.1, 3.2 and 3.3.
//
// # Legal basis
//
// Decision 766/QĐ-TTg (23/6/2022), group "Dịch vụ công trực tuyến"; Decree 42/2022/NĐ-CP (in force
// 15/08/2022) on online public services, which defines the two levels counted here: "một phần" (partial)
// and "toàn trình" (full). Record rules: INDICATORS.md §3 group 3a [Doc]. The split of the 12 points
// (2 + 4 + 6) and the thresholds are [Open] and belong to indicator.Edition, as does the formula
// document's multiplication of 3.3 by the 1.4 sync ratio (Edition.SyncMultiplies33): this package only
// produces the counts.
//
// # Metrics and rules
//
//   - 3.1 "Procedures under the unit's authority with an online service (partial or full) / all
//     procedures under its authority; a procedure offered at both levels counts once at the higher."
//     Procedures under a unit's authority are the distinct procedures of its offerings in force at the
//     judgement instant; each counts once at its highest level. Counts[M31] = {partial + full, all};
//     Tally.PartialOnline and Tally.FullOnline split the numerator; Tally.FullOnlineEligible counts the
//     procedures eligible for full online — marked so in the catalogue (model.Procedure.FullOnlineEligible,
//     field unverified) or already offered in full, which proves eligibility [Policy], so that FullOnline ≤
//     FullOnlineEligible for the formula document's secondary measure (indicator.OnlineFullOnly).
//     Golden: TestOfferingRules.
//   - 3.2 "Online services (per applying unit, in states being published, awaiting unpublication, in
//     testing) that received at least one online dossier in the period / all online services of the
//     unit." An online service is a (unit, procedure) pair whose offerings in force include one with an
//     online level (partial or full) in a state of Policy.OfferingStates. It received an online dossier when
//     a dossier of that unit and procedure, received online, is counted in 3.3. Counts[M32]. Golden:
//     TestOfferingRules, TestStreamResult.
//   - 3.3 "Dossiers received online (KenhThucHien = 2) in the period — and, for procedures whose result is a
//     paper document, carrying an electronic result — / all dossiers received in the period." Counts[M33]
//     per d.UnitID. Golden: TestClassifyRules; TestFixtureProvince reproduces both province rows of the
//     Phú Thọ 8/2026 fixtures (8.83 and 12 points) from synthesised records.
//
// Result.Procedures lists every procedure under each unit's authority with its level and 3.2 status, which
// explains 3.1 and 3.2 procedure by procedure. Pooling parents is the indicator tree's job; Result.Pool
// offers the distinct-procedure pooling of 3.1 for it.
//
// # Policies (defaults)
//
//   - Policy.OnlineChannelCodes ({2}): the KenhThucHien values that are online; an absent channel is
//     direct (INDICATORS.md §3, DATA-MODEL §1.5).
//   - Policy.OfferingStates (published, awaiting unpublication, testing): the offering states counted by
//     3.2. model.PublishedStateCode and indicator.OfferingState share their numbering; an absent or unknown
//     state is not counted.
//   - Policy.ExcludeWithdrawnBeforeReception (true): "dossiers withdrawn before reception are not counted":
//     a withdrawn dossier (status 7) without NgayTiepNhan is excluded (online.withdrawn_before_reception)
//     instead of being judged on its submission time. False: judged as any other dossier.
//   - Policy.ReceivedFallbackToSubmitted (true): "received" = NgayTiepNhan, else NgayNopHoSo [Doc]; this is
//     also DATA-MODEL's "period fallback (3.2)".
//   - Electronic result: a result document with a result code and a file link
//     (model.Dossier.HasElectronicResult). The condition is judged on the record as given: an online
//     dossier of a paper-result procedure still being processed has no electronic result yet and is not in
//     the numerator.
//   - UnknownProcedure (UnknownNoPaperResult): an online dossier whose procedure is not in the catalogue
//     is not held to the electronic-result condition [Policy].
//   - Offerings in force: valid at min(last instant of the period, AsOf), any state for 3.1; levels are
//     model.OnlineLevel (raw "4" → full, "3" → partial: the customary, unverified mapping).
//   - Procedure codes are compared after Options.CodeMap (local → national).
//
// # Reason codes
//
// Every dossier read gets exactly one reason in Result.Ledger (Read == Counted + Excluded), tried in this
// order:
//
//	online.no_unit                     excluded  UnitID empty
//	online.no_reception                excluded  no reception (or submission) time
//	online.withdrawn_before_reception  excluded  status 7 without NgayTiepNhan (ExcludeWithdrawnBeforeReception)
//	online.outside_period              excluded  not received in the period
//	online.after_as_of                 excluded  received after AsOf
//	online.not_online                  counted   3.3 denominator: channel direct, postal or absent
//	online.online_without_e_result     counted   3.3 denominator: online, paper-result procedure, no electronic result
//	online.online                      counted   3.3 numerator and denominator
//
// Every procedure and offering of Options gets one reason in Result.Catalogue:
//
//	online.procedure_listed           counted   catalogue procedure
//	online.procedure_duplicate        excluded  code already seen (the first record wins)
//	online.procedure_no_code          excluded  empty code
//	online.offering_service           counted   highest level partial/full and a counted state: 3.1 numerator, 3.2 denominator
//	online.offering_inactive_service  counted   highest level partial/full, no counted state: 3.1 numerator only
//	online.offering_not_online        counted   highest level none/information/unknown: 3.1 denominator only
//	online.offering_duplicate         excluded  another offering of the same unit and procedure decides the pair
//	online.offering_not_in_force      excluded  not valid at the judgement instant
//	online.offering_no_unit           excluded  empty unit
//	online.offering_no_procedure      excluded  empty procedure code
//
// # Cost
//
// Options.Keys (the scorecard's shared indicator.Keys; without it New builds one from the offerings' units,
// the catalogue's and offerings' codes and CodeMap's keys and values) numbers units and raw procedure
// codes. New translates its indexes once (indicator/internal/offer, shared with indicator/payment): Keys
// unit → unit slot, Keys procedure → code after CodeMap, paper-result flag and code id, and a dense
// units × codes table → the pair's 3.2 service. ClassifyRef takes the dossier's indicator.Ref, resolved
// once per pass for all calculators, and hashes no string; the verdict carries the unit slot and service
// index, so Accumulator.Add counts into slices. Units and codes outside the Keys (Ref index -1 or out of
// range) are looked up by string with the same verdict, as are hand-made verdicts and those of another
// Calculator in Add. The window bounds are kept as Unix seconds and nanoseconds: a reception strictly
// inside them is placed by two integer comparisons. Classify is ClassifyRef after Keys.Ref (two
// string-keyed map lookups). Nothing allocates per dossier; memory is O(offerings + Keys size) plus the
// units × codes int32 table (a map by integer key beyond 2^20 entries).
//
// # Performance
//
// Target (issue 5): ≤ 50 ns and 0 allocations per dossier. Measured with
//
//	go test -run '^$' -bench 'ClassifyR?e?f?Add' -count 3 ./indicator/online/
//
// on 2 vCPU AMD EPYC 2.45 GHz shared with other helpers' jobs (load average 1.9–6.5, two runs at 22:38 and
// 22:40 UTC; cpu-ns/record, the process CPU time per record, is given because wall time is inflated by the
// load), over 64 and 4096 pre-generated dossiers of 100 units × 40 procedures, cpu-ns/record:
//
//	                                                              64 dossiers   4096 dossiers
//	ClassifyRef + Add, Refs resolved before the loop (scorecard)  43–46         49–61, 0 allocs
//	Classify + Add, resolving the Ref itself                      98–117        110–124, 0 allocs
//
// (before this work, Classify + Add on the same benchmark on the idle machine: 134–147 cpu-ns/record for
// 4096 dossiers, 114–117 for 64). The target is met by ClassifyRef + Add, the scorecard's path, when the
// records are in cache (64 dossiers); over 4096 dossiers (4 MB of records, the L3 cache shared with the
// other jobs) it is met in one run (48–52) and missed in the other (56–61). Classify + Add, which must hash
// the unit id and the procedure code itself (one string-keyed map lookup costs ~20–25 ns here), does not
// meet it. TestClassifyRefMatchesClassify and FuzzClassify check that ClassifyRef with the Keys' Ref, with
// indicator.NoRef and with a Keys of other inputs gives Classify's verdict and Result.
package online
