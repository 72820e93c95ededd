//go:build unix

package scorecard

import (
	"syscall"
	"time"
)

// processCPU returns the process's user+system CPU time, used by the benchmarks to report CPU time per
// dossier next to wall-clock time (the two differ when the machine is oversubscribed).
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
