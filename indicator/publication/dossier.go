package publication

import (
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
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
}

// Classify judges one dossier for 1.4: "dossiers synced to the portal with reception date in the period /
// dossiers received in the period". A dossier is synced when model.SyncInfo records a sending (SentAt) no
// later than AsOf whose ErrorCode is one of Policy.SyncSuccessCodes. A nil d is ReasonNilRecord. Pure,
// safe for concurrent use, no allocation; d is not retained.
func (c *Calculator) Classify(d *model.Dossier) Verdict {
	r := c.judge(d)
	v := Verdict{Reason: dossierReasons[r], Counted: reasonCounted(r), Synced: r == rSynced}
	if d != nil {
		v.UnitID, v.Code, v.Received, v.SentAt, v.ErrorCode = d.UnitID, d.Code, c.w.Received(d), d.Sync.SentAt, d.Sync.ErrorCode
	}
	return v
}

// judge is Classify's reason index: the tally pass needs nothing else.
func (c *Calculator) judge(d *model.Dossier) uint8 {
	if d == nil {
		return rNilRecord
	}
	if _, p := c.w.Admit(d); p != offer.InWindow {
		return uint8(p) // rNoUnit … rAfterAsOf are the Place values
	}
	switch s := &d.Sync; {
	case !s.SentAt.Valid:
		return rNotSynced
	case (s.SentAt.T.Unix() < c.datesLo || s.SentAt.T.Unix() > c.asOfSec) && c.dates.Placeholder(s.SentAt.T, c.w.AsOf):
		return rPlaceholder
	case s.SentAt.T.Unix() >= c.asOfSec && s.SentAt.T.After(c.w.AsOf):
		return rNotSynced
	case !c.syncSuccess(s.ErrorCode):
		return rSyncFailed
	}
	return rSynced
}

// metric14 is the 1.4 verdict of reason index r.
func metric14(r uint8) indicator.Verdict {
	return indicator.Verdict{Metric: indicator.M14, InDenominator: reasonCounted(r), InNumerator: r == rSynced, Reason: dossierReasons[r]}
}

func (c *Calculator) syncSuccess(code string) bool {
	for _, ok := range c.syncOK {
		if len(ok) == len(code) && (len(ok) == 0 || len(ok) == 1 && ok[0] == code[0] || ok == code) {
			return true // the short forms skip a call to the runtime's memequal for "" and "0"
		}
	}
	return false
}
