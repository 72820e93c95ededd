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
// certified copies, 32 does not → 1/1, 0/1, the province 1/2, the department no commune (0/0). Every
// other metric, group score and total is worked out by hand above provWant.
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

// The hand-worked card, every metric of every unit row, from the records above and docs/rules.md (portal
// edition; period 8/2026, as of 1/9/2026 00:00; scores rounded half up to 2 places, a group is the sum of
// its metrics' rounded scores, the total the sum of the groups).
//
// The records. Every dossier of 1.000001.H44 is received Monday 3/8 08:00 (status ≠ 1, real dates, in the
// period), appointment NgayHenTra Monday 10/8 17:00. "On time" ends Friday 7/8 10:00: before the due day
// 10/8, so early, in 2.1's numerator; "late" ends Wednesday 12/8 10:00, after the due instant. After the
// re-send stage (12-0003's open first version superseded by its finished one) and the skip of 31-0002
// (placeholder NgayTiepNhan, "-on-error skip": out of every metric), the unit rows see:
//
//	unit  dossier  channel  end        2.1      3.3 (online)  2.2 seconds (reception → end)
//	12    0001     online   7/8 10:00  early    yes           4 d 2 h = 352 800
//	12    0002     direct   12/8 10:00 late     no            9 d 2 h = 784 800
//	12    0003     online   7/8 10:00  early    yes           352 800
//	31    0001     online   7/8 10:00  early    yes           352 800
//	31    0003     direct   7/8 10:00  early    no            352 800
//	32    0001     direct   12/8 10:00 late     no            784 800
//	32    0002     direct   7/8 10:00  early    no            352 800
//	(99-0001: no unit of units.csv, in no row; H44 itself has no dossier, its row pools 12 + 31 + 32.)
//
// Metric by metric (n/d per unit 12, 31, 32; H44 pools them unless said):
//
//	1.1–1.3  no announcement decision or publication in the input: 0/0 null (1.2 and 1.3 carried down
//	         from the province: null everywhere); score 0.
//	1.4      a record of a DongBoHoSoMC payload is sent (payload_sync; the CSV carries sync_sent_at): 3/3,
//	         2/2, 2/2, H44 7/7 → 6·1 = 6. Group 1 = 6 for every unit.
//	2.1      12: 2/3 → 20·2/3 = 13.33; 31: 2/2 → 20; 32: 1/2 → 10; H44 5/7 → 14.2857… = 14.29.
//	         Group 2 = 2.1's score.
//	2.2      reported, unscored (null): the finished dossiers 3, 2, 2, 7 (Den; Num 0); average days
//	         12: (352 800·2 + 784 800)/3 s = 5.75 d; 31: 4.083… = 4.08; 32: 568 800 s = 6.583… = 6.58;
//	         H44: (5·352 800 + 2·784 800)/7 s = 5.5119… = 5.51.
//	3.1      the one procedure is offered at level 4 (full online) by 12, 31 and 32; the province (top
//	         parent) counts the catalogue's one procedure: 1/1 everywhere → min(2, 2·1/0.8) = 2.
//	3.2      (unit, procedure) services at level 4 "Đang công khai": one each; used by an online dossier of
//	         3.3's denominator: 12 yes (0001), 31 yes (0001), 32 no → 1/1 = 4, 1/1 = 4, 0/1 = 0; H44 the
//	         three services, two used: 2/3 → 4·2/3 = 2.6666… = 2.67.
//	3.3      paper_result 0, so online suffices: 12 2/3 → min(6, 6·(2/3)/0.5) = 6; 31 1/2 → 6·0.5/0.5 = 6;
//	         32 0/2 → 0; H44 3/7 → 6·(3/7)/0.5 = 36/7 = 5.1428… = 5.14.
//	         Group 3a: 2 + 4 + 6 = 12; 12; 2 + 0 + 0 = 2; H44 2 + 2.67 + 5.14 = 9.81.
//	3.4–3.6  the procedure has no fee, so no fee-bearing procedure or dossier: 0/0, "no data → 0" (not
//	         null), score 0. Group 3b = 0.
//	4.1      the procedure returns no paper document: 0/0 null.
//	4.2      no submitted or result file: 0/3, 0/2, 0/2, 0/7 → 0.
//	4.3      no digitised component reused (every dossier has NgayTiepNhan): 0/3, 0/2, 0/2, 0/7 → 0.
//	4.4      copies.csv: 31 offers electronic certified copies, 32 does not: 31 1/1 → 2; 32 0/1 → 0;
//	         12 has no commune: 0/0, "no data → full marks" → 2; H44 1/2 → 1.
//	4.5      by docs/rules.md 0/3, 0/2, 0/2, 0/7 (no file from the store, no result sent to it), score 0;
//	         the command reports it as no data, 0/0 null, because no record carries result_synced_to_store
//	         (examples/scorecard doc: a metric resting on a field no record carries) — same score 0.
//	4.6a     procedures.csv gives no applicants, so no citizen-facing procedure: 0/0 null.
//	4.6b     no VNeID account, no store file, no population-database link: 0/3, 0/2, 0/2, 0/7 → 0.
//	         Group 4: 12: 2 (4.4); 31: 2; 32: 0; H44: 1.
//	5.0      no petitions: 0/0 null (reported only).
//	5.1, 5.2 no petitions: 0/0, full marks (ratio shown 0 %): 6 and 6.
//	5.3      no rating, no complaint: the numerator is 2.1's on-time dossiers over 2.1's denominator:
//	         12 2/3 → 6·(2/3)/0.9 = 4.444… = 4.44; 31 2/2 → 6; 32 1/2 → 3.333… = 3.33;
//	         H44 5/7 → 30/6.3 = 4.7619… = 4.76. Group 5: 16.44; 18; 15.33; 16.76.
//
// Totals: H44 6 + 14.29 + 9.81 + 0 + 1 + 16.76 = 47.86; 12: 6 + 13.33 + 12 + 0 + 2 + 16.44 = 49.77;
// 31: 6 + 20 + 12 + 0 + 2 + 18 = 58; 32: 6 + 10 + 2 + 0 + 0 + 15.33 = 33.33.
// Ranks (competition ranking; the province alone at its level, the three sub-units among themselves):
// H44 1; 31 (58) 1, 12 (49.77) 2, 32 (33.33) 3; per group among the sub-units: 1: all 6 → 1 1 1;
// 2: 20, 13.33, 10 → 31 1, 12 2, 32 3; 3a: 12, 12, 2 → 1, 1, 3; 3b: all 0 → 1; 4: 2, 2, 0 → 1, 1, 3;
// 5: 18, 16.44, 15.33 → 31 1, 12 2, 32 3. Bands (default table): 58 ≥ 50 average, the others < 50 weak.
// A sub-unit has no sub-unit, so its own result is its pooled one.
type provRow struct {
	id         string
	metrics    []string  // "n/d score" or "n/d null", in the card's order 1.1 … 5.3
	groups     [6]string // 1, 2, 3a, 3b, 4, 5
	total      string
	avgDays    string
	rank       int
	groupRanks [6]int
	band       string
}

