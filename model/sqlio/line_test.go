package sqlio

import (
	"encoding/csv"
	"strings"
	"testing"
)

// FuzzLine: the pipe's lines read back through encoding/csv to the same cells
// (but for "\r\n" inside a value, which the reader turns into "\n": documented).
func FuzzLine(f *testing.F) {
	f.Add("a", "b,c", `q"uote`)
	f.Add("", "", "")
	f.Add(" lead", "line\nbreak", "cr\r\nlf")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		for _, cells := range [][]string{{a}, {a, b, c}} {
			p := &pipe{}
			p.row(len(cells), func(i int) []byte { return []byte(cells[i]) })
			p.row(len(cells), func(i int) []byte { return []byte(cells[i]) })
			r := csv.NewReader(&p.buf)
			r.FieldsPerRecord = -1
			for range 2 {
				got, err := r.Read()
				if err != nil {
					t.Fatalf("%q: %v", cells, err)
				}
				if len(got) != len(cells) {
					t.Fatalf("%q read as %q", cells, got)
				}
				for i := range got {
					if want := strings.ReplaceAll(cells[i], "\r\n", "\n"); got[i] != want && !strings.Contains(cells[i], "\r") {
						t.Fatalf("%q read as %q", cells, got)
					}
				}
			}
		}
	})
}
