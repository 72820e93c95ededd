package indicator

import (
	"encoding/json"
	"errors"
	"math/rand"
	"reflect"
	"testing"
)

const (
	reasonLate   Reason = "timeliness.late"
	reasonOnTime Reason = "timeliness.on_time"
	reasonNoDate Reason = "record.no_reception_date"
)

func TestLedger(t *testing.T) {
	var l Ledger
	l.Add(reasonOnTime, true)
	l.Add(reasonOnTime, true)
	l.Add(reasonLate, true)
	l.Add(reasonNoDate, false)
	l.AddN(reasonNoDate, false, 3)
	l.AddN(reasonNoDate, false, -3) // ignored
	if l.Read != 7 || l.Counted != 3 || l.Excluded != 4 || l.Read != l.Counted+l.Excluded {
		t.Fatalf("ledger totals %+v", l)
	}
	want := []LedgerEntry{{reasonNoDate, 0, 4}, {reasonLate, 1, 0}, {reasonOnTime, 2, 0}}
	if got := l.Entries(); !reflect.DeepEqual(got, want) {
		t.Fatalf("entries %+v", got)
	}
	if e := l.Entry(reasonLate); e.Counted != 1 {
		t.Fatalf("entry %+v", e)
	}
	if e := l.Entry("unseen"); e.Counted != 0 || e.Excluded != 0 || e.Reason != "unseen" {
		t.Fatalf("unseen entry %+v", e)
	}
	b, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	const wantJSON = `{"read":7,"counted":3,"excluded":4,"reasons":[{"reason":"record.no_reception_date","counted":0,"excluded":4},{"reason":"timeliness.late","counted":1,"excluded":0},{"reason":"timeliness.on_time","counted":2,"excluded":0}]}`
	if string(b) != wantJSON {
		t.Fatalf("json %s", b)
	}
	var back Ledger
	if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back.Entries(), l.Entries()) || back.Read != 7 {
		t.Fatalf("round trip %v %+v", err, back)
	}
	if b, _ := json.Marshal(Ledger{}); string(b) != `{"read":0,"counted":0,"excluded":0,"reasons":[]}` {
		t.Fatalf("empty ledger %s", b)
	}
	// Clone is deep.
	c := l.Clone()
	c.Add(reasonLate, true)
	if l.Entry(reasonLate).Counted != 1 {
		t.Fatal("Clone shares entries")
	}
}

func TestLedgerErrors(t *testing.T) {
	for _, tc := range []struct {
		in  string
		err error
	}{
		{`{"read":"x"}`, ErrBadJSON},
		{`{"read":-1}`, ErrNegative},
		{`{"reasons":[{"reason":"a","counted":-1}]}`, ErrNegative},
	} {
		var l Ledger
		err := l.UnmarshalJSON([]byte(tc.in))
		if !errors.Is(err, tc.err) {
			t.Errorf("%s: err = %v, want %v", tc.in, err, tc.err)
		}
	}
}

func TestLedgerMergeAssociativeCommutative(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	reasons := []Reason{reasonLate, reasonOnTime, reasonNoDate, "a", "b"}
	random := func() Ledger {
		var l Ledger
		for i := rng.Intn(20); i > 0; i-- {
			l.Add(reasons[rng.Intn(len(reasons))], rng.Intn(2) == 0)
		}
		return l
	}
	same := func(a, b Ledger) bool {
		return a.Read == b.Read && a.Counted == b.Counted && a.Excluded == b.Excluded &&
			reflect.DeepEqual(a.Entries(), b.Entries())
	}
	for i := 0; i < 500; i++ {
		a, b, c := random(), random(), random()
		ab := a.Clone()
		ab.Merge(b)
		ba := b.Clone()
		ba.Merge(a)
		if !same(ab, ba) {
			t.Fatal("not commutative")
		}
		left := ab.Clone()
		left.Merge(c)
		bc := b.Clone()
		bc.Merge(c)
		right := a.Clone()
		right.Merge(bc)
		if !same(left, right) {
			t.Fatal("not associative")
		}
	}
}
