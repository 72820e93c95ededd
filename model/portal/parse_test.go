package portal

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vn-dvc/chiso766/internal/testkit"
	"github.com/vn-dvc/chiso766/model"
)

// refStr is a byte-by-byte reference of parser.str on s[0] == '"': the end of the string (after the
// closing quote), whether it holds an escape and whether its text is valid UTF-8; ok is false for a
// string that is malformed (unterminated, bad escape, control byte).
func refStr(s string) (end int, esc, valid, ok bool) {
	for j := 1; j < len(s); j++ {
		switch c := s[j]; {
		case c == '"':
			return j + 1, esc, utf8.ValidString(s[1:j]), true
		case c < 0x20:
			return 0, false, false, false
		case c == '\\':
			esc = true
			if j+1 >= len(s) {
				return 0, false, false, false
			}
			switch s[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				j++
			case 'u':
				if _, ok := hex4(s, j+2); !ok {
					return 0, false, false, false
				}
				j += 5
			default:
				return 0, false, false, false
			}
		}
	}
	return 0, false, false, false
}

// TestStrScan compares the word-at-a-time string scan, with its UTF-8 check, with refStr on random
// strings over an alphabet of the bytes that matter (quote, backslash, escapes, control, ASCII, every
// kind of UTF-8 lead and continuation byte) at every alignment.
func TestStrScan(t *testing.T) {
	alphabet := []string{`"`, `\`, `n`, `u`, `0`, `a`, "\x01", "\x1f", " ", "\x7f", "\x80", "\xbf", "\xc2", "\xc3\xa9",
		"\xe0\xa0\x80", "\xed\x9f\xbf", "\xed\xa0\x80", "\xe1", "\xf0\x90\x80\x80", "\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80",
		"\xf5", "\xff", "ễ", "Đ", `\"`, `\\`, `\u00e9`, `\ud800`, "xxxxxxxxxxxxxxxx"}
	rng := rand.New(rand.NewSource(1))
	check := func(s string) {
		t.Helper()
		p := parser{s: s, re: &RecordError{}}
		inner, esc, bad := p.str()
		end, wesc, wvalid, wok := refStr(s)
		if (p.syntax == nil) != wok {
			t.Fatalf("%q: syntax %v, reference ok %v", s, p.syntax, wok)
		}
		if wok && (p.i != end || inner != s[1:end-1] || esc != wesc || bad == wvalid) {
			t.Fatalf("%q: end %d esc %v bad %v, reference %d %v valid %v", s, p.i, esc, bad, end, wesc, wvalid)
		}
	}
	for range 200_000 {
		var b strings.Builder
		b.WriteByte('"')
		for range rng.Intn(24) {
			b.WriteString(alphabet[rng.Intn(len(alphabet))])
		}
		if rng.Intn(8) > 0 {
			b.WriteByte('"')
		}
		b.WriteString(strings.Repeat("y", rng.Intn(10)))
		check(b.String())
	}
	check(`"`)
	check(`""`)
}

// TestRecordLimitEdges: at record limits around the length of a record (with white space before it,
// which counts, a number or an object as the record), DecodeDossiers and the split decoding give the same
// records and errors, texts included.
func TestRecordLimitEdges(t *testing.T) {
	for _, in := range []string{
		`[{"MaHoSo":"A-1-1"},  {"MaHoSo":"B-1-1","GhiChu":"0123456789"},{"MaHoSo":"C-1-1"}]`,
		`{"data":[ 12345678901234567890 , {"MaHoSo":"B-1-1"}]}`,
		`[{"MaHoSo":"A-1-1","TaiLieuNop":[{"TenTepDinhKem":"x"}]}`,
		`[{"MaHoSo":"A-1-1"}, {"MaHoSo":"B-1-1","GhiChu":"0123456789",}]`,
	} {
		for limit := 10; limit < 70; limit++ {
			for _, first := range []int{0, 1, 5} {
				opts := []Option{MaxRecordBytes(limit), MaxFieldBytes(limit)}
				got := collectItems(decodeDossiers(strings.NewReader(in), first, opts))
				want := collectItems(testkit.ChunkSeq(splitDossiers(strings.NewReader(in), 64, newConfig(opts))))
				sameItems(t, []byte(in), got, want, func(*model.Dossier) {})
				sameErrText(t, []byte(in), got, want)
			}
		}
	}
}
