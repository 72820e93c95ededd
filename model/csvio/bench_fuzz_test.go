package csvio

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/internal/recdiff"
)

// BenchmarkDecodeDossiersCSV decodes 10 000 generated CSV rows per iteration.
func BenchmarkDecodeDossiersCSV(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(strings.Join(DossierColumns(), ",") + "\n")
	row := "H44.07-260805-%05d,,,2.000815,Cấp GCN,,H44.07,ATTP,2,2,1,1|025186004321,x,20260805084000,,20260805084500,20260905170000,,20260901100000,,9,0,1,1,1,,TP01|https://x/f.pdf|1|0,KQ|https://x/k.pdf,P|1000000,20260812100000|20260813100000|20260905170000|20260906170000,7,,,,\n"
	for i := range 10_000 {
		sb.WriteString(strings.Replace(row, "%05d", strings.Repeat("0", 5-len(itoa(i)))+itoa(i), 1))
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range DecodeDossiers(bytes.NewReader(data)) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 10_000 {
			b.Fatal(n)
		}
	}
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

// FuzzDecodeDossiersCSV checks that no input panics the CSV decoder, that
// errors are *RecordError values and that decoding reproduces the fields:
// decode → encode → decode gives equal records, field by field.
func FuzzDecodeDossiersCSV(f *testing.F) {
	f.Add("code,received_at,files,fees\nA,20260801000000,TP|u|1|0,P|5\n")
	f.Add("code\n\"A\nB\"\n")
	f.Add("\ufeffcode,supplements\nA,20260801000000|||\n")
	f.Add("code,sync_sent_at,sync_updating,sync_error_code,sync_message\nA,20260804090500,0,0,ok\nB,,1,-1,\"x, y\"\n")
	f.Add("code,unit_id,summary\nA\xff-1-1,A,x\nA\xfe-1-1,A,\xed\xa0\x80\n")
	f.Add("code,summary\n\"A-1-1,x\nB-1-1,y\n")
	f.Add("code,received_at,due_at,aliases,applicant_ids\n A ,2026-08-03T08:15:12.25+02:00,2026-08-03T08:15:12+23:59, x ;y,k|n;k2| n2 \n")
	f.Fuzz(func(t *testing.T, in string) {
		var good []model.Dossier
		for d, err := range DecodeDossiers(strings.NewReader(in)) {
			if err != nil {
				if _, ok := err.(*RecordError); !ok {
					t.Fatalf("error %T %v is not *RecordError", err, err)
				}
				continue
			}
			good = append(good, d)
		}
		var buf bytes.Buffer
		w := NewDossierWriter(&buf)
		for i := range good {
			if err := w.Write(&good[i]); err != nil {
				return // items with ';' or '|' cannot be written: documented
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		text := buf.String()
		n := 0
		for d, err := range DecodeDossiers(io.Reader(&buf)) {
			if err != nil {
				t.Fatalf("re-decode: %v\n%s", err, text)
			}
			if n < len(good) {
				if diff := recdiff.Diff(good[n], d, 0); diff != "" {
					t.Fatalf("record %d differs after decode → encode → decode: Dossier%s\n%s", n, diff, text)
				}
			}
			n++
		}
		if n != len(good) {
			t.Fatalf("%d of %d", n, len(good))
		}
	})
}

// FuzzDecodeProceduresCSV checks that no procedure input panics the decoder and that what decodes
// re-encodes to text that decodes again to the same records, field by field, and the same encoding (publication items of 7 or 8 parts,
// publisher columns).
func FuzzDecodeProceduresCSV(f *testing.F) {
	f.Add("code,publications\nPA,QD-1|2026-08-03T00:00:00+07:00|1|PROVINCE|2026-08-15T00:00:00+07:00||1111111\n")
	f.Add("code,publication_decision_id,publisher_code,publications\nPA,QD-1,H99,QD-1|20260803000000|2|MINISTRY|||0110111|H99;QD-2||3||||\n")
	f.Add("code,durations,fees\nPB,2|5|Ngày làm việc|0,2|LP|\n")
	f.Fuzz(func(t *testing.T, in string) {
		var good []model.Procedure
		for p, err := range DecodeProcedures(strings.NewReader(in)) {
			if err == nil {
				good = append(good, p)
			}
		}
		enc := func(ps []model.Procedure) (string, bool) {
			var buf bytes.Buffer
			w := NewProcedureWriter(&buf)
			for i := range ps {
				if err := w.Write(&ps[i]); err != nil {
					return "", false // items with ';' or '|' cannot be written: documented
				}
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			return buf.String(), true
		}
		first, ok := enc(good)
		if !ok {
			return
		}
		var again []model.Procedure
		for p, err := range DecodeProcedures(strings.NewReader(first)) {
			if err != nil {
				t.Fatalf("re-decode: %v\n%s", err, first)
			}
			again = append(again, p)
		}
		if len(again) != len(good) {
			t.Fatalf("%d of %d", len(again), len(good))
		}
		for i := range good {
			if diff := recdiff.Diff(good[i], again[i], 0); diff != "" {
				t.Fatalf("record %d differs after decode → encode → decode: Procedure%s\n%s", i, diff, first)
			}
		}
		if second, _ := enc(again); second != first {
			t.Fatalf("re-encoding differs:\n%s\n%s", first, second)
		}
	})
}
