// Command gencodes writes model/codes.go, the code types of the portal's vocabulary (Status, Channel,
// OnlineLevel …), from the table in table.go. Each code type gets the same API: a canonical XxxCode with
// Vietnamese and English labels, and a value type Xxx that keeps the raw text it was parsed from.
//
// Usage (run by go generate in package model):
//
//	go run ./internal/gencodes [-o codes.go]
//
// It fails (exit status 1) when the table is inconsistent (a duplicate name, code or matching word) or the
// output cannot be written. TestCodesAreFresh fails when the committed codes.go differs from the output.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"os"
	"strconv"
	"strings"
	"text/template"

	"github.com/vn-dvc/chiso766/model/internal/textfold"
)

func main() {
	out := flag.String("o", "codes.go", "output file")
	flag.Parse()
	src, err := generate(table)
	if err == nil {
		err = os.WriteFile(*out, src, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencodes:", err)
		os.Exit(1)
	}
}

// codeType is one row of the table: a value type and its code list.
type codeType struct {
	Name      string   // the value type, e.g. "Status"; its parser is ParseStatus
	Code      string   // the code type; "" means Name+"Code"
	Unknown   string   // the code of absent or unrecognised text; it is -1 when 0 is a listed code, else 0
	WordsOnly bool     // numbers are not codes (read as unknown); New… writes the Vietnamese label, not the number
	Ignored   []string // words recognised as belonging to the list but read as Unknown
	Doc       string   // the value type's doc comment (the shared paragraph about the zero value is added)
	Values    []value
}

// value is one code of a list.
type value struct {
	Code     int
	Name     string
	VI, EN   string   // the labels (Label, LabelEN); both are accepted as input, folded
	Aliases  []string // further words accepted as input (folded before matching)
	Numbers  []int    // further numbers accepted as input, after Code
	Unlisted bool     // recognised, but Known() is false: a code seen in data whose meaning is not documented
}

// val is a value with its labels and aliases.
func val(code int, name, vi, en string, aliases ...string) value {
	return value{Code: code, Name: name, VI: vi, EN: en, Aliases: aliases}
}

// alsoNumber returns v also accepting the numbers ns.
func (v value) alsoNumber(ns ...int) value { v.Numbers = append(v.Numbers, ns...); return v }

// unlisted returns v marked as recognised but not Known.
func (v value) unlisted() value { v.Unlisted = true; return v }

// typeData is a codeType prepared for the template.
type typeData struct {
	codeType
	UnknownNum int
	DocLines   []string
	Values     []valueData
	Ignored    string // the quoted, folded Ignored words, comma separated
	NotKnown   []string
}

type valueData struct {
	value
	Numbers string // the case list of the numeric switch, e.g. "2, 1"
	Words   string // the case list of the word switch: the quoted, folded labels and aliases
}

// generate returns the gofmt-ed source of codes.go for the table ts.
func generate(ts []codeType) ([]byte, error) {
	data := make([]typeData, 0, len(ts))
	names := map[string]bool{}
	for _, t := range ts {
		d, err := prepare(t, names)
		if err != nil {
			return nil, err
		}
		data = append(data, d)
	}
	var b bytes.Buffer
	if err := codesTemplate.Execute(&b, data); err != nil {
		return nil, err
	}
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting the output: %v", err)
	}
	return src, nil
}

