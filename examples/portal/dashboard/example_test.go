package dashboard_test

import (
	"fmt"
	"net/http/httptest"

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
