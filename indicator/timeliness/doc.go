// Package timeliness computes group 2 of the Decision 766/QĐ-TTg index, "Tiến độ, kết quả giải quyết"
// (20 points), from dossier records as the National Public Service Portal does: 2.1, the share of
// dossiers resolved early or on time; 2.2, the average resolution time (reported only); and the online
// reception check (online dossiers received within 8 working hours of submission, reported only). The
// rules, with every interpretation point and its alternatives, are in docs/rules.md (2.1, 2.2, Reception);
// the deadline arithmetic is package calendar's (docs/calendar.md, P1–P15).
//
// # Rule
//
// A dossier is in 2.1's denominator when it was received by the judgement instant, min(last instant of
// the period, AsOf), and its processing had not ended before the period; in the numerator when its end is
// no later than its due instant — its appointment as an instant (Policy.Appointments), else the end of the
// due day computed from the catalogue's maximum duration (24:00), or the exact instant of a duration in
// hours — or it is open and the due instant has not passed. Supplement requests move the due date or
// restart the clock (Policy.Supplements). 2.2 sums, over every dossier whose processing ended in the
// period (with or without a deadline), the seconds from reception to end. A placeholder date
// (Reception.Dates) excludes the dossier from what needs it. Every dossier gets exactly one reason code
// (the Reason… constants), so the ledger's Read == Counted + Excluded. The legal basis, the defaults of
// indicator.DefaultTimelinessPolicy and their alternatives are in docs/rules.md.
//
// # Use
//
// New validates the Options (an *indicator.OptionError names a missing or invalid one) and returns an
// immutable Calculator, safe for concurrent use; Classify judges one dossier. A pass gives each goroutine
// an Accumulator (the indicator.Accumulator contract): Add also sets the Case's Timing (2.1's outcome,
// read by 5.3); Report gives the per-unit tallies (sums: no pooling), the ledger "timeliness" and the
// per-procedure breakdown. Bad data never fails: it is excluded with a reason. Add costs O(len(Steps) +
// len(Supplements)) plus O(1) calendar operations (BENCHMARKS.md).
package timeliness
