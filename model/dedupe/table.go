package dedupe

import (
	"encoding/binary"
	"hash/maphash"
)

// codeTable maps a dossier code to its entry (the winning version) with less memory than a
// map[string]version of cloned strings: each code is copied once, prefixed by its length, into arena
// slabs of slabSize bytes (a longer code gets a slab of its own); entries live in fixed blocks (no
// doubling copies); the table is open addressing with linear probing, one uint64 slot per position
// (entry number + 1 in the high 40 bits, the top 24 bits of the code's hash in the low 24) at a load
// of at most 3/4. Codes are compared byte for byte: the hash only chooses where to look. The zero
// value is an empty table. Lookups (find) do not write and are safe for concurrent use with each
// other.
type codeTable struct {
	seed    maphash.Seed
	slots   []uint64
	blocks  []*[entryBlock]entry
	n       int64 // entries
	slabs   [][]byte
	cur     int // the slab new codes are appended to, -1 before the first
	started bool
	collide bool // tests only: every code hashes to 0, so all codes share one probe chain and one tag
}

const (
	slabSize   = 1 << 20
	slabBits   = 20
	entryBlock = 1 << 12
	tagBits    = 24
	tagMask    = 1<<tagBits - 1
)

// entry is one distinct code: the winning version and where the code is in the arena (ref =
// (slab<<slabBits | offset)<<1 | has).
type entry struct {
	at  int64
	ord int64
	ref uint64
}

func (e *entry) get() version {
	return version{at: e.at, ord: e.ord, has: e.ref&1 == 1}
}

func (e *entry) set(v version) {
	e.at, e.ord = v.at, v.ord
	e.ref &^= 1
	if v.has {
		e.ref |= 1
	}
}

func (t *codeTable) len() int64 { return t.n }

func (t *codeTable) entry(i int64) *entry { return &t.blocks[i/entryBlock][i%entryBlock] }

// code returns the bytes of entry e's code (a view of the arena).
func (t *codeTable) code(e *entry) []byte {
	ref := e.ref >> 1
	slab := t.slabs[ref>>slabBits]
	off := int(ref & (1<<slabBits - 1))
	n, w := binary.Uvarint(slab[off:])
	return slab[off+w : off+w+int(n)]
}

func tagOf(h uint64) uint64 { return h >> (64 - tagBits) }

func (t *codeTable) hash(code string) uint64 {
	if t.collide {
		return 0
	}
	return maphash.String(t.seed, code)
}

// find returns the entry of code, or nil. Cost: one hash and, on average, about two probes.
func (t *codeTable) find(code string) *entry {
	if t.n == 0 {
		return nil
	}
	h := t.hash(code)
	tag := tagOf(h)
	mask := uint64(len(t.slots) - 1)
	for p := h & mask; ; p = (p + 1) & mask {
		s := t.slots[p]
		if s == 0 {
			return nil
		}
		if s&tagMask == tag {
			if e := t.entry(int64(s>>tagBits) - 1); string(t.code(e)) == code {
				return e
			}
		}
	}
}

// upsert returns the entry of code, adding one (with the code copied into the arena and a zero version)
// when the code is new; seen says it existed.
func (t *codeTable) upsert(code string) (e *entry, seen bool) {
	if !t.started {
		t.seed, t.cur, t.started = maphash.MakeSeed(), -1, true
		t.slots = make([]uint64, 1024)
	}
	if (t.n+1)*4 > int64(len(t.slots))*3 {
		t.grow()
	}
	h := t.hash(code)
	tag := tagOf(h)
	mask := uint64(len(t.slots) - 1)
	p := h & mask
	for ; ; p = (p + 1) & mask {
		s := t.slots[p]
		if s == 0 {
			break
		}
		if s&tagMask == tag {
			if e := t.entry(int64(s>>tagBits) - 1); string(t.code(e)) == code {
				return e, true
			}
		}
	}
	i := t.n
	if i%entryBlock == 0 {
		t.blocks = append(t.blocks, new([entryBlock]entry))
	}
	t.n++
	e = t.entry(i)
	*e = entry{ref: t.store(code) << 1}
	t.slots[p] = uint64(i+1)<<tagBits | tag
	return e, false
}

// store copies code, length first, into the arena and returns its reference (slab<<slabBits | offset).
func (t *codeTable) store(code string) uint64 {
	need := binary.MaxVarintLen64 + len(code)
	if need > slabSize {
		slab := binary.AppendUvarint(make([]byte, 0, need), uint64(len(code)))
		t.slabs = append(t.slabs, append(slab, code...))
		return uint64(len(t.slabs)-1) << slabBits
	}
	if t.cur < 0 || cap(t.slabs[t.cur])-len(t.slabs[t.cur]) < need {
		t.slabs = append(t.slabs, make([]byte, 0, slabSize))
		t.cur = len(t.slabs) - 1
	}
	slab := t.slabs[t.cur]
	off := len(slab)
	slab = binary.AppendUvarint(slab, uint64(len(code)))
	t.slabs[t.cur] = append(slab, code...)
	return uint64(t.cur)<<slabBits | uint64(off)
}

// grow doubles the table and re-places every entry (hashing its code again from the arena).
func (t *codeTable) grow() {
	slots := make([]uint64, 2*len(t.slots))
	mask := uint64(len(slots) - 1)
	for i := range t.n {
		h := t.hash(string(t.code(t.entry(i))))
		p := h & mask
		for slots[p] != 0 {
			p = (p + 1) & mask
		}
		slots[p] = uint64(i+1)<<tagBits | tagOf(h)
	}
	t.slots = slots
}
