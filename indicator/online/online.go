package online

import (
	"iter"
	"slices"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
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
	// Used: OnlineChannelCodes, OfferingStates, ReceivedFallbackToSubmitted. The zero value is refused.
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

type pairKey struct{ unit, proc string }

type pairInfo struct {
	unit    int32 // index into Calculator.units
	service int32 // index into units[unit].services, -1 when the pair is not an active online service
	paper   bool  // the procedure returns a paper result (UnknownProcedure applied)
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
	start, end time.Time
	asOf       time.Time
	judge      time.Time
	policy     indicator.RecordPolicy
	unknown    UnknownProcedurePolicy
	codeMap    map[string]string
	procs      map[string]procInfo
	units      []unitInfo
	unitIdx    map[string]int32
	pairs      map[pairKey]pairInfo
	catalogue  indicator.Ledger
}

// New validates opts and preloads the catalogue. Errors are *OptionError values matching ErrOption and
// ErrMissing or ErrInvalid: zero Period, Period end before start, zero AsOf, AsOf before the period, zero
// Policy, unknown UnknownProcedure. Data problems in the catalogue are not errors: each procedure and
// offering record gets one reason in Result.Catalogue. Cost: O((procedures + offerings) · log) time,
// O(procedures + offerings) memory.
func New(opts Options) (*Calculator, error) {
	p := opts.Period
	switch {
	case p.Start.IsZero():
		return nil, &OptionError{Field: "Period", Err: ErrMissing}
	case p.End.Before(p.Start):
		return nil, &OptionError{Field: "Period", Err: ErrInvalid}
	case opts.AsOf.IsZero():
		return nil, &OptionError{Field: "AsOf", Err: ErrMissing}
	case opts.AsOf.Before(p.StartTime()):
		return nil, &OptionError{Field: "AsOf", Err: ErrInvalid}
	case opts.Policy == indicator.RecordPolicy{}:
		return nil, &OptionError{Field: "Policy", Err: ErrMissing}
	case opts.UnknownProcedure > UnknownPaperResult:
		return nil, &OptionError{Field: "UnknownProcedure", Err: ErrInvalid}
	}
	c := &Calculator{
		start:   p.StartTime(),
		end:     p.EndTime(),
		asOf:    opts.AsOf,
		policy:  opts.Policy,
		unknown: opts.UnknownProcedure,
		codeMap: opts.CodeMap,
		procs:   make(map[string]procInfo, len(opts.Procedures)),
		unitIdx: make(map[string]int32),
		pairs:   make(map[pairKey]pairInfo),
	}
	c.judge = c.end.Add(-time.Nanosecond)
	if c.asOf.Before(c.judge) {
		c.judge = c.asOf
	}
	for i := range opts.Procedures {
		pr := &opts.Procedures[i]
		code := c.mapCode(pr.Code)
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
	judge := model.Some(c.judge)
	groups := make(map[pairKey]*group)
	var order []pairKey
	reasons := make([]indicator.Reason, len(opts.Offerings))
	for i := range opts.Offerings {
		o := &opts.Offerings[i]
		code := c.mapCode(o.ProcedureCode)
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
		k := pairKey{o.UnitID, code}
		lvl := int8(o.Level.Code())
		svc := o.Level.Online() && c.stateCounted(o.State)
		g := groups[k]
		if g == nil {
			groups[k] = &group{rep: i, level: lvl, service: svc}
			order = append(order, k)
			continue
		}
		g.service = g.service || svc
		if lvl > g.level {
			g.rep, g.level = i, lvl
		}
	}
	perUnit := make(map[string][]ProcedureStatus)
	for _, k := range order {
		g := groups[k]
		lvl := model.OnlineLevelCode(g.level)
		online := lvl == model.OnlinePartial || lvl == model.OnlineFull
		switch {
		case !online:
			reasons[g.rep] = ReasonOfferingNotOnline
		case g.service:
			reasons[g.rep] = ReasonOfferingService
		default:
			reasons[g.rep] = ReasonOfferingInactiveService
		}
		perUnit[k.unit] = append(perUnit[k.unit], ProcedureStatus{
			Code: k.proc, Level: lvl, FullOnlineEligible: c.procs[k.proc].fullEligible, Service: g.service,
		})
	}
	for _, r := range reasons {
		if r == "" {
			r = ReasonOfferingDuplicate
		}
		c.catalogue.Add(r, r == ReasonOfferingService || r == ReasonOfferingInactiveService || r == ReasonOfferingNotOnline)
	}
	ids := make([]string, 0, len(perUnit))
	for id := range perUnit {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	c.units = make([]unitInfo, len(ids))
	for ui, id := range ids {
		ps := perUnit[id]
		slices.SortFunc(ps, func(a, b ProcedureStatus) int {
			switch {
			case a.Code < b.Code:
				return -1
			case a.Code > b.Code:
				return 1
			}
			return 0
		})
		u := unitInfo{id: id, procs: ps}
		c.unitIdx[id] = int32(ui)
		for pi := range ps {
			info := pairInfo{unit: int32(ui), service: -1, paper: c.paperResult(ps[pi].Code)}
			if ps[pi].Service {
				info.service = int32(len(u.services))
				u.services = append(u.services, int32(pi))
			}
			c.pairs[pairKey{id, ps[pi].Code}] = info
		}
		c.units[ui] = u
	}
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

func (c *Calculator) mapCode(code string) string {
	if c.codeMap != nil {
		if m, ok := c.codeMap[code]; ok {
			return m
		}
	}
	return code
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

	calc    *Calculator // the Calculator whose indexes unit and service refer to
	reason  uint8       // index in dossierReasons (0: not made by Classify)
	unit    int32       // calculator unit index or -1
	service int32       // index among the unit's 3.2 services or -1
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
// fail: the dossier gets an exclusion reason (order in the package doc). Cost: one or two map lookups and
// a scan of the result documents.
func (c *Calculator) Classify(d *model.Dossier) Verdict {
	v := Verdict{UnitID: d.UnitID, Code: d.Code, calc: c, unit: -1, service: -1}
	v.ProcedureCode = c.mapCode(d.ProcedureCode)
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
	case v.Received.T.Before(c.start) || !v.Received.T.Before(c.end):
		v.setReason(rOutsidePeriod)
		return v
	case v.Received.T.After(c.asOf):
		v.setReason(rAfterAsOf)
		return v
	}
	v.Counted = true
	v.Channel = d.Channel.Code()
	v.Online = d.Channel.IsSet() && c.policy.OnlineChannelCodes.Has(int(v.Channel))
	pi, pair := c.pairs[pairKey{d.UnitID, v.ProcedureCode}]
	if pair {
		v.unit = pi.unit
		if v.Online {
			v.service = pi.service
		}
	} else if ui, ok := c.unitIdx[d.UnitID]; ok {
		v.unit = ui
	}
	if !v.Online {
		v.setReason(rNotOnline)
		return v
	}
	if pair {
		v.PaperResult = pi.paper
	} else {
		v.PaperResult = c.paperResult(v.ProcedureCode)
	}
	v.EResult = d.HasElectronicResult()
	if v.PaperResult && !v.EResult {
		v.setReason(rOnlineWithoutEResult)
		return v
	}
	v.InNumerator = true
	v.setReason(rOnline)
	return v
}

// index returns the unit and 3.2 service indexes of (unit, procedure) in c for a dossier received online
// or not, -1 when absent.
func (c *Calculator) index(unit, proc string, online bool) (int32, int32) {
	if pi, ok := c.pairs[pairKey{unit, proc}]; ok {
		if !online {
			return pi.unit, -1
		}
		return pi.unit, pi.service
	}
	if ui, ok := c.unitIdx[unit]; ok {
		return ui, -1
	}
	return -1, -1
}

// Run classifies every dossier of the stream in one pass and returns the result. Cost: O(dossiers) time,
// O(offerings) memory.
func (c *Calculator) Run(dossiers iter.Seq[model.Dossier]) Result {
	a := c.NewAccumulator()
	for d := range dossiers {
		a.Add(c.Classify(&d))
	}
	return a.Result()
}
