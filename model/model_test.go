package model

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func vt(y int, m time.Month, d, h int) Time { return Some(time.Date(y, m, d, h, 0, 0, 0, Vietnam())) }

func TestTime(t *testing.T) {
	var absent Time
	zero := Some(time.Time{})
	if absent.IsSet() || !zero.IsSet() || absent.Equal(zero) || !absent.Equal(None()) {
		t.Error("absent must differ from a present zero time")
	}
	a, b := vt(2026, 8, 3, 9), vt(2026, 8, 3, 10)
	utc := Some(a.T.UTC())
	if !a.Before(b) || a.After(b) || !b.After(a) || a.Before(absent) || absent.After(a) || !a.Equal(utc) || a.Equal(b) {
		t.Error("comparisons")
	}
	if got, ok := a.Get(); !ok || !got.Equal(a.T) {
		t.Error("Get")
	}
	if utc.Local().T.Location() != Vietnam() || absent.Local().IsSet() {
		t.Error("Local")
	}
	if a.String() != "2026-08-03T09:00:00+07:00" || absent.String() != "" {
		t.Errorf("String %q", a.String())
	}
	if a, b := Vietnam(), Vietnam(); a != b {
		t.Error("Vietnam must be shared")
	}
	if _, off := time.Date(2026, 1, 1, 0, 0, 0, 0, Vietnam()).Zone(); off != 7*3600 {
		t.Error("offset")
	}
}

func TestFlag(t *testing.T) {
	tests := []struct {
		in   string
		want Flag
		ok   bool
	}{
		{"", FlagAbsent, true}, {" ", FlagAbsent, true}, {"1", FlagTrue, true}, {"0", FlagFalse, true},
		{"TRUE", FlagTrue, true}, {"false", FlagFalse, true}, {"2", FlagAbsent, false}, {"yes", FlagAbsent, false},
	}
	for _, tt := range tests {
		f, ok := ParseFlag(tt.in)
		if f != tt.want || ok != tt.ok {
			t.Errorf("ParseFlag(%q) = %v %v", tt.in, f, ok)
		}
	}
	if !FlagTrue.True() || FlagFalse.True() || FlagAbsent.Known() || !FlagFalse.Known() {
		t.Error("predicates")
	}
	if FlagTrue.String() != "1" || FlagFalse.String() != "0" || FlagAbsent.String() != "" || FlagOf(true) != FlagTrue || FlagOf(false) != FlagFalse {
		t.Error("strings")
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Ngày làm việc":     "ngay lam viec",
		"NGÀY_LÀM_VIỆC":     "ngay lam viec",
		"  Đã  xử-lý xong ": "da xu ly xong",
		"Ωmega":             "ωmega",
		"":                  "",
	} {
		if got := FoldText(in); got != want {
			t.Errorf("FoldText(%q) = %q", in, got)
		}
	}
	for in, want := range map[string]int{"9": 9, " 09 ": 9, "-1": -1, "+3": 3} {
		if n, ok := parseSmallInt(in); !ok || n != want {
			t.Errorf("parseSmallInt(%q) = %d %v", in, n, ok)
		}
	}
	for _, in := range []string{"", "-", "12345", "1a", "x"} {
		if _, ok := parseSmallInt(in); ok {
			t.Errorf("parseSmallInt(%q) ok", in)
		}
	}
}

func TestCodeHelpers(t *testing.T) {
	for _, k := range []StatusCode{StatusNotAccepted, StatusWithdrawn, StatusStopped, StatusFinished, StatusReturned} {
		if !k.Terminal() || k.Pause() {
			t.Errorf("%v terminal", k)
		}
	}
	for _, k := range []StatusCode{StatusUnknown, StatusRegistered, StatusReceived, StatusProcessing, StatusSupplement, StatusFinancial} {
		if k.Terminal() {
			t.Errorf("%v not terminal", k)
		}
	}
	if !StatusSupplement.Pause() || !StatusFinancial.Pause() {
		t.Error("pause")
	}
	for raw, paid := range map[string]bool{"1": true, "2": true, "0": false, "3": false, "": false, "x": false} {
		p := ParseOnlinePayment(raw)
		if p.PaidOnline() != paid {
			t.Errorf("PaidOnline(%q)", raw)
		}
		if raw == "0" || raw == "3" {
			if p.Known() || p.Code() == PaymentUnknown {
				t.Errorf("%q must keep a canonical code and be unknown", raw)
			}
		}
	}
	for raw, online := range map[string]bool{"4": true, "toàn trình": true, "3": true, "2": false, "1": false, "0": false, "": false} {
		if ParseOnlineLevel(raw).Online() != online {
			t.Errorf("Online(%q)", raw)
		}
	}
	for raw, active := range map[string]bool{"Đang công khai": true, "chờ dừng công khai": true, "đang kiểm thử": true, "Dừng công khai": false, "": false} {
		if ParsePublishedState(raw).Active() != active {
			t.Errorf("Active(%q)", raw)
		}
	}
	if !ParseStatus("09").Is(StatusFinished) || ParseStatus("09") == ParseStatus("9") {
		t.Error("canonical vs raw")
	}
	if NewDurationUnit(DurationWorkingDays).String() != "Ngày làm việc" || NewStatus(StatusFinished).String() != "9" {
		t.Error("canonical raw text")
	}
}

