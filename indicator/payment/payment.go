package payment

import (
	"iter"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
	"github.com/vn-dvc/chiso766/model"
)

// NoFeeLinesPolicy decides what 3.6 does with a dossier of a fee-bearing procedure that carries no fee line
// at all (empty DanhSachLePhi) [Policy: the spec only excludes dossiers whose every fee line is 0].
type NoFeeLinesPolicy uint8

const (
	// NoFeeLinesCounted (default): the dossier is counted in the 3.6 denominator, because its procedure is
	// fee-bearing and the portal's denominator is "dossiers of fee-bearing procedures". The fixtures are
	// consistent with it: units report many online-paid dossiers while few of their procedures carry fee
	// data (e.g. Sở Công Thương 8/2026: 44 paid dossiers, 0 procedures with fee data).
	NoFeeLinesCounted NoFeeLinesPolicy = iota
	// NoFeeLinesExcluded: the dossier is excluded with ReasonNoFeeLines, as if its lines were all zero.
	NoFeeLinesExcluded
)

// String names the policy.
func (p NoFeeLinesPolicy) String() string {
	switch p {
	case NoFeeLinesCounted:
		return "counted"
	case NoFeeLinesExcluded:
		return "excluded"
	}
	return "invalid"
}

// FeeDataRule decides when a dossier "carries fee data on the portal" for 3.5 [Policy: the spec does not
// define it further].
type FeeDataRule uint8

const (
	// FeeDataPositiveLine (default): at least one fee line with an amount > 0 (model.Dossier.FeeBearing).
	FeeDataPositiveLine FeeDataRule = iota
	// FeeDataAnyLine: at least one fee line, whatever its amount.
	FeeDataAnyLine
)

// String names the rule.
func (r FeeDataRule) String() string {
	switch r {
	case FeeDataPositiveLine:
		return "positive-line"
	case FeeDataAnyLine:
		return "any-line"
	}
	return "invalid"
}

// Options configures a Calculator. No globals: everything comes from here. The catalogue slices are read
// once by New and not retained.
type Options struct {
	// Keys, when not nil, is the shared index of unit ids and procedure codes of a pass (the scorecard
	// builds one for all calculators); ClassifyRef then takes Refs made by it. Nil: the calculator builds
	// its own from its inputs. It never changes a verdict, only the cost of finding the unit and procedure.
	Keys *indicator.Keys

	// Period is the evaluation period (required). A dossier belongs to it by its reception time
	// ("processing start"), Period.Contains semantics (UTC+7, whole days).
	Period model.Period
	// AsOf is the evaluation instant (required, not before Period's start). Dossiers received after it are
	// excluded (ReasonAfterAsOf); offerings are taken as in force at min(last instant of Period, AsOf).
	AsOf time.Time
	// Policy is the edition's record policies: pass Edition.Policy (indicator.Portal().Policy by default).
	// Used: PaidOnlineCodes, ZeroFeeLinesExcluded, ReceivedFallbackToSubmitted,
	// ExcludeWithdrawnBeforeReception. The zero value is refused.
	Policy indicator.RecordPolicy
	// Procedures is the procedure catalogue; Procedure.FeeBearing decides "fee-bearing" (a fee neither 0
	// nor null). The first record of a code wins; later duplicates are ledgered and ignored.
	Procedures []model.Procedure
	// Offerings lists which unit offers which procedure: the procedures "under a unit's authority" are
	// those of its offerings in force at the judgement instant, whatever their online level or state.
	Offerings []model.Offering
	// CodeMap maps local procedure codes (e.g. "1.003560.000.00.00.H56") to national ones; it is applied to
	// dossier and offering procedure codes before the catalogue lookup. Nil means no mapping.
	CodeMap map[string]string
	// NoFeeLines is the treatment of a fee-bearing procedure's dossier with no fee line (default counted).
	NoFeeLines NoFeeLinesPolicy
	// FeeData is the 3.5 "carries fee data" rule (default a positive fee line).
	FeeData FeeDataRule
}

type unitInfo struct {
	id    string
	procs []string // fee-bearing procedures offered by the unit, sorted
}

// procInfo is what the catalogue says of a (mapped) procedure code.
type procInfo struct {
	known bool // in the catalogue
	fee   bool // fee-bearing
}

// Calculator classifies dossiers for group 3b (3.4, 3.5, 3.6). It is immutable after New and safe for
// concurrent use.
type Calculator struct {
	w         offer.Window
	policy    indicator.RecordPolicy
	noFee     NoFeeLinesPolicy
	feeData   FeeDataRule
	feeProc   map[string]bool // national code → fee-bearing
	keys      *indicator.Keys
	idx       *offer.Index[procInfo] // units with an offering in force; listed pairs: fee-bearing ones
	units     []unitInfo             // per index slot
	catalogue indicator.Ledger
}

