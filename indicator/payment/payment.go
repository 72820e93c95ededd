package payment

import (
	"iter"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
	"github.com/vn-dvc/chiso766/model"
)

// Options configures a Calculator; New reads the slices once and keeps none of them.
type Options struct {
	Keys       *indicator.Keys           // optional: the pass's shared index; it never changes a verdict
	Period     model.Period              // required: dossiers belong to it by their reception ("processing start")
	AsOf       time.Time                 // required, not before Period: later receptions are excluded
	Policy     indicator.PaymentPolicy   // group 3b's (indicator.DefaultPaymentPolicy; zero is refused)
	Reception  indicator.ReceptionPolicy // the shared reading of "received in the period"
	Procedures []model.Procedure         // the catalogue (Procedure.FeeBearing); the first record of a code wins
	Offerings  []model.Offering          // which unit offers which procedure
	CodeMap    map[string]string         // local → national procedure codes, for dossiers and offerings
}

// procInfo is what the catalogue says of a (mapped) procedure code.
type procInfo struct {
	known bool // in the catalogue
	fee   bool // fee-bearing
}

// Calculator judges dossiers for group 3b (3.4, 3.5, 3.6). It is immutable after New and safe for
// concurrent use.
type Calculator struct {
	w       offer.Window
	policy  indicator.PaymentPolicy
	feeProc map[string]bool // national code → fee-bearing
	// feeCatalogue: the fee-bearing catalogue procedures by code, as a top parent counts them (3.4, 3.5)
	feeCatalogue []ProcedureStatus
	keys         *indicator.Keys
	idx          *offer.Index[procInfo] // units with an offering in force; listed pairs: fee-bearing ones
	catalogue    indicator.Ledger
}

// New validates opts and preloads the catalogue. Errors are *indicator.OptionError values: zero Period,
// Period end before start, zero AsOf, AsOf before the period, zero Policy, unknown Policy.NoFeeLines,
// Policy.FeeData or Policy.UnknownAmount.
func New(opts Options) (*Calculator, error) {
	w, bad := offer.NewWindow(opts.Period, opts.AsOf, opts.Reception)
	switch p := opts.Policy; {
	case bad != nil:
		return nil, bad.Option("payment")
	case p == indicator.PaymentPolicy{}:
		return nil, indicator.Missing("payment", "Policy")
	case p.NoFeeLines > indicator.NoFeeLinesExcluded:
		return nil, indicator.Invalid("payment", "Policy.NoFeeLines", "%d", p.NoFeeLines)
	case p.FeeData > indicator.FeeDataAnyLine:
		return nil, indicator.Invalid("payment", "Policy.FeeData", "%d", p.FeeData)
	case p.UnknownAmount > indicator.UnknownAmountZero:
		return nil, indicator.Invalid("payment", "Policy.UnknownAmount", "%d", p.UnknownAmount)
	}
	c := &Calculator{w: w, policy: opts.Policy, keys: offer.OwnKeys(opts.Keys, opts.Procedures, opts.Offerings, opts.CodeMap)}
	c.feeProc = offer.Catalogue(opts.Procedures, opts.CodeMap, &c.catalogue, ReasonProcedureNoCode, ReasonProcedureDuplicate,
		func(p *model.Procedure) (bool, indicator.Reason, bool) {
			if p.FeeBearing() {
				return true, ReasonProcedureFeeBearing, true
			}
			return false, ReasonProcedureFree, false
		})
	for _, code := range offer.SortedIDs(c.feeProc) {
		if c.feeProc[code] {
			c.feeCatalogue = append(c.feeCatalogue, ProcedureStatus{Code: code})
		}
	}
	judge := model.Some(w.Judge) // offerings are taken as in force then
	b := offer.NewBuilder(c.keys)
	for i := range opts.Offerings {
		o := &opts.Offerings[i]
		code := offer.MapCode(opts.CodeMap, o.ProcedureCode)
		fb, known := c.feeProc[code]
		switch {
		case o.UnitID == "":
			c.catalogue.Add(ReasonOfferingNoUnit, false)
		case !o.ValidAt(judge):
			c.catalogue.Add(ReasonOfferingNotInForce, false)
		case !known:
			c.catalogue.Add(ReasonOfferingUnknownProcedure, false)
		default:
			// Only fee-bearing pairs are listed; a free one still makes its unit a unit of the index.
			switch _, added := b.Pair(o.UnitID, code, fb); {
			case !added:
				c.catalogue.Add(ReasonOfferingDuplicate, false)
			case !fb:
				c.catalogue.Add(ReasonOfferingFree, false)
			default:
				c.catalogue.Add(ReasonOfferingFeeBearing, true)
			}
		}
	}
	c.idx = offer.Build(b, opts.CodeMap, func(code string) procInfo {
		fb, known := c.feeProc[code]
		return procInfo{known: known, fee: fb}
	})
	return c, nil
}

