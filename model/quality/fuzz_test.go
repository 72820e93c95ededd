package quality

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/portal"
)

// FuzzCheck decodes arbitrary payloads and runs every check on what decodes:
// no record may panic the checker, findings must name their record, and
// checking never modifies the record.
func FuzzCheck(f *testing.F) {
	if b, err := os.ReadFile("../testdata/dossiers.json"); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`[{"MaHoSo":"A-1-1","TrangThaiHoSo":"9","KenhThucHien":"2","NgayTiepNhan":"20260801000000","NgayTra":"20260731000000"},{"MaHoSo":"A-1-1"}]`))
	f.Add([]byte(`[{"MaHoSo":"B-1-1","MaHoSoKhac":"A-1-1;B-1-1","DinhDanhCHS":[{"SoDinhDanh":"0"}],"DanhSachHoSoBoSung":[{},{}]}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := NewChecker(Options{
			AsOf:      time.Date(2026, 8, 31, 0, 0, 0, 0, model.Vietnam()),
			Catalogue: []model.Procedure{{Code: "1.001193"}},
			Offerings: []model.Offering{{UnitID: "H44.07", ProcedureCode: "2.000815", Level: model.NewOnlineLevel(model.OnlineFull)}},
		})
		for d, err := range portal.DecodeDossiers(bytes.NewReader(data)) {
			if err != nil {
				continue
			}
			before := Fingerprint(&d)
			for _, fd := range c.Check(&d) {
				if fd.RecordCode != d.Code || fd.Severity < Info || fd.Severity > Error || fd.Message == "" {
					t.Fatalf("bad finding %+v", fd)
				}
			}
			if Fingerprint(&d) != before {
				t.Fatal("check modified the record")
			}
		}
	})
}
