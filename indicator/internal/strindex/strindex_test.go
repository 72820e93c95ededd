package strindex

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestFindMatchesMap: Find answers exactly as a map for every indexed string and for strings that are
// not indexed (empty, prefixes, extensions, case changes, NUL bytes), at sizes 0 to 2000 and lengths 1 to
// 40 bytes (the short forms compare words, the long ones strings). Moved here from the publication and
// digitisation packages, which had a copy each.
func TestFindMatchesMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	for _, n := range []int{0, 1, 2, 3, 7, 80, 2000} {
		ids := make([]string, 0, n)
		want := map[string]int32{}
		for i := range n {
			var s string
			switch i % 5 {
			case 0:
				s = fmt.Sprintf("H%02d.%03d", rng.IntN(99), i)
			case 1:
				s = fmt.Sprintf("000.%02d.%02d.H%02d", i%100, i/100, rng.IntN(99))
			case 2:
				s = fmt.Sprintf("1.%06d", i)
			case 3:
				s = fmt.Sprint(i % 997) // 1 to 3 bytes
			default:
				s = strings.Repeat("x", i%23+1) + fmt.Sprint(i)
			}
			if _, dup := want[s]; dup {
				continue
			}
			want[s] = int32(len(ids))
			ids = append(ids, s)
		}
		idx := New(len(ids), func(i int32) string { return ids[i] })
		probes := []string{"", "H", "x", "\x00", "\x00\x00", "0\x00", strings.Repeat("x", 40)}
		for _, id := range ids {
			probes = append(probes, id, id[:len(id)-1], id+"0", "0"+id, strings.ToLower(id))
		}
		for _, s := range probes {
			w, ok := want[s]
			if !ok {
				w = -1
			}
			if got := idx.Find(s); got != w {
				t.Fatalf("n=%d: Find(%q) = %d, want %d", n, s, got, w)
			}
		}
	}
	var zero Index
	if got := zero.Find("H99"); got != -1 {
		t.Fatalf("zero Index: Find = %d", got)
	}
}

func FuzzFind(f *testing.F) {
	f.Add("H99.01", "H99.01")
	f.Add("000.00.01.H22", "000.00.01.H2")
	f.Add("1.003560.000.00.00.H56", "1.003560.000.00.00.H57")
	f.Fuzz(func(t *testing.T, a, b string) {
		want := map[string]int32{}
		var ids []string
		for _, s := range []string{a, b} {
			if _, dup := want[s]; s != "" && !dup {
				want[s] = int32(len(ids))
				ids = append(ids, s)
			}
		}
		idx := New(len(ids), func(i int32) string { return ids[i] })
		probes := []string{a, b, a + "\x00", b + "\x00", "\x00" + a, a + b, ""}
		if len(a) > 0 {
			probes = append(probes, a[1:], a[:len(a)-1])
		}
		for _, s := range probes {
			w, ok := want[s]
			if !ok {
				w = -1
			}
			if got := idx.Find(s); got != w {
				t.Fatalf("Find(%q) = %d, want %d", s, got, w)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	ids := make([]string, 2000)
	for i := range ids {
		ids[i] = fmt.Sprintf("1.%06d.000.00.00.H99", i)
	}
	idx := New(len(ids), func(i int32) string { return ids[i] })
	b.ReportAllocs()
	var n int32
	i := 0
	for b.Loop() {
		n += idx.Find(ids[i])
		i = (i + 7) % len(ids)
	}
	_ = n
}
