package csvio

import (
	"errors"
	"strings"
	"testing"

	"github.com/vn-dvc/chiso766/internal/testkit"
	"github.com/vn-dvc/chiso766/model/portal"
)

// Regression tests of issue 14: invalid UTF-8 and oversized records.

func csvErrs(in string, opts ...Option) (errs []error, good int) {
	for _, err := range DecodeDossiers(strings.NewReader(in), opts...) {
		if err != nil {
			errs = append(errs, err)
		} else {
			good++
		}
	}
	return errs, good
}

func wantCSVErr(t *testing.T, err error, index int, code, field string, want error) {
	t.Helper()
	var re *RecordError
	if !errors.As(err, &re) || !errors.Is(err, want) {
		t.Fatalf("got %v (%T), want a *RecordError wrapping %v", err, err, want)
	}
	if re.Index != index || re.Code != code || re.Field != field {
		t.Errorf("got index %d code %q field %q (%v), want %d %q %q", re.Index, re.Code, re.Field, err, index, code, field)
	}
}

func TestCSVInvalidUTF8(t *testing.T) {
	// Two codes that differ only in an invalid byte must not merge or pass.
	in := "code,unit_id,summary\nA\xff-260101-0001,A,x\nA\xfe-260101-0001,A,x\nB-260101-0001,B\xc3,x\nC-260101-0001,C,\xed\xa0\x80\nD-260101-0001,D,Nguyễn �\n"
	errs, good := csvErrs(in)
	if good != 1 || len(errs) != 4 {
		t.Fatalf("good %d, errors %v", good, errs)
	}
	wantCSVErr(t, errs[0], 0, "", "code", portal.ErrInvalidUTF8)
	wantCSVErr(t, errs[1], 1, "", "code", portal.ErrInvalidUTF8)
	wantCSVErr(t, errs[2], 2, "B-260101-0001", "unit_id", portal.ErrInvalidUTF8)
	wantCSVErr(t, errs[3], 3, "C-260101-0001", "summary", portal.ErrInvalidUTF8)
	// Other layouts share the decoder.
	for _, err := range DecodePetitions(strings.NewReader("id,title\nP\xff,x\n")) {
		wantCSVErr(t, err, 0, "", "id", portal.ErrInvalidUTF8)
	}
}

func TestCSVRecordTooLarge(t *testing.T) {
	// A stray quote on line 2 turns the rest of the file into one field.
	in := "code,summary\n\"A-1-1,x\n" + strings.Repeat("B-1-1,yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\n", 2*DefaultMaxRecordBytes/36) + "C-1-1,z\n"
	errs, good := csvErrs(in)
	if good != 0 || len(errs) != 1 {
		t.Fatalf("good %d, errors %v", good, errs)
	}
	wantCSVErr(t, errs[0], 0, "", "", ErrTooLarge)
	// A long record after good ones names its index; raising the limit reads it.
	long := strings.Repeat("y", DefaultMaxRecordBytes)
	in = "code,summary\nA-1-1,x\nB-1-1,\"" + long + "\"\nC-1-1,z\n"
	errs, good = csvErrs(in)
	if good != 1 || len(errs) != 1 {
		t.Fatalf("good %d, errors %v", good, errs)
	}
	wantCSVErr(t, errs[0], 1, "", "", ErrTooLarge)
	if errs, good := csvErrs(in, MaxRecordBytes(2<<20), MaxFieldBytes(2<<20)); good != 3 || len(errs) != 0 {
		t.Errorf("raised limits: good %d, errors %v", good, errs)
	}
	// A field over the field limit is a record error naming the column;
	// reading goes on.
	field := strings.Repeat("y", DefaultMaxFieldBytes+1)
	in = "code,summary,other\nA-1-1," + field + ",\nB-1-1,,\nC-1-1,," + field + "\n"
	errs, good = csvErrs(in)
	if good != 1 || len(errs) != 2 {
		t.Fatalf("good %d, errors %v", good, errs)
	}
	wantCSVErr(t, errs[0], 0, "A-1-1", "summary", ErrTooLarge)
	wantCSVErr(t, errs[1], 2, "C-1-1", "other", ErrTooLarge)
	if errs, good := csvErrs(in, MaxFieldBytes(1<<20)); good != 3 || len(errs) != 0 {
		t.Errorf("raised field limit: good %d, errors %v", good, errs)
	}
	// The header has the same limit.
	errs, _ = csvErrs("code," + strings.Repeat("h", DefaultMaxRecordBytes) + "\nA-1-1,\n")
	wantCSVErr(t, errs[0], -1, "", "", ErrTooLarge)
	// Small limits.
	errs, _ = csvErrs("code,summary\nA-1-1,x\nB-1-1,0123456789\n", MaxRecordBytes(16))
	wantCSVErr(t, errs[0], 1, "", "", ErrTooLarge)
}

// TestCSVHostileStreamMemory feeds 200 MB of one endless quoted field, one
// endless line and one endless header (never materialised) to the decoder:
// it must stop at the record limit with ErrTooLarge, read little more than
// the limit and allocate far less than the stream.
func TestCSVHostileStreamMemory(t *testing.T) {
	const size = 200 << 20
	const budget = 32 << 20
	for _, c := range []struct {
		name, prefix string
		fill         byte
		index        int
	}{
		{"stray quote", "code,summary\nA-1-1,x\n\"B-1-1,", '\n', 1},
		{"endless line", "code,summary\nA-1-1,", 'y', 0},
		{"endless header", "code,", 'h', -1},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := &testkit.Hostile{Prefix: c.prefix, Fill: c.fill, N: size}
			var errs []error
			alloc, inuse := testkit.HeapCost(func() {
				for _, err := range DecodeDossiers(h) {
					if err != nil {
						errs = append(errs, err)
					}
				}
			})
			if len(errs) != 1 {
				t.Fatalf("errors %v", errs)
			}
			wantCSVErr(t, errs[0], c.index, "", "", ErrTooLarge)
			if h.Off > 4*DefaultMaxRecordBytes {
				t.Errorf("read %d bytes of the stream", h.Off)
			}
			if alloc > budget || inuse > budget {
				t.Errorf("allocated %d bytes, heap grew by %d (budget %d)", alloc, inuse, budget)
			}
			t.Logf("%v; read %d bytes, allocated %d, heap +%d", errs[0], h.Off, alloc, inuse)
		})
	}
}
