package quality

import (
	"hash/fnv"
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

// TestHasherIsFNV1a: the in-place hasher gives hash/fnv's New64a sums for the same bytes (lengths as
// 8 little-endian bytes before each value).
func TestHasherIsFNV1a(t *testing.T) {
	for _, tc := range []struct {
		s string
		b []byte
		n uint64
	}{
		{"", nil, 0}, {"a", []byte{0}, 1}, {"Nguyễn Văn A", []byte("xyz\xff"), 1<<63 + 12345}, {"H44.07-260803-0001", []byte{}, ^uint64(0)},
	} {
		h := newHasher()
		h.str(tc.s)
		h.bytes(tc.b)
		h.u64(tc.n)
		f := fnv.New64a()
		le := func(v uint64) {
			var buf [8]byte
			for i := range buf {
				buf[i] = byte(v >> (8 * i))
			}
			f.Write(buf[:])
		}
		le(uint64(len(tc.s)))
		f.Write([]byte(tc.s))
		le(uint64(len(tc.b)))
		f.Write(tc.b)
		le(tc.n)
		if h.h != f.Sum64() {
			t.Errorf("%q %q %d: %x, fnv %x", tc.s, tc.b, tc.n, h.h, f.Sum64())
		}
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
