package dedupe

import (
	"hash/maphash"
	"math"
	"math/bits"
	"strings"

	"github.com/vn-dvc/chiso766/model"
)

// Sieve is pass 1 of the re-send rule for a caller that reads its input again anyway: it keeps, per
// distinct code, a hash of the code and the winning version so far — one 16-byte slot, where Index keeps
// the code's bytes and about 35 bytes more — and answers "does any code repeat?" exactly:
//
//   - equal codes have equal hashes, so a repeated code is always seen (Superseded > 0);
//   - when Superseded is 0, every code's hash is distinct, so every code is, and every record is the
//     latest version of its code: the answer needs no second look.
//
// When codes do repeat, what the sieve says of them (Winner, Superseded, Distinct) is provisional:
// two different codes may share a hash. Pass 2 confirms it by calling Verify on every record's code in
// input order; if Verify never reports a clash, Winner keeps exactly the records Index.Winner keeps
// and the counts are Index's. If it does (two codes whose 58-bit hashes are equal: for a million distinct
// codes, about once in 600 000 inputs), the caller must fall back to an Index.
//
// Besides records' codes, a sieve takes other keys (Mark), e.g. the aliases a data-quality check
// compares with codes: Suspect then tells which keys were met more than once, in any role, so that a
// check that remembers earlier keys needs to look only at the records that carry one.
//
// Add and Mark are not safe for concurrent use, nor is Verify; Winner, Suspect, Hash and the counts are
// read-only and safe for concurrent use once Add and Mark are over. Memory: 16 bytes per slot at a load
// of 1/2 to 3/4 (about 21–32 bytes per distinct key); 24 bytes more for a winning version the slot cannot
// hold (an update time with a fraction of a second or outside 2000–2136, an ordinal of 2³² or more);
// after Verify, a copy of each repeated code.
type Sieve struct {
	policy  Policy
	seed    maphash.Seed
	slots   []sieveSlot
	used    int64 // occupied slots
	codes   int64 // keys added as a record's code
	records int64
	nocode  int64
	repeats int64     // records whose code's hash was already a code's: provisional Superseded
	suspect bool      // some key was met twice
	wide    []version // the versions slots cannot hold (flagWide: the slot's v is an index here)
	verify  map[uint64]string
	hash    func(string) uint64 // nil: maphash with seed
}

// sieveSlot is one key: its hash with the low bits replaced by flags (0: an empty slot) and, for a
// record's code, the winning version: v is the ordinal in the low 32 bits and the update time (flagHas)
// in the high 32, as seconds since sieveEpoch; or, with flagWide, the version's index in Sieve.wide.
type sieveSlot struct {
	key uint64
	v   uint64
}

// sieveEpoch is 2000-01-01T00:00:00Z in Unix seconds: a slot holds whole-second update times from then
// to 2136.
const sieveEpoch = 946684800

const (
	flagUsed     = 1 << iota // the slot holds a key
	flagCode                 // the key was added as a record's code
	flagRepeated             // ... more than once: a re-sent code
	flagSuspect              // the key was met more than once, in any role
	flagHas                  // the winning version carries an update time
	flagWide                 // the winning version is in Sieve.wide
	flagBits     = 6
	flagMask     = 1<<flagBits - 1
)

// NewSieve returns an empty sieve for the policy. Cost: O(1).
func NewSieve(p Policy) *Sieve { return &Sieve{policy: p, seed: maphash.MakeSeed()} }

// NewSieveHash is NewSieve with the keys hashed by hash instead of a seeded 64-bit hash: a weak one
// (say, the key's length) makes clashes that Verify must report, to test a caller's fallback.
func NewSieveHash(p Policy, hash func(key string) uint64) *Sieve {
	s := NewSieve(p)
	s.hash = hash
	return s
}

// Hash returns the hash of key that Add, Mark and Verify take. Cost: O(len(key)), no allocation.
func (s *Sieve) Hash(key string) uint64 {
	if s.hash != nil {
		return s.hash(key)
	}
	return maphash.String(s.seed, key)
}

// Add notes the next record of pass 1, d with code hash h (Hash(d.Code)) and ordinal ord (as Index.AddAt:
// increasing with input order, unique), and reports whether its code's hash was already a code's (a
// re-sent dossier, provisionally). d does not escape (Policy.VersionOf). Cost: one probe sequence,
// about two slots on average; the table grows by half when three quarters full (amortised O(1)). No
// allocation otherwise.
func (s *Sieve) Add(d *model.Dossier, h uint64, ord int64) (repeat bool) {
	s.records++
	if d.Code == "" {
		s.nocode++
		return false
	}
	nv := version{ord: ord}
	if t, ok := s.policy.VersionOf(d); ok {
		nv.at, nv.has = t.UnixNano(), true
	}
	e, found := s.upsert(h)
	switch {
	case !found:
		s.codes++
		e.key |= flagCode
		s.set(e, nv)
		return false
	case e.key&flagCode == 0: // an alias before: now also a code
		s.codes++
		e.key |= flagCode | flagSuspect
		s.set(e, nv)
		s.suspect = true
		return false
	}
	e.key |= flagRepeated | flagSuspect
	s.suspect = true
	s.repeats++
	if newer(nv, s.get(e)) {
		s.set(e, nv)
	}
	return true
}

// get returns the winning version of a code's slot.
func (s *Sieve) get(e *sieveSlot) version {
	if e.key&flagWide != 0 {
		return s.wide[e.v]
	}
	v := version{ord: int64(uint32(e.v)), has: e.key&flagHas != 0}
	if v.has {
		v.at = (int64(e.v>>32) + sieveEpoch) * 1e9
	}
	return v
}

