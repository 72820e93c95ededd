package portal

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/internal/testkit"
)

// Regression tests of issue 14: duplicate keys, duplicate data arrays,
// invalid UTF-8, impossible offsets and oversized records.

// firstErr ranges over seq and returns the number of results, the number of
// good records and the first error.
func firstErr[T any](seq func(func(T, error) bool)) (n, good int, err error) {
	for _, e := range seq {
		n++
		if e == nil {
			good++
			continue
		}
		if err == nil {
			err = e
		}
	}
	return n, good, err
}

func wantRecordErr(t *testing.T, err error, index int, code, field string, want ...error) {
	t.Helper()
	var re *RecordError
	if !errors.As(err, &re) {
		t.Fatalf("error %v (%T) is not a *RecordError", err, err)
	}
	for _, w := range want {
		if !errors.Is(err, w) {
			t.Errorf("%v: not %v", err, w)
		}
	}
	if re.Index != index || re.Code != code || re.Field != field {
		t.Errorf("got index %d code %q field %q (%v), want %d %q %q", re.Index, re.Code, re.Field, err, index, code, field)
	}
}

func TestDuplicateFieldDossier(t *testing.T) {
	tests := []struct {
		name, in, code, field string
	}{
		{"top level", `[{"MaHoSo":"A-1-1","NgayTiepNhan":"20260801080000","NgayTiepNhan":"20260901080000"}]`,
			"A-1-1", "NgayTiepNhan"},
		{"code after duplicate", `[{"NgayTra":"","NgayTra":"20260901080000","MaHoSo":"A-1-1"}]`, "A-1-1", "NgayTra"},
		{"duplicate code", `[{"MaHoSo":"A-1-1","MaHoSo":"B-1-1"}]`, "A-1-1", "MaHoSo"},
		{"unknown key", `[{"MaHoSo":"A-1-1","X":1,"X":2}]`, "A-1-1", "X"},
		{"file", `[{"MaHoSo":"A-1-1","TaiLieuNop":[{"DuocSoHoa":"0","DuocSoHoa":"1"}]}]`, "A-1-1", "TaiLieuNop[0].DuocSoHoa"},
		{"fee", `[{"MaHoSo":"A-1-1","DanhSachLePhi":[{"Gia":"1"},{"Gia":"5","Gia":"9"}]}]`, "A-1-1", "DanhSachLePhi[1].Gia"},
		{"fee in string list", `[{"MaHoSo":"A-1-1","DanhSachLePhi":"[{\"Gia\":\"5\",\"Gia\":\"9\"}]"}]`, "A-1-1", "DanhSachLePhi[0].Gia"},
		{"supplement fee", `[{"MaHoSo":"A-1-1","DanhSachHoSoBoSung":[{"DanhSachLePhiBoSung":[{"Gia":"5","Gia":"9"}]}]}]`,
			"A-1-1", "DanhSachHoSoBoSung[0].DanhSachLePhiBoSung[0].Gia"},
		{"escaped key", `[{"MaHoSo":"A-1-1","NgayTra":"20260801080000","Ngay\u0054ra":"20260901080000"}]`, "A-1-1", "NgayTra"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := strings.TrimSuffix(tt.in, "]") + `,{"MaHoSo":"C-1-1"}]`
			n, good, err := firstErr(DecodeDossiers(strings.NewReader(in)))
			wantRecordErr(t, err, 0, tt.code, tt.field, ErrDuplicateField)
			if n != 2 || good != 1 {
				t.Errorf("%d results, %d good: the record after a duplicate must decode", n, good)
			}
		})
	}
	// Distinct keys differing in case are distinct for dossiers.
	if _, _, err := firstErr(DecodeDossiers(strings.NewReader(`[{"MaHoSo":"A-1-1","x":1,"X":2}]`))); err != nil {
		t.Errorf("case-distinct keys: %v", err)
	}
}

