package sample

import (
	"testing"

	"github.com/vn-dvc/chiso766/calendar"
)

// BenchmarkDossiers measures one pass over a 50 000-dossier stream (the target is < 0.5 s per pass).
func BenchmarkDossiers(b *testing.B) {
	cal, err := calendar.New(calendar.Options{FromYear: 2025, ToYear: 2027})
	if err != nil {
		b.Fatal(err)
	}
	p, err := Generate(Options{Seed: 1, Year: 2026, Calendar: cal})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for range p.Dossiers() {
			n++
		}
		if n != DefaultDossiers {
			b.Fatalf("got %d dossiers", n)
		}
	}
}

// BenchmarkGenerate measures Generate with a shared calendar (structure, petitions and one rating pass).
func BenchmarkGenerate(b *testing.B) {
	cal, err := calendar.New(calendar.Options{FromYear: 2025, ToYear: 2027})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(Options{Seed: 1, Year: 2026, Calendar: cal}); err != nil {
			b.Fatal(err)
		}
	}
}
