//go:build !linux

package timeliness

import "time"

// threadCPU is not available on this platform; benchmarks then report wall time only.
func threadCPU() (time.Duration, bool) { return 0, false }
func lockThread()                      {}
func unlockThread()                    {}
