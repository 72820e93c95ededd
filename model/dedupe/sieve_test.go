package dedupe

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/model"
)

// sieveInput is a random input: records with codes from a pool of `pool` codes (some empty), update
// times present or not (with ties), and aliases from the same pool and a pool of their own.
func sieveInput(r *rand.Rand, n, pool int, base time.Time, step time.Duration) (ds []model.Dossier, aliases [][]string) {
	code := func() string {
		if r.IntN(20) == 0 {
			return ""
		}
		return fmt.Sprintf("000.00.12.H44-%06d-%04d", r.IntN(pool), r.IntN(3))
	}
	for range n {
		d := model.Dossier{Code: code()}
		if r.IntN(3) > 0 {
			d.Sync.SentAt = model.Some(base.Add(time.Duration(r.IntN(5)) * step))
		}
		var as []string
		for range r.IntN(3) {
			if r.IntN(2) == 0 {
				as = append(as, code())
			} else {
				as = append(as, fmt.Sprint("alias-", r.IntN(pool)))
			}
		}
		ds = append(ds, d)
		aliases = append(aliases, as)
	}
	return ds, aliases
}

// TestSieveEqualsIndex: on random inputs with and without re-sent codes, a sieve whose Verify finds no
// clash keeps exactly the records Index keeps, with Index's counts; Superseded is 0 exactly when no code
// repeats; Suspect is true exactly for the keys (codes and marked aliases) met more than once. The
// update times and ordinals cover what a slot holds and what it does not (fractions of a second, years
// before 2000 and after 2136, ordinals past 2³²).
func TestSieveEqualsIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	times := []struct {
		base time.Time
		step time.Duration
	}{
		{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Hour},
		{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Millisecond},
		{time.Date(1999, 12, 31, 23, 59, 58, 0, time.UTC), time.Second},
		{time.Date(2136, 2, 7, 6, 28, 13, 0, time.UTC), time.Second},
		{time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC), 7 * time.Nanosecond},
	}
	for round := range 500 {
		n := 1 + r.IntN(400)
		pool := 1 + r.IntN(2*n)
		if round%3 == 0 {
			pool = 1 << 30 // codes (almost surely) distinct
		}
		tm := times[round%len(times)]
		ds, aliases := sieveInput(r, n, pool, tm.base, tm.step)
		var off int64
		if round%4 == 1 {
			off = 1<<32 - int64(n) // ordinals crossing 2³²
		}
		x, s := NewIndex(Policy{}), NewSieve(Policy{})
		seen := map[string]int{}
		codes := map[string]int{}
		for i := range ds {
			d := &ds[i]
			x.AddAt(d, off+int64(2*i)) // ordinals with gaps, as a decoder counting bad records gives
			s.Add(d, s.Hash(d.Code), off+int64(2*i))
			if d.Code != "" {
				seen[d.Code]++
				codes[d.Code]++
			}
			for _, a := range aliases[i] {
				if a != "" && a != d.Code {
					s.Mark(s.Hash(a))
					seen[a]++
				}
			}
		}
		for i := range ds {
			if !s.Verify(ds[i].Code, s.Hash(ds[i].Code)) {
				t.Fatalf("round %d: Verify(%q) reported a clash of a 59-bit hash", round, ds[i].Code)
			}
		}
		repeats := false
		for _, k := range codes {
			repeats = repeats || k > 1
		}
		if (s.Superseded() == 0) == repeats {
			t.Fatalf("round %d: Superseded %d with repeats=%v", round, s.Superseded(), repeats)
		}
		if s.Records() != x.Records() || s.Distinct() != x.Distinct() || s.Superseded() != x.Superseded() {
			t.Fatalf("round %d: sieve counts %d/%d/%d, index %d/%d/%d", round, s.Records(), s.Distinct(), s.Superseded(),
				x.Records(), x.Distinct(), x.Superseded())
		}
		for i := range ds {
			if got, want := s.Winner(ds[i].Code, off+int64(2*i)), x.Winner(ds[i].Code, off+int64(2*i)); got != want {
				t.Fatalf("round %d: record %d (%q): Winner %v, Index %v", round, i, ds[i].Code, got, want)
			}
		}
		anySuspect := false
		for k, m := range seen {
			if s.Suspect(s.Hash(k)) != (m > 1) {
				t.Fatalf("round %d: Suspect(%q) = %v, met %d times", round, k, s.Suspect(s.Hash(k)), m)
			}
			anySuspect = anySuspect || m > 1
		}
		if s.AnySuspect() != anySuspect {
			t.Fatalf("round %d: AnySuspect %v, want %v", round, s.AnySuspect(), anySuspect)
		}
	}
}

