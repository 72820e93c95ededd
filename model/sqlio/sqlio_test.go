package sqlio_test

import (
	"bytes"
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/csv"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
	"github.com/vn-dvc/chiso766/model/portal"
	"github.com/vn-dvc/chiso766/model/sqlio"
)

var vn = model.Vietnam()

func at(day, hour int) model.Time {
	return model.Some(time.Date(2026, 8, day, hour, 30, 0, 0, vn))
}

// dossiers returns n dossiers with every nested list, in code order.
func dossiers(r *rand.Rand, n int) ([]model.Dossier, []model.Step) {
	var ds []model.Dossier
	var steps []model.Step
	for i := range n {
		d := model.Dossier{
			Code: fmt.Sprintf("H99.%02d-260801-%04d", r.IntN(3), i), UnitID: "H99.01", ProcedureCode: "1.0001",
			Channel: model.ParseChannel(fmt.Sprint(1 + r.IntN(3))), Status: model.ParseStatus("10"),
			SubmittedAt: at(1+r.IntN(5), 8), ReceivedAt: at(6, 9), DueAt: at(10+r.IntN(5), 16),
			OnlinePayment: model.ParseOnlinePayment("1"), Databases: []string{"7"}, Summary: "Cấp giấy, \"nháy\"\nxuống dòng",
			HasDigitisedComponents: model.FlagOf(r.IntN(2) == 0),
		}
		if r.IntN(4) > 0 {
			d.ProcessingEndedAt = at(12, 10)
		}
		for j := range r.IntN(3) {
			d.Fees = append(d.Fees, model.Fee{Code: fmt.Sprint("LP", j), Amount: int64(1000 * (j + 1))})
		}
		for j := range r.IntN(3) {
			d.Files = append(d.Files, model.File{ComponentCode: fmt.Sprint("TP", j), URL: "https://x/" + d.Code + fmt.Sprint(j),
				Digitised: model.FlagOf(j == 0), FromStore: model.FlagFalse})
		}
		if r.IntN(2) == 0 {
			d.Results = []model.ResultDoc{{Code: "KQ1", URL: "https://kq/" + d.Code}}
		}
		if r.IntN(5) == 0 {
			d.Supplements = []model.Supplement{{RequestedAt: at(7, 9), ResubmittedAt: at(8, 9), DueBefore: at(10, 16), DueAfter: at(12, 16)}}
		}
		ds = append(ds, d)
	}
	slices.SortFunc(ds, func(a, b model.Dossier) int { return strings.Compare(a.Code, b.Code) })
	for _, d := range ds {
		for k := range r.IntN(4) {
			steps = append(steps, model.Step{DossierCode: d.Code, At: at(6+k, 9), Status: model.ParseStatus(fmt.Sprint(2 + k)),
				Action: "bước", Officer: "Nguyễn Văn A", RealEvent: true})
		}
	}
	return ds, steps
}

// csvCells writes records with a csvio writer and reads the cells back.
func csvCells(t testing.TB, write func(*bytes.Buffer) error) (header []string, rows [][]string) {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, write(&b))
	all, err := csv.NewReader(&b).ReadAll()
	require.NoError(t, err)
	return all[0], all[1:]
}

// listTables turns the list cells of dossier rows into nested tables.
var listParts = map[string][]string{
	"supplements": sqlio.SupplementColumns(), "fees": sqlio.FeeColumns(),
	"files": sqlio.FileColumns(), "results": sqlio.ResultColumns(),
}

