package quality

import (
	"encoding/binary"
	"math/bits"
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/model"
)

// source is where a mutation draws its choices: a seeded generator (TestCheckEqualsOracle) or the bytes
// of a fuzz input (FuzzCheckEqualsOracle).
type source interface {
	intn(n int) int // in [0, n); n > 0
	text() string   // a short text
}

type rngSource struct{ r *rand.Rand }

func (s rngSource) intn(n int) int { return s.r.IntN(n) }
func (s rngSource) text() string {
	b := make([]byte, s.r.IntN(12))
	for i := range b {
		b[i] = byte(s.r.IntN(256))
	}
	return string(b)
}

// byteSource reads its choices from data; once data is used up every choice is 0 and every text "".
type byteSource struct{ data []byte }

func (s *byteSource) next() byte {
	if len(s.data) == 0 {
		return 0
	}
	b := s.data[0]
	s.data = s.data[1:]
	return b
}
func (s *byteSource) intn(n int) int {
	return int(binary.LittleEndian.Uint16([]byte{s.next(), s.next()})) % n
}
func (s *byteSource) text() string {
	n := min(int(s.next()%24), len(s.data))
	t := string(s.data[:n])
	s.data = s.data[n:]
	return t
}

// Texts the mutations choose from: statuses and codes in odd spellings, fillers with diacritics, case,
// separators and spaces around them, identifiers, codes.
var (
	oddStatuses = []string{"9", "09", "10", "010", " 9", "1", "3", "4", "5", "6", "7", "8", "2", "released", "done",
		"Đã trả kết quả", "abc", "0", "11", "-1"}
	oddCodes  = []string{"1", "2", "3", "02", "0", "4", "x", "Trực tuyến", " 2", "9"}
	oddFiller = []string{"Chuyên viên", "chuyen vien", "CHUYÊN VIÊN", " Chuyên  viên ", "Chuyên_viên", "-Chuyên-viên-",
		"\nChuyên viên\t", "\u00a0Chuyên viên", "_\nChuyên viên", "Chuyên viên chính", "Chuyênviên", "Dinhkem", "dinh kem",
		"ĐINHKEM", "Đinhkem", " dinhkem ", "_dinhkem", "Dính kèm", "D", "", " ", "_", "-\n", "Nguyễn Thị Hoa", "Cán bộ",
		"cán  bộ", "N/A", "n/a", "Ｃhuyên viên", "Ǆ"}
	oddIDs        = []string{"000000000", "000000001", "000000012", "12345", " 025186004321 ", "025186004321", "", "0000000000001"}
	oddDossierIDs = []string{"", "X-1-1", "H99-261301-0001", "H99-260230-0001", "-260101-0001", "H99-260101-001", "H99--0001",
		"H99-26010a-0001", "H99.101-260105-0001"}
)

