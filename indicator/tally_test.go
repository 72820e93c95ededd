package indicator

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/rand"
	"slices"
	"testing"
)

// randomTally returns a valid tally with counts up to max.
func randomTally(rng *rand.Rand, max int64) Tally {
	var t Tally
	for id := M11; id <= M53; id++ {
		if rng.Intn(5) == 0 {
			continue // leave some metrics without data
		}
		den := rng.Int63n(max + 1)
		num := int64(0)
		if den > 0 {
			num = rng.Int63n(den + 1)
		}
		t.Counts[id] = Count{Num: num, Den: den}
	}
	d31 := t.Counts[M31].Den
	if d31 > 0 {
		t.PartialOnline = rng.Int63n(d31/2 + 1)
		t.FullOnline = rng.Int63n(d31 - t.PartialOnline + 1)
		t.Counts[M31].Num = t.PartialOnline + t.FullOnline
		t.FullOnlineEligible = t.FullOnline + rng.Int63n(max+1)
	}
	t.Counts[M22].Num = 0
	t.ProcessingSeconds = rng.Int63n(t.Counts[M22].Den*86400 + 1) // at most a day per finished dossier
	t.PetitionsStaff = t.Counts[M50].Den - t.Counts[M50].Num
	t.Completed = t.Counts[M21].Den
	t.Overdue = t.Counts[M21].Den - t.Counts[M21].Num
	t.SyncReportDen = rng.Int63n(max + 1)
	t.OnlineReceived = rng.Int63n(max + 1)
	t.LateOnlineReceptions = rng.Int63n(t.OnlineReceived + 1)
	t.FeeProceduresWithDossiers = rng.Int63n(max + 1)
	return t
}

func TestMergeAssociativeCommutative(t *testing.T) {
	rng := rand.New(rand.NewSource(766))
	n := 2000
	if testing.Short() {
		n = 200
	}
	for i := 0; i < n; i++ {
		a, b, c := randomTally(rng, 1000), randomTally(rng, 1000), randomTally(rng, 1000)
		ab := a
		ab.Merge(b)
		ba := b
		ba.Merge(a)
		if ab != ba {
			t.Fatalf("not commutative:\n%s\n%s", mustJSON(ab), mustJSON(ba))
		}
		left := ab // (a+b)+c
		left.Merge(c)
		bc := b
		bc.Merge(c)
		right := a // a+(b+c)
		right.Merge(bc)
		if left != right {
			t.Fatalf("not associative:\n%s\n%s", mustJSON(left), mustJSON(right))
		}
		var zero Tally
		id := a
		id.Merge(zero)
		if id != a {
			t.Fatal("empty tally is not the identity")
		}
		if err := left.Validate(); err != nil {
			t.Fatalf("merge of valid tallies is invalid: %v", err)
		}
		checked := a
		if err := checked.MergeChecked(b); err != nil || checked != ab {
			t.Fatalf("MergeChecked differs from Merge: %v", err)
		}
	}
}

func TestMergeChecked(t *testing.T) {
	var a, b Tally
	a.Counts[M41] = Count{Num: 1, Den: math.MaxInt64}
	b.Counts[M41] = Count{Num: 1, Den: 1}
	before := a
	err := a.MergeChecked(b)
	var ce *CountError
	if !errors.Is(err, ErrOverflow) || !errors.As(err, &ce) || ce.Metric != M41 || ce.Field != "den" {
		t.Fatalf("err = %v", err)
	}
	if a != before {
		t.Fatal("MergeChecked modified t on error")
	}
	a, b = Tally{}, Tally{}
	a.Counts[M41].Num = math.MaxInt64
	b.Counts[M41].Num = 1
	if err := a.MergeChecked(b); !errors.As(err, &ce) || ce.Field != "num" {
		t.Fatalf("num overflow: %v", err)
	}
	a, b = Tally{}, Tally{}
	a.Completed = math.MaxInt64
	b.Completed = 1
	if err := a.MergeChecked(b); !errors.As(err, &ce) || ce.Field != "extra.completed" || ce.Metric != M21 {
		t.Fatalf("extra overflow: %v", err)
	}
}

