package digitisation

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/internal/offer"
	"github.com/vn-dvc/chiso766/model"
)

// CommuneCopy is one commune's input to 4.4: whether it offers electronic certified copies from originals
// (chứng thực bản sao điện tử từ bản chính) during the period. Each entry adds {Offers ? 1 : 0, 1} to 4.4
// of the commune's own unit; parents get theirs when the indicator tree pools, so are not listed here.
type CommuneCopy struct {
	UnitID string
	Offers bool
}

// Options configures a Calculator. The slices are read by New and not retained.
type Options struct {
	// Keys, when not nil, is the pass's index of unit ids and procedure codes, in which Add reads a Case's
	// Ref (nil: the units of Offerings and Communes and the catalogue's codes). It never changes a verdict.
	Keys   *indicator.Keys
	Period model.Period // required
	// AsOf (required, not before Period's start): dossiers received after it are excluded; offerings are
	// taken as in force at some instant up to it.
	AsOf      time.Time
	Policy    indicator.DigitisationPolicy // the zero value is the default
	Reception indicator.ReceptionPolicy
	// Procedures is the catalogue, one record per (mapped) code: 4.1 reads PaperResult, 4.6a CitizenFacing
	// and PopulationDBConnected.
	Procedures []model.Procedure
	// Offerings say which unit offers which procedure at some instant of the period (4.6a).
	Offerings []model.Offering
	Communes  []CommuneCopy // 4.4, one entry per commune; empty means no data
}

// Calculator judges dossiers for group 4 (4.1, 4.2, 4.3, 4.5, 4.6b) and holds the per-unit counts of 4.4
// and 4.6a computed once from Options. It is immutable and safe for concurrent use.
type Calculator struct {
	w         offer.Window
	lo, hi    int64 // a reception whose Unix second s has lo < s < hi is in the window
	scope     indicator.ElectronicResultScope
	unlinked  bool // Policy.UnlinkedFilesCount
	procs     map[string]procInfo
	popCodes  []string
	keys      *indicator.Keys
	procByKey []procInfo // catalogue entry by Keys procedure index (known false: not in the catalogue)

	static       map[string]indicator.Tally // 4.4 and 4.6a per unit
	staticLedger indicator.Ledger
	offered      map[string][]offered // per unit, the distinct citizen-facing procedures it offers (4.6a)
	// citizenCatalogue: the citizen-facing catalogue procedures by code, as a top parent counts them (4.6a)
	citizenCatalogue []offered
}

type procInfo struct {
	known, paper, citizen, connected bool
}

// offered is a citizen-facing catalogue procedure a unit offers, for pooling 4.6a over a sub-tree.
type offered struct {
	code      string
	connected bool
}

const pkg = "digitisation"

