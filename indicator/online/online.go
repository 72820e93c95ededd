package online

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
	Period     model.Period              // required: dossiers belong to it by their reception time
	AsOf       time.Time                 // required, not before Period: later receptions are excluded
	Policy     indicator.OnlinePolicy    // group 3a's (indicator.DefaultOnlinePolicy; zero is refused)
	Reception  indicator.ReceptionPolicy // the shared reading of "received in the period"
	Procedures []model.Procedure         // the catalogue (PaperResult, FullOnlineEligible); first record wins
	Offerings  []model.Offering          // a unit's procedures are those of its offerings in force
	CodeMap    map[string]string         // local → national procedure codes, for dossiers and offerings
}

type unitInfo struct {
	procs    []ProcedureStatus // sorted by code, OnlineDossier unset
	services []int32           // indexes into procs of the 3.2 services
}

type procInfo struct {
	paperResult, fullEligible bool
}

// Calculator judges dossiers and offerings for group 3a (3.1, 3.2, 3.3). It is immutable after New and
// safe for concurrent use.
type Calculator struct {
	w      offer.Window
	policy indicator.OnlinePolicy
	online indicator.CodeSet // Reception.OnlineChannels
	procs  map[string]procInfo
	// notOffered is the catalogue as a top parent counts it (docs/rules.md, 3.1): every code, sorted, at
	// Level OnlineNone, with its FullOnlineEligible flag.
	notOffered []ProcedureStatus
	keys       *indicator.Keys
	idx        *offer.Index[bool] // Proc.Info: paper result (UnknownProcedure applied); Pos: 3.2 service index or -1
	units      []unitInfo         // per index row
	catalogue  indicator.Ledger
}

