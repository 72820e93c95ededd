package dashboard

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/portaleval"
	"github.com/vn-dvc/chiso766/model"
)

// A hand-written portal evaluation of the sample's 8/2026: H99.01's 2.1 counts 10/12 (the sample has
// more dossiers: not synced), a unit outside the hierarchy, and the province's 1.4 denominator flagged
// temporary.
const portalProgress = `{"code":"OK","data":{"parent":{"departmentId":"u-h99","departmentCode":"H99","totalReceived":100000,"totalOnTime":90000,"totalScore":18,"totalMaxScore":20},
"children":[{"departmentId":"u-01","departmentCode":"H99.01","level":"PROVINCE","totalReceived":12,"totalOnTime":10,"totalOverdue":2,"score":16.67,"maxScore":20},
{"departmentId":"u-x","departmentCode":"H99.X","departmentName":"<script>x</script>","level":"PROVINCE","totalReceived":1,"totalOnTime":1,"score":20,"maxScore":20}]}}`

func portalHandler(t *testing.T, pf PortalFunc) http.Handler {
	t.Helper()
	p, err := sample.Generate(sample.Options{Seed: 766, Year: 2026, Dossiers: 3000})
	require.NoError(t, err)
	ed := indicator.Portal()
	h, err := NewHandler(Config{Cards: SampleCards(p, ed), Edition: &ed, Default: model.Month(2026, 8), Portal: pf})
	require.NoError(t, err)
	return h
}

func TestUnitPagePortal(t *testing.T) {
	r, err := portaleval.Decode(portaleval.Progress, strings.NewReader(portalProgress))
	require.NoError(t, err)
	ev, err := portaleval.NewEvaluation(r)
	require.NoError(t, err)
	h := portalHandler(t, func(_ context.Context, p model.Period) (*portaleval.Evaluation, error) {
		if p != model.Month(2026, 8) {
			return nil, ErrUnknownPeriod
		}
		return ev, nil
	})

	// JSON: H99.01's 2.1 row, ours from the card, theirs as published, the cause named.
	w := do(t, h, http.MethodGet, "/api/units/H99.01/portal", "", "")
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	var got struct {
		Unit string `json:"unit"`
		Rows []struct {
			Metric string `json:"metric"`
			Cause  string `json:"cause"`
			Theirs struct {
				Num, Den int64
			} `json:"theirs"`
		} `json:"rows"`
	}
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &got))
	require.Equal(t, "H99.01", got.Unit)
	require.Len(t, got.Rows, 1)
	require.Equal(t, "2.1", got.Rows[0].Metric)
	require.Equal(t, "not-synced-or-rejected", got.Rows[0].Cause)
	require.Equal(t, int64(12), got.Rows[0].Theirs.Den)

	// HTML unit page: the comparison table, escaped, with the cause in Vietnamese.
	w = do(t, h, http.MethodGet, "/units/H99.01", "", "")
	require.Equal(t, http.StatusOK, w.Code)
	require.Equal(t, "text/html; charset=utf-8", w.Header().Get("Content-Type"))
	body := w.Body.String()
	require.Contains(t, body, `<table id="portal">`)
	require.Contains(t, body, "/12 → 16.67*")
	require.Contains(t, body, "hồ sơ chưa đồng bộ hoặc bị từ chối trên Cổng DVCQG")

	// A unit the portal does not publish: its group line says so.
	w = do(t, h, http.MethodGet, "/units/H99.02", "", "")
	require.Equal(t, http.StatusOK, w.Code)
	require.Contains(t, w.Body.String(), "Cổng DVCQG không công bố đơn vị này")

	// No evaluation for the period: the page says so, the JSON endpoint is a 404; unknown unit 404.
	w = do(t, h, http.MethodGet, "/units/H99.01?period=2026-07", "", "")
	require.Equal(t, http.StatusOK, w.Code)
	require.Contains(t, w.Body.String(), "Cổng DVCQG chưa có đánh giá kỳ")
	w = do(t, h, http.MethodGet, "/api/units/H99.01/portal?period=2026-07", "", "")
	require.Equal(t, http.StatusNotFound, w.Code)
	w = do(t, h, http.MethodGet, "/units/NOPE", "", "")
	require.Equal(t, http.StatusNotFound, w.Code)
	require.Contains(t, w.Body.String(), `"error"`)
}

func TestUnitPagePortalErrors(t *testing.T) {
	// Not configured: the page has no comparison section.
	h := portalHandler(t, nil)
	w := do(t, h, http.MethodGet, "/units/H99.01", "", "")
	require.Equal(t, http.StatusOK, w.Code)
	require.NotContains(t, w.Body.String(), `id="portal`)
	// A failing PortalFunc, or one answering (nil, nil): the page is served and its section says why; the
	// JSON endpoint answers 500.
	for _, pf := range []PortalFunc{
		func(context.Context, model.Period) (*portaleval.Evaluation, error) {
			return nil, errors.New("disk on fire")
		},
		func(context.Context, model.Period) (*portaleval.Evaluation, error) { return nil, nil },
	} {
		h := portalHandler(t, pf)
		w := do(t, h, http.MethodGet, "/units/H99.01", "", "")
		require.Equal(t, http.StatusOK, w.Code)
		require.Contains(t, w.Body.String(), `id="portal-missing"`)
		w = do(t, h, http.MethodGet, "/api/units/H99.01/portal", "", "")
		require.Equal(t, http.StatusInternalServerError, w.Code)
		require.Contains(t, w.Body.String(), `"error"`)
	}
}
