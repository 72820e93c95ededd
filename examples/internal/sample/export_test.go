package sample

import (
	"fmt"
	"os"
	"testing"

	"github.com/vn-dvc/chiso766/model/dataset"
)

// TestExport: the exported directory follows the convention (every kind found by name and content) and
// reads back the province's records, the dossiers with their steps.
func TestExport(t *testing.T) {
	p, err := Generate(Options{Seed: 7, Year: 2026, Dossiers: 400})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := Export(p, dir); err != nil {
		t.Fatal(err)
	}
	files, ignored, err := dataset.Convention(dir)
	if err != nil || len(ignored) != 0 {
		t.Fatalf("convention: %v, ignored %v", err, ignored)
	}
	set, err := dataset.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Units) != len(p.Units) || len(set.Procedures) != len(p.Procedures) || len(set.Offerings) != len(p.Offerings) ||
		len(set.Petitions) != len(p.Petitions) || len(set.Ratings) != len(p.Ratings) || len(set.Copies) != len(p.CertifiedCopies) {
		t.Fatalf("read back %d units %d procedures %d offerings %d petitions %d ratings %d copies", len(set.Units),
			len(set.Procedures), len(set.Offerings), len(set.Petitions), len(set.Ratings), len(set.Copies))
	}
	var want []int
	for d := range p.Dossiers() {
		want = append(want, len(d.Steps))
	}
	i := 0
	for d, err := range set.Dossiers() {
		if err != nil {
			t.Fatal(err)
		}
		if i >= len(want) || len(d.Steps) != want[i] {
			t.Fatalf("dossier %d (%s): %d steps, want %v", i, d.Code, len(d.Steps), want[min(i, len(want)-1)])
		}
		i++
	}
	if i != p.Len() {
		t.Fatalf("%d dossiers read back, want %d", i, p.Len())
	}
}

// The sample province as a directory of input files (what `scorecard -export-sample DIR` writes).
func ExampleExport() {
	p, err := Generate(Options{Seed: 766, Year: 2026, Dossiers: 100})
	if err != nil {
		panic(err)
	}
	dir, err := os.MkdirTemp("", "h99")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	if err := Export(p, dir); err != nil {
		panic(err)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		fmt.Println(e.Name())
	}
	// Output:
	// copies.csv
	// dossiers.csv
	// offerings.csv
	// petitions.csv
	// procedures.csv
	// ratings.csv
	// steps.csv
	// units.csv
}
