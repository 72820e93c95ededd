package csvio

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// utf8Seeds: ASCII, Vietnamese, each rune length at the ends of its range, overlong forms,
// surrogates, code points past U+10FFFF, truncated runes and stray continuation bytes, at every
// offset from the end (the four-byte load, the eight-byte words).
var utf8Seeds = []string{
	"", "a", "code,summary", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản", "Đăng ký khai sinh cho con",
	"\u0080\u07ff\u0800\uffff\U00010000\U0010ffff", "\xc0\x80", "\xc1\xbf", "\xc2\x7f", "\xe0\x9f\xbf", "\xe0\xa0\x80",
	"\xed\x9f\xbf", "\xed\xa0\x80", "\xed\xbf\xbf", "\xee\x80\x80", "\xf0\x8f\xbf\xbf", "\xf0\x90\x80\x80",
	"\xf4\x8f\xbf\xbf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80", "\xff", "\x80", "\xbf",
	"\xe1\x80", "\xf0\x90\x80", "\xc3", "ab\xe1\xbb\xa9", "abcdefg\xe1\xbb\xa9", "abcdefgh\xe1\xbb", "\xe1\xbb\xa9\xe1\xbb",
}

// checkValidUTF8: validUTF8 answers utf8.ValidString on s and on every suffix and prefix of it.
func checkValidUTF8(t *testing.T, s string) {
	for i := range len(s) + 1 {
		for _, x := range []string{s[i:], s[:i]} {
			if got, want := validUTF8(x), utf8.ValidString(x); got != want {
				t.Fatalf("validUTF8(%q) = %v, utf8.ValidString %v", x, got, want)
			}
		}
	}
}

// TestValidUTF8 runs checkValidUTF8 on the seeds, each alone and after ASCII of every length to eight.
func TestValidUTF8(t *testing.T) {
	for _, s := range utf8Seeds {
		for k := range 9 {
			checkValidUTF8(t, strings.Repeat("x", k)+s)
		}
	}
}

// FuzzValidUTF8: validUTF8 is utf8.ValidString.
func FuzzValidUTF8(f *testing.F) {
	for _, s := range utf8Seeds {
		f.Add(s)
	}
	f.Fuzz(checkValidUTF8)
}

// BenchmarkValidUTF8 checks the rows of BenchmarkDecodeCSV (plain) and BenchmarkDecodeCSVQuoted
// (quoted) with validUTF8 and with utf8.ValidString, the check it replaced.
func BenchmarkValidUTF8(b *testing.B) {
	const n = 2000
	for _, data := range []struct {
		name string
		data []byte
	}{{"plain", benchCSV(b, n)}, {"quoted", benchCSVQuoted(b, n)}} {
		rows := strings.Split(string(data.data), "\n")
		for _, f := range []struct {
			name  string
			valid func(string) bool
		}{{"validUTF8", validUTF8}, {"utf8.ValidString", utf8.ValidString}} {
			b.Run(data.name+"/"+f.name, func(b *testing.B) {
				b.SetBytes(int64(len(data.data)))
				reportCPU(b, func() {
					for b.Loop() {
						for _, r := range rows {
							if !f.valid(r) {
								b.Fatal(r)
							}
						}
					}
				})
			})
		}
	}
}
