package indicator

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
)

var (
	errMissingUnits = errors.New(`the document has no "units" array`)
	errExtraTwice   = errors.New(`"extra" given both in the unit and inside "counts"`)
	errTrailing     = errors.New("data after the document")
)

type treeDoc struct {
	Edition string            `json:"edition"`
	Period  string            `json:"period"`
	Units   []json.RawMessage `json:"units"`
}

type unitDoc struct {
	ID     string          `json:"id"`
	Name   string          `json:"name"`
	Kind   UnitKind        `json:"kind"`
	Parent string          `json:"parent"`
	Pooled bool            `json:"pooled"`
	Counts json.RawMessage `json:"counts"`
	Extra  json.RawMessage `json:"extra"`
}

// DecodeTree reads one unit-tree JSON document from r and builds the tree with the default pooling policy
// (DecodeTreeWith(r, TreeOptions{}); errors and cost as there). The document holds the counts of a whole
// unit tree for one period, so that counts copied from the portal can be scored and ranked without any
// records (see also testdata/tree/README.md):
//
//	{
//	  "edition": "portal",          // optional, informative (Tree.Edition)
//	  "period": "2026-08",          // optional, informative (Tree.Period)
//	  "units": [                    // required; parents may come before or after their children
//	    {"id": "H44", "name": "UBND tỉnh Phú Thọ", "kind": "province", "pooled": true,
//	     "counts": {"1.3": {"num": 87, "den": 89}, "2.1": {"num": 144625, "den": 184513}},
//	     "extra": {"completed": 147765}},
//	    {"id": "H44.03", "parent": "H44", "kind": "department",
//	     "counts": {"2.1": {"num": 486, "den": 588}}, "extra": {"overdue": 102}}
//	  ]
//	}
//
// A unit has "id" (required, unique), "name", "kind" (province, ministry, department, commune, district or
// any other string), "parent" (the parent's id; absent or "" for a root), "pooled" (true when the counts
// already include the sub-units, as on the portal's parent rows; see UnitNode.Pooled), "counts" (the
// Tally JSON codec: metric ids or portal codes → {"num":…,"den":…}) and "extra" (the Tally's extra counts
// by name: syncReportDen, overdue, completed, processingSeconds, partialOnline, fullOnline,
// fullOnlineEligible, feeProceduresWithDossiers, petitionsStaff, onlineReceived, lateOnlineReceptions).
// "extra" may also be nested inside "counts" as the Tally codec writes it, but not in both places. Unknown
// keys are errors, and so is a key given twice in one object (a unit's "id" twice, or "id" and "ID", which
// encoding/json would map to the same field; a metric or "num" twice in "counts").
func DecodeTree(r io.Reader) (*Tree, error) { return DecodeTreeWith(r, TreeOptions{}) }

// DecodeTreeWith reads one unit-tree JSON document (see DecodeTree) from r and builds the tree with
// NewTree and opt; the document's "edition" and "period", when present, replace opt's labels. Every error is a *TreeError
// naming the unit's index (-1 for the document) and id and the field: malformed JSON, unknown keys,
// repeated keys (Field and DecodeError.Key name the key), trailing data and bad count syntax wrap a
// *DecodeError (errors.Is ErrBadJSON); invalid counts (ErrOverflow for one above MaxCount) wrap a
// *CountError; structural problems wrap ErrNoUnitID, ErrDuplicateUnit, ErrUnknownParent, ErrCycle or
// ErrChildrenExceedParent. A bad opt.Aggregation gives a *RuleError. Cost: O(input size) plus NewTree's;
// the whole document is held in memory.
func DecodeTreeWith(r io.Reader, opt TreeOptions) (*Tree, error) {
	dec := json.NewDecoder(r)
	var raw json.RawMessage
	if err := dec.Decode(&raw); err != nil {
		return nil, &TreeError{Index: -1, Err: &DecodeError{Err: err}}
	}
	if _, err := dec.Token(); err != io.EOF {
		if err == nil {
			err = errTrailing
		}
		return nil, &TreeError{Index: -1, Err: &DecodeError{Err: err}}
	}
	var doc treeDoc
	if err := decodeStrict(raw, &doc); err != nil {
		return nil, &TreeError{Index: -1, Err: &DecodeError{Err: err}}
	}
	if key, err := repeatedField(raw, treeDocFields); err != nil {
		return nil, &TreeError{Index: -1, Field: key, Err: err}
	}
	if doc.Units == nil {
		return nil, &TreeError{Index: -1, Field: "units", Err: &DecodeError{Key: "units", Err: errMissingUnits}}
	}
	if doc.Edition != "" {
		opt.Edition = doc.Edition
	}
	if doc.Period != "" {
		opt.Period = doc.Period
	}
	nodes := make([]UnitNode, len(doc.Units))
	counts := make(map[string]Tally, len(doc.Units))
	for i, raw := range doc.Units {
		var u unitDoc
		if err := decodeStrict(raw, &u); err != nil {
			return nil, &TreeError{Index: i, Err: &DecodeError{Err: err}}
		}
		if key, err := repeatedField(raw, unitDocFields); err != nil {
			return nil, &TreeError{Index: i, Unit: u.ID, Field: key, Err: err}
		}
		nodes[i] = UnitNode{ID: u.ID, Name: u.Name, Kind: u.Kind, Parent: u.Parent, Pooled: u.Pooled}
		tl, has, err := decodeUnitCounts(u.Counts, u.Extra)
		if err != nil {
			return nil, &TreeError{Index: i, Unit: u.ID, Field: "counts", Err: err}
		}
		if has && u.ID != "" {
			if _, dup := counts[u.ID]; !dup {
				counts[u.ID] = tl
			}
		}
	}
	return NewTree(nodes, counts, opt)
}

