package scorecard

// The extended scenario (issue 13, "Prove it"): testdata/scenario/ext, period 2026-Q1 judged as of
// 20/3/2026 12:00 UTC+7 — before the period's end, so open dossiers are judged at the as-of instant.
// The quarter holds the make-up Saturday 10/1/2026 (for Friday 2/1), Tết (Saturday 14/2 to Sunday 22/2 off)
// and the cut-off second. Units: H99 (province), H99.01 and H99.02 (departments), H99.03 (commune).
// Catalogue (procedures.csv, written by hand): PA paper result, fee 50 000, 5 working days, population DB;
// PB 10 calendar days; PH 8 working hours; PN no time limit (businesses); PF fee 20 000 offered by no unit;
// PZ catalogue only. The dossiers are generated from the table below (go test -run
// TestScenarioExtDossierFile -update-scenario); the outcome of every dossier for every dossier metric is
// written by hand in testdata/scenario/ext/expected.csv, with the reasoning; EXPECTED.md has the per-unit
// tables.

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
)

// extRow is one dossier of the extended scenario. Times are "2006-01-02 15:04:05" in Vietnam time.
type extRow struct {
	code, unit, proc, ch, status     string
	submitted, recv, due, end, back  string // back = NgayTra (returned)
	rejected                         string
	res                              string // "" none, "e" code and link, "url" link without a result code
	file                             string // "" none, "plain", "nolink", "digitised", "store"
	fees                             string // "" none, else "CODE|amount"
	pay                              string
	vneid, hasDigitised, resultStore bool
	db                               string
	supps                            [][4]string // requested, resubmitted, due before, due after
	sync                             string      // "ok", "fail", "" never sent
	sent                             string      // sync sent time (default reception + 30 min)
}

