//go:build !unix

package scorecard

import "time"

// processCPU is not available on this platform; the cpu metrics then read 0.
func processCPU() time.Duration { return 0 }