// New validates opts and preloads the catalogue. Errors are *OptionError values matching ErrOption and
// ErrMissing or ErrInvalid: zero Period, Period end before start, zero AsOf, AsOf before the period, zero
// Policy, unknown NoFeeLines or FeeData. Data problems in the catalogue are not errors: each procedure and
// offering gets one reason in Result.Catalogue. Cost: O((procedures + offerings) · log + Keys size) time
// and O(procedures + offerings + Keys size) memory, plus units × fee-bearing procedures int32s (up to 4 MiB).
func New(opts Options) (*Calculator, error) {
	w, bad := offer.NewWindow(opts.Period, opts.AsOf, opts.Policy)
	switch {
	case bad != nil:
		return nil, optionError(bad)
	case opts.NoFeeLines > NoFeeLinesExcluded:
		return nil, &OptionError{Field: "NoFeeLines", Err: ErrInvalid}
	case opts.FeeData > FeeDataAnyLine:
		return nil, &OptionError{Field: "FeeData", Err: ErrInvalid}
	}
	c := &Calculator{
		w:       w,
		policy:  opts.Policy,
		noFee:   opts.NoFeeLines,
		feeData: opts.FeeData,
		feeProc: make(map[string]bool, len(opts.Procedures)),
	}
	for i := range opts.Procedures {
		pr := &opts.Procedures[i]
		code := offer.MapCode(opts.CodeMap, pr.Code)
		if code == "" {
			c.catalogue.Add(ReasonProcedureNoCode, false)
			continue
		}
		if _, dup := c.feeProc[code]; dup {
			c.catalogue.Add(ReasonProcedureDuplicate, false)
			continue
		}
		fb := pr.FeeBearing()
		c.feeProc[code] = fb
		if fb {
			c.catalogue.Add(ReasonProcedureFeeBearing, true)
		} else {
			c.catalogue.Add(ReasonProcedureFree, false)
		}
	}
	judge := w.InForce()
	b := offer.NewBuilder()
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
	c.keys = opts.Keys
	if c.keys == nil {
		c.keys = offer.OwnKeys(opts.Procedures, opts.Offerings, opts.CodeMap)
	}
	c.idx = offer.Build(b, c.keys, opts.CodeMap, c.procInfo)
	c.units = make([]unitInfo, c.idx.NumUnits())
	for slot := range c.units {
		u := c.idx.Unit(int32(slot))
		c.units[slot] = unitInfo{id: u.ID, procs: u.Codes}
	}
	return c, nil
}

func (c *Calculator) procInfo(code string) procInfo {
	fb, known := c.feeProc[code]
	return procInfo{known: known, fee: fb}
}

// Verdict is one dossier's outcome for group 3b: the ledger reason, whether it entered 3.6's denominator
// and numerator, and the facts that decided it. The procedure-level metrics 3.4 and 3.5 are decided per
// unit and procedure after the pass (Result.Procedures) from the dossiers counted in 3.6.
type Verdict struct {
	UnitID        string                  // the dossier's unit (d.UnitID)
	Code          string                  // the dossier code (MaHoSo)
	ProcedureCode string                  // the procedure code after CodeMap
	Received      model.Time              // the reception time used for the period (absent when none)
	Reason        indicator.Reason        // the single ledger reason
	Counted       bool                    // in 3.6's denominator
	PaidOnline    bool                    // in 3.6's numerator (payment code in Policy.PaidOnlineCodes)
	FeeData       bool                    // carries fee data (Options.FeeData); feeds 3.5
	NoFeeLines    bool                    // no fee line at all (counted under NoFeeLinesCounted)
	PaymentCode   model.OnlinePaymentCode // DuocThanhToanTrucTuyen as read (PaymentUnknown when absent)

	// Unexported fields ordered to pack the struct (120 bytes): it is copied on every Classify and Add.
	reason uint8       // index of Reason in dossierReasons
	unit   int32       // calculator unit index, -1 when the unit offers no fee-bearing procedure
	proc   int32       // index among the unit's fee-bearing offered procedures, -1 when not offered there
	calc   *Calculator // the Calculator whose indexes unit and proc refer to
}

func (v *Verdict) setReason(r uint8) {
	v.reason = r
	v.Reason = dossierReasons[r]
}

// Metric36 returns the dossier's verdict for 3.6. No allocation.
func (v Verdict) Metric36() indicator.Verdict {
	return indicator.Verdict{Metric: indicator.M36, InDenominator: v.Counted, InNumerator: v.Counted && v.PaidOnline, Reason: v.Reason}
}

// AppendVerdicts appends the per-metric verdicts of the dossier (one, for 3.6) to dst. No allocation when dst
// has capacity.
func (v Verdict) AppendVerdicts(dst []indicator.Verdict) []indicator.Verdict {
	return append(dst, v.Metric36())
}

// Classify judges one dossier for 3.6 and notes what it contributes to 3.4/3.5. It is pure, safe for
// concurrent use and does not allocate; d is not retained. Data problems never fail: the dossier gets an
// exclusion reason (see the package doc for the order in which the rules apply); a nil d gets
// ReasonNilRecord, never a panic. Cost: resolving the unit
// and procedure in the Keys (two map lookups), then as ClassifyRef.
func (c *Calculator) Classify(d *model.Dossier) Verdict {
	if d == nil {
		return c.ClassifyRef(nil, indicator.NoRef)
	}
	return c.ClassifyRef(d, c.keys.Ref(d.UnitID, d.ProcedureCode))
}

// index returns the unit and procedure indexes of (unit, procedure) in c, -1 when absent.
func (c *Calculator) index(unit, proc string) (int32, int32) {
	return c.idx.Find(unit, proc)
}

// Run classifies every dossier of the stream in one pass and returns the result. Cost: O(dossiers) time,
// O(units × fee-bearing procedures) memory.
func (c *Calculator) Run(dossiers iter.Seq[model.Dossier]) Result {
	a := c.NewAccumulator()
	for d := range dossiers {
		a.Add(c.Classify(&d))
	}
	return a.Result()
}
