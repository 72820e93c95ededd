//go:build unix

package sample

import (
	"syscall"
	"time"
)

// processCPU returns the CPU time (user + system) of the whole test process, GC included. Benchmarks report it
// next to wall time because the shared CI machines are often overloaded, which inflates wall time only.
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
