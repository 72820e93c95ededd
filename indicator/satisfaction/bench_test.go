package satisfaction

import (
	"fmt"
	"testing"
	"time"

	"github.com/vn-dvc/chiso766/model"
)

// BenchmarkDossier measures Classify + Accumulator.Add per dossier on the 5.3 path (stub timeliness, a
// rating/complaint set of 1 000 codes).
func BenchmarkDossier(b *testing.B) {
	o := baseOptions(b)
	ds := make([]model.Dossier, 4096)
	for i := range ds {
		ds[i] = model.Dossier{Code: fmt.Sprintf("U%02d-260805-%04d", i%40, i), UnitID: fmt.Sprintf("U%02d", i%40)}
		if i%4 == 0 {
			o.Ratings = append(o.Ratings, model.Rating{DossierCode: ds[i].Code, Dislike: true})
		}
	}
	o.Timeliness = func(d *model.Dossier) (bool, bool) { return true, len(d.Code)%2 == 0 }
	c := newCalc(b, o)
	a := c.NewAccumulator()
	for i := range ds {
		a.Add(c.Classify(&ds[i]))
	}
	b.ReportAllocs()
	lockThread()
	defer unlockThread()
	cpu0, ok := threadCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Add(c.Classify(&ds[i%len(ds)]))
	}
	b.StopTimer()
	reportPerRecord(b, cpu0, ok)
}

// BenchmarkPetition measures ClassifyPetition (calendar deadlines over a four-event timeline) per petition.
func BenchmarkPetition(b *testing.B) {
	c := newCalc(b, baseOptions(b))
	ps := make([]model.Petition, 256)
	for i := range ps {
		ps[i] = petition(pid(fmt.Sprint(i)), recv(day(8, 1+i%28)), forwarded(day(8, 2+i%28)), ev(moreInfo, day(8, 3+i%28)),
			ev(awaiting, day(8, 1+(i+5)%31)), ev(published, day(8, 1+(i+7)%31)))
	}
	b.ReportAllocs()
	lockThread()
	defer unlockThread()
	cpu0, ok := threadCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = c.ClassifyPetition(&ps[i%len(ps)])
	}
	b.StopTimer()
	reportPerRecord(b, cpu0, ok)
}

// BenchmarkPetitionAdd measures ClassifyPetition + AddPetition on a fresh accumulator per 256 petitions
// (the map of counted petitions grows: allocations are expected here).
func BenchmarkPetitionAdd(b *testing.B) {
	c := newCalc(b, baseOptions(b))
	ps := make([]model.Petition, 256)
	for i := range ps {
		ps[i] = petition(pid(fmt.Sprint(i)), recv(day(8, 1+i%28)), ev(rejected, day(8, 1+(i+1)%31)))
	}
	a := c.NewAccumulator()
	b.ReportAllocs()
	lockThread()
	defer unlockThread()
	cpu0, ok := threadCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%len(ps) == 0 {
			a = c.NewAccumulator()
		}
		a.AddPetition(c.ClassifyPetition(&ps[i%len(ps)]))
	}
	b.StopTimer()
	reportPerRecord(b, cpu0, ok)
}

// reportPerRecord reports wall ns/record and, where the OS gives per-thread CPU time, cpu-ns/record.
func reportPerRecord(b *testing.B, cpu0 time.Duration, ok bool) {
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/record")
	if cpu1, ok1 := threadCPU(); ok && ok1 {
		b.ReportMetric(float64((cpu1-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/record")
	}
}
