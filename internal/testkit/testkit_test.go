package testkit

import (
	"testing"
	"time"
)

func TestAt(t *testing.T) {
	for _, s := range []string{"2026-08-03 16:30", "2026-08-03 16:30:59", "2026-08-03"} {
		if At(s).Location().String() == "" {
			t.Errorf("%s: no location", s)
		}
	}
	if T("").IsSet() || !T("2026-08-03").IsSet() {
		t.Error("T")
	}
	if c := Calendar(t, 2026, 2026); c != Calendar(t, 2026, 2026) {
		t.Error("calendar not shared")
	}
	start := ProcessCPU()
	for i := 0; time.Duration(i) < time.Millisecond; i++ {
		_ = i
	}
	if ProcessCPU() < start {
		t.Error("CPU time went backwards")
	}
}
