package portal

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"

	"github.com/vn-dvc/chiso766/model/internal/chunk"
)

// The framer walks a payload's envelope over a window of the input and cuts the elements of its data
// array out of it, without decoding them: it follows strings and bracket depth only (an object or array
// eight bytes at a time, see container), and checks the envelope's grammar. Each element is then
// decoded by the one-pass parser, which checks its grammar in full (SplitDossiers, DecodeSteps).
// DecodeDossiers does not cut the elements out: the parser reads each straight from the window
// (dossierDecoder.fromWindow), and the framer delimits one only to name the error of a record the
// parser could not read. The window is refilled from the reader as needed and never holds more than the
// record limit plus one read of the current element, however long the input.

// chunkBytes is the window size, and the size of a chunk of SplitDossiers.
const chunkBytes = 1 << 20

// framer state (Window.Swap, if set, takes the full window: SplitDossiers hands the old one over
// as a chunk); positions in Buf are indexes, offsets in the input are int64.
type framer struct {
	chunk.Window
	limit int
	recAt int64 // input offset where the current value (with the white space before it) began
	index int   // elements framed so far
}

var errTooLargeSentinel = errors.New("too large")

// tooLarge reports whether the value begun at recAt is over the limit when it reaches index j.
func (f *framer) tooLarge(j int) bool { return f.Base+int64(j)-f.recAt > int64(f.limit) }

// ws skips white space.
func (f *framer) ws() error {
	for {
		for f.Pos < f.N {
			switch f.Buf[f.Pos] {
			case ' ', '\t', '\n', '\r':
				f.Pos++
				continue
			}
			if f.tooLarge(f.Pos) {
				return errTooLargeSentinel
			}
			return nil
		}
		if f.tooLarge(f.Pos) {
			return errTooLargeSentinel
		}
		if _, ok := f.More(); !ok {
			return nil
		}
	}
}

// peek returns the next byte, false at the end of the input.
func (f *framer) peek() (byte, bool) {
	for f.Pos >= f.N {
		if _, ok := f.More(); !ok {
			return 0, false
		}
	}
	return f.Buf[f.Pos], true
}

// value frames the JSON value at pos: it returns its end index (the value is buf[pos:end]). The value is
// only delimited, not checked. Errors: errTooLargeSentinel, io.ErrUnexpectedEOF, a read error, ErrSyntax.
func (f *framer) value() (int, error) {
	for f.Pos >= f.N {
		if _, ok := f.More(); !ok {
			if f.Err != nil {
				return 0, f.Err
			}
			return 0, io.ErrUnexpectedEOF
		}
	}
	switch f.Buf[f.Pos] {
	case '{', '[':
		return f.container()
	case '"':
		return f.str()
	case ',', ']', '}', ':', ' ', '\t', '\n', '\r':
		return 0, fmt.Errorf("%w: missing value", ErrSyntax)
	default:
		return f.scalar()
	}
}

// str frames the string at pos: its closing quote is the first '"' after it not escaped by an odd run
// of backslashes.
func (f *framer) str() (int, error) {
	j := f.Pos + 1
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
		k := quoteIndex(f.Buf[:f.N], j)
		if k < 0 {
			j = f.N
			continue
		}
		j = k + 1
		bs := 0
		for f.Buf[k-1-bs] == '\\' { // the opening quote ends the run
			bs++
		}
		if bs%2 == 0 {
			return f.end(j)
		}
	}
}

// container frames the object or array at pos by bracket depth, strings (with their escapes) skipped.
// It reads eight bytes at a time (words): a word without a backslash or bracket only flips the
// in-string state by its number of quotes; a word with brackets adds their count outside strings to the
// depth, unless the depth could reach zero in it; the word where it could, a word with a backslash and
// the last bytes of the window are read byte by byte.
func (f *framer) container() (int, error) {
	j := f.Pos + 1
	depth := 1
	inStr, esc := false, false
	for {
		b := f.Buf[:f.N]
		if !esc {
			j, depth, inStr = words(b, j, depth, inStr)
		}
		for stop := min(j+8, len(b)); j < stop; j++ {
			c := b[j]
			if inStr {
				switch {
				case esc:
					esc = false
				case c == '\\':
					esc = true
				case c == '"':
					inStr = false
				}
				continue
			}
			switch c {
			case '"':
				inStr = true
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return f.end(j + 1)
				}
			}
		}
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
		}
	}
}

// swarLo7 is the seven low bits of every byte of a word.
const swarLo7 = 0x7F7F7F7F7F7F7F7F

