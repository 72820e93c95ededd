// Package testkit holds the helpers this module's tests and benchmarks share: process CPU time for
// per-record benchmark metrics, Vietnam-time builders for test records, and a cached test calendar. It is
// internal: not part of the library's API, and never imported by non-test code.
package testkit

import (
	"sync"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/model"
)

// At parses "2006-01-02 15:04" (or "2006-01-02 15:04:05", or "2006-01-02") in Vietnam time; it panics on
// a malformed literal, which is a bug in the test.
func At(s string) time.Time {
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, model.Vietnam()); err == nil {
			return t
		}
	}
	panic("testkit.At: malformed time literal " + s)
}

// T is At as an optional model.Time; "" is absent.
func T(s string) model.Time {
	if s == "" {
		return model.Time{}
	}
	return model.Some(At(s))
}

var calendars sync.Map // [2]int → *calendar.Calendar

// Calendar returns the Vietnamese working-day calendar for the years from–to, built once per range and
// shared by the tests of a binary (a Calendar is immutable).
func Calendar(tb testing.TB, from, to int) *calendar.Calendar {
	tb.Helper()
	key := [2]int{from, to}
	if c, ok := calendars.Load(key); ok {
		return c.(*calendar.Calendar)
	}
	c, err := calendar.New(calendar.Options{FromYear: from, ToYear: to})
	if err != nil {
		tb.Fatal(err)
	}
	v, _ := calendars.LoadOrStore(key, c)
	return v.(*calendar.Calendar)
}

// PerRecord is a benchmark's per-record clock: start it after the set-up, then Report the number of
// records processed. It reports records/s (wall), cpu-ns/record and records/cpu-s (the two clocks differ
// when the machine is oversubscribed).
type PerRecord struct {
	b    *testing.B
	cpu0 time.Duration
}

// StartPerRecord resets the benchmark timer, turns on allocation reporting and starts the CPU clock.
func StartPerRecord(b *testing.B) PerRecord {
	b.ReportAllocs()
	b.ResetTimer()
	return PerRecord{b: b, cpu0: ProcessCPU()}
}

// Report reports the metrics for n records, named unit ("dossier", "petition" …).
func (p PerRecord) Report(n int, unit string) {
	cpu := ProcessCPU() - p.cpu0
	if n <= 0 {
		return
	}
	p.b.ReportMetric(float64(n)/p.b.Elapsed().Seconds(), unit+"s/s")
	p.b.ReportMetric(float64(cpu.Nanoseconds())/float64(n), "cpu-ns/"+unit)
	if cpu > 0 {
		p.b.ReportMetric(float64(n)/cpu.Seconds(), unit+"s/cpu-s")
	}
}
