package quality

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/model"
)

var vnz = model.Vietnam()

func at(d, h int) model.Time { return model.Some(time.Date(2026, 8, d, h, 0, 0, 0, vnz)) }

func base() model.Dossier {
	return model.Dossier{
		Code: "H44.07-260803-0001", UnitID: "H44.07", ProcedureCode: "2.000815",
		Channel: model.ParseChannel("1"), Status: model.ParseStatus("4"), ApplicantType: model.ParseApplicantType("1"),
		SubmittedAt: at(3, 8), ReceivedAt: at(3, 9), DueAt: at(10, 17),
		ApplicantIDs: []model.ApplicantID{{Kind: "1", Number: "025186004321"}},
		Summary:      "Cấp giấy chứng nhận",
	}
}

type key struct {
	check Check
	sev   Severity
	field string
}

func keys(fs []Finding) []key {
	var out []key
	for _, f := range fs {
		out = append(out, key{f.Check, f.Severity, f.Field})
	}
	return out
}

func TestChecks(t *testing.T) {
	offerings := []model.Offering{
		{UnitID: "H44.07", ProcedureCode: "2.000815", Level: model.ParseOnlineLevel("4"), State: model.ParsePublishedState("Đang công khai"),
			ValidFrom: at(1, 0)},
		{UnitID: "H44.07", ProcedureCode: "2.000815", Level: model.ParseOnlineLevel("2"), ValidTo: at(1, 0)},
		{UnitID: "H44.08", ProcedureCode: "2.000815", Level: model.ParseOnlineLevel("2")},
	}
	opt := Options{
		AsOf:      time.Date(2026, 8, 31, 23, 0, 0, 0, vnz),
		Catalogue: []model.Procedure{{Code: "2.000815"}, {Code: "1.001193"}},
		CodeMap:   map[string]string{"1.001193.000.00.00.H44": "1.001193"},
		Offerings: offerings,
	}
	tests := []struct {
		name   string
		opt    *Options
		modify func(d *model.Dossier)
		want   []key
	}{
		{"clean", nil, func(d *model.Dossier) {}, nil},
		{"online offered full", nil, func(d *model.Dossier) { d.Channel = model.ParseChannel("2") }, nil},
		{"online before offering valid", nil, func(d *model.Dossier) {
			d.Channel = model.ParseChannel("2")
			d.SubmittedAt, d.ReceivedAt = model.Some(time.Date(2026, 7, 30, 8, 0, 0, 0, vnz)), model.Some(time.Date(2026, 7, 30, 9, 0, 0, 0, vnz))
		}, []key{{OnlineNotOffered, Error, "KenhThucHien"}}},
		{"online at unit with info only", nil, func(d *model.Dossier) {
			d.Channel, d.UnitID = model.ParseChannel("2"), "H44.08"
		}, []key{{OnlineNotOffered, Error, "KenhThucHien"}}},
		{"online no offering", nil, func(d *model.Dossier) {
			d.Channel, d.UnitID = model.ParseChannel("2"), "H44.09"
		}, []key{{OnlineNotOffered, Error, "KenhThucHien"}}},
		{"missing reception", nil, func(d *model.Dossier) { d.ReceivedAt = model.Time{} },
			[]key{{MissingReceptionTime, Error, "NgayTiepNhan"}}},
		{"missing reception fallback", &Options{AllowSubmittedFallback: true}, func(d *model.Dossier) { d.ReceivedAt = model.Time{} },
			[]key{{MissingReceptionTime, Warning, "NgayTiepNhan"}}},
		{"missing reception fallback without submission", &Options{AllowSubmittedFallback: true}, func(d *model.Dossier) {
			d.ReceivedAt, d.SubmittedAt = model.Time{}, model.Time{}
		}, []key{{MissingReceptionTime, Error, "NgayTiepNhan"}}},
		{"missing reception ok for status 1", nil, func(d *model.Dossier) {
			d.ReceivedAt, d.Status = model.Time{}, model.ParseStatus("1")
		}, nil},
		{"terminal without end", nil, func(d *model.Dossier) { d.Status = model.ParseStatus("10") },
			[]key{{TerminalWithoutEnd, Error, "NgayKetThucXuLy"}}},
		{"terminal with end", nil, func(d *model.Dossier) { d.Status, d.ProcessingEndedAt = model.ParseStatus("9"), at(5, 10) }, nil},
		{"terminal with step", nil, func(d *model.Dossier) {
			d.Status = model.ParseStatus("8")
			d.Steps = []model.Step{{At: at(4, 10), Status: model.ParseStatus("8"), Officer: "Lê Huy"}}
		}, nil},
		{"rejected with date", nil, func(d *model.Dossier) { d.Status, d.RejectedAt = model.ParseStatus("3"), at(3, 10) }, nil},
		{"rejected without date", nil, func(d *model.Dossier) { d.Status = model.ParseStatus("denied") },
			[]key{{TerminalWithoutEnd, Error, "NgayKetThucXuLy"}}},
		{"future", nil, func(d *model.Dossier) {
			d.ProcessingEndedAt = model.Some(time.Date(2026, 9, 1, 0, 0, 0, 0, vnz))
			d.DueAt = model.Some(time.Date(2026, 9, 30, 0, 0, 0, 0, vnz)) // exempt
			d.Steps = []model.Step{{At: model.Some(time.Date(2026, 9, 2, 0, 0, 0, 0, vnz)), Status: model.ParseStatus("4")}}
		}, []key{{TimeInFuture, Error, "NgayKetThucXuLy"}, {TimeInFuture, Error, "Steps[0].ThoiDiemXuLy"}}},
		{"future within tolerance", nil, func(d *model.Dossier) {
			d.ResultReturnedAt = model.Some(time.Date(2026, 8, 31, 23, 5, 0, 0, vnz))
		}, nil},
		{"future without tolerance", &Options{AsOf: time.Date(2026, 8, 31, 23, 0, 0, 0, vnz), Tolerance: -1}, func(d *model.Dossier) {
			d.ResultReturnedAt = model.Some(time.Date(2026, 8, 31, 23, 5, 0, 0, vnz))
		}, []key{{TimeInFuture, Error, "NgayTra"}}},
		{"future custom tolerance", &Options{AsOf: time.Date(2026, 8, 31, 23, 0, 0, 0, vnz), Tolerance: time.Hour}, func(d *model.Dossier) {
			d.ResultReturnedAt = model.Some(time.Date(2026, 8, 31, 23, 50, 0, 0, vnz))
		}, nil},
		{"end before reception", nil, func(d *model.Dossier) {
			d.ProcessingEndedAt, d.ResultReturnedAt, d.DueAt = at(3, 8), at(3, 7), at(2, 17)
		}, []key{{EndBeforeReception, Error, "NgayKetThucXuLy"}, {EndBeforeReception, Error, "NgayTra"}, {EndBeforeReception, Warning, "NgayHenTra"}}},
		{"multiple supplements entries", nil, func(d *model.Dossier) {
			d.Supplements = []model.Supplement{{RequestedAt: at(4, 9)}, {RequestedAt: at(5, 9)}}
		}, []key{{MultipleSupplements, Warning, "DanhSachHoSoBoSung"}}},
		{"multiple supplements steps", nil, func(d *model.Dossier) {
			d.Supplements = []model.Supplement{{RequestedAt: at(4, 9)}}
			d.Steps = []model.Step{{At: at(4, 9), Status: model.ParseStatus("5")}, {At: at(6, 9), Status: model.ParseStatus("waiting")}}
		}, []key{{MultipleSupplements, Warning, "DanhSachHoSoBoSung"}}},
		{"one supplement", nil, func(d *model.Dossier) { d.Supplements = []model.Supplement{{RequestedAt: at(4, 9)}} }, nil},
		{"unknown procedure", nil, func(d *model.Dossier) { d.ProcedureCode = "9.999999" },
			[]key{{UnknownProcedure, Error, "MaTTHC"}}},
		{"mapped procedure", nil, func(d *model.Dossier) { d.ProcedureCode = "1.001193.000.00.00.H44" }, nil},
		{"placeholders", nil, func(d *model.Dossier) {
			d.ApplicantIDs = []model.ApplicantID{{Number: "000000001"}, {Number: "000000000000"}, {Number: "12345"}, {Number: "025186004321"}}
			d.Summary = "DINHKEM"
			d.Steps = []model.Step{{At: at(4, 9), Status: model.ParseStatus("4"), Officer: "chuyen vien"}}
		}, []key{{PlaceholderIdentifier, Warning, "DinhDanhCHS[0].SoDinhDanh"}, {PlaceholderIdentifier, Warning, "DinhDanhCHS[1].SoDinhDanh"},
			{PlaceholderIdentifier, Warning, "DinhDanhCHS[2].SoDinhDanh"}, {PlaceholderIdentifier, Warning, "TrichYeuHoSo"},
			{PlaceholderIdentifier, Warning, "Steps[0].NguoiXuLy"}}},
		{"custom fillers", &Options{FillerOfficers: []string{"Cán bộ"}, PlaceholderSummaries: []string{}}, func(d *model.Dossier) {
			d.Summary = "Dinhkem"
			d.Steps = []model.Step{{At: at(4, 9), Status: model.ParseStatus("4"), Officer: "Chuyên viên"}, {At: at(4, 10), Officer: "CÁN BỘ"}}
		}, []key{{PlaceholderIdentifier, Warning, "Steps[1].NguoiXuLy"}}},
		{"unknown codes", nil, func(d *model.Dossier) {
			d.OnlinePayment = model.ParseOnlinePayment("3")
			d.ReturnMethod = model.ParseReturnMethod("7")
			d.Steps = []model.Step{{At: at(4, 9), Status: model.ParseStatus("posting")}}
		}, []key{{UnknownCode, Info, "HinhThuc"}, {UnknownCode, Info, "DuocThanhToanTrucTuyen"}, {UnknownCode, Info, "Steps[0].TrangThai"}}},
		{"skip", &Options{Skip: []Check{MissingReceptionTime}}, func(d *model.Dossier) { d.ReceivedAt = model.Time{} }, nil},
		{"placeholder dates", nil, func(d *model.Dossier) {
			d.ReceivedAt = model.Some(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC))
			d.DueAt = model.Some(time.Date(1900, 1, 1, 0, 0, 0, 0, vnz))
			d.Supplements = []model.Supplement{{RequestedAt: at(4, 9), DueAfter: model.Some(time.Date(9999, 12, 31, 0, 0, 0, 0, vnz))}}
		}, []key{{PlaceholderDate, Error, "NgayTiepNhan"}, {PlaceholderDate, Error, "NgayHenTra"},
			{PlaceholderDate, Error, "DanhSachHoSoBoSung[0].NgayHenTraMoi"}}},
		{"status 9 straight from reception", nil, func(d *model.Dossier) {
			d.Status, d.ProcessingEndedAt = model.ParseStatus("9"), at(5, 10)
			d.Steps = []model.Step{{At: at(3, 9), Status: model.ParseStatus("2"), RealEvent: true, Officer: "Lê Huy"},
				{At: at(5, 10), Status: model.ParseStatus("9"), RealEvent: true, Officer: "Lê Huy"}}
		}, []key{{StatusWithoutSteps, Warning, "TrangThaiHoSo"}}},
		{"status 9 after processing", nil, func(d *model.Dossier) {
			d.Status, d.ProcessingEndedAt = model.ParseStatus("9"), at(5, 10)
			d.Steps = []model.Step{{At: at(4, 9), Status: model.ParseStatus("4"), RealEvent: true, Officer: "Lê Huy"}}
		}, nil},
		{"status 10 without timeline, timeline required", &Options{RequireTimeline: true}, func(d *model.Dossier) {
			d.Status, d.ProcessingEndedAt = model.ParseStatus("10"), at(5, 10)
		}, []key{{StatusWithoutSteps, Warning, "TrangThaiHoSo"}}},
		{"fabricated step without appointment", nil, func(d *model.Dossier) {
			d.DueAt = model.Time{}
			d.Steps = []model.Step{{At: at(3, 9), Status: model.ParseStatus("4"), Officer: "Lê Huy"}}
		}, []key{{FabricatedStep, Warning, "Steps[0]"}}},
		{"fabricated step with appointment", nil, func(d *model.Dossier) {
			d.Steps = []model.Step{{At: at(3, 9), Status: model.ParseStatus("4"), Officer: "Lê Huy"}}
		}, nil},
		{"code not unit-yymmdd-sequence", nil, func(d *model.Dossier) { d.Code = "HS-2026-0001" },
			[]key{{CodeFormat, Warning, "MaHoSo"}}},
		{"code with month 13", nil, func(d *model.Dossier) { d.Code = "H44.07-261303-0001" },
			[]key{{CodeFormat, Warning, "MaHoSo"}}},
		{"code with the unit's code", nil, func(d *model.Dossier) { d.Code = "000.00.12.H44-260803-0001" }, nil},
		{"finished online without result", nil, func(d *model.Dossier) {
			d.Channel, d.Status, d.ProcessingEndedAt = model.ParseChannel("2"), model.ParseStatus("10"), at(5, 10)
		}, []key{{MissingResult, Warning, "DanhSachGiayToKetQua"}}},
		{"finished online with result", nil, func(d *model.Dossier) {
			d.Channel, d.Status, d.ProcessingEndedAt = model.ParseChannel("2"), model.ParseStatus("10"), at(5, 10)
			d.Results = []model.ResultDoc{{Code: "KQ", URL: "https://r/1"}}
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := opt
			if tt.opt != nil {
				o = *tt.opt
			}
			d := base()
			tt.modify(&d)
			before := d
			got := NewChecker(o).Check(&d)
			if !reflect.DeepEqual(keys(got), tt.want) {
				t.Errorf("got %v\nwant %v", got, tt.want)
			}
			for _, f := range got {
				if f.RecordCode != d.Code || f.Message == "" || f.Record != 0 || !strings.Contains(f.String(), string(f.Check)) {
					t.Errorf("bad finding %+v", f)
				}
			}
			if !reflect.DeepEqual(before, d) {
				t.Errorf("check modified the record")
			}
		})
	}
}