func TestDuplicateFieldStepAndProcedure(t *testing.T) {
	_, _, err := firstErr(DecodeSteps(strings.NewReader(`[{"MaHoSo":"A","ThoiDiemXuLy":"20260801080000","ThoiDiemXuLy":"20260802080000"}]`)))
	wantRecordErr(t, err, 0, "A", "ThoiDiemXuLy", ErrDuplicateField)

	tests := []struct{ in, code, field string }{
		{`{"MATTHC":"1","TENTTHC":"a","TENTTHC":"b"}`, "1", "TENTTHC"},
		{`{"MATTHC":"1","matthc":"2"}`, "1", "matthc"}, // keys match case-insensitively
		{`{"MATTHC":"1","CACHTHUCTHUCHIEN":[{"KENH":"1","THOIGIAN":[],"thoigian":[]}]}`, "1", "CACHTHUCTHUCHIEN[0].thoigian"},
		{`{"MATTHC":"1","CACHTHUCTHUCHIEN":[{"THOIGIAN":[{"PHILEPHI":[{"SOTIEN":"1","SOTIEN":"2"}]}]}]}`, "1",
			"CACHTHUCTHUCHIEN[0].THOIGIAN[0].PHILEPHI[0].SOTIEN"},
		{`{"MATTHC":"1","CANCUPHAPLY":[{"NGAYBANHANH":"2026-01-01","NGAYBANHANH":"2026-02-01"}]}`, "1", "CANCUPHAPLY[0].NGAYBANHANH"},
		{`{"MATTHC":"1","LINHVUCTHUCHIEN":[{"MALINHVUC":"a","MALINHVUC":"b"}]}`, "1", "LINHVUCTHUCHIEN[0].MALINHVUC"},
	}
	for _, tt := range tests {
		_, err := DecodeProcedure([]byte(tt.in))
		wantRecordErr(t, err, 0, tt.code, tt.field, ErrDuplicateField)
		_, _, err = firstErr(DecodeProcedures(strings.NewReader("[" + tt.in + "]")))
		wantRecordErr(t, err, 0, tt.code, tt.field, ErrDuplicateField)
	}
}

func TestDuplicateDataArray(t *testing.T) {
	tests := []struct {
		name, in string
		good     int
		procs    bool
	}{
		{"two data arrays", `{"data":[{"MaHoSo":"A-1-1"}],"data":[{"MaHoSo":"B-1-1"}]}`, 1, false},
		{"null then array", `{"data":null,"data":[{"MaHoSo":"B-1-1"}]}`, 0, false},
		{"array then null", `{"data":[{"MaHoSo":"A-1-1"}],"data":null}`, 1, false},
		{"data and result", `{"data":[{"MATTHC":"1"}],"result":[{"MATTHC":"2"}]}`, 1, true},
		{"result and Result", `{"Result":[],"result":[{"MATTHC":"2"}]}`, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			var n, good int
			if tt.procs {
				n, good, err = firstErr(DecodeProcedures(strings.NewReader(tt.in)))
			} else {
				n, good, err = firstErr(DecodeDossiers(strings.NewReader(tt.in)))
			}
			if good != tt.good || n != good+1 {
				t.Errorf("%d results, %d good", n, good)
			}
			var re *RecordError
			if !errors.As(err, &re) || !errors.Is(err, ErrSyntax) || !errors.Is(err, ErrDuplicateField) {
				t.Fatalf("got %v, want a *RecordError wrapping ErrSyntax and ErrDuplicateField", err)
			}
			if re.Index != tt.good || re.Field == "" {
				t.Errorf("index %d field %q", re.Index, re.Field)
			}
		})
	}
}

func TestInvalidUTF8(t *testing.T) {
	// Two codes that differ only in an invalid byte must not merge into one.
	in := "[{\"MaHoSo\":\"A\xff-260101-0001\"},{\"MaHoSo\":\"A\xfe-260101-0001\"},{\"MaHoSo\":\"B-260101-0001\"}]"
	var errs []error
	for d, err := range DecodeDossiers(strings.NewReader(in)) {
		if err == nil {
			if d.Code != "B-260101-0001" {
				t.Errorf("decoded %q", d.Code)
			}
			continue
		}
		errs = append(errs, err)
	}
	if len(errs) != 2 {
		t.Fatalf("errors %v", errs)
	}
	for i, err := range errs {
		wantRecordErr(t, err, i, "", "MaHoSo", ErrInvalidUTF8)
	}
	tests := []struct{ name, in, code, field string }{
		{"escaped lone high surrogate", `[{"MaHoSo":"A\ud800-1-1"}]`, "", "MaHoSo"},
		{"escaped lone low surrogate", `[{"MaHoSo":"A-1-1","ChuHoSo":"x\udc00"}]`, "A-1-1", "ChuHoSo"},
		{"reversed pair", `[{"MaHoSo":"A-1-1","ChuHoSo":"\ude00\ud83d"}]`, "A-1-1", "ChuHoSo"},
		{"raw byte with escapes", "[{\"MaHoSo\":\"A-1-1\",\"ChuHoSo\":\"\\n\xc3\"}]", "A-1-1", "ChuHoSo"},
		{"nested", "[{\"MaHoSo\":\"A-1-1\",\"TaiLieuNop\":[{\"TenTepDinhKem\":\"\xed\xa0\x80\"}]}]", "A-1-1", "TaiLieuNop[0].TenTepDinhKem"},
		{"key", "[{\"MaHoSo\":\"A-1-1\",\"X\xff\":\"1\"}]", "A-1-1", ""},
	}
	for _, tt := range tests {
		_, _, err := firstErr(DecodeDossiers(strings.NewReader(tt.in)))
		if err == nil {
			t.Errorf("%s: accepted", tt.name)
			continue
		}
		wantRecordErr(t, err, 0, tt.code, tt.field, ErrInvalidUTF8)
	}
	// Valid text, escaped or not, including a surrogate pair and U+FFFD itself, is kept.
	for d, err := range DecodeDossiers(strings.NewReader(`[{"MaHoSo":"A-1-1","ChuHoSo":"\ud83d\ude00 Nguyễn \u1ec5 \ufffd �\t\"\\\/"}]`)) {
		if err != nil || d.ApplicantName != "😀 Nguyễn ễ \ufffd \ufffd\t\"\\/" {
			t.Errorf("%q %v", d.ApplicantName, err)
		}
	}
}

