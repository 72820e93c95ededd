// Package strindex is an immutable open-addressing table from strings to dense int32 indexes, used by
// the publication and digitisation calculators to find a dossier's unit (and procedure) by string in
// their Classify: a lookup costs one hash of the string and, for strings of up to 16 bytes, a comparison of
// their length and two words (longer strings compare the string), which is cheaper than a Go map with
// string keys on the calculators' hot paths. Memory: a power of two ≥ 2 × n slots of 40 bytes.
package strindex

// Index is the table; its zero value is empty (Find returns -1). Safe for concurrent use after New.
type Index struct {
	slots []slot // n == 0 marks an empty slot (Keys never holds "")
	shift uint   // slot of s = hash >> shift
}

// slot holds one string: a string of up to 16 bytes is compared by its length and two words (which
// hold all its bytes), without reading the string; a longer one by the string itself.
type slot struct {
	w0, w1 uint64
	n      int32 // the length (0: empty slot)
	i      int32 // the index
	s      string
}

// New indexes the n strings at(0) … at(n-1) (distinct, not empty). Cost: O(n).
func New(n int, at func(int32) string) Index {
	size, lg := 1, 0
	for size < 2*n {
		size, lg = size*2, lg+1
	}
	t := Index{slots: make([]slot, size), shift: uint(64 - lg)}
	mask := uint64(size - 1)
	for i := range int32(n) {
		s := at(i)
		h, w0, w1 := strHash(s)
		j := h >> t.shift & mask
		for t.slots[j].n != 0 {
			j = (j + 1) & mask
		}
		t.slots[j] = slot{w0: w0, w1: w1, n: int32(len(s)), i: i, s: s}
	}
	return t
}

// Find returns the index of s, or -1 when s is not in the table (or is empty). No allocation; the table is
// at most half full, so a probe sequence ends at an empty slot.
func (t *Index) Find(s string) int32 {
	n := len(s)
	if n == 0 || n > 1<<31-1 || len(t.slots) == 0 {
		return -1
	}
	h, w0, w1 := strHash(s)
	mask := uint64(len(t.slots) - 1)
	for j := h >> t.shift & mask; ; j = (j + 1) & mask {
		x := &t.slots[j]
		if x.n == int32(n) && x.w0 == w0 && x.w1 == w1 && (n <= 16 || x.s == s) {
			return x.i
		}
		if x.n == 0 {
			return -1
		}
	}
}

// strHash mixes a string into 64 bits whose high bits index the table. For a string of up to 16 bytes it
// also returns two words that, with its length, identify it exactly (the first and last four or eight
// bytes, overlapping); longer strings are mixed eight bytes at a time and get zero words. Deterministic; no
// allocation.
func strHash(s string) (h, w0, w1 uint64) {
	const (
		m1 = 0x9e3779b97f4a7c15
		m2 = 0xbf58476d1ce4e5b9
		m3 = 0x94d049bb133111eb
	)
	n := len(s)
	switch {
	case n < 4:
		for i := 0; i < n; i++ {
			w0 |= uint64(s[i]) << (8 * i)
		}
	case n < 8:
		w0 = le32(s) | le32(s[n-4:])<<32
	case n <= 16:
		w0, w1 = le64(s), le64(s[n-8:])
	}
	h = uint64(n) * m1
	if n <= 16 {
		h ^= w0*m2 ^ (w1*m3)>>7 ^ w1
	} else {
		for i := 0; i < n-8; i += 8 {
			h = (h ^ le64(s[i:])*m2) * m3
			h ^= h >> 29
		}
		h ^= le64(s[n-8:]) * m3
	}
	h ^= h >> 31
	h *= m1
	return h ^ h>>29, w0, w1
}

// le32 reads the first four bytes of s as a little-endian word.
func le32(s string) uint64 {
	_ = s[3]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24
}

// le64 reads the first eight bytes of s as a little-endian word.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
