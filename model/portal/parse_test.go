package portal

import (
	"errors"
	"io"
	"math/rand"
	"strings"
	"testing"
	"testing/iotest"
	"time"
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
				got := testkit.Collect(decodeDossiers(strings.NewReader(in), first, opts))
				want := testkit.Collect(testkit.ChunkSeq(splitDossiers(strings.NewReader(in), 64, newConfig(opts))))
				sameItems(t, []byte(in), got, want, func(*model.Dossier) {})
				sameErrText(t, []byte(in), got, want)
			}
		}
	}
}

// TestLegacyTime compares legacyTime's word-at-a-time digits with a digit-by-digit reading, on random
// 14-byte texts of digits and the bytes around them.
func TestLegacyTime(t *testing.T) {
	ref := func(s string) (time.Time, bool) {
		if len(s) != 14 || !allDigits(s) {
			return time.Time{}, false
		}
		y, mo, d := atoi(s[0:4]), atoi(s[4:6]), atoi(s[6:8])
		h, mi, se := atoi(s[8:10]), atoi(s[10:12]), atoi(s[12:14])
		if y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || h > 23 || mi > 59 || se > 59 {
			return time.Time{}, false
		}
		return civil(y, mo, d, h, mi, se, 0, 7*3600), true
	}
	rng := rand.New(rand.NewSource(2))
	bytes := "0123456789/:@\x2a\x3a\xb0\xc9 "
	for i := range 300_000 {
		b := []byte("20260803081512")
		switch i % 3 {
		case 0: // a valid-looking date with one byte changed
			b[rng.Intn(14)] = bytes[rng.Intn(len(bytes))]
		case 1: // random digits
			for k := range b {
				b[k] = '0' + byte(rng.Intn(10))
			}
		default: // a random date in range
			copy(b, time.Date(1+rng.Intn(9999), time.Month(1+rng.Intn(12)), 1+rng.Intn(31), rng.Intn(24), rng.Intn(60), rng.Intn(60), 0, time.UTC).Format(LegacyLayout))
		}
		s := string(b)
		got, ok := legacyTime(s)
		want, wok := ref(s)
		if ok != wok || !got.Equal(want) || ok && got.Location() != want.Location() {
			t.Fatalf("%q: %v %v, reference %v %v", s, got, ok, want, wok)
		}
	}
	if _, ok := legacyTime("2026080308151"); ok {
		t.Fatal("13 bytes")
	}
}

// TestReadErrorMidRecord: a read error met inside a record ends DecodeDossiers with that error (wrapped,
// terminal, at the record's index), as the split decoding reports it, wherever the input stops.
func TestReadErrorMidRecord(t *testing.T) {
	errRead := errors.New("disk on fire")
	in := `{"data":[{"MaHoSo":"A-1-1","GhiChu":"x"},{"MaHoSo":"B-1-1","NgayTiepNhan":"20260801080000"},{"MaHoSo":"C-1-1"}]}`
	for cut := 0; cut < len(in); cut++ {
		for _, first := range []int{0, 3} {
			r := func() io.Reader { return io.MultiReader(strings.NewReader(in[:cut]), iotest.ErrReader(errRead)) }
			got := testkit.Collect(decodeDossiers(r(), first, nil))
			want := testkit.Collect(testkit.ChunkSeq(splitDossiers(r(), 64, newConfig(nil))))
			sameItems(t, []byte(in[:cut]), got, want, func(*model.Dossier) {})
			sameErrText(t, []byte(in[:cut]), got, want)
			last := got[len(got)-1].Err
			if !errors.Is(last, errRead) || !IsTerminal(last) {
				t.Fatalf("cut %d: last result %v", cut, last)
			}
		}
	}
}
