package portal

import (
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// The record scanner walks one JSON object that json.Decoder has already
// checked to be well-formed; it still checks bounds everywhere, so malformed
// input yields ErrSyntax rather than a panic. It works on a string holding the
// whole record, so that unescaped string values are substrings of it and cost
// no allocation: the strings of one decoded record share one backing array.

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func skipSpace(b string, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

// stringEnd returns the index just after the closing quote of the string
// starting at b[i] == '"', and whether it contains a backslash.
func stringEnd(b string, i int) (int, bool, error) {
	esc := false
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			esc = true
			j++
		case '"':
			return j + 1, esc, nil
		}
	}
	return 0, false, fmt.Errorf("%w: unterminated string", ErrSyntax)
}

// valueEnd returns the index just after the JSON value starting at b[i].
func valueEnd(b string, i int) (int, error) {
	if i >= len(b) {
		return 0, fmt.Errorf("%w: missing value", ErrSyntax)
	}
	switch b[i] {
	case '"':
		j, _, err := stringEnd(b, i)
		return j, err
	case '{', '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				k, _, err := stringEnd(b, j)
				if err != nil {
					return 0, err
				}
				j = k - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1, nil
				}
			}
		}
		return 0, fmt.Errorf("%w: unterminated %c", ErrSyntax, b[i])
	}
	j := i
	for j < len(b) && b[j] != ',' && b[j] != '}' && b[j] != ']' && !isSpace(b[j]) {
		j++
	}
	if j == i {
		return 0, fmt.Errorf("%w: missing value", ErrSyntax)
	}
	return j, nil
}

// dupKeyError reports the first repeated key of an object.
type dupKeyError struct{ key string }

func (e *dupKeyError) Error() string { return fmt.Sprintf("%v %q", ErrDuplicateField, e.key) }
func (e *dupKeyError) Unwrap() error { return ErrDuplicateField }

// keySet detects repeated keys of one object. For the first 32 keys a
// 256-bit filter of a cheap key hash rules out almost every key without
// comparing strings, a hit being confirmed by comparing with the keys seen so
// far; objects of up to 32 keys need no allocation. Larger objects move to a
// map, so a hostile record of many keys costs O(keys), not O(keys²).
type keySet struct {
	fold   bool // keys are compared after strings.ToUpper (procedures)
	filter [4]uint64
	n      int
	buf    [32]string
	big    map[string]struct{}
}

func keyHash(k string) uint {
	if len(k) == 0 {
		return 0
	}
	h := uint(len(k)) * 0x9E3779B1
	h ^= uint(k[0]) * 31
	h ^= uint(k[len(k)-1]) * 131
	h ^= uint(k[len(k)/2]) * 1031
	h ^= uint(k[len(k)/3]) << 5
	return (h ^ h>>11) & 255
}

// add records k and reports whether it was already present.
func (s *keySet) add(k string) bool {
	if s.fold {
		// The procedure decoder matches keys by strings.ToUpper; two keys
		// that match the same name are duplicates. No allocation for keys
		// that are upper case already.
		k = strings.ToUpper(k)
	}
	if s.big != nil {
		if _, ok := s.big[k]; ok {
			return true
		}
		s.big[k] = struct{}{}
		return false
	}
	h := keyHash(k)
	word, bit := h>>6, uint64(1)<<(h&63)
	if s.filter[word]&bit != 0 {
		for _, x := range s.buf[:s.n] {
			if x == k {
				return true
			}
		}
	}
	if s.n == len(s.buf) {
		s.big = make(map[string]struct{}, 2*len(s.buf))
		for _, x := range s.buf {
			s.big[x] = struct{}{}
		}
		s.big[k] = struct{}{}
		return false
	}
	s.filter[word] |= bit
	s.buf[s.n] = k
	s.n++
	return false
}

