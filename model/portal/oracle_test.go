package portal

// The record decoders as they were before the one-pass parser (issue 17), kept as the test oracle of the
// differential tests and fuzz targets: they read a record that encoding/json's Decoder has checked and
// cut out (stream), then scan it again field by field (cursor, eachField).

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"iter"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/vn-dvc/chiso766/internal/testkit"
	"github.com/vn-dvc/chiso766/model"
)

// oracleDossiers is DecodeDossiers as it was.
func oracleDossiers(r io.Reader, opts ...Option) iter.Seq2[model.Dossier, error] {
	return func(yield func(model.Dossier, error) bool) {
		cfg := newConfig(opts)
		stream(r, cfg, []string{"data"}, func(i int, raw json.RawMessage) bool {
			d, err := oldDecodeDossier(i, raw, cfg)
			return yield(d, err)
		}, func(err error) { yield(model.Dossier{}, err) })
	}
}

// oracleSteps is DecodeSteps as it was.
func oracleSteps(r io.Reader, opts ...Option) iter.Seq2[model.Step, error] {
	return func(yield func(model.Step, error) bool) {
		cfg := newConfig(opts)
		stream(r, cfg, []string{"data"}, func(i int, raw json.RawMessage) bool {
			s, err := oldDecodeStepRecord(i, raw, cfg)
			return yield(s, err)
		}, func(err error) { yield(model.Step{}, err) })
	}
}

func oldDecodeDossier(index int, rawBytes []byte, cfg config) (model.Dossier, error) {
	raw := string(rawBytes) // one allocation; field strings are substrings of it
	re := &RecordError{Index: index}
	c := newCursor(re, cfg, false)
	var d model.Dossier
	unitSet := false
	c.record(raw, func(k string, v string) {
		switch k {
		case "MaHoSo":
			d.Code = strings.TrimSpace(c.str(k, v))
			re.Code = d.Code
		case "MaHoSoKhac":
			d.Aliases = splitAliases(c.str(k, v))
		case "IdHoSo":
			d.NationalID = c.str(k, v)
		case "MaTTHC":
			d.ProcedureCode = c.str(k, v)
		case "TenTTHC":
			d.ProcedureName = c.str(k, v)
		case "MaTruongHop":
			d.CaseCode = c.str(k, v)
		case "MaDonVi":
			d.UnitID = c.str(k, v)
			unitSet = d.UnitID != ""
		case "MaLinhVuc":
			d.FieldCode = c.str(k, v)
		case "TenLinhVuc":
			d.FieldName = c.str(k, v)
		case "KenhThucHien":
			d.Channel = model.ParseChannel(c.str(k, v))
		case "NoiNopHoSo":
			d.SubmittedVia = c.str(k, v)
		case "LoaiDoiTuong":
			d.ApplicantType = model.ParseApplicantType(c.str(k, v))
		case "SoBienNhan":
			d.ReceiptNo = c.str(k, v)
		case "ChuHoSo":
			d.ApplicantName = c.str(k, v)
		case "MaDoiTuong":
			d.ApplicantAccount = c.str(k, v)
		case "SoGiayToChuHoSo":
			d.ApplicantDocNo = c.str(k, v)
		case "ThongTinKhac":
			d.OtherInfo = c.str(k, v)
		case "Email":
			d.Email = c.str(k, v)
		case "Fax":
			d.Fax = c.str(k, v)
		case "SoDienThoai":
			d.Phone = c.str(k, v)
		case "TrichYeuHoSo":
			d.Summary = c.str(k, v)
		case "DonViXuLy":
			d.HandlingAgency = c.str(k, v)
		case "GhiChu":
			d.Note = c.str(k, v)
		case "ThongTinTra":
			d.ReturnNote = c.str(k, v)
		case "NgayNopHoSo":
			d.SubmittedAt = c.time(k, v)
		case "HanTiepNhan":
			d.ReceiveDeadline = c.time(k, v)
		case "NgayTiepNhan":
			d.ReceivedAt = c.time(k, v)
		case "NgayHenTra":
			d.DueAt = c.time(k, v)
		case "NgayTuChoi":
			d.RejectedAt = c.time(k, v)
		case "NgayKetThucXuLy":
			d.ProcessingEndedAt = c.time(k, v)
		case "NgayTra":
			d.ResultReturnedAt = c.time(k, v)
		case "TrangThaiHoSo":
			d.Status = model.ParseStatus(c.str(k, v))
		case "HinhThuc":
			d.ReturnMethod = model.ParseReturnMethod(c.str(k, v))
		case "HoSoCoThanhPhanSoHoa":
			d.HasDigitisedComponents = c.flag(k, v)
		case "TaiKhoanDuocXacThucVoiVNeID":
			d.VNeIDAuthenticated = c.flag(k, v)
		case "DuocThanhToanTrucTuyen":
			d.OnlinePayment = model.ParseOnlinePayment(c.str(k, v))
		case "KetQuaDongBoKho":
			d.ResultSyncedToStore = c.flag(k, v)
		case "TaiLieuNop":
			d.Files = objects(c, k, v, oldDecodeFile)
		case "DanhSachGiayToKetQua":
			d.Results = objects(c, k, v, oldDecodeResult)
		case "DanhSachLePhi":
			d.Fees = objects(c, k, v, oldDecodeFee)
		case "DanhSachTepDinhKemKhac":
			d.OtherDocs = objects(c, k, v, oldDecodeOtherDoc)
		case "DanhSachHoSoBoSung":
			d.Supplements = objects(c, k, v, oldDecodeSupplement)
		case "DinhDanhCHS":
			d.ApplicantIDs = objects(c, k, v, oldDecodeApplicantID)
		case "DSKetNoiCSDL":
			d.Databases = objects(c, k, v, oldDecodeDatabase)
		default:
			d.Extra = append(d.Extra, extra(k, v))
		}
	})
	if !unitSet {
		d.UnitID = UnitFromCode(d.Code)
	}
	if re.Err == nil && d.Code == "" {
		re.Field, re.Err = "MaHoSo", ErrBadCode
	}
	if re.Err != nil {
		return d, re
	}
	return d, nil
}