// tables builds the fake database of ds and steps in the contract shape:
// dossier columns as text (lists split into their own tables), steps.
func tables(t testing.TB, ds []model.Dossier, steps []model.Step) fakeDB {
	t.Helper()
	header, rows := csvCells(t, func(b *bytes.Buffer) error {
		w := csvio.NewDossierWriter(b)
		for i := range ds {
			if err := w.Write(&ds[i]); err != nil {
				return err
			}
		}
		return w.Flush()
	})
	f := fakeDB{"dossiers": &table{}}
	keep := []int{}
	for i, h := range header {
		if cols, ok := listParts[h]; ok {
			f[h] = &table{cols: cols}
			continue
		}
		keep = append(keep, i)
		f["dossiers"].cols = append(f["dossiers"].cols, h)
	}
	for _, row := range rows {
		var out []driver.Value
		for _, i := range keep {
			if row[i] == "" {
				out = append(out, nil)
			} else {
				out = append(out, row[i])
			}
		}
		f["dossiers"].rows = append(f["dossiers"].rows, out)
		for i, h := range header {
			if _, ok := listParts[h]; !ok || row[i] == "" {
				continue
			}
			for _, item := range strings.Split(row[i], ";") {
				v := []driver.Value{row[0]}
				for _, p := range strings.Split(item, "|") {
					v = append(v, p)
				}
				f[h].rows = append(f[h].rows, v)
			}
		}
	}
	sh, srows := csvCells(t, func(b *bytes.Buffer) error {
		w := csvio.NewStepWriter(b)
		for i := range steps {
			if err := w.Write(&steps[i]); err != nil {
				return err
			}
		}
		return w.Flush()
	})
	f["steps"] = &table{cols: sh}
	for _, row := range srows {
		f["steps"].rows = append(f["steps"].rows, vals(anys(row)...))
	}
	return f
}

func anys(s []string) []any {
	out := make([]any, len(s))
	for i, x := range s {
		out[i] = x
	}
	return out
}

var allQueries = sqlio.DossierQueries{
	Dossiers: sqlio.Query{SQL: "dossiers"}, Steps: sqlio.Query{SQL: "steps"},
	Supplements: sqlio.Query{SQL: "supplements"}, Fees: sqlio.Query{SQL: "fees"},
	Files: sqlio.Query{SQL: "files"}, Results: sqlio.Query{SQL: "results"},
}

// viaCSV is the reference: csvio decodes the same dossiers and steps.
func viaCSV(t testing.TB, ds []model.Dossier, steps []model.Step) []model.Dossier {
	t.Helper()
	var db, sb bytes.Buffer
	w := csvio.NewDossierWriter(&db)
	for i := range ds {
		require.NoError(t, w.Write(&ds[i]))
	}
	require.NoError(t, w.Flush())
	sw := csvio.NewStepWriter(&sb)
	for i := range steps {
		require.NoError(t, sw.Write(&steps[i]))
	}
	require.NoError(t, sw.Flush())
	byCode := map[string][]model.Step{}
	for s, err := range csvio.DecodeSteps(&sb) {
		require.NoError(t, err)
		byCode[s.DossierCode] = append(byCode[s.DossierCode], s)
	}
	var out []model.Dossier
	for d, err := range csvio.DecodeDossiers(&db) {
		require.NoError(t, err)
		d.Steps = byCode[d.Code]
		out = append(out, d)
	}
	return out
}

func collect(t testing.TB, seq func(func(model.Dossier, error) bool)) ([]model.Dossier, []error) {
	t.Helper()
	var ds []model.Dossier
	var errs []error
	for d, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ds = append(ds, d)
	}
	return ds, errs
}

// TestSameAsCSV is the property of the package: for random dossiers, the
// SQL path (lists and steps from their own queries) decodes to exactly what
// csvio decodes from the same records.
func TestSameAsCSV(t *testing.T) {
	for seed := range uint64(20) {
		r := rand.New(rand.NewPCG(seed, 766))
		ds, steps := dossiers(r, r.IntN(60))
		db := openFake(t, tables(t, ds, steps))
		got, errs := collect(t, sqlio.QueryDossiers(context.Background(), db, allQueries))
		require.Empty(t, errs, "seed %d", seed)
		assert.Equal(t, viaCSV(t, ds, steps), got, "seed %d", seed)
	}
}

// TestTypedValues: native database types read as their csvio text.
func TestTypedValues(t *testing.T) {
	utc := time.Date(2026, 8, 3, 2, 30, 0, 0, time.UTC)
	f := fakeDB{"d": &table{
		cols:  []string{"CODE", "received_at", "due_at", "submitted_at", "has_digitised_components", "channel"},
		types: []string{"VARCHAR", "TIMESTAMPTZ", "TIMESTAMP", "TEXT", "BOOL", "INT8"},
		rows:  [][]driver.Value{vals("A-1", utc, time.Date(2026, 8, 10, 17, 0, 0, 0, time.UTC), "20260801083000", true, int64(2))},
	}}
	got, errs := collect(t, sqlio.QueryDossiers(context.Background(), openFake(t, f), sqlio.DossierQueries{Dossiers: sqlio.Query{SQL: "d"}}))
	require.Empty(t, errs)
	require.Len(t, got, 1)
	d := got[0]
	assert.True(t, d.ReceivedAt.T.Equal(utc), "timestamptz keeps its instant")
	assert.True(t, d.DueAt.T.Equal(time.Date(2026, 8, 10, 17, 0, 0, 0, vn)), "timestamp is Vietnam wall clock")
	assert.True(t, d.SubmittedAt.T.Equal(time.Date(2026, 8, 1, 8, 30, 0, 0, vn)))
	assert.True(t, d.HasDigitisedComponents.True())
	assert.True(t, d.Channel.Is(model.ChannelOnline))
}