func TestDossierMethods(t *testing.T) {
	d := Dossier{Code: "A-260101-0001", Aliases: []string{"B"}, SubmittedAt: vt(2026, 8, 3, 8)}
	if !d.Received().Equal(d.SubmittedAt) {
		t.Error("fallback to submission")
	}
	d.ReceivedAt = vt(2026, 8, 3, 9)
	if !d.Received().Equal(d.ReceivedAt) {
		t.Error("reception first")
	}
	if !d.HasCode("A-260101-0001") || !d.HasCode("B") || d.HasCode("C") {
		t.Error("HasCode")
	}
	if d.FeeBearing() || d.HasElectronicResult() || d.HasResultFile() || d.HasSubmittedFile() || d.ReusesDigitisedData() || d.UsesPortalStore() || d.HasDatabase("7") {
		t.Error("empty dossier flags")
	}
	d.Fees = []Fee{{Amount: 0}, {Amount: 5000}}
	d.Results = []ResultDoc{{URL: "u"}, {Code: "c"}}
	if !d.FeeBearing() || d.HasElectronicResult() || !d.HasResultFile() {
		t.Error("fees/results")
	}
	d.Results = append(d.Results, ResultDoc{Code: "c", URL: "u"})
	if !d.HasElectronicResult() {
		t.Error("electronic result")
	}
	d.Files = []File{{Deleted: FlagTrue, Digitised: FlagTrue, FromStore: FlagTrue}}
	if d.HasSubmittedFile() || d.ReusesDigitisedData() || d.UsesPortalStore() {
		t.Error("deleted files do not count")
	}
	d.Files = append(d.Files, File{Digitised: FlagTrue, FromStore: FlagTrue})
	if !d.HasSubmittedFile() || !d.ReusesDigitisedData() || !d.UsesPortalStore() {
		t.Error("files")
	}
	e := Dossier{HasDigitisedComponents: FlagTrue, ResultSyncedToStore: FlagTrue, Databases: []string{"7"}}
	if !e.ReusesDigitisedData() || !e.UsesPortalStore() || !e.HasDatabase("7") {
		t.Error("dossier-level flags")
	}
}

func TestProcedure(t *testing.T) {
	p := Procedure{
		Code:       "2.000815",
		Applicants: []string{"Doanh nghiệp", "NGƯỜI NƯỚC NGOÀI"},
		Durations: []ProcedureDuration{
			{Channel: ParseChannel("1"), Amount: decimal.NewFromInt(15), Unit: ParseDurationUnit("Ngày làm việc")},
			{Channel: ParseChannel("2"), Amount: decimal.RequireFromString("0.5"), Unit: ParseDurationUnit("Ngày")},
		},
		Fees: []ProcedureFee{{Amount: 0, Known: true}, {Amount: 0}},
	}
	if !p.CitizenFacing() || p.FeeBearing() {
		t.Error("citizen / fee")
	}
	p.Fees = append(p.Fees, ProcedureFee{Amount: 100000, Known: true})
	if !p.FeeBearing() {
		t.Error("fee-bearing")
	}
	if d, ok := p.Duration(ChannelOnline); !ok || !d.Amount.Equal(decimal.RequireFromString("0.5")) || !d.Unit.Is(DurationDays) {
		t.Errorf("online duration %+v", d)
	}
	if d, ok := p.Duration(ChannelPostal); !ok || !d.Unit.Is(DurationWorkingDays) {
		t.Errorf("fallback duration %+v", d)
	}
	if _, ok := (&Procedure{}).Duration(ChannelDirect); ok {
		t.Error("no duration")
	}
	if (&Procedure{Applicants: []string{"Doanh nghiệp"}}).CitizenFacing() {
		t.Error("enterprise only")
	}
	pub := Publication{Components: [7]bool{true, true, true, true, true, true, true}}
	if !pub.Complete() {
		t.Error("complete")
	}
	pub.Components[6] = false
	if pub.Complete() {
		t.Error("incomplete")
	}
}

