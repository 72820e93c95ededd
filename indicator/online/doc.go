// Package online computes the record counts of group 3a, online public services (Dịch vụ công trực
// tuyến, portal code CLGQ, 12 points), of the Decision 766/QĐ-TTg index: metrics 3.1, 3.2 and 3.3.
//
// # Rules
//
//   - 3.1: procedures under the unit's authority (the distinct procedures of its offerings in force at
//     min(last instant of the period, AsOf)) offered online, partially or fully, each once at its highest
//     level; Tally.PartialOnline, FullOnline and FullOnlineEligible follow (docs/rules.md, 3.1). A top
//     parent also counts the catalogue procedures nobody offers (indicator.ParentCatalogue).
//   - 3.2: online services (a unit and procedure with an offering in force at an online level in a counted
//     state) that received an online dossier counted in 3.3 (docs/rules.md, 3.2).
//   - 3.3: dossiers received in the period (docs/rules.md, Reception) that were received online and, for a
//     procedure with a paper result, carry an electronic result (docs/rules.md, 3.3).
//
// Legal basis: Decision 766/QĐ-TTg (23/6/2022) and Decree 42/2022/NĐ-CP, which defines the partial and
// full levels. The points and thresholds are the edition's (indicator.Edition), not this package's.
//
// The pass feeds Accumulator.Add (the indicator.Accumulator contract); Report gives the tallies, the
// ledger "online", pooled parent rows and the lost procedures.
//
// # Policies
//
// Options.Policy is indicator.OnlinePolicy: OfferingStates (published, awaiting unpublication, testing)
// and UnknownProcedure (UnknownNoPaperResult: an online dossier of a procedure missing from the catalogue
// needs no electronic result) [Policy]. Options.Reception is the shared reading of "received";
// docs/rules.md discusses each point.
//
// # Reason codes
//
// Every dossier read gets one reason in Result.Ledger, tried in this order:
//
//	online.nil_record                  excluded  a nil *model.Dossier (never a panic)
//	online.no_unit                     excluded  UnitID empty
//	reception.not_received             excluded  status 1, not yet received (Reception.NotYetReceived)
//	online.withdrawn_before_reception  excluded  withdrawn without NgayTiepNhan (Reception policy)
//	online.no_reception                excluded  no reception (or submission) time
//	online.placeholder_date            excluded  the reception time used is a placeholder (Reception.Dates)
//	online.outside_period              excluded  not received in the period
//	online.after_as_of                 excluded  received after AsOf
//	online.not_online                  counted   3.3 denominator: channel direct, postal or absent
//	online.online_without_e_result     counted   3.3 denominator: online, paper result, no electronic result
//	online.online                      counted   3.3 numerator and denominator
//
// Every procedure and offering of Options gets one reason in Result.Catalogue:
//
//	online.procedure_listed           counted   catalogue procedure
//	online.procedure_duplicate        excluded  code already seen (the first record wins)
//	online.procedure_no_code          excluded  empty code
//	online.offering_service           counted   partial/full in a counted state: 3.1 numerator, 3.2 denominator
//	online.offering_inactive_service  counted   partial/full, no counted state: 3.1 numerator only
//	online.offering_not_online        counted   none, information only or unknown: 3.1 denominator only
//	online.offering_duplicate         excluded  another offering decides the unit and procedure
//	online.offering_not_in_force      excluded  not valid at the judgement instant
//	online.offering_no_unit           excluded  empty unit
//	online.offering_no_procedure      excluded  empty procedure code
//
// Report notes scorecard.procedure_not_online (3.1) and scorecard.service_without_online_dossier (3.2,
// "unit/code" for a sub-unit's service in a parent).
//
// # Failures and cost
//
// New refuses invalid Options with an *indicator.OptionError; data problems are only reasons. Add costs
// slice loads with the pass's Refs (two Keys lookups without) and allocates nothing once a unit has been
// seen; memory is O(offerings + Keys size), never O(dossiers).
package online
