package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/vn-dvc/chiso766/indicator"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
	"github.com/vn-dvc/chiso766/model/portal"
)

// A province unlike the sample (Phú Thọ-style unit codes 000.00.xx.H44, a department and two communes
// directly under the province, its own procedure), written as files, scored by the command.
const (
	provUnits = "id,code,name,kind,parent\n" +
		"H44,000.00.00.H44,UBND tỉnh Phú Thọ,PROVINCE,\n" +
		"000.00.12.H44,000.00.12.H44,Sở Tư pháp,PROVINCIAL_DEPARTMENT,H44\n" +
		"000.00.31.H44,000.00.31.H44,UBND xã An Bình,COMMUNE_PEOPLE_COMMITTEE,H44\n" +
		"000.00.32.H44,000.00.32.H44,UBND phường Hòa Bình,COMMUNE_PEOPLE_COMMITTEE,H44\n"
	// 1.000001.H44: 5 working days, no fee, an electronic result (no paper result).
	provProcedures = "code,name,durations,paper_result\n" +
		"1.000001.H44,Chứng thực bản sao,1|5|Ngày làm việc|0;2|5|Ngày làm việc|0,0\n"
	provOfferings = "procedure_code,unit_id,level,state\n" +
		"1.000001.H44,000.00.12.H44,4,Đang công khai\n" +
		"1.000001.H44,000.00.31.H44,4,Đang công khai\n" +
		"1.000001.H44,000.00.32.H44,4,Đang công khai\n"
	provCopies = "unit_id,electronic\n000.00.31.H44,1\n000.00.32.H44,0\n"
)

// pd is one dossier of the province: received Monday 3/8/2026 08:00, due Monday 10/8 17:00 (5 working
// days), finished on Friday 7/8 (on time) or Wednesday 12/8 (late), or still processing (open).
type pd struct {
	code     string
	online   bool
	late     bool
	open     bool
	received string // NgayTiepNhan; "" means 20260803080000
}

func (d pd) json() string {
	ch, st, end := "1", "9", `,"NgayKetThucXuLy":"20260807100000"`
	if d.online {
		ch = "2"
	}
	if d.late {
		end = `,"NgayKetThucXuLy":"20260812100000"`
	}
	if d.open {
		st, end = "4", ""
	}
	rec := d.received
	if rec == "" {
		rec = "20260803080000"
	}
	return fmt.Sprintf(`{"MaHoSo":%q,"MaTTHC":"1.000001.H44","TenTTHC":"Chứng thực bản sao","KenhThucHien":%q,`+
		`"NgayNopHoSo":"20260803073000","NgayTiepNhan":%q,"NgayHenTra":"20260810170000","TrangThaiHoSo":%q%s}`,
		d.code, ch, rec, st, end)
}

// provDossiers, in input order. Hand-worked (2.1 = on time / handled; 3.3 = online / received, full
// marks at 50 %):
//
//	000.00.12.H44  0001 online on time; 0002 direct late; 0003 sent twice — first open (overdue on 1/9),
//	               then finished on time online: the latest version counts → 2.1 2/3, 3.3 2/3
//	000.00.31.H44  0001 online on time; 0002 a placeholder reception date "00000000000000" (skipped under
//	               -on-error skip); 0003 direct on time → 2.1 2/2, 3.3 1/2
//	000.00.32.H44  0001 direct late; 0002 direct on time → 2.1 1/2, 3.3 0/2
//	000.00.99.H44  0001: a unit not in units.csv (unattributed: warned, not scored)
//	H44 (pooled)   2.1 5/7, 3.3 3/7
//
// 1.4: every record of the payload was sent (7/7; 3/3, 2/2, 2/2). 4.4 (copies.csv): 31 offers electronic
// certified copies, 32 does not → 1/1, 0/1, the province 1/2, the department no commune (0/0).
func provDossiers() []pd {
	return []pd{
		{code: "000.00.12.H44-260803-0001", online: true},
		{code: "000.00.12.H44-260803-0002", late: true},
		{code: "000.00.12.H44-260803-0003", online: true, open: true},
		{code: "000.00.31.H44-260803-0001", online: true},
		{code: "000.00.31.H44-260803-0002", online: true, received: "00000000000000"},
		{code: "000.00.31.H44-260803-0003"},
		{code: "000.00.32.H44-260803-0001", late: true},
		{code: "000.00.12.H44-260803-0003", online: true}, // the re-send: finished on time
		{code: "000.00.32.H44-260803-0002"},
		{code: "000.00.99.H44-260803-0001", online: true},
	}
}

