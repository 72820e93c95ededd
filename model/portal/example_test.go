package portal_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/portal"
)

// Decode a DongBoHoSoMC payload, skipping and reporting bad records.
func ExampleDecodeDossiers() {
	payload := `{"service":"DongBoHoSoMC","isUpdating":"False","data":[
	  {"MaHoSo":"000.00.12.H44-260803-0007","MaTTHC":"1.001193","KenhThucHien":"2",
	   "NgayTiepNhan":"20260803093000","NgayHenTra":"20260804163000","TrangThaiHoSo":"10",
	   "NgayKetThucXuLy":"2026-08-04T10:15:00","DuocThanhToanTrucTuyen":"1",
	   "DanhSachLePhi":[{"TenPhiLePhi":"Lệ phí","Gia":"8000"}]},
	  {"MaHoSo":"000.00.12.H44-260803-0008","NgayTiepNhan":"31/02/2026 08:00:00"},
	  {"MaHoSo":"H44.07-260805-0012","KenhThucHien":"1","TrangThaiHoSo":"waiting","NgayTiepNhan":"05/08/2026 08:45:00"}
	]}`
	for d, err := range portal.DecodeDossiers(strings.NewReader(payload)) {
		var re *portal.RecordError
		if errors.As(err, &re) {
			fmt.Printf("skip record %d (%s): field %s: bad date=%v\n", re.Index, re.Code, re.Field, errors.Is(err, portal.ErrBadDate))
			continue
		}
		fmt.Printf("%s unit=%s channel=%s status=%d (%s) received=%s on-time=%v paid-online=%v\n",
			d.Code, d.UnitID, d.Channel.LabelEN(), d.Status.Code(), d.Status.Label(),
			d.Received().T.Format("2006-01-02 15:04"),
			d.ProcessingEndedAt.IsSet() && !d.ProcessingEndedAt.After(d.DueAt),
			d.OnlinePayment.PaidOnline())
	}
	// Output:
	// 000.00.12.H44-260803-0007 unit=000.00.12.H44 channel=online status=10 (Đã trả kết quả) received=2026-08-03 09:30 on-time=true paid-online=true
	// skip record 1 (000.00.12.H44-260803-0008): field NgayTiepNhan: bad date=true
	// H44.07-260805-0012 unit=H44.07 channel=direct status=5 (Yêu cầu bổ sung giấy tờ) received=2026-08-05 08:45 on-time=false paid-online=false
}

// Parse the three accepted date formats; text without an offset is Vietnam time.
func ExampleParseTime() {
	for _, s := range []string{"20260803081512", "2026-08-03T01:15:12Z", "03/08/2026 08:15:12", "2026-02-30"} {
		t, layout, err := portal.ParseTime(s)
		if err != nil {
			fmt.Println(layout, err)
			continue
		}
		fmt.Println(layout, t.Format("2006-01-02 15:04:05 -07:00"))
	}
	// Output:
	// legacy 2026-08-03 08:15:12 +07:00
	// iso8601 2026-08-03 08:15:12 +07:00
	// dmy 2026-08-03 08:15:12 +07:00
	// none bad date: "2026-02-30"
}

// Write dossiers back in the legacy shape.
func ExampleEncoder() {
	enc := portal.NewEncoder(os.Stdout, portal.Envelope{Service: "DongBoHoSoMC", Params: []portal.Param{{Key: "isUpdating", Value: "True"}}})
	d := model.Dossier{
		Code:       "H44.07-260805-0012",
		UnitID:     "H44.07",
		Channel:    model.NewChannel(model.ChannelOnline),
		Status:     model.ParseStatus("09"),
		ReceivedAt: model.Some(mustTime("20260805084500")),
		Fees:       []model.Fee{{Name: "Phí thẩm định", Amount: 1000000}},
	}
	if err := enc.WriteDossier(&d); err != nil {
		fmt.Println(err)
	}
	if err := enc.Close(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"service":"DongBoHoSoMC","isUpdating":"True","data":[{"MaHoSo":"H44.07-260805-0012","KenhThucHien":"2","NgayTiepNhan":"20260805084500","TrangThaiHoSo":"09","DanhSachLePhi":[{"TenPhiLePhi":"Phí thẩm định","Gia":"1000000"}]}]}
}

func mustTime(s string) time.Time {
	tm, _, err := portal.ParseTime(s)
	if err != nil {
		panic(err)
	}
	return tm
}
