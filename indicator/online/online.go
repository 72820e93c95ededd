package online

import (
	"iter"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
	"github.com/vn-dvc/chiso766/model"
)

// UnknownProcedurePolicy decides how 3.3 treats an online dossier whose procedure is not in the catalogue,
// so that whether its result is a paper document is unknown [Policy].
type UnknownProcedurePolicy uint8

const (
	// UnknownNoPaperResult (default): the electronic-result condition is not applied; the online channel
	// suffices. The dossier is not penalised for a gap in the caller's catalogue.
	UnknownNoPaperResult UnknownProcedurePolicy = iota
	// UnknownPaperResult: the procedure is presumed to return a paper result, so the dossier also needs an
	// electronic result.
	UnknownPaperResult
)

// String names the policy.
func (p UnknownProcedurePolicy) String() string {
	switch p {
	case UnknownNoPaperResult:
		return "no-paper-result"
	case UnknownPaperResult:
		return "paper-result"
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

	// Period is the evaluation period (required). A dossier belongs to it by its reception time,
	// Period.Contains semantics (UTC+7, whole days).
	Period model.Period
	// AsOf is the evaluation instant (required, not before Period's start). Dossiers received after it
	// are excluded (ReasonAfterAsOf); offerings are taken as in force at min(last instant of Period, AsOf).
	AsOf time.Time
	// Policy is the edition's record policies: pass Edition.Policy (indicator.Portal().Policy by default).
	// Used: OnlineChannelCodes, OfferingStates, ReceivedFallbackToSubmitted,
	// ExcludeWithdrawnBeforeReception. The zero value is refused.
	Policy indicator.RecordPolicy
	// Procedures is the procedure catalogue: PaperResult (3.3) and FullOnlineEligible (3.1's full-online
	// denominator). The first record of a code wins.
	Procedures []model.Procedure
	// Offerings are the per-unit online-service records: the procedures under a unit's authority are
	// those of its offerings in force at the judgement instant.
	Offerings []model.Offering
	// CodeMap maps local procedure codes to national ones, applied to dossiers and offerings. Nil: none.
	CodeMap map[string]string
	// UnknownProcedure is 3.3's treatment of a procedure missing from the catalogue (default
	// UnknownNoPaperResult).
	UnknownProcedure UnknownProcedurePolicy
}

type unitInfo struct {
	id       string
	procs    []ProcedureStatus // sorted by code, OnlineDossier unset
	services []int32           // indexes into procs of the 3.2 services
}

type procInfo struct {
	paperResult, fullEligible bool
}

// Calculator classifies dossiers and offerings for group 3a (3.1, 3.2, 3.3). It is immutable after New
// and safe for concurrent use.
type Calculator struct {
	w         offer.Window
	policy    indicator.RecordPolicy
	unknown   UnknownProcedurePolicy
	procs     map[string]procInfo
	keys      *indicator.Keys
	idx       *offer.Index[bool] // Proc.Info: paper result (UnknownProcedure applied); Pos: 3.2 service index or -1
	units     []unitInfo         // per index slot
	catalogue indicator.Ledger
}

// New validates opts and preloads the catalogue. Errors are *OptionError values matching ErrOption and
// ErrMissing or ErrInvalid: zero Period, Period end before start, zero AsOf, AsOf before the period, zero
// Policy, unknown UnknownProcedure. Data problems in the catalogue are not errors: each procedure and
// offering record gets one reason in Result.Catalogue. Cost: O((procedures + offerings) · log + Keys size)
// time, O(procedures + offerings + Keys size) memory, plus units × procedures int32s (up to 4 MiB).
func New(opts Options) (*Calculator, error) {
	w, bad := offer.NewWindow(opts.Period, opts.AsOf, opts.Policy)
	switch {
	case bad != nil:
		return nil, optionError(bad)
	case opts.UnknownProcedure > UnknownPaperResult:
		return nil, &OptionError{Field: "UnknownProcedure", Err: ErrInvalid}
	}
	c := &Calculator{
		w:       w,
		policy:  opts.Policy,
		unknown: opts.UnknownProcedure,
		procs:   make(map[string]procInfo, len(opts.Procedures)),
	}
	for i := range opts.Procedures {
		pr := &opts.Procedures[i]
		code := offer.MapCode(opts.CodeMap, pr.Code)
		switch _, dup := c.procs[code]; {
		case code == "":
			c.catalogue.Add(ReasonProcedureNoCode, false)
		case dup:
			c.catalogue.Add(ReasonProcedureDuplicate, false)
		default:
			c.procs[code] = procInfo{paperResult: pr.PaperResult, fullEligible: pr.FullOnlineEligible}
			c.catalogue.Add(ReasonProcedureListed, true)
		}
	}

	// Group the offerings in force by (unit, procedure); the first offering with the highest level
	// represents the pair, the others are duplicates.
	type group struct {
		rep     int  // representative offering index
		level   int8 // highest level (OnlineUnknown = -1 below OnlineNone)
		service bool // some offering with an online level and a counted state
	}
	judge := w.InForce()
	b := offer.NewBuilder()
	var groups []group
	reasons := make([]indicator.Reason, len(opts.Offerings))
	for i := range opts.Offerings {
		o := &opts.Offerings[i]
		code := offer.MapCode(opts.CodeMap, o.ProcedureCode)
		switch {
		case o.UnitID == "":
			reasons[i] = ReasonOfferingNoUnit
			continue
		case code == "":
			reasons[i] = ReasonOfferingNoProcedure
			continue
		case !o.ValidAt(judge):
			reasons[i] = ReasonOfferingNotInForce
			continue
		}
		lvl := int8(o.Level.Code())
		svc := o.Level.Online() && c.stateCounted(o.State)
		gi, added := b.Pair(o.UnitID, code, true)
		if added {
			groups = append(groups, group{rep: i, level: lvl, service: svc})
			continue
		}
		g := &groups[gi]
		g.service = g.service || svc
		if lvl > g.level {
			g.rep, g.level = i, lvl
		}
	}
	for _, g := range groups {
		lvl := model.OnlineLevelCode(g.level)
		switch online := lvl == model.OnlinePartial || lvl == model.OnlineFull; {
		case !online:
			reasons[g.rep] = ReasonOfferingNotOnline
		case g.service:
			reasons[g.rep] = ReasonOfferingService
		default:
			reasons[g.rep] = ReasonOfferingInactiveService
		}
	}
	for _, r := range reasons {
		if r == "" {
			r = ReasonOfferingDuplicate
		}
		c.catalogue.Add(r, r == ReasonOfferingService || r == ReasonOfferingInactiveService || r == ReasonOfferingNotOnline)
	}

	c.keys = opts.Keys
	if c.keys == nil {
		c.keys = offer.OwnKeys(opts.Procedures, opts.Offerings, opts.CodeMap)
	}
	c.idx = offer.Build(b, c.keys, opts.CodeMap, c.paperResult)
	c.units = make([]unitInfo, c.idx.NumUnits())
	serviceOf := make([][]int32, len(c.units)) // per slot and position in the unit's list: service index or -1
	for slot := range c.units {
		iu := c.idx.Unit(int32(slot))
		u := unitInfo{id: iu.ID, procs: make([]ProcedureStatus, len(iu.Codes))}
		serviceOf[slot] = make([]int32, len(iu.Codes))
		for pi, code := range iu.Codes {
			g := &groups[iu.Groups[pi]]
			u.procs[pi] = ProcedureStatus{
				Code: code, Level: model.OnlineLevelCode(g.level), FullOnlineEligible: c.procs[code].fullEligible, Service: g.service,
			}
			serviceOf[slot][pi] = -1
			if g.service {
				serviceOf[slot][pi] = int32(len(u.services))
				u.services = append(u.services, int32(pi))
			}
		}
		c.units[slot] = u
	}
	c.idx.Remap(func(slot, pos int32) int32 { return serviceOf[slot][pos] })
	return c, nil
}

// paperResult reports whether procedure code returns a paper result, applying UnknownProcedure to codes
// missing from the catalogue.
func (c *Calculator) paperResult(code string) bool {
	if pr, ok := c.procs[code]; ok {
		return pr.paperResult
	}
	return c.unknown == UnknownPaperResult
}

// stateCounted reports whether an offering state is in Policy.OfferingStates (model.PublishedStateCode and
// indicator.OfferingState share their numbering; an absent or unknown state is not counted).
func (c *Calculator) stateCounted(s model.PublishedState) bool {
	k := int(s.Code())
	return k > 0 && k < len(c.policy.OfferingStates) && c.policy.OfferingStates[k]
}

// ProcedureStatus is one procedure under a unit's authority: its highest online level, whether it is an
// online service counted by 3.2 and, after a pass, whether it received an online dossier.
type ProcedureStatus struct {
	Code               string                `json:"code"`
	Level              model.OnlineLevelCode `json:"level"`              // highest level among the unit's offerings in force
	FullOnlineEligible bool                  `json:"fullOnlineEligible"` // catalogue flag (3.1 full-online denominator)
	Service            bool                  `json:"service"`            // 3.2 denominator: online level and a counted state
	OnlineDossier      bool                  `json:"onlineDossier"`      // 3.2 numerator: ≥ 1 online dossier in the period
}

// Verdict is one dossier's outcome for group 3a: the ledger reason, whether it entered 3.3's denominator
// and numerator, and the facts that decided it. 3.1 and 3.2 are decided per unit and procedure
// (Result.Procedures); a dossier only marks its (unit, procedure) service as having an online dossier.
type Verdict struct {
	UnitID        string            // the dossier's unit (d.UnitID)
	Code          string            // the dossier code (MaHoSo)
	ProcedureCode string            // the procedure code after CodeMap
	Received      model.Time        // the reception time used for the period (absent when none)
	Reason        indicator.Reason  // the single ledger reason
	Counted       bool              // in 3.3's denominator (received in the period)
	Channel       model.ChannelCode // KenhThucHien as read (ChannelUnknown when absent: direct for 3.3)
	Online        bool              // received through a channel in Policy.OnlineChannelCodes
	PaperResult   bool              // the procedure returns a paper result, so 3.3 needs an electronic result
	EResult       bool              // the dossier carries an electronic result (result code and file link)
	InNumerator   bool              // in 3.3's numerator

	// Unexported fields ordered to pack the struct (120 bytes): it is copied on every Classify and Add.
	reason  uint8       // index in dossierReasons (0: not made by Classify)
	unit    int32       // calculator unit index or -1
	service int32       // index among the unit's 3.2 services or -1
	calc    *Calculator // the Calculator whose indexes unit and service refer to
}

func (v *Verdict) setReason(r uint8) {
	v.reason = r
	v.Reason = dossierReasons[r]
}

// Metric33 returns the dossier's verdict for 3.3. No allocation.
func (v Verdict) Metric33() indicator.Verdict {
	return indicator.Verdict{Metric: indicator.M33, InDenominator: v.Counted, InNumerator: v.Counted && v.InNumerator, Reason: v.Reason}
}

// AppendVerdicts appends the dossier's per-metric verdicts (one, for 3.3) to dst. No allocation when dst
// has capacity.
func (v Verdict) AppendVerdicts(dst []indicator.Verdict) []indicator.Verdict {
	return append(dst, v.Metric33())
}

// Classify judges one dossier for 3.3 and notes whether it gives its (unit, procedure) online service a
// dossier for 3.2. Pure, safe for concurrent use, no allocation; d is not retained. Data problems never
// fail: the dossier gets an exclusion reason (order in the package doc); a nil d gets ReasonNilRecord,
// never a panic. Cost: resolving the unit and
// procedure in the Keys (two map lookups), then as ClassifyRef.
func (c *Calculator) Classify(d *model.Dossier) Verdict {
	if d == nil {
		return c.ClassifyRef(nil, indicator.NoRef)
	}
	return c.ClassifyRef(d, c.keys.Ref(d.UnitID, d.ProcedureCode))
}

// index returns the unit and 3.2 service indexes of (unit, procedure) in c for a dossier received online
// or not, -1 when absent.
func (c *Calculator) index(unit, proc string, online bool) (int32, int32) {
	slot, svc := c.idx.Find(unit, proc)
	if !online {
		return slot, -1
	}
	return slot, svc
}

// O(offerings) memory.
func (c *Calculator) Run(dossiers iter.Seq[model.Dossier]) Result {
	a := c.NewAccumulator()
	for d := range dossiers {
		a.Add(c.Classify(&d))
	}
	return a.Result()
}
