package main

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"runtime/pprof"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/examples/internal/report"
	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/indicator/digitisation"
	"github.com/vn-dvc/chiso766/indicator/scorecard"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
	"github.com/vn-dvc/chiso766/model/dataset"
	"github.com/vn-dvc/chiso766/model/dedupe"
	"github.com/vn-dvc/chiso766/model/portal"
)

// The values of -on-error.
const (
	onErrorStop = "stop"
	onErrorSkip = "skip"
)

// The command's own ledgers and reason codes (Card.Ledgers): records of the dossier files that -on-error
// skip left out, by cause.
const (
	calculatorInput       = "input"
	reasonInputRead       = indicator.Reason("input.read")
	reasonBadDate         = indicator.Reason("input.bad_date")
	reasonBadNumber       = indicator.Reason("input.bad_number")
	reasonBadFlag         = indicator.Reason("input.bad_flag")
	reasonBadType         = indicator.Reason("input.bad_type")
	reasonTooLarge        = indicator.Reason("input.too_large")
	reasonUnknownStatus   = indicator.Reason("input.unknown_status")
	reasonBadRecord       = indicator.Reason("input.bad_record")
	maxListed             = 20 // skipped records and unattributed codes listed on stderr
	maxUnattributedExamps = 3
)

// skipReason is the reason code of a skipped record's error.
func skipReason(err error) indicator.Reason {
	switch {
	case errors.Is(err, portal.ErrBadDate):
		return reasonBadDate
	case errors.Is(err, portal.ErrBadNumber):
		return reasonBadNumber
	case errors.Is(err, portal.ErrBadFlag):
		return reasonBadFlag
	case errors.Is(err, portal.ErrBadType):
		return reasonBadType
	case errors.Is(err, portal.ErrTooLarge):
		return reasonTooLarge
	}
	return reasonBadRecord
}

// errUnknownStatus is the cause of a record whose status code is outside the list.
var errUnknownStatus = errors.New("unknown status code")

// fileSource adapts a decoder's Seq2 to the scorer's Seq. With skip false it stops at the first error
// (kept in err); with skip it excludes a bad record whose file goes on (dataset.FileError.Recoverable),
// counting it in ledger and keeping its message in skipped, and stops only at an error that ends the
// file. all may be ranged over several times (the dedupe's two passes): each range starts the counts
// afresh, so they describe the last pass.
type fileSource struct {
	name         string
	seq          iter.Seq2[model.Dossier, error]
	allowUnknown bool
	skip         bool
	stderr       io.Writer
	every        int64 // progress interval; 0 means ProgressEvery; negative: no progress lines
	n            int64 // records yielded
	read         int64 // records read (yielded + skipped)
	ord          int64 // ordinal of the record being yielded: its index among all records read (bad ones included)
	err          error
	ledger       indicator.Ledger
	skipped      []string
}

func (s *fileSource) all() iter.Seq[model.Dossier] {
	return func(yield func(model.Dossier) bool) {
		s.n, s.read, s.err, s.ledger, s.skipped = 0, 0, nil, indicator.Ledger{}, nil
		every := s.every
		if every == 0 {
			every = ProgressEvery
		}
		for d, err := range s.seq {
			s.read++
			if err == nil && !s.allowUnknown && !known(&d) {
				err = &dataset.FileError{File: s.name, Index: int(s.read - 1), Code: d.Code, Field: "TrangThaiHoSo",
					Recoverable: true, Err: fmt.Errorf("%w %q", errUnknownStatus, d.Status.String())}
			}
			if err != nil {
				var fe *dataset.FileError
				recoverable := errors.As(err, &fe) && fe.Recoverable
				if !s.skip || !recoverable {
					s.err = recordError(s.name, err)
					return
				}
				reason := skipReason(err)
				if errors.Is(err, errUnknownStatus) {
					reason = reasonUnknownStatus
				}
				s.ledger.Add(reason, false)
				if len(s.skipped) < maxListed {
					s.skipped = append(s.skipped, err.Error())
				}
				continue
			}
			s.n++
			s.ord = s.read - 1
			s.ledger.Add(reasonInputRead, true)
			if every > 0 && s.n%every == 0 {
				fmt.Fprintf(s.stderr, "scorecard: %s: %d dossiers…\n", s.name, s.n)
			}
			if !yield(d) {
				return
			}
		}
	}
}

