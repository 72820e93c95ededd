package dashboard

import (
	"cmp"
	"context"
	"errors"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
)

// groupJSON is one portal group's score in a row.
type groupJSON struct {
	Group int             `json:"group"`
	Name  string          `json:"name"`
	Score decimal.Decimal `json:"score"`
	Max   decimal.Decimal `json:"max"`
}

// changeJSON is a row's change against the previous period.
type changeJSON struct {
	PreviousPeriod string            `json:"previousPeriod"`
	PreviousTotal  decimal.Decimal   `json:"previousTotal"`
	PreviousRank   int               `json:"previousRank"`
	Total          decimal.Decimal   `json:"total"`
	Groups         []decimal.Decimal `json:"groups"`
	// Rank is previous rank − rank: positive when the unit moved up.
	Rank int `json:"rank"`
}

// rowJSON is one unit's line of the ranking (GET /api/overview) and the head of its unit page.
type rowJSON struct {
	Unit      string          `json:"unit"`
	Name      string          `json:"name"`
	Kind      string          `json:"kind"`
	Rank      int             `json:"rank"`
	Tied      bool            `json:"tied"`
	PoolSize  int             `json:"poolSize"`
	Total     decimal.Decimal `json:"total"`
	Max       decimal.Decimal `json:"max"`
	Band      string          `json:"band"`
	BandLabel string          `json:"bandLabel"`
	Groups    []groupJSON     `json:"groups"`
	Change    *changeJSON     `json:"change,omitempty"`
}

// levelJSON is the ranking of one kind of unit (departments, communes), ranked apart.
type levelJSON struct {
	Kind  string    `json:"kind"`
	Label string    `json:"label"`
	Rows  []rowJSON `json:"rows"`
}

// overviewJSON is GET /api/overview and the overview page's data.
type overviewJSON struct {
	Period         string      `json:"period"`
	PreviousPeriod string      `json:"previousPeriod,omitempty"`
	AsOf           time.Time   `json:"asOf"`
	Dossiers       int64       `json:"dossiers"`
	Province       rowJSON     `json:"province"`
	Levels         []levelJSON `json:"levels"`
}

// previousPeriod is the period before p of the same kind; ok is false for a custom range.
func previousPeriod(p model.Period) (model.Period, bool) {
	y, m, _ := p.Start.Date()
	switch p.Kind {
	case model.PeriodMonth:
		return model.Month(y, m-1), true
	case model.PeriodQuarter:
		s := p.Start.AddDate(0, -3, 0)
		return model.Quarter(s.Year(), (int(s.Month())-1)/3+1), true
	case model.PeriodYear:
		return model.Year(y - 1), true
	}
	return model.Period{}, false
}

// previousCard returns the card of the period before c's, nil when there is none (no data, custom
// range, or an error: the pages then show no change). err is ctx's error only.
func (h *handler) previousCard(ctx context.Context, c *scorecard.Card) (*scorecard.Card, error) {
	pp, ok := previousPeriod(c.Period)
	if !ok {
		return nil, nil
	}
	prev, err := h.cfg.Cards(ctx, pp)
	if err != nil || prev == nil || prev.Tree == nil {
		return nil, ctx.Err()
	}
	return prev, nil
}

// row builds the ranking line of u; prev (may be nil) gives its change.
func row(c *scorecard.Card, u scorecard.UnitCard, prev *scorecard.Card, l Lang) rowJSON {
	r := rowJSON{Unit: u.Unit.ID, Name: u.Unit.Name, Kind: string(u.Unit.Kind), Rank: u.Rank, PoolSize: u.PoolSize,
		Total: u.Pooled.Total, Max: u.Pooled.Max}
	if u.Banded {
		r.Band, r.BandLabel = u.Band.Code, bandName(u.Band, l)
	}
	for gi, g := range u.Pooled.Groups {
		r.Groups = append(r.Groups, groupJSON{Group: gi + 1, Name: groupName(indicator.Group(gi+1), l), Score: g.Score, Max: g.Max})
	}
	if prev != nil {
		if pu, ok := prev.Unit(u.Unit.ID); ok {
			ch := &changeJSON{PreviousPeriod: prev.Period.String(), PreviousTotal: pu.Pooled.Total, PreviousRank: pu.Rank,
				Total: u.Pooled.Total.Sub(pu.Pooled.Total), Rank: pu.Rank - u.Rank}
			for gi := range u.Pooled.Groups {
				ch.Groups = append(ch.Groups, u.Pooled.Groups[gi].Score.Sub(pu.Pooled.Groups[gi].Score))
			}
			r.Change = ch
		}
	}
	return r
}

