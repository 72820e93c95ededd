package dataset

import (
	"time"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/dedupe"
)

// stepStore holds the timeline steps of a set compactly: one fixed-size record per step (its three
// times as time.Time values, its six texts and its status as indexes into tables of distinct values, its
// unknown keys as an index into a side list), chained per dossier code in file order, the codes in a
// dedupe.CodeTable. A step costs about 110 bytes plus its distinct texts, where a []model.Step in a map
// cost 264 bytes plus a string header per text and the map's slack. Reads (steps) are safe for concurrent
// use once loading is over.
type stepStore struct {
	codes    dedupe.CodeTable[stepSpan]
	recs     []stepRec
	texts    []string       // distinct texts; texts[0] is ""
	statuses []model.Status // distinct statuses; statuses[0] is the zero Status
	extras   [][]model.RawField

	// Only while loading: the indexes of the distinct values.
	textIdx   map[string]uint32
	statusIdx map[model.Status]uint32
}

// stepSpan is the chain of a code's steps: the first and last record, 1-based (0: none).
type stepSpan struct{ first, last uint32 }

type stepRec struct {
	at, started, deadline time.Time
	text                  [6]uint32 // Officer, Title, Department, Action, FromUnit, ToUnit
	status                uint32
	extra                 uint32 // 1-based index into extras; 0: Extra is nil
	next                  uint32 // the code's next record, 1-based; 0: last
	valid                 uint8  // bit 0 At, bit 1 StartedAt, bit 2 Deadline, bit 3 RealEvent
}

// add appends st to the steps of its code. Not safe for concurrent use.
func (s *stepStore) add(st *model.Step) {
	if s.textIdx == nil {
		s.index()
	}
	r := stepRec{at: st.At.T, started: st.StartedAt.T, deadline: st.Deadline.T}
	for i, t := range [...]string{st.Officer, st.Title, st.Department, st.Action, st.FromUnit, st.ToUnit} {
		r.text[i] = s.textIndex(t)
	}
	idx, ok := s.statusIdx[st.Status]
	if !ok {
		idx = uint32(len(s.statuses))
		s.statuses = append(s.statuses, st.Status)
		s.statusIdx[st.Status] = idx
	}
	r.status = idx
	if st.Extra != nil {
		s.extras = append(s.extras, st.Extra)
		r.extra = uint32(len(s.extras))
	}
	for i, v := range [...]bool{st.At.Valid, st.StartedAt.Valid, st.Deadline.Valid, st.RealEvent} {
		if v {
			r.valid |= 1 << i
		}
	}
	s.recs = append(s.recs, r)
	n := uint32(len(s.recs)) // r's 1-based number
	e, seen := s.codes.Upsert(st.DossierCode)
	if seen {
		s.recs[e.Val.last-1].next = n
		e.Val.last = n
	} else {
		e.Val = stepSpan{first: n, last: n}
	}
}

func (s *stepStore) textIndex(t string) uint32 {
	if i, ok := s.textIdx[t]; ok {
		return i
	}
	i := uint32(len(s.texts))
	s.texts = append(s.texts, t)
	s.textIdx[t] = i
	return i
}

// index (re)builds the indexes of the distinct values, for the first step of a file.
func (s *stepStore) index() {
	if s.texts == nil {
		s.texts, s.statuses = []string{""}, []model.Status{{}}
	}
	s.textIdx = make(map[string]uint32, len(s.texts))
	for i, t := range s.texts {
		s.textIdx[t] = uint32(i)
	}
	s.statusIdx = make(map[model.Status]uint32, len(s.statuses))
	for i, st := range s.statuses {
		s.statusIdx[st] = uint32(i)
	}
}

// done ends loading a file: the indexes of distinct values are dropped.
func (s *stepStore) done() { s.textIdx, s.statusIdx = nil, nil }

// appendSteps appends the steps of code, in file order, to dst (each with DossierCode code).
func (s *stepStore) appendSteps(dst []model.Step, code string) []model.Step {
	e := s.codes.Find(code)
	if e == nil {
		return dst
	}
	for n := e.Val.first; n != 0; {
		r := &s.recs[n-1]
		st := model.Step{
			DossierCode: code,
			At:          model.Time{T: r.at, Valid: r.valid&1 != 0},
			StartedAt:   model.Time{T: r.started, Valid: r.valid&2 != 0},
			Deadline:    model.Time{T: r.deadline, Valid: r.valid&4 != 0},
			Officer:     s.texts[r.text[0]],
			Title:       s.texts[r.text[1]],
			Department:  s.texts[r.text[2]],
			Action:      s.texts[r.text[3]],
			FromUnit:    s.texts[r.text[4]],
			ToUnit:      s.texts[r.text[5]],
			Status:      s.statuses[r.status],
			RealEvent:   r.valid&8 != 0,
		}
		if r.extra != 0 {
			st.Extra = s.extras[r.extra-1]
		}
		dst = append(dst, st)
		n = r.next
	}
	return dst
}

// count returns the number of steps of code. Cost: O(steps of code).
func (s *stepStore) count(code string) int {
	e := s.codes.Find(code)
	if e == nil {
		return 0
	}
	k := 0
	for n := e.Val.first; n != 0; n = s.recs[n-1].next {
		k++
	}
	return k
}
