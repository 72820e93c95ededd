package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
	"github.com/vn-dvc/chiso766/model/dataset"
	"github.com/vn-dvc/chiso766/model/portal"
)

// bigProvince exports a sample province of n dossiers (several decode chunks) into dir, then rewrites
// dossiers.csv with re-sent versions (copies of earlier rows placed later), a row with a bad date and
// one with an unknown status, and writes the same records as a payload into dir/json/dossiers.json
// (with the other inputs beside it) and a copy cut off in the middle into dir/cut/dossiers.json.
func bigProvince(t *testing.T, dir string, n int) {
	t.Helper()
	p, err := sample.Generate(sample.Options{Seed: DefaultSeed, Year: DefaultYear, Dossiers: n})
	if err != nil {
		t.Fatal(err)
	}
	if err := sample.Export(p, dir); err != nil {
		t.Fatal(err)
	}
	body := rewriteCSV(t, filepath.Join(dir, "dossiers.csv"), func(rows [][]string) [][]string {
		col := func(name string) int {
			i := slices.Index(rows[0], name)
			if i < 0 {
				t.Fatalf("no column %q in %v", name, rows[0])
			}
			return i
		}
		for i := 7; i < len(rows); i += 97 { // re-sends: a copy of row i-5 after row i
			rows = slices.Insert(rows, i+1, slices.Clone(rows[i-5]))
		}
		// aliases (MaHoSoKhac): another record's code, one alias shared by two records, a record's own
		// code, and one given twice
		a := col("aliases")
		rows[40][a] = rows[20][col("code")]
		rows[60][a], rows[61][a] = "ALIAS-X", "ALIAS-X"
		rows[80][a] = rows[80][col("code")]
		rows[100][a] = "ALIAS-Y;ALIAS-Y"
		rows[len(rows)/3][col("received_at")] = "not a date"
		rows[len(rows)/2][col("status")] = "77"
		return rows
	})

	var js strings.Builder
	enc := portal.NewEncoder(&js, portal.Envelope{Service: "DongBoHoSoMC"})
	for d, err := range csvio.DecodeDossiers(strings.NewReader(body)) {
		if err != nil {
			continue // the bad-date row: left out of the payload
		}
		if err := enc.WriteDossier(&d); err != nil {
			t.Fatal(err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"json", "cut"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"units.csv", "procedures.csv", "offerings.csv", "copies.csv", "petitions.csv", "ratings.csv"} {
			body, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, sub, name), body, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	payload := js.String()
	if err := os.WriteFile(filepath.Join(dir, "json", "dossiers.json"), []byte(payload), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cut", "dossiers.json"), []byte(payload[:len(payload)*2/3]), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestDecodeFileEqualsSetFile: the parallel pass-1 reader yields exactly dataset.Set.File's items — the
// same dossiers (steps attached), the same errors (text, index, recoverable), in the same order, up to
// the same terminal error — for CSV with bad rows, a payload, and a payload cut off mid-record, on 1, 2
// and 3 workers.
func TestDecodeFileEqualsSetFile(t *testing.T) {
	dir := t.TempDir()
	bigProvince(t, dir, 6000)
	for _, name := range []string{filepath.Join(dir, "dossiers.csv"), filepath.Join(dir, "json", "dossiers.json"), filepath.Join(dir, "cut", "dossiers.json")} {
		files := dataset.Files{Dossiers: []string{name}}
		if filepath.Dir(name) == dir {
			files.Steps = []string{filepath.Join(dir, "steps.csv")}
		}
		set, err := dataset.Load(files)
		if err != nil {
			t.Fatal(err)
		}
		type item struct {
			d   model.Dossier
			err string
			rec bool
		}
		collect := func(seq func(func(model.Dossier, error) bool)) []item {
			var out []item
			for d, err := range seq {
				it := item{d: d}
				if err != nil {
					var fe *dataset.FileError
					if !errors.As(err, &fe) {
						t.Fatalf("%s: error %T %v is not a *dataset.FileError", name, err, err)
					}
					it = item{err: err.Error(), rec: fe.Recoverable}
				}
				out = append(out, it)
			}
			return out
		}
		want := collect(set.File(name))
		recoverable := 0
		for _, it := range want {
			if it.rec {
				recoverable++
			}
		}
		last := want[len(want)-1]
		if len(want) < 3000 || strings.Contains(name, "cut") != (last.err != "" && !last.rec) ||
			strings.HasSuffix(name, ".csv") != (recoverable == 1) {
			t.Fatalf("%s: %d items, %d recoverable errors, last %+v: the fixture does not test what it should", name, len(want), recoverable, last.err)
		}
		for _, workers := range []int{1, 2, 3} {
			got := collect(decodeFile(set, name, workers))
			if len(got) != len(want) {
				t.Errorf("%s, %d workers: %d items, want %d", name, workers, len(got), len(want))
				continue
			}
			for i := range want {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Errorf("%s, %d workers: item %d differs:\n got %+v\nwant %+v", name, workers, i, got[i], want[i])
					break
				}
			}
		}
	}
}

// TestParallelPassIdentical: the whole command's output (card and stderr: data-quality summary,
// skipped records, re-sends, unattributed units) is byte for byte the same on 1 and 2 workers, for a
// CSV with re-sends and bad rows (-on-error skip) and for a payload, with and without -check.
func TestParallelPassIdentical(t *testing.T) {
	dir := t.TempDir()
	bigProvince(t, dir, 6000)
	for _, args := range [][]string{
		{"-data", dir, "-on-error", "skip", "-format", "csv"},
		{"-data", dir, "-on-error", "skip", "-format", "json"},
		{"-data", dir, "-on-error", "skip", "-check"},
		{"-data", filepath.Join(dir, "json"), "-on-error", "skip", "-format", "csv"},
		{"-data", filepath.Join(dir, "json"), "-format", "csv"},
		{"-data", filepath.Join(dir, "json"), "-check"},
		{"-data", filepath.Join(dir, "cut"), "-on-error", "skip", "-format", "csv"},
	} {
		args = append(args, "-asof", "2027-01-01")
		var outs [2][3]string
		for i, w := range []string{"1", "2"} {
			out, errs, code := runCLI(t, append(slices.Clone(args), "-workers", w)...)
			outs[i] = [3]string{out, errs, fmt.Sprint(code)}
		}
		if outs[0] != outs[1] {
			t.Errorf("%v: -workers 1 and 2 differ:\n1: exit %s stderr %q\n2: exit %s stderr %q", args, outs[0][2], outs[0][1], outs[1][2], outs[1][1])
		}
		if len(outs[0][0]) == 0 && outs[0][2] == "0" {
			t.Errorf("%v: no output", args)
		}
		t.Logf("%v: exit %s, %d bytes out, stderr %.300q", args, outs[0][2], len(outs[0][0]), outs[0][1])
	}
}

// TestSplitQualityEqualsSequential: the data-quality summary of readDossiers — the per-record checks on
// the decode workers in pass 1, the duplicate checks in pass 2 on the records whose key repeats — is the
// one a single checker running every check in record order gives, on 1, 2 and 3 workers, with and
// without steps, and with a hash that makes the re-send sieve clash.
func TestSplitQualityEqualsSequential(t *testing.T) {
	dir := t.TempDir()
	bigProvince(t, dir, 6000)
	name := filepath.Join(dir, "dossiers.csv")
	for _, steps := range []bool{false, true} {
		files := dataset.Files{Dossiers: []string{name}, Procedures: filepath.Join(dir, "procedures.csv"), Offerings: filepath.Join(dir, "offerings.csv")}
		if steps {
			files.Steps = []string{filepath.Join(dir, "steps.csv")}
		}
		set, err := dataset.Load(files)
		if err != nil {
			t.Fatal(err)
		}
		in := inputsOf(set)
		opts := scorecard.Options{AsOf: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}
		seq := newQualityRun(in, opts, steps)
		for d, err := range set.File(name) {
			if err == nil {
				seq.add(&d)
			}
		}
		var want strings.Builder
		seq.summary(&want)
		if !strings.Contains(want.String(), "duplicate-code") || strings.Count(want.String(), "\n") < 4 {
			t.Fatalf("the fixture does not test what it should: %s", want.String())
		}
		for _, workers := range []int{1, 2, 3} {
			for _, weak := range []bool{false, true} {
				c := &config{workers: workers, allowUnknown: true}
				if weak {
					c.sieveHash = func(k string) uint64 { return uint64(len(k)) << 40 }
				}
				rd := &fileReader{set: set, workers: workers}
				src := &fileSource{name: name, seq: rd.file(name), allowUnknown: true, skip: true, every: -1}
				res, err := readDossiers(c, in, opts, src, rd, nil, steps)
				if err != nil {
					t.Fatal(err)
				}
				if weak != res.clash {
					t.Errorf("weak hash %v: clash %v", weak, res.clash)
				}
				var got strings.Builder
				res.q.summary(&got)
				if got.String() != want.String() {
					t.Errorf("steps %v, %d workers, weak hash %v: summary\n%s\nwant\n%s", steps, workers, weak, got.String(), want.String())
				}
			}
		}
	}
}

// rewriteCSV reads the CSV file name, rewrites it with edit's rows and returns the new content.
func rewriteCSV(t *testing.T, name string, edit func(rows [][]string) [][]string) string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := csv.NewWriter(&b).WriteAll(edit(rows)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
