package digitisation

import (
	"fmt"
	"strings"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/strindex"
	"github.com/vn-dvc/chiso766/model"
)

// ElectronicResultScope selects the denominator of 4.1.
type ElectronicResultScope uint8

const (
	// PaperResultDossiers: 4.1's denominator is the dossiers of procedures that return a paper result
	// (Procedure.PaperResult), as INDICATORS.md §3 states. The default.
	PaperResultDossiers ElectronicResultScope = iota
	// AllDossiers: 4.1's denominator is every dossier received in the period. In the portal fixtures
	// (Phú Thọ, 8/2026) 4.1's published denominator equals 4.2's on every row, which this scope reproduces
	// whatever the catalogue says [Open: whether every procedure there returns a paper result, or the portal
	// ignores the distinction].
	AllDossiers
)

// String returns "paper-result-dossiers" or "all-dossiers".
func (s ElectronicResultScope) String() string {
	switch s {
	case PaperResultDossiers:
		return "paper-result-dossiers"
	case AllDossiers:
		return "all-dossiers"
	}
	return fmt.Sprintf("ElectronicResultScope(%d)", uint8(s))
}

// DefaultPopulationDBCodes returns the MaCSDL codes (DSKetNoiCSDL) that count as a link to the national
// population database for 4.6b: {"7"}, the only code seen in an open client, which hard-codes it.
// [Open] DATA-MODEL §1.3: which code is the population database is unverified. The result is a fresh slice.
func DefaultPopulationDBCodes() []string { return []string{"7"} }

// CommuneCopy is one commune's input to 4.4: whether it offers electronic certified copies from originals
// (chứng thực bản sao điện tử từ bản chính). Each entry adds {Offers ? 1 : 0, 1} to 4.4 of the commune's own
// unit; a parent (province) gets "communes offering / communes under it" when the indicator tree pools its
// sub-units, so parents must not be listed here. Units without entries have 4.4 = 0/0, which the edition's
// zero rule turns into full marks on the portal.
type CommuneCopy struct {
	UnitID string // the commune's unit id, as in model.Unit.ID and Dossier.UnitID
	Offers bool   // offers electronic certified copies from originals during the period
}

// Options configures a Calculator. Nothing is global: every input comes from here. The slices are read
// by New and not retained.
type Options struct {
	// Keys, when not nil, is the shared index of unit ids and procedure codes of a pass (the scorecard
	// builds one for all calculators); ClassifyRef then takes Refs made by it. Nil: the calculator builds
	// its own from its inputs. It never changes a verdict, only the cost of finding the unit and procedure.
	Keys *indicator.Keys

	// Period is the evaluation period (required).
	Period model.Period
	// AsOf is the instant of evaluation (required). Dossiers received after min(Period end, AsOf) are
	// excluded (ReasonAfterAsOf).
	AsOf time.Time
	// Policy holds the edition's record policies: pass Edition.Policy (indicator.Portal().Policy).
	// Used: ReceivedFallbackToSubmitted ("received" = NgayTiepNhan, else NgayNopHoSo) and
	// ExcludeWithdrawnBeforeReception.
	Policy indicator.RecordPolicy
	// Procedures is the procedure catalogue, keyed by Procedure.Code (local codes must already be mapped
	// to the catalogue's codes). 4.1 reads PaperResult; 4.6a reads CitizenFacing and PopulationDBConnected.
	Procedures []model.Procedure
	// Offerings say which unit offers which procedure (4.6a: a unit's procedures are those it offers at
	// any time during the period, whatever the online level or published state).
	Offerings []model.Offering
	// Communes is the 4.4 input, one entry per commune (see CommuneCopy). Empty means no data.
	Communes []CommuneCopy
	// PopulationDBCodes are the MaCSDL codes that count as a population-database link for 4.6b.
	// nil means DefaultPopulationDBCodes(); a non-nil empty slice means "no code counts". [Open]
	PopulationDBCodes []string
	// ElectronicResultScope selects 4.1's denominator (default PaperResultDossiers).
	ElectronicResultScope ElectronicResultScope
}

