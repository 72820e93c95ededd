//go:build unix

package testkit

import (
	"syscall"
	"time"
)

// ProcessCPU returns the process's user+system CPU time (0 when the system does not tell).
func ProcessCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
