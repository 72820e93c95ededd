package report

import (
	"bytes"
	"encoding/csv"
	"errors"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
)

func vn(s string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", s, model.Vietnam())
	if err != nil {
		panic(err)
	}
	return t
}

func seqOf(rs ...scorecard.FailingRecord) iter.Seq2[scorecard.FailingRecord, error] {
	return func(yield func(scorecard.FailingRecord, error) bool) {
		for _, r := range rs {
			if !yield(r, nil) {
				return
			}
		}
	}
}

// TestWriteRecords: the failing-record CSV, byte for byte — heads in Vietnamese after a byte-order mark,
// the reason's code and label, the record kind, a dossier's facts in Vietnam time, empty cells for facts
// a record does not carry, and a code that would be a formula neutralised.
func TestWriteRecords(t *testing.T) {
	late := scorecard.FailingRecord{Unit: "H44.01", Metric: indicator.M21, Reason: "timeliness.late", Kind: indicator.RecordDossier,
		Code: "H44.01-260803-0004", Facts: scorecard.RecordFacts{Procedure: "P5", Status: "9", Channel: "2",
			Received: vn("2026-08-03 08:00"), DeemedReceipt: "2026-08-03", Appointment: vn("2026-08-10 17:00"),
			Due: vn("2026-08-10 17:00"), End: vn("2026-08-12 10:00"), LateWorkingDays: 2, FeeLines: 1, FeeTotal: 50000, Payment: "1"}}
	proc := scorecard.FailingRecord{Unit: "H44", Metric: indicator.M12, Reason: "publication.published_late", Kind: indicator.RecordProcedure, Code: "=P5"}
	var out bytes.Buffer
	if err := WriteRecords(&out, seqOf(late, proc), Options{BOM: true}); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFđơn vị,chỉ số,mã lý do,lý do,loại bản ghi,mã bản ghi,mã TTHC,trạng thái,kênh,ngày tiếp nhận,ngày được coi là tiếp nhận," +
		"ngày hẹn trả,hạn xử lý,ngày kết thúc,số ngày làm việc trễ,số lần bổ sung,số dòng phí,\"phí, lệ phí (đồng)\",thanh toán trực tuyến,thành phần còn thiếu\n" +
		"H44.01,2.1,timeliness.late,giải quyết quá hạn,hồ sơ,H44.01-260803-0004,P5,9,2,2026-08-03 08:00:00,2026-08-03,2026-08-10 17:00:00," +
		"2026-08-10 17:00:00,2026-08-12 10:00:00,2,,1,50000,1,\n" +
		"H44,1.2,publication.published_late,công khai trễ hạn,TTHC,'=P5,,,,,,,,,,,,,,\n"
	if out.String() != want {
		t.Errorf("got\n%q\nwant\n%q", out.String(), want)
	}
	out.Reset()
	if err := WriteRecords(&out, seqOf(proc), Options{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "unit,metric,reason code,reason,kind,record code,") || !strings.Contains(out.String(), ",published late,procedure,'=P5,") {
		t.Errorf("en:\n%s", out.String())
	}
	// The iterator's error is returned, after the rows before it.
	boom := errors.New("boom")
	bad := func(yield func(scorecard.FailingRecord, error) bool) {
		if yield(late, nil) {
			yield(scorecard.FailingRecord{}, boom)
		}
	}
	if err := WriteRecords(&out, bad, Options{}); !errors.Is(err, boom) {
		t.Errorf("error %v", err)
	}
	if err := WriteRecords(failing{}, seqOf(late), Options{}); !errors.Is(err, errFull) {
		t.Errorf("write error %v", err)
	}
}

// TestWriteRecordsStreams: writing 200 000 records holds one at a time (the heap in use late in the stream
// is not above what it was early).
func TestWriteRecordsStreams(t *testing.T) {
	if testing.Short() {
		t.Skip("200 000 records")
	}
	const n = 200_000
	inuse := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapInuse
	}
	var early, late uint64
	seq := func(yield func(scorecard.FailingRecord, error) bool) {
		for i := range n {
			switch i {
			case n / 10:
				early = inuse()
			case n - 1:
				late = inuse()
			}
			r := scorecard.FailingRecord{Unit: "H99.01", Metric: indicator.M21, Reason: "timeliness.late", Kind: indicator.RecordDossier,
				Code: "H99.01-260803-" + strings.Repeat("9", 8), Facts: scorecard.RecordFacts{Received: vn("2026-08-03 08:00")}}
			if !yield(r, nil) {
				return
			}
		}
	}
	var cw countWriter
	if err := WriteRecords(&cw, seq, Options{}); err != nil {
		t.Fatal(err)
	}
	if cw.n < n*50 {
		t.Fatalf("wrote %d bytes", cw.n)
	}
	if int64(late)-int64(early) > 256<<10 {
		t.Errorf("heap grew from %d to %d bytes while writing", early, late)
	}
}

type countWriter struct{ n int }

func (c *countWriter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }

