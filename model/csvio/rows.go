package csvio

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"slices"
	"unicode/utf8"

	"github.com/vn-dvc/chiso766/model/internal/chunk"
	"github.com/vn-dvc/chiso766/model/portal"
)

// The row reader: RFC 4180 as encoding/csv reads it (quoted cells with "" escapes and line breaks,
// "\r\n" read as "\n", empty lines skipped, a bare quote in an unquoted cell and text after a closing
// quote are errors), over a window of the input refilled as needed. A row is found by vectorised
// searches for its line break, its quotes and their closing quotes, its unquoted text cut at the
// delimiters eight bytes at a time (scan; the splitter only finds row ends, rowEnd); it is copied
// once into a string, and its cells are substrings of that string (a quoted cell holding "" or "\r\n"
// gets its own unescaped string). The window never holds more than the record limit plus one read.

// errQuote and errBareQuote are encoding/csv's messages.
var (
	errQuote     = errors.New(`extraneous or missing " in quoted-field`)
	errBareQuote = errors.New(`bare " in non-quoted-field`)
	errRowLimit  = errors.New("row limit")
)

// rowReader reads rows.
type rowReader struct {
	chunk.Window // Pos is the start of the next row in Buf
	comma        byte
	limit        int
	line         int  // line number of Buf[Pos] (1-based)
	split        bool // advance only delimits rows (rowEnd): rr.ends is not filled

	cells []string // the last row's cells (reused)
	ends  []int    // the last row's cells: each one's end in Buf and flags (cellQuoted, cellEscape)
	row   string   // the last row's text
	off   int      // the position in Buf of the last row's start (its ends are from there)
	rowAt int      // line of the last row's start
}

// lsb, low7 and msb are the low bit, the seven low bits and the high bit of every byte of a word.
const (
	lsb  = 0x0101010101010101
	low7 = 0x7f7f7f7f7f7f7f7f
	msb  = 0x8080808080808080
)

// A row's cells are the ends of their text, one int each, with two flags: cell i is the text from
// the end of cell i−1 plus one (the row's start for cell 0) to its end; a quoted cell's text is that
// less its quotes. Cutting a row costs one append per cell.
const (
	cellQuoted = 1 << 62        // the cell was quoted: its text is inside the quotes
	cellEscape = 1 << 61        // the quoted cell holds "" or "\r\n": unescape it
	cellEnd    = cellEscape - 1 // the mask of the end
)

func newRowReader(r io.Reader, limit int) *rowReader {
	rr := &rowReader{Window: chunk.Window{R: r, Buf: make([]byte, 64<<10)}, limit: limit, line: 1}
	rr.setComma(',')
	return rr
}

// setComma sets the delimiter.
func (rr *rowReader) setComma(c byte) {
	rr.comma = c
}

// more reads more input (Window.More).
func (rr *rowReader) more() bool {
	_, ok := rr.More()
	return ok
}

// sniff looks at the start of the input: it refuses UTF-16 (a UTF-16 byte order mark, or a zero byte
// among the first two) and picks the delimiter from the first line: ';' when it has more ';' than ','
// outside quotes.
func (rr *rowReader) sniff() error {
	for {
		b := rr.Buf[rr.Pos:rr.N]
		if bytes.IndexByte(b, '\n') >= 0 || len(b) >= rr.limit || !rr.more() {
			break
		}
	}
	b := rr.Buf[rr.Pos:rr.N]
	if bytes.HasPrefix(b, []byte{0xFE, 0xFF}) || bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || len(b) >= 2 && (b[0] == 0 || b[1] == 0) {
		return fmt.Errorf("%w: %w (bytes % x at the start): save the file as UTF-8", portal.ErrSyntax, portal.ErrUTF16, b[:min(len(b), 4)])
	}
	commas, semis, quoted := 0, 0, false
	for _, c := range b {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			goto done
		case c == ',':
			commas++
		case c == ';':
			semis++
		}
	}
done:
	if semis > commas {
		rr.setComma(';')
	}
	return nil
}

// rowError is a CSV syntax error at a line.
type rowError struct {
	line int
	err  error
}

func (e *rowError) Error() string { return fmt.Sprintf("record on line %d: %v", e.line, e.err) }
func (e *rowError) Unwrap() error { return e.err }

