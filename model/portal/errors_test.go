package portal

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/model"
)

type result struct {
	code string
	err  error
}

func collect(in string) []result {
	var out []result
	for d, err := range DecodeDossiers(strings.NewReader(in)) {
		out = append(out, result{d.Code, err})
	}
	return out
}

func TestDecodeMalformed(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		n       int    // results yielded
		errAt   int    // index of the first error in the results (-1 none)
		index   int    // RecordError.Index
		code    string // RecordError.Code
		field   string // RecordError.Field
		want    error
		okAfter bool // a good record follows the bad one
	}{
		{"bad date", `[{"MaHoSo":"A-260101-0001","NgayTiepNhan":"2026-13-45"},{"MaHoSo":"B-260101-0002"}]`,
			2, 0, 0, "A-260101-0001", "NgayTiepNhan", ErrBadDate, true},
		{"bad legacy date", `{"data":[{"MaHoSo":"B-260101-0002"},{"MaHoSo":"A-260101-0001","NgayNopHoSo":"20261301000000"}]}`,
			2, 1, 1, "A-260101-0001", "NgayNopHoSo", ErrBadDate, false},
		{"bad amount", `[{"MaHoSo":"A-1-1","DanhSachLePhi":[{"Gia":"12,5"}]},{"MaHoSo":"B-1-1"}]`,
			2, 0, 0, "A-1-1", "DanhSachLePhi[0].Gia", ErrBadNumber, true},
		{"ambiguous thousands", `[{"MaHoSo":"A-1-1","DanhSachLePhi":[{"Gia":"50.000"}]}]`,
			1, 0, 0, "A-1-1", "DanhSachLePhi[0].Gia", ErrBadNumber, false},
		{"bad flag", `[{"MaHoSo":"A-1-1","TaiLieuNop":[{"DuocSoHoa":"yes"}]}]`,
			1, 0, 0, "A-1-1", "TaiLieuNop[0].DuocSoHoa", ErrBadFlag, false},
		{"object for string", `[{"MaHoSo":"A-1-1","TenTTHC":{"x":1}}]`,
			1, 0, 0, "A-1-1", "TenTTHC", ErrBadType, false},
		{"scalar for list", `[{"MaHoSo":"A-1-1","TaiLieuNop":"abc"}]`,
			1, 0, 0, "A-1-1", "TaiLieuNop", ErrBadType, false},
		{"list element not object", `[{"MaHoSo":"A-1-1","TaiLieuNop":[1]}]`,
			1, 0, 0, "A-1-1", "TaiLieuNop[0]", ErrNotObject, false},
		{"broken JSON in string list", `[{"MaHoSo":"A-1-1","TaiLieuNop":"[{"}]`,
			1, 0, 0, "A-1-1", "TaiLieuNop", ErrSyntax, false},
		{"record not object", `[42,{"MaHoSo":"B-1-1"}]`,
			2, 0, 0, "", "", ErrNotObject, true},
		{"missing code", `[{"MaTTHC":"1.0"},{"MaHoSo":"B-1-1"}]`,
			2, 0, 0, "", "MaHoSo", ErrBadCode, true},
		{"syntax error stops", `[{"MaHoSo":"A-1-1"},{"MaHoSo":}, {"MaHoSo":"C-1-1"}]`,
			2, 1, 1, "", "", ErrSyntax, false},
		{"truncated", `{"data":[{"MaHoSo":"A-1-1"}`,
			2, 1, 1, "", "", ErrSyntax, false},
		{"empty input", ``, 1, 0, 0, "", "", ErrSyntax, false},
		{"scalar payload", `"x"`, 1, 0, 0, "", "", ErrSyntax, false},
		{"no data", `{"service":"DongBoHoSoMC","error_code":"0"}`, 1, 0, 0, "", "", ErrNoData, false},
		{"data not array", `{"data":{"MaHoSo":"A"}}`, 1, 0, 0, "", "", ErrSyntax, false},
		{"trailing garbage", `[{"MaHoSo":"A-1-1"}] x`, 2, 1, 1, "", "", ErrSyntax, false},
		{"trailing value", `[] []`, 1, 0, 0, "", "", ErrSyntax, false},
		{"bad envelope key value", `{"service":tru}`, 1, 0, 0, "", "", ErrSyntax, false},
		{"null data", `{"data":null}`, 0, -1, 0, "", "", nil, false},
		{"ok", `{"service":"DongBoHoSoMC","x":[1,{"a":2}],"data":[{"MaHoSo":"A-1-1","KenhThucHien":2,"IsX":true,"HoSoCoThanhPhanSoHoa":true,"NgayTiepNhan":null}],"y":"z"}`,
			1, -1, 0, "", "", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := collect(tt.in)
			if len(res) != tt.n {
				t.Fatalf("got %d results %v, want %d", len(res), res, tt.n)
			}
			for i, r := range res {
				if i == tt.errAt {
					var re *RecordError
					if !errors.As(r.err, &re) {
						t.Fatalf("result %d: error %v is not a *RecordError", i, r.err)
					}
					if !errors.Is(r.err, tt.want) || re.Index != tt.index || re.Code != tt.code || re.Field != tt.field {
						t.Errorf("got %#v (%v), want index %d code %q field %q err %v", re, re, tt.index, tt.code, tt.field, tt.want)
					}
					if re.Error() == "" {
						t.Error("empty message")
					}
					continue
				}
				if r.err != nil {
					t.Errorf("result %d: unexpected error %v", i, r.err)
				}
			}
			if tt.okAfter && res[len(res)-1].err != nil {
				t.Errorf("the record after a bad one must decode")
			}
		})
	}
}

