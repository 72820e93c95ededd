package dashboard

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
)

// hidden is a hidden field of the period form (the page's other parameters).
type hidden struct{ Name, Value string }

// pageBase is what the layout needs.
type pageBase struct {
	L              Lang
	Nav            nav
	Path           string // the page's path below the base, for the period form and the language links
	Active         string
	Province       string
	Sample         bool
	PeriodLabel    string
	AsOf           string
	Periods        []periodGroup
	Hidden         []hidden
	LangVI, LangEN string
}

// lang returns the request's language.
func (h *handler) lang(r *http.Request) Lang { return parseLang(r.URL.Query().Get("lang"), h.defLang) }

// base fills the layout's data for a page at path showing period p; kv are the page's own parameters
// (kept by the language links and the period form).
func (h *handler) base(r *http.Request, c *scorecard.Card, path, active string, kv ...string) pageBase {
	l := h.lang(r)
	n := nav{Base: h.basePath, Lang: l, Def: h.defLang}
	per := h.cfg.Default
	if c != nil {
		per = c.Period
	}
	n.Period = per.String()
	b := pageBase{L: l, Nav: n, Path: path, Active: active, Province: h.title(c, l), Sample: h.cfg.Sample,
		PeriodLabel: periodLabel(per, l), Periods: h.periodGroups(per, l),
		LangVI: n.langURL(path, VI, kv...), LangEN: n.langURL(path, EN, kv...)}
	if c != nil {
		b.AsOf = c.AsOf.In(vietnam).Format("02/01/2006 15:04")
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" && kv[i] != "target" {
			b.Hidden = append(b.Hidden, hidden{kv[i], kv[i+1]})
		}
	}
	return b
}

// vietnam is UTC+7, the zone of the portal's dates.
var vietnam = time.FixedZone("ICT", 7*3600)

// title is the province's name: Config.Title, else the root unit's name.
func (h *handler) title(c *scorecard.Card, l Lang) string {
	if h.cfg.Title != "" {
		return h.cfg.Title
	}
	if c != nil {
		if u, ok := c.Unit(h.root(c)); ok && u.Unit.Name != "" {
			h.lastTitle.Store(&u.Unit.Name)
			return u.Unit.Name
		}
	}
	if t := h.lastTitle.Load(); t != nil {
		return *t // an error page: the name of the last card served
	}
	return l.T("province")
}

// root is Config.Root, else the card's first root unit.
func (h *handler) root(c *scorecard.Card) string {
	if h.cfg.Root != "" {
		return h.cfg.Root
	}
	for _, u := range c.Units {
		if u.Unit.Parent == "" {
			return u.Unit.ID
		}
	}
	return ""
}

// render executes t with d and writes the HTML page, or an error page when execution fails.
func (h *handler) render(w http.ResponseWriter, r *http.Request, t *template.Template, d any) {
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "base", d); err != nil {
		h.fail(w, r, http.StatusInternalServerError, err.Error())
		return
	}
	writeHTML(w, http.StatusOK, buf.Bytes())
}

func writeHTML(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(b)
}

// errorData is the error page's data.
type errorData struct {
	pageBase
	Status     int
	StatusText string
	Message    string
}

// htmlError writes the readable error page of an HTML route.
func (h *handler) htmlError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	d := errorData{pageBase: h.base(r, nil, "", ""), Status: status, StatusText: http.StatusText(status), Message: msg}
	var buf bytes.Buffer
	if err := errorTmpl.ExecuteTemplate(&buf, "base", d); err != nil {
		httpError(w, status, msg)
		return
	}
	writeHTML(w, status, buf.Bytes())
}

// isAPI reports whether r is for the JSON API (its errors are JSON; the pages' are HTML).
func isAPI(r *http.Request) bool {
	return strings.HasPrefix(r.URL.Path, "/api/") || strings.HasSuffix(r.URL.Path, ".csv")
}

// fail writes an error response: JSON on API routes, an HTML page on the others.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if isAPI(r) {
		httpError(w, status, msg)
		return
	}
	h.htmlError(w, r, status, msg)
}

// levelLink is one entry of the level filter.
type levelLink struct {
	Label, URL string
	On         bool
}

