package dashboard_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/examples/portal/dashboard"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
)

// Mount the dashboard over a small sample province and ask for an unknown unit and a card.
func ExampleNewHandler() {
	p, err := sample.Generate(sample.Options{Seed: 766, Year: 2026, Dossiers: 500})
	if err != nil {
		fmt.Println(err)
		return
	}
	h, err := dashboard.NewHandler(dashboard.Config{
		Cards:   dashboard.SampleCards(p, indicator.Portal()),
		Default: model.Month(2026, 8),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, target := range []string{"/api/scorecard?period=2026-08", "/api/units/XX/explanations", "/api/scorecard?period=2026-13"} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", target, nil))
		fmt.Println(w.Code, w.Header().Get("Content-Type"))
	}
	// Output:
	// 200 application/json; charset=utf-8
	// 404 application/json; charset=utf-8
	// 400 application/json; charset=utf-8
}

// Serve a province's own files (the directory convention of package model/dataset) under a prefix of
// the portal: the DataSource is FileData, the cards and failing records come from a Source.
func ExampleNewSource() {
	fd, err := dashboard.OpenFiles("testdata/province", time.Date(2026, 9, 1, 0, 0, 0, 0, time.FixedZone("ICT", 7*3600)))
	if err != nil {
		fmt.Println(err)
		return
	}
	src, err := dashboard.NewSource(fd, dashboard.SourceOptions{Latest: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	h, err := dashboard.NewHandler(dashboard.Config{Cards: src.Card, Records: src.Records, Default: fd.Last(),
		Periods: fd.Periods(), BasePath: "/chiso766/"})
	if err != nil {
		fmt.Println(err)
		return
	}
	mux := http.NewServeMux()
	mux.Handle("/chiso766/", http.StripPrefix("/chiso766", h))
	for _, target := range []string{"/chiso766/", "/chiso766/api/overview", "/chiso766/units/H99.03/records.csv", "/chiso766/?period=2025-01"} {
		w := httptest.NewRecorder()
		mux.ServeHTTP(w, httptest.NewRequest("GET", target, nil))
		fmt.Println(w.Code, w.Header().Get("Content-Type"), strings.Contains(w.Body.String(), `href="/chiso766/units/H99.03?period=2026-08"`))
	}
	// Output:
	// 200 text/html; charset=utf-8 true
	// 200 application/json; charset=utf-8 false
	// 200 text/csv; charset=utf-8 false
	// 404 text/html; charset=utf-8 false
}
