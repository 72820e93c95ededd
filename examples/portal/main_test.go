package main

import (
	"net/http/httptest"
	"strings"
	"testing"
)

func TestNewHandler(t *testing.T) {
	h, err := newHandler(options{period: "2026-08", dossiers: 1000, lang: "vi"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		target string
		code   int
	}{{"/", 200}, {"/api/scorecard", 200}, {"/api/units/H99/explanations", 200}, {"/api/units/H99/whatif?points=1", 200}, {"/api/units/Z/whatif?points=1", 404}} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", tc.target, nil))
		if w.Code != tc.code {
			t.Errorf("GET %s: %d, want %d: %s", tc.target, w.Code, tc.code, w.Body.String())
		}
	}
	if _, err := newHandler(options{period: "2026-13", dossiers: 1000, lang: "vi"}); err == nil || !strings.Contains(err.Error(), "-period") {
		t.Errorf("bad period: %v", err)
	}
}

// TestPortalFlag: -portal loads the Phú Thọ captures (period label "month": the default period) and the
// unit page compares the card with them; a folder without responses is an error naming -portal.
func TestPortalFlag(t *testing.T) {
	h, err := newHandler(options{period: "2026-08", dossiers: 1000, lang: "vi", portal: "../../indicator/portaleval/testdata/phutho-2026-08"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		target, want string
		code         int
	}{
		{"/units/H99", `id="portal"`, 200},                // H99 is not on the portal: its rows say so
		{"/api/units/H99/portal", `"rows"`, 200},          // the same comparison as JSON
		{"/api/units/H99/portal?period=2026-07", "", 404}, // no evaluation of July
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", tc.target, nil))
		if w.Code != tc.code || !strings.Contains(w.Body.String(), tc.want) {
			t.Errorf("GET %s: %d, want %d with %q: %.400s", tc.target, w.Code, tc.code, tc.want, w.Body.String())
		}
	}
	if _, err := newHandler(options{period: "2026-08", dossiers: 1000, lang: "vi", portal: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "-portal") {
		t.Errorf("empty folder: %v", err)
	}
}

// BenchmarkStartup measures building the server's handler over the default 50 000-dossier sample
// (cards are computed lazily, so this is the start-up cost).
func BenchmarkStartup(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := newHandler(options{period: "2026-08", lang: "vi"}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestDataFlag: -data serves a province's own files (no sample record: the heading is the files' root,
// no sample notice), the default period is the files' busiest last month; bad flags name themselves.
func TestDataFlag(t *testing.T) {
	h, err := newHandler(options{data: "dashboard/testdata/province", asof: "2026-09-01", lang: "vi"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		target, want string
		code         int
	}{
		{"/", "Tỉnh Thử", 200},
		{"/api/overview", `"period":"2026-08"`, 200},
		{"/units/H99.03/records.csv", "\ufeff", 200},
		{"/?period=2026-01", "2026-01", 404},
	} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", tc.target, nil))
		if w.Code != tc.code || !strings.Contains(w.Body.String(), tc.want) {
			t.Errorf("GET %s: %d, want %d with %q: %.300s", tc.target, w.Code, tc.code, tc.want, w.Body.String())
		}
		if strings.Contains(w.Body.String(), "Dữ liệu mẫu") || strings.Contains(w.Body.String(), "tỉnh Mẫu") {
			t.Errorf("GET %s: sample data in a -data dashboard", tc.target)
		}
	}
	for _, tc := range []struct {
		o    options
		flag string
	}{
		{options{data: t.TempDir(), lang: "vi"}, "-data"},
		{options{data: "dashboard/testdata/province", asof: "yesterday", lang: "vi"}, "-asof"},
		{options{asof: "2026-09-01", lang: "vi"}, "-asof"},
		{options{lang: "fr"}, "-lang"},
		{options{data: "dashboard/testdata/province", period: "2026-13", lang: "vi"}, "-period"},
	} {
		if _, err := newHandler(tc.o); err == nil || !strings.Contains(err.Error(), tc.flag) {
			t.Errorf("%+v: %v, want an error naming %s", tc.o, err, tc.flag)
		}
	}
}
