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
//	online.nil_record                  excluded  a nil *model.Dossier (a caller's bug; never a panic)
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
//	go test -run '^$' -bench 'AddRef|ClassifyR?e?f?Add' -count 10 ./indicator/online/
//
// on the 2 vCPU AMD EPYC 2.45 GHz virtual machine (otherwise idle, 26 Nov 2026 02:00 UTC; medians of ten
// 1-second runs by benchstat, ± the 95 % interval it reports; the same binary varies by up to ±30 % between
// runs minutes apart on this machine). Process CPU time per dossier, 0 B and 0 allocs/op in every case.
// Over 64 and 4096 pre-generated dossiers of 100 units × 40 procedures (64 dossiers stay in cache, as in
// the scorecard, which runs each calculator over chunks of 64; 4096 are 4 MB of model.Dossier):
//
//	                                                           64 dossiers    4096 dossiers
//	Accumulator.AddRef, Refs resolved before the loop          33 ns ± 20 %   34 ns ± 20 %
//	  (the scorecard's tally pass)
//	ClassifyRef + Add (the scorecard when it explains points)  43 ns ± 2 %    48 ns ± 5 %
//	Classify + Add, resolving unit and procedure itself        110 ns         123 ns        (5 runs)
//
// The target is met by AddRef and by ClassifyRef + Add. Classify + Add, which hashes the unit id and the
// procedure code in the Keys' maps, does not meet it. AddRef differs from
// ClassifyRef + Add only in building the Verdict in its own frame instead of copying it out and back in;
// TestClassifyRefMatchesClassify checks that both, with the Keys' Ref and with indicator.NoRef, give
// Classify's Result.
package online