// New validates opts and preloads the catalogue. Errors are *indicator.OptionError values: zero Period,
// Period end before start, zero AsOf, AsOf before the period, zero Policy, unknown
// Policy.UnknownProcedure.
func New(opts Options) (*Calculator, error) {
	w, bad := offer.NewWindow(opts.Period, opts.AsOf, opts.Reception)
	switch {
	case bad != nil:
		return nil, bad.Option("online")
	case opts.Policy == indicator.OnlinePolicy{}:
		return nil, indicator.Missing("online", "Policy")
	case opts.Policy.UnknownProcedure > indicator.UnknownPaperResult:
		return nil, indicator.Invalid("online", "Policy.UnknownProcedure", "%d", opts.Policy.UnknownProcedure)
	}
	c := &Calculator{w: w, policy: opts.Policy, online: opts.Reception.OnlineChannels, keys: offer.OwnKeys(opts.Keys, opts.Procedures, opts.Offerings, opts.CodeMap)}
	c.procs = offer.Catalogue(opts.Procedures, opts.CodeMap, &c.catalogue, ReasonProcedureNoCode, ReasonProcedureDuplicate,
		func(p *model.Procedure) (procInfo, indicator.Reason, bool) {
			return procInfo{paperResult: p.PaperResult, fullEligible: p.FullOnlineEligible}, ReasonProcedureListed, true
		})

	// Group the offerings in force by (unit, procedure); the first offering with the highest level
	// represents the pair, the others are duplicates.
	type group struct {
		rep     int  // representative offering index
		level   int8 // highest level (OnlineUnknown = -1 below OnlineNone)
		service bool // some offering with an online level and a counted state
	}
	judge := model.Some(w.Judge) // offerings are taken as in force then
	b := offer.NewBuilder(c.keys)
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
		svc := o.Level.Online() && c.policy.OfferingStates.Has(o.State.Code())
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
		switch lvl := model.OnlineLevelCode(g.level); {
		case lvl != model.OnlinePartial && lvl != model.OnlineFull:
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

	for _, code := range offer.SortedIDs(c.procs) {
		c.notOffered = append(c.notOffered, ProcedureStatus{Code: code, Level: model.OnlineNone, FullOnlineEligible: c.procs[code].fullEligible})
	}
	c.idx = offer.Build(b, opts.CodeMap, c.paperResult)
	c.units = make([]unitInfo, c.idx.NumUnits())
	serviceOf := make([][]int32, len(c.units)) // per row and position in the unit's list: service index or -1
	for row := range c.units {
		iu := c.idx.Unit(int32(row))
		u := unitInfo{procs: make([]ProcedureStatus, len(iu.Codes))}
		serviceOf[row] = make([]int32, len(iu.Codes))
		for pi, code := range iu.Codes {
			g := &groups[iu.Groups[pi]]
			u.procs[pi] = ProcedureStatus{
				Code: code, Level: model.OnlineLevelCode(g.level), FullOnlineEligible: c.procs[code].fullEligible, Service: g.service,
			}
			serviceOf[row][pi] = -1
			if g.service {
				serviceOf[row][pi] = int32(len(u.services))
				u.services = append(u.services, int32(pi))
			}
		}
		c.units[row] = u
	}
	c.idx.Remap(func(row, pos int32) int32 { return serviceOf[row][pos] })
	return c, nil
}

// paperResult reports whether procedure code returns a paper result, applying Policy.UnknownProcedure to
// codes missing from the catalogue.
func (c *Calculator) paperResult(code string) bool {
	if pr, ok := c.procs[code]; ok {
		return pr.paperResult
	}
	return c.policy.UnknownProcedure == indicator.UnknownPaperResult
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

// Verdict is one dossier's 3.3 outcome and the facts that decided it; for 3.2 a dossier only marks its
// (unit, procedure) service as having an online dossier.
type Verdict struct {
	UnitID        string            // the dossier's unit (d.UnitID)
	Code          string            // the dossier code (MaHoSo)
	ProcedureCode string            // the procedure code after CodeMap
	Received      model.Time        // the reception time used for the period (absent when none)
	Reason        indicator.Reason  // the single ledger reason
	Counted       bool              // in 3.3's denominator (received in the period)
	Channel       model.ChannelCode // KenhThucHien as read (ChannelUnknown when absent: direct for 3.3)
	Online        bool              // received through a channel in Reception.OnlineChannels
	PaperResult   bool              // the procedure returns a paper result, so 3.3 needs an electronic result
	EResult       bool              // the dossier carries an electronic result (result code and file link)
	InNumerator   bool              // in 3.3's numerator

	reason  uint8 // index in dossierReasons
	unit    int32 // index row or -1
	service int32 // index among the unit's 3.2 services or -1
}

// metric33 returns the dossier's verdict for 3.3.
func (v *Verdict) metric33() indicator.Verdict {
	return indicator.Verdict{Metric: indicator.M33, InDenominator: v.Counted, InNumerator: v.Counted && v.InNumerator, Reason: v.Reason}
}

// Classify judges one dossier for 3.3 and notes whether it gives its (unit, procedure) online service a
// dossier for 3.2. Pure, safe for concurrent use, no allocation; data problems (a nil d too) are
// exclusion reasons.
func (c *Calculator) Classify(d *model.Dossier) (v Verdict) {
	v.reason = c.classify(d, indicator.Ref{}, &v)
	v.Reason = dossierReasons[v.reason]
	return v
}

// classify judges d into *v, which must be the zero Verdict, with r resolved in c.keys (the zero Ref:
// looked up by string), and returns the reason index, which the caller sets.
func (c *Calculator) classify(d *model.Dossier, r indicator.Ref, v *Verdict) uint8 {
	v.unit, v.service = -1, -1
	if d == nil {
		return rNilRecord
	}
	p := c.idx.Proc(r.Procedure(), d.ProcedureCode)
	v.UnitID, v.Code, v.ProcedureCode = d.UnitID, d.Code, p.Code
	var place offer.Place
	if v.Received, place = c.w.Admit(d); place != offer.InWindow {
		return uint8(place) // the first reasons are numbered as offer.Place
	}
	v.Counted = true
	v.Channel = d.Channel.Code()
	v.Online = d.Channel.IsSet() && c.online.Has(int(v.Channel))
	v.unit = c.idx.Row(r.Unit(), d.UnitID)
	if !v.Online {
		return rNotOnline
	}
	v.service = c.idx.Pos(v.unit, p.ID)
	v.PaperResult = p.Info
	v.EResult = d.HasElectronicResult()
	if v.PaperResult && !v.EResult {
		return rOnlineWithoutEResult
	}
	v.InNumerator = true
	return rOnline
}

// Run judges every dossier of the stream in one pass and returns the result.
func (c *Calculator) Run(dossiers iter.Seq[model.Dossier]) Result {
	a := c.NewAccumulator()
	indicator.Feed(a, dossiers)
	return a.Result()
}