// Calculator classifies dossiers for group 4 (4.1, 4.2, 4.3, 4.5, 4.6b) and holds the per-unit counts
// of 4.4 and 4.6a computed once from Options. It is immutable and safe for concurrent use.
type Calculator struct {
	start, end time.Time // window [start, end): period start, min(period end, AsOf + 1ns)
	periodEnd  time.Time // the period's exclusive end
	fallback   bool
	noWithdraw bool
	scope      ElectronicResultScope
	procs      map[string]procInfo
	popCodes   []string

	keys      *indicator.Keys // Options.Keys, or the calculator's own (offering/commune units, catalogue codes)
	nUnits    int32           // keys.NumUnits(): a Ref's unit index below it is an accumulator slot
	units     strindex.Index  // keys' unit ids → indexes, for Classify and Add's slow path
	codes     strindex.Index  // keys' procedure codes → indexes, for Classify
	procByKey []procInfo      // catalogue entry by Keys procedure index (known false: not in the catalogue)
	// Unix seconds of the window's start and exclusive end: whole seconds strictly inside decide fast.
	startSec, endSec int64

	static       map[string]indicator.Tally // 4.4 and 4.6a per unit
	staticLedger indicator.Ledger
}

type procInfo struct {
	known, paper, citizen, connected bool
}

// New validates opts and builds a Calculator. Cost: O(len(Procedures) + len(Offerings) + len(Communes)
// + units and procedures of Options.Keys) time and memory. Errors: *OptionError (errors.Is ErrOptionMissing or ErrOptionInvalid) naming the field:
// a zero Period or AsOf, a period that ends before it starts, a procedure without a code or two catalogue
// entries with the same code, an unknown ElectronicResultScope, an empty population-database code.
func New(opts Options) (*Calculator, error) {
	if opts.Period.Start.IsZero() || opts.Period.End.IsZero() {
		return nil, &OptionError{Field: "Period", Err: ErrOptionMissing}
	}
	if opts.Period.End.Before(opts.Period.Start) {
		return nil, &OptionError{Field: "Period", Err: fmt.Errorf("%w: ends before it starts", ErrOptionInvalid)}
	}
	if opts.AsOf.IsZero() {
		return nil, &OptionError{Field: "AsOf", Err: ErrOptionMissing}
	}
	if opts.ElectronicResultScope > AllDossiers {
		return nil, &OptionError{Field: "ElectronicResultScope", Err: fmt.Errorf("%w: %v", ErrOptionInvalid, opts.ElectronicResultScope)}
	}
	c := &Calculator{
		start:      opts.Period.StartTime(),
		end:        opts.Period.EndTime(),
		periodEnd:  opts.Period.EndTime(),
		fallback:   opts.Policy.ReceivedFallbackToSubmitted,
		noWithdraw: opts.Policy.ExcludeWithdrawnBeforeReception,
		scope:      opts.ElectronicResultScope,
		procs:      make(map[string]procInfo, len(opts.Procedures)),
		static:     map[string]indicator.Tally{},
	}
	if asOfEnd := opts.AsOf.Add(time.Nanosecond); asOfEnd.Before(c.end) {
		c.end = asOfEnd
	}
	if opts.PopulationDBCodes == nil {
		c.popCodes = DefaultPopulationDBCodes()
	} else {
		c.popCodes = make([]string, len(opts.PopulationDBCodes))
		for i, s := range opts.PopulationDBCodes {
			s = strings.TrimSpace(s)
			if s == "" {
				return nil, &OptionError{Field: fmt.Sprintf("PopulationDBCodes[%d]", i), Err: fmt.Errorf("%w: empty code", ErrOptionInvalid)}
			}
			c.popCodes[i] = s
		}
	}
	for i := range opts.Procedures {
		p := &opts.Procedures[i]
		if p.Code == "" {
			return nil, &OptionError{Field: fmt.Sprintf("Procedures[%d].Code", i), Err: ErrOptionMissing}
		}
		if _, dup := c.procs[p.Code]; dup {
			return nil, &OptionError{Field: fmt.Sprintf("Procedures[%d].Code", i), Err: fmt.Errorf("%w: duplicate code %q", ErrOptionInvalid, p.Code)}
		}
		c.procs[p.Code] = procInfo{known: true, paper: p.PaperResult, citizen: p.CitizenFacing(), connected: p.PopulationDBConnected}
	}
	c.buildStatic(opts)
	c.buildIndex(opts)
	return c, nil
}