// New validates opts and builds a Calculator. Errors: *indicator.OptionError naming the field: a zero
// Period or AsOf, a period that ends before it starts, AsOf before it, an unknown
// Policy.ElectronicResultScope, an empty population-database code, a procedure without a code or two
// catalogue records with the same code.
func New(opts Options) (*Calculator, error) {
	w, bad := offer.NewWindow(opts.Period, opts.AsOf, opts.Reception)
	if bad != nil {
		return nil, bad.Option(pkg)
	}
	pol := opts.Policy
	if pol.ElectronicResultScope > indicator.ResultScopeAll {
		return nil, indicator.Invalid(pkg, "Policy.ElectronicResultScope", "%v", pol.ElectronicResultScope)
	}
	c := &Calculator{
		w:        w,
		scope:    pol.ElectronicResultScope,
		unlinked: pol.UnlinkedFilesCount,
		procs:    make(map[string]procInfo, len(opts.Procedures)),
		static:   map[string]indicator.Tally{},
		offered:  map[string][]offered{},
	}
	c.lo, c.hi = w.Start.Unix(), min(w.End.Unix(), w.AsOf.Unix())
	if opts.Reception.Dates.Placeholder(w.Start, w.AsOf) || opts.Reception.Dates.Placeholder(w.AsOf, w.AsOf) {
		c.lo, c.hi = 1, 0 // a reception in the window may be a placeholder: every dossier takes admit's path
	}
	c.popCodes = slices.Clone(pol.PopulationDBCodes)
	if pol.PopulationDBCodes == nil {
		c.popCodes = indicator.DefaultDigitisationPolicy().PopulationDBCodes
	}
	for i, s := range c.popCodes {
		if c.popCodes[i] = strings.TrimSpace(s); c.popCodes[i] == "" {
			return nil, indicator.Invalid(pkg, fmt.Sprintf("Policy.PopulationDBCodes[%d]", i), "empty code")
		}
	}
	for i := range opts.Procedures {
		p := &opts.Procedures[i]
		if p.Code == "" {
			return nil, indicator.Missing(pkg, fmt.Sprintf("Procedures[%d].Code", i))
		}
		if _, dup := c.procs[p.Code]; dup {
			return nil, indicator.Invalid(pkg, fmt.Sprintf("Procedures[%d].Code", i), "duplicate code %q", p.Code)
		}
		c.procs[p.Code] = procInfo{known: true, paper: p.PaperResult, citizen: p.CitizenFacing(), connected: p.PopulationDBConnected}
	}
	for _, code := range offer.SortedIDs(c.procs) {
		if p := c.procs[code]; p.citizen {
			c.citizenCatalogue = append(c.citizenCatalogue, offered{code, p.connected})
		}
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
	c.procByKey = make([]procInfo, c.keys.NumProcedures())
	for i := range c.procByKey {
		c.procByKey[i] = c.procs[c.keys.ProcedureCode(int32(i))]
	}
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
	FactSubmittedFile                      // a submitted file that is not deleted and has a file link (4.2; Policy.UnlinkedFilesCount: any)
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
	var names []string
	for i, n := range factNames {
		if f&(1<<i) != 0 {
			names = append(names, n)
		}
	}
	return "{" + strings.Join(names, ", ") + "}"
}

// outcome is a counted dossier's verdict for one metric in compact form: an index into outcomeReasons.
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

// outcomeReasons names the outcomes; a metric verdict's denominator and numerator are Verdict's bits.
var outcomeReasons = [numOutcomes]indicator.Reason{"",
	ReasonElectronicResult, ReasonNoElectronicResult, ReasonNoPaperResult, ReasonUnknownProcedure,
	ReasonDigitised, ReasonNoSubmittedFile, ReasonNoResultFile,
	ReasonReusedData, ReasonNoReusedData, ReasonNoReceptionDate,
	ReasonFileFromStore, ReasonResultSynced, ReasonNotLinkedToStore,
	ReasonVNeID, ReasonStoreData, ReasonPopulationDB, ReasonNoPopulationData,
}

// ledgerReason indexes the dossier ledger reasons for the accumulator's counters; lrNoUnit …
// lrPlaceholder are offer.Place's values.
type ledgerReason uint8

const (
	lrNoUnit ledgerReason = iota + 1
	lrNoDate
	lrWithdrawn
	lrNotInPeriod
	lrAfterAsOf
	lrNotReceived
	lrPlaceholder
	lrNilRecord
	lrCounted
	lrCountedWithoutReception
	numLedgerReasons
)

// ledgerNames names the ledger reasons by index (0: unused).
var ledgerNames = [numLedgerReasons]indicator.Reason{"", ReasonNoUnit, ReasonNoDate, ReasonWithdrawnBeforeReception,
	ReasonNotInPeriod, ReasonAfterAsOf, ReasonNotReceived, ReasonPlaceholderDate, ReasonNilRecord, ReasonCounted,
	ReasonCountedWithoutReception}

// The ledger reasons up to lrPlaceholder are offer.Place's values.
var _ [1]struct{} = [lrPlaceholder - ledgerReason(offer.LastPlace) + 1]struct{}{}

func ledgerCounted(lr uint8) bool { return lr >= uint8(lrCounted) }

// Verdict is the judgement of one dossier: the single ledger reason, one indicator.Verdict per dossier
// metric (see Metrics; stored as small codes) and the values that decided them.
type Verdict struct {
	Unit string // Dossier.UnitID
	Code string // Dossier.Code
	// Reason is the ledger reason: ReasonCounted or ReasonCountedWithoutReception when Counted, else the
	// exclusion reason (then every metric verdict is out of its denominator with that reason).
	Reason         indicator.Reason
	Counted        bool
	FromSubmission bool      // Received is NgayNopHoSo (the fallback)
	Facts          Facts     // the record facts that decided the metric verdicts
	Received       time.Time // the instant that placed the dossier in the period (zero when absent)

	lr       ledgerReason
	outcomes [NumDossierMetrics]outcome
	den, num uint8 // bit i: metric i in its denominator / numerator (counted verdicts only)
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
	return indicator.Verdict{Metric: dossierMetrics[i], Reason: outcomeReasons[v.outcomes[i]],
		InDenominator: v.den>>i&1 != 0, InNumerator: v.num>>i&1 != 0}
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

func (v *Verdict) exclude(lr ledgerReason) {
	v.lr, v.Reason, v.Counted = lr, ledgerNames[lr], false
}

// Classify judges one dossier for 4.1, 4.2, 4.3, 4.5 and 4.6b. It is pure, safe for concurrent use and does
// not allocate. Data problems are never errors: the dossier is excluded with a ledger reason (ReasonNilRecord
// for a nil d), or kept out of one metric's denominator (4.1 and 4.3).
func (c *Calculator) Classify(d *model.Dossier) Verdict {
	var v Verdict
	c.classify(&v, d, -1)
	return v
}

// classify is Classify into *v, which must be the zero Verdict; proc is the procedure's index in the Keys,
// or -1 (the code is then looked up in the catalogue).
func (c *Calculator) classify(v *Verdict, d *model.Dossier, proc int32) {
	if d == nil {
		v.exclude(lrNilRecord)
		return
	}
	v.Unit, v.Code = d.UnitID, d.Code
	// Most dossiers have a unit and an NgayTiepNhan whole seconds inside the window: decided here, the
	// others by admit.
	if s := d.ReceivedAt.T.Unix(); d.UnitID != "" && d.ReceivedAt.Valid && s > c.lo && s < c.hi &&
		d.Status.Code() != model.StatusRegistered {
		v.Received = d.ReceivedAt.T
	} else if !c.admit(v, d) {
		return
	}

	// Facts.
	var f Facts
	if d.ReceivedAt.Valid {
		f |= FactReceptionDate
	}
	var p procInfo
	switch {
	case uint32(proc) < uint32(len(c.procByKey)):
		p = c.procByKey[proc]
	case d.ProcedureCode != "": // New refuses empty catalogue codes
		p = c.procs[d.ProcedureCode]
	}
	if p.known {
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
		if fl.URL != "" || c.unlinked {
			f |= FactSubmittedFile
		}
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
	case c.scope == indicator.ResultScopePaper && !p.known:
		o[0] = o41Unknown
	case c.scope == indicator.ResultScopePaper && !p.paper:
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

// admit applies the reception rules to a dossier classify could not place at once: it sets v.Received
// and v.FromSubmission, or excludes v and returns false.
func (c *Calculator) admit(v *Verdict, d *model.Dossier) bool {
	rec, place := c.w.Admit(d)
	if place == offer.NoUnit {
		v.exclude(lrNoUnit)
		return false
	}
	if rec.Valid {
		v.Received, v.FromSubmission = rec.T, !d.ReceivedAt.Valid
	}
	if place != offer.InWindow {
		v.exclude(ledgerReason(place))
		return false
	}
	return true
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

// buildStatic computes 4.6a from the offerings and 4.4 from the communes, with their ledger.
func (c *Calculator) buildStatic(opts Options) {
	add := func(unit string, id indicator.ID, num bool, yes, no indicator.Reason) {
		t := c.static[unit]
		t.Add(id, int64(b2i(num)), 1)
		c.static[unit] = t
		if num {
			c.staticLedger.Add(yes, true)
		} else {
			c.staticLedger.Add(no, true)
		}
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
		default:
			c.offered[o.UnitID] = append(c.offered[o.UnitID], offered{o.ProcedureCode, p.connected})
			add(o.UnitID, indicator.M46a, p.connected, ReasonConnectedProcedure, ReasonUnconnectedProcedure)
		}
	}
	communes := make(map[string]bool, len(opts.Communes))
	for _, cc := range opts.Communes {
		switch {
		case cc.UnitID == "":
			c.staticLedger.Add(ReasonNoUnit, false)
		case communes[cc.UnitID]:
			c.staticLedger.Add(ReasonDuplicate, false)
		default:
			communes[cc.UnitID] = true
			add(cc.UnitID, indicator.M44, cc.Offers,
				ReasonCertifiedCopyOffered, ReasonCertifiedCopyNotOffered)
		}
	}
}

// offeringInPeriod reports whether the offering is in force at some instant of the evaluation window.
func (c *Calculator) offeringInPeriod(o *model.Offering) bool {
	return (!o.ValidFrom.Valid || !o.ValidFrom.T.After(c.w.Judge)) &&
		(!o.ValidTo.Valid || o.ValidTo.T.After(c.w.Start))
}
