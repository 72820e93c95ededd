package quality

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/dedupe"
)

// TestCodesEqualsOwnTable: a Checker whose duplicate check keeps numbered codes' state by number
// (Options.Codes: a dedupe.Index the caller adds each record to before checking it) finds, record by
// record, what a Checker with its own table finds — with aliases that are other records' codes before
// and after those are numbered, repeated and empty aliases, records without a code, contents that
// change or not, and records the caller forgets to add to the index. Seen agrees too.
func TestCodesEqualsOwnTable(t *testing.T) {
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, 7))
		code := func() string { return fmt.Sprintf("H44.07-260803-%04d", rng.IntN(12)) }
		plain := NewChecker(Options{})
		idx := dedupe.NewIndex(dedupe.Policy{})
		shared := NewChecker(Options{Codes: idx})
		for i := range 300 {
			d := base()
			d.Code = code()
			switch rng.IntN(10) {
			case 0:
				d.Code = ""
			case 1, 2:
				d.Aliases = []string{code()}
			case 3:
				d.Aliases = []string{code(), d.Code, "", code()}
			}
			if rng.IntN(3) == 0 {
				d.Summary = "khác"
			}
			if rng.IntN(4) == 0 {
				d.UnitID = "000.00.12.H44"
			}
			if rng.IntN(20) != 0 { // now and then the caller does not index the record
				idx.Add(&d)
			}
			want := plain.Check(&d)
			if got := shared.Check(&d); !reflect.DeepEqual(got, want) {
				t.Fatalf("seed %d record %d (%s, aliases %q): with Codes %v\nwant %v", seed, i, d.Code, d.Aliases, got, want)
			}
		}
		if plain.Seen() != shared.Seen() {
			t.Errorf("seed %d: Seen %d with Codes, %d without", seed, shared.Seen(), plain.Seen())
		}
	}
}

var _ model.Dossier