// buildIndex keeps Options.Keys (or builds the calculator's own from the units of the offerings and
// communes and the catalogue's codes) and translates its procedure indexes to catalogue entries once.
func (c *Calculator) buildIndex(opts Options) {
	c.keys = opts.Keys
	if c.keys == nil {
		units := make([]string, 0, len(opts.Offerings)+len(opts.Communes))
		for i := range opts.Offerings {
			units = append(units, opts.Offerings[i].UnitID)
		}
		for _, cc := range opts.Communes {
			units = append(units, cc.UnitID)
		}
		codes := make([]string, 0, len(opts.Procedures))
		for i := range opts.Procedures {
			codes = append(codes, opts.Procedures[i].Code)
		}
		c.keys = indicator.NewKeys(units, codes)
	}
	c.nUnits = int32(c.keys.NumUnits())
	c.units = strindex.New(c.keys.NumUnits(), c.keys.UnitID)
	c.codes = strindex.New(c.keys.NumProcedures(), c.keys.ProcedureCode)
	c.procByKey = make([]procInfo, c.keys.NumProcedures())
	for i := range c.procByKey {
		c.procByKey[i] = c.procs[c.keys.ProcedureCode(int32(i))]
	}
	c.startSec, c.endSec = c.start.Unix(), c.end.Unix()
}

// buildStatic computes 4.6a from the offerings and 4.4 from the communes, with their ledger.
func (c *Calculator) buildStatic(opts Options) {
	add := func(unit string, id indicator.ID, num bool) {
		t := c.static[unit]
		if num {
			t.Add(id, 1, 1)
		} else {
			t.Add(id, 0, 1)
		}
		c.static[unit] = t
	}
	type key struct{ unit, proc string }
	seen := make(map[key]bool, len(opts.Offerings))
	for i := range opts.Offerings {
		o := &opts.Offerings[i]
		switch {
		case o.UnitID == "":
			c.staticLedger.Add(ReasonNoUnit, false)
			continue
		case !c.offeringInPeriod(o):
			c.staticLedger.Add(ReasonOfferingNotInForce, false)
			continue
		}
		k := key{o.UnitID, o.ProcedureCode}
		if seen[k] {
			c.staticLedger.Add(ReasonDuplicate, false)
			continue
		}
		seen[k] = true
		p, ok := c.procs[o.ProcedureCode]
		switch {
		case !ok:
			c.staticLedger.Add(ReasonUnknownProcedure, false)
		case !p.citizen:
			c.staticLedger.Add(ReasonNotCitizenFacing, false)
		case p.connected:
			add(o.UnitID, indicator.M46a, true)
			c.staticLedger.Add(ReasonConnectedProcedure, true)
		default:
			add(o.UnitID, indicator.M46a, false)
			c.staticLedger.Add(ReasonUnconnectedProcedure, true)
		}
	}
	communes := make(map[string]bool, len(opts.Communes))
	for _, cc := range opts.Communes {
		switch {
		case cc.UnitID == "":
			c.staticLedger.Add(ReasonNoUnit, false)
		case communes[cc.UnitID]:
			c.staticLedger.Add(ReasonDuplicate, false)
		case cc.Offers:
			communes[cc.UnitID] = true
			add(cc.UnitID, indicator.M44, true)
			c.staticLedger.Add(ReasonCertifiedCopyOffered, true)
		default:
			communes[cc.UnitID] = true
			add(cc.UnitID, indicator.M44, false)
			c.staticLedger.Add(ReasonCertifiedCopyNotOffered, true)
		}
	}
}

// offeringInPeriod reports whether the offering is in force at some instant of the evaluation window.
func (c *Calculator) offeringInPeriod(o *model.Offering) bool {
	if o.ValidFrom.Valid && !o.ValidFrom.T.Before(c.end) {
		return false
	}
	if o.ValidTo.Valid && !o.ValidTo.T.After(c.start) {
		return false
	}
	return true
}

// dossierMetrics are the dossier metrics of group 4, in the order of Verdict.Metrics.
var dossierMetrics = [NumDossierMetrics]indicator.ID{indicator.M41, indicator.M42, indicator.M43, indicator.M45, indicator.M46b}

