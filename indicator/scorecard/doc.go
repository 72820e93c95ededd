// Package scorecard runs every calculator of the Decision 766 index over one province's (or
// ministry's) records for one period in a single pass, and returns for every unit of the hierarchy —
// and, pooled, for its parents — the metric, group and total scores, ranks (overall and per group), band
// and change against a previous period, with explanations of the points lost down to the records that
// lost them. It also answers what-if questions (Plan), compares two editions record by record
// (Reconcile) and shards: partial states merge, so goroutines can each take a slice of the records
// (RunParallel).
//
// # Legal basis
//
// Prime Minister's Decision 766/QĐ-TTg of 23/6/2022. The record rules are those of the calculator
// packages (indicator/publication, timeliness, online, payment, digitisation, satisfaction); scoring,
// pooling, ranking and bands those of package indicator; the rules handbook is docs/rules.md.
//
// # One pass
//
// New builds the six calculators from the edition's record policies (Edition.Policy, one struct per
// group) and the preloaded inputs, and interns every unit id and procedure code in one indicator.Keys.
// A Partial holds the state of a pass: one indicator.Accumulator per calculator, in a slice. The pass
// is one loop over chunks of 64 dossiers and, inside it, one loop over the calculators: each dossier
// becomes an indicator.Case (its unit and procedure resolved once) that every calculator's Add judges
// and accumulates; timeliness records 2.1's outcome in the Case, which 5.3 reads. Explanations are a
// consumer of the verdicts that lose points, counted per unit, metric and reason: the calculators'
// AddLost (Add, handing only those verdicts, each with its reason's index) feed them to a sink internal to
// package indicator, which finds a unit × metric × reason seen before by slice loads
// (Options.SkipDossierExplanations runs Add without a consumer: same tallies and scores, less CPU).
//
// Finish asks each accumulator for its indicator.Report — per-unit tallies (parents pooled by the
// calculator itself where the portal counts distinct procedures over a sub-tree: 3.1, 3.2, 3.4, 3.5,
// 4.6a), ledgers, and the verdicts of the records judged at the end (catalogue procedures for 1.1–1.3,
// petitions for 5.0–5.2, procedures that lose 3.1, 3.2, 3.4 or 3.5 as a whole) — builds the
// indicator.Tree over Inputs.Units and scores it (indicator.Edition.ScoreTreeWith). Run is NewPartial
// + AddDossiers + Finish; RunParallel fans the stream out in batches to several workers and merges
// their partials.
//
// # Sharding and determinism
//
// Partial.Merge is associative and commutative (integer sums, ORed flags, smallest example codes), so
// the card of a merged state equals the single-pass card bit for bit whatever the split. Memory is
// O(units × (procedures + metrics × reasons × Examples)), never O(records). Partials merge within one
// process: they have no serialised form.
//
// # Explanations
//
// For each unit and scored metric that lost points or records, Explanation gives the counts, the score,
// the points lost (Max − Score) and the reasons of the records in the denominator but not in the
// numerator, with counts, the points they cost, and up to Options.Examples example codes (the smallest).
// A parent's explanation follows the metric's pooling. Reason counts add up to Den − Num; what no record
// verdict explains is ReasonUnexplained.
//
// # What-if
//
// PlanTally, PlanGain and Card.Plan give, per scored metric, the points the next compliant record brings
// and the fewest compliant records that reach a target through that metric alone, with the edition's
// exact scoring, and a combined plan across metrics (Plan.Combined, greedy on points per record); PlanMode
// says whether a compliant record is a fix (PlanFix, the default) or new (PlanAdd). Metrics null for the
// unit are never proposed; Worklist names the records to fix.
//
// # Failing records
//
// FailingRecords is a second pass over the same dossiers that yields every record in a scored metric's
// shortfall with its reason and deciding facts, streamed, for export or storage; ProcedureBreakdown counts
// 2.1, 3.3, 3.6 and group 4 per unit and procedure.
//
// # Policies
//
//   - Records attributed to a unit that is not in Inputs.Units are not scored in the tree; their ids and
//     counts are listed in Card.Unattributed and Card.UnattributedCounts [Policy: never silently
//     dropped, never an error].
//   - Units' validity dates and successors are not applied: the caller passes the hierarchy of the period.
//   - Bands: indicator.DefaultBands (unofficial) unless Options.Bands; ranks: indicator.RankWithinRoot
//     unless Options.Rank; pooling: indicator.DefaultAggregation unless Options.Aggregation.
//   - Record policies come from Options.Edition.Policy only; the first catalogue record of a code wins.
//
// # Errors and cost
//
// New and Finish return *indicator.OptionError for bad options (errors.Is indicator.ErrOption). A pass
// costs the six calculators' Add per dossier plus O(lost metrics) for the explanations, and allocates
// nothing once units and reasons have been seen; Finish costs the reports, two Edition.Score per unit
// and the explanations. Measurements: BENCHMARKS.md at the repository root.
package scorecard
