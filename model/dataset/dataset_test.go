package dataset

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func write(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const (
	unitsCSV    = "id,name,kind,parent\nH44,Tỉnh,PROVINCE,\n000.00.12.H44,Sở,PROVINCIAL_DEPARTMENT,H44\n"
	dossierJSON = `{"service":"DongBoHoSoMC","data":[{"MaHoSo":"000.00.12.H44-260803-0001","TrangThaiHoSo":"2","NgayTiepNhan":"20260803080000"}]}`
	stepJSON    = `{"service":"CapNhatTienDoHoSoMC","data":[{"MaHoSo":"000.00.12.H44-260803-0001","ThoiDiemXuLy":"20260803090000","TrangThai":"2"}]}`
	procJSON    = `{"error_code":"0","result":[{"MATTHC":"1.001193","TENTTHC":"Khai sinh"}]}`
)

func TestSniff(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name, body string
		want       Kind
		format     Format
		detail     string
	}{
		{"d.json", dossierJSON, Dossiers, JSON, ""},
		{"bom.json", "\xEF\xBB\xBF" + dossierJSON, Dossiers, JSON, ""},
		{"s.json", stepJSON, Steps, JSON, ""},
		{"p.json", procJSON, Procedures, JSON, ""},
		{"u.csv", unitsCSV, Units, CSV, ""},
		{"semicolon.csv", "id;name;kind;parent\nH44;Tỉnh;PROVINCE;\n", Units, CSV, ""},
		{"d.csv", "code,unit_id,procedure_code,status,received_at,due_at\nX,H44,P,2,,\n", Dossiers, CSV, ""},
		{"p.csv", "code,name,durations,fees\nP,Khai sinh,,\n", Procedures, CSV, ""},
		{"o.csv", "procedure_code,unit_id,level,state\nP,H44,4,\n", Offerings, CSV, ""},
		{"st.csv", "dossier_code,at,status,action\nX,20260803090000,2,\n", Steps, CSV, ""},
		{"r.csv", "dossier_code,at,level\nX,,1\n", Ratings, CSV, ""},
		{"pk.csv", "id,unit_id,received_at,category\nPK,H44,,\n", Petitions, CSV, ""},
		{"c.csv", "unit_id,electronic\nH44.100,1\n", Copies, CSV, ""},
		{"utf16.csv", "\xFF\xFEi\x00d\x00", "", "", "UTF-16"},
		{"empty.csv", "", "", "", "empty"},
		{"other.csv", "a,b,c\n1,2,3\n", "", CSV, "no layout"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			k, f, err := Sniff(write(t, dir, tc.name, tc.body), Units)
			if tc.detail != "" {
				var ke *KindError
				if !errors.As(err, &ke) || !errors.Is(err, ErrKind) || !strings.Contains(err.Error(), tc.detail) {
					t.Fatalf("err %v, want a KindError mentioning %q", err, tc.detail)
				}
				return
			}
			if err != nil || k != tc.want || f != tc.format {
				t.Fatalf("got %s %s %v, want %s %s", k, f, err, tc.want, tc.format)
			}
		})
	}
}

// TestLoadWrongKind: a dossier payload given as the procedure catalogue is an error naming the file,
// what it holds and what was expected (it used to load as an empty catalogue).
func TestLoadWrongKind(t *testing.T) {
	dir := t.TempDir()
	d := write(t, dir, "dossiers.json", dossierJSON)
	_, err := Load(Files{Units: write(t, dir, "units.csv", unitsCSV), Procedures: d})
	var ke *KindError
	if !errors.As(err, &ke) || ke.Want != Procedures || ke.Got != Dossiers || ke.File != d {
		t.Fatalf("err %v, want a KindError (want procedures, got dossiers)", err)
	}
	want := d + ": expected procedures, but the file holds dossiers (json)"
	if err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
}

func TestConventionAndLoad(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "units.csv", unitsCSV)
	write(t, dir, "dossiers-2026-08.json", dossierJSON)
	write(t, dir, "dossiers-2026-09.json", dossierJSON)
	write(t, dir, "steps.json", stepJSON)
	write(t, dir, "notes.txt", "x")
	f, ignored, err := Convention(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Dossiers) != 2 || !strings.HasSuffix(f.Dossiers[0], "dossiers-2026-08.json") || f.Units == "" || len(f.Steps) != 1 {
		t.Fatalf("files %+v", f)
	}
	if !slices.Equal(ignored, []string{"notes.txt"}) {
		t.Errorf("ignored %v", ignored)
	}
	s, err := Load(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Units) != 2 || s.StepRecords != 1 {
		t.Fatalf("units %d steps %d", len(s.Units), s.StepRecords)
	}
	for range 2 { // re-rangeable
		n := 0
		for d, err := range s.Dossiers() {
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Steps) != 1 {
				t.Errorf("dossier %s has %d steps, want 1", d.Code, len(d.Steps))
			}
			n++
		}
		if n != 2 {
			t.Fatalf("%d dossiers, want 2", n)
		}
	}
	write(t, dir, "procedures.csv", "code\nP\n")
	write(t, dir, "procedures.json", procJSON)
	var ce *ConventionError
	if _, _, err := Convention(dir); !errors.As(err, &ce) || ce.Kind != Procedures {
		t.Errorf("two procedure files: err %v", err)
	}
	if _, _, err := Convention(t.TempDir()); !errors.As(err, &ce) {
		t.Errorf("empty dir: err %v", err)
	}
}

// TestDossiersSkip: a bad value in one record is a recoverable *FileError and the stream goes on; a
// malformed payload ends it.
func TestDossiersSkip(t *testing.T) {
	dir := t.TempDir()
	bad := `{"service":"DongBoHoSoMC","data":[{"MaHoSo":"A-260803-0001","NgayTiepNhan":"20261305090000"},{"MaHoSo":"A-260803-0002"}]}`
	s := &Set{Files: Files{Dossiers: []string{write(t, dir, "d.json", bad)}}}
	var codes []string
	var errs []*FileError
	for d, err := range s.Dossiers() {
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T %v", err, err)
			}
			errs = append(errs, fe)
			continue
		}
		codes = append(codes, d.Code)
	}
	if len(errs) != 1 || !errs[0].Recoverable || errs[0].Field != "NgayTiepNhan" || errs[0].Index != 0 {
		t.Fatalf("errors %+v", errs)
	}
	if !slices.Equal(codes, []string{"A-260803-0002"}) {
		t.Errorf("codes %v", codes)
	}
	trunc := write(t, dir, "t.json", bad[:60])
	s = &Set{Files: Files{Dossiers: []string{trunc}}}
	for _, err := range s.Dossiers() {
		var fe *FileError
		if err == nil || !errors.As(err, &fe) || fe.Recoverable {
			t.Errorf("truncated: %v, want an unrecoverable FileError", err)
		}
	}
}

// FuzzSniff: any first bytes give a kind, or a *KindError, never a panic.
func FuzzSniff(f *testing.F) {
	for _, s := range []string{unitsCSV, dossierJSON, stepJSON, procJSON, "\xFF\xFEa\x00", "", "a;b\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		k, _, detail := sniff(b)
		if k == "" && detail == "" {
			t.Fatalf("no kind and no reason for %q", b)
		}
	})
}
