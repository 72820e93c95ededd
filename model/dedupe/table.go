package dedupe

import (
	"encoding/binary"
	"hash/maphash"
)

// CodeTable maps a code (any string key, compared byte for byte) to a value of type V with less memory
// than a map[string]V of cloned strings: each code is copied once, prefixed by its length, into arena
// slabs of slabSize bytes (a longer code gets a slab of its own); entries (V and an 8-byte arena
// reference) live in fixed blocks (no doubling copies); the table is open addressing with linear
// probing, one uint64 slot per position (entry number + 1 in the high 40 bits, the top 24 bits of the
// code's hash in the low 24) at a load of at most 3/4. Codes are compared byte for byte: the hash only
// chooses where to look. The zero value is an empty table. Lookups (Find, Code) do not write and are
// safe for concurrent use with each other; Upsert is not safe for concurrent use. Cost per code: about
// sizeof(V) + 8 + len(code) + 1 bytes plus 8–16 bytes of slots; Upsert and Find hash the code once and
// probe about twice on average, no allocation except when the table grows.
type CodeTable[V any] struct {
	seed    maphash.Seed
	slots   []uint64
	blocks  []*[entryBlock]Entry[V]
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

// Entry is one distinct code of a CodeTable: its value Val, and where the code is in the arena (ref =
// (slab<<slabBits | offset)<<1 | flag), with one spare bit the owner may use (Flag, SetFlag).
type Entry[V any] struct {
	Val V
	ref uint64
}

// Flag returns the entry's spare bit (false in a new entry).
func (e *Entry[V]) Flag() bool { return e.ref&1 == 1 }

// SetFlag sets the entry's spare bit.
func (e *Entry[V]) SetFlag(f bool) {
	e.ref &^= 1
	if f {
		e.ref |= 1
	}
}

// Len returns the number of distinct codes.
func (t *CodeTable[V]) Len() int64 { return t.n }

func (t *CodeTable[V]) entry(i int64) *Entry[V] { return &t.blocks[i/entryBlock][i%entryBlock] }

// Code returns the bytes of entry e's code (a view of the arena: not to be modified).
func (t *CodeTable[V]) Code(e *Entry[V]) []byte {
	ref := e.ref >> 1
	slab := t.slabs[ref>>slabBits]
	off := int(ref & (1<<slabBits - 1))
	n, w := binary.Uvarint(slab[off:])
	return slab[off+w : off+w+int(n)]
}

func tagOf(h uint64) uint64 { return h >> (64 - tagBits) }

func (t *CodeTable[V]) hash(code string) uint64 {
	if t.collide {
		return 0
	}
	return maphash.String(t.seed, code)
}

// Find returns the entry of code, or nil. Cost: one hash and, on average, about two probes.
func (t *CodeTable[V]) Find(code string) *Entry[V] {
	if i := t.lookup(code); i >= 0 {
		return t.entry(i)
	}
	return nil
}

// lookup returns the number of code's entry, or -1.
func (t *CodeTable[V]) lookup(code string) int64 {
	if t.n == 0 {
		return -1
	}
	h := t.hash(code)
	tag := tagOf(h)
	mask := uint64(len(t.slots) - 1)
	for p := h & mask; ; p = (p + 1) & mask {
		s := t.slots[p]
		if s == 0 {
			return -1
		}
		if s&tagMask == tag {
			if i := int64(s>>tagBits) - 1; string(t.Code(t.entry(i))) == code {
				return i
			}
		}
	}
}

// Upsert returns the entry of code, adding one (with the code copied into the arena, a zero Val and
// flag) when the code is new; seen says it existed. The code is copied, so a substring of a larger
// buffer is not retained. The entry pointer stays valid for the table's life.
func (t *CodeTable[V]) Upsert(code string) (e *Entry[V], seen bool) {
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
			if e := t.entry(int64(s>>tagBits) - 1); string(t.Code(e)) == code {
				return e, true
			}
		}
	}
	i := t.n
	if i%entryBlock == 0 {
		t.blocks = append(t.blocks, new([entryBlock]Entry[V]))
	}
	t.n++
	e = t.entry(i)
	*e = Entry[V]{ref: t.store(code) << 1}
	t.slots[p] = uint64(i+1)<<tagBits | tag
	return e, false
}

// store copies code, length first, into the arena and returns its reference (slab<<slabBits | offset).
func (t *CodeTable[V]) store(code string) uint64 {
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
func (t *CodeTable[V]) grow() {
	slots := make([]uint64, 2*len(t.slots))
	mask := uint64(len(slots) - 1)
	for i := range t.n {
		h := t.hash(string(t.Code(t.entry(i))))
		p := h & mask
		for slots[p] != 0 {
			p = (p + 1) & mask
		}
		slots[p] = uint64(i+1)<<tagBits | tagOf(h)
	}
	t.slots = slots
}