func oldDecodeApplicantID(c *cursor, raw string) (a model.ApplicantID) {
	c.record(raw, func(k string, v string) {
		switch k {
		case "LoaiDinhDanh":
			a.Kind = c.str(k, v)
		case "SoDinhDanh":
			a.Number = c.str(k, v)
		}
	})
	return a
}

func oldDecodeDatabase(c *cursor, raw string) (code string) {
	c.record(raw, func(k string, v string) {
		if k == "MaCSDL" {
			code = c.str(k, v)
		}
	})
	return code
}

func oldDecodeFile(c *cursor, raw string) (f model.File) {
	c.record(raw, func(k string, v string) {
		switch k {
		case "TepDinhKemId":
			f.ID = c.str(k, v)
		case "TenTepDinhKem":
			f.Name = c.str(k, v)
		case "IsDeleted":
			f.Deleted = c.flag(k, v)
		case "MaThanhPhanHoSo":
			f.ComponentCode = c.str(k, v)
		case "DuongDanTaiTepTin":
			f.URL = c.str(k, v)
		case "DuocSoHoa":
			f.Digitised = c.flag(k, v)
		case "DuocTaiSuDung":
			f.Reused = c.str(k, v)
		case "DuocLayTuKhoDMQG":
			f.FromStore = c.flag(k, v)
		case "MaKetQuaThayThe":
			f.ReplacedResultCode = c.str(k, v)
		default:
			f.Extra = append(f.Extra, extra(k, v))
		}
	})
	return f
}

func oldDecodeResult(c *cursor, raw string) (r model.ResultDoc) {
	c.record(raw, func(k string, v string) {
		switch k {
		case "TenGiayTo":
			r.Name = c.str(k, v)
		case "MaThanhPhanHoSo":
			r.ComponentCode = c.str(k, v)
		case "GiayToId":
			r.ID = c.str(k, v)
		case "DuongDanTepTinKetQua":
			r.URL = c.str(k, v)
		case "MaGiayToKetQua":
			r.Code = c.str(k, v)
		default:
			r.Extra = append(r.Extra, extra(k, v))
		}
	})
	return r
}

func oldDecodeFee(c *cursor, raw string) (f model.Fee) {
	f.AmountUnknown = true // Gia absent, null or blank: an amount not given (issue 13 decision 5)
	c.record(raw, func(k string, v string) {
		switch k {
		case "TenPhiLePhi":
			f.Name = c.str(k, v)
		case "MaPhiLePhi":
			f.Code = c.str(k, v)
		case "HinhThucThu":
			f.Method = c.str(k, v)
		case "Gia":
			f.Amount = c.amount(k, v)
			f.AmountUnknown = strings.TrimSpace(c.str(k, v)) == ""
		case "LoaiPhiLePhi":
			f.Kind = c.str(k, v)
		default:
			f.Extra = append(f.Extra, extra(k, v))
		}
	})
	return f
}

