package portal

import (
	"fmt"
	"io"
)

// oracleValue is the framer's value as it was before it read containers eight bytes at a time (commit
// 9f788bd), kept as the oracle of the differential tests: it follows strings with quoteIndex and
// brackets byte by byte.
func (f *framer) oracleValue() (int, error) {
	for f.Pos >= f.N {
		if _, ok := f.More(); !ok {
			if f.Err != nil {
				return 0, f.Err
			}
			return 0, io.ErrUnexpectedEOF
		}
	}
	switch f.Buf[f.Pos] {
	case '"', '{', '[':
	case ',', ']', '}', ':', ' ', '\t', '\n', '\r':
		return 0, fmt.Errorf("%w: missing value", ErrSyntax)
	default:
		return f.scalar()
	}
	j := f.Pos
	depth := 0
	inStr := false
	for {
		if j >= f.N {
			if f.tooLarge(j) {
				return 0, errTooLargeSentinel
			}
			sh, ok := f.More()
			j -= sh
			if !ok {
				if f.Err != nil {
					return 0, f.Err
				}
				return 0, io.ErrUnexpectedEOF
			}
			continue
		}
		if inStr {
			k := quoteIndex(f.Buf[:f.N], j)
			if k < 0 {
				j = f.N
				continue
			}
			j = k + 1
			if f.Buf[k-1] == '\\' { // k-1 ≥ pos: the opening quote is there at least
				bs := 1
				for k-1-bs >= f.Pos && f.Buf[k-1-bs] == '\\' {
					bs++
				}
				if bs%2 == 1 {
					continue // an escaped quote
				}
			}
			inStr = false
			if depth == 0 {
				return f.end(j)
			}
			continue
		}
		switch c := f.Buf[j]; c {
		case '"':
			inStr = true
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return f.end(j + 1)
			}
			if depth < 0 {
				return 0, fmt.Errorf("%w: unexpected %c", ErrSyntax, c)
			}
		}
		j++
	}
}
