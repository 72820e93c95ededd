package dashboard

import (
	"html/template"
	"strconv"

	"github.com/shopspring/decimal"
)

// funcs are the templates' helpers: numbers are the card's decimals, printed with two places.
var funcs = template.FuncMap{
	"f2": func(d decimal.Decimal) string { return d.StringFixed(2) },
	"f0": func(d decimal.Decimal) string { return d.StringFixed(0) },
	"sgn": func(d decimal.Decimal) string {
		switch d.Sign() {
		case 1:
			return "+" + d.StringFixed(2)
		case -1:
			return "−" + d.Neg().StringFixed(2)
		}
		return "±0.00"
	},
	"sgnClass": func(d decimal.Decimal) string {
		switch d.Sign() {
		case 1:
			return "up"
		case -1:
			return "down"
		}
		return "flat"
	},
	"move": func(n int) string {
		switch {
		case n > 0:
			return "▲" + strconv.Itoa(n)
		case n < 0:
			return "▼" + strconv.Itoa(-n)
		}
		return "="
	},
	"bandColour": bandColour,
	// num groups the digits of a count: 50.000 in Vietnamese, 50,000 in English.
	"num": func(l Lang, n int64) string {
		s := strconv.FormatInt(n, 10)
		sep := "."
		if l == EN {
			sep = ","
		}
		for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
			s = s[:i] + sep + s[i:]
		}
		return s
	},
	"add": func(a, b int) int { return a + b },
}

// base is the layout every HTML page shares: title, navigation, period selector, language switch.
const base = `{{define "base"}}<!DOCTYPE html>
<html lang="{{.L}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{block "title" .}}{{end}} — {{.L.T "title"}}</title>
<style>
body{font-family:"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;margin:0;color:#1d2733;background:#f4f6f9;font-size:15px}
header{background:#8b1c1c;color:#fff;padding:14px 28px 10px}
header h1{margin:0;font-size:22px;font-weight:600}header .sub{opacity:.85;font-size:13px;margin-top:2px}
header a{color:#fff}
.bar{display:flex;flex-wrap:wrap;gap:18px;align-items:center;margin-top:10px;font-size:14px}
.bar nav a{margin-right:14px;text-decoration:none;padding:3px 0}.bar nav a.on{border-bottom:2px solid #ffd54f;font-weight:600}
.bar form{margin:0}.bar select,.bar button,.bar input{font-size:14px;padding:2px 6px}
.langs a{margin-left:6px}.langs a.on{font-weight:700;text-decoration:none}
main{max-width:1240px;margin:0 auto;padding:18px 28px 40px}
h2{font-size:18px;margin:26px 0 10px;color:#8b1c1c}
h3{font-size:16px;margin:18px 0 8px}
.card{background:#fff;border:1px solid #dde3ea;border-radius:6px;padding:14px 18px;margin-bottom:16px}
.note{color:#5b6673;font-size:13px}
.sample{background:#fff4d6;border:1px solid #f0c36d;padding:6px 12px;border-radius:4px;display:inline-block;margin-bottom:12px}
.kpi{display:flex;gap:28px;align-items:center;flex-wrap:wrap}
.kpi .big{font-size:44px;font-weight:700;line-height:1}.kpi .of{color:#5b6673;font-size:16px}
.badge{display:inline-block;color:#fff;border-radius:3px;padding:1px 8px;font-size:13px;font-weight:600;white-space:nowrap}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{padding:5px 8px;border-bottom:1px solid #e5e9ee;text-align:left;vertical-align:top}
th{background:#eef1f5;font-weight:600;font-size:13px;white-space:nowrap}
th a{color:#1d2733;text-decoration:none}th a:hover{text-decoration:underline}
td.unit{min-width:300px}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr:nth-child(even) td{background:#fafbfc}
.up{color:#1b7837}.down{color:#b2182b}.flat{color:#5b6673}
.tie{color:#5b6673;font-size:12px}
.filters a{margin-right:12px}.filters a.on{font-weight:700;text-decoration:none;color:#1d2733}
.two{display:flex;gap:18px;flex-wrap:wrap}.two>div{flex:1 1 520px}
svg.chart{max-width:100%;height:auto;font-family:inherit}
svg .axis{font-size:12px;fill:#1d2733}svg .val{font-size:12px;font-weight:700;fill:#1d2733}svg .tick{font-size:11px;fill:#5b6673}
.grid6{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:12px}
.pager a,.pager span{margin-right:14px}
#records code{white-space:nowrap}
code{font-size:13px}
@media print{header{background:#fff;color:#000}header a{color:#000}.bar form,.langs{display:none}body{background:#fff}}
</style></head><body>
<header><h1>{{.L.T "title"}} — {{.Province}}</h1><div class="sub">{{.L.T "subtitle"}}</div>
<div class="bar"><nav><a href="{{.Nav.URL ""}}"{{if eq .Active "overview"}} class="on"{{end}}>{{.L.T "overview"}}</a><a href="{{.Nav.URL "trend"}}"{{if eq .Active "trend"}} class="on"{{end}}>{{.L.T "trend"}}</a></nav>
<form method="get" action="{{.Nav.Base}}{{.Path}}"><label>{{.L.T "period"}}: <select name="period" id="period">{{range .Periods}}<optgroup label="{{.Label}}">{{range .Options}}<option value="{{.Value}}"{{if .Selected}} selected{{end}}>{{.Label}}</option>{{end}}</optgroup>{{end}}</select></label>{{if ne .L .Nav.Def}}<input type="hidden" name="lang" value="{{.L}}">{{end}}{{range .Hidden}}<input type="hidden" name="{{.Name}}" value="{{.Value}}">{{end}} <button type="submit">{{.L.T "show"}}</button></form>
<span class="langs"><a href="{{.LangVI}}" hreflang="vi"{{if eq .L "vi"}} class="on"{{end}}>Tiếng Việt</a> | <a href="{{.LangEN}}" hreflang="en"{{if eq .L "en"}} class="on"{{end}}>English</a></span></div>
</header>
<main>{{if .Sample}}<p class="sample">{{.L.T "sample"}}</p>{{end}}
{{template "content" .}}
</main></body></html>{{end}}`

