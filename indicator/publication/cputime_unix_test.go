//go:build unix

package publication

import (
	"syscall"
	"time"
)

// processCPU returns the process's user+system CPU time, used by the benchmarks to report CPU ns per record
// next to wall-clock ns (the two differ when the machine is oversubscribed).
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