// sampleSource scores a small sample province (600 dossiers, August 2026) and returns its card and Source.
func sampleSource(t *testing.T) (*scorecard.Card, *Source, indicator.Edition) {
	t.Helper()
	p, err := sample.Generate(sample.Options{Seed: 766, Year: 2026, Dossiers: 600})
	if err != nil {
		t.Fatal(err)
	}
	in := scorecard.Inputs{Units: p.Units, Procedures: p.Procedures, Offerings: p.Offerings, Petitions: p.Petitions, Ratings: p.Ratings}
	ed := indicator.Portal()
	opts := scorecard.Options{Period: model.Year(2026), AsOf: p.AsOf, Calendar: p.Calendar, Edition: ed}
	s, err := scorecard.New(in, opts)
	if err != nil {
		t.Fatal(err)
	}
	card, err := s.Run(p.Dossiers())
	if err != nil {
		t.Fatal(err)
	}
	src := &Source{Scorer: s, Dossiers: p.Dossiers, Rescore: func(pp model.Period) (*scorecard.Card, error) {
		o := opts
		o.Period = pp
		s2, err := scorecard.New(in, o)
		if err != nil {
			return nil, err
		}
		return s2.Run(p.Dossiers())
	}}
	return card, src, ed
}

// TestWriteWithSource: the outputs that read the dossiers again — -records-out (every failing record of
// the unit, as many per metric and reason as the explanations count), the per-procedure table, the
// what-if's records to fix, -previous PERIOD — and their refusal without a Source.
func TestWriteWithSource(t *testing.T) {
	card, src, ed := sampleSource(t)
	const unit = "H99.02"
	file := filepath.Join(t.TempDir(), "records.csv")
	var out bytes.Buffer
	if err := WriteWith(&out, card, ed, Options{Unit: unit, RecordsOut: file, Format: CSV, Table: TableProcedures}, src); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Per metric and reason, the dossier rows of the department are its explanation's counts.
	got := map[string]int64{}
	for _, r := range rows[1:] {
		if r[0] == unit && r[4] == "hồ sơ" {
			got[r[1]+" "+r[2]]++
		}
		if r[3] != indicator.Reason(r[2]).Label("vi") {
			t.Fatalf("label of %s: %q", r[2], r[3])
		}
	}
	u, _ := card.Unit(unit)
	n := 0
	for _, e := range u.Explanations {
		for _, r := range e.Reasons {
			if r.Reason == scorecard.ReasonUnexplained || strings.HasPrefix(string(r.Reason), "publication.") && e.Metric != indicator.M14 ||
				strings.HasPrefix(string(r.Reason), "scorecard.") || strings.HasPrefix(string(r.Reason), "satisfaction.petition") {
				continue // not dossiers
			}
			n++
			if k := e.Metric.String() + " " + string(r.Reason); got[k] != r.Count {
				t.Errorf("%s: %d rows, explanation counts %d", k, got[k], r.Count)
			}
		}
	}
	if n == 0 {
		t.Fatal("no dossier reason compared")
	}
	// The procedures table: one CSV table, unit and procedure then 2.1 … 4.6b counts.
	prow, err := csv.NewReader(&out).ReadAll()
	if err != nil || len(prow) < 2 || prow[0][0] != "đơn vị" || prow[0][2] != "2.1 đạt" || len(prow[0]) != 2+2*len(scorecard.BreakdownMetrics()) {
		t.Fatalf("procedures csv: %v\n%s", err, out.String())
	}
	for _, r := range prow[1:] {
		if r[0] != unit {
			t.Errorf("row of %s with -unit %s", r[0], unit)
		}
	}

	// The what-if lists the records to fix, fewest first, from the failing records of the unit.
	out.Reset()
	if err := WriteWith(&out, card, ed, Options{Unit: unit, WhatIf: decimal.NewFromInt(2), Lang: "en"}, src); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "What-if: total") || !strings.Contains(out.String(), "(fixing existing records)") ||
		!strings.Contains(out.String(), "\nRecords to fix\n") {
		t.Errorf("what-if:\n%s", out.String())
	}
	out.Reset()
	if err := WriteWith(&out, card, ed, Options{Unit: unit, WhatIf: decimal.NewFromInt(2), Format: JSON}, src); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"whatIf": {`, `"mode": "fix"`, `"worklist": [`, `"cheapest": [`} {
		if !strings.Contains(out.String(), k) {
			t.Errorf("JSON lacks %s", k)
		}
	}

	// -previous as a period: July against August's scorer; the card's units carry their change.
	out.Reset()
	if err := WriteWith(&out, card, ed, Options{Previous: "2026-07", Format: CSV, Lang: "en"}, src); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.SplitN(out.String(), "\n", 2)[0], ",Δ total,previous rank,rank change") {
		t.Errorf("previous period:\n%s", out.String())
	}

	// Without a Source, what needs the records is refused before anything is written.
	for _, o := range []Options{{RecordsOut: file}, {Table: TableProcedures}, {Table: TableWorklist, WhatIf: decimal.NewFromInt(1)}, {Previous: "2026-07"}} {
		out.Reset()
		err := Write(&out, card, ed, o)
		var fe *FlagError
		if !errors.As(err, &fe) || out.Len() != 0 {
			t.Errorf("%+v: %v, wrote %d bytes", o, err, out.Len())
		}
	}
}

// TestSourceErr: a second pass whose stream ended on an error (Source.Err) fails the output instead of
// writing a shorter list.
func TestSourceErr(t *testing.T) {
	card, src, ed := sampleSource(t)
	broken := errors.New("dossiers.csv: record 12: bad date")
	src.Err = func() error { return broken }
	for _, o := range []Options{{RecordsOut: filepath.Join(t.TempDir(), "r.csv")}, {Table: TableProcedures}, {Unit: "H99.02", WhatIf: decimal.NewFromInt(1)}} {
		var out bytes.Buffer
		if err := WriteWith(&out, card, ed, o, src); !errors.Is(err, broken) {
			t.Errorf("%+v: %v", o, err)
		}
	}
}
