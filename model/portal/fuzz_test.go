package portal

import (
	"bytes"
	"encoding/json"
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

// FuzzDecodeDossiers checks that no input panics the decoder and that errors
// are *RecordError values; that a record with a repeated key, and a payload
// with two data arrays, do not decode silently (against encoding/json's
// tokenizer as a reference); that no U+FFFD appears that the input did not
// hold; that decoding reproduces the fields (decode → encode → decode gives
// equal records, field by field, times to the second); and that re-encoding
// is stable: encode(decode(encode(x))) == encode(x).
func FuzzDecodeDossiers(f *testing.F) {
	addSeeds(f, "dossiers.json", "dossiers.encoded.json")
	f.Fuzz(checkDossierRoundTrip)
}

// checkDossierRoundTrip is the body of FuzzDecodeDossiers.
func checkDossierRoundTrip(t *testing.T, data []byte) {
	{
		dups := recordsWithDuplicateKeys(data)
		var good []model.Dossier
		index, errs := 0, 0
		for d, err := range DecodeDossiers(bytes.NewReader(data)) {
			if err != nil {
				if _, ok := err.(*RecordError); !ok {
					t.Fatalf("error %T %v is not *RecordError", err, err)
				}
				index++
				errs++
				continue
			}
			if dups[index] {
				t.Fatalf("record %d has a repeated key but decoded without error:\n%q", index, data)
			}
			good = append(good, d)
			index++
		}
		if errs == 0 && envelopeDataKeys(data) > 1 {
			t.Fatalf("a payload with two data arrays decoded without error:\n%q", data)
		}
		first := encodeDossiers(t, good, Envelope{Service: "DongBoHoSoMC"})
		checkNoReplacement(t, data, first)
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

// recordsWithDuplicateKeys returns the indexes of the elements of a bare
// array payload whose own keys repeat (exactly), found with encoding/json's
// tokenizer as a reference; nil for other payloads or malformed JSON.
func recordsWithDuplicateKeys(data []byte) map[int]bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('[') {
		return nil
	}
	out := map[int]bool{}
	for i := 0; dec.More(); i++ {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil
		}
		rd := json.NewDecoder(bytes.NewReader(raw))
		if t, err := rd.Token(); err != nil || t != json.Delim('{') {
			continue
		}
		seen := map[string]bool{}
		for rd.More() {
			k, err := rd.Token()
			if err != nil {
				return nil
			}
			key, _ := k.(string)
			if seen[key] {
				out[i] = true
			}
			seen[key] = true
			var skip json.RawMessage
			if err := rd.Decode(&skip); err != nil {
				return nil
			}
		}
	}
	return out
}

// envelopeDataKeys counts the "data" keys of an envelope object, read with
// encoding/json's tokenizer as a reference (0 for other payloads).
func envelopeDataKeys(data []byte) int {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return 0
	}
	n := 0
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return 0
		}
		if k == "data" {
			n++
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return 0
		}
	}
	return n
}

// checkNoReplacement fails when the input holds no U+FFFD (raw or escaped)
// but the re-encoding of what decoded does: the decoder replaced invalid
// text instead of rejecting it, which merges distinct codes.
func checkNoReplacement(t *testing.T, in, out []byte) {
	t.Helper()
	has := func(b []byte) bool {
		return bytes.Contains(b, []byte("\uFFFD")) || bytes.Contains(bytes.ToLower(b), []byte(`\ufffd`))
	}
	if !has(in) && has(out) {
		t.Fatalf("U+FFFD appeared in decoding:\n%q\n%s", in, out)
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
		checkNoReplacement(t, data, buf.Bytes())
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

// FuzzParseTime checks that ParseTime never panics, that every accepted
// time survives FormatTime → ParseTime to the second and that no accepted
// offset exceeds MaxOffset.
func FuzzParseTime(f *testing.F) {
	for _, s := range []string{
		"20260803081512", "20240229235959", "20261301000000", "2026-08-03T08:15:12", "2026-08-03T08:15:12.250",
		"2026-08-03T01:15:12Z", "2026-08-03T03:15:12.5+02:00", "2026-08-03T08:15:12+0700", "2026-08-03 08:15:12",
		"2026-08-03", "03/08/2026 08:15:12", "3/8/2026 08:15", "03/08/2026", "", "hôm nay", "9999-12-31T23:59:59-12:00",
		"0001-01-01T00:00:00+14:00", "00010101000000", "99991231235959",
		"2026-08-03T08:15:12+23:59", "2026-08-03T08:15:12+24:00", "2026-08-03T08:15:12-13:60", "2026-08-03 08:15+1401",
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
		// An accepted explicit offset is a real one: at most ±14:00.
		for _, layout := range []string{"2006-01-02T15:04:05.999999999Z07:00", "2006-01-02T15:04:05.999999999Z0700",
			"2006-01-02T15:04Z07:00", "2006-01-02 15:04:05.999999999Z07:00"} {
			if u, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
				if _, off := u.Zone(); off > int(MaxOffset/time.Second) || off < -int(MaxOffset/time.Second) {
					t.Fatalf("%q accepted with offset %ds", s, off)
				}
			}
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
