// Package offer holds what the group-3 record calculators (indicator/online, indicator/payment) share,
// and the evaluation window other dossier calculators may use.
//
// # Window
//
// NewWindow checks Period and AsOf (zero Period, Period end before start, zero AsOf, AsOf before the
// period; Invalid.Option makes the calculator's *indicator.OptionError) and derives the judgement instant
// at which offerings are taken as in force: min(last instant of the period, AsOf). Window.Admit and
// Window.Place place a dossier's reception time (Window.Received applies Reception.FallbackToSubmitted) as
// absent, withdrawn before reception, outside the period (Period.Contains semantics), after AsOf, or in
// the window, comparing Unix seconds and nanoseconds as integers when no bound carries a monotonic clock
// reading.
//
// # Index
//
// OwnKeys gives a calculator the indicator.Keys it works on: the pass's shared Keys when it holds every
// unit id and procedure code of the calculator's inputs, else one that extends it (keeping its indexes, so
// the pass's Refs stay valid), or the calculator's own. A Builder groups offering records by (unit, mapped
// procedure code) in first-seen order; Build lays them out on the Keys' indexes: Keys unit index → row
// (units with an offering, sorted by id), Keys procedure index → mapped code, code id and the calculator's
// Info, and a dense rows × listed codes table (a map by integer key beyond 2^20 entries). Index.Row,
// Proc and Pos answer a dossier's lookups with slice loads, falling back to the Keys' lookups by
// string when the dossier's Ref is zero. The Index itself hashes no string.
//
// # Accumulators and reports
//
// Reasons counts the dossier ledger by reason index (the first five are the Place values Window.Admit
// returns); Units keeps each unit's dossier count and one flag byte per tracked pair, by row with a map for
// units without an offering, and merges accumulators of one calculator or of two (pairs matched by code).
// Catalogue reads the procedure catalogue once per mapped code; Outcome.Report pools parent rows under
// indicator.PoolOwn and notes lost procedures through indicator.Scope.Note; As, AddAll, SortedIDs and
// Distinct are the calculators' Merge, Run and Result scaffolding.
package offer
