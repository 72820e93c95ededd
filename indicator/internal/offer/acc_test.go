package offer

import (
	"maps"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
)

var names = []indicator.Reason{"", "x.a", "x.b", "x.c"}

func counted(i uint8) bool { return i == 3 }

func TestReasonsCountByIndexAndByName(t *testing.T) {
	var l Reasons
	l.Add(1, "ignored: the index names it", true)
	l.Add(3, "", false)
	l.Add(3, "", false)
	l.Add(0, "hand.made", true)
	l.Add(MaxReasons, "too.large", false)
	got := l.Ledger(names, counted)
	assert.Equal(t, [3]int64{5, 3, 2}, [3]int64{got.Read, got.Counted, got.Excluded})
	assert.Equal(t, []indicator.LedgerEntry{
		{Reason: "hand.made", Counted: 1}, {Reason: "too.large", Excluded: 1}, {Reason: "x.a", Excluded: 1}, {Reason: "x.c", Counted: 2},
	}, got.Entries())

	var m Reasons
	m.Add(2, "", false)
	m.Add(0, "hand.made", true)
	m.Merge(&l)
	m.Merge(&m) // doubles
	got = m.Ledger(names, counted)
	assert.Equal(t, [3]int64{14, 8, 6}, [3]int64{got.Read, got.Counted, got.Excluded})
	assert.Equal(t, []indicator.LedgerEntry{
		{Reason: "hand.made", Counted: 4}, {Reason: "too.large", Excluded: 2}, {Reason: "x.a", Excluded: 2},
		{Reason: "x.b", Excluded: 2}, {Reason: "x.c", Counted: 4},
	}, got.Entries())
	assert.Equal(t, int64(5), l.Ledger(names, counted).Read, "the merged-in Reasons is unchanged")
}

func TestUnitsAtAndMerge(t *testing.T) {
	flags := func(i int) int { return i + 1 }
	a := NewUnits(2, flags)
	require.Len(t, a.Known[1].Flags, 2)
	assert.Same(t, &a.Known[1], a.At(1, "ignored"))
	x := a.At(-1, "X")
	assert.Same(t, x, a.At(5, "X"), "out of range: by id, created once")
	x.Count.Den = 1
	a.At(0, "").Count = indicator.Count{Num: 1, Den: 2}
	a.Known[1].Flags[1] = 4

	b := NewUnits(2, flags)
	b.Known[0].Count = indicator.Count{Num: 1, Den: 1}
	b.Known[0].Flags[0] = 1
	b.Known[1].Flags[0] = 2
	b.At(-1, "X").Count = indicator.Count{Num: 1, Den: 1}
	b.At(-1, "Y").Count = indicator.Count{Den: 3}

	same := NewUnits(2, flags)
	same.Merge(&a, true, nil, func(string) int32 { return -1 }, nil, nil)
	same.Merge(&b, true, nil, func(string) int32 { return -1 }, nil, nil)
	assert.Equal(t, []State{{Count: indicator.Count{Num: 2, Den: 3}, Flags: []uint8{1}}, {Flags: []uint8{2, 4}}}, same.Known)
	assert.Equal(t, map[string]*State{"X": {Count: indicator.Count{Num: 1, Den: 2}}, "Y": {Count: indicator.Count{Den: 3}}}, same.Other)

	// Another calculator: b's slot 0 is unit "B0", known to c as slot 1; b's slot 1 is "B1", unknown to c.
	// b's flag (0, 0) maps to c's (1, 0); (1, 0) is dropped.
	c := NewUnits(2, flags)
	ids := []string{"B0", "B1"}
	c.Merge(&b, false, func(i int) string { return ids[i] },
		func(id string) int32 {
			if s, ok := map[string]int32{"B0": 1, "X": 0}[id]; ok {
				return s
			}
			return -1
		},
		func(i, j int) (int32, int32, string) {
			if i == 0 {
				return 1, 0, ""
			}
			return 0, -1, ""
		}, nil)
	assert.Equal(t, []State{{Count: indicator.Count{Num: 1, Den: 1}, Flags: []uint8{0}}, {Count: indicator.Count{Num: 1, Den: 1}, Flags: []uint8{1, 0}}}, c.Known)
	assert.Equal(t, []string{"B1", "Y"}, slices.Sorted(maps.Keys(c.Other)))
	assert.Equal(t, indicator.Count{}, c.Other["B1"].Count)

	c.Merge(&c, false, nil, nil, nil, nil)
	assert.Equal(t, indicator.Count{Num: 2, Den: 2}, c.Known[1].Count, "self-merge doubles")
	assert.Equal(t, []uint8{1, 0}, c.Known[1].Flags, "flags are idempotent")
	assert.Equal(t, indicator.Count{Den: 6}, c.Other["Y"].Count)
}

func TestSortedIDsAndDistinct(t *testing.T) {
	m := map[string]int{"b": 2, "a": 1, "c": 3}
	assert.Equal(t, []string{"a", "b", "c"}, SortedIDs(m))
	var got []string
	for id, v := range Distinct(m, []string{"c", "x", "a", "c", "a"}) {
		got = append(got, id)
		assert.Equal(t, m[id], v)
	}
	assert.Equal(t, []string{"c", "a"}, got, "unknown ids skipped, repeats once, in order")
	for range Distinct(m, []string{"a", "b"}) {
		break // stopping early is allowed
	}
}