const overviewPage = `{{define "title"}}{{.L.T "overview"}} {{.PeriodLabel}}{{end}}
{{define "content"}}{{$d := .Data}}{{$p := $d.Province}}
<div class="two"><div class="card" id="province">
<h2 style="margin-top:0"><a href="{{.Nav.URL (print "units/" $p.Unit)}}" style="color:inherit">{{$p.Name}}</a> — {{.PeriodLabel}}</h2>
<div class="kpi"><div><div class="big" id="province-total">{{f2 $p.Total}}</div><div class="of">/ {{f0 $p.Max}} {{.L.T "total"}}</div></div>
<div>{{if $p.Band}}<span class="badge" style="background:{{bandColour $p.Band}}">{{$p.BandLabel}}</span>{{end}}
{{with $p.Change}}<div class="{{sgnClass .Total}}" style="margin-top:8px">{{sgn .Total}} {{$.L.T "delta"}} ({{.PreviousPeriod}}: {{f2 .PreviousTotal}})</div>{{else}}<div class="note" style="margin-top:8px">{{.L.T "noPrevious"}}</div>{{end}}
<div class="note">{{num .L $d.Dossiers}} {{.L.T "dossiers"}} · {{.L.T "asOf"}} {{.AsOf}}</div></div></div>
{{.Bars}}
</div><div class="card"><h3 style="margin-top:0">{{.L.T "groups"}}</h3>{{.Radar}}</div></div>
<h2>{{.L.T "ranking"}}</h2>
<p class="filters">{{.L.T "level"}}: {{range .Levels}}<a href="{{.URL}}"{{if .On}} class="on"{{end}}>{{.Label}}</a>{{end}} &nbsp; <a id="ranking-csv" href="{{.CSVURL}}" download>{{.L.T "csv"}}</a></p>
{{range $li, $lv := $d.Levels}}
<h3>{{$lv.Label}} ({{len $lv.Rows}} {{$.L.T "units"}})</h3>
<table class="ranking" id="ranking-{{$lv.Kind}}" data-kind="{{$lv.Kind}}"><thead><tr>
{{range $.Heads}}<th{{if .Num}} class="n"{{end}}{{with .Title}} title="{{.}}"{{end}}><a href="{{.URL}}">{{.Label}}{{.Mark}}</a></th>{{end}}<th>{{$.L.T "band"}}</th><th class="n">{{$.L.T "rankChange"}}</th></tr></thead><tbody>
{{range $lv.Rows}}<tr data-unit="{{.Unit}}" data-rank="{{.Rank}}"><td class="n rank">{{.Rank}}{{if .Tied}} <span class="tie" title="{{$.L.T "tie"}}">=</span>{{end}}</td>
<td class="unit"><a href="{{$.Nav.URL (print "units/" .Unit)}}">{{.Name}}</a> <span class="note">{{.Unit}}</span></td>
<td class="n total"><b>{{f2 .Total}}</b></td>
{{range .Groups}}<td class="n g{{.Group}}">{{f2 .Score}}</td>{{end}}
<td class="n delta">{{with .Change}}<span class="{{sgnClass .Total}}">{{sgn .Total}}</span>{{else}}–{{end}}</td>
<td>{{if .Band}}<span class="badge" style="background:{{bandColour .Band}}">{{.BandLabel}}</span>{{end}}</td>
<td class="n">{{with .Change}}<span class="{{if gt .Rank 0}}up{{else if lt .Rank 0}}down{{else}}flat{{end}}">{{move .Rank}}</span>{{else}}–{{end}}</td></tr>
{{end}}</tbody></table>
{{end}}
<p class="note">{{.L.T "sortHint"}} {{.L.T "groups"}}: {{range $i, $g := .GroupNames}}N{{add $i 1}} = {{$g}}{{if lt $i 5}}; {{end}}{{end}}.</p>
<h3>{{.L.T "bands"}}</h3><p>{{range .Bands}}<span class="badge" style="background:{{.Colour}}">{{.Label}}</span> ≥ {{.Min}} &nbsp; {{end}}</p>
{{end}}`

