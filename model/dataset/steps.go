package dataset

import (
	"errors"
	"math"
	"time"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/dedupe"
)

// stepStore holds the timeline steps of a set compactly: one fixed-size record per step without
// pointers (its three times as seconds, nanoseconds and an index into a table of locations; its six
// texts and its status as indexes into tables of distinct values; its unknown keys as an index into a
// side list), in blocks, chained per dossier code in file order, the codes in a dedupe.CodeTable. A step
// costs 84 bytes plus its distinct texts, where a []model.Step in a map cost 264 bytes plus a string
// header per text and the map's slack, all of it scanned by the garbage collector. Reads (steps) are safe
// for concurrent use once loading is over.
type stepStore struct {
	codes    dedupe.CodeTable[stepSpan]
	blocks   [][]stepRec // full blocks of stepBlock records, the last one filling
	n        uint32      // records
	texts    []string    // distinct texts; texts[0] is ""
	statuses []model.Status
	locs     []*time.Location // distinct locations of the times; locs[0] is nil (UTC)
	extras   [][]model.RawField

	// Only while loading: the indexes of the distinct values.
	textIdx   map[string]uint32
	statusIdx map[model.Status]uint32
	locIdx    map[*time.Location]uint16
	locEq     map[locKey]uint16
}

// stepBlock is the number of records of a block of stepStore.blocks.
const stepBlock = 4096

// stepSpan is the chain of a code's steps: the first and last record, 1-based (0: none).
type stepSpan struct{ first, last uint32 }

type stepRec struct {
	sec                 [3]int64  // At, StartedAt, Deadline: seconds since 1970 (time.Time.Unix)
	nsec                [3]int32  // and nanoseconds
	text                [6]uint32 // Officer, Title, Department, Action, FromUnit, ToUnit
	status, extra, next uint32    // extra: 1-based index into extras (0: Extra is nil); next: the code's next record, 1-based (0: last)
	loc                 [3]uint16 // index into locs
	valid               uint8     // bit 0 At, bit 1 StartedAt, bit 2 Deadline, bit 3 RealEvent
}

// rec returns record number n (1-based).
func (s *stepStore) rec(n uint32) *stepRec { return &s.blocks[(n-1)/stepBlock][(n-1)%stepBlock] }

// setTime stores t as time i of r. It fails only when the times carry more than 65 535 distinct
// locations that are not copies of one another.
func (s *stepStore) setTime(r *stepRec, i int, t time.Time) error {
	r.sec[i], r.nsec[i] = t.Unix(), int32(t.Nanosecond())
	loc := t.Location()
	if loc == time.UTC {
		return nil // locs[0]: a UTC time.Time holds no location
	}
	if k, ok := s.locIdx[loc]; ok {
		r.loc[i] = k
		return nil
	}
	// A location not seen before: a new entry while the table has room, else an equivalent one — the
	// same name and the same zone at t (a decoder that makes a fixed zone per value fills the table with
	// copies of one zone).
	name, off := t.Zone()
	key := locKey{loc.String(), name, off}
	if len(s.locs) <= math.MaxUint16 {
		k := uint16(len(s.locs))
		s.locs = append(s.locs, loc)
		s.locIdx[loc] = k
		if _, ok := s.locEq[key]; !ok {
			s.locEq[key] = k
		}
		r.loc[i] = k
		return nil
	}
	k, ok := s.locEq[key]
	if !ok {
		return errTooManyZones
	}
	r.loc[i] = k
	return nil
}

// locKey identifies equivalent locations: the location's name, and the zone's name and offset at a time.
type locKey struct {
	loc, zone string
	offset    int
}

// errTooManyZones: the step times carry more distinct locations than the store can index.
var errTooManyZones = errors.New("more than 65 535 distinct time zones in the step times")

// time returns time i of r as it was stored: the same instant and location.
func (s *stepStore) time(r *stepRec, i int) time.Time {
	t := time.Unix(r.sec[i], int64(r.nsec[i]))
	if l := s.locs[r.loc[i]]; l != nil {
		return t.In(l)
	}
	return t.UTC()
}

// add appends st to the steps of its code. Not safe for concurrent use. Errors: errTooManyZones (st is
// not added).
func (s *stepStore) add(st *model.Step) error {
	if s.textIdx == nil {
		s.index()
	}
	var r stepRec
	for i, t := range [...]time.Time{st.At.T, st.StartedAt.T, st.Deadline.T} {
		if err := s.setTime(&r, i, t); err != nil {
			return err
		}
	}
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
	if s.n%stepBlock == 0 {
		s.blocks = append(s.blocks, make([]stepRec, stepBlock))
	}
	s.n++
	n := s.n // the record's 1-based number
	*s.rec(n) = r
	e, seen := s.codes.Upsert(st.DossierCode)
	if seen {
		s.rec(e.Val.last).next = n
		e.Val.last = n
	} else {
		e.Val = stepSpan{first: n, last: n}
	}
	return nil
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
		s.texts, s.statuses, s.locs = []string{""}, []model.Status{{}}, []*time.Location{nil}
	}
	s.locIdx = make(map[*time.Location]uint16, len(s.locs))
	s.locEq = map[locKey]uint16{}
	for i, l := range s.locs[1:] {
		s.locIdx[l] = uint16(i + 1)
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
func (s *stepStore) done() { s.textIdx, s.statusIdx, s.locIdx, s.locEq = nil, nil, nil, nil }

// appendSteps appends the steps of code, in file order, to dst (each with DossierCode code).
func (s *stepStore) appendSteps(dst []model.Step, code string) []model.Step {
	e := s.codes.Find(code)
	if e == nil {
		return dst
	}
	for n := e.Val.first; n != 0; {
		r := s.rec(n)
		st := model.Step{
			DossierCode: code,
			At:          model.Time{T: s.time(r, 0), Valid: r.valid&1 != 0},
			StartedAt:   model.Time{T: s.time(r, 1), Valid: r.valid&2 != 0},
			Deadline:    model.Time{T: s.time(r, 2), Valid: r.valid&4 != 0},
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
	for n := e.Val.first; n != 0; n = s.rec(n).next {
		k++
	}
	return k
}
