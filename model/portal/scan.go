package portal

import (
	"encoding/json"
	"fmt"
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

// eachField calls fn for every key/value pair of the object b, in order.
// Keys are unescaped; values are raw JSON. It returns ErrNotObject when b is
// not an object.
func eachField(b string, fn func(key string, val string)) error {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return ErrNotObject
	}
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return nil
	}
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
		fn(key, b[i:vend])
		i = skipSpace(b, vend)
		if i >= len(b) {
			return fmt.Errorf("%w: unterminated object", ErrSyntax)
		}
		if b[i] == '}' {
			return nil
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

// unquote decodes a JSON string literal q (with its quotes).
func unquote(q string, esc bool) (string, error) {
	if len(q) < 2 {
		return "", fmt.Errorf("%w: bad string", ErrSyntax)
	}
	inner := q[1 : len(q)-1]
	if !esc && utf8.ValidString(inner) {
		for i := 0; i < len(inner); i++ {
			if inner[i] < 0x20 {
				return "", fmt.Errorf("%w: control character in string", ErrSyntax)
			}
		}
		return inner, nil
	}
	var s string
	if err := json.Unmarshal([]byte(q), &s); err != nil {
		return "", fmt.Errorf("%w: %v", ErrSyntax, err)
	}
	return s, nil
}
