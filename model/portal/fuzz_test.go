package portal

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/internal/recdiff"
)

func addSeeds(f *testing.F, files ...string) {
	for _, name := range files {
		b, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		``, `[]`, `{}`, `{"data":[]}`, `{"data":null}`, `[1]`, `[{}]`, `[{"MaHoSo":"A-1-1"}]`,
		`[{"MaHoSo":"A-1-1","NgayTiepNhan":"20261301000000"}]`,
		`[{"MaHoSo":"A-1-1","DanhSachLePhi":[{"Gia":"50.000"}]}]`,
		`[{"MaHoSo":"A-1-1","TaiLieuNop":"[{\"DuocSoHoa\":\"1\"}]"}]`,
		`[{"MaHoSo":"A-1-1","TaiLieuNop":[1,{"IsDeleted":true}]}]`,
		`{"data":[{"MaHoSo":"A-1-1"}`, `[{"MaHoSo":}]`, `[] x`,
		`[{"MaHoSo":"A-1-1","NgayNopHoSo":"2026-08-03T08:15:12.123+02:00","Extra":{"a":[1,2]}}]`,
		`[{"MaHoSo":"A-1-1","NgayTiepNhan":"20260801080000","NgayTiepNhan":"20260901080000"}]`,
		`{"data":[{"MaHoSo":"A-1-1"}],"data":[{"MaHoSo":"B-1-1"}]}`,
		"[{\"MaHoSo\":\"A\xff-1-1\"},{\"MaHoSo\":\"A\\ud800-1-1\",\"ChuHoSo\":\"\\ud83d\\ude00\\u0000\"}]",
		`[{"MaHoSo":"A-1-1","NgayTra":"2026-08-03T08:15:12+23:59","TaiLieuNop":[{"DuocSoHoa":"1","DuocSoHoa":"0"}]}]`,
		`[{"MaHoSo":" A-1-1 ","MaDonVi":"A","MaHoSoKhac":"x;y","GhiChu":" \t","DanhSachHoSoBoSung":[{"DanhSachGiayToBoSung":[],"NgayBoSung":"2026-08-03"}]}]`,
	} {
		f.Add([]byte(s))
	}
}

// FuzzDecodeDossiers checks that no input panics the decoder, that errors are
// *RecordError values, that decoding reproduces the fields (decode → encode →
// decode gives equal records, field by field, times to the second) and that
// re-encoding is stable: encode(decode(encode(x))) == encode(x).
func FuzzDecodeDossiers(f *testing.F) {
	addSeeds(f, "dossiers.json", "dossiers.encoded.json")
	f.Fuzz(checkDossierRoundTrip)
}

// checkDossierRoundTrip is the body of FuzzDecodeDossiers.
func checkDossierRoundTrip(t *testing.T, data []byte) {
	{
		var good []model.Dossier
		for d, err := range DecodeDossiers(bytes.NewReader(data)) {
			if err != nil {
				if _, ok := err.(*RecordError); !ok {
					t.Fatalf("error %T %v is not *RecordError", err, err)
				}
				continue
			}
			good = append(good, d)
		}
		first := encodeDossiers(t, good, Envelope{Service: "DongBoHoSoMC"})
		again := decodeAll(t, first)
		if len(again) != len(good) {
			t.Fatalf("re-decoded %d of %d", len(again), len(good))
		}
		for i := range good {
			if d := recdiff.Diff(good[i], again[i], time.Second); d != "" {
				t.Fatalf("record %d differs after decode → encode → decode: Dossier%s\n%s", i, d, first)
			}
		}
		second := encodeDossiers(t, again, Envelope{Service: "DongBoHoSoMC"})
		if !bytes.Equal(first, second) {
			t.Fatalf("encoding not stable:\n%s\n%s", first, second)
		}
	}
}

// FuzzDecodeSteps checks the step decoder the same way (fields reproduced by
// decode → encode → decode).
func FuzzDecodeSteps(f *testing.F) {
	addSeeds(f, "steps.json", "steps.encoded.json")
	f.Fuzz(func(t *testing.T, data []byte) {
		var good []model.Step
		for s, err := range DecodeSteps(bytes.NewReader(data)) {
			if err != nil {
				if _, ok := err.(*RecordError); !ok {
					t.Fatalf("error %T %v is not *RecordError", err, err)
				}
				continue
			}
			good = append(good, s)
		}
		var buf bytes.Buffer
		enc := NewEncoder(&buf, Envelope{})
		for i := range good {
			if err := enc.WriteStep(&good[i]); err != nil {
				t.Fatal(err)
			}
		}
		if err := enc.Close(); err != nil {
			t.Fatal(err)
		}
		again := decodeAllSteps(t, buf.Bytes())
		if len(again) != len(good) {
			t.Fatalf("re-decoded %d of %d", len(again), len(good))
		}
		for i := range good {
			if d := recdiff.Diff(good[i], again[i], time.Second); d != "" {
				t.Fatalf("step %d differs after decode → encode → decode: Step%s\n%s", i, d, buf.Bytes())
			}
		}
	})
}

// FuzzParseTime checks that ParseTime never panics and that every accepted
// time survives FormatTime → ParseTime to the second.
func FuzzParseTime(f *testing.F) {
	for _, s := range []string{
		"20260803081512", "20240229235959", "20261301000000", "2026-08-03T08:15:12", "2026-08-03T08:15:12.250",
		"2026-08-03T01:15:12Z", "2026-08-03T03:15:12.5+02:00", "2026-08-03T08:15:12+0700", "2026-08-03 08:15:12",
		"2026-08-03", "03/08/2026 08:15:12", "3/8/2026 08:15", "03/08/2026", "", "hôm nay", "9999-12-31T23:59:59-12:00",
		"0001-01-01T00:00:00+14:00", "00010101000000", "99991231235959",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, l, err := ParseTime(s)
		if err != nil {
			if l != LayoutNone {
				t.Fatalf("layout %v with error", l)
			}
			return
		}
		if tm.Location() != model.Vietnam() {
			t.Fatalf("location %v", tm.Location())
		}
		out := FormatTime(tm)
		back, l2, err := ParseTime(out)
		if err != nil || l2 != LayoutLegacy || !back.Equal(tm.Truncate(time.Second)) {
			t.Fatalf("%q → %v → %q → %v %v", s, tm, out, back, err)
		}
		if l == LayoutLegacy && out != strings.TrimSpace(s) {
			t.Fatalf("legacy %q re-formatted as %q", s, out)
		}
	})
}

// FuzzDecodeProcedure checks that no input panics the LayThuTuc decoder.
func FuzzDecodeProcedure(f *testing.F) {
	addSeeds(f, "procedures.json")
	f.Add([]byte(`{"MATTHC":"1","CACHTHUCTHUCHIEN":[{"KENH":"2","THOIGIAN":[{"THOIGIANGIAIQUYET":"0,5","PHILEPHI":[{"SOTIEN":"8.000"}]}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := DecodeProcedure(data); err != nil {
			if _, ok := err.(*RecordError); !ok {
				t.Fatalf("error %T", err)
			}
		}
		for _, err := range DecodeProcedures(bytes.NewReader(data)) {
			if err != nil {
				if _, ok := err.(*RecordError); !ok {
					t.Fatalf("error %T", err)
				}
			}
		}
	})
}
