// Package textfold folds Vietnamese and English labels for tolerant matching. It is shared by package model
// (parsing code lists) and by the generator of model/codes.go (which folds the labels of its table into
// switch cases), so that both read text the same way.
package textfold

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fold normalises a label for matching: lower case, Vietnamese diacritics removed (đ → d), '_' and '-'
// read as spaces, runs of spaces collapsed, leading and trailing space trimmed. Cost: one allocation of
// at most len(s) bytes.
func Fold(s string) string {
	b, _ := AppendFold(make([]byte, 0, len(s)), s, -1)
	return string(b)
}

// AppendFold appends Fold(s) to dst. With limit ≥ 0 it stops as soon as the folded text would exceed
// limit bytes and returns ok false (dst then holds a prefix): a caller looking s up in a set of folded
// keys of at most limit bytes learns early that s is none of them. Cost: O(len(s)); no allocation when
// dst has room.
func AppendFold(dst []byte, s string, limit int) (out []byte, ok bool) {
	start := len(dst)
	for r := range folded(s) {
		dst = utf8.AppendRune(dst, r)
		if limit >= 0 && len(dst)-start > limit {
			return dst, false
		}
	}
	return dst, true
}

// folded yields Fold(s) rune by rune: the folded letters, and one ' ' for each run of spaces, '_' and
// '-' between two of them. AppendFold and EqualFolded read a text through it, so they fold alike.
func folded(s string) iter.Seq[rune] {
	return func(yield func(rune) bool) {
		s := strings.TrimSpace(s)
		space, any := false, false
		for i := 0; i < len(s); {
			c := s[i]
			var r rune
			if c < utf8.RuneSelf {
				r = rune(c)
				i++
			} else {
				var n int
				r, n = utf8.DecodeRuneInString(s[i:])
				i += n
			}
			if r == '_' || r == '-' || r == ' ' || r == '\t' {
				space = true
				continue
			}
			if space && any && !yield(' ') {
				return
			}
			space, any = false, true
			if !yield(foldRune(r)) {
				return
			}
		}
	}
}

// letters is the folding of Vietnamese letters: each group's first letter is what the others fold to.
var letters = [...]string{
	"aàáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ",
	"eèéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ",
	"iìíỉĩịÌÍỈĨỊ",
	"oòóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ",
	"uùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ",
	"yỳýỷỹỵỲÝỶỸỴ",
	"dđĐ",
}

// Runes from foldLow to foldHigh (Latin-1 Supplement to Latin Extended Additional, where every
// Vietnamese letter lies) fold through table: table[r-foldLow] is the ASCII letter r folds to, or 0.
const (
	foldLow  = 0xC0
	foldHigh = 0x1EFF
)

// table is computed once from letters and never written after.
var table = func() (t [foldHigh - foldLow + 1]byte) {
	for _, g := range letters {
		for _, r := range g[1:] {
			t[r-foldLow] = g[0]
		}
	}
	return t
}()

func foldRune(r rune) rune {
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	if r >= foldLow && r <= foldHigh {
		if c := table[r-foldLow]; c != 0 {
			return rune(c)
		}
	}
	return unicode.ToLower(r)
}

// EqualFolded reports whether Fold(s) == key, key being a folded text (Fold's result). It folds s
// rune by rune against key and stops at the first byte that differs, so that comparing a text with a
// few short keys costs a few runes each, not a folding of the whole text. Cost: O(len(s)) at most; no
// allocation.
func EqualFolded(s, key string) bool {
	j := 0 // bytes of key matched
	for f := range folded(s) {
		if f < utf8.RuneSelf {
			if j >= len(key) || key[j] != byte(f) {
				return false
			}
			j++
			continue
		}
		var buf [utf8.UTFMax]byte
		enc := utf8.AppendRune(buf[:0], f)
		if len(key)-j < len(enc) || key[j:j+len(enc)] != string(enc) {
			return false
		}
		j += len(enc)
	}
	return j == len(key)
}
