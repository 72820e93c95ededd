package scorecard

import (
	"fmt"
	"runtime"
	"slices"
	"testing"

	"github.com/vn-dvc/chiso766/indicator"
)

// BenchmarkAddDossier measures the tally pass: AddDossier (every calculator's Classify + Add and the
// explanations) over a pre-generated pool of genPool distinct dossiers, one dossier per iteration.
func BenchmarkAddDossier(b *testing.B) {
	in := genInputs()
	s := mustScorer(b, in, testOptionsGen())
	pool := genPoolOf(genPool, in.Units)
	p := s.NewPartial()
	for i := range pool { // warm up: every unit and reason seen
		p.AddDossier(&pool[i])
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := processCPU()
	for i := 0; b.Loop(); i++ {
		p.AddDossier(&pool[i%len(pool)])
	}
	cpu := processCPU() - cpu0
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "dossiers/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/dossier")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/dossier")
	if cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu.Seconds(), "dossiers/cpu-s")
	}
	runtime.KeepAlive(p)
}

// BenchmarkAddDossiers is BenchmarkAddDossier through AddDossiers (calculator by calculator over chunks
// of 64 dossiers), the path Run and RunParallel take; one dossier per iteration.
func BenchmarkAddDossiers(b *testing.B) {
	in := genInputs()
	pool := genPoolOf(genPool, in.Units)
	for _, skip := range []bool{false, true} {
		// explain=off is the tally pass alone (Options.SkipDossierExplanations): the six calculators.
		name := "explain=on"
		if skip {
			name = "explain=off"
		}
		b.Run(name, func(b *testing.B) {
			opts := testOptionsGen()
			opts.SkipDossierExplanations = skip
			s := mustScorer(b, in, opts)
			p := s.NewPartial()
			p.AddDossiers(pool)
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := processCPU()
			n := 0
			for b.Loop() {
				i := n % len(pool)
				p.AddDossiers(pool[i : i+chunk])
				n += chunk
			}
			cpu := processCPU() - cpu0
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "dossiers/s")
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(n), "cpu-ns/dossier")
			if cpu > 0 {
				b.ReportMetric(float64(n)/cpu.Seconds(), "dossiers/cpu-s")
			}
			b.ReportMetric(float64(chunk), "dossiers/op")
		})
	}
}

// BenchmarkScorecard runs the whole scorecard (tally pass + Finish: tree, scores, ranks, bands,
// explanations) over n generated dossiers — cycling through genPool distinct records, so nothing of size
// O(n) is kept — sequentially (Run) and with RunParallel on 2 workers. It reports dossiers/s, allocations
// per dossier, the heap in use after the pass (HeapInuse, with the pool of records and the partial state
// alive) and the memory obtained from the OS (Sys): both stay flat from 1e5 to 1e6 dossiers.
func BenchmarkScorecard(b *testing.B) {
	in := genInputs()
	pool := genPoolOf(genPool, in.Units)
	for _, n := range []int{100_000, 1_000_000} {
		for _, workers := range []int{1, 2} {
			for _, skip := range []bool{false, true} {
				if skip && n != 1_000_000 {
					continue
				}
				name := fmt.Sprintf("dossiers=%d/workers=%d", n, workers)
				opts := testOptionsGen()
				if skip {
					name += "/explain=off"
					opts.SkipDossierExplanations = true
				}
				s := mustScorer(b, in, opts)
				b.Run(name, func(b *testing.B) {
					var before, after runtime.MemStats
					runtime.GC()
					runtime.ReadMemStats(&before)
					var heap uint64
					cpu0 := processCPU()
					for b.Loop() {
						var err error
						if workers == 1 {
							_, err = s.Run(cycle(pool, n))
						} else {
							_, err = s.RunParallel(cycle(pool, n), workers)
						}
						if err != nil {
							b.Fatal(err)
						}
						var m runtime.MemStats
						runtime.ReadMemStats(&m)
						heap = max(heap, m.HeapInuse)
					}
					cpu := processCPU() - cpu0
					runtime.ReadMemStats(&after)
					total := float64(n) * float64(b.N)
					if cpu > 0 {
						// CPU time over all threads (workers, reader, GC): dossiers per CPU-second is the
						// per-core throughput.
						b.ReportMetric(total/cpu.Seconds(), "dossiers/cpu-s")
					}
					b.ReportMetric(total/b.Elapsed().Seconds(), "dossiers/s")
					b.ReportMetric(float64(after.Mallocs-before.Mallocs)/total, "allocs/dossier")
					b.ReportMetric(float64(heap)/(1<<20), "heap-inuse-MB")
					b.ReportMetric(float64(after.Sys)/(1<<20), "sys-MB")
				})
			}
		}
	}
}

