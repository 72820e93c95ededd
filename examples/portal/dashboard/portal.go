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

// reconcile compares the card with the portal's evaluation of its period and keeps the rows of u.
// available is false when no evaluation is configured or the PortalFunc has none for the period (the
// reason in missing); err is any other error.
func (h *handler) reconcile(ctx context.Context, c *scorecard.Card, u scorecard.UnitCard) (*scorecard.Card, scorecard.UnitCard, []portaleval.Row, bool, string, error) {
	if h.cfg.Portal == nil {
		return c, u, nil, false, "chưa cấu hình dữ liệu đánh giá của Cổng DVCQG (Config.Portal)", nil
	}
	ev, err := h.cfg.Portal(ctx, c.Period)
	switch {
	case errors.Is(err, ErrUnknownPeriod):
		return c, u, nil, false, "Cổng DVCQG chưa có đánh giá kỳ " + c.Period.String(), nil
	case err != nil:
		return c, u, nil, false, "", err
	case ev == nil:
		return c, u, nil, false, "", errors.New("no portal evaluation for " + c.Period.String())
	}
	tab, err := portaleval.Reconcile(&c.Result, ev, h.ed)
	if err != nil {
		return c, u, nil, false, "", err
	}
	var rows []portaleval.Row
	for _, row := range tab.Rows {
		if row.Unit == u.Unit.ID {
			rows = append(rows, row)
		}
	}
	return c, u, rows, true, "", nil
}

// comparison is reconcile for the request's unit; ok is false when the error response has been written.
func (h *handler) comparison(w http.ResponseWriter, r *http.Request) (c *scorecard.Card, u scorecard.UnitCard, rows []portaleval.Row, available bool, missing string, ok bool) {
	c, u, ok = h.unit(w, r)
	if !ok {
		return nil, u, nil, false, "", false
	}
	c, u, rows, available, missing, err := h.reconcile(r.Context(), c, u)
	if err != nil {
		httpError(w, http.StatusInternalServerError, err.Error())
		return nil, u, nil, false, "", false
	}
	return c, u, rows, available, missing, true
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

// portalSection renders the unit page's comparison with the portal's evaluation ("" without
// Config.Portal); an error of the PortalFunc is shown in the section, not as the page's error.
func (h *handler) portalSection(w http.ResponseWriter, r *http.Request, c *scorecard.Card, u scorecard.UnitCard) template.HTML {
	if h.cfg.Portal == nil {
		return ""
	}
	_, _, rows, available, missing, err := h.reconcile(r.Context(), c, u)
	d := portalPage{Period: c.Period.String(), Unit: u.Unit.ID, Name: u.Unit.Name, Available: available, Missing: missing}
	if err != nil {
		d.Available, d.Missing = false, err.Error()
	}
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
	if err := portalTemplate.Execute(&buf, d); err != nil {
		return template.HTML("<p>" + esc(err.Error()) + "</p>")
	}
	return template.HTML(buf.String())
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

var portalTemplate = template.Must(template.New("portal").Parse(`{{if .Available}}<table id="portal">
<tr><th>chỉ số</th><th class="n">của tỉnh (tử/mẫu → điểm)</th><th class="n">Cổng DVCQG</th><th class="n">chênh lệch (điểm)</th><th>nguyên nhân có thể</th></tr>
{{range .Rows}}<tr><td>{{.Metric}}</td><td class="n">{{.Ours}}</td><td class="n">{{.Theirs}}{{if .Computed}}*{{end}}</td><td class="n">{{.Points}}</td><td>{{.Cause}}</td></tr>
{{else}}<tr><td colspan="5">Không có dòng nào cho đơn vị này.</td></tr>
{{end}}</table>
<p class="note">* điểm tính từ số liệu Cổng DVCQG công bố (Cổng chỉ công bố điểm của nhóm).</p>
{{else}}<p id="portal-missing">{{.Missing}}</p>{{end}}`))