// head is one sortable column heading.
type head struct {
	Label, Title, URL, Mark string
	Num                     bool
}

type bandLegend struct {
	Label, Colour, Min string
}

type overviewData struct {
	pageBase
	Data       overviewJSON
	Radar      template.HTML
	Bars       template.HTML
	Levels     []levelLink
	Heads      []head
	GroupNames []string
	Bands      []bandLegend
	CSVURL     string
}

// query reads the overview's parameters: level (a unit kind or ""), sort key and direction.
func overviewQuery(r *http.Request) (level, key string, desc bool, err error) {
	q := r.URL.Query()
	level, key = q.Get("level"), q.Get("sort")
	if key == "" {
		key = "rank"
	}
	if !slices.Contains(sortKeys, key) {
		return "", "", false, fmt.Errorf("sort: want one of %s", strings.Join(sortKeys, ", "))
	}
	switch q.Get("dir") {
	case "", "asc":
	case "desc":
		desc = true
	default:
		return "", "", false, fmt.Errorf("dir: want asc or desc")
	}
	return level, key, desc, nil
}

// overviewOf builds the overview of the request's period (and its previous period's card for the
// changes). ok is false when the error response has been written.
func (h *handler) overviewOf(w http.ResponseWriter, r *http.Request) (c *scorecard.Card, o overviewJSON, level, key string, desc, ok bool) {
	level, key, desc, err := overviewQuery(r)
	if err != nil {
		h.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	if c, ok = h.card(w, r); !ok {
		return
	}
	prev, err := h.previousCard(r.Context(), c)
	if err != nil {
		h.fail(w, r, http.StatusServiceUnavailable, "request ended: "+err.Error())
		return c, o, level, key, desc, false
	}
	o = overview(c, prev, h.root(c), level, h.lang(r))
	if level != "" && len(o.Levels) == 0 {
		h.fail(w, r, http.StatusNotFound, fmt.Sprintf("level: no unit of kind %q", level))
		return c, o, level, key, desc, false
	}
	for i := range o.Levels {
		sortRows(o.Levels[i].Rows, key, desc)
	}
	return c, o, level, key, desc, true
}

// overviewJSON serves GET /api/overview.
func (h *handler) overviewAPI(w http.ResponseWriter, r *http.Request) {
	if _, o, _, _, _, ok := h.overviewOf(w, r); ok {
		writeJSON(w, http.StatusOK, o)
	}
}

// index serves GET /: the province's total and groups, and the ranking of its units by kind.
func (h *handler) index(w http.ResponseWriter, r *http.Request) {
	c, o, level, key, desc, ok := h.overviewOf(w, r)
	if !ok {
		return
	}
	l := h.lang(r)
	sortParams := func(k string, d bool) []string {
		dir := ""
		if d {
			dir = "desc"
		}
		if k == "rank" {
			k = ""
		}
		return []string{"level", level, "sort", k, "dir", dir}
	}
	cur := sortParams(key, desc)
	d := overviewData{pageBase: h.base(r, c, "", "overview", cur...), Data: o}
	var vals []axisValue
	for gi, g := range o.Province.Groups {
		vals = append(vals, axisValue{Label: fmt.Sprintf("%d. %s", gi+1, g.Name), Value: g.Score, Max: g.Max, OK: true})
		d.GroupNames = append(d.GroupNames, g.Name)
	}
	d.Radar = radar("radar", l.T("groups"), vals)
	d.Bars = hbars("province-groups", l.T("groups"), vals)
	d.Levels = append(d.Levels, levelLink{Label: l.T("all"), URL: d.Nav.URL("", "sort", cur[3], "dir", cur[5]), On: level == ""})
	seen := map[indicator.UnitKind]bool{}
	root := h.root(c)
	for _, u := range c.Units {
		if u.Unit.ID == root || seen[u.Unit.Kind] {
			continue
		}
		seen[u.Unit.Kind] = true
		d.Levels = append(d.Levels, levelLink{Label: kindName(u.Unit.Kind, l), On: level == string(u.Unit.Kind),
			URL: d.Nav.URL("", "level", string(u.Unit.Kind), "sort", cur[3], "dir", cur[5])})
	}
	cols := []struct {
		key, label, title string
		num, desc         bool
	}{{"rank", l.T("rank"), "", true, false}, {"unit", l.T("unit"), "", false, false}, {"total", l.T("total"), "", true, true}}
	for gi, n := range d.GroupNames {
		cols = append(cols, struct {
			key, label, title string
			num, desc         bool
		}{fmt.Sprintf("g%d", gi+1), fmt.Sprintf("N%d", gi+1), n, true, true})
	}
	cols = append(cols, struct {
		key, label, title string
		num, desc         bool
	}{"delta", l.T("deltaShort"), l.T("delta"), true, true})
	for _, col := range cols {
		hd := head{Label: col.label, Title: col.title, Num: col.num}
		nd := col.desc
		if col.key == key {
			nd = !desc
			hd.Mark = map[bool]string{false: " ▲", true: " ▼"}[desc]
		}
		hd.URL = d.Nav.URL("", sortParams(col.key, nd)...)
		d.Heads = append(d.Heads, hd)
	}
	d.CSVURL = d.Nav.URL("overview.csv", cur...)
	for _, b := range indicator.DefaultBands() {
		d.Bands = append(d.Bands, bandLegend{Label: bandName(b, l), Colour: bandColour(b.Code), Min: b.Min.String()})
	}
	h.render(w, r, overviewTmpl, d)
}

// planRow is one metric of the what-if table.
type planRow struct {
	Metric, Name     string
	Score, Max, Gain decimal.Decimal
	Records          int64
	PerRecord        string
	Reachable        bool
}

type unitData struct {
	pageBase
	Data               unitJSON
	Bars               template.HTML
	Target, Mode       string
	Plan               *scorecard.Plan
	PlanRows           []planRow
	PlanError          string
	RecordsURL, CSVURL string
	Portal             template.HTML
}

// MetricRecords is the link to the unit's failing records of one metric.
func (d unitData) MetricRecords(metric string) string {
	return d.Nav.URL("units/"+d.Data.Unit.Unit+"/records", "metric", metric)
}

// unitOf resolves the unit of the request with its view. ok is false when the response is written.
func (h *handler) unitOf(w http.ResponseWriter, r *http.Request) (*scorecard.Card, scorecard.UnitCard, unitJSON, bool) {
	c, u, ok := h.unit(w, r)
	if !ok {
		return nil, u, unitJSON{}, false
	}
	prev, err := h.previousCard(r.Context(), c)
	if err != nil {
		h.fail(w, r, http.StatusServiceUnavailable, "request ended: "+err.Error())
		return nil, u, unitJSON{}, false
	}
	v := unitView(c, u, prev, h.lang(r))
	// The unit's tie with another unit of its pool.
	for _, o := range c.Units {
		if o.Unit.ID != u.Unit.ID && o.Pool == u.Pool && o.Rank == u.Rank {
			v.Unit.Tied = true
			break
		}
	}
	return c, u, v, true
}

// unitAPI serves GET /api/units/{id}: the unit's row, every metric and the reasons of lost records.
func (h *handler) unitAPI(w http.ResponseWriter, r *http.Request) {
	if _, _, v, ok := h.unitOf(w, r); ok {
		writeJSON(w, http.StatusOK, v)
	}
}

// defaultTarget is the next band's threshold above total (the default bands), else total + 5, at most
// max.
func defaultTarget(total, max decimal.Decimal) decimal.Decimal {
	t := total.Add(decimal.NewFromInt(5))
	bands := indicator.DefaultBands()
	for i := len(bands) - 1; i >= 0; i-- {
		if bands[i].Min.GreaterThan(total) {
			t = bands[i].Min
			break
		}
	}
	if t.GreaterThan(max) {
		t = max
	}
	return t
}

// unitPage serves GET /units/{id}: the unit's scores, every metric's numbers, the reasons of lost
// points, the what-if plan to a target (?target=, ?mode=fix|add) and, with Config.Portal, the comparison
// with the portal's evaluation.
func (h *handler) unitPage(w http.ResponseWriter, r *http.Request) {
	c, u, v, ok := h.unitOf(w, r)
	if !ok {
		return
	}
	l := h.lang(r)
	q := r.URL.Query()
	mode := q.Get("mode")
	if mode == "" {
		mode = "fix"
	}
	if mode != "fix" && mode != "add" {
		h.fail(w, r, http.StatusBadRequest, "mode: want fix or add")
		return
	}
	target := defaultTarget(u.Pooled.Total, u.Pooled.Max)
	if s := q.Get("target"); s != "" {
		t, err := decimal.NewFromString(strings.TrimSpace(strings.ReplaceAll(s, ",", ".")))
		if err != nil || t.Sign() < 0 || t.GreaterThan(u.Pooled.Max) {
			h.fail(w, r, http.StatusBadRequest, fmt.Sprintf("target: want a number of points from 0 to %s", u.Pooled.Max.StringFixed(0)))
			return
		}
		target = t
	}
	path := "units/" + u.Unit.ID
	d := unitData{pageBase: h.base(r, c, path, "", "target", q.Get("target"), "mode", q.Get("mode")), Data: v,
		Target: target.String(), Mode: mode}
	var vals []axisValue
	for _, g := range v.Unit.Groups {
		vals = append(vals, axisValue{Label: fmt.Sprintf("%d. %s", g.Group, g.Name), Value: g.Score, Max: g.Max, OK: true})
	}
	d.Bars = hbars("unit-groups", l.T("groups"), vals)
	if h.cfg.Records != nil {
		d.RecordsURL = d.Nav.URL(path + "/records")
		d.CSVURL = d.Nav.URL(path + "/records.csv")
	}
	pm := scorecard.PlanFix
	if mode == "add" {
		pm = scorecard.PlanAdd
	}
	plan, err := h.pagePlan(r.Context(), c, u.Unit.ID, target, pm)
	switch {
	case err != nil && r.Context().Err() != nil:
		return
	case err != nil:
		d.PlanError = err.Error()
	default:
		d.Plan = &plan
		d.PlanRows = planRows(plan, l)
	}
	d.Portal = h.portalSection(w, r, c, u)
	h.render(w, r, unitTmpl, d)
}

// pagePlan computes the unit page's plan under a what-if slot (errBusy when none is free).
func (h *handler) pagePlan(ctx context.Context, c *scorecard.Card, unit string, target decimal.Decimal, mode scorecard.PlanMode) (scorecard.Plan, error) {
	select {
	case h.plans <- struct{}{}:
		defer func() { <-h.plans }()
	default:
		return scorecard.Plan{}, errBusy
	}
	return h.plan(ctx, c, unit, c.Tree.Pooled(unit), target, mode)
}

// planRows orders a plan's metrics: those that reach the target, fewest records first, then the others
// by gain; metrics that can gain nothing are left out.
func planRows(p scorecard.Plan, l Lang) []planRow {
	var rows []planRow
	add := func(m scorecard.MetricPlan) {
		meta, _ := indicator.Lookup(m.Metric)
		name := meta.NameVI
		if l == EN {
			name = meta.NameEN
		}
		rows = append(rows, planRow{Metric: m.Metric.String(), Name: name, Score: m.Score, Max: m.Max, Gain: m.Gain,
			Records: m.Records, PerRecord: m.PerRecord.StringFixed(4), Reachable: m.Reachable})
	}
	for _, m := range p.Cheapest {
		add(m)
	}
	var rest []scorecard.MetricPlan
	for _, m := range p.Metrics {
		if !m.Reachable && m.Gain.IsPositive() {
			rest = append(rest, m)
		}
	}
	slices.SortStableFunc(rest, func(a, b scorecard.MetricPlan) int { return b.Gain.Cmp(a.Gain) })
	for _, m := range rest {
		add(m)
	}
	return rows
}

// trendPoint is one period of the trend.
type trendPoint struct {
	Period string            `json:"period"`
	OK     bool              `json:"ok"`
	Total  decimal.Decimal   `json:"total"`
	Max    decimal.Decimal   `json:"max"`
	Groups []decimal.Decimal `json:"groups"`
}

// trendJSON is GET /api/trend and the trend page's data.
type trendJSON struct {
	Unit   string       `json:"unit"`
	Name   string       `json:"name"`
	Points []trendPoint `json:"points"`
}

// trendPeriods is Config.Trend, else the twelve months of p's year.
func (h *handler) trendPeriods(p model.Period) []model.Period {
	if len(h.cfg.Trend) > 0 {
		return h.cfg.Trend
	}
	var ps []model.Period
	for m := time.January; m <= time.December; m++ {
		ps = append(ps, model.Month(p.Start.Year(), m))
	}
	return ps
}

// trendOf builds the trend of the request's unit (?unit=, default the root). ok is false when the
// response has been written.
func (h *handler) trendOf(w http.ResponseWriter, r *http.Request) (*scorecard.Card, trendJSON, bool) {
	c, ok := h.card(w, r)
	if !ok {
		return nil, trendJSON{}, false
	}
	id := r.URL.Query().Get("unit")
	if id == "" {
		id = h.root(c)
	}
	u, ok := c.Unit(id)
	if !ok {
		h.fail(w, r, http.StatusNotFound, fmt.Sprintf("unknown unit %q", id))
		return nil, trendJSON{}, false
	}
	t := trendJSON{Unit: id, Name: u.Unit.Name, Points: []trendPoint{}}
	for _, p := range h.trendPeriods(c.Period) {
		pt := trendPoint{Period: p.String(), Groups: []decimal.Decimal{}}
		tc, err := h.cfg.Cards(r.Context(), p)
		if r.Context().Err() != nil {
			h.fail(w, r, http.StatusServiceUnavailable, "request ended: "+r.Context().Err().Error())
			return nil, t, false
		}
		if err == nil && tc != nil && tc.Tree != nil {
			if tu, ok := tc.Unit(id); ok {
				pt.OK, pt.Total, pt.Max = true, tu.Pooled.Total, tu.Pooled.Max
				for _, g := range tu.Pooled.Groups {
					pt.Groups = append(pt.Groups, g.Score)
				}
			}
		}
		t.Points = append(t.Points, pt)
	}
	return c, t, true
}

// trendAPI serves GET /api/trend.
func (h *handler) trendAPI(w http.ResponseWriter, r *http.Request) {
	if _, t, ok := h.trendOf(w, r); ok {
		writeJSON(w, http.StatusOK, t)
	}
}

type trendData struct {
	pageBase
	Data       trendJSON
	Total      template.HTML
	Groups     []template.HTML
	GroupNames []string
}

// trendPage serves GET /trend: the unit's monthly totals and group scores, charts and table.
func (h *handler) trendPage(w http.ResponseWriter, r *http.Request) {
	c, t, ok := h.trendOf(w, r)
	if !ok {
		return
	}
	l := h.lang(r)
	d := trendData{pageBase: h.base(r, c, "trend", "trend", "unit", r.URL.Query().Get("unit")), Data: t}
	u, _ := c.Unit(t.Unit)
	short := func(p string) string {
		if pp, err := model.ParsePeriod(p); err == nil && pp.Kind == model.PeriodMonth {
			return fmt.Sprintf("%d/%02d", int(pp.Start.Month()), pp.Start.Year()%100)
		}
		return p
	}
	var vals []axisValue
	for _, p := range t.Points {
		vals = append(vals, axisValue{Label: short(p.Period), Value: p.Total, Max: p.Max, OK: p.OK})
	}
	d.Total = lineChart("trend-total", l.T("trendTitle"), vals, u.Pooled.Max, 1180, 320)
	for gi, g := range u.Pooled.Groups {
		name := groupName(indicator.Group(gi+1), l)
		d.GroupNames = append(d.GroupNames, name)
		var gv []axisValue
		for _, p := range t.Points {
			v := axisValue{Label: short(p.Period), OK: p.OK && gi < len(p.Groups), Max: g.Max}
			if v.OK {
				v.Value = p.Groups[gi]
			}
			gv = append(gv, v)
		}
		title := fmt.Sprintf("%d. %s (/%s)", gi+1, name, g.Max.StringFixed(0))
		d.Groups = append(d.Groups, template.HTML(`<h3 style="margin:0 0 4px">`+esc(title)+`</h3>`)+lineChart(fmt.Sprintf("trend-g%d", gi+1), title, gv, g.Max, 560, 220))
	}
	h.render(w, r, trendTmpl, d)
}