// oracleOptions are the option sets the differential tests run both checkers with (s: the sample).
func oracleOptions(s *sampleSet) []Options {
	var cat []model.Procedure
	for _, p := range s.procedures {
		cat = append(cat, model.Procedure{Code: p.Code})
	}
	nat := cat[0].Code
	codeMap := map[string]string{"LOCAL-1": nat, cat[1].Code: cat[2].Code, "LOCAL-2": "9.999999", "LOCAL-3": cat[1].Code}
	// A procedure offered by more units than linearUnits, with dated offerings of several levels.
	many := slices.Clone(s.offerings)
	for u := range 12 {
		unit := "U" + strconv.Itoa(u)
		many = append(many,
			model.Offering{UnitID: unit, ProcedureCode: "LOCAL-1", Level: model.NewOnlineLevel(model.OnlineFull),
				ValidFrom: model.Some(time.Date(2026, time.Month(1+u), 1, 0, 0, 0, 0, vnz))},
			model.Offering{UnitID: unit, ProcedureCode: nat, Level: model.NewOnlineLevel(model.OnlinePartial),
				ValidTo: model.Some(time.Date(2026, 7, 1, 0, 0, 0, 0, vnz))},
			model.Offering{UnitID: unit, ProcedureCode: "LOCAL-2", Level: model.ParseOnlineLevel("2")})
	}
	tooMany := append(DefaultFillerOfficers(), "Cán bộ", "Nguyễn Thị Hoa", "x", "ĐINH KÈM", "chuyen vien") // more than listKeys
	return []Options{
		{AsOf: sampleAsOf, Catalogue: s.procedures, Offerings: s.offerings, RequireTimeline: true, FillerOfficers: tooMany},
		s.perRecordOptions(),
		{AsOf: sampleAsOf, Catalogue: s.procedures, Offerings: s.offerings},
		{AsOf: sampleAsOf, Catalogue: cat, Offerings: many, CodeMap: codeMap, AllowSubmittedFallback: true,
			Tolerance: -1, Dates: &model.DateBounds{NotBefore: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)},
			FillerOfficers: []string{"Cán bộ", "Nguyễn Thị Hoa", "x"}, PlaceholderSummaries: []string{"Đính kèm", "N/A", ""},
			Skip: []Check{ResendConflict, MissingResult}},
		{Catalogue: []model.Procedure{}, Offerings: []model.Offering{}, RequireTimeline: true, Tolerance: time.Hour,
			Dates: &model.DateBounds{MaxYearsAhead: 2}},
		{AsOf: time.Date(2026, 6, 30, 12, 0, 0, 0, vnz), Offerings: many, CodeMap: codeMap,
			Dates:          &model.DateBounds{NotBefore: time.Date(2026, 1, 5, 0, 0, 0, 0, vnz), MaxYearsAhead: 0},
			FillerOfficers: []string{}, PlaceholderSummaries: []string{"Chứng thực", "Đăng ký", "Cấp", "dinh kem", "N/A", "Chuyên viên"}},
		// A monotonic as-of (not a thing a caller should pass, but nothing forbids it): every record
		// takes the exact walk.
		{AsOf: time.Now(), Catalogue: cat, Skip: []Check{DuplicateCode}},
	}
}

// timeNear returns an instant near a bound the time checks compare with (w's, or the year-1 and
// 2000 placeholders), or absent.
func timeNear(src source, w timeWindow, asOf time.Time) model.Time {
	bounds := []time.Time{w.lo, w.hi, w.limit, asOf, time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2000, 1, 1, 0, 0, 0, 0, vnz), time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC), asOf.AddDate(2, 0, 0)}
	b := bounds[src.intn(len(bounds))]
	if b.IsZero() && src.intn(2) == 0 {
		return model.Time{}
	}
	offs := []time.Duration{0, time.Nanosecond, -time.Nanosecond, time.Second, -time.Second, time.Second - 1, -time.Hour, time.Hour, 400 * 24 * time.Hour}
	return model.Some(b.Round(0).Add(offs[src.intn(len(offs))]).In([]*time.Location{vnz, time.UTC}[src.intn(2)]))
}