// scan delimits the row at pos: it returns the index after it (after its line break) and fills
// rr.ends, or need = true when the window ends first. The row is read as rowEnd reads it (the same
// searches, checks and results), and the unquoted stretches between its quoted cells are cut at their
// delimiters eight bytes at a time (cutCells): a row without a quote (the common case) costs two
// vectorised searches (its line break, a quote in it) and one pass of cutCells.
func (rr *rowReader) scan() (end int, lines int, need bool, err error) {
	b := rr.Buf[:rr.N]
	j := rr.Pos // a cell's start, outside quotes
	le := bytes.IndexByte(b[j:], '\n')
	switch {
	case le >= 0:
		le += j
	case !rr.EOF:
		return 0, 0, true, nil
	default:
		le = len(b)
	}
	// le is the first line break at or after j (len(b) for none in the window)
	comma := rr.comma
	ends := rr.ends[:0]
	for {
		q := bytes.IndexByte(b[j:le], '"')
		if q < 0 { // unquoted cells to the row's end
			switch {
			case le < len(b):
				end, lines = le+1, lines+1
			case !rr.EOF:
				return 0, 0, true, nil
			default:
				end = le
			}
			ends, j = cutCells(ends, b, j, le, comma)
			if le > j && b[le-1] == '\r' {
				le-- // "\r\n" read as "\n"; encoding/csv drops a final "\r" of the input
			}
			rr.ends = append(ends, le)
			return end, lines, false, nil
		}
		q += j
		if ends, j = cutCells(ends, b, j, q, comma); q != j {
			return 0, 0, false, &rowError{rr.line + lines, errBareQuote}
		}
		k, le2, lines2, escape, more, err := rr.quoted(b, q+1, le, lines)
		if more || err != nil {
			return 0, 0, more, err
		}
		le, lines = le2, lines2
		flags := cellQuoted
		if escape {
			flags |= cellEscape
		}
		ends = append(ends, k|flags)
		rr.ends = ends
		if j, end, lines, more, err = rr.afterQuoted(b, k, lines); j < 0 {
			return end, lines, more, err
		}
	}
}

// cutCells appends the ends of the cells of b[j:to] (unquoted text) ended by a delimiter there and
// returns the start of the cell left open (after the last delimiter): 64 bytes at a time by delims,
// into room made before, then eight at a time, then byte by byte.
func cutCells(ends []int, b []byte, j, to int, comma byte) ([]int, int) {
	cm := uint64(comma) * lsb
	i, n0 := j, len(ends)
	for ; i+64 <= to; i += 64 {
		n := len(ends)
		if cap(ends)-n < 64 {
			ends = slices.Grow(ends, 64)
		}
		c := delims((*[64]byte)(b[i:i+64]), cm, i, (*[64]int)(ends[n:n+64]))
		ends = ends[:n+c]
	}
	for ; i+8 <= to; i += 8 {
		x := binary.LittleEndian.Uint64(b[i:i+8]) ^ cm
		for m := ^((x&low7 + low7) | x) & msb; m != 0; m &= m - 1 {
			ends = append(ends, i+bits.TrailingZeros64(m)>>3)
		}
	}
	for ; i < to; i++ {
		if b[i] == comma {
			ends = append(ends, i)
		}
	}
	if len(ends) > n0 {
		j = ends[len(ends)-1] + 1
	}
	return ends, j
}

// delims writes to out the positions (from base) of the delimiter's bytes in blk and returns their
// number, eight bytes at a time: m has the high bit of each byte equal to the delimiter set (cm, the
// delimiter in every byte). No call, no bounds check; not inlined, so that its loop keeps its values in
// registers.
//
//go:noinline
func delims(blk *[64]byte, cm uint64, base int, out *[64]int) int {
	c := 0
	for k := 0; k < 64; k += 8 {
		x := binary.LittleEndian.Uint64(blk[k:k+8]) ^ cm
		for m := ^((x&low7 + low7) | x) & msb; m != 0; m &= m - 1 {
			out[c&63] = base + k + bits.TrailingZeros64(m)>>3
			c++
		}
	}
	return c
}

// rowEnd is scan without the cells, for the splitter: the same end, lines, need and error (the same
// syntax checks, in the same order), rr.ends left as it is. Only the quotes are visited: between
// them, vectorised searches find the next quote before the line break (the whole row, when it has
// none) and a quoted cell's closing quote; a quote outside a quoted cell must open a cell (at the
// row's start or after a delimiter). Line breaks inside quoted cells are counted where one is known
// to lie in the cell. Cost: two searches per row without a quote, one more per quote.
func (rr *rowReader) rowEnd() (end int, lines int, need bool, err error) {
	b := rr.Buf[:rr.N]
	j := rr.Pos // a cell's start, outside quotes
	le := bytes.IndexByte(b[j:], '\n')
	switch {
	case le >= 0:
		le += j
	case !rr.EOF:
		return 0, 0, true, nil
	default:
		le = len(b)
	}
	// le is the first line break at or after j (len(b) for none in the window)
	comma := rr.comma
	for {
		q := bytes.IndexByte(b[j:le], '"')
		if q < 0 {
			switch {
			case le < len(b):
				return le + 1, lines + 1, false, nil
			case !rr.EOF:
				return 0, 0, true, nil
			}
			return le, lines, false, nil
		}
		q += j
		if q != j && b[q-1] != comma {
			return 0, 0, false, &rowError{rr.line + lines, errBareQuote}
		}
		k, le2, lines2, _, more, err := rr.quoted(b, q+1, le, lines)
		if more || err != nil {
			return 0, 0, more, err
		}
		le, lines = le2, lines2
		var end int
		if j, end, lines, more, err = rr.afterQuoted(b, k, lines); j < 0 {
			return end, lines, more, err
		}
	}
}

