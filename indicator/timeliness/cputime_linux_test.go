//go:build linux

package timeliness

import (
	"runtime"
	"syscall"
	"time"
)

// threadCPU returns the CPU time (user + system) consumed so far by the calling OS thread. Benchmarks lock
// the goroutine to its thread and report the difference per record as "cpu-ns/record", which, unlike
// wall time, does not grow when other processes compete for the cores.
func threadCPU() (time.Duration, bool) {
	const rusageThread = 1 // RUSAGE_THREAD (Linux)
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}

func lockThread()   { runtime.LockOSThread() }
func unlockThread() { runtime.UnlockOSThread() }