var provWant = []provRow{
	{"H44", []string{
		"0/0 null", "0/0 null", "0/0 null", "7/7 6",
		"5/7 14.29", "0/7 null",
		"1/1 2", "2/3 2.67", "3/7 5.14",
		"0/0 0", "0/0 0", "0/0 0",
		"0/0 null", "0/7 0", "0/7 0", "1/2 1", "0/0 null", "0/0 null", "0/7 0",
		"0/0 null", "0/0 6", "0/0 6", "5/7 4.76"},
		[6]string{"6", "14.29", "9.81", "0", "1", "16.76"}, "47.86", "5.51", 1, [6]int{1, 1, 1, 1, 1, 1}, "weak"},
	{"000.00.12.H44", []string{
		"0/0 null", "0/0 null", "0/0 null", "3/3 6",
		"2/3 13.33", "0/3 null",
		"1/1 2", "1/1 4", "2/3 6",
		"0/0 0", "0/0 0", "0/0 0",
		"0/0 null", "0/3 0", "0/3 0", "0/0 2", "0/0 null", "0/0 null", "0/3 0",
		"0/0 null", "0/0 6", "0/0 6", "2/3 4.44"},
		[6]string{"6", "13.33", "12", "0", "2", "16.44"}, "49.77", "5.75", 2, [6]int{1, 2, 1, 1, 1, 2}, "weak"},
	{"000.00.31.H44", []string{
		"0/0 null", "0/0 null", "0/0 null", "2/2 6",
		"2/2 20", "0/2 null",
		"1/1 2", "1/1 4", "1/2 6",
		"0/0 0", "0/0 0", "0/0 0",
		"0/0 null", "0/2 0", "0/2 0", "1/1 2", "0/0 null", "0/0 null", "0/2 0",
		"0/0 null", "0/0 6", "0/0 6", "2/2 6"},
		[6]string{"6", "20", "12", "0", "2", "18"}, "58", "4.08", 1, [6]int{1, 1, 1, 1, 1, 1}, "average"},
	{"000.00.32.H44", []string{
		"0/0 null", "0/0 null", "0/0 null", "2/2 6",
		"1/2 10", "0/2 null",
		"1/1 2", "0/1 0", "0/2 0",
		"0/0 0", "0/0 0", "0/0 0",
		"0/0 null", "0/2 0", "0/2 0", "0/1 0", "0/0 null", "0/0 null", "0/2 0",
		"0/0 null", "0/0 6", "0/0 6", "1/2 3.33"},
		[6]string{"6", "10", "2", "0", "0", "15.33"}, "33.33", "6.58", 3, [6]int{1, 3, 3, 1, 3, 3}, "weak"},
}

