package portal

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/model"
)

var update = flag.Bool("update", false, "rewrite golden files")

func vn(y int, m time.Month, d, h, mi, s int) model.Time {
	return model.Some(time.Date(y, m, d, h, mi, s, 0, model.Vietnam()))
}

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func decodeAll(t testing.TB, b []byte) []model.Dossier {
	t.Helper()
	var out []model.Dossier
	for d, err := range DecodeDossiers(bytes.NewReader(b)) {
		if err != nil {
			t.Fatalf("decode: %v", err)
		}
		out = append(out, d)
	}
	return out
}

func decodeAllSteps(t testing.TB, b []byte) []model.Step {
	t.Helper()
	var out []model.Step
	for s, err := range DecodeSteps(bytes.NewReader(b)) {
		if err != nil {
			t.Fatalf("decode steps: %v", err)
		}
		out = append(out, s)
	}
	return out
}

func TestDecodeDossiersGolden(t *testing.T) {
	ds := decodeAll(t, readFile(t, "dossiers.json"))
	if len(ds) != 3 {
		t.Fatalf("got %d dossiers, want 3", len(ds))
	}
	online := ds[0]
	want := model.Dossier{
		Code:             "000.00.12.H44-260803-0007",
		ProcedureCode:    "1.001193.000.00.00.H44",
		ProcedureName:    "Đăng ký khai sinh",
		UnitID:           "000.00.12.H44",
		FieldCode:        "HT",
		FieldName:        "Hộ tịch",
		Channel:          model.ParseChannel("2"),
		SubmittedVia:     "2",
		ApplicantType:    model.ParseApplicantType("1"),
		ApplicantIDs:     []model.ApplicantID{{Kind: "1", Number: "025186004321"}},
		ReceiptNo:        "000.00.12.H44-260803-0007",
		ApplicantName:    "Nguyễn Thị Lan",
		ApplicantAccount: "a7f3c2e1-5b7d-4c21-9e0a-2b8f6d1c4e90",
		ApplicantDocNo:   "025186004321",
		Email:            "lan.nt@example.vn",
		Phone:            "0912345678",
		Summary:          "Đăng ký khai sinh cho con: Trần Minh Khang",
		HandlingAgency:   "UBND xã Thanh Ba",
		ReturnNote:       "Trả kết quả trực tuyến",

		SubmittedAt:       vn(2026, 8, 3, 8, 15, 12),
		ReceivedAt:        vn(2026, 8, 3, 9, 30, 0),
		DueAt:             vn(2026, 8, 4, 16, 30, 0),
		ProcessingEndedAt: vn(2026, 8, 4, 10, 15, 0),
		ResultReturnedAt:  vn(2026, 8, 4, 14, 30, 0),

		Status:                 model.ParseStatus("10"),
		ReturnMethod:           model.ParseReturnMethod("0"),
		HasDigitisedComponents: model.FlagTrue,
		VNeIDAuthenticated:     model.FlagTrue,
		OnlinePayment:          model.ParseOnlinePayment("1"),
		Files: []model.File{
			{ID: "f-0001", Name: "Tờ khai đăng ký khai sinh.pdf", Deleted: model.FlagFalse, ComponentCode: "TP01",
				URL: "https://dichvucong.phutho.gov.vn/files/f-0001.pdf", Digitised: model.FlagFalse, Reused: "0", FromStore: model.FlagFalse},
			{ID: "f-0002", Name: "Giấy chứng sinh.pdf", Deleted: model.FlagFalse, ComponentCode: "TP02",
				URL: "https://dichvucong.phutho.gov.vn/files/f-0002.pdf", Digitised: model.FlagTrue, Reused: "1", FromStore: model.FlagTrue,
				ReplacedResultCode: "KQ.GCS"},
		},
		Results: []model.ResultDoc{{Name: "Giấy khai sinh (bản điện tử)", ComponentCode: "KQ01", ID: "kq-889",
			URL: "https://dichvucong.phutho.gov.vn/ketqua/kq-889.pdf", Code: "KQ.1001193.01"}},
		Fees:      []model.Fee{{Name: "Lệ phí cấp bản sao trích lục", Code: "LP01", Method: "1", Amount: 8000, Kind: "1"}},
		Databases: []string{"7"},
		Extra:     []model.RawField{{Key: "MaNguonDongBo", Value: []byte(`"IGATE-PT"`)}},
		// A payload record was sent: at its reception time, accepted (issue 15).
		Sync: model.SyncInfo{SentAt: vn(2026, 8, 3, 9, 30, 0)},
	}
	if !reflect.DeepEqual(online, want) {
		t.Errorf("online dossier:\n got %+v\nwant %+v", online, want)
	}
	if !online.HasElectronicResult() || !online.FeeBearing() || !online.ReusesDigitisedData() || !online.UsesPortalStore() ||
		!online.OnlinePayment.PaidOnline() || !online.Channel.Is(model.ChannelOnline) || !online.HasDatabase("7") {
		t.Errorf("online dossier derived flags wrong")
	}

	direct := ds[1]
	if direct.UnitID != "H44.07" || !direct.Channel.Is(model.ChannelDirect) || !direct.ApplicantType.Is(model.ApplicantEnterprise) {
		t.Errorf("direct identity: %q %v %v", direct.UnitID, direct.Channel, direct.ApplicantType)
	}
	if !direct.SubmittedAt.Equal(vn(2026, 8, 5, 8, 40, 0)) || !direct.ReceivedAt.Equal(vn(2026, 8, 5, 8, 45, 0)) ||
		!direct.DueAt.Equal(vn(2026, 9, 5, 17, 0, 0)) || direct.ProcessingEndedAt.IsSet() {
		t.Errorf("direct times: %v %v %v %v", direct.SubmittedAt, direct.ReceivedAt, direct.DueAt, direct.ProcessingEndedAt)
	}
	if direct.Status.Code() != model.StatusSupplement || direct.Status.String() != "05" {
		t.Errorf("status %v raw %q", direct.Status.Code(), direct.Status.String())
	}
	if direct.VNeIDAuthenticated != model.FlagAbsent || direct.HasDigitisedComponents != model.FlagFalse {
		t.Errorf("flags %v %v", direct.VNeIDAuthenticated, direct.HasDigitisedComponents)
	}
	if direct.OnlinePayment.PaidOnline() || direct.OnlinePayment.Known() || direct.OnlinePayment.Code() != model.PaymentCode0 {
		t.Errorf("payment 0 must be kept, unknown meaning, not paid online")
	}
	if len(direct.Fees) != 2 || direct.Fees[0].Amount != 1000000 || direct.Fees[1].Amount != 0 || !direct.FeeBearing() {
		t.Errorf("fees %+v", direct.Fees)
	}
	if len(direct.Files) != 0 || direct.Databases != nil || len(direct.OtherDocs) != 1 || direct.OtherDocs[0].Quantity != "1" {
		t.Errorf("files/dbs/other: %v %v %v", direct.Files, direct.Databases, direct.OtherDocs)
	}
	wantSup := model.Supplement{
		ID: "bs-31", RequestedBy: "Chuyên viên", Reason: "Bổ sung kết quả xét nghiệm nước",
		RequestedAt: vn(2026, 8, 12, 10, 0, 0), State: "0",
		Documents: []byte(`[{"TenGiayTo": "Phiếu kết quả xét nghiệm nước"}]`),
		DueBefore: vn(2026, 9, 5, 17, 0, 0),
	}
	if len(direct.Supplements) != 1 || !reflect.DeepEqual(direct.Supplements[0], wantSup) {
		t.Errorf("supplement:\n got %+v\nwant %+v", direct.Supplements, wantSup)
	}
	if direct.ApplicantIDs[0].Number != "000000001" {
		t.Errorf("applicant ids %v", direct.ApplicantIDs)
	}

	postal := ds[2]
	if postal.UnitID != "H44.100" || !reflect.DeepEqual(postal.Aliases, []string{"H44.100-260810-58231"}) ||
		!postal.HasCode("H44.100-260810-58231") || !postal.Channel.Is(model.ChannelPostal) {
		t.Errorf("postal identity: %q %v", postal.UnitID, postal.Aliases)
	}
	if postal.Status.Code() != model.StatusFinished || postal.Status.String() != "releasing" {
		t.Errorf("alias status: %v", postal.Status)
	}
	if postal.HasElectronicResult() || postal.HasResultFile() || postal.OnlinePayment.Code() != model.PaymentCode3 {
		t.Errorf("postal result/payment wrong")
	}
}