func TestAdd(t *testing.T) {
	var tl Tally
	tl.Add(M21, 1, 1)
	tl.Add(M21, 0, 1)
	tl.Add(0, 5, 5)          // ignored
	tl.Add(ID(NumIDs), 5, 5) // ignored, no panic
	tl.AddVerdict(Verdict{Metric: M53, InDenominator: true, InNumerator: true})
	tl.AddVerdict(Verdict{Metric: M53, InDenominator: true})
	tl.AddVerdict(Verdict{Metric: M53, InNumerator: true}) // not in the denominator: not counted
	tl.AddVerdict(Verdict{Metric: 200, InDenominator: true})
	if tl.Count(M21) != (Count{1, 2}) || tl.Count(M53) != (Count{1, 2}) || tl.Count(0) != (Count{}) {
		t.Fatalf("counts %+v %+v", tl.Count(M21), tl.Count(M53))
	}
	if err := tl.Validate(); err != nil {
		t.Fatal(err)
	}
}

// TestValidateErrors covers every CountError the validator returns.
func TestValidateErrors(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Tally)
		metric ID
		field  string
		err    error
	}{
		{"negative numerator", func(t *Tally) { t.Counts[M11] = Count{-1, 3} }, M11, "num", ErrNegative},
		{"negative denominator", func(t *Tally) { t.Counts[M41] = Count{0, -3} }, M41, "den", ErrNegative},
		{"numerator exceeds denominator", func(t *Tally) { t.Counts[M53] = Count{5, 4} }, M53, "num", ErrNumExceedsDen},
		{"numerator without denominator", func(t *Tally) { t.Counts[M46b] = Count{1, 0} }, M46b, "num", ErrNumExceedsDen},
		{"slot 0 used", func(t *Tally) { t.Counts[0] = Count{1, 1} }, 0, "num+den", ErrNumExceedsDen},
		{"negative extra", func(t *Tally) { t.ProcessingSeconds = -1 }, M22, "extra.processingSeconds", ErrNegative},
		{"negative sync denominator", func(t *Tally) { t.SyncReportDen = -1 }, M14, "extra.syncReportDen", ErrNegative},
		{"online split exceeds authority", func(t *Tally) {
			t.Counts[M31] = Count{3, 4}
			t.PartialOnline, t.FullOnline = 3, 2
		}, M31, "extra.partialOnline+fullOnline", ErrNumExceedsDen},
		{"petition categories exceed petitions", func(t *Tally) {
			t.Counts[M50] = Count{3, 4}
			t.PetitionsStaff = 2
		}, M50, "extra.petitionsStaff", ErrNumExceedsDen},
		{"late receptions exceed receptions", func(t *Tally) { t.LateOnlineReceptions = 1 }, M33, "extra.lateOnlineReceptions", ErrNumExceedsDen},
		{"overdue exceeds 2.1 denominator", func(t *Tally) { t.Overdue = 1 }, M21, "extra.overdue", ErrNumExceedsDen},
		{"completed exceeds 2.1 denominator", func(t *Tally) { t.Counts[M21] = Count{1, 2}; t.Completed = 3 }, M21, "extra.completed", ErrNumExceedsDen},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var tl Tally
			tc.mutate(&tl)
			err := tl.Validate()
			var ce *CountError
			if !errors.Is(err, tc.err) || !errors.As(err, &ce) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			if ce.Metric != tc.metric || ce.Field != tc.field {
				t.Fatalf("error names %s %q, want %s %q", ce.Metric, ce.Field, tc.metric, tc.field)
			}
			if ce.Error() == "" {
				t.Fatal("empty message")
			}
			// Score reports the same error and never panics.
			if _, err := Portal().Score(tl); !errors.Is(err, tc.err) {
				t.Fatalf("Score err = %v", err)
			}
			// ScoreMetric clamps instead of failing.
			m := Portal().ScoreMetric(tc.metric, tl.Count(tc.metric))
			if m.Score.Sign() < 0 || m.Score.GreaterThan(Portal().Rules[tc.metric].Max) && tc.metric.Valid() {
				t.Fatalf("ScoreMetric out of range: %s", m.Score)
			}
		})
	}
}

