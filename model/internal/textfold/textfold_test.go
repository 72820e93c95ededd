package textfold

import (
	"strings"
	"testing"
	"unicode"
)

// oldFold is Fold as it was written first (a strings.Builder and a search of the letter groups per
// rune), kept as the oracle of the table-driven Fold and AppendFold.
func oldFold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		if r == '_' || r == '-' || r == ' ' || r == '\t' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(oldFoldRune(r))
	}
	return b.String()
}

func oldFoldRune(r rune) rune {
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	for _, g := range letters {
		if strings.ContainsRune(g[1:], r) {
			return rune(g[0])
		}
	}
	return unicode.ToLower(r)
}

var foldCases = []string{
	"", " ", "Đính kèm", "  Nguyễn   Văn_A-b\t", "ĐẶNG THỊ ỸỸ", "x\ny", "\u00a0Ωmega\u2003", "a__-  b", "\xff\xfe",
	"Cấp giấy chứng nhận quyền sử dụng đất", "ÀÁẢÃẠ ăằắẳẵặ ÂẦẤẨẪẬ ơờớởỡợ ưừứửữự", "_x", "-Đính-kèm-", "Ω",
}

func TestFoldEqualsOld(t *testing.T) {
	for r := rune(0); r <= 0x2000; r++ {
		if got, want := foldRune(r), oldFoldRune(r); got != want {
			t.Fatalf("foldRune(%U) = %U, old %U", r, got, want)
		}
	}
	for _, s := range foldCases {
		if got, want := Fold(s), oldFold(s); got != want {
			t.Errorf("Fold(%q) = %q, old %q", s, got, want)
		}
	}
}

func TestAppendFoldLimit(t *testing.T) {
	for _, s := range foldCases {
		want := oldFold(s)
		for limit := -1; limit <= len(want)+1; limit++ {
			got, ok := AppendFold([]byte("pre"), s, limit)
			if !strings.HasPrefix(string(got), "pre") {
				t.Fatalf("%q: dst prefix lost: %q", s, got)
			}
			fits := limit < 0 || len(want) <= limit
			if ok != fits {
				t.Errorf("AppendFold(%q, %d): ok %v, folded %d bytes", s, limit, ok, len(want))
			}
			if ok && string(got[3:]) != want {
				t.Errorf("AppendFold(%q, %d) = %q, want %q", s, limit, got[3:], want)
			}
		}
	}
}

// TestEqualFolded: EqualFolded(s, key) is oldFold(s) == key for every pair of the cases, each case's
// folding and its prefixes and extensions as keys.
func TestEqualFolded(t *testing.T) {
	keys := []string{"", " ", "dinhkem", "chuyen vien", "x\ny", "\u00a0ωmega", "\ufffd\ufffd"}
	for _, s := range foldCases {
		f := oldFold(s)
		keys = append(keys, f, f+" ", f+"a", "a"+f)
		for i := range len(f) {
			keys = append(keys, f[:i])
		}
	}
	for _, s := range append(foldCases, "Chuyên viên", " chuyen_VIEN ", "Dinhkem", "ĐINH KÈM", "dinh  kem") {
		for _, k := range keys {
			if got, want := EqualFolded(s, k), oldFold(s) == k; got != want {
				t.Errorf("EqualFolded(%q, %q) = %v, folded %q", s, k, got, oldFold(s))
			}
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range foldCases {
		f.Add(s, 8)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		want := oldFold(s)
		if got := Fold(s); got != want {
			t.Fatalf("Fold(%q) = %q, old %q", s, got, want)
		}
		limit %= 64
		got, ok := AppendFold(nil, s, limit)
		if fits := limit < 0 || len(want) <= limit; ok != fits || (ok && string(got) != want) {
			t.Fatalf("AppendFold(%q, %d) = %q %v, folded %q", s, limit, got, ok, want)
		}
		// EqualFolded against the folding itself, its prefix and a text of the fuzzer's.
		if !EqualFolded(s, want) {
			t.Fatalf("EqualFolded(%q, %q) = false", s, want)
		}
		if k := want[:len(want)/2]; EqualFolded(s, k) != (k == want) {
			t.Fatalf("EqualFolded(%q, %q) = %v", s, k, !(k == want))
		}
		if k := oldFold(s[len(s)/2:]); EqualFolded(s, k) != (k == want) {
			t.Fatalf("EqualFolded(%q, %q) = %v, folded %q", s, k, !(k == want), want)
		}
	})
}

func BenchmarkFold(b *testing.B) {
	s := "Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất"
	b.Run("old", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = oldFold(s)
		}
	})
	b.Run("new", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = Fold(s)
		}
	})
	b.Run("append_limit_16", func(b *testing.B) {
		b.ReportAllocs()
		var buf [64]byte
		for b.Loop() {
			_, _ = AppendFold(buf[:0], s, 16)
		}
	})
}