// prepare checks t and computes what the template needs. names collects the identifiers of every type so far.
func prepare(t codeType, names map[string]bool) (typeData, error) {
	if t.Code == "" {
		t.Code = t.Name + "Code"
	}
	d := typeData{codeType: t, DocLines: strings.Split(t.Doc, "\n")}
	for _, id := range []string{t.Name, t.Code, t.Unknown} {
		if id == "" || names[id] {
			return d, fmt.Errorf("%s: empty or duplicate identifier %q", t.Name, id)
		}
		names[id] = true
	}
	words := map[string]string{} // folded word → value name
	numbers := map[int]string{}
	addWord := func(w, owner string) ([]string, error) {
		f := textfold.Fold(w)
		if prev, dup := words[f]; dup {
			if prev == owner {
				return nil, nil // the two labels fold alike
			}
			return nil, fmt.Errorf("%s: word %q (%q) is both %s and %s", t.Name, w, f, prev, owner)
		}
		words[f] = owner
		return []string{strconv.Quote(f)}, nil
	}
	for _, v := range t.Values {
		if v.Code == 0 {
			d.UnknownNum = -1
		}
	}
	for _, v := range t.Values {
		if names[v.Name] {
			return d, fmt.Errorf("%s: duplicate identifier %q", t.Name, v.Name)
		}
		names[v.Name] = true
		if v.Code < -1 || v.Code > 127 || v.Code == d.UnknownNum {
			return d, fmt.Errorf("%s: code %d of %s is out of range or the unknown code", t.Name, v.Code, v.Name)
		}
		if v.VI == "" || v.EN == "" {
			return d, fmt.Errorf("%s: %s lacks a label", t.Name, v.Name)
		}
		vd := valueData{value: v}
		var nums, ws []string
		for _, n := range append([]int{v.Code}, v.Numbers...) {
			if prev, dup := numbers[n]; dup {
				return d, fmt.Errorf("%s: number %d is both %s and %s", t.Name, n, prev, v.Name)
			}
			numbers[n] = v.Name
			nums = append(nums, strconv.Itoa(n))
		}
		for _, w := range append([]string{v.VI, v.EN}, v.Aliases...) {
			q, err := addWord(w, v.Name)
			if err != nil {
				return d, err
			}
			ws = append(ws, q...)
		}
		vd.Numbers, vd.Words = strings.Join(nums, ", "), strings.Join(ws, ", ")
		d.Values = append(d.Values, vd)
		if v.Unlisted {
			d.NotKnown = append(d.NotKnown, v.Name)
		}
	}
	var ign []string
	for _, w := range t.Ignored {
		q, err := addWord(w, t.Unknown)
		if err != nil {
			return d, err
		}
		ign = append(ign, q...)
	}
	d.Ignored = strings.Join(ign, ", ")
	d.NotKnown = append(d.NotKnown, t.Unknown)
	return d, nil
}

// article returns "an" before the names that start with a vowel sound (A, E, I, O), else "a".
func article(word string) string {
	if word != "" && strings.ContainsRune("AEIO", rune(word[0])) {
		return "an"
	}
	return "a"
}

