package offer

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

func TestMapCode(t *testing.T) {
	m := map[string]string{"L1": "N1", "N1": "N9"}
	assert.Equal(t, "N1", MapCode(m, "L1"), "mapped once, not transitively")
	assert.Equal(t, "X", MapCode(m, "X"))
	assert.Equal(t, "L1", MapCode(nil, "L1"))
}

func TestOwnKeysHoldsCodeMapKeysAndValues(t *testing.T) {
	k := OwnKeys([]model.Procedure{{Code: "P1"}, {Code: "P3"}},
		[]model.Offering{{UnitID: "U1", ProcedureCode: "P4"}, {UnitID: "U1", ProcedureCode: "P1"}, {ProcedureCode: "P5"}},
		map[string]string{"L2": "P2", "L1": "P1"})
	assert.Equal(t, []string{"U1"}, k.UnitIDs())
	assert.Equal(t, []string{"P1", "P3", "P4", "P5", "L1", "L2", "P2"}, k.ProcedureCodes())
}

func TestBuilderGroupsInFirstSeenOrder(t *testing.T) {
	b := NewBuilder()
	g, added := b.Pair("U2", "P1", true)
	assert.Equal(t, [2]any{int32(0), true}, [2]any{g, added})
	g, added = b.Pair("U1", "P1", false)
	assert.Equal(t, [2]any{int32(1), true}, [2]any{g, added})
	g, added = b.Pair("U2", "P1", false)
	assert.Equal(t, [2]any{int32(0), false}, [2]any{g, added}, "a repeat keeps its group and its first listed value")
	x := Build(b, nil, nil, func(string) int { return 0 })
	require.Equal(t, 2, x.NumUnits())
	assert.Equal(t, Unit{ID: "U1", Codes: []string{}, Groups: nil}, *x.Unit(0), "a unit of unlisted pairs only")
	assert.Equal(t, Unit{ID: "U2", Codes: []string{"P1"}, Groups: []int32{0}}, *x.Unit(1))
}

type info struct{ code string }

// randomIndex adds random pairs over units U0…U(nu−1) and codes of the form Pn (mapped from Ln by the code
// map for odd n), some unlisted, and returns the builder and the expected list per unit.
func randomIndex(rng *rand.Rand, nu, np, pairs int) (*Builder, map[string]string, map[string][]string) {
	b := NewBuilder()
	codeMap := map[string]string{}
	listed := map[[2]string]bool{}
	units := map[string][]string{}
	for range pairs {
		u := fmt.Sprintf("U%d", rng.IntN(nu))
		p := fmt.Sprintf("P%d", rng.IntN(np))
		l := rng.IntN(3) > 0
		if _, added := b.Pair(u, p, l); added {
			listed[[2]string{u, p}] = l
			if _, ok := units[u]; !ok {
				units[u] = []string{}
			}
			if l {
				units[u] = append(units[u], p)
			}
		}
	}
	for i := 1; i < np; i += 2 {
		codeMap[fmt.Sprintf("L%d", i)] = fmt.Sprintf("P%d", i)
	}
	for _, cs := range units {
		slices.Sort(cs)
	}
	return b, codeMap, units
}

// TestIndexLookupsMatchStrings: for every unit and raw code, in and out of the Keys, the Ref lookups
// (Slot, Proc, Pos) agree with the lookups by string and with the expected lists, on the dense table and
// on the map, before and after Remap.
func TestIndexLookupsMatchStrings(t *testing.T) {
	for _, denseMax := range []int{1 << 20, 0} {
		t.Run(fmt.Sprintf("denseMax=%d", denseMax), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(5, 6))
			b, codeMap, want := randomIndex(rng, 30, 25, 300)
			b.denseMax = denseMax
			var unitIDs, raw []string
			for i := range 35 {
				unitIDs = append(unitIDs, fmt.Sprintf("U%d", 34-i)) // 5 units without pairs
			}
			for i := range 30 {
				raw = append(raw, fmt.Sprintf("P%d", i), fmt.Sprintf("L%d", i))
			}
			keys := indicator.NewKeys(unitIDs[:20], raw[:30]) // the rest is looked up by string
			x := Build(b, keys, codeMap, func(code string) info { return info{code} })
			assert.Equal(t, denseMax == 0, x.sparse != nil)

			ids := make([]string, 0, len(want))
			for id := range want {
				ids = append(ids, id)
			}
			slices.Sort(ids)
			require.Equal(t, len(ids), x.NumUnits())
			for slot, id := range ids {
				u := x.Unit(int32(slot))
				require.Equal(t, id, u.ID)
				require.Equal(t, want[id], u.Codes)
				require.Len(t, u.Groups, len(u.Codes))
			}
			check := func(value func(slot, pos int32) int32) {
				for _, id := range append(unitIDs, "", "nowhere") {
					ref := keys.Unit(id)
					slot := x.Slot(ref, id)
					require.Equal(t, x.UnitSlot(id), slot, id)
					require.Equal(t, slot, x.Slot(-1, id), id)
					require.Equal(t, slot, x.Slot(1<<30, id), id)
					for _, rc := range append(raw, "", "P99") {
						p := x.Proc(keys.Procedure(rc), rc)
						code := MapCode(codeMap, rc)
						require.Equal(t, Proc[info]{Code: code, ID: x.CodeID(code), Info: info{code}}, p, rc)
						require.Equal(t, p, x.Proc(-1, rc))
						wantPos := int32(-1)
						if i := slices.Index(want[id], code); i >= 0 {
							wantPos = value(slot, int32(i))
						}
						require.Equal(t, wantPos, x.Pos(slot, p.ID), "%s %s", id, rc)
						s, pos := x.Find(id, code)
						require.Equal(t, [2]int32{slot, wantPos}, [2]int32{s, pos})
					}
				}
			}
			check(func(_, pos int32) int32 { return pos })
			remap := func(slot, pos int32) int32 {
				if (slot+pos)%3 == 0 {
					return -1
				}
				return 1000*slot + pos
			}
			x.Remap(remap)
			check(remap)
		})
	}
}

func TestIndexWithNilKeys(t *testing.T) {
	b := NewBuilder()
	b.Pair("U1", "P1", true)
	x := Build(b, nil, nil, func(code string) bool { return code == "P1" })
	assert.Equal(t, int32(0), x.Slot(0, "U1"), "every index is out of a nil Keys' range")
	assert.Equal(t, Proc[bool]{Code: "P1", ID: 0, Info: true}, x.Proc(0, "P1"))
	assert.Equal(t, int32(0), x.Pos(0, 0))
	assert.Equal(t, int32(-1), x.Pos(-1, 0))
	assert.Equal(t, int32(-1), x.Pos(0, -1))
}
