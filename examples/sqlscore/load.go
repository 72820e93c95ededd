package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"iter"
	"strings"

	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
)

// loadBatch is the number of rows per INSERT statement.
const loadBatch = 200

// createSchema creates the worked-example tables and the contract views.
func createSchema(ctx context.Context, db *sql.DB, dialect string) error {
	for _, s := range append(createSQL(dialect), statements(viewsSQL)...) {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("%.60s…: %w", s, err)
		}
	}
	return nil
}

// inserter batches rows of one table into multi-row INSERT statements.
type inserter struct {
	t       table
	dialect string
	tx      *sql.Tx
	args    []any
	n, seq  int
	pos     map[string]int // csvio column → index in t.cols
}

func newInserter(t table, dialect string, tx *sql.Tx) *inserter {
	in := &inserter{t: t, dialect: dialect, tx: tx, pos: map[string]int{}}
	for i, c := range t.cols {
		in.pos[c.csv] = i
	}
	return in
}

// add queues one row given as csvio cells by column name ("" is NULL).
func (in *inserter) add(ctx context.Context, cell func(csvName string) string) error {
	in.seq++
	for _, c := range in.t.cols {
		v := cell(c.csv)
		if c.name == "STT" {
			v = fmt.Sprint(in.seq)
		}
		if v == "" {
			in.args = append(in.args, nil)
		} else {
			in.args = append(in.args, v)
		}
	}
	if in.n++; in.n == loadBatch {
		return in.flush(ctx)
	}
	return nil
}

func (in *inserter) flush(ctx context.Context) error {
	if in.n == 0 {
		return nil
	}
	var b strings.Builder
	fmt.Fprintf(&b, "INSERT INTO %q (", in.t.name)
	for i, c := range in.t.cols {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", c.name)
	}
	b.WriteString(") VALUES ")
	k := 0
	for r := range in.n {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for i, c := range in.t.cols {
			if i > 0 {
				b.WriteString(", ")
			}
			k++
			if in.dialect == dialectPG {
				fmt.Fprintf(&b, "CAST($%d AS text)::%s", k, c.typ)
			} else {
				b.WriteByte('?')
			}
		}
		b.WriteByte(')')
	}
	if _, err := in.tx.ExecContext(ctx, b.String(), in.args...); err != nil {
		return fmt.Errorf("insert into %s: %w", in.t.name, err)
	}
	in.args, in.n = in.args[:0], 0
	return nil
}

// csvRows writes records with a csvio writer and yields each row's cells by
// column name.
func csvRows(write func(*bytes.Buffer) error) iter.Seq2[func(string) string, error] {
	return func(yield func(func(string) string, error) bool) {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			yield(nil, err)
			return
		}
		r := csv.NewReader(&b)
		header, err := r.Read()
		if err != nil {
			yield(nil, err)
			return
		}
		idx := map[string]int{}
		for i, h := range header {
			idx[h] = i
		}
		for {
			row, err := r.Read()
			if err != nil {
				return // io.EOF: the buffer was written by csvio
			}
			cell := func(name string) string {
				if i, ok := idx[name]; ok {
					return row[i]
				}
				return ""
			}
			if !yield(cell, nil) {
				return
			}
		}
	}
}

// recordWriter is a csvio writer of T records.
type recordWriter[T any] interface {
	Write(*T) error
	Flush() error
}

// writeAll writes items with w and flushes it.
func writeAll[T any](items []T, w recordWriter[T]) error {
	for i := range items {
		if err := w.Write(&items[i]); err != nil {
			return err
		}
	}
	return w.Flush()
}

// writeWith returns a function writing items with the csvio writer made by mk.
func writeWith[T any, W recordWriter[T]](items []T, mk func(io.Writer) W) func(*bytes.Buffer) error {
	return func(b *bytes.Buffer) error { return writeAll[T](items, mk(b)) }
}

// loadSample writes the sample province p into db in the worked-example
// schema (createSchema first), through csvio's writers: what the views give
// back is what csvio would read from the sample's CSV files. Cost: one pass
// over the dossier stream; memory: one batch of dossiers as CSV.
func loadSample(ctx context.Context, db *sql.DB, dialect string, p *sample.Province) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	ins := map[string]*inserter{}
	for _, t := range schema() {
		ins[t.layout] = newInserter(t, dialect, tx)
	}
	flat := []struct {
		layout string
		write  func(*bytes.Buffer) error
	}{
		{"units", writeWith(p.Units, csvio.NewUnitWriter)},
		{"procedures", writeWith(p.Procedures, csvio.NewProcedureWriter)},
		{"offerings", writeWith(p.Offerings, csvio.NewOfferingWriter)},
		{"petitions", writeWith(p.Petitions, csvio.NewPetitionWriter)},
		{"ratings", writeWith(p.Ratings, csvio.NewRatingWriter)},
	}
	for _, f := range flat {
		for cell, err := range csvRows(f.write) {
			if err != nil {
				return fmt.Errorf("%s: %w", f.layout, err)
			}
			if err := ins[f.layout].add(ctx, cell); err != nil {
				return err
			}
		}
	}
	for _, cc := range p.CertifiedCopies {
		e := "0"
		if cc.Electronic {
			e = "1"
		}
		if err := ins["certified_copies"].add(ctx, func(n string) string {
			return map[string]string{"unit_id": cc.UnitID, "electronic": e}[n]
		}); err != nil {
			return err
		}
	}
	batch := make([]model.Dossier, 0, loadBatch)
	for d := range p.Dossiers() {
		if batch = append(batch, d); len(batch) == cap(batch) {
			if err := loadDossiers(ctx, ins, batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if err := loadDossiers(ctx, ins, batch); err != nil {
		return err
	}
	for _, in := range ins {
		if err := in.flush(ctx); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// nestedLayouts are the dossier list cells stored in their own tables.
var nestedLayouts = [...]string{"supplements", "fees", "files", "results"}

// loadDossiers inserts a batch of dossiers, their list cells split into the
// nested tables, and their steps.
func loadDossiers(ctx context.Context, ins map[string]*inserter, ds []model.Dossier) error {
	if len(ds) == 0 {
		return nil
	}
	rows := csvRows(writeWith(ds, csvio.NewDossierWriter))
	for cell, err := range rows {
		if err != nil {
			return err
		}
		if err := ins["dossiers"].add(ctx, cell); err != nil {
			return err
		}
		for _, l := range nestedLayouts {
			if cell(l) == "" {
				continue
			}
			in := ins[l]
			for _, item := range strings.Split(cell(l), ";") {
				parts := strings.Split(item, "|")
				err := in.add(ctx, func(n string) string {
					if n == "dossier_code" {
						return cell("code")
					}
					if i := in.pos[n] - 2; i >= 0 && i < len(parts) { // after STT and MaHoSo
						return parts[i]
					}
					return ""
				})
				if err != nil {
					return err
				}
			}
		}
	}
	var steps []model.Step
	for i := range ds {
		steps = append(steps, ds[i].Steps...)
	}
	for cell, err := range csvRows(writeWith(steps, csvio.NewStepWriter)) {
		if err != nil {
			return err
		}
		if err := ins["steps"].add(ctx, cell); err != nil {
			return err
		}
	}
	return nil
}
