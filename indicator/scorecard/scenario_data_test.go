package scorecard

// The scenario's dossier archetypes (issue 5 point 2): testdata/scenario/dossiers.csv is generated from
// this table (go test -run TestScenarioDossierFile -update-scenario) and TestScenarioDossierFile checks
// that the committed file is exactly what the table gives. One row = one rule case × count; the codes
// are <archetype>-<n>, n zero-padded to two digits when count ≥ 10 (A1-01 … A1-20, A2-1 … A2-5).
// Dates are 2026, Vietnam time (UTC+7); "08-04" is 4/8/2026 09:00 for receptions, 17:00 for due
// dates, 10:00 for ends and returns. The expected tallies are worked by hand from this table in the
// comments of scenario_test.go (per calculator) and scenario_e2e_test.go (scores, ranks, bands).
//
//	arch  n  unit    proc ch stat received  due    end    other                                      rule cases
//	A1   20  H99.01  PA   2  9    08-04     08-11  08-07  res, paid 1, file digitised, store-synced,  early; online + e-result;
//	                                                      VNeID, synced                               4.1–4.3, 4.5, 4.6b num
//	A2    5  H99.01  PA   2  9    08-05     08-12  08-14  no res, paid 0, fee 0, file, synced         late; online w/o e-result;
//	                                                                                                   all-zero fees
//	A3   15  H99.01  PB   1  4    08-22 Sat 09-04  -      synced                                      open within (make-up Sat)
//	A4    5  H99.01  PA   2  9    07-28     08-04  08-03  res, paid 1, file digitised, synced         received before the period
//	A5   10  H99.02  PA   3  4    08-31     09-07  -      paid 3, synced                              postal on the swapped day
//	A6   10  H99.02  PA   2  9    08-10     08-17  08-17  res, paid 2, file from store, synced        on time; gateway payment
//	A11   3  H99.02  PA   2  4    09-02     09-09  -      res, paid 1, synced                         received after the period
//	A7   12  H99.03  PB   2  4    08-12     08-20  -      file, VNeID, synced                         open overdue
//	A8    8  H99.03  PB   -  9    08-13     08-20  08-20  has digitised components, synced            absent channel; on time
//	A9   12  H99.04  PB   2  9    08-14     08-21  08-25  file, VNeID, synced                         late
//	A10   8  H99.04  PB   1  9    08-17     08-24  08-24  has digitised components, synced            direct; on time
//	B1    6  H99.01  PA   2  10   08-06     08-13  08-13  returned 08-20, res, paid 1, file digitised, status 10: end is NgayKetThucXuLy
//	                                                      synced                                      (on time), not NgayTra
//	B2    4  H99.01  PB   1  10   08-07     08-14  -      returned 08-19, synced                      status 10 without end: NgayTra, late
//	B3    3  H99.01  PA   2  9    08-03     08-14  08-10  two supplements (08-04→08-05, 08-06→08-07), more than one supplement
//	                                                      res, paid 1, file, synced                   request → late
//	B4    3  H99.01  PA   2  5    08-17     08-24  -      supplement requested 08-19 10:00, never     pending supplement: judged at
//	                                                      answered; fee 50 000 paid 0, file, synced    the request (early)
//	B5    4  H99.01  PB   3  9    08-03     none   08-05  synced                                      no due date: PB's 5 working
//	                                                                                                   days (postal) → early
//	B6    2  H99.01  PA   2  7    -         08-17  -      submitted 08-10, fee 0, synced              withdrawn before reception
//	B7    3  H99.01  PB   1  7    08-04     08-11  08-06  synced                                      withdrawn after reception:
//	                                                                                                   ends processing (early)
//	B8    5  H99.01  PA   2  9    08-18     08-25  08-20  res, paid 1, file, sync error -1            early; sync failed
//	B9    5  H99.01  PB   1  9    08-19     08-26  08-26  never sent to the portal                    on time; not synced
//	C1    5  H99.02  PA   1  10   08-11     08-18  08-19  returned 08-19, res, paid 0, file,           status 10 with end: late;
//	                                                      has digitised components, population DB     direct with e-result;
//	                                                      link (MaCSDL 7), synced                     4.6b by the DB link
//	C2    5  H99.02  PA   2  9    08-12     08-19  08-18  res, paid 2, file from store, not sent      early; not synced
//	C3    3  H99.02  PA   2  9    08-13     08-20  08-20  res (no submitted file), paid 1,            on time; sync failed
//	                                                      has digitised components, sync error -1
//	D1    6  H99.03  PB   2  9    08-03     08-10  08-07  VNeID, synced; D1-1, D1-2 disliked          early; ratings with dislike
//	E1    6  H99.04  PB   2  9    08-03     08-10  08-07  VNeID, synced; PK9/PK10 name E1-1, E1-2     early; complaints
//	D2   10  H99.03  PB   2  9    08-22 Sat 08-28  08-27  res (no paper result), file from store,     early; 4.2, 4.5, 4.6b num
//	                                                      synced
//	E2   10  H99.04  as D2
//	D3    5  H99.03  PB   1  4    08-25     09-01  -      not sent                                    open within (due on a holiday)
//	E3    5  H99.04  as D3
//
// 198 dossiers: A 108 (the first cut, unchanged in every field the first cut's tables used) + B 35 + C 13
// + D/E 42.

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
)

