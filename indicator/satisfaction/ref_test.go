package satisfaction

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// refClassify is the 5.3 rule written plainly (the implementation before the fast path): the marks map
// looked up for the code and every alias, no filter, no Keys. ClassifyRef must give exactly this verdict
// (its exported fields).
func refClassify(c *Calculator, d *model.Dossier) DossierVerdict {
	v := DossierVerdict{Unit: d.UnitID, Code: d.Code, Metric: indicator.Verdict{Metric: indicator.M53}}
	if d.UnitID == "" {
		v.Reason, v.Metric.Reason = ReasonDossierNoUnit, ReasonDossierNoUnit
		return v
	}
	counted, late := c.timeliness(d)
	if !counted {
		v.Reason, v.Metric.Reason = ReasonDossierNotProcessed, ReasonDossierNotProcessed
		return v
	}
	m := c.marks[d.Code]
	for _, a := range d.Aliases {
		m |= c.marks[a]
	}
	v.Counted, v.Late = true, late
	v.Disliked, v.Complaint = m&markDisliked != 0, m&markComplaint != 0
	v.Metric.InDenominator = true
	switch {
	case v.Disliked:
		v.Reason = ReasonDossierDisliked
	case v.Complaint:
		v.Reason = ReasonDossierComplaint
	case late:
		v.Reason = ReasonDossierLate
	default:
		v.Reason, v.Metric.InNumerator = ReasonDossierSatisfied, true
	}
	v.Metric.Reason = v.Reason
	return v
}

// exported returns v with the unexported fields cleared: the verdict a caller could build by hand (Add
// then takes the slow path, by unit id and reason code).
func exported(v DossierVerdict) DossierVerdict {
	v.keys, v.slot, v.rsn = nil, 0, 0
	return v
}

// refWorld is a varied 5.3 input: units in and out of the Keys, codes with and without marks (by code,
// by alias, with surrounding spaces in the rating, short and long), "OUT"/"LATE" codes for the stub
// timeliness, and dossiers without a unit.
type refWorld struct {
	opts     Options
	ds       []model.Dossier
	units    []string // every unit id a dossier may name (besides "")
	keyUnits []string // the units of the scorecard-like Keys (a subset)
}

func newRefWorld(t testing.TB, seed uint64, n int) *refWorld {
	rng := rand.New(rand.NewPCG(seed, 11))
	w := &refWorld{opts: baseOptions(t)}
	for i := range 14 {
		w.units = append(w.units, fmt.Sprintf("000.%02d.%02d.H45", i%3, 20+i))
	}
	w.keyUnits = w.units[:10]
	code := func() string {
		switch rng.IntN(8) {
		case 0:
			return fmt.Sprintf("K%d", rng.IntN(30)) // short
		case 1:
			return fmt.Sprintf("%s-2608%02d-%04d-LATE", w.units[rng.IntN(len(w.units))], 1+rng.IntN(3), rng.IntN(40))
		case 2:
			return fmt.Sprintf("%s-2608%02d-%04d-OUT", w.units[rng.IntN(len(w.units))], 1+rng.IntN(3), rng.IntN(40))
		case 3:
			return strings.Repeat("x", rng.IntN(20)) // "" included
		}
		return fmt.Sprintf("%s-2608%02d-%04d", w.units[rng.IntN(len(w.units))], 1+rng.IntN(3), rng.IntN(40))
	}
	w.ds = make([]model.Dossier, n)
	for i := range w.ds {
		d := &w.ds[i]
		d.Code = code()
		if rng.IntN(12) != 0 {
			d.UnitID = w.units[rng.IntN(len(w.units))]
		}
		d.ProcedureCode = fmt.Sprintf("1.%06d", rng.IntN(5))
		for range rng.IntN(4) / 2 {
			d.Aliases = append(d.Aliases, code())
		}
	}
	for range n / 3 {
		c := code()
		if rng.IntN(5) == 0 {
			c = " " + c + " " // trimmed by New: marks "c", never " c "
		}
		switch rng.IntN(4) {
		case 0:
			w.opts.Ratings = append(w.opts.Ratings, model.Rating{DossierCode: c, Dislike: true})
		case 1:
			w.opts.Ratings = append(w.opts.Ratings, model.Rating{DossierCode: c, Level: model.NewRatingLevel(model.RatingUnsatisfied)})
		case 2:
			w.opts.Ratings = append(w.opts.Ratings, model.Rating{DossierCode: c, Dislike: true, At: day(9, 20)}) // after AsOf
		default:
			w.opts.Complaints = append(w.opts.Complaints, model.Petition{ID: c, UnitID: w.units[rng.IntN(len(w.units))], DossierCode: c})
		}
	}
	return w
}