// provResult is the part of a unit row's result the table checks.
type provResult struct {
	Groups []struct {
		Group   string                   `json:"group"`
		Score   decimal.Decimal          `json:"score"`
		Metrics []indicator.MetricResult `json:"metrics"`
	} `json:"groups"`
	Total   decimal.Decimal `json:"total"`
	AvgDays decimal.Decimal `json:"avgProcessingDays"`
}

// checkProvRow compares one unit row of the card with the hand-worked row w.
func checkProvRow(t *testing.T, run string, w provRow, id string, pooled provResult, rank int, groupRanks []int, band string) {
	t.Helper()
	dec := func(s string) decimal.Decimal { return decimal.RequireFromString(s) }
	if id != w.id {
		t.Errorf("%s: row %s, want %s", run, id, w.id)
		return
	}
	var got []indicator.MetricResult
	for g, gr := range pooled.Groups {
		if g < len(w.groups) && !gr.Score.Equal(dec(w.groups[g])) {
			t.Errorf("%s: %s group %s = %s, want %s", run, id, gr.Group, gr.Score, w.groups[g])
		}
		got = append(got, gr.Metrics...)
	}
	if len(pooled.Groups) != 6 || len(got) != len(w.metrics) {
		t.Fatalf("%s: %s has %d groups and %d metrics, want 6 and %d", run, id, len(pooled.Groups), len(got), len(w.metrics))
	}
	order := []string{"1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6",
		"4.1", "4.2", "4.3", "4.4", "4.5", "4.6a", "4.6b", "5.0", "5.1", "5.2", "5.3"}
	for i, m := range got {
		var num, den int64
		var score string
		if _, err := fmt.Sscanf(w.metrics[i], "%d/%d %s", &num, &den, &score); err != nil {
			t.Fatalf("bad table cell %q: %v", w.metrics[i], err)
		}
		null := score == "null"
		ok := m.ID.String() == order[i] && m.Num == num && m.Den == den && m.Null == null
		if null {
			ok = ok && m.Score.IsZero() // a null metric adds 0 to its group
		} else {
			ok = ok && m.Score.Equal(dec(score))
		}
		if !ok {
			t.Errorf("%s: %s metric %s = %d/%d score %s null %v, want %s %s", run, id, m.ID, m.Num, m.Den, m.Score, m.Null, order[i], w.metrics[i])
		}
	}
	if !pooled.Total.Equal(dec(w.total)) || !pooled.AvgDays.Equal(dec(w.avgDays)) {
		t.Errorf("%s: %s total %s, average days %s; want %s, %s", run, id, pooled.Total, pooled.AvgDays, w.total, w.avgDays)
	}
	if rank != w.rank || !slices.Equal(groupRanks, w.groupRanks[:]) || band != w.band {
		t.Errorf("%s: %s rank %d group ranks %v band %s; want %d %v %s", run, id, rank, groupRanks, band, w.rank, w.groupRanks, w.band)
	}
}

// TestOwnProvince: the hand-worked table, on the JSON payload and on the same data as CSV (identical
// cards), by -data and by flags; then the refusals (-on-error stop, -strict, a file of the wrong kind).
func TestOwnProvince(t *testing.T) {
	dir := t.TempDir()
	jsonPath, csvPath := writeProvince(t, dir)
	want := provWant
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
					Unit       struct{ ID string }   `json:"unit"`
					Own        provResult            `json:"own"`
					Pooled     provResult            `json:"pooled"`
					Rank       int                   `json:"rank"`
					GroupRanks []int                 `json:"groupRanks"`
					Band       struct{ Code string } `json:"band"`
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
		for i, w := range want {
			u := v.Card.Units[i]
			checkProvRow(t, name, w, u.Unit.ID, u.Pooled, u.Rank, u.GroupRanks, u.Band.Code)
			if i > 0 { // a sub-unit without sub-units: its own result is its pooled one
				checkProvRow(t, name+" (own)", w, u.Unit.ID, u.Own, u.Rank, u.GroupRanks, u.Band.Code)
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