// TestSieveClash: with a weak hash (the code's length) different codes share hashes; Verify must report
// a clash exactly when two different codes of one hash were both added as records' codes — and a sieve
// whose codes all differ in length behaves as an Index.
func TestSieveClash(t *testing.T) {
	weak := func(k string) uint64 { return uint64(len(k)) << 40 }
	cases := []struct {
		codes []string
		clash bool
	}{
		{[]string{"A1", "B2"}, true},         // same length, both once: a repeated hash of two codes
		{[]string{"A1", "A1", "B22"}, false}, // a true re-send
		{[]string{"A1", "B22", "C333", "A1"}, false},
		{[]string{"A1", "B22", "A1", "C2"}, true}, // the clash comes late
		{[]string{"", "", "A"}, false},            // no code: never merged
	}
	for _, c := range cases {
		s := NewSieveHash(Policy{}, weak)
		x := NewIndex(Policy{})
		for i, code := range c.codes {
			d := model.Dossier{Code: code}
			s.Add(&d, s.Hash(code), int64(i))
			x.AddAt(&d, int64(i))
		}
		clash := false
		for _, code := range c.codes {
			clash = clash || !s.Verify(code, s.Hash(code))
		}
		if clash != c.clash {
			t.Errorf("%q: clash %v, want %v", c.codes, clash, c.clash)
			continue
		}
		if clash {
			continue
		}
		for i, code := range c.codes {
			if s.Winner(code, int64(i)) != x.Winner(code, int64(i)) {
				t.Errorf("%q: record %d: Winner %v, Index %v", c.codes, i, s.Winner(code, int64(i)), x.Winner(code, int64(i)))
			}
		}
		if s.Superseded() != x.Superseded() || s.Distinct() != x.Distinct() {
			t.Errorf("%q: counts %d/%d, index %d/%d", c.codes, s.Superseded(), s.Distinct(), x.Superseded(), x.Distinct())
		}
	}
}

// TestSieveAliasThenCode: a key marked as an alias and later added as a code is a suspect (a duplicate
// key) but not a re-send.
func TestSieveAliasThenCode(t *testing.T) {
	s := NewSieve(Policy{})
	s.Mark(s.Hash("X"))
	d := model.Dossier{Code: "X"}
	if s.Add(&d, s.Hash("X"), 0) {
		t.Fatal("Add after Mark reported a re-send")
	}
	if !s.Suspect(s.Hash("X")) || s.Superseded() != 0 || s.Distinct() != 1 || !s.Winner("X", 0) {
		t.Fatalf("suspect %v superseded %d distinct %d", s.Suspect(s.Hash("X")), s.Superseded(), s.Distinct())
	}
}

// BenchmarkSieveAdd1M adds 1 000 000 distinct codes (the command's pass 1 on a file without re-sends),
// next to Index.AddAt on the same codes.
func BenchmarkSieveAdd1M(b *testing.B) {
	const n = 1_000_000
	codes := make([]string, n)
	for i := range codes {
		codes[i] = fmt.Sprintf("000.00.12.H44-%06d-%04d", i/7, i%7)
	}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	b.Run("sieve", func(b *testing.B) {
		b.ReportAllocs()
		var d model.Dossier
		for b.Loop() {
			s := NewSieve(Policy{})
			for i, c := range codes {
				d.Code, d.Sync.SentAt = c, model.Some(t0.Add(time.Duration(i)*time.Second))
				s.Add(&d, s.Hash(c), int64(i))
			}
		}
	})
	b.Run("index", func(b *testing.B) {
		b.ReportAllocs()
		var d model.Dossier
		for b.Loop() {
			x := NewIndex(Policy{})
			for i, c := range codes {
				d.Code, d.Sync.SentAt = c, model.Some(t0.Add(time.Duration(i)*time.Second))
				x.AddAt(&d, int64(i))
			}
		}
	})
}

