package dataset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
	"github.com/vn-dvc/chiso766/model/portal"
)

// Kind is the kind of records an input file holds.
type Kind string

// The kinds of input files.
const (
	Units      Kind = "units"
	Procedures Kind = "procedures"
	Offerings  Kind = "offerings"
	Dossiers   Kind = "dossiers"
	Steps      Kind = "steps"
	Petitions  Kind = "petitions"
	Ratings    Kind = "ratings"
	Copies     Kind = "copies"
)

// Kinds lists every kind in the order Load reads them.
func Kinds() []Kind {
	return []Kind{Units, Procedures, Offerings, Petitions, Ratings, Copies, Steps, Dossiers}
}

// Format is a file's encoding: JSON (a portal payload) or CSV (a csvio layout).
type Format string

// The formats.
const (
	JSON Format = "json"
	CSV  Format = "csv"
)

// ErrKind is the sentinel of *KindError.
var ErrKind = errors.New("wrong kind of file")

// KindError reports a file that does not hold the records it was given for (or whose kind cannot be
// told): File, the kind expected (Want), what its first bytes say it holds (Got, "" when unknown) and a
// Detail (e.g. "UTF-16 text"). errors.Is(err, ErrKind) holds.
type KindError struct {
	File   string
	Want   Kind
	Got    Kind
	Format Format
	Detail string
}

// Error implements error.
func (e *KindError) Error() string {
	switch {
	case e.Detail != "":
		return fmt.Sprintf("%s: expected %s, but %s", e.File, e.Want, e.Detail)
	case e.Got == "":
		return fmt.Sprintf("%s: expected %s, but cannot tell what the file holds", e.File, e.Want)
	}
	return fmt.Sprintf("%s: expected %s, but the file holds %s (%s)", e.File, e.Want, e.Got, e.Format)
}

// Is reports target == ErrKind.
func (e *KindError) Is(target error) bool { return target == ErrKind }

// Files names the input files of a set; an empty name is an absent input. Dossiers and Steps may name
// several files, read in the order given.
type Files struct {
	Units, Procedures, Offerings, Petitions, Ratings, Copies string
	Dossiers, Steps                                          []string
}

// Empty reports whether no file is named.
func (f Files) Empty() bool {
	return f.Units == "" && f.Procedures == "" && f.Offerings == "" && f.Petitions == "" && f.Ratings == "" &&
		f.Copies == "" && len(f.Dossiers) == 0 && len(f.Steps) == 0
}

// slot returns the field of a single-file kind (nil for dossiers and steps).
func (f *Files) slot(k Kind) *string {
	switch k {
	case Units:
		return &f.Units
	case Procedures:
		return &f.Procedures
	case Offerings:
		return &f.Offerings
	case Petitions:
		return &f.Petitions
	case Ratings:
		return &f.Ratings
	case Copies:
		return &f.Copies
	}
	return nil
}

// names returns the files of one kind.
func (f Files) names(k Kind) []string {
	switch k {
	case Steps:
		return f.Steps
	case Dossiers:
		return f.Dossiers
	}
	if p := f.slot(k); p != nil && *p != "" {
		return []string{*p}
	}
	return nil
}

// Merge returns f with every input of g that f does not name (flags given on top of a directory: the
// flag wins).
func (f Files) Merge(g Files) Files {
	pick := func(a, b string) string {
		if a != "" {
			return a
		}
		return b
	}
	f.Units, f.Procedures, f.Offerings = pick(f.Units, g.Units), pick(f.Procedures, g.Procedures), pick(f.Offerings, g.Offerings)
	f.Petitions, f.Ratings, f.Copies = pick(f.Petitions, g.Petitions), pick(f.Ratings, g.Ratings), pick(f.Copies, g.Copies)
	if len(f.Dossiers) == 0 {
		f.Dossiers = g.Dossiers
	}
	if len(f.Steps) == 0 {
		f.Steps = g.Steps
	}
	return f
}

