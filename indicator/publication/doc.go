// Package publication computes the record counts of group 1, publication and transparency (Công khai,
// minh bạch, portal code CKMB, 18 points), of the Decision 766/QĐ-TTg index: metrics 1.1, 1.2, 1.3 and 1.4.
//
// # Legal basis
//
// Decision 766/QĐ-TTg (23/6/2022), group "Công khai, minh bạch". Decree 63/2010/NĐ-CP on the control of
// administrative procedures, as amended by Decrees 48/2013 and 92/2017: art. 15 (the announcement decision,
// quyết định công bố, comes at least 20 days (minister) / 5 days (provincial chairperson) before the legal
// document takes effect), art. 24(2) (entry and publication in the National Database on Administrative
// Procedures within 10 / 5 working days of signing), art. 8(2) items a–g (the components a published
// procedure must show). Record rules: INDICATORS.md §3 group 1 [Doc, Portal]; deadlines: CALENDAR.md §8.
//
// # Metrics and rules
//
//   - 1.1 PUBLISH_ON_TIME "Procedures in announcement decisions (new, amended or abolished) whose decision
//     date is in the period; a procedure in several decisions counts once, and is late for the period if
//     any of them was late. On time: decision date ≤ the effective date of the legal document that governs
//     the procedure minus 20 days (ministries) / 5 days (provinces)." Counted per issuing unit (province or
//     ministry). Golden: TestProcedureRules/1.1_*.
//   - 1.2 PUBLIC_UPDATE_ON_TIME "Procedures published on the national TTHC database in the period plus those
//     still due for publication whose decision date ≤ period end + 10 (ministry) / 5 (province) working
//     days. On time: publish click ≤ decision date + 10 / 5 working days." Counted per issuing unit.
//     Golden: TestProcedureRules/1.2_*.
//   - 1.3 PUBLIC_CONTENT_FULL "Procedures published on the national database with all components of Decree
//     63/2010 art. 8(2) items a–g present; forms are not checked. Not period-bound: measured as of now."
//     Judged on the unit's latest publication whose publish click is ≤ AsOf; a procedure whose latest
//     published decision abolished it is left out. Golden: TestProcedureRules/1.3_*.
//   - 1.4 DOSSIER_SYNC "Dossiers synced to the portal with reception date in the period / dossiers received
//     in the period." Counted per d.UnitID. Golden: TestClassifyRules; TestFixtureTransparency reproduces
//     every group-1 row (scope all) of the Phú Thọ 8/2026 fixtures from synthesised records.
//
// 1.2 and 1.3 are computed at province/ministry level only; sub-units show the parent's value. This
// package counts them at the issuing unit; the indicator tree carries the value down to sub-units. 1.1 and
// 1.3 likewise belong to the issuing unit. A procedure counts once per unit and metric, also across
// records and shards (Accumulator keeps a per-unit set). Result.Procedures lists each unit's procedures
// with their outcomes; ProcedureVerdict's judgements carry the decision, deadline and actual dates.
//
// 1.4's denominator on the portal is the larger of the national reporting system's count and the portal's
// own, with fall-backs when both are missing [Doc]. This package counts its own records in Counts[M14].Den
// and copies the caller's national count (Options.SyncReportDen) into Tally.SyncReportDen; scoring takes
// the maximum. The portal's fall-backs (its dataQualityStatus values such as NO_NATIONAL_REPORT_DATA) are
// not modelled: when a unit has neither count the metric is null.
//
// # Policies (defaults)
//
//   - Policy.PublicationDayUnit (WorkingDays, CALENDAR.md P18 [Policy]): days of 1.1 and 1.2 are working
//     days of Options.Calendar, or calendar days. "Date − N working days" is the N-th working day before
//     the date, the date itself not counted; comparisons are inclusive (≤), on civil dates in UTC+7.
//   - Policy.PublicationLeadDays ({Ministry 20, Province 5}) and Policy.PublishWithinDays ({Ministry 10,
//     Province 5}); the issuer level is Publication.Issuer (UnitMinistry or UnitProvince), any other kind
//     is excluded (publication.unknown_issuer_level).
//   - Pending (PendingDecidedBy): which unpublished procedures enter 1.2, as the spec words it; the
//     alternative PendingOverdue counts only those whose deadline has passed [Policy].
//   - A decision without the effective date of its legal basis cannot be judged for 1.1 and is left out
//     (publication.no_effective_date) [Policy]. The shortened procedure (document effective on signing,
//     decision within 3 days after) is not modelled: such a decision is judged late.
//   - Issuing unit: Publication.IssuerCode, else Procedure.PublisherCode (MACOQUANCONGBO).
//   - SyncSuccessCodes (DefaultSyncSuccessCodes: "0" and ""): a dossier is synced when its last sending
//     (model.SyncInfo.SentAt ≤ AsOf) got one of these error codes [Policy].
//   - Policy.ReceivedFallbackToSubmitted (true): "received" = NgayTiepNhan, else NgayNopHoSo [Doc].
//   - Policy.ExcludeWithdrawnBeforeReception (true): "dossiers withdrawn before reception are not counted":
//     a withdrawn dossier (status 7) without NgayTiepNhan is excluded from 1.4
//     (publication.withdrawn_before_reception) instead of being judged on its submission time. False:
//     judged as any other dossier.
//
// # Reason codes
//
// Every procedure read gets exactly one reason in each of Result.Ledger11, Ledger12 and Ledger13 (Read ==
// Counted + Excluded in each): its primary judgement's (the first counted one, else the first).
//
//	publication.announced_on_time       1.1 counted   numerator: no decision in the period was late
//	publication.announced_late          1.1 counted   a decision in the period was dated after the deadline
//	publication.no_decision_in_period   1.1 excluded  no decision dated in the period
//	publication.no_effective_date       1.1 excluded  the legal basis's effective date is missing
//	publication.published_on_time       1.2 counted   numerator: published in the period by the deadline
//	publication.published_late          1.2 counted   published in the period after the deadline
//	publication.unpublished             1.2 counted   not yet published and due (Pending rule)
//	publication.not_due                 1.2 excluded  not yet published, not due
//	publication.published_outside_period 1.2 excluded published outside the period
//	publication.complete                1.3 counted   numerator: components a–g present
//	publication.incomplete              1.3 counted   a component is missing
//	publication.not_published           1.3 excluded  not published as of AsOf
//	publication.abolished               1.3 excluded  the latest published decision abolished it
//	publication.no_code                 all excluded  the procedure has no code
//	publication.no_publication          all excluded  no announcement decision recorded
//	publication.no_issuer               all excluded  no issuing unit
//	publication.unknown_issuer_level    1.1, 1.2 excluded  issuer neither ministry nor province
//	publication.no_decision_date        1.1, 1.2 excluded  decision without date
//	publication.decision_after_as_of    1.1, 1.2 excluded  decision dated after AsOf
//	publication.out_of_calendar         1.1, 1.2 excluded  a deadline outside the calendar's range
//
// Every dossier read gets exactly one reason in Result.Ledger, tried in this order:
//
//	publication.nil_record                  excluded  a nil *model.Dossier (a caller's bug; never a panic)
//	publication.no_unit                     excluded  UnitID empty
//	publication.no_reception                excluded  no reception (or submission) time
//	publication.withdrawn_before_reception  excluded  status 7 without NgayTiepNhan (ExcludeWithdrawnBeforeReception)
//	publication.outside_period              excluded  not received in the period
//	publication.after_as_of                 excluded  received after AsOf
//	publication.not_synced                  counted   denominator only: never sent (by AsOf)
//	publication.sync_failed                 counted   denominator only: sent, error code not a success
//	publication.synced                      counted   numerator and denominator
//
// # Cost
//
// Classify (1.4) does a few comparisons and does not allocate; with Accumulator.Add it is a flag path (see
// BenchmarkClassifyAdd). ClassifyProcedure does O(1) calendar shifts per publication and allocates its
// judgements; procedures are a small catalogue, not the hot path.
//
// 1.4 needs only the dossier's unit. Options.Keys (the scorecard's shared indicator.Keys; without it the
// calculator builds its own from SyncReportDen's units) numbers the units: ClassifyRef takes the dossier's
// indicator.Ref, resolved once per pass for all calculators, and puts the unit index in the verdict, so
// Accumulator.Add counts into a slice without hashing the unit id. Classify resolves the unit itself in
// an immutable table built by New (a hash of the id and a comparison of two words; the same answers as
// Keys.Unit, cheaper than its map). Units outside the Keys, hand-made verdicts and verdicts of another
// Calculator are found by id in a map (slower, same Result). The period bounds are kept as Unix seconds:
// a reception or sending strictly inside them is decided by integer comparisons, the exact time.Time
// comparisons only run within a second of a bound.
//
// # Performance
//
// Target (issue 5): ≤ 50 ns and 0 allocations per dossier for 1.4. Measured with
//
//	go test -run '^$' -bench ClassifyAdd -count 10 ./indicator/publication/
//
// on the 2 vCPU AMD EPYC 2.45 GHz virtual machine (otherwise idle, 26 Nov 2026 02:00 UTC; medians of ten
// 1-second runs by benchstat, ± the 95 % interval it reports; the same binary varies by up to ±30 % between
// runs minutes apart on this machine). Process CPU time per dossier, 0 B and 0 allocs/op in every case.
// Over 64 and 4096 pre-generated dossiers of 80 units and 50 procedures (64 dossiers stay in cache, as in
// the scorecard, which runs each calculator over chunks of 64; 4096 are 4 MB of records):
//
//	                                                              64 dossiers    4096 dossiers
//	addref: Accumulator.AddRef, Refs resolved before the loop     38 ns ± 3 %    39 ns ± 3 %
//	  (the scorecard's tally pass)
//	ref: ClassifyRef + Add (the scorecard when it explains)       42 ns ± 2 %    41 ns ± 3 %
//	classify: Classify + Add with Options.Keys                    51 ns ± 10 %   57 ns ± 4 %
//
// The target is met by AddRef and ClassifyRef + Add; Classify + Add, which must also find the unit by its
// id, is just above it.
package publication