func TestTallyJSON(t *testing.T) {
	var tl Tally
	tl.Counts[M11] = Count{3, 4}
	tl.Counts[M46a] = Count{0, 7}
	tl.Completed = 0
	tl.Counts[M21] = Count{9, 10}
	tl.Completed = 8
	tl.PartialOnline = 1
	tl.Counts[M31] = Count{1, 2}
	b, err := json.Marshal(tl)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"1.1":{"num":3,"den":4},"2.1":{"num":9,"den":10},"3.1":{"num":1,"den":2},"4.6a":{"num":0,"den":7},"extra":{"completed":8,"partialOnline":1}}`
	if string(b) != want {
		t.Fatalf("got  %s\nwant %s", b, want)
	}
	var back Tally
	if err := json.Unmarshal(b, &back); err != nil || back != tl {
		t.Fatalf("round trip: %v\n%s", err, mustJSON(back))
	}
	if b, _ := json.Marshal(Tally{}); string(b) != "{}" {
		t.Fatalf("empty tally = %s", b)
	}
	// Portal codes are accepted as keys.
	if err := json.Unmarshal([]byte(`{"PUBLISH_ON_TIME":{"num":1,"den":2}}`), &back); err != nil || back.Counts[M11] != (Count{1, 2}) {
		t.Fatalf("portal code key: %v", err)
	}
	// Random round trips.
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 200; i++ {
		a := randomTally(rng, 1<<40)
		b, _ := json.Marshal(a)
		var c Tally
		if err := json.Unmarshal(b, &c); err != nil || c != a {
			t.Fatalf("round trip %s: %v", b, err)
		}
	}
}

func TestTallyJSONErrors(t *testing.T) {
	tests := []struct {
		name, in string
		err      error
	}{
		{"syntax", `{"1.1":`, ErrBadJSON},
		{"not an object", `[1,2]`, ErrBadJSON},
		{"null", `null`, ErrBadJSON},
		{"unknown metric", `{"9.9":{"num":1,"den":1}}`, ErrUnknownID},
		{"unknown metric is bad JSON too", `{"9.9":{"num":1,"den":1}}`, ErrBadJSON},
		{"unknown count field", `{"1.1":{"num":1,"den":1,"x":2}}`, ErrBadJSON},
		{"duplicate metric via alias", `{"1.1":{"num":1,"den":1},"PUBLISH_ON_TIME":{"num":1,"den":1}}`, ErrBadJSON},
		{"fractional count", `{"1.1":{"num":1.5,"den":2}}`, ErrBadJSON},
		{"string count", `{"1.1":{"num":"1","den":2}}`, ErrBadJSON},
		{"count too large", `{"1.1":{"num":1,"den":9223372036854775808}}`, ErrBadJSON},
		{"null metric", `{"1.1":null}`, ErrBadJSON},
		{"unknown extra", `{"extra":{"bogus":1}}`, ErrBadJSON},
		{"extra not object", `{"extra":3}`, ErrBadJSON},
		{"extra not integer", `{"extra":{"completed":true}}`, ErrBadJSON},
		{"negative", `{"1.1":{"num":-1,"den":2}}`, ErrNegative},
		{"num exceeds den", `{"1.1":{"num":3,"den":2}}`, ErrNumExceedsDen},
		{"negative extra", `{"extra":{"processingSeconds":-5}}`, ErrNegative},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var tl Tally
			tl.Counts[M44] = Count{1, 1}
			before := tl
			err := tl.UnmarshalJSON([]byte(tc.in))
			if !errors.Is(err, tc.err) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			var de *DecodeError
			var ce *CountError
			if !errors.As(err, &de) && !errors.As(err, &ce) {
				t.Fatalf("err %T is neither *DecodeError nor *CountError", err)
			}
			if err.Error() == "" {
				t.Fatal("empty message")
			}
			if tl != before {
				t.Fatal("tally modified on error")
			}
		})
	}
}

// FuzzTallyJSON: the decoder never panics; whatever it accepts is valid, re-encodes, and decodes to the
// same tally.
func FuzzTallyJSON(f *testing.F) {
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"1.1":{"num":3,"den":4},"2.1":{"num":9,"den":10},"extra":{"completed":8}}`))
	f.Add([]byte(`{"PUBLISH_ON_TIME":{"num":1,"den":2},"4.6a":{"num":0,"den":7}}`))
	f.Add([]byte(`{"1.1":{"num":-1,"den":4}}`))
	f.Add([]byte(`{"extra":{"partialOnline":1,"fullOnline":2}}`))
	f.Add([]byte(`{"1.1":{"num":1e3,"den":2}}`))
	// Counts near the limits (issue 14): 2.2's average once wrapped int64 at these denominators.
	f.Add([]byte(`{"2.2":{"num":0,"den":144115188075855872},"extra":{"processingSeconds":1}}`))
	f.Add([]byte(`{"2.2":{"num":0,"den":1125899906842624},"extra":{"processingSeconds":9223372036854775807}}`))
	f.Add([]byte(`{"2.2":{"num":0,"den":9007199254740992},"extra":{"processingSeconds":9223372036854775807}}`))
	f.Add([]byte(`{"2.2":{"num":0,"den":1},"extra":{"processingSeconds":316224000000}}`))
	f.Add([]byte(`{"3.1":{"num":5,"den":5},"extra":{"partialOnline":9223372036854775807,"fullOnline":9223372036854775807}}`))
	f.Add([]byte(`{"5.0":{"num":9007199254740992,"den":9007199254740992},"extra":{"petitionsStaff":9007199254740992}}`))
	f.Add([]byte(`{"2.1":{"num":9007199254740991,"den":9007199254740992},"4.1":{"num":9223372036854775807,"den":9223372036854775807}}`))
	f.Add([]byte(`{"1.4":{"num":4503599627370496,"den":9007199254740992},"3.3":{"num":1,"den":9007199254740992},"extra":{"syncReportDen":9007199254740992}}`))
	f.Add([]byte(`{"3.4":{"num":9007199254740991,"den":9007199254740992},"3.5":{"num":1,"den":9007199254740992},"3.6":{"num":9007199254740992,"den":9007199254740992}}`))
	f.Add([]byte(`{"2.1":{"num":1,"den":10},"2.1":{"num":9,"den":10}}`))
	f.Add([]byte(`{"2.1":{"num":1,"num":9,"den":10},"extra":{"completed":1,"completed":1}}`))
	f.Add([]byte(`{"a\\\"}":[{"}":"]"},"\u00e9"],"b":-1.5e3,"\u0061":null}`))
	f.Add([]byte("{\"\xff\":1,\"\xfe\":2}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkWalkObject(t, data)
		var tl Tally
		if err := json.Unmarshal(data, &tl); err != nil {
			var de *DecodeError
			var ce *CountError
			var se *json.SyntaxError
			if !errors.As(err, &de) && !errors.As(err, &ce) && !errors.As(err, &se) {
				t.Fatalf("untyped error %T: %v", err, err)
			}
			return
		}
		if err := tl.Validate(); err != nil {
			t.Fatalf("accepted an invalid tally: %v", err)
		}
		b, err := json.Marshal(tl)
		if err != nil {
			t.Fatal(err)
		}
		var back Tally
		if err := json.Unmarshal(b, &back); err != nil || back != tl {
			t.Fatalf("re-decode %s: %v", b, err)
		}
		for _, e := range []Edition{Portal(), Document()} {
			r, err := e.Score(tl)
			if err != nil {
				t.Fatalf("valid tally does not score: %v", err)
			}
			checkResultRange(t, e.Name, r)
			for id := M11; id <= M53; id++ {
				m := e.ScoreMetric(id, tl.Counts[id])
				if m.Score.Sign() < 0 || m.Score.GreaterThan(m.Max) {
					t.Fatalf("%s: ScoreMetric(%s) = %s of %s", e.Name, id, m.Score, m.Max)
				}
			}
		}
	})
}