func oldDecodeOtherDoc(c *cursor, raw string) (o model.OtherDoc) {
	c.record(raw, func(k string, v string) {
		switch k {
		case "TenGiayTo":
			o.Name = c.str(k, v)
		case "SoLuong":
			o.Quantity = c.str(k, v)
		case "LoaiGiayTo":
			o.Kind = c.str(k, v)
		default:
			o.Extra = append(o.Extra, extra(k, v))
		}
	})
	return o
}

func oldDecodeSupplement(c *cursor, raw string) (s model.Supplement) {
	c.record(raw, func(k string, v string) {
		switch k {
		case "LoaiBoSung":
			s.Kind = model.ParseSupplementKind(c.str(k, v))
		case "HoSoBoSungId":
			s.ID = c.str(k, v)
		case "NguoiYeuCauBoSung":
			s.RequestedBy = c.str(k, v)
		case "NoiDungBoSung":
			s.Reason = c.str(k, v)
		case "NgayBoSung":
			s.RequestedAt = c.time(k, v)
		case "NguoiTiepNhanBoSung":
			s.ReceivedBy = c.str(k, v)
		case "ThongTinTiepNhan":
			s.ReceptionNote = c.str(k, v)
		case "NgayTiepNhanBoSung":
			s.ResubmittedAt = c.time(k, v)
		case "TrangThaiBoSung":
			s.State = c.str(k, v)
		case "NgayHenTraTruoc":
			s.DueBefore = c.time(k, v)
		case "NgayHenTraMoi":
			s.DueAfter = c.time(k, v)
		case "DanhSachGiayToBoSung":
			if v != "null" && v != `""` {
				s.Documents = []byte(v)
			}
		case "DanhSachLePhiBoSung":
			s.Fees = objects(c, k, v, oldDecodeFee)
		default:
			s.Extra = append(s.Extra, extra(k, v))
		}
	})
	return s
}

func oldDecodeStep(c *cursor, raw string) (s model.Step) {
	s.RealEvent = true
	c.record(raw, func(k string, v string) {
		switch k {
		case "MaHoSo":
			s.DossierCode = strings.TrimSpace(c.str(k, v))
			c.re.Code = s.DossierCode
		case "NguoiXuLy":
			s.Officer = c.str(k, v)
		case "ChucDanh":
			s.Title = c.str(k, v)
		case "ThoiDiemXuLy":
			s.At = c.time(k, v)
		case "PhongBanXuLy":
			s.Department = c.str(k, v)
		case "NoiDungXuLy":
			s.Action = c.str(k, v)
		case "TrangThai":
			s.Status = model.ParseStatus(c.str(k, v))
		case "NgayBatDau":
			s.StartedAt = c.time(k, v)
		case "NgayKetThucTheoQuyDinh":
			s.Deadline = c.time(k, v)
		case "DonViChuyen":
			s.FromUnit = c.str(k, v)
		case "DonViNhan":
			s.ToUnit = c.str(k, v)
		case "SuKienThuc":
			s.RealEvent = c.flag(k, v) != model.FlagFalse
		default:
			s.Extra = append(s.Extra, extra(k, v))
		}
	})
	return s
}

func oldDecodeStepRecord(index int, rawBytes []byte, cfg config) (model.Step, error) {
	raw := string(rawBytes)
	re := &RecordError{Index: index}
	s := oldDecodeStep(newCursor(re, cfg, false), raw)
	if re.Err == nil && s.DossierCode == "" {
		re.Field, re.Err = "MaHoSo", ErrBadCode
	}
	if re.Err != nil {
		return s, re
	}
	return s, nil
}

var sentinels = []error{ErrSyntax, ErrNoData, ErrNotObject, ErrBadType, ErrBadDate, ErrBadNumber, ErrBadFlag,
	ErrBadCode, ErrDuplicateField, ErrInvalidUTF8, ErrTooLarge}