func rowErr(t *testing.T, err error) *sqlio.RowError {
	t.Helper()
	var re *sqlio.RowError
	require.ErrorAs(t, err, &re)
	return re
}

// TestBadInput: each bad input is a *RowError naming query, row, column and
// code, wrapping a sentinel; never a panic, never a silent drop.
func TestBadInput(t *testing.T) {
	d := func(code string, extra ...any) []driver.Value { return vals(append([]any{code}, extra...)...) }
	type want struct {
		query, column, code string
		row                 int
		is                  error
	}
	cases := []struct {
		name  string
		db    fakeDB
		q     sqlio.DossierQueries
		want  []want // the errors, in order
		good  int    // dossiers yielded without error
		fatal bool   // the last error ended the sequence
	}{
		{name: "missing key column",
			db:   fakeDB{"d": {cols: []string{"received_at"}, rows: [][]driver.Value{vals("x")}}},
			want: []want{{"dossiers", "code", "", -1, sqlio.ErrColumns}}, fatal: true},
		{name: "missing key column of a nested query",
			db:   fakeDB{"d": {cols: []string{"code"}}, "fees": {cols: []string{"fee_code", "amount"}}},
			q:    sqlio.DossierQueries{Fees: sqlio.Query{SQL: "fees"}},
			want: []want{{"fees", "dossier_code", "", -1, sqlio.ErrColumns}}, fatal: true},
		{name: "unknown (misspelt) column",
			db:   fakeDB{"d": {cols: []string{"code", "recieved_at"}}},
			want: []want{{"dossiers", "recieved_at", "", -1, sqlio.ErrColumns}}, fatal: true},
		{name: "column twice",
			db:   fakeDB{"d": {cols: []string{"code", "Code"}}},
			want: []want{{"dossiers", "code", "", -1, sqlio.ErrColumns}}, fatal: true},
		{name: "list both as column and as query",
			db:   fakeDB{"d": {cols: []string{"code", "fees"}}, "fees": {cols: sqlio.FeeColumns()}},
			q:    sqlio.DossierQueries{Fees: sqlio.Query{SQL: "fees"}},
			want: []want{{"dossiers", "fees", "", -1, sqlio.ErrColumns}}, fatal: true},
		{name: "wrong type: text in a time column",
			db:   fakeDB{"d": {cols: []string{"code", "received_at"}, rows: [][]driver.Value{d("A", "x"), d("B", "abc"), d("C", nil)}}},
			want: []want{{"dossiers", "received_at", "A", 0, portal.ErrBadDate}, {"dossiers", "received_at", "B", 1, portal.ErrBadDate}}, good: 1},
		{name: "wrong type: integer in a time column",
			db:   fakeDB{"d": {cols: []string{"code", "received_at"}, types: []string{"", "INT8"}, rows: [][]driver.Value{d("A", int64(42))}}},
			want: []want{{"dossiers", "received_at", "A", 0, portal.ErrBadDate}}},
		{name: "wrong type: unsupported Go value",
			db:   fakeDB{"d": {cols: []string{"code", "summary"}, rows: [][]driver.Value{d("A", struct{}{}), d("B", "ok")}}},
			want: []want{{"dossiers", "summary", "A", 0, sqlio.ErrType}}, good: 1},
		{name: "NULL in the key",
			db:   fakeDB{"d": {cols: []string{"code", "unit_id"}, rows: [][]driver.Value{d("A", "u"), vals(nil, "u"), d("B", "u")}}},
			want: []want{{"dossiers", "code", "", 1, csvio.ErrMissingKey}}, good: 2},
		{name: "NULL dossier_code in a nested query",
			db: fakeDB{"d": {cols: []string{"code"}, rows: [][]driver.Value{d("A")}},
				"fees": {cols: sqlio.FeeColumns(), rows: [][]driver.Value{vals(nil, "LP", "1")}}},
			q:    sqlio.DossierQueries{Fees: sqlio.Query{SQL: "fees"}},
			want: []want{{"fees", "dossier_code", "", 0, csvio.ErrMissingKey}}, good: 1},
		{name: "step of an unknown dossier (middle and end)",
			db: fakeDB{"d": {cols: []string{"code"}, rows: [][]driver.Value{d("A"), d("C")}},
				"steps": {cols: []string{"dossier_code", "at"}, rows: [][]driver.Value{d("A", "20260801080000"), d("B", "20260801080000"), d("C", "20260801080000"), d("D", "20260801080000")}}},
			q:    sqlio.DossierQueries{Steps: sqlio.Query{SQL: "steps"}},
			want: []want{{"steps", "dossier_code", "B", 1, sqlio.ErrOrphan}, {"steps", "dossier_code", "D", 3, sqlio.ErrOrphan}}, good: 2},
		{name: "fee of an unknown dossier",
			db: fakeDB{"d": {cols: []string{"code"}, rows: [][]driver.Value{d("B")}},
				"fees": {cols: sqlio.FeeColumns(), rows: [][]driver.Value{d("A", "LP", "1"), d("B", "LP", "2"), d("C", "LP", "3")}}},
			q:    sqlio.DossierQueries{Fees: sqlio.Query{SQL: "fees"}},
			want: []want{{"fees", "dossier_code", "A", 0, sqlio.ErrOrphan}, {"fees", "dossier_code", "C", 2, sqlio.ErrOrphan}}, good: 1},
		{name: "dossiers out of order",
			db:   fakeDB{"d": {cols: []string{"code"}, rows: [][]driver.Value{d("A"), d("C"), d("B")}}},
			want: []want{{"dossiers", "code", "B", 2, sqlio.ErrOrder}}, good: 2, fatal: true},
		{name: "steps out of order",
			db: fakeDB{"d": {cols: []string{"code"}, rows: [][]driver.Value{d("A"), d("B"), d("C")}},
				"steps": {cols: []string{"dossier_code"}, rows: [][]driver.Value{d("A"), d("C"), d("B")}}},
			q:    sqlio.DossierQueries{Steps: sqlio.Query{SQL: "steps"}},
			want: []want{{"steps", "dossier_code", "B", 2, sqlio.ErrOrder}}, good: 2, fatal: true},
		{name: "fees out of order",
			db: fakeDB{"d": {cols: []string{"code"}, rows: [][]driver.Value{d("A"), d("B"), d("C")}},
				"fees": {cols: sqlio.FeeColumns(), rows: [][]driver.Value{d("B", "x", "1"), d("A", "x", "1")}}},
			q:    sqlio.DossierQueries{Fees: sqlio.Query{SQL: "fees"}},
			want: []want{{"fees", "dossier_code", "A", 1, sqlio.ErrOrder}}, good: 1, fatal: true},
		{name: "repeated dossier code",
			db:   fakeDB{"d": {cols: []string{"code"}, rows: [][]driver.Value{d("A"), d("A"), d("B")}}},
			want: []want{{"dossiers", "code", "A", 1, sqlio.ErrOrder}}, good: 2},
		{name: "bad fee amount names the fee row",
			db: fakeDB{"d": {cols: []string{"code"}, rows: [][]driver.Value{d("A"), d("B")}},
				"fees": {cols: sqlio.FeeColumns(), rows: [][]driver.Value{d("A", "x", "1"), d("B", "x", "1"), d("B", "y", "zz")}}},
			q:    sqlio.DossierQueries{Fees: sqlio.Query{SQL: "fees"}},
			want: []want{{"fees", "fees", "B", 2, portal.ErrBadNumber}}, good: 1},
		{name: "bad step time names the step row",
			db: fakeDB{"d": {cols: []string{"code"}, rows: [][]driver.Value{d("A")}},
				"steps": {cols: []string{"dossier_code", "at"}, rows: [][]driver.Value{d("A", "20260801080000"), d("A", "soon")}}},
			q:    sqlio.DossierQueries{Steps: sqlio.Query{SQL: "steps"}},
			want: []want{{"steps", "at", "A", 1, portal.ErrBadDate}}},
		{name: "list separator in a nested value",
			db: fakeDB{"d": {cols: []string{"code"}, rows: [][]driver.Value{d("A")}},
				"files": {cols: sqlio.FileColumns(), rows: [][]driver.Value{d("A", "TP1", "https://x/a;b", "1", "0")}}},
			q:    sqlio.DossierQueries{Files: sqlio.Query{SQL: "files"}},
			want: []want{{"files", "url", "A", 0, csvio.ErrBadList}}},
		{name: "database error mid-stream",
			db:   fakeDB{"d": {cols: []string{"code"}, rows: [][]driver.Value{d("A"), d("B"), d("C")}, failAt: 2}},
			want: []want{{"dossiers", "", "", 2, errDisk}}, good: 2, fatal: true},
		{name: "database error in the steps",
			db: fakeDB{"d": {cols: []string{"code"}, rows: [][]driver.Value{d("A"), d("B")}},
				"steps": {cols: []string{"dossier_code"}, rows: [][]driver.Value{d("A"), d("B")}, failAt: 1}},
			q:    sqlio.DossierQueries{Steps: sqlio.Query{SQL: "steps"}},
			want: []want{{"steps", "", "", 1, errDisk}}, good: 0, fatal: true},
		{name: "query fails",
			db:   fakeDB{"d": {cols: []string{"code"}}},
			q:    sqlio.DossierQueries{Steps: sqlio.Query{SQL: "nope"}},
			want: []want{{"steps", "", "", -1, nil}}, fatal: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q := tc.q
			q.Dossiers = sqlio.Query{SQL: "d"}
			var good int
			var errs []error
			require.NotPanics(t, func() {
				for _, err := range sqlio.QueryDossiers(context.Background(), openFake(t, tc.db), q) {
					if err != nil {
						errs = append(errs, err)
					} else {
						good++
					}
				}
			})
			require.Len(t, errs, len(tc.want), "errors: %v", errs)
			for i, w := range tc.want {
				re := rowErr(t, errs[i])
				assert.Equal(t, w.query, re.Query, "query of %v", re)
				assert.Equal(t, w.row, re.Row, "row of %v", re)
				assert.Equal(t, w.column, re.Column, "column of %v", re)
				assert.Equal(t, w.code, re.Code, "code of %v", re)
				if w.is != nil {
					assert.ErrorIs(t, re, w.is)
				}
				assert.Contains(t, re.Error(), fmt.Sprintf("%s row %d", w.query, w.row))
			}
			assert.Equal(t, tc.good, good)
		})
	}
}

