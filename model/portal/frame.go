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
// array out of it, without decoding them: it follows strings (bytes.IndexByte to the closing quote) and
// bracket depth only, and checks the envelope's grammar. Each element is then decoded by the one-pass
// parser, which checks its grammar in full (SplitDossiers, DecodeSteps). DecodeDossiers does not cut the
// elements out: the parser reads each straight from the window (dossierDecoder.fromWindow), and the
// framer delimits one only to name the error of a record the parser could not read. The window is
// refilled from the reader as needed and never holds more than the record limit plus one read of the
// current element, however long the input.

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
