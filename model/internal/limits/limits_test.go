package limits

import "testing"

func TestNew(t *testing.T) {
	for _, tc := range []struct {
		opts []Option
		want Config
	}{
		{nil, Config{Record: 10, Field: 5}},
		{[]Option{MaxRecord(20), nil, MaxField(7)}, Config{Record: 20, Field: 7}},
		{[]Option{MaxRecord(0), MaxField(-1)}, Config{Record: 10, Field: 5}},
		{[]Option{MaxRecord(20), MaxRecord(30)}, Config{Record: 30, Field: 5}},
	} {
		if got := New(10, 5, tc.opts); got != tc.want {
			t.Errorf("New(%v) = %v, want %v", tc.opts, got, tc.want)
		}
	}
}
