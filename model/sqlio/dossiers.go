package sqlio

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
)

// A nested list of the dossier layout read from its own query: the
// dossier column it fills and the columns of its rows (dossier_code, then
// the item parts in csvio's order).
type list struct {
	name  string
	parts []string
}

// lists returns the nested lists in DossierQueries order after Steps.
func lists() [4]list {
	return [4]list{
		{"supplements", []string{"requested", "resubmitted", "due_before", "due_after"}},
		{"fees", []string{"fee_code", "amount"}},
		{"files", []string{"component", "url", "digitised", "from_store"}},
		{"results", []string{"result_code", "url"}},
	}
}

func columnsOf(l list) []string { return append([]string{"dossier_code"}, l.parts...) }

// SupplementColumns returns the columns of the supplements query:
// dossier_code (required), requested, resubmitted, due_before, due_after —
// the parts of csvio's "supplements" items.
func SupplementColumns() []string { return columnsOf(lists()[0]) }

// FeeColumns returns the columns of the fees query: dossier_code
// (required), fee_code, amount — the parts of csvio's "fees" items.
func FeeColumns() []string { return columnsOf(lists()[1]) }

// FileColumns returns the columns of the files (submitted components)
// query: dossier_code (required), component, url, digitised, from_store —
// the parts of csvio's "files" items.
func FileColumns() []string { return columnsOf(lists()[2]) }

// ResultColumns returns the columns of the result-documents query:
// dossier_code (required), result_code, url — the parts of csvio's
// "results" items.
func ResultColumns() []string { return columnsOf(lists()[3]) }

// DossierRows are the open results of the dossier queries. Dossiers is
// required; the nested results are optional (nil: not read). Every result
// must be ordered by dossier code (the package's ORDER BY contract).
type DossierRows struct {
	Dossiers                                 *sql.Rows
	Steps, Supplements, Fees, Files, Results *sql.Rows
}

// DossierQueries are the dossier queries; a Query with empty SQL is not
// run. See the package documentation for the columns and the ORDER BY
// contract.
type DossierQueries struct {
	Dossiers                                 Query
	Steps, Supplements, Fees, Files, Results Query
}

// QueryDossiers runs the dossier queries on db — one query each, all open at
// once, never one per dossier — and streams the dossiers as DecodeDossiers
// does. A failing query ends the sequence with a *RowError (Row -1). Each
// range over the sequence runs the queries again.
func QueryDossiers(ctx context.Context, db Querier, q DossierQueries, opts ...Option) iter.Seq2[model.Dossier, error] {
	return func(yield func(model.Dossier, error) bool) {
		var rs DossierRows
		run := []struct {
			name string
			q    Query
			dst  **sql.Rows
		}{{"dossiers", q.Dossiers, &rs.Dossiers}, {"steps", q.Steps, &rs.Steps},
			{"supplements", q.Supplements, &rs.Supplements}, {"fees", q.Fees, &rs.Fees},
			{"files", q.Files, &rs.Files}, {"results", q.Results, &rs.Results}}
		for i, r := range run {
			if r.q.SQL == "" && i > 0 {
				continue
			}
			rows, err := query(ctx, db, r.name, r.q)
			if err != nil {
				for _, o := range run[:i] {
					if *o.dst != nil {
						(*o.dst).Close()
					}
				}
				yield(model.Dossier{}, err)
				return
			}
			*r.dst = rows
		}
		DecodeDossiers(rs, opts...)(yield)
	}
}

// rowMeta is what the merge learnt about one dossier row while making its
// CSV line, handed to the consumer side with the decoded record.
type rowMeta struct {
	err    error   // the row's first error found here (bad value, repeated code, bad nested row)
	before []error // errors of other records found while reading it (orphans, keyless nested rows)
	base   [4]int  // per list: the nested row of the first item (-1: none)
}

// nested is the cursor of one nested list result.
type nested struct {
	l    list
	idx  int
	r    *result
	has  bool // r.cells holds a row not merged yet
	prev string
	cell []byte // the list cell being built
}

// advance reads the next nested row; keyless rows become errors in m. It
// returns a fatal error when the database fails or the codes go down.
func (n *nested) advance(m *rowMeta) (bool, error) {
	for {
		ok, err := n.r.next()
		if !ok {
			return false, err
		}
		code := n.r.get("dossier_code")
		if len(code) == 0 {
			m.before = append(m.before, &RowError{Query: n.l.name, Row: n.r.row, Column: "dossier_code", Err: csvio.ErrMissingKey})
			continue
		}
		if string(code) < n.prev {
			return false, orderError(n.l.name, n.r.row, "dossier_code", string(code), n.prev)
		}
		if string(code) != n.prev {
			n.prev = string(code)
		}
		n.has = true
		return true, nil
	}
}