func TestReusedAndNil(t *testing.T) {
	db := openFake(t, fakeDB{"d": {cols: []string{"code"}, rows: [][]driver.Value{vals("A")}}})
	rows, err := db.Query("d")
	require.NoError(t, err)
	seq := sqlio.DecodeDossiers(sqlio.DossierRows{Dossiers: rows})
	got, errs := collect(t, seq)
	require.Len(t, got, 1)
	require.Empty(t, errs)
	_, errs = collect(t, seq)
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], sqlio.ErrReused)
	_, errs = collect(t, sqlio.DecodeDossiers(sqlio.DossierRows{}))
	require.Len(t, errs, 1)
	_, errs = collect(t, sqlio.QueryDossiers(context.Background(), nil, allQueries))
	require.Len(t, errs, 1)
	for _, err := range sqlio.DecodeUnits(nil) {
		require.Error(t, err)
	}
}

func TestMaxNestedRows(t *testing.T) {
	f := fakeDB{"d": {cols: []string{"code"}, rows: [][]driver.Value{vals("A"), vals("B")}},
		"steps": {cols: []string{"dossier_code"}, rows: [][]driver.Value{vals("A"), vals("A"), vals("A"), vals("B")}},
		"fees":  {cols: sqlio.FeeColumns(), rows: [][]driver.Value{vals("B", "x", "1"), vals("B", "y", "1"), vals("B", "z", "1")}}}
	q := sqlio.DossierQueries{Dossiers: sqlio.Query{SQL: "d"}, Steps: sqlio.Query{SQL: "steps"}, Fees: sqlio.Query{SQL: "fees"}}
	_, errs := collect(t, sqlio.QueryDossiers(context.Background(), openFake(t, f), q, sqlio.MaxNestedRows(2)))
	require.Len(t, errs, 2)
	assert.Equal(t, "A", rowErr(t, errs[0]).Code)
	assert.ErrorIs(t, errs[0], sqlio.ErrTooManyRows)
	assert.Equal(t, "fees", rowErr(t, errs[1]).Query)
	assert.ErrorIs(t, errs[1], sqlio.ErrTooManyRows)
}