// Verdict is one dossier's 3.6 outcome and the facts that decided it; 3.4 and 3.5 are decided per unit and
// procedure after the pass (Result.Procedures) from the dossiers counted in 3.6.
type Verdict struct {
	UnitID        string                  // the dossier's unit (d.UnitID)
	Code          string                  // the dossier code (MaHoSo)
	ProcedureCode string                  // the procedure code after CodeMap
	Received      model.Time              // the reception time used for the period (absent when none)
	Reason        indicator.Reason        // the single ledger reason
	Counted       bool                    // in 3.6's denominator
	PaidOnline    bool                    // in 3.6's numerator (payment code in Policy.PaidOnlineCodes)
	FeeData       bool                    // carries fee data (Policy.FeeData); feeds 3.5
	NoFeeLines    bool                    // no fee line at all (counted under NoFeeLinesCounted)
	PaymentCode   model.OnlinePaymentCode // DuocThanhToanTrucTuyen as read (PaymentUnknown when absent)

	reason uint8 // index of Reason in dossierReasons
	unit   int32 // index row, -1 when the unit offers nothing in force
	proc   int32 // position among the unit's fee-bearing offered procedures, -1 when not offered there
}

// Classify judges one dossier for 3.6 and notes what it contributes to 3.4/3.5. It is pure, safe for
// concurrent use and does not allocate; data problems (a nil d too) are exclusion reasons.
func (c *Calculator) Classify(d *model.Dossier) (v Verdict) {
	v.reason = c.classify(d, indicator.Ref{}, &v)
	v.Reason = dossierReasons[v.reason]
	return v
}

// classify judges d into *v, which must be the zero Verdict, with r resolved in c.keys (the zero Ref:
// looked up by string), and returns the reason index, which the caller sets.
func (c *Calculator) classify(d *model.Dossier, r indicator.Ref, v *Verdict) uint8 {
	var place offer.Place
	v.PaymentCode, v.unit, v.proc = model.PaymentUnknown, -1, -1
	if d == nil {
		return rNilRecord
	}
	p := c.idx.Proc(r.Procedure(), d.ProcedureCode)
	v.UnitID, v.Code, v.ProcedureCode = d.UnitID, d.Code, p.Code
	v.Received, place = c.w.Admit(d)
	switch {
	case place != offer.InWindow:
		return uint8(place) // the first reasons are numbered as offer.Place
	case !p.Info.known:
		return rUnknownProcedure
	case !p.Info.fee:
		return rFreeProcedure
	}
	v.unit = c.idx.Row(r.Unit(), d.UnitID)
	v.proc = c.idx.Pos(v.unit, p.ID)                                             // -1 when the unit does not offer the procedure
	positive := d.OwesFee(c.policy.UnknownAmount == indicator.UnknownAmountOwed) // a positive or (decided) unknown amount
	v.NoFeeLines = len(d.Fees) == 0
	switch {
	case !v.NoFeeLines && !positive && c.policy.ZeroFeeLinesExcluded:
		return rZeroFeeLines
	case v.NoFeeLines && c.policy.NoFeeLines == indicator.NoFeeLinesExcluded:
		return rNoFeeLines
	}
	v.Counted = true
	v.FeeData = !v.NoFeeLines && (c.policy.FeeData == indicator.FeeDataAnyLine || d.OwesFee(false))
	v.PaymentCode = d.OnlinePayment.Code()
	v.PaidOnline = c.policy.PaidOnlineCodes.Has(int(v.PaymentCode))
	if v.PaidOnline {
		return rPaidOnline
	}
	return rNotPaidOnline
}

// Run judges every dossier of the stream in one pass and returns the result.
func (c *Calculator) Run(dossiers iter.Seq[model.Dossier]) Result {
	a := c.NewAccumulator()
	indicator.Feed(a, dossiers)
	return a.Result()
}
