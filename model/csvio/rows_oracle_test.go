package csvio

// The row scanner's cell cutting as it was before issue 17's third round: scan for rows without a
// quote, scanQuoted (a byte loop over the unquoted cells) for the others. Kept as the test oracle of
// scan and rowEnd (FuzzRowEnd).

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// oracleRows is a row reader whose cells are each one's start, end and flags (1 quoted, 2 escaped),
// as they were.
type oracleRows struct {
	*rowReader
	bounds []int
}

// spans returns the cells of rr's last row (rr.ends) as oracleRows' bounds.
func spans(rr *rowReader) []int {
	var out []int
	lo := rr.Pos
	for _, e := range rr.ends {
		hi, flags := e&cellEnd, 0
		next := hi + 1
		if e&cellQuoted != 0 {
			lo, hi, flags = lo+1, hi-1, 1
		}
		if e&cellEscape != 0 {
			flags |= 2
		}
		out = append(out, lo, hi, flags)
		lo = next
	}
	return out
}

// oracleScan delimits the row at pos: it returns the index after it (after its line break) and fills
// rr.bounds, or need = true when the window ends first. A line without a quote (the common case) is
// found with two vectorised searches (its line break, a quote in it) and cut at its delimiters in
// one loop; oracleScanQuoted reads any other.
func (rr *oracleRows) oracleScan() (end int, lines int, need bool, err error) {
	b := rr.Buf[:rr.N]
	j := rr.Pos
	le := bytes.IndexByte(b[j:], '\n')
	switch {
	case le >= 0:
		le += j
		end, lines = le+1, 1
	case !rr.EOF:
		return 0, 0, true, nil
	default:
		le = len(b)
		end = le
	}
	line, j0 := b[j:le], j
	if bytes.IndexByte(line, '"') >= 0 {
		return rr.oracleScanQuoted()
	}
	bounds := rr.bounds[:0]
	comma := rr.comma
	i := 0
	// eight bytes at a time: m has the high bit of each byte equal to the delimiter set
	for cm := uint64(comma) * lsb; i+8 <= len(line); i += 8 {
		x := binary.LittleEndian.Uint64(line[i:]) ^ cm
		m := ^((x&low7 + low7) | x) & msb
		for ; m != 0; m &= m - 1 {
			k := j0 + i + bits.TrailingZeros64(m)>>3
			bounds = append(bounds, j, k, 0)
			j = k + 1
		}
	}
	for ; i < len(line); i++ {
		if line[i] == comma {
			bounds = append(bounds, j, j0+i, 0)
			j = j0 + i + 1
		}
	}
	if le > j && b[le-1] == '\r' {
		le-- // "\r\n" read as "\n"; encoding/csv drops a final "\r" of the input
	}
	rr.bounds = append(bounds, j, le, 0)
	return end, lines, false, nil
}

// oracleScanQuoted is oracleScan for a row with a quote.
func (rr *oracleRows) oracleScanQuoted() (end int, lines int, need bool, err error) {
	b := rr.Buf[:rr.N]
	j := rr.Pos
	rr.bounds = rr.bounds[:0]
	comma := rr.comma
	for {
		// one cell at j
		if j < len(b) && b[j] == '"' {
			start := j + 1
			flags := 1 // quoted
			k := start
			for {
				q := bytes.IndexByte(b[k:], '"')
				if q < 0 {
					if rr.EOF {
						rest := bytes.TrimSuffix(b[k:], []byte{'\n'})
						return 0, 0, false, &rowError{rr.line + lines + bytes.Count(rest, []byte{'\n'}), errQuote}
					}
					return 0, 0, true, nil
				}
				seg := b[k : k+q]
				if n := bytes.Count(seg, []byte{'\n'}); n > 0 {
					lines += n
					if bytes.Contains(seg, []byte("\r\n")) {
						flags |= 2 // escaped
					}
				}
				k += q + 1
				if k < len(b) && b[k] == '"' {
					flags |= 2 // escaped
					k++
					continue
				}
				if k >= len(b) && !rr.EOF {
					return 0, 0, true, nil
				}
				break
			}
			rr.bounds = append(rr.bounds, start, k-1, flags)
			switch {
			case k >= len(b):
				return k, lines, false, nil
			case b[k] == comma:
				j = k + 1
				continue
			case b[k] == '\n':
				return k + 1, lines + 1, false, nil
			case b[k] == '\r' && k+1 < len(b) && b[k+1] == '\n':
				return k + 2, lines + 1, false, nil
			case b[k] == '\r' && k+1 >= len(b) && !rr.EOF:
				return 0, 0, true, nil
			case b[k] == '\r' && k+1 >= len(b):
				return k + 1, lines, false, nil
			default:
				return 0, 0, false, &rowError{rr.line + lines, errQuote}
			}
		}
		// unquoted cell: up to the delimiter or the line break; a quote in it is an error
		k := j
		var stop [256]bool // the bytes that end an unquoted cell's text: the delimiter, '\n' and '"'
		stop[comma], stop['\n'], stop['"'] = true, true, true
		for k < len(b) && !stop[b[k]] {
			k++
		}
		if k < len(b) && b[k] == '"' {
			return 0, 0, false, &rowError{rr.line + lines, errBareQuote}
		}
		if k >= len(b) {
			if !rr.EOF {
				return 0, 0, true, nil
			}
			e := k
			if e > j && b[e-1] == '\r' {
				e-- // encoding/csv drops a final "\r" of the input
			}
			rr.bounds = append(rr.bounds, j, e, 0)
			return k, lines, false, nil
		}
		if b[k] == comma {
			rr.bounds = append(rr.bounds, j, k, 0)
			j = k + 1
			continue
		}
		e := k
		if e > j && b[e-1] == '\r' {
			e--
		}
		rr.bounds = append(rr.bounds, j, e, 0)
		return k + 1, lines + 1, false, nil
	}
}
