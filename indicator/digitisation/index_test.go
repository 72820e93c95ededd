package digitisation

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/vn-dvc/chiso766/indicator"
)

// TestStrIndexMatchesKeys: the Classify tables answer exactly as the Keys' maps, for every interned id and
// for ids that are not interned (empty, prefixes, extensions, one byte changed), at sizes 0 to 2000 and
// lengths 1 to 40 bytes (the short forms compare words, the long ones strings).
func TestStrIndexMatchesKeys(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	for _, n := range []int{0, 1, 2, 3, 7, 80, 2000} {
		ids := make([]string, 0, n)
		for i := range n {
			switch i % 5 {
			case 0:
				ids = append(ids, fmt.Sprintf("H%02d.%03d", rng.IntN(99), i))
			case 1:
				ids = append(ids, fmt.Sprintf("000.%02d.%02d.H%02d", i%100, i/100, rng.IntN(99)))
			case 2:
				ids = append(ids, fmt.Sprintf("1.%06d", i))
			case 3:
				ids = append(ids, fmt.Sprint(i%997)) // 1 to 3 bytes
			default:
				ids = append(ids, strings.Repeat("x", i%23+1)+fmt.Sprint(i))
			}
		}
		k := indicator.NewKeys(ids, ids)
		units, procs := newStrIndex(k.NumUnits(), k.UnitID), newStrIndex(k.NumProcedures(), k.ProcedureCode)
		probes := []string{"", "H", "x", "\x00", "\x00\x00", "0\x00", strings.Repeat("x", 40)}
		for _, id := range ids {
			probes = append(probes, id, id[:len(id)-1], id+"0", "0"+id, strings.ToLower(id))
		}
		for _, s := range probes {
			if got, want := units.find(s), k.Unit(s); got != want {
				t.Fatalf("n=%d: units.find(%q) = %d, Keys.Unit %d", n, s, got, want)
			}
			if got, want := procs.find(s), k.Procedure(s); got != want {
				t.Fatalf("n=%d: procs.find(%q) = %d, Keys.Procedure %d", n, s, got, want)
			}
		}
	}
}