const unitPage = `{{define "title"}}{{.Data.Unit.Name}} {{.PeriodLabel}}{{end}}
{{define "content"}}{{$d := .Data}}{{$u := $d.Unit}}
<p><a href="{{.Nav.URL ""}}">{{.L.T "back"}}</a></p>
<div class="two"><div class="card" id="unit">
<h2 style="margin-top:0">{{$u.Name}} <span class="note">{{$u.Unit}}</span></h2>
<div class="kpi"><div><div class="big" id="unit-total">{{f2 $u.Total}}</div><div class="of">/ {{f0 $u.Max}} {{.L.T "total"}}</div></div>
<div>{{if $u.Band}}<span class="badge" style="background:{{bandColour $u.Band}}">{{$u.BandLabel}}</span>{{end}}
{{if gt $u.PoolSize 1}}<div style="margin-top:6px">{{.L.T "rank"}} <b id="unit-rank">{{$u.Rank}}</b> {{.L.T "rankOf"}} {{$u.PoolSize}}{{if $u.Tied}} ({{.L.T "tie"}}){{end}}</div>{{end}}
{{with $u.Change}}<div class="{{sgnClass .Total}}">{{sgn .Total}} {{$.L.T "delta"}} ({{.PreviousPeriod}}: {{f2 .PreviousTotal}}){{if gt $u.PoolSize 1}}, {{$.L.T "rank"}} {{move .Rank}}{{end}}</div>{{else}}<div class="note">{{.L.T "noPrevious"}}</div>{{end}}
<div class="note">{{.L.T "pooled"}} · {{.L.T "asOf"}} {{.AsOf}}</div>
<div style="margin-top:6px"><a id="unit-trend" href="{{.Nav.URL "trend" "unit" $u.Unit}}">{{.L.T "unitTrend"}} ›</a></div></div></div></div>
<div class="card">{{.Bars}}</div></div>
<h2>{{.L.T "metrics"}}</h2>
<table id="metrics"><thead><tr><th>{{.L.T "metric"}}</th><th>{{.L.T "name"}}</th><th class="n">{{.L.T "num"}}</th><th class="n">{{.L.T "den"}}</th><th class="n">{{.L.T "ratio"}}</th><th class="n">{{.L.T "score"}}</th><th class="n">{{.L.T "max"}}</th><th class="n">{{.L.T "lost"}}</th></tr></thead><tbody>
{{range $d.Metrics}}<tr data-metric="{{.Metric}}"><td>{{.Metric}}</td><td>{{.Name}}</td><td class="n num">{{num $.L .Num}}</td><td class="n den">{{num $.L .Den}}</td>
{{if not .Scored}}<td class="n ratio">{{if eq .Metric "2.2"}}{{f2 $d.AvgProcessingDays}} {{$.L.T "days"}}{{else}}{{f2 .Ratio}}{{end}}</td><td class="n note" colspan="3">{{$.L.T "unscored"}}</td>
{{else if .Null}}<td class="n note" colspan="2">{{$.L.T "nodata"}}</td><td class="n max">{{f2 .Max}}</td><td class="n">–</td>
{{else}}<td class="n ratio">{{f2 .Ratio}}</td><td class="n score">{{f2 .Score}}</td><td class="n max">{{f2 .Max}}</td><td class="n lost">{{if .PointsLost.IsPositive}}<b class="down">{{f2 .PointsLost}}</b>{{else}}0.00{{end}}</td>{{end}}</tr>
{{end}}</tbody></table>
<h2>{{.L.T "reasons"}}</h2>
{{if $d.Reasons}}<table id="reasons"><thead><tr><th>{{.L.T "metric"}}</th><th>{{.L.T "reason"}}</th><th class="n">{{.L.T "count"}}</th><th class="n">{{.L.T "points"}}</th><th>{{.L.T "examples"}}</th></tr></thead><tbody>
{{range $d.Reasons}}<tr data-reason="{{.Reason}}"><td>{{if $.RecordsURL}}<a href="{{$.MetricRecords .Metric}}">{{.Metric}}</a>{{else}}{{.Metric}}{{end}}</td><td>{{.Label}}<br><code class="note">{{.Reason}}</code></td><td class="n count">{{num $.L .Count}}</td><td class="n">{{f2 .Points}}</td><td>{{range $i, $e := .Examples}}{{if $i}}, {{end}}<code>{{$e}}</code>{{end}}</td></tr>
{{end}}</tbody></table><p class="note">{{.L.T "explainedNote"}}</p>{{else}}<p>{{.L.T "noReasons"}}</p>{{end}}
{{if .RecordsURL}}<p><a id="failing-link" href="{{.RecordsURL}}">{{.L.T "failingAll"}} ›</a> &nbsp; <a href="{{.CSVURL}}" download>{{.L.T "csv"}}</a></p>{{end}}
<h2>{{.L.T "whatif"}}</h2>
<form method="get" action="{{.Nav.Base}}{{.Path}}" class="card"><input type="hidden" name="period" value="{{$d.Period}}">{{if ne .L .Nav.Def}}<input type="hidden" name="lang" value="{{.L}}">{{end}}
<label>{{.L.T "target"}}: <input name="target" id="target" value="{{.Target}}" size="6"></label>
<label><input type="radio" name="mode" value="fix"{{if eq .Mode "fix"}} checked{{end}}> {{.L.T "modeFix"}}</label>
<label><input type="radio" name="mode" value="add"{{if eq .Mode "add"}} checked{{end}}> {{.L.T "modeAdd"}}</label>
<button type="submit">{{.L.T "show"}}</button></form>
{{with .PlanError}}<p class="down">{{.}}</p>{{end}}
{{with .Plan}}{{if not (.Target.GreaterThan .Total)}}<p>{{$.L.T "already"}}</p>{{else}}
<table id="plan"><thead><tr><th>{{$.L.T "metric"}}</th><th>{{$.L.T "name"}}</th><th class="n">{{$.L.T "score"}}</th><th class="n">{{$.L.T "records"}}</th><th class="n">{{$.L.T "gain"}}</th><th class="n">{{$.L.T "perRecord"}}</th><th>{{$.L.T "reachable"}}</th></tr></thead><tbody>
{{range $.PlanRows}}<tr data-metric="{{.Metric}}"><td>{{if $.RecordsURL}}<a href="{{$.MetricRecords .Metric}}">{{.Metric}}</a>{{else}}{{.Metric}}{{end}}</td><td>{{.Name}}</td><td class="n">{{f2 .Score}} / {{f0 .Max}}</td><td class="n records">{{num $.L .Records}}</td><td class="n">+{{f2 .Gain}}</td><td class="n">{{.PerRecord}}</td><td>{{if .Reachable}}<b class="up">{{$.L.T "yes"}}</b>{{else}}<span class="note">{{$.L.T "no"}}</span>{{end}}</td></tr>
{{end}}</tbody></table><p class="note">{{$.L.T "planNote"}}</p>
{{with .Combined}}<h3>{{$.L.T "combined"}}</h3>
<table id="combined"><thead><tr><th>{{$.L.T "metric"}}</th><th class="n">{{$.L.T "records"}}</th><th class="n">{{$.L.T "gain"}}</th></tr></thead><tbody>
{{range .Steps}}<tr data-metric="{{.Metric}}"><td>{{.Metric}}</td><td class="n">{{.Records}}</td><td class="n">+{{f2 .Gain}}</td></tr>
{{end}}<tr><td><b>{{$.L.T "together"}}</b></td><td class="n"><b id="combined-records">{{.Records}}</b></td><td class="n"><b>→ {{f2 .Total}}</b>{{if not .Reachable}} <span class="note">({{$.L.T "no"}})</span>{{end}}</td></tr></tbody></table>
<p class="note">{{$.L.T "combinedNote"}}</p>{{end}}{{end}}{{end}}
{{if .Portal}}<h2>{{.L.T "portal"}}</h2>{{.Portal}}{{end}}
{{end}}`

