package portal

import (
	"errors"
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/internal/testkit"
	"github.com/vn-dvc/chiso766/model"
)

// TestSplitLimits: the splitter keeps the decoders' hostile-input bounds — a record over the record limit
// ends the split with ErrTooLarge after the chunks before it, and an endless value is not buffered past
// the limit.
func TestSplitLimits(t *testing.T) {
	big := strings.Repeat("x", DefaultMaxRecordBytes)
	in := `{"data":[{"MaHoSo":"A-1-1"},{"MaHoSo":"B-1-1","GhiChu":"` + big + `"},{"MaHoSo":"C-1-1"}]}`
	n, good, err := firstErr(testkit.ChunkSeq(SplitDossiers(strings.NewReader(in))))
	wantRecordErr(t, err, 1, "", "", ErrTooLarge)
	if n != 2 || good != 1 || !IsTerminal(err) {
		t.Errorf("%d results, %d good, %v", n, good, err)
	}
	if _, good, err := firstErr(testkit.ChunkSeq(SplitDossiers(strings.NewReader(in), MaxRecordBytes(2<<20), MaxFieldBytes(2<<20)))); err != nil || good != 3 {
		t.Errorf("raised limit: %v %d", err, good)
	}
	const size = 200 << 20
	h := &testkit.Hostile{Prefix: `{"data":[{"MaHoSo":"A-1-1"},{"MaHoSo":"B-1-1","GhiChu":"`, Fill: 'x', N: size}
	alloc, inuse := testkit.HeapCost(func() { _, _, err = firstErr(testkit.ChunkSeq(SplitDossiers(h))) })
	if !errors.Is(err, ErrTooLarge) || h.Off > 4*chunkBytes || alloc > 32<<20 || inuse > 32<<20 {
		t.Errorf("%v; read %d, allocated %d, heap +%d", err, h.Off, alloc, inuse)
	}
}

// TestTolerantJSON: a UTF-8 byte order mark is skipped; UTF-16 input is an error that says so.
func TestTolerantJSON(t *testing.T) {
	n, good, err := firstErr(DecodeDossiers(strings.NewReader("\ufeff[{\"MaHoSo\":\"A-1-1\"}]")))
	if n != 1 || good != 1 || err != nil {
		t.Errorf("BOM: %d %d %v", n, good, err)
	}
	for _, in := range []string{"\xff\xfe[\x00{\x00", "\xfe\xff\x00[\x00{", "[\x00{\x00\"\x00"} {
		_, _, err := firstErr(DecodeDossiers(strings.NewReader(in)))
		if !errors.Is(err, ErrUTF16) || !errors.Is(err, ErrSyntax) || !IsTerminal(err) || !strings.Contains(err.Error(), "UTF-16") {
			t.Errorf("%q: %v", in, err)
		}
	}
}

// TestRecordErrorsGoOn: a bad value is a record error and the next records are read; a syntax error ends
// the sequence (IsTerminal tells the two apart).
func TestRecordErrorsGoOn(t *testing.T) {
	in := `[{"MaHoSo":"A-1-1","NgayTiepNhan":"x"},{"MaHoSo":"B-1-1"},{"MaHoSo":"C-1-1",]`
	var got []string
	for d, err := range DecodeDossiers(strings.NewReader(in)) {
		got = append(got, fmt.Sprintf("%s %v", d.Code, IsTerminal(err)))
	}
	if want := []string{"A-1-1 false", "B-1-1 false", " true"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// ExampleSplitDossiers cuts a payload into chunks of whole records (here tiny ones) and decodes each
// chunk on its own, as several goroutines would; the global record index is kept.
func ExampleSplitDossiers() {
	payload := `{"service":"DongBoHoSoMC","data":[{"MaHoSo":"H44.1-260801-0001"},{"MaHoSo":"H44.1-260801-0002","NgayTiepNhan":"x"},{"MaHoSo":"H44.1-260801-0003"}]}`
	for c, err := range SplitDossiers(strings.NewReader(payload)) {
		if err != nil { // terminal: malformed payload, a record over the limit, a read error
			fmt.Println("stop:", err)
			return
		}
		var d model.Dossier
		for {
			index, err, ok := c.Next(&d)
			if !ok {
				break
			}
			if err != nil { // this record only: skip it and go on
				fmt.Println(index, "skipped:", errors.Is(err, ErrBadDate))
				continue
			}
			fmt.Println(index, d.Code, d.UnitID)
		}
		if c.Err() != nil {
			fmt.Println("stop:", c.Err())
			return
		}
		c.Release()
	}
	// Output:
	// 0 H44.1-260801-0001 H44.1
	// 1 skipped: true
	// 2 H44.1-260801-0003 H44.1
}

// TestCivil: civil gives what time.Date in the offset's zone and In(Vietnam) give, to the representation
// (reflect.DeepEqual), over random dates of years 1–9999 and offsets within ±14:00.
func TestCivil(t *testing.T) {
	r := rand.New(rand.NewSource(766))
	for range 200000 {
		y, mo := 1+r.Intn(9999), 1+r.Intn(12)
		d, h, mi, se, ns := 1+r.Intn(daysIn(y, mo)), r.Intn(24), r.Intn(60), r.Intn(60), r.Intn(1e9)
		off := (r.Intn(28*60+1) - 14*60) * 60
		got := civil(y, mo, d, h, mi, se, ns, int64(off))
		want := time.Date(y, time.Month(mo), d, h, mi, se, ns, time.FixedZone("", off)).In(model.Vietnam())
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%04d-%02d-%02d %02d:%02d:%02d.%09d %+d: %v, want %v", y, mo, d, h, mi, se, ns, off, got, want)
		}
	}
}

// TestPayloadSync: a payload record counts as sent at its reception time, unless PayloadSync(false).
func TestPayloadSync(t *testing.T) {
	in := `[{"MaHoSo":"A-1-1","NgayTiepNhan":"20260803093000"},{"MaHoSo":"B-1-1"}]`
	var got []model.SyncInfo
	for d, err := range DecodeDossiers(strings.NewReader(in)) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, d.Sync)
	}
	at := time.Date(2026, 8, 3, 9, 30, 0, 0, model.Vietnam())
	if len(got) != 2 || !got[0].SentAt.Valid || !got[0].SentAt.T.Equal(at) || got[0].ErrorCode != "" || got[1] != (model.SyncInfo{}) {
		t.Errorf("default: %+v", got)
	}
	for d, err := range DecodeDossiers(strings.NewReader(in), PayloadSync(false)) {
		if err != nil || d.Sync != (model.SyncInfo{}) {
			t.Errorf("PayloadSync(false): %+v %v", d.Sync, err)
		}
	}
	for c, err := range SplitDossiers(strings.NewReader(in), PayloadSync(false)) {
		if err != nil {
			t.Fatal(err)
		}
		for d, err := range c.Dossiers() {
			if err != nil || d.Sync != (model.SyncInfo{}) {
				t.Errorf("split, PayloadSync(false): %+v %v", d.Sync, err)
			}
		}
	}
}