func TestDuplicateCode(t *testing.T) {
	c := NewChecker(Options{})
	a := base()
	b := base() // same content
	x := base() // different content, same code
	x.Summary = "khác"
	y := model.Dossier{Code: "H44.07-260803-0099", Aliases: []string{"H44.07-260803-0001", "H44.07-260803-0001", ""},
		Status: model.ParseStatus("1")} // alias collides
	z := model.Dossier{Code: "H44.07-260803-0100", Aliases: []string{"H44.07-260803-0100"}, Status: model.ParseStatus("1")}
	var got [][]key
	for _, d := range []*model.Dossier{&a, &b, &x, &y, &z} {
		got = append(got, keys(c.Check(d)))
	}
	want := [][]key{
		nil,
		{{DuplicateCode, Warning, "MaHoSo"}},
		{{DuplicateCode, Info, "MaHoSo"}},       // re-sent with an update: same identity
		{{ResendConflict, Error, "MaHoSoKhac"}}, // another unit, procedure, channel and times under the code
		nil,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	if c.Seen() != 3 || c.Records() != 5 {
		t.Errorf("seen %d records %d", c.Seen(), c.Records())
	}
	// A timeline attached later does not change the content.
	s := base()
	s.Steps = []model.Step{{At: at(4, 9), Status: model.ParseStatus("4"), Officer: "Lê Huy"}}
	if Fingerprint(&s) != Fingerprint(&a) {
		t.Error("steps must not change the fingerprint")
	}
}

func TestPlaceholderID(t *testing.T) {
	for s, want := range map[string]bool{
		"000000001": true, "000000000": true, "000000000000": true, "000000000010": false, "025186004321": false,
		"123456789": false, "12345": true, "": true, " 025186004321 ": false,
	} {
		if got := PlaceholderID(s); got != want {
			t.Errorf("PlaceholderID(%q) = %v", s, got)
		}
	}
}

func TestSplitCode(t *testing.T) {
	for code, want := range map[string][3]string{
		"000.00.12.H44-260803-0001": {"000.00.12.H44", "260803", "0001"},
		"H44.07-261231-123456":      {"H44.07", "261231", "123456"},
		"H44-260803-001":            {},
		"-260803-0001":              {},
		"H44-2608030-0001":          {},
		"H44-260800-0001":           {},
		"H44-26a803-0001":           {},
		"H44":                       {},
		"":                          {},
	} {
		u, d, s, ok := SplitCode(code)
		if got := [3]string{u, d, s}; got != want || ok != (want != [3]string{}) {
			t.Errorf("%q: %v %v, want %v", code, got, ok, want)
		}
	}
}

func TestNames(t *testing.T) {
	if len(AllChecks()) != 16 {
		t.Error("16 checks")
	}
	for s, want := range map[Severity]string{Info: "info", Warning: "warning", Error: "error", 9: "severity(9)"} {
		if s.String() != want {
			t.Errorf("%d: %s", s, s)
		}
	}
}

func BenchmarkCheck(b *testing.B) {
	c := NewChecker(Options{AsOf: time.Date(2026, 8, 31, 23, 0, 0, 0, vnz), Catalogue: []model.Procedure{{Code: "2.000815"}}})
	d := base()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d.Code = "H44.07-260803-" + string(rune('a'+i%26))
		i++
		_ = c.Check(&d)
	}
}

