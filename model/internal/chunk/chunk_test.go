package chunk

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/vn-dvc/chiso766/model"
)

// codes decodes record i as the dossier of code codes[i]; "bad" is a record error, "stop" terminal.
type codes []string

var errBad, errStop = errors.New("bad"), errors.New("stop")

func (c codes) Decode(d *model.Dossier, i, _ int) (rerr, terminal error) {
	switch c[i] {
	case "stop":
		return nil, errStop
	case "bad":
		rerr = errBad
	}
	*d = model.Dossier{Code: c[i]}
	return rerr, nil
}

func TestChunkNext(t *testing.T) {
	tests := []struct {
		name    string
		recs    codes
		want    []string // code, or "!" for a record error
		wantErr error
	}{
		{"all", codes{"a", "b"}, []string{"a", "b"}, nil},
		{"record error goes on", codes{"a", "bad", "c"}, []string{"a", "!", "c"}, nil},
		{"terminal ends", codes{"a", "stop", "c"}, []string{"a"}, errStop},
		{"empty", codes{}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(tt.recs, 10, len(tt.recs), nil, nil)
			assert.Equal(t, 10, c.First())
			assert.Equal(t, len(tt.recs), c.Len())
			var got []string
			for d, err := range c.Dossiers() {
				if err != nil {
					got = append(got, "!")
				} else {
					got = append(got, d.Code)
				}
			}
			assert.Equal(t, tt.want, got)
			assert.ErrorIs(t, c.Err(), tt.wantErr)
			if tt.wantErr == nil {
				assert.NoError(t, c.Err())
			}
			_, _, ok := c.Next(new(model.Dossier))
			assert.False(t, ok)
		})
	}
}

func TestChunkRelease(t *testing.T) {
	pool := NewPool()
	buf := make([]byte, 4, 8)
	c := New(codes{"a", "b"}, 0, 2, buf, pool)
	var d model.Dossier
	i, err, ok := c.Next(&d)
	require.True(t, ok)
	require.NoError(t, err)
	assert.Equal(t, 0, i)
	c.Release()
	_, _, ok = c.Next(&d)
	assert.False(t, ok, "a released chunk reports its end")
	got := pool.Window(make([]byte, 8), []byte("xy"), 100)
	assert.Len(t, got, 8, "the released buffer, at its capacity")
	assert.Equal(t, "xy", string(got[:2]))
}

func TestPoolWindow(t *testing.T) {
	var none Pool
	none.Put(make([]byte, 4)) // dropped, no panic
	tests := []struct {
		name    string
		buf     int
		tail    string
		size    int
		wantLen int
	}{
		{"new of size", 16, "ab", 8, 8},
		{"tail over half: twice buf", 16, "abcde", 8, 32},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nb := none.Window(make([]byte, tt.buf), []byte(tt.tail), tt.size)
			assert.Len(t, nb, tt.wantLen)
			assert.Equal(t, tt.tail, string(nb[:len(tt.tail)]))
		})
	}
}

// stall returns no data and no error.
type stall struct{}

func (stall) Read([]byte) (int, error) { return 0, nil }

func TestWindowMore(t *testing.T) {
	t.Run("compacts a full window", func(t *testing.T) {
		w := &Window{R: strings.NewReader("cdef"), Buf: []byte("abXY"), Pos: 2, N: 4, Base: 5}
		shift, ok := w.More()
		require.True(t, ok)
		assert.Equal(t, 2, shift)
		assert.Equal(t, "XYcd", string(w.Buf[w.Pos:w.N]))
		assert.Equal(t, int64(7), w.Base)
	})
	t.Run("grows a full window with nothing consumed", func(t *testing.T) {
		w := &Window{R: strings.NewReader("cd"), Buf: []byte("ab"), N: 2}
		shift, ok := w.More()
		require.True(t, ok)
		assert.Equal(t, 0, shift)
		assert.Equal(t, "abcd", string(w.Buf[:w.N]))
		assert.Len(t, w.Buf, 4)
	})
	t.Run("swap", func(t *testing.T) {
		w := &Window{R: strings.NewReader("c"), Buf: []byte("ab"), Pos: 1, N: 2}
		w.Swap = func() []byte { nb := make([]byte, 4); copy(nb, w.Buf[w.Pos:w.N]); return nb }
		shift, ok := w.More()
		require.True(t, ok)
		assert.Equal(t, 1, shift)
		assert.Equal(t, "bc", string(w.Buf[w.Pos:w.N]))
	})
	t.Run("swap nil stops", func(t *testing.T) {
		w := &Window{R: strings.NewReader("c"), Buf: []byte("ab"), N: 2, Swap: func() []byte { return nil }}
		_, ok := w.More()
		assert.False(t, ok)
		assert.ErrorIs(t, w.Err, ErrStopped)
	})
	t.Run("end of input", func(t *testing.T) {
		w := &Window{R: strings.NewReader(""), Buf: make([]byte, 4)}
		_, ok := w.More()
		assert.False(t, ok)
		assert.True(t, w.EOF)
		assert.NoError(t, w.Err)
	})
	t.Run("no progress", func(t *testing.T) {
		w := &Window{R: stall{}, Buf: make([]byte, 4)}
		_, ok := w.More()
		assert.False(t, ok)
		assert.ErrorIs(t, w.Err, io.ErrNoProgress)
	})
}