// TestFlat: the flat layouts read their csvio columns; errors name the row.
func TestFlat(t *testing.T) {
	f := fakeDB{
		"units": {cols: []string{"id", "name", "kind", "parent"}, rows: [][]driver.Value{vals("H99", "Tỉnh", "PROVINCE", nil), vals("H99.01", "Sở", "PROVINCIAL_DEPARTMENT", "H99")}},
		"procs": {cols: []string{"code", "durations", "paper_result"}, rows: [][]driver.Value{vals("1.1", "1|5|Ngày làm việc|0", false), vals("1.2", "1|x|Ngày|0", nil)}},
		"petitions": {cols: []string{"id", "received_at", "likes"}, types: []string{"", "TIMESTAMP", "INT4"},
			rows: [][]driver.Value{vals("P1", time.Date(2026, 8, 1, 9, 0, 0, 0, time.UTC), int64(3))}},
		"ratings":   {cols: []string{"dossier_code", "level", "dislike"}, rows: [][]driver.Value{vals("A", "1", int64(0))}},
		"offerings": {cols: []string{"procedure_code", "unit_id", "level"}, rows: [][]driver.Value{vals("1.1", "H99.01", "4")}},
		"steps":     {cols: []string{"dossier_code", "at"}, rows: [][]driver.Value{vals("A", "20260801080000")}},
	}
	db := openFake(t, f)
	ctx := context.Background()
	var units []model.Unit
	for u, err := range sqlio.QueryUnits(ctx, db, sqlio.Query{SQL: "units"}) {
		require.NoError(t, err)
		units = append(units, u)
	}
	require.Len(t, units, 2)
	assert.Equal(t, "H99", units[1].Parent)
	var n int
	for p, err := range sqlio.QueryProcedures(ctx, db, sqlio.Query{SQL: "procs"}) {
		if n == 1 {
			re := rowErr(t, err)
			assert.Equal(t, sqlio.RowError{Query: "procedures", Row: 1, Column: "durations", Code: "1.2"}, sqlio.RowError{Query: re.Query, Row: re.Row, Column: re.Column, Code: re.Code})
			assert.ErrorIs(t, err, portal.ErrBadNumber)
		} else {
			require.NoError(t, err)
			assert.Len(t, p.Durations, 1)
		}
		n++
	}
	assert.Equal(t, 2, n)
	for p, err := range sqlio.QueryPetitions(ctx, db, sqlio.Query{SQL: "petitions"}) {
		require.NoError(t, err)
		assert.True(t, p.ReceivedAt.T.Equal(time.Date(2026, 8, 1, 9, 0, 0, 0, vn)), "%v", p.ReceivedAt)
		assert.EqualValues(t, 3, p.Likes)
	}
	for r, err := range sqlio.QueryRatings(ctx, db, sqlio.Query{SQL: "ratings"}) {
		require.NoError(t, err)
		assert.Equal(t, "A", r.DossierCode)
	}
	for o, err := range sqlio.QueryOfferings(ctx, db, sqlio.Query{SQL: "offerings"}) {
		require.NoError(t, err)
		assert.Equal(t, "H99.01", o.UnitID)
	}
	for s, err := range sqlio.QuerySteps(ctx, db, sqlio.Query{SQL: "steps"}) {
		require.NoError(t, err)
		assert.Equal(t, "A", s.DossierCode)
	}
	for _, err := range sqlio.QueryUnits(ctx, db, sqlio.Query{SQL: "absent"}) {
		assert.Equal(t, -1, rowErr(t, err).Row)
	}
	// Unknown columns are errors unless allowed.
	f["wide"] = &table{cols: []string{"id", "extra"}, rows: [][]driver.Value{vals("U", "x")}}
	for _, err := range sqlio.QueryUnits(ctx, db, sqlio.Query{SQL: "wide"}) {
		assert.ErrorIs(t, err, sqlio.ErrColumns)
	}
	for u, err := range sqlio.QueryUnits(ctx, db, sqlio.Query{SQL: "wide"}, sqlio.AllowUnknownColumns()) {
		require.NoError(t, err)
		assert.Equal(t, "U", u.ID)
	}
}