// NumDossierMetrics is the number of metrics a dossier touches (4.1, 4.2, 4.3, 4.5, 4.6b).
const NumDossierMetrics = 5

// DossierMetrics returns the metrics of Verdict.Metrics() in order: 4.1, 4.2, 4.3, 4.5, 4.6b.
func DossierMetrics() [NumDossierMetrics]indicator.ID { return dossierMetrics }

// Facts is the set of record facts that decided a dossier's verdict.
type Facts uint16

// The facts a Verdict records.
const (
	FactKnownProcedure   Facts = 1 << iota // the procedure code is in the catalogue
	FactPaperResult                        // the procedure returns a paper result (4.1 denominator)
	FactElectronicResult                   // a result document with a result code and a file link (4.1)
	FactSubmittedFile                      // a submitted file that is not deleted (4.2)
	FactResultFile                         // a result document with a file link (4.2)
	FactReusedData                         // HoSoCoThanhPhanSoHoa = 1 or a file with DuocSoHoa = 1 (4.3)
	FactFileFromStore                      // a file with DuocLayTuKhoDMQG = 1 (4.5, 4.6b)
	FactResultSynced                       // the electronic result was synced to the applicant's store (4.5)
	FactVNeID                              // TaiKhoanDuocXacThucVoiVNeID = 1 (4.6b)
	FactPopulationDB                       // a DSKetNoiCSDL code in PopulationDBCodes (4.6b)
	FactReceptionDate                      // NgayTiepNhan is present (4.3 needs it)
)

var factNames = [...]string{"known-procedure", "paper-result", "electronic-result", "submitted-file",
	"result-file", "reused-data", "file-from-store", "result-synced", "vneid", "population-db", "reception-date"}

// Has reports whether every fact of g is in f.
func (f Facts) Has(g Facts) bool { return f&g == g }

// String lists the facts, e.g. "{paper-result, electronic-result}". Allocates.
func (f Facts) String() string {
	var b strings.Builder
	b.WriteByte('{')
	for i, n := range factNames {
		if f&(1<<i) != 0 {
			if b.Len() > 1 {
				b.WriteString(", ")
			}
			b.WriteString(n)
		}
	}
	b.WriteByte('}')
	return b.String()
}

// outcome is a counted dossier's verdict for one metric in compact form: an index into outcomeTable.
type outcome uint8

// The outcomes of the five dossier metrics (0 is unused).
const (
	_ outcome = iota
	o41Electronic
	o41NoElectronic
	o41NoPaper
	o41Unknown
	o42Digitised
	o42NoSubmitted
	o42NoResult
	o43Reused
	o43NoReused
	o43NoReception
	o45FromStore
	o45Synced
	o45NotLinked
	o46Vneid
	o46Store
	o46PopDB
	o46None
	numOutcomes
)

// outcomeTable maps an outcome to its indicator.Verdict. Read-only.
var outcomeTable = [numOutcomes]indicator.Verdict{
	o41Electronic:   {Metric: indicator.M41, InDenominator: true, InNumerator: true, Reason: ReasonElectronicResult},
	o41NoElectronic: {Metric: indicator.M41, InDenominator: true, Reason: ReasonNoElectronicResult},
	o41NoPaper:      {Metric: indicator.M41, Reason: ReasonNoPaperResult},
	o41Unknown:      {Metric: indicator.M41, Reason: ReasonUnknownProcedure},
	o42Digitised:    {Metric: indicator.M42, InDenominator: true, InNumerator: true, Reason: ReasonDigitised},
	o42NoSubmitted:  {Metric: indicator.M42, InDenominator: true, Reason: ReasonNoSubmittedFile},
	o42NoResult:     {Metric: indicator.M42, InDenominator: true, Reason: ReasonNoResultFile},
	o43Reused:       {Metric: indicator.M43, InDenominator: true, InNumerator: true, Reason: ReasonReusedData},
	o43NoReused:     {Metric: indicator.M43, InDenominator: true, Reason: ReasonNoReusedData},
	o43NoReception:  {Metric: indicator.M43, Reason: ReasonNoReceptionDate},
	o45FromStore:    {Metric: indicator.M45, InDenominator: true, InNumerator: true, Reason: ReasonFileFromStore},
	o45Synced:       {Metric: indicator.M45, InDenominator: true, InNumerator: true, Reason: ReasonResultSynced},
	o45NotLinked:    {Metric: indicator.M45, InDenominator: true, Reason: ReasonNotLinkedToStore},
	o46Vneid:        {Metric: indicator.M46b, InDenominator: true, InNumerator: true, Reason: ReasonVNeID},
	o46Store:        {Metric: indicator.M46b, InDenominator: true, InNumerator: true, Reason: ReasonStoreData},
	o46PopDB:        {Metric: indicator.M46b, InDenominator: true, InNumerator: true, Reason: ReasonPopulationDB},
	o46None:         {Metric: indicator.M46b, InDenominator: true, Reason: ReasonNoPopulationData},
}

