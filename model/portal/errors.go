package portal

import (
	"errors"
	"fmt"
)

// Sentinel errors; a *RecordError wraps one of them (test with errors.Is).
var (
	// ErrSyntax: the input is not well-formed JSON or not the expected shape;
	// decoding stops.
	ErrSyntax = errors.New("malformed payload")
	// ErrNoData: an envelope object without a "data" array.
	ErrNoData = errors.New(`payload has no "data" array`)
	// ErrNotObject: an element of data[] is not a JSON object.
	ErrNotObject = errors.New("record is not an object")
	// ErrBadType: a value is an object or array where a string is expected,
	// or a scalar where a list is expected.
	ErrBadType = errors.New("wrong JSON type")
	// ErrBadDate: a date in none of the accepted formats.
	ErrBadDate = errors.New("bad date")
	// ErrBadNumber: an amount that is not an integer number of VND.
	ErrBadNumber = errors.New("bad number")
	// ErrBadFlag: a 0/1 flag with other text.
	ErrBadFlag = errors.New("bad flag")
	// ErrBadCode: the record key (MaHoSo) is missing.
	ErrBadCode = errors.New("missing or bad record code")
	// ErrDuplicateField: a key appears twice in one object of a record (the
	// record itself or a nested step, fee, file …; for procedures, keys that
	// differ only in case count as the same key). The *RecordError names the
	// repeated key's path and decoding goes on with the next record. A
	// payload envelope with a second "data" array (for procedures: a second
	// of "data", "result", "Result") is an error wrapping both ErrSyntax and
	// ErrDuplicateField, and ends the sequence.
	ErrDuplicateField = errors.New("duplicate key")
	// ErrInvalidUTF8: a string holds bytes that are not UTF-8, or a \u
	// escape of a lone UTF-16 surrogate. Such text is rejected rather than
	// replaced by U+FFFD, which would merge distinct codes into one.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrTooLarge: a record is longer than the record limit (MaxRecordBytes),
	// or one value of a record longer than the field limit (MaxFieldBytes).
	// An oversized record is found without reading past the limit and ends
	// the sequence; an oversized field is a record error naming the field
	// and decoding goes on.
	ErrTooLarge = errors.New("record or field too large")
	// ErrUTF16: the input starts like UTF-16 text (a UTF-16 byte order mark, or zero bytes); payloads
	// must be UTF-8. The error also wraps ErrSyntax and ends the sequence.
	ErrUTF16 = errors.New("input is UTF-16, not UTF-8")
)

// RecordError reports a bad record: its 0-based index in data[], its dossier
// code (MaHoSo, "" if unknown), the field (payload key path such as
// "NgayTiepNhan" or "TaiLieuNop[1].DuocSoHoa"; "" for the whole record) and the
// cause. Use errors.As to get it and errors.Is for the sentinel.
type RecordError struct {
	// Index is the record's position in data[].
	Index int
	// Code is the dossier code, if it could be read.
	Code string
	// Field is the payload key path.
	Field string
	// Err is the cause, wrapping a sentinel.
	Err error
	// Terminal is set on the error that ended the sequence (malformed JSON, a record over the record
	// limit, a read error, UTF-16 input): no record follows it. Any other error concerns its record
	// alone, and decoding goes on with the next one.
	Terminal bool
}

// IsTerminal reports whether err is a decoder error that ended its sequence (RecordError.Terminal);
// false means the record it names is bad and the records after it are still read.
func IsTerminal(err error) bool {
	var re *RecordError
	return errors.As(err, &re) && re.Terminal
}

// Error implements error.
func (e *RecordError) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("portal: record %d (MaHoSo %q): %v", e.Index, e.Code, e.Err)
	}
	return fmt.Sprintf("portal: record %d (MaHoSo %q) field %s: %v", e.Index, e.Code, e.Field, e.Err)
}

// Unwrap returns the cause.
func (e *RecordError) Unwrap() error { return e.Err }