// conventional maps a file name of the directory convention to its kind; ok is false for other names.
// Dossier and step files may carry a suffix after a '-' or '_' (dossiers-2026-08.json).
func conventional(name string) (Kind, bool) {
	base := strings.ToLower(name)
	ext := filepath.Ext(base)
	if ext != ".csv" && ext != ".json" {
		return "", false
	}
	stem := strings.TrimSuffix(base, ext)
	for _, k := range Kinds() {
		if stem == string(k) {
			return k, ext == ".csv" || k == Procedures || k == Dossiers || k == Steps
		}
		if (k == Dossiers || k == Steps) && (strings.HasPrefix(stem, string(k)+"-") || strings.HasPrefix(stem, string(k)+"_")) {
			return k, true
		}
	}
	return "", false
}

// ConventionError reports a directory that does not follow the convention: two files for one
// single-file kind (e.g. procedures.csv and procedures.json), or no input file at all.
type ConventionError struct {
	Dir    string
	Kind   Kind
	Files  []string
	Reason string
}

// Error implements error.
func (e *ConventionError) Error() string {
	if e.Kind == "" {
		return fmt.Sprintf("%s: %s", e.Dir, e.Reason)
	}
	return fmt.Sprintf("%s: %s: %s (%s)", e.Dir, e.Kind, e.Reason, strings.Join(e.Files, ", "))
}

// Convention returns the files of dir named by the directory convention (see the package doc), and the
// names of the other files it holds (ignored, sorted; hidden files are not listed). Dossier and step
// files are in name order. Errors: dir cannot be read; two files for one single-file kind; no
// conventional file (a *ConventionError). Cost: one directory listing.
func Convention(dir string) (Files, []string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return Files{}, nil, err
	}
	var f Files
	var ignored []string
	seen := map[Kind][]string{}
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") {
			continue
		}
		k, ok := conventional(name)
		if !ok {
			ignored = append(ignored, name)
			continue
		}
		seen[k] = append(seen[k], filepath.Join(dir, name))
	}
	for _, k := range Kinds() {
		names := seen[k]
		slices.Sort(names)
		switch {
		case len(names) == 0:
			continue
		case k == Dossiers:
			f.Dossiers = names
			continue
		case k == Steps:
			f.Steps = names
			continue
		case len(names) > 1:
			return Files{}, nil, &ConventionError{Dir: dir, Kind: k, Files: names, Reason: "more than one file"}
		}
		*f.slot(k) = names[0]
	}
	if f.Empty() {
		return Files{}, ignored, &ConventionError{Dir: dir, Reason: "no input file named by the convention (units.csv, procedures.csv, dossiers.json, …)"}
	}
	return f, ignored, nil
}

// sniffBytes is how much of a file Sniff reads.
const sniffBytes = 64 << 10

// Sniff tells a file's kind and format from its first 64 KiB: a JSON payload by its envelope (service
// DongBoHoSoMC → dossiers, CapNhatTienDoHoSoMC → steps) or its first record's keys (MaHoSo, MATTHC,
// ThoiDiemXuLy); a CSV file by its header, matched against every csvio layout (the layout that knows the
// most header columns and whose key column is present). A UTF-8 BOM is skipped; UTF-16 text is a
// *KindError saying so. want is the kind expected, used in the error (it does not bias the answer).
// Cost: one read of at most 64 KiB.
func Sniff(name string, want Kind) (Kind, Format, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", "", err
	}
	defer f.Close()
	buf := make([]byte, sniffBytes)
	n, err := io.ReadFull(f, buf)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return "", "", err
	}
	k, format, detail := sniff(buf[:n])
	if k == "" {
		return "", format, &KindError{File: name, Want: want, Format: format, Detail: detail}
	}
	return k, format, nil
}