// ledgerReason indexes the dossier ledger reasons for the accumulator's fixed counters (0: other).
type ledgerReason uint8

const (
	lrOther ledgerReason = iota
	lrCounted
	lrCountedWithoutReception
	lrNoUnit
	lrNoDate
	lrNotReceived
	lrWithdrawn
	lrNotInPeriod
	lrAfterAsOf
	lrNilRecord
	numLedgerReasons
)

var ledgerReasons = [numLedgerReasons]struct {
	r       indicator.Reason
	counted bool
}{
	lrCounted: {ReasonCounted, true}, lrCountedWithoutReception: {ReasonCountedWithoutReception, true},
	lrNoUnit: {ReasonNoUnit, false}, lrNoDate: {ReasonNoDate, false}, lrNotReceived: {ReasonNotReceived, false},
	lrWithdrawn: {ReasonWithdrawnBeforeReception, false}, lrNotInPeriod: {ReasonNotInPeriod, false},
	lrAfterAsOf: {ReasonAfterAsOf, false}, lrNilRecord: {ReasonNilRecord, false},
}

// Verdict is the judgement of one dossier: its unit and code, the single ledger reason, one
// indicator.Verdict per dossier metric (4.1, 4.2, 4.3, 4.5, 4.6b in that order; see Metrics) and the values
// that decided them. It is a small value (no pointers into the dossier except its two strings), kept compact
// so that Classify + Add stay cheap: the metric verdicts are stored as small codes and expanded by Metrics,
// Metric and AppendVerdicts. Verdicts come from Classify; a hand-built Verdict carries no metric verdicts
// (Add then records only its ledger reason).
type Verdict struct {
	Unit string // Dossier.UnitID
	Code string // Dossier.Code
	// Reason is the ledger reason: ReasonCounted or ReasonCountedWithoutReception when Counted, else the
	// exclusion reason (then every metric verdict is out of its denominator with that reason).
	Reason  indicator.Reason
	Counted bool
	// FromSubmission is true when Received is NgayNopHoSo (the fallback).
	FromSubmission bool
	// Facts are the record facts that decided the metric verdicts.
	Facts Facts
	slot  int32 // the unit's index in calc's Keys, or -1 (Add then finds the unit by Unit)
	// Received is the instant that placed the dossier in the period (zero when absent).
	Received time.Time

	lr       ledgerReason
	outcomes [NumDossierMetrics]outcome
	den, num uint8       // bit i: metric i in its denominator / numerator (counted verdicts only)
	calc     *Calculator // the Calculator that made the verdict (nil: made by hand)
}

// Metrics returns the five metric verdicts (4.1, 4.2, 4.3, 4.5, 4.6b). No allocation.
func (v Verdict) Metrics() [NumDossierMetrics]indicator.Verdict {
	var out [NumDossierMetrics]indicator.Verdict
	for i := range out {
		out[i] = v.metric(i)
	}
	return out
}

func (v *Verdict) metric(i int) indicator.Verdict {
	if !v.Counted || v.outcomes[i] == 0 || v.outcomes[i] >= numOutcomes {
		return indicator.Verdict{Metric: dossierMetrics[i], Reason: v.Reason}
	}
	return outcomeTable[v.outcomes[i]]
}

// Metric returns the verdict for metric id and whether the dossier's verdict has one.
func (v Verdict) Metric(id indicator.ID) (indicator.Verdict, bool) {
	for i, m := range dossierMetrics {
		if m == id {
			return v.metric(i), true
		}
	}
	return indicator.Verdict{}, false
}

