// Package payment computes the record counts of group 3b, online payment (Thanh toán trực tuyến, portal
// code TTTT, 10 points), of the Decision 766/QĐ-TTg index: metrics 3.4, 3.5 and 3.6.
//
// # Legal basis
//
// Decision 766/QĐ-TTg (23/6/2022), group "Dịch vụ công trực tuyến"; online payment of fees and charges
// through the National Public Service Portal's payment platform or a ministry or province gateway (the
// portal's DuocThanhToanTrucTuyen codes 1 and 2). The record rules are those of INDICATORS.md §3 group 3b,
// reproduced by the portal on every row of the Phú Thọ 8/2026 fixtures; the scoring (a percent-first,
// float64 pipeline on the portal) is indicator.Edition's job, not this package's.
//
// # Metrics and rules
//
//   - 3.6 (A, 6 points) "Dossiers paid online (DuocThanhToanTrucTuyen 1 = on the portal, 2 = via the
//     ministry/province gateway) with processing start in the period / dossiers of fee-bearing procedures,
//     excluding dossiers whose every fee line has amount 0." Processing start is the reception time
//     (NgayTiepNhan, else NgayNopHoSo under Policy.ReceivedFallbackToSubmitted). Counts[M36] per d.UnitID.
//     Golden: TestClassifyRules, TestFixtureUnits (every sub-unit row of the Phú Thọ 8/2026 fixtures,
//     reproduced to the cent with the portal edition).
//   - 3.4 (B, 2 points) "Fee-bearing procedures with at least one online-paid dossier / fee-bearing
//     procedures." Per unit, the denominator is the fee-bearing procedures among the unit's offerings in
//     force; a procedure is in the numerator when a dossier of that unit counted in 3.6 was paid online.
//     Counts[M34]. Golden: TestProcedureRules, TestStreamResult, TestFixtureUnits.
//   - 3.5 (C, 2 points) "Fee-bearing procedures whose dossiers carry fee data on the portal / fee-bearing
//     procedures." Same denominator; numerator: a dossier of that unit counted in 3.6 carries fee data
//     (Options.FeeData). Counts[M35]. Golden: TestProcedureRules, TestFixtureUnits.
//
// A procedure is fee-bearing when the catalogue gives it at least one fee neither 0 nor null
// (model.Procedure.FeeBearing, DATA-MODEL §2). Tally.FeeProceduresWithDossiers counts the unit's fee-bearing
// offered procedures with at least one dossier counted in 3.6; the portal publishes a field of that name
// (totalFeeDossierFormalityDistinct) that equals the 3.4 denominator on every fixture row, so its portal
// meaning is unknown and it is reported only. Result.Procedures lists every (unit, fee-bearing procedure)
// with its three flags, which explains 3.4 and 3.5 procedure by procedure.
//
// Pooling parents is not done here: the indicator tree sums the sub-units' tallies.
//
// # Policies (defaults)
//
//   - Policy.PaidOnlineCodes ({1, 2}): the DuocThanhToanTrucTuyen codes that count as paid online; 0 and 3
//     (meaning unknown) and an absent code are not paid online.
//   - Policy.ZeroFeeLinesExcluded (true): a dossier whose every fee line is 0 leaves the 3.6 denominator.
//   - NoFeeLines (NoFeeLinesCounted): a dossier of a fee-bearing procedure with no fee line at all stays in
//     the denominator, since its procedure is fee-bearing [Policy].
//   - FeeData (FeeDataPositiveLine): "carries fee data" = at least one fee line with a positive amount
//     [Policy].
//   - Policy.ExcludeWithdrawnBeforeReception (true): "dossiers withdrawn before reception are not counted":
//     a withdrawn dossier (status 7) without NgayTiepNhan is excluded (payment.withdrawn_before_reception)
//     instead of being judged on its submission time. False: judged as any other dossier.
//   - Policy.ReceivedFallbackToSubmitted (true): "received" falls back to the submission time [Doc].
//   - Offerings in force: procedures under a unit's authority are those of its offerings valid at the
//     judgement instant min(last instant of the period, AsOf), at any online level and in any state; each
//     (unit, procedure) counts once.
//   - Procedure codes are compared after Options.CodeMap (local → national).
//   - Attribution: a dossier belongs to d.UnitID. A counted dossier of a procedure that its unit does not
//     offer still counts in 3.6 but cannot move 3.4/3.5, whose denominators are the unit's offerings.
//
// # Reason codes
//
// Every dossier read gets exactly one reason in Result.Ledger (Read == Counted + Excluded), tried in this
// order:
//
//	payment.nil_record                  excluded  a nil *model.Dossier (a caller's bug; never a panic)
//	payment.no_unit                     excluded  UnitID empty
//	payment.no_reception                excluded  no reception (or submission) time
//	payment.withdrawn_before_reception  excluded  status 7 without NgayTiepNhan (ExcludeWithdrawnBeforeReception)
//	payment.outside_period              excluded  received outside the period ("processing start in the period")
//	payment.after_as_of                 excluded  received after AsOf
//	payment.unknown_procedure           excluded  procedure not in the catalogue
//	payment.free_procedure              excluded  procedure not fee-bearing ("dossiers of fee-bearing procedures")
//	payment.zero_fee_lines              excluded  every fee line is 0 ("excluding dossiers whose every fee line has amount 0")
//	payment.no_fee_lines                excluded  no fee line, under NoFeeLinesExcluded only
//	payment.paid_online                 counted   3.6 numerator and denominator
//	payment.not_paid_online             counted   3.6 denominator only
//
// Every procedure and offering of Options gets one reason in Result.Catalogue:
//
//	payment.procedure_fee_bearing       counted   fee-bearing catalogue procedure
//	payment.procedure_free              excluded  no fee other than 0 or null
//	payment.procedure_duplicate         excluded  code already seen (the first record wins)
//	payment.procedure_no_code           excluded  empty code
//	payment.offering_fee_bearing        counted   in the unit's 3.4/3.5 denominators
//	payment.offering_free               excluded  procedure not fee-bearing
//	payment.offering_unknown_procedure  excluded  procedure not in the catalogue
//	payment.offering_not_in_force       excluded  not valid at the judgement instant
//	payment.offering_duplicate          excluded  the unit already offers that procedure
//	payment.offering_no_unit            excluded  empty unit
//
// # Cost
//
// Options.Keys (the scorecard's shared indicator.Keys; without it New builds one from the offerings' units,
// the catalogue's and offerings' codes and CodeMap's keys and values) numbers units and raw procedure
// codes. New translates its indexes once (indicator/internal/offer, shared with indicator/online): Keys
// unit → unit slot, Keys procedure → code after CodeMap, catalogue flags (known, fee-bearing) and code id,
// and a dense units × fee-bearing codes table → the pair's position in the unit's procedure list.
// ClassifyRef takes the dossier's indicator.Ref, resolved once per pass for all calculators, and hashes
// no string; the verdict carries the unit slot and procedure position, so Accumulator.Add counts into
// slices. Units and codes outside the Keys (Ref index -1 or out of range) are looked up by string with
// the same verdict, as are hand-made verdicts and those of another Calculator in Add. The window bounds
// are kept as Unix seconds and nanoseconds: a reception strictly inside them is placed by two integer
// comparisons. Classify is ClassifyRef after Keys.Ref (two string-keyed map lookups). Nothing allocates
// per dossier; memory is O(units × fee-bearing procedures + Keys size). Result.Pool pools a parent the way
// the portal's parent rows do (3.6 summed, 3.4/3.5 over distinct procedure codes).
//
// # Performance
//
// Target (issue 5): ≤ 50 ns and 0 allocations per dossier. Measured with
//
//	go test -run '^$' -bench 'AddRef|ClassifyR?e?f?Add' -count 10 ./indicator/payment/
//
// on the 2 vCPU AMD EPYC 2.45 GHz virtual machine (otherwise idle, 26 Nov 2026 02:00 UTC; medians of ten
// 1-second runs by benchstat, ± the 95 % interval it reports; the same binary varies by up to ±30 % between
// runs minutes apart on this machine). Process CPU time per dossier, 0 B and 0 allocs/op in every case.
// Over 64 and 4096 pre-generated dossiers of 100 units × 40 fee-bearing procedures (64 dossiers stay in
// cache, as in the scorecard, which runs each calculator over chunks of 64; 4096 are 4 MB of records plus
// their fee lines):
//
//	                                                           64 dossiers    4096 dossiers
//	Accumulator.AddRef, Refs resolved before the loop          32 ns ± 10 %   33 ns ± 19 %
//	  (the scorecard's tally pass)
//	ClassifyRef + Add (the scorecard when it explains points)  37 ns ± 6 %    41 ns ± 9 %
//	Classify + Add, resolving unit and procedure itself        107 ns         112 ns        (5 runs)
//
// The target is met by AddRef and by ClassifyRef + Add. Classify + Add, which hashes the unit id and the
// procedure code in the Keys' maps, does not meet it. TestClassifyRefMatchesClassify checks that AddRef and
// ClassifyRef + Add, with the Keys' Ref and with indicator.NoRef, give Classify's Result.
package payment
