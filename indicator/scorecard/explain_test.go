package scorecard

import (
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
			le := lostEntry{codes: make([]string, 0, tc.k)}
			for _, c := range tc.in {
				le.offer(c, tc.k)
			}
			assert.Equal(t, tc.want, le.codes)
		})
	}
}