// TestValidateBounds (issue 14): counts that cannot be real are refused with a *CountError matching
// ErrOverflow, and the consistency sums of Validate cannot wrap around int64 (before the fix,
// PartialOnline = FullOnline = MaxInt64 passed as a negative sum).
func TestValidateBounds(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(*Tally)
		metric ID
		field  string
		err    error // nil: accepted
	}{
		{"numerator at MaxCount", func(t *Tally) { t.Counts[M41] = Count{MaxCount, MaxCount} }, 0, "", nil},
		{"denominator above MaxCount", func(t *Tally) { t.Counts[M41] = Count{0, MaxCount + 1} }, M41, "den", ErrOverflow},
		{"numerator and denominator MaxInt64", func(t *Tally) { t.Counts[M21] = Count{math.MaxInt64, math.MaxInt64} }, M21, "num", ErrOverflow},
		{"2.2 denominator 2^57", func(t *Tally) { t.Counts[M22].Den = 1 << 57 }, M22, "den", ErrOverflow},
		{"extra above MaxCount", func(t *Tally) { t.SyncReportDen = MaxCount + 1 }, M14, "extra.syncReportDen", ErrOverflow},
		{"online split wraps int64", func(t *Tally) {
			t.Counts[M31] = Count{0, 5}
			t.PartialOnline, t.FullOnline = math.MaxInt64, math.MaxInt64
		}, M31, "extra.partialOnline", ErrOverflow},
		{"online split at the limit", func(t *Tally) {
			t.Counts[M31] = Count{MaxCount, MaxCount}
			t.PartialOnline, t.FullOnline = MaxCount, MaxCount
		}, M31, "extra.partialOnline+fullOnline", ErrNumExceedsDen},
		{"petitions wrap int64", func(t *Tally) {
			t.Counts[M50] = Count{math.MaxInt64, math.MaxInt64}
			t.PetitionsStaff = math.MaxInt64
		}, M50, "num", ErrOverflow},
		{"petitions at the limit", func(t *Tally) {
			t.Counts[M50] = Count{MaxCount, MaxCount}
			t.PetitionsStaff = MaxCount
		}, M50, "extra.petitionsStaff", ErrNumExceedsDen},
		{"processing seconds without a finished dossier", func(t *Tally) { t.ProcessingSeconds = 1 }, M22, "extra.processingSeconds", ErrOverflow},
		{"processing seconds beyond the longest span", func(t *Tally) {
			t.Counts[M22].Den = 2
			t.ProcessingSeconds = 2*MaxDossierSeconds + 1
		}, M22, "extra.processingSeconds", ErrOverflow},
		{"processing seconds at the longest span", func(t *Tally) {
			t.Counts[M22].Den = 2
			t.ProcessingSeconds = 2 * MaxDossierSeconds
		}, 0, "", nil},
		{"processing seconds MaxInt64 over 2^50 dossiers", func(t *Tally) {
			t.Counts[M22].Den = 1 << 50
			t.ProcessingSeconds = math.MaxInt64
		}, 0, "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var tl Tally
			tc.mutate(&tl)
			err := tl.Validate()
			if tc.err == nil {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if _, err := Portal().Score(tl); err != nil {
					t.Fatalf("Score: %v", err)
				}
				return
			}
			var ce *CountError
			if !errors.Is(err, tc.err) || !errors.As(err, &ce) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			if ce.Metric != tc.metric || ce.Field != tc.field {
				t.Fatalf("error names %s %q, want %s %q", ce.Metric, ce.Field, tc.metric, tc.field)
			}
			if _, err := Portal().Score(tl); !errors.Is(err, tc.err) {
				t.Fatalf("Score err = %v", err)
			}
			b, _ := json.Marshal(tl)
			var back Tally
			if err := json.Unmarshal(b, &back); !errors.Is(err, tc.err) {
				t.Fatalf("decoding %s: err = %v", b, err)
			}
		})
	}
}

