package dataset

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
	"github.com/vn-dvc/chiso766/model/portal"
)

// stepsCSV and stepsJSON interleave the steps of three codes and carry what the compact store must keep
// exactly: absent and present times in two offsets, an unknown status, a fabricated step (real_event
// 0), repeated and distinct texts, unknown keys (JSON), a code that differs only in case.
const stepsCSV = `dossier_code,at,status,action,officer,title,department,started_at,deadline,from_unit,to_unit,real_event
A,2026-08-03T09:00:00+07:00,2,Tiếp nhận,Lê Huy,,,,,,,1
B,2026-08-03T10:00:00Z,4,Chuyển xử lý,Lê Huy,Chuyên viên,Phòng 1,2026-08-03T10:00:00+07:00,2026-08-10T17:00:00+07:00,H44.1,H44.2,1
A,2026-08-04T09:00:00+07:00,77,Lạ,Trần Văn B,,,,,,,0
a,,9,,,,,,,,,1
B,2026-08-05T16:30:00+07:00,9,Trả kết quả,Lê Huy,,,,,,,1
A,2026-08-05T09:00:00+07:00,9,Trả kết quả,,,,,,,,1
`

const stepsJSON = `{"service":"CapNhatTienDoHoSoMC","data":[
{"MaHoSo":"A","ThoiDiemXuLy":"20260803090000","TrangThai":"2","NguoiXuLy":"Lê Huy","X-Them":{"k":[1,2]}},
{"MaHoSo":"B","ThoiDiemXuLy":"20260803100000","TrangThai":"4","NoiDungXuLy":"Chuyển"},
{"MaHoSo":"A","ThoiDiemXuLy":"20260804090000","TrangThai":"5","SuKienThuc":"0","Khac":"x"},
{"MaHoSo":"C","TrangThai":"9"}]}`

// TestStepsCompactEqualsDecoded: what the set gives back (Steps, AttachSteps) is, field for field, what
// the decoder gave, grouped by code in file order — for CSV and JSON step files and two files at once.
func TestStepsCompactEqualsDecoded(t *testing.T) {
	dir := t.TempDir()
	csvName := write(t, dir, "steps.csv", stepsCSV)
	jsonName := write(t, dir, "steps.json", stepsJSON)
	for _, names := range [][]string{{csvName}, {jsonName}, {csvName, jsonName}} {
		want := map[string][]model.Step{}
		total := 0
		for _, name := range names {
			f, err := os.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			seq := csvio.DecodeSteps(f)
			if strings.HasSuffix(name, ".json") {
				seq = portal.DecodeSteps(f)
			}
			for st, err := range seq {
				if err != nil {
					t.Fatal(err)
				}
				want[st.DossierCode] = append(want[st.DossierCode], st)
				total++
			}
			f.Close()
		}
		set, err := Load(Files{Steps: names})
		if err != nil {
			t.Fatal(err)
		}
		if set.StepRecords != total {
			t.Errorf("%v: StepRecords %d, want %d", names, set.StepRecords, total)
		}
		for code, w := range want {
			if got := set.Steps(code); !reflect.DeepEqual(got, w) {
				t.Errorf("%v: Steps(%q) =\n%+v\nwant\n%+v", names, code, got, w)
			}
			own := model.Step{DossierCode: code, Action: "own"}
			d := model.Dossier{Code: code, Steps: []model.Step{own}}
			set.AttachSteps(&d)
			if !reflect.DeepEqual(d.Steps, append([]model.Step{own}, w...)) {
				t.Errorf("%v: AttachSteps(%q) = %+v", names, code, d.Steps)
			}
		}
		if got := set.Steps("none"); got != nil {
			t.Errorf("Steps(none) = %v", got)
		}
		d := model.Dossier{Code: "none"}
		set.AttachSteps(&d)
		if d.Steps != nil {
			t.Errorf("AttachSteps(none) = %v", d.Steps)
		}
	}
}

