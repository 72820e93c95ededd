package satisfaction

import (
	"fmt"
	"strings"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// RatingRule says which dossier ratings count as "a dislike" for 5.3.
type RatingRule uint8

const (
	// DislikeOnly: only the portal's dislike flag (Rating.Dislike) counts — the spec's wording
	// (INDICATORS.md §3 5.3, DATA-MODEL §3). The default.
	DislikeOnly RatingRule = iota
	// DislikeOrUnsatisfiedLevel: the dislike flag or a level "không hài lòng" / "rất không hài lòng"
	// (model.Rating.Unsatisfied) [Policy: for provinces whose rating forms have levels instead of a flag].
	DislikeOrUnsatisfiedLevel
)

// String returns "dislike-only" or "dislike-or-unsatisfied-level".
func (r RatingRule) String() string {
	switch r {
	case DislikeOnly:
		return "dislike-only"
	case DislikeOrUnsatisfiedLevel:
		return "dislike-or-unsatisfied-level"
	}
	return fmt.Sprintf("RatingRule(%d)", uint8(r))
}

// TimelinessFunc reports, for one dossier, whether it is "received and processed in the period" (counted)
// and whether it was resolved late — 2.1's judgement. The scorecard wires it to package
// indicator/timeliness, built for the same period, AsOf, calendar and policies, e.g.
//
//	tc, _ := timeliness.New(…)
//	opts.Timeliness = func(d *model.Dossier) (counted, late bool) {
//		v := tc.Classify(d)
//		return v.Counted, v.Counted && !v.InNumerator // late, or open past its due date
//	}
//
// This package does not import indicator/timeliness; tests may pass any function. It must not retain d
// (Run reuses one buffer for the whole stream), must be safe for concurrent use when Classify is called
// concurrently, and should not allocate if the 5.3 path is to stay allocation-free.
type TimelinessFunc func(d *model.Dossier) (counted, late bool)

// Options configures a Calculator. Nothing is global: every input comes from here. The slices are read by
// New and not retained.
type Options struct {
	// Keys, when not nil, is the shared index of unit ids and procedure codes of a pass (the scorecard
	// builds one for all calculators); ClassifyRef then takes Refs made by it. Nil: the calculator builds
	// its own from its inputs. It never changes a verdict, only the cost of finding the unit and procedure.
	Keys *indicator.Keys

	// Period is the evaluation period (required).
	Period model.Period
	// AsOf is the instant of evaluation (required). Petitions are judged at min(Period end, AsOf): events,
	// forwardings, ratings and complaints after it are ignored; open petitions are measured up to its date.
	AsOf time.Time
	// Calendar is the working-day calendar for petition deadlines (required).
	Calendar *calendar.Calendar
	// Policy holds the edition's record policies: pass Edition.Policy (indicator.Portal().Policy). Used:
	// PetitionDeadlines {Start 15, Reject 2, MoreInfo 5, Publish 2} working days.
	Policy indicator.RecordPolicy
	// Timeliness decides 5.3's population and lateness (required); see TimelinessFunc.
	Timeliness TimelinessFunc
	// Ratings are dossier ratings, matched to dossiers by code (Dossier.Code or an alias). Memory O(ratings).
	Ratings []model.Rating
	// Complaints are petitions about a dossier's reception or resolution: every petition with a
	// DossierCode counts as a complaint against that dossier for 5.3; those without are ignored. Pass the
	// same petitions as the petition stream (or a superset from earlier periods). Memory O(complaints).
	Complaints []model.Petition
	// RatingRule selects what counts as a dislike (default DislikeOnly).
	RatingRule RatingRule
}

// Calculator classifies petitions (5.0, 5.1, 5.2) and dossiers (5.3). It is immutable and safe for
// concurrent use.
type Calculator struct {
	start, periodEnd time.Time
	cut              time.Time // exclusive bound of what is seen: min(period end, AsOf + 1ns)
	cal              *calendar.Calendar
	loc              *time.Location
	judgeDate        calendar.Date // the date open petitions are measured to
	epoch            calendar.Date // 1970-01-01, the origin of Unix time (for dateOf)
	dl               indicator.PetitionDeadlines
	timeliness       TimelinessFunc
	marks            map[string]uint8 // dossier code → markDisliked | markComplaint
	filter           []uint64         // blocked Bloom filter of marks' keys (see mark); nil when marks is empty
	shift            uint             // filter word index = codeHash >> shift
	keys             *indicator.Keys  // Options.Keys, or one built from the complaints' units
	numUnits         uint32           // keys.NumUnits()
	units            strTable         // keys' unit ids → indexes, for Classify
	markTab          strTable         // marks' non-empty codes → marks, probed after the filter
}

const (
	markDisliked uint8 = 1 << iota
	markComplaint
)

// New validates opts and builds a Calculator. Cost: O(len(Ratings) + len(Complaints)) time and memory
// (the marked codes in a map, plus a bit filter of 16 bits per marked code).
// Errors: *OptionError (errors.Is ErrOptionMissing or ErrOptionInvalid) naming the field: a zero Period,
// AsOf, Calendar or Timeliness; a period ending before it starts; negative petition deadlines; an unknown
// RatingRule; a judging date outside the calendar's years.
func New(opts Options) (*Calculator, error) {
	switch {
	case opts.Period.Start.IsZero() || opts.Period.End.IsZero():
		return nil, &OptionError{Field: "Period", Err: ErrOptionMissing}
	case opts.Period.End.Before(opts.Period.Start):
		return nil, &OptionError{Field: "Period", Err: fmt.Errorf("%w: ends before it starts", ErrOptionInvalid)}
	case opts.AsOf.IsZero():
		return nil, &OptionError{Field: "AsOf", Err: ErrOptionMissing}
	case opts.Calendar == nil:
		return nil, &OptionError{Field: "Calendar", Err: ErrOptionMissing}
	case opts.Timeliness == nil:
		return nil, &OptionError{Field: "Timeliness", Err: ErrOptionMissing}
	case opts.RatingRule > DislikeOrUnsatisfiedLevel:
		return nil, &OptionError{Field: "RatingRule", Err: fmt.Errorf("%w: %v", ErrOptionInvalid, opts.RatingRule)}
	}
	dl := opts.Policy.PetitionDeadlines
	for _, f := range []struct {
		name string
		v    int
	}{{"Start", dl.Start}, {"Reject", dl.Reject}, {"MoreInfo", dl.MoreInfo}, {"Publish", dl.Publish}} {
		if f.v < 0 {
			return nil, &OptionError{Field: "Policy.PetitionDeadlines." + f.name, Err: fmt.Errorf("%w: negative (%d)", ErrOptionInvalid, f.v)}
		}
	}
	c := &Calculator{
		start:      opts.Period.StartTime(),
		periodEnd:  opts.Period.EndTime(),
		cal:        opts.Calendar,
		loc:        opts.Calendar.Location(),
		dl:         dl,
		timeliness: opts.Timeliness,
		marks:      map[string]uint8{},
		epoch:      calendar.NewDate(1970, time.January, 1),
	}
	c.cut = c.periodEnd
	if a := opts.AsOf.Add(time.Nanosecond); a.Before(c.cut) {
		c.cut = a
	}
	c.judgeDate = calendar.DateOf(c.cut.Add(-time.Nanosecond), c.loc)
	if !c.cal.Contains(c.judgeDate) {
		return nil, &OptionError{Field: "AsOf", Err: fmt.Errorf("%w: judging date %s outside the calendar", ErrOptionInvalid, c.judgeDate)}
	}
	for _, r := range opts.Ratings {
		if r.DossierCode == "" || (r.At.Valid && !r.At.T.Before(c.cut)) {
			continue
		}
		if r.Dislike || (opts.RatingRule == DislikeOrUnsatisfiedLevel && r.Unsatisfied()) {
			c.marks[strings.TrimSpace(r.DossierCode)] |= markDisliked
		}
	}
	for _, p := range opts.Complaints {
		if p.DossierCode == "" || (p.ReceivedAt.Valid && !p.ReceivedAt.T.Before(c.cut)) {
			continue
		}
		c.marks[strings.TrimSpace(p.DossierCode)] |= markComplaint
	}
	c.buildFilter()
	c.keys = opts.Keys
	if c.keys == nil {
		units := make([]string, 0, len(opts.Complaints))
		for _, p := range opts.Complaints {
			units = append(units, p.UnitID)
		}
		c.keys = indicator.NewKeys(units, nil)
	}
	c.numUnits = uint32(c.keys.NumUnits())
	c.units = newUnitTable(c.keys)
	return c, nil
}

// WithTimeliness returns a calculator identical to c except for its Timeliness function, sharing c's
// immutable rating and complaint sets: O(1), one small allocation, instead of New's O(ratings +
// complaints). Use it to give each shard its own (e.g. memoising) TimelinessFunc. A nil f returns c.
func (c *Calculator) WithTimeliness(f TimelinessFunc) *Calculator {
	if f == nil {
		return c
	}
	d := *c
	d.timeliness = f
	return &d
}

// ---- 5.3: dossiers ----

// DossierVerdict is the 5.3 judgement of one dossier: its unit and code, the ledger reason (also the
// metric verdict's reason), the 5.3 verdict and the facts that decided it.
type DossierVerdict struct {
	Unit, Code string
	Reason     indicator.Reason
	Counted    bool
	Metric     indicator.Verdict // 5.3
	Late       bool              // resolved late (from Options.Timeliness)
	Disliked   bool              // a dislike rating (Options.Ratings under RatingRule)
	Complaint  bool              // a petition names the dossier (Options.Complaints)

	// Set by ClassifyRef for Accumulator.Add's fast path: the Keys of the calculator, the unit's index in
	// it (-1: unknown) and the reason's index (0 for verdicts built by hand, which Add handles by string).
	keys *indicator.Keys
	slot int32
	rsn  uint8
}

// AppendVerdicts appends the 5.3 verdict to dst. No allocation when dst has room.
func (v DossierVerdict) AppendVerdicts(dst []indicator.Verdict) []indicator.Verdict {
	return append(dst, v.Metric)
}

// Classify judges one dossier for 5.3: in the denominator when Options.Timeliness says it was received and
// processed in the period; in the numerator unless it has a dislike, a complaint or was resolved late.
// Pure and safe for concurrent use (if Timeliness is); no allocation beyond Timeliness's own. Data problems
// are reasons, never errors or panics (ReasonDossierNilRecord, ReasonDossierNoUnit,
// ReasonDossierNotProcessed). Cost: ClassifyRef's plus, for a counted dossier, one map lookup of the unit
// id in the calculator's Keys; the scorecard resolves the unit once per dossier for all calculators and
// calls ClassifyRef instead.
func (c *Calculator) Classify(d *model.Dossier) (v DossierVerdict) {
	c.classify(d, indicator.NoRef, &v)
	return v
}

// ---- 5.0–5.2: petitions ----

// PetitionStatus is a petition's handling status as judged at min(period end, AsOf).
type PetitionStatus uint8

const (
	// StatusExcluded: the petition is not counted (see the ledger reason).
	StatusExcluded PetitionStatus = iota
	// HandledOnTime: rejected, or moved to awaiting publication / published, with every deadline met.
	HandledOnTime
	// HandledLate: handled, but a deadline was missed.
	HandledLate
	// OpenWithinDeadline: not handled yet, no deadline passed.
	OpenWithinDeadline
	// OpenOverdue: not handled yet and a deadline has passed.
	OpenOverdue
)

// String returns "excluded", "handled-on-time", "handled-late", "open-within-deadline" or "open-overdue".
func (s PetitionStatus) String() string {
	switch s {
	case StatusExcluded:
		return "excluded"
	case HandledOnTime:
		return "handled-on-time"
	case HandledLate:
		return "handled-late"
	case OpenWithinDeadline:
		return "open-within-deadline"
	case OpenOverdue:
		return "open-overdue"
	}
	return fmt.Sprintf("PetitionStatus(%d)", uint8(s))
}

// Missed is the set of petition deadlines missed.
type Missed uint8

// The petition deadlines (RecordPolicy.PetitionDeadlines).
const (
	MissedStart    Missed = 1 << iota // start processing (awaiting publication / published) later than Start working days, or still open past it
	MissedReject                      // rejected later than Reject working days
	MissedMoreInfo                    // more information requested later than MoreInfo working days
	MissedPublish                     // published later than Publish working days after awaiting publication (or still unpublished past it)
)

// String lists the missed deadlines, e.g. "{start, publish}". Allocates.
func (m Missed) String() string {
	names := [...]string{"start", "reject", "more-info", "publish"}
	var b strings.Builder
	b.WriteByte('{')
	for i, n := range names {
		if m&(1<<i) != 0 {
			if b.Len() > 1 {
				b.WriteString(", ")
			}
			b.WriteString(n)
		}
	}
	b.WriteByte('}')
	return b.String()
}

// NumPetitionMetrics is the number of metrics a petition touches (5.0, 5.1, 5.2).
const NumPetitionMetrics = 3

var petitionMetrics = [NumPetitionMetrics]indicator.ID{indicator.M50, indicator.M51, indicator.M52}

// PetitionVerdict is the judgement of one petition: its unit and id, the ledger reason, one verdict per
// metric (5.0, 5.1, 5.2 in that order) and the values that decided them.
type PetitionVerdict struct {
	Unit, ID string
	Reason   indicator.Reason
	Counted  bool
	Metrics  [NumPetitionMetrics]indicator.Verdict
	Category model.PetitionCategoryCode
	// Received is the first-reception time (decides the period); Start is when the deadlines run from
	// (the latest forwarding when Forwarded, else Received).
	Received, Start time.Time
	Forwarded       bool
	Status          PetitionStatus
	Missed          Missed
	// WorkingDays is the number of working days from Start's date to the handling event's date (handled)
	// or to the judging date (open): the first day is not counted.
	WorkingDays int
	Unsatisfied bool // more dislikes than likes
	Repeated    bool // followed by another petition about the result
}

// AppendVerdicts appends the three metric verdicts to dst. No allocation when dst has room.
func (v PetitionVerdict) AppendVerdicts(dst []indicator.Verdict) []indicator.Verdict {
	return append(dst, v.Metrics[:]...)
}

func (v *PetitionVerdict) exclude(r indicator.Reason) PetitionVerdict {
	v.Reason, v.Counted, v.Status = r, false, StatusExcluded
	for i, m := range petitionMetrics {
		v.Metrics[i] = indicator.Verdict{Metric: m, Reason: r}
	}
	return *v
}

// dateOf is calendar.DateOf(t, c.loc) without the civil-date split: the zone offset in force at t added to
// the Unix seconds, floored to days from the Unix epoch. Equal to DateOf for every instant and zone
// (TestDateOfMatchesCalendar).
func (c *Calculator) dateOf(t time.Time) calendar.Date {
	_, off := t.In(c.loc).Zone()
	s := t.Unix() + int64(off)
	d := s / 86400
	if s%86400 < 0 {
		d--
	}
	return c.epoch.AddDays(int(d))
}

// seen reports whether t happened before the judging bound.
func (c *Calculator) seen(t model.Time) bool { return t.Valid && t.T.Before(c.cut) }

// ClassifyPetition judges one petition for 5.0, 5.1 and 5.2 at min(period end, AsOf). A petition is counted
// when first received (ReceivedAt) in the period and not after AsOf; deadlines run in working days from the
// latest forwarding (ForwardedAt, when present, seen and later) or else from the first reception. Events
// are taken by kind, the earliest of each; events after the judging bound are ignored. Pure, safe for
// concurrent use, no allocation. Data problems are reasons, never errors. Cost: O(len(Events)) plus O(1)
// calendar queries.
func (c *Calculator) ClassifyPetition(p *model.Petition) PetitionVerdict {
	v := PetitionVerdict{Unit: p.UnitID, ID: p.ID, Category: p.Category.Code(), Repeated: p.Repeated,
		Unsatisfied: p.Dislikes > p.Likes}
	switch {
	case p.UnitID == "":
		return v.exclude(ReasonPetitionNoUnit)
	case !p.ReceivedAt.Valid:
		return v.exclude(ReasonPetitionNoDate)
	}
	v.Received = p.ReceivedAt.T
	if v.Received.Before(c.start) || !v.Received.Before(c.periodEnd) {
		return v.exclude(ReasonPetitionNotInPeriod)
	}
	if !v.Received.Before(c.cut) {
		return v.exclude(ReasonPetitionAfterAsOf)
	}
	v.Start = v.Received
	if c.seen(p.ForwardedAt) && p.ForwardedAt.T.After(v.Received) {
		v.Start, v.Forwarded = p.ForwardedAt.T, true
	}

	var reject, info, answer, awaiting, published time.Time
	earliest := func(cur *time.Time, t time.Time) {
		if cur.IsZero() || t.Before(*cur) {
			*cur = t
		}
	}
	for i := range p.Events {
		e := &p.Events[i]
		if !c.seen(e.At) {
			continue
		}
		switch e.Kind.Code() {
		case model.PetitionEventRejected:
			earliest(&reject, e.At.T)
		case model.PetitionEventInfoRequested:
			earliest(&info, e.At.T)
		case model.PetitionEventAwaitingPublication:
			earliest(&answer, e.At.T)
			earliest(&awaiting, e.At.T)
		case model.PetitionEventPublished:
			earliest(&answer, e.At.T)
			earliest(&published, e.At.T)
		}
	}
	start := c.dateOf(v.Start)
	wd := func(from time.Time, to calendar.Date) (int, bool) {
		n, err := c.cal.WorkingDaysBetween(c.dateOf(from), to)
		return n, err == nil
	}
	ok := true
	check := func(t time.Time, limit int, m Missed) {
		if t.IsZero() || !ok {
			return
		}
		n, err := c.cal.WorkingDaysBetween(start, c.dateOf(t))
		if err != nil {
			ok = false
			return
		}
		if n > limit {
			v.Missed |= m
		}
	}
	check(reject, c.dl.Reject, MissedReject)
	check(info, c.dl.MoreInfo, MissedMoreInfo)
	check(answer, c.dl.Start, MissedStart)
	if !awaiting.IsZero() && reject.IsZero() && ok {
		to := c.judgeDate
		if !published.IsZero() { // published (even if recorded before the awaiting step): measured to it
			to = c.dateOf(published)
		}
		if n, good := wd(awaiting, to); !good {
			ok = false
		} else if n > c.dl.Publish {
			v.Missed |= MissedPublish
		}
	}
	closing := reject
	if closing.IsZero() || (!answer.IsZero() && answer.Before(closing)) {
		closing = answer
	}
	if ok {
		to := c.judgeDate
		if !closing.IsZero() {
			to = c.dateOf(closing)
		}
		n, err := c.cal.WorkingDaysBetween(start, to)
		if err != nil {
			ok = false
		}
		v.WorkingDays = n
		if closing.IsZero() && n > c.dl.Start {
			v.Missed |= MissedStart
		}
	}
	if !ok {
		return v.exclude(ReasonPetitionOutsideCalendar)
	}
	switch {
	case !closing.IsZero() && v.Missed == 0:
		v.Status, v.Reason = HandledOnTime, ReasonPetitionOnTime
	case !closing.IsZero():
		v.Status, v.Reason = HandledLate, ReasonPetitionLate
	case v.Missed == 0:
		v.Status, v.Reason = OpenWithinDeadline, ReasonPetitionOpenWithin
	default:
		v.Status, v.Reason = OpenOverdue, ReasonPetitionOpenOverdue
	}
	v.Counted = true
	timely := v.Status == HandledOnTime || v.Status == OpenWithinDeadline

	m50 := indicator.Verdict{Metric: indicator.M50, InDenominator: true}
	switch v.Category {
	case model.PetitionProcedure:
		m50.InNumerator, m50.Reason = true, ReasonCategoryProcedure
	case model.PetitionStaff:
		m50.Reason = ReasonCategoryStaff
	default:
		m50.Reason = ReasonCategoryUnclassified
	}
	v.Metrics[0] = m50
	v.Metrics[1] = indicator.Verdict{Metric: indicator.M51, InDenominator: true, InNumerator: timely, Reason: v.Reason}
	m52 := indicator.Verdict{Metric: indicator.M52, InDenominator: true}
	switch {
	case v.Unsatisfied:
		m52.Reason = ReasonPetitionUnsatisfied
	case v.Repeated:
		m52.Reason = ReasonPetitionRepeated
	case !timely:
		m52.Reason = ReasonPetitionHandledLate
	default:
		m52.InNumerator, m52.Reason = true, ReasonPetitionSatisfied
	}
	v.Metrics[2] = m52
	return v
}
