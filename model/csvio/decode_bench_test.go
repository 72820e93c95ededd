package csvio

import (
	"bytes"
	"encoding/csv"
	"io"
	"iter"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/internal/testkit"
	"github.com/vn-dvc/chiso766/model"
)

// benchCSV writes n realistic dossiers (times in RFC 3339, lists of files, results, fees and
// supplements) with the DossierWriter.
func benchCSV(tb testing.TB, n int) []byte {
	tb.Helper()
	return benchCSVNamed(tb, n, "Đăng ký khai sinh", "Đăng ký khai sinh cho con")
}

// benchCSVQuoted is benchCSV with a procedure name and a summary holding commas, which the writer
// quotes (as about half the rows of the sample province's export are).
func benchCSVQuoted(tb testing.TB, n int) []byte {
	tb.Helper()
	name := "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở"
	return benchCSVNamed(tb, n, name, name)
}

// benchCSVNamed is benchCSV with the procedure name and summary given.
func benchCSVNamed(tb testing.TB, n int, procedureName, summary string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	w := NewDossierWriter(&buf)
	vn := model.Vietnam()
	for i := range n {
		day := 1 + i%28
		at := func(d, h int) model.Time { return model.Some(timeAt(vn, 2026, 8, d, h)) }
		d := model.Dossier{Code: "000.00.12.H44-260801-" + itoa(10000+i), ProcedureCode: "1.001193.000.00.00.H44",
			ProcedureName: procedureName, UnitID: "000.00.12.H44", FieldCode: "HT",
			Channel: model.ParseChannel("2"), ApplicantType: model.ParseApplicantType("1"),
			ApplicantIDs: []model.ApplicantID{{Kind: "1", Number: "025186004321"}}, Summary: summary,
			SubmittedAt: at(day, 8), ReceivedAt: at(day, 9), DueAt: at(day+1, 16), ProcessingEndedAt: at(day+1, 10),
			ResultReturnedAt: at(day+1, 14), Status: model.ParseStatus("10"), ReturnMethod: model.ParseReturnMethod("0"),
			HasDigitisedComponents: model.FlagTrue, VNeIDAuthenticated: model.FlagTrue, OnlinePayment: model.ParseOnlinePayment("1"),
			Files: []model.File{{ComponentCode: "TP01", URL: "https://dichvucong.phutho.gov.vn/files/f.pdf", Digitised: model.FlagTrue, FromStore: model.FlagFalse},
				{ComponentCode: "TP02", URL: "https://dichvucong.phutho.gov.vn/files/g.pdf", Digitised: model.FlagFalse, FromStore: model.FlagTrue}},
			Results:     []model.ResultDoc{{Code: "KQ.1001193.01", URL: "https://dichvucong.phutho.gov.vn/ketqua/kq.pdf"}},
			Fees:        []model.Fee{{Code: "LP01", Amount: 8000}},
			Supplements: []model.Supplement{{RequestedAt: at(day, 10), ResubmittedAt: at(day, 15)}},
			Databases:   []string{"7"},
		}
		if err := w.Write(&d); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkDecodeCSV decodes 20 000 realistic dossier rows per iteration on one goroutine: the one-pass
// row reader (onepass), the encoding/csv decoder kept as the test oracle (oracle), and encoding/csv
// reading the same rows into a reused record without decoding them (encoding_csv), the baseline of
// issue 17's ≤ 1.5× target, next to the one-pass row reader alone (rows_only). Each also reports its
// CPU time per iteration (cpu-ns/op, reportCPU).
func BenchmarkDecodeCSV(b *testing.B) {
	const n = 20_000
	data := benchCSV(b, n)
	b.Run("onepass", func(b *testing.B) {
		reportCPU(b, func() {
			testkit.BenchDecode(b, data, n, func(r io.Reader) iter.Seq2[model.Dossier, error] { return DecodeDossiers(r) })
		})
	})
	b.Run("oracle", func(b *testing.B) {
		cfg := newConfig(nil)
		reportCPU(b, func() {
			testkit.BenchDecode(b, data, n, func(r io.Reader) iter.Seq2[model.Dossier, error] {
				return oracleDecode(r, cfg, dossierColumns(), "code", dossierCode, model.Dossier{})
			})
		})
	})
	b.Run("rows_only", func(b *testing.B) { // the one-pass row reader without decoding the cells
		benchRows(b, data, n, func(r io.Reader) func() error {
			rr := newRowReader(r, DefaultMaxRecordBytes)
			return func() error { _, err := rr.next(); return err }
		})
	})
	b.Run("encoding_csv", func(b *testing.B) {
		benchRows(b, data, n, func(r io.Reader) func() error {
			cr := csv.NewReader(r)
			cr.ReuseRecord = true
			cr.FieldsPerRecord = -1
			return func() error { _, err := cr.Read(); return err }
		})
	})
}

// BenchmarkDecodeCSVQuoted is BenchmarkDecodeCSV's onepass and encoding_csv on rows with two quoted
// cells holding commas (benchCSVQuoted; about half the rows of the sample province's export are so).
func BenchmarkDecodeCSVQuoted(b *testing.B) {
	const n = 20_000
	data := benchCSVQuoted(b, n)
	b.Run("onepass", func(b *testing.B) {
		reportCPU(b, func() {
			testkit.BenchDecode(b, data, n, func(r io.Reader) iter.Seq2[model.Dossier, error] { return DecodeDossiers(r) })
		})
	})
	b.Run("encoding_csv", func(b *testing.B) {
		benchRows(b, data, n, func(r io.Reader) func() error {
			cr := csv.NewReader(r)
			cr.ReuseRecord = true
			cr.FieldsPerRecord = -1
			return func() error { _, err := cr.Read(); return err }
		})
	})
}

// reportCPU runs a benchmark's loop and reports the process's CPU time (user and system) per
// iteration as cpu-ns/op: with one P, the benchmark's own work and its garbage collection, which a
// host loaded by other processes inflates less than the wall time of ns/op.
func reportCPU(b *testing.B, loop func()) {
	c0 := testkit.ProcessCPU()
	loop()
	if c := testkit.ProcessCPU() - c0; c > 0 && b.N > 0 {
		b.ReportMetric(float64(c.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
}

// benchRows reads the n rows of data (after the header) with the row reader open returns, per
// iteration, reporting MB/s, allocations and dossiers/s.
func benchRows(b *testing.B, data []byte, n int, open func(io.Reader) (next func() error)) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	reportCPU(b, func() { benchRowsLoop(b, data, n, open) })
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "dossiers/s")
}

func benchRowsLoop(b *testing.B, data []byte, n int, open func(io.Reader) (next func() error)) {
	for b.Loop() {
		next := open(bytes.NewReader(data))
		count := -1
		for {
			err := next()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			count++
		}
		if count != n {
			b.Fatal(count)
		}
	}
}

func timeAt(loc *time.Location, y, m, d, h int) time.Time {
	return time.Date(y, time.Month(m), d, h, 30, 0, 0, loc)
}
