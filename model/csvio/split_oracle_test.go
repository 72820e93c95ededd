package csvio

// The splitter as it was before rowEnd (issue 17, third round): rows delimited by advance with scan,
// which also cuts every row into cells. Kept as the test oracle of the new splitter (FuzzSplitOracle);
// oracleScan (rows_oracle_test.go) is scan's and rowEnd's (FuzzRowEnd).

import (
	"errors"
	"fmt"
	"io"
	"iter"
	"reflect"
	"strings"
	"testing"

	"github.com/vn-dvc/chiso766/internal/testkit"
	"github.com/vn-dvc/chiso766/model/internal/chunk"
	"github.com/vn-dvc/chiso766/model/internal/limits"
)

// oracleSplit is splitDossiers before rowEnd.
func oracleSplit(r io.Reader, size int, cfg limits.Config) iter.Seq2[*Chunk, error] {
	return func(yield func(*Chunk, error) bool) {
		rr := newRowReader(r, cfg.Record)
		h, err := readHeader(rr, dossierColumns(), "code")
		if err != nil {
			yield(nil, err)
			return
		}
		pool := chunk.NewPool()
		start, startLine, first, rows := rr.Pos, rr.line, 0, 0
		stopped := false
		emit := func(end int) bool {
			if rows == 0 {
				return true
			}
			sub := &rowReader{Window: chunk.Window{Buf: rr.Buf[start:end], N: end - start, EOF: true}, limit: cfg.Record, line: startLine}
			sub.setComma(rr.comma)
			c := &Chunk{chunk.New(&rowChunk{rr: sub, h: h, cfg: cfg}, first, rows, rr.Buf, pool)}
			first += rows
			rows = 0
			if !yield(c, nil) {
				stopped = true
				return false
			}
			return true
		}
		rr.Swap = func() []byte {
			nb := pool.Window(rr.Buf, rr.Buf[rr.Pos:rr.N], size)
			if !emit(rr.Pos) {
				return nil
			}
			start, startLine = 0, rr.line
			return nb
		}
		{ // the window after the header, at the chunk size
			nb := make([]byte, max(size, 2*(rr.N-rr.Pos)))
			copy(nb, rr.Buf[rr.Pos:rr.N])
			rr.Buf, rr.N, rr.Base, rr.Pos, start = nb, rr.N-rr.Pos, rr.Base+int64(rr.Pos), 0, 0
		}
		for {
			end, lines, err := rr.advance()
			if err == io.EOF {
				break
			}
			if stopped {
				return
			}
			if err != nil {
				if emit(rr.Pos) {
					yield(nil, rowErr(rr, first+rows, err, cfg))
				}
				return
			}
			if rows == 0 {
				start, startLine = rr.Pos, rr.line
			}
			rr.Pos = end
			rr.line += lines
			rows++
		}
		if !stopped {
			emit(rr.Pos)
		}
	}
}

// splitTrace is what a splitter yields: each chunk's first index and length (and, decoded, its
// records and errors, from ChunkSeq) and the terminal error's text.
func splitTrace(seq iter.Seq2[*Chunk, error]) []string {
	var out []string
	for c, err := range seq {
		if err != nil {
			out = append(out, "error "+err.Error())
			continue
		}
		out = append(out, fmt.Sprintf("chunk %d+%d", c.First(), c.Len()))
	}
	return out
}

// checkSplitOracle: the splitter yields the oracle's chunks (first index, length), the same terminal
// error, and chunks that decode to the same records and errors, at several chunk sizes and record
// limits.
func checkSplitOracle(t *testing.T, data string) {
	for _, cfg := range []limits.Config{newConfig(nil), newConfig([]Option{MaxRecordBytes(64)})} {
		for _, size := range []int{8, 100, 4096} {
			got := splitTrace(splitDossiers(strings.NewReader(data), size, cfg))
			want := splitTrace(oracleSplit(strings.NewReader(data), size, cfg))
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("size %d, limit %d: chunks\n%q\noracle\n%q\ninput %q", size, cfg.Record, got, want, data)
			}
			gotItems := testkit.Collect(testkit.ChunkSeq(splitDossiers(strings.NewReader(data), size, cfg)))
			wantItems := testkit.Collect(testkit.ChunkSeq(oracleSplit(strings.NewReader(data), size, cfg)))
			if !reflect.DeepEqual(gotItems, wantItems) {
				t.Fatalf("size %d, limit %d: records\n%+v\noracle\n%+v\ninput %q", size, cfg.Record, gotItems, wantItems, data)
			}
		}
	}
}