// words reads the container from b[j] (depth and inStr as there) a word at a time while it can: it
// stops before a word holding a backslash or where the depth could reach zero, and before the last
// bytes of b that do not fill a word. It returns where it stopped, and the depth and in-string state
// there.
//
// Words are read two at a time and first tested for a byte of [ \ ] { | } (rare): most pairs hold
// none, and only the parity of their quotes is kept, as the XOR of their non-quote marks (a word has
// eight bytes, so the parity of its non-quote bytes is that of its quotes); bracketWord reads the
// others.
func words(b []byte, j, depth int, inStr bool) (int, int, bool) {
	var acc uint64 // XOR of the non-quote marks of the words read
	if inStr {
		acc = 0x80
	}
	b = b[:len(b):len(b)]
	i := j
	for ; i+16 <= len(b); i += 16 {
		p := (*[16]byte)(b[i : i+16])
		v0, v1 := binary.LittleEndian.Uint64(p[:8]), binary.LittleEndian.Uint64(p[8:])
		if (rare(v0)|rare(v1))&swarHi == 0 {
			acc ^= notQuote(v0) ^ notQuote(v1)
			continue
		}
		var stop bool
		nq := notQuote(v0)
		if r := rare(v0) & swarHi; r != 0 {
			if depth, stop = bracketWord(v0, nq, r, acc, depth); stop {
				return i, depth, parity(acc) == 1
			}
		}
		acc ^= nq
		nq = notQuote(v1)
		if r := rare(v1) & swarHi; r != 0 {
			if depth, stop = bracketWord(v1, nq, r, acc, depth); stop {
				return i + 8, depth, parity(acc) == 1
			}
		}
		acc ^= nq
	}
	if i+8 <= len(b) {
		v := binary.LittleEndian.Uint64(b[i : i+8])
		nq := notQuote(v)
		if r := rare(v) & swarHi; r != 0 {
			var stop bool
			if depth, stop = bracketWord(v, nq, r, acc, depth); stop {
				return i, depth, parity(acc) == 1
			}
		}
		acc ^= nq
		i += 8
	}
	return i, depth, parity(acc) == 1
}

// bracketWord reads word v holding a rare byte (r: their marks; nq: its non-quote marks; acc: as in
// words before it): it returns the depth after it, or stop when v holds a backslash or its closing
// brackets outside strings could bring the depth to zero. Of the rare bytes 0x5B–0x5D and 0x7B–0x7D,
// bit 0 is set in the brackets, and bit 1 in the opening ones; the backslash has bits 0 and 5 clear.
func bracketWord(v, nq, r, acc uint64, depth int) (int, bool) {
	if r&^(v<<7|v<<2) != 0 {
		return depth, true
	}
	// in: the bytes after an odd number of quotes from the word's start (an opening quote included),
	// inverted when the word starts inside a string.
	q := swarHi &^ nq
	in := q ^ q<<8
	in ^= in << 16
	in ^= in << 32
	in ^= -parity(acc)
	out := r &^ in & (v << 7) // brackets outside strings
	opens, closes := out&(v<<6), out&^(v<<6)
	nc := int((closes >> 7) * swarLo >> 56)
	if nc >= depth {
		return depth, true
	}
	return depth + int((opens>>7)*swarLo>>56) - nc, false
}

// notQuote returns v with the high bit of each byte set where it is not '"' (other bits are noise).
func notQuote(v uint64) uint64 {
	x := v ^ swarLo*'"'
	return (x&swarLo7 + swarLo7) | x
}

// rare returns v with the high bit of each byte set where it is one of [ \ ] { | } (other bits are
// noise): bytes 0x5B–0x5D and 0x7B–0x7D, found as 0x5B–0x5D once 0x20 is cleared.
func rare(v uint64) uint64 {
	y := v & (swarLo * 0x5F)
	return (swarLo*(128+']') - y) &^ v & (y + swarLo*(128-'['))
}

// parity returns the parity of the number of high bits of bytes set in m.
func parity(m uint64) uint64 {
	m &= swarHi
	m ^= m >> 32
	m ^= m >> 16
	m ^= m >> 8
	return m >> 7 & 1
}

// quoteIndex returns the index of the first '"' in b from j, -1 if there is none: eight bytes at a time
// (see parser.str), which beats bytes.IndexByte's set-up on the short strings of a record.
func quoteIndex(b []byte, j int) int {
	for ; j+8 <= len(b); j += 8 {
		q := binary.LittleEndian.Uint64(b[j:]) ^ (swarLo * '"')
		if t := (q - swarLo) &^ q & swarHi; t != 0 {
			return j + bits.TrailingZeros64(t)>>3
		}
	}
	for ; j < len(b); j++ {
		if b[j] == '"' {
			return j
		}
	}
	return -1
}

