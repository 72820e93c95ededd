package chunk

import (
	"errors"
	"io"
)

// ErrStopped is the read error a Window records when its Swap returns nil (the splitter's caller
// stopped).
var ErrStopped = errors.New("stopped")

// Window is the part of an input a reader of this module holds: Buf[Pos:N] is read and not yet
// consumed, Buf[0] is at input offset Base. The readers embed it and move Pos themselves.
type Window struct {
	R    io.Reader
	Buf  []byte
	Pos  int   // start of the unconsumed input
	N    int   // end of the data read
	Base int64 // input offset of Buf[0]
	EOF  bool
	Err  error // the read error that ended the input (ErrStopped, io.ErrNoProgress, the reader's)
	// Swap, if set, takes the window when it is full: it must return a new buffer holding Buf[Pos:N]
	// at its start (a splitter hands the old one over as a chunk), or nil to stop. Without it the
	// window is compacted in place or grown.
	Swap func() []byte
}

// More reads more input into the window, first moving the unconsumed data to the start of a buffer
// when Buf is full (Swap's, the same one compacted, or one of twice the size when nothing is
// consumed). It returns how far the unconsumed data moved towards the start (to be subtracted from
// indexes into Buf) and false at the end of the input or after a read error (Err). A reader returning
// no data and no error 100 times in a row is an error (io.ErrNoProgress).
func (w *Window) More() (shift int, ok bool) {
	if w.EOF || w.Err != nil {
		return 0, false
	}
	if w.N == len(w.Buf) {
		switch {
		case w.Swap != nil:
			shift = w.Pos
			nb := w.Swap()
			if nb == nil {
				w.Err = ErrStopped
				return 0, false
			}
			w.Base += int64(w.Pos)
			w.N -= w.Pos
			w.Pos = 0
			w.Buf = nb
		case w.Pos > 0:
			shift = w.Pos
			copy(w.Buf, w.Buf[w.Pos:w.N])
			w.Base += int64(w.Pos)
			w.N -= w.Pos
			w.Pos = 0
		default:
			nb := make([]byte, 2*len(w.Buf))
			copy(nb, w.Buf[:w.N])
			w.Buf = nb
		}
	}
	for range 100 {
		m, err := w.R.Read(w.Buf[w.N:])
		w.N += m
		if err == io.EOF {
			w.EOF = true
		} else if err != nil {
			w.Err = err
		}
		if m > 0 {
			return shift, true
		}
		if err != nil {
			return shift, false
		}
	}
	w.Err = io.ErrNoProgress
	return shift, false
}