// writeHeapProfile writes the heap profile to name (-memprofile; nothing when name is ""), while pass
// 1's indexes are still alive.
func writeHeapProfile(name string) error {
	if name == "" {
		return nil
	}
	f, err := os.Create(name)
	if err != nil {
		return fmt.Errorf("-memprofile: %v", err)
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		return fmt.Errorf("-memprofile: %v", err)
	}
	return f.Close()
}

// known reports whether d's status is empty or one of the list's codes: a record with another status
// is a bad record (input.unknown_status) unless -allow-unknown-status.
func known(d *model.Dossier) bool { return d.Status.String() == "" || d.Status.Known() }

// listSkipped lists the records -on-error skip left out (at most maxListed, then a count).
func (s *fileSource) listSkipped(w io.Writer, prefix string) {
	if len(s.skipped) == 0 {
		return
	}
	fmt.Fprintf(w, "%s-on-error skip: %d records skipped (in the %q ledger):\n", prefix, s.ledger.Excluded, calculatorInput)
	for _, m := range s.skipped {
		fmt.Fprintf(w, "  %s\n", m)
	}
	if int64(len(s.skipped)) < s.ledger.Excluded {
		fmt.Fprintf(w, "  … %d more\n", s.ledger.Excluded-int64(len(s.skipped)))
	}
}

// recordError formats a decoder's error as "<file>: record N (code X) field F: message" (a
// dataset.FileError already is).
func recordError(name string, err error) error {
	var fe *dataset.FileError
	if errors.As(err, &fe) {
		return err
	}
	var pe *portal.RecordError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: record %d (code %s) field %s: %v", name, pe.Index+1, orDash(pe.Code), orDash(pe.Field), pe.Err)
	}
	return fmt.Errorf("%s: %v", name, err)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// runData scores the user's files: nothing of the sample province is used.
func runData(c *config, ed indicator.Edition, period model.Period, files dataset.Files, stdout, stderr io.Writer) error {
	set, err := dataset.Load(files)
	if err != nil {
		return err
	}
	if len(set.Units) == 0 && !c.check { // -check lints a payload on its own
		return errors.New("no units: give -units FILE (or units.csv in the -data directory); without the hierarchy no dossier can be attributed")
	}
	if len(files.Dossiers) == 0 {
		return errors.New("no dossier file: give -dossiers FILE (or dossiers.json|csv in the -data directory)")
	}
	if len(set.Procedures) == 0 && !c.check {
		fmt.Fprintln(stderr, "scorecard: warning: no procedure catalogue (-procedures): 1.1–1.3 have no data, durations and fees are unknown")
	}
	cal, err := calendar.New(calendar.Options{FromYear: period.StartTime().Year() - 1, ToYear: period.EndTime().Year() + 1})
	if err != nil {
		return fmt.Errorf("-period: %v", err)
	}
	asOf := period.EndTime()
	if c.asof != "" {
		if asOf, err = parseAsOf(c.asof, cal.Location()); err != nil {
			return err
		}
	} else if !c.check {
		fmt.Fprintf(stderr, "scorecard: -asof not given: open records are judged at the end of the period, %s\n", asOf.Format("2006-01-02T15:04:05Z07:00"))
	}
	in := inputsOf(set)
	opts := scorecard.Options{Period: period, AsOf: asOf, Calendar: cal, Edition: ed}
	name := files.Dossiers[0]
	if len(files.Dossiers) > 1 {
		name = fmt.Sprintf("%s (+%d files)", name, len(files.Dossiers)-1)
	}
	// The files one after the other, each decoded on c.workers goroutines in file order (decodeFile);
	// bases[i] is the number of records of the files before file i, so a record's ordinal
	// (fileSource.ord) is bases[i] + its index in file i, as the parallel decoder numbers it.
	rd := &fileReader{set: set, workers: c.workers}
	bases := make([]int64, len(files.Dossiers))
	seq := func(yield func(model.Dossier, error) bool) {
		var n int64
		for i, name := range files.Dossiers {
			bases[i], rd.base = n, n
			for d, err := range rd.file(name) {
				n++
				if !yield(d, err) {
					return
				}
			}
		}
	}
	src := &fileSource{name: name, seq: seq, allowUnknown: c.allowUnknown, skip: c.onError == onErrorSkip, stderr: stderr, every: -1}
	if c.check {
		c.files = files
		err := checkOnly(c, in, opts, src.all(), stdout)
		if src.err != nil {
			return src.err
		}
		src.listSkipped(stdout, "")
		return err
	}

	// Reading the files: pass 1, and pass 2 when a key repeats (readDossiers).
	s, err := scorecard.New(in, opts)
	if err != nil {
		return err
	}
	res, err := readDossiers(c, in, opts, src, rd, s, len(files.Steps) > 0)
	if err != nil {
		return err
	}
	if src.n == 0 {
		return fmt.Errorf("%s: no dossier records", name)
	}
	latest := res.latest
	res.q.summary(stderr)
	src.listSkipped(stderr, "scorecard: ")
	if latest.Superseded() > 0 {
		fmt.Fprintf(stderr, "scorecard: %d re-sent versions superseded by a later one (%d records, %d dossiers scored; %q ledger)\n",
			latest.Superseded(), latest.Records(), latest.Distinct(), scorecard.CalculatorResend)
	}
	if err := warnUnattributed(res.un, files.Units, c.strict, stderr); err != nil {
		return err
	}

	var card *scorecard.Card
	if res.clash {
		idx, _ := latest.(*dedupe.Index)
		card, err = scoreLatest(s, set, bases, idx, c)
	} else {
		p := s.NewPartial()
		for _, q := range res.parts {
			if err := p.Merge(q); err != nil {
				return err // not expected: every part comes from s
			}
		}
		card, err = s.Finish(p)
	}
	res.parts = nil
	if err != nil {
		return err
	}
	if c.onCard != nil {
		c.onCard(card, res.passes)
	}
	if err := writeHeapProfile(c.memProfile); err != nil {
		return err
	}
	if src.n >= ProgressEvery {
		fmt.Fprintf(stderr, "scorecard: %s: %d dossiers read\n", name, src.n)
	}
	if latest.Superseded() > 0 {
		card.Ledgers = append(card.Ledgers, scorecard.ResendLedger(latest))
	}
	if src.ledger.Excluded > 0 {
		card.Ledgers = append(card.Ledgers, scorecard.CalculatorLedger{Calculator: calculatorInput, Records: src.ledger})
	}
	for _, m := range res.carries.missing() {
		fmt.Fprintf(stderr, "scorecard: warning: no dossier carries %s: %s reported as no data (not 0)\n", m.field, m.id)
		noData(card, m.id)
	}
	c.src = &report.Source{Scorer: s, Dossiers: func() iter.Seq[model.Dossier] { return src.winners(latest) },
		Rescore: func(p model.Period) (*scorecard.Card, error) {
			o := opts
			o.Period = p
			card, err := rescore(in, o, src.winners(latest), c.workers)
			if err == nil && src.err != nil {
				return nil, src.err
			}
			return card, err
		},
		Err: func() error { return src.err }}
	return output(c, ed, card, stdout, stderr)
}

