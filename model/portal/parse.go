package portal

import (
	"fmt"
	"math/bits"
	"strconv"
	"strings"

	"github.com/vn-dvc/chiso766/model"
)

// The one-pass record parser. It reads one record's JSON text (a string holding one element of data[]
// — exactly, or followed by more input for DecodeDossiers — copied once from the input) from left to
// right, checking the JSON grammar as it goes and
// decoding every known field in the same pass: unescaped string values are substrings of the record's
// text, nested lists are decoded in place, dates are parsed from the substring without allocation. A
// syntax error anywhere ends the record with ErrSyntax (terminal for the stream); a bad value is a record
// error naming the field (the first one wins) and parsing goes on, so that the whole record is still
// checked for syntax.

// maxDepth is the deepest nesting of arrays and objects accepted, as encoding/json's.
const maxDepth = 10000

// frame is one level of the path of nested keys ("TaiLieuNop[1].").
type frame struct {
	key string
	idx int
}

// parser holds the state of one record's parse.
type parser struct {
	s        string
	i        int
	syntax   error // the first syntax error; parsing has stopped
	re       *RecordError
	frames   []frame
	maxField int
	depth    int
	sl       *slabs // where nested lists are allocated; nil: their own allocations
	keys     []*keySet
	pred     *predictions // the key order seen so far; nil: no prediction
	errAt    int          // where the syntax error was found (bytes up to errAt+6 were looked at)
}

// slabs hands out the slices of one decoder's nested lists from larger allocations (slabSize items at
// a time), so that a dossier's lists cost no allocation of their own in the long run. A decoder (one
// goroutine) has its own; the slices handed out have their capacity capped at their length.
type slabs struct {
	files       slab[model.File]
	results     slab[model.ResultDoc]
	fees        slab[model.Fee]
	otherDocs   slab[model.OtherDoc]
	supplements slab[model.Supplement]
	ids         slab[model.ApplicantID]
	databases   slab[string]
}

// slab is one list type's allocation: free is the part not handed out yet (its capacity is its length).
type slab[T any] struct {
	free []T
}

// slabSize is the length of a slab; a list begins a new slab when fewer than slabMin items are free.
const slabSize, slabMin = 128, 8

// swarLo and swarHi are the low and high bit of every byte of a word.
const swarLo, swarHi = 0x0101010101010101, 0x8080808080808080

// class of a byte inside a JSON string: 0 plain ASCII, 1 '"', 2 '\\', 3 control, 4 non-ASCII.
var strClass = func() (t [256]uint8) {
	for c := range 0x20 {
		t[c] = 3
	}
	t['"'], t['\\'] = 1, 2
	for c := 0x80; c < 0x100; c++ {
		t[c] = 4
	}
	return t
}()

func (p *parser) bad(format string, args ...any) {
	if p.syntax == nil {
		p.errAt = p.i
		p.syntax = fmt.Errorf("%w: "+format+" at offset %d", append([]any{ErrSyntax}, append(args, p.i)...)...)
	}
	p.i = len(p.s)
}

// path returns the key path of the current nesting, e.g. "TaiLieuNop[1].".
func (p *parser) path() string {
	var b strings.Builder
	for _, f := range p.frames {
		b.WriteString(f.key)
		b.WriteByte('[')
		b.WriteString(strconv.Itoa(f.idx))
		b.WriteString("].")
	}
	return b.String()
}

// fail records err for key (in the current path) unless an error is recorded already.
func (p *parser) fail(key string, err error) {
	if p.re.Err == nil && p.syntax == nil {
		p.re.Field = p.path() + key
		p.re.Err = err
	}
}