// eachField calls fn for every key/value pair of the object b, in order.
// Keys are unescaped; values are raw JSON. It returns ErrNotObject when b is
// not an object. A repeated key (compared after strings.ToUpper when fold
// is set) is not passed to fn: scanning goes on and eachField returns a
// *dupKeyError naming the first repeated key, unless the object is
// malformed.
func eachField(b string, fold bool, fn func(key string, val string)) error {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return ErrNotObject
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return nil
	}
	keys := keySet{fold: fold}
	var dup error
	for {
		if i >= len(b) || b[i] != '"' {
			return fmt.Errorf("%w: expected a key", ErrSyntax)
		}
		end, esc, err := stringEnd(b, i)
		if err != nil {
			return err
		}
		key, err := unquote(b[i:end], esc)
		if err != nil {
			return err
		}
		i = skipSpace(b, end)
		if i >= len(b) || b[i] != ':' {
			return fmt.Errorf("%w: expected ':'", ErrSyntax)
		}
		i = skipSpace(b, i+1)
		vend, err := valueEnd(b, i)
		if err != nil {
			return err
		}
		if !keys.add(key) {
			fn(key, b[i:vend])
		} else if dup == nil {
			dup = &dupKeyError{key}
		}
		i = skipSpace(b, vend)
		if i >= len(b) {
			return fmt.Errorf("%w: unterminated object", ErrSyntax)
		}
		if b[i] == '}' {
			return dup
		}
		if b[i] != ',' {
			return fmt.Errorf("%w: expected ',' or '}'", ErrSyntax)
		}
		i = skipSpace(b, i+1)
	}
}

// eachElement calls fn for every element of the array b.
func eachElement(b string, fn func(i int, val string)) error {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '[' {
		return fmt.Errorf("%w: expected an array", ErrBadType)
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == ']' {
		return nil
	}
	for n := 0; ; n++ {
		vend, err := valueEnd(b, i)
		if err != nil {
			return err
		}
		fn(n, b[i:vend])
		i = skipSpace(b, vend)
		if i >= len(b) {
			return fmt.Errorf("%w: unterminated array", ErrSyntax)
		}
		if b[i] == ']' {
			return nil
		}
		if b[i] != ',' {
			return fmt.Errorf("%w: expected ',' or ']'", ErrSyntax)
		}
		i = skipSpace(b, i+1)
	}
}

// unquote decodes a JSON string literal q (with its quotes). Text that is
// not UTF-8, and \u escapes of lone UTF-16 surrogates, are rejected with
// ErrInvalidUTF8 rather than replaced by U+FFFD (which would make distinct
// codes equal); control characters are ErrSyntax.
func unquote(q string, esc bool) (string, error) {
	if len(q) < 2 {
		return "", fmt.Errorf("%w: bad string", ErrSyntax)
	}
	inner := q[1 : len(q)-1]
	if !utf8.ValidString(inner) {
		return "", fmt.Errorf("%w: string %.40q", ErrInvalidUTF8, inner)
	}
	if !esc {
		for i := 0; i < len(inner); i++ {
			if inner[i] < 0x20 {
				return "", fmt.Errorf("%w: control character in string", ErrSyntax)
			}
		}
		return inner, nil
	}
	out := make([]byte, 0, len(inner))
	for i := 0; i < len(inner); {
		c := inner[i]
		switch {
		case c < 0x20:
			return "", fmt.Errorf("%w: control character in string", ErrSyntax)
		case c != '\\':
			out = append(out, c)
			i++
			continue
		}
		if i+1 >= len(inner) {
			return "", fmt.Errorf("%w: bad escape", ErrSyntax)
		}
		switch inner[i+1] {
		case '"', '\\', '/':
			out = append(out, inner[i+1])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(inner, i+2)
			if !ok {
				return "", fmt.Errorf("%w: bad \\u escape", ErrSyntax)
			}
			i += 6
			if utf16.IsSurrogate(r) {
				r2, ok := rune(0), false
				if i+1 < len(inner) && inner[i] == '\\' && inner[i+1] == 'u' {
					r2, ok = hex4(inner, i+2)
				}
				if !ok {
					return "", fmt.Errorf("%w: lone surrogate \\u%04x", ErrInvalidUTF8, r)
				}
				if r = utf16.DecodeRune(r, r2); r == utf8.RuneError {
					return "", fmt.Errorf("%w: bad surrogate pair", ErrInvalidUTF8)
				}
				i += 6
			}
			out = utf8.AppendRune(out, r)
			continue
		default:
			return "", fmt.Errorf("%w: bad escape", ErrSyntax)
		}
		i += 2
	}
	return string(out), nil
}

// hex4 reads the four hex digits of a \u escape at s[i:].
func hex4(s string, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
