package sample

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"sync"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/calendar"
	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/internal/testkit"
	"github.com/vn-dvc/chiso766/model"
)

// testCal is the calendar shared by the tests (building it is the expensive part of Generate).
func testCal(tb testing.TB) *calendar.Calendar { return testkit.Calendar(tb, 2024, 2028) }

func province(t testing.TB, seed uint64, n int) *Province {
	t.Helper()
	p, err := Generate(Options{Seed: seed, Year: 2026, Dossiers: n, Calendar: testCal(t)})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// full is the default 50 000-dossier province of seed 1, shared by the read-only tests.
var full struct {
	once sync.Once
	p    *Province
	err  error
}

func fullProvince(t *testing.T) *Province {
	t.Helper()
	cal := testCal(t)
	full.once.Do(func() { full.p, full.err = Generate(Options{Seed: 1, Year: 2026, Calendar: cal}) })
	if full.err != nil {
		t.Fatal(full.err)
	}
	return full.p
}

func hashJSON(t testing.TB, h hash.Hash, v any) {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	h.Write(b)
	h.Write([]byte{'\n'})
}

// streamHash hashes the JSON encoding of every dossier of the stream (all fields, instants with their offset).
func streamHash(t testing.TB, p *Province) string {
	h := sha256.New()
	for d := range p.Dossiers() {
		hashJSON(t, h, d)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

func structureHash(t testing.TB, p *Province) string {
	h := sha256.New()
	for _, v := range []any{p.Units, p.Procedures, p.Offerings, p.Petitions, p.Ratings, p.CertifiedCopies, p.AsOf.String()} {
		hashJSON(t, h, v)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// TestDeterminism: the same options give the same province and the same stream — across Generate calls (even
// with separately built default calendars), across repeated iterations, and concurrently; another seed gives
// another stream.
func TestDeterminism(t *testing.T) {
	const n = 600
	a := province(t, 7, n)
	b, err := Generate(Options{Seed: 7, Year: 2026, Dossiers: n}) // its own default calendar
	if err != nil {
		t.Fatal(err)
	}
	ha := streamHash(t, a)
	if hb := streamHash(t, b); hb != ha {
		t.Errorf("two Generate runs: stream hashes differ: %s vs %s", ha, hb)
	}
	if h2 := streamHash(t, a); h2 != ha {
		t.Errorf("second iteration of the same province differs: %s vs %s", ha, h2)
	}
	if sa, sb := structureHash(t, a), structureHash(t, b); sa != sb {
		t.Errorf("structures differ: %s vs %s", sa, sb)
	}
	var wg sync.WaitGroup
	hs := make([]string, 2)
	for i := range hs {
		wg.Go(func() { hs[i] = streamHash(t, a) })
	}
	wg.Wait()
	for i, h := range hs {
		if h != ha {
			t.Errorf("concurrent iteration %d differs", i)
		}
	}
	if hc := streamHash(t, province(t, 8, n)); hc == ha {
		t.Error("seeds 7 and 8 give the same stream")
	}
	// The structure does not depend on the number of dossiers (separate random streams).
	if pa, pb := province(t, 7, 100), a; fmt.Sprint(pa.Procedures[3].Publication) != fmt.Sprint(pb.Procedures[3].Publication) {
		t.Error("procedures depend on Options.Dossiers")
	}
}

// TestDossierSlice: DossierSlice is the stream's prefix; early break stops the iteration.
func TestDossierSlice(t *testing.T) {
	p := province(t, 3, 500)
	tests := []struct {
		n, want int
	}{{-1, 0}, {0, 0}, {1, 1}, {37, 37}, {500, 500}, {501, 500}}
	for _, tt := range tests {
		if got := len(p.DossierSlice(tt.n)); got != tt.want {
			t.Errorf("DossierSlice(%d): %d dossiers, want %d", tt.n, got, tt.want)
		}
	}
	all := p.DossierSlice(500)
	for i, d := range p.DossierSlice(37) {
		if d.Code != all[i].Code || !d.ReceivedAt.Equal(all[i].ReceivedAt) {
			t.Fatalf("DossierSlice(37)[%d] = %s, not the stream's prefix (%s)", i, d.Code, all[i].Code)
		}
	}
	n := 0
	for range p.Dossiers() {
		n++
		if n == 10 {
			break
		}
	}
	if n != 10 || p.Len() != 500 {
		t.Errorf("break after %d, Len %d", n, p.Len())
	}
	// Each dossier owns its slices.
	all[0].Files = append(all[0].Files[:0], model.File{ID: "changed"})
	if again := p.DossierSlice(1); len(again[0].Files) > 0 && again[0].Files[0].ID == "changed" {
		t.Error("dossiers share slices across iterations")
	}
}

// TestOptionsErrors: bad options return *OptionsError naming the field, matching ErrOptions.
func TestOptionsErrors(t *testing.T) {
	short := testkit.Calendar(t, 2026, 2026)
	tests := []struct {
		name  string
		opts  Options
		field string
	}{
		{"year zero", Options{}, "Options.Year"},
		{"year too early", Options{Year: calendar.MinYear}, "Options.Year"},
		{"negative dossiers", Options{Year: 2026, Dossiers: -1}, "Options.Dossiers"},
		{"too many dossiers", Options{Year: 2026, Dossiers: MaxDossiers + 1}, "Options.Dossiers"},
		{"short calendar", Options{Year: 2026, Calendar: short}, "Options.Calendar"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Generate(tt.opts)
			if p != nil || err == nil {
				t.Fatalf("Generate(%+v) = %v, %v; want an error", tt.opts, p, err)
			}
			var oe *OptionsError
			if !errors.Is(err, ErrOptions) || !errors.As(err, &oe) || oe.Field != tt.field {
				t.Fatalf("error %v: want *OptionsError for %s matching ErrOptions", err, tt.field)
			}
			if tt.field == "Options.Calendar" && !errors.Is(err, calendar.ErrOutOfRange) {
				t.Errorf("short calendar error %v does not wrap calendar.ErrOutOfRange", err)
			}
		})
	}
}

// TestStructure: the hierarchy, procedures, offerings and certified-copy services look like a real province.
func TestStructure(t *testing.T) {
	p := fullProvince(t)
	h, err := model.NewHierarchy(p.Units)
	if err != nil {
		t.Fatalf("hierarchy: %v", err)
	}
	if roots := h.Roots(); len(roots) != 1 || roots[0] != RootID {
		t.Errorf("roots %v, want [%s]", roots, RootID)
	}
	kinds := map[model.UnitKindCode]int{}
	for _, u := range p.Units {
		kinds[u.Kind.Code()]++
	}
	if kinds[model.UnitProvince] != 1 || kinds[model.UnitDepartment] < 4 || kinds[model.UnitCommune] < 4 {
		t.Errorf("unit kinds %v", kinds)
	}
	if n := len(p.Procedures); n < 50 || n > 80 {
		t.Errorf("%d procedures, want about 60", n)
	}
	var noDue, hours, days, workDays, zeroFee, noFee, feeBearing, noPaper, citizen, lateDecision, latePublish, incomplete int
	codes := map[string]bool{}
	for _, pr := range p.Procedures {
		if codes[pr.Code] {
			t.Errorf("duplicate procedure code %s", pr.Code)
		}
		codes[pr.Code] = true
		du, ok := pr.Duration(model.ChannelDirect)
		switch {
		case !ok:
			t.Errorf("%s has no duration", pr.Code)
		case du.NoDueDate:
			noDue++
		case du.Unit.Is(model.DurationHours):
			hours++
		case du.Unit.Is(model.DurationDays):
			days++
		case du.Unit.Is(model.DurationWorkingDays):
			workDays++
		}
		switch {
		case len(pr.Fees) == 0:
			noFee++
		case pr.FeeBearing():
			feeBearing++
		default:
			zeroFee++
		}
		if !pr.PaperResult {
			noPaper++
		}
		if pr.CitizenFacing() {
			citizen++
		}
		if len(pr.Publication) == 0 {
			t.Errorf("%s has no publication data", pr.Code)
		}
		for _, pb := range pr.Publication {
			dec := calendar.DateOf(pb.DecisionDate.T, nil)
			if dec.Year() != 2026 {
				t.Errorf("%s decision %s not in 2026", pr.Code, dec)
			}
			eff := calendar.DateOf(pb.LegalEffectiveDate.T, nil)
			if lim, _ := p.Calendar.AddWorkingDays(eff, -5); dec.After(lim) {
				lateDecision++
			}
			if !pb.PublishedAt.IsSet() {
				latePublish++
			} else if lim, _ := p.Calendar.AddWorkingDays(dec, 5); calendar.DateOf(pb.PublishedAt.T, nil).After(lim) {
				latePublish++
			}
			if !pb.Complete() {
				incomplete++
			}
		}
	}
	for name, c := range map[string]int{"no due date": noDue, "hours": hours, "calendar days": days, "working days": workDays,
		"zero fee": zeroFee, "no fee": noFee, "fee-bearing": feeBearing, "no paper result": noPaper, "citizen-facing": citizen,
		"1.1 late": lateDecision, "1.2 late": latePublish, "1.3 incomplete": incomplete} {
		if c == 0 {
			t.Errorf("no procedure with %s", name)
		}
	}
	levels, states := map[model.OnlineLevelCode]int{}, map[model.PublishedStateCode]int{}
	for _, o := range p.Offerings {
		levels[o.Level.Code()]++
		states[o.State.Code()]++
		if !codes[o.ProcedureCode] {
			t.Errorf("offering of unknown procedure %s", o.ProcedureCode)
		}
		if _, ok := h.Unit(o.UnitID); !ok {
			t.Errorf("offering of unknown unit %s", o.UnitID)
		}
	}
	for _, l := range []model.OnlineLevelCode{model.OnlineNone, model.OnlineInfoOnly, model.OnlinePartial, model.OnlineFull} {
		if levels[l] == 0 {
			t.Errorf("no offering at level %v (%v)", l, levels)
		}
	}
	if states[model.StatePublished] == 0 || states[model.StateTesting]+states[model.StatePendingUnpublish] == 0 {
		t.Errorf("offering states %v", states)
	}
	if len(p.CertifiedCopies) != kinds[model.UnitCommune] {
		t.Errorf("%d certified-copy entries for %d communes", len(p.CertifiedCopies), kinds[model.UnitCommune])
	}
}

type tally struct{ n, k int }

func (c *tally) add(b bool) {
	c.n++
	if b {
		c.k++
	}
}
func (c tally) share() float64 { return float64(c.k) / float64(max(c.n, 1)) }

// TestPlausibility checks the mix of the default 50 000-dossier stream against the ranges the brief asks for,
// that every dossier refers to an existing unit, procedure and offering, with a unique code, and — in the same
// pass — that the stream goes through the 2.1 calculator cleanly (checkTimeliness).
func TestPlausibility(t *testing.T) {
	p := fullProvince(t)
	cal := p.Calendar
	units := map[string]bool{}
	for _, u := range p.Units {
		units[u.ID] = true
	}
	procs := map[string]model.Procedure{}
	for _, pr := range p.Procedures {
		procs[pr.Code] = pr
	}
	offers := map[[2]string]model.Offering{}
	for _, o := range p.Offerings {
		offers[[2]string{o.UnitID, o.ProcedureCode}] = o
	}
	tetFrom, tetTo := calendar.NewDate(2026, 2, 16), calendar.NewDate(2026, 2, 20)
	// Prefix counts of announced swap days (compensatory, swapped weekday off, make-up Saturday) from base.
	base := calendar.NewDate(2025, 12, 1)
	swaps := make([]int, 800)
	for i := 1; i < len(swaps); i++ {
		swaps[i] = swaps[i-1]
		switch cal.Day(base.AddDays(i - 1)).Kind {
		case calendar.Compensatory, calendar.SwapOff, calendar.MakeUpWork:
			swaps[i]++
		}
	}
	spansSwap := func(from, to calendar.Date) bool { return swaps[to.Sub(base)+1] > swaps[from.Sub(base)] }
	var lateSwap tally
	codes := make(map[string]struct{}, DefaultDossiers)
	var online, sup1, sup2, late, lateTet, lateOther, feePaid, elec, steps, lateReception tally
	var code0, code3, vneid, popDB, store, digitised, synced, open, waiting, makeUpSat, dueChecked int
	status := map[model.StatusCode]int{}
	tc := timelinessCalc(t, p)
	acc := tc.NewAccumulator()
	n := 0
	for d := range p.Dossiers() {
		n++
		acc.Add(&indicator.Case{Dossier: &d}, nil)
		if _, dup := codes[d.Code]; dup {
			t.Fatalf("duplicate dossier code %s", d.Code)
		}
		codes[d.Code] = struct{}{}
		if !units[d.UnitID] || len(d.Code) <= len(d.UnitID) || d.Code[:len(d.UnitID)+1] != d.UnitID+"-" {
			t.Fatalf("%s: unit %q unknown or not the code's prefix", d.Code, d.UnitID)
		}
		pr, ok := procs[d.ProcedureCode]
		if !ok {
			t.Fatalf("%s: unknown procedure %s", d.Code, d.ProcedureCode)
		}
		off, ok := offers[[2]string{d.UnitID, d.ProcedureCode}]
		if !ok {
			t.Fatalf("%s: unit %s does not offer %s", d.Code, d.UnitID, d.ProcedureCode)
		}
		isOnline := d.Channel.Is(model.ChannelOnline)
		online.add(isOnline)
		if isOnline && !off.Level.Online() {
			t.Fatalf("%s: online dossier for an offering at level %v", d.Code, off.Level.Code())
		}
		status[d.Status.Code()]++
		rec := d.Received()
		if !rec.IsSet() || calendar.DateOf(rec.T, nil).Year() != 2026 {
			t.Fatalf("%s: received %v outside 2026", d.Code, rec)
		}
		for name, tm := range map[string]model.Time{"submitted": d.SubmittedAt, "received": d.ReceivedAt, "ended": d.ProcessingEndedAt,
			"returned": d.ResultReturnedAt, "rejected": d.RejectedAt} {
			if tm.IsSet() && !tm.T.Before(p.AsOf) {
				t.Fatalf("%s: %s %v after AsOf", d.Code, name, tm)
			}
		}
		if !d.ReceivedAt.IsSet() {
			continue // refused at reception
		}
		rd := calendar.DateOf(d.ReceivedAt.T, nil)
		if !cal.IsWorkingDay(rd) {
			t.Fatalf("%s: received on a day off %s", d.Code, rd)
		}
		if rd == calendar.NewDate(2026, 8, 22) {
			makeUpSat++
		}
		if d.ReceiveDeadline.IsSet() {
			lateReception.add(d.ReceivedAt.After(d.ReceiveDeadline))
		}
		if d.ProcessingEndedAt.IsSet() && !d.ProcessingEndedAt.After(d.ReceivedAt) {
			t.Fatalf("%s: ends %v before reception %v", d.Code, d.ProcessingEndedAt, d.ReceivedAt)
		}
		sup1.add(len(d.Supplements) == 1)
		sup2.add(len(d.Supplements) == 2)
		// Due dates come from the calendar's deadline engine.
		du, _ := pr.Duration(model.ChannelDirect)
		if du.NoDueDate != !d.DueAt.IsSet() {
			t.Fatalf("%s: NoDueDate %v but DueAt %v", d.Code, du.NoDueDate, d.DueAt)
		}
		if d.DueAt.IsSet() && len(d.Supplements) == 0 {
			unit := map[model.DurationUnitCode]calendar.Unit{model.DurationWorkingDays: calendar.WorkingDays,
				model.DurationHours: calendar.WorkingHours, model.DurationDays: calendar.CalendarDays}[du.Unit.Code()]
			dl, err := cal.Due(d.ReceivedAt.T, calendar.Duration{Amount: int(du.Amount.IntPart()), Unit: unit}, calendar.DefaultDeadlinePolicy())
			// The appointment is written with a time of day: 17:00 of the due day (the exact instant for hours).
			want := dl.DueAt
			if unit != calendar.WorkingHours {
				want = dl.Due.In(model.Vietnam()).Add(17 * time.Hour)
			}
			if err != nil || !want.Equal(d.DueAt.T) {
				t.Fatalf("%s: DueAt %v, deadline engine says %v (%v)", d.Code, d.DueAt, want, err)
			}
			if h, m, s := d.DueAt.T.In(model.Vietnam()).Clock(); h == 0 && m == 0 && s == 0 {
				t.Fatalf("%s: appointment %v written as 00:00", d.Code, d.DueAt)
			}
			dueChecked++
		}
		if d.ProcessingEndedAt.IsSet() && d.DueAt.IsSet() && (d.Status.Is(model.StatusFinished) || d.Status.Is(model.StatusReturned)) {
			isLate := d.ProcessingEndedAt.After(d.DueAt)
			late.add(isLate)
			due := calendar.DateOf(d.DueAt.T, nil)
			switch {
			case !rd.After(tetTo) && !due.Before(tetFrom):
				lateTet.add(isLate)
			case spansSwap(rd, due):
				lateSwap.add(isLate)
			default:
				lateOther.add(isLate)
			}
		}
		if !d.ProcessingEndedAt.IsSet() {
			open++
		}
		if d.Status.Is(model.StatusSupplement) {
			waiting++
		}
		if d.FeeBearing() {
			feePaid.add(d.OnlinePayment.PaidOnline())
		}
		switch {
		case d.OnlinePayment.Is(model.PaymentCode0):
			code0++
		case d.OnlinePayment.Is(model.PaymentCode3):
			code3++
		}
		if d.Status.Is(model.StatusFinished) || d.Status.Is(model.StatusReturned) {
			elec.add(d.HasElectronicResult())
		}
		steps.add(len(d.Steps) > 0)
		if d.VNeIDAuthenticated.True() {
			vneid++
		}
		if d.HasDatabase(PopulationDatabaseCode) {
			popDB++
		}
		if d.UsesPortalStore() {
			store++
		}
		if d.ReusesDigitisedData() {
			digitised++
		}
		if d.Sync.SentAt.IsSet() {
			synced++
		}
	}
	if n != DefaultDossiers {
		t.Fatalf("%d dossiers, want %d", n, DefaultDossiers)
	}
	checkTimeliness(t, p, acc.Result())
	ranges := []struct {
		name     string
		got      float64
		min, max float64
	}{
		{"online share", online.share(), 0.60, 0.80},
		{"one supplement", sup1.share(), 0.05, 0.10},
		{"two supplements", sup2.share(), 0.005, 0.02},
		{"late share of resolved dossiers", late.share(), 0.02, 0.08},
		{"fee-bearing dossiers paid online", feePaid.share(), 0.30, 0.70},
		{"electronic results of resolved dossiers", elec.share(), 0.70, 0.90},
		{"dossiers with timeline steps", steps.share(), 0.15, 0.25},
		{"online receptions later than 8 working hours", lateReception.share(), 0.02, 0.30},
		{"synced share", float64(synced) / float64(n), 0.95, 0.99},
	}
	for _, r := range ranges {
		t.Logf("%-46s %.4f  (want %.3f–%.3f)", r.name, r.got, r.min, r.max)
		if r.got < r.min || r.got > r.max {
			t.Errorf("%s = %.4f, want within [%.3f, %.3f]", r.name, r.got, r.min, r.max)
		}
	}
	t.Logf("late share: %.3f of %d dossiers spanning Tết, %.3f of %d spanning a swap, %.3f of %d others",
		lateTet.share(), lateTet.n, lateSwap.share(), lateSwap.n, lateOther.share(), lateOther.n)
	if lateTet.share() < 3*lateOther.share() || lateSwap.share() < 2*lateOther.share() {
		t.Errorf("late dossiers not concentrated around Tết (%.3f) and swaps (%.3f) vs %.3f elsewhere", lateTet.share(), lateSwap.share(), lateOther.share())
	}
	for name, c := range map[string]int{"payment code 0": code0, "payment code 3": code3, "VNeID": vneid, "population database": popDB,
		"portal store": store, "reused digitised data": digitised, "open dossiers": open, "waiting for a supplement": waiting,
		"received on make-up Saturday 2026-08-22": makeUpSat, "due dates checked": dueChecked,
		"not accepted": status[model.StatusNotAccepted], "withdrawn": status[model.StatusWithdrawn], "stopped": status[model.StatusStopped],
		"finished, not returned": status[model.StatusFinished]} {
		if c == 0 {
			t.Errorf("no dossier with %s", name)
		}
	}
	// Ratings refer to dossiers of the stream and include dislikes.
	dislikes := 0
	for _, r := range p.Ratings {
		if _, ok := codes[r.DossierCode]; !ok {
			t.Errorf("rating of unknown dossier %s", r.DossierCode)
		}
		if r.Dislike {
			dislikes++
		}
		if !r.At.T.Before(p.AsOf) {
			t.Errorf("rating after AsOf: %v", r.At)
		}
	}
	if len(p.Ratings) < 1000 || dislikes == 0 || dislikes*5 > len(p.Ratings) {
		t.Errorf("%d ratings with %d dislikes", len(p.Ratings), dislikes)
	}
	for _, pt := range p.Petitions {
		if _, ok := codes[pt.DossierCode]; pt.DossierCode != "" && !ok {
			t.Errorf("petition %s about unknown dossier %s", pt.ID, pt.DossierCode)
		}
	}
}

// TestPetitions: about 200 petitions with every category, forwarded and open ones, dissatisfied ones.
func TestPetitions(t *testing.T) {
	p := fullProvince(t)
	if len(p.Petitions) != Petitions {
		t.Fatalf("%d petitions", len(p.Petitions))
	}
	units := map[string]bool{}
	for _, u := range p.Units {
		units[u.ID] = true
	}
	cats := map[model.PetitionCategoryCode]int{}
	var forwarded, open, unhappy, linked, rejected, lateStart int
	var prev time.Time
	for _, pt := range p.Petitions {
		if !units[pt.UnitID] {
			t.Errorf("%s: unknown unit %s", pt.ID, pt.UnitID)
		}
		if pt.ReceivedAt.T.Before(prev) {
			t.Errorf("%s: not sorted by reception", pt.ID)
		}
		prev = pt.ReceivedAt.T
		if y := calendar.DateOf(pt.ReceivedAt.T, nil).Year(); y != 2026 {
			t.Errorf("%s: received in %d", pt.ID, y)
		}
		cats[pt.Category.Code()]++
		if pt.ForwardedAt.IsSet() {
			forwarded++
		}
		if pt.DossierCode != "" {
			linked++
		}
		if pt.Dislikes > pt.Likes {
			unhappy++
		}
		last := pt.Events[len(pt.Events)-1].Kind.Code()
		switch last {
		case model.PetitionEventPublished:
		case model.PetitionEventRejected:
			rejected++
		default:
			open++
		}
		for i, e := range pt.Events {
			if !e.At.T.Before(p.AsOf) || (i > 0 && e.At.T.Before(pt.Events[i-1].At.T)) {
				t.Errorf("%s: event %d at %v out of order or after AsOf", pt.ID, i, e.At)
			}
			if e.Kind.Is(model.PetitionEventAwaitingPublication) {
				if n, _ := p.Calendar.WorkingDaysBetween(calendar.DateOf(pt.DeadlineStart().T, nil), calendar.DateOf(e.At.T, nil)); n > 15 {
					lateStart++
				}
			}
		}
	}
	for _, c := range []model.PetitionCategoryCode{model.PetitionProcedure, model.PetitionStaff, model.PetitionUnclassified} {
		if cats[c] == 0 {
			t.Errorf("no petition in category %v (%v)", c, cats)
		}
	}
	for name, c := range map[string]int{"forwarded": forwarded, "open": open, "more dislikes than likes": unhappy,
		"about a dossier": linked, "rejected": rejected, "started after 15 working days": lateStart} {
		if c == 0 {
			t.Errorf("no petition %s", name)
		}
	}
}

// FuzzGenerate: for any seed, size and year, the stream keeps its invariants — unique codes, known units and
// procedures, reception in the year, end after reception, nothing after AsOf.
func FuzzGenerate(f *testing.F) {
	f.Add(uint64(0), uint16(1), uint8(0))
	f.Add(uint64(1), uint16(300), uint8(1))
	f.Add(uint64(1<<63), uint16(65535), uint8(2))
	cal := testCal(f)
	f.Fuzz(func(t *testing.T, seed uint64, n uint16, y uint8) {
		year := 2025 + int(y%3)
		p, err := Generate(Options{Seed: seed, Year: year, Dossiers: 1 + int(n)%800, Calendar: cal})
		if err != nil {
			t.Fatal(err)
		}
		units, procs := map[string]bool{}, map[string]bool{}
		for _, u := range p.Units {
			units[u.ID] = true
		}
		for _, pr := range p.Procedures {
			procs[pr.Code] = true
		}
		codes := map[string]bool{}
		count := 0
		for d := range p.Dossiers() {
			count++
			if codes[d.Code] || !units[d.UnitID] || !procs[d.ProcedureCode] {
				t.Fatalf("%s: duplicate code or unknown unit/procedure", d.Code)
			}
			codes[d.Code] = true
			rec := d.Received()
			if !rec.IsSet() || calendar.DateOf(rec.T, nil).Year() != year || !rec.T.Before(p.AsOf) {
				t.Fatalf("%s: received %v", d.Code, rec)
			}
			if d.ProcessingEndedAt.IsSet() && (!d.ProcessingEndedAt.T.Before(p.AsOf) || (d.ReceivedAt.IsSet() && !d.ProcessingEndedAt.After(d.ReceivedAt))) {
				t.Fatalf("%s: end %v (received %v, as of %v)", d.Code, d.ProcessingEndedAt, d.ReceivedAt, p.AsOf)
			}
		}
		if count != p.Len() {
			t.Fatalf("stream has %d dossiers, Len %d", count, p.Len())
		}
	})
}
