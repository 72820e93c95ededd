package dedupe

import (
	"fmt"
	"iter"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/model"
)

func rec(code string, sent string) model.Dossier {
	d := model.Dossier{Code: code}
	if sent != "" {
		t, err := time.Parse(time.RFC3339, sent)
		if err != nil {
			panic(err)
		}
		d.Sync.SentAt = model.Some(t)
	}
	return d
}

func TestLatest(t *testing.T) {
	tests := []struct {
		name       string
		in         []model.Dossier
		policy     Policy
		want       []int // ordinals kept, in input order
		superseded int64
	}{
		{"no re-send", []model.Dossier{rec("A", ""), rec("B", "")}, Policy{}, []int{0, 1}, 0},
		{"input order when no update time", []model.Dossier{rec("A", ""), rec("B", ""), rec("A", "")}, Policy{}, []int{1, 2}, 1},
		{"update time beats input order", []model.Dossier{rec("A", "2026-08-02T00:00:00Z"), rec("A", "2026-08-01T00:00:00Z")}, Policy{}, []int{0}, 1},
		{"equal update times: input order", []model.Dossier{rec("A", "2026-08-02T00:00:00Z"), rec("A", "2026-08-02T00:00:00Z")}, Policy{}, []int{1}, 1},
		{"one version without time: input order", []model.Dossier{rec("A", "2026-08-02T00:00:00Z"), rec("A", "")}, Policy{}, []int{1}, 1},
		{"InputOrder ignores times", []model.Dossier{rec("A", "2026-08-02T00:00:00Z"), rec("A", "2026-08-01T00:00:00Z")}, Policy{Version: InputOrder}, []int{1}, 1},
		{"no code: never merged", []model.Dossier{rec("", ""), rec("", "")}, Policy{}, []int{0, 1}, 0},
		{"100 copies", slices.Repeat([]model.Dossier{rec("A", "")}, 100), Policy{}, []int{99}, 99},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for i := range tc.in {
				tc.in[i].ReceiptNo = fmt.Sprint(i) // the ordinal, to tell the versions apart
			}
			seq, idx := Latest(slices.Values(tc.in), tc.policy)
			var got []int
			for d := range seq {
				var i int
				fmt.Sscan(d.ReceiptNo, &i)
				got = append(got, i)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("kept %v, want %v", got, tc.want)
			}
			if idx.Superseded() != tc.superseded || idx.Records() != int64(len(tc.in)) || idx.Distinct()+idx.Superseded() != idx.Records() {
				t.Errorf("records %d distinct %d superseded %d, want superseded %d", idx.Records(), idx.Distinct(), idx.Superseded(), tc.superseded)
			}
		})
	}
}

func ExampleLatest() {
	in := []model.Dossier{
		{Code: "H44.01-260803-0001", Status: model.NewStatus(model.StatusCode(2))},
		{Code: "H44.01-260803-0002", Status: model.NewStatus(model.StatusCode(9))},
		{Code: "H44.01-260803-0001", Status: model.NewStatus(model.StatusCode(9))}, // re-sent when finished
	}
	latest, idx := Latest(slices.Values(in), Policy{})
	for d := range latest {
		fmt.Println(d.Code, d.Status.String())
	}
	fmt.Println("superseded:", idx.Superseded())
	// Output:
	// H44.01-260803-0002 9
	// H44.01-260803-0001 9
	// superseded: 1
}

// resends yields n records of which a fraction share are re-sends of an earlier code (every re-send is a
// later version of a code seen within the last 1000 records), with codes of the real form.
func resends(n int, share float64) iter.Seq[model.Dossier] {
	return func(yield func(model.Dossier) bool) {
		distinct := 0
		every := int(1 / share)
		buf := make([]byte, 0, 32)
		for i := range n {
			code := distinct
			if i%every == every-1 && distinct > 0 {
				code = max(0, distinct-1-(i%1000))
			} else {
				distinct++
			}
			buf = append(buf[:0], "000.00.12.H44-2608"...)
			buf = append(buf, byte('0'+(code%28+1)/10), byte('0'+(code%28+1)%10), '-')
			buf = strconv.AppendInt(buf, int64(code), 10)
			if !yield(model.Dossier{Code: string(buf)}) {
				return
			}
		}
	}
}

// BenchmarkLatest1M: pass 1 and pass 2 over 1 000 000 records, 30 % of them re-sends (about 700 000
// distinct codes). index-MB is the live heap held by the index after pass 1.
func BenchmarkLatest1M(b *testing.B) {
	const n = 1_000_000
	b.ReportAllocs()
	for b.Loop() {
		src := resends(n, 0.3)
		var before runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		seq, idx := Latest(src, Policy{})
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		kept := 0
		for range seq {
			kept++
		}
		if int64(kept) != idx.Distinct() || idx.Records() != n {
			b.Fatalf("kept %d of %d, distinct %d", kept, idx.Records(), idx.Distinct())
		}
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "index-MB")
		b.ReportMetric(float64(idx.Superseded()), "superseded")
		runtime.KeepAlive(idx)
	}
}

// TestIndexAgainstMap checks the index's code table against a map[string]version reference on many
// codes: near-identical codes (one byte apart, prefixes of each other), the empty-looking and
// non-ASCII ones, a code longer than an arena slab, and enough distinct codes to grow the table many
// times. Winner must agree with the reference for every record and for codes never added.
func TestIndexAgainstMap(t *testing.T) {
	long := strings.Repeat("L", slabSize+10)
	var codes []string
	for i := range 20_000 {
		c := fmt.Sprintf("000.00.12.H44-2608%02d-%d", i%28, i/3)
		codes = append(codes, c, c+"x", c[:len(c)-1])
	}
	codes = append(codes, long, long+"M", "Đ", "\x00", " ")
	r := rand.New(rand.NewPCG(1, 2))
	x := NewIndex(Policy{})
	ref := map[string]version{}
	type added struct {
		code string
		ord  int64
	}
	var all []added
	for ord := range int64(100_000) {
		code := codes[r.IntN(len(codes))]
		var d model.Dossier
		d.Code = code
		nv := version{ord: ord}
		if r.IntN(3) > 0 {
			at := time.Unix(int64(r.IntN(1000)), 0)
			d.Sync.SentAt = model.Some(at)
			nv.at, nv.has = at.UnixNano(), true
		}
		x.AddAt(&d, ord)
		if old, ok := ref[code]; !ok || newer(nv, old) {
			ref[code] = nv
		}
		all = append(all, added{code, ord})
	}
	if x.Distinct() != int64(len(ref)) || x.Records() != int64(len(all)) {
		t.Fatalf("distinct %d records %d, want %d %d", x.Distinct(), x.Records(), len(ref), len(all))
	}
	for _, a := range all {
		if got, want := x.Winner(a.code, a.ord), ref[a.code].ord == a.ord; got != want {
			t.Fatalf("Winner(%.40q, %d) = %v, want %v", a.code, a.ord, got, want)
		}
	}
	for _, c := range []string{"nope", long + "N", strings.Repeat("L", slabSize+9), codes[0] + "yy"} {
		if !x.Winner(c, 0) {
			t.Errorf("Winner(%.40q) of a code never added = false", c)
		}
	}
}