// scalar frames the number or literal at pos: its text runs to a delimiter, white space or the end of
// the input, and ends where scalarEnd says.
func (f *framer) scalar() (int, error) {
	j := f.Pos
	for {
		for ; j < f.N; j++ {
			switch f.Buf[j] {
			case ',', ']', '}', ' ', '\t', '\n', '\r':
				return f.scalarEnd(j)
			}
		}
		if f.tooLarge(j) {
			return 0, errTooLargeSentinel
		}
		sh, ok := f.More()
		j -= sh
		if !ok {
			if f.Err != nil {
				return 0, f.Err
			}
			return f.scalarEnd(j)
		}
	}
}

// scalarEnd ends the scalar at buf[pos:j] where a JSON reader would: after the longest prefix that is a
// number or a literal (what follows is then the next token, "0x" being "0" and then a syntax error);
// a prefix that cannot be completed is a syntax error.
func (f *framer) scalarEnd(j int) (int, error) {
	b := f.Buf[f.Pos:j]
	n := scalarPrefix(b)
	if n == 0 {
		return 0, fmt.Errorf("%w: invalid value %.20q", ErrSyntax, b)
	}
	return f.end(f.Pos + n)
}

// scalarPrefix returns the length of the JSON number or literal at the start of b, 0 if there is none.
func scalarPrefix(b []byte) int {
	for _, lit := range [...]string{"true", "false", "null"} {
		if len(b) > 0 && b[0] == lit[0] {
			if bytes.HasPrefix(b, []byte(lit)) {
				return len(lit)
			}
			return 0
		}
	}
	digits := func(j int) int {
		for j < len(b) && '0' <= b[j] && b[j] <= '9' {
			j++
		}
		return j
	}
	j := 0
	if j < len(b) && b[j] == '-' {
		j++
	}
	switch {
	case j < len(b) && b[j] == '0':
		j++
	case j < len(b) && '1' <= b[j] && b[j] <= '9':
		j = digits(j)
	default:
		return 0
	}
	if j < len(b) && b[j] == '.' {
		k := digits(j + 1)
		if k == j+1 {
			return 0
		}
		j = k
	}
	if j < len(b) && (b[j] == 'e' || b[j] == 'E') {
		k := j + 1
		if k < len(b) && (b[k] == '+' || b[k] == '-') {
			k++
		}
		e := digits(k)
		if e == k {
			return 0
		}
		j = e
	}
	return j
}

func (f *framer) end(j int) (int, error) {
	if f.tooLarge(j) {
		return 0, errTooLargeSentinel
	}
	return j, nil
}

// errUTF16 is the error for input that starts like UTF-16 text.
func errUTF16(b []byte) error {
	return fmt.Errorf("%w: %w (bytes % x at the start): save the file as UTF-8", ErrSyntax, ErrUTF16, b)
}

// start skips a UTF-8 byte order mark and refuses UTF-16 input (a UTF-16 byte order mark, or a zero
// byte among the first two).
func (f *framer) start() error {
	for f.N-f.Pos < 4 {
		if _, ok := f.More(); !ok {
			break
		}
	}
	b := f.Buf[f.Pos:f.N]
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		f.Pos += 3
		f.recAt += 3
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}), bytes.HasPrefix(b, []byte{0xFF, 0xFE}),
		len(b) >= 2 && (b[0] == 0 || b[1] == 0):
		return errUTF16(b[:min(len(b), 4)])
	}
	return nil
}

