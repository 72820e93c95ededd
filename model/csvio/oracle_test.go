package csvio

// The generic layout decoder as it was before the one-pass row reader (issue 17): encoding/csv rows.
// Kept as the test oracle of the differential tests.

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/vn-dvc/chiso766/internal/testkit"
	"github.com/vn-dvc/chiso766/model"

	"github.com/vn-dvc/chiso766/model/internal/limits"
	"github.com/vn-dvc/chiso766/model/portal"
)

// oracleDecode streams records of layout cols from r. key names the key column. Each record starts as a copy of
// zero (the layout's values for columns the file does not have) and gets the cells of its row.
func oracleDecode[T any](r io.Reader, cfg limits.Config, cols []column[T], key string, keyOf func(*T) string, zero T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		lr := &limits.Reader{R: r}
		cr := csv.NewReader(lr)
		cr.ReuseRecord = true
		cr.FieldsPerRecord = -1
		// bound allows the next row at most cfg.Record bytes, so that no
		// row longer than that is ever buffered whole.
		bound := func() { lr.Allow = cr.InputOffset() + int64(cfg.Record) }
		tooLarge := func(err error, start int64) error {
			if !errors.Is(err, limits.ErrReached) {
				return nil
			}
			return fmt.Errorf("%w: the row at byte %d is longer than %d bytes (MaxRecordBytes)", ErrTooLarge, start, cfg.Record)
		}
		bound()
		header, err := cr.Read()
		if err != nil {
			if e := tooLarge(err, 0); e != nil {
				err = e
			} else if err == io.EOF {
				err = fmt.Errorf("%w: empty input", ErrHeader)
			} else {
				err = fmt.Errorf("%w: %v", portal.ErrSyntax, err)
			}
			var zero T
			yield(zero, &RecordError{Index: -1, Line: 1, Err: err})
			return
		}
		// Map header positions to columns; unknown columns are ignored.
		index := make(map[string]int, len(cols))
		for i, c := range cols {
			index[c.name] = i
		}
		pos := make([]int, len(header))        // column index per cell, -1 = ignored
		headers := make([]string, len(header)) // the row slice is reused by Read
		seen := make(map[string]bool, len(header))
		hasKey := false
		for i, h := range header {
			h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
			headers[i] = h
			if seen[h] {
				var zero T
				yield(zero, &RecordError{Index: -1, Line: 1, Field: h, Err: fmt.Errorf("%w: duplicate column %q", ErrHeader, h)})
				return
			}
			seen[h] = true
			pos[i] = -1
			if j, ok := index[h]; ok {
				pos[i] = j
				hasKey = hasKey || h == key
			}
		}
		if !hasKey {
			var zero T
			yield(zero, &RecordError{Index: -1, Line: 1, Field: key, Err: fmt.Errorf("%w: no %q column", ErrHeader, key)})
			return
		}
		for n := 0; ; n++ {
			start := cr.InputOffset()
			bound()
			row, err := cr.Read()
			if err == io.EOF {
				return
			}
			rec := zero
			if err != nil {
				line := 0
				var pe *csv.ParseError
				if e := tooLarge(err, start); e != nil {
					err = e
				} else if errors.As(err, &pe) {
					line = pe.Line
					err = fmt.Errorf("%w: %v", portal.ErrSyntax, err)
				}
				yield(rec, &RecordError{Index: n, Line: line, Err: err})
				return
			}
			line, _ := cr.FieldPos(0)
			re := &RecordError{Index: n, Line: line}
			if len(row) != len(headers) {
				re.Err = fmt.Errorf("%w: %d cells, header has %d", portal.ErrSyntax, len(row), len(headers))
				if !yield(rec, re) {
					return
				}
				continue
			}
			for i, cell := range row {
				switch {
				case len(cell) > cfg.Field:
					if re.Err == nil {
						re.Field = headers[i]
						re.Err = fmt.Errorf("%w: cell of %d bytes, limit %d (MaxFieldBytes)", ErrTooLarge, len(cell), cfg.Field)
					}
					continue
				case pos[i] < 0:
					continue
				case !utf8.ValidString(cell):
					if re.Err == nil {
						re.Field, re.Err = cols[pos[i]].name, fmt.Errorf("%w: cell %.40q", portal.ErrInvalidUTF8, cell)
					}
					continue
				}
				c := cols[pos[i]]
				if err := c.set(&rec, cell); err != nil && re.Err == nil {
					re.Field, re.Err = c.name, err
				}
			}
			re.Code = keyOf(&rec)
			if re.Err == nil && strings.TrimSpace(re.Code) == "" {
				re.Field, re.Err = key, ErrMissingKey
			}
			if re.Err != nil {
				if !yield(rec, re) {
					return
				}
				continue
			}
			if !yield(rec, nil) {
				return
			}
		}
	}
}