func TestFingerprintSensitivity(t *testing.T) {
	full := func() model.Dossier {
		d := base()
		d.Aliases = []string{"X"}
		d.Files = []model.File{{ID: "f", Digitised: model.FlagTrue, Extra: []model.RawField{{Key: "k", Value: []byte(`"v"`)}}}}
		d.Results = []model.ResultDoc{{Code: "c", URL: "u"}}
		d.Fees = []model.Fee{{Code: "p", Amount: 5}}
		d.OtherDocs = []model.OtherDoc{{Name: "o"}}
		d.Payments = []model.Payment{{At: at(4, 9), Amount: 5}}
		d.Supplements = []model.Supplement{{RequestedAt: at(4, 9), Documents: []byte(`[]`), Fees: []model.Fee{{Amount: 1}}}}
		d.Databases = []string{"7"}
		d.Extra = []model.RawField{{Key: "E", Value: []byte(`1`)}}
		return d
	}
	ref := full()
	fp := Fingerprint(&ref)
	same := full()
	same.ReceivedAt = model.Some(same.ReceivedAt.T.UTC()) // same instant, other zone
	if Fingerprint(&same) != fp {
		t.Error("same content must hash equal")
	}
	for name, change := range map[string]func(d *model.Dossier){
		"summary":    func(d *model.Dossier) { d.Summary += "x" },
		"received":   func(d *model.Dossier) { d.ReceivedAt = at(3, 10) },
		"absent due": func(d *model.Dossier) { d.DueAt = model.Time{} },
		"status raw": func(d *model.Dossier) { d.Status = model.ParseStatus("04") },
		"file flag":  func(d *model.Dossier) { d.Files[0].Digitised = model.FlagFalse },
		"file extra": func(d *model.Dossier) { d.Files[0].Extra[0].Value = []byte(`"w"`) },
		"result url": func(d *model.Dossier) { d.Results[0].URL = "" },
		"fee":        func(d *model.Dossier) { d.Fees[0].Amount = 6 },
		"other doc":  func(d *model.Dossier) { d.OtherDocs[0].Name = "p" },
		"payment":    func(d *model.Dossier) { d.Payments[0].Amount = 6 },
		"supplement": func(d *model.Dossier) { d.Supplements[0].ResubmittedAt = at(5, 9) },
		"supp fee":   func(d *model.Dossier) { d.Supplements[0].Fees[0].Amount = 2 },
		"database":   func(d *model.Dossier) { d.Databases = nil },
		"extra":      func(d *model.Dossier) { d.Extra = nil },
		"alias":      func(d *model.Dossier) { d.Aliases = []string{"Y"} },
		"split":      func(d *model.Dossier) { d.ProcedureCode, d.ProcedureName = "2.0008", "15"+d.ProcedureName },
	} {
		d := full()
		change(&d)
		if Fingerprint(&d) == fp {
			t.Errorf("%s: change not detected", name)
		}
	}
}
