package sample

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"

	"github.com/vn-dvc/chiso766/model/csvio"
)

// Export writes the province as a complete input set in dir, in the directory convention of package
// model/dataset (every file in its csvio layout): units.csv, procedures.csv, offerings.csv, dossiers.csv
// (the dossier stream, without its timeline), steps.csv (the timeline steps, each with its dossier code),
// petitions.csv, ratings.csv and copies.csv. Reading the directory back gives the same records, so the
// scorecard of the files equals the scorecard of the province. dir must exist; existing files of those
// names are replaced. Errors: the first create, write or close error, naming the file. Cost: one pass over
// the dossier stream; memory O(1) beyond the province.
func Export(p *Province, dir string) error {
	copies := make([]csvio.CertifiedCopy, len(p.CertifiedCopies))
	for i, c := range p.CertifiedCopies {
		copies[i] = csvio.CertifiedCopy{UnitID: c.UnitID, Electronic: c.Electronic}
	}
	files := []struct {
		name  string
		write func(*bufio.Writer) error
	}{
		{"units.csv", func(w *bufio.Writer) error { return writeAll(p.Units, csvio.NewUnitWriter(w)) }},
		{"procedures.csv", func(w *bufio.Writer) error { return writeAll(p.Procedures, csvio.NewProcedureWriter(w)) }},
		{"offerings.csv", func(w *bufio.Writer) error { return writeAll(p.Offerings, csvio.NewOfferingWriter(w)) }},
		{"petitions.csv", func(w *bufio.Writer) error { return writeAll(p.Petitions, csvio.NewPetitionWriter(w)) }},
		{"ratings.csv", func(w *bufio.Writer) error { return writeAll(p.Ratings, csvio.NewRatingWriter(w)) }},
		{"copies.csv", func(w *bufio.Writer) error { return writeAll(copies, csvio.NewCopyWriter(w)) }},
	}
	for _, f := range files {
		if err := create(filepath.Join(dir, f.name), f.write); err != nil {
			return err
		}
	}
	// The dossiers and their steps in one pass over the stream.
	steps, err := os.Create(filepath.Join(dir, "steps.csv"))
	if err != nil {
		return err
	}
	sb := bufio.NewWriter(steps)
	sw := csvio.NewStepWriter(sb)
	err = create(filepath.Join(dir, "dossiers.csv"), func(w *bufio.Writer) error {
		dw := csvio.NewDossierWriter(w)
		for d := range p.Dossiers() {
			for i := range d.Steps {
				st := d.Steps[i]
				st.DossierCode = d.Code
				if err := sw.Write(&st); err != nil {
					return fmt.Errorf("%s: %w", steps.Name(), err)
				}
			}
			d.Steps = nil
			if err := dw.Write(&d); err != nil {
				return err
			}
		}
		return dw.Flush()
	})
	if err == nil {
		err = sw.Flush()
	}
	if err == nil {
		err = sb.Flush()
	}
	if cerr := steps.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", steps.Name(), err)
	}
	return nil
}

// writeAll writes every record of rs with w, then flushes.
func writeAll[T any, W interface {
	Write(*T) error
	Flush() error
}](rs []T, w W) error {
	for i := range rs {
		if err := w.Write(&rs[i]); err != nil {
			return err
		}
	}
	return w.Flush()
}

// create writes one file through a buffered writer; errors name the file.
func create(name string, write func(*bufio.Writer) error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
