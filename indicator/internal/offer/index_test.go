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

func TestOwnKeys(t *testing.T) {
	procs := []model.Procedure{{Code: "P1"}, {Code: "P3"}}
	offs := []model.Offering{{UnitID: "U1", ProcedureCode: "P4"}, {UnitID: "U1", ProcedureCode: "P1"}, {ProcedureCode: "P5"}}
	codeMap := map[string]string{"L2": "P2", "L1": "P1"}
	k := OwnKeys(nil, procs, offs, codeMap)
	assert.Equal(t, []string{"U1"}, k.UnitIDs())
	assert.Equal(t, []string{"P1", "P3", "P4", "P5", "L1", "L2", "P2"}, k.ProcedureCodes())

	full := indicator.NewKeys([]string{"U0", "U1"}, []string{"Q", "P5", "P4", "P3", "P2", "P1", "L2", "L1"})
	assert.Same(t, full, OwnKeys(full, procs, offs, codeMap), "a shared Keys holding every id is used as is")
	part := indicator.NewKeys([]string{"U0"}, []string{"Q", "P4"})
	k = OwnKeys(part, procs, offs, codeMap)
	assert.Equal(t, []string{"U0", "U1"}, k.UnitIDs(), "the shared ids first, keeping their indexes")
	assert.Equal(t, []string{"Q", "P4", "P1", "P3", "P5", "L1", "L2", "P2"}, k.ProcedureCodes())
}

func TestBuilderGroupsInFirstSeenOrder(t *testing.T) {
	keys := indicator.NewKeys([]string{"U1", "U2"}, []string{"P1"})
	b := NewBuilder(keys)
	g, added := b.Pair("U2", "P1", true)
	assert.Equal(t, [2]any{int32(0), true}, [2]any{g, added})
	g, added = b.Pair("U1", "P1", false)
	assert.Equal(t, [2]any{int32(1), true}, [2]any{g, added})
	g, added = b.Pair("U2", "P1", false)
	assert.Equal(t, [2]any{int32(0), false}, [2]any{g, added}, "a repeat keeps its group and its first listed value")
	x := Build(b, nil, func(string) int { return 0 })
	require.Equal(t, 2, x.NumUnits())
	assert.Equal(t, Unit{ID: "U1", Codes: []string{}, Groups: nil}, *x.Unit(0), "a unit of unlisted pairs only")
	assert.Equal(t, Unit{ID: "U2", Codes: []string{"P1"}, Groups: []int32{0}}, *x.Unit(1))
}

type info struct{ code string }

// TestIndexLookupsMatchStrings: random pairs over units U0…U29 and codes Pn (Ln mapped to Pn for odd n),
// some unlisted, on a Keys extending a shared one that holds part of the ids in another order: for every
// unit and raw code, in and out of the Keys, the lookups by the shared Keys' index, by no index and by
// string agree with the expected lists, on the dense table and on the map, before and after Remap.
func TestIndexLookupsMatchStrings(t *testing.T) {
	for _, denseMax := range []int{1 << 20, 0} {
		t.Run(fmt.Sprintf("denseMax=%d", denseMax), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(5, 6))
			codeMap := map[string]string{}
			var unitIDs, raw []string
			for i := range 35 {
				unitIDs = append(unitIDs, fmt.Sprintf("U%d", 34-i)) // 5 units without pairs
			}
			for i := range 30 {
				raw = append(raw, fmt.Sprintf("P%d", i), fmt.Sprintf("L%d", i))
				if i%2 == 1 {
					codeMap[fmt.Sprintf("L%d", i)] = fmt.Sprintf("P%d", i)
				}
			}
			type pr struct {
				unit, code string
				listed     bool
			}
			var pairs []pr
			var offs []model.Offering
			for range 300 {
				p := pr{fmt.Sprintf("U%d", rng.IntN(30)), fmt.Sprintf("P%d", rng.IntN(25)), rng.IntN(3) > 0}
				pairs = append(pairs, p)
				offs = append(offs, model.Offering{UnitID: p.unit, ProcedureCode: p.code})
			}
			shared := indicator.NewKeys(unitIDs[:20], raw[:30])
			keys := OwnKeys(shared, nil, offs, codeMap)
			b := NewBuilder(keys)
			b.denseMax = denseMax
			want := map[string][]string{}
			for _, p := range pairs {
				if _, added := b.Pair(p.unit, p.code, p.listed); added {
					if _, ok := want[p.unit]; !ok {
						want[p.unit] = []string{}
					}
					if p.listed {
						want[p.unit] = append(want[p.unit], p.code)
					}
				}
			}
			for _, cs := range want {
				slices.Sort(cs)
			}
			x := Build(b, codeMap, func(code string) info { return info{code} })
			assert.Equal(t, denseMax == 0, x.sparse != nil)

			ids := SortedIDs(want)
			require.Equal(t, len(ids), x.NumUnits())
			for row, id := range ids {
				u := x.Unit(int32(row))
				require.Equal(t, id, u.ID)
				require.Equal(t, want[id], u.Codes)
				require.Len(t, u.Groups, len(u.Codes))
			}
			check := func(value func(row, pos int32) int32) {
				for _, id := range append(unitIDs, "", "nowhere") {
					row := int32(slices.Index(ids, id))
					require.Equal(t, row, x.Row(shared.Unit(id), id), id)
					require.Equal(t, row, x.Row(-1, id), id)
					require.Equal(t, row, x.Row(1<<30, id), id)
					for _, rc := range append(raw, "", "P99") {
						p := x.Proc(shared.Procedure(rc), rc)
						code := MapCode(codeMap, rc)
						require.Equal(t, Proc[info]{Code: code, ID: x.CodeID(code), Info: info{code}}, p, rc)
						require.Equal(t, p, x.Proc(-1, rc))
						wantPos := int32(-1)
						if i := slices.Index(want[id], code); i >= 0 {
							wantPos = value(row, int32(i))
						}
						require.Equal(t, wantPos, x.Pos(row, p.ID), "%s %s", id, rc)
						r, pos := x.Find(id, code)
						require.Equal(t, [2]int32{row, wantPos}, [2]int32{r, pos})
					}
				}
			}
			check(func(_, pos int32) int32 { return pos })
			remap := func(row, pos int32) int32 {
				if (row+pos)%3 == 0 {
					return -1
				}
				return 1000*row + pos
			}
			x.Remap(remap)
			check(remap)
		})
	}
}