// mutate changes a few fields of d (a copy: its slices are cloned before they are changed).
func mutate(d *model.Dossier, src source, w timeWindow, asOf time.Time, codes []string) {
	d.Steps = slices.Clone(d.Steps)
	d.Supplements = slices.Clone(d.Supplements)
	d.ApplicantIDs = slices.Clone(d.ApplicantIDs)
	for range 1 + src.intn(4) {
		switch src.intn(21) {
		case 0:
			ts := []*model.Time{&d.SubmittedAt, &d.ReceivedAt, &d.DueAt, &d.ProcessingEndedAt, &d.ResultReturnedAt, &d.RejectedAt, &d.ReceiveDeadline}
			*ts[src.intn(len(ts))] = timeNear(src, w, asOf)
		case 1:
			if len(d.Supplements) == 0 {
				d.Supplements = append(d.Supplements, model.Supplement{})
			}
			s := &d.Supplements[src.intn(len(d.Supplements))]
			ts := []*model.Time{&s.RequestedAt, &s.ResubmittedAt, &s.DueBefore, &s.DueAfter}
			*ts[src.intn(len(ts))] = timeNear(src, w, asOf)
		case 2:
			d.Status = model.ParseStatus(oddStatuses[src.intn(len(oddStatuses))])
		case 3:
			switch src.intn(5) {
			case 0:
				d.Channel = model.ParseChannel(oddCodes[src.intn(len(oddCodes))])
			case 1:
				d.ApplicantType = model.ParseApplicantType(oddCodes[src.intn(len(oddCodes))])
			case 2:
				d.ReturnMethod = model.ParseReturnMethod(oddCodes[src.intn(len(oddCodes))])
			case 3:
				d.OnlinePayment = model.ParseOnlinePayment(oddCodes[src.intn(len(oddCodes))])
			default:
				d.Channel = model.ParseChannel(src.text())
			}
		case 4:
			d.Summary = oddFiller[src.intn(len(oddFiller))]
		case 5:
			d.Summary = src.text()
		case 6, 7:
			st := model.Step{At: timeNear(src, w, asOf), Status: model.ParseStatus(oddStatuses[src.intn(len(oddStatuses))]),
				Officer: oddFiller[src.intn(len(oddFiller))], RealEvent: src.intn(4) != 0}
			if src.intn(3) == 0 {
				st.Officer = src.text()
			}
			if src.intn(3) == 0 && len(d.Steps) > 0 {
				st.Officer = d.Steps[len(d.Steps)-1].Officer
			}
			d.Steps = append(d.Steps, st)
		case 8:
			if len(d.Steps) > 0 {
				s := &d.Steps[src.intn(len(d.Steps))]
				switch src.intn(4) {
				case 0:
					s.Officer = oddFiller[src.intn(len(oddFiller))]
				case 1:
					s.RealEvent = !s.RealEvent
				case 2:
					s.Status = model.ParseStatus(oddStatuses[src.intn(len(oddStatuses))])
				default:
					s.At = timeNear(src, w, asOf)
				}
			} else {
				d.Steps = nil
			}
		case 9:
			d.Steps = nil
		case 10:
			d.ApplicantIDs = append(d.ApplicantIDs, model.ApplicantID{Number: oddIDs[src.intn(len(oddIDs))]})
		case 11:
			d.Code = oddDossierIDs[src.intn(len(oddDossierIDs))]
		case 12:
			d.Aliases = append(slices.Clone(d.Aliases), codes[src.intn(len(codes))])
		case 13:
			d.Code = codes[src.intn(len(codes))]
		case 14:
			d.UnitID = []string{"", "H99.01", "U3", "U11", "H99.101", "X"}[src.intn(6)]
		case 15:
			d.ProcedureCode = []string{"", "LOCAL-1", "LOCAL-2", "LOCAL-3", "9.999999", "1.004278", "2.001257"}[src.intn(7)]
		case 16:
			d.Results = nil
		case 17:
			d.DueAt = model.Time{}
		case 18:
			d.Supplements = append(d.Supplements, d.Supplements...)
		case 19: // more than ten steps, most naming one officer
			o := oddFiller[src.intn(len(oddFiller))]
			for j := range 8 + src.intn(8) {
				st := model.Step{At: d.ReceivedAt, Status: model.NewStatus(model.StatusProcessing), Officer: o, RealEvent: true}
				if j%5 == 4 {
					st.Officer = oddFiller[src.intn(len(oddFiller))]
				}
				d.Steps = append(d.Steps, st)
			}
		default:
			d.Channel = model.NewChannel(model.ChannelOnline)
		}
	}
}

// runOracle checks recs with a Checker and the oracle (the checks before this round) under opt and
// fails t at the first record whose findings differ in anything (check, severity, record, code, field,
// message, order).
func runOracle(t *testing.T, opt Options, recs []model.Dossier) {
	t.Helper()
	c, o := NewChecker(opt), newOracleChecker(opt)
	for i := range recs {
		var p Prepared
		if i%3 == 1 {
			p = Prepare(&recs[i])
		}
		got, want := c.CheckPrepared(&recs[i], p), o.check(&recs[i], p)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("record %d (%+v):\n got %v\nwant %v", i, recs[i], got, want)
		}
	}
}

