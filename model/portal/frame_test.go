package portal

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"

	"github.com/vn-dvc/chiso766/model/internal/chunk"
)

// The framer's differential tests: value (containers read eight bytes at a time) against oracleValue
// (the framer as it was), on the same input read the same way — the same values delimited, the same
// errors, and the same input read before each answer.

// frameRun describes one way of reading an input: the window's first size (the window grows when a value
// fills it), the record limit, how the
// reader hands the bytes over, and whether a full window is swapped for a new buffer (as SplitDossiers
// does) or compacted in place.
type frameRun struct {
	size, limit int
	mode        int // 0 whole, 1 half reads, 2 one byte at a time, 3 a read error after errAt bytes
	errAt       int
	swap        bool
}

func (run frameRun) String() string {
	return fmt.Sprintf("size %d limit %d mode %d errAt %d swap %v", run.size, run.limit, run.mode, run.errAt, run.swap)
}

var errFrameRead = errors.New("frame test: read error")

func (run frameRun) reader(data []byte) io.Reader {
	switch run.mode {
	case 1:
		return iotest.HalfReader(bytes.NewReader(data))
	case 2:
		return iotest.OneByteReader(bytes.NewReader(data))
	case 3:
		return io.MultiReader(iotest.HalfReader(bytes.NewReader(data[:min(run.errAt, len(data))])), iotest.ErrReader(errFrameRead))
	}
	return bytes.NewReader(data)
}

func (run frameRun) framer(data []byte) *framer {
	f := &framer{Window: chunk.Window{R: run.reader(data), Buf: make([]byte, max(1, run.size))}, limit: run.limit}
	if run.swap {
		f.Swap = func() []byte {
			nb := make([]byte, len(f.Buf))
			if f.N-f.Pos > len(nb)/2 {
				nb = make([]byte, 2*len(f.Buf))
			}
			copy(nb, f.Buf[f.Pos:f.N])
			return nb
		}
	}
	return f
}

// frameValues frames data as a run of values, white space, ',' and ':' between them skipped, with
// value (or oracleValue): for each value its start, its end (or the error) and the input read by then.
// A syntax error is noted and the byte at the value's start skipped; another error ends the run.
func frameValues(data []byte, run frameRun, oracle bool) []string {
	f := run.framer(data)
	var out []string
	for len(out) < 10000 {
		f.recAt = f.Base + int64(f.Pos)
		if err := f.ws(); err != nil {
			return append(out, fmt.Sprintf("ws at %d: %v", f.Base+int64(f.Pos), err))
		}
		c, ok := f.peek()
		if !ok {
			return append(out, fmt.Sprintf("end at %d: %v", f.Base+int64(f.Pos), f.Err))
		}
		if c == ',' || c == ':' {
			f.Pos++
			continue
		}
		start := f.Base + int64(f.Pos)
		var end int
		var err error
		if oracle {
			end, err = f.oracleValue()
		} else {
			end, err = f.value()
		}
		read := f.Base + int64(f.N)
		if err != nil {
			out = append(out, fmt.Sprintf("value at %d: %v (read %d)", start, err, read))
			if !errors.Is(err, ErrSyntax) {
				return out
			}
			f.Pos++
			continue
		}
		out = append(out, fmt.Sprintf("value %d–%d (read %d)", start, f.Base+int64(end), read))
		f.Pos = end
	}
	return out
}

// walkElements walks data as SplitDossiers does, with the data array's elements framed by value (or
// oracleValue): each element's span and the walk's error.
func walkElements(data []byte, run frameRun, oracle bool) []string {
	f := run.framer(data)
	var out []string
	err := f.walk([]string{"data"}, func(index int) (int, bool, error) {
		var end int
		var err error
		if oracle {
			end, err = f.oracleValue()
		} else {
			end, err = f.value()
		}
		if err != nil {
			return 0, false, err
		}
		out = append(out, fmt.Sprintf("%d: %d–%d (read %d)", index, f.Base+int64(f.Pos), f.Base+int64(end), f.Base+int64(f.N)))
		return end, false, nil
	})
	return append(out, fmt.Sprintf("error %v (read %d)", err, f.Base+int64(f.N)))
}

// checkFrameOracle compares value with oracleValue on data read the way run says.
func checkFrameOracle(t *testing.T, data []byte, run frameRun) {
	t.Helper()
	for _, walk := range []func([]byte, frameRun, bool) []string{frameValues, walkElements} {
		got, want := walk(data, run, false), walk(data, run, true)
		if len(got) != len(want) {
			t.Fatalf("%v: %d results, oracle %d\ngot  %q\nwant %q\ninput %q", run, len(got), len(want), got, want, data)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%v: result %d: %s\noracle %s\ninput %q", run, i, got[i], want[i], data)
			}
		}
	}
}

