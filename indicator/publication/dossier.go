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

	reason uint8       // index in dossierReasons (0: not made by Classify)
	slot   int32       // the unit's index in calc's Keys, or -1 (Add then finds the unit by UnitID)
	calc   *Calculator // the Calculator that made the verdict (nil: made by hand)
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
// allocation; d is not retained. Cost: one lookup of the unit id among the Keys' units (a hash of the id
// and a comparison of words, in a table built by New), a few comparisons and a scan of SyncSuccessCodes.
// Classify(d) is ClassifyRef(d, keys.Ref(d.UnitID, d.ProcedureCode)) for the calculator's Keys.
func (c *Calculator) Classify(d *model.Dossier) (v Verdict) {
	c.classify(d, -1, true, &v)
	return v
}

// ClassifyRef is Classify for a dossier whose unit was already resolved by the Keys of Options (r ==
// Options.Keys.Ref(d.UnitID, d.ProcedureCode); only r.Unit is read). It returns the verdict of Classify(d)
// and hashes no string: the verdict carries r.Unit as the accumulator slot of the unit. A unit index of -1
// or out of the Keys' range is not an error: Accumulator.Add then finds the unit by its id (slower, same
// result). A Ref made by another Keys puts the dossier's counts at the wrong unit: pass the Ref of the
// Keys given in Options. Pure, safe for concurrent use, no allocation.
func (c *Calculator) ClassifyRef(d *model.Dossier, r indicator.Ref) (v Verdict) {
	c.classify(d, r.Unit, false, &v)
	return v
}

// classify is Classify (resolve: the unit is looked up by id) and ClassifyRef (slot is the Ref's unit
// index) into *v: both are small enough to be inlined, so the verdict is built in the caller's variable
// (AddRef builds it in its own).
func (c *Calculator) classify(d *model.Dossier, slot int32, resolve bool, v *Verdict) {
	if d == nil {
		*v = Verdict{Reason: ReasonNilRecord, reason: rNilRecord, calc: c, slot: -1}
		return
	}
	if resolve {
		slot = c.unitIndex(d.UnitID)
	} else if uint32(slot) >= uint32(c.nUnits) {
		slot = -1
	}
	rec := d.ReceivedAt
	if !rec.Valid && c.fallback {
		rec = d.SubmittedAt
	}
	var reason uint8
	switch {
	case d.UnitID == "":
		reason = rNoUnit
	case !rec.Valid:
		reason = rNoReception
	case c.noWithdraw && !d.ReceivedAt.Valid && d.Status.Code() == model.StatusWithdrawn:
		reason = rWithdrawn // as digitisation: "dossiers withdrawn before reception are not counted"
	default:
		// Whole seconds strictly inside (start, min(end, AsOf)) decide without the exact comparisons.
		if ts := rec.T.Unix(); ts <= c.startSec || ts >= c.countSec {
			switch {
			case !c.inPeriod(rec.T):
				reason = rOutsidePeriod
			case rec.T.After(c.asOf):
				reason = rAfterAsOf
			}
		}
		if reason != 0 {
			break
		}
		switch s := &d.Sync; {
		case !s.SentAt.Valid || s.SentAt.T.Unix() >= c.asOfSec && s.SentAt.T.After(c.asOf):
			reason = rNotSynced
		case !c.syncSuccess(s.ErrorCode):
			reason = rSyncFailed
		default:
			reason = rSynced
		}
	}
	*v = Verdict{UnitID: d.UnitID, Code: d.Code, Received: rec, SentAt: d.Sync.SentAt, ErrorCode: d.Sync.ErrorCode,
		Reason: dossierReasons[reason], Counted: reason >= rNotSynced, Synced: reason == rSynced,
		reason: reason, calc: c, slot: slot}
}

func (c *Calculator) syncSuccess(code string) bool {
	for _, ok := range c.syncOK {
		if len(ok) == len(code) && (len(ok) == 0 || len(ok) == 1 && ok[0] == code[0] || ok == code) {
			return true // the short forms skip a call to the runtime's memequal for "" and "0"
		}
	}
	return false
}
