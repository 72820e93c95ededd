package csvio

import (
	"io"
	"iter"

	"github.com/vn-dvc/chiso766/model"
)

func stepColumns() []column[model.Step] {
	type S = model.Step
	return []column[S]{
		str("dossier_code", func(s *S) *string { return &s.DossierCode }),
		tm("at", func(s *S) *model.Time { return &s.At }),
		{"status", func(s *S) (string, error) { return s.Status.String(), nil },
			func(s *S, v string) error { s.Status = model.ParseStatus(v); return nil }},
		str("action", func(s *S) *string { return &s.Action }),
		str("officer", func(s *S) *string { return &s.Officer }),
		str("title", func(s *S) *string { return &s.Title }),
		str("department", func(s *S) *string { return &s.Department }),
		tm("started_at", func(s *S) *model.Time { return &s.StartedAt }),
		tm("deadline", func(s *S) *model.Time { return &s.Deadline }),
		str("from_unit", func(s *S) *string { return &s.FromUnit }),
		str("to_unit", func(s *S) *string { return &s.ToUnit }),
		{"real_event", func(s *S) (string, error) { return fmtBool(s.RealEvent), nil },
			func(s *S, v string) error {
				f, err := parseFlag(v)
				s.RealEvent = f != model.FlagFalse // absent = real, as in the portal codec
				return err
			}},
	}
}

// StepColumns returns the header of the timeline-step layout: dossier_code
// (required), at, status, action, officer, title, department, started_at,
// deadline, from_unit, to_unit, real_event (absent = 1).
func StepColumns() []string { return names(stepColumns()) }

// DecodeSteps streams timeline steps (one per line) with the rules of
// DecodeDossiers ("dossier_code" required).
func DecodeSteps(r io.Reader, opts ...Option) iter.Seq2[model.Step, error] {
	return decode(r, newConfig(opts), stepColumns(), "dossier_code", func(s *model.Step) string { return s.DossierCode }, model.Step{RealEvent: true})
}

// StepWriter writes timeline steps in the step layout.
type StepWriter struct{ w *writer[model.Step] }

// NewStepWriter returns a writer to w.
func NewStepWriter(w io.Writer) *StepWriter {
	return &StepWriter{newWriter(w, stepColumns(), func(s *model.Step) string { return s.DossierCode })}
}

// Write writes one step.
func (w *StepWriter) Write(s *model.Step) error { return w.w.write(s) }

// Flush writes buffered rows and reports any write error.
func (w *StepWriter) Flush() error { return w.w.flush() }

func offeringColumns() []column[model.Offering] {
	type O = model.Offering
	return []column[O]{
		str("unit_id", func(o *O) *string { return &o.UnitID }),
		str("procedure_code", func(o *O) *string { return &o.ProcedureCode }),
		{"level", func(o *O) (string, error) { return o.Level.String(), nil },
			func(o *O, v string) error { o.Level = model.ParseOnlineLevel(v); return nil }},
		{"state", func(o *O) (string, error) { return o.State.String(), nil },
			func(o *O, v string) error { o.State = model.ParsePublishedState(v); return nil }},
		tm("valid_from", func(o *O) *model.Time { return &o.ValidFrom }),
		tm("valid_to", func(o *O) *model.Time { return &o.ValidTo }),
	}
}

// OfferingColumns returns the header of the offering layout: unit_id,
// procedure_code (required), level (0 none, 2 information only, 3 partial /
// "một phần", 4 full / "toàn trình"), state ("Đang công khai", ...),
// valid_from, valid_to.
func OfferingColumns() []string { return names(offeringColumns()) }

// DecodeOfferings streams per-unit offerings with the rules of DecodeDossiers
// ("procedure_code" required).
func DecodeOfferings(r io.Reader, opts ...Option) iter.Seq2[model.Offering, error] {
	return decode(r, newConfig(opts), offeringColumns(), "procedure_code", func(o *model.Offering) string { return o.ProcedureCode }, model.Offering{})
}

// OfferingWriter writes offerings in the offering layout.
type OfferingWriter struct{ w *writer[model.Offering] }

// NewOfferingWriter returns a writer to w.
func NewOfferingWriter(w io.Writer) *OfferingWriter {
	return &OfferingWriter{newWriter(w, offeringColumns(), func(o *model.Offering) string { return o.ProcedureCode })}
}

// Write writes one offering.
func (w *OfferingWriter) Write(o *model.Offering) error { return w.w.write(o) }

