// Package satisfaction computes group 5 of the Decision 766 index, "Mức độ hài lòng" (satisfaction): 5.0
// (petitions by category, reported only), 5.1 and 5.2 from petitions (phản ánh, kiến nghị), and 5.3 from
// dossiers, their ratings and the complaints naming them (docs/rules.md, 5.0–5.3).
//
// Legal basis: Decision 766/QĐ-TTg of 23/6/2022 as the National Public Service Portal applies it; Decree
// 20/2008/NĐ-CP for the petition deadlines; the formula document "Mô tả công thức tính chỉ số 766" [Doc]
// for the deadlines in working days and the open-petition rule.
//
// # Rules
//
// A petition counts for its handling unit once per (unit, id), in the period of its first reception, and
// is judged at min(period end, AsOf). Its deadlines run in working days from the latest forwarding, else
// the first reception: start processing ≤ Start, reject ≤ Reject, request more information ≤ MoreInfo,
// publish ≤ Publish after awaiting publication. An open petition is within deadline while no deadline
// has passed at the judging date.
//
//   - 5.0: petitions of the procedure/policy category / petitions (staff conduct: Tally.PetitionsStaff).
//   - 5.1: petitions handled on time or open within deadline / petitions.
//   - 5.2: petitions neither unsatisfied (more dislikes than likes), repeated, nor handled late /
//     petitions.
//   - 5.3: dossiers received and processed in the period (2.1's denominator), minus those with a dislike,
//     a complaint (a petition naming the dossier) or resolved late (2.1's Late) / those dossiers. The 2.1
//     outcome is an argument: Classify's Timing, Add's Case.Timing (set earlier in the pass by
//     indicator/timeliness).
//
// # Policies
//
// indicator.SatisfactionPolicy sets the petition deadlines [Doc] and which ratings are dislikes
// (docs/rules.md, 5.1–5.3). Fixed readings [Policy]: every petition naming a dossier is a complaint about
// it; the publish deadline runs from the first move to awaiting publication [Open]; of a petition read
// twice the copy with the earliest first reception counts, and petitions without an id are all counted.
//
// # Use
//
// New, then per dossier Accumulator.Add with its Case (the scorecard's pass) or Run over (dossier, Timing)
// pairs; Options.Petitions are judged by Report and Result, and Accumulator.AddPetition streams more.
// Accumulators merge. Every dossier and petition read gets one ledger reason (the Reason constants); data
// problems are reasons, never errors or panics. Add costs a few map lookups of the dossier's codes and no
// allocation; memory is O(units + petitions + marked codes).
package satisfaction