// FuzzSieve: on any sequence of records (codes from a few bytes of the input, update times present or
// not, aliases), a sieve whose Verify finds no clash keeps exactly the records Index keeps, with Index's
// counts, and Superseded is 0 exactly when no code repeats. With the weak hash (the code's length) a
// clash must be reported exactly when two different codes of one length were both added.
func FuzzSieve(f *testing.F) {
	f.Add([]byte("a1b2a1c3"), false)
	f.Add([]byte("\x00\x01\x00\x02\x03\x04"), true)
	f.Add([]byte("xyxyxzzz"), true)
	f.Fuzz(func(t *testing.T, data []byte, weak bool) {
		if len(data) > 600 {
			return
		}
		s := NewSieve(Policy{})
		if weak {
			s = NewSieveHash(Policy{}, func(k string) uint64 { return uint64(len(k)) << 40 })
		}
		x := NewIndex(Policy{})
		var ds []model.Dossier
		base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := 0; i+1 < len(data); i += 2 {
			b, c := data[i], data[i+1]
			d := model.Dossier{Code: string(rune('a'+b%7)) + string(make([]byte, int(b/7%3)))}
			if b%11 == 0 {
				d.Code = ""
			}
			switch c % 4 {
			case 1:
				d.Sync.SentAt = model.Some(base.Add(time.Duration(c) * time.Second))
			case 2:
				d.Sync.SentAt = model.Some(base.Add(time.Duration(c) * time.Nanosecond))
			}
			if c%5 == 0 {
				d.Aliases = []string{string(rune('a' + c%7))}
			}
			ds = append(ds, d)
		}
		lengths := map[int]map[string]bool{}
		codes := map[string]int{}
		for i := range ds {
			d := &ds[i]
			s.Add(d, s.Hash(d.Code), int64(i))
			x.AddAt(d, int64(i))
			for _, a := range d.Aliases {
				if a != d.Code {
					s.Mark(s.Hash(a))
				}
			}
			if d.Code != "" {
				codes[d.Code]++
				if lengths[len(d.Code)] == nil {
					lengths[len(d.Code)] = map[string]bool{}
				}
				lengths[len(d.Code)][d.Code] = true
			}
		}
		clash := false
		for i := range ds {
			clash = !s.Verify(ds[i].Code, s.Hash(ds[i].Code)) || clash
		}
		wantClash := false
		if weak {
			for _, set := range lengths {
				wantClash = wantClash || len(set) > 1
			}
		}
		if clash != wantClash {
			t.Fatalf("clash %v, want %v", clash, wantClash)
		}
		if clash {
			return
		}
		repeats := false
		for _, n := range codes {
			repeats = repeats || n > 1
		}
		if (s.Superseded() > 0) != repeats || s.Superseded() != x.Superseded() || s.Distinct() != x.Distinct() || s.Records() != x.Records() {
			t.Fatalf("sieve %d/%d/%d, index %d/%d/%d, repeats %v", s.Records(), s.Distinct(), s.Superseded(),
				x.Records(), x.Distinct(), x.Superseded(), repeats)
		}
		for i := range ds {
			if s.Winner(ds[i].Code, int64(i)) != x.Winner(ds[i].Code, int64(i)) {
				t.Fatalf("record %d (%q): sieve Winner %v, index %v", i, ds[i].Code, s.Winner(ds[i].Code, int64(i)), x.Winner(ds[i].Code, int64(i)))
			}
		}
	})
}
