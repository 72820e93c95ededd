package quality

import (
	"fmt"
	"runtime"
	"slices"
	"testing"
)

// BenchmarkDuplicateIndex1M: the duplicate checks alone (Check hashing each record itself) over
// 1 000 000 records of which 300 000 re-send an earlier code (700 000 distinct codes). index-B/code is
// the live heap held by the checker after the pass, per distinct code; time/op is the whole pass.
func BenchmarkDuplicateIndex1M(b *testing.B) {
	const n, distinct = 1_000_000, 700_000
	recs := make([]string, n)
	for i := range recs {
		recs[i] = fmt.Sprintf("H44.07-%06d-%04d", (i%distinct)/10000, (i%distinct)%10000)
	}
	skip := slices.DeleteFunc(AllChecks(), func(c Check) bool { return c == DuplicateCode || c == ResendConflict })
	b.ReportAllocs()
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		c := NewChecker(Options{Skip: skip})
		d := base()
		for _, code := range recs {
			d.Code = code
			c.Check(&d)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		if c.Seen() != distinct {
			b.Fatalf("seen %d", c.Seen())
		}
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/distinct, "index-B/code")
		runtime.KeepAlive(c)
	}
}
