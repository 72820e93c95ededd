package dashboard

import (
	"bytes"
	"context"
	"errors"
	"html/template"
	"net/http"

	"github.com/vn-dvc/chiso766/indicator/portaleval"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
)

// PortalFunc returns the portal's published evaluation of a period (package indicator/portaleval), to be
// compared with the card on each unit page. An error wrapping ErrUnknownPeriod means the portal's
// evaluation of the period is not available (the page says so; the JSON endpoint answers 404); any other
// error is a 500. It must be safe for concurrent use.
type PortalFunc func(ctx context.Context, p model.Period) (*portaleval.Evaluation, error)

type portalPage struct {
	Period, Unit, Name string
	Available          bool
	Missing            string
	Rows               []portalRow
}

type portalRow struct {
	Metric, Ours, Theirs, Points, Cause string
	Computed                            bool
}

// cellText renders a count or score, "–" for null.
func cellText(v interface{ String() string }, valid bool) string {
	if !valid {
		return "–"
	}
	return v.String()
}

// comparison reconciles the card of the request's period with the portal's evaluation and keeps the
// rows of unit id. ok is false when the response has been written (an error); available is false when no
// evaluation is configured or the PortalFunc has none for the period (the reason in missing).
func (h *handler) comparison(w http.ResponseWriter, r *http.Request) (c *scorecard.Card, u scorecard.UnitCard, rows []portaleval.Row, available bool, missing string, ok bool) {
	c, u, ok = h.unit(w, r)
	if !ok {
		return nil, u, nil, false, "", false
	}
	if h.cfg.Portal == nil {
		return c, u, nil, false, "chưa cấu hình dữ liệu đánh giá của Cổng DVCQG (Config.Portal)", true
	}
	ev, err := h.cfg.Portal(r.Context(), c.Period)
	switch {
	case errors.Is(err, ErrUnknownPeriod):
		return c, u, nil, false, "Cổng DVCQG chưa có đánh giá kỳ " + c.Period.String(), true
	case err != nil:
		httpError(w, http.StatusInternalServerError, err.Error())
		return nil, u, nil, false, "", false
	case ev == nil:
		httpError(w, http.StatusInternalServerError, "no portal evaluation for "+c.Period.String())
		return nil, u, nil, false, "", false
	}
	tab, err := portaleval.Reconcile(&c.Result, ev, h.ed)
	if err != nil {
		httpError(w, http.StatusInternalServerError, err.Error())
		return nil, u, nil, false, "", false
	}
	for _, row := range tab.Rows {
		if row.Unit == u.Unit.ID {
			rows = append(rows, row)
		}
	}
	return c, u, rows, true, "", true
}

// portalJSON serves GET /api/units/{id}/portal: the unit's reconciliation rows (JSON), 404 when the
// portal's evaluation of the period is not available.
func (h *handler) portalJSON(w http.ResponseWriter, r *http.Request) {
	_, _, rows, available, missing, ok := h.comparison(w, r)
	if !ok {
		return
	}
	if !available {
		httpError(w, http.StatusNotFound, missing)
		return
	}
	if rows == nil {
		rows = []portaleval.Row{}
	}
	writeJSON(w, http.StatusOK, struct {
		Unit string           `json:"unit"`
		Rows []portaleval.Row `json:"rows"`
	}{r.PathValue("id"), rows})
}

// unitPage serves GET /units/{id}: the unit's scores against the portal's, metric by metric (HTML).
func (h *handler) unitPage(w http.ResponseWriter, r *http.Request) {
	c, u, rows, available, missing, ok := h.comparison(w, r)
	if !ok {
		return
	}
	d := portalPage{Period: c.Period.String(), Unit: u.Unit.ID, Name: u.Unit.Name, Available: available, Missing: missing}
	for _, row := range rows {
		metric := row.Metric.String()
		if row.Metric == 0 {
			metric = "nhóm " + row.Group.String()
		}
		d.Rows = append(d.Rows, portalRow{
			Metric:   metric,
			Ours:     cellText(row.Ours.Num, row.Ours.Num.Valid) + "/" + cellText(row.Ours.Den, row.Ours.Den.Valid) + " → " + cellText(row.Ours.Score, row.Ours.Score.Valid),
			Theirs:   cellText(row.Theirs.Num, row.Theirs.Num.Valid) + "/" + cellText(row.Theirs.Den, row.Theirs.Den.Valid) + " → " + cellText(row.Theirs.Score, row.Theirs.Score.Valid),
			Points:   row.Points.StringFixed(2),
			Cause:    causeVI[row.Cause],
			Computed: row.Theirs.Computed,
		})
	}
	var buf bytes.Buffer
	if err := unitTemplate.Execute(&buf, d); err != nil {
		httpError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	w.Write(buf.Bytes())
}

var causeVI = map[portaleval.Cause]string{
	portaleval.CauseNotInOurs:    "đơn vị không có trong cây đơn vị của tỉnh",
	portaleval.CauseNotPublished: "Cổng DVCQG không công bố đơn vị này",
	portaleval.CauseNoInputs:     "Cổng DVCQG chỉ công bố điểm, không công bố số liệu",
	portaleval.CauseTempDen:      "mẫu số của Cổng DVCQG là số tạm",
	portaleval.CauseUnsynced:     "hồ sơ chưa đồng bộ hoặc bị từ chối trên Cổng DVCQG",
	portaleval.CausePortalMore:   "Cổng DVCQG ghi nhận nhiều hơn dữ liệu của tỉnh",
	portaleval.CauseNumerator:    "cùng mẫu số, tử số khác",
	portaleval.CauseRule:         "cùng số liệu, cách tính điểm khác",
	portaleval.CauseNone:         "",
}

var unitTemplate = template.Must(template.New("unit").Parse(`<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{{.Unit}} — đối chiếu với Cổng DVCQG — {{.Period}}</title>
<style>body{font-family:sans-serif;margin:1em 2em;color:#222}td,th{padding:2px 8px;text-align:left}td.n{text-align:right}</style>
</head><body>
<h1>{{.Unit}} {{.Name}} — kỳ {{.Period}}</h1>
<h2>Đối chiếu với kết quả đánh giá của Cổng DVCQG</h2>
{{if .Available}}<table id="portal">
<tr><th>chỉ số</th><th>của tỉnh (tử/mẫu → điểm)</th><th>Cổng DVCQG</th><th>chênh lệch (điểm)</th><th>nguyên nhân có thể</th></tr>
{{range .Rows}}<tr><td>{{.Metric}}</td><td class="n">{{.Ours}}</td><td class="n">{{.Theirs}}{{if .Computed}}*{{end}}</td><td class="n">{{.Points}}</td><td>{{.Cause}}</td></tr>
{{else}}<tr><td colspan="5">Không có dòng nào cho đơn vị này.</td></tr>
{{end}}</table>
<p>* điểm tính từ số liệu Cổng DVCQG công bố (Cổng chỉ công bố điểm của nhóm).</p>
{{else}}<p id="portal-missing">{{.Missing}}</p>{{end}}
</body></html>
`))
