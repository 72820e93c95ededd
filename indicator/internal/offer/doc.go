// Package offer holds what the group-3 record calculators (indicator/online, indicator/payment) share,
// and the evaluation window other dossier calculators may use.
//
// A Window places a dossier's reception time against the period and AsOf and gives the judgement instant
// at which offerings are taken as in force. OwnKeys, Builder and Index lay a calculator's (unit, procedure)
// offering pairs out on the indexes of its indicator.Keys, so that a dossier's lookups are slice loads.
// Reasons and Units are an accumulator's ledger and per-unit state; Outcome.Report pools parent rows
// under indicator.PoolOwn and notes lost procedures through indicator.Scope.Note.
package offer
