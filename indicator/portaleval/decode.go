package portaleval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/shopspring/decimal"
	"github.com/vn-dvc/chiso766/indicator"
)

// Sentinel errors. Every error of this package wraps one of them (or an indicator sentinel through a
// *indicator.CountError); test with errors.Is and read the details with errors.As on *Error.
var (
	// ErrMalformed: the response is not one JSON document (syntax error, truncation, trailing data).
	ErrMalformed = errors.New("portaleval: malformed JSON")
	// ErrShape: valid JSON without the documented shape ("data" missing, neither overview/evaluation nor
	// parent/children, a unit that is not an object, a field of the wrong JSON type).
	ErrShape = errors.New("portaleval: unexpected response shape")
	// ErrNotOK: the response's "code" is present and not "OK" (the portal reported an error).
	ErrNotOK = errors.New("portaleval: portal returned an error code")
	// ErrNotInteger: a count that is not a non-negative integer within indicator.MaxCount.
	ErrNotInteger = errors.New("portaleval: count is not a valid integer")
	// ErrBadNumber: a published score, ratio or maximum that is not a finite decimal.
	ErrBadNumber = errors.New("portaleval: not a number")
	// ErrUnknownEndpoint: an endpoint name that is not one of Endpoints().
	ErrUnknownEndpoint = errors.New("portaleval: unknown endpoint")
	// ErrUnknownMetric: a metric code the mapping does not list for the endpoint (a Problem, not fatal:
	// the row is kept in Unit.Metrics with Metric 0).
	ErrUnknownMetric = errors.New("portaleval: unknown metric code")
	// ErrUnknownUnit: a unit of a response whose code cannot be resolved or that is missing from the
	// hierarchy it is compared with (a Problem or a reconciliation row, not fatal).
	ErrUnknownUnit = errors.New("portaleval: unit missing from the hierarchy")
	// ErrMixedScope: responses of different periods or scopes combined in one Evaluation.
	ErrMixedScope = errors.New("portaleval: responses of different periods or scopes")
)

// Error locates a problem in a response: the endpoint, the unit (Index −1 for the parent/overview or the
// document, else the position in "evaluation"/"children"), the unit's code or id when known, and the field
// ("metrics[3].numerator", "totalReceived", …). Err is a sentinel above or an *indicator.CountError.
type Error struct {
	Endpoint Endpoint
	Index    int
	Unit     string
	Field    string
	Err      error
}