var codesTemplate = template.Must(template.New("codes").Funcs(template.FuncMap{"article": article}).Parse(`// Code generated by gencodes from model/internal/gencodes/table.go; DO NOT EDIT.
// To change a code list, edit the table and run: go generate ./model

// Code types of the portal's vocabulary. Each type pairs a canonical value with the
// raw text it was parsed from, so that re-encoding is lossless (docs/data.md, Code lists).

package model

import "strconv"
{{range $t := .}}
// {{.Code}} is the canonical value of {{article .Name}} {{.Name}}. Its numeric value equals the portal code
// where the portal uses numbers.
type {{.Code}} int8

// {{.Code}} values.
const (
	// {{.Unknown}} is an absent or unrecognised value.
	{{.Unknown}} {{.Code}} = {{.UnknownNum}}
{{- range .Values}}
	// {{.Name}}: {{.VI}} ({{.EN}}).
	{{.Name}} {{$t.Code}} = {{.Code}}
{{- end}}
)

// Label returns the Vietnamese label of k, or "" for {{.Unknown}}. It does not allocate.
func (k {{.Code}}) Label() string {
	switch k {
{{- range .Values}}
	case {{.Name}}:
		return {{printf "%q" .VI}}
{{- end}}
	}
	return ""
}

// LabelEN returns the English label of k, or "unknown" for {{.Unknown}}. It does not allocate.
func (k {{.Code}}) LabelEN() string {
	switch k {
{{- range .Values}}
	case {{.Name}}:
		return {{printf "%q" .EN}}
{{- end}}
	}
	return "unknown"
}

// String returns the English label (LabelEN); it exists for %v in messages.
func (k {{.Code}}) String() string { return k.LabelEN() }

// parse{{.Code}} maps raw text to a canonical value; ok reports whether the text was
// recognised (including aliases that map to {{.Unknown}}).
func parse{{.Code}}(raw string) (k {{.Code}}, ok bool) {
{{- if not .WordsOnly}}
	if n, isNum := parseSmallInt(raw); isNum {
		switch n {
{{- range .Values}}
		case {{.Numbers}}:
			return {{.Name}}, true
{{- end}}
		}
		return {{.Unknown}}, false
	}
{{- end}}
	switch fold(raw) {
{{- range .Values}}
	case {{.Words}}:
		return {{.Name}}, true
{{- end}}
{{- if .Ignored}}
	case {{.Ignored}}:
		return {{.Unknown}}, true
{{- end}}
	}
	return {{.Unknown}}, false
}
{{range .DocLines}}
// {{.}}
{{- end}}
//
// The zero value is absent. String returns the raw text (lossless re-encoding);
// Code gives the canonical value, Label/LabelEN the labels and Known whether the
// value is in the list. Compare with Code or Is: "09" and "9" are the same value.
type {{.Name}} struct {
	raw   string
	code  {{.Code}}
	set   bool
	known bool
}

{{if .WordsOnly -}}
// Parse{{.Name}} parses raw text (alias or label; case and diacritics are ignored;
// numbers are not codes of this list). It never fails: unrecognised text gives
// Code() == {{.Unknown}} and Known() == false, and "" gives the absent value.
// Cost: one small allocation.
{{- else -}}
// Parse{{.Name}} parses raw text (number, alias or label; case and diacritics are
// ignored for words). It never fails: unrecognised text gives Code() == {{.Unknown}}
// and Known() == false, and "" gives the absent value. Cost: no allocation for
// numeric input; one small allocation for words.
{{- end}}
func Parse{{.Name}}(raw string) {{.Name}} {
	if raw == "" {
		return {{.Name}}{}
	}
	k, ok := parse{{.Code}}(raw)
	return {{.Name}}{raw: raw, code: k, set: true, known: ok{{range .NotKnown}} && k != {{.}}{{end}}}
}

// New{{.Name}} returns the value for canonical code k with its canonical raw text
// ({{if .WordsOnly}}the Vietnamese label{{else}}the decimal number{{end}}). New{{.Name}}({{.Unknown}}) is the absent value.
func New{{.Name}}(k {{.Code}}) {{.Name}} {
	if k == {{.Unknown}} {
		return {{.Name}}{}
	}
	return Parse{{.Name}}({{if .WordsOnly}}k.Label(){{else}}strconv.Itoa(int(k)){{end}})
}

// Code returns the canonical value ({{.Unknown}} when absent or unrecognised).
func (v {{.Name}}) Code() {{.Code}} {
	if !v.set {
		return {{.Unknown}}
	}
	return v.code
}

// Is reports whether the canonical value is k.
func (v {{.Name}}) Is(k {{.Code}}) bool { return v.Code() == k }

// String returns the raw text as read ("" when absent).
func (v {{.Name}}) String() string { return v.raw }

// IsSet reports whether a value was present (absent and "" are not set).
func (v {{.Name}}) IsSet() bool { return v.set }

// Known reports whether the value is present and in the code list.
func (v {{.Name}}) Known() bool { return v.known }

// Label returns the Vietnamese label of the canonical value ("" if unknown).
func (v {{.Name}}) Label() string { return v.Code().Label() }

// LabelEN returns the English label of the canonical value.
func (v {{.Name}}) LabelEN() string { return v.Code().LabelEN() }
{{end}}`))
