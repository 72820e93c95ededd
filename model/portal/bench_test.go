package portal

import (
	"bytes"
	"io"
	"runtime"
	"testing"
)

// payloadSize returns the byte size of a generated n-dossier payload.
func payloadSize(n int) int64 {
	g := newGenReader(n)
	m, _ := io.Copy(io.Discard, g)
	return m
}

// BenchmarkDecodeDossiers100k decodes a generated 100 000-dossier payload per
// iteration, streamed from a generating reader (≈ 150 MB); MB/s is the
// decoding throughput.
func BenchmarkDecodeDossiers100k(b *testing.B) {
	const n = 100_000
	b.SetBytes(payloadSize(n))
	b.ReportAllocs()
	for b.Loop() {
		count := 0
		for _, err := range DecodeDossiers(newGenReader(n)) {
			if err != nil {
				b.Fatal(err)
			}
			count++
		}
		if count != n {
			b.Fatalf("decoded %d", count)
		}
	}
	b.ReportMetric(float64(n), "dossiers/op")
}

// BenchmarkEncodeDossiers encodes 1 000 decoded dossiers per iteration.
func BenchmarkEncodeDossiers(b *testing.B) {
	all := decodeAll(b, mustReadAll(b, newGenReader(1000)))
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		enc := NewEncoder(&buf, Envelope{Service: "DongBoHoSoMC"})
		for i := range all {
			if err := enc.WriteDossier(&all[i]); err != nil {
				b.Fatal(err)
			}
		}
		if err := enc.Close(); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(buf.Len()))
	}
}

func mustReadAll(tb testing.TB, r io.Reader) []byte {
	tb.Helper()
	b, err := io.ReadAll(r)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// BenchmarkParseTime parses the legacy layout.
func BenchmarkParseTime(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := ParseTime("20260803081512"); err != nil {
			b.Fatal(err)
		}
	}
}

// decodeStats decodes n generated dossiers and returns the bytes allocated per
// record and the peak HeapInuse seen (sampled every 500 records).
func decodeStats(t testing.TB, n int) (allocPerRecord float64, peak uint64, size int64) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	start := ms.TotalAlloc
	count := 0
	g := newGenReader(n)
	for _, err := range DecodeDossiers(g) {
		if err != nil {
			t.Fatal(err)
		}
		count++
		if count%500 == 0 {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
		}
	}
	if count != n {
		t.Fatalf("decoded %d of %d", count, n)
	}
	runtime.ReadMemStats(&ms)
	peak = max(peak, ms.HeapInuse)
	return float64(ms.TotalAlloc-start) / float64(n), peak, g.total
}

// TestDecodeMemoryBounded shows that decoding memory does not grow with the
// record count: a payload ten times larger allocates the same per record and
// peaks at about the same heap size.
func TestDecodeMemoryBounded(t *testing.T) {
	small, large := 10_000, 100_000
	if raceEnabled {
		small, large = 200, 2_000
	}
	allocSmall, peakSmall, _ := decodeStats(t, small)
	allocLarge, peakLarge, size := decodeStats(t, large)
	t.Logf("%d records: %.0f B/record, peak HeapInuse %.1f MiB", small, allocSmall, float64(peakSmall)/(1<<20))
	t.Logf("%d records: %.0f B/record, peak HeapInuse %.1f MiB (payload %.1f MiB)", large, allocLarge, float64(peakLarge)/(1<<20),
		float64(size)/(1<<20))
	if allocLarge > allocSmall*1.25 {
		t.Errorf("allocation per record grows: %.0f → %.0f", allocSmall, allocLarge)
	}
	if peakLarge > 2*peakSmall+8<<20 {
		t.Errorf("peak heap grows with record count: %d → %d", peakSmall, peakLarge)
	}
}
