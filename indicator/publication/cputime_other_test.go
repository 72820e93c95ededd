//go:build !unix

package publication

import "time"

// processCPU is not available on this platform; the cpu-ns/record metric then reads 0.
func processCPU() time.Duration { return 0 }
