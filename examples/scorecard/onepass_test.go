package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/dataset"
)

// TestCardEqualsRunLatest: the command's card on files — one pass when no code repeats, two when one
// does, four when the re-send sieve's hashes clash (forced here with a weak hash) — is the library's
// Scorer.RunLatest card over the same records decoded one by one (dataset.Set.File), for 1 and 2
// workers, with and without re-sent dossiers, with and without steps.
func TestCardEqualsRunLatest(t *testing.T) {
	for _, tc := range []struct {
		name           string
		resend, steps  bool
		wantPasses     int
		resendAtTheEnd bool
		split          bool // the dossiers in two files (dossiers-1.csv, dossiers-2.csv)
		weak           bool // the sieve hashes a code to its length: different codes clash
		alias          bool // one record's alias is another's code: a duplicate key, not a re-send
	}{
		{name: "clean", steps: true, wantPasses: 1},
		{name: "clean-no-steps", wantPasses: 1},
		{name: "resent", resend: true, steps: true, wantPasses: 2},
		{name: "resent-last-record", resend: true, resendAtTheEnd: true, wantPasses: 2},
		{name: "two-files", split: true, wantPasses: 1},
		{name: "two-files-resent-across", split: true, resend: true, resendAtTheEnd: true, wantPasses: 2},
		{name: "clash", weak: true, wantPasses: 4},
		{name: "clash-resent", resend: true, steps: true, weak: true, wantPasses: 4},
		{name: "alias-repeats-a-code", alias: true, wantPasses: 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			p, err := sample.Generate(sample.Options{Seed: DefaultSeed, Year: DefaultYear, Dossiers: 3000})
			if err != nil {
				t.Fatal(err)
			}
			if err := sample.Export(p, dir); err != nil {
				t.Fatal(err)
			}
			if !tc.steps {
				if err := os.Remove(filepath.Join(dir, "steps.csv")); err != nil {
					t.Fatal(err)
				}
			}
			if tc.resend {
				resendRows(t, filepath.Join(dir, "dossiers.csv"), tc.resendAtTheEnd)
			}
			if tc.split {
				splitRows(t, dir)
			}
			if tc.alias {
				rewriteCSV(t, filepath.Join(dir, "dossiers.csv"), func(rows [][]string) [][]string {
					if rows[0][0] != "code" || rows[0][1] != "aliases" {
						t.Fatalf("columns %q", rows[0][:2])
					}
					rows[50][1] = rows[10][0]
					return rows
				})
			}
			asOf := "2027-01-01"
			files, _, err := dataset.Convention(dir)
			if err != nil {
				t.Fatal(err)
			}
			want := libraryCard(t, files, asOf)
			for _, workers := range []string{"1", "2"} {
				var got string // the card as the hook saw it (the command appends its ledgers after)
				var passes int
				c := &config{onCard: func(card *scorecard.Card, n int) { got, passes = cardJSON(t, card), n }}
				if tc.weak {
					c.sieveHash = func(k string) uint64 { return uint64(len(k)) << 40 }
				}
				var out, errb bytes.Buffer
				if code := runWith(c, []string{"-data", dir, "-asof", asOf, "-format", "json", "-workers", workers}, &out, &errb); code != 0 {
					t.Fatalf("exit %d: %s", code, errb.String())
				}
				if got == "" {
					t.Fatal("no card")
				}
				if passes != tc.wantPasses {
					t.Errorf("-workers %s: %d passes, want %d", workers, passes, tc.wantPasses)
				}
				dup := strings.Contains(errb.String(), "duplicate-code") || strings.Contains(errb.String(), "resend-conflict")
				if dup != (tc.resend || tc.alias) { // a clash of the sieve's hashes alone is no finding
					t.Errorf("-workers %s: duplicate findings: %v; stderr:\n%s", workers, dup, errb.String())
				}
				if g, w := got, cardJSON(t, want); g != w {
					t.Errorf("-workers %s: the command's card differs from RunLatest's (%d vs %d bytes of JSON)", workers, len(g), len(w))
				}
			}
		})
	}
}

// resendRows adds re-sent copies of rows to a dossier CSV: a copy of every 101st row a few rows later
// (with atEnd, a copy of the first row as the file's last row too).
func resendRows(t *testing.T, name string, atEnd bool) {
	t.Helper()
	rewriteCSV(t, name, func(rows [][]string) [][]string {
		for i := 11; i < len(rows); i += 101 {
			rows = slices.Insert(rows, i+1, slices.Clone(rows[i-7]))
		}
		if atEnd {
			rows = append(rows, slices.Clone(rows[1]))
		}
		return rows
	})
}

// splitRows cuts dir's dossiers.csv in two files by the convention, dossiers-1.csv and dossiers-2.csv
// (the header in both): a re-sent copy at the end of the file (resendRows with atEnd) is then in another
// file than its first version.
func splitRows(t *testing.T, dir string) {
	t.Helper()
	name := filepath.Join(dir, "dossiers.csv")
	var second [][]string
	rewriteCSV(t, name, func(rows [][]string) [][]string {
		half := len(rows) / 2
		second = append([][]string{rows[0]}, rows[half:]...)
		return rows[:half]
	})
	if err := os.Rename(name, filepath.Join(dir, "dossiers-1.csv")); err != nil {
		t.Fatal(err)
	}
	two := filepath.Join(dir, "dossiers-2.csv")
	if err := os.WriteFile(two, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	rewriteCSV(t, two, func([][]string) [][]string { return second })
}

// libraryCard scores files as a library user would: every record of the dossier files decoded in order
// (steps attached), then Scorer.RunLatest; the card without RunLatest's resend ledger (the command adds
// its ledgers after the card is scored).
func libraryCard(t *testing.T, files dataset.Files, asOf string) *scorecard.Card {
	t.Helper()
	set, err := dataset.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	var ds []model.Dossier
	for _, name := range files.Dossiers {
		for d, err := range set.File(name) {
			if err != nil {
				t.Fatal(err)
			}
			ds = append(ds, d)
		}
	}
	period, err := model.ParsePeriod(DefaultPeriod)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := calendar.New(calendar.Options{FromYear: period.StartTime().Year() - 1, ToYear: period.EndTime().Year() + 1})
	if err != nil {
		t.Fatal(err)
	}
	at, err := time.ParseInLocation("2006-01-02", asOf, cal.Location())
	if err != nil {
		t.Fatal(err)
	}
	s, err := scorecard.New(inputsOf(set), scorecard.Options{Period: period, AsOf: at, Calendar: cal, Edition: indicator.Portal()})
	if err != nil {
		t.Fatal(err)
	}
	card, err := s.RunLatest(slices.Values(ds), 2)
	if err != nil {
		t.Fatal(err)
	}
	card.Ledgers = slices.DeleteFunc(card.Ledgers, func(l scorecard.CalculatorLedger) bool { return l.Calculator == scorecard.CalculatorResend })
	return card
}

func cardJSON(t *testing.T, c *scorecard.Card) string {
	t.Helper()
	b, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