// The JSON names of treeDoc's and unitDoc's fields.
var (
	treeDocFields = []string{"edition", "period", "units"}
	unitDocFields = []string{"id", "name", "kind", "parent", "pooled", "counts", "extra"}
)

// decodeStrict decodes one JSON value into v, refusing unknown fields.
func decodeStrict(raw json.RawMessage, v any) error {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.DisallowUnknownFields()
	return d.Decode(v)
}

// repeatedField finds a key of the JSON object obj that sets the same struct field as an earlier key:
// encoding/json matches field names case-insensitively and keeps the last value, so "id" twice, or "id"
// then "ID", would silently replace a value. It returns the repeated key as written and a *DecodeError
// (errDuplicateKey) naming it; "" and nil when there is none or obj is not an object (the struct decoder
// reports that). Cost: O(len(obj)).
func repeatedField(obj json.RawMessage, fields []string) (string, error) {
	if b := bytes.TrimSpace(obj); len(b) == 0 || b[0] != '{' {
		return "", nil
	}
	var seen uint64
	var dupKey string
	_, err := walkObject(obj, "", func(key string, _ json.RawMessage) error {
		for i, f := range fields {
			if !strings.EqualFold(key, f) {
				continue
			}
			if seen&(1<<i) != 0 {
				dupKey = key
				return &DecodeError{Key: key, Err: errDuplicateKey}
			}
			seen |= 1 << i
			return nil
		}
		return nil
	})
	if err != nil {
		var de *DecodeError
		if dupKey == "" && errors.As(err, &de) {
			dupKey = de.Key
		}
		return dupKey, err
	}
	return "", nil
}

func isNull(m json.RawMessage) bool {
	m = bytes.TrimSpace(m)
	return len(m) == 0 || string(m) == "null"
}

// decodeUnitCounts decodes a unit's "counts" with its "extra" (either may be null or absent) with the
// Tally codec; has is false when both are absent.
func decodeUnitCounts(counts, extra json.RawMessage) (Tally, bool, error) {
	if isNull(counts) && isNull(extra) {
		return Tally{}, false, nil
	}
	data := []byte(counts)
	if isNull(counts) {
		data = []byte("{}")
	}
	var ux json.RawMessage
	if !isNull(extra) {
		ux = extra
	}
	tl, err := decodeTally(data, ux)
	if err != nil {
		return Tally{}, false, err
	}
	return tl, true, nil
}

// MarshalJSON encodes the tree as the unit-tree document (see DecodeTree) with every unit's own counts
// (Tree.Own), so "pooled" is never written: decoding the output gives a tree with the same own and pooled
// counts. Units keep their input order; "counts" and "extra" are omitted when empty. The pooling policy is
// not part of the document. Never fails. Cost: O(units × metrics), allocates the output.
func (t *Tree) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(`{"edition":`)
	writeJSONString(&b, t.edition)
	b.WriteString(`,"period":`)
	writeJSONString(&b, t.period)
	b.WriteString(`,"units":[`)
	for i, u := range t.nodes {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"id":`)
		writeJSONString(&b, u.ID)
		if u.Name != "" {
			b.WriteString(`,"name":`)
			writeJSONString(&b, u.Name)
		}
		if u.Kind != "" {
			b.WriteString(`,"kind":`)
			writeJSONString(&b, string(u.Kind))
		}
		if u.Parent != "" {
			b.WriteString(`,"parent":`)
			writeJSONString(&b, u.Parent)
		}
		own := t.own[i]
		var counts Tally
		counts.Counts = own.Counts
		if counts != (Tally{}) {
			cb, _ := counts.MarshalJSON()
			b.WriteString(`,"counts":`)
			b.Write(cb)
		}
		wrote := false
		for _, e := range own.extras() {
			if *e.p == 0 {
				continue
			}
			if !wrote {
				b.WriteString(`,"extra":{`)
			} else {
				b.WriteByte(',')
			}
			wrote = true
			writeJSONString(&b, e.name)
			b.WriteByte(':')
			b.WriteString(strconv.FormatInt(*e.p, 10))
		}
		if wrote {
			b.WriteByte('}')
		}
		b.WriteByte('}')
	}
	b.WriteString("]}")
	return b.Bytes(), nil
}

func writeJSONString(b *bytes.Buffer, s string) {
	q, _ := json.Marshal(s) // a string always marshals
	b.Write(q)
}
