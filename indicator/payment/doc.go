// Package payment computes the record counts of group 3b, online payment (Thanh toán trực tuyến, portal
// code TTTT, 10 points), of the Decision 766/QĐ-TTg index: metrics 3.4, 3.5 and 3.6.
//
// # Rules
//
//   - 3.6: dossiers received in the period (processing start, docs/rules.md, Reception) of a fee-bearing
//     procedure, except those whose every fee line is 0 (a line of unknown amount is an obligation, not a
//     zero line), that were paid online (docs/rules.md, 3.6).
//   - 3.4: the unit's fee-bearing procedures (of its offerings in force at min(last instant of the period,
//     AsOf), at any level and in any state) with a dossier of that unit counted in 3.6 and paid online
//     (docs/rules.md, 3.4).
//   - 3.5: the same procedures with such a dossier carrying fee data (docs/rules.md, 3.5).
//
// A procedure is fee-bearing when the catalogue gives it a fee neither 0 nor null. A counted dossier of a
// procedure its unit does not offer counts in 3.6 and cannot move the unit's own 3.4 or 3.5; it is kept
// (Result.Unoffered) as evidence for the unit's parents, and a top parent also counts the fee-bearing
// catalogue procedures nobody offers (indicator.ParentCatalogue; docs/rules.md, Pooling). Tally.FeeProceduresWithDossiers
// (procedures with a dossier in 3.6) is reported only. Legal basis: Decision 766/QĐ-TTg and Decree
// 42/2022/NĐ-CP (online payment through the portal's platform or a ministry or province gateway); the
// portal's float scoring is indicator.Edition's [Portal].
//
// The pass feeds Accumulator.Add (the indicator.Accumulator contract); Report gives the tallies, the
// ledger "payment", pooled parent rows and the lost procedures.
//
// # Policies
//
// Options.Policy is indicator.PaymentPolicy: PaidOnlineCodes ({1, 2}), ZeroFeeLinesExcluded (true
// [Portal]), NoFeeLines (NoFeeLinesCounted: a dossier without any fee line stays in 3.6) [Policy], FeeData
// (FeeDataAnyLine, decided: any fee line is fee data, whatever its amount) and UnknownAmount
// (UnknownAmountOwed, decided: a line whose amount is absent is an obligation). Options.Reception is the
// shared reading of "received"; docs/rules.md discusses each point.
//
// # Reason codes
//
// Every dossier read gets one reason in Result.Ledger, tried in this order:
//
//	payment.nil_record                  excluded  a nil *model.Dossier (never a panic)
//	payment.no_unit                     excluded  UnitID empty
//	reception.not_received              excluded  status 1, not yet received (Reception.NotYetReceived)
//	payment.withdrawn_before_reception  excluded  withdrawn without NgayTiepNhan (Reception policy)
//	payment.no_reception                excluded  no reception (or submission) time
//	payment.placeholder_date            excluded  the reception time used is a placeholder (Reception.Dates)
//	payment.outside_period              excluded  not received in the period
//	payment.after_as_of                 excluded  received after AsOf
//	payment.unknown_procedure           excluded  procedure not in the catalogue
//	payment.free_procedure              excluded  procedure not fee-bearing
//	payment.zero_fee_lines              excluded  every fee line is 0 (ZeroFeeLinesExcluded; UnknownAmount)
//	payment.no_fee_lines                excluded  no fee line, under NoFeeLinesExcluded
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
// Report notes scorecard.procedure_not_paid_online (3.4) and scorecard.procedure_no_fee_data (3.5).
//
// # Failures and cost
//
// New refuses invalid Options with an *indicator.OptionError; data problems are never errors, only
// reasons. Add costs slice loads with the pass's Refs (two Keys lookups without), allocates nothing once a
// unit has been seen (a dossier of a procedure its unit does not offer costs a map lookup, and an
// allocation the first time per unit and procedure), and memory is O(units × fee-bearing procedures + Keys
// size), never O(dossiers).
package payment