var updateScenario = flag.Bool("update-scenario", false, "rewrite testdata/scenario/dossiers.csv from the archetype table")

// scenArch is one archetype row of the table above.
type scenArch struct {
	id, unit, proc, ch, status string
	n                          int
	recv, submitted            string // "MM-DD" (09:00) or "MM-DD HH:MM"
	due, end, returned         string // due "MM-DD" (17:00), end/returned "MM-DD" (10:00)
	res                        bool   // a result document with a result code and link
	pay, fees                  string // online_payment code; fees cell
	file                       string // "" none, "plain", "digitised", "store"
	hasDigitised, vneid        bool
	resultSynced               bool
	supplements                string // supplements cell
	databases                  string // connected database code (DSKetNoiCSDL MaCSDL)
	sync                       string // "ok" (sent, error 0), "fail" (sent, error -1), "" (never sent)
}

func scenArchetypes() []scenArch {
	const fee = "LP|50000"
	return []scenArch{
		{id: "A1", n: 20, unit: "H99.01", proc: "PA", ch: "2", status: "9", recv: "08-04", due: "08-11", end: "08-07", res: true, pay: "1", fees: fee, file: "digitised", resultSynced: true, vneid: true, sync: "ok"},
		{id: "A2", n: 5, unit: "H99.01", proc: "PA", ch: "2", status: "9", recv: "08-05", due: "08-12", end: "08-14", pay: "0", fees: "LP|0", file: "plain", sync: "ok"},
		{id: "A3", n: 15, unit: "H99.01", proc: "PB", ch: "1", status: "4", recv: "08-22", due: "09-04", sync: "ok"},
		{id: "A4", n: 5, unit: "H99.01", proc: "PA", ch: "2", status: "9", recv: "07-28", due: "08-04", end: "08-03", res: true, pay: "1", fees: fee, file: "digitised", sync: "ok"},
		{id: "A5", n: 10, unit: "H99.02", proc: "PA", ch: "3", status: "4", recv: "08-31", due: "09-07", pay: "3", fees: fee, sync: "ok"},
		{id: "A6", n: 10, unit: "H99.02", proc: "PA", ch: "2", status: "9", recv: "08-10", due: "08-17", end: "08-17", res: true, pay: "2", fees: fee, file: "store", sync: "ok"},
		{id: "A11", n: 3, unit: "H99.02", proc: "PA", ch: "2", status: "4", recv: "09-02", due: "09-09", res: true, pay: "1", fees: fee, sync: "ok"},
		{id: "A7", n: 12, unit: "H99.03", proc: "PB", ch: "2", status: "4", recv: "08-12", due: "08-20", file: "plain", vneid: true, sync: "ok"},
		{id: "A8", n: 8, unit: "H99.03", proc: "PB", ch: "", status: "9", recv: "08-13", due: "08-20", end: "08-20", hasDigitised: true, sync: "ok"},
		{id: "A9", n: 12, unit: "H99.04", proc: "PB", ch: "2", status: "9", recv: "08-14", due: "08-21", end: "08-25", file: "plain", vneid: true, sync: "ok"},
		{id: "A10", n: 8, unit: "H99.04", proc: "PB", ch: "1", status: "9", recv: "08-17", due: "08-24", end: "08-24", hasDigitised: true, sync: "ok"},

		{id: "B1", n: 6, unit: "H99.01", proc: "PA", ch: "2", status: "10", recv: "08-06", due: "08-13", end: "08-13", returned: "08-20", res: true, pay: "1", fees: fee, file: "digitised", sync: "ok"},
		{id: "B2", n: 4, unit: "H99.01", proc: "PB", ch: "1", status: "10", recv: "08-07", due: "08-14", returned: "08-19", sync: "ok"},
		{id: "B3", n: 3, unit: "H99.01", proc: "PA", ch: "2", status: "9", recv: "08-03", due: "08-14", end: "08-10", res: true, pay: "1", fees: fee, file: "plain", sync: "ok",
			supplements: "2026-08-04T10:00:00+07:00|2026-08-05T10:00:00+07:00||;2026-08-06T10:00:00+07:00|2026-08-07T10:00:00+07:00||"},
		{id: "B4", n: 3, unit: "H99.01", proc: "PA", ch: "2", status: "5", recv: "08-17", due: "08-24", pay: "0", fees: fee, file: "plain", sync: "ok",
			supplements: "2026-08-19T10:00:00+07:00|||"},
		{id: "B5", n: 4, unit: "H99.01", proc: "PB", ch: "3", status: "9", recv: "08-03", end: "08-05", sync: "ok"},
		{id: "B6", n: 2, unit: "H99.01", proc: "PA", ch: "2", status: "7", submitted: "08-10", due: "08-17", fees: "LP|0", sync: "ok"},
		{id: "B7", n: 3, unit: "H99.01", proc: "PB", ch: "1", status: "7", recv: "08-04", due: "08-11", end: "08-06", sync: "ok"},
		{id: "B8", n: 5, unit: "H99.01", proc: "PA", ch: "2", status: "9", recv: "08-18", due: "08-25", end: "08-20", res: true, pay: "1", fees: fee, file: "plain", sync: "fail"},
		{id: "B9", n: 5, unit: "H99.01", proc: "PB", ch: "1", status: "9", recv: "08-19", due: "08-26", end: "08-26"},

		{id: "C1", n: 5, unit: "H99.02", proc: "PA", ch: "1", status: "10", recv: "08-11", due: "08-18", end: "08-19", returned: "08-19", res: true, pay: "0", fees: fee, file: "plain", hasDigitised: true, databases: "7", sync: "ok"},
		{id: "C2", n: 5, unit: "H99.02", proc: "PA", ch: "2", status: "9", recv: "08-12", due: "08-19", end: "08-18", res: true, pay: "2", fees: fee, file: "store"},
		{id: "C3", n: 3, unit: "H99.02", proc: "PA", ch: "2", status: "9", recv: "08-13", due: "08-20", end: "08-20", res: true, pay: "1", fees: fee, hasDigitised: true, sync: "fail"},

		{id: "D1", n: 6, unit: "H99.03", proc: "PB", ch: "2", status: "9", recv: "08-03", due: "08-10", end: "08-07", vneid: true, sync: "ok"},
		{id: "E1", n: 6, unit: "H99.04", proc: "PB", ch: "2", status: "9", recv: "08-03", due: "08-10", end: "08-07", vneid: true, sync: "ok"},
		{id: "D2", n: 10, unit: "H99.03", proc: "PB", ch: "2", status: "9", recv: "08-22", due: "08-28", end: "08-27", res: true, file: "store", sync: "ok"},
		{id: "E2", n: 10, unit: "H99.04", proc: "PB", ch: "2", status: "9", recv: "08-22", due: "08-28", end: "08-27", res: true, file: "store", sync: "ok"},
		{id: "D3", n: 5, unit: "H99.03", proc: "PB", ch: "1", status: "4", recv: "08-25", due: "09-01"},
		{id: "E3", n: 5, unit: "H99.04", proc: "PB", ch: "1", status: "4", recv: "08-25", due: "09-01"},
	}
}

