package scorecard

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

	"github.com/vn-dvc/chiso766/internal/mirror"
	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/csvio"
	"github.com/vn-dvc/chiso766/model/portal"
)

// BenchmarkFile1M writes 1 000 000 generated dossiers (100 000 with -short) once into the benchmark's
// temporary directory, as a DongBoHoSoMC payload and as a dossier CSV file, then reads each file per
// iteration: decode only on one goroutine (decode), decode only on GOMAXPROCS workers (decode_parallel:
// RunChunks' decoding with Keep leaving every record out), decode and score on GOMAXPROCS workers
// (decode_score: RunChunks), and the baselines reading the same file on one goroutine: encoding/json
// decoding each data[] element into a plain mirror struct (encoding_json), encoding/csv reading the
// rows (encoding_csv). Reported: dossiers/s and MB/s of the file.
func BenchmarkFile1M(b *testing.B) {
	n := 1_000_000
	if testing.Short() {
		n = 100_000
	}
	in := genInputs()
	s := mustScorer(b, in, testOptionsGen())
	dir := b.TempDir()
	jsonPath, csvPath := filepath.Join(dir, "dossiers.json"), filepath.Join(dir, "dossiers.csv")
	writeBenchFiles(b, jsonPath, csvPath, n, in.Units)
	workers := runtime.GOMAXPROCS(0)

	run := func(name, path string, fn func(b *testing.B, f *os.File) int) {
		st, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(st.Size())
			b.ReportAllocs()
			for b.Loop() {
				f, err := os.Open(path)
				if err != nil {
					b.Fatal(err)
				}
				if got := fn(b, f); got != n {
					b.Fatalf("%d dossiers, want %d", got, n)
				}
				f.Close()
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "dossiers/s")
		})
	}
	decodeSeq := func(seq func(yield func(model.Dossier, error) bool)) func(b *testing.B) int {
		return func(b *testing.B) int {
			count := 0
			for _, err := range seq {
				if err != nil {
					b.Fatal(err)
				}
				count++
			}
			return count
		}
	}
	decodeParallel := func(b *testing.B, chunks func(func(Chunk, error) bool)) int {
		err := AddChunks(s.NewPartial(), chunks, DecodeOptions{Workers: workers, Keep: func(int, *model.Dossier) bool { return false }})
		if err != nil {
			b.Fatal(err)
		}
		return n // every record decoded without error: an error would have stopped the run
	}
	score := func(b *testing.B, chunks func(func(Chunk, error) bool)) int {
		card, err := RunChunks(s, chunks, DecodeOptions{Workers: workers})
		if err != nil {
			b.Fatal(err)
		}
		return int(card.Dossiers)
	}

	run("json/decode", jsonPath, func(b *testing.B, f *os.File) int { return decodeSeq(portal.DecodeDossiers(f))(b) })
	run("json/decode_parallel", jsonPath, func(b *testing.B, f *os.File) int { return decodeParallel(b, asChunks(portal.SplitDossiers(f))) })
	run("json/decode_score", jsonPath, func(b *testing.B, f *os.File) int { return score(b, asChunks(portal.SplitDossiers(f))) })
	run("json/encoding_json", jsonPath, func(b *testing.B, f *os.File) int {
		dec := json.NewDecoder(bufio.NewReaderSize(f, 1<<16))
		for range 5 { // {"service": "DongBoHoSoMC", "data": [
			if _, err := dec.Token(); err != nil {
				b.Fatal(err)
			}
		}
		count := 0
		for dec.More() {
			var m mirror.Dossier
			if err := dec.Decode(&m); err != nil {
				b.Fatal(err)
			}
			count++
		}
		return count
	})
	run("csv/decode", csvPath, func(b *testing.B, f *os.File) int { return decodeSeq(csvio.DecodeDossiers(f))(b) })
	run("csv/decode_parallel", csvPath, func(b *testing.B, f *os.File) int { return decodeParallel(b, asChunks(csvio.SplitDossiers(f))) })
	run("csv/decode_score", csvPath, func(b *testing.B, f *os.File) int { return score(b, asChunks(csvio.SplitDossiers(f))) })
	run("csv/encoding_csv", csvPath, func(b *testing.B, f *os.File) int {
		r := csv.NewReader(bufio.NewReaderSize(f, 1<<16))
		r.ReuseRecord = true
		count := -1 // the header
		for {
			_, err := r.Read()
			if err == io.EOF {
				return count
			}
			if err != nil {
				b.Fatal(err)
			}
			count++
		}
	})
}

// asChunks turns a sequence of a decoder's chunks into one of Chunk values.
func asChunks[C Chunk](seq func(func(C, error) bool)) func(func(Chunk, error) bool) {
	return func(yield func(Chunk, error) bool) {
		for c, err := range seq {
			if !yield(c, err) {
				return
			}
		}
	}
}

// writeBenchFiles writes n generated dossiers (unique codes) as a payload and as CSV.
func writeBenchFiles(b *testing.B, jsonPath, csvPath string, n int, units []model.Unit) {
	jf, err := os.Create(jsonPath)
	if err != nil {
		b.Fatal(err)
	}
	cf, err := os.Create(csvPath)
	if err != nil {
		b.Fatal(err)
	}
	jw, cw := bufio.NewWriterSize(jf, 1<<20), bufio.NewWriterSize(cf, 1<<20)
	enc := portal.NewEncoder(jw, portal.Envelope{Service: "DongBoHoSoMC"})
	cenc := csvio.NewDossierWriter(cw)
	for i := range n {
		d := genDossier(i, units)
		d.Code += "-" + strconv.Itoa(i) // unique across the file
		if err := enc.WriteDossier(&d); err != nil {
			b.Fatal(err)
		}
		if err := cenc.Write(&d); err != nil {
			b.Fatal(err)
		}
	}
	for _, err := range []error{enc.Close(), cenc.Flush(), jw.Flush(), cw.Flush(), jf.Close(), cf.Close()} {
		if err != nil {
			b.Fatal(err)
		}
	}
}