// calcs returns calculators over the same inputs with different Keys: none (built from the complaints),
// the scorecard-like Keys, a Keys built from other inputs (reordered, extra and missing units, procedure
// codes only) and an empty one.
func (w *refWorld) calcs(t testing.TB, rule RatingRule) map[string]*Calculator {
	other := slices.Clone(w.units[4:])
	slices.Reverse(other)
	other = append(other, "ZZ", "YY")
	keys := map[string]*indicator.Keys{
		"nil":       nil,
		"scorecard": indicator.NewKeys(w.keyUnits, []string{"1.000000", "1.000001"}),
		"other":     indicator.NewKeys(other, nil),
		"procs":     indicator.NewKeys(nil, []string{"1.000003"}),
		"empty":     indicator.NewKeys(nil, nil),
	}
	out := map[string]*Calculator{}
	for name, k := range keys {
		o := w.opts
		o.Keys, o.RatingRule = k, rule
		out[name] = newCalc(t, o)
	}
	return out
}

// checkSame asserts that r equals want: per-unit tallies, ledger totals and per-reason entries.
func checkSame(t *testing.T, want, r Result, msg string) {
	t.Helper()
	assert.Equal(t, want.Units, r.Units, msg)
	assert.Equal(t, want.Ledger.Entries(), r.Ledger.Entries(), msg)
	assert.Equal(t, [3]int64{want.Ledger.Read, want.Ledger.Counted, want.Ledger.Excluded},
		[3]int64{r.Ledger.Read, r.Ledger.Counted, r.Ledger.Excluded}, msg)
}