// quoted reads the quoted cell whose content starts at b[k] (after its opening quote), in a row of
// lines line breaks so far whose next line break outside quotes was thought to be at le. It returns the
// index just after the closing quote, le and lines moved past the line breaks the cell holds, and
// whether the cell holds an escaped quote or a "\r\n" (escape: its text needs unescaping). more: the
// window ends inside the cell (read more and call again); err: the input ends inside it. scan and
// rowEnd read quoted cells through it, so splitting and decoding agree on where a row ends.
func (rr *rowReader) quoted(b []byte, k, le, lines int) (end, le2, lines2 int, escape, more bool, err error) {
	for {
		c := bytes.IndexByte(b[k:], '"')
		if c < 0 {
			if rr.EOF {
				rest := bytes.TrimSuffix(b[k:], []byte{'\n'})
				return 0, 0, 0, false, false, &rowError{rr.line + lines + bytes.Count(rest, []byte{'\n'}), errQuote}
			}
			return 0, 0, 0, false, true, nil
		}
		c += k
		if le < c { // the cell holds line breaks: count them, find the next one after
			seg := b[k:c]
			lines += bytes.Count(seg, []byte{'\n'})
			if bytes.Contains(seg, []byte("\r\n")) {
				escape = true
			}
			if le = bytes.IndexByte(b[c:], '\n'); le >= 0 {
				le += c
			} else {
				le = len(b)
			}
		}
		k = c + 1
		if k < len(b) && b[k] == '"' {
			escape = true
			k++
			continue
		}
		if k >= len(b) && !rr.EOF {
			return 0, 0, 0, false, true, nil
		}
		return k, le, lines, escape, false, nil
	}
}

// afterQuoted reads what follows a quoted cell that ends at b[k]: the delimiter (next is where the
// row's next cell starts), or the row's end (next is -1; end and lines are the row's, or more / err as
// scan returns them).
func (rr *rowReader) afterQuoted(b []byte, k, lines int) (next, end, lines2 int, more bool, err error) {
	switch {
	case k >= len(b):
		return -1, k, lines, false, nil
	case b[k] == rr.comma:
		return k + 1, 0, lines, false, nil
	case b[k] == '\n':
		return -1, k + 1, lines + 1, false, nil
	case b[k] == '\r' && k+1 < len(b) && b[k+1] == '\n':
		return -1, k + 2, lines + 1, false, nil
	case b[k] == '\r' && k+1 >= len(b) && !rr.EOF:
		return -1, 0, 0, true, nil
	case b[k] == '\r' && k+1 >= len(b):
		return -1, k + 1, lines, false, nil
	}
	return -1, 0, 0, false, &rowError{rr.line + lines, errQuote}
}

// advance delimits the next row (skipping empty lines): the row is buf[pos:end], its cells in
// rr.ends, and it spans lines line lines. At the end of the input it returns io.EOF; errors (syntax,
// the row limit, reading) are terminal.
func (rr *rowReader) advance() (end, lines int, err error) {
	for {
		// skip empty lines ("\n", "\r\n"; a "\r" ending the input is dropped)
		for {
			for rr.Pos < rr.N && (rr.Buf[rr.Pos] == '\n' || rr.Buf[rr.Pos] == '\r' && rr.Pos+1 < rr.N && rr.Buf[rr.Pos+1] == '\n') {
				if rr.Buf[rr.Pos] == '\r' {
					rr.Pos++
				}
				rr.Pos++
				rr.line++
			}
			if rr.Pos < rr.N && !(rr.Buf[rr.Pos] == '\r' && rr.Pos+1 == rr.N) {
				break
			}
			if !rr.more() {
				if rr.Err != nil {
					return 0, 0, rr.Err
				}
				return 0, 0, io.EOF
			}
		}
		var need bool
		if rr.split {
			end, lines, need, err = rr.rowEnd()
		} else {
			end, lines, need, err = rr.scan()
		}
		if err != nil {
			return 0, 0, err
		}
		if need {
			if rr.N-rr.Pos > rr.limit {
				return 0, 0, errRowLimit
			}
			if !rr.more() && rr.Err != nil {
				return 0, 0, rr.Err
			}
			continue
		}
		if end-rr.Pos > rr.limit {
			return 0, 0, errRowLimit
		}
		return end, lines, nil
	}
}

