package dataset_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/vn-dvc/chiso766/model/csvio"
	"github.com/vn-dvc/chiso766/model/dataset"
)

// A directory in the convention: the files are found by name, checked by content and loaded; the
// dossiers are streamed.
func Example() {
	dir, err := os.MkdirTemp("", "province")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	files := map[string]string{
		"units.csv": "id,name,kind,parent\nH44,UBND tỉnh,PROVINCE,\n000.00.12.H44,Sở Tư pháp,PROVINCIAL_DEPARTMENT,H44\n",
		"dossiers.json": `{"service":"DongBoHoSoMC","data":[{"MaHoSo":"000.00.12.H44-260803-0001","TrangThaiHoSo":"2",` +
			`"NgayTiepNhan":"20260803080000"}]}`,
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			panic(err)
		}
	}
	f, _, err := dataset.Convention(dir)
	if err != nil {
		panic(err)
	}
	set, err := dataset.Load(f)
	if err != nil {
		panic(err)
	}
	fmt.Println(len(set.Units), "units")
	for d, err := range set.Dossiers() {
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(d.Code, d.UnitID)
	}
	// Output:
	// 2 units
	// 000.00.12.H44-260803-0001 000.00.12.H44
}

// A decoder's error read from a file, wrapped as Set wraps it: the record's index, code and field, and
// whether reading goes on.
func ExampleNewFileError() {
	in := "code,unit_id,status\n,H44,DA_TRA_KQ\n"
	for _, err := range csvio.DecodeDossiers(strings.NewReader(in)) {
		if err != nil {
			fe := dataset.NewFileError("dossiers.csv", err)
			fmt.Println(fe.Index, fe.Field, fe.Recoverable)
		}
	}
	// Output:
	// 0 code true
}