// scenTime turns "MM-DD" (at hour:00) or "MM-DD HH:MM" of 2026 into a Vietnam-time instant.
func scenTime(t *testing.T, s string, hour int) model.Time {
	t.Helper()
	if s == "" {
		return model.Time{}
	}
	var mo, d, h, mi int
	h = hour
	if strings.Contains(s, " ") {
		_, err := fmt.Sscanf(s, "%d-%d %d:%d", &mo, &d, &h, &mi)
		require.NoError(t, err, s)
	} else {
		_, err := fmt.Sscanf(s, "%d-%d", &mo, &d)
		require.NoError(t, err, s)
	}
	return model.Some(time.Date(2026, time.Month(mo), d, h, mi, 0, 0, model.Vietnam()))
}

// scenBuild expands the archetype table into the dossier CSV (csvio dossier layout).
func scenBuild(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := csvio.NewDossierWriter(&buf)
	for _, a := range scenArchetypes() {
		for i := 1; i <= a.n; i++ {
			code := fmt.Sprintf("%s-%d", a.id, i)
			if a.n >= 10 {
				code = fmt.Sprintf("%s-%02d", a.id, i)
			}
			d := model.Dossier{
				Code: code, UnitID: a.unit, ProcedureCode: a.proc,
				Channel: model.ParseChannel(a.ch), Status: model.ParseStatus(a.status),
				ReceivedAt: scenTime(t, a.recv, 9), SubmittedAt: scenTime(t, a.submitted, 9),
				DueAt: scenTime(t, a.due, 17), ProcessingEndedAt: scenTime(t, a.end, 10),
				ResultReturnedAt: scenTime(t, a.returned, 10),
				OnlinePayment:    model.ParseOnlinePayment(a.pay),
			}
			if a.res {
				d.Results = []model.ResultDoc{{Code: "KQ" + strings.TrimPrefix(a.proc, "P"), URL: "https://x.example/kq"}}
			}
			d.Files = scenFiles(a.file)
			if a.hasDigitised {
				d.HasDigitisedComponents = model.FlagTrue
			}
			if a.vneid {
				d.VNeIDAuthenticated = model.FlagTrue
			}
			if a.databases != "" {
				d.Databases = []string{a.databases}
			}
			if a.resultSynced {
				d.ResultSyncedToStore = model.FlagTrue
			}
			if a.fees != "" {
				var amount int64
				_, err := fmt.Sscanf(strings.Split(a.fees, "|")[1], "%d", &amount)
				require.NoError(t, err)
				d.Fees = []model.Fee{{Code: strings.Split(a.fees, "|")[0], Amount: amount}}
			}
			for _, it := range strings.Split(a.supplements, ";") {
				if it == "" {
					continue
				}
				p := strings.Split(it, "|")
				var s model.Supplement
				for j, dst := range []*model.Time{&s.RequestedAt, &s.ResubmittedAt} {
					if p[j] != "" {
						tt, err := time.Parse(time.RFC3339, p[j])
						require.NoError(t, err)
						*dst = model.Some(tt.In(model.Vietnam()))
					}
				}
				d.Supplements = append(d.Supplements, s)
			}
			sent := d.ReceivedAt
			if !sent.IsSet() {
				sent = d.SubmittedAt
			}
			sent.T = sent.T.Add(30 * time.Minute)
			d.Sync = scenSync(a.sync, sent)
			require.NoError(t, w.Write(&d))
		}
	}
	require.NoError(t, w.Flush())
	return buf.Bytes()
}