// Flush writes buffered rows and reports any write error.
func (w *OfferingWriter) Flush() error { return w.w.flush() }

func unitColumns() []column[model.Unit] {
	type U = model.Unit
	return []column[U]{
		str("id", func(u *U) *string { return &u.ID }),
		str("code", func(u *U) *string { return &u.Code }),
		str("name", func(u *U) *string { return &u.Name }),
		{"kind", func(u *U) (string, error) { return u.Kind.String(), nil },
			func(u *U, v string) error { u.Kind = model.ParseUnitKind(v); return nil }},
		str("parent", func(u *U) *string { return &u.Parent }),
		tm("valid_from", func(u *U) *model.Time { return &u.ValidFrom }),
		tm("valid_to", func(u *U) *model.Time { return &u.ValidTo }),
		strList("successors", func(u *U) *[]string { return &u.Successors }),
		str("department_type", func(u *U) *string { return &u.DepartmentType }),
		str("department_level", func(u *U) *string { return &u.DepartmentLevel }),
		str("agency_level", func(u *U) *string { return &u.AgencyLevel }),
	}
}

// UnitColumns returns the header of the unit layout: id (required), code,
// name, kind (PROVINCE, PROVINCIAL_DEPARTMENT, COMMUNE_PEOPLE_COMMITTEE,
// MINISTRY, ...), parent, valid_from, valid_to, successors (';' list),
// department_type, department_level, agency_level. Feed the units to
// model.NewHierarchy to validate the parent links.
func UnitColumns() []string { return names(unitColumns()) }

// DecodeUnits streams units with the rules of DecodeDossiers ("id" required).
func DecodeUnits(r io.Reader, opts ...Option) iter.Seq2[model.Unit, error] {
	return decode(r, newConfig(opts), unitColumns(), "id", func(u *model.Unit) string { return u.ID }, model.Unit{})
}

// UnitWriter writes units in the unit layout.
type UnitWriter struct{ w *writer[model.Unit] }

// NewUnitWriter returns a writer to w.
func NewUnitWriter(w io.Writer) *UnitWriter {
	return &UnitWriter{newWriter(w, unitColumns(), func(u *model.Unit) string { return u.ID })}
}

// Write writes one unit.
func (w *UnitWriter) Write(u *model.Unit) error { return w.w.write(u) }

// Flush writes buffered rows and reports any write error.
func (w *UnitWriter) Flush() error { return w.w.flush() }

func ratingColumns() []column[model.Rating] {
	type R = model.Rating
	return []column[R]{
		str("dossier_code", func(r *R) *string { return &r.DossierCode }),
		tm("at", func(r *R) *model.Time { return &r.At }),
		boolean("dislike", func(r *R) *bool { return &r.Dislike }),
		{"level", func(r *R) (string, error) { return r.Level.String(), nil },
			func(r *R, v string) error { r.Level = model.ParseRatingLevel(v); return nil }},
		structList("criteria", 2, func(r *R) *[]model.RatingAnswer { return &r.Criteria },
			func(a *model.RatingAnswer) []string { return []string{a.Criterion, a.Answer} },
			func(p []string) (model.RatingAnswer, error) {
				return model.RatingAnswer{Criterion: p[0], Answer: p[1]}, nil
			}),
	}
}

// RatingColumns returns the header of the rating layout: dossier_code
// (required), at, dislike (1/0), level (1 rất hài lòng … 5 rất không hài
// lòng, or the label), criteria (items criterion|answer).
func RatingColumns() []string { return names(ratingColumns()) }

// DecodeRatings streams dossier ratings with the rules of DecodeDossiers
// ("dossier_code" required).
func DecodeRatings(r io.Reader, opts ...Option) iter.Seq2[model.Rating, error] {
	return decode(r, newConfig(opts), ratingColumns(), "dossier_code", func(x *model.Rating) string { return x.DossierCode }, model.Rating{})
}

// RatingWriter writes ratings in the rating layout.
type RatingWriter struct{ w *writer[model.Rating] }

// NewRatingWriter returns a writer to w.
func NewRatingWriter(w io.Writer) *RatingWriter {
	return &RatingWriter{newWriter(w, ratingColumns(), func(x *model.Rating) string { return x.DossierCode })}
}

// Write writes one rating.
func (w *RatingWriter) Write(x *model.Rating) error { return w.w.write(x) }

// Flush writes buffered rows and reports any write error.
func (w *RatingWriter) Flush() error { return w.w.flush() }