var sentinels = []error{ErrHeader, ErrBadList, ErrMissingKey, ErrTooLarge, portal.ErrSyntax, portal.ErrBadDate,
	portal.ErrBadNumber, portal.ErrBadFlag, portal.ErrInvalidUTF8}

// sameItems compares the one-pass decoder's results with the oracle's: the same number, equal records
// where neither has an error, errors with the same index, code, column and sentinels (and line, but
// for syntax errors, whose line encoding/csv counts its own way).
func sameItems[T any](t *testing.T, data string, got, want []testkit.Item[T]) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d results, oracle %d\ninput %q\ngot %v\nwant %v", len(got), len(want), data, got, want)
	}
	for i := range got {
		g, w := got[i], want[i]
		if (g.Err == nil) != (w.Err == nil) {
			t.Fatalf("result %d: error %v, oracle %v\ninput %q", i, g.Err, w.Err, data)
		}
		if g.Err == nil {
			if !reflect.DeepEqual(g.V, w.V) {
				t.Fatalf("result %d:\n got %+v\nwant %+v\ninput %q", i, g.V, w.V, data)
			}
			continue
		}
		var ge, we *RecordError
		if !errors.As(g.Err, &ge) || !errors.As(w.Err, &we) {
			t.Fatalf("result %d: errors %T %T", i, g.Err, w.Err)
		}
		if ge.Index != we.Index || ge.Field != we.Field || ge.Code != we.Code || ge.Line != we.Line && !ge.Terminal {
			t.Fatalf("result %d: error %#v\noracle %#v\n%v\n%v\ninput %q", i, ge, we, g.Err, w.Err, data)
		}
		for _, s := range sentinels {
			if errors.Is(g.Err, s) != errors.Is(w.Err, s) {
				t.Fatalf("result %d: error %v\noracle %v (differ on %v)\ninput %q", i, g.Err, w.Err, s, data)
			}
		}
		if ge.Terminal != (i == len(got)-1 && (errors.Is(g.Err, portal.ErrSyntax) && ge.Field == "" && !strings.Contains(g.Err.Error(), "cells, header has") || ge.Index < 0 || errors.Is(g.Err, ErrTooLarge) && ge.Field == "")) {
			t.Fatalf("result %d: %v: Terminal %v", i, g.Err, ge.Terminal)
		}
	}
}

// oracleInput: inputs the oracle judged differently on purpose (a ';' header line, UTF-16).
func oracleInput(data string) bool {
	rr := newRowReader(strings.NewReader(data), 1<<20)
	return rr.sniff() == nil && rr.comma == ',' && !strings.HasPrefix(data, "\xfe\xff") &&
		!strings.HasPrefix(data, "\xff\xfe") && !(len(data) >= 2 && (data[0] == 0 || data[1] == 0))
}

