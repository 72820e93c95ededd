package satisfaction

import (
	"slices"
	"strings"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

const pkg = "satisfaction"

// Options configures a Calculator.
type Options struct {
	Keys     *indicator.Keys              // optional: the pass's shared index; it never changes a verdict
	Period   model.Period                 // required: the evaluation period
	AsOf     time.Time                    // required: records are judged at min(period end, AsOf)
	Calendar *calendar.Calendar           // required: the working days of the petition deadlines
	Policy   indicator.SatisfactionPolicy // the petition deadlines and which ratings count as a dislike
	Ratings  []model.Rating               // matched to dossiers by code (Dossier.Code or an alias)
	// Petitions are judged for 5.0–5.2 by Report (and Result); each one naming a dossier (DossierCode) is
	// also a 5.3 complaint against it. Kept (the slice, not a deep copy): do not modify them.
	Petitions []model.Petition
}

// Calculator judges dossiers (5.3) and petitions (5.0–5.2). It is immutable and safe for concurrent use.
type Calculator struct {
	start, periodEnd time.Time
	cut              time.Time // exclusive bound of what is seen: min(period end, AsOf + 1ns)
	cal              *calendar.Calendar
	judgeDate        calendar.Date // the date open petitions are measured to
	dl               indicator.PetitionDeadlines
	marks            map[string]uint8 // dossier code → markDisliked | markComplaint
	// sieve has bit sieveBit(code) set for every code of marks: a code whose bit is clear has no mark,
	// found without the map lookup (most dossiers have none).
	sieve     [sieveWords]uint64
	keys      *indicator.Keys // Options.Keys (may be nil)
	petitions []model.Petition
}

const (
	markDisliked uint8 = 1 << iota
	markComplaint
)

// sieveBits is the log2 of the number of bits of Calculator.sieve (512 bytes).
const (
	sieveBits  = 12
	sieveWords = 1 << sieveBits / 64
)

// sieveBit is a code's bit in Calculator.sieve: a multiplicative hash of its last eight bytes (where
// dossier codes differ: their sequence numbers) and its length.
func sieveBit(s string) uint {
	var w uint64
	if n := len(s); n >= 8 {
		t := s[n-8:]
		w = uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
			uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56 // one load
	} else {
		for i := range n {
			w = w<<8 | uint64(s[i])
		}
	}
	return uint(((w ^ uint64(len(s))) * 0x9e3779b97f4a7c15) >> (64 - sieveBits))
}

// marked returns the marks of code: 0 when its sieve bit is clear, else the map's.
func (c *Calculator) marked(code string) uint8 {
	if b := sieveBit(code); c.sieve[b/64]&(1<<(b%64)) == 0 {
		return 0
	}
	return c.marks[code]
}

// New validates opts and builds a Calculator. Errors (*indicator.OptionError): a zero Period, AsOf or
// Calendar; a period ending before it starts; a negative petition deadline; an unknown Policy.Ratings; a
// judging date outside the calendar's years.
func New(opts Options) (*Calculator, error) {
	switch {
	case opts.Period.Start.IsZero() || opts.Period.End.IsZero():
		return nil, indicator.Missing(pkg, "Period")
	case opts.Period.End.Before(opts.Period.Start):
		return nil, indicator.Invalid(pkg, "Period", "ends before it starts")
	case opts.AsOf.IsZero():
		return nil, indicator.Missing(pkg, "AsOf")
	case opts.Calendar == nil:
		return nil, indicator.Missing(pkg, "Calendar")
	case opts.Policy.Ratings > indicator.DislikeOrUnsatisfiedLevel:
		return nil, indicator.Invalid(pkg, "Policy.Ratings", "%v", opts.Policy.Ratings)
	}
	dl := opts.Policy.PetitionDeadlines
	for _, f := range []struct {
		name string
		v    int
	}{{"Start", dl.Start}, {"Reject", dl.Reject}, {"MoreInfo", dl.MoreInfo}, {"Publish", dl.Publish}} {
		if f.v < 0 {
			return nil, indicator.Invalid(pkg, "Policy.PetitionDeadlines."+f.name, "negative (%d)", f.v)
		}
	}
	c := &Calculator{
		start:     opts.Period.StartTime(),
		periodEnd: opts.Period.EndTime(),
		cal:       opts.Calendar,
		dl:        dl,
		marks:     map[string]uint8{},
		keys:      opts.Keys,
		petitions: slices.Clip(opts.Petitions),
	}
	c.cut = c.periodEnd
	if a := opts.AsOf.Add(time.Nanosecond); a.Before(c.cut) {
		c.cut = a
	}
	c.judgeDate = c.cal.DateOf(c.cut.Add(-time.Nanosecond))
	if !c.cal.Contains(c.judgeDate) {
		return nil, indicator.Invalid(pkg, "AsOf", "judging date %s outside the calendar", c.judgeDate)
	}
	mark := func(code string, at model.Time, m uint8) { // what is seen by the judging bound
		if code != "" && (!at.Valid || at.T.Before(c.cut)) {
			code = strings.TrimSpace(code)
			c.marks[code] |= m
			b := sieveBit(code)
			c.sieve[b/64] |= 1 << (b % 64)
		}
	}
	for _, r := range opts.Ratings {
		if r.Dislike || (opts.Policy.Ratings == indicator.DislikeOrUnsatisfiedLevel && r.Unsatisfied()) {
			mark(r.DossierCode, r.At, markDisliked)
		}
	}
	for _, p := range opts.Petitions {
		mark(p.DossierCode, p.ReceivedAt, markComplaint)
	}
	return c, nil
}

// DossierVerdict is the 5.3 judgement of one dossier: its unit and code, the ledger reason (also the
// metric verdict's), the verdict and the facts that decided it.
type DossierVerdict struct {
	Unit, Code string
	Reason     indicator.Reason
	Counted    bool
	Metric     indicator.Verdict // 5.3
	Late       bool              // resolved late (the Timing given)
	Disliked   bool              // a dislike rating (Options.Ratings under Policy.Ratings)
	Complaint  bool              // a petition names the dossier (Options.Petitions)
}

// Classify judges one dossier for 5.3 (the package doc's rule), given its 2.1 outcome t. Pure, safe for
// concurrent use, no allocation; a nil dossier or one without a unit is an excluded verdict.
func (c *Calculator) Classify(d *model.Dossier, t indicator.Timing) DossierVerdict {
	r, m := c.judge(d, t)
	v := DossierVerdict{Reason: dossierReasons[r], Counted: r < rsnNotProcessed, Metric: verdictOf(r),
		Late: r < rsnNotProcessed && t == indicator.Late, Disliked: m&markDisliked != 0, Complaint: m&markComplaint != 0}
	if d != nil {
		v.Unit, v.Code = d.UnitID, d.Code
	}
	return v
}

// The dossier reasons as small indexes, so that the accumulator counts them in an array; the counted
// ones first.
const (
	rsnSatisfied uint8 = iota
	rsnDisliked
	rsnComplaint
	rsnLate
	rsnNotProcessed
	rsnNoUnit
	rsnNilRecord
	numRsn
)

var dossierReasons = [numRsn]indicator.Reason{ReasonDossierSatisfied, ReasonDossierDisliked, ReasonDossierComplaint,
	ReasonDossierLate, ReasonDossierNotProcessed, ReasonDossierNoUnit, ReasonDossierNilRecord}

// verdictOf returns the 5.3 verdict of reason index r.
func verdictOf(r uint8) indicator.Verdict {
	return indicator.Verdict{Metric: indicator.M53, InDenominator: r < rsnNotProcessed, InNumerator: r == rsnSatisfied,
		Reason: dossierReasons[r]}
}

// judge returns the reason index of d's 5.3 verdict and the marks of its codes (zero when not looked up).
func (c *Calculator) judge(d *model.Dossier, t indicator.Timing) (r, m uint8) {
	switch {
	case d == nil:
		return rsnNilRecord, 0
	case d.UnitID == "":
		return rsnNoUnit, 0
	case t != indicator.OnTime && t != indicator.Late:
		return rsnNotProcessed, 0
	}
	if len(c.marks) != 0 {
		m = c.marked(d.Code)
		for _, a := range d.Aliases {
			m |= c.marked(a)
		}
	}
	switch {
	case m&markDisliked != 0:
		return rsnDisliked, m
	case m&markComplaint != 0:
		return rsnComplaint, m
	case t == indicator.Late:
		return rsnLate, m
	}
	return rsnSatisfied, m
}
