package csvio

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/portal"
)

// TestDossierColumnIDs: the column ids of dossierCells.set are the positions of dossierColumns.
func TestDossierColumnIDs(t *testing.T) {
	want := []string{"code", "aliases", "national_id", "procedure_code", "procedure_name", "case_code", "unit_id",
		"field_code", "channel", "submitted_via", "applicant_type", "applicant_ids", "summary", "submitted_at",
		"receive_deadline", "received_at", "due_at", "rejected_at", "processing_ended_at", "result_returned_at",
		"status", "return_method", "has_digitised_components", "vneid_authenticated", "online_payment",
		"result_synced_to_store", "files", "results", "fees", "supplements", "databases", "sync_sent_at",
		"sync_updating", "sync_error_code", "sync_message"}
	ids := []int{dcCode, dcAliases, dcNationalID, dcProcedureCode, dcProcedureName, dcCaseCode, dcUnitID,
		dcFieldCode, dcChannel, dcSubmittedVia, dcApplicantType, dcApplicantIDs, dcSummary, dcSubmittedAt,
		dcReceiveDeadline, dcReceivedAt, dcDueAt, dcRejectedAt, dcProcessingEndedAt, dcResultReturnedAt,
		dcStatus, dcReturnMethod, dcHasDigitisedComponents, dcVNeIDAuthenticated, dcOnlinePayment,
		dcResultSyncedToStore, dcFiles, dcResults, dcFees, dcSupplements, dcDatabases, dcSyncSentAt,
		dcSyncUpdating, dcSyncErrorCode, dcSyncMessage}
	cols := DossierColumns()
	if len(cols) != dcCount || len(want) != dcCount {
		t.Fatalf("%d columns, %d ids", len(cols), dcCount)
	}
	for i, id := range ids {
		if cols[id] != want[i] {
			t.Errorf("id %d: column %q, want %q", id, cols[id], want[i])
		}
	}
}