func TestOffering(t *testing.T) {
	o := Offering{ValidFrom: vt(2026, 1, 1, 0), ValidTo: vt(2026, 7, 1, 0)}
	for _, c := range []struct {
		at   Time
		want bool
	}{{vt(2025, 12, 31, 23), false}, {vt(2026, 1, 1, 0), true}, {vt(2026, 6, 30, 23), true}, {vt(2026, 7, 1, 0), false}, {Time{}, false}} {
		if o.ValidAt(c.at) != c.want {
			t.Errorf("ValidAt(%v)", c.at)
		}
	}
	if !(Offering{}).ValidAt(Time{}) || !(Offering{}).ValidAt(vt(2026, 1, 1, 0)) {
		t.Error("unbounded")
	}
}

func TestPetitionRating(t *testing.T) {
	p := Petition{ReceivedAt: vt(2026, 8, 1, 9)}
	if !p.DeadlineStart().Equal(p.ReceivedAt) {
		t.Error("received")
	}
	p.ForwardedAt = vt(2026, 8, 5, 9)
	if !p.DeadlineStart().Equal(p.ForwardedAt) {
		t.Error("forwarded")
	}
	for _, c := range []struct {
		r    Rating
		want bool
	}{
		{Rating{}, false}, {Rating{Dislike: true}, true}, {Rating{Level: NewRatingLevel(RatingUnsatisfied)}, true},
		{Rating{Level: ParseRatingLevel("Rất không hài lòng")}, true}, {Rating{Level: NewRatingLevel(RatingSatisfied)}, false},
	} {
		if c.r.Unsatisfied() != c.want {
			t.Errorf("Unsatisfied(%+v)", c.r)
		}
	}
}

func units() []Unit {
	return []Unit{
		{ID: "H44", Kind: ParseUnitKind("PROVINCE"), Name: "Phú Thọ"},
		{ID: "H44.07", Code: "000.00.07.H44", Kind: ParseUnitKind("PROVINCIAL_DEPARTMENT"), Parent: "H44"},
		{ID: "H44.100", Kind: ParseUnitKind("COMMUNE_PEOPLE_COMMITTEE"), Parent: "H44"},
		{ID: "H44.07.1", Parent: "H44.07", Successors: []string{"H44.07"}},
		{ID: "G01", Kind: ParseUnitKind("MINISTRY")},
	}
}

func TestHierarchy(t *testing.T) {
	h, err := NewHierarchy(units())
	if err != nil {
		t.Fatal(err)
	}
	if h.Len() != 5 || !reflect.DeepEqual(h.Roots(), []string{"H44", "G01"}) {
		t.Errorf("roots %v", h.Roots())
	}
	if !reflect.DeepEqual(h.Children("H44"), []string{"H44.07", "H44.100"}) || h.Children("H44.100") != nil || h.Children("nope") != nil {
		t.Error("children")
	}
	if !reflect.DeepEqual(h.Ancestors("H44.07.1"), []string{"H44.07", "H44"}) || h.Ancestors("H44") != nil || h.Ancestors("x") != nil {
		t.Error("ancestors")
	}
	if r, ok := h.Root("000.00.07.H44"); !ok || r != "H44" {
		t.Error("root by code")
	}
	if _, ok := h.Root("x"); ok {
		t.Error("unknown root")
	}
	if u, ok := h.Unit("000.00.07.H44"); !ok || u.ID != "H44.07" || !u.Kind.Is(UnitDepartment) {
		t.Error("unit by code")
	}
	if _, ok := h.Unit("x"); ok {
		t.Error("unknown unit")
	}
	var walked []string
	h.Walk("H44", func(u Unit) bool { walked = append(walked, u.ID); return true })
	if !reflect.DeepEqual(walked, []string{"H44", "H44.07", "H44.07.1", "H44.100"}) {
		t.Errorf("walk %v", walked)
	}
	walked = nil
	h.Walk("H44", func(u Unit) bool { walked = append(walked, u.ID); return len(walked) < 2 })
	if len(walked) != 2 {
		t.Errorf("early stop %v", walked)
	}
	h.Walk("x", func(Unit) bool { t.Error("visited unknown"); return true })
	if !h.Contains("H44", "H44.07.1") || !h.Contains("H44", "H44") || h.Contains("H44.07", "H44.100") || h.Contains("x", "H44") || h.Contains("H44", "x") {
		t.Error("contains")
	}
}