// TestAttachStepsDoesNotWriteThrough: the dossier's own step slice is not written (the set's records
// and the caller's backing array stay as they were).
func TestAttachStepsDoesNotWriteThrough(t *testing.T) {
	dir := t.TempDir()
	set, err := Load(Files{Steps: []string{write(t, dir, "steps.csv", stepsCSV)}})
	if err != nil {
		t.Fatal(err)
	}
	backing := make([]model.Step, 1, 10)
	d := model.Dossier{Code: "A", Steps: backing}
	set.AttachSteps(&d)
	if len(d.Steps) != 4 || backing[:2][1].DossierCode != "" {
		t.Fatalf("steps %d, backing written: %+v", len(d.Steps), backing[:2])
	}
	d.Steps[1].Officer = "changed"
	if set.Steps("A")[0].Officer != "Lê Huy" {
		t.Fatal("the set's step was changed through a caller's copy")
	}
}

// TestStepZones: times keep their location — the same pointer while the store's table of locations has
// room; past 65 535 distinct locations, an equivalent one (same name and zone: a decoder making a fixed
// zone per value); a location with no equivalent then is an error, and the step is not added.
func TestStepZones(t *testing.T) {
	var s stepStore
	at := time.Date(2026, 8, 3, 9, 0, 0, 123, time.UTC)
	const n = 70_000
	var want []model.Step
	for i := range n {
		loc := time.FixedZone("+07", 7*3600) // a new pointer every time, as time.Parse makes for a named offset
		st := model.Step{DossierCode: "A", At: model.Some(at.In(loc)), Deadline: model.Some(at)}
		if i%2 == 0 {
			st.StartedAt = model.Some(at.In(time.FixedZone("ICT", 7*3600)))
		}
		if err := s.add(&st); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		want = append(want, st)
	}
	got := s.appendSteps(nil, "A")
	if len(got) != n {
		t.Fatalf("%d steps", len(got))
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("step %d: %+v, want %+v", i, got[i], want[i])
		}
		if i < 1000 && got[i].At.T.Location() != want[i].At.T.Location() {
			t.Fatalf("step %d: another location pointer while the table has room", i)
		}
		if !got[i].At.T.Equal(want[i].At.T) || got[i].At.T.String() != want[i].At.T.String() {
			t.Fatalf("step %d: %v, want %v", i, got[i].At.T, want[i].At.T)
		}
	}
	other := model.Step{DossierCode: "B", At: model.Some(at.In(time.FixedZone("X", 3600)))}
	if err := s.add(&other); !errors.Is(err, errTooManyZones) {
		t.Fatalf("a new zone past the table: %v", err)
	}
	if got := s.appendSteps(nil, "B"); got != nil {
		t.Fatalf("the failed step was added: %v", got)
	}
}

// FuzzStepStore: whatever a step file holds, the set gives back, code by code, exactly the steps the
// decoder read (or Load fails with the decoder's error).
func FuzzStepStore(f *testing.F) {
	f.Add([]byte(stepsCSV), false)
	f.Add([]byte(stepsJSON), true)
	f.Add([]byte("dossier_code,at,status\nA,2026-08-03T09:00:00-05:30,2\nA,2026-08-03T09:00:00.5+14:00,x\n"), false)
	f.Fuzz(func(t *testing.T, body []byte, asJSON bool) {
		if len(body) > 1<<16 {
			return
		}
		dir := t.TempDir()
		name := filepath.Join(dir, "steps.csv")
		if asJSON {
			name = filepath.Join(dir, "steps.json")
		}
		if err := os.WriteFile(name, body, 0o644); err != nil {
			t.Fatal(err)
		}
		want := map[string][]model.Step{}
		var decodeErr error
		_, format, err := Sniff(name, Steps) // Load picks the decoder by the content, not the name
		if err != nil {
			return
		}
		seq := csvio.DecodeSteps(bytes.NewReader(body))
		if format == JSON {
			seq = portal.DecodeSteps(bytes.NewReader(body))
		}
		for st, err := range seq {
			if err != nil {
				decodeErr = err
				break
			}
			want[st.DossierCode] = append(want[st.DossierCode], st)
		}
		set, err := Load(Files{Steps: []string{name}})
		if err != nil {
			return // not a step file by its content (a KindError), or the decoder's error
		}
		if decodeErr != nil {
			t.Fatalf("Load accepted a file the decoder rejects: %v", decodeErr)
		}
		for code, w := range want {
			if got := set.Steps(code); !reflect.DeepEqual(got, w) {
				t.Fatalf("Steps(%q) =\n%+v\nwant\n%+v", code, got, w)
			}
		}
	})
}