// scenFiles is a submitted-file list by kind: "" none, "plain", "nolink" (an entry without a file link),
// "digitised" (DuocSoHoa 1), "store" (DuocLayTuKhoDMQG 1).
func scenFiles(kind string) []model.File {
	f := model.File{ComponentCode: "TP1", URL: "https://x.example/tp", Digitised: model.FlagFalse, FromStore: model.FlagFalse}
	switch kind {
	case "plain":
	case "nolink":
		f.URL = ""
	case "digitised":
		f.Digitised = model.FlagTrue
	case "store":
		f.FromStore = model.FlagTrue
	default:
		return nil
	}
	return []model.File{f}
}

// scenSync is a sync record by kind: "ok" (sent, error 0), "fail" (sent, error -1), "" never sent.
func scenSync(kind string, sent model.Time) model.SyncInfo {
	switch kind {
	case "ok":
		return model.SyncInfo{SentAt: sent, Updating: model.FlagFalse, ErrorCode: "0"}
	case "fail":
		return model.SyncInfo{SentAt: sent, Updating: model.FlagFalse, ErrorCode: "-1", Message: "Lỗi dữ liệu"}
	}
	return model.SyncInfo{}
}

// TestScenarioDossierFile checks that testdata/scenario/dossiers.csv is exactly the expansion of the
// archetype table (198 dossiers); with -update-scenario it rewrites the file.
func TestScenarioDossierFile(t *testing.T) {
	got := scenBuild(t)
	path := filepath.Join("testdata", "scenario", "dossiers.csv")
	if *updateScenario {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "dossiers.csv differs from the archetype table (run with -update-scenario)")
	require.Len(t, scenarioDossiers(t), 198)
}