// sameItems compares the new decoder's results with the oracle's: the same number of results, equal
// records where neither has an error (fix applied to the oracle's first), and errors with the same
// index, field and sentinels.
func sameItems[T any](t *testing.T, data []byte, got, want []testkit.Item[T], fix func(*T)) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d results, oracle %d\ninput %q\ngot  %v\nwant %v", len(got), len(want), data, errsOf(got), errsOf(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if (g.Err == nil) != (w.Err == nil) {
			t.Fatalf("result %d: error %v, oracle %v\ninput %q", i, g.Err, w.Err, data)
		}
		if g.Err == nil {
			fix(&w.V)
			if !reflect.DeepEqual(g.V, w.V) {
				t.Fatalf("result %d:\n got %+v\nwant %+v\ninput %q", i, g.V, w.V, data)
			}
			continue
		}
		var ge, we *RecordError
		if !errors.As(g.Err, &ge) || !errors.As(w.Err, &we) {
			t.Fatalf("result %d: errors %T %T", i, g.Err, w.Err)
		}
		if ge.Index != we.Index || ge.Field != we.Field {
			t.Fatalf("result %d: error %v\noracle %v\ninput %q", i, g.Err, w.Err, data)
		}
		// The oracle's json.Decoder turned a top-level number too large for a float64 into an unmarshal
		// error wrapping no sentinel; the one-pass decoder calls it what it is, a payload that is
		// neither an object nor an array (ErrSyntax).
		quirk := strings.Contains(w.Err.Error(), "json: cannot unmarshal number") && errors.Is(g.Err, ErrSyntax)
		for _, s := range sentinels {
			if !quirk && errors.Is(g.Err, s) != errors.Is(w.Err, s) {
				t.Fatalf("result %d: error %v\noracle %v (differ on %v)\ninput %q", i, g.Err, w.Err, s, data)
			}
		}
		if ge.Terminal != (i == len(got)-1 && isTerminalOracle(we)) {
			t.Fatalf("result %d: error %v: Terminal %v", i, g.Err, ge.Terminal)
		}
	}
}

// sameErrText: the two decodings of one payload (sameItems holds) give errors of the same text.
func sameErrText[T any](t *testing.T, data []byte, got, want []testkit.Item[T]) {
	t.Helper()
	for i := range got {
		if g, w := got[i].Err, want[i].Err; g != nil && w != nil && g.Error() != w.Error() {
			t.Fatalf("result %d: error %q\nwant %q\ninput %q", i, g, w, data)
		}
	}
}

// isTerminalOracle: the oracle's errors that ended its sequence.
func isTerminalOracle(e *RecordError) bool {
	return e.Field == "" && (errors.Is(e, ErrSyntax) || errors.Is(e, ErrTooLarge) || errors.Is(e, ErrNoData)) ||
		errors.Is(e, ErrSyntax) && errors.Is(e, ErrDuplicateField) || !errors.Is(e, ErrSyntax) && !errors.Is(e, ErrTooLarge) && !anySentinel(e)
}

func anySentinel(e error) bool {
	for _, s := range sentinels {
		if errors.Is(e, s) {
			return true
		}
	}
	return false
}

func errsOf[T any](items []testkit.Item[T]) []error {
	var out []error
	for _, it := range items {
		out = append(out, it.Err)
	}
	return out
}

// oracleInput reports whether the oracle can judge data: it rejected a UTF-8 byte order mark, which the
// new decoder skips, and UTF-16 input with an error that did not say so.
func oracleInput(data []byte) bool {
	return !bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) && !bytes.HasPrefix(data, []byte{0xFE, 0xFF}) &&
		!bytes.HasPrefix(data, []byte{0xFF, 0xFE}) && !(len(data) >= 2 && (data[0] == 0 || data[1] == 0))
}

func checkDossiersOracle(t *testing.T, data []byte) {
	if !oracleInput(data) {
		return
	}
	got := testkit.Collect(DecodeDossiers(bytes.NewReader(data)))
	want := testkit.Collect(oracleDossiers(bytes.NewReader(data)))
	sameItems(t, data, got, want, payloadSync)
	for _, first := range []int{1, 7, 40} { // records read again from longer and longer copies
		short := testkit.Collect(decodeDossiers(iotest.HalfReader(bytes.NewReader(data)), first, nil))
		sameItems(t, data, short, got, func(*model.Dossier) {})
		sameErrText(t, data, short, got)
	}
	for _, size := range []int{16, 200, 4096} {
		split := testkit.Collect(testkit.ChunkSeq(splitDossiers(bytes.NewReader(data), size, newConfig(nil))))
		sameItems(t, data, split, got, func(*model.Dossier) {})
		sameErrText(t, data, split, got)
	}
}

func checkStepsOracle(t *testing.T, data []byte) {
	if !oracleInput(data) {
		return
	}
	got := testkit.Collect(DecodeSteps(bytes.NewReader(data)))
	want := testkit.Collect(oracleSteps(bytes.NewReader(data)))
	sameItems(t, data, got, want, func(*model.Step) {})
}

// FuzzDossiersOracle: the one-pass decoder gives the records and errors of the previous decoder (the
// oracle), with the payload sync rule applied to the oracle's records.
func FuzzDossiersOracle(f *testing.F) {
	addSeeds(f, "dossiers.json", "dossiers.encoded.json")
	f.Fuzz(checkDossiersOracle)
}