// AppendVerdicts appends the five metric verdicts to dst and returns it. No allocation when dst has room.
func (v Verdict) AppendVerdicts(dst []indicator.Verdict) []indicator.Verdict {
	for i := range v.outcomes {
		dst = append(dst, v.metric(i))
	}
	return dst
}

func (v *Verdict) exclude(lr ledgerReason) {
	v.lr, v.Reason, v.Counted = lr, ledgerReasons[lr].r, false
}

// Classify judges one dossier for 4.1, 4.2, 4.3, 4.5 and 4.6b. It is pure, safe for concurrent use and does
// not allocate. Data problems are never errors: the dossier is excluded with a reason (ReasonNilRecord for
// a nil d, ReasonNoUnit,
// ReasonNoDate, ReasonNotReceived, ReasonWithdrawnBeforeReception, ReasonNotInPeriod, ReasonAfterAsOf),
// or, for one metric only, kept out of that metric's denominator (4.1: ReasonUnknownProcedure,
// ReasonNoPaperResult; 4.3: ReasonNoReceptionDate). Classify(d) is ClassifyRef(d, keys.Ref(d.UnitID,
// d.ProcedureCode)) for the calculator's Keys. Cost: two lookups, of the unit id and the procedure code
// among the Keys' (a hash and a comparison of words each, in tables built by New), plus scans of the
// dossier's files, results and database codes.
func (c *Calculator) Classify(d *model.Dossier) Verdict {
	var v Verdict
	c.classify(d, indicator.NoRef, true, &v)
	return v
}

// ClassifyRef is Classify for a dossier whose unit and procedure were already resolved by the Keys of
// Options (r == Options.Keys.Ref(d.UnitID, d.ProcedureCode)). It returns the verdict of Classify(d) and
// hashes no string when both indexes are in the Keys: the procedure's catalogue entry is read from a table
// built by New, and the verdict carries r.Unit as the accumulator slot of the unit. An index of -1 or out
// of the Keys' range is not an error: the procedure is then looked up by code, and Accumulator.Add finds
// the unit by id (slower, same result). A Ref made by another Keys gives wrong verdicts: pass the Ref of
// the Keys given in Options. Pure, safe for concurrent use, no allocation. Cost: scans of the dossier's
// files, results and database codes.
func (c *Calculator) ClassifyRef(d *model.Dossier, r indicator.Ref) (v Verdict) {
	c.classify(d, r, false, &v)
	return v
}