func sniff(b []byte) (Kind, Format, string) {
	switch {
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return "", "", "the file is UTF-16 text; save it as UTF-8 (in Excel: CSV UTF-8)"
	case len(b) >= 4 && (b[0] == 0 || b[1] == 0) && (b[2] == 0 || b[3] == 0):
		return "", "", "the file looks like UTF-16 text without a byte-order mark; save it as UTF-8"
	}
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	t := bytes.TrimLeft(b, " \t\r\n")
	if len(t) == 0 {
		return "", "", "the file is empty"
	}
	if t[0] == '{' || t[0] == '[' {
		return sniffJSON(t), JSON, "a JSON file with neither a dossier, step nor procedure record"
	}
	return sniffCSV(b), CSV, "a CSV header that matches no layout"
}

func sniffJSON(b []byte) Kind {
	s := string(b)
	switch {
	case strings.Contains(s, `"DongBoHoSoMC"`):
		return Dossiers
	case strings.Contains(s, `"CapNhatTienDoHoSoMC"`):
		return Steps
	case strings.Contains(s, `"MATTHC"`) || strings.Contains(s, `"MaThuTuc"`):
		return Procedures
	case strings.Contains(s, `"ThoiDiemXuLy"`) && !strings.Contains(s, `"NgayTiepNhan"`):
		return Steps
	case strings.Contains(s, `"MaHoSo"`):
		return Dossiers
	}
	return ""
}

// layouts are the header of every csvio layout, with its key column.
func layouts() []struct {
	kind Kind
	key  string
	cols []string
} {
	return []struct {
		kind Kind
		key  string
		cols []string
	}{
		{Dossiers, "code", csvio.DossierColumns()},
		{Procedures, "code", csvio.ProcedureColumns()},
		{Petitions, "id", csvio.PetitionColumns()},
		{Steps, "dossier_code", csvio.StepColumns()},
		{Offerings, "procedure_code", csvio.OfferingColumns()},
		{Units, "id", csvio.UnitColumns()},
		{Ratings, "dossier_code", csvio.RatingColumns()},
		{Copies, "unit_id", csvio.CopyColumns()},
	}
}

func sniffCSV(b []byte) Kind {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	h := strings.TrimRight(string(line), "\r")
	sep := ","
	if strings.Count(h, ";") > strings.Count(h, ",") {
		sep = ";"
	}
	header := map[string]bool{}
	for _, c := range strings.Split(h, sep) {
		header[strings.ToLower(strings.Trim(strings.TrimSpace(c), `"`))] = true
	}
	best, bestN, bestFrac := Kind(""), 0, 0.0
	for _, l := range layouts() {
		if !header[l.key] {
			continue
		}
		n := 0
		for _, c := range l.cols {
			if header[c] {
				n++
			}
		}
		frac := float64(n) / float64(len(l.cols)) // tie-break: the layout the header covers best
		if n > bestN || (n == bestN && frac > bestFrac) {
			best, bestN, bestFrac = l.kind, n, frac
		}
	}
	if bestN < 2 && len(header) > 1 {
		return "" // only the key column matches: not a layout of ours
	}
	return best
}

// check sniffs name and returns its format, or a *KindError when it holds another kind.
func check(name string, want Kind) (Format, error) {
	got, format, err := Sniff(name, want)
	if err != nil {
		return "", err
	}
	if got != want {
		return "", &KindError{File: name, Want: want, Got: got, Format: format}
	}
	return format, nil
}

// Set is a loaded input set: the small inputs in memory, the dossier files streamed by Dossiers.
type Set struct {
	// Files are the files read.
	Files Files
	// The records of the small inputs, in file order (nil when the input is absent).
	Units      []model.Unit
	Procedures []model.Procedure
	Offerings  []model.Offering
	Petitions  []model.Petition
	Ratings    []model.Rating
	Copies     []csvio.CertifiedCopy
	// StepRecords is the number of timeline steps read (Steps returns those of one dossier; Dossiers
	// appends them to the dossier of their code).
	StepRecords int

	steps stepStore

	opts []portal.Option
}

