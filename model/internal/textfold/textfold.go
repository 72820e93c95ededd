// Package textfold folds Vietnamese and English labels for tolerant matching. It is shared by package model
// (parsing code lists) and by the generator of model/codes.go (which folds the labels of its table into
// switch cases), so that both read text the same way.
package textfold

import (
	"strings"
	"unicode"
)

// Fold normalises a label for matching: lower case, Vietnamese diacritics removed (đ → d), '_' and '-'
// read as spaces, runs of spaces collapsed, leading and trailing space trimmed. Cost: one allocation of
// len(s) bytes.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
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
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

func foldRune(r rune) rune {
	if r < 0x80 {
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	for _, g := range [...]string{
		"aàáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ",
		"eèéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ",
		"iìíỉĩịÌÍỈĨỊ",
		"oòóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ",
		"uùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ",
		"yỳýỷỹỵỲÝỶỸỴ",
		"dđĐ",
	} {
		if strings.ContainsRune(g[1:], r) {
			return rune(g[0])
		}
	}
	return unicode.ToLower(r)
}
