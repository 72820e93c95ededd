// Package timeliness computes group 2 of the Decision 766/QĐ-TTg index — "Tiến độ, kết quả giải quyết"
// (timeliness of resolution, 20 points) — from dossier records, as the National Public Service Portal does:
// metric 2.1 (dossiers resolved early or on time), metric 2.2 (average resolution time, reported only) and
// the online reception check (online dossiers received within 8 working hours of submission, reported
// only). The rules are INDICATORS.md §3 group 2, DATA-MODEL.md §1.2/§1.5 and CALENDAR.md §5–§7 of the
// project specification.
//
// # Legal basis
//
//   - Decision 766/QĐ-TTg (23/6/2022): the index and its metric 2.1 "Tỷ lệ hồ sơ xử lý trước hạn, đúng
//     hạn" (20 points, score 20·R, 0 when there are no dossiers) and 2.2 "Thời gian giải quyết TTHC trung
//     bình". The record rules below are those of the formula document "Mô tả công thức tính chỉ số 766"
//     ([Doc]).
//   - Circular 01/2018/TT-VPCP art. 13: early (trước hạn), on time (đúng hạn), late (quá hạn). Both early
//     and on time are in 2.1's numerator; the Verdict keeps the distinction (Class, EarlyWorkingDays).
//   - Decree 61/2018/NĐ-CP arts. 18–19 and the Civil Code 2015 arts. 144–148: deadline counting, the 15:00
//     cut-off, supplements restarting the clock (offered as SupplementRestart), refusals; applied through
//     package calendar (Due, Supplement, Classify, ClassifyRefusal).
//   - Decree 45/2020/NĐ-CP art. 11: the official receipt time of online dossiers (the reception check).
//
// # Rules (one rule sentence each; the reason code it yields)
//
// Period membership. A dossier is in 2.1's denominator when it was received on or before the period's last
// instant (and AsOf) and its processing had not ended before the period started: received in the period,
// or received earlier and still open at or finished in it. Otherwise ReasonExcludedOutsidePeriod.
// "Received" is NgayTiepNhan (ReceivedAt), else NgayNopHoSo (SubmittedAt) when
// Policy.ReceivedFallbackToSubmitted [Doc]; neither → ReasonExcludedNoReceptionTime.
//
// Status 1 (Mới đăng ký, not yet received) → ReasonExcludedNotReceived. Withdrawn (7) with no reception
// time, or withdrawn before its reception time, → ReasonExcludedWithdrawnBeforeReception (when
// Policy.ExcludeWithdrawnBeforeReception, default true).
//
// End of processing. The end is the best-ranked terminal event of the timeline (Steps) that has happened by
// the judgement instant — Policy.EndStatusRank, default 9 > 10 > 3 = 7 = 8; equal ranks: the earliest.
// When the timeline has no terminal step at all, the dossier's fields are used: status 9, 7, 8 →
// NgayKetThucXuLy; 10 → NgayKetThucXuLy, else NgayTra; 3 → NgayTuChoi, else NgayKetThucXuLy. A terminal
// status without any such time → ReasonExcludedNoEndTime; an end earlier than the reception →
// ReasonExcludedEndBeforeReception. No terminal event by the judgement instant ⇒ open.
//
// Judgement instant. Open dossiers are judged at min(last instant of the period, AsOf) (Calculator.JudgedAt);
// events after that instant are treated as not yet happened, so a dossier finished after the period is open
// at the period end.
//
// Due date. The appointment NgayHenTra (DueAt) — or, when the first supplement carries NgayHenTraTruoc, that
// earlier appointment, since NgayHenTra may already hold the moved one — taken as a date. Without an
// appointment, the procedure's maximum duration (Options.Procedures, for the dossier's channel) is applied
// from the reception with calendar.Due (P1 cut-off, P2, P3, P8) — the [Doc] rule "end − reception −
// supplement time ≤ the procedure's maximum, on the working-day calendar". Unknown procedure, a case without
// due date or a duration in months → ReasonExcludedNoDeadline. A date outside the calendar's years →
// ReasonExcludedCalendarRange.
//
// Classification (calendar.Classify, CALENDAR P15, day granularity): end date before the due date →
// ReasonEarly; on it → ReasonOnTime (both in the numerator: "NgayKetThucXuLy ≤ NgayHenTra" compared by
// date); after → ReasonLate. Refusals (end status 3) use calendar.ClassifyRefusal (P13: on time, never
// early). Open: ReasonOpenWithinDeadline (numerator) until the end of the due day (P4, default 24:00), then
// ReasonOpenOverdue.
//
// Supplements (yêu cầu bổ sung), Policy.SupplementRule:
//   - SupplementSubtract (default [Doc]): the applicant's time, request → re-submission, is not counted (the
//     due date moves by the working days between them, calendar.Supplement in Pause mode); more than
//     Policy.MaxSupplements (1) requests → ReasonLateRepeatedSupplement, late whatever the times.
//   - SupplementRestart (Decree 61/2018 art. 19(4)): the clock restarts at re-submission with the legal
//     duration (the catalogue's, else the working days from the deemed receipt to the appointment).
//   - SupplementPause: as Subtract without the request limit.
//
// Under every rule, a request the applicant has not answered by the judgement instant makes the request time
// the end: the dossier is judged finished at that moment → ReasonSupplementPending (numerator when early or
// on time), not counted as finished for 2.2 and Completed. Supplements are Dossier.Supplements in input
// (time) order, or, when there are none, the runs of status 5 (and 6) in the timeline. Entries of kind
// "stop" are ignored; financial-obligation pauses follow Options.Financial. A re-submission before its
// request → ReasonExcludedBadSupplement.
//
// 2.2. Over dossiers of the denominator whose processing ended in the period: Tally.Counts[M22].Den and
// Tally.ProcessingSeconds (wall-clock seconds from reception to end, supplements not subtracted);
// AverageDays divides once (DivRound) into calendar days. The per-procedure breakdown is Result.Procedures.
//
// Extra counts. Tally.Completed = dossiers of the denominator finished in the period (portal
// totalCompleted); Tally.Overdue = denominator − numerator, i.e. every counted dossier not on time, open ones
// included — the portal's totalOverdue, which equals totalReceived − totalOnTime on all 326 rows of the Phú
// Thọ 8/2026 fixture.
//
// Reception check (not scored). An online dossier (Policy.OnlineChannelCodes, default {2}) whose
// NgayTiepNhan falls in the period and before AsOf, with a known NgayNopHoSo, is counted in
// Tally.OnlineReceived; it is late (Tally.LateOnlineReceptions) when received after
// calendar.AddWorkingHours(NgayNopHoSo, Policy.OnlineReceptionHours = 8 h). It is independent of 2.1's
// verdict and of the ledger.
//
// # Policies and defaults
//
//   - Policy (indicator.RecordPolicy; pass Edition.Policy): SupplementRule = SupplementSubtract [Doc],
//     MaxSupplements = 1 [Doc], EndStatusRank = 9 > 10 > 3 = 7 = 8 [Doc; rank of 7 unverified],
//     ExcludeWithdrawnBeforeReception = true, ReceivedFallbackToSubmitted = true [Doc],
//     OnlineChannelCodes = {2}, OnlineReceptionHours = 8, Deadline = calendar.DefaultDeadlinePolicy()
//     (P1 15:00 cut-off, P3(a), P4 24:00, P14 exclude, P15 day granularity). Deadline.Supplement (P10) is
//     not read: SupplementRule decides.
//   - Options.Terminated [Policy]: TerminatedEndsProcessing (default) counts dossiers ended by 3, 7 (after
//     reception) or 8 at that event, as the [Doc] rule says ("a withdrawal … also ends processing for
//     dossiers that had been received"; 8/3 rank below 9 and 10). CALENDAR.md P14 says withdrawn or stopped
//     dossiers are excluded from timeliness statistics; TerminatedP14 applies it through
//     Policy.Deadline.IncludeWithdrawn (→ ReasonExcludedWithdrawn, ReasonExcludedStopped). The [Doc] rule is
//     the default because INDICATORS.md is the index's own rule and P14 is the calendar's generic advice.
//   - Options.Financial [Open]: FinancialClockRuns (default) — financial-obligation pauses do not stop the
//     clock, as the portal is reported to do; FinancialPaused subtracts them without counting them as
//     supplement requests.
//   - Rescheduling (P12) is not applied: the dossier record carries no rescheduling apology.
//   - Durations: "Ngày làm việc" → working days, "Ngày" → calendar days, "Giờ" → working hours; a fractional
//     number of working days → working hours at 8 h a day; fractions round up.
//
// # Reason codes
//
//	code                                            counted  numerator
//	timeliness.early                                yes      yes
//	timeliness.on-time                              yes      yes
//	timeliness.late                                 yes      no
//	timeliness.open-within-deadline                 yes      yes
//	timeliness.open-overdue                         yes      no
//	timeliness.late-by-repeated-supplement          yes      no
//	timeliness.supplement-pending                   yes      when judged early or on time at the request
//	timeliness.excluded-not-received                no
//	timeliness.excluded-withdrawn-before-reception  no
//	timeliness.excluded-outside-period              no
//	timeliness.excluded-no-reception-time           no
//	timeliness.excluded-no-deadline                 no
//	timeliness.excluded-stopped                     no       (TerminatedP14 only)
//	timeliness.excluded-withdrawn                   no       (TerminatedP14 only)
//	timeliness.excluded-calendar-range              no
//	timeliness.excluded-no-end-time                 no
//	timeliness.excluded-end-before-reception        no
//	timeliness.excluded-bad-supplement              no
//	timeliness.excluded-nil-record                  no
//
// Every dossier read gets exactly one of them in Result.Ledger, so Read == Counted + Excluded.
//
// # Cost
//
// New is O(procedures + Keys) plus a one-off probe of the calendar (7 × 1441 WorkingHoursBetween calls and
// ≈ 9 bytes per day of a window from three years before the period to its end, ≈ 2 ms). Classify is
// O(len(Steps) + len(Supplements)) with O(1) work per record and no allocation: for the fixed UTC+7 zone it
// computes civil dates, end-of-day instants, due dates (calendar.Due for day units), pauses
// (calendar.Supplement), office time (calendar.WorkingHoursBetween) and the reception deadline
// (calendar.AddWorkingHours) without time-zone conversions, through a probed minute table with prefix sums
// and its O(1) inverse, and classifies as calendar.Classify does; TestFastPathMatchesCalendar and
// TestFastHoursDueSupplement check on random inputs that every such shortcut returns exactly what the
// calendar returns (other zones, hour units, office hours with sub-minute boundaries or dates outside the
// window simply call the calendar). The most common dossier (received, with an appointment or a usable
// catalogue duration, no timeline, not ended by 3/7/8, and with an appointment if it has supplement
// entries, all answered in time) takes a shorter path (judgeSimple) that TestSimplePathMatchesJudge and
// FuzzClassify check against the general one.
//
// Keys. The scorecard passes one indicator.Keys for all calculators (Options.Keys) and calls ClassifyRef
// with the dossier's Ref, resolved once: the verdict then carries the Keys indexes of its unit and
// procedure and Accumulator.Add finds its unit's and its procedure's cells in two dense arrays without
// hashing any string. Classify hashes nothing up front: the catalogue is searched by code only for
// a dossier without appointment, and Add resolves the unit and procedure by their strings through two small
// direct-mapped caches (256 slots each) in front of the Keys and its own map of ids not in the Keys; so are
// verdicts of another Calculator or made by hand, with the same counts (TestClassifyRefMatchesClassify).
// Accumulator.Add allocates only for a unit or procedure outside the Keys seen for the first time; memory
// is O(units + procedures), never O(dossiers).
//
// # Performance
//
// Issue 5's target is ≤ 150 ns and 0 allocations per dossier with the calendar. BenchmarkClassifyAddRef
// measures it over pre-generated dossiers of August 2026 (newBenchSet: 80 units, 50 procedures with
// working-day, calendar-day and working-hour durations, 20 % open, 10 % without appointment, 10 % with a
// supplement, a third online and submitted up to 30 h before reception, so most need the 8-working-hour
// reception deadline): "addref" is Accumulator.AddRef with the Refs resolved outside the loop (the
// scorecard's tally pass), "ref" is ClassifyRef + Add (the scorecard when it explains lost points),
// "classify" is Classify + Add (the calculator resolves the unit and procedure); records=64 stays in cache,
// as in the scorecard, which runs each calculator over chunks of 64 dossiers; records=4096 is ≈ 4 MB of
// model.Dossier (cache misses on every record). Measured with
//
//	go test -run '^$' -bench ClassifyAddRef -count 10 ./indicator/timeliness/
//
// on the 2 vCPU AMD EPYC 2.45 GHz virtual machine (otherwise idle, 26 Nov 2026 02:00 UTC; medians of ten
// 1-second runs by benchstat, ± its 95 % interval; the same binary varies by up to ±30 % between runs
// minutes apart on this machine). Process CPU time per dossier, 0 B and 0 allocs/op in every case:
//
//	                          records=64      records=4096
//	addref (tally pass)       101 ns ± 29 %   140 ns ± 10 %
//	ref (explaining pass)     106 ns ± 13 %   134 ns ± 13 %
//	classify                  126 ns ± 26 %   164 ns ± 25 %
//
// The target is met by addref, the tally pass, in every one of the ten runs (89–132 ns over 64 records,
// 122–149 ns over 4096), and by ref in median (two of its ten 4096-record runs took 150 and 156 ns);
// Classify + Add, which resolves the unit and procedure by string, is not under it over 4096 records. In the scorecard's own breakdown (BenchmarkParts in
// indicator/scorecard, a pool of 1 024 dossiers) timeliness takes 135–149 ns per dossier.
//
// What made it: the simple path (judgeSimple) covers open and finished dossiers with an appointment or a
// catalogue duration and, since 26 Nov 2026, those whose supplement requests were all answered in time
// (the general path costs about twice as much); the calendar's office-hour and working-day arithmetic is
// reproduced without time-zone conversions for a fixed zone (fast.go, checked against the calendar by
// TestFastPathMatchesCalendar), its office-hours table reaching 40 days past the judgement date; the
// Accumulator keeps dense per-unit and per-procedure cells (a dossier touches two array elements, not a
// hash table of (unit, procedure) pairs); model.Dossier keeps the fields read here within its first six
// cache lines. What remains per dossier is reading those lines, writing the 256-byte Verdict and ≈ 5
// branches on the dossier's data that no predictor learns (online or not, finished or open, early, on
// time or late).
//
// # Tests
//
// rules_test.go has one named case per rule sentence above (TestRules, TestPolicies,
// TestRuleOwnerHungKings2026, TestReceptionCheck); stream_test.go checks Result tallies and the ledger on a
// small stream (TestStreamResult), Merge against one pass (TestMerge), and runs the CALENDAR.md §7 deadline
// vectors (testdata/deadline-vectors.json) through the no-appointment rule (TestGoldenDeadlineVectors);
// ref_test.go checks ClassifyRef (with the Keys' Ref, NoRef, out-of-range indexes), Classify, foreign and
// hand-made verdicts and cross-calculator merges against one reference for several Keys
// (TestClassifyRefMatchesClassify); simple_test.go checks the short path against judge
// (TestSimplePathMatchesJudge); fast_test.go checks every calendar shortcut (TestFastPathMatchesCalendar,
// TestFastHoursDueSupplement, TestSplitDay); fuzz_test.go holds FuzzClassify, which also checks the Keys
// variants and the short path.
package timeliness
