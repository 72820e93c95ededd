package scorecard

import (
	"iter"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/dedupe"
)

// Reason codes of the re-send ledger (CalculatorResend).
const (
	// ReasonResendLatest: the version of a dossier code that was scored.
	ReasonResendLatest indicator.Reason = "resend.latest"
	// ReasonResendSuperseded: an earlier version of a re-sent dossier, replaced by a later one and not scored.
	ReasonResendSuperseded indicator.Reason = "resend.superseded"
)

// CalculatorResend is the Calculator name of the ledger RunLatest adds to Card.Ledgers.
const CalculatorResend = "resend"

// RunLatest scores the latest version of every dossier code of the stream (model/dedupe, with the rule
// Options.Resend): a first pass indexes each code's winning version, a second pass scores the winners
// with RunParallel's workers. The card's Dossiers counts the dossiers scored and Card.Ledgers ends with a
// CalculatorResend ledger: Read = records of the stream, Counted = dossiers scored (ReasonResendLatest),
// Excluded = superseded versions (ReasonResendSuperseded). dossiers is ranged over twice and must yield
// the same records in the same order both times (see dedupe.Latest). Memory: O(distinct dossier codes)
// for the index plus RunParallel's. Errors: Finish's.
func (s *Scorer) RunLatest(dossiers iter.Seq[model.Dossier], workers int) (*Card, error) {
	latest, idx := dedupe.Latest(dossiers, s.opts.Resend)
	card, err := s.RunParallel(latest, workers)
	if err != nil {
		return nil, err
	}
	card.Ledgers = append(card.Ledgers, ResendLedger(idx))
	return card, nil
}

// ResendCounts are the counts of a re-send index after pass 1: a *dedupe.Index, or a *dedupe.Sieve
// once verified.
type ResendCounts interface {
	Distinct() int64
	Superseded() int64
}

// ResendLedger is the CalculatorResend ledger of a re-send index after pass 1, for callers that run the
// two passes themselves.
func ResendLedger(idx ResendCounts) CalculatorLedger {
	var l indicator.Ledger
	l.AddN(ReasonResendLatest, true, idx.Distinct())
	l.AddN(ReasonResendSuperseded, false, idx.Superseded())
	return CalculatorLedger{Calculator: CalculatorResend, Records: l}
}
