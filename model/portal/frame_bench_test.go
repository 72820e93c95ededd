package portal

import (
	"bytes"
	"encoding/json"
	"regexp"
	"testing"
)

// escapedLists returns the generated payload data with the lists of its records sent as strings holding
// JSON, as some portals send them ("TaiLieuNop":"[{\"TepDinhKemId\":…}]"): backslashes every few bytes.
func escapedLists(tb testing.TB, data []byte) []byte {
	re := regexp.MustCompile(`"(TaiLieuNop|DanhSachGiayToKetQua|DanhSachLePhi|DinhDanhCHS|DSKetNoiCSDL)":(\[\{[^\]]*\}\])`)
	return re.ReplaceAllFunc(data, func(m []byte) []byte {
		k := bytes.IndexByte(m, ':')
		s, err := json.Marshal(string(m[k+1:]))
		if err != nil {
			tb.Fatal(err)
		}
		return append(m[:k+1:k+1], s...)
	})
}

// BenchmarkSplitEscaped is BenchmarkSplitJSON/split on the payload with its records' lists sent as
// strings holding JSON (escapedLists): the framer's reading of strings with escapes.
func BenchmarkSplitEscaped(b *testing.B) {
	const n = 20_000
	data := escapedLists(b, mustReadAll(b, newGenReader(n)))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		count := 0
		for c, err := range SplitDossiers(bytes.NewReader(data)) {
			if err != nil {
				b.Fatal(err)
			}
			count += c.Len()
			c.Release()
		}
		if count != n {
			b.Fatal(count)
		}
	}
}
