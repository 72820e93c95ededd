package csvio

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestCopiesRoundTrip(t *testing.T) {
	in := []CertifiedCopy{{UnitID: "H44.100.01", Electronic: true}, {UnitID: "H44.100.02"}}
	var buf bytes.Buffer
	w := NewCopyWriter(&buf)
	for i := range in {
		if err := w.Write(&in[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	var got []CertifiedCopy
	for c, err := range DecodeCopies(&buf) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, c)
	}
	if len(got) != 2 || got[0].UnitID != "H44.100.01" || !got[0].Electronic || got[1].Electronic {
		t.Fatalf("round trip: %+v", got)
	}
}

func TestCopiesErrors(t *testing.T) {
	tests := []struct{ name, in, field string }{
		{"bad flag", "unit_id,electronic\nX,yes\n", "electronic"},
		{"no key column", "electronic\n1\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			for _, e := range DecodeCopies(strings.NewReader(tc.in)) {
				if e != nil {
					err = e
					break
				}
			}
			if err == nil {
				t.Fatal("no error")
			}
			var re *RecordError
			if tc.field != "" && (!errors.As(err, &re) || !strings.Contains(err.Error(), tc.field)) {
				t.Fatalf("error %v does not name %q", err, tc.field)
			}
		})
	}
}

func ExampleDecodeCopies() {
	in := "unit_id,electronic\nH44.100.01,1\nH44.100.02,0\n"
	for c, err := range DecodeCopies(strings.NewReader(in)) {
		if err != nil {
			panic(err)
		}
		fmt.Println(c.UnitID, c.Electronic)
	}
	// Output:
	// H44.100.01 true
	// H44.100.02 false
}

// FuzzDecodeCopies: any input decodes without panic; a decoded row writes back and decodes to itself.
func FuzzDecodeCopies(f *testing.F) {
	f.Add([]byte("unit_id,electronic,since\nH44.100.01,1,20260801000000\nH44.100.02,0,\n"))
	f.Add([]byte("unit_id;electronic\nX;1\n"))
	f.Add([]byte("\xEF\xBB\xBFunit_id,electronic\n\"a,b\",0\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for c, err := range DecodeCopies(bytes.NewReader(b)) {
			if err != nil {
				continue
			}
			var buf bytes.Buffer
			w := NewCopyWriter(&buf)
			if err := w.Write(&c); err != nil {
				continue // e.g. a cell that cannot be written back is refused, not mangled
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			for back, err := range DecodeCopies(&buf) {
				if err != nil || back.UnitID != c.UnitID || back.Electronic != c.Electronic || !back.Since.T.Equal(c.Since.T) {
					t.Fatalf("round trip %+v → %+v (%v)", c, back, err)
				}
			}
		}
	})
}