// TestClassifyRefMatchesClassify checks, over varied dossiers and for calculators with different Keys,
// that ClassifyRef with the Keys' Ref, with NoRef and with an out-of-range Ref, and Classify, all give
// the plain rule's verdict, and that the Results of accumulating them (fast path) equal the Result of
// accumulating the same verdicts built by hand (slow path, by string), also after merging accumulators of
// calculators with different Keys.
func TestClassifyRefMatchesClassify(t *testing.T) {
	for seed := range uint64(6) {
		w := newRefWorld(t, seed, 400)
		for _, rule := range []RatingRule{DislikeOnly, DislikeOrUnsatisfiedLevel} {
			calcs := w.calcs(t, rule)
			base := calcs["nil"]
			ref := base.NewAccumulator()
			for i := range w.ds {
				ref.Add(exported(refClassify(base, &w.ds[i])))
			}
			want := ref.Result()
			require.Equal(t, int64(len(w.ds)), want.Ledger.Read)
			var shards []*Accumulator
			for name, c := range calcs {
				msg := fmt.Sprintf("seed %d, %s, keys %s", seed, rule, name)
				byRef, byNoRef, byClassify, byFar := c.NewAccumulator(), c.NewAccumulator(), c.NewAccumulator(), c.NewAccumulator()
				half := c.NewAccumulator()
				for i := range w.ds {
					d := &w.ds[i]
					wv := refClassify(c, d)
					r := c.keys.Ref(d.UnitID, d.ProcedureCode)
					vr, vn, vc := c.ClassifyRef(d, r), c.ClassifyRef(d, indicator.NoRef), c.Classify(d)
					vf := c.ClassifyRef(d, indicator.Ref{Unit: int32(c.keys.NumUnits()) + 3, Procedure: 1 << 30})
					require.Equal(t, wv, exported(vr), "%s: %s ref", msg, d.Code)
					require.Equal(t, vr, vn, "%s: %s NoRef", msg, d.Code)
					require.Equal(t, vr, vc, "%s: %s Classify", msg, d.Code)
					require.Equal(t, vr, vf, "%s: %s out of range", msg, d.Code)
					byRef.Add(vr)
					byNoRef.Add(vn)
					byClassify.Add(vc)
					byFar.Add(vf)
					if i%2 == 0 {
						half.Add(vr)
					}
				}
				for what, a := range map[string]*Accumulator{"ref": byRef, "noref": byNoRef, "classify": byClassify, "far": byFar} {
					checkSame(t, want, a.Result(), msg+" "+what)
				}
				shards = append(shards, half)
			}
			// The odd dossiers by hand, then every calculator's even half merged in (each is a copy of the
			// same half: merge the first into the hand-made one and check; all into a fresh one of each).
			odd := base.NewAccumulator()
			for i := 1; i < len(w.ds); i += 2 {
				odd.Add(exported(refClassify(base, &w.ds[i])))
			}
			for name, c := range calcs {
				for j, s := range shards {
					a := c.NewAccumulator()
					a.Merge(odd)
					a.Merge(s)
					checkSame(t, want, a.Result(), fmt.Sprintf("seed %d: odd+shard %d into %s", seed, j, name))
					b := c.NewAccumulator()
					b.Merge(s)
					b.Merge(odd)
					checkSame(t, want, b.Result(), fmt.Sprintf("seed %d: shard %d+odd into %s", seed, j, name))
				}
			}
		}
	}
}

// TestMarkFilterExact checks that the prefilter never hides a marked code (all sizes of mark sets, codes
// of every length up to 40 bytes) and that it answers "unmarked" for most unmarked codes.
func TestMarkFilterExact(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	randCode := func() string {
		b := make([]byte, rng.IntN(41))
		for i := range b {
			b[i] = "0123456789.-HXU"[rng.IntN(15)]
		}
		return string(b)
	}
	for _, n := range []int{0, 1, 2, 5, 63, 64, 65, 1000, 20000} {
		o := baseOptions(t)
		for range n {
			o.Ratings = append(o.Ratings, model.Rating{DossierCode: randCode(), Dislike: true})
		}
		c := newCalc(t, o)
		assert.Equal(t, len(c.marks) == 0, c.filter == nil, "n=%d", n)
		for code, m := range c.marks {
			require.Equal(t, m, c.mark(code), "n=%d: marked code %q hidden", n, code)
		}
		if c.filter == nil {
			continue
		}
		hits, tries := 0, 20000
		for range tries {
			code := randCode() + "#" // never marked
			if c.mark(code) != 0 {
				t.Fatalf("unmarked %q reported marked", code)
			}
			h := codeHash(code)
			if b := filterBits(h); c.filter[h>>c.shift]&b == b {
				hits++
			}
		}
		assert.Less(t, hits, tries/20, "n=%d: false positive rate %d/%d", n, hits, tries)
	}
}

// TestAddNoAllocsFastPath checks that ClassifyRef + Add allocate nothing, also for a unit outside the Keys
// once it has been seen.
func TestAddNoAllocsFastPath(t *testing.T) {
	w := newRefWorld(t, 1, 200)
	c := w.calcs(t, DislikeOnly)["scorecard"]
	a := c.NewAccumulator()
	for i := range w.ds {
		a.Add(c.ClassifyRef(&w.ds[i], c.keys.Ref(w.ds[i].UnitID, w.ds[i].ProcedureCode)))
	}
	i := 0
	assert.Zero(t, testing.AllocsPerRun(1000, func() {
		d := &w.ds[i%len(w.ds)]
		a.Add(c.ClassifyRef(d, c.keys.Ref(d.UnitID, d.ProcedureCode)))
		i++
	}))
}

