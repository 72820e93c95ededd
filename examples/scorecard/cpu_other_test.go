//go:build !unix

package main

import "time"

// processCPU is not measured on this system (0: no CPU/wall metric).
func processCPU() time.Duration { return 0 }