func (p *parser) ws() {
	for p.i < len(p.s) && p.s[p.i] <= ' ' {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// str scans the string at p.s[p.i] == '"', checking escapes and control characters; it returns the
// text between the quotes, whether it holds an escape and whether its bytes are not valid UTF-8 (what
// utf8.ValidString(inner) answers, found in the same pass: the bytes are read once).
func (p *parser) str() (inner string, esc, badUTF8 bool) {
	s := p.s
	start := p.i + 1
	j := start
	for {
		// Eight bytes at a time up to the first quote, backslash, control byte or byte ≥ 0x80 (SWAR: a
		// byte of x is zero where the word matches; the lowest flagged byte is exact, borrows only flag
		// bytes above it).
		for j+8 <= len(s) {
			w := uint64(s[j]) | uint64(s[j+1])<<8 | uint64(s[j+2])<<16 | uint64(s[j+3])<<24 |
				uint64(s[j+4])<<32 | uint64(s[j+5])<<40 | uint64(s[j+6])<<48 | uint64(s[j+7])<<56
			q, b := w^(swarLo*'"'), w^(swarLo*'\\')
			t := ((q-swarLo)&^q | (b-swarLo)&^b | (w-swarLo*0x20)&^w | w) & swarHi
			if t == 0 {
				j += 8
				continue
			}
			j += bits.TrailingZeros64(t) >> 3
			if s[j] == '"' {
				p.i = j + 1
				return s[start:j], esc, badUTF8
			}
			break
		}
		for j < len(s) && strClass[s[j]] == 0 {
			j++
		}
		if j >= len(s) {
			p.i = j
			p.bad("unterminated string")
			return "", false, false
		}
		switch strClass[s[j]] {
		case 0:
			j++
		case 1:
			p.i = j + 1
			return s[start:j], esc, badUTF8
		case 2:
			esc = true
			if j+1 >= len(s) {
				p.i = j
				p.bad("unterminated string")
				return "", false, false
			}
			switch s[j+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				j += 2
			case 'u':
				if _, ok := hex4(s, j+2); !ok {
					p.i = j
					p.bad("bad \\u escape")
					return "", false, false
				}
				j += 6
			default:
				p.i = j
				p.bad("bad escape")
				return "", false, false
			}
		case 3:
			p.i = j
			p.bad("control character in string")
			return "", false, false
		default:
			if n := runeLen(s, j); n > 0 {
				j += n
			} else {
				badUTF8 = true
				j++
			}
		}
	}
}

// runeLen returns the length of the valid UTF-8 encoding of a rune ≥ 0x80 at s[j] (2 to 4; the ranges
// of unicode/utf8: no overlong form, no surrogate, nothing above U+10FFFF), 0 if there is none.
func runeLen(s string, j int) int {
	c := s[j]
	switch {
	case c < 0xC2 || c > 0xF4:
		return 0
	case c < 0xE0:
		if j+1 < len(s) && s[j+1]&0xC0 == 0x80 {
			return 2
		}
	case c < 0xF0:
		lo, hi := byte(0x80), byte(0xBF)
		if c == 0xE0 {
			lo = 0xA0
		} else if c == 0xED {
			hi = 0x9F
		}
		if j+2 < len(s) && lo <= s[j+1] && s[j+1] <= hi && s[j+2]&0xC0 == 0x80 {
			return 3
		}
	default:
		lo, hi := byte(0x80), byte(0xBF)
		if c == 0xF0 {
			lo = 0x90
		} else if c == 0xF4 {
			hi = 0x8F
		}
		if j+3 < len(s) && lo <= s[j+1] && s[j+1] <= hi && s[j+2]&0xC0 == 0x80 && s[j+3]&0xC0 == 0x80 {
			return 4
		}
	}
	return 0
}

// number scans a JSON number at p.i.
func (p *parser) number() {
	s, j := p.s, p.i
	if j < len(s) && s[j] == '-' {
		j++
	}
	switch {
	case j < len(s) && s[j] == '0':
		j++
	case j < len(s) && '1' <= s[j] && s[j] <= '9':
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
	default:
		p.i = j
		p.bad("bad number")
		return
	}
	if j < len(s) && s[j] == '.' {
		j++
		k := j
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		if j == k {
			p.i = j
			p.bad("bad number")
			return
		}
	}
	if j < len(s) && (s[j] == 'e' || s[j] == 'E') {
		j++
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		k := j
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		if j == k {
			p.i = j
			p.bad("bad number")
			return
		}
	}
	p.i = j
}

// literal scans true, false or null at p.i.
func (p *parser) literal(lit string) {
	if strings.HasPrefix(p.s[p.i:], lit) {
		p.i += len(lit)
		return
	}
	p.bad("invalid literal")
}

// skip scans and checks any value at p.i (after white space).
func (p *parser) skip() {
	if p.i >= len(p.s) {
		p.bad("missing value")
		return
	}
	switch c := p.s[p.i]; c {
	case '"':
		p.str()
	case '{', '[':
		p.depth++
		if p.depth > maxDepth {
			p.bad("nesting deeper than %d", maxDepth)
			return
		}
		p.i++
		p.ws()
		end := byte('}')
		if c == '[' {
			end = ']'
		}
		if p.i < len(p.s) && p.s[p.i] == end {
			p.i++
			p.depth--
			return
		}
		for p.syntax == nil {
			if c == '{' {
				if p.i >= len(p.s) || p.s[p.i] != '"' {
					p.bad("expected a key")
					return
				}
				p.str()
				p.ws()
				if p.i >= len(p.s) || p.s[p.i] != ':' {
					p.bad("expected ':'")
					return
				}
				p.i++
				p.ws()
			}
			p.skip()
			p.ws()
			if p.i >= len(p.s) {
				p.bad("unterminated %c", c)
				return
			}
			if p.s[p.i] == end {
				p.i++
				p.depth--
				return
			}
			if p.s[p.i] != ',' {
				p.bad("expected ',' or '%c'", end)
				return
			}
			p.i++
			p.ws()
		}
	case 't':
		p.literal("true")
	case 'f':
		p.literal("false")
	case 'n':
		p.literal("null")
	default:
		p.number()
	}
}

// raw scans the value at p.i and returns its JSON text and its first byte ('"' for a string, with inner,
// esc and badUTF8 as str's).
func (p *parser) raw() (v string, inner string, esc, badUTF8 bool) {
	start := p.i
	if p.i < len(p.s) && p.s[p.i] == '"' {
		inner, esc, badUTF8 = p.str()
	} else {
		p.skip()
	}
	return p.s[start:p.i], inner, esc, badUTF8
}

// tooBig reports whether the value text v is over the field limit, recording the error for key.
func (p *parser) tooBig(key, v string) bool {
	if len(v) > p.maxField {
		p.fail(key, fmt.Errorf("%w: value of %d bytes, limit %d (MaxFieldBytes)", ErrTooLarge, len(v), p.maxField))
		return true
	}
	return false
}

// decodeText is the text of a scalar value: strings unescaped (checked for UTF-8), numbers as their
// literal, booleans as "true"/"false", null as "".
func decodeText(v, inner string, esc, badUTF8 bool) (string, error) {
	switch v[0] {
	case '"':
		if badUTF8 {
			return "", fmt.Errorf("%w: string %.40q", ErrInvalidUTF8, inner)
		}
		if esc {
			return unquote(v, true)
		}
		return inner, nil
	case 'n':
		return "", nil
	case '{', '[':
		return "", fmt.Errorf("%w: %.40s", ErrBadType, v)
	}
	return v, nil
}

// text reads the value of key as text (see decodeText); ok is false when the value is over the field
// limit (the field is then left unset, as if the key were absent) or the record is malformed.
func (p *parser) text(key string) (string, bool) {
	if p.i < len(p.s) && p.s[p.i] == '"' { // the usual case: a string, most often plain ASCII
		start := p.i
		inner, esc, badUTF8 := p.str()
		if p.syntax != nil {
			return "", false
		}
		if p.i-start > p.maxField {
			p.tooBig(key, p.s[start:p.i])
			return "", false
		}
		if !esc && !badUTF8 {
			return inner, true
		}
		s, err := decodeText(p.s[start:p.i], inner, esc, badUTF8)
		if err != nil {
			p.fail(key, err)
		}
		return s, true
	}
	v, inner, esc, badUTF8 := p.raw()
	if p.syntax != nil || p.tooBig(key, v) {
		return "", false
	}
	s, err := decodeText(v, inner, esc, badUTF8)
	if err != nil {
		p.fail(key, err)
	}
	return s, true
}

// str0 is text for a plain string field.
func (p *parser) str0(key string) string {
	s, _ := p.text(key)
	return s
}

func (p *parser) time(key string) model.Time {
	s, ok := p.text(key)
	if !ok {
		return model.Time{}
	}
	if t, ok := legacyTime(s); ok {
		return model.Some(t)
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return model.Time{}
	}
	t, _, err := ParseTime(s)
	if err != nil {
		p.fail(key, err)
		return model.Time{}
	}
	return model.Some(t)
}

func (p *parser) flag(key string) (model.Flag, bool) {
	s, ok := p.text(key)
	if !ok {
		return 0, false
	}
	fl, valid := model.ParseFlag(s)
	if !valid {
		p.fail(key, fmt.Errorf("%w: %q", ErrBadFlag, s))
	}
	return fl, true
}

func (p *parser) flag0(key string) model.Flag {
	f, _ := p.flag(key)
	return f
}

// amountGiven reads an integer VND amount (ParseAmount) and reports whether one was given: false for
// null, an empty or blank string, or a value over the field limit (model.Fee.AmountUnknown).
func (p *parser) amountGiven(key string) (int64, bool) {
	s, ok := p.text(key)
	if !ok {
		return 0, false
	}
	if s = strings.TrimSpace(s); s == "" {
		return 0, false
	}
	n, err := ParseAmount(s)
	if err != nil {
		p.fail(key, err)
	}
	return n, true
}

// skipField checks and skips the value of a key that is not read, applying the field limit.
func (p *parser) skipField(key string) {
	start := p.i
	p.skip()
	if p.syntax == nil {
		p.tooBig(key, p.s[start:p.i])
	}
}

// extraField keeps an unknown key with its JSON text.
func (p *parser) extraField(key string) (model.RawField, bool) {
	start := p.i
	p.skip()
	v := p.s[start:p.i]
	if p.syntax != nil || p.tooBig(key, v) {
		return model.RawField{}, false
	}
	return model.RawField{Key: key, Value: []byte(v)}, true
}

// key reads an object key at p.i (a string), unescaped; a key that is not UTF-8 is a record error.
func (p *parser) key() string {
	if p.i >= len(p.s) || p.s[p.i] != '"' {
		p.bad("expected a key")
		return ""
	}
	q := p.i
	inner, esc, badUTF8 := p.str()
	if p.syntax != nil {
		return ""
	}
	if badUTF8 {
		p.fail("", fmt.Errorf("%w: string %.40q", ErrInvalidUTF8, inner))
		return inner
	}
	if esc {
		k, err := unquote(p.s[q:p.i], true)
		if err != nil {
			p.fail("", err)
		}
		return k
	}
	return inner
}

// object parses the object at p.i (after white space) of the schema sc, calling field for each key
// whose value it must consume (by one of the readers above, or p.skip), with the key's number in sc (-1
// for a key sc does not name). A repeated key's value is checked but not passed to field; the first
// repeated key is a record error recorded when the object ends (as a later field error would win over
// it).
func (p *parser) object(sc *schema, field func(id int, key string)) {
	p.depth++
	if p.depth > maxDepth {
		p.bad("nesting deeper than %d", maxDepth)
		return
	}
	p.i++ // '{'
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		p.depth--
		return
	}
	var seen uint64 // the known keys met
	var keys *keySet
	dup := ""
	hasDup := false
	last := 0 // 1 + the number of the last known key, 0 at the start
	for p.syntax == nil {
		id, k := -1, ""
		if p.pred != nil {
			if g := p.pred[sc.id][last]; g >= 0 {
				// The predicted key and its colon: the key is exactly the name (which holds no quote
				// nor backslash).
				if pat := sc.pats[g]; len(p.s)-p.i >= len(pat) && p.s[p.i:p.i+len(pat)] == pat {
					id, k = int(g), sc.names[g]
					p.i += len(pat)
				}
			}
		}
		if id < 0 {
			k = p.key()
			id = sc.lookup(k)
			if p.pred != nil && id >= 0 {
				p.pred[sc.id][last] = int8(id)
			}
			if p.i < len(p.s) && p.s[p.i] == ':' {
				p.i++
			} else {
				p.ws()
				if p.i >= len(p.s) || p.s[p.i] != ':' {
					p.bad("expected ':'")
					return
				}
				p.i++
			}
		}
		p.ws()
		if p.i >= len(p.s) {
			p.bad("missing value")
			return
		}
		repeated := false
		if id >= 0 {
			last = id + 1
			bit := uint64(1) << id
			repeated = seen&bit != 0
			seen |= bit
		} else {
			if keys == nil {
				// The key set of this nesting level, reused across objects: resetting it clears its
				// filter and count, not its 32 key slots (never read beyond the count).
				level := p.depth - 1
				for len(p.keys) <= level {
					p.keys = append(p.keys, new(keySet))
				}
				keys = p.keys[level]
				keys.fold, keys.filter, keys.n, keys.big = false, [4]uint64{}, 0, nil
			}
			repeated = keys.add(k)
		}
		if repeated {
			if !hasDup {
				dup, hasDup = k, true
			}
			p.skip()
		} else {
			field(id, k)
		}
		if p.i < len(p.s) && p.s[p.i] == ',' && p.i+1 < len(p.s) && p.s[p.i+1] == '"' { // the usual case
			p.i++
			continue
		}
		p.ws()
		if p.i >= len(p.s) {
			p.bad("unterminated object")
			return
		}
		if p.s[p.i] == '}' {
			p.i++
			p.depth--
			if hasDup {
				p.fail(dup, &dupKeyError{dup})
			}
			return
		}
		if p.s[p.i] != ',' {
			p.bad("expected ',' or '}'")
			return
		}
		p.i++
		p.ws()
	}
}

// list decodes the value of key as a list of objects with fn, in place: null, "" and an empty array give
// nil; a string holding a JSON array is accepted too (decoded from its unescaped text). An element that
// is not an object is a record error (ErrNotObject) naming key[i]. ok is false when the value is over the
// field limit (then no element is kept and errors inside it are not reported) or the record is malformed.
func listOf[T any](p *parser, key string, sl func(*slabs) *slab[T], fn func(p *parser, v *T)) (out []T, ok bool) {
	start := p.i
	errBefore := p.re.Err != nil
	if p.s[p.i] == '"' {
		v, inner, esc, badUTF8 := p.raw()
		if p.syntax != nil || p.tooBig(key, v) {
			return nil, false
		}
		s, err := decodeText(v, inner, esc, badUTF8)
		if err != nil {
			p.fail(key, err)
			return nil, true
		}
		s = strings.TrimSpace(s)
		if s == "" {
			return nil, true
		}
		if s[0] != '[' {
			p.fail(key, fmt.Errorf("%w: expected an array", ErrBadType))
			return nil, true
		}
		// The list text is a JSON document of its own: check it whole first, so that a malformed
		// one is a record error (not the stream's syntax error) and its elements are not half read.
		q := parser{s: s, re: &RecordError{}, maxField: p.maxField}
		q.skip()
		q.ws()
		if q.syntax != nil || q.i != len(s) {
			p.fail(key, fmt.Errorf("%w: list string is not JSON", ErrSyntax))
			return nil, true
		}
		sub := parser{s: s, re: p.re, frames: p.frames, maxField: p.maxField, sl: p.sl, pred: p.pred}
		out = elements(&sub, key, sl, fn)
		return out, true
	}
	switch p.s[p.i] {
	case '[':
		out = elements(p, key, sl, fn)
	case 'n':
		p.skip()
	default:
		p.skip()
		if p.syntax == nil && !p.tooBig(key, p.s[start:p.i]) {
			p.fail(key, fmt.Errorf("%w: expected an array", ErrBadType))
		}
		return nil, p.syntax == nil
	}
	if p.syntax != nil {
		return nil, false
	}
	if len(p.s[start:p.i]) > p.maxField {
		if !errBefore {
			p.re.Err, p.re.Field = nil, ""
		}
		p.tooBig(key, p.s[start:p.i])
		return nil, false
	}
	return out, true
}

// elements decodes the array at p.i with fn for each object element, into the slab's free part (or,
// without slabs, a list of its own), and returns the list.
func elements[T any](p *parser, key string, sl func(*slabs) *slab[T], fn func(p *parser, v *T)) []T {
	p.depth++
	if p.depth > maxDepth {
		p.bad("nesting deeper than %d", maxDepth)
		return nil
	}
	p.i++ // '['
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		p.depth--
		return nil
	}
	// The elements are decoded in place, at the start of the slab's free part (a list that outgrows it
	// moves to an allocation of its own, as append does).
	var b *slab[T]
	var out []T
	if p.sl != nil {
		b = sl(p.sl)
		if len(b.free) < slabMin {
			b.free = make([]T, slabSize)
		}
		out = b.free[:0]
	}
	for n := 0; p.syntax == nil; n++ {
		if p.i < len(p.s) && p.s[p.i] == '{' {
			var zero T
			out = append(out, zero)
			p.frames = append(p.frames, frame{key, n})
			fn(p, &out[len(out)-1])
			p.frames = p.frames[:len(p.frames)-1]
		} else {
			p.skip()
			p.fail(key+"["+strconv.Itoa(n)+"]", ErrNotObject)
		}
		p.ws()
		if p.i >= len(p.s) {
			p.bad("unterminated array")
			return nil
		}
		if p.s[p.i] == ']' {
			p.i++
			p.depth--
			n := len(out)
			if n == 0 {
				return nil
			}
			if b != nil {
				if n <= len(b.free) { // decoded in the slab (whose capacity is its length)
					b.free = b.free[n:]
				} else {
					b.free = nil
				}
			}
			return out[:n:n]
		}
		if p.s[p.i] != ',' {
			p.bad("expected ',' or ']'")
			return nil
		}
		p.i++
		p.ws()
	}
	return nil
}