// walk reads the payload: an envelope object whose first key of keys holds the data array, or a bare
// array. rec is called at each element of the array, with f.Pos at its first byte (after white space,
// f.recAt where that white space began) and its index: it consumes the element from the window (it may
// refill it) and returns the element's end in f.Buf, or stop to end the walk, or a terminal error. The
// returned error is terminal (nil at a clean end or when rec stopped).
func (f *framer) walk(keys []string, rec func(index int) (end int, stop bool, err error)) error {
	if err := f.start(); err != nil {
		return f.wrap(err)
	}
	if err := f.ws(); err != nil {
		return f.wrap(err)
	}
	c, ok := f.peek()
	if !ok {
		return f.wrap(io.ErrUnexpectedEOF)
	}
	stopped := false
	array := func() error {
		f.Pos++ // '['
		for first := true; ; first = false {
			f.recAt = f.Base + int64(f.Pos)
			if err := f.ws(); err != nil {
				return err
			}
			c, ok := f.peek()
			if !ok {
				return io.ErrUnexpectedEOF
			}
			if c == ']' && first {
				f.Pos++
				return nil
			}
			end, stop, err := rec(f.index)
			if err != nil {
				return err
			}
			if stop {
				stopped = true
				return nil
			}
			f.index++
			f.Pos = end
			f.recAt = f.Base + int64(f.Pos)
			if err := f.ws(); err != nil {
				return err
			}
			c, ok = f.peek()
			switch {
			case !ok:
				return io.ErrUnexpectedEOF
			case c == ']':
				f.Pos++
				return nil
			case c != ',':
				return fmt.Errorf("%w: expected ',' or ']' after a record", ErrSyntax)
			}
			f.Pos++
		}
	}
	switch c {
	case '[':
		if err := array(); err != nil || stopped {
			return f.wrap(err)
		}
	case '{':
		f.Pos++
		seen := ""
		for first := true; ; first = false {
			f.recAt = f.Base + int64(f.Pos)
			if err := f.ws(); err != nil {
				return f.wrap(err)
			}
			c, ok := f.peek()
			if !ok {
				return f.wrap(io.ErrUnexpectedEOF)
			}
			if c == '}' && first {
				f.Pos++
				break
			}
			if c != '"' {
				return f.wrap(fmt.Errorf("%w: expected a key", ErrSyntax))
			}
			end, err := f.value()
			if err != nil {
				return f.wrap(err)
			}
			key, kerr := checkedKey(f.Buf[f.Pos:end])
			if kerr != nil {
				return f.wrap(kerr)
			}
			f.Pos = end
			isData := false
			for _, k := range keys {
				isData = isData || k == key
			}
			if isData && seen != "" { // before the ':', as a JSON tokenizer reads it
				return &RecordError{Index: f.index, Field: key, Terminal: true, Err: fmt.Errorf("%w: %w: %q after %q: a payload has one data array",
					ErrSyntax, ErrDuplicateField, key, seen)}
			}
			if err := f.ws(); err != nil {
				return f.wrap(err)
			}
			switch c, ok := f.peek(); {
			case !ok:
				return f.wrap(io.ErrUnexpectedEOF)
			case c != ':':
				return f.wrap(fmt.Errorf("%w: expected ':'", ErrSyntax))
			}
			f.Pos++
			f.recAt = f.Base + int64(f.Pos)
			if err := f.ws(); err != nil {
				return f.wrap(err)
			}
			c, ok = f.peek()
			if !ok {
				return f.wrap(io.ErrUnexpectedEOF)
			}
			switch {
			case isData && c == '[':
				seen = key
				if err := array(); err != nil || stopped {
					return f.wrap(err)
				}
			default:
				end, err := f.value()
				if err != nil {
					return f.wrap(err)
				}
				v := f.Buf[f.Pos:end]
				if isData && string(v) != "null" {
					return f.wrap(fmt.Errorf(`%w: "data" is not an array`, ErrSyntax))
				}
				if isData {
					seen = key
				}
				if err := checkValue(v); err != nil {
					return f.wrap(err)
				}
				f.Pos = end
			}
			f.recAt = f.Base + int64(f.Pos)
			if err := f.ws(); err != nil {
				return f.wrap(err)
			}
			c, ok = f.peek()
			switch {
			case !ok:
				return f.wrap(io.ErrUnexpectedEOF)
			case c == '}':
				f.Pos++
			case c != ',':
				return f.wrap(fmt.Errorf("%w: expected ',' or '}'", ErrSyntax))
			default:
				f.Pos++
				continue
			}
			break
		}
		if seen == "" {
			return &RecordError{Index: 0, Err: ErrNoData, Terminal: true}
		}
	default:
		return f.wrap(fmt.Errorf("%w: payload is neither an object nor an array", ErrSyntax))
	}
	f.recAt = f.Base + int64(f.Pos)
	if err := f.ws(); err != nil {
		return f.wrap(err)
	}
	if _, ok := f.peek(); ok {
		return f.wrap(fmt.Errorf("%w: data after the payload", ErrSyntax))
	}
	if f.Err != nil {
		return f.wrap(f.Err)
	}
	return nil
}

// wrap makes a terminal error a *RecordError at the current index.
func (f *framer) wrap(err error) error {
	switch {
	case err == nil:
		return nil
	case err == errTooLargeSentinel:
		err = fmt.Errorf("%w: a value at byte %d is longer than %d bytes (MaxRecordBytes)", ErrTooLarge, f.recAt, f.limit)
	case err == io.ErrUnexpectedEOF && f.Err != nil:
		err = f.Err
	case err == io.ErrUnexpectedEOF:
		err = fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	var re *RecordError
	if errors.As(err, &re) {
		re.Terminal = true
		return err
	}
	return &RecordError{Index: f.index, Err: err, Terminal: true}
}

// checkValue checks the grammar of one JSON value of the envelope.
func checkValue(v []byte) error {
	p := parser{s: string(v), re: &RecordError{}, maxField: len(v) + 1}
	p.skip()
	p.ws()
	if p.syntax == nil && p.i != len(p.s) {
		p.bad("data after the value")
	}
	return p.syntax
}

// checkedKey unquotes an envelope key.
func checkedKey(v []byte) (string, error) {
	p := parser{s: string(v), re: &RecordError{}, maxField: len(v) + 1}
	k := p.key()
	if p.syntax == nil && p.i != len(p.s) {
		p.bad("bad key")
	}
	return k, p.syntax
}
