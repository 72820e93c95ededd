package portaleval_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/portaleval"
)

// FuzzDecode feeds arbitrary bytes to the decoder of every endpoint (sel picks it), seeded with the
// capture excerpts and the hand-written responses. A decoded response must have valid tallies, and
// combining, verifying, building the tree and reconciling it must not panic.
func FuzzDecode(f *testing.F) {
	eps := portaleval.Endpoints()
	for i, e := range eps[:6] {
		body, err := os.ReadFile(filepath.Join("testdata/phutho-2026-08", string(e), "month-all.json"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(body, uint8(i))
	}
	f.Add([]byte(smallProgress), uint8(1))
	f.Add([]byte(smallTransparency), uint8(0))
	f.Add([]byte(smallOnline), uint8(2))
	f.Add([]byte(`{"data":{"parent":{"totalReceived":1e3,"totalOnTime":"5"},"children":[{"departmentId":"x"}]}}`), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, sel uint8) {
		e := eps[int(sel)%len(eps)]
		r, err := portaleval.DecodeBytes(e, data)
		if err != nil {
			if r != nil {
				t.Fatal("response with an error")
			}
			return
		}
		for _, u := range r.Units {
			if err := u.Tally.Validate(); err != nil {
				t.Fatalf("decoded an invalid tally: %v", err)
			}
		}
		ev, err := portaleval.NewEvaluation(r)
		if err != nil {
			return
		}
		if _, err := ev.Verify(indicator.Portal()); err != nil {
			t.Fatalf("Verify of a decoded response: %v", err)
		}
		if tr, err := ev.Tree(indicator.TreeOptions{}); err == nil {
			res, err := indicator.Portal().ScoreTree(tr)
			if err == nil {
				_, _ = portaleval.Reconcile(&res, ev, indicator.Portal())
			}
		}
		_, _ = portaleval.Reconcile(nil, ev, indicator.Portal())
	})
}
