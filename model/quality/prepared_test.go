package quality

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"reflect"
	"testing"

	"github.com/vn-dvc/chiso766/model"
)

// TestCheckPreparedEqualsCheck: a Checker fed Prepare's values (computed beforehand, on copies, as the
// scorecard's decode workers do) finds exactly what one hashing each record itself finds, record by
// record; a zero Prepared is Check.
func TestCheckPreparedEqualsCheck(t *testing.T) {
	a := base()
	b := base()
	x := base()
	x.Summary = "khác"
	y := model.Dossier{Code: "H44.07-260803-0099", Aliases: []string{"H44.07-260803-0001", "H44.07-260803-0001", ""},
		Status: model.ParseStatus("1")}
	z := model.Dossier{Code: "H44.07-260803-0100", Aliases: []string{"H44.07-260803-0100"}, Status: model.ParseStatus("1")}
	s := base()
	s.Steps = []model.Step{{At: at(4, 9), Status: model.ParseStatus("4"), Officer: "Lê Huy"}}
	empty := model.Dossier{Status: model.ParseStatus("1")}
	recs := []model.Dossier{a, b, x, y, z, s, empty, x, y, a}
	for _, tc := range []struct {
		name string
		opt  Options
	}{
		{"all checks", Options{}},
		{"resend-conflict off", Options{Skip: []Check{ResendConflict}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plain, prep, zero := NewChecker(tc.opt), NewChecker(tc.opt), NewChecker(tc.opt)
			ps := make([]Prepared, len(recs))
			for i := range recs {
				cp := recs[i]
				cp.Steps = nil // the hashes do not read the timeline
				ps[i] = Prepare(&cp)
			}
			for i := range recs {
				want := plain.Check(&recs[i])
				if got := prep.CheckPrepared(&recs[i], ps[i]); !reflect.DeepEqual(got, want) {
					t.Errorf("record %d: CheckPrepared %v\nwant %v", i, got, want)
				}
				if got := zero.CheckPrepared(&recs[i], Prepared{}); !reflect.DeepEqual(got, want) {
					t.Errorf("record %d: CheckPrepared(zero) %v\nwant %v", i, got, want)
				}
			}
			if plain.Seen() != prep.Seen() || plain.Records() != prep.Records() {
				t.Errorf("seen %d/%d records %d/%d", prep.Seen(), plain.Seen(), prep.Records(), plain.Records())
			}
		})
	}
}

// refHash is the hasher's definition written plainly over a byte stream: each value is its length as
// one 8-byte little-endian word, then its bytes zero-padded to a multiple of 8, read as little-endian
// words; each word w maps the state x to rotl64((x^w)·K1, 29)·K2.
func refHash(values ...[]byte) uint64 {
	var stream []byte
	word := func(v uint64) { stream = binary.LittleEndian.AppendUint64(stream, v) }
	for _, v := range values {
		word(uint64(len(v)))
		stream = append(stream, v...)
		for len(stream)%8 != 0 {
			stream = append(stream, 0)
		}
	}
	x := uint64(hashSeed)
	for i := 0; i < len(stream); i += 8 {
		w := binary.LittleEndian.Uint64(stream[i:])
		x = bits.RotateLeft64((x^w)*hashK1, 29) * hashK2
	}
	return x
}

// TestHasherDefinition: the in-place word-at-a-time hasher gives refHash's sums (integers hashed as a
// value of 8 bytes with no length word: u64 is one word).
func TestHasherDefinition(t *testing.T) {
	for _, tc := range []struct {
		s string
		b []byte
	}{
		{"", nil}, {"a", []byte{0}}, {"Nguyễn Văn A", []byte("xyz\xff")}, {"H44.07-260803-0001", []byte{}},
		{"12345678", []byte("123456789")}, {"1234567", []byte("1234567812345678")},
	} {
		h := newHasher()
		h.str(tc.s)
		h.bytes(tc.b)
		if got, want := h.h, refHash([]byte(tc.s), tc.b); got != want {
			t.Errorf("%q %q: %x, definition %x", tc.s, tc.b, got, want)
		}
	}
	h := newHasher()
	h.u64(42)
	x := uint64(hashSeed)
	if want := bits.RotateLeft64((x^42)*hashK1, 29) * hashK2; h.h != want {
		t.Errorf("u64: %x, want %x", h.h, want)
	}
}

// TestHasherLengthPrefix: moving bytes from one value to the next, or padding a value with zero bytes,
// changes the sum (the length words keep values apart).
func TestHasherLengthPrefix(t *testing.T) {
	sum := func(vs ...string) uint64 {
		h := newHasher()
		for _, v := range vs {
			h.str(v)
		}
		return h.h
	}
	pairs := [][2][]string{
		{{"ab", "c"}, {"a", "bc"}},
		{{"a"}, {"a\x00"}},
		{{"", "x"}, {"x", ""}},
		{{"12345678", ""}, {"1234567", "8"}},
	}
	for _, p := range pairs {
		if sum(p[0]...) == sum(p[1]...) {
			t.Errorf("%q and %q hash the same", p[0], p[1])
		}
	}
	seen := map[uint64]string{}
	for i := range 100_000 { // codes differing in one digit
		c := fmt.Sprintf("H44.07-260803-%06d", i)
		if prev, ok := seen[sum(c)]; ok {
			t.Fatalf("%s and %s collide", prev, c)
		}
		seen[sum(c)] = c
	}
}

func BenchmarkFingerprint(b *testing.B) {
	d := base()
	d.Aliases = []string{"H44.07-260803-0002"}
	d.Summary = "Cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất"
	b.ReportAllocs()
	for b.Loop() {
		_ = Prepare(&d)
	}
}

// TestCheckBits: the bit constants follow AllChecks' order, so Options.Skip turns off the right checks.
func TestCheckBits(t *testing.T) {
	bits := []checkBits{bitOnlineNotOffered, bitMissingReceptionTime, bitTerminalWithoutEnd, bitTimeInFuture,
		bitEndBeforeReception, bitDuplicateCode, bitMultipleSupplements, bitUnknownProcedure, bitPlaceholderIdentifier,
		bitUnknownCode, bitPlaceholderDate, bitStatusWithoutSteps, bitFabricatedStep, bitCodeFormat, bitResendConflict,
		bitMissingResult}
	all := AllChecks()
	if len(bits) != len(all) {
		t.Fatalf("%d bits for %d checks", len(bits), len(all))
	}
	for i, ch := range all {
		if bitOf(ch) != bits[i] {
			t.Errorf("%s: bit %b, constant %b", ch, bitOf(ch), bits[i])
		}
	}
	if bitOf("no-such-check") != 0 {
		t.Error("unknown check has a bit")
	}
}