func TestDecodeStepsGolden(t *testing.T) {
	steps := decodeAllSteps(t, readFile(t, "steps.json"))
	if len(steps) != 5 {
		t.Fatalf("got %d steps", len(steps))
	}
	want0 := model.Step{
		DossierCode: "000.00.12.H44-260803-0007", Officer: "Hoàng Văn Minh", Title: "Công chức tư pháp - hộ tịch",
		At: vn(2026, 8, 3, 9, 30, 0), Department: "Bộ phận một cửa", Action: "Tiếp nhận hồ sơ",
		Status: model.ParseStatus("2"), StartedAt: vn(2026, 8, 3, 9, 30, 0), Deadline: vn(2026, 8, 3, 16, 30, 0),
		RealEvent: true,
	}
	if !reflect.DeepEqual(steps[0], want0) {
		t.Errorf("step 0:\n got %+v\nwant %+v", steps[0], want0)
	}
	if steps[2].Status.Code() != model.StatusFinished || !steps[2].RealEvent {
		t.Errorf("step 2 %+v", steps[2])
	}
	if steps[3].RealEvent || steps[3].Status.Code() != model.StatusReturned {
		t.Errorf("step 3 must be fabricated: %+v", steps[3])
	}
	if steps[4].Status.Code() != model.StatusSupplement || len(steps[4].Extra) != 1 || steps[4].Extra[0].Key != "MaBuoc" {
		t.Errorf("step 4 %+v", steps[4])
	}
}