const trendPage = `{{define "title"}}{{.L.T "trend"}} {{.Data.Name}}{{end}}
{{define "content"}}{{$d := .Data}}
<h2>{{.L.T "trendTitle"}} — {{$d.Name}}</h2>
<div class="card">{{.Total}}</div>
<h2>{{.L.T "trendGroups"}}</h2>
<div class="grid6">{{range .Groups}}<div class="card">{{.}}</div>{{end}}</div>
<table id="trend-table"><thead><tr><th>{{.L.T "period"}}</th><th class="n">{{.L.T "total"}}</th>{{range $i, $g := .GroupNames}}<th class="n" title="{{$g}}">N{{add $i 1}}</th>{{end}}</tr></thead><tbody>
{{range $d.Points}}<tr data-period="{{.Period}}"><td>{{.Period}}</td>{{if .OK}}<td class="n total">{{f2 .Total}}</td>{{range .Groups}}<td class="n">{{f2 .}}</td>{{end}}{{else}}<td class="note" colspan="7">{{$.L.T "missing"}}</td>{{end}}</tr>
{{end}}</tbody></table>
{{end}}`

const errorPage = `{{define "title"}}{{.L.T "error"}} {{.Status}}{{end}}
{{define "content"}}<div class="card" id="error"><h2 style="margin-top:0">{{.L.T "error"}} {{.Status}} — {{.StatusText}}</h2><p>{{.Message}}</p><p><a href="{{.Nav.URL ""}}">{{.L.T "errorHome"}}</a></p></div>{{end}}`

