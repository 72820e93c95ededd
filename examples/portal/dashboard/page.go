package dashboard

import (
	"bytes"
	"html/template"
	"net/http"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
)

// Chart geometry (SVG user units).
const (
	chartW   = 720
	barH     = 14
	labelW   = 220
	trendH   = 200
	trendPad = 30
)

type bar struct {
	X, Y, W, H float64
	Label      string
	Value      string
	Fill       string
}

type groupRow struct {
	Unit string
	Y    float64
	Bars []bar
}

type point struct {
	X, Y  float64
	Label string
	Value string
}

type pageData struct {
	Period      string
	Root        string
	Totals      []bar
	TotalsH     int
	Groups      []groupRow
	GroupsH     int
	GroupNames  []string
	GroupFills  []string
	Trend       []point
	TrendLine   string
	TrendMissed []string
}

var fills = [indicator.NumGroups]string{"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"}

func ratio(v, max decimal.Decimal) float64 {
	if max.IsZero() {
		return 0
	}
	f, _ := v.DivRound(max, 6).Float64()
	if f < 0 {
		return 0
	}
	if f > 1 {
		return 1
	}
	return f
}

func (h *handler) index(w http.ResponseWriter, r *http.Request) {
	c, ok := h.card(w, r)
	if !ok {
		return
	}
	d := pageData{Period: c.Period.String()}
	for g := indicator.Group(1); int(g) <= indicator.NumGroups; g++ {
		d.GroupNames = append(d.GroupNames, g.NameVI())
		d.GroupFills = append(d.GroupFills, fills[g-1])
	}
	plotW := float64(chartW - labelW - 60)
	for i, u := range c.Units {
		y := float64(i * (barH + 6))
		d.Totals = append(d.Totals, bar{X: labelW, Y: y, H: barH,
			W:     plotW * ratio(u.Pooled.Total, u.Pooled.Max),
			Label: unitLabel(u), Value: u.Pooled.Total.StringFixed(2), Fill: "#1f77b4"})
		row := groupRow{Unit: unitLabel(u), Y: float64(i * (indicator.NumGroups*6 + 10))}
		for gi, g := range u.Pooled.Groups {
			row.Bars = append(row.Bars, bar{X: labelW, Y: row.Y + float64(gi*6), H: 5,
				W:     plotW * ratio(g.Score, g.Max),
				Label: indicator.Group(gi + 1).NameVI(),
				Value: g.Score.StringFixed(2) + "/" + g.Max.StringFixed(2), Fill: fills[gi]})
		}
		d.Groups = append(d.Groups, row)
	}
	d.TotalsH = len(c.Units)*(barH+6) + 10
	d.GroupsH = len(c.Units)*(indicator.NumGroups*6+10) + 10
	root := h.cfg.Root
	if root == "" && len(c.Units) > 0 {
		root = c.Units[0].Unit.ID
	}
	d.Root = root
	n := len(h.cfg.Trend)
	for i, p := range h.cfg.Trend {
		tc, err := h.cfg.Cards(r.Context(), p)
		if err != nil {
			if r.Context().Err() != nil {
				return
			}
			d.TrendMissed = append(d.TrendMissed, p.String())
			continue
		}
		u, ok := tc.Unit(root)
		if !ok {
			d.TrendMissed = append(d.TrendMissed, p.String())
			continue
		}
		x := float64(trendPad)
		if n > 1 {
			x += float64(i) * float64(chartW-2*trendPad) / float64(n-1)
		}
		y := float64(trendH-trendPad) - float64(trendH-2*trendPad)*ratio(u.Pooled.Total, u.Pooled.Max)
		d.Trend = append(d.Trend, point{X: x, Y: y, Label: p.String(), Value: u.Pooled.Total.StringFixed(2)})
	}
	var line bytes.Buffer
	for i, pt := range d.Trend {
		if i > 0 {
			line.WriteByte(' ')
		}
		line.WriteString(decimal.NewFromFloat(pt.X).StringFixed(1) + "," + decimal.NewFromFloat(pt.Y).StringFixed(1))
	}
	d.TrendLine = line.String()
	var buf bytes.Buffer
	if err := h.page.Execute(&buf, d); err != nil {
		httpError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	w.Write(buf.Bytes())
}

func unitLabel(u scorecard.UnitCard) string {
	if u.Unit.Name != "" {
		return u.Unit.ID + " " + u.Unit.Name
	}
	return u.Unit.ID
}

var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Chỉ số phục vụ người dân, doanh nghiệp — {{.Period}}</title>
<style>body{font-family:sans-serif;margin:1em 2em;color:#222}h2{margin-top:1.5em}svg text{font-size:11px}</style>
</head><body>
<h1>Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg) — kỳ {{.Period}}</h1>
<p>Dữ liệu mẫu, không phải số liệu thật.</p>
<h2>Tổng điểm theo đơn vị</h2>
<svg id="totals" xmlns="http://www.w3.org/2000/svg" width="720" height="{{.TotalsH}}" role="img" aria-label="Tổng điểm theo đơn vị">
{{range .Totals}}<g><text x="0" y="{{.Y}}" dy="11">{{.Label}}</text><rect class="bar" x="{{.X}}" y="{{.Y}}" width="{{printf "%.1f" .W}}" height="{{.H}}" fill="{{.Fill}}"><title>{{.Label}}: {{.Value}}</title></rect><text x="{{printf "%.1f" .X}}" y="{{.Y}}" dx="{{printf "%.1f" .W}}" dy="11">&#160;{{.Value}}</text></g>
{{end}}</svg>
<h2>Điểm theo nhóm chỉ số</h2>
<p>{{range $i, $n := .GroupNames}}<span style="color:{{index $.GroupFills $i}}">&#9632;</span> {{$n}}&#160; {{end}}</p>
<svg id="groups" xmlns="http://www.w3.org/2000/svg" width="720" height="{{.GroupsH}}" role="img" aria-label="Điểm theo nhóm chỉ số">
{{range .Groups}}<g><text x="0" y="{{.Y}}" dy="20">{{.Unit}}</text>{{range .Bars}}<rect class="gbar" x="{{.X}}" y="{{.Y}}" width="{{printf "%.1f" .W}}" height="{{.H}}" fill="{{.Fill}}"><title>{{.Label}}: {{.Value}}</title></rect>{{end}}</g>
{{end}}</svg>
<h2>Xu hướng tổng điểm {{.Root}} theo tháng</h2>
<svg id="trend" xmlns="http://www.w3.org/2000/svg" width="720" height="200" role="img" aria-label="Xu hướng tổng điểm">
<line x1="30" y1="170" x2="690" y2="170" stroke="#888"/>
{{if .TrendLine}}<polyline points="{{.TrendLine}}" fill="none" stroke="#1f77b4" stroke-width="2"/>{{end}}
{{range .Trend}}<circle cx="{{printf "%.1f" .X}}" cy="{{printf "%.1f" .Y}}" r="3" fill="#1f77b4"><title>{{.Label}}: {{.Value}}</title></circle><text x="{{printf "%.1f" .X}}" y="190" text-anchor="middle">{{.Label}}</text>
{{end}}</svg>
{{if .TrendMissed}}<p>Không có dữ liệu: {{range .TrendMissed}}{{.}} {{end}}</p>{{end}}
</body></html>
`))