func encodeDossiers(t testing.TB, ds []model.Dossier, env Envelope) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := NewEncoder(&buf, env)
	for i := range ds {
		if err := enc.WriteDossier(&ds[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("..", "testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden:\n got %s\nwant %s", name, got, want)
	}
}

func TestRoundTripDossiers(t *testing.T) {
	ds := decodeAll(t, readFile(t, "dossiers.json"))
	env := Envelope{Service: "DongBoHoSoMC", Params: []Param{{Key: "isUpdating", Value: "False"}}}
	enc := encodeDossiers(t, ds, env)
	golden(t, "dossiers.encoded.json", enc)
	again := decodeAll(t, enc)
	if !reflect.DeepEqual(ds, again) {
		t.Errorf("round trip differs:\n first %+v\nsecond %+v", ds, again)
	}
	// Bare array encoding decodes the same too.
	if bare := decodeAll(t, encodeDossiers(t, ds, Envelope{})); !reflect.DeepEqual(ds, bare) {
		t.Errorf("bare-array round trip differs")
	}
}

func TestRoundTripSteps(t *testing.T) {
	steps := decodeAllSteps(t, readFile(t, "steps.json"))
	var buf bytes.Buffer
	enc := NewEncoder(&buf, Envelope{Service: "CapNhatTienDoHoSoMC"})
	for i := range steps {
		if err := enc.WriteStep(&steps[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	if enc.Count() != len(steps) {
		t.Errorf("count %d", enc.Count())
	}
	golden(t, "steps.encoded.json", buf.Bytes())
	if again := decodeAllSteps(t, buf.Bytes()); !reflect.DeepEqual(steps, again) {
		t.Errorf("steps round trip differs:\n%+v\n%+v", steps, again)
	}
}

func TestEncoderEdgeCases(t *testing.T) {
	var buf bytes.Buffer
	enc := NewEncoder(&buf, Envelope{Service: "DongBoHoSoMC"})
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); got != `{"service":"DongBoHoSoMC","data":[]}` {
		t.Errorf("empty payload %s", got)
	}
	if err := enc.Close(); !errors.Is(err, ErrClosed) {
		t.Errorf("second close: %v", err)
	}
	if err := enc.WriteDossier(&model.Dossier{}); !errors.Is(err, ErrClosed) {
		t.Errorf("write after close: %v", err)
	}
	if err := enc.WriteStep(&model.Step{}); !errors.Is(err, ErrClosed) {
		t.Errorf("write after close: %v", err)
	}
	// Strings needing escapes survive a round trip.
	d := model.Dossier{Code: "X-260101-0001", Summary: "a\"b\\c\n\t\r\x01 é \xff", Note: "<&>", Extra: []model.RawField{{Key: "K"}}}
	out := decodeAll(t, encodeDossiers(t, []model.Dossier{d}, Envelope{}))
	if out[0].Summary != "a\"b\\c\n\t\r\x01 é \uFFFD" || out[0].Note != "<&>" || string(out[0].Extra[0].Value) != "null" {
		t.Errorf("escaping: %q %q %v", out[0].Summary, out[0].Note, out[0].Extra)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestEncoderWriteError(t *testing.T) {
	enc := NewEncoder(failWriter{}, Envelope{})
	big := model.Dossier{Code: "X-260101-0001", Summary: strings.Repeat("x", 70<<10)}
	if err := enc.WriteDossier(&big); err == nil {
		t.Fatal("want write error")
	}
	if err := enc.WriteDossier(&big); err == nil {
		t.Fatal("want sticky error")
	}
	if err := enc.WriteStep(&model.Step{}); err == nil {
		t.Fatal("want sticky error")
	}
	if err := enc.Close(); err == nil {
		t.Fatal("want close error")
	}
	enc2 := NewEncoder(failWriter{}, Envelope{})
	if err := enc2.Close(); err == nil {
		t.Fatal("want flush error")
	}
}