// frameRuns are the ways of reading an input of n bytes that checkFrameOracle tries for a fuzz input.
func frameRuns(n int, size, limit uint16, mode uint8) []frameRun {
	runs := []frameRun{
		{size: n + 1, limit: DefaultMaxRecordBytes},
		{size: 16, limit: DefaultMaxRecordBytes, mode: 1, swap: true},
	}
	return append(runs, frameRun{size: 1 + int(size)%300, limit: 1 + int(limit), mode: int(mode) % 4, errAt: n * int(mode) / 256, swap: mode&4 != 0})
}

// frameSeeds are inputs for the framer's differential checks: escapes at every distance from a word's
// end, brackets in and out of strings, unterminated values.
var frameSeeds = []string{
	``, `{}`, `[]`, `""`, `"a\"b"`, `"\\"`, `"\\\""`, `{"a":"\\"}`, `{"a":"b\"}"}`, `[{"a":[1,2,{"b":"]}"}]},3]`,
	`{"a":"x\\\\\"y"}`, `{"a":"}}}}}}}}}}}}"}`, `[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]`, `{"a":"|{[\\]}|"}`, `{"a":1}}`,
	`{"aaaaaaa":"\"","bbbbbbb":"\\","c":["\\\"",{"d":"e\\"}]}`, `[{"a":"b"},{"c":"d"}]`, `{"a":"`, `{"a":"\`,
	`{"a":[`, `[1, 2 ,{}, "x", tru, -0.5e, null] x`, `{"data":[{"MaHoSo":"A-1-1"},"x",[],{}]}`, `[{"a":"\u00e9ẞ"}]`,
	"[{\"a\":\"\xff\xfe{\"}]", `{"x":{"y":"z"},"data":[{"a":{"b":[]}}],"z":[1,{"q":"\"]"}]}`, `{"data":[{]]]}`,
}

func addFrameSeeds(f *testing.F) {
	for _, s := range frameSeeds {
		f.Add([]byte(s), uint16(7), uint16(40), uint8(6))
	}
	for _, name := range []string{"dossiers.json", "steps.json", "dossiers.encoded.json"} {
		b, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, uint16(100), uint16(600), uint8(1))
	}
	f.Add(mustReadAll(f, newGenReader(3)), uint16(64), uint16(2000), uint8(5))
	f.Add(escapedLists(f, mustReadAll(f, newGenReader(2))), uint16(50), uint16(3000), uint8(2))
}

// FuzzFrameOracle: the framer delimits the same values with the same errors, reading the same input, as
// the framer it replaced (oracleValue), for any input, window size, record limit and read pattern.
func FuzzFrameOracle(f *testing.F) {
	addFrameSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte, size, limit uint16, mode uint8) {
		for _, run := range frameRuns(len(data), size, limit, mode) {
			checkFrameOracle(t, data, run)
		}
	})
}

// TestFrameOracle runs the differential check on the seeds, a generated payload, and random inputs made
// of the bytes the framer looks at, with every read pattern and small windows and limits.
func TestFrameOracle(t *testing.T) {
	r := rand.New(rand.NewSource(766))
	inputs := []string{string(mustReadAll(t, newGenReader(10)))}
	inputs = append(inputs, frameSeeds...)
	const alphabet = `{}[]""""\\\ ,:ab|{[}]` + "\xdb\xfd\n"
	for range 3000 {
		b := make([]byte, r.Intn(120))
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
		}
		inputs = append(inputs, string(b))
	}
	payload := mustReadAll(t, newGenReader(300))
	for _, p := range [][]byte{payload, escapedLists(t, payload)} {
		checkFrameOracle(t, p, frameRun{size: chunkBytes, limit: DefaultMaxRecordBytes})
		checkFrameOracle(t, p, frameRun{size: 100, limit: 4000, mode: 1, swap: true})
	}
	for i, in := range inputs {
		runs := []frameRun{{size: len(in) + 1, limit: DefaultMaxRecordBytes}, {size: 8, limit: 1 << 20, mode: 2, swap: true}}
		if i < 30 || i%10 == 0 {
			runs = append(runs, frameRun{size: 1 + r.Intn(40), limit: 1 + r.Intn(len(in)+8), mode: r.Intn(4), errAt: r.Intn(len(in) + 1), swap: r.Intn(2) == 0})
		}
		for _, run := range runs {
			checkFrameOracle(t, []byte(in), run)
		}
	}
}
