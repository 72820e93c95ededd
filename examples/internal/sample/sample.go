package sample

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/model"
)

// Defaults and limits of Options.
const (
	// DefaultDossiers is the number of dossiers generated when Options.Dossiers is 0.
	DefaultDossiers = 50000
	// MaxDossiers bounds Options.Dossiers so that a careless call cannot run for minutes.
	MaxDossiers = 10_000_000
	// Petitions is the number of petitions (phản ánh, kiến nghị) generated for the year.
	Petitions = 200
)

// Independent random streams of one seed: the structure (units, procedures, offerings), the dossier stream and
// the petitions each use their own PCG stream, so that changing the number of dossiers does not change the
// procedures.
const (
	streamStructure uint64 = 0x5354_5255_4354 // "STRUCT"
	streamDossiers  uint64 = 0x444f_5353_4945 // "DOSSIE"
	streamPetitions uint64 = 0x5045_5449_5449 // "PETITI"
)

// ErrOptions is matched (errors.Is) by every *OptionsError.
var ErrOptions = errors.New("sample: invalid options")

// OptionsError reports an unusable Options field: which field, its value and why. It matches ErrOptions with
// errors.Is and unwraps to the calendar's error when the calendar could not be built or is too short.
type OptionsError struct {
	Field  string // "Options.Year", "Options.Dossiers" or "Options.Calendar"
	Value  string // the offending value as text
	Reason string // human-readable reason
	Err    error  // optional underlying error (from package calendar)
}