// overview builds the ranking of c: the root first, then one table per kind of sub-unit (only kind
// level when level is not ""), rows in rank order (ties by id).
func overview(c *scorecard.Card, prev *scorecard.Card, root string, level string, l Lang) overviewJSON {
	o := overviewJSON{Period: c.Period.String(), AsOf: c.AsOf, Dossiers: c.Dossiers}
	if prev != nil {
		o.PreviousPeriod = prev.Period.String()
	}
	byKind := map[string]*levelJSON{}
	var kinds []string
	for _, u := range c.Units {
		if u.Unit.ID == root {
			o.Province = row(c, u, prev, l)
			continue
		}
		k := string(u.Unit.Kind)
		if level != "" && k != level {
			continue
		}
		lv := byKind[k]
		if lv == nil {
			lv = &levelJSON{Kind: k, Label: kindName(u.Unit.Kind, l), Rows: []rowJSON{}}
			byKind[k] = lv
			kinds = append(kinds, k)
		}
		lv.Rows = append(lv.Rows, row(c, u, prev, l))
	}
	o.Levels = []levelJSON{}
	for _, k := range kinds {
		lv := byKind[k]
		sortRows(lv.Rows, "rank", false)
		markTies(lv.Rows)
		o.Levels = append(o.Levels, *lv)
	}
	return o
}

// markTies sets Tied on rows that share their rank with another row of the same table.
func markTies(rows []rowJSON) {
	n := map[int]int{}
	for _, r := range rows {
		n[r.Rank]++
	}
	for i := range rows {
		rows[i].Tied = n[rows[i].Rank] > 1
	}
}

// sortKeys are the columns the ranking sorts by.
var sortKeys = []string{"rank", "unit", "total", "g1", "g2", "g3", "g4", "g5", "g6", "delta"}

// sortRows sorts rows by key (descending when desc), ties by rank then unit id.
func sortRows(rows []rowJSON, key string, desc bool) {
	slices.SortStableFunc(rows, func(a, b rowJSON) int {
		var c int
		switch key {
		case "unit":
			c = strings.Compare(a.Name+a.Unit, b.Name+b.Unit)
		case "total":
			c = a.Total.Cmp(b.Total)
		case "delta":
			c = changeTotal(a).Cmp(changeTotal(b))
		case "g1", "g2", "g3", "g4", "g5", "g6":
			g := int(key[1] - '1')
			if g < len(a.Groups) && g < len(b.Groups) {
				c = a.Groups[g].Score.Cmp(b.Groups[g].Score)
			}
		default:
			c = cmp.Compare(a.Rank, b.Rank)
		}
		if desc {
			c = -c
		}
		if c == 0 {
			c = cmp.Or(cmp.Compare(a.Rank, b.Rank), strings.Compare(a.Unit, b.Unit))
		}
		return c
	})
}

func changeTotal(r rowJSON) decimal.Decimal {
	if r.Change == nil {
		return decimal.NewFromInt(-1 << 40) // rows without a change sort last when descending
	}
	return r.Change.Total
}

// metricJSON is one metric of a unit (GET /api/units/{id}).
type metricJSON struct {
	Metric     string          `json:"metric"`
	Name       string          `json:"name"`
	Group      int             `json:"group"`
	Num        int64           `json:"num"`
	Den        int64           `json:"den"`
	Ratio      decimal.Decimal `json:"ratio"`
	Score      decimal.Decimal `json:"score"`
	Max        decimal.Decimal `json:"max"`
	PointsLost decimal.Decimal `json:"pointsLost"`
	Null       bool            `json:"null"`
	Scored     bool            `json:"scored"`
}

// reasonJSON is one reason of lost records of a unit's metric.
type reasonJSON struct {
	Metric   string          `json:"metric"`
	Reason   string          `json:"reason"`
	Label    string          `json:"label"`
	Count    int64           `json:"count"`
	Points   decimal.Decimal `json:"points"`
	Examples []string        `json:"examples"`
}

// unitJSON is GET /api/units/{id} and the unit page's data.
type unitJSON struct {
	Period            string          `json:"period"`
	AsOf              time.Time       `json:"asOf"`
	Unit              rowJSON         `json:"unit"`
	AvgProcessingDays decimal.Decimal `json:"avgProcessingDays"`
	Metrics           []metricJSON    `json:"metrics"`
	Reasons           []reasonJSON    `json:"reasons"`
}