// TestCheckEqualsOracle: over the sample and mutated copies of it (placeholder dates and times at the
// bounds to the nanosecond, unknown and oddly spelled codes and statuses, fillers with diacritics, case,
// separators, steps added, changed or dropped, re-sent codes), under option sets that cover a code map,
// fallbacks, custom bounds and fillers, empty catalogue and offerings, a procedure offered at many units
// and a monotonic as-of, Check finds exactly what the checks before this round found.
func TestCheckEqualsOracle(t *testing.T) {
	s := loadSample(t)
	codes := make([]string, 0, 50)
	for i := 0; i < len(s.dossiers); i += 40 {
		codes = append(codes, s.dossiers[i].Code)
	}
	for k, opt := range oracleOptions(s) {
		t.Run(strconv.Itoa(k), func(t *testing.T) {
			runOracle(t, opt, s.dossiers)
			w := NewChecker(opt).win
			rng := rand.New(rand.NewPCG(uint64(k), 17))
			recs := make([]model.Dossier, 0, 3*len(s.dossiers))
			for range 3 {
				for i := range s.dossiers {
					d := s.dossiers[i]
					mutate(&d, rngSource{rng}, w, opt.AsOf, codes)
					recs = append(recs, d)
				}
			}
			runOracle(t, opt, recs)
		})
	}
}

// FuzzCheckEqualsOracle: the fuzzer's bytes choose an option set, a few sample records and their
// mutations; Check finds exactly what the checks before this round found.
func FuzzCheckEqualsOracle(f *testing.F) {
	s := loadSample(f)
	opts := oracleOptions(s)
	codes := []string{s.dossiers[0].Code, s.dossiers[1].Code, "", "X-1-1"}
	f.Add([]byte{0, 1, 2, 3})
	f.Add([]byte{1, 0, 0, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
	f.Add([]byte("\x02\x05\x00\x07\x00\x03\x00\x04\x00Chuyên viên\x06\x00\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		src := &byteSource{data}
		opt := opts[src.intn(len(opts))]
		w := NewChecker(opt).win
		var recs []model.Dossier
		for range 1 + src.intn(4) {
			d := s.dossiers[src.intn(len(s.dossiers))]
			mutate(&d, src, w, opt.AsOf, codes)
			recs = append(recs, d)
		}
		runOracle(t, opt, recs)
	})
}

// TestCheckCleanAllocs: a record in which the per-record checks find nothing costs no allocation, with
// the scorecard command's options; one with n findings at most one per finding and the slice's (one per
// doubling).
func TestCheckCleanAllocs(t *testing.T) {
	s := loadSample(t)
	c := NewChecker(s.perRecordOptions())
	var clean, found []model.Dossier
	for i := range s.dossiers {
		if len(c.Check(&s.dossiers[i])) == 0 {
			clean = append(clean, s.dossiers[i])
		} else {
			found = append(found, s.dossiers[i])
		}
	}
	if len(clean) < 100 || len(found) < 100 {
		t.Fatalf("%d clean records, %d with findings", len(clean), len(found))
	}
	i := 0
	if a := testing.AllocsPerRun(len(clean), func() {
		c.Check(&clean[i%len(clean)])
		i++
	}); a != 0 {
		t.Errorf("clean records: %.2f allocations per record, want 0", a)
	}
	for i := range found {
		d := &found[i]
		n := len(c.Check(d))
		// The slice (grown by append: capacity 1, 2, 4, …) and the message of each finding, its field
		// path cut from the same allocation.
		limit := bits.Len(uint(n-1)) + 1 + n
		if a := testing.AllocsPerRun(1, func() { c.Check(d) }); a > float64(limit) {
			t.Errorf("record %s: %.0f allocations for %d findings, want at most %d", d.Code, a, n, limit)
		}
	}
}
