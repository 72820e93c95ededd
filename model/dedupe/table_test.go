package dedupe

import (
	"fmt"
	"strings"
	"testing"
)

// TestCodeTableCollisions: with every code hashing alike (one probe chain, one tag) the table must still
// tell codes apart by their bytes, across growth, for codes that are prefixes of each other and for a
// code longer than an arena slab.
func TestCodeTableCollisions(t *testing.T) {
	for _, collide := range []bool{true, false} {
		t.Run(fmt.Sprint("collide=", collide), func(t *testing.T) {
			tab := codeTable{collide: collide}
			long := strings.Repeat("L", slabSize)
			codes := []string{"A", "AB", "ABC", "B", "Đ", long, long + "x"}
			for i := range 2000 {
				codes = append(codes, fmt.Sprint("C-", i))
			}
			for i, c := range codes {
				e, seen := tab.Upsert(c)
				if seen {
					t.Fatalf("upsert(%.20q) of a new code: seen", c)
				}
				set(e, version{ord: int64(i), has: i%2 == 0, at: int64(-i)})
			}
			if tab.Len() != int64(len(codes)) {
				t.Fatalf("len %d, want %d", tab.Len(), len(codes))
			}
			for i, c := range codes {
				e := tab.Find(c)
				if e == nil || get(e) != (version{ord: int64(i), has: i%2 == 0, at: int64(-i)}) || string(tab.Code(e)) != c {
					t.Fatalf("find(%.20q) = %v", c, e)
				}
				if _, seen := tab.Upsert(c); !seen {
					t.Fatalf("upsert(%.20q) again: not seen", c)
				}
			}
			for _, c := range []string{"", "ABCD", "C-2000", long[:len(long)-1], long + "y"} {
				if e := tab.Find(c); e != nil {
					t.Errorf("find(%.20q) of a code never added = entry %d", c, e.Val.ord)
				}
			}
		})
	}
}
