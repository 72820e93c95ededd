package dashboard

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// The charts are drawn on the server as inline SVG: no script, no external asset, readable on paper.
// Coordinates are float64 for drawing only; every printed value is the card's decimal, formatted.

func itoa(i int) string { return strconv.Itoa(i) }

func esc(s string) string { return html.EscapeString(s) }

// fraction is v/max clamped to [0, 1] (0 when max is 0), for drawing.
func fraction(v, max decimal.Decimal) float64 {
	if max.Sign() <= 0 {
		return 0
	}
	f, _ := v.DivRound(max, 6).Float64()
	return math.Max(0, math.Min(1, f))
}

// axisValue is one value of a chart, with its label and whether it exists.
type axisValue struct {
	Label string
	Value decimal.Decimal
	Max   decimal.Decimal
	OK    bool
}

// radar draws values (at least 3) on a radar chart: rings at 25 %, 50 %, 75 % and 100 % of each axis's
// maximum, the polygon of the values and each value printed as "score/max" by its axis label.
func radar(id, title string, vals []axisValue) template.HTML {
	const w, h, cx, cy, r = 680.0, 400.0, 340.0, 205.0, 130.0
	n := len(vals)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg id="%s" class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %g %g" width="%g" height="%g" role="img" aria-label="%s">`, esc(id), w, h, w, h, esc(title))
	pt := func(i int, f float64) (float64, float64) {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		return cx + r*f*math.Cos(a), cy + r*f*math.Sin(a)
	}
	for _, ring := range []float64{0.25, 0.5, 0.75, 1} {
		var pts []string
		for i := range n {
			x, y := pt(i, ring)
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x, y))
		}
		fmt.Fprintf(&b, `<polygon points="%s" fill="none" stroke="#ccc"/>`, strings.Join(pts, " "))
		a := -math.Pi/2 + math.Pi/float64(n) // between the first two axes
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" dy="4" class="tick">%d%%</text>`, cx+r*ring*math.Cos(a), cy+r*ring*math.Sin(a), int(ring*100))
	}
	var pts []string
	for i, v := range vals {
		x, y := pt(i, 1)
		fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%.1f" y2="%.1f" stroke="#ccc"/>`, cx, cy, x, y)
		px, py := pt(i, fraction(v.Value, v.Max))
		pts = append(pts, fmt.Sprintf("%.1f,%.1f", px, py))
	}
	fmt.Fprintf(&b, `<polygon points="%s" fill="#1f6fb2" fill-opacity="0.25" stroke="#1f6fb2" stroke-width="2"/>`, strings.Join(pts, " "))
	for i, v := range vals {
		px, py := pt(i, fraction(v.Value, v.Max))
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3.5" fill="#1f6fb2"/>`, px, py)
		x, y := pt(i, 1.13)
		anchor := "middle"
		switch {
		case x > cx+5:
			anchor = "start"
		case x < cx-5:
			anchor = "end"
		}
		switch {
		case y > cy+5:
			y += 6
		case y < cy-r:
			y -= 18
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="%s" class="axis">%s</text>`, x, y, anchor, esc(v.Label))
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" dy="15" text-anchor="%s" class="val" data-value="%s">%s / %s</text>`, x, y, anchor, v.Value.StringFixed(2), v.Value.StringFixed(2), v.Max.StringFixed(0))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// hbars draws one horizontal bar per value, scaled to its own maximum, with "score / max" printed at
// the bar's end and the bar's percentage in the track.
func hbars(id, title string, vals []axisValue) template.HTML {
	const w, labelW, barW, rowH = 640.0, 250.0, 280.0, 26.0
	h := float64(len(vals))*rowH + 8
	var b strings.Builder
	fmt.Fprintf(&b, `<svg id="%s" class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %g %g" width="%g" height="%g" role="img" aria-label="%s">`, esc(id), w, h, w, h, esc(title))
	for i, v := range vals {
		y := float64(i)*rowH + 4
		f := fraction(v.Value, v.Max)
		fmt.Fprintf(&b, `<text x="%g" y="%g" dy="13" text-anchor="end" class="axis">%s</text>`, labelW-8, y, esc(v.Label))
		fmt.Fprintf(&b, `<rect x="%g" y="%g" width="%g" height="18" fill="#eef2f6"/>`, labelW, y, barW)
		fmt.Fprintf(&b, `<rect x="%g" y="%g" width="%.1f" height="18" fill="%s"/>`, labelW, y, barW*f, barFill(f))
		fmt.Fprintf(&b, `<text x="%g" y="%g" dy="13" class="val" data-value="%s">%s / %s</text>`, labelW+barW+8, y, v.Value.StringFixed(2), v.Value.StringFixed(2), v.Max.StringFixed(0))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// barFill colours a bar by the share of its maximum it reaches (the default bands' colours).
func barFill(f float64) string {
	switch {
	case f >= 0.9:
		return bandColour("excellent")
	case f >= 0.8:
		return bandColour("good")
	case f >= 0.7:
		return bandColour("fair")
	case f >= 0.5:
		return bandColour("average")
	}
	return bandColour("weak")
}

// lineChart draws vals left to right with a y axis from 0 to max (five gridlines, labelled), the x
// labels under the axis and each value printed above its point; missing values break the line.
func lineChart(id, title string, vals []axisValue, max decimal.Decimal, w, h float64) template.HTML {
	const left, right, top, bottom = 44.0, 16.0, 22.0, 34.0
	pw, ph := w-left-right, h-top-bottom
	var b strings.Builder
	fmt.Fprintf(&b, `<svg id="%s" class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %g %g" width="%g" height="%g" role="img" aria-label="%s">`, esc(id), w, h, w, h, esc(title))
	mf, _ := max.Float64()
	for i := 0; i <= 5; i++ {
		y := top + ph - ph*float64(i)/5
		tick := max.Mul(decimal.NewFromInt(int64(i))).DivRound(decimal.NewFromInt(5), 1)
		fmt.Fprintf(&b, `<line x1="%g" y1="%.1f" x2="%g" y2="%.1f" stroke="%s"/>`, left, y, left+pw, y, map[bool]string{true: "#888", false: "#e3e3e3"}[i == 0])
		fmt.Fprintf(&b, `<text x="%g" y="%.1f" dy="4" text-anchor="end" class="tick">%s</text>`, left-6, y, tick.String())
	}
	fmt.Fprintf(&b, `<line x1="%g" y1="%g" x2="%g" y2="%g" stroke="#888"/>`, left, top, left, top+ph)
	n := len(vals)
	x := func(i int) float64 {
		if n == 1 {
			return left + pw/2
		}
		return left + 12 + (pw-24)*float64(i)/float64(n-1)
	}
	var seg []string
	flush := func() {
		if len(seg) > 1 {
			fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="#1f6fb2" stroke-width="2"/>`, strings.Join(seg, " "))
		}
		seg = seg[:0]
	}
	for i, v := range vals {
		if !v.OK {
			flush()
			continue
		}
		f := 0.0
		if mf > 0 {
			f = fraction(v.Value, max)
		}
		seg = append(seg, fmt.Sprintf("%.1f,%.1f", x(i), top+ph-ph*f))
	}
	flush()
	for i, v := range vals {
		fmt.Fprintf(&b, `<text x="%.1f" y="%g" dy="16" text-anchor="middle" class="tick">%s</text>`, x(i), top+ph, esc(v.Label))
		if !v.OK {
			fmt.Fprintf(&b, `<text x="%.1f" y="%g" text-anchor="middle" class="tick">–</text>`, x(i), top+ph-4)
			continue
		}
		y := top + ph - ph*fraction(v.Value, max)
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3" fill="#1f6fb2"/>`, x(i), y)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" dy="-7" text-anchor="middle" class="val" data-value="%s">%s</text>`, x(i), y, v.Value.StringFixed(2), v.Value.StringFixed(2))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}