func orderError(query string, row int, column, code, prev string) error {
	return &RowError{Query: query, Row: row, Column: column, Code: code, fatal: true,
		Err: fmt.Errorf("%w: %q after %q (ORDER BY the code in byte order)", ErrOrder, code, prev)}
}

func orphan(query string, row int, code string) error {
	return &RowError{Query: query, Row: row, Column: "dossier_code", Code: code,
		Err: fmt.Errorf("%w: no dossier %q in the dossier query", ErrOrphan, code)}
}

// collect returns the list cell of dossier code: its rows' parts joined by
// '|', items by ';'. Rows of smaller codes are orphans (reported in m).
func (n *nested) collect(code string, m *rowMeta, maxRows int) ([]byte, error) {
	n.cell = n.cell[:0]
	m.base[n.idx] = -1
	count := 0
	for {
		if !n.has {
			ok, err := n.advance(m)
			if err != nil {
				return nil, err
			}
			if !ok {
				break
			}
		}
		c := n.r.get("dossier_code")
		if string(c) > code {
			break
		}
		n.has = false
		if string(c) < code {
			m.before = append(m.before, orphan(n.l.name, n.r.row, string(c)))
			continue
		}
		if n.r.cellErr != nil {
			m.err = first(m.err, n.r.withCode(code))
			continue
		}
		if count++; count > maxRows {
			if count == maxRows+1 {
				m.err = first(m.err, &RowError{Query: n.l.name, Row: n.r.row, Code: code,
					Err: fmt.Errorf("%w: more than %d rows for one dossier (MaxNestedRows)", ErrTooManyRows, maxRows)})
			}
			continue
		}
		if bad := n.badPart(); bad != "" {
			m.err = first(m.err, &RowError{Query: n.l.name, Row: n.r.row, Column: bad, Code: code,
				Err: fmt.Errorf("%w: value %q contains ';' or '|'", csvio.ErrBadList, string(n.r.get(bad)))})
			continue
		}
		if m.base[n.idx] < 0 {
			m.base[n.idx] = n.r.row
		} else {
			n.cell = append(n.cell, ';')
		}
		for i, part := range n.l.parts {
			if i > 0 {
				n.cell = append(n.cell, '|')
			}
			n.cell = append(n.cell, n.r.get(part)...)
		}
	}
	return n.cell, nil
}

// badPart returns the first part column of the current row whose value
// cannot stand in a list cell.
func (n *nested) badPart() string {
	for _, part := range n.l.parts {
		if bytes.ContainsAny(n.r.get(part), ";|") {
			return part
		}
	}
	return ""
}

