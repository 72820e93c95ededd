package model_test

import (
	"fmt"
	"time"

	"github.com/vn-dvc/chiso766/model"
)

// Codes keep the raw text and compare by canonical value.
func ExampleParseStatus() {
	for _, raw := range []string{"09", "releasing", "posting", "42"} {
		s := model.ParseStatus(raw)
		fmt.Printf("%q → code %d, known %v, terminal %v, %q\n", s.String(), s.Code(), s.Known(), s.Code().Terminal(), s.Label())
	}
	// Output:
	// "09" → code 9, known true, terminal true, "Đã xử lý xong"
	// "releasing" → code 9, known true, terminal true, "Đã xử lý xong"
	// "posting" → code 0, known false, terminal false, ""
	// "42" → code 0, known false, terminal false, ""
}

// Periods are whole civil days in Vietnam time.
func ExampleParsePeriod() {
	p, err := model.ParsePeriod("2026-Q3")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p, p.StartTime(), p.EndTime())
	fmt.Println(p.Contains(time.Date(2026, 6, 30, 17, 0, 0, 0, time.UTC))) // 00:00 on 1 July in Vietnam
	// Output:
	// 2026-Q3 2026-07-01 00:00:00 +0700 ICT 2026-10-01 00:00:00 +0700 ICT
	// true
}

// A unit tree validates its parent links.
func ExampleNewHierarchy() {
	h, err := model.NewHierarchy([]model.Unit{
		{ID: "H44", Kind: model.ParseUnitKind("PROVINCE")},
		{ID: "H44.07", Kind: model.ParseUnitKind("PROVINCIAL_DEPARTMENT"), Parent: "H44"},
		{ID: "H44.100", Kind: model.ParseUnitKind("COMMUNE_PEOPLE_COMMITTEE"), Parent: "H44"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	h.Walk("H44", func(u model.Unit) bool {
		fmt.Println(u.ID, u.Kind.LabelEN())
		return true
	})
	_, err = model.NewHierarchy([]model.Unit{{ID: "A", Parent: "Z"}})
	fmt.Println(err)
	// Output:
	// H44 province
	// H44.07 provincial department
	// H44.100 commune
	// unit 0 ("A") field Parent: unknown parent unit
}

// A placeholder date (00010101000000, any date before 2000, more than a year after as-of) is not a date.
func ExampleDateBounds_Placeholder() {
	asOf := time.Date(2026, 12, 7, 0, 0, 0, 0, model.Vietnam())
	b := model.DefaultDateBounds()
	for _, t := range []time.Time{
		time.Date(1, 1, 1, 0, 0, 0, 0, model.Vietnam()),
		time.Date(1999, 12, 31, 0, 0, 0, 0, model.Vietnam()),
		time.Date(2026, 1, 5, 16, 55, 59, 0, model.Vietnam()),
		time.Date(2028, 1, 1, 0, 0, 0, 0, model.Vietnam()),
	} {
		fmt.Println(t.Format("2006-01-02"), b.Placeholder(t, asOf))
	}
	// Output:
	// 0001-01-01 true
	// 1999-12-31 true
	// 2026-01-05 false
	// 2028-01-01 true
}