// Error formats the field, value and reason.
func (e *OptionsError) Error() string {
	s := "sample: " + e.Field + " = " + e.Value + ": " + e.Reason
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Is reports whether target is ErrOptions.
func (e *OptionsError) Is(target error) bool { return target == ErrOptions }

// Unwrap returns the underlying error, if any.
func (e *OptionsError) Unwrap() error { return e.Err }

// Options configures Generate. Everything generated is a pure function of Options: the same options give the
// same province and the same dossier stream, on every platform.
type Options struct {
	// Seed of the PCG generators (math/rand/v2). Any value, 0 included, is valid.
	Seed uint64
	// Year whose dossiers are generated (reception dates from 1 January to 31 December). Required; the
	// calendar must cover Year−1 through Year+1.
	Year int
	// Dossiers is the number of dossiers in the stream; 0 means DefaultDossiers. At most MaxDossiers.
	Dossiers int
	// Calendar dates receptions, due dates and end times. nil builds the default calendar (statutory rules and
	// the announced 2020–2026 schedules) for Year−1 through Year+1.
	Calendar *calendar.Calendar
}

// CertifiedCopy says whether a commune offers electronic certified copies from originals (chứng thực bản sao
// điện tử từ bản chính), the input of metric 4.4.
type CertifiedCopy struct {
	UnitID     string // the commune's unit ID
	Electronic bool   // it offers electronic certified copies
}

// Province is a generated sample province: its two-tier unit hierarchy, procedures, online-service offerings,
// petitions, dossier ratings and certified-copy services, plus a lazily generated dossier stream (Dossiers).
// All data are as of AsOf, the end of the year: nothing happens after it, and dossiers or petitions not
// finished by then are open.
//
// The exported slices are the caller's to read or modify; the dossier stream does not read them, so modifying
// them does not change the dossiers. A Province is safe for concurrent use by several Dossiers iterations.
type Province struct {
	// Year of the data (Options.Year).
	Year int
	// AsOf is the instant the data describe: 00:00 of 1 January of the next year in the calendar's zone.
	AsOf time.Time
	// Calendar used for all dates.
	Calendar *calendar.Calendar
	// Units: the province root (RootID) first, then its departments and communes, with parent links.
	Units []model.Unit
	// Procedures handled in the province, with durations, fees and group 1 publication data.
	Procedures []model.Procedure
	// Offerings: one online-service offering per (unit, procedure) the unit handles.
	Offerings []model.Offering
	// Petitions received during the year, sorted by reception time.
	Petitions []model.Petition
	// Ratings of dossiers of the stream, in stream order.
	Ratings []model.Rating
	// CertifiedCopies: one entry per commune.
	CertifiedCopies []CertifiedCopy

	seed    uint64
	n       int
	loc     *time.Location
	units   []unitPlan
	unitCum []float64
	procs   []procPlan
	days    []dayPlan
	special specialDays
}

type unitPlan struct {
	id, name string
	commune  bool
	procs    []int     // indices into Province.procs
	online   []float64 // probability that a dossier of procs[i] is submitted online
	cum      []float64 // cumulative popularity of procs
}

type procPlan struct {
	code, name, fieldCode, fieldName string
	resultCode, resultName           string
	feeCode                          string
	dur                              calendar.Duration
	noDue                            bool
	fee                              int64 // -1 no fee line
	feeData                          bool  // dossiers carry the fee lines (3.5)
	onlinePay                        bool  // integrated with online payment (3.4)
	paper                            bool
	who                              int
	popDB                            bool
}

type dayPlan struct {
	date   calendar.Date
	n      int
	infix  string // "-yyMMdd-"
	factor float64
}

// specialDays marks, per day of [base, base+len), days near which dossiers are more often late: Tết days and
// the announced swaps (compensatory days, swapped weekdays off, make-up Saturdays).
type specialDays struct {
	base      calendar.Date
	tet, swap []int32 // prefix counts: tet[i] = Tết days in [base, base+i)
}

func (s *specialDays) window(from, to calendar.Date) (tet, swap bool) {
	i, j := from.Sub(s.base), to.Sub(s.base)+1
	n := len(s.tet) - 1
	i, j = min(max(i, 0), n), min(max(j, 0), n)
	if j <= i {
		return false, false
	}
	return s.tet[j] > s.tet[i], s.swap[j] > s.swap[i]
}

// Generate builds the sample province described by opts: units, procedures, offerings, certified-copy
// services, petitions and ratings, and the plan of the dossier stream. It generates the dossier stream once to
// collect the ratings (and the dossiers petitions refer to), so its cost is about that of one Dossiers pass
// (≈ 0.15 s for 50 000 dossiers on a 2-core machine, BenchmarkGenerate) plus building the default calendar when opts.Calendar is nil. Memory is
// O(units + procedures + days + ratings), independent of the number of dossiers otherwise.
//
// Errors: *OptionsError (errors.Is ErrOptions) naming the field for a Year outside the calendar's range, a
// negative or too large Dossiers, or a calendar that does not cover Year−1 through Year+1.
func Generate(opts Options) (*Province, error) {
	if opts.Year < calendar.MinYear+1 || opts.Year > calendar.MaxYear-1 {
		return nil, &OptionsError{Field: "Options.Year", Value: strconv.Itoa(opts.Year),
			Reason: fmt.Sprintf("must be within %d–%d", calendar.MinYear+1, calendar.MaxYear-1)}
	}
	n := opts.Dossiers
	switch {
	case n == 0:
		n = DefaultDossiers
	case n < 0 || n > MaxDossiers:
		return nil, &OptionsError{Field: "Options.Dossiers", Value: strconv.Itoa(n),
			Reason: fmt.Sprintf("must be within 0–%d", MaxDossiers)}
	}
	cal := opts.Calendar
	if cal == nil {
		c, err := calendar.New(calendar.Options{FromYear: opts.Year - 1, ToYear: opts.Year + 1})
		if err != nil {
			return nil, &OptionsError{Field: "Options.Calendar", Value: "nil", Reason: "cannot build the default calendar", Err: err}
		}
		cal = c
	}
	if !cal.Contains(calendar.NewDate(opts.Year-1, 1, 1)) || !cal.Contains(calendar.NewDate(opts.Year+1, 12, 31)) {
		first, last := cal.Range()
		return nil, &OptionsError{Field: "Options.Calendar", Value: first.String() + ".." + last.String(),
			Reason: fmt.Sprintf("must cover %d–%d", opts.Year-1, opts.Year+1), Err: calendar.ErrOutOfRange}
	}
	loc := cal.Location()
	p := &Province{
		Year:     opts.Year,
		AsOf:     calendar.NewDate(opts.Year+1, 1, 1).In(loc),
		Calendar: cal,
		seed:     opts.Seed,
		n:        n,
		loc:      loc,
	}
	r := rand.New(rand.NewPCG(opts.Seed, streamStructure))
	p.buildUnits(r)
	p.buildProcedures(r)
	p.buildOfferings(r)
	p.buildDays()
	p.buildSpecial()

	// One pass over the stream: ratings, and a sample of dossiers for petitions to refer to.
	every := max(1, n/400)
	var refs []dossierRef
	i := 0
	p.generate(func(d *model.Dossier, rt *model.Rating) bool {
		if rt != nil {
			p.Ratings = append(p.Ratings, *rt)
		}
		if i%every == 0 && d.ReceivedAt.IsSet() {
			refs = append(refs, dossierRef{code: d.Code, unit: d.UnitID})
		}
		i++
		return true
	})
	p.buildPetitions(rand.New(rand.NewPCG(opts.Seed, streamPetitions)), refs)
	return p, nil
}

// Len returns the number of dossiers in the stream. Cost: O(1).
func (p *Province) Len() int { return p.n }

func (p *Province) buildUnits(r *rand.Rand) {
	from := model.Some(calendar.NewDate(2025, 7, 1).In(p.loc))
	p.Units = append(p.Units, model.Unit{
		ID: RootID, Code: "000.00.00." + RootID, Name: "UBND tỉnh Mẫu", Kind: model.NewUnitKind(model.UnitProvince),
		ValidFrom: from, DepartmentType: "PROVINCE", DepartmentLevel: "PROVINCE", AgencyLevel: "level_1",
	})
	total := 0.0
	for i, s := range unitSpecs {
		u := model.Unit{ID: s.id, Name: s.name, Parent: RootID, ValidFrom: from, DepartmentLevel: "PROVINCE", AgencyLevel: "level_2"}
		if s.commune {
			u.Code = fmt.Sprintf("000.%02d.00.%s", 10+i, RootID)
			u.Kind = model.NewUnitKind(model.UnitCommune)
			u.DepartmentType, u.DepartmentLevel = "COMMUNE_PEOPLE_COMMITTEE", "COMMUNE"
			p.CertifiedCopies = append(p.CertifiedCopies, CertifiedCopy{UnitID: s.id, Electronic: r.Float64() < 0.8})
		} else {
			u.Code = fmt.Sprintf("000.00.%02d.%s", i+1, RootID)
			u.Kind = model.NewUnitKind(model.UnitDepartment)
			u.DepartmentType = "PROVINCIAL_DEPARTMENT"
		}
		p.Units = append(p.Units, u)
		p.units = append(p.units, unitPlan{id: s.id, name: s.name, commune: s.commune})
		total += s.weight
		p.unitCum = append(p.unitCum, total)
	}
}

func durationOf(s procSpec) (calendar.Duration, model.DurationUnit, bool) {
	switch s.unit {
	case uHours:
		return calendar.Duration{Amount: s.amount, Unit: calendar.WorkingHours}, model.NewDurationUnit(model.DurationHours), false
	case uCalendarDays:
		return calendar.Duration{Amount: s.amount, Unit: calendar.CalendarDays}, model.NewDurationUnit(model.DurationDays), false
	case uNoDue:
		return calendar.Duration{Amount: s.amount, Unit: calendar.WorkingDays}, model.NewDurationUnit(model.DurationWorkingDays), true
	default:
		return calendar.Duration{Amount: s.amount, Unit: calendar.WorkingDays}, model.NewDurationUnit(model.DurationWorkingDays), false
	}
}

func (p *Province) buildProcedures(r *rand.Rand) {
	fieldCodes := map[string]string{}
	direct, online := model.NewChannel(model.ChannelDirect), model.NewChannel(model.ChannelOnline)
	for i, s := range procSpecs {
		code := fmt.Sprintf("%d.%06d", 1+i%2, 1204+i*53)
		fc, ok := fieldCodes[s.field]
		if !ok {
			fc = fmt.Sprintf("LV%03d", len(fieldCodes)+1)
			fieldCodes[s.field] = fc
		}
		dur, unit, noDue := durationOf(s)
		citizen := s.who == whoCitizen || s.who == whoBoth
		pp := procPlan{
			code: code, name: s.name, fieldCode: fc, fieldName: s.field,
			resultCode: "KQ." + code, resultName: "Kết quả: " + s.name, feeCode: "LP." + code,
			dur: dur, noDue: noDue, fee: s.fee, paper: s.paper, who: s.who,
			feeData:   s.fee > 0 && r.Float64() < 0.85,
			onlinePay: s.fee > 0 && r.Float64() < 0.8,
			popDB:     citizen && r.Float64() < 0.75,
		}
		p.procs = append(p.procs, pp)

		amount := decimal.NewFromInt(int64(s.amount))
		mp := model.Procedure{
			ID: fmt.Sprintf("tthc-%03d", i+1), Code: code, Name: s.name, Type: "1", State: "1",
			Fields:      []model.Ref{{Code: fc, Name: s.field}},
			Durations:   []model.ProcedureDuration{{Channel: direct, Amount: amount, Unit: unit, NoDueDate: noDue}, {Channel: online, Amount: amount, Unit: unit, NoDueDate: noDue}},
			Results:     []model.Ref{{Code: pp.resultCode, Name: pp.resultName}},
			PaperResult: s.paper, FullOnlineEligible: r.Float64() < 0.7, PopulationDBConnected: pp.popDB,
			PublicationDecisionID: fmt.Sprintf("%d/QĐ-UBND", 100+i*7), PublisherCode: RootID,
		}
		if s.owner < 0 {
			mp.Levels = []model.ProcedureLevel{{Level: "3", Agency: "Ủy ban nhân dân cấp xã"}}
			mp.Agencies = []model.Ref{{Name: "Ủy ban nhân dân cấp xã"}}
		} else {
			mp.Levels = []model.ProcedureLevel{{Level: "1", Agency: unitSpecs[s.owner].name}}
			mp.Agencies = []model.Ref{{Code: unitSpecs[s.owner].id, Name: unitSpecs[s.owner].name}}
		}
		if s.fee >= 0 {
			for _, ch := range []model.Channel{direct, online} {
				mp.Fees = append(mp.Fees, model.ProcedureFee{Channel: ch, Code: pp.feeCode, Amount: s.fee, Known: true, Currency: "VNĐ", Description: "Lệ phí"})
			}
		}
		switch s.who {
		case whoCitizen:
			mp.Applicants = []string{model.ApplicantVietnameseCitizen, model.ApplicantOverseasVietnamese}
		case whoEnterprise:
			mp.Applicants = []string{"Doanh nghiệp"}
		case whoBoth:
			mp.Applicants = []string{model.ApplicantVietnameseCitizen, "Tổ chức"}
		default:
			mp.Applicants = []string{"Cơ quan nhà nước"}
		}
		p.buildPublication(r, &mp, i)
		p.Procedures = append(p.Procedures, mp)
	}
}

// buildPublication adds one announcement decision (QĐCB) in the year — two for some procedures — with the
// legal basis, effective date and publish click: about 10 % announced late (less than 5 working days before the
// legal basis takes effect), about 12 % published late (more than 5 working days after the decision), a few with
// a missing component.
func (p *Province) buildPublication(r *rand.Rand, mp *model.Procedure, i int) {
	cal := p.Calendar
	decisions := 1
	if r.Float64() < 0.15 {
		decisions = 2
	}
	for k := range decisions {
		dec, _ := cal.AddWorkingDays(calendar.NewDate(p.Year, 1, 1), 1+r.IntN(240))
		lead := 5 + r.IntN(25)
		if r.Float64() < 0.1 {
			lead = r.IntN(5)
		}
		eff, _ := cal.AddWorkingDays(dec, lead)
		pubDays := 1 + r.IntN(5)
		if r.Float64() < 0.12 {
			pubDays = 6 + r.IntN(8)
		}
		pub, _ := cal.AddWorkingDays(dec, pubDays)
		pubAt := model.Some(pub.In(p.loc).Add(9*time.Hour + time.Duration(r.IntN(420))*time.Minute))
		if !pubAt.T.Before(p.AsOf) {
			pubAt = model.None()
		}
		kind := model.PublicationNew
		if x := r.Float64(); x < 0.4 {
			kind = model.PublicationAmended
		} else if x < 0.5 {
			kind = model.PublicationAbolished
		}
		pb := model.Publication{
			DecisionID: fmt.Sprintf("%d/QĐ-UBND", 1000+i*11+k), DecisionDate: model.Some(dec.In(p.loc)),
			Kind: model.NewPublicationKind(kind), Issuer: model.NewUnitKind(model.UnitProvince), IssuerCode: RootID,
			LegalEffectiveDate: model.Some(eff.In(p.loc)), PublishedAt: pubAt,
			Components: [7]bool{true, true, true, true, true, true, true},
		}
		if r.Float64() < 0.08 {
			pb.Components[r.IntN(7)] = false
		}
		mp.Publication = append(mp.Publication, pb)
		mp.LegalBasis = append(mp.LegalBasis, model.LegalDoc{
			Number: fmt.Sprintf("%d/%d/NĐ-CP", 10+i+k, p.Year), Name: "Nghị định quy định chi tiết",
			IssuedAt: model.Some(dec.AddDays(-30).In(p.loc)), EffectiveAt: pb.LegalEffectiveDate,
		})
	}
}

func (p *Province) buildOfferings(r *rand.Rand) {
	for ui := range p.units {
		u := &p.units[ui]
		total := 0.0
		for pi, s := range procSpecs {
			if (s.owner < 0) != u.commune || (s.owner >= 0 && unitSpecs[s.owner].id != u.id) {
				continue
			}
			level, prob := model.OnlineNone, 0.0
			switch x := r.Float64(); {
			case x < 0.45 && p.Procedures[pi].FullOnlineEligible:
				level, prob = model.OnlineFull, 0.9
			case x < 0.88:
				level, prob = model.OnlinePartial, 0.74
			case x < 0.95:
				level = model.OnlineInfoOnly
			}
			state := model.StatePublished
			switch x := r.Float64(); {
			case level == model.OnlineNone || level == model.OnlineInfoOnly:
				state = model.StateDraft
			case x < 0.03:
				state = model.StatePendingUnpublish
			case x < 0.06:
				state = model.StateTesting
			case x < 0.08:
				state, prob = model.StateUnpublished, 0
			}
			p.Offerings = append(p.Offerings, model.Offering{
				UnitID: u.id, ProcedureCode: p.procs[pi].code,
				Level: model.NewOnlineLevel(level), State: model.NewPublishedState(state),
			})
			total += s.weight
			u.procs = append(u.procs, pi)
			u.online = append(u.online, prob)
			u.cum = append(u.cum, total)
		}
	}
}

// buildDays spreads the dossiers over the working days of the year by largest remainder: more before Tết (the
// year-end rush), a backlog right after it, fewer in the summer holidays.
func (p *Province) buildDays() {
	cal := p.Calendar
	first, last := calendar.NewDate(p.Year, 1, 1), calendar.NewDate(p.Year, 12, 31)
	// Tết of the year: the first day named as such.
	var tet calendar.Date
	for d := first; !d.After(calendar.NewDate(p.Year, 3, 1)); d = d.AddDays(1) {
		if isTet(cal.Day(d)) {
			tet = d
			break
		}
	}
	total := 0.0
	for d := first; !d.After(last); d = d.AddDays(1) {
		if !cal.IsWorkingDay(d) {
			continue
		}
		f := 1.0
		switch m := d.Month(); {
		case !tet.IsZero() && d.Before(tet) && tet.Sub(d) <= 21:
			f = 1.45
		case !tet.IsZero() && d.After(tet) && d.Sub(tet) <= 14:
			f = 1.25
		case m == time.July || m == time.August:
			f = 0.9
		case m == time.December:
			f = 1.1
		}
		if d.Weekday() == time.Saturday { // make-up Saturdays are quieter
			f *= 0.6
		}
		total += f
		y, mo, dd := d.Date()
		p.days = append(p.days, dayPlan{date: d, factor: f, infix: fmt.Sprintf("-%02d%02d%02d-", y%100, int(mo), dd)})
	}
	// Largest remainder.
	type rem struct {
		i    int
		frac float64
	}
	rems := make([]rem, len(p.days))
	assigned := 0
	for i := range p.days {
		exact := float64(p.n) * p.days[i].factor / total
		p.days[i].n = int(exact)
		assigned += p.days[i].n
		rems[i] = rem{i, exact - float64(p.days[i].n)}
	}
	slices.SortStableFunc(rems, func(a, b rem) int {
		switch {
		case a.frac > b.frac:
			return -1
		case a.frac < b.frac:
			return 1
		}
		return a.i - b.i
	})
	for k := 0; assigned < p.n; k++ {
		p.days[rems[k%len(rems)].i].n++
		assigned++
	}
}

func isTet(di calendar.DayInfo) bool {
	return di.Kind == calendar.Holiday && di.Name == "Tết Nguyên đán"
}

func (p *Province) buildSpecial() {
	cal := p.Calendar
	base, end := calendar.NewDate(p.Year-1, 12, 1), calendar.NewDate(p.Year+1, 12, 31)
	n := end.Sub(base) + 1
	s := specialDays{base: base, tet: make([]int32, n+1), swap: make([]int32, n+1)}
	for i := range n {
		di := cal.Day(base.AddDays(i))
		s.tet[i+1], s.swap[i+1] = s.tet[i], s.swap[i]
		if isTet(di) {
			s.tet[i+1]++
		}
		switch di.Kind {
		case calendar.Compensatory, calendar.SwapOff, calendar.MakeUpWork:
			s.swap[i+1]++
		}
	}
	p.special = s
}

func pick(cum []float64, r *rand.Rand) int {
	x := r.Float64() * cum[len(cum)-1]
	i, _ := slices.BinarySearch(cum, x)
	return min(i, len(cum)-1)
}