// writeProvince writes the province in dir: the dossiers as a DongBoHoSoMC payload (dossiers.json) and,
// in csv, the same records in the csvio dossier layout (dossiers.csv: the JSON decoded and written
// again, the placeholder row added by hand at its place).
func writeProvince(t *testing.T, dir string) (jsonPath, csvPath string) {
	t.Helper()
	w := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	w("units.csv", provUnits)
	w("procedures.csv", provProcedures)
	w("offerings.csv", provOfferings)
	w("copies.csv", provCopies)
	var recs []string
	for _, d := range provDossiers() {
		recs = append(recs, d.json())
	}
	payload := func(recs []string) string {
		return `{"service":"DongBoHoSoMC","isUpdating":"False","MaDinhDanhDV":"H44","data":[` + strings.Join(recs, ",") + "]}"
	}
	jsonPath = w("dossiers.json", payload(recs))
	// The same records in two payloads (the re-send in the second), for -dossiers a,b.
	if err := os.MkdirAll(filepath.Join(dir, "parts"), 0o755); err != nil {
		t.Fatal(err)
	}
	w(filepath.Join("parts", "a.json"), payload(recs[:4]))
	w(filepath.Join("parts", "b.json"), payload(recs[4:]))

	var b strings.Builder
	cw := csvio.NewDossierWriter(&b)
	for i, d := range provDossiers() {
		ds, err := readOne(d.json())
		if d.received != "" { // the placeholder: write the record with a good date, then break the cell
			good := d
			good.received = "20260803080000"
			if ds, err = readOne(good.json()); err != nil {
				t.Fatal(err)
			}
		} else if err != nil {
			t.Fatalf("record %d: %v", i, err)
		}
		if err := cw.Write(&ds); err != nil {
			t.Fatal(err)
		}
	}
	if err := cw.Flush(); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "received_at")
	if col < 0 || rows[5][0] != "000.00.31.H44-260803-0002" {
		t.Fatalf("cannot place the placeholder: header %v, row %v", rows[0], rows[5])
	}
	rows[5][col] = "00000000000000"
	var out strings.Builder
	ww := csv.NewWriter(&out)
	if err := ww.WriteAll(rows); err != nil {
		t.Fatal(err)
	}
	csvPath = filepath.Join(dir, "csv", "dossiers.csv")
	if err := os.MkdirAll(filepath.Dir(csvPath), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(csvPath, []byte(out.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return jsonPath, csvPath
}

func readOne(rec string) (model.Dossier, error) {
	for d, err := range portal.DecodeDossiers(strings.NewReader(`{"data":[` + rec + `]}`)) {
		return d, err
	}
	return model.Dossier{}, fmt.Errorf("no record")
}

type provRow struct {
	id              string
	num21, den21    int64
	score21, group2 string
	num33, den33    int64
	score33         string
	num14, den14    int64 // a record of a DongBoHoSoMC payload was sent (the CSV carries it as sync_sent_at)
	num44, den44    int64 // copies.csv: commune 31 offers electronic certified copies, 32 does not
}

// TestOwnProvince: the hand-worked table, on the JSON payload and on the same data as CSV (identical
// cards), by -data and by flags; then the refusals (-on-error stop, -strict, a file of the wrong kind).
func TestOwnProvince(t *testing.T) {
	dir := t.TempDir()
	jsonPath, csvPath := writeProvince(t, dir)
	want := []provRow{
		{"H44", 5, 7, "14.29", "14.29", 3, 7, "5.14", 7, 7, 1, 2},
		{"000.00.12.H44", 2, 3, "13.33", "13.33", 2, 3, "6.00", 3, 3, 0, 0},
		{"000.00.31.H44", 2, 2, "20.00", "20.00", 1, 2, "6.00", 2, 2, 1, 1},
		{"000.00.32.H44", 1, 2, "10.00", "10.00", 0, 2, "0.00", 2, 2, 0, 1},
	}
	base := []string{"-period", "2026-08", "-asof", "2026-09-01", "-on-error", "skip", "-format", "json"}
	f := func(name string) string { return filepath.Join(dir, name) }
	runs := map[string][]string{
		"json -data":        append(append([]string{}, base...), "-data", dir),
		"csv flags":         append(append([]string{}, base...), "-units", f("units.csv"), "-procedures", f("procedures.csv"), "-offerings", f("offerings.csv"), "-copies", f("copies.csv"), "-dossiers", csvPath),
		"json flags":        append(append([]string{}, base...), "-units", f("units.csv"), "-procedures", f("procedures.csv"), "-offerings", f("offerings.csv"), "-copies", f("copies.csv"), "-dossiers", jsonPath),
		"csv on data":       append(append([]string{}, base...), "-data", dir, "-dossiers", csvPath), // the flag names the file on top of the directory
		"json in two files": append(append([]string{}, base...), "-data", dir, "-dossiers", f("parts/a.json")+","+f("parts/b.json"), "-workers", "1"),
	}
	outs := map[string]string{}
	for name, args := range runs {
		out, errs, code := runCLI(t, args...)
		if code != 0 {
			t.Fatalf("%s: exit %d stderr %s", name, code, errs)
		}
		outs[name] = out
		for _, w := range []string{
			"WARNING: 1 dossiers are attributed to 1 units not in", "000.00.99.H44: 1 dossiers, e.g. 000.00.99.H44-260803-0001",
			"-on-error skip: 1 records skipped", `bad date: "00000000000000"`, "1 re-sent versions superseded",
			"data quality: 9 dossier records",
		} {
			if !strings.Contains(errs, w) {
				t.Errorf("%s: stderr lacks %q:\n%s", name, w, errs)
			}
		}
		var v struct {
			Card struct {
				Dossiers int64 `json:"dossiers"`
				Units    []struct {
					Unit   struct{ ID string } `json:"unit"`
					Pooled struct {
						Groups []struct {
							Score   decimal.Decimal          `json:"score"`
							Metrics []indicator.MetricResult `json:"metrics"`
						} `json:"groups"`
					} `json:"pooled"`
				} `json:"units"`
				Ledgers      []indicator.CalculatorLedger `json:"ledgers"`
				Unattributed []string                     `json:"unattributed"`
			} `json:"card"`
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(v.Card.Units) != len(want) {
			t.Fatalf("%s: %d unit rows, want %d (no sample unit)", name, len(v.Card.Units), len(want))
		}
		metric := func(i int, g int, id string) indicator.MetricResult {
			for _, m := range v.Card.Units[i].Pooled.Groups[g].Metrics {
				if m.ID.String() == id {
					return m
				}
			}
			t.Fatalf("%s: no metric %s", name, id)
			return indicator.MetricResult{}
		}
		for i, w := range want {
			u := v.Card.Units[i]
			m14, m21, m33, m44 := metric(i, 0, "1.4"), metric(i, 1, "2.1"), metric(i, 2, "3.3"), metric(i, 4, "4.4")
			got := provRow{u.Unit.ID, m21.Num, m21.Den, m21.Score.StringFixed(2), u.Pooled.Groups[1].Score.StringFixed(2),
				m33.Num, m33.Den, m33.Score.StringFixed(2), m14.Num, m14.Den, m44.Num, m44.Den}
			if got != w {
				t.Errorf("%s: row %d\n got %+v\nwant %+v", name, i, got, w)
			}
		}
		if v.Card.Dossiers != 8 || len(v.Card.Unattributed) != 1 || v.Card.Unattributed[0] != "000.00.99.H44" {
			t.Errorf("%s: %d dossiers (want 8 scored), unattributed %v", name, v.Card.Dossiers, v.Card.Unattributed)
		}
		ledgers := map[string]indicator.CalculatorLedger{}
		for _, l := range v.Card.Ledgers {
			ledgers[l.Calculator] = l
		}
		if l := ledgers["resend"]; l.Records.Read != 9 || l.Records.Excluded != 1 {
			t.Errorf("%s: resend ledger %+v, want 9 read, 1 superseded", name, l)
		}
		if l := ledgers["input"]; l.Records.Read != 10 || l.Records.Excluded != 1 {
			t.Errorf("%s: input ledger %+v, want 10 read, 1 skipped", name, l)
		}
	}
	for name, out := range outs {
		if out != outs["csv flags"] {
			t.Errorf("%s: the card differs from the CSV's (the JSON payload, the same data as CSV and the payload in two files must give one card)", name)
		}
	}

	// Refusals.
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"placeholder date stops by default", []string{"-data", dir, "-period", "2026-08", "-asof", "2026-09-01"},
			"dossiers.json: record 5 (code 000.00.31.H44-260803-0002) field NgayTiepNhan: bad date"},
		{"-strict", []string{"-data", dir, "-period", "2026-08", "-asof", "2026-09-01", "-on-error", "skip", "-strict"},
			"-strict: 1 dossiers attributed to units not in"},
		{"dossiers given as procedures", []string{"-units", f("units.csv"), "-procedures", jsonPath, "-dossiers", jsonPath},
			jsonPath + ": expected procedures, but the file holds dossiers (json)"},
		{"no units", []string{"-dossiers", jsonPath}, "no units: give -units FILE"},
		{"bad -on-error", []string{"-data", dir, "-on-error", "ignore"}, `-on-error: "ignore" is neither stop nor skip`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errs, code := runCLI(t, tc.args...)
			if code != 1 || !strings.Contains(errs, tc.want) || out != "" {
				t.Errorf("exit %d stdout %q stderr %q, want exit 1 and %q", code, out, errs, tc.want)
			}
		})
	}

	// -unit knows the province's own units; -check prints the data-quality report only.
	out, errs, code := runCLI(t, "-data", dir, "-period", "2026-08", "-asof", "2026-09-01", "-on-error", "skip", "-unit", "000.00.12.H44", "-lang", "en")
	if code != 0 || !strings.Contains(out, "Sở Tư pháp") || strings.Contains(out, "H99") {
		t.Errorf("-unit: exit %d stderr %q out:\n%s", code, errs, out)
	}
	out, errs, code = runCLI(t, "-data", dir, "-period", "2026-08", "-asof", "2026-09-01", "-on-error", "skip", "-check")
	if code != 0 || !strings.HasPrefix(out, "Data-quality report: 9 dossier records") || !strings.Contains(out, "duplicate-code") {
		t.Errorf("-check: exit %d stderr %q out:\n%s", code, errs, out)
	}
	// -check as a pre-flight lint of a payload alone: no unit file needed, nothing else printed.
	out, errs, code = runCLI(t, "-dossiers", jsonPath, "-on-error", "skip", "-check")
	if code != 0 || !strings.HasPrefix(out, "Data-quality report: 9 dossier records") || strings.Contains(errs, "warning") ||
		!strings.Contains(out, "-on-error skip: 1 records skipped") {
		t.Errorf("-check on a payload alone: exit %d stderr %q out:\n%s", code, errs, out)
	}
}

