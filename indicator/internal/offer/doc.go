// Package offer holds what the group-3 record calculators (indicator/online, indicator/payment) share:
// validation of the evaluation window and the judgement instant, and the (unit, procedure) offering index
// translated to the indexes of an indicator.Keys.
//
// # Window
//
// NewWindow checks Period, AsOf and Policy in the order both calculators document (zero Period, Period end
// before start, zero AsOf, AsOf before the period, zero Policy) and derives the judgement instant at which
// offerings are taken as in force: min(last instant of the period, AsOf). Window.Place places a dossier's
// reception time (Window.Received applies Policy.ReceivedFallbackToSubmitted) as absent, outside the
// period (Period.Contains semantics), after AsOf, or in the window. It compares Unix seconds and
// nanoseconds as integers, which is exactly time.Time.Before/After as long as the bounds carry no
// monotonic clock reading; when one does, it uses time.Time's comparisons.
//
// # Index
//
// A Builder groups offering records by (unit id, mapped procedure code) in first-seen order, so a
// calculator can keep per-group facts (highest level, duplicates) in a slice. Build sorts the units (their
// slots) and each unit's listed codes, and translates a Keys once: Keys unit index → slot, Keys procedure
// index → mapped code, code id and the calculator's own per-code Info. A record's pair is then found with
// two slice loads and one load from a dense units × codes int32 table (a map keyed by an integer when the
// table would exceed 2^20 entries), with no string hashing. An index of -1 or out of the Keys' range is
// looked up by string with the same answer, so a Ref is only a speed-up.
//
// # Accumulators and results
//
// Reasons counts the dossier ledger by reason index (the first five indexes of both calculators are the
// Place values Window.Admit returns) and by string for hand-made verdicts; Units keeps each unit's dossier
// count and one flag byte per tracked pair, in a slice by slot with a map for units without an offering,
// and merges accumulators of one calculator or of two (pairs matched by code). SortedIDs and Distinct are
// the Result.UnitIDs and Result.Pool scaffolding.
//
// The package has no exported API outside the module's indicator tree (it is internal) and no state
// beyond what its values hold.
package offer