// set makes v the winning version of a code's slot: in the slot when it fits, else in wide (a slot
// that was wide stays wide, its entry overwritten).
func (s *Sieve) set(e *sieveSlot, v version) {
	sec := v.at / 1e9
	fits := v.ord >= 0 && v.ord <= math.MaxUint32 &&
		(!v.has || v.at%1e9 == 0 && sec >= sieveEpoch && sec-sieveEpoch <= math.MaxUint32)
	switch {
	case e.key&flagWide != 0:
		s.wide[e.v] = v
		return
	case !fits:
		e.key |= flagWide
		e.v = uint64(len(s.wide))
		s.wide = append(s.wide, v)
		return
	}
	e.key &^= flagHas
	e.v = uint64(v.ord)
	if v.has {
		e.key |= flagHas
		e.v |= uint64(sec-sieveEpoch) << 32
	}
}

// Mark notes a key that is not a record's code (an alias, say) with hash h, and reports whether the key
// was met before in any role. It does not change what Winner or the counts say. Cost: Add's.
func (s *Sieve) Mark(h uint64) (seen bool) {
	e, found := s.upsert(h)
	if found {
		e.key |= flagSuspect
		s.suspect = true
	}
	return found
}

// upsert returns h's slot, occupying a new one (key and flagUsed set, nothing else) when h is new.
func (s *Sieve) upsert(h uint64) (e *sieveSlot, found bool) {
	if (s.used+1)*4 > int64(len(s.slots))*3 {
		s.grow()
	}
	k := h &^ flagMask
	n := uint64(len(s.slots))
	for i := home(k, n); ; i++ {
		if i == n {
			i = 0
		}
		e := &s.slots[i]
		if e.key == 0 {
			e.key = k | flagUsed
			s.used++
			return e, false
		}
		if e.key&^flagMask == k {
			return e, true
		}
	}
}

// find returns h's slot, or nil.
func (s *Sieve) find(h uint64) *sieveSlot {
	n := uint64(len(s.slots))
	if n == 0 {
		return nil
	}
	k := h &^ flagMask
	for i := home(k, n); ; i++ {
		if i == n {
			i = 0
		}
		e := &s.slots[i]
		if e.key == 0 {
			return nil
		}
		if e.key&^flagMask == k {
			return e
		}
	}
}

// home is the first slot of a key's probe sequence in a table of n slots (n need not be a power of
// two: the high half of the 128-bit product maps the hash onto [0, n) evenly).
func home(k, n uint64) uint64 {
	hi, _ := bits.Mul64(k, n)
	return hi
}

// grow re-places every key in a table half as large again (at least 1024 slots).
func (s *Sieve) grow() {
	old := s.slots
	n := max(uint64(len(old))+uint64(len(old))/2, 1024)
	s.slots = make([]sieveSlot, n)
	for _, e := range old {
		if e.key == 0 {
			continue
		}
		i := home(e.key&^flagMask, n)
		for s.slots[i].key != 0 {
			if i++; i == n {
				i = 0
			}
		}
		s.slots[i] = e
	}
}

// Suspect reports whether the key of hash h was met more than once (added or marked), in any role. A
// key met once is unique in the input: no other record carries it. Safe for concurrent use after
// pass 1. Cost: one probe sequence.
func (s *Sieve) Suspect(h uint64) bool {
	e := s.find(h)
	return e != nil && e.key&flagSuspect != 0
}

// AnySuspect reports whether any key was met more than once.
func (s *Sieve) AnySuspect() bool { return s.suspect }

// Winner reports whether the record of ordinal ord with code code is the version kept, as
// Index.Winner does — provisionally, until Verify has seen every code without a clash. Safe for
// concurrent use after pass 1. Cost: one hash of code and one probe sequence, no allocation.
func (s *Sieve) Winner(code string, ord int64) bool {
	if code == "" {
		return true
	}
	e := s.find(s.Hash(code))
	return e == nil || e.key&flagRepeated == 0 || s.get(e).ord == ord
}

// Verify is pass 2's check of the sieve's answers: called with every record's code in input order, it
// reports false when code shares its hash h with another code added as a record's code — then Winner
// and the counts are wrong for those codes, and the caller must use an Index instead. It remembers a
// copy of the first code seen of each repeated hash. Not safe for concurrent use. Cost: one probe
// sequence; for a repeated code one map lookup, and one copy of the code the first time.
func (s *Sieve) Verify(code string, h uint64) bool {
	if code == "" || s.repeats == 0 {
		return true
	}
	e := s.find(h)
	if e == nil || e.key&flagRepeated == 0 {
		return true
	}
	k := e.key &^ flagMask
	if c, ok := s.verify[k]; ok {
		return c == code
	}
	if s.verify == nil {
		s.verify = map[uint64]string{}
	}
	s.verify[k] = strings.Clone(code)
	return true
}

// Records returns the number of records added.
func (s *Sieve) Records() int64 { return s.records }

// Distinct returns the number of dossiers kept: distinct code hashes plus records without a code (as
// Index.Distinct, once verified).
func (s *Sieve) Distinct() int64 { return s.codes + s.nocode }

// Superseded returns the number of records replaced by a later version (as Index.Superseded, once
// verified): 0 means, exactly, that no code repeats.
func (s *Sieve) Superseded() int64 { return s.repeats }