// FuzzSplitOracle: the splitter with rowEnd cuts the chunks of the splitter with scan.
func FuzzSplitOracle(f *testing.F) {
	for _, s := range append(csvSeeds, splitSeeds...) {
		f.Add(s)
	}
	f.Fuzz(checkSplitOracle)
}

var splitSeeds = []string{
	"code,x\n\"a\"\"b\",c\n\"d\ne\",\"f\"\r\ng,h\n", "code,x\nA,\"b\"c\n", "code,x\nA,b\"c\n", "code,x\nA,\"b\n",
	"code,x\nA,\"b\"\r", "code,x\nA,\"b\"\rx\n", "code;x\nA;\"b;c\";\"\"\n", "code,x\n\"A\",\"\n\n\"\n\nB,\"\"\"\"\n",
	"code,x\nA," + strings.Repeat("y", 80) + "\nB,\"" + strings.Repeat("\n", 70) + "\"\n",
	"code,x\n" + strings.Repeat("a,", 100) + "\"x\"" + strings.Repeat(",bc", 50) + "\n" + strings.Repeat(";,", 70) + "\n",
}

// TestSplitOracle runs the differential check on the seeds and on generated files.
func TestSplitOracle(t *testing.T) {
	for _, s := range append(csvSeeds, splitSeeds...) {
		checkSplitOracle(t, s)
	}
	checkSplitOracle(t, string(benchCSV(t, 30)))
	checkSplitOracle(t, string(benchCSVQuoted(t, 30)))
}

// checkRowEnd: on the window of in (cut at cut bytes, the input's end or not, delimiter ',' or ';'),
// scan and rowEnd delimit each row as oracleScan does: the same end, line count, need and error, and
// for scan the same cell bounds.
func checkRowEnd(t *testing.T, in string, cut int, eof, semi bool) {
	cut = min(max(cut, 0), len(in))
	buf := []byte(in[:cut])
	a := &rowReader{Window: chunk.Window{Buf: buf, N: len(buf), EOF: eof || cut == len(in)}, line: 1}
	a.setComma(',')
	if semi {
		a.setComma(';')
	}
	same := func(name string, end, lines int, need bool, err error, end2, lines2 int, need2 bool, err2 error) {
		t.Helper()
		var e1, e2 *rowError
		errors.As(err, &e1)
		errors.As(err2, &e2)
		if end != end2 || lines != lines2 || need != need2 || (err == nil) != (err2 == nil) || err != nil && *e1 != *e2 {
			t.Fatalf("at %d (EOF %v): %s %d %d %v %v, oracle %d %d %v %v\ninput %q", a.Pos, a.EOF, name, end2, lines2, need2, err2, end, lines, need, err, buf)
		}
	}
	o := &oracleRows{rowReader: a}
	for a.Pos <= a.N {
		end, lines, need, err := o.oracleScan()
		end2, lines2, need2, err2 := a.scan()
		same("scan", end, lines, need, err, end2, lines2, need2, err2)
		if got := spans(a); !need && err == nil && !reflect.DeepEqual(got, o.bounds) {
			t.Fatalf("at %d (EOF %v): scan's cells %v, oracle %v\ninput %q", a.Pos, a.EOF, got, o.bounds, buf)
		}
		end2, lines2, need2, err2 = a.rowEnd()
		same("rowEnd", end, lines, need, err, end2, lines2, need2, err2)
		if need || err != nil || end <= a.Pos {
			return
		}
		a.Pos, a.line = end, a.line+lines
	}
}

// FuzzRowEnd: scan and rowEnd give oracleScan's row ends, line counts, errors (and cells), with the
// window ending anywhere.
func FuzzRowEnd(f *testing.F) {
	for _, s := range append(csvSeeds, splitSeeds...) {
		f.Add(s, len(s), true, false)
		f.Add(s, len(s)/2, false, false)
	}
	f.Add("a;\"b;c\"\n\"d\"\";\";e\n", 12, false, true)
	f.Fuzz(checkRowEnd)
}

// TestRowEnd runs checkRowEnd on the seeds, cut at every byte.
func TestRowEnd(t *testing.T) {
	for _, s := range append(csvSeeds, splitSeeds...) {
		for cut := range len(s) + 1 {
			for _, eof := range []bool{false, true} {
				checkRowEnd(t, s, cut, eof, false)
				checkRowEnd(t, s, cut, eof, true)
			}
		}
	}
}