func TestHierarchyErrors(t *testing.T) {
	tests := []struct {
		name  string
		units []Unit
		index int
		field string
		want  error
	}{
		{"empty id", []Unit{{ID: "A"}, {}}, 1, "ID", ErrEmptyUnitID},
		{"duplicate", []Unit{{ID: "A"}, {ID: "A"}}, 1, "ID", ErrDuplicateUnit},
		{"unknown parent", []Unit{{ID: "A"}, {ID: "B", Parent: "Z"}}, 1, "Parent", ErrUnknownParent},
		{"cycle", []Unit{{ID: "R"}, {ID: "A", Parent: "C"}, {ID: "B", Parent: "A"}, {ID: "C", Parent: "B"}}, 1, "Parent", ErrCycle},
		{"self parent", []Unit{{ID: "A", Parent: "A"}}, 0, "Parent", ErrCycle},
		{"unknown successor", []Unit{{ID: "A", Successors: []string{"C"}}, {ID: "C", Successors: []string{"Z"}}}, 1, "Successors", ErrUnknownSuccessor},
	}
	for _, tt := range tests {
		_, err := NewHierarchy(tt.units)
		var ue *UnitError
		if !errors.As(err, &ue) || !errors.Is(err, tt.want) || ue.Index != tt.index || ue.Field != tt.field || ue.Error() == "" {
			t.Errorf("%s: got %v", tt.name, err)
		}
	}
}

func TestPeriods(t *testing.T) {
	vn := Vietnam()
	tests := []struct {
		in         string
		kind       PeriodKind
		start, end string
		days       int
	}{
		{"2026-08", PeriodMonth, "2026-08-01", "2026-08-31", 31},
		{"2026-02", PeriodMonth, "2026-02-01", "2026-02-28", 28},
		{"2026-Q3", PeriodQuarter, "2026-07-01", "2026-09-30", 92},
		{"2026-q1", PeriodQuarter, "2026-01-01", "2026-03-31", 90},
		{"2026", PeriodYear, "2026-01-01", "2026-12-31", 365},
		{"2026-01-01..2026-03-31", PeriodCustom, "2026-01-01", "2026-03-31", 90},
		{"2026-03-31..2026-03-31", PeriodCustom, "2026-03-31", "2026-03-31", 1},
	}
	for _, tt := range tests {
		p, err := ParsePeriod(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		if p.Kind != tt.kind || p.Start.Format(time.DateOnly) != tt.start || p.End.Format(time.DateOnly) != tt.end || p.Days() != tt.days {
			t.Errorf("%s: %+v", tt.in, p)
		}
		if p.String() != tt.in && !(tt.in == "2026-q1" && p.String() == "2026-Q1") {
			t.Errorf("String %q", p.String())
		}
		if p.Start.Location() != vn || !p.StartTime().Equal(p.Start) || !p.EndTime().Equal(p.End.AddDate(0, 0, 1)) {
			t.Errorf("%s bounds", tt.in)
		}
	}
	for _, bad := range []string{"", "26", "2026-13", "2026-00", "2026-Q5", "2026-Q0", "2026-8", "20x6", "2026-03-31..2026-01-01", "2026-01-01..x", "+026", "2026-+1", "2026-W1", "2026-08-01"} {
		if _, err := ParsePeriod(bad); !errors.Is(err, ErrBadPeriod) {
			t.Errorf("ParsePeriod(%q) = %v", bad, err)
		}
	}
	aug := Month(2026, time.August)
	for _, c := range []struct {
		t    time.Time
		want bool
	}{
		{time.Date(2026, 7, 31, 16, 59, 59, 0, time.UTC), false}, // 23:59:59 on 31/7 in Vietnam
		{time.Date(2026, 7, 31, 17, 0, 0, 0, time.UTC), true},    // 00:00 on 1/8 in Vietnam
		{time.Date(2026, 8, 31, 16, 59, 59, 0, time.UTC), true},
		{time.Date(2026, 8, 31, 17, 0, 0, 0, time.UTC), false},
	} {
		if aug.Contains(c.t) != c.want || aug.ContainsTime(Some(c.t)) != c.want {
			t.Errorf("Contains(%v)", c.t)
		}
	}
	if aug.ContainsTime(Time{}) {
		t.Error("absent time")
	}
	if q := Quarter(2026, 5); q.Start.Year() != 2027 || q.Start.Month() != time.January {
		t.Error("quarter normalisation")
	}
	c, err := Custom(time.Date(2026, 1, 1, 20, 0, 0, 0, time.UTC), time.Date(2026, 1, 2, 1, 0, 0, 0, time.UTC))
	if err != nil || c.Start.Day() != 2 || c.End.Day() != 2 {
		t.Errorf("custom converts to Vietnam first: %+v %v", c, err)
	}
	for k, want := range map[PeriodKind]string{PeriodCustom: "custom", PeriodMonth: "month", PeriodQuarter: "quarter", PeriodYear: "year"} {
		if k.String() != want {
			t.Error(k)
		}
	}
}