func page(body string) *template.Template {
	return template.Must(template.Must(template.New("base").Funcs(funcs).Parse(base)).Parse(body))
}

var (
	overviewTmpl = page(overviewPage)
	unitTmpl     = page(unitPage)
	trendTmpl    = page(trendPage)
	errorTmpl    = page(errorPage)
)

const recordsPage = `{{define "title"}}{{.L.T "failing"}} {{.Name}}{{end}}
{{define "content"}}{{$d := .Data}}
<p><a href="{{.UnitURL}}">{{.L.T "back"}}</a></p>
<h2>{{.L.T "failing"}} — {{.Name}} <span class="note">{{$d.Unit}}</span></h2>
<p class="filters">{{.L.T "metric"}}: {{range .Metrics}}<a href="{{.URL}}"{{if .On}} class="on"{{end}}>{{.Label}}</a>{{end}}</p>
<p><b id="records-total">{{num .L $d.Total}}</b> {{.L.T "lostRecords"}} · {{.L.T "page"}} {{$d.Page}}/{{$d.Pages}} · <a id="csv-link" href="{{.CSVURL}}" download>{{.L.T "csv"}}</a></p>
{{if $d.Records}}<table id="records"><thead><tr><th>#</th><th>{{.L.T "code"}}</th><th>{{.L.T "metric"}}</th><th>{{.L.T "reason"}}</th><th>{{.L.T "facts"}}</th></tr></thead><tbody>
{{range $d.Records}}<tr data-code="{{.Code}}"><td class="n">{{.N}}</td><td><code>{{.Code}}</code>{{if ne .Unit $d.Unit}} <span class="note">{{.Unit}}</span>{{end}}</td><td>{{.Metric}}</td><td>{{.Label}}<br><code class="note">{{.Reason}}</code></td><td class="note">{{.FactsText}}</td></tr>
{{end}}</tbody></table>
<p class="pager">{{with .PrevURL}}<a href="{{.}}" id="prev-page">{{$.L.T "prev"}}</a>{{end}}<span>{{.L.T "page"}} {{$d.Page}}/{{$d.Pages}}</span>{{with .NextURL}}<a href="{{.}}" id="next-page">{{$.L.T "next"}}</a>{{end}}</p>
{{else}}<p>{{.L.T "noFailing"}}</p>{{end}}
{{end}}`

var recordsTmpl = page(recordsPage)