// TestEarlyStop: breaking out of the loop closes the results (no leak, no
// panic in the pulled steps).
func TestEarlyStop(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	ds, steps := dossiers(r, 50)
	db := openFake(t, tables(t, ds, steps))
	n := 0
	for _, err := range sqlio.QueryDossiers(context.Background(), db, allQueries) {
		require.NoError(t, err)
		if n++; n == 3 {
			break
		}
	}
	assert.Equal(t, 0, db.Stats().InUse)
}

// FuzzDossiers: arbitrary codes, order and values never panic, and every
// dossier row is accounted for: yielded, or an error.
func FuzzDossiers(f *testing.F) {
	f.Add([]byte("ABCabc"), []byte("AAB"), "20260801")
	f.Add([]byte("CBA"), []byte("ZA"), "x|y;z")
	f.Fuzz(func(t *testing.T, codes, stepCodes []byte, v string) {
		if len(codes) > 64 || len(stepCodes) > 64 {
			return
		}
		d := &table{cols: []string{"code", "received_at", "summary"}}
		for _, c := range codes {
			d.rows = append(d.rows, vals(string(rune('A'+c%8)), v, v))
		}
		s := &table{cols: []string{"dossier_code", "at"}}
		fe := &table{cols: sqlio.FeeColumns()}
		for _, c := range stepCodes {
			s.rows = append(s.rows, vals(string(rune('A'+c%8)), v))
			fe.rows = append(fe.rows, vals(string(rune('A'+c%8)), v, v))
		}
		db := openFake(t, fakeDB{"dossiers": d, "steps": s, "fees": fe})
		q := sqlio.DossierQueries{Dossiers: sqlio.Query{SQL: "dossiers"}, Steps: sqlio.Query{SQL: "steps"}, Fees: sqlio.Query{SQL: "fees"}}
		yielded, fatal := 0, false
		for dd, err := range sqlio.QueryDossiers(context.Background(), db, q) {
			var re *sqlio.RowError
			if err != nil && !errors.As(err, &re) {
				t.Fatalf("untyped error %v", err)
			}
			if err == nil || re.Query == "dossiers" || dd.Code != "" {
				yielded++
			}
			if err != nil && errors.Is(err, sqlio.ErrOrder) && re.Row >= 0 && !strings.Contains(err.Error(), "repeated") {
				fatal = true
			}
		}
		if !fatal && yielded < len(codes) {
			t.Fatalf("%d dossier rows, %d accounted for", len(codes), yielded)
		}
	})
}