// classify is Classify (resolve: the unit and procedure are looked up by id and code) and ClassifyRef (r
// is the dossier's Ref) into *v, which must be the zero Verdict: both are small enough to be inlined, so
// the verdict is built in the caller's variable (AddRef builds it in its own).
func (c *Calculator) classify(d *model.Dossier, r indicator.Ref, resolve bool, v *Verdict) {
	if d == nil {
		v.slot, v.calc = -1, c
		v.exclude(lrNilRecord)
		return
	}
	if resolve { // == c.keys.Ref(d.UnitID, d.ProcedureCode), without the maps
		r = indicator.Ref{Unit: c.unitIndex(d.UnitID), Procedure: c.codes.Find(d.ProcedureCode)}
	}
	slot := r.Unit
	if uint32(slot) >= uint32(c.nUnits) {
		slot = -1
	}
	v.Unit, v.Code, v.slot, v.calc = d.UnitID, d.Code, slot, c
	if d.UnitID == "" {
		v.exclude(lrNoUnit)
		return
	}
	rec := d.ReceivedAt
	if !rec.Valid && c.fallback {
		rec, v.FromSubmission = d.SubmittedAt, d.SubmittedAt.Valid
	}
	if !rec.Valid {
		v.exclude(lrNoDate)
		return
	}
	v.Received = rec.T
	if !d.ReceivedAt.Valid {
		switch d.Status.Code() {
		case model.StatusRegistered:
			v.exclude(lrNotReceived)
			return
		case model.StatusWithdrawn:
			if c.noWithdraw {
				v.exclude(lrWithdrawn)
				return
			}
		}
	}
	if ts := rec.T.Unix(); ts <= c.startSec || ts >= c.endSec { // else strictly inside [start, end)
		if rec.T.Before(c.start) {
			v.exclude(lrNotInPeriod)
			return
		}
		if !rec.T.Before(c.end) {
			if !rec.T.Before(c.periodEnd) {
				v.exclude(lrNotInPeriod)
				return
			}
			v.exclude(lrAfterAsOf)
			return
		}
	}

	// Facts.
	var f Facts
	if d.ReceivedAt.Valid {
		f |= FactReceptionDate
	}
	var p procInfo
	switch {
	case uint32(r.Procedure) < uint32(len(c.procByKey)):
		p = c.procByKey[r.Procedure]
	case d.ProcedureCode != "": // New refuses empty catalogue codes
		p = c.procs[d.ProcedureCode]
	}
	known := p.known
	if known {
		f |= FactKnownProcedure
		if p.paper {
			f |= FactPaperResult
		}
	}
	if d.HasDigitisedComponents.True() {
		f |= FactReusedData
	}
	for i := range d.Files {
		fl := &d.Files[i]
		if fl.Deleted.True() {
			continue
		}
		f |= FactSubmittedFile
		if fl.Digitised.True() {
			f |= FactReusedData
		}
		if fl.FromStore.True() {
			f |= FactFileFromStore
		}
	}
	for i := range d.Results {
		r := &d.Results[i]
		if r.URL != "" {
			f |= FactResultFile
			if r.Code != "" {
				f |= FactElectronicResult
			}
		}
	}
	if d.ResultSyncedToStore.True() {
		f |= FactResultSynced
	}
	if d.VNeIDAuthenticated.True() {
		f |= FactVNeID
	}
	if c.populationLink(d.Databases) {
		f |= FactPopulationDB
	}
	v.Facts = f
	v.Counted = true
	v.lr, v.Reason = lrCounted, ReasonCounted
	if !d.ReceivedAt.Valid {
		v.lr, v.Reason = lrCountedWithoutReception, ReasonCountedWithoutReception
	}
	// Outcome codes and the denominator/numerator bits (bit i = metric i), set together.
	o := &v.outcomes
	var den, num uint8
	switch { // 4.1
	case c.scope == PaperResultDossiers && !known:
		o[0] = o41Unknown
	case c.scope == PaperResultDossiers && !p.paper:
		o[0] = o41NoPaper
	case f&FactElectronicResult != 0:
		o[0], den, num = o41Electronic, 1, 1
	default:
		o[0], den = o41NoElectronic, 1
	}
	den |= 1 << 1 // 4.2: every counted dossier
	switch {
	case f&FactSubmittedFile == 0:
		o[1] = o42NoSubmitted
	case f&FactResultFile == 0:
		o[1] = o42NoResult
	default:
		o[1], num = o42Digitised, num|1<<1
	}
	switch { // 4.3
	case f&FactReceptionDate == 0:
		o[2] = o43NoReception
	case f&FactReusedData != 0:
		o[2], den, num = o43Reused, den|1<<2, num|1<<2
	default:
		o[2], den = o43NoReused, den|1<<2
	}
	den |= 1 << 3 // 4.5: every counted dossier
	switch {
	case f&FactFileFromStore != 0:
		o[3], num = o45FromStore, num|1<<3
	case f&FactResultSynced != 0:
		o[3], num = o45Synced, num|1<<3
	default:
		o[3] = o45NotLinked
	}
	den |= 1 << 4 // 4.6b: every counted dossier
	switch {
	case f&FactVNeID != 0:
		o[4], num = o46Vneid, num|1<<4
	case f&FactFileFromStore != 0:
		o[4], num = o46Store, num|1<<4
	case f&FactPopulationDB != 0:
		o[4], num = o46PopDB, num|1<<4
	default:
		o[4] = o46None
	}
	v.den, v.num = den, num
}

func (c *Calculator) populationLink(codes []string) bool {
	for _, s := range codes {
		for _, p := range c.popCodes {
			if len(s) == len(p) && (len(p) == 1 && s[0] == p[0] || s == p) {
				return true // the one-byte form skips a call to the runtime's memequal for codes like "7"
			}
		}
	}
	return false
}