// FileError is an error of one record of one file: the file, the 0-based record index within the file,
// the record's key and field (when known) and the decoder's error (a *portal.RecordError or
// *csvio.RecordError, or the stream's own failure). Recoverable says whether the file's later records
// are still read (a bad value in one record) or the file ended (malformed payload, header error,
// oversized row, unreadable file).
type FileError struct {
	File        string
	Index       int
	Code, Field string
	Recoverable bool
	Err         error
}

// Error implements error: "<file>: record N (code X) field F: cause", N counted from 1.
func (e *FileError) Error() string {
	if e.Index < 0 {
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("%s: record %d (code %s) field %s: %v", e.File, e.Index+1, dash(e.Code), dash(e.Field), cause(e.Err))
}

// Unwrap returns the decoder's error.
func (e *FileError) Unwrap() error { return e.Err }

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// cause strips the decoder's own record prefix.
func cause(err error) error {
	var pe *portal.RecordError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var ce *csvio.RecordError
	if errors.As(err, &ce) {
		return ce.Err
	}
	return err
}

// NewFileError wraps an error of a decoder of this module (model/portal, model/csvio, for any kind of
// file) read from the file name as Set does: a *portal.RecordError or *csvio.RecordError gives the
// record's index, code and field, and Recoverable tells a per-record error (reading goes on with the
// next record) from a terminal one (malformed input, a header error, UTF-16, a read error); any other
// error gets Index -1 and is not recoverable. err is kept as Err (errors.Is/As see through). Cost: two
// errors.As; it never fails.
func NewFileError(name string, err error) *FileError {
	fe := &FileError{File: name, Index: -1, Err: err}
	var pe *portal.RecordError
	var ce *csvio.RecordError
	switch {
	case errors.As(err, &ce):
		fe.Index, fe.Code, fe.Field = ce.Index, ce.Code, ce.Field
		fe.Recoverable = ce.Index >= 0 && !csvio.IsTerminal(err)
	case errors.As(err, &pe):
		fe.Index, fe.Code, fe.Field = pe.Index, pe.Code, pe.Field
		fe.Recoverable = !portal.IsTerminal(err)
	}
	return fe
}

// Load checks the kind of every named file (Sniff) and reads the small inputs: units, procedures,
// offerings, petitions, ratings, copies and steps (dossier files are only checked; Set.Dossiers streams
// them). opts are the decoders' size limits. Errors: a *KindError for a file of the wrong kind, a
// *FileError for the first bad record of a small input (small inputs admit no skipping: a bad unit or
// procedure changes every score), a file that cannot be opened. Cost: O(size of the small inputs).
func Load(f Files, opts ...portal.Option) (*Set, error) {
	s := &Set{Files: f, opts: opts}
	for _, k := range Kinds() {
		for _, name := range f.names(k) {
			format, err := check(name, k)
			if err != nil {
				return nil, err
			}
			if k == Dossiers {
				continue
			}
			if err := s.read(name, k, format); err != nil {
				return nil, err
			}
		}
	}
	return s, nil
}

// readAll appends every record of seq to *out; the first error ends the read.
func readAll[T any](name string, seq iter.Seq2[T, error], out *[]T) error {
	for r, err := range seq {
		if err != nil {
			return NewFileError(name, err)
		}
		*out = append(*out, r)
	}
	return nil
}

func (s *Set) read(name string, k Kind, format Format) error {
	file, err := os.Open(name)
	if err != nil {
		return err
	}
	defer file.Close()
	switch k {
	case Units:
		return readAll(name, csvio.DecodeUnits(file, s.opts...), &s.Units)
	case Procedures:
		seq := csvio.DecodeProcedures(file, s.opts...)
		if format == JSON {
			seq = portal.DecodeProcedures(file, s.opts...)
		}
		return readAll(name, seq, &s.Procedures)
	case Offerings:
		return readAll(name, csvio.DecodeOfferings(file, s.opts...), &s.Offerings)
	case Petitions:
		return readAll(name, csvio.DecodePetitions(file, s.opts...), &s.Petitions)
	case Ratings:
		return readAll(name, csvio.DecodeRatings(file, s.opts...), &s.Ratings)
	case Copies:
		return readAll(name, csvio.DecodeCopies(file, s.opts...), &s.Copies)
	case Steps:
		seq := csvio.DecodeSteps(file, s.opts...)
		if format == JSON {
			seq = portal.DecodeSteps(file, s.opts...)
		}
		defer s.steps.done()
		i := 0
		for st, err := range seq {
			if err != nil {
				return NewFileError(name, err)
			}
			if err := s.steps.add(&st); err != nil {
				return &FileError{File: name, Index: i, Code: st.DossierCode, Field: "ThoiDiemXuLy", Err: err}
			}
			s.StepRecords++
			i++
		}
	}
	return nil
}

// Dossiers streams the dossier files in order: each record with the steps of its code appended (a copy;
// the set is not modified), or a *FileError. After a recoverable error (FileError.Recoverable) the
// stream goes on with the file's next record, so a caller may skip the record; after any other error the
// stream ends. The sequence may be ranged over many times (each range re-reads the files), e.g. by a
// two-pass dedupe. Cost: one decode of every file per range; memory O(one record) beyond the set.
func (s *Set) Dossiers() iter.Seq2[model.Dossier, error] {
	return func(yield func(model.Dossier, error) bool) {
		for _, name := range s.Files.Dossiers {
			if !s.stream(name, yield) {
				return
			}
		}
	}
}

// File streams one dossier file as Dossiers does (each record with its steps, or a *FileError; after a
// recoverable error the stream goes on). Every record of the file is one item of the sequence, good or
// bad, so the count of items before a record is its index in the file — the index a parallel decoder
// (portal.SplitDossiers, csvio.SplitDossiers) gives it. Cost: one decode of the file.
func (s *Set) File(name string) iter.Seq2[model.Dossier, error] {
	return func(yield func(model.Dossier, error) bool) { s.stream(name, yield) }
}

// FormatOf returns the format of a dossier or step file as Load reads it: CSV when its name ends in
// .csv or its first bytes are a CSV header, else JSON.
func FormatOf(name string) Format {
	if strings.EqualFold(filepath.Ext(name), ".csv") {
		return CSV
	}
	if _, format, _ := Sniff(name, Dossiers); format == CSV {
		return CSV
	}
	return JSON
}

// AttachSteps appends the steps of d's code to d.Steps (a new slice: d's own is not written through),
// for callers that decode the dossier files themselves. Safe for concurrent use (it reads the set
// only). Cost: one lookup of d's code; O(steps of d) and one allocation when it has steps.
func (s *Set) AttachSteps(d *model.Dossier) {
	if n := s.steps.count(d.Code); n > 0 {
		st := make([]model.Step, len(d.Steps), len(d.Steps)+n)
		copy(st, d.Steps)
		d.Steps = s.steps.appendSteps(st, d.Code)
	}
}

// Steps returns the timeline steps of the dossier code read from the step files, in file order (a new
// slice; nil when it has none). Steps are held compactly (about 110 bytes per step plus each distinct
// text once) and rebuilt on each call. Safe for concurrent use. Cost: O(steps of code).
func (s *Set) Steps(code string) []model.Step { return s.steps.appendSteps(nil, code) }

// stream yields one dossier file; false means stop.
func (s *Set) stream(name string, yield func(model.Dossier, error) bool) bool {
	file, err := os.Open(name)
	if err != nil {
		yield(model.Dossier{}, &FileError{File: name, Index: -1, Err: err})
		return false
	}
	defer file.Close()
	seq := portal.DecodeDossiers(file, s.opts...)
	if FormatOf(name) == CSV {
		seq = csvio.DecodeDossiers(file, s.opts...)
	}
	for d, err := range seq {
		if err != nil {
			fe := NewFileError(name, err)
			if !yield(model.Dossier{}, fe) || !fe.Recoverable {
				return false
			}
			continue
		}
		s.AttachSteps(&d)
		if !yield(d, nil) {
			return false
		}
	}
	return true
}