// TestMergeCheckedBound: MergeChecked refuses a sum above MaxCount (int64 for processingSeconds), so that
// merging two valid tallies never yields a count Validate refuses for its size.
func TestMergeCheckedBound(t *testing.T) {
	var a, b Tally
	a.Counts[M41] = Count{Num: 0, Den: MaxCount}
	b.Counts[M41] = Count{Num: 0, Den: 1}
	before := a
	var ce *CountError
	if err := a.MergeChecked(b); !errors.Is(err, ErrOverflow) || !errors.As(err, &ce) || ce.Metric != M41 || ce.Field != "den" {
		t.Fatalf("err = %v", err)
	}
	if a != before {
		t.Fatal("MergeChecked modified t on error")
	}
	a, b = Tally{}, Tally{}
	a.Counts[M22].Den, b.Counts[M22].Den = 1<<52, 1<<52
	a.ProcessingSeconds, b.ProcessingSeconds = math.MaxInt64/2, math.MaxInt64/2
	if err := a.MergeChecked(b); err != nil {
		t.Fatalf("processing seconds above MaxCount refused: %v", err)
	}
	b = Tally{ProcessingSeconds: 2}
	if err := a.MergeChecked(b); !errors.As(err, &ce) || ce.Field != "extra.processingSeconds" {
		t.Fatalf("processing seconds overflow: %v", err)
	}
}