// unitView builds a unit's metrics and reasons (pooled counts: the unit's published score).
func unitView(c *scorecard.Card, u scorecard.UnitCard, prev *scorecard.Card, l Lang) unitJSON {
	v := unitJSON{Period: c.Period.String(), AsOf: c.AsOf, Unit: row(c, u, prev, l),
		AvgProcessingDays: u.Pooled.AvgProcessingDays, Metrics: []metricJSON{}, Reasons: []reasonJSON{}}
	for _, m := range indicator.Registry() {
		r := u.Pooled.Metric(m.ID)
		name := m.NameVI
		if l == EN {
			name = m.NameEN
		}
		mj := metricJSON{Metric: m.ID.String(), Name: name, Group: int(m.Group), Num: r.Num, Den: r.Den,
			Ratio: r.Ratio, Score: r.Score, Max: r.Max, Null: r.Null, Scored: m.Scored}
		if m.Scored && !r.Null {
			mj.PointsLost = r.Max.Sub(r.Score)
		}
		v.Metrics = append(v.Metrics, mj)
	}
	for _, e := range u.Explanations {
		for _, r := range e.Reasons {
			ex := r.Examples
			if ex == nil {
				ex = []string{}
			}
			v.Reasons = append(v.Reasons, reasonJSON{Metric: e.Metric.String(), Reason: string(r.Reason),
				Label: reasonLabel(r.Reason, l), Count: r.Count, Points: r.Points, Examples: ex})
		}
	}
	return v
}

// reasonLabel is the label of a reason code in l (the code when the library has no label).
func reasonLabel(r indicator.Reason, l Lang) string {
	return r.Label(string(l))
}

// periodOption is one entry of the period selector.
type periodOption struct {
	Value, Label string
	Selected     bool
}

// periodGroup is one kind of period in the selector.
type periodGroup struct {
	Label   string
	Options []periodOption
}

// periodGroups lists the selectable periods by kind (Config.Periods, or the months, quarters and year of
// the current period's year).
func (h *handler) periodGroups(cur model.Period, l Lang) []periodGroup {
	ps := h.cfg.Periods
	if len(ps) == 0 {
		y := cur.Start.Year()
		ps = append(ps, model.Year(y))
		for q := 1; q <= 4; q++ {
			ps = append(ps, model.Quarter(y, q))
		}
		for m := time.January; m <= time.December; m++ {
			ps = append(ps, model.Month(y, m))
		}
	}
	groups := []periodGroup{{Label: l.T("month")}, {Label: l.T("quarter")}, {Label: l.T("year")}, {Label: "…"}}
	found := false
	for _, p := range ps {
		o := periodOption{Value: p.String(), Label: periodLabel(p, l), Selected: p.String() == cur.String()}
		found = found || o.Selected
		groups[kindSlot(p.Kind)].Options = append(groups[kindSlot(p.Kind)].Options, o)
	}
	if !found {
		groups[kindSlot(cur.Kind)].Options = append(groups[kindSlot(cur.Kind)].Options,
			periodOption{Value: cur.String(), Label: periodLabel(cur, l), Selected: true})
	}
	return slices.DeleteFunc(groups, func(g periodGroup) bool { return len(g.Options) == 0 })
}

func kindSlot(k model.PeriodKind) int {
	switch k {
	case model.PeriodMonth:
		return 0
	case model.PeriodQuarter:
		return 1
	case model.PeriodYear:
		return 2
	}
	return 3
}

// periodLabel names a period for people: "tháng 8/2026", "quý 3/2026", "năm 2026".
func periodLabel(p model.Period, l Lang) string {
	y, m, _ := p.Start.Date()
	switch p.Kind {
	case model.PeriodMonth:
		if l == EN {
			return m.String() + " " + itoa(y)
		}
		return "Tháng " + itoa(int(m)) + "/" + itoa(y)
	case model.PeriodQuarter:
		q := (int(m)-1)/3 + 1
		if l == EN {
			return "Q" + itoa(q) + " " + itoa(y)
		}
		return "Quý " + itoa(q) + "/" + itoa(y)
	case model.PeriodYear:
		if l == EN {
			return "Year " + itoa(y)
		}
		return "Năm " + itoa(y)
	}
	return p.String()
}

// nav builds the links of a page: every link keeps the period and the language.
type nav struct {
	Base   string
	Period string
	Lang   Lang
	Def    Lang
}

// URL returns base+path with the period, the language (when not the default) and the given key/value
// pairs as query (an empty value leaves its key out).
func (n nav) URL(path string, kv ...string) string {
	q := url.Values{}
	if n.Period != "" {
		q.Set("period", n.Period)
	}
	if n.Lang != n.Def {
		q.Set("lang", string(n.Lang))
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			q.Del(kv[i])
		} else {
			q.Set(kv[i], kv[i+1])
		}
	}
	s := n.Base + strings.TrimPrefix(path, "/")
	if e := q.Encode(); e != "" {
		s += "?" + e
	}
	return s
}

// LangURL is the current page's URL in language l.
func (n nav) langURL(path string, l Lang, kv ...string) string {
	m := n
	m.Lang = l
	return m.URL(path, kv...)
}

// errBusy reports that the what-if slots are all taken.
var errBusy = errors.New("too many what-if plans in progress")
