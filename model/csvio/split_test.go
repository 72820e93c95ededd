package csvio

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/vn-dvc/chiso766/internal/testkit"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/portal"
)

// TestSplitLimits: a row over the record limit ends the split with ErrTooLarge after the rows before it.
func TestSplitLimits(t *testing.T) {
	in := "code,summary\nA,x\nB," + strings.Repeat("y", DefaultMaxRecordBytes) + "\nC,z\n"
	var codes []string
	var last error
	for d, err := range testkit.ChunkSeq(SplitDossiers(strings.NewReader(in))) {
		if err != nil {
			last = err
			continue
		}
		codes = append(codes, d.Code)
	}
	if fmt.Sprint(codes) != "[A]" || !errors.Is(last, ErrTooLarge) || !IsTerminal(last) {
		t.Errorf("%v %v", codes, last)
	}
}

// ExampleSplitDossiers cuts a ';'-delimited dossier file into chunks of whole rows and decodes them; a
// bad row is an error for that row alone, named by its CSV column.
func ExampleSplitDossiers() {
	file := "code;unit_id;received_at\nH44.1-260801-0001;H44.1;2026-08-01T08:00:00+07:00\nH44.1-260801-0002;H44.1;hôm qua\n"
	for c, err := range SplitDossiers(strings.NewReader(file)) {
		if err != nil {
			fmt.Println("stop:", err)
			return
		}
		var d model.Dossier
		for {
			index, err, ok := c.Next(&d)
			if !ok {
				break
			}
			var re *RecordError
			if errors.As(err, &re) {
				fmt.Println(index, "skipped, column", re.Field, errors.Is(err, portal.ErrBadDate))
				continue
			}
			fmt.Println(index, d.Code, d.ReceivedAt.T.Format("2006-01-02 15:04"))
		}
		c.Release()
	}
	// Output:
	// 0 H44.1-260801-0001 2026-08-01 08:00
	// 1 skipped, column received_at true
}