func (e *Error) Error() string {
	s := "portaleval: " + string(e.Endpoint)
	if e.Index >= 0 {
		s += " unit #" + strconv.Itoa(e.Index)
	} else if e.Unit != "" {
		s += " parent"
	}
	if e.Unit != "" {
		s += " " + strconv.Quote(e.Unit)
	}
	if e.Field != "" {
		s += " field " + e.Field
	}
	return s + ": " + e.Err.Error()
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// Number is a published decimal (score, ratio, maximum): Valid is false when the portal sent null or left
// the field out, which is not the same as 0.
type Number struct {
	Value decimal.Decimal
	Valid bool
}

// String is the value, or "null".
func (n Number) String() string {
	if !n.Valid {
		return "null"
	}
	return n.Value.String()
}

// MarshalJSON writes the value as a JSON number, or null.
func (n Number) MarshalJSON() ([]byte, error) {
	if !n.Valid {
		return []byte("null"), nil
	}
	return []byte(n.Value.String()), nil
}

// Int is a published count: Valid is false for null or absent, which is not the same as 0.
type Int struct {
	Value int64
	Valid bool
}

// String is the value, or "null".
func (n Int) String() string {
	if !n.Valid {
		return "null"
	}
	return strconv.FormatInt(n.Value, 10)
}

// MarshalJSON writes the value as a JSON number, or null.
func (n Int) MarshalJSON() ([]byte, error) {
	if !n.Valid {
		return []byte("null"), nil
	}
	return []byte(strconv.FormatInt(n.Value, 10)), nil
}

// MetricRow is one row of a unit's "metrics" list, as published.
type MetricRow struct {
	Code   string       `json:"code"`
	Metric indicator.ID `json:"metric,omitempty"` // 0 for a code the mapping does not know (see Response.Problems)
	Staff  bool         `json:"staff,omitempty"`
	Num    Int          `json:"numerator"`
	Den    Int          `json:"denominator"`
	Ratio  Number       `json:"ratio"`
	Score  Number       `json:"score"`
	Max    Number       `json:"maxScore"`
	// DataQuality is the row's "dataQualityStatus" (e.g. TEMP_NATIONAL_REPORT_DENOMINATOR,
	// NO_NATIONAL_REPORT_DATA), DataQualityMessage its "dataQualityMessage"; "" when absent.
	DataQuality        string `json:"dataQualityStatus,omitempty"`
	DataQualityMessage string `json:"dataQualityMessage,omitempty"`
}

// TempDenominator is the data-quality status of a row whose denominator is a temporary figure.
const TempDenominator = "TEMP_NATIONAL_REPORT_DENOMINATOR"

// Unit is one unit of a response: the parent/overview (Parent true, Index −1) or one of the
// children/evaluation (Index = position).
type Unit struct {
	Parent bool   `json:"parent"`
	Index  int    `json:"index"`
	ID     string `json:"departmentId"`   // the portal's unit UUID
	Code   string `json:"departmentCode"` // "" where the endpoint does not publish it (transparency, satisfaction)
	Name   string `json:"departmentName"`
	Type   string `json:"departmentType,omitempty"`  // PROVINCE, PROVINCIAL_DEPARTMENT, COMMUNE_PEOPLE_COMMITTEE
	Level  string `json:"departmentLevel,omitempty"` // "departmentLevel" or, on tree children, "level"
	Agency string `json:"agencyLevel,omitempty"`
	// The group's published score, maximum, ratio (percent) and change against the previous period.
	Score      Number `json:"score"`
	Max        Number `json:"maxScore"`
	Ratio      Number `json:"ratio"`
	ScoreDelta Number `json:"scoreDelta"`
	// AvgProcessingDays is 2.2 as published by dvc-progress-tree.
	AvgProcessingDays Number      `json:"avgProcessingDays"`
	Metrics           []MetricRow `json:"metrics,omitempty"`
	// Fields holds every count field of a tree-shape row listed by Mapping (null kept as invalid).
	Fields map[string]Int `json:"fields,omitempty"`
	// Tally is what the row publishes, mapped by Mapping (null counts as 0).
	Tally indicator.Tally `json:"tally"`
	// Inputs is false when the row publishes a score without the counts behind it (the children of
	// provide-online-tree): its score cannot be reproduced.
	Inputs bool `json:"inputs"`
}

// Key is the unit's code, or its departmentId when no code is published.
func (u *Unit) Key() string {
	if u.Code != "" {
		return u.Code
	}
	return u.ID
}

// Response is one decoded evaluation response.
type Response struct {
	Endpoint Endpoint `json:"endpoint"`
	// Period and Procedure label the request (the response does not repeat them): e.g. "month",
	// "2026-08"; Procedure is the formalityId filter, "" for all procedures.
	Period    string `json:"period,omitempty"`
	Procedure string `json:"procedure,omitempty"`
	// Units: the parent (overview) first, then the children (evaluation) in response order.
	Units []Unit `json:"units"`
	// Problems lists what was decoded but not understood (unknown metric codes), never silently dropped.
	Problems []*Error `json:"-"`
}

// The raw shapes. Numbers are json.RawMessage so that null, absent, strings and bad numbers are told apart.
type rawEnvelope struct {
	Code *string         `json:"code"`
	Data json.RawMessage `json:"data"`
}

type rawData struct {
	Overview   json.RawMessage   `json:"overview"`
	Evaluation []json.RawMessage `json:"evaluation"`
	Parent     json.RawMessage   `json:"parent"`
	Children   []json.RawMessage `json:"children"`
}

// Decode reads one response of endpoint e from r (the whole body, {"code":"OK","data":{…}}, or its
// "data" object alone). Both shapes are accepted on every endpoint: "overview" + "evaluation" (units with
// a "metrics" list) and "parent" + "children" (units with count fields). Unknown fields are ignored;
// null is kept distinct from 0 (Number, Int); metric codes the mapping does not know are kept with
// Metric 0 and listed in Response.Problems (ErrUnknownMetric).
//
// Errors are *Error values naming the unit and field: ErrMalformed (syntax, truncation, trailing data),
// ErrShape, ErrNotOK, ErrNotInteger (a count that is negative, fractional or above
// indicator.MaxCount), ErrBadNumber, ErrUnknownEndpoint, or an *indicator.CountError when the counts of a
// unit are inconsistent (numerator above denominator). Decode never panics. Cost: O(input size); the
// body is held in memory.
func Decode(e Endpoint, r io.Reader) (*Response, error) {
	if _, ok := ParseEndpoint(string(e)); !ok {
		return nil, &Error{Endpoint: e, Index: -1, Err: ErrUnknownEndpoint}
	}
	body, err := io.ReadAll(r)
	if err != nil {
		return nil, &Error{Endpoint: e, Index: -1, Err: fmt.Errorf("%w: %v", ErrMalformed, err)}
	}
	return DecodeBytes(e, body)
}

// DecodeBytes is Decode on a byte slice (not retained).
func DecodeBytes(e Endpoint, body []byte) (*Response, error) {
	fail := func(field string, err error) (*Response, error) {
		return nil, &Error{Endpoint: e, Index: -1, Field: field, Err: err}
	}
	if _, ok := ParseEndpoint(string(e)); !ok {
		return fail("", ErrUnknownEndpoint)
	}
	e, _ = ParseEndpoint(string(e))
	if !json.Valid(body) {
		var v any
		err := json.Unmarshal(body, &v)
		if err == nil {
			err = errors.New("invalid JSON")
		}
		return fail("", fmt.Errorf("%w: %v", ErrMalformed, err))
	}
	var env rawEnvelope
	if err := json.Unmarshal(body, &env); err != nil {
		return fail("", fmt.Errorf("%w: %v", ErrShape, err))
	}
	if env.Code != nil && *env.Code != "OK" {
		return fail("code", fmt.Errorf("%w: %q", ErrNotOK, *env.Code))
	}
	data := env.Data
	if isNull(data) {
		data = body // the "data" object given alone
	}
	var d rawData
	if err := json.Unmarshal(data, &d); err != nil {
		return fail("data", fmt.Errorf("%w: %v", ErrShape, err))
	}
	resp := &Response{Endpoint: e}
	var parent json.RawMessage
	var children []json.RawMessage
	switch {
	case !isNull(d.Overview) || d.Evaluation != nil:
		parent, children = d.Overview, d.Evaluation
	case !isNull(d.Parent) || d.Children != nil:
		parent, children = d.Parent, d.Children
	default:
		return fail("data", fmt.Errorf("%w: neither overview/evaluation nor parent/children", ErrShape))
	}
	if !isNull(parent) {
		u, err := resp.decodeUnit(parent, -1)
		if err != nil {
			return nil, err
		}
		resp.Units = append(resp.Units, u)
	}
	for i, raw := range children {
		u, err := resp.decodeUnit(raw, i)
		if err != nil {
			return nil, err
		}
		resp.Units = append(resp.Units, u)
	}
	return resp, nil
}

func isNull(m json.RawMessage) bool {
	m = bytes.TrimSpace(m)
	return len(m) == 0 || string(m) == "null"
}

// rawUnit decodes every field as raw JSON, so that types are checked field by field.
type rawUnit map[string]json.RawMessage

func (u rawUnit) str(field string) (string, error) {
	m, ok := u[field]
	if !ok || isNull(m) {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(m, &s); err != nil {
		return "", fmt.Errorf("%w: not a string", ErrShape)
	}
	return s, nil
}

func parseNumber(m json.RawMessage) (Number, error) {
	if isNull(m) {
		return Number{}, nil
	}
	m = bytes.TrimSpace(m)
	if m[0] == '"' { // a number sent as a string ("7.05") is tolerated
		var s string
		if err := json.Unmarshal(m, &s); err != nil {
			return Number{}, ErrBadNumber
		}
		m = []byte(s)
	}
	if len(m) == 0 || len(m) > 64 {
		return Number{}, ErrBadNumber
	}
	if !json.Valid(m) || (m[0] != '-' && (m[0] < '0' || m[0] > '9')) {
		return Number{}, ErrBadNumber
	}
	if i := bytes.IndexAny(m, "eE"); i >= 0 && len(bytes.TrimLeft(m[i+1:], "+-")) > 2 {
		return Number{}, ErrBadNumber // exponents beyond ±99 would make exact arithmetic costly
	}
	d, err := decimal.NewFromString(string(m))
	if err != nil {
		return Number{}, ErrBadNumber
	}
	return Number{Value: d, Valid: true}, nil
}

func parseInt(m json.RawMessage) (Int, error) {
	n, err := parseNumber(m)
	if err != nil || !n.Valid {
		if err != nil {
			err = ErrNotInteger
		}
		return Int{}, err
	}
	if !n.Value.IsInteger() || n.Value.Sign() < 0 || n.Value.GreaterThan(decimal.NewFromInt(indicator.MaxCount)) {
		return Int{}, ErrNotInteger
	}
	return Int{Value: n.Value.IntPart(), Valid: true}, nil
}

func (r *Response) decodeUnit(raw json.RawMessage, index int) (Unit, error) {
	u := Unit{Parent: index < 0, Index: index}
	fail := func(field string, err error) (Unit, error) {
		return Unit{}, &Error{Endpoint: r.Endpoint, Index: index, Unit: u.Key(), Field: field, Err: err}
	}
	var m rawUnit
	if b := bytes.TrimSpace(raw); len(b) == 0 || b[0] != '{' {
		return fail("", fmt.Errorf("%w: unit is not an object", ErrShape))
	}
	if err := json.Unmarshal(raw, &m); err != nil {
		return fail("", fmt.Errorf("%w: %v", ErrShape, err))
	}
	for _, s := range []struct {
		field string
		p     *string
	}{{"departmentId", &u.ID}, {"departmentCode", &u.Code}, {"departmentName", &u.Name},
		{"departmentType", &u.Type}, {"departmentLevel", &u.Level}, {"agencyLevel", &u.Agency}} {
		v, err := m.str(s.field)
		if err != nil {
			return fail(s.field, err)
		}
		*s.p = v
	}
	if u.Level == "" {
		v, err := m.str("level")
		if err != nil {
			return fail("level", err)
		}
		u.Level = v
	}
	// Group score: "totalScore"/"totalMaxScore" (overview, evaluation, tree parents, 3a/3b children) or
	// "score"/"maxScore" (dvc-progress-tree children).
	for _, n := range []struct {
		fields []string
		p      *Number
	}{{[]string{"totalScore", "score"}, &u.Score}, {[]string{"totalMaxScore", "maxScore"}, &u.Max},
		{[]string{"ratio"}, &u.Ratio}, {[]string{"scoreDelta"}, &u.ScoreDelta},
		{[]string{"avgProcessingDays"}, &u.AvgProcessingDays}} {
		for _, f := range n.fields {
			v, ok := m[f]
			if !ok {
				continue
			}
			x, err := parseNumber(v)
			if err != nil {
				return fail(f, err)
			}
			*n.p = x
			break
		}
	}
	if mr, ok := m["metrics"]; ok && !isNull(mr) {
		if err := r.decodeMetrics(&u, mr, fail); err != nil {
			return Unit{}, err
		}
	} else {
		if err := r.decodeFields(&u, m, fail); err != nil {
			return Unit{}, err
		}
	}
	if err := u.Tally.Validate(); err != nil {
		return fail("tally", err)
	}
	return u, nil
}

func (r *Response) decodeMetrics(u *Unit, raw json.RawMessage, fail func(string, error) (Unit, error)) error {
	var rows []rawUnit
	if err := json.Unmarshal(raw, &rows); err != nil {
		_, err := fail("metrics", fmt.Errorf("%w: %v", ErrShape, err))
		return err
	}
	u.Inputs = true
	var seen [indicator.NumIDs]bool
	staffSeen := false
	for i, row := range rows {
		at := func(f string) string { return "metrics[" + strconv.Itoa(i) + "]" + f }
		if row == nil {
			_, err := fail(at(""), fmt.Errorf("%w: null metric row", ErrShape))
			return err
		}
		var mr MetricRow
		var err error
		for _, s := range []struct {
			field string
			p     *string
		}{{"code", &mr.Code}, {"dataQualityStatus", &mr.DataQuality}, {"dataQualityMessage", &mr.DataQualityMessage}} {
			if *s.p, err = row.str(s.field); err != nil {
				_, err = fail(at("."+s.field), err)
				return err
			}
		}
		for _, c := range []struct {
			field string
			p     *Int
		}{{"numerator", &mr.Num}, {"denominator", &mr.Den}} {
			if *c.p, err = parseInt(row[c.field]); err != nil {
				_, err = fail(at("."+c.field), err)
				return err
			}
		}
		for _, n := range []struct {
			field string
			p     *Number
		}{{"ratio", &mr.Ratio}, {"score", &mr.Score}, {"maxScore", &mr.Max}} {
			if *n.p, err = parseNumber(row[n.field]); err != nil {
				_, err = fail(at("."+n.field), err)
				return err
			}
		}
		id, staff, ok := metricCode(r.Endpoint, mr.Code)
		if !ok {
			r.Problems = append(r.Problems, &Error{Endpoint: r.Endpoint, Index: u.Index, Unit: u.Key(),
				Field: at(".code"), Err: fmt.Errorf("%w: %q", ErrUnknownMetric, mr.Code)})
			u.Metrics = append(u.Metrics, mr)
			continue
		}
		mr.Metric, mr.Staff = id, staff
		if (staff && staffSeen) || (!staff && seen[id]) {
			_, err := fail(at(".code"), fmt.Errorf("%w: metric %q given twice", ErrShape, mr.Code))
			return err
		}
		if staff {
			staffSeen = true
			u.Tally.PetitionsStaff = mr.Num.Value
		} else {
			seen[id] = true
			u.Tally.Counts[id] = indicator.Count{Num: mr.Num.Value, Den: mr.Den.Value}
		}
		u.Metrics = append(u.Metrics, mr)
	}
	return nil
}

func (r *Response) decodeFields(u *Unit, m rawUnit, fail func(string, error) (Unit, error)) error {
	scored := 0
	for _, f := range fields {
		if f.Endpoint != r.Endpoint || f.Metric == 0 && f.Part == PartReported {
			if f.Endpoint == r.Endpoint {
				if err := u.field(m, f.Name, fail); err != nil {
					return err
				}
			}
			continue
		}
		if f.Part == PartReported { // avgProcessingDays: decoded above as a Number
			continue
		}
		if err := u.field(m, f.Name, fail); err != nil {
			return err
		}
		v := u.Fields[f.Name]
		switch f.Part {
		case PartNum, PartDen:
			scored++
			if !v.Valid {
				continue
			}
			c := &u.Tally.Counts[f.Metric]
			if f.Part == PartNum {
				c.Num += v.Value
			} else {
				c.Den += v.Value
			}
		default:
			if v.Valid {
				setExtra(&u.Tally, f.Part, v.Value)
			}
		}
	}
	// Inputs are published when every scored count field is present.
	u.Inputs = scored > 0
	for _, f := range fields {
		if f.Endpoint == r.Endpoint && (f.Part == PartNum || f.Part == PartDen) && !u.Fields[f.Name].Valid {
			u.Inputs = false
		}
	}
	return nil
}

// field decodes one count field into u.Fields (once).
func (u *Unit) field(m rawUnit, name string, fail func(string, error) (Unit, error)) error {
	if _, done := u.Fields[name]; done {
		return nil
	}
	v, err := parseInt(m[name])
	if err != nil {
		_, err = fail(name, err)
		return err
	}
	if u.Fields == nil {
		u.Fields = map[string]Int{}
	}
	u.Fields[name] = v
	return nil
}
