package testkit

import (
	"io"
	"runtime"
)

// Hostile is an io.Reader producing Prefix followed by Fill bytes, N bytes in all, without ever holding
// them: a stream no decoder may buffer whole. Off counts the bytes handed out so far.
type Hostile struct {
	Prefix string
	Fill   byte
	N, Off int64
}

// Read fills p from the stream; io.EOF after N bytes.
func (h *Hostile) Read(p []byte) (int, error) {
	if h.Off >= h.N {
		return 0, io.EOF
	}
	k := 0
	for k < len(p) && h.Off < h.N {
		if h.Off < int64(len(h.Prefix)) {
			p[k] = h.Prefix[h.Off]
		} else {
			p[k] = h.Fill
		}
		k++
		h.Off++
	}
	return k, nil
}

// HeapCost runs fn after a garbage collection and returns the bytes it allocated and the growth of the
// heap in use.
func HeapCost(fn func()) (alloc, inuse uint64) {
	var a, b runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&a)
	fn()
	runtime.ReadMemStats(&b)
	if b.HeapInuse > a.HeapInuse {
		inuse = b.HeapInuse - a.HeapInuse
	}
	return b.TotalAlloc - a.TotalAlloc, inuse
}