// winners is the latest version of every dossier code (idx after readDossiers), read sequentially: the
// stream of report's second passes.
func (s *fileSource) winners(idx latestIndex) iter.Seq[model.Dossier] {
	return func(yield func(model.Dossier) bool) {
		for d := range s.all() {
			if idx.Winner(d.Code, s.ord) && !yield(d) {
				return
			}
		}
	}
}

// scoreLatest is pass 2: every dossier file decoded and scored on c.workers goroutines (package
// indicator/scorecard's AddChunks over the file's portal or csvio chunks), keeping the latest version
// of each code (idx.Winner on the record's ordinal, bases[i] + its index in file i) with its steps.
// Records pass 1 found bad were counted there: here they are skipped again (under -on-error stop pass 1
// has already stopped at the first). The card is the one RunParallel gives over the same records.
func scoreLatest(s *scorecard.Scorer, set *dataset.Set, bases []int64, idx *dedupe.Index, c *config) (*scorecard.Card, error) {
	p := s.NewPartial()
	for i, name := range set.Files.Dossiers {
		base := bases[i]
		opts := scorecard.DecodeOptions{
			Workers: c.workers,
			OnError: func(error) bool { return c.onError == onErrorSkip },
			Keep: func(index int, d *model.Dossier) bool {
				if !c.allowUnknown && !known(d) {
					return false // skipped in pass 1 (input.unknown_status)
				}
				if !idx.Winner(d.Code, base+int64(index)) {
					return false
				}
				set.AttachSteps(d)
				return true
			},
		}
		if err := addFile(p, name, opts); err != nil {
			return nil, err
		}
	}
	return s.Finish(p)
}

// addFile feeds one dossier file, cut into chunks, to p.
func addFile(p *scorecard.Partial, name string, opts scorecard.DecodeOptions) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	if dataset.FormatOf(name) == dataset.CSV {
		err = scorecard.AddChunks(p, csvio.SplitDossiers(f), opts)
	} else {
		err = scorecard.AddChunks(p, portal.SplitDossiers(f), opts)
	}
	if err != nil {
		return recordError(name, err)
	}
	return nil
}

