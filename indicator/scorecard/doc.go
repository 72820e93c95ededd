// Package scorecard runs every calculator of the Decision 766 index over one province's (or
// ministry's) records for one period in a single pass, and returns for every unit of the hierarchy —
// and, pooled, for its parents — the metric, group and total scores, ranks (overall and per group), band
// and change against a previous period, with explanations of the points lost down to the records that
// lost them. It also answers what-if questions (Plan), compares two editions record by record
// (Reconcile) and shards: partial states merge, so goroutines or machines can each take a slice of the
// records (RunParallel).
//
// # Legal basis
//
// Prime Minister's Decision 766/QĐ-TTg of 23/6/2022 (the index, applied by the Government Office on the
// National Public Service Portal); the record rules of each group are those of the calculator packages
// (indicator/publication, timeliness, online, payment, digitisation, satisfaction), the scoring, pooling, ranking and bands
// those of package indicator (INDICATORS.md §4–§5). The explanations, what-if and period comparison
// answer §6: the Hậu Giang plan 146/KH-UBND (2024) asks every department and commune to find the causes
// of lost points and fix them.
//
// # One pass
//
// New builds the calculators from the edition's record policies (Edition.Policy) and the preloaded
// inputs (units, procedure catalogue, offerings, communes for 4.4, petitions, ratings). A Partial holds
// the state of a pass: Partial.AddDossier classifies a dossier with every dossier calculator —
// publication (1.4), timeliness (2.1, 2.2, reception check), online (3.3 and the 3.2 flags), payment (3.6 and the 3.4/3.5
// flags), digitisation (4.1–4.3, 4.5, 4.6b) and satisfaction (5.3, whose "resolved late" is the
// timeliness verdict of the same dossier, judged once) — adds the
// verdicts to each calculator's accumulator, and notes the lost records for the explanations. It does
// not allocate once a unit and its reasons have been seen. Petitions (5.0–5.2) are classified by Finish
// from Inputs.Petitions, or streamed with Partial.AddPetition.
//
// Finish merges the calculators' per-unit tallies into one indicator.Tally per unit, builds the
// indicator.Tree over Inputs.Units and scores it (indicator.Edition.ScoreTreeWith): own and pooled
// results, competition ranks within the pools of Options.Rank, bands (Options.Bands), and the change
// against Options.Previous. Run is NewPartial + AddDossiers (the same as AddDossier, in chunks of 64
// dossiers run calculator by calculator) + Finish; RunParallel fans the stream out in batches to several
// workers and merges their partials.
//
// The scorer interns every unit id and procedure code of its inputs in one indicator.Keys; each dossier's
// unit and procedure are resolved once (indicator.Ref) and handed to the six calculators' ClassifyRef, so
// the pass hashes two strings per dossier. Options.SkipDossierExplanations turns the explanations of the
// dossier metrics off (same tallies and scores, about 45 % less CPU per dossier): the pass then calls each
// calculator's Accumulator.AddRef, which copies no Verdict. Measured cost: BENCHMARKS.md in this directory
// (about 0.33 µs of CPU per dossier for the tally pass, 0.6 µs with explanations, on a 2.45 GHz EPYC).
//
// Group 1's procedure metrics (1.1–1.3) are judged by Finish, once per catalogue record of
// Inputs.Procedures (their announcement decisions and publication), and counted at the issuing unit;
// the tree carries 1.2 and 1.3 down to sub-units (PoolCarryDown). 1.4's reporting denominator is
// Inputs.SyncReportDen.
//
// Procedure counts of parents: under the default pooling (PoolOwn for 3.1, 3.2, 3.4, 3.5) a parent's own
// counts for them are computed by the scorecard from its sub-tree — 3.1, 3.4 and 3.5 over distinct
// procedures (online.Result.Pool, payment.Result.Pool), 3.2 summed over the units' services — as the
// portal's province rows count them; 4.6a over the distinct procedures offered in its sub-tree (the
// digitisation calculator run over the sub-tree's offerings attributed to the parent, once in New).
//
// # Sharding and determinism
//
// Partial.Merge is associative and commutative: every count is an integer sum, payment's procedure
// flags are ORed, and example codes are the smallest codes (a total order), so the card of a merged
// state equals the single-pass card bit for bit, whatever the split and the order of the merges
// (TestParallelIdentical). Memory is O(units × (procedures + metrics × reasons × Examples)), never
// O(records). Partials merge within one process (goroutines, RunParallel): a Partial has no serialised
// form yet, so shards computed on other machines cannot be merged into it.
//
// # Explanations
//
// For each unit and scored metric that lost points or records, Explanation gives the counts, the score,
// the points lost (Max − Score) and, for the records in the denominator but not in the numerator, the
// calculators' reason codes with their counts and up to Options.Examples example codes (default 5), the
// smallest codes, so a department head can open the records: dossier codes for the dossier metrics,
// petition ids for 5.0–5.2, procedure codes for 1.1–1.3, 3.1, 3.4 and 3.5, services for 3.2. A parent's
// explanation follows the pooling of the metric: the sum over its sub-tree (PoolSum), its own counts (PoolOwn — for 3.1,
// 3.4, 3.5 the distinct procedures of its sub-tree, for 3.2 its sub-units' services as "unit/procedure")
// or those of the computing ancestor (PoolCarryDown). Reason counts add up to Den − Num; what no record verdict
// explains is ReasonUnexplained. Each reason also gives the points its records cost the metric (what the
// metric would score had they been compliant), so "2 late dossiers cost 3.33 points of 2.1" reads off
// the card.
//
// # What-if
//
// PlanTally (a target total) and PlanGain (a number of points) work from a tally alone; Card.Plan from
// a unit's pooled counts. For each scored metric they give the points the next compliant record brings
// and the fewest compliant records that reach the target through that metric alone, the other metrics
// unchanged, found by exponential and binary search with the edition's exact scoring (caps, thresholds,
// rounding, zero rules, the portal's 3b float pipeline); Cheapest ranks the reachable metrics by the
// records needed. PlanMode says whether a compliant record is a new one (PlanAdd, default) or a fix of
// a record already in the denominator (PlanFix). In reality a new dossier moves several metrics at once
// (2.1, 3.6, group 4, 5.3): the plan is per metric, by design.
//
// # Reconciliation
//
// Reconcile runs two scorers (two editions, e.g. the portal and the formula document, or the portal and a
// province's own record policies) over the same dossiers in one pass and lists the records whose
// verdicts differ for some metric, with both verdicts and reasons (the smallest codes, bounded), plus both
// cards. When both scorers have the same petitions and procedures, those are compared too (5.0–5.2 per
// petition; 1.1–1.3 per procedure and issuing unit).
//
// # Policies
//
//   - Records attributed to a unit that is not in Inputs.Units are not scored in the tree; their ids and
//     counts are listed in Card.Unattributed and Card.UnattributedCounts [Policy: never silently
//     dropped, never an error].
//   - Units' validity dates (model.Unit.ValidFrom/ValidTo) and successors are not applied: the caller
//     passes the hierarchy of the period.
//   - Bands: indicator.DefaultBands (unofficial) unless Options.Bands; ranks: indicator.RankWithinRoot
//     unless Options.Rank; pooling: indicator.DefaultAggregation unless Options.Aggregation.
//   - Calculator policies are passed through unchanged with their defaults: Options.Pending,
//     SyncSuccessCodes (publication), Terminated, Financial (timeliness), OnlineUnknownProcedure (online), NoFeeLines, FeeData (payment), PopulationDBCodes, ElectronicResultScope
//     (digitisation), RatingRule (satisfaction).
//   - Procedure catalogue: the first record of a code wins (digitisation refuses duplicates; the
//     scorecard gives it the first of each).
//
// # Reason codes
//
// The scorecard adds five codes to those of the calculators:
//
//	scorecard.procedure_not_online             3.1  a procedure under the unit's authority without an online service
//	scorecard.service_without_online_dossier   3.2  an online service that received no online dossier in the period
//	scorecard.procedure_not_paid_online        3.4  a fee-bearing offered procedure none of whose dossiers was paid online
//	scorecard.procedure_no_fee_data            3.5  a fee-bearing offered procedure none of whose dossiers carried fee data
//	scorecard.unexplained                      any  the shortfall Den − Num that no record verdict explains
//
// # Cost
//
// AddDossier is the sum of the six dossier calculators' Classify + Add plus O(lost metrics) for the
// explanations; see BENCHMARKS.md for
// measured throughput. Finish costs two Edition.Score per unit plus the explanations.
package scorecard
