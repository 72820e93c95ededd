package publication

import (
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// Verdict is one dossier's outcome for 1.4: the ledger reason, whether it is in the denominator (received
// in the period) and the numerator (synced to the portal), and the facts that decided it.
type Verdict struct {
	UnitID    string           // the dossier's unit (d.UnitID)
	Code      string           // the dossier code (MaHoSo)
	Received  model.Time       // the reception time used for the period (absent when none)
	SentAt    model.Time       // when the dossier was last sent to the portal (absent when never)
	ErrorCode string           // the portal's error_code for that sending ("" when none recorded)
	Reason    indicator.Reason // the single ledger reason
	Counted   bool             // in 1.4's denominator
	Synced    bool             // in 1.4's numerator

	reason uint8 // index in dossierReasons (0: not made by Classify)
}

func (v *Verdict) setReason(r uint8) {
	v.reason = r
	v.Reason = dossierReasons[r]
}

// Metric14 returns the dossier's verdict for 1.4. No allocation.
func (v Verdict) Metric14() indicator.Verdict {
	return indicator.Verdict{Metric: indicator.M14, InDenominator: v.Counted, InNumerator: v.Counted && v.Synced, Reason: v.Reason}
}

// AppendVerdicts appends the dossier's per-metric verdicts (one, for 1.4) to dst. No allocation when dst
// has capacity.
func (v Verdict) AppendVerdicts(dst []indicator.Verdict) []indicator.Verdict {
	return append(dst, v.Metric14())
}

// Classify judges one dossier for 1.4: "dossiers synced to the portal with reception date in the period /
// dossiers received in the period". A dossier is synced when model.SyncInfo records a sending (SentAt) no
// later than AsOf whose ErrorCode is one of Options.SyncSuccessCodes. Pure, safe for concurrent use, no
// allocation; d is not retained. Cost: a few comparisons and a scan of SyncSuccessCodes.
func (c *Calculator) Classify(d *model.Dossier) Verdict {
	v := Verdict{UnitID: d.UnitID, Code: d.Code, SentAt: d.Sync.SentAt, ErrorCode: d.Sync.ErrorCode}
	if c.policy.ReceivedFallbackToSubmitted {
		v.Received = d.Received()
	} else {
		v.Received = d.ReceivedAt
	}
	switch {
	case d.UnitID == "":
		v.setReason(rNoUnit)
		return v
	case !v.Received.Valid:
		v.setReason(rNoReception)
		return v
	case !c.inPeriod(v.Received.T):
		v.setReason(rOutsidePeriod)
		return v
	case v.Received.T.After(c.asOf):
		v.setReason(rAfterAsOf)
		return v
	}
	v.Counted = true
	switch s := &d.Sync; {
	case !s.SentAt.Valid || s.SentAt.T.After(c.asOf):
		v.setReason(rNotSynced)
	case !c.syncSuccess(s.ErrorCode):
		v.setReason(rSyncFailed)
	default:
		v.Synced = true
		v.setReason(rSynced)
	}
	return v
}

func (c *Calculator) syncSuccess(code string) bool {
	for _, ok := range c.syncOK {
		if code == ok {
			return true
		}
	}
	return false
}