func extRows() []extRow {
	const fee = "LP|50000"
	jan := func(d, hm string) string { return "2026-01-" + d + " " + hm }
	std := extRow{proc: "PB", ch: "2", status: "9", recv: jan("06", "09:00:00"), due: jan("13", "17:00:00"), end: jan("09", "10:00:00"), sync: "ok"}
	mid := func(code, unit string, mod func(r *extRow)) extRow {
		r := std
		r.code, r.unit = code, unit
		if mod != nil {
			mod(&r)
		}
		return r
	}
	return []extRow{
		{code: "T01", unit: "H99.01", proc: "PA", ch: "2", status: "9", recv: jan("05", "09:00:00"), due: jan("11", "00:00:00"), end: jan("10", "16:00:00"), res: "e", file: "plain", fees: fee, pay: "1", vneid: true, sync: "ok"},
		{code: "T02", unit: "H99.01", proc: "PA", ch: "2", status: "9", recv: jan("05", "09:00:00"), due: jan("12", "00:00:00"), end: jan("12", "09:58:00"), fees: fee, pay: "0", sync: "ok"},
		{code: "T03", unit: "H99.01", proc: "PA", ch: "1", status: "9", recv: jan("05", "09:00:00"), due: jan("12", "17:00:00"), end: jan("12", "16:59:59"), res: "url", file: "plain", fees: fee, pay: "2", sync: "ok"},
		{code: "T04", unit: "H99.01", proc: "PA", ch: "1", status: "9", recv: jan("05", "09:00:00"), due: jan("12", "17:00:00"), end: jan("12", "17:00:01"), fees: "LP|0", sync: "ok"},
		{code: "T05", unit: "H99.01", proc: "PA", ch: "1", status: "9", recv: jan("08", "14:59:59"), end: jan("15", "10:00:00"), sync: "ok"},
		{code: "T06", unit: "H99.01", proc: "PA", ch: "1", status: "9", recv: jan("08", "15:00:00"), end: jan("15", "10:00:00"), sync: "ok"},
		{code: "T07", unit: "H99.02", proc: "PA", ch: "1", status: "9", recv: "2026-02-12 10:00:00", end: "2026-02-26 16:00:00", fees: fee, pay: "0", sync: "ok"},
		{code: "T08", unit: "H99.02", proc: "PA", ch: "2", status: "9", recv: "2026-02-13 15:30:00", end: "2026-03-02 09:00:00", res: "e", file: "digitised", fees: fee, pay: "1", sync: "ok"},
		{code: "T09", unit: "H99.03", proc: "PB", ch: "1", status: "9", recv: "2026-02-09 09:00:00", end: "2026-02-23 15:00:00", sync: "ok"},
		{code: "T10", unit: "H99.01", proc: "PH", ch: "2", status: "9", recv: "2026-02-13 10:00:00", end: "2026-02-23 10:00:00", sync: "ok"},
		{code: "T11", unit: "H99.01", proc: "PH", ch: "2", status: "9", recv: "2026-02-13 14:59:59", end: "2026-02-23 15:00:00", sync: "ok"},
		{code: "T12", unit: "H99.01", proc: "PH", ch: "2", status: "9", recv: "2026-02-13 15:00:00", end: "2026-02-23 16:00:00", sync: "ok"},
		{code: "T13", unit: "H99.01", proc: "PA", ch: "2", status: "1", submitted: jan("20", "09:00:00"), fees: fee, sync: "ok"},
		{code: "T14", unit: "H99.02", proc: "PB", ch: "1", status: "8", recv: jan("06", "09:00:00"), due: jan("13", "17:00:00"), end: jan("09", "10:00:00"), sync: "ok"},
		{code: "T15", unit: "H99.02", proc: "PB", ch: "1", status: "7", recv: jan("07", "09:00:00"), due: jan("14", "17:00:00"), end: jan("20", "10:00:00"), sync: "ok"},
		{code: "T16", unit: "H99.02", proc: "PB", ch: "1", status: "10", recv: jan("07", "09:00:00"), due: jan("14", "17:00:00"), end: jan("14", "16:00:00"), back: jan("16", "10:00:00"), sync: "ok"},
		{code: "T17", unit: "H99.02", proc: "PB", ch: "1", status: "3", recv: jan("07", "09:00:00"), due: jan("14", "17:00:00"), rejected: jan("08", "10:00:00"), sync: "ok"},
		{code: "T18", unit: "H99.01", proc: "PA", ch: "2", status: "9", recv: jan("05", "09:00:00"), due: jan("12", "00:00:00"), end: jan("13", "10:00:00"), res: "e", file: "plain", fees: fee, pay: "1", sync: "ok",
			supps: [][4]string{{jan("07", "09:00:00"), jan("09", "09:00:00"), "", ""}}},
		{code: "T19", unit: "H99.01", proc: "PA", ch: "2", status: "9", recv: jan("05", "09:00:00"), due: jan("12", "00:00:00"), end: jan("08", "10:00:00"), res: "e", file: "plain", fees: fee, pay: "1", sync: "ok",
			supps: [][4]string{{jan("06", "09:00:00"), jan("06", "15:00:00"), "", ""}, {jan("07", "09:00:00"), jan("07", "15:00:00"), "", ""}}},
		{code: "T20", unit: "H99.03", proc: "PB", ch: "2", status: "5", recv: "2026-03-10 09:00:00", due: "2026-03-17 17:00:00", sync: "ok",
			supps: [][4]string{{"2026-03-16 10:00:00", "", "", ""}}},
		{code: "T21", unit: "H99.03", proc: "PB", ch: "2", status: "5", recv: "2025-12-15 09:00:00", due: "2025-12-22 17:00:00", sync: "ok",
			supps: [][4]string{{"2025-12-19 10:00:00", "", "", ""}}},
		{code: "T22", unit: "H99.03", proc: "PB", ch: "2", status: "5", recv: "2026-03-02 09:00:00", due: "2026-03-09 17:00:00", sync: "ok",
			supps: [][4]string{{"2026-03-10 09:00:00", "", "", ""}}},
		{code: "T23", unit: "H99.01", proc: "PN", ch: "1", status: "9", recv: "2026-02-02 09:00:00", end: "2026-02-04 09:00:00", sync: "ok"},
		{code: "T24", unit: "H99.01", proc: "PN", ch: "1", status: "4", recv: "2026-03-02 09:00:00", sync: "ok"},
		{code: "T25", unit: "H99.01", proc: "PA", ch: "1", status: "9", recv: "0001-01-01 00:00:00", due: jan("12", "17:00:00"), end: jan("10", "10:00:00"), sync: "ok", sent: jan("10", "11:00:00")},
		{code: "T26", unit: "H99.01", proc: "PA", ch: "1", status: "9", recv: jan("05", "09:00:00"), due: jan("12", "17:00:00"), end: "2099-01-01 10:00:00", sync: "ok"},
		// T27 and T28 are each sent twice (two records, same code): the latest version wins (decision 3).
		mid("T27", "H99.01", func(r *extRow) { r.sync, r.sent = "fail", jan("06", "09:30:00") }),
		mid("T27", "H99.01", func(r *extRow) { r.sync, r.sent = "ok", jan("07", "09:30:00") }),
		mid("T28", "H99.01", func(r *extRow) { r.sync, r.sent = "ok", jan("06", "09:30:00") }),
		mid("T28", "H99.01", func(r *extRow) { r.sync, r.sent = "fail", jan("07", "09:30:00") }),
		mid("T29", "H99.01", func(r *extRow) { r.ch, r.sync = "1", "" }),
		mid("T30", "H99.02", func(r *extRow) { r.ch, r.sync = "1", "fail" }),
		{code: "T31", unit: "H99.02", proc: "PA", ch: "2", status: "9", recv: jan("12", "09:00:00"), due: jan("19", "17:00:00"), end: jan("15", "10:00:00"), res: "e", file: "nolink", fees: fee, pay: "1", sync: "ok"},
		{code: "T32", unit: "H99.02", proc: "PA", ch: "2", status: "9", recv: jan("12", "09:00:00"), due: jan("19", "17:00:00"), end: jan("15", "10:00:00"), res: "e", file: "store", fees: fee, pay: "1", sync: "ok"},
		mid("T33", "H99.03", func(r *extRow) { r.db, r.hasDigitised = "7", true }),
		mid("T34", "H99.03", func(r *extRow) { r.resultStore = true }),
		{code: "T35", unit: "H99.01", proc: "PF", ch: "2", status: "9", recv: jan("12", "09:00:00"), due: jan("19", "17:00:00"), end: jan("15", "10:00:00"), fees: "LP|20000", pay: "2", sync: "ok"},
		mid("T36", "H99.03", nil),
		mid("T37", "H99.03", nil),
		mid("T38", "H99.03", nil),
		mid("T39", "H99.03", nil),
		{code: "T40", unit: "H99.01", proc: "PA", ch: "2", status: "7", submitted: jan("20", "09:00:00"), due: jan("27", "17:00:00"), fees: fee, sync: "ok"},
		{code: "T41", unit: "H99.01", proc: "PA", ch: "2", status: "4", recv: "2026-03-25 09:00:00", due: "2026-04-01 17:00:00", fees: fee, sync: "ok"},
		{code: "T42", unit: "H99.02", proc: "PA", ch: "1", status: "4", recv: "2025-12-22 09:00:00", due: "2025-12-29 17:00:00", fees: fee, sync: "ok"},
		{code: "T43", unit: "H99.02", proc: "PA", ch: "1", status: "9", recv: "2025-12-29 09:00:00", due: jan("06", "17:00:00"), end: jan("05", "10:00:00"), fees: fee, sync: "ok"},
		{code: "T44", unit: "H99.02", proc: "PA", ch: "1", status: "9", recv: "2025-12-01 09:00:00", due: "2025-12-08 17:00:00", end: "2025-12-05 10:00:00", fees: fee, sync: "ok"},
		{code: "T45", unit: "H99.01", proc: "PA", ch: "2", status: "4", recv: "2026-03-16 09:00:00", due: "2026-03-23 17:00:00", fees: fee, pay: "0", sync: "ok"},
		{code: "T46", unit: "H99.01", proc: "PA", ch: "2", status: "4", recv: "2026-03-02 09:00:00", due: "2026-03-09 17:00:00", fees: fee, pay: "0", sync: "ok"},
		{code: "T47", unit: "H99.01", proc: "PA", ch: "2", status: "9", recv: "2026-03-13 09:00:00", due: "2026-03-20 17:00:00", end: "2026-03-20 15:00:00", res: "e", fees: fee, pay: "1", sync: "ok"},
		{code: "T48", unit: "H99.01", proc: "PA", ch: "2", status: "9", recv: jan("19", "09:00:00"), due: jan("30", "17:00:00"), end: jan("28", "10:00:00"), res: "e", file: "plain", fees: fee, pay: "1", sync: "ok",
			supps: [][4]string{{jan("20", "09:00:00"), jan("20", "15:00:00"), jan("26", "17:00:00"), jan("30", "17:00:00")}}},
		{code: "T49", unit: "H99.02", proc: "PA", ch: "1", status: "9", recv: jan("12", "09:00:00"), due: jan("19", "17:00:00"), end: jan("15", "10:00:00"), fees: "LP|", pay: "0", sync: "ok"},
	}
}