// nextRow reads the next row: its text into rr.row (a new string), its cells into rr.ends
// (positions from rr.off), read with cell. Errors are advance's.
func (rr *rowReader) nextRow() error {
	end, lines, err := rr.advance()
	if err != nil {
		return err
	}
	rr.rowAt = rr.line
	rr.row = string(rr.Buf[rr.Pos:end])
	rr.off = rr.Pos
	rr.Pos = end
	rr.line += lines
	return nil
}

// ncells returns the number of cells of the last row.
func (rr *rowReader) ncells() int { return len(rr.ends) }

// cell returns cell i of the last row: a substring of rr.row, or for a quoted cell holding "" or
// "\r\n" its unescaped text (a new string each call).
func (rr *rowReader) cell(i int) string {
	lo := rr.off
	if i > 0 {
		lo = rr.ends[i-1]&cellEnd + 1
	}
	e := rr.ends[i]
	hi := e & cellEnd
	if e&cellQuoted != 0 {
		lo, hi = lo+1, hi-1
	}
	c := rr.row[lo-rr.off : hi-rr.off]
	if e&cellEscape != 0 {
		c = unescapeCell(c)
	}
	return c
}

// next reads the next row (nextRow); its cells are valid until the next call.
func (rr *rowReader) next() ([]string, error) {
	if err := rr.nextRow(); err != nil {
		return nil, err
	}
	rr.cells = rr.cells[:0]
	for i := range rr.ncells() {
		rr.cells = append(rr.cells, rr.cell(i))
	}
	return rr.cells, nil
}

// unescapeCell turns "" into " and "\r\n" into "\n" in a quoted cell's text.
func unescapeCell(c string) string {
	out := make([]byte, 0, len(c))
	for i := 0; i < len(c); i++ {
		switch {
		case c[i] == '"' && i+1 < len(c) && c[i+1] == '"':
			out = append(out, '"')
			i++
		case c[i] == '\r' && i+1 < len(c) && c[i+1] == '\n':
			out = append(out, '\n')
			i++
		default:
			out = append(out, c[i])
		}
	}
	return string(out)
}

// validUTF8 reports whether s is valid UTF-8, as utf8.ValidString does, faster on text mixing ASCII
// with short runs of other letters (Vietnamese): ASCII is skipped eight bytes at a time (32 in a long
// run) up to the next other byte (its place in the word found at once, not byte by byte), and each
// multi-byte rune is checked from one load of four bytes against the bit patterns of its length and
// the range of its code point (no overlong form, no surrogate, at most U+10FFFF). Cost: about two
// operations per ASCII word and ten per other rune; no allocation.
func validUTF8(s string) bool {
	i := 0
	for i < len(s) {
		if i+8 <= len(s) {
			m := load64(s, i) & msb
			if m == 0 { // and, in a run of ASCII, 32 bytes at a time
				for i += 8; i+32 <= len(s) && (load64(s, i)|load64(s, i+8)|load64(s, i+16)|load64(s, i+24))&msb == 0; i += 32 {
				}
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
		} else if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		// s[i] is not ASCII: a rune's first byte or an invalid one
		if i+4 > len(s) {
			return utf8.ValidString(s[i:])
		}
		w := load32(s, i)
		switch {
		case w&0xc0e0 == 0x80c0: // 110xxxxx 10xxxxxx
			if w&0xff < 0xc2 { // overlong
				return false
			}
			i += 2
		case w&0xc0c0f0 == 0x8080e0: // 1110xxxx 10xxxxxx 10xxxxxx
			if r := w&0x0f<<12 | w>>8&0x3f<<6 | w>>16&0x3f; r < 0x800 || r>>11 == 0xd800>>11 {
				return false // overlong or a surrogate
			}
			i += 3
		case w&0xc0c0c0f8 == 0x808080f0: // 11110xxx 10xxxxxx 10xxxxxx 10xxxxxx
			if r := w&0x07<<18 | w>>8&0x3f<<12 | w>>16&0x3f<<6 | w>>24&0x3f; r < 0x10000 || r > utf8.MaxRune {
				return false
			}
			i += 4
		default:
			return false
		}
	}
	return true
}

// load64 and load32 read eight and four bytes of s from i, little-endian (one load each).
func load64(s string, i int) uint64 {
	b := s[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

func load32(s string, i int) uint32 {
	b := s[i : i+4]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}
