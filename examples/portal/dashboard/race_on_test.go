//go:build race

package dashboard

// raceEnabled reports a -race build: the load test measures latency and is skipped under the race
// detector, which slows every request several times over.
const raceEnabled = true
