package indicator

import (
	"iter"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/model"
)

// Case is one dossier of a pass as every calculator of the pass sees it: the record, its unit and
// procedure resolved once in the pass's Keys, and the facts an earlier calculator established for a later
// one. The zero Ref means "not resolved": the calculator then looks the codes up itself.
type Case struct {
	Dossier *model.Dossier
	Ref     Ref
	// Timing is 2.1's outcome for this dossier: set by the timeliness calculator, read by 5.3, which
	// therefore runs after it in a pass.
	Timing Timing
}

// Timing is a dossier's 2.1 outcome as other metrics read it.
type Timing uint8

const (
	// NotTimed: the dossier is not in 2.1's denominator (not received and processed in the period), or
	// 2.1 has not judged it.
	NotTimed Timing = iota
	// OnTime: in 2.1's denominator and numerator.
	OnTime
	// Late: in 2.1's denominator, not its numerator.
	Late
)

// String returns "not-timed", "on-time" or "late".
func (t Timing) String() string { return enumName(uint8(t), "Timing", "not-timed", "on-time", "late") }

// Note receives the per-metric verdicts of a dossier as a calculator judges it (explanations,
// reconciliation and audits are such consumers). It must not retain c.
type Note func(c *Case, v Verdict)

// Accumulator is one calculator's mutable state in a pass over dossiers; the scorecard holds one per
// calculator in a slice and loops. Implementations are not safe for concurrent use: give each goroutine
// its own and Merge them.
type Accumulator interface {
	// Add judges one dossier and accumulates it; when note is not nil it receives each of the dossier's
	// per-metric verdicts. A nil c.Dossier is counted as an excluded record, never a panic.
	Add(c *Case, note Note)
	// Merge adds the state of an accumulator of the same calculator type (an *OptionError otherwise);
	// other is unchanged.
	Merge(other Accumulator) error
	// Report returns the pass's per-unit tallies and ledgers, judging the calculator's preloaded records
	// (catalogue procedures, petitions) as it goes, without modifying the accumulator.
	Report(s *Scope) Report
}

// Feed adds every dossier of a stream to a, with unresolved Refs and no Note: the loop of the
// calculators' Run. A nil stream adds nothing. Cost: one Add per dossier; one Case and one dossier
// variable are reused, so a's Add must not retain them (none does).
func Feed(a Accumulator, dossiers iter.Seq[model.Dossier]) {
	if dossiers == nil {
		return
	}
	var d model.Dossier
	c := &Case{Dossier: &d}
	for d = range dossiers {
		c.Ref, c.Timing = Ref{}, NotTimed
		a.Add(c, nil)
	}
}

// Scope is what a scorecard tells the calculators when it collects their reports: the hierarchy, for
// metrics whose parents are not the sum of their sub-units, and a consumer of the verdicts of records that
// are not dossiers.
type Scope struct {
	// Aggregation says which metrics a parent counts itself (PoolOwn) over its sub-tree.
	Aggregation Aggregation
	// Parents lists the units that have sub-units, and Subtree(unit) returns a unit and all its
	// descendants. Nil: no hierarchy (every unit stands alone).
	Parents []string
	Subtree func(unit string) []string
	// Note, when not nil, receives each verdict of a record judged at Report time: a catalogue procedure
	// (1.1–1.3), a petition (5.0–5.2), or a procedure of a unit that loses points as a whole (3.1, 3.2,
	// 3.4, 3.5; code is the procedure code, "unit/code" for a sub-unit's service in a parent).
	Note func(kind RecordKind, unit, code string, v Verdict)
}

// RecordKind is the kind of record a Scope.Note verdict is about.
type RecordKind uint8

const (
	// RecordDossier: a dossier of the stream (code: MaHoSo).
	RecordDossier RecordKind = iota
	// RecordPetition: a petition (code: its id).
	RecordPetition
	// RecordProcedure: a catalogue procedure judged at one issuing unit for 1.1–1.3 (code: its code).
	RecordProcedure
	// RecordOffering: a procedure under a unit's authority that loses 3.1, 3.2, 3.4 or 3.5 as a whole.
	RecordOffering
)

// String returns "dossier", "petition", "procedure" or "offering".
func (k RecordKind) String() string {
	return enumName(uint8(k), "RecordKind", "dossier", "petition", "procedure", "offering")
}

// Report is one calculator's outcome of a pass, as a scorecard needs it.
type Report struct {
	// Units holds each unit's own counts of the calculator's metrics (for the metrics the calculator pools
	// itself under Scope.Aggregation, a parent's counts over its sub-tree).
	Units map[string]Tally
	// Ledgers accounts for every record the calculator read, in a fixed order.
	Ledgers []CalculatorLedger
	// Procedures is a per-procedure breakdown of 2.1 and 2.2 (timeliness only; nil otherwise).
	Procedures map[string]ProcedureStats
}

// CalculatorLedger is one calculator's accounting: Records for the streamed records (Read == Counted +
// Excluded) and Catalogue for the preloaded inputs it read (procedures, offerings, communes), when it
// keeps one.
type CalculatorLedger struct {
	Calculator string `json:"calculator"`
	Records    Ledger `json:"records"`
	Catalogue  Ledger `json:"catalogue"`
}

// ProcedureStats is the per-procedure breakdown of 2.1 and 2.2.
type ProcedureStats struct {
	// Count is 2.1's numerator and denominator restricted to the procedure's dossiers.
	Count Count
	// Overdue counts dossiers in the denominator and not in the numerator.
	Overdue int64
	// Finished and ProcessingSeconds are 2.2's inputs: dossiers finished in the period and the sum of their
	// seconds from reception to end of processing.
	Finished          int64
	ProcessingSeconds int64
}

// AverageDays returns 2.2 for the procedure: ProcessingSeconds / (Finished · 86 400), in calendar days,
// formed once with decimal.DivRound at scale; zero and false when nothing finished. Cost: O(1).
func (p ProcedureStats) AverageDays(scale int32) (decimal.Decimal, bool) {
	if p.Finished <= 0 {
		return decimal.Decimal{}, false
	}
	return decimal.NewFromInt(p.ProcessingSeconds).DivRound(decimal.NewFromInt(p.Finished).Mul(decimal.NewFromInt(86400)), scale), true
}