func BenchmarkDecodeDossiers(b *testing.B) {
	const n = 20_000
	r := rand.New(rand.NewPCG(3, 4))
	ds, steps := dossiers(r, 2000)
	f := tables(b, ds, steps)
	// Repeat the rows with fresh, rising codes to n dossiers.
	grow := func(t *table, perCode func(int) []int) {
		base := t.rows
		t.rows = nil
		for k := 0; len(t.rows) < n*len(base)/len(ds) || k == 0; k++ {
			for _, row := range base {
				c := slices.Clone(row)
				c[0] = fmt.Sprintf("%03d-%s", k, row[0])
				t.rows = append(t.rows, c)
			}
		}
		_ = perCode
	}
	for _, name := range []string{"dossiers", "steps", "fees", "files", "results", "supplements"} {
		grow(f[name], nil)
	}
	db := openFake(b, f)
	nd := len(f["dossiers"].rows)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		got := 0
		for _, err := range sqlio.QueryDossiers(context.Background(), db, allQueries) {
			if err != nil {
				b.Fatal(err)
			}
			got++
		}
		if got != nd {
			b.Fatalf("%d dossiers, want %d", got, nd)
		}
	}
	b.ReportMetric(float64(nd)*float64(b.N)/b.Elapsed().Seconds(), "dossiers/s")
}

var _ = sql.ErrNoRows
