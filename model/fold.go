package model

import (
	"strings"
	"unicode"
)

// parseSmallInt parses an optionally space-padded decimal integer of at most
// four digits with an optional sign ("09" → 9). It does not allocate.
func parseSmallInt(s string) (int, bool) {
	s = strings.TrimSpace(s)
	neg := false
	if len(s) > 0 && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "" || len(s) > 4 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// fold normalises a label for matching: lower case, Vietnamese diacritics
// removed (đ → d), '_' and '-' read as spaces, runs of spaces collapsed.
func fold(s string) string {
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

// FoldText normalises free text for tolerant matching: lower case, Vietnamese
// diacritics removed (đ → d), '_' and '-' read as spaces, spaces collapsed.
// "Ngày làm việc" and "NGAY_LAM_VIEC" both fold to "ngay lam viec". Cost: one
// allocation of len(s) bytes.
func FoldText(s string) string { return fold(s) }

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