func TestParseTimeOffsetRange(t *testing.T) {
	for _, s := range []string{
		"2026-08-03T08:15:12+14:00", "2026-08-03T08:15:12-12:00", "2026-08-03T08:15:12-14:00", "2026-08-03T08:15:12+05:45",
		"2026-08-03T08:15:12-00:00", "2026-08-03T08:15:12Z", "2026-08-03T08:15:12+1400", "2026-08-03T08:15:12.5+09:30",
		"2026-08-03 08:15:12+07:00", "2026-08-03T08:15+07:00",
	} {
		if _, _, err := ParseTime(s); err != nil {
			t.Errorf("ParseTime(%q): %v", s, err)
		}
	}
	for _, s := range []string{
		"2026-08-03T08:15:12+23:59", "2026-08-03T08:15:12+24:00", "2026-08-03T08:15:12-24:00", "2026-08-03T08:15:12+14:01",
		"2026-08-03T08:15:12+13:60", "2026-08-03T08:15:12+12:60", "2026-08-03T08:15:12-14:30", "2026-08-03T08:15:12+2400",
		"2026-08-03T08:15:12+0760", "2026-08-03T08:15:12+1500", "2026-08-03 08:15:12-23:00", "2026-08-03T08:15+23:59",
	} {
		if tm, l, err := ParseTime(s); !errors.Is(err, ErrBadDate) || l != LayoutNone {
			t.Errorf("ParseTime(%q) = %v %v %v, want ErrBadDate", s, tm, l, err)
		}
	}
}

func TestRecordTooLarge(t *testing.T) {
	big := strings.Repeat("x", DefaultMaxRecordBytes)
	in := `{"data":[{"MaHoSo":"A-1-1"},{"MaHoSo":"B-1-1","GhiChu":"` + big + `"},{"MaHoSo":"C-1-1"}]}`
	n, good, err := firstErr(DecodeDossiers(strings.NewReader(in)))
	wantRecordErr(t, err, 1, "", "", ErrTooLarge)
	if n != 2 || good != 1 {
		t.Errorf("%d results, %d good; an oversized record ends the sequence", n, good)
	}
	// Raising the limits decodes it.
	n, good, err = firstErr(DecodeDossiers(strings.NewReader(in), MaxRecordBytes(2<<20), MaxFieldBytes(2<<20)))
	if err != nil || n != 3 || good != 3 {
		t.Errorf("raised limit: %v %d %d", err, n, good)
	}
	// A field over the field limit in a record within the record limit is a
	// record error naming the field; decoding goes on.
	field := strings.Repeat("y", DefaultMaxFieldBytes)
	in = `[{"MaHoSo":"A-1-1","TaiLieuNop":[{"TenTepDinhKem":"` + field + `"}]},{"MaHoSo":"C-1-1"}]`
	n, good, err = firstErr(DecodeDossiers(strings.NewReader(in)))
	wantRecordErr(t, err, 0, "A-1-1", "TaiLieuNop", ErrTooLarge)
	if n != 2 || good != 1 {
		t.Errorf("%d results, %d good", n, good)
	}
	if _, good, err := firstErr(DecodeDossiers(strings.NewReader(in), MaxFieldBytes(1<<20))); err != nil || good != 2 {
		t.Errorf("raised field limit: %v", err)
	}
	// Steps and procedures have the same limits; so do envelope values.
	_, _, err = firstErr(DecodeSteps(strings.NewReader(`[{"MaHoSo":"A","NoiDungXuLy":"` + field + `"}]`)))
	wantRecordErr(t, err, 0, "A", "NoiDungXuLy", ErrTooLarge)
	_, err = DecodeProcedure([]byte(`{"MATTHC":"1","TRINHTUTHUCHIEN":"` + field + `"}`))
	wantRecordErr(t, err, 0, "1", "TRINHTUTHUCHIEN", ErrTooLarge)
	_, err = DecodeProcedure([]byte(`{"MATTHC":"1","TRINHTUTHUCHIEN":"` + big + `"}`))
	wantRecordErr(t, err, 0, "", "", ErrTooLarge)
	_, _, err = firstErr(DecodeProcedures(strings.NewReader(`{"service":"` + big + `","data":[]}`)))
	wantRecordErr(t, err, 0, "", "", ErrTooLarge)
	_, _, err = firstErr(DecodeDossiers(strings.NewReader(`[` + strings.Repeat(" ", 2*DefaultMaxRecordBytes) + `]`)))
	wantRecordErr(t, err, 0, "", "", ErrTooLarge)
	// Small limits.
	_, _, err = firstErr(DecodeDossiers(strings.NewReader(`[{"MaHoSo":"A-1-1"},{"MaHoSo":"B-1-1","GhiChu":"0123456789"}]`), MaxRecordBytes(30)))
	wantRecordErr(t, err, 1, "", "", ErrTooLarge)
}

