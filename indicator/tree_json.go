package indicator

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
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
// keys are errors.
func DecodeTree(r io.Reader) (*Tree, error) { return DecodeTreeWith(r, TreeOptions{}) }

// DecodeTreeWith reads one unit-tree JSON document (see DecodeTree) from r and builds the tree with
// NewTree and opt; the document's "edition" and "period", when present, replace opt's labels. Every error is a *TreeError
// naming the unit's index (-1 for the document) and id and the field: malformed JSON, unknown keys,
// trailing data and bad count syntax wrap a *DecodeError (errors.Is ErrBadJSON); invalid counts wrap a
// *CountError; structural problems wrap ErrNoUnitID, ErrDuplicateUnit, ErrUnknownParent, ErrCycle or
// ErrChildrenExceedParent. A bad opt.Aggregation gives a *RuleError. Cost: O(input size) plus NewTree's;
// the whole document is held in memory.
func DecodeTreeWith(r io.Reader, opt TreeOptions) (*Tree, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var doc treeDoc
	if err := dec.Decode(&doc); err != nil {
		return nil, &TreeError{Index: -1, Err: &DecodeError{Err: err}}
	}
	if _, err := dec.Token(); err != io.EOF {
		if err == nil {
			err = errTrailing
		}
		return nil, &TreeError{Index: -1, Err: &DecodeError{Err: err}}
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
		ud := json.NewDecoder(bytes.NewReader(raw))
		ud.DisallowUnknownFields()
		if err := ud.Decode(&u); err != nil {
			return nil, &TreeError{Index: i, Err: &DecodeError{Err: err}}
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

func isNull(m json.RawMessage) bool {
	m = bytes.TrimSpace(m)
	return len(m) == 0 || string(m) == "null"
}

// decodeUnitCounts joins a unit's "counts" and "extra" and decodes them with the Tally codec.
func decodeUnitCounts(counts, extra json.RawMessage) (Tally, bool, error) {
	if isNull(counts) && isNull(extra) {
		return Tally{}, false, nil
	}
	b := []byte(counts)
	if !isNull(extra) {
		m := map[string]json.RawMessage{}
		if !isNull(counts) {
			if err := json.Unmarshal(counts, &m); err != nil {
				return Tally{}, false, &DecodeError{Err: err}
			}
			if m == nil {
				m = map[string]json.RawMessage{}
			}
		}
		if _, ok := m["extra"]; ok {
			return Tally{}, false, &DecodeError{Key: "extra", Err: errExtraTwice}
		}
		m["extra"] = extra
		var err error
		if b, err = json.Marshal(m); err != nil {
			return Tally{}, false, &DecodeError{Key: "extra", Err: err}
		}
	}
	var tl Tally
	if err := tl.UnmarshalJSON(b); err != nil {
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