// FuzzClassifyDossier checks on fuzzed codes, aliases, units and marks that ClassifyRef (with the Keys'
// Ref, NoRef or a foreign index) and Classify give the plain rule's verdict, and that the fast and slow
// accumulation paths give the same Result.
func FuzzClassifyDossier(f *testing.F) {
	f.Add("H44.100-260805-0001", "", "H44.100", "H44.100-260805-0001", "", true, uint8(0))
	f.Add("D-LATE", "LOCAL-7", "U1", " LOCAL-7 ", "D-LATE", false, uint8(1))
	f.Add("", "x", "U9", "x", "x", true, uint8(2))
	f.Add("D-OUT", "D-OUT", "", "D-OUT", "D-OUT", true, uint8(3))
	f.Add("12345678", "123456789", "U2", "123456789", "12345678", false, uint8(7))
	f.Fuzz(func(t *testing.T, code, alias, unit, rated, complained string, dislike bool, sel uint8) {
		o := baseOptions(t)
		o.Ratings = []model.Rating{{DossierCode: rated, Dislike: dislike, Level: model.NewRatingLevel(model.RatingUnsatisfied)}}
		o.Complaints = []model.Petition{{ID: "K", UnitID: unit, DossierCode: complained}}
		o.RatingRule = RatingRule(sel % 2)
		switch sel % 4 {
		case 1:
			o.Keys = indicator.NewKeys([]string{"A", unit, "B"}, nil)
		case 2:
			o.Keys = indicator.NewKeys([]string{"A"}, []string{unit})
		case 3:
			o.Keys = indicator.NewKeys(nil, nil)
		}
		c := newCalc(t, o)
		d := model.Dossier{Code: code, UnitID: unit}
		if sel&4 != 0 {
			d.Aliases = []string{alias, code}
		}
		want := refClassify(c, &d)
		slow, fast := c.NewAccumulator(), c.NewAccumulator()
		for _, r := range []indicator.Ref{c.keys.Ref(d.UnitID, d.ProcedureCode), indicator.NoRef, {Unit: 1 << 20, Procedure: 5}} {
			v := c.ClassifyRef(&d, r)
			if exported(v) != want {
				t.Fatalf("ClassifyRef(%+v) = %+v, want %+v", r, v, want)
			}
			fast.Add(v)
			slow.Add(want)
		}
		if v := c.Classify(&d); exported(v) != want {
			t.Fatalf("Classify = %+v, want %+v", v, want)
		}
		rs, rf := slow.Result(), fast.Result()
		if fmt.Sprint(rs.Units) != fmt.Sprint(rf.Units) || fmt.Sprint(rs.Ledger.Entries()) != fmt.Sprint(rf.Ledger.Entries()) ||
			rs.Ledger.Read != rf.Ledger.Read || rs.Ledger.Counted != rf.Ledger.Counted {
			t.Fatalf("fast %+v != slow %+v", rf, rs)
		}
	})
}

// TestNilRecord: a nil dossier is never a panic: Classify and ClassifyRef judge it
// ReasonDossierNilRecord (excluded), and the accumulator ledgers it, Read == Counted + Excluded.
func TestNilRecord(t *testing.T) {
	c := newCalc(t, baseOptions(t))
	a := c.NewAccumulator()
	for _, v := range []DossierVerdict{c.Classify(nil), c.ClassifyRef(nil, indicator.NoRef), c.ClassifyRef(nil, indicator.Ref{})} {
		if v.Reason != ReasonDossierNilRecord || v.Counted || v.Metric.InDenominator || v.Metric.Metric != indicator.M53 {
			t.Fatalf("nil dossier: %+v", v)
		}
		a.Add(v)
	}
	l := a.Result().Ledger
	if l.Read != 3 || l.Excluded != 3 || l.Counted != 0 || len(l.Entries()) != 1 || l.Entries()[0].Reason != ReasonDossierNilRecord {
		t.Fatalf("ledger %+v", l.Entries())
	}
}