// checkCellSetters: for every dossier column, a row holding s in that column (and the code "K" in
// the code column) gives, through dossierCells.fill, the record and error of the column's setter in
// dossierColumns (an invalid UTF-8 cell is ErrInvalidUTF8, a blank code ErrMissingKey, as ever).
func checkCellSetters(t *testing.T, s string) {
	t.Helper()
	cols := dossierColumns()
	for c := range cols {
		var want model.Dossier
		werr := cols[c].set(&want, s)
		row, ends := s, []int{len(s)}
		h := &header{pos: []int{c}, headers: []string{cols[c].name}}
		if c != dcCode {
			want.Code = "K"
			row, ends = "K,"+s, []int{1, 2 + len(s)}
			h = &header{pos: []int{dcCode, c}, headers: []string{"code", cols[c].name}}
		}
		switch {
		case !utf8.ValidString(s): // the cell is not set
			werr = portal.ErrInvalidUTF8
			if c == dcCode {
				want.Code = ""
			}
		case werr == nil && isBlank(want.Code):
			werr = ErrMissingKey
		}
		dc := newDossierCells(h, newConfig(nil))
		rr := &rowReader{row: row, ends: ends, rowAt: 2}
		var got model.Dossier
		var gerr error
		if re := dc.fill(&got, rr, 0); re != nil {
			gerr = re.Err
			if re.Field != cols[c].name && !(re.Field == "code" && errors.Is(gerr, ErrMissingKey)) || re.Code != want.Code || re.Line != 2 {
				t.Fatalf("column %s, cell %q: %#v", cols[c].name, s, re)
			}
		}
		if (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() && !errors.Is(gerr, werr) {
			t.Fatalf("column %s, cell %q: error %v, setter %v", cols[c].name, s, gerr, werr)
		}
		if werr == nil && !reflect.DeepEqual(got, want) {
			t.Fatalf("column %s, cell %q:\n got %+v\nwant %+v", cols[c].name, s, got, want)
		}
	}
}

// checkCellTime: a timeCache returns what parseTime (portal.ParseTime) returns, the same time.Time
// value (instant, location, no monotonic reading) or the same error, for each line of in, read in
// order with one cache (the date and offset of a line are those of the line before or not).
func checkCellTime(t *testing.T, in string) {
	t.Helper()
	var tc timeCache
	for _, s := range strings.Split(in, "\n") {
		got, gerr := tc.parse(s)
		want, werr := parseTime(s)
		if (gerr == nil) != (werr == nil) || gerr != nil && gerr.Error() != werr.Error() {
			t.Fatalf("cell %q: error %v, parseTime %v", s, gerr, werr)
		}
		if got != want {
			t.Fatalf("cell %q: %v (%#v), parseTime %v (%#v)", s, got.T, got, want.T, want)
		}
		if one, err := cellTime(s); one != got || (err == nil) != (gerr == nil) {
			t.Fatalf("cell %q: %v %v without the cache, %v %v with it", s, one, err, got, gerr)
		}
	}
}

var timeSeeds = []string{
	"2026-08-03T09:30:00+07:00", "2026-08-03T09:30:00Z", "2026-08-03 09:30:00+07:00", "2026-08-03T09:30:00-00:00",
	"2026-08-03T09:30:00.5+07:00", "2026-02-29T09:30:00+07:00", "2024-02-29T23:59:59-14:00", "2000-02-29T00:00:00+14:00",
	"1900-02-29T00:00:00+07:00", "0001-01-01T00:00:00+07:00", "0001-01-01T06:59:59Z", "0002-01-01T00:00:00+14:00",
	"9999-12-31T23:59:59-12:00", "9998-12-31T23:59:59-14:00", "2026-08-03T24:00:00+07:00", "2026-13-03T09:30:00+07:00",
	"2026-08-32T09:30:00+07:00", "2026-08-03T09:60:00+07:00", "2026-08-03T09:30:60+07:00", "2026-08-03T09:30:00+14:01",
	"2026-08-03T09:30:00+07:60", "2026-08-03T09:30:00+15:00", "2026-08-03T09:30:00+0700", "2026-08-03t09:30:00+07:00",
	"2026-08-03T09:30:00 07:00", " 2026-08-03T09:30:00+07:00", "2026-08-03T09:30:00+07:00 ", "20260803093000",
	"03/08/2026 09:30:00", "2026-08-03", "", " ", "+026-08-03T09:30:00+07:00", "2026-0-803T09:30:00+07:00",
	"2026-08-03T09:30:00/07:00", "2026-08-03T09:30:0aZ", "２026-08-03T09:30:00Z",
	"2026-08-03T09:30:00+07:00\n2026-08-03T10:30:00+07:00\n2026-08-03T10:30:00Z\n2026-08-04T10:30:00Z\n2026-08-04 23:59:59-14:00",
	"2026-08-03T09:30:00+07:00\n2026-08-03T24:30:00+07:00\n2026-08-03T09:30:00+07:61\n2026-08-03T09:30:00+07:00",
	"2026-02-29T09:30:00+07:00\n2024-02-29T09:30:00+07:00\n2024-02-29T09:30:00.1+07:00\n2024-02-29X09:30:00+07:00",
	"0100-01-01 00:00:00\x00", "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00T00:00:00Z", "2026-08-03T09:30:00Z\n2026-08-03T09:30:00\x00",
	"2026-08-03T09:30:00\x00\x00\x00\x00\x00\x00", "2026-08-03T09:30:00+07:00\n2026-08-03T09:30:00+07:00\x00",
	// the cache's two dates: the one before the last, a third one, an invalid one between
	"2026-08-03T09:30:00+07:00\n2026-08-04T09:30:00+07:00\n2026-08-03T23:30:00Z\n2026-08-05T01:00:00+07:00\n" +
		"2026-08-04T02:00:00-03:00\n2026-08-03T09:30:00+07:00\n2026-02-30T09:30:00+07:00\n2026-08-05 09:30:00+07:00\n" +
		"2026-08-04T09:30:00+07:00\n2026-08-03T09:30:00+07:00",
}

func FuzzCellTime(f *testing.F) {
	for _, s := range timeSeeds {
		f.Add(s)
	}
	f.Fuzz(checkCellTime)
}

func TestCellTime(t *testing.T) {
	for _, s := range timeSeeds {
		checkCellTime(t, s)
	}
	vn := model.Vietnam()
	for _, tt := range []time.Time{ // every day of four years around a leap year, and the calendar's turns
		time.Date(2023, 1, 1, 0, 0, 0, 0, vn), time.Date(1899, 12, 31, 23, 0, 0, 0, time.UTC),
		time.Date(1999, 12, 31, 23, 0, 0, 0, time.FixedZone("", -5*3600)),
	} {
		var days []string
		for range 4 * 366 {
			days = append(days, tt.Format("2006-01-02T15:04:05Z07:00"))
			tt = tt.AddDate(0, 0, 1).Add(37 * time.Minute)
		}
		checkCellTime(t, strings.Join(days, "\n"))
	}
}

var cellSeeds = []string{
	"", " ", "x", " x ", "1", "0", "2", "true", "FALSE", " 1", "a;b", " a ; b ;", ";", "k|n", "k|n;k2| n2 ", "k|n|x", "k",
	"TP01|u|1|0", "TP01|u|1|0;TP02|v|0|1", "TP|u|2|0", "TP|u|1", "P|5", "P|", "P| 007 ", "P|1.000", "P|-5", "P|+5", "P|5.00",
	"P|99999999999999999999", "P|x", "2026-08-03T09:30:00+07:00|20260805100000||", "2026-08-03T09:30:00+07:00|x||",
	"2026-08-03T09:30:00+07:00", "20260803093000", "10", "9", "toàn trình", "\u00a0x\u00a0", "a|b;c", "a;b|c|d|e",
}

func FuzzCellSetters(f *testing.F) {
	for _, s := range cellSeeds {
		f.Add(s)
	}
	f.Fuzz(checkCellSetters)
}

func TestCellSetters(t *testing.T) {
	for _, s := range append(cellSeeds, timeSeeds...) {
		checkCellSetters(t, s)
	}
	// past a slab, which grows in the middle of the cell
	checkCellSetters(t, strings.Repeat("a|b;", 600))
	checkCellSetters(t, strings.Repeat("TP|u|1|0;", 300)+"TP|u|1|0")
	checkCellSetters(t, strings.Repeat("2026-08-03T09:30:00+07:00|||;", 100)+"|||")
	checkCellSetters(t, strings.Repeat("2026-08-03T09:30:00+07:00|||;", 100)+"||x|")
}

// TestDecodeDossiersAllocs: DecodeDossiers allocates at most two times per dossier on realistic rows
// (issue 17: the row's text, and list items from slabs; the per-file set-up spread over the rows).
func TestDecodeDossiersAllocs(t *testing.T) {
	const n = 2000
	data := benchCSV(t, n)
	allocs := testing.AllocsPerRun(3, func() {
		count := 0
		for _, err := range DecodeDossiers(bytes.NewReader(data)) {
			if err != nil {
				t.Fatal(err)
			}
			count++
		}
		if count != n {
			t.Fatal(count)
		}
	})
	if perRow := allocs / n; perRow > 2 {
		t.Errorf("%.2f allocations per dossier, want at most 2", perRow)
	}
}
