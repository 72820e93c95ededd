package satisfaction

import (
	"fmt"
	"testing"

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
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Add(c.Classify(&ds[i%len(ds)]))
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/record")
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
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = c.ClassifyPetition(&ps[i%len(ps)])
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/record")
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
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%len(ps) == 0 {
			a = c.NewAccumulator()
		}
		a.AddPetition(c.ClassifyPetition(&ps[i%len(ps)]))
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/record")
}
