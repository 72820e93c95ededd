package model

import (
	"strings"

	"github.com/vn-dvc/chiso766/model/internal/textfold"
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
func fold(s string) string { return textfold.Fold(s) }

// FoldText normalises free text for tolerant matching: lower case, Vietnamese
// diacritics removed (đ → d), '_' and '-' read as spaces, spaces collapsed.
// "Ngày làm việc" and "NGAY_LAM_VIEC" both fold to "ngay lam viec". Cost: one
// allocation of len(s) bytes.
func FoldText(s string) string { return textfold.Fold(s) }