// TestTallyJSONDuplicateKeys (issue 14): an exactly repeated key used to be accepted with the last value
// winning; every repetition now fails with a *DecodeError naming the key.
func TestTallyJSONDuplicateKeys(t *testing.T) {
	tests := []struct{ name, in, key string }{
		{"metric", `{"2.1":{"num":1,"den":10},"2.1":{"num":9,"den":10}}`, "2.1"},
		{"metric spelled with an escape", `{"2.1":{"num":1,"den":10},"\u0032.1":{"num":9,"den":10}}`, "2.1"},
		{"num", `{"2.1":{"num":1,"num":9,"den":10}}`, "2.1.num"},
		{"den", `{"2.1":{"num":1,"den":10,"den":2}}`, "2.1.den"},
		{"extra", `{"extra":{"completed":1},"extra":{"overdue":1},"2.1":{"num":1,"den":2}}`, "extra"},
		{"extra field", `{"2.1":{"num":1,"den":2},"extra":{"completed":1,"completed":2}}`, "extra.completed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var tl Tally
			err := json.Unmarshal([]byte(tc.in), &tl)
			var de *DecodeError
			if !errors.Is(err, ErrBadJSON) || !errors.As(err, &de) {
				t.Fatalf("err = %v, want a *DecodeError", err)
			}
			if de.Key != tc.key {
				t.Fatalf("key %q, want %q (%v)", de.Key, tc.key, err)
			}
			if tl != (Tally{}) {
				t.Fatal("tally modified on error")
			}
		})
	}
}

// walkReference lists an object's members with encoding/json's tokenizer (keys unescaped, values
// compacted), or reports that data is not a valid JSON object.
func walkReference(data []byte) (keys, vals []string, ok bool) {
	if !json.Valid(data) {
		return nil, nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, _ := dec.Token(); tok != json.Delim('{') {
		return nil, nil, false
	}
	for dec.More() {
		kt, _ := dec.Token()
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, nil, false
		}
		var c bytes.Buffer
		_ = json.Compact(&c, v)
		keys, vals = append(keys, kt.(string)), append(vals, c.String())
	}
	return keys, vals, true
}

// checkWalkObject: walkObject's hand-written scan agrees with encoding/json's tokenizer on every valid
// object (same keys, same values), reports exactly the repeated keys, and refuses everything else.
func checkWalkObject(t *testing.T, data []byte) {
	t.Helper()
	rk, rv, ok := walkReference(data)
	var keys, vals []string
	null, err := walkObject(data, "", func(k string, v json.RawMessage) error {
		var c bytes.Buffer
		_ = json.Compact(&c, v)
		keys, vals = append(keys, k), append(vals, c.String())
		return nil
	})
	if !ok {
		if err == nil && !null {
			t.Fatalf("walkObject accepted %q, not a JSON object", data)
		}
		return
	}
	seen := map[string]bool{}
	firstDup := -1
	for i, k := range rk {
		if seen[k] && firstDup < 0 {
			firstDup = i
		}
		seen[k] = true
	}
	if firstDup >= 0 {
		var de *DecodeError
		if !errors.As(err, &de) || de.Key != rk[firstDup] || !errors.Is(err, errDuplicateKey) {
			t.Fatalf("repeated key %q: err = %v", rk[firstDup], err)
		}
		return
	}
	if err != nil || null {
		t.Fatalf("walkObject refused a valid object: %v", err)
	}
	if !slices.Equal(keys, rk) || !slices.Equal(vals, rv) {
		t.Fatalf("walkObject read %q %q, encoding/json %q %q", keys, vals, rk, rv)
	}
}