func TestDecodeEarlyBreak(t *testing.T) {
	in := `[{"MaHoSo":"A-1-1"},{"MaHoSo":"B-1-1","NgayTiepNhan":"x"},{"MaHoSo":"C-1-1"}]`
	n := 0
	for _, err := range DecodeDossiers(strings.NewReader(in)) {
		n++
		if err != nil {
			break // stop on first bad record
		}
	}
	if n != 2 {
		t.Errorf("visited %d", n)
	}
	n = 0
	for range DecodeSteps(strings.NewReader(`[{"MaHoSo":"A"},{"MaHoSo":"B"}]`)) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("steps visited %d", n)
	}
}

func TestDecodeStepsMalformed(t *testing.T) {
	tests := []struct {
		in    string
		field string
		code  string
		want  error
	}{
		{`[{"MaHoSo":"A","ThoiDiemXuLy":"hôm qua"}]`, "ThoiDiemXuLy", "A", ErrBadDate},
		{`[{"NoiDungXuLy":"x"}]`, "MaHoSo", "", ErrBadCode},
		{`[{"MaHoSo":"A","SuKienThuc":"2"}]`, "SuKienThuc", "A", ErrBadFlag},
		{`["x"]`, "", "", ErrNotObject},
		{`[{"MaHoSo":"A"`, "", "", ErrSyntax},
	}
	for _, tt := range tests {
		var got error
		for _, err := range DecodeSteps(strings.NewReader(tt.in)) {
			if err != nil {
				got = err
				break
			}
		}
		var re *RecordError
		if !errors.As(got, &re) || !errors.Is(got, tt.want) || re.Field != tt.field || re.Code != tt.code {
			t.Errorf("%s: got %v", tt.in, got)
		}
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("network down") }

func TestDecodeReaderError(t *testing.T) {
	for _, err := range DecodeDossiers(errReader{}) {
		if err == nil || errors.Is(err, ErrSyntax) || !strings.Contains(err.Error(), "network down") {
			t.Errorf("got %v", err)
		}
	}
	r := io.MultiReader(strings.NewReader(`[{"MaHoSo":"A-1-1"},`), errReader{})
	var errs int
	for _, err := range DecodeDossiers(r) {
		if err != nil {
			errs++
		}
	}
	if errs != 1 {
		t.Errorf("errors %d", errs)
	}
}

func TestParseTime(t *testing.T) {
	vnz := model.Vietnam()
	tests := []struct {
		in     string
		want   time.Time
		layout Layout
	}{
		{"20260803081512", time.Date(2026, 8, 3, 8, 15, 12, 0, vnz), LayoutLegacy},
		{" 20260229000000 ", time.Time{}, LayoutNone}, // 2026 is not a leap year
		{"20240229235959", time.Date(2024, 2, 29, 23, 59, 59, 0, vnz), LayoutLegacy},
		{"20261301000000", time.Time{}, LayoutNone},
		{"20260101240000", time.Time{}, LayoutNone},
		{"00000101000000", time.Time{}, LayoutNone},
		{"2026-08-03T08:15:12", time.Date(2026, 8, 3, 8, 15, 12, 0, vnz), LayoutISO},
		{"2026-08-03T08:15:12.250", time.Date(2026, 8, 3, 8, 15, 12, 250e6, vnz), LayoutISO},
		{"2026-08-03T01:15:12Z", time.Date(2026, 8, 3, 8, 15, 12, 0, vnz), LayoutISO},
		{"2026-08-03T08:15:12+07:00", time.Date(2026, 8, 3, 8, 15, 12, 0, vnz), LayoutISO},
		{"2026-08-03T03:15:12.5+02:00", time.Date(2026, 8, 3, 8, 15, 12, 5e8, vnz), LayoutISO},
		{"2026-08-03T08:15:12+0700", time.Date(2026, 8, 3, 8, 15, 12, 0, vnz), LayoutISO},
		{"2026-08-03 08:15:12", time.Date(2026, 8, 3, 8, 15, 12, 0, vnz), LayoutISO},
		{"2026-08-03T08:15", time.Date(2026, 8, 3, 8, 15, 0, 0, vnz), LayoutISO},
		{"2026-08-03", time.Date(2026, 8, 3, 0, 0, 0, 0, vnz), LayoutISO},
		{"03/08/2026 08:15:12", time.Date(2026, 8, 3, 8, 15, 12, 0, vnz), LayoutDMY},
		{"3/8/2026 08:15", time.Date(2026, 8, 3, 8, 15, 0, 0, vnz), LayoutDMY},
		{"03/08/2026", time.Date(2026, 8, 3, 0, 0, 0, 0, vnz), LayoutDMY},
		{"31/02/2026 00:00:00", time.Time{}, LayoutNone},
		{"08/03/2026 25:00:00", time.Time{}, LayoutNone},
		{"", time.Time{}, LayoutNone},
		{"hôm nay", time.Time{}, LayoutNone},
		{"2026-08-03T08:15:12+25:00", time.Time{}, LayoutNone},
		{"202608030815", time.Time{}, LayoutNone},
		{"0000-01-01 0:00", time.Time{}, LayoutNone},
		{"01/01/0000", time.Time{}, LayoutNone},
		{"9999-12-31T23:00:00-05:00", time.Time{}, LayoutNone},
	}
	for _, tt := range tests {
		got, l, err := ParseTime(tt.in)
		if tt.layout == LayoutNone {
			if err == nil || !errors.Is(err, ErrBadDate) || l != LayoutNone {
				t.Errorf("ParseTime(%q) = %v, %v, %v; want ErrBadDate", tt.in, got, l, err)
			}
			continue
		}
		if err != nil || !got.Equal(tt.want) || l != tt.layout || got.Location() != vnz {
			t.Errorf("ParseTime(%q) = %v, %v, %v; want %v %v", tt.in, got, l, err, tt.want, tt.layout)
		}
	}
	if s := FormatTime(time.Date(2026, 8, 3, 1, 15, 12, 0, time.UTC)); s != "20260803081512" {
		t.Errorf("FormatTime = %s", s)
	}
	for _, l := range []Layout{LayoutNone, LayoutLegacy, LayoutISO, LayoutDMY} {
		if l.String() == "" {
			t.Errorf("empty layout name")
		}
	}
}

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"8000", 8000, true}, {" 0 ", 0, true}, {"-500", -500, true}, {"1000000.00", 1000000, true}, {"15.0", 15, true},
		{"50.000", 0, false}, {"12,5", 0, false}, {"1.5", 0, false}, {"abc", 0, false}, {"99999999999999999999", 0, false},
		{".00", 0, false}, {"1e3", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseAmount(tt.in)
		if (err == nil) != tt.ok || got != tt.want || (err != nil && !errors.Is(err, ErrBadNumber)) {
			t.Errorf("ParseAmount(%q) = %d, %v", tt.in, got, err)
		}
	}
}

