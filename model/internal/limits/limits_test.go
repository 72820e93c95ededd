package limits

import "testing"

func TestNew(t *testing.T) {
	for _, tc := range []struct {
		opts []Option
		want Config
	}{
		{nil, Config{10, 5}},
		{[]Option{MaxRecord(20), nil, MaxField(7)}, Config{20, 7}},
		{[]Option{MaxRecord(0), MaxField(-1)}, Config{10, 5}},
		{[]Option{MaxRecord(20), MaxRecord(30)}, Config{30, 5}},
	} {
		if got := New(10, 5, tc.opts); got != tc.want {
			t.Errorf("New(%v) = %v, want %v", tc.opts, got, tc.want)
		}
	}
}
