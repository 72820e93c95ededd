package digitisation

// Classify resolves a dossier's unit (and procedure) through strindex tables built once by New from the
// Keys: one cheap hash and a two-word comparison for ids of up to 16 bytes, cheaper here than the Keys'
// maps (ClassifyRef with a known Ref, the scorecard's path, does not use them). Their answers are exactly
// Keys.Unit's (Keys.Procedure's); indicator/internal/strindex tests that against a map.

// unitIndex returns the index of unit id in the Keys, or -1 (Keys.Unit without the map; no hashing when
// the Keys have no units).
func (c *Calculator) unitIndex(id string) int32 {
	if c.nUnits == 0 {
		return -1
	}
	return c.units.Find(id)
}
