package csvio

import (
	"bytes"
	"errors"
	"io"
	"iter"
	"reflect"
	"strings"
	"testing"

	"github.com/vn-dvc/chiso766/model"
	"github.com/vn-dvc/chiso766/model/portal"
)

func roundTrip[T any](t *testing.T, in string, dec func(io.Reader, ...Option) iter.Seq2[T, error], write func(io.Writer, []T) error) []T {
	t.Helper()
	var first []T
	for x, err := range dec(strings.NewReader(in)) {
		if err != nil {
			t.Fatal(err)
		}
		first = append(first, x)
	}
	var buf bytes.Buffer
	if err := write(&buf, first); err != nil {
		t.Fatal(err)
	}
	out1 := buf.String()
	var second []T
	for x, err := range dec(&buf) {
		if err != nil {
			t.Fatal(err)
		}
		second = append(second, x)
	}
	var buf2 bytes.Buffer
	if err := write(&buf2, second); err != nil {
		t.Fatal(err)
	}
	if out1 != buf2.String() || len(first) != len(second) {
		t.Errorf("round trip:\n%s\n%s", out1, buf2.String())
	}
	return first
}

func TestStepsOfferingsUnitsRatings(t *testing.T) {
	steps := roundTrip(t, "dossier_code,at,status,officer,real_event\n"+
		"H44.07-260805-0012,20260805084500,2,Lê Huy,\n"+
		"H44.07-260805-0012,2026-08-12T10:00:00,waiting,Chuyên viên,0\n",
		DecodeSteps, func(w io.Writer, xs []model.Step) error {
			sw := NewStepWriter(w)
			for i := range xs {
				if err := sw.Write(&xs[i]); err != nil {
					return err
				}
			}
			return sw.Flush()
		})
	if len(steps) != 2 || !steps[0].RealEvent || steps[1].RealEvent || !steps[1].Status.Is(model.StatusSupplement) {
		t.Errorf("steps %+v", steps)
	}
	offers := roundTrip(t, "unit_id,procedure_code,level,state,valid_from,valid_to\n"+
		"H44.07,2.000815,toàn trình,Đang công khai,20260101000000,\n"+
		"H44.100,1.001193,3,đang kiểm thử,,2026-09-01\n",
		DecodeOfferings, func(w io.Writer, xs []model.Offering) error {
			ow := NewOfferingWriter(w)
			for i := range xs {
				if err := ow.Write(&xs[i]); err != nil {
					return err
				}
			}
			return ow.Flush()
		})
	if len(offers) != 2 || !offers[0].Level.Is(model.OnlineFull) || !offers[0].State.Active() || !offers[1].Level.Is(model.OnlinePartial) || !offers[1].ValidTo.IsSet() {
		t.Errorf("offerings %+v", offers)
	}
	units := roundTrip(t, "id,name,kind,parent,successors,department_type\n"+
		"H44,Phú Thọ,PROVINCE,,,PROVINCE\n"+
		"H44.07,Sở Nông nghiệp và Môi trường,PROVINCIAL_DEPARTMENT,H44,,PROVINCIAL_DEPARTMENT\n"+
		"H44.100,Phường Việt Trì,COMMUNE_PEOPLE_COMMITTEE,H44,H44.101;H44.102,COMMUNE_PEOPLE_COMMITTEE\n"+
		"H44.101,Phường Thanh Miếu,COMMUNE_PEOPLE_COMMITTEE,H44,,COMMUNE_PEOPLE_COMMITTEE\n"+
		"H44.102,Phường Bạch Hạc,COMMUNE_PEOPLE_COMMITTEE,H44,,COMMUNE_PEOPLE_COMMITTEE\n",
		DecodeUnits, func(w io.Writer, xs []model.Unit) error {
			uw := NewUnitWriter(w)
			for i := range xs {
				if err := uw.Write(&xs[i]); err != nil {
					return err
				}
			}
			return uw.Flush()
		})
	h, err := model.NewHierarchy(units)
	if err != nil || !reflect.DeepEqual(h.Children("H44"), []string{"H44.07", "H44.100", "H44.101", "H44.102"}) || len(units[2].Successors) != 2 || !units[2].Kind.Is(model.UnitCommune) {
		t.Errorf("units %+v %v", units, err)
	}
	ratings := roundTrip(t, "dossier_code,at,dislike,level,criteria\n"+
		"H44.07-260805-0012,20260906100000,1,Không hài lòng,C1|3;C2|5\n"+
		"000.00.12.H44-260803-0007,,0,1,\n",
		DecodeRatings, func(w io.Writer, xs []model.Rating) error {
			rw := NewRatingWriter(w)
			for i := range xs {
				if err := rw.Write(&xs[i]); err != nil {
					return err
				}
			}
			return rw.Flush()
		})
	if len(ratings) != 2 || !ratings[0].Unsatisfied() || len(ratings[0].Criteria) != 2 || ratings[1].Unsatisfied() || !ratings[1].Level.Is(model.RatingVerySatisfied) {
		t.Errorf("ratings %+v", ratings)
	}
	for _, cols := range [][]string{StepColumns(), OfferingColumns(), UnitColumns(), RatingColumns()} {
		if len(cols) < 5 {
			t.Errorf("columns %v", cols)
		}
	}
	for _, err := range DecodeSteps(strings.NewReader("dossier_code,real_event\nA,x\n")) {
		if !errors.Is(err, portal.ErrBadFlag) {
			t.Errorf("real_event: %v", err)
		}
	}
}

// TestStepRealEventAbsentColumn: real_event is "absent = 1" whether the cell is empty or the file has no
// such column (the column-less case once decoded false).
func TestStepRealEventAbsentColumn(t *testing.T) {
	for _, in := range []string{"dossier_code,status\nA,2\n", "dossier_code,status,real_event\nA,2,\n", "dossier_code,status,real_event\nA,2,0\n"} {
		for s, err := range DecodeSteps(strings.NewReader(in)) {
			if err != nil {
				t.Fatal(err)
			}
			if want := !strings.HasSuffix(in, ",0\n"); s.RealEvent != want {
				t.Errorf("%q: RealEvent %v, want %v", in, s.RealEvent, want)
			}
		}
	}
}