func first(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// steps is the cursor of the steps result, decoded by csvio.
type steps struct {
	next func() (model.Step, error, bool)
	stop func()
	head model.Step
	err  error
	has  bool
	row  int
	prev string
	// pending: keyless rows met before the first dossier.
	pending []error
}

// advance pulls the next step. Keyless rows are yielded as errors by the
// caller through out; a fatal error ends everything.
func (s *steps) advance(out *[]error) (bool, error) {
	for {
		st, err, ok := s.next()
		if !ok {
			return false, nil
		}
		if err != nil && isFatal(err) {
			return false, err
		}
		s.row++
		if st.DossierCode == "" {
			*out = append(*out, first(err, &RowError{Query: "steps", Row: s.row, Column: "dossier_code", Err: csvio.ErrMissingKey}))
			continue
		}
		if st.DossierCode < s.prev {
			return false, orderError("steps", s.row, "dossier_code", st.DossierCode, s.prev)
		}
		s.head, s.err, s.has, s.prev = st, err, true, st.DossierCode
		return true, nil
	}
}

// collect attaches the steps of dossier d; steps of smaller codes are
// orphans appended to out.
func (s *steps) collect(d *model.Dossier, out *[]error, maxRows int) (error, error) {
	var derr error
	count := 0
	for {
		if !s.has {
			ok, err := s.advance(out)
			if err != nil {
				return nil, err
			}
			if !ok {
				return derr, nil
			}
		}
		if s.head.DossierCode > d.Code {
			return derr, nil
		}
		s.has = false
		if s.head.DossierCode < d.Code {
			*out = append(*out, first(s.err, orphan("steps", s.row, s.head.DossierCode)))
			continue
		}
		if s.err != nil {
			derr = first(derr, s.err)
			continue
		}
		if count++; count > maxRows {
			if count == maxRows+1 {
				derr = first(derr, &RowError{Query: "steps", Row: s.row, Code: d.Code,
					Err: fmt.Errorf("%w: more than %d steps for one dossier (MaxNestedRows)", ErrTooManyRows, maxRows)})
			}
			continue
		}
		d.Steps = append(d.Steps, s.head)
	}
}

// DecodeDossiers streams dossiers from rs. The dossier result's columns are
// csvio's dossier layout (csvio.DossierColumns; "code" required); steps come
// with csvio.StepColumns, supplements, fees, files and results with
// SupplementColumns, FeeColumns, FileColumns and ResultColumns. Columns
// match by name, case-insensitively; NULL is absent.
//
// Merge: every result must be ordered by dossier code in byte order (the
// ORDER BY contract of the package documentation). The dossier codes must
// rise strictly; the nested results' codes must not go down. Each dossier
// gets the nested rows of its code, in the result's order.
//
// Errors: a bad value, a repeated dossier code (ErrOrder), or a bad nested
// row of the dossier yields the partly read dossier with a *RowError naming
// the query, row, column and code, and reading continues; a nested row of a
// code that is not in the dossier result yields a zero Dossier with a
// *RowError wrapping ErrOrphan, and reading continues. A bad column set
// (ErrColumns), codes out of order (ErrOrder), a database error or a row
// over the record limit (csvio.ErrTooLarge) ends the sequence with a
// *RowError. Nothing is dropped without an error.
//
// Cost: one pass over each result, O(1) work per value (the row is turned
// into one CSV line that csvio decodes); memory holds one dossier's nested
// rows (at most MaxNestedRows per query) and a few rows read ahead, never
// the results. The sequence closes every result when it ends (also when the
// caller stops early) and may be ranged over once (again: ErrReused).
func DecodeDossiers(rs DossierRows, opts ...Option) iter.Seq2[model.Dossier, error] {
	var o once
	return func(yield func(model.Dossier, error) bool) {
		all := []*sql.Rows{rs.Dossiers, rs.Steps, rs.Supplements, rs.Fees, rs.Files, rs.Results}
		defer func() {
			for _, r := range all {
				if r != nil {
					r.Close()
				}
			}
		}()
		if rs.Dossiers == nil {
			yield(model.Dossier{}, &RowError{Query: "dossiers", Row: -1, fatal: true, Err: errors.New("nil dossier *sql.Rows")})
			return
		}
		if !o.take() {
			yield(model.Dossier{}, &RowError{Query: "dossiers", Row: -1, fatal: true, Err: ErrReused})
			return
		}
		m := merger{cfg: newConfig(opts)}
		if err := m.open(rs); err != nil {
			yield(model.Dossier{}, err)
			return
		}
		if m.st != nil {
			defer m.st.stop()
		}
		m.run(yield)
	}
}

// merger is the state of one DecodeDossiers pass.
type merger struct {
	cfg    config
	d      *result
	lists  []*nested
	byName map[string]int // list name → index in base
	st     *steps
	meta   queue[rowMeta]
	prev   string
	cells  [][]byte // the list cells of the current row
}

func (m *merger) open(rs DossierRows) error {
	ls := lists()
	nestedRows := [4]*sql.Rows{rs.Supplements, rs.Fees, rs.Files, rs.Results}
	layout := csvio.DossierColumns()
	for i, r := range nestedRows {
		if r != nil { // the list comes from its own query, not from a dossier column
			layout = remove(layout, ls[i].name)
		}
	}
	d, err := open("dossiers", rs.Dossiers, layout, "code", m.cfg)
	if err != nil {
		return err
	}
	for i, r := range nestedRows {
		if r == nil {
			continue
		}
		if _, dup := d.pos[ls[i].name]; dup {
			return &RowError{Query: "dossiers", Row: -1, Column: ls[i].name, fatal: true,
				Err: fmt.Errorf("%w: %q comes from the dossier query and from its own query", ErrColumns, ls[i].name)}
		}
		n, err := open(ls[i].name, r, columnsOf(ls[i]), "dossier_code", m.cfg)
		if err != nil {
			return err
		}
		m.lists = append(m.lists, &nested{l: ls[i], idx: i, r: n})
	}
	m.d = d
	m.byName = map[string]int{}
	for i, l := range ls {
		m.byName[l.name] = i
	}
	if rs.Steps != nil {
		seq := decodeFlat("steps", rs.Steps, csvio.StepColumns(), "dossier_code", nil, csvio.DecodeSteps)
		next, stop := iter.Pull2(seq)
		m.st = &steps{next: next, stop: stop, row: -1}
		// Read the first step now so that a bad steps result fails before any dossier.
		var out []error
		if _, err := m.st.advance(&out); err != nil {
			return err
		}
		if len(out) > 0 { // keyless first rows: report them with the first dossier
			m.st.pending = out
		}
	}
	m.cells = make([][]byte, len(m.lists))
	return nil
}

func remove(s []string, name string) []string {
	out := s[:0:0]
	for _, x := range s {
		if x != name {
			out = append(out, x)
		}
	}
	return out
}

// line makes the CSV line of the next dossier row, merging its nested
// lists.
func (m *merger) line(p *pipe) (bool, error) {
	ok, err := m.d.next()
	if !ok {
		return false, err
	}
	code := string(m.d.get("code"))
	meta := rowMeta{err: m.d.withCode(code), base: [4]int{-1, -1, -1, -1}}
	switch {
	case code == "": // csvio reports the missing key; nothing can be merged
	case code < m.prev:
		return false, orderError("dossiers", m.d.row, "code", code, m.prev)
	case code == m.prev:
		meta.err = first(meta.err, &RowError{Query: "dossiers", Row: m.d.row, Column: "code", Code: code,
			Err: fmt.Errorf("%w: code %q repeated (its nested rows went to the first)", ErrOrder, code)})
	default:
		m.prev = code
	}
	for i, n := range m.lists {
		m.cells[i] = nil
		if code != "" {
			if m.cells[i], err = n.collect(code, &meta, m.cfg.maxNested); err != nil {
				return false, err
			}
		}
	}
	m.meta.push(meta)
	own := len(m.d.ends)
	p.row(own+len(m.lists), func(i int) []byte {
		if i < own {
			return m.d.cell(i)
		}
		return m.cells[i-own]
	})
	return true, nil
}

// run is the consumer side: csvio decodes the lines; steps and errors are
// attached in order.
func (m *merger) run(yield func(model.Dossier, error) bool) {
	header := append([]string(nil), m.d.names...)
	for _, n := range m.lists {
		header = append(header, n.l.name)
	}
	p := newPipe(header, m.line)
	var out []error
	if m.st != nil {
		out = m.st.pending
	}
	for d, err := range csvio.DecodeDossiers(p, m.cfg.csv...) {
		if err != nil {
			if f := endOf("dossiers", p, err); f != nil {
				yield(model.Dossier{}, f)
				return
			}
		}
		meta, _ := m.meta.pop()
		out = append(out, meta.before...)
		var stepErr error
		if m.st != nil && d.Code != "" {
			var fatal error
			if stepErr, fatal = m.st.collect(&d, &out, m.cfg.maxNested); fatal != nil {
				for _, e := range out {
					if !yield(model.Dossier{}, e) {
						return
					}
				}
				yield(model.Dossier{}, fatal)
				return
			}
		}
		for _, e := range out {
			if !yield(model.Dossier{}, e) {
				return
			}
		}
		out = out[:0]
		switch {
		case meta.err != nil:
			err = meta.err
		case err != nil:
			err = m.listError(err, &meta)
		case stepErr != nil:
			err = stepErr
		}
		if !yield(d, err) {
			return
		}
	}
	m.drain(yield)
}

// listError names the nested row of a csvio error in a list cell made from
// a nested query.
func (m *merger) listError(err error, meta *rowMeta) error {
	var ce *csvio.RecordError
	if errors.As(err, &ce) {
		for _, n := range m.lists {
			if n.l.name == ce.Field && meta.base[n.idx] >= 0 {
				item := 0
				_, _ = fmt.Sscanf(ce.Err.Error(), "item %d", &item) // csvio's "item N: …"; 0 when absent
				return &RowError{Query: n.l.name, Row: meta.base[n.idx] + item, Column: ce.Field, Code: ce.Code, Err: ce.Err}
			}
		}
	}
	return fromCSV("dossiers", err)
}

// drain reports the nested rows left after the last dossier: orphans all.
func (m *merger) drain(yield func(model.Dossier, error) bool) {
	for _, n := range m.lists {
		var meta rowMeta
		for {
			if !n.has {
				ok, err := n.advance(&meta)
				if err != nil {
					meta.before = append(meta.before, err)
				}
				if !ok {
					break
				}
			}
			n.has = false
			meta.before = append(meta.before, orphan(n.l.name, n.r.row, string(n.r.get("dossier_code"))))
			for _, e := range meta.before {
				if !yield(model.Dossier{}, e) {
					return
				}
			}
			meta.before = meta.before[:0]
		}
		for _, e := range meta.before {
			if !yield(model.Dossier{}, e) {
				return
			}
		}
	}
	if m.st == nil {
		return
	}
	var out []error
	for {
		if !m.st.has {
			ok, err := m.st.advance(&out)
			if err != nil {
				out = append(out, err)
			}
			if !ok {
				break
			}
		}
		m.st.has = false
		out = append(out, first(m.st.err, orphan("steps", m.st.row, m.st.head.DossierCode)))
		for _, e := range out {
			if !yield(model.Dossier{}, e) {
				return
			}
		}
		out = out[:0]
	}
	for _, e := range out {
		if !yield(model.Dossier{}, e) {
			return
		}
	}
}
