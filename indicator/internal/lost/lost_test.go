package lost

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestOffer: the k smallest distinct non-empty codes, ascending, whatever the order of arrival.
func TestOffer(t *testing.T) {
	cases := []struct {
		name string
		k    int
		in   []string
		want []string
	}{
		{"fewer than k", 3, []string{"b", "a"}, []string{"a", "b"}},
		{"keeps the smallest", 2, []string{"d", "c", "b", "a", "e"}, []string{"a", "b"}},
		{"duplicates once", 3, []string{"a", "a", "b", "a"}, []string{"a", "b"}},
		{"empty codes never kept", 2, []string{"", "b", ""}, []string{"b"}},
		{"k = 0 keeps none", 0, []string{"a"}, []string{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			le := Entry{Codes: make([]string, 0, tc.k)}
			for _, c := range tc.in {
				le.Offer(c, tc.k)
			}
			assert.Equal(t, tc.want, le.Codes)
		})
	}
}

// TestOfferMatchesSort: Offer over any sequence keeps what sorting the distinct non-empty codes and taking
// the first k gives, for k from 0 to 6 and codes drawn with repeats, shared prefixes and different
// lengths, in every arrival order the generator produces.
func TestOfferMatchesSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 766))
	alphabet := []string{"", "a", "ab", "abc", "b", "H99.01-2608", "H99.01-260801-000001", "H99.01-260801-000002",
		"H99.01-260801-0000010", "H99.02-260801-000001", "\x00", "a\x00", "z"}
	for k := range 7 {
		for range 300 {
			n := rng.IntN(30)
			in := make([]string, n)
			for i := range in {
				in[i] = alphabet[rng.IntN(len(alphabet))]
			}
			le := Entry{Codes: make([]string, 0, k)}
			for _, c := range in {
				le.Offer(c, k)
			}
			var want []string
			for _, c := range in {
				if c != "" && !slices.Contains(want, c) {
					want = append(want, c)
				}
			}
			slices.Sort(want)
			want = want[:min(k, len(want))]
			if !slices.Equal(le.Codes, want) {
				t.Fatalf("k=%d in=%q: kept %q, want %q", k, in, le.Codes, want)
			}
		}
	}
}

// FuzzOffer: Offer over the codes of a fuzzed list (split at '|') keeps what sorting the distinct non-empty
// codes and taking the first k gives, and Last is the largest kept code.
func FuzzOffer(f *testing.F) {
	f.Add("b|a|c|a||d", uint8(2))
	f.Add("H99.01-260801-000002|H99.01-260801-000001|H99.01-2608", uint8(5))
	f.Add("", uint8(0))
	f.Fuzz(func(t *testing.T, list string, kb uint8) {
		k := int(kb % 8)
		in := strings.Split(list, "|")
		le := NewEntry("r", k)
		for _, c := range in {
			le.Offer(c, k)
		}
		var want []string
		for _, c := range in {
			if c != "" && !slices.Contains(want, c) {
				want = append(want, c)
			}
		}
		slices.Sort(want)
		want = want[:min(k, len(want))]
		if !slices.Equal(le.Codes, want) {
			t.Fatalf("k=%d in=%q: kept %q, want %q", k, in, le.Codes, want)
		}
		if len(want) > 0 && le.Last != want[len(want)-1] || len(want) == 0 && le.Last != "" {
			t.Fatalf("Last %q, kept %q", le.Last, le.Codes)
		}
	})
}