func TestUnitFromCode(t *testing.T) {
	for in, want := range map[string]string{
		"000.00.12.H44-260803-0007": "000.00.12.H44",
		"H44.07-260805-0012":        "H44.07",
		"A-B-260805-0012":           "A-B",
		"nocode":                    "",
		"X-1":                       "",
		"-1-2":                      "",
	} {
		if got := UnitFromCode(in); got != want {
			t.Errorf("UnitFromCode(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAliasesAndStringLists(t *testing.T) {
	in := `[{"MaHoSo":"A-260101-0001","MaHoSoKhac":" B-1-1 ; C-1-1,, ","DanhSachLePhi":"[{\"Gia\":\"5\"}]","DSKetNoiCSDL":"","MaHoSoKhac2":";"}]`
	for d, err := range DecodeDossiers(strings.NewReader(in)) {
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Aliases) != 2 || d.Aliases[0] != "B-1-1" || d.Aliases[1] != "C-1-1" {
			t.Errorf("aliases %q", d.Aliases)
		}
		if len(d.Fees) != 1 || d.Fees[0].Amount != 5 || d.Databases != nil {
			t.Errorf("string list: %+v %v", d.Fees, d.Databases)
		}
	}
	if splitAliases(" ; , ") != nil {
		t.Error("only separators must give nil")
	}
}
