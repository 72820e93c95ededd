// Package publication computes group 1 of the Decision 766 index, "Công khai, minh bạch" (publication and
// transparency): 1.1, 1.2 and 1.3 from the procedure catalogue and 1.4 from dossiers (docs/rules.md,
// 1.1–1.4, with the legal basis: Decree 63/2010/NĐ-CP as amended, arts. 15, 24(2) and 8(2) a–g).
//
// # Rules
//
// A procedure is judged at each unit that issued a decision about it (Publication.IssuerCode, else
// Procedure.PublisherCode), and counts once per unit and metric (late if any of its records was late):
//
//   - 1.1: procedures in decisions dated in the period, on time when the decision date ≤ the legal
//     document's effective date − LeadDays.
//   - 1.2: procedures published in the period, plus those unpublished and due under Pending; on time
//     when the publish date ≤ the decision date + PublishWithinDays.
//   - 1.3: procedures whose latest publication by AsOf shows components a–g (not period-bound; an
//     abolished procedure is left out).
//   - 1.4: dossiers received in the period and sent to the portal by AsOf with a success code / dossiers
//     received in the period, at Dossier.UnitID. SyncReportDen carries the national count the portal
//     compares with (scoring takes the larger).
//
// 1.1–1.3 belong to the issuing unit; the indicator tree carries 1.2 and 1.3 down to its sub-units.
//
// # Reason codes
//
// Every catalogue record gets one reason per metric (its first counted judgement's, else its first), and
// every dossier one; all are prefixed "publication.":
//
//	1.1   announced_on_time (num) | announced_late | no_decision_in_period, no_effective_date (excluded)
//	1.2   published_on_time (num) | published_late | unpublished | not_due, published_outside_period (excl.)
//	1.3   complete (num) | incomplete | not_published, abolished (excluded)
//	all   no_code, no_publication, no_issuer (excluded); 1.1 and 1.2 also unknown_issuer_level,
//	      no_decision_date, decision_after_as_of, out_of_calendar (excluded); placeholder_date when a
//	      date a metric needs (decision, legal effect, publish click) is a placeholder (Reception.Dates)
//	1.4   synced (num) | not_synced, sync_failed (denominator) | nil_record, no_unit, the shared
//	      reception.not_received (status 1), withdrawn_before_reception, no_reception, placeholder_date
//	      (reception or sending time), outside_period, after_as_of (excluded, tried in this order)
//
// 1.4 counts distinct dossier codes (docs/rules.md, 1.4): the records given must be deduplicated, the
// latest version of each code only (model/dedupe; scorecard.Scorer.RunLatest does it). Run and
// Accumulator.Add count every record they are given.
//
// # Policies
//
// indicator.PublicationPolicy (docs/rules.md, 1.1–1.4): DayUnit WorkingDays on Options.Calendar
// (docs/calendar.md, P18); LeadDays {Ministry 20, Province 5}; PublishWithinDays {Ministry 10, Province
// 5}; Pending PendingDecidedBy (or PendingOverdue); SyncSuccessCodes {"0", ""} [Policy]. The issuer's level
// is Publication.Issuer (ministry or province; any other is excluded). indicator.ReceptionPolicy decides
// "received" for 1.4 (docs/rules.md, Reception).
//
// # Use
//
// New, then per dossier Accumulator.Add with its Case (the scorecard's pass) or Run over a stream;
// Options.Procedures are judged by Report and Result, which Report notes as RecordProcedure verdicts.
// Accumulators merge. Data problems are reasons, never errors or panics; New's errors are
// *indicator.OptionError. Add does not allocate; memory is O(units + catalogue).
package publication
