package satisfaction

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/vn-dvc/chiso766/model"
)

// TestMarkSieve: marked, the sieve in front of the map, gives the map's marks for every code — the marked
// ones (never a clear bit: no false negative), codes differing from them in one byte, in length or in
// their head, short codes and the empty code — with a few marks and with thousands (a sieve mostly set).
func TestMarkSieve(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 3))
	for _, n := range []int{1, 40, 5000} {
		o := baseOptions(t)
		var codes []string
		for i := range n {
			code := fmt.Sprintf("000.00.%02d.H44-2608%02d-%04d", rng.IntN(30), rng.IntN(28)+1, rng.IntN(10000))
			if i%7 == 0 {
				code = code[len(code)-rng.IntN(9):] // short ones, and ""
			}
			codes = append(codes, code)
			if i%2 == 0 {
				o.Ratings = append(o.Ratings, model.Rating{DossierCode: code, Dislike: true})
			} else {
				o.Petitions = append(o.Petitions, model.Petition{ID: fmt.Sprint(i), UnitID: "U1", DossierCode: " " + code})
			}
		}
		c := newCalc(t, o)
		check := func(s string) {
			if got, want := c.marked(s), c.marks[s]; got != want {
				t.Fatalf("%d marks: marked(%q) = %d, the map's %d", n, s, got, want)
			}
		}
		for _, code := range codes {
			check(code)
			check(code + "1")
			check("X" + code)
			if len(code) > 0 {
				b := []byte(code)
				b[rng.IntN(len(b))] ^= 1
				check(string(b))
				check(code[1:])
			}
		}
		for range 2000 {
			check(fmt.Sprintf("000.00.%02d.H44-2608%02d-%04d", rng.IntN(30), rng.IntN(28)+1, rng.IntN(10000)))
		}
	}
}