// BenchmarkFinish measures Finish alone (tree, scores, ranks, bands, explanations) for the generated
// province of 81 units.
func BenchmarkFinish(b *testing.B) {
	in := genInputs()
	s := mustScorer(b, in, testOptionsGen())
	pool := genPoolOf(genPool, in.Units)
	p := s.NewPartial()
	for i := range pool {
		p.AddDossier(&pool[i])
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Finish(p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPlan measures a full what-if plan (every scored metric) from a tally.
func BenchmarkPlan(b *testing.B) {
	in := genInputs()
	s := mustScorer(b, in, testOptionsGen())
	c, err := s.Run(cycle(genPoolOf(genPool, in.Units), genPool))
	if err != nil {
		b.Fatal(err)
	}
	t := c.Tree.Pooled("G00")
	e := s.Edition()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := PlanGain(e, t, decOf("5"), PlanOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParts splits the tally pass's CPU time between the calculators (Accumulator.AddRef — ClassifyRef
// + Add — over the same pool, as the pass without explanations runs them) and the scorecard's own work
// (resolving the Refs, explanations), to show where the time of BenchmarkAddDossiers goes.
func BenchmarkParts(b *testing.B) {
	in := genInputs()
	s := mustScorer(b, in, testOptionsGen())
	pool := genPoolOf(genPool, in.Units)
	// The scorecard resolves each dossier's unit and procedure once (Keys.Ref) and hands the Ref to every
	// calculator; the parts below take the Refs pre-resolved, and "resolve" measures that step alone.
	refs := make([]indicator.Ref, len(pool))
	for i := range pool {
		refs[i] = s.keys.Ref(pool[i].UnitID, pool[i].ProcedureCode)
	}
	run := func(b *testing.B, f func(i int)) {
		for i := range pool {
			f(i)
		}
		b.ReportAllocs()
		b.ResetTimer()
		cpu0 := processCPU()
		for i := 0; b.Loop(); i++ {
			f(i % len(pool))
		}
		b.ReportMetric(float64((processCPU()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/dossier")
	}
	b.Run("publication-1.4", func(b *testing.B) {
		a := s.pub.NewAccumulator()
		run(b, func(i int) { a.AddRef(&pool[i], refs[i]) })
	})
	b.Run("timeliness", func(b *testing.B) {
		a := s.tim.NewAccumulator()
		run(b, func(i int) { a.AddRef(&pool[i], refs[i]) })
	})
	b.Run("online", func(b *testing.B) {
		a := s.onl.NewAccumulator()
		run(b, func(i int) { a.AddRef(&pool[i], refs[i]) })
	})
	b.Run("payment", func(b *testing.B) {
		a := s.pay.NewAccumulator()
		run(b, func(i int) { a.AddRef(&pool[i], refs[i]) })
	})
	b.Run("digitisation", func(b *testing.B) {
		a := s.dig.NewAccumulator()
		run(b, func(i int) { a.AddRef(&pool[i], refs[i]) })
	})
	b.Run("satisfaction-5.3", func(b *testing.B) {
		p := s.NewPartial()
		a := s.sat.NewAccumulator()
		run(b, func(i int) { a.Add(p.sc.ClassifyRef(&pool[i], refs[i])) }) // includes the timeliness judgement (no memo)
	})
	b.Run("satisfaction-5.3-memo", func(b *testing.B) {
		// as the tally pass runs it: the 2.1 judgement comes from the memo of the verdict just computed
		p := s.NewPartial()
		a := s.sat.NewAccumulator()
		counted, late := make([]bool, len(pool)), make([]bool, len(pool))
		for i := range pool {
			v := s.tim.Classify(&pool[i])
			counted[i], late[i] = v.Counted, v.Counted && !v.InNumerator
		}
		run(b, func(i int) {
			d := &pool[i]
			p.memoValid, p.memoCode, p.memoCounted, p.memoLate = true, d.Code, counted[i], late[i]
			a.Add(p.sc.ClassifyRef(d, refs[i]))
		})
	})
	b.Run("resolve", func(b *testing.B) {
		var n int32
		run(b, func(i int) { n += s.keys.Ref(pool[i].UnitID, pool[i].ProcedureCode).Unit })
		_ = n
	})
	b.Run("explanations", func(b *testing.B) {
		p := s.NewPartial()
		verdicts := make([][]indicator.Verdict, len(pool))
		for i := range pool {
			p.AddDossier(&pool[i])
			verdicts[i] = slices.Clone(p.last)
		}
		run(b, func(i int) { p.ex.note(refs[i].Unit, pool[i].UnitID, pool[i].Code, verdicts[i]) })
	})
}