// inputsOf turns a loaded set into the scorer's inputs.
func inputsOf(set *dataset.Set) scorecard.Inputs {
	in := scorecard.Inputs{Units: set.Units, Procedures: set.Procedures, Offerings: set.Offerings,
		Petitions: set.Petitions, Ratings: set.Ratings}
	for _, c := range set.Copies {
		in.Communes = append(in.Communes, digitisation.CommuneCopy{UnitID: c.UnitID, Offers: c.Electronic})
	}
	return in
}

type unattributed struct {
	n        int64
	examples []string
}

// warnUnattributed prints the loud warning about dossiers of units not in the unit file; with strict it
// is an error.
func warnUnattributed(un map[string]*unattributed, unitsFile string, strict bool, stderr io.Writer) error {
	if len(un) == 0 {
		return nil
	}
	ids := make([]string, 0, len(un))
	var total int64
	for id, u := range un {
		ids = append(ids, id)
		total += u.n
	}
	slices.Sort(ids)
	fmt.Fprintf(stderr, "scorecard: WARNING: %d dossiers are attributed to %d units not in %s; they are not scored in any unit row:\n", total, len(ids), unitsFile)
	for i, id := range ids {
		if i == maxListed {
			fmt.Fprintf(stderr, "  … %d more units\n", len(ids)-i)
			break
		}
		shown := id
		if shown == "" {
			shown = "(no unit)"
		}
		fmt.Fprintf(stderr, "  %s: %d dossiers, e.g. %s\n", shown, un[id].n, strings.Join(un[id].examples, ", "))
	}
	if strict {
		return fmt.Errorf("-strict: %d dossiers attributed to units not in %s", total, unitsFile)
	}
	return nil
}

// presence records which optional fields the dossiers carry at all: a metric that rests on a field no
// record carries has no data (e.g. 1.4 on a CSV file without the sync columns), which is not the same as
// every record failing it.
type presence struct{ sync, store bool }

func (p *presence) note(d *model.Dossier) {
	p.sync = p.sync || d.Sync.SentAt.IsSet() || d.Sync.ErrorCode != "" || d.Sync.Updating.Known()
	p.store = p.store || d.ResultSyncedToStore.Known()
}

type missingField struct {
	id    indicator.ID
	field string
}

func (p presence) missing() []missingField {
	var out []missingField
	if !p.sync {
		out = append(out, missingField{indicator.M14, "the sync fields (sync_sent_at, sync_error_code; payload: sent)"})
	}
	if !p.store {
		out = append(out, missingField{indicator.M45, "the result's data-store link (result_synced_to_store)"})
	}
	return out
}

// noData marks metric id of every unit as no data (null, 0/0): the input carries none of the field it
// rests on. Its score was 0 and stays 0 (a null metric adds 0 to its group), so totals and ranks do not
// move; its lost-point explanation goes.
func noData(card *scorecard.Card, id indicator.ID) {
	mark := func(r *indicator.Result) {
		m := &r.Metrics[id]
		if !m.Score.IsZero() {
			return // not expected: a record carried the field
		}
		m.Num, m.Den, m.Null, m.Ratio = 0, 0, true, decimal.Decimal{}
		for g := range r.Groups {
			for i := range r.Groups[g].Metrics {
				if r.Groups[g].Metrics[i].ID == id {
					r.Groups[g].Metrics[i] = *m
				}
			}
		}
	}
	for i := range card.Units {
		u := &card.Units[i]
		mark(&u.Own)
		mark(&u.Pooled)
		u.Explanations = slices.DeleteFunc(u.Explanations, func(e scorecard.Explanation) bool { return e.Metric == id })
	}
	for i := range card.Result.Units {
		mark(&card.Result.Units[i].Own)
		mark(&card.Result.Units[i].Pooled)
	}
}

// exportSample writes the sample province (with -sample-dossiers) as input files in the convention.
func exportSample(c *config, stderr io.Writer) error {
	p, err := sample.Generate(sample.Options{Seed: DefaultSeed, Year: DefaultYear, Dossiers: c.sampleDossiers})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(c.exportSample, 0o755); err != nil {
		return err
	}
	if err := sample.Export(p, c.exportSample); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "scorecard: sample province (%d dossiers, as of %s) written to %s; score it with -data %s -asof %s\n",
		p.Len(), p.AsOf.Format("2006-01-02"), c.exportSample, c.exportSample, p.AsOf.Format("2006-01-02"))
	return nil
}