// FuzzStepsOracle is FuzzDossiersOracle for DecodeSteps.
func FuzzStepsOracle(f *testing.F) {
	addSeeds(f, "steps.json", "steps.encoded.json")
	f.Fuzz(checkStepsOracle)
}

// TestOracleSample runs the differential check on a generated sample payload and hand-made edge cases.
func TestOracleSample(t *testing.T) {
	checkDossiersOracle(t, mustReadAll(t, newGenReader(3000)))
	for _, name := range []string{"dossiers.json", "dossiers.encoded.json", "steps.json", "steps.encoded.json"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		checkDossiersOracle(t, b)
		checkStepsOracle(t, b)
	}
	for _, s := range []string{
		`[{"MaHoSo":"A-1-1","TaiLieuNop":"[{\"DuocSoHoa\":\"1\"},{\"x\":[1,{}]}]","X":{"y":[true,false,null,-1.5e3]}}]`,
		`[{"MaHoSo":"A-1-1","TaiLieuNop":"[{\"DuocSoHoa\":\"1\"}"}]`,
		`[{"MaHoSo":"A-1-1","TaiLieuNop":"{}"}, {"MaHoSo":"B-1-1","DanhSachLePhi":5}, 7, "x", null, []]`,
		`[{"MaHoSo":"A-1-1" "X":1}]`, `[{"MaHoSo":"A-1-1",}]`, `[{"MaHoSo":01}]`, `[{"MaHoSo":1.}]`, `[{"MaHoSo":tru}]`,
		`[{"MaHoSo":"A\u00e9-1-1","GhiChu":"\ud83d\ude00"}]`, `[{"MaHoSo":"A-1-1","GhiChu":"\x"}]`,
		`{"service":"x","data":[{"MaHoSo":"A-1-1"}],"more":{"a":[1,2,{"b":null}]}}`, `{"service":"x"}`,
		`{"data":[{"MaHoSo":"A-1-1"}]} {}`, `[{"MaHoSo":"A-1-1"}]]`, `{"data":"x"}`, `{"data":null,"data":[]}`,
		`[{"MaHoSo":"A-1-1","DinhDanhCHS":[{"LoaiDinhDanh":"1","SoDinhDanh":"2","Z":{}}],"DSKetNoiCSDL":[{"MaCSDL":"7"},{"MaCSDL":7}]}]`,
		"[{\"MaHoSo\":\"A-1-1\",\"GhiChu\":\"a\tb\"}]", "[{\"\xff\":1,\"MaHoSo\":\"A-1-1\"}]",
		`[{"MaHoSo":"A-1-1","DanhSachHoSoBoSung":[{"DanhSachGiayToBoSung":"","DanhSachLePhiBoSung":[{"Gia":"1.5"}]}]}]`,
	} {
		checkDossiersOracle(t, []byte(s))
		checkStepsOracle(t, []byte(s))
	}
}

// checkFastISO: where the fast ISO path answers, it answers what the time.Parse layouts answer.
func checkFastISO(t *testing.T, s string) {
	s = strings.TrimSpace(s)
	if len(s) < 19 || s[4] != '-' {
		return
	}
	got, ok := fastISO(s)
	if !ok {
		return
	}
	want, layout, err := parseTimeSlow(s)
	if err != nil || layout != LayoutISO || !reflect.DeepEqual(got, want) || got.Location() != want.Location() {
		t.Fatalf("%q: fast %v, slow %v %v %v", s, got, want, layout, err)
	}
}

// FuzzFastISO compares the fast ISO 8601 path of ParseTime with its time.Parse layouts.
func FuzzFastISO(f *testing.F) {
	for _, s := range fastISOSeeds {
		f.Add(s)
	}
	f.Fuzz(checkFastISO)
}

var fastISOSeeds = []string{"2026-08-03T09:30:00+07:00", "2026-08-03 09:30:00.5Z", "2026-08-03T09:30:00.123456789-03:30",
	"0001-01-01T00:00:00+07:00", "9999-12-31T23:59:59-12:00", "2024-02-29T00:00:00", "2026-02-29T00:00:00",
	"2026-08-03T24:00:00Z", "2026-08-03T09:30:00+14:00", "2026-08-03T09:30:00+14:01", "2026-08-03T09:30:00.Z"}

func TestFastISO(t *testing.T) {
	for _, s := range fastISOSeeds {
		checkFastISO(t, s)
	}
}
