// Package dataset reads a province's input set — units, procedures, offerings, dossiers (one or more
// files), timeline steps, petitions, ratings and certified-copy data — from files named by the caller or
// found in a directory by the directory convention (model/csvio's README, "Directory convention"):
//
//	units.csv             the unit hierarchy (csvio unit layout)
//	procedures.csv|.json  the procedure catalogue (csvio layout, or the portal's LayThuTuc JSON)
//	offerings.csv         per-unit online offerings
//	dossiers*.json|.csv   dossiers: DongBoHoSoMC payloads or the csvio dossier layout (several files are
//	                      read in name order, e.g. dossiers-2026-08.json, dossiers-2026-09.json)
//	steps*.json|.csv      timeline steps: CapNhatTienDoHoSoMC payloads or the csvio step layout
//	petitions.csv         petitions (PAKN)
//	ratings.csv           dossier ratings
//	copies.csv            certified-copy data of the communes (4.4)
//
// Every file's kind is checked from its first bytes (Sniff) before it is read: a dossier payload given
// as the procedure catalogue is a *KindError naming the file, what it holds and what was expected —
// never a silently empty catalogue. A UTF-16 file is a *KindError saying so.
//
// Load reads the small inputs into memory (O(units + procedures + offerings + petitions + ratings +
// copies + steps)); dossiers are never held: Set.Dossiers streams them file after file, attaching the
// steps of each dossier code. Steps are kept compactly — 84 bytes per step, without pointers, plus each
// distinct text once — and rebuilt per dossier (Set.Steps, Set.AttachSteps). The package reads files
// with package os; it holds no global state and never panics on bad input.
package dataset
