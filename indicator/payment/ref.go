package payment

import (
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
	"github.com/vn-dvc/chiso766/model"
)

// ClassifyRef is Classify for a dossier whose unit and procedure were already resolved by the Keys of
// Options (r == Options.Keys.Ref(d.UnitID, d.ProcedureCode)); it returns exactly Classify(d). It does no
// string hashing when r's indexes are in the Keys; an index of -1 (or out of the Keys' range) is looked up
// by string instead, with the same verdict. Pure, safe for concurrent use, no allocation.
func (c *Calculator) ClassifyRef(d *model.Dossier, r indicator.Ref) (v Verdict) {
	c.classify(d, r, &v)
	return v
}

// classify is ClassifyRef into *v, which must be the zero Verdict (ClassifyRef stays small enough to be
// inlined, so the verdict is built in the caller's variable; AddRef builds it in its own).
func (c *Calculator) classify(d *model.Dossier, r indicator.Ref, v *Verdict) {
	if d == nil {
		v.PaymentCode, v.calc, v.unit, v.proc = model.PaymentUnknown, c, -1, -1
		v.setReason(rNilRecord)
		return
	}
	p := c.idx.Proc(r.Procedure, d.ProcedureCode)
	v.UnitID, v.Code, v.ProcedureCode = d.UnitID, d.Code, p.Code
	v.PaymentCode, v.calc, v.unit, v.proc = model.PaymentUnknown, c, -1, -1
	var place offer.Place
	if v.Received, place = c.w.Admit(d); place != offer.InWindow {
		v.setReason(uint8(place)) // the first five reasons are numbered as offer.Place
		return
	}
	switch {
	case !p.Info.known:
		v.setReason(rUnknownProcedure)
		return
	case !p.Info.fee:
		v.setReason(rFreeProcedure)
		return
	}
	v.unit = c.idx.Slot(r.Unit, d.UnitID)
	v.proc = c.idx.Pos(v.unit, p.ID) // -1 when the unit does not offer the procedure
	positive := d.FeeBearing()
	v.NoFeeLines = len(d.Fees) == 0
	switch {
	case !v.NoFeeLines && !positive && c.policy.ZeroFeeLinesExcluded:
		v.setReason(rZeroFeeLines)
		return
	case v.NoFeeLines && c.noFee == NoFeeLinesExcluded:
		v.setReason(rNoFeeLines)
		return
	}
	v.Counted = true
	v.FeeData = positive || (c.feeData == FeeDataAnyLine && !v.NoFeeLines)
	v.PaymentCode = d.OnlinePayment.Code()
	v.PaidOnline = c.policy.PaidOnlineCodes.Has(int(v.PaymentCode))
	if v.PaidOnline {
		v.setReason(rPaidOnline)
	} else {
		v.setReason(rNotPaidOnline)
	}
}
