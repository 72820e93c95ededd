package sample_test

import (
	"fmt"

	"github.com/vn-dvc/chiso766/examples/internal/sample"
	"github.com/vn-dvc/chiso766/model"
)

// Generate a small province and range over its dossier stream.
func ExampleGenerate() {
	p, err := sample.Generate(sample.Options{Seed: 42, Year: 2026, Dossiers: 2000})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("units:", len(p.Units), "procedures:", len(p.Procedures), "petitions:", len(p.Petitions))
	online := 0
	for d := range p.Dossiers() {
		if d.Channel.Is(model.ChannelOnline) {
			online++
		}
	}
	fmt.Println("dossiers:", p.Len(), "online > 60 %:", online*100 > 60*p.Len())
	fmt.Println("as of:", p.AsOf.Format("2006-01-02 15:04 -07:00"))
	// Output:
	// units: 11 procedures: 68 petitions: 200
	// dossiers: 2000 online > 60 %: true
	// as of: 2027-01-01 00:00 +07:00
}

// The first dossiers of a stream are the same on every run.
func ExampleProvince_DossierSlice() {
	p, err := sample.Generate(sample.Options{Seed: 1, Year: 2026, Dossiers: 100})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range p.DossierSlice(3) {
		fmt.Println(d.Code, d.ReceivedAt.T.Format("15:04"), d.Channel.Is(model.ChannelOnline))
	}
	// Output:
	// H99.04-260105-0001 10:28 false
	// H99.02-260106-0001 14:53 true
	// H99.101-260107-0001 15:40 true
}