func checkCSVOracle(t *testing.T, data string) {
	if !oracleInput(data) {
		return
	}
	cfg := newConfig(nil)
	{
		got := testkit.Collect(DecodeDossiers(strings.NewReader(data)))
		want := testkit.Collect(oracleDecode(strings.NewReader(data), cfg, dossierColumns(), "code", func(d *model.Dossier) string { return d.Code }, model.Dossier{}))
		sameItems(t, data, got, want)
		for _, size := range []int{8, 100, 4096} {
			split := testkit.Collect(testkit.ChunkSeq(splitDossiers(strings.NewReader(data), size, cfg)))
			sameItems(t, data, split, got)
		}
	}
	{
		got := testkit.Collect(DecodeProcedures(strings.NewReader(data)))
		want := testkit.Collect(oracleDecode(strings.NewReader(data), cfg, procedureColumns(), "code", func(p *model.Procedure) string { return p.Code }, model.Procedure{}))
		sameItems(t, data, got, want)
	}
}

// FuzzCSVOracle: the one-pass row reader gives the records and errors of the encoding/csv decoder.
func FuzzCSVOracle(f *testing.F) {
	for _, s := range csvSeeds {
		f.Add(s)
	}
	f.Fuzz(checkCSVOracle)
}

var csvSeeds = []string{
	"code,received_at,files,fees\nA,20260801000000,TP|u|1|0,P|5\n", "code\n\"A\nB\"\n", "code\r\n\"A\r\nB\"\r\n\r\nC\r",
	"\ufeffcode,supplements\nA,20260801000000|||\n", "code,summary\n\"A-1-1,x\nB-1-1,y\n", "code,x\n\"A\"\"\",\"\"\n\"B\"x,1\n",
	"code,sync_sent_at,sync_updating,sync_error_code,sync_message\nA,20260804090500,0,0,ok\nB,,1,-1,\"x, y\"\n",
	"code,unit_id,summary\nA\xff-1-1,A,x\nA\xfe-1-1,A,\xed\xa0\x80\n", "code,unit_id\nA\nB,H44\n", "code,unit_id\nA,b\"c\n",
	"code,received_at,due_at,aliases,applicant_ids\n A ,2026-08-03T08:15:12.25+02:00,2026-08-03T08:15:12+23:59, x ;y,k|n;k2| n2 \n",
	"", "\n\n", "code", "code\n", "code,code\nA,B\n", "x\nA\n", "code,\"a\nb\"\nA,1\n",
}

// TestCSVOracle runs the differential check on the fixtures, a generated file and the seeds.
func TestCSVOracle(t *testing.T) {
	for _, name := range []string{"dossiers.csv", "procedures.csv", "petitions.csv"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		checkCSVOracle(t, string(b))
	}
	for _, s := range csvSeeds {
		checkCSVOracle(t, s)
	}
}

// TestTolerantCSV: a ';'-delimited file reads as the ','-delimited one; UTF-16 input is an error that
// says so; a header error reads without record noise.
func TestTolerantCSV(t *testing.T) {
	comma := "code,unit_id,summary,received_at\nA-260801-1,A,\"x; y, z\",20260801080000\nB-260801-2,B,w,\n"
	semi := "code;unit_id;summary;received_at\r\nA-260801-1;A;\"x; y, z\";20260801080000\r\nB-260801-2;B;w;\r\n"
	want := testkit.Collect(DecodeDossiers(strings.NewReader(comma)))
	got := testkit.Collect(DecodeDossiers(strings.NewReader(semi)))
	if len(want) != 2 || !reflect.DeepEqual(got, want) {
		t.Fatalf("';' file:\n got %+v\nwant %+v", got, want)
	}
	for _, in := range []string{"\xff\xfec\x00o\x00d\x00e\x00\n\x00", "c\x00o\x00d\x00e\x00"} {
		items := testkit.Collect(DecodeDossiers(strings.NewReader(in)))
		if len(items) != 1 || !errors.Is(items[0].Err, portal.ErrUTF16) || !IsTerminal(items[0].Err) || !strings.Contains(items[0].Err.Error(), "UTF-16") {
			t.Fatalf("UTF-16: %v", items)
		}
	}
	items := testkit.Collect(DecodeDossiers(strings.NewReader("unit_id\nA\n")))
	if len(items) != 1 || items[0].Err.Error() != `csvio: header (line 1) column "code": bad CSV header: no "code" column` {
		t.Fatalf("header error: %v", items[0].Err)
	}
}
