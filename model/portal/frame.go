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

// container frames the object or array at pos by bracket depth, strings (with their escapes) skipped:
// see containerScan.
func (f *framer) container() (int, error) {
	j := f.Pos + 1
	sc := containerScan{depth: 1}
	for {
		if end, ok := sc.scan(f.Buf[:f.N], j); ok {
			return f.end(end)
		}
		j = f.N
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

// swarLo7 is the seven low bits of every byte of a word.
const swarLo7 = 0x7F7F7F7F7F7F7F7F

// containerScan reads an object or array eight bytes at a time (words), across refills of the window:
// its state is that after the bytes read so far.
//
// A word is first tested for a byte of [ \ ] { | } (rare): most words hold none, and of those only the
// parity of their quotes is kept (the in-string state), as the XOR of their non-quote marks (a word has
// eight bytes, so the parity of its non-quote bytes is that of its quotes); they are read two at a time
// (plainPairs). The others are read on masks of a bit per byte (maskWord); the word where the depth
// could reach zero, a word with a backslash outside a string, and the last bytes of the window (padded
// with spaces to a word) are read event by event: each quote, backslash and bracket in order
// (eventWord).
type containerScan struct {
	depth int
	inStr bool // inside a string
	esc   bool // inside a string, and the next byte is escaped
}

// scan reads b[j:]: it returns the container's end (the index after its closing bracket) and true when
// it is in b, else false with the state after all of b.
func (sc *containerScan) scan(b []byte, j int) (int, bool) {
	var acc uint64 // XOR of the non-quote marks of the words read since the in-string state was known
	if sc.inStr {
		acc = 0x80
	}
	depth, esc := sc.depth, sc.esc
	b = b[:len(b):len(b)]
	i := j
	single := 0 // words to read one at a time: the pair with a rare byte, two words after a backslash
	for i < len(b) {
		if single == 0 {
			if !esc {
				i, acc = plainPairs(b, i, acc)
			}
			single = 2
		}
		single--
		// One word: of a pair with a rare byte, after a backslash, or the padded end of b.
		var v uint64
		n := 8
		if i+8 <= len(b) {
			v = binary.LittleEndian.Uint64(b[i : i+8])
		} else if i < len(b) {
			n = len(b) - i
			w := [8]byte{' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '}
			copy(w[:], b[i:])
			v = binary.LittleEndian.Uint64(w[:])
		} else {
			break
		}
		nq := notQuote(v)
		r := rare(v) & swarHi
		if r == 0 && !esc {
			acc ^= nq
			i += n
			continue
		}
		if r&^(v<<7|v<<2) != 0 { // a backslash: bits 0 and 5 clear
			single = 2
		}
		inStr := parity(acc) == 1
		if n == 8 {
			if d, in, e, ok := maskWord(v, nq, r, depth, inStr, esc); ok {
				depth, esc, acc = d, e, 0
				if in {
					acc = 0x80
				}
				i += n
				continue
			}
		}
		k := 0
		if depth, inStr, esc, k = eventWord(v, swarHi&^nq|r, n, depth, inStr, esc); k > 0 {
			return i + k, true
		}
		acc = 0
		if inStr {
			acc = 0x80
		}
		i += n
	}
	sc.depth, sc.inStr, sc.esc = depth, parity(acc) == 1, esc
	return 0, false
}

// plainPairs reads the pairs of words from b[i] that hold no rare byte, acc as in scan: it returns where
// it stopped (at a pair with a rare byte or one of rareOr8's, or before the last 15 bytes or fewer of
// b), and acc there.
func plainPairs(b []byte, i int, acc uint64) (int, uint64) {
	for ; i+16 <= len(b); i += 16 {
		p := (*[16]byte)(b[i : i+16])
		v0, v1 := binary.LittleEndian.Uint64(p[:8]), binary.LittleEndian.Uint64(p[8:])
		if (rareOr8(v0)|rareOr8(v1))&swarHi != 0 {
			break
		}
		acc ^= notQuote(v0) ^ notQuote(v1)
	}
	return i, acc
}

// rareOr8 is rare without the test of the high bit: it also marks the bytes 0xDB–0xDD and 0xFB–0xFD
// (lead bytes of Arabic and Hebrew letters, bytes that UTF-8 does not use).
func rareOr8(v uint64) uint64 {
	y := v & (swarLo * 0x5F)
	return (swarLo*(128+']') - y) & (y + swarLo*(128-'['))
}

// maskWord reads word v (r: the marks of its rare bytes; nq: its non-quote marks) from the in-string
// state inStr and esc, on masks of a bit per byte (bit 0 of each byte). It finds the escaped bytes as
// if every backslash were in a string (a backslash escapes the next byte unless it is escaped itself),
// then the strings from the quotes not escaped. It returns the state after v, or false when a
// backslash is outside a string (the masks are then not the sequential reading's) or when the closing
// brackets outside strings could bring the depth to zero. Of the rare bytes 0x5B–0x5D and 0x7B–0x7D,
// the backslash has bits 0 and 5 clear, the brackets bit 0 set, the opening ones bit 1 too.
func maskWord(v, nq, r uint64, depth int, inStr, esc bool) (int, bool, bool, bool) {
	const odd = 0x0100010001000100 // the bytes at odd indexes
	bs := (r &^ (v<<7 | v<<2)) >> 7
	var first uint64 // the first byte is escaped
	if esc {
		first = 1
	}
	// The escapes, as simdjson finds them: the subtraction (whose borrows run from byte to byte as
	// from bit to bit, the bytes being 0 or 1) turns each run of backslashes starting on an even byte
	// into ones, and the XOR with the odd bytes then marks the byte after each run of odd length.
	var escaped, escape uint64
	if bs|first != 0 {
		potential := bs &^ first
		code := ((potential<<8 | odd) - potential) ^ odd
		escaped = (code ^ (bs | first)) & swarLo
		escape = code & bs
	}
	q := (swarHi &^ nq) >> 7 &^ escaped
	in := q ^ q<<8 // the bytes after an odd number of quotes, an opening quote included
	in ^= in << 16
	in ^= in << 32
	if inStr {
		in ^= swarLo
	}
	if bs&^in != 0 {
		return depth, false, false, false
	}
	br := (r & (v << 7)) >> 7 &^ in // brackets outside strings
	opens := br & (v >> 1)
	nc := int((br &^ opens) * swarLo >> 56)
	if nc >= depth {
		return depth, false, false, false
	}
	return depth + int(opens*swarLo>>56) - nc, in>>56 == 1, escape>>56 == 1, true
}

// eventWord reads the first n bytes of word v event by event: the bytes marked in m (quotes and rare
// bytes), in order, from the state given. It returns the state after them, and k > 0 when the depth
// reached zero at byte k-1.
func eventWord(v, m uint64, n, depth int, inStr, esc bool) (int, bool, bool, int) {
	escAt := -1 // the byte escaped by a backslash
	if esc {
		escAt = 0
	}
	for ; m != 0; m &= m - 1 {
		t := bits.TrailingZeros64(m)
		k := t >> 3
		if k >= n {
			break
		}
		if k == escAt {
			continue
		}
		c := byte(v >> (t &^ 7))
		if inStr {
			switch c {
			case '\\':
				escAt = k + 1
			case '"':
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
				return depth, inStr, false, k + 1
			}
		}
	}
	return depth, inStr, escAt == n, 0
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
