//go:build !unix

package testkit

import "time"

// ProcessCPU is not available on this platform: it returns 0, and the cpu-ns metrics read 0.
func ProcessCPU() time.Duration { return 0 }