// extTime parses "2006-01-02 15:04:05" in Vietnam time; "" is absent.
func extTime(t *testing.T, s string) model.Time {
	t.Helper()
	if s == "" {
		return model.Time{}
	}
	tt, err := time.ParseInLocation("2006-01-02 15:04:05", s, model.Vietnam())
	require.NoError(t, err, s)
	return model.Some(tt)
}

// extBuild writes the extended scenario's dossiers.csv from extRows.
func extBuild(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := csvio.NewDossierWriter(&buf)
	for _, r := range extRows() {
		d := model.Dossier{
			Code: r.code, UnitID: r.unit, ProcedureCode: r.proc,
			Channel: model.ParseChannel(r.ch), Status: model.ParseStatus(r.status),
			SubmittedAt: extTime(t, r.submitted), ReceivedAt: extTime(t, r.recv), DueAt: extTime(t, r.due),
			ProcessingEndedAt: extTime(t, r.end), ResultReturnedAt: extTime(t, r.back), RejectedAt: extTime(t, r.rejected),
			OnlinePayment: model.ParseOnlinePayment(r.pay),
		}
		switch r.res {
		case "e":
			d.Results = []model.ResultDoc{{Code: "KQ" + strings.TrimPrefix(r.proc, "P"), URL: "https://x.example/kq"}}
		case "url":
			d.Results = []model.ResultDoc{{URL: "https://x.example/kq"}}
		}
		d.Files = scenFiles(r.file)
		if r.fees != "" { // "CODE|amount"; an empty amount is an obligation of unknown size
			p := strings.Split(r.fees, "|")
			var amount int64
			for _, c := range p[1] {
				amount = amount*10 + int64(c-'0')
			}
			d.Fees = []model.Fee{{Code: p[0], Amount: amount, AmountUnknown: p[1] == ""}}
		}
		if r.vneid {
			d.VNeIDAuthenticated = model.FlagTrue
		}
		if r.hasDigitised {
			d.HasDigitisedComponents = model.FlagTrue
		}
		if r.resultStore {
			d.ResultSyncedToStore = model.FlagTrue
		}
		if r.db != "" {
			d.Databases = []string{r.db}
		}
		for _, s := range r.supps {
			d.Supplements = append(d.Supplements, model.Supplement{RequestedAt: extTime(t, s[0]), ResubmittedAt: extTime(t, s[1]),
				DueBefore: extTime(t, s[2]), DueAfter: extTime(t, s[3])})
		}
		sent := extTime(t, r.sent)
		if !sent.Valid {
			sent = d.ReceivedAt
			if !sent.Valid {
				sent = d.SubmittedAt
			}
			sent.T = sent.T.Add(30 * time.Minute)
		}
		d.Sync = scenSync(r.sync, sent)
		require.NoError(t, w.Write(&d))
	}
	require.NoError(t, w.Flush())
	return buf.Bytes()
}

// TestScenarioExtDossierFile checks that testdata/scenario/ext/dossiers.csv is exactly the expansion of
// extRows (51 records, 49 codes); with -update-scenario it rewrites the file.
func TestScenarioExtDossierFile(t *testing.T) {
	got := extBuild(t)
	path := filepath.Join("testdata", "scenario", "ext", "dossiers.csv")
	if *updateScenario {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "ext/dossiers.csv differs from extRows (run with -update-scenario)")
}