// TestNoDataField: a dossier CSV without the sync columns carries nothing 1.4 rests on: 1.4 is reported
// as no data (null, 0/0) with a warning, not as 0 of every dossier (the points are those of 0/N: a null
// metric adds 0 to its group).
func TestNoDataField(t *testing.T) {
	dir := t.TempDir()
	_, csvPath := writeProvince(t, dir)
	b, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var keep []int
	for i, h := range rows[0] {
		if !strings.HasPrefix(h, "sync_") {
			keep = append(keep, i)
		}
	}
	var out strings.Builder
	w := csv.NewWriter(&out)
	for _, r := range rows {
		var cut []string
		for _, i := range keep {
			cut = append(cut, r[i])
		}
		if err := w.Write(cut); err != nil {
			t.Fatal(err)
		}
	}
	w.Flush()
	nosync := filepath.Join(dir, "csv", "nosync.csv")
	if err := os.WriteFile(nosync, []byte(out.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	got, errs, code := runCLI(t, "-data", dir, "-dossiers", nosync, "-period", "2026-08", "-asof", "2026-09-01", "-on-error", "skip", "-format", "json")
	if code != 0 {
		t.Fatalf("exit %d stderr %s", code, errs)
	}
	if !strings.Contains(errs, "warning: no dossier carries the sync fields") || !strings.Contains(errs, "1.4 reported as no data") {
		t.Errorf("no warning about 1.4:\n%s", errs)
	}
	var v struct {
		Card struct {
			Units []struct {
				Pooled struct {
					Total  decimal.Decimal `json:"total"`
					Groups []struct {
						Metrics []indicator.MetricResult `json:"metrics"`
					} `json:"groups"`
				} `json:"pooled"`
			} `json:"units"`
		} `json:"card"`
	}
	if err := json.Unmarshal([]byte(got), &v); err != nil {
		t.Fatal(err)
	}
	for i, u := range v.Card.Units {
		for _, m := range u.Pooled.Groups[0].Metrics {
			if m.ID == indicator.M14 && (!m.Null || m.Num != 0 || m.Den != 0 || !m.Score.IsZero()) {
				t.Errorf("unit %d: 1.4 = %+v, want no data", i, m)
			}
		}
	}
}

// TestCheckSample: -check on the built-in sample prints the data-quality report only.
func TestCheckSample(t *testing.T) {
	out, errs, code := runCLI(t, "-sample-dossiers", "500", "-check")
	if code != 0 || !strings.HasPrefix(out, "Data-quality report: 500 dossier records\n") || !strings.Contains(out, "placeholder-identifier") ||
		strings.Contains(out, "UBND tỉnh Mẫu") {
		t.Errorf("exit %d stderr %q out:\n%s", code, errs, out)
	}
}