// TestHostileStreamMemory feeds 200 MB of one endless string (never
// materialised) to each JSON decoder: the decoder must stop at the record
// limit with ErrTooLarge, read little more than the limit and allocate far
// less than the stream.
func TestHostileStreamMemory(t *testing.T) {
	const size = 200 << 20
	const budget = 32 << 20
	cases := []struct {
		name string
		run  func(io.Reader) error
		pre  string
	}{
		{"dossier string", func(r io.Reader) error { _, _, err := firstErr(DecodeDossiers(r)); return err },
			`{"service":"DongBoHoSoMC","data":[{"MaHoSo":"A-1-1"},{"MaHoSo":"B-1-1","GhiChu":"`},
		{"dossier whitespace", func(r io.Reader) error { _, _, err := firstErr(DecodeDossiers(r)); return err }, `[{"MaHoSo":"A-1-1"},`},
		{"envelope value", func(r io.Reader) error { _, _, err := firstErr(DecodeSteps(r)); return err }, `{"service":"`},
		{"procedure", func(r io.Reader) error { _, _, err := firstErr(DecodeProcedures(r)); return err }, `{"result":[{"MATTHC":"1","MOTA":"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fill := byte('x')
			if c.name == "dossier whitespace" {
				fill = ' '
			}
			h := &testkit.Hostile{Prefix: c.pre, Fill: fill, N: size}
			var err error
			alloc, inuse := testkit.HeapCost(func() { err = c.run(h) })
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("got %v, want ErrTooLarge", err)
			}
			var re *RecordError
			if !errors.As(err, &re) {
				t.Fatalf("%T", err)
			}
			if h.Off > 4*DefaultMaxRecordBytes {
				t.Errorf("read %d bytes of the stream", h.Off)
			}
			if alloc > budget || inuse > budget {
				t.Errorf("allocated %d bytes, heap grew by %d (budget %d)", alloc, inuse, budget)
			}
			t.Logf("%v; read %d bytes, allocated %d, heap +%d", err, h.Off, alloc, inuse)
		})
	}
}

// TestDuplicateFieldManyKeys checks duplicate detection past the small-object
// fast path, the Unicode case folding of procedure keys, and that a record of
// many keys costs linear time.
func TestDuplicateFieldManyKeys(t *testing.T) {
	var b strings.Builder
	b.WriteString(`[{"MaHoSo":"A-1-1"`)
	for i := range 100 {
		b.WriteString(`,"K` + strings.Repeat("x", i) + `":1`)
	}
	b.WriteString(`,"K":2}]`)
	_, _, err := firstErr(DecodeDossiers(strings.NewReader(b.String())))
	wantRecordErr(t, err, 0, "A-1-1", "K", ErrDuplicateField)

	// U+017F (ſ) upper-cases to S: "ſOTIEN" names the SOTIEN field.
	_, err = DecodeProcedure([]byte(`{"MATTHC":"1","CACHTHUCTHUCHIEN":[{"PHILEPHI":[{"SOTIEN":"1","ſOTIEN":"2"}]}]}`))
	wantRecordErr(t, err, 0, "1", "CACHTHUCTHUCHIEN[0].PHILEPHI[0].ſOTIEN", ErrDuplicateField)

	// 150 000 distinct keys in one (raised-limit) record decode quickly.
	b.Reset()
	b.WriteString(`[{"MaHoSo":"A-1-1"`)
	for i := range 150_000 {
		b.WriteString(`,"k` + strconv.Itoa(i) + `":0`)
	}
	b.WriteString(`}]`)
	start := time.Now()
	n, good, err := firstErr(DecodeDossiers(strings.NewReader(b.String()), MaxRecordBytes(4<<20)))
	if err != nil || n != 1 || good != 1 {
		t.Fatalf("%d %d %v", n, good, err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("150 000 keys took %v", d)
	}
}
